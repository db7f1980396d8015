"""Cheap "may this text hold one of these phrases?" tests for case-insensitive patterns.

A case-insensitive scan is slow in Python's regex engine: it folds every character it looks at,
and no literal prefix lets it skip ahead. Most sentences hold none of the phrases a recognizer
looks for, so it pays to lower-case the text once and scan it with a case-sensitive pattern that,
at each place, accepts every character the case-insensitive pattern would accept there. A match of
the case-insensitive pattern in the text is then always a match of the lowered pattern in the
lower-cased text (the test may say "maybe" for nothing, never "no" for a match).

Why that holds: with ``re.IGNORECASE``, a cased character ``c`` of a pattern matches a character
``x`` of a text when the simple lower-case form of ``x`` is ``c.lower()`` or one of the few extra
forms the engine treats as equal to it ("ı" for "i", "ſ" for "s", "ς" for "σ": the lower-case
characters that share an upper case, ``_extra_cases``); ``str.lower`` gives that same simple
form for every character but "İ", which it turns into two characters (texts whose length changes
when lower-cased are not tested). Lower-casing keeps a character a word character, a letter, a
digit or white space, or not, so ``\\w``, ``\\d``, ``\\s`` and look-arounds built on them mean the same in both texts.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import cache

from checker.recognize.prefilter import sequence_trie


@cache
def _extra_cases() -> dict[int, tuple[int, ...]]:
    """The engine's extra case equivalences, read off ``str.upper`` over every character.

    Without case, ``re`` takes two lower-case characters for equal when some characters of each
    have one upper case ("i" and "ı": "I"; "s" and "ſ": "S"); its table of them is made from the
    Unicode data that ``str.upper`` reads, so the same table comes out here (about 30 ms, once).
    """
    groups: dict[str, set[str]] = {}
    for block in _blocks():
        if block.upper() == block:
            continue  # most blocks hold no cased character
        for ch in block:
            up = ch.upper()
            if up != ch:
                groups.setdefault(up, {up} if len(up) == 1 and up.upper() == up else set()).add(ch)
    extra: dict[int, tuple[int, ...]] = {}
    for members in groups.values():
        lows = {ord(low) for low in (member.lower() for member in members) if len(low) == 1}
        if len(lows) > 1:
            for code in lows:
                extra[code] = tuple(sorted(lows - {code}))
    return extra


def _blocks() -> Iterator[str]:
    """Every character, in strings of 256, built from bytes rather than one ``chr`` at a time."""
    codes = bytearray(1024)
    codes[0::4] = range(256)
    for high in range((sys.maxunicode + 1) // 256):
        codes[1::4] = bytes([high & 0xFF]) * 256
        codes[2::4] = bytes([high >> 8]) * 256
        yield codes.decode("utf-32-le", "surrogatepass")


def char(ch: str) -> str | None:
    """A pattern for the lower-cased characters that ``ch`` matches case-insensitively (None: unknown)."""
    extra = _extra_cases()
    low = ch.lower()
    if len(low) != 1:
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
