"""The terminal report (rich): counts by verdict, then one card per fact, in the terminal's width.

A card names the fact, says in plain words who disagrees with whom, and lists
each value in words with the sources that state it and their quotes. On a wide
terminal the values stand side by side; on a narrow one, one under the other.
Sources are named by title, site or first words; ``file:line:column`` follows
as a detail. Quotes from HTML articles are shown as text, without markup.

Everything that comes from an article or a file name is shown through
``checker.display``: escape sequences and bidi overrides appear escaped, even
when colour is off.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator, Mapping

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from checker.display import escape_line, escape_text, plural
from checker.records import Claim, Report
from checker.report.quotes import quote, resolution_note
from checker.report.view import Card, ValueView, View, build_view
from checker.report.words import fact_label, value_words

VERDICT_STYLE = {"conflict": "bold red", "attributed": "magenta", "updated": "cyan", "compatible": "yellow",
                 "agreement": "green"}
# Characters of the evidence sentence shown on each side of the value.
CONTEXT = 150
# Width when the output is no terminal and COLUMNS is not set.
DEFAULT_WIDTH = 100
# Values stand side by side when each column gets at least this many characters.
COLUMN_MIN = 44
SIDE_BY_SIDE_MAX = 3
# Statements of one value quoted before the rest are counted.
QUOTES_SHOWN = 3
# Facts shown without --verbose: the most severe come first, the count of the rest says how to see them.
SHOWN = 25


def terminal_width(default: int = DEFAULT_WIDTH) -> int:
    """The width to write in: $COLUMNS, else the terminal's own, else ``default``."""
    return max(20, shutil.get_terminal_size((default, 24)).columns)


