"""Reporters: every output format behind one interface, separate from the findings themselves."""

from __future__ import annotations

from typing import Protocol

from checker.records import Report


class Reporter(Protocol):
    """Turns a report into the text of one output format."""

    def render(self, report: Report) -> str:
        """The whole output for ``report``."""
        ...


def reporter(name: str, **options: object) -> Reporter:
    """The reporter for format ``name`` (json, text, html, ...)."""
    if name == "json":
        from checker.report.json_report import JsonReporter

        return JsonReporter()
    if name == "text":
        from checker.report.terminal import TerminalReporter

        return TerminalReporter(**options)  # type: ignore[arg-type]
    if name == "html":
        from checker.report.html_report import HtmlReporter

        return HtmlReporter(sources=options.get("sources"), view=options.get("view"))  # type: ignore[arg-type]
    if name == "claimreview":
        from checker.report.claimreview import ClaimReviewReporter

        return ClaimReviewReporter(**options)  # type: ignore[arg-type]
    raise ValueError(f"unknown report format: {name}")
