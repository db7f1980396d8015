"""Comparing facts, not keys: scopes keep claims apart, counting bodies and later counts are no conflicts,
units convert, round figures agree within their rounding, and one fact gives one finding per verdict.

Each case is a small invented story of two or three articles, run through extraction and comparison.
"""

from __future__ import annotations

import datetime as dt

from checker.compare.groups import compare_claims
from checker.frame.build import extract_claims
from checker.records import Finding
from tests.conftest import make_document


def _findings(*articles: tuple[str, str, str | None], language: str = "en") -> list[Finding]:
    """Findings among articles given as (file name, text, ISO date or None)."""
    claims = []
    for path, text, date in articles:
        ref = dt.date.fromisoformat(date) if date else None
        claims += extract_claims(make_document(text, language, ref_date=ref, path=path))
    return compare_claims(claims)


def _verdicts(findings: list[Finding], fact: str) -> list[str]:
    return sorted(f.verdict for f in findings if f.fact == fact)


def test_a_toll_stated_on_two_days_is_an_update_not_a_conflict() -> None:
    findings = _findings(("a.txt", "The floods have killed 95 people.", "2021-03-02"),
                         ("b.txt", "The floods have killed 219 people.", "2021-03-08"))
    assert _verdicts(findings, "deaths") == ["updated"]


def test_a_toll_that_shrinks_later_is_a_conflict() -> None:
    findings = _findings(("a.txt", "The floods have killed 219 people.", "2021-03-02"),
                         ("b.txt", "The floods have killed 95 people.", "2021-03-08"))
    assert _verdicts(findings, "deaths") == ["conflict"]


def test_two_counting_bodies_are_attributed_not_conflicting() -> None:
    findings = _findings(("a.txt", "Some 40,000 people marched, according to the police.", "2021-03-02"),
                         ("b.txt", "Some 150,000 people marched, according to the unions.", "2021-03-02"))
    assert _verdicts(findings, "protesters") == ["attributed"]


def test_a_place_keeps_apart_within_one_article() -> None:
    text = ("The storm killed 95 people in all. In the eastern province of Varnholm alone, "
            "the storm killed 60 people.")
    assert not [f for f in _findings(("a.txt", text, "2021-03-02")) if f.verdict == "conflict"]


def test_different_places_never_conflict() -> None:
    findings = _findings(("a.txt", "In Varnholm, the quake killed 40 people.", "2021-03-02"),
                         ("b.txt", "In Ostrava Nova, the quake killed 12 people.", "2021-03-02"))
    assert _verdicts(findings, "deaths") == []


def test_a_place_on_one_side_is_assumed_across_articles_at_lower_confidence() -> None:
    findings = _findings(("a.txt", "In Varnholm, the quake killed 40 people.", "2021-03-02"),
                         ("b.txt", "The quake killed 12 people.", "2021-03-02"))
    [finding] = [f for f in findings if f.fact == "deaths"]
    assert finding.verdict == "conflict" and finding.confidence < 1
    assert "assumed" in finding.reason


def test_a_forecast_never_meets_a_count() -> None:
    findings = _findings(("a.txt", "The museum received 860,000 visitors.", "2021-03-02"),
                         ("b.txt", "Visitors could well reach one million.", "2021-03-02"))
    assert not [f for f in findings if f.verdict == "conflict"]


def test_a_daily_figure_never_meets_a_total() -> None:
    findings = _findings(("a.txt", "The museum received 860,000 visitors.", "2021-03-02"),
                         ("b.txt", "The museum welcomes 12,000 visitors a day.", "2021-03-02"))
    assert not [f for f in findings if f.verdict == "conflict"]


def test_units_that_convert_are_compared_after_conversion() -> None:
    findings = _findings(("a.txt", "In six hours, 180 litres per square metre of rain fell.", "2021-03-02"),
                         ("b.txt", "In six hours, 181 millimetres of rain fell.", "2021-03-02"))
    assert _verdicts(findings, "rainfall") == ["agreement"]


def test_a_round_figure_agrees_within_its_rounding_and_no_farther() -> None:
    agree = _findings(("a.txt", "The trial enrolled 500 volunteers.", "2021-03-02"),
                      ("b.txt", "The trial enrolled 491 volunteers.", "2021-03-02"))
    assert _verdicts(agree, "sample-size") == ["agreement"]
    conflict = _findings(("a.txt", "The trial enrolled 700 volunteers.", "2021-03-02"),
                         ("b.txt", "The trial enrolled 668 volunteers.", "2021-03-02"))
    assert _verdicts(conflict, "sample-size") == ["conflict"]


def test_a_conversion_in_brackets_is_no_second_claim_to_compare() -> None:
    findings = _findings(("a.txt", "The aid package is worth 2 billion euros ($2.2 billion).", "2021-03-02"),
                         ("b.txt", "The aid package is worth 2 billion euros ($2.3 billion).", "2021-03-02"))
    assert _verdicts(findings, "aid") == ["agreement"]


def test_one_fact_with_three_values_gives_one_conflict_listing_them_all() -> None:
    findings = _findings(("a.txt", "The new tunnel is 57 kilometres long.", "2021-03-02"),
                         ("b.txt", "The new tunnel is 64 kilometres long.", "2021-03-02"),
                         ("c.txt", "The new tunnel is 71 kilometres long.", "2021-03-02"))
    [finding] = [f for f in findings if f.verdict == "conflict"]
    assert len(finding.values) == 3 and len(finding.pairs) == 3
    assert sorted(set(finding.sides)) == [0, 1, 2]


def test_a_named_version_is_another_product() -> None:
    text = ("The Arvo S has a range of 610 kilometres. The Arvo S Max has a range of 720 kilometres.")
    assert not [f for f in _findings(("a.txt", text, "2021-03-02")) if f.verdict == "conflict"]


def test_neighbouring_facts_may_agree_but_never_conflict() -> None:
    findings = _findings(("a.txt", "The first car will go on sale in June 2026.", "2021-03-02"),
                         ("b.txt", "The first car will enter production in 2025.", "2021-03-02"))
    assert not [f for f in findings if f.verdict == "conflict"]


def test_a_fingerprint_does_not_change_when_an_unrelated_article_is_added() -> None:
    story = [("a.txt", "The bridge cost 210 million dollars.", "2021-03-02"),
             ("b.txt", "The bridge cost 260 million dollars.", "2021-03-02")]
    before = {f.fingerprint for f in _findings(*story) if f.verdict == "conflict"}
    after = {f.fingerprint for f in _findings(*story, ("c.txt", "The museum received 860,000 visitors.",
                                                        "2021-03-02")) if f.verdict == "conflict"}
    assert before and before == after


def test_french_and_english_words_meet_on_one_fact() -> None:
    claims = (extract_claims(make_document("The toll rose to 92 dead.", "en", path="a.txt"))
              + extract_claims(make_document("Le bilan s'établit à 92 morts.", "fr", path="b.txt")))
    assert [f.verdict for f in compare_claims(claims) if f.fact == "deaths"] == ["agreement"]
