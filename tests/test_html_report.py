"""The HTML report: structure, escaping of hostile article text, quotes in context, determinism.

The reports here are built by hand from an invented story (a ferry terminal in a
made-up town) so that the tests do not depend on the extraction pipeline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2 import Environment

from checker.compare.comparators import describe
from checker.records import (
    Claim,
    ClaimValue,
    DocumentInfo,
    Finding,
    Interval,
    MoneyValue,
    Problem,
    QuantityValue,
    Report,
    Span,
    TimeValue,
    Value,
)
from checker.report.html_report import HtmlReporter, doc_anchor

HERALD = "articles/kellbrook-herald.txt"
GAZETTE = "articles/gazette-cote.md"
WIRE = "articles/wire.html"

TEXTS = {
    HERALD: ("Kellbrook ferry terminal to open in April\n\n"
             "The new ferry terminal in Kellbrook will open on April 7, 2031, the harbour authority said on "
             "Tuesday. The project, which cost €48 million, employs some 70 people on site.\n"),
    GAZETTE: ("+++\ntitle = \"Le terminal de Kellbrook ouvrira en juin\"\n+++\n\n"
              "Le nouveau terminal de ferry de Kellbrook ouvrira en juin 2031, selon l'autorité portuaire. "
              "Le chantier, d'un coût de 48 millions d'euros, emploie plus de 150 personnes.\n"),
    WIRE: ("<html><body><article><h1>Terminal update</h1>\n"
           "<p>Officials in Kellbrook say the terminal opens in 2031 &amp; will double capacity.</p>"
           "</article></body></html>\n"),
}

HOSTILE = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"


def span(path: str, text: str, start: int, end: int) -> Span:
    """A span with its 1-based line and column, as ingest makes them."""
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Span(path=path, start=start, end=end, quote=text[start:end], line=line, column=column)


def claim(cid: str, path: str, text: str, sentence: str, surface: str, value: Value, attribute: str,
          subject: str = "Kellbrook ferry terminal") -> Claim:
    """A claim whose evidence is ``sentence`` and whose value is ``surface`` inside it, in ``text``."""
    s = text.index(sentence)
    v = text.index(surface, s)
    return Claim(id=cid, document=path, subject=subject, attribute=attribute,
                 value=ClaimValue(text=surface, start=v, end=v + len(surface), value=value),
                 evidence=span(path, text, s, s + len(sentence)), rule=f"test-{attribute}")


def finding(verdict: str, severity: str, reason: str, claims: list[Claim], attribute: str) -> Finding:
    """A finding over ``claims``, its two values described the way the comparator does."""
    values = sorted({describe(c.value.value) for c in claims})
    key = f"{claims[0].subject} / {attribute} / {claims[0].value.value.type}"
    fingerprint = hashlib.sha256(f"{verdict}{key}{values}".encode()).hexdigest()[:16]
    return Finding(fingerprint=fingerprint, rule=f"FC-{claims[0].value.value.type}-{verdict}",
                   verdict=verdict, severity=severity, key=key, reason=reason,  # type: ignore[arg-type]
                   claims=tuple(c.id for c in claims), evidence=tuple(c.evidence for c in claims),
                   sides=tuple(0 if describe(c.value.value) == values[0] else 1 for c in claims),
                   values=(values[0], values[-1]))


def day(y: int, m: int, d: int) -> TimeValue:
    return TimeValue(earliest=dt.date(y, m, d), latest=dt.date(y, m, d), granularity="day")


def month(y: int, m: int, last: int) -> TimeValue:
    return TimeValue(earliest=dt.date(y, m, 1), latest=dt.date(y, m, last), granularity="month")


def year(y: int) -> TimeValue:
    return TimeValue(earliest=dt.date(y, 1, 1), latest=dt.date(y, 12, 31), granularity="year")


def people(low: float, high: float | None, typical_high: float, low_inclusive: bool = True,
           quantifier: str | None = None) -> QuantityValue:
    return QuantityValue(literal=Interval(low=low, high=high, low_inclusive=low_inclusive),
                         typical=Interval(low=low, high=typical_high, low_inclusive=low_inclusive),
                         unit="person", quantifier=quantifier)


def make_report(texts: dict[str, str] | None = None, extra_claims: tuple[Claim, ...] = (),
                problems: tuple[Problem, ...] = (), town: str = "Kellbrook") -> Report:
    """Three invented sources: a hard conflict on a date, a soft one on a head count, a compatible
    pair of dates and an agreement on a cost. ``town`` replaces the town's name in texts and quotes."""
    t = {path: text.replace("Kellbrook", town) for path, text in (texts or TEXTS).items()}
    h, g, w = t[HERALD], t[GAZETTE], t[WIRE]
    subj = f"{town} ferry terminal"
    h_open = claim("c1", HERALD, h, f"The new ferry terminal in {town} will open on April 7, 2031, the "
                   "harbour authority said on Tuesday.", "April 7, 2031", day(2031, 4, 7), "opening", subj)
    g_open = claim("c2", GAZETTE, g, f"Le nouveau terminal de ferry de {town} ouvrira en juin 2031, selon "
                   "l'autorité portuaire.", "juin 2031", month(2031, 6, 30), "opening", subj)
    w_open = claim("c3", WIRE, w, f"Officials in {town} say the terminal opens in 2031 &amp; will double "
                   "capacity.", "2031", year(2031), "opening", subj)
    h_cost = claim("c4", HERALD, h, "The project, which cost €48 million, employs some 70 people on site.",
                   "€48 million", MoneyValue(low=48e6, high=48e6, currency="EUR"), "cost", subj)
    g_cost = claim("c5", GAZETTE, g, "Le chantier, d'un coût de 48 millions d'euros, emploie plus de 150 "
                   "personnes.", "48 millions d'euros", MoneyValue(low=48e6, high=48e6, currency="EUR"),
                   "cost", subj)
    h_staff = claim("c6", HERALD, h, "The project, which cost €48 million, employs some 70 people on site.",
                    "some 70 people", people(60, 80, 80, quantifier="about"), "workforce", subj)
    g_staff = claim("c7", GAZETTE, g, "Le chantier, d'un coût de 48 millions d'euros, emploie plus de 150 "
                    "personnes.", "plus de 150 personnes",
                    people(150, None, 300, low_inclusive=False, quantifier="more-than"),
                    "workforce", subj)
    findings = (
        finding("agreement", "info", "€48 million and 48 millions d'euros are the same amount",
                [h_cost, g_cost], "cost"),
        finding("compatible", "info", "2031-06 lies within 2031", [g_open, w_open], "opening"),
        finding("conflict", "soft", "some 70 people is typically far below more than 150 people",
                [h_staff, g_staff], "workforce"),
        finding("conflict", "hard", "2031-04-07 and 2031-06 are about 2 months apart", [h_open, g_open],
                "opening"),
    )
    documents = (
        DocumentInfo(path=HERALD, format="txt", language="en", reference_date=dt.date(2030, 5, 14),
                     reference_date_source="dateline", title="Kellbrook ferry terminal to open in April",
                     sha256="0" * 64, characters=len(h)),
        DocumentInfo(path=GAZETTE, format="markdown", language="fr", language_source="metadata",
                     reference_date=dt.date(2030, 5, 15), reference_date_source="front-matter",
                     title="Le terminal de Kellbrook ouvrira en juin", source="https://gazette.example/kellbrook",
                     sha256="1" * 64, characters=len(g)),
        DocumentInfo(path=WIRE, format="html", language="en", reference_date=None,
                     reference_date_source="unknown", title=None, sha256="2" * 64, characters=len(w)),
    )
    claims = (h_open, g_open, w_open, h_cost, g_cost, h_staff, g_staff, *extra_claims)
    return Report(version="0.1.0", documents=documents, claims=claims, findings=findings, problems=problems)


