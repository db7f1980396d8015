"""End to end on an invented two-source story (English Markdown, French HTML).

The wire copy and the French article disagree on four facts (investment,
production start, headcount, founding year) and agree on a stake; what only
looks alike (a statement date, construction vs production, a funding round)
must not be reported as a conflict.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import pipeline
from checker.records import Finding

STORY = Path(__file__).parent / "data" / "battery"


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    extraction = pipeline.extract([str(STORY)])
    return pipeline.compare(extraction)


def _attributes(findings: list[Finding], verdict: str) -> set[str]:
    return {f.fact for f in findings if f.verdict == verdict}


def test_the_four_disagreements_are_conflicts(findings: list[Finding]) -> None:
    assert _attributes(findings, "conflict") == {"investment", "start", "workforce", "establishment"}


def test_each_conflict_quotes_both_sources(findings: list[Finding]) -> None:
    for finding in (f for f in findings if f.verdict == "conflict"):
        assert {Path(span.path).suffix for span in finding.evidence} == {".md", ".html"}


def test_the_stake_agrees_across_languages(findings: list[Finding]) -> None:
    assert "stake" in _attributes(findings, "agreement")


def test_construction_is_not_production(findings: list[Finding]) -> None:
    starts = [f for f in findings if f.fact == "start"]
    assert starts and all(f.scope.get("object") == "production" for f in starts)


def test_the_headcount_conflict_says_why(findings: list[Finding]) -> None:
    [headcount] = [f for f in findings if f.fact == "workforce"]
    assert headcount.severity == "hard"
    assert "about 1,200" in headcount.reason and "près de 900" in headcount.reason


EARNINGS = Path(__file__).parent / "data" / "earnings"


def test_quarter_full_year_and_estimates_do_not_meet() -> None:
    """Q3 revenue and the chief executive's start differ between the sources; the full-year outlook,
    the analysts' estimate and the dates of the two reports are other facts."""
    findings = pipeline.compare(pipeline.extract([str(EARNINGS)]))
    conflicts = {(f.fact, *f.scope.values()): f for f in findings if f.verdict == "conflict"}
    assert set(conflicts) == {("revenue", "q3"), ("appointment",)}
    for finding in conflicts.values():
        assert {Path(span.path).name for span in finding.evidence} == {"wire.txt", "daily.txt"}


STARTUP = Path(__file__).parent / "data" / "startup"


def test_dateline_target_and_statement_dates_stay_out_of_conflicts() -> None:
    """French and English copy on one start-up: headcount, founding year and funding differ."""
    findings = pipeline.compare(pipeline.extract([str(STARTUP)]))
    conflicts = {f.fact for f in findings if f.verdict == "conflict"}
    assert conflicts == {"workforce", "establishment", "funding"}
    values = " ".join(v for f in findings if f.verdict == "conflict" for v in f.values)
    assert "300" not in values  # a target ("vise 300 employés") is not a headcount
    assert any(f.verdict == "agreement" and f.fact == "release" for f in findings)
