"""Cheap "may this text hold one of these phrases?" tests for case-insensitive patterns.

A case-insensitive scan is slow in Python's regex engine: it folds every character it looks at,
and no literal prefix lets it skip ahead. Most sentences hold none of the phrases a recognizer
looks for, so it pays to lower-case the text once and scan it with a case-sensitive pattern that,
at each place, accepts every character the case-insensitive pattern would accept there. A match of
the case-insensitive pattern in the text is then always a match of the lowered pattern in the
lower-cased text (the test may say "maybe" for nothing, never "no" for a match).

Why that holds: with ``re.IGNORECASE``, a cased character ``c`` of a pattern matches a character
``x`` of a text when the simple lower-case form of ``x`` is ``c.lower()`` or one of the few extra
forms the engine treats as equal to it ("ı" for "i", "ſ" for "s", "ς" for "σ": its
``_EXTRA_CASES`` table); ``str.lower`` gives that same simple form for every character but "İ",
which it turns into two characters (texts whose length changes when lower-cased are not tested).
Lower-casing keeps a character a word character, a letter, a digit or white space, or not, so
``\\w``, ``\\d``, ``\\s`` and look-arounds built on them mean the same in both texts.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from typing import Any

from checker.recognize.prefilter import sequence_trie


@cache
def _extra_cases() -> dict[int, tuple[int, ...]] | None:
    # The regex engine's own table of extra case equivalences (Python 3.11+); None: no lowered tests.
    try:
        table: Any = importlib.import_module("re._casefix")._EXTRA_CASES
    except (ImportError, AttributeError):
        return None
    return dict(table)


def char(ch: str) -> str | None:
    """A pattern for the lower-cased characters that ``ch`` matches case-insensitively (None: unknown)."""
    extra = _extra_cases()
    low = ch.lower()
    if extra is None or len(low) != 1:
        return None
    forms = {low}
    for form in list(forms):
        forms.update(map(chr, extra.get(ord(form), ())))
    for form in list(forms):  # the extra forms of an extra form ("ι" -> "ͅ", "ι")
        forms.update(map(chr, extra.get(ord(form), ())))
    if len(forms) == 1:
        return re.escape(low)
    return "[" + "".join(re.escape(f) for f in sorted(forms)) + "]"


def literal(text: str) -> list[str] | None:
    """The lowered patterns of the characters of ``text``, one each (None: unknown)."""
    out: list[str] = []
    for ch in text:
        pattern = char(ch)
        if pattern is None:
            return None
        out.append(pattern)
    return out


def phrases(texts: list[str]) -> str | None:
    """A lowered pattern for any of ``texts``, their words separated by any run of white space (None: unknown)."""
    sequences: list[list[str]] = []
    for text in texts:
        atoms: list[str] = []
        for i, word in enumerate(text.split()):
            chars = literal(word)
            if chars is None:
                return None
            atoms.extend(([r"\s+"] if i else []) + chars)
        sequences.append(atoms)
    return trie(sequences)


def trie(sequences: list[list[str]]) -> str:
    """One pattern matching any of ``sequences`` (lists of patterns), factored by common prefixes; never empty."""
    return sequence_trie(sequences) or r"(?!x)x"
