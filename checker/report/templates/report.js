(function () {
  "use strict";
  // Filters narrow the fact sheet, the timeline and the cards at once; without this script everything
  // stays visible and the subject groups open and close as plain <details>.
  var form = document.getElementById("filters");
  var panel = document.querySelector("section.filters");
  var count = document.getElementById("visible-count");
  var note = document.getElementById("filter-note");
  var none = document.getElementById("no-match");
  if (!form || !panel || !count || !note || !none) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-card]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("details.subject"));
  var unmatched = Array.prototype.slice.call(document.querySelectorAll("details.unmatched-doc"));
  var sourceRows = Array.prototype.slice.call(document.querySelectorAll("section.sources tr[id]"));
  var siteGroups = Array.prototype.slice.call(document.querySelectorAll("section.sources details.site-group"));
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.sheet-table"));
  var total = cards.length;
  var texts = null;
  var shownIds = {};

  function fold(text) {
    // Case- and accent-insensitive search: "deja" finds "déjà".
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ");
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function selected(name) {
    var field = form.elements.namedItem(name);
    return field ? field.value : "";
  }
  function label(name) {
    var field = form.elements.namedItem(name);
    if (!field || !field.value) { return ""; }
    return field.options[field.selectedIndex].text.replace(/ \(\d+\)$/, "");
  }

  function apply(openMatches) {
    var verdicts = {};
    var off = [];
    Array.prototype.forEach.call(form.querySelectorAll("input[name=verdict]"), function (box) {
      verdicts[box.value] = box.checked;
      if (!box.checked) { off.push(box.parentNode.textContent.replace(/\(\d+\)/, "").trim()); }
    });
    var source = selected("source");
    var subject = selected("subject");
    var fact = selected("fact");
    var query = form.elements.namedItem("q").value;
    var terms = fold(query).split(" ").filter(Boolean);
    if (terms.length && texts === null) {
      texts = cards.map(function (card) { return fold(card.textContent || ""); });
    }
    var shown = 0;
    shownIds = {};
    cards.forEach(function (card, i) {
      var visible = verdicts[card.dataset.verdict] === true &&
        (!source || (" " + card.dataset.sources + " " + card.dataset.sites + " ").indexOf(" " + source + " ") >= 0) &&
        (!subject || card.dataset.subject === subject) &&
        (!fact || card.dataset.fact === fact) &&
        terms.every(function (term) { return texts[i].indexOf(term) >= 0; });
      card.hidden = !visible;
      if (visible) { shown += 1; shownIds[card.id] = true; }
    });
    rows.forEach(function (row) {
      if (row.tagName !== "ARTICLE") { row.hidden = !shownIds[row.dataset.card]; }
    });
    var filtered = shown !== total;
    // A filtered sheet keeps only the columns of sources that state something in its rows left.
    tables.forEach(function (table) {
      var heads = table.tHead.rows[0].cells;
      var body = Array.prototype.filter.call(table.tBodies[0].rows, function (row) { return !row.hidden; });
      for (var col = 1; col < heads.length; col += 1) {
        var used = !filtered || body.some(function (row) { return row.cells[col].className.indexOf("none") < 0; });
        heads[col].hidden = !used;
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) { row.cells[col].hidden = !used; });
      }
    });
    var matching = [];
    groups.forEach(function (group) {
      var any = group.querySelector("[data-card]:not([hidden]), article.card:not([hidden])");
      group.hidden = !any;
      if (any) { matching.push(group); }
    });
    // A filtered view lists only the sources of the facts it shows (a print of it stays short).
    var cited = {};
    cards.forEach(function (card) {
      if (!card.hidden) { card.dataset.sources.split(" ").forEach(function (id) { cited[id] = true; }); }
    });
    sourceRows.forEach(function (row) { row.hidden = filtered && !cited[row.id]; });
    siteGroups.forEach(function (group) { group.hidden = !group.querySelector("tr[id]:not([hidden])"); });
    unmatched.forEach(function (doc) {
      doc.hidden = (!!source && doc.dataset.source !== source && doc.dataset.site !== source) ||
        (filtered && !cited[doc.dataset.source]);
    });
    if (openMatches && filtered && matching.length <= 24) {
      matching.forEach(function (group) { group.open = true; });
    }
    count.textContent = filtered
      ? "Showing " + shown + " of " + plural(total, "fact") + "."
      : "Showing all " + plural(total, "fact") + ".";
    var parts = [];
    if (off.length) { parts.push("verdicts hidden: " + off.join(", ")); }
    if (source) { parts.push("source: " + label("source")); }
    if (subject) { parts.push("subject: " + label("subject")); }
    if (fact) { parts.push("fact: " + label("fact")); }
    if (terms.length) { parts.push("words: \u201c" + query.trim() + "\u201d"); }
    note.hidden = parts.length === 0;
    note.textContent = parts.length
      ? "Filtered view (" + parts.join("; ") + "): showing " + shown + " of " + plural(total, "fact") + "."
      : "";
    none.hidden = shown !== 0 || total === 0;
  }

  function reveal(id) {
    // A link to a card (or a finding inside one) opens the groups around it first.
    var target = id ? document.getElementById(id) : null;
    if (!target) { return; }
    for (var node = target.parentNode; node; node = node.parentNode) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    target.scrollIntoView();
  }
  function fromHash() { reveal(decodeURIComponent(location.hash.slice(1))); }

  function setAll(open) {
    groups.forEach(function (group) { if (!group.hidden) { group.open = open; } });
  }

  var printed = [];
  window.addEventListener("beforeprint", function () {
    // A filtered view prints what the filters show, every group of it open; an unfiltered one prints as it
    // stands (open what you want on paper, or use "Expand all").
    if (note.hidden) { return; }
    printed = groups.filter(function (group) { return !group.open && !group.hidden; });
    printed.forEach(function (group) { group.open = true; });
  });
  window.addEventListener("afterprint", function () {
    printed.forEach(function (group) { group.open = false; });
    printed = [];
  });

  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(false); }, 0); });
  document.getElementById("expand-all").addEventListener("click", function () { setAll(true); });
  document.getElementById("collapse-all").addEventListener("click", function () { setAll(false); });
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (link) { reveal(decodeURIComponent(link.getAttribute("href").slice(1))); }
  });
  panel.hidden = total === 0;
  apply(false);
  if (location.hash) { fromHash(); }
}());
