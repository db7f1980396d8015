"""Sentence boundaries: fast, deterministic, good enough for news copy.

The marks are script facts of the languages (``checker/lang/<lang>/script.toml``).
In a spaced script a sentence ends at ``.``, ``!``, ``?`` or ``…`` (optionally
followed by closing quotes or brackets) when whitespace and an upper-case
letter, digit or opening quote follow, unless the word before the dot is a
known abbreviation ("Co.", "Ltd.", "Mr.") or a single initial. A final mark
("。", "！", "？" in Chinese) ends a sentence whatever follows it. Lines never
join: the analysis text already has one block per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checker.lang.script import sentence_marks


@cache
def _end_pattern() -> re.Pattern[str]:
    """Where a sentence ends, for every supported language at once (their marks never clash).

    Opening with one character class lets ``re`` skip ahead to the next candidate; an alternation of
    branches would be tried at every position. The branches are "\\n+", a final mark with the marks and
    closers after it, and a spaced script's end before white space and a capital.
    """
    ends, finals, closers = (re.escape(marks) for marks in sentence_marks())
    final = rf"|(?<=[{finals}])[{finals}]*[{closers}]*" if finals else ""
    return re.compile(rf"[{ends}{finals}\n](?:(?<=\n)\n*{final}"
                      rf"|[{ends}]*[{closers}]*(?=\s+[\"'“«(\[]?[A-ZÀ-ÖØ-Þ0-9]))")


_WORD_BEFORE = re.compile(r"(\w+)\.$")

ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "prof", "st", "co", "ltd", "inc", "corp", "jr", "sr", "vs", "etc", "no", "nos",
    "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mm", "mme",
    "mlle", "m", "me", "dr", "gen", "gov", "sen", "rep", "sgt", "col", "capt", "lt", "cie", "ste", "av",
    "bd", "u.s", "e.g", "i.e", "approx", "est", "dept", "univ",
])


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence of ``text[start:end]``, trimmed of surrounding spaces."""
    stop = len(text) if end is None else end
    cursor = start
    for match in _end_pattern().finditer(text, start, stop):
        if match.group().startswith("\n"):
            cut = match.start()
        else:
            before = _WORD_BEFORE.search(text, max(start, match.start() - 12), match.start() + 1)
            # An abbreviation or an initial ("J. Smith") ends no sentence; a figure ("Model 5.") does.
            if before and (before.group(1).lower() in ABBREVIATIONS
                           or (len(before.group(1)) == 1 and not before.group(1).isdigit())):
                continue
            cut = match.end()
        trimmed = _trimmed(text, cursor, cut)
        if trimmed is not None:
            yield trimmed
        cursor = match.end()
    trimmed = _trimmed(text, cursor, stop)
    if trimmed is not None:
        yield trimmed


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
