"""Writes extracted text into a ``MappedText``, one block per line.

Markup readers (HTML, Markdown) hand over runs of the raw text and block
boundaries; the writer collapses whitespace inside a block (a paragraph that
is wrapped in the file is one line for the analysis) and separates blocks
with a single inserted "\\n", so sentences never run across blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.textmap import MappedText, MappedTextBuilder

_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class Hint:
    """What the markup says a block is, as a raw-text range (title, heading, caption, quote)."""

    kind: str
    start: int
    end: int


@dataclass
class BlockWriter:
    """Accumulates text pieces and block breaks; see the module docstring."""

    builder: MappedTextBuilder = field(default_factory=MappedTextBuilder)
    hints: list[Hint] = field(default_factory=list)
    _written: bool = False  # anything in the output yet
    _in_block: bool = False  # current block has visible text
    _break_pending: bool = False
    _space: tuple[int, int] | None = None  # raw range of a whitespace run waiting to become " "
    _last_end: int = 0
    _block_start: int | None = None
    _block_hint: str | None = None

    def text(self, raw: str, start: int, end: int) -> None:
        """Append ``raw[start:end]`` with its whitespace collapsed."""
        pos = start
        # Start of visible text not written yet. A lone " " between two words would be written as " "
        # standing for itself, exactly as a copy writes it, so such words go out in one copy.
        open_at = -1
        for match in _SPACE_RUN.finditer(raw, start, end):
            ws_start, ws_end = match.span()
            if ws_start > pos and open_at < 0:
                open_at = pos
            if open_at >= 0 and ws_end == ws_start + 1 and ws_end < end and raw[ws_start] == " ":
                pos = ws_end
                continue
            if open_at >= 0:
                self._visible(raw, open_at, ws_start, None)
                open_at = -1
            self._whitespace(ws_start, ws_end)
            pos = ws_end
        if pos < end and open_at < 0:
            open_at = pos
        if open_at >= 0:
            self._visible(raw, open_at, end, None)

    def entity(self, replacement: str, start: int, end: int) -> None:
        """Append a decoded character reference standing for the whole ``raw[start:end]``."""
        if not replacement:
            return
        if replacement.isspace() and replacement not in ("\u00a0", "\u202f", "\u2009"):
            self._whitespace(start, end)
            return
        self._visible("", start, end, replacement)

    def block_break(self, at: int, hint: str | None = None) -> None:
        """End the current block (if it has text); the next text starts a new one tagged ``hint``."""
        self._close_hint(at)
        if self._in_block:
            self._break_pending = True
            self._in_block = False
        self._space = None
        self._block_hint = hint

    def _whitespace(self, start: int, end: int) -> None:
        if not self._in_block:
            return
        if self._space is None:
            self._space = (start, end)
        else:
            self._space = (self._space[0], end)

    def _visible(self, raw: str, start: int, end: int, replacement: str | None) -> None:
        if self._break_pending and self._written:
            self.builder.insert("\n", start)
        elif self._space is not None and self._in_block:
            self.builder.replace(" ", *self._space)
        self._break_pending = False
        self._space = None
        if not self._in_block:
            self._block_start = start
        self._in_block = True
        self._written = True
        if replacement is None:
            self.builder.copy(raw, start, end)
        else:
            self.builder.replace(replacement, start, end)
        self._last_end = end

    def _close_hint(self, at: int) -> None:
        if self._block_hint is not None and self._in_block and self._block_start is not None:
            end = max(self._last_end, self._block_start)
            self.hints.append(Hint(self._block_hint, self._block_start, end))
        if self._in_block:
            self._block_start = None

    def build(self) -> tuple[MappedText, list[Hint]]:
        """The text written so far and the block hints."""
        self._close_hint(self._last_end)
        self._block_hint = None
        return self.builder.build(), list(self.hints)
