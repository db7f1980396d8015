"""The editors' view of a report: one card per fact, values in words, who says what, pictures that say the
same as the words. Built from the invented story of tests/test_html_report.py."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from checker.records import Finding, Pair, Report
from checker.report import pictures
from checker.report.view import build_view, who
from tests.test_html_report import GAZETTE, HERALD, HOSTILE, TEXTS, WIRE, make_report

SVG = "{http://www.w3.org/2000/svg}"


def test_one_card_per_fact_with_every_value_once() -> None:
    view = build_view(make_report(), TEXTS)
    # Four findings, three facts: the opening's conflict and its compatible pair share one card.
    assert len(view.report.findings) == 4
    assert [(c.fact, c.verdict, c.severity) for c in view.cards] == [
        ("opening", "conflict", "hard"), ("workforce", "conflict", "soft"), ("cost", "agreement", "info")]
    opening = view.cards[0]
    # In time order, each once, with how it stands to the others.
    assert [v.words for v in opening.values] == ["2031", "7 April 2031", "June 2031"]
    assert [v.status for v in opening.values] == ["compatible", "conflict", "conflict"]
    assert {f.verdict for f in opening.findings} == {"conflict", "compatible"}
    assert opening.sources == [HERALD, GAZETTE, WIRE]
    assert opening.title == "Kellbrook ferry terminal · opening"


def test_reasons_are_plain_words_naming_the_sources() -> None:
    view = build_view(make_report(), TEXTS)
    opening, workforce, cost = view.cards
    assert opening.summary.startswith(
        "3 different dates; 1 pair disagrees. Kellbrook ferry terminal to open in… says 7 April 2031; "
        "gazette.example says June 2031. These dates are about 2 months apart: both cannot be right.")
    assert workforce.summary == (
        "Kellbrook ferry terminal to open in… says about 70 people (60 to 80); gazette.example says more "
        "than 150 people (typically 151 to 300). As these words are usually meant, the figures do not overlap, "
        "though read literally they could.")
    assert cost.summary == "Kellbrook ferry terminal to open in… and gazette.example agree: 48 million euros."
    compatible = [p for p in opening.pairs if p.verdict == "compatible"]
    assert compatible and "lies within 2031: one is only more precise" in compatible[0].sentence
    for card in view.cards:
        assert not re.search(r"[\[\]≥≤∞]|\(typically \(", card.summary), card.summary


def test_subjects_group_the_cards_conflicts_first() -> None:
    view = build_view(make_report(), TEXTS)
    [group] = view.groups
    assert group.name == "Kellbrook ferry terminal" and len(group.cards) == 3
    assert group.sources == [HERALD, GAZETTE, WIRE]


def test_claims_that_met_nothing_are_kept_per_document() -> None:
    report = make_report()
    lonely = report.claims[0].model_copy(update={"id": "c-lonely", "attribute": "capacity"})
    view = build_view(report.model_copy(update={"claims": (*report.claims, lonely)}), TEXTS)
    assert [c.id for c in view.unmatched[HERALD]] == ["c-lonely"]
    assert GAZETTE not in view.unmatched


def test_a_trimmed_report_without_claims_still_makes_cards() -> None:
    report = make_report()
    bare = Report(version=report.version, documents=report.documents, claims=(), findings=report.findings)
    view = build_view(bare)
    assert len(view.cards) == 3
    assert view.cards[0].values[0].words == "2031-04-07"  # the canonical text: nothing better is known


def test_who_counts_beyond_three_names() -> None:
    assert who(["A"]) == "A" and who(["A", "B"]) == "A and B" and who(["A", "B", "C"]) == "A, B and C"
    assert who(["A", "B", "C", "D", "E"]) == "A, B, C and 2 others"
    assert who(["A", "A"]) == "A"


def _svg(markup: str) -> ElementTree.Element:
    return ElementTree.fromstring(markup)


def test_a_timeline_shows_every_date_on_one_axis_with_a_text_equivalent() -> None:
    view = build_view(make_report(), TEXTS)
    opening = view.cards[0]
    svg = pictures.picture(view, opening)
    assert svg is not None
    root = _svg(str(svg))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Timeline: Kellbrook ferry terminal · opening"  # type: ignore[union-attr]
    description = root.find(f"{SVG}desc").text or ""  # type: ignore[union-attr]
    assert "7 April 2031, according to Kellbrook ferry terminal to open in…" in description
    assert "June 2031, according to gazette.example" in description
    labels = [t.text or "" for t in root.iter(f"{SVG}text") if t.get("class") == "row-label"]
    assert [label.split(" · ")[0] for label in labels] == ["2031", "7 April 2031", "June 2031"]
    # A day is a dot, a month and a year are bars; the conflicting ones are drawn as such.
    marks = [(el.tag.removeprefix(SVG), el.get("class")) for el in root.iter() if "m-" in (el.get("class") or "")]
    assert marks == [("rect", "bar m-compatible"), ("circle", "dot m-conflict"), ("rect", "bar m-conflict")]
    # The day lies left of the month, which lies inside the year.
    day_x = float(next(el.get("cx") for el in root.iter(f"{SVG}circle")))  # type: ignore[arg-type]
    year, month = (el for el in root.iter(f"{SVG}rect"))
    assert day_x < float(month.get("x"))  # type: ignore[arg-type]
    assert float(year.get("x")) <= float(month.get("x"))  # type: ignore[arg-type]
    assert float(year.get("x")) + float(year.get("width")) >= float(month.get("x")) + float(month.get("width"))  # type: ignore[arg-type]


def test_a_number_line_shows_the_gap_between_two_ranges() -> None:
    view = build_view(make_report(), TEXTS)
    workforce = view.cards[1]
    root = _svg(str(pictures.picture(view, workforce)))
    bars = [el for el in root.iter(f"{SVG}rect")]
    assert len(bars) == 2
    (a, b) = sorted(bars, key=lambda el: float(el.get("x")))  # type: ignore[arg-type]
    # 60 to 80 ends before "more than 150" begins: a gap an editor sees.
    assert float(a.get("x")) + float(a.get("width")) < float(b.get("x"))  # type: ignore[arg-type]
    # "more than 150" is open: a thin line with an arrow runs to the edge.
    assert any(el.get("class", "").startswith("arrow") for el in root.iter(f"{SVG}path"))
    units = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "unit-label"]
    assert units == ["people"]


def test_one_value_gets_no_picture_and_names_none() -> None:
    view = build_view(make_report(), TEXTS)
    assert pictures.picture(view, view.cards[2]) is None


def test_pictures_escape_article_text() -> None:
    report = make_report(town=HOSTILE)
    texts = {p: t.replace("Kellbrook", HOSTILE) for p, t in TEXTS.items()}
    view = build_view(report, texts)
    for card in view.cards:
        svg = pictures.picture(view, card)
        if svg is not None:
            root = _svg(str(svg))  # parses: nothing broke out of its text
            assert not [el for el in root.iter() if el.tag.removeprefix(SVG) in ("script", "image", "foreignObject")]
            assert "<script>" not in str(svg)


def test_overview_strips_share_one_axis() -> None:
    view = build_view(make_report(), TEXTS)
    found = pictures.overview(view, view.cards)
    assert found is not None
    assert [card.fact for card, _ in found.strips] == ["opening"]
    _svg(str(found.axis))


def test_updated_figures_say_which_is_later() -> None:
    report = make_report()
    first, second = report.claims[5], report.claims[6]
    first = first.model_copy(update={"scope": first.scope.model_copy(update={"as_of": "2030-05-14"})})
    second = second.model_copy(update={"scope": second.scope.model_copy(update={"as_of": "2030-06-01"})})
    finding = Finding(fingerprint="f" * 16, rule="FC-quantity-updated", verdict="updated", severity="info",
                      key="Kellbrook ferry terminal / workforce / people", reason="a figure that changes",
                      claims=(first.id, second.id), evidence=(first.evidence, second.evidence), sides=(0, 1),
                      values=("a", "b"), pairs=(Pair(a=0, b=1, verdict="updated", severity="info", reason="x"),))
    claims = tuple(c for c in report.claims if c.id not in (first.id, second.id)) + (first, second)
    view = build_view(report.model_copy(update={"claims": claims, "findings": (finding,)}), TEXTS)
    [card] = view.cards
    assert "more than 150 people (typically 151 to 300), as of 2030-06-01, is the later one" in card.summary
