"""Where and how loud a finding is in the gate's outputs: its SARIF level and the end of its span.

The rule codes themselves are registered in ``checker.rules``."""

from __future__ import annotations

from checker.records import Finding, Span


def level(finding: Finding) -> str:
    """SARIF level of a finding: error for hard, warning for soft, note otherwise."""
    return {"hard": "error", "soft": "warning"}.get(finding.severity, "note")


def end_of(span: Span) -> tuple[int, int]:
    """1-based line and exclusive column just after the span (lines split on \\n, columns in code points)."""
    breaks = span.quote.count("\n")
    if not breaks:
        return span.line, span.column + len(span.quote)
    return span.line + breaks, len(span.quote) - span.quote.rfind("\n")
