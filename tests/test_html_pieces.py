"""The HTML page is written in pieces of bounded size: a template piece may be a whole subject group, so
pieces are joined by size, not by count, and a page of thousands of groups is never held whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import pipeline
from checker.records import Report
from checker.report import html_report
from checker.report.html_report import HtmlReporter
from tests.conftest import SEEDS


def _report(folder: Path) -> tuple[Report, dict[str, str]]:
    extraction = pipeline.ground(pipeline.extract([str(folder)], claims_dir=None, use_cache=False, workers=1))
    report = pipeline.build_report(extraction, pipeline.compare(extraction))
    return report, {doc.path: doc.raw for doc in extraction.documents}


def test_the_page_is_written_in_pieces_of_bounded_size(monkeypatch: pytest.MonkeyPatch) -> None:
    # A template piece may be a whole subject group: pieces are joined by size, not by count, so that a
    # page of thousands of groups is never held whole (at 10,000 articles, counting pieces held 900 MB).
    monkeypatch.setattr(html_report, "_CHARS", 2000)
    report, sources = _report(SEEDS)
    chunks = list(HtmlReporter(sources=sources).chunks(report))
    page = "".join(chunks)
    # The largest single piece of this page is its inline style sheet (about 20,000 characters).
    assert len(page) > 90_000
    assert max(len(chunk) for chunk in chunks) < 2000 + 25_000
    monkeypatch.undo()
    assert page == HtmlReporter(sources=sources).render(report)