def _bulleted(mark: str, text: Text, indent: int) -> Padding:
    """``mark`` then ``text``, its wrapped lines under the text rather than under the mark."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(mark, text)
    return Padding(grid, (0, 0, 0, indent))


def quote_with_value(claim: Claim, markup: bool = False, width: int = CONTEXT) -> Text:
    """The evidence quote as text (no markup), trimmed around the value, with the value highlighted."""
    quoted = quote(claim, markup, None, alone_radius=width)
    text = Text("…" if quoted.cut_before else "", overflow="fold")
    for segment in quoted.segments:
        text.append(escape_text(segment.text), style="bold reverse" if segment.kind == "value" else None)
    if quoted.cut_after:
        text.append("…")
    return text


class TerminalReporter:
    """Human-readable output; plain when colour is off. ``texts`` (file texts) help name untitled sources.

    Without ``verbose``, only the ``shown`` most severe facts get a card (conflicts come first); a last line
    counts the others and names ``more`` (where to see them). ``view``: the report's view when the caller
    has already built it (the HTML report reads the same one).
    """

    def __init__(self, color: bool = False, width: int | None = None, verbose: bool = False,
                 show_agreements: bool = True, texts: Mapping[str, str] | None = None, shown: int = SHOWN,
                 more: str = "--verbose shows them all", view: View | None = None) -> None:
        self.color = color
        self.width = width or terminal_width()
        self.verbose = verbose
        self.show_agreements = show_agreements
        self.texts = dict(texts or {})
        self.shown = shown
        self.more = more
        self.view = view

    def render(self, report: Report) -> str:
        return "".join(self.chunks(report))

    def chunks(self, report: Report) -> Iterator[str]:
        """The report in pieces (the summary, then a card at a time), so that it can be written as it goes."""
        buffer = io.StringIO()
        console = Console(file=buffer, width=self.width, force_terminal=self.color, no_color=not self.color,
                          color_system="standard" if self.color else None, highlight=False, emoji=False,
                          soft_wrap=False)

        def flush() -> str:
            # Table cells are padded to their width: no line ends in spaces.
            text = "\n".join(line.rstrip(" ") for line in buffer.getvalue().split("\n"))
            buffer.seek(0)
            buffer.truncate()
            return text

        view = self.view or build_view(report, self.texts)
        self._summary(console, report, view)
        for problem in report.problems:
            console.print(Text(f"! {escape_line(problem.message)}", style="red" if problem.fatal else "dim",
                               overflow="fold"))
        yield flush()
        cards = [c for c in view.cards if self.show_agreements or c.verdict != "agreement"]
        limit = len(cards) if self.verbose else self.shown
        for card in cards[:limit]:
            self._card(console, view, card)
            yield flush()
        if len(cards) > limit:
            self._left_out(console, cards[limit:])
            yield flush()
        if self.verbose:
            self._claims(console, view)
            yield flush()

    def _left_out(self, console: Console, rest: list[Card]) -> None:
        counts = {v: sum(1 for c in rest if c.verdict == v) for v in VERDICT_STYLE}
        words = ", ".join(plural(n, v, None if v in ("conflict", "agreement") else v) for v, n in counts.items() if n)
        console.print(Text(f"… and {plural(len(rest), 'more fact')} not shown ({words}): {self.more}.",
                           style="dim", overflow="fold"))

    def _summary(self, console: Console, report: Report, view: View) -> None:
        counts = {v: sum(1 for f in report.findings if f.verdict == v) for v in VERDICT_STYLE}
        # Attributed and updated findings are rare: named only when there are some.
        counts = {v: n for v, n in counts.items() if n or v not in ("attributed", "updated")}
        line = Text(f"{plural(len(report.documents), 'document')}, {plural(len(report.claims), 'claim')}: ",
                    overflow="fold")
        for i, (verdict, count) in enumerate(counts.items()):
            # "compatible", "attributed", "updated" are adjectives: "2 compatible", not "2 compatibles".
            line.append(plural(count, verdict, None if verdict in ("conflict", "agreement") else verdict),
                        style=VERDICT_STYLE[verdict])
            line.append(", " if i < len(counts) - 1 else "")
        console.print(line)
        if view.cards:
            console.print(Text(f"{plural(len(view.cards), 'fact')} compared across "
                               f"{plural(len({p for c in view.cards for p in c.sources}), 'source')}.",
                               style="dim", overflow="fold"))
        console.print()

    def _card(self, console: Console, view: View, card: Card) -> None:
        head = Text(card.verdict.upper(), style=VERDICT_STYLE[card.verdict], overflow="fold")
        if card.verdict == "conflict":
            head.append(f" ({card.severity})")
        head.append("  ")
        head.append(escape_line(card.title), style="bold")
        for scope in card.scope_words:
            head.append(f"  [{escape_line(scope)}]", style="dim")
        fingerprints = " ".join(f.fingerprint for f in card.findings)
        head.append(f"  {card.findings[0].rule} {fingerprints}", style="dim")
        console.print(head)
        console.print(Padding(Text(escape_line(card.summary), overflow="fold"), (0, 0, 0, 2)))
        values = card.values
        side_by_side = 1 < len(values) <= SIDE_BY_SIDE_MAX and self.width // len(values) >= COLUMN_MIN
        if side_by_side:
            table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1), expand=True,
                          pad_edge=False)
            for value in values:
                table.add_column(Text(escape_line(value.words), style=VERDICT_STYLE.get(value.status, "")),
                                 ratio=1, overflow="fold")
            table.add_row(*(self._statements(view, value) for value in values))
            console.print(table)
        else:
            for value in values:
                title = Text(escape_line(value.words), style=VERDICT_STYLE.get(value.status, "") + " bold",
                             overflow="fold")
                console.print(_bulleted("•", title, indent=2))
                console.print(Padding(self._statements(view, value), (0, 0, 0, 4)))
        others = card.disagreements[1:]
        if others:
            console.print(Padding(Text("Also:", style="dim"), (0, 0, 0, 2)))
            for pair in others:
                console.print(_bulleted("-", Text(escape_line(pair.sentence), overflow="fold"), indent=4))
        console.print()

    def _statements(self, view: View, value: ValueView) -> Text:
        out = Text(overflow="fold")
        claims = value.quoted_first
        for number, claim in enumerate(claims[:QUOTES_SHOWN]):
            source = view.source(claim.document)
            same = number > 0 and claim.document == claims[number - 1].document
            if number:
                out.append("\n" if same else "\n\n")
            if not same:
                # The source once, then each of its statements.
                out.append(escape_line(source.name), style="bold")
                out.append(f" ({source.language or '?'}, {source.date_words})\n")
            out.append_text(quote_with_value(claim, source.format == "html"))
            out.append("\n")
            where = f"{escape_line(source.file)}:{claim.evidence.line}:{claim.evidence.column}"
            note = resolution_note(claim)
            out.append(where + (f" · {note}" if note else ""), style="dim")
        if len(claims) > QUOTES_SHOWN:
            rest = len(claims) - QUOTES_SHOWN
            out.append(f"\n… and {plural(rest, 'more statement')}", style="dim")
        return out

    def _claims(self, console: Console, view: View) -> None:
        by_document: dict[str, list[Claim]] = {}
        for claim in view.report.claims:
            by_document.setdefault(claim.document, []).append(claim)
        used = {c for f in view.report.findings for c in f.claims}
        for doc in view.report.documents:
            source = view.source(doc.path)
            console.print(Text(f"{escape_line(source.name)}  {escape_line(doc.path)}", style="bold", overflow="fold"))
            for claim in by_document.get(doc.path, []):
                compared = "" if claim.id in used else "  (met nothing)"
                console.print(Text(escape_line(
                    f"  {fact_label(claim.attribute)} · {claim.subject or '?'}: {value_words(claim.value.value)}"
                    f"  <- {claim.value.text!r}{compared}"), overflow="fold"))