# ---------------------------------------------------------------------------
# A small DOM summary from the standard library's parser
# ---------------------------------------------------------------------------


@dataclass
class Page(HTMLParser):
    """Elements, attributes and the visible text of a page, as a browser's parser would see them."""

    elements: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    _in: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style", "mark"):
            self._in.append(tag)
            if tag == "mark":
                self.marks.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if "script" in self._in:
            self.scripts.append(data)
        elif "style" not in self._in:
            self.text.append(data)
            if "mark" in self._in:
                self.marks[-1] += data

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]

    def by_id(self, ident: str) -> tuple[str, dict[str, str | None]]:
        found = [(tag, attrs) for tag, attrs in self.elements if attrs.get("id") == ident]
        assert len(found) == 1, f"{ident}: {len(found)} elements"
        return found[0]

    @property
    def visible(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


def parse(html_text: str) -> Page:
    page = Page()
    page.feed(html_text)
    page.close()
    return page


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------


@pytest.fixture
def report() -> Report:
    return make_report()


def test_page_is_self_contained_and_accessible(report: Report) -> None:
    out = HtmlReporter(sources=TEXTS).render(report)
    page = parse(out)
    assert out.startswith("<!DOCTYPE html>")
    assert page.tags("html")[0]["lang"] == "en"
    for landmark in ("main", "header", "footer"):
        assert page.tags(landmark), landmark
    # Nothing is fetched: no src attribute, no stylesheet link, no url() in the CSS.
    assert not [a for _, a in page.elements if "src" in a]
    assert all(a.get("rel") != "stylesheet" for a in page.tags("link"))
    assert "url(" not in out and "@import" not in out
    assert not re.search(r"""(?:src|href)=["']?(?!#|data:)[a-z]+:""", out.replace(
        'href="https://gazette.example/kellbrook"', ""))
    # Every control has a label.
    labelled = {a.get("for") for a in page.tags("label")}
    for tag in ("select", "input"):
        for attrs in page.tags(tag):
            assert attrs.get("id") in labelled or attrs.get("type") == "checkbox", attrs
    # Ids are unique; every aria-labelledby names ids that exist.
    ids = [a["id"] for _, a in page.elements if a.get("id")]
    assert len(ids) == len(set(ids))
    for _, attrs in page.elements:
        for ident in (attrs.get("aria-labelledby") or "").split():
            assert ident in ids, ident
    # Sections name their heading.
    for attrs in page.tags("section"):
        target = attrs.get("aria-labelledby")
        assert target, attrs
        assert page.by_id(target)[0].startswith("h")


def test_summary_counts_and_card_order(report: Report) -> None:
    page = parse(HtmlReporter().render(report))
    text = page.visible
    assert "3 sources, 7 checkable claims, 3 facts compared (4 findings)." in text
    assert "2 conflicts (1 hard, 1 soft)" in text
    assert "0 compatible" in text and "1 agreement" in text
    cards = page.tags("article")
    # One card per fact: the opening's conflict and its compatible pair are one card.
    assert [c["data-verdict"] for c in cards] == ["conflict", "conflict", "agreement"]
    assert [c["data-severity"] for c in cards[:2]] == ["hard", "soft"]
    assert cards[0]["data-fact"] == "opening"
    assert cards[0]["data-sources"] == f"{doc_anchor(HERALD)} {doc_anchor(GAZETTE)} {doc_anchor(WIRE)}"
    # Every finding keeps its own anchor, inside its fact's card.
    ids = {a.get("id") for _, a in page.elements}
    assert {f"finding-{f.fingerprint}" for f in report.findings} <= ids


def test_cards_show_values_in_words_reasons_quotes_and_links_to_sources(report: Report) -> None:
    out = HtmlReporter(sources=TEXTS).render(report)
    page = parse(out)
    text = page.visible
    assert ("3 different dates; 1 pair disagrees. Kellbrook ferry terminal to open in… says 7 April 2031; "
            "gazette.example says June 2031. These dates are about 2 months apart: both cannot be right.") in text
    for words in ("7 April 2031", "June 2031", "about 70 people (60 to 80)",
                  "more than 150 people (typically 151 to 300)", "48 million euros"):
        assert words in text, words
    assert "April 7, 2031" in page.marks and "juin 2031" in page.marks
    # The file's name and line:column are a detail under the source's name.
    assert "kellbrook-herald.txt:3:1" in text
    # Every link to a source lands on a row of the sources table.
    rows = {a["id"] for a in page.tags("tr") if a.get("id")}
    assert rows == {doc_anchor(p) for p in TEXTS}
    hrefs = [a.get("href") or "" for a in page.tags("a")]
    assert {h[1:] for h in hrefs if h.startswith("#doc-")} == rows
    # Every link to a card lands on a card.
    cards = {a["id"] for a in page.tags("article")}
    assert {h[1:] for h in hrefs if h.startswith("#fact-")} == cards
    # French quotes carry their language.
    assert any(a.get("lang") == "fr" for a in page.tags("blockquote"))


def _without_technical_details(out: str) -> str:
    return re.sub(r'<details class="tech">.*?</details>', "", out, flags=re.DOTALL)


def test_no_interval_notation_for_readers(report: Report) -> None:
    out = _without_technical_details(HtmlReporter(sources=TEXTS).render(report))
    text = parse(out).visible
    for notation in (r"2031-04-07", r"2031-06", r"\[60, 80\]", r"> 150", r"\(typically \(", r"\bperson\b", r" EUR\b"):
        assert not re.search(notation, text), notation
    # The checker's own wording stays available to whoever wants it, folded away.
    assert "2031-04-07 and 2031-06 are about 2 months apart" in parse(HtmlReporter().render(report)).visible


def test_fact_sheet_has_a_row_per_fact_and_a_column_per_source(report: Report) -> None:
    out = HtmlReporter(sources=TEXTS).render(report)
    sheet = out[out.index('id="sheet-title"'):out.index('id="timeline-title"')]
    page = parse(sheet)
    rows = [a for a in page.tags("tr") if a.get("data-card")]
    assert len(rows) == 3
    assert rows[0]["class"] == "sheet-row verdict-conflict"
    headers = re.findall(r'<th scope="col"><a href="#(doc-[^"]+)"', sheet)
    assert headers == [doc_anchor(HERALD), doc_anchor(GAZETTE), doc_anchor(WIRE)]
    first_row = sheet[sheet.index('<tr class="sheet-row'):sheet.index("</tr>", sheet.index('<tr class="sheet-row'))]
    cells = re.findall(r'<td class="cell ([^"]+)"[^>]*>(.*?)</td>', first_row)
    # The values as each source wrote them, coloured by how they stand to the others.
    assert [(cls, re.sub(r"<[^>]+>", "", body)) for cls, body in cells] == [
        ("st-conflict", "April 7, 2031"), ("st-conflict", "juin 2031"), ("st-compatible", "2031")]
    cost = sheet[sheet.index('verdict-agreement" data-card'):]
    assert '<td class="cell none">' in cost  # the wire does not state the cost


def test_sources_are_named_and_grouped_by_site(report: Report) -> None:
    out = HtmlReporter(sources=TEXTS).render(report)
    section = out[out.index('id="sources-title"'):]
    text = parse(section).visible
    assert "Le terminal de Kellbrook ouvrira en juin" in text
    assert re.search(r"15 May 2030 ?from its front matter", text)
    assert re.search(r"undated ?no date found", text)
    # The wire has no title: its first words name it, and its file is a detail.
    assert "“Terminal update” (untitled: its first words)" in text
    assert "articles/wire.html" in text
    groups = re.findall(r'<summary><span class="site-name">(.*?)</span>', section)
    assert groups == ["gazette.example", "Site not stated"]


def test_filters_cover_verdict_source_site_subject_and_fact(report: Report) -> None:
    page = parse(HtmlReporter(sources=TEXTS).render(report))
    assert [a["value"] for a in page.tags("input") if a.get("name") == "verdict"] == [
        "conflict", "attributed", "updated", "compatible", "agreement"]
    options = {a.get("value") for a in page.tags("option")}
    assert {doc_anchor(HERALD), doc_anchor(GAZETTE), doc_anchor(WIRE), "opening", "workforce", "cost"} <= options
    subjects = [a["value"] for a in page.tags("option") if (a.get("value") or "").startswith("subject-")]
    assert len(subjects) == 1
    assert "hidden" in page.by_id("filter-note")[1]


def test_claims_that_met_nothing_are_listed_per_document() -> None:
    lonely = claim("c9", HERALD, TEXTS[HERALD], "The project, which cost €48 million, employs some 70 people on "
                   "site.", "some 70 people", people(60, 80, 80, quantifier="about"), "open:worker")
    out = HtmlReporter(sources=TEXTS).render(make_report(extra_claims=(lonely,)))
    section = out[out.index('id="unmatched-title"'):out.index('id="sources-title"')]
    text = parse(section).visible
    assert "Kellbrook ferry terminal to open in April 1 claim" in text
    assert "number of “worker” (Kellbrook ferry terminal): about 70 people (60 to 80)" in text
    assert "<details" in section and "<details open" not in section
    assert 'id="unmatched-title"' not in HtmlReporter(sources=TEXTS).render(make_report())


def test_quotes_in_context_come_from_the_file(report: Report) -> None:
    with_file = parse(HtmlReporter(sources=TEXTS).render(report)).visible
    alone = parse(HtmlReporter().render(report)).visible
    # The sentence after the herald's date is context only the file can give...
    assert "said on Tuesday. The project, which" in with_file
    assert "said on Tuesday. The project" not in alone
    # ...but context stops at the paragraph: the headline and front matter are not quoted.
    assert "to open in April The new ferry terminal" not in with_file
    assert "+++" not in with_file
    assert "The new ferry terminal in Kellbrook will open on April 7, 2031" in alone


def test_stale_source_text_falls_back_to_the_quote(report: Report) -> None:
    stale = {path: "x" * len(text) for path, text in TEXTS.items()}
    out = HtmlReporter(sources=stale).render(report)
    page = parse(out)
    assert "April 7, 2031" in page.marks
    quotes = "".join(re.findall(r"<blockquote.*?</blockquote>", out, flags=re.DOTALL))
    assert "xxxx" not in quotes and "The new ferry terminal in Kellbrook will open" in quotes


def test_html_sources_show_words_not_markup(report: Report) -> None:
    page = parse(HtmlReporter(sources=TEXTS).render(report))
    text = page.visible
    assert "opens in 2031 & will double capacity" in text
    assert "&amp;" not in text and "<p>" not in text


def test_long_context_is_cut_at_words() -> None:
    padding = "word " * 200
    texts = dict(TEXTS)
    texts[HERALD] = TEXTS[HERALD].replace("\n\nThe new", "\n\n" + padding + "The new").replace(
        "on site.", "on site. " + padding)
    out = HtmlReporter(sources=texts).render(make_report(texts))
    page = parse(out)
    quote = next(q for q in re.findall(r"<blockquote[^>]*><p>(.*?)</p>", out) if "April 7, 2031" in q)
    assert quote.startswith("…") and quote.endswith("…")
    assert len(re.sub(r"<[^>]+>", "", quote)) < 500
    assert "wor " not in page.visible and " ord" not in page.visible


def test_hostile_article_text_is_shown_as_text_never_as_markup() -> None:
    texts = {path: text.replace("Kellbrook", HOSTILE) for path, text in TEXTS.items()}
    hostile_claims = (claim("c9", HERALD, texts[HERALD], "The new ferry terminal in", "ferry",
                            year(2040), "x", subject=HOSTILE),)
    report = make_report(extra_claims=hostile_claims, town=HOSTILE,
                         problems=(Problem(path=f"{HOSTILE}.txt", kind="binary", message=HOSTILE),))
    report = report.model_copy(update={"documents": tuple(
        d.model_copy(update={"title": HOSTILE, "source": "javascript:alert(1)"}) for d in report.documents)})
    out = HtmlReporter(sources=texts).render(report)
    page = parse(out)
    assert len(page.tags("script")) == 1
    assert "alert" not in page.scripts[0]
    assert not [a for _, a in page.elements if any(k.startswith("on") for k in a)]
    assert not page.tags("img")
    assert not [a for a in page.tags("a") if "javascript:" in (a.get("href") or "")]
    assert HOSTILE in page.visible
    assert "javascript:alert(1)" in page.visible


def test_content_security_policy_matches_the_inline_code(report: Report) -> None:
    import base64

    out = HtmlReporter().render(report)
    page = parse(out)
    policy = next(a["content"] for a in page.tags("meta") if a.get("http-equiv") == "Content-Security-Policy")
    assert policy is not None and "default-src 'none'" in policy
    script = page.scripts[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy


def test_output_is_deterministic(report: Report) -> None:
    assert HtmlReporter(sources=TEXTS).render(report) == HtmlReporter(sources=TEXTS).render(make_report())


@pytest.mark.parametrize("cache", ["folder", "off", "a file"])
def test_the_page_is_the_same_whether_the_compiled_templates_are_kept_or_not(
        report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: str) -> None:
    folder = tmp_path / "cache"
    if cache == "a file":
        folder.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "" if cache == "off" else str(folder))
    first = HtmlReporter(sources=TEXTS).render(report)
    kept = sorted(p.name for p in (folder / "templates").glob("*.cache")) if cache == "folder" else []
    assert len(kept) == (5 if cache == "folder" else 0)
    again = HtmlReporter(sources=TEXTS).render(report)
    assert first == again
    if cache == "folder":
        # The second page was rendered from the kept code: jinja2 compiles nothing when it finds it.
        with monkeypatch.context() as patched:
            patched.setattr(Environment, "compile", _never_compiled)
            assert HtmlReporter(sources=TEXTS).render(report) == first
        # Code that another user could have written is not run: the templates are compiled again.
        for path in (folder / "templates").glob("*.cache"):
            path.chmod(0o666)
        compiled: list[object] = []
        compile_template = Environment.compile

        def counted(env: Environment, *args: Any, **kwargs: Any) -> Any:
            compiled.append(args[0])
            return compile_template(env, *args, **kwargs)

        monkeypatch.setattr(Environment, "compile", counted)
        assert HtmlReporter(sources=TEXTS).render(report) == first and compiled


def _never_compiled(*_: object, **__: object) -> None:
    raise AssertionError("a template was compiled again")


def test_empty_report_renders() -> None:
    empty = Report(version="0.1.0", documents=(), claims=(), findings=())
    page = parse(HtmlReporter().render(empty))
    assert "nothing to report" in page.visible
    assert not page.tags("article")


def test_print_stylesheet_hides_filters_and_keeps_quotes_whole(report: Report) -> None:
    out = HtmlReporter().render(report)
    block = out[out.index("@media print"):]
    assert re.search(r"\.filters[^{]*\{[^}]*display:\s*none", block)
    # A card may run over a page (kept whole, a 300-article print of its conflicts took 68 pages instead of
    # 51), but not its head or any quote; tables lose their scroll box, which would not break at all.
    assert re.search(r"\.quote[^{]*\.card-head[^{]*\{[^}]*break-inside:\s*avoid", block)
    assert re.search(r"\.table-wrap\s*\{\s*overflow:\s*visible", block)
    # A filtered view says so on paper.
    assert re.search(r"\.filter-note:not\(\[hidden\]\)\s*\{[^}]*display:\s*block", block)


def _shape(page: Page) -> list[tuple[str, tuple[str, ...]]]:
    """Every element with the names of its attributes (not their values, which quote the articles)."""
    return sorted((tag, tuple(sorted(attrs))) for tag, attrs in page.elements)


BASELINE_TAGS = sorted(tag for tag, _ in parse(HtmlReporter(sources=TEXTS).render(make_report())).elements)
BASELINE_SHAPE = _shape(parse(HtmlReporter(sources=TEXTS).render(make_report())))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from("<>&\"'/= \t;:abcxyzé!-"), min_size=1, max_size=40).filter(
    lambda s: s.strip() and "Kellbrook" not in s))
def test_any_article_text_adds_no_element(town: str) -> None:
    texts = {path: text.replace("Kellbrook", town) for path, text in TEXTS.items()}
    page = parse(HtmlReporter(sources=texts).render(make_report(town=town)))
    assert sorted(tag for tag, _ in page.elements) == BASELINE_TAGS
    assert _shape(page) == BASELINE_SHAPE  # no new attribute either


@settings(max_examples=60, deadline=None)
@given(st.integers(-50, 400), st.integers(-50, 400), st.integers(-50, 400), st.integers(-50, 400))
def test_inconsistent_offsets_never_break_the_page(vs: int, ve: int, es: int, ee: int) -> None:
    report = make_report()
    first = report.claims[0]
    broken = first.model_copy(update={
        "value": first.value.model_copy(update={"start": vs, "end": ve}),
        "evidence": first.evidence.model_copy(update={"start": es, "end": ee})})
    report = report.model_copy(update={"claims": (broken, *report.claims[1:])})
    for sources in (TEXTS, None):
        page = parse(HtmlReporter(sources=sources).render(report))
        assert len(page.tags("article")) == 3
