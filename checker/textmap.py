"""Text with an offset map back to the file it came from.

Analysis happens on a normalized copy (tags removed, " – " inside hyphenated
words folded, odd spaces and quotes made plain); evidence must point into the
original file. A ``MappedText`` keeps, for every character of the copy, the
original span it came from, so any span of the copy maps back to a span of
the original.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MappedText:
    """A derived text and, per character, the ``[start, end)`` of the original it stands for."""

    text: str
    starts: array = field(repr=False)
    ends: array = field(repr=False)

    @classmethod
    def identity(cls, text: str, offset: int = 0) -> MappedText:
        """The text itself, optionally sitting at ``offset`` inside a larger original."""
        n = len(text)
        return cls(text, array("q", range(offset, offset + n)), array("q", range(offset + 1, offset + n + 1)))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span ``[start, end)`` of this text to the original's coordinates."""
        if not self.text:
            return (0, 0)
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else self.ends[-1]
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])


# 0, 1, 2, ...: the offsets a copy maps to, counted as far as the longest original so far, up to this size
# (1 MB of them at most, kept for the process).
_COUNTED = 1 << 17
_COUNTING = array("q")


def _counting(size: int) -> array:
    """``_COUNTING``, at least ``size`` long (``size <= _COUNTED + 1``)."""
    if len(_COUNTING) < size:
        _COUNTING.extend(range(len(_COUNTING), min(max(2 * size, 4096), _COUNTED + 1)))
    return _COUNTING


class MappedTextBuilder:
    """Appends pieces of an original text (or inserted separators) into a ``MappedText``."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts = array("q")
        self._ends = array("q")

    def copy(self, original: str, start: int, end: int) -> None:
        """Append ``original[start:end]`` unchanged."""
        self._parts.append(original[start:end])
        if 0 <= start <= end < _COUNTED:
            # Slices of the offsets counted once: one copy in C instead of a Python int per character.
            counting = _counting(end + 1)
            self._starts.extend(counting[start:end])
            self._ends.extend(counting[start + 1:end + 1])
        else:
            self._starts.extend(range(start, end))
            self._ends.extend(range(start + 1, end + 1))

    def replace(self, replacement: str, start: int, end: int) -> None:
        """Append ``replacement`` standing for ``original[start:end]`` as a whole."""
        if not replacement:
            return
        self._parts.append(replacement)
        self._starts.extend([start] * len(replacement))
        self._ends.extend([end] * len(replacement))

    def insert(self, separator: str, at: int) -> None:
        """Append text that has no counterpart in the original (e.g. a paragraph break)."""
        self.replace(separator, at, at)

    def build(self) -> MappedText:
        return MappedText("".join(self._parts), self._starts, self._ends)


class LineIndex:
    """Answers "which line and column is this offset on" for one text in O(log n)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        found = text.find("\n")
        while found >= 0:
            self._starts.append(found + 1)
            found = text.find("\n", found + 1)

    def line_and_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
