"""The characters a pattern's matches open with, and where in a text each of many patterns may open.

Speed only. ``opening_characters(pattern)`` reads off the pattern's syntax tree (``regex_syntax``)
a set of characters that holds the first character of every match: ``pattern.match(text, p)``
can succeed only where ``text[p]`` is one of them (a pattern compared without case also where a
character with other cases stands, when one of its openings has other cases). None when no such
set is known: an item it does not read (a category such as ``\\w``, a negated class, "."), a
pattern that may match nothing, a wide range.

``OpeningCharacters(patterns)`` puts the sets of several patterns together: ``starts(text,
positions)`` keeps, for each pattern, the positions whose character may open it, so a pattern
is tried only where it may match (``frame/scan.py``, where words are not spaced and every cue
pattern would be tried at every position where some cue matches). ``tests/test_opening_chars.py``
checks the sets against ``re`` on handmade patterns and on the frames' cue patterns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from checker import build_cache
from checker import regex_syntax as rx
from checker.recognize.prefilter import parse

# A class range wider than this is not spelled out: a set of a few thousand characters is no gate.
_MAX_RANGE = 512
_TRANSPARENT = (rx.AT,)


class _Unknown(Exception):
    """Raised inside the reading when an item's opening characters cannot be told."""


def opening_characters(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Characters one of which opens every match of ``pattern`` (compared as ``re`` compares them, with or
    without case); None when not known (see the module doc)."""
    found = build_cache.remembered("opening_characters", pattern.pattern, pattern.flags,
                                   lambda: _opening_string(pattern), _is_opening)
    return None if found is None else frozenset(found)


def _is_opening(value: object) -> bool:
    return value is None or isinstance(value, str)


def _opening_string(pattern: re.Pattern[str]) -> str | None:
    items = parse(pattern)
    if items is None:
        return None
    try:
        chars, may_be_empty = _first(list(items))
    except _Unknown:
        return None
    if may_be_empty or not chars:
        return None
    return "".join(sorted(chars))


def cased(ch: str) -> bool:
    """Whether ``ch`` may be compared without case with another character: one that has other cases.

    A character this says is uncased equals, for ``re`` without case, itself alone (the test reads
    every character).
    """
    return not (ch.lower() == ch == ch.upper() and ch.casefold() == ch)


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The opening characters of the sequence ``items``, and whether it may match nothing."""
    chars: set[str] = set()
    for op, av in items:
        found, may_be_empty = _first_of_item(op, av)
        chars |= found
        if not may_be_empty:
            return chars, False
    return chars, True


def _first_of_item(op: Any, av: Any) -> tuple[set[str], bool]:
    if op is rx.LITERAL:
        return {chr(av)}, False
    if op is rx.IN:
        return _class(av), False
    if op is rx.SUBPATTERN:
        if av[1] or av[2]:
            raise _Unknown  # flags changed inside the group
        return _first(list(av[3]))
    if op is rx.ATOMIC_GROUP:
        return _first(list(av))
    if op is rx.BRANCH:
        chars: set[str] = set()
        may_be_empty = False
        for branch in av[1]:
            found, empty = _first(list(branch))
            chars |= found
            may_be_empty = may_be_empty or empty
        return chars, may_be_empty
    if op in rx.REPEATS:
        low, _high, inner = av
        found, empty = _first(list(inner))
        return found, empty or low == 0
    if op is rx.ASSERT and av[0] == 1:
        # A look-ahead reads the character at the match's start without taking it: when it cannot
        # match nothing, that character is one of its openings.
        found, empty = _first(list(av[1]))
        return (set(), True) if empty else (found, False)
    if op in (rx.ASSERT, rx.ASSERT_NOT) or op in _TRANSPARENT:
        # Look-behinds, negative look-aheads and anchors take no character.
        return set(), True
    raise _Unknown


def _class(members: list[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, av in members:
        if op is rx.LITERAL:
            chars.add(chr(av))
        elif op is rx.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            raise _Unknown  # a category, a negation, a wide range
    return chars


class OpeningCharacters:
    """The opening characters of several patterns (``opening_characters``), looked up per character.

    A pattern compared without case that opens with a letter (a cased character) may open at any cased
    character of a text: its letter's other cases are not spelled out.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        by_character: dict[str, list[int]] = {}
        unknown: list[int] = []
        any_cased: list[int] = []
        for index, pattern in enumerate(patterns):
            chars = opening_characters(pattern)
            if chars is None:
                unknown.append(index)
                continue
            without_case = bool(pattern.flags & re.IGNORECASE)
            if without_case and any(cased(ch) for ch in chars):
                any_cased.append(index)
            for ch in chars:
                if not (without_case and cased(ch)):
                    by_character.setdefault(ch, []).append(index)
        self._by_character = {ch: tuple(indices) for ch, indices in by_character.items()}
        self._unknown = tuple(unknown)
        self._any_cased = tuple(any_cased)

    def _openable(self, ch: str) -> tuple[int, ...]:
        """The indices of the patterns (but the unknown ones) that may open with ``ch``."""
        found = self._by_character.get(ch, ())
        if self._any_cased and cased(ch):
            return tuple(sorted({*found, *self._any_cased}))
        return found

    def starts(self, text: str, positions: Sequence[int]) -> dict[int, list[int]]:
        """Per pattern index, the ``positions`` (sorted) where a match of that pattern may start in ``text``.

        A pattern left out matches at none of ``positions``.
        """
        found: dict[int, list[int]] = {index: list(positions) for index in self._unknown} if positions else {}
        for position in positions:
            for index in self._openable(text[position]):
                at = found.get(index)
                if at is None:
                    found[index] = [position]
                else:
                    at.append(position)
        return found

    def may_open(self, text: str) -> list[int]:
        """The positions of ``text`` where some of the patterns may match, in order."""
        if self._unknown:
            return list(range(len(text)))
        by_character = self._by_character
        if self._any_cased:
            return [position for position, ch in enumerate(text) if ch in by_character or cased(ch)]
        return [position for position, ch in enumerate(text) if ch in by_character]
