"""The terminal report (rich): counts by verdict, then each finding with both sides side by side.

Everything that comes from an article or a file name is shown through
``checker.display``: escape sequences and bidi overrides appear escaped, even
when colour is off.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.compare.comparators import describe
from checker.display import escape_line, escape_text, plural
from checker.records import Claim, DocumentInfo, Finding, Report

VERDICT_STYLE = {"conflict": "bold red", "compatible": "yellow", "agreement": "green"}
CONTEXT = 150


def sides(finding: Finding, claims: dict[str, Claim]) -> tuple[list[Claim], list[Claim]]:
    """The claims of a finding split by which of its two values they state."""
    sides = finding.sides or tuple(
        0 if c in claims and describe(claims[c].value.value) == finding.values[0] else 1 for c in finding.claims)
    left = [claims[c] for c, side in zip(finding.claims, sides, strict=True) if c in claims and side == 0]
    right = [claims[c] for c, side in zip(finding.claims, sides, strict=True) if c in claims and side == 1]
    return left, right or left


def quote_with_value(claim: Claim, width: int = CONTEXT) -> Text:
    """The evidence quote, trimmed around the value, with the value highlighted."""
    evidence = claim.evidence
    start = max(0, claim.value.start - evidence.start)
    end = min(len(evidence.quote), claim.value.end - evidence.start)
    lo = max(0, start - width)
    hi = min(len(evidence.quote), end + width)
    text = Text("…" if lo else "")
    text.append(escape_text(evidence.quote[lo:start]))
    text.append(escape_text(evidence.quote[start:end]), style="bold reverse")
    text.append(escape_text(evidence.quote[end:hi]))
    if hi < len(evidence.quote):
        text.append("…")
    return text


class TerminalReporter:
    """Human-readable output; plain when colour is off."""

    def __init__(self, color: bool = False, width: int = 110, verbose: bool = False,
                 show_agreements: bool = True) -> None:
        self.color = color
        self.width = width
        self.verbose = verbose
        self.show_agreements = show_agreements

    def render(self, report: Report) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, width=self.width, force_terminal=self.color, no_color=not self.color,
                          color_system="standard" if self.color else None, highlight=False, emoji=False)
        docs = {d.path: d for d in report.documents}
        claims = {c.id: c for c in report.claims}
        self._summary(console, report)
        for problem in report.problems:
            console.print(Text(f"! {escape_line(problem.message)}", style="red" if problem.fatal else "dim"))
        for finding in report.findings:
            if finding.verdict == "agreement" and not self.show_agreements:
                continue
            self._finding(console, finding, claims, docs)
        if self.verbose:
            self._claims(console, report)
        return buffer.getvalue()

    def _summary(self, console: Console, report: Report) -> None:
        counts = {v: sum(1 for f in report.findings if f.verdict == v) for v in VERDICT_STYLE}
        line = Text(f"{plural(len(report.documents), 'document')}, {plural(len(report.claims), 'claim')}: ")
        for i, (verdict, count) in enumerate(counts.items()):
            # "compatible" is an adjective: "2 compatible", not "2 compatibles".
            line.append(plural(count, verdict, verdict if verdict == "compatible" else None),
                        style=VERDICT_STYLE[verdict])
            line.append(", " if i < len(counts) - 1 else "")
        console.print(line)
        console.print()

    def _finding(self, console: Console, finding: Finding, claims: dict[str, Claim],
                 docs: dict[str, DocumentInfo]) -> None:
        head = Text(f"{finding.verdict.upper()}", style=VERDICT_STYLE[finding.verdict])
        if finding.verdict == "conflict":
            head.append(f" ({finding.severity})")
        head.append(f"  {escape_line(finding.key)}  [{finding.rule} {finding.fingerprint}]", style="dim")
        console.print(head)
        console.print(Text(f"  {escape_line(finding.reason)}"))
        left, right = sides(finding, claims)
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1), expand=True)
        if finding.values[0] == finding.values[1]:
            # One value stated several times: one column, each statement once.
            table.add_column(Text(escape_line(finding.values[0])), ratio=1)
            for claim in left:
                table.add_row(self._side(claim, docs))
        else:
            table.add_column(Text(escape_line(finding.values[0])), ratio=1)
            table.add_column(Text(escape_line(finding.values[1])), ratio=1)
            for i in range(max(len(left), len(right))):
                table.add_row(self._side(left[i], docs) if i < len(left) else Text(""),
                              self._side(right[i], docs) if i < len(right) else Text(""))
        console.print(table)
        console.print()

    def _side(self, claim: Claim, docs: dict[str, DocumentInfo]) -> Text:
        info = docs.get(claim.document)
        meta = f"{escape_line(Path(claim.document).name)}:{claim.evidence.line}:{claim.evidence.column}"
        if info is not None:
            meta += f" ({info.language or '?'}, {info.reference_date or 'undated'})"
        text = Text(meta + "\n", style="dim")
        text.append_text(quote_with_value(claim))
        return text

    def _claims(self, console: Console, report: Report) -> None:
        by_document: dict[str, list[Claim]] = {}
        for claim in report.claims:
            by_document.setdefault(claim.document, []).append(claim)
        for doc in report.documents:
            console.print(Text(escape_line(doc.path), style="bold"))
            for claim in by_document.get(doc.path, []):
                console.print(Text(escape_line(f"  {claim.attribute:18} {claim.subject or '?':28} "
                                               f"{describe(claim.value.value)}  <- {claim.value.text!r}")))
