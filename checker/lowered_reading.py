"""Whether words can be looked for in a lower-cased text exactly where ``re`` finds them without case.

The word gates (``recognize/prefilter.py`` for the frames' cues, ``ingest/word_gate.py`` for the
boilerplate patterns) lower-case a text once and look for the lower-case opening words of
case-insensitive patterns in it. That is exact only for characters whose lower case is one
character, does not depend on its neighbours, keeps word characters word characters, and agrees
with how ``re`` compares the words' letters without case ("K", the Kelvin sign, is "k" to ``re``
and lower-cases to "k"; "İ" does not lower-case to one character). ``LoweredReading(letters)``
says which texts hold only such characters, remembering each character's answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD_CHAR = re.compile(r"\w")


def plain_case(char: str) -> bool:
    """Lower-casing ``char`` gives one character, whatever its neighbours, of the same word-character class."""
    low = char.lower()
    return (len(low) == 1 and ("a" + char).lower() == "a" + low and (char + "a").lower() == low + "a"
            and bool(_WORD_CHAR.match(char)) == bool(_WORD_CHAR.match(low)))


class LoweredReading:
    """Which texts can be searched lower-cased for words written in ``letters`` (see the module's docstring)."""

    def __init__(self, letters: Iterable[str]) -> None:
        self._letters = [(letter.lower(), re.compile(re.escape(letter), re.IGNORECASE))
                         for letter in sorted(set(letters))]
        self._safe: set[str] = set()
        self._unsafe: set[str] = set()
        # Most texts are ASCII: one test of the whole text instead of a set of its characters.
        self._ascii_safe = self._all_safe({chr(code) for code in range(128)})

    def readable(self, text: str) -> bool:
        """Whether the words can be found in ``text`` lower-cased (every character of it is safe)."""
        if self._ascii_safe and text.isascii():
            return True
        chars = set(text)
        return chars <= self._safe or self._all_safe(chars - self._safe)

    def _all_safe(self, chars: set[str]) -> bool:
        if chars & self._unsafe:
            return False
        for char in chars:
            if self._is_safe(char):
                self._safe.add(char)
            else:
                self._unsafe.add(char)
                return False
        return True

    def _is_safe(self, char: str) -> bool:
        if not plain_case(char):
            return False
        low = char.lower()
        # Wherever re takes this character for a letter of a word, lower-casing must make them equal.
        return all(letter == low or not compiled.fullmatch(char) for letter, compiled in self._letters)
