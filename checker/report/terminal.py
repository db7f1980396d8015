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

VERDICT_STYLE = {"conflict": "bold red", "attributed": "magenta", "updated": "cyan", "compatible": "yellow",
                 "agreement": "green"}
CONTEXT = 150


def columns(finding: Finding, claims: dict[str, Claim]) -> list[tuple[str, list[Claim]]]:
    """The claims of a finding grouped by the value they state, in the order of ``finding.values``."""
    sides = finding.sides or tuple(
        finding.values.index(describe(claims[c].value.value))
        if c in claims and describe(claims[c].value.value) in finding.values else 0 for c in finding.claims)
    grouped: list[list[Claim]] = [[] for _ in finding.values]
    for claim_id, side in zip(finding.claims, sides, strict=True):
        if claim_id in claims and 0 <= side < len(grouped):
            grouped[side].append(claims[claim_id])
    return [(value, found) for value, found in zip(finding.values, grouped, strict=True) if found]


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
        # Attributed and updated findings are rare: named only when there are some.
        counts = {v: n for v, n in counts.items() if n or v not in ("attributed", "updated")}
        line = Text(f"{plural(len(report.documents), 'document')}, {plural(len(report.claims), 'claim')}: ")
        for i, (verdict, count) in enumerate(counts.items()):
            # "compatible", "attributed", "updated" are adjectives: "2 compatible", not "2 compatibles".
            line.append(plural(count, verdict, None if verdict in ("conflict", "agreement") else verdict),
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
        # One column per value, side by side; each statement of a value once, under it.
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1), expand=True)
        grouped = columns(finding, claims)
        for value, _ in grouped:
            table.add_column(Text(escape_line(value)), ratio=1)
        for i in range(max((len(found) for _, found in grouped), default=0)):
            table.add_row(*(self._side(found[i], docs) if i < len(found) else Text("") for _, found in grouped))
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
