"""Shared number reading: digits in either locale's notation, number words, scale words.

``find_numbers(text, lang)`` returns every number it can read, left to right,
without overlaps: "450,000" / "450 000" / "1.234,5" (French) / "1,234.5"
(English), "2.5 billion", "2.3bn", "15k", "1,2 milliard", "twenty-five",
"quatre-vingt-dix-sept", "a hundred", "two thirds". The quantity, money and
percent recognizers build on it; the language facts (words, scales,
suffixes) live in ``checker/lang/<lang>/numbers.toml``.

This module joins the readers: digits (``number_digits``), words
(``number_words``), characters of a positional system (``positional``),
behind a gate that skips texts holding no number (``number_gate``, speed
only); the data and the record are in ``number_data``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from operator import attrgetter

from checker.recognize import positional
from checker.recognize.number_data import NumberMatch, NumbersData, data
from checker.recognize.number_digits import DIGIT, find_digits, url_spans
from checker.recognize.number_gate import DIGIT_OR_VULGAR, gate_text
from checker.recognize.number_words import compiled_words, find_words

_SENTENCE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|er|e|ème|eme|re)$", re.IGNORECASE)


def find_numbers(text: str, lang: str) -> list[NumberMatch]:
    """Every number in ``text``, left to right, without overlaps."""
    return list(shared_numbers(text, lang))


# quantity, money and percent each read the numbers of the same text: read them once
@lru_cache(maxsize=4)
def shared_numbers(text: str, lang: str) -> tuple[NumberMatch, ...]:
    """``find_numbers``, as one tuple shared by every caller with the same text (so never to be copied)."""
    return tuple(_find_numbers(text, lang))


def may_hold_numbers(text: str, lang: str) -> bool:
    """Whether ``find_numbers`` may find a number in ``text``; False only when it surely finds none.

    Cheap (no parsing): for recognizers that want no number from a text without one.
    """
    d = data(lang)
    if d.system == "positional":
        return DIGIT_OR_VULGAR.search(text) is not None or positional.compiled(d).start.search(text) is not None
    return gate_text(text, compiled_words(lang))[1]


def _find_positional(text: str, d: NumbersData, lang: str) -> list[NumberMatch]:
    """The numbers of a language written in a positional system of characters (``positional``)."""
    has_digits = DIGIT.search(text) is not None
    numerals = positional.compiled(d)
    if not has_digits and numerals.start.search(text) is None:
        return []
    digits = find_digits(text, d, lang, unspaced=True) if has_digits else []
    found = positional.find(text, d, digits)
    urls = url_spans(text) if has_digits else []
    if urls:
        found = [m for m in found if not overlaps_any(m.start, m.end, urls)]
    return found


def _find_numbers(text: str, lang: str) -> list[NumberMatch]:
    d = data(lang)
    if d.system == "positional":
        return _find_positional(text, d, lang)
    w = compiled_words(lang)
    # Most sentences hold no digit and no number word: settle that before any parsing.
    words, anything = gate_text(text, w)
    if not anything:
        return []
    urls = url_spans(text)
    digits = find_digits(text, d, lang)
    if not words and not urls and text.isascii():
        # digits only: nothing to merge (the sort, stable, as below; they come in order already)
        digits.sort(key=_START)
        return _join_fractions(text, digits, w.joiner)
    taken = [(m.start, m.end) for m in digits]
    found: list[NumberMatch] = []
    replaced: set[int] = set()
    for m in find_words(text, text.lower(), w) if words else ():
        if not overlaps_any(m.start, m.end, taken):
            found.append(m)
            continue
        # "3 hundred and 21" replaces "3 hundred" and "21" when it covers them whole and is longer
        lo = bisect.bisect_left(taken, (m.start, -1))
        hi = bisect.bisect_left(taken, (m.end, -1))
        inside = range(lo, hi)
        if lo > 0 and taken[lo - 1][1] > m.start:
            continue  # a number in digits straddles its start
        if inside and taken[hi - 1][1] <= m.end and m.end - m.start > max(e - s for s, e in taken[lo:hi]):
            replaced.update(inside)
            found.append(m)
    found.extend(m for idx, m in enumerate(digits) if idx not in replaced)
    if urls:
        found = [m for m in found if not overlaps_any(m.start, m.end, urls)]
    found.sort(key=_START)
    if not text.isascii() and _VULGAR.search(text):
        taken = [(m.start, m.end) for m in found]
        for v in _VULGAR.finditer(text):
            if not overlaps_any(v.start(), v.end(), taken):
                found.append(NumberMatch(v.start(), v.end(), unicodedata.numeric(v.group())))
        found.sort(key=_START)
    return _join_fractions(text, found, w.joiner)


_START = attrgetter("start")


_VULGAR = re.compile(r"[\u00bc-\u00be\u2150-\u215e]")


def _join_fractions(text: str, found: list[NumberMatch], joiner: re.Pattern[str] | None) -> list[NumberMatch]:
    """Join "one over three", "1 sur 3" into one number when the sentence ends there."""
    if joiner is None:
        return found
    out: list[NumberMatch] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            gap = text[a.end:b.start]
            tail = text[b.end:b.end + 3]
            if b.start - a.end <= 10 and joiner.fullmatch(gap) and b.value != 0 and abs(a.value) < 10000 \
                    and _SENTENCE_END.match(tail):
                out.append(NumberMatch(a.start, b.end, a.value / b.value, words=a.words or b.words))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted by start, not overlapping each other)."""
    i = bisect.bisect_right(spans, (start, float("inf")))
    if i and spans[i - 1][1] > start:
        return True
    return i < len(spans) and spans[i][0] < end


def parse_number(phrase: str, lang: str) -> float | None:
    """The value of ``phrase`` when the whole of it is one number, else None."""
    found = find_numbers(phrase, lang)
    stripped = phrase.strip()
    if len(found) == 1 and phrase[found[0].start:found[0].end] == stripped:
        return found[0].value
    return None


def is_ordinal_suffix(word: str) -> bool:
    """Whether ``word`` is an ordinal suffix glued to digits ("th", "e", "ème")."""
    return bool(_ORDINAL_SUFFIX.fullmatch(word))
