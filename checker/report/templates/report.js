(function () {
  "use strict";
  // Filters hide and show the finding cards; without this script every card stays visible.
  var form = document.getElementById("filters");
  var panel = document.querySelector("section.filters");
  var count = document.getElementById("visible-count");
  var none = document.getElementById("no-match");
  if (!form || !panel || !count || !none) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.group"));

  function fold(text) {
    // Case- and accent-insensitive search: "deja" finds "déjà".
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ");
  }
  var texts = cards.map(function (card) { return fold(card.textContent || ""); });

  function apply() {
    var verdicts = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=verdict]"), function (box) {
      verdicts[box.value] = box.checked;
    });
    var source = form.elements.namedItem("source").value;
    var attribute = form.elements.namedItem("attribute").value;
    var terms = fold(form.elements.namedItem("q").value).split(" ").filter(Boolean);
    var shown = 0;
    cards.forEach(function (card, i) {
      var visible = verdicts[card.dataset.verdict] === true &&
        (!source || card.dataset.sources.split(" ").indexOf(source) >= 0) &&
        (!attribute || card.dataset.attribute === attribute) &&
        terms.every(function (term) { return texts[i].indexOf(term) >= 0; });
      card.hidden = !visible;
      if (visible) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("article.card:not([hidden])");
    });
    count.textContent = shown === cards.length
      ? "Showing all " + cards.length + " finding" + (cards.length === 1 ? "" : "s") + "."
      : "Showing " + shown + " of " + cards.length + " finding" + (cards.length === 1 ? "" : "s") + ".";
    none.hidden = shown !== 0 || cards.length === 0;
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  panel.hidden = cards.length === 0;
  apply();
}());
