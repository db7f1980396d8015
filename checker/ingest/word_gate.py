"""Whether any of several case-insensitive patterns is found in a line, with most of them never run (speed only).

``AnySearch(sources)`` stands for ``re.compile("|".join(sources), re.IGNORECASE)``: ``found(line)``
is whether that pattern's ``search`` finds something in ``line``. The boilerplate patterns are
searched in every line of every article, and a case-insensitive alternation is tried at every
position of the line. But most of them open with a word at a word start (``\\bthe views``,
``^disclaimer``): such a pattern can only match in a line that has one of its opening words at a
word start. One scan of the lower-cased line finds the opening words there are; only the
patterns whose words were found are run, with those of another shape (run on every line, joined).

Lower-casing is exact only for characters whose lower case is one character, does not depend on
its neighbours, keeps word characters word characters, and agrees with how ``re`` compares the
opening words' letters without case: a line with any other character is searched by the plain
joined pattern. So is every line when a source refers to a group (joined, its numbers would change).
``tests/test_word_gate.py`` compares ``found`` with the joined pattern.
"""

from __future__ import annotations

import re
from typing import Any

from checker import regex_syntax as rx
from checker.lowered_reading import LoweredReading, plain_case

# Zero-width items after which a literal word character starts a word: ``\b`` and, without MULTILINE, ``^``.
_WORD_START = frozenset({rx.AT_BOUNDARY, rx.AT_BEGINNING, rx.AT_BEGINNING_STRING})


class AnySearch:
    """``re.compile("|".join(sources), re.IGNORECASE).search(line) is not None``, as ``found(line)``."""

    def __init__(self, sources: list[str]) -> None:
        self.joined = re.compile("|".join(sources), re.IGNORECASE)
        # The opening words of each source that has them, lower-cased.
        opened: dict[int, list[str]] = {}
        others: list[str] = []
        for index, source in enumerate(sources):
            openings = _source_openings(source)
            if openings is None or not all(plain_case(ch) for word in openings for ch in word):
                others.append(source)
            else:
                opened[index] = [word.lower() for word in openings]
        if not opened or any(_refers_to_group(source) for source in sources):
            # Nothing to gate, or joining changes what a source means: the joined pattern is all there is.
            opened, others = {}, list(sources)
        self._gated = {index: re.compile(sources[index], re.IGNORECASE) for index in opened}
        self._others = re.compile("|".join(others), re.IGNORECASE) if others else None
        by_word: dict[str, set[int]] = {}
        for index, words in opened.items():
            for word in words:
                by_word.setdefault(word, set()).add(index)
        # One scan finds, at each word start, the longest opening word there; the shorter ones are its prefixes.
        self._closure = {word: frozenset(index for end in range(1, len(word) + 1)
                                         for index in by_word.get(word[:end], ()))
                         for word in by_word}
        longest_first = sorted(by_word, key=lambda word: (-len(word), word))
        opening_words = r"(?<!\w)(?:" + "|".join(map(re.escape, longest_first)) + ")"
        self._words = re.compile(opening_words) if by_word else None
        self._lowered = LoweredReading(ch for words in opened.values() for word in words for ch in word)

    def found(self, line: str) -> bool:
        """Whether the joined pattern finds something in ``line``."""
        if self._words is None or not self._lowered.readable(line):
            return self.joined.search(line) is not None
        if self._others is not None and self._others.search(line) is not None:
            return True
        tried: set[int] = set()
        for match in self._words.finditer(line.lower()):
            for index in self._closure[match.group()] - tried:
                if self._gated[index].search(line) is not None:
                    return True
                tried.add(index)
        return False


def _source_openings(source: str) -> list[str] | None:
    """The words (literal word characters) one of which every match of ``source`` opens with, at a word start;
    None when the source has another shape."""
    try:
        parsed = rx.parse(source, re.IGNORECASE)
    except (re.error, ValueError, OverflowError):
        return None
    return _openings(parsed)


def _openings(items: list[tuple[Any, Any]]) -> list[str] | None:
    if not items:
        return None
    op, av = items[0]
    if op is rx.AT and av in _WORD_START:
        return rx.leading_words(items[1:])
    if op is rx.BRANCH:
        branches = [_openings(list(branch)) for branch in av[1]]
        if all(branch is not None for branch in branches):
            return [word for branch in branches if branch is not None for word in branch]
    return None


def _refers_to_group(source: str) -> bool:
    try:
        return rx.holds_group_reference(rx.parse(source, re.IGNORECASE))
    except (re.error, ValueError, OverflowError):
        return True
