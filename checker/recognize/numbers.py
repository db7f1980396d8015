"""Shared number reading: digits in either locale's notation, number words, scale words.

``find_numbers(text, lang)`` returns every number it can read, left to right,
without overlaps: "450,000" / "450 000" / "1.234,5" (French) / "1,234.5"
(English), "2.5 billion", "2.3bn", "15k", "1,2 milliard", "twenty-five",
"quatre-vingt-dix-sept", "a hundred", "two thirds". The quantity, money and
percent recognizers build on it; the language facts (words, scales,
suffixes) live in ``checker/lang/<lang>/numbers.toml``.

Word numbers are read with a small state machine of our own rather than
text2num: text2num reads "hundreds of" as 100, has no fractions, and gives
no spans, all of which we need.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter
from typing import Literal

from checker import lang as langdata
from checker.lang import DimensionData, Example, script
from checker.recognize import positional
from checker.recognize.prefilter import sequence_trie, trie


@langdata.dimension("numbers")
class NumbersData(DimensionData):
    """Schema of ``<lang>/numbers.toml`` (the decimal mark is a script fact: ``<lang>/script.toml``)."""

    cardinals: dict[str, int]
    hundreds: list[str]
    scales: dict[str, float]
    nouns: dict[str, float] = {}
    suffixes: dict[str, float] = {}
    # Suffixes that scale only right after a currency symbol ("$45m" is a million, "45m" a metre).
    currency_suffixes: dict[str, float] = {}
    fractions: dict[str, float] = {}
    connectors: list[str] = []
    articles: list[str] = []
    negatives: list[str] = []
    points: list[str] = []
    pronoun_after: list[str] = []
    connector_after_tens: bool = False
    multiplying_tens: list[str] = []
    fraction_joiners: list[str] = []
    # Ordinals that are denominators only inside a compound ("twenty-firsts", never "a first").
    compound_ordinals: dict[str, float] = {}
    # Whether a singular ordinal takes only a numerator of one ("one fifth", but "two fifth graders").
    singular_needs_one: bool = True
    # How numbers are written: "words" (English, French), or a "positional" system of characters (Chinese:
    # ``checker/recognize/positional.py`` reads it, with the fields below; ``scales`` are its large units).
    system: Literal["words", "positional"] = "words"
    multipliers: dict[str, float] = {}  # inside a group of four: 十 百 千
    fraction_marks: list[str] = []  # "五分之一": the denominator first
    mixed_joiners: list[str] = []  # "三又三分之一"
    more_marks: list[str] = []  # "十余万", "1000多": more than the number
    several_marks: list[str] = []  # "数百", "几十万": several of the multiplier
    halves: list[str] = []  # "半百": half of the multiplier
    financial: list[str] = []  # numeral characters that are numerals only inside a longer numeral
    classifiers: list[str] = []  # measure words after which a lone "one" is a count
    not_numbers: list[str] = []  # words written with numeral characters that are no numbers
    unit_words: list[str] = []  # units that open with a multiplier ("千米": kilometres)
    ordinal_prefixes: list[str] = []  # a numeral right after one is an ordinal, no count ("第二": the second)
    samples: list[Example] = []


@dataclass(frozen=True)
class NumberMatch:
    """A number read in a text: its span, value and how it was written."""

    start: int
    end: int
    value: float
    words: bool = False  # written (at least partly) in words
    scaled: bool = False  # a scale word or suffix was applied ("2.5 billion", "15k")
    # "十余万", "1000多": more than ``value``, by less than this step (0: the number is exact)
    above: float = 0.0
    # "数百", "几十万": several times ``value`` (from two to nine times and a bit)
    several: bool = False


# Digits are found by cheap, linear patterns; the value is read afterwards.
# Thousands groups: "," (en), "." (fr), and spaces of every kind (both).
_SPACES = " \u00a0\u202f\u2009"
_EN_NUMBER = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"  # 1,234,567.89
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # 12,34,567.89 (Indian grouping)
    rf"|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:\.\d+)?(?![\d])"  # 1 234 567
    r"|\d+,\d{1,2}(?![\d]|,\d)"  # 1,5 (a decimal comma, also seen in English)
    r"|\d+(?:\.\d+)?|(?<!\d)\.\d+"
)
_FR_NUMBER = re.compile(
    rf"\d{{1,3}}(?:[{_SPACES}.]\d{{3}})+(?:,\d+)?(?![\d])"  # 1 234 567,89 / 1.234.567,89
    r"|\d+,\d+|(?<!\d),\d+"  # 9,5 / ,08
    r"|\d+\.\d{1,2}(?![\d.])"  # 62.5 (a decimal point in a French text)
    r"|\d+"
)
_DIGIT = re.compile(r"\d")
_EXPONENT = re.compile(r"(?:[eE]([+-]?\d{1,3})|\^([+-]{0,2})(\d{1,3})|\s?[x×*]\s?10\^([+-]?\d{1,3}))(?![\w])")
_THOUSANDS_DOT = re.compile(r"\.\d{3}(?:\D|$)")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_SENTENCE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")
_UNIT_GLUED_DASH = re.compile(r"\d[^\W\d_]{1,3}$")
_INT = re.compile(r"\d+")
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SHORT_SPACE = re.compile(r"\s{1,3}")
_SPACED_SUFFIX = re.compile(r"[ \u00a0]{1,2}([^\W\d_]{1,2})(?![\w])")
_SCALE_WORD = re.compile(r"[\s\-]{1,3}([^\W\d_]+)")  # a gap of up to three, then a word
_AND_FRACTION = re.compile(r"\s+(?:et|and)\s+(?:a\s+|one\s+|un\s+)?([^\W\d_]+)")
_AND_HALF = re.compile(r"\s+(?:et|and)\s+(?:a\s+|one\s+|un\s+)?(demi|half)\b", re.IGNORECASE)
_OF_A_SCALE = re.compile(r"[\s-]+(?:of\s+a\s+|a\s+)?([^\W\d_]+)")
_A_SCALE = re.compile(r"[\s-]+(?:a\s+)?([^\W\d_]+)")
_GLUED_AFTER_DIGITS = re.compile(r"[.,]\d|[^\W\d_]")
_FRACTION = re.compile(r"\s*/\s*(\d{1,3})(?![\d/])")
_SIGN = re.compile(r"([-\u2212])\s{0,2}$")
_EXPONENT_START = frozenset("eE^x×*")  # the characters ``_EXPONENT`` starts with, after a space or not
_GLUED_WORD = re.compile(r"[^\W\d_]+")
_GLUED_ASCII_WORD = re.compile(r"[A-Za-z]+")  # where words are not spaced, a suffix ends at the script's letters
_GAP = re.compile(r"[\s\-\u2010\u2011\u2013]{1,4}")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|html?)\S*|\S+%[0-9A-Fa-f]{2}\S*")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|er|e|ème|eme|re)$", re.IGNORECASE)


@cache
def data(lang: str) -> NumbersData:
    """The number words of ``lang`` (English when the language has no data)."""
    try:
        result: NumbersData = langdata.load("numbers", lang)
    except langdata.LanguageDataError:
        result = langdata.load("numbers", "en")
    return result


@cache
def _decimal_comma(lang: str) -> bool:
    """Whether ``lang`` writes a decimal comma (a script fact); English's point for a language without data."""
    return script.profile(lang).decimal_comma if script.is_supported(lang) else False


def _digits_value(raw: str, decimal_comma: bool) -> float:
    """The value of a digit string written with ``raw``'s separators."""
    if raw.isdecimal():
        return float(raw)  # no separator: nothing to remove or replace
    s = raw
    for sp in _SPACES:
        s = s.replace(sp, "")
    if decimal_comma:
        s = s.replace(".", "") if _THOUSANDS_DOT.search(s) or s.count(".") > 1 else s
        s = s.replace(",", ".")
    else:
        s = s.replace(",", ".") if _DECIMAL_COMMA.fullmatch(s) else s.replace(",", "")
    return float(s)


_URL_HINT = re.compile(r"://|www\.|\.(?:com|org|net|html?)|%[0-9A-Fa-f]{2}")
_SPACE = re.compile(r"\s")


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs: cheap hints first, then the full pattern on the word around each hint."""
    spans: list[tuple[int, int]] = []
    # one of these is in every match of _URL_HINT: substring tests are cheaper than the search
    if not ("%" in text or "://" in text or "www." in text or ".com" in text or ".org" in text
            or ".net" in text or ".htm" in text):
        return spans
    word_end = -1
    for hint in _URL_HINT.finditer(text):
        if hint.start() < word_end:
            continue
        space = _SPACE.search(text, hint.end())
        word_end = space.start() if space else len(text)
        word_start = hint.start()
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        spans.extend((word_start + m.start(), word_start + m.end())
                     for m in _URL.finditer(text, word_start, word_end))
    return spans


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
        return _DIGIT_OR_VULGAR.search(text) is not None or positional.compiled(d).start.search(text) is not None
    return _gate_text(text, _words(lang))[1]


def _find_positional(text: str, d: NumbersData, lang: str) -> list[NumberMatch]:
    """The numbers of a language written in a positional system of characters (``positional``)."""
    has_digits = _DIGIT.search(text) is not None
    numerals = positional.compiled(d)
    if not has_digits and numerals.start.search(text) is None:
        return []
    digits = _find_digits(text, d, lang, unspaced=True) if has_digits else []
    found = positional.find(text, d, digits)
    urls = _url_spans(text) if has_digits else []
    if urls:
        found = [m for m in found if not overlaps_any(m.start, m.end, urls)]
    return found


def _gate_text(text: str, w: _Words) -> tuple[bool, bool]:
    """Whether ``text`` may hold a number in words, and whether it may hold any number."""
    if text.isascii():
        # one translation splits an ASCII text into its words (runs of letters, lower-cased) and
        # turns its digits into tabs
        folded = text.translate(_ASCII_WORDS)
        tokens = folded.split()
        words = not w.strong.isdisjoint(tokens) \
            or (not w.lone.isdisjoint(tokens) and not w.lone_next.isdisjoint(tokens)) \
            or (not w.weak.isdisjoint(tokens) and w.weak_gate.search(text.lower()) is not None)
        return words, words or "\t" in folded
    words = _may_hold_number_words(text, text.lower(), w)
    return words, words or _DIGIT_OR_VULGAR.search(text) is not None


def _find_numbers(text: str, lang: str) -> list[NumberMatch]:
    d = data(lang)
    if d.system == "positional":
        return _find_positional(text, d, lang)
    w = _words(lang)
    # Most sentences hold no digit and no number word: settle that before any parsing.
    words, anything = _gate_text(text, w)
    if not anything:
        return []
    urls = _url_spans(text)
    digits = _find_digits(text, d, lang)
    if not words and not urls and text.isascii():
        # digits only: nothing to merge (the sort, stable, as below; they come in order already)
        digits.sort(key=_START)
        return _join_fractions(text, digits, w.joiner)
    taken = [(m.start, m.end) for m in digits]
    found: list[NumberMatch] = []
    replaced: set[int] = set()
    for m in _find_words(text, text.lower(), w) if words else ():
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
_DIGIT_OR_VULGAR = re.compile(r"[\d\u00bc-\u00be\u2150-\u215e]")
_ASCII_WORDS = str.maketrans({chr(c): chr(c).lower() if chr(c).isalpha() else "\t" if chr(c).isdigit() else " "
                              for c in range(128)})


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


@cache
def _negative_before(lang: str) -> re.Pattern[str]:
    negatives = "|".join(map(re.escape, data(lang).negatives)) or r"(?!x)x"
    return re.compile(r"(?<![\w])(" + negatives + r")\s{1,2}$", re.IGNORECASE)


def _find_digits(text: str, d: NumbersData, lang: str, unspaced: bool = False) -> list[NumberMatch]:
    """Numbers written in digits. ``unspaced``: the language writes no spaces, so a letter of its script
    right before or after the digits ("筹集3.5亿") glues nothing: only ASCII letters do ("A320")."""
    decimal_comma = _decimal_comma(lang)
    pattern = _FR_NUMBER if decimal_comma else _EN_NUMBER
    out: list[NumberMatch] = []
    pos = 0
    n = len(text)
    while True:
        # a cheap hint finds the next digit (with the separator right before it: ".5", ",08"); the full
        # pattern is only tried there
        hint = _DIGIT.search(text, pos)
        if hint is None:
            break
        digit = hint.start()
        m = None
        if digit > pos and text[digit - 1] in ".,":
            m = pattern.match(text, digit - 1)
        if m is None:
            m = pattern.match(text, digit)
        if m is None:
            pos = digit + 1
            continue
        start, end = m.span()
        pos = end
        before = text[start - 1] if start else ""
        # Glued inside an identifier ("A320", "COVID-19", "v2.0"): not a quantity.
        if (before.isalnum() and not (unspaced and not before.isascii())) or before == "_" \
                or before == "." and start >= 2 and text[start - 2].isalpha():
            continue
        if before in "-\u2010\u2011" and start >= 2 and text[start - 2].isalpha() \
                and not _UNIT_GLUED_DASH.search(text, max(0, start - 6), start - 1):
            continue
        raw = m.group()
        # "192.168.1.2", "22,24,26,31": a list of integers, not a decimal
        # (``str.isdecimal`` is what ``\d`` matches; the slices are empty at the end of the text)
        if (text[end:end + 1] in (".", ",") and text[end + 1:end + 2].isdecimal()) \
                or (start and text[start - 1] in ".," and start >= 2 and text[start - 2].isdigit()):
            intpart = _INT.match(raw)
            if intpart is None:
                continue
            grouped = decimal_comma and _DOT_GROUPED.fullmatch(raw)
            if not (grouped and text[end:end + 1] == "."):
                raw = intpart.group()
                end = start + len(raw)
        try:
            value = _digits_value(raw, decimal_comma)
        except ValueError:
            continue
        scaled = False
        # exponent or power: "1.3e6", "1.1^23"; the pattern only where its first character is
        after = text[end:end + 1]
        ex = _EXPONENT.match(text, end) if after in _EXPONENT_START or (
            after.isspace() and text[end + 1:end + 2] in _EXPONENT_START) else None
        if ex:
            try:
                if ex.group(1) is not None:
                    value = value * 10.0 ** int(ex.group(1))
                elif ex.group(4) is not None:
                    value = value * 10.0 ** int(ex.group(4))  # "1.3x10^6"
                else:
                    sign = -1 if ex.group(2).count("-") % 2 else 1
                    value = value ** (sign * int(ex.group(3)))
            except (OverflowError, ZeroDivisionError):
                continue  # "1e310": no finite number
            end = ex.end()
        elif "/" in text[end:end + 3]:
            fr = _FRACTION.match(text, end)
            if fr and text[start - 1:start] != "/" and int(fr.group(1)) != 0 and len(raw) <= 3:
                value = value / int(fr.group(1))
                end = fr.end()
                # a mixed number "2 1/4"
                prev = out[-1] if out else None
                if prev is not None and not prev.words and _SHORT_SPACE.fullmatch(text, prev.end, start) \
                        and float(prev.value).is_integer() and value < 1:
                    out.pop()
                    start, value = prev.start, (abs(prev.value) + value) * (-1 if prev.value < 0 else 1)
        # a suffix glued or standing alone: "15k", "2.3bn", "10 M" (a letter is alphanumeric)
        after = text[end:end + 1]
        glued = (_GLUED_WORD if not unspaced else _GLUED_ASCII_WORD).match(text, end) \
            if after.isalnum() and not (unspaced and not after.isascii()) else None
        if glued:
            suffix = glued.group()
            if suffix in d.suffixes:
                value *= d.suffixes[suffix]
                end = glued.end()
                scaled = True
            elif suffix.lower() in d.scales:
                value *= d.scales[suffix.lower()]
                end = glued.end()
                scaled = True
            elif suffix in d.currency_suffixes and start and unicodedata.category(text[start - 1]) == "Sc":
                value *= d.currency_suffixes[suffix]
                end = glued.end()
                scaled = True
            else:
                # "180ml", "4th", "3com": a unit, an ordinal or an identifier
                continue
        elif after == " " or after == "\u00a0":
            sp = _SPACED_SUFFIX.match(text[end:end + 6])
            if sp and sp.group(1) in d.suffixes and sp.group(1) not in ("g", "b", "mm", "mn"):
                value *= d.suffixes[sp.group(1)]
                end += sp.end()
                scaled = True
        # scale words after the digits: "2.5 billion", "3 millions et demi", "three lakh crore"
        end, value, words_scaled = _scale_words(text, end, value, d) if not unspaced else (end, value, False)
        scaled = scaled or words_scaled
        # a sign right before: "-1", "- 10 k", but not the dash of "1000-5000"
        lead = text[max(0, start - 3):start]
        sign_m = _SIGN.search(text, max(0, start - 3), start) if "-" in lead or "\u2212" in lead else None
        if sign_m:
            lead = text[max(0, sign_m.start() - 64):sign_m.start()].rstrip()
            if not lead or not (lead[-1].isalnum() or lead[-1] in ",.%)"):
                start = sign_m.start()
                value = -value
        elif d.negatives and start and text[start - 1].isspace():  # the pattern ends with white space
            neg = _negative_before(lang).search(text[max(0, start - 12):start])
            if neg:
                start = max(0, start - 12) + neg.start(1)
                value = -value
        if start < end <= n:
            out.append(NumberMatch(start, end, value, words=words_scaled, scaled=scaled))
        pos = end
    return out


def _scale_words(text: str, end: int, value: float, d: NumbersData) -> tuple[int, float, bool]:
    """Apply scale words, hundreds and counting nouns that follow a number."""
    scaled = False
    last_scale = 0.0
    while True:
        w = _SCALE_WORD.match(text, end)
        if not w:
            break
        word = w.group(1).lower()
        factor = d.scales.get(word) or d.nouns.get(word) or (100.0 if word in d.hundreds else None)
        if factor is None or (last_scale and factor > 1000 and last_scale > 1000 and factor <= last_scale
                              and word not in ("crore", "crores")):
            break
        value *= factor
        last_scale = factor
        end = w.end()
        scaled = True
    if scaled:
        # "un million et demi", "3 million and a half"
        half = _AND_FRACTION.match(text[end:end + 24])
        if half and half.group(1).lower() in d.fractions:
            value += last_scale / d.fractions[half.group(1).lower()]
            end += half.end()
    return end, value, scaled


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str  # lower-cased letters, a run of digits, or "#" for digits that cannot join number words


@dataclass(frozen=True)
class _Words:
    """The number words of a language, compiled once: sets for lookups, one regex to find candidates."""

    data: NumbersData
    starters: frozenset[str]
    numberish: frozenset[str]  # words that may continue a number
    candidates: re.Pattern[str]  # on the lower-cased text: no case folding, no lookbehind, so a fast scan
    candidates_folded: re.Pattern[str]  # for texts whose lower-cased form has another length ("İ")
    joiner: re.Pattern[str] | None
    ordinals: dict[str, float]  # every denominator word: fractions and compound-only ordinals
    gate: re.Pattern[str]  # on the lower-cased text: a word without which no number in words is read
    strong: frozenset[str]  # those words (see ``_gate_words``), but for denominators
    weak: frozenset[str]  # denominators: they need an article, a connector or a digit before them
    weak_gate: re.Pattern[str]  # on the lower-cased text: a denominator with what it needs before it
    lone: frozenset[str]  # articles that are "one", read alone only before a fraction joiner
    lone_next: frozenset[str]  # the words after which they are read: fraction joiners, decimal points
    articles: frozenset[str]  # articles read only before a number word, a digit or a fraction joiner
    after_article: frozenset[str]  # the words that may follow one of them in a number


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes (fast to scan a text with); never empty."""
    return trie(words) or r"(?!x)x"


@cache
def _words(lang: str) -> _Words:
    d = data(lang)
    starters = frozenset(d.cardinals) | set(d.hundreds) | set(d.scales) | set(d.articles) \
        | set(d.negatives) | set(d.fractions) | set(d.nouns)
    ordinals = {**d.compound_ordinals, **d.fractions}
    numberish = starters | set(d.connectors) | set(d.points) | set(ordinals)
    letters = r"[^\W\d_]"
    multipliers = _trie(sorted(set(d.hundreds) | set(d.scales)))
    # Where a number may start: a number word, or up to three digits before a multiplier ("3 hundred and 21").
    # Every alternative starts with a literal character, which lets the regex engine skip ahead to the
    # characters that can start one; the word boundary before a word is checked by the caller.
    words = _trie(sorted(starters))
    digits = "|".join(rf"{c}(?<![\w.,]{c})\d{{0,2}}(?=[ \u00a0]{{1,2}}(?:{multipliers})(?!{letters}))"
                      for c in "123456789")
    candidates = re.compile(rf"(?:{words[3:-1] if words.startswith('(?:') else words}|{digits})(?!{letters})")
    candidates_folded = re.compile(rf"(?<!{letters})(?:{words}|{digits})(?!{letters})", re.IGNORECASE)
    joiner = None
    if d.fraction_joiners:
        alternation = "|".join(r"\s+".join(map(re.escape, j.split())) for j in d.fraction_joiners)
        joiner = re.compile(r"\s+(?:" + alternation + r")\s+", re.IGNORECASE)
    needed, lone, lone_next = _gate_words(d)
    weak = (frozenset(ordinals) - set(d.cardinals) - set(d.hundreds) - set(d.scales) - set(d.nouns)) & needed
    articles = frozenset(d.articles) - set(d.negatives) - set(d.hundreds) - set(d.scales) - set(d.nouns) \
        - set(ordinals)
    after_article = numberish | {j.split()[0].lower() for j in d.fraction_joiners if j.split()}
    return _Words(d, frozenset(starters), frozenset(numberish), candidates, candidates_folded, joiner,
                  ordinals, _gate(needed, lone, lone_next), needed - weak, weak, _weak_gate(d, weak), lone,
                  lone_next, articles, frozenset(after_article))


# Lower-case letters whose upper-case forms are letters too: a word cannot start right after one.
# (A subset of what ``str.isalpha`` accepts, so the gate below may only say "maybe" too often.)
_LETTER_CLASS = "[a-z\u00df-\u00f6\u00f8-\u00ff]"
_LETTER_BEFORE = f"(?<!{_LETTER_CLASS})"


def _gate_words(d: NumbersData) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words a number in words needs; the articles that are "one"; the words after which they count.

    ``_parse_words`` and ``_read_fraction`` read nothing without a cardinal, a hundred, a scale, a
    counting noun or a denominator word (digits join words only around a multiplier, and a
    compound-only ordinal needs a ten before it, in words or in digits). An article that is also
    "one" ("un", "une") is never read alone, except right before a fraction joiner ("un sur"),
    and it is read with another one only around a decimal point ("un virgule un"), so it opens
    the gate only before those words. The gate may open for nothing; it never stays shut for a
    number ``_find_words`` would read.
    """
    lone = {a for a in d.articles if d.cardinals.get(a) == 1} - set(d.hundreds) - set(d.scales) \
        - set(d.nouns) - set(d.fractions) - set(d.compound_ordinals)
    needed = (set(d.cardinals) | set(d.hundreds) | set(d.scales) | set(d.nouns) | set(d.fractions)
              | set(d.compound_ordinals)) - lone
    lone_next = {j.split()[0].lower() for j in d.fraction_joiners if j.split()} | set(d.points)
    return frozenset(needed), frozenset(lone), frozenset(lone_next)


def _gate(needed: frozenset[str], lone: frozenset[str], lone_next: frozenset[str]) -> re.Pattern[str]:
    """A pattern that finds, in a lower-cased text, the words of ``_gate_words``: a needed word, or
    an article that is "one" right before a fraction joiner or a decimal point.

    One trie whose every alternative starts with a literal character, the check for a letter before
    it coming right after that character: so the regex engine skips ahead to the characters that
    can start a word, instead of trying the trie at every position of the text. (At most one
    alternative matches at a place: no needed word is an article that is "one", and a word
    followed by letters is not read.)
    """
    letters = r"[^\W\d_]"

    def opening(word: str) -> list[str]:
        first = re.escape(word[0])
        return [first, rf"(?<!{_LETTER_CLASS}{first})", *(re.escape(ch) for ch in word[1:])]

    sequences = [[*opening(word), rf"(?!{letters})"] for word in sorted(needed) if word]
    if lone and lone_next:
        # the tokens of a number are at most 8 characters apart (see ``_window``)
        joined = rf"(?!{letters})[\W_]{{0,8}}{_trie(sorted(lone_next))}(?!{letters})"
        sequences += [[*opening(word), joined] for word in sorted(lone) if word]
    return re.compile(sequence_trie(sequences) or r"(?!x)x")


_GAP_CHARS = r"[\s\-\u2010\u2011\u2013]{1,4}"  # between the tokens of one number (``_GAP``)


def _weak_gate(d: NumbersData, weak: frozenset[str]) -> re.Pattern[str]:
    """Where a denominator word ("half", "quarter", "first") may take part in a number without a
    cardinal, a hundred, a scale or a counting noun in the text.

    A fraction word counts only after an article, a connector or digits right before it ("a half",
    "a 2 thirds"): a lone "quarter" of "first quarter" reads as nothing, and "half a million" has a
    scale. A compound-only ordinal needs a ten before it: without a word for it, digits, with at
    most articles and connectors between ("a 20 first").
    """
    letters = r"[^\W\d_]"
    before = _trie(sorted(set(d.articles) | set(d.connectors)))
    fractions = sorted(weak & set(d.fractions))
    ordinals = sorted(weak & set(d.compound_ordinals))
    alternatives = []
    if fractions:
        alternatives.append(rf"(?:{_LETTER_BEFORE}{before}(?!{letters})|\d){_GAP_CHARS}{_trie(fractions)}(?!{letters})")
    if ordinals:
        alternatives.append(rf"\d(?:{_GAP_CHARS}(?:{before}(?!{letters})|\d+))*{_GAP_CHARS}{_trie(ordinals)}"
                            rf"(?!{letters})")
    return re.compile("|".join(alternatives) or r"(?!x)x")


def _may_hold_number_words(text: str, low: str, w: _Words) -> bool:
    """Whether ``_find_words`` may read a number in ``text`` (``low`` is its lower-cased form)."""
    if len(low) != len(text):
        return True  # a letter lower-cased to two ("İ"): positions shift, so no shortcut
    weak = False
    for m in w.gate.finditer(low):
        if m.group() not in w.weak:
            return True
        weak = True
    return weak and w.weak_gate.search(low) is not None


_TENS = frozenset((20, 30, 40, 50, 60, 70, 80, 90))
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_PREV_WORD = re.compile(r"([^\W\d_]+)[\W\d_]*\Z")
_NEXT_TOKEN = re.compile(r"[\W_]*([^\W\d_]+|\d+)")  # the next token of ``_window`` (between: no token)
_SCALE_AFTER = re.compile(r"[\s-]{1,3}(?:of\s+a\s+|a\s+)?([^\W\d_]+)", re.IGNORECASE)


def _window(text: str, pos: int, w: _Words) -> list[_Token]:
    """The tokens of the number that may start at ``pos``, and two more to look ahead."""
    toks: list[_Token] = []
    ahead = 0
    for m in _TOKEN.finditer(text, pos):
        if toks and m.start() - toks[-1].end > 8:
            break
        word = m.group()
        if word[0].isdigit():
            s, e = m.span()
            # digits join number words only as a whole small integer: not "1.5", "3rd", "007"
            glued = (s and text[s - 1] in ".,") or _GLUED_AFTER_DIGITS.match(text, e)
            if len(word) > 3 or word[0] == "0" or glued:
                word = "#"
        else:
            word = word.lower()
        toks.append(_Token(m.start(), m.end(), word))
        if word not in w.numberish and not word.isdigit():
            ahead += 1
        if ahead == 2 or len(toks) > 24:
            break
    return toks


def _find_words(text: str, low: str, w: _Words) -> list[NumberMatch]:
    d = w.data
    out: list[NumberMatch] = []
    taken = 0
    folded = len(low) == len(text)
    for cand in (w.candidates.finditer(low) if folded else w.candidates_folded.finditer(text)):
        if cand.start() < taken or (folded and cand.start() and text[cand.start() - 1].isalpha()):
            continue
        if folded and cand.group() in w.articles and _article_alone(text, cand.end(), w):
            continue
        tokens = _window(text, cand.start(), w)
        if not tokens:
            continue
        parsed = _read_fraction(text, tokens, 0, d, w) or _parse_words(text, tokens, 0, d)
        if parsed is None:
            continue
        j, value, scaled = parsed
        start, end = tokens[0].start, tokens[j - 1].end
        taken = end
        if _is_ordinal(text, tokens, j, w):
            continue  # "twenty-fifth", "the twenty first time": an ordinal, not a count
        prev = _PREV_WORD.search(text, max(0, start - 40), start)
        if not _is_lone_pronoun(tokens, j, prev.group(1).lower() if prev else "", d):
            out.append(NumberMatch(start, end, value, words=True, scaled=scaled))
    return out


def _article_alone(text: str, end: int, w: _Words) -> bool:
    """Whether the article ending at ``end`` starts no number: the next token cannot follow it in one.

    An article is read as "one" only before a number word, a digit or a connector ("a hundred", "a 20
    first", "a half"); an article that is also "one" ("un") only before a fraction joiner ("un sur").
    Telling so from the next token spares building the window of the most common words of a text.
    """
    nxt = _NEXT_TOKEN.match(text, end)
    if nxt is None or nxt.start(1) - end > 8:  # the window ends with the article (see ``_window``)
        return True
    word = nxt.group(1)
    return not word[0].isdecimal() and word.lower() not in w.after_article


def _is_ordinal(text: str, tokens: list[_Token], j: int, w: _Words) -> bool:
    """Whether the number read up to token ``j`` is the head of a compound ordinal ("twenty" + "-fifth")."""
    k = j
    if k + 1 < len(tokens) and tokens[k].word in w.data.connectors:
        k += 1  # "vingt et unième"
    if k >= len(tokens) or not _is_singular(tokens[k].word, w):
        return False
    return w.data.cardinals.get(tokens[j - 1].word, 0) in _TENS \
        and all(_GAP.fullmatch(text[tokens[x - 1].end:tokens[x].start]) for x in range(j, k + 1))


def _is_singular(word: str, w: _Words) -> bool:
    """Whether ``word`` is a singular ordinal that has a distinct plural ("fifth" / "fifths")."""
    return word in w.ordinals and word + "s" in w.ordinals


def _is_lone_pronoun(tokens: list[_Token], j: int, prev: str, d: NumbersData) -> bool:
    if j != 1:
        return False
    word = tokens[0].word
    if word in d.articles:
        following = [t.word for t in tokens[j:j + 2]]
        return not any(" ".join(following[:len(f.split())]) == f for f in d.fraction_joiners)
    return bool(d.cardinals.get(word) == 1 and prev in d.pronoun_after)


def _composable(big: float, small: float) -> bool:
    """Whether ``small`` may follow ``big`` inside one group of number words ("thirty" + "five")."""
    base = 100 if small > 10 else 10
    return big % base == 0 and big >= base


def _fraction_split(vals: list[float], seps: list[bool]) -> int:
    """Where the denominator of a written fraction starts: the words before it are the numerator.

    ``vals`` are the values of the words, the last one the ordinal; ``seps`` marks connectors ("and").
    The words before the ordinal join its denominator while they compose with it like the words of
    one number, from right to left: "one | twenty-fifth", "one hundred | thirty fifths", "one | one
    hundred fifth", "ninety-five hundred | fifths" (a multiplier ends the numerator), "one hundred
    thirty two | fifths" (a unit cannot precede a unit ordinal). This is the reading of the
    Recognizers-Text grammar, which the outside suite follows.
    """
    n = len(vals)
    cur = vals[-1]
    round_v = 1.0
    idx = n - 2
    while idx >= 0:
        if seps[idx]:
            idx -= 1
            continue
        prev, cur = cur, vals[idx]
        if not ((prev >= 100 and prev > cur) or (prev < 100 and _composable(cur, prev))):
            return idx + 1
        if prev < 100:
            if cur < round_v:
                return idx + 1
            round_v = cur
        if idx == 0:
            # the whole run composes: the numerator ends after a multiplier ("one hundred | thirty fifths")
            for s in range(1, n - 1):
                if vals[s] >= 100 and not seps[s + 1] and vals[s + 1] < 100:
                    return s + 1
            return n - 1
        idx -= 1
    return 1


def _plain_value(vals: list[float]) -> float:
    total = current = 0.0
    for v in vals:
        if v == 100:
            current = (current or 1.0) * 100
        elif v >= 1000:
            total += (current or 1.0) * v
            current = 0.0
        else:
            current += v
    return total + current


def _span_value(text: str, tokens: list[_Token], lo: int, hi: int, d: NumbersData) -> float | None:
    """The value of tokens [lo, hi) when they are exactly one number ("a" alone counts as one)."""
    if hi - lo == 1 and tokens[lo].word in d.articles:
        return 1.0
    parsed = _parse_words(text, tokens, lo, d, stop=hi)
    if parsed is None or parsed[0] != hi:
        return None
    return parsed[1]


def _read_fraction(text: str, tokens: list[_Token], i: int, d: NumbersData,
                   w: _Words) -> tuple[int, float, bool] | None:
    """A fraction written in words from token ``i``, with a compound denominator.

    "three twenty-firsts", "one hundred thirty fifths", "two and fifty-four hundredths", "a trillionth".
    None when the run of number words does not end with an ordinal, or when the ordinal multiplies a
    scale ("two thirds of a million": read by ``_parse_words``).
    """
    sign = 1.0
    a = i
    if tokens[a].word in d.negatives:
        sign, a = -1.0, a + 1
    k = a
    while True:
        if k >= len(tokens) or k - a > 16:
            return None
        if k > a and not _GAP.fullmatch(text[tokens[k - 1].end:tokens[k].start]):
            return None
        word = tokens[k].word
        if word in w.ordinals:
            break
        if word in d.connectors:
            if k == a or tokens[k - 1].word in d.connectors:
                return None
        elif word in d.articles and word not in d.cardinals:
            if k != a and tokens[k - 1].word not in d.connectors:
                return None
        elif not (word in d.cardinals or word in d.hundreds or word in d.scales or word.isdigit()):
            return None
        k += 1
    f = k
    if f == a:
        return None  # a lone "half": "half a million" is read by _parse_words
    after = _SCALE_AFTER.match(text, tokens[f].end)
    if after and (after.group(1).lower() in d.scales or after.group(1).lower() in d.nouns):
        return None
    # the words before the ordinal, a hyphenated ten and unit taken as one word ("ninety-five")
    entries: list[tuple[float, bool, int]] = []  # value, is a connector, first token
    t = a
    while t < f:
        word = tokens[t].word
        if word in d.connectors:
            entries.append((0.0, True, t))
            t += 1
            continue
        v = float(word) if word.isdigit() else float(d.cardinals[word]) if word in d.cardinals \
            else 1.0 if word in d.articles else 100.0 if word in d.hundreds else d.scales[word]
        unit = d.cardinals.get(tokens[t + 1].word) if t + 1 < f else None
        if 20 <= v < 100 and v % 10 == 0 and not word.isdigit() and unit is not None and 0 < unit < 10 \
                and "-" in text[tokens[t].end:tokens[t + 1].start]:
            entries.append((v + unit, False, t))
            t += 2
            continue
        entries.append((v, False, t))
        t += 1
    ordinal_word = tokens[f].word
    ordinal = w.ordinals[ordinal_word]
    vals = [e[0] for e in entries] + [ordinal]
    seps = [e[1] for e in entries] + [False]
    # "fifty-four hundredths", "a hundred trillionths": a scale ordinal is the whole denominator
    split = len(entries) if ordinal >= 100 else _fraction_split(vals, seps)
    if not 0 < split <= len(entries):
        return None
    denominator = entries[split:]
    if denominator and denominator[0][1]:
        return None
    if denominator:
        prefix = _plain_value([e[0] for e in denominator if not e[1]])
        if prefix < 10:
            return None
        denom = prefix + ordinal
    elif ordinal_word in d.compound_ordinals:
        return None  # "first", "second" are fractions only inside a compound ("twenty-firsts")
    else:
        denom = ordinal
    numerator = entries[:split]
    joints = [x for x, e in enumerate(numerator) if e[1]]
    whole: float | None = None
    last_scale = 0.0
    end_tok = entries[split][2] if split < len(entries) else f
    if joints:
        x = joints[-1]
        whole = _span_value(text, tokens, a, numerator[x][2], d) if x > 0 else None
        if whole is None:
            return None
        last_scale = numerator[x - 1][0] if numerator[x - 1][0] >= 1000 else 0.0
        lo = numerator[x][2] + 1
        num = _span_value(text, tokens, lo, end_tok, d) if lo < end_tok else 1.0  # "un million et demi"
    else:
        num = _span_value(text, tokens, a, end_tok, d)
    if num is None or num <= 0:
        return None
    if _is_singular(ordinal_word, w) and num != 1 and (
            d.singular_needs_one or d.cardinals.get(tokens[f - 1].word, 0) in _TENS):
        return None  # "two fifth graders", "vingt-cinquième" are no fractions; "one fifth" is
    if whole is None:
        value = num / denom
    elif num < denom:
        # "two and three quarters"; after a scale, the fraction is of the scale: "five billion and a half"
        value = whole + num / denom * (last_scale or 1.0)
    else:
        value = (whole + num) / denom  # "one hundred and thirty fifths": 130 / 5
    return f + 1, sign * value, bool(last_scale)


def _parse_words(text: str, tokens: list[_Token], i: int, d: NumbersData,
                 stop: int | None = None) -> tuple[int, float, bool] | None:
    """Read a number written in words from token ``i`` (before ``stop``): (end token, value, scaled) or None.

    Small integers in digits join the words around a multiplier: "3 hundred and 21", "4 thousand 3 hundred".
    """
    limit = len(tokens) if stop is None else min(stop, len(tokens))
    total = 0.0
    current = 0.0
    last: str | None = None  # kind of the last number word: unit, teen, ten, hundred, scale
    last_value = 0.0
    last_scale = float("inf")
    sign = 1.0
    article = False
    pending_connector = False
    group_start = 0.0  # the value of ``current`` when the last connector was read
    connected = False
    best: tuple[int, float, bool] | None = None
    scaled = False
    last_group = -1.0  # the value of a first scale group, which a larger scale may still multiply
    k = i
    while k < limit:
        tok = tokens[k]
        if k > i:
            gap = text[tokens[k - 1].end:tok.start]
            if not _GAP.fullmatch(gap):
                break
        w = tok.word
        if w in d.negatives and k == i:
            sign = -1.0
            k += 1
            continue
        if w in d.articles and not article and (last is None or pending_connector):
            # an article is "one" only before a hundred, a scale, a noun or a fraction
            nxt = tokens[k + 1].word if k + 1 < len(tokens) else ""
            multiplier = nxt in d.hundreds or nxt in d.scales or nxt in d.nouns
            if nxt in d.fractions or (last is None and multiplier):
                article = True
                k += 1
                continue
            if w not in d.cardinals:
                break
        if w.isdigit():
            v = float(w)
            nxt = tokens[k + 1].word if k + 1 < limit else ""
            multiplied = nxt in d.hundreds or nxt in d.scales
            if last is None:
                ok = multiplied and not article
            elif pending_connector:
                ok = last in ("hundred", "scale") and (0 < v < 100 or multiplied)
            else:
                ok = last == "scale" and multiplied
            if not ok:
                break
            current += v
            last, last_value = "digits", v
            pending_connector = False
            best = (k + 1, sign * (total + current), scaled)
            k += 1
            continue
        if w in d.connectors:
            if last in ("hundred", "scale") or (last == "ten" and d.connector_after_tens) \
                    or (last is not None and k + 2 < len(tokens) and tokens[k + 2].word in d.fractions):
                pending_connector = True
                connected = True
                group_start = current
                k += 1
                continue
            break
        if w in d.cardinals:
            v = float(d.cardinals[w])
            kind = "unit" if v < 10 else "teen" if v < 20 else "ten"
            if w in d.multiplying_tens and last == "unit" and not pending_connector:
                current += last_value * v - last_value
                last, last_value = "ten", last_value * v
                best = (k + 1, sign * (total + current), scaled)
                k += 1
                continue
            if last is None or last in ("hundred", "scale"):
                ok = True
            elif last == "ten":
                ok = (kind == "unit" and v > 0 and last_value % 10 == 0) or (
                    kind == "teen" and d.connector_after_tens and last_value in (60.0, 80.0))
            elif last == "teen":
                # "dix-sept", "soixante-dix-sept", "quatre-vingt-dix-neuf"
                ok = d.connector_after_tens and kind == "unit" and v > 0 and last_value == 10 \
                    and current % 100 in (10, 70, 90)
            elif article and last is None:
                ok = True
            else:
                ok = False
            if pending_connector:
                ok = True
            if not ok:
                break
            if kind == "unit" and v == 1 and article:
                break
            current += v
            last, last_value = kind, v
            pending_connector = False
            best = (k + 1, sign * (total + current), scaled)
            k += 1
            continue
        if w in d.hundreds:
            if current >= 100 or last == "hundred":
                break
            current = (current or 1.0) * 100.0
            last, last_value = "hundred", 100.0
            pending_connector = False
            article = False
            best = (k + 1, sign * (total + current), scaled)
            k += 1
            continue
        if w in d.scales or w in d.nouns:
            s = d.scales.get(w) or d.nouns.get(w) or 1.0
            if s >= last_scale:
                # "three lakh crore", "two thousand million": a larger scale multiplies a lone group
                if last != "scale" or current or total != last_group:
                    break
                total *= s
                last_value, last_scale = s, s
                best = (k + 1, sign * total, scaled)
                k += 1
                continue
            last_group = (current or 1.0) * s if total == 0 else -1.0
            total += (current or 1.0) * s
            current = 0.0
            last, last_value, last_scale = "scale", s, s
            pending_connector = False
            article = False
            scaled = True
            best = (k + 1, sign * total, scaled)
            # "un million et demi", "one million and a half"
            k += 1
            half = _AND_HALF.match(text[tok.end:tok.end + 20])
            if half:
                total += 0.5 * s
                end = tok.end + half.end()
                while k < len(tokens) and tokens[k].start < end:
                    k += 1
                return k, sign * total, scaled
            continue
        if w in d.fractions and (last is not None or article):
            denom = d.fractions[w]
            grouped = connected
            numerator = 1.0 if article and (current - group_start if grouped else current) == 0 else \
                (current - group_start if grouped else current)
            if numerator <= 0 or numerator >= 100 or (
                    numerator != 1 and _singular(w, d) and (d.singular_needs_one or last == "ten")):
                break
            whole = total + (group_start if grouped else 0.0)
            frac = numerator / denom
            k += 1
            # "half a million", "a quarter million", "two thirds of a million", "and three quarters million"
            m = _OF_A_SCALE.match(text[tok.end:tok.end + 24])
            scale_word = m.group(1).lower() if m else ""
            if scale_word in d.scales or scale_word in d.nouns:
                factor = d.scales.get(scale_word) or d.nouns[scale_word]
                end = tok.end + m.end() if m else tok.end
                while k < len(tokens) and tokens[k].start < end:
                    k += 1
                after_scale = connected and group_start == 0 and total > 0
                value = (total + frac * factor) if after_scale else (whole + frac) * factor
                return k, sign * value, True
            if grouped and group_start == 0 and total > 0 and last_scale < float("inf"):
                # "five billion and three quarters": a fraction of the scale
                return k, sign * (total + frac * last_scale), scaled
            return k, sign * (whole + frac), scaled
        if w in d.fractions and last is None and not article and k == i:
            # "half million", "quarter million", "half a dozen"
            m = _A_SCALE.match(text[tok.end:tok.end + 24])
            scale_word = m.group(1).lower() if m else ""
            half_factor = d.scales.get(scale_word) or d.nouns.get(scale_word)
            if m and half_factor:
                end = tok.end + m.end()
                k += 1
                while k < len(tokens) and tokens[k].start < end:
                    k += 1
                return k, sign * half_factor / d.fractions[w], True
            break
        if w in d.points and last is not None and last != "scale":
            digits = _decimal_words(text, tokens, k + 1, d)
            if digits is None:
                break
            j, frac = digits
            return j, sign * (total + current + frac), scaled
        break
    if best is None:
        return None
    return best


def _singular(word: str, d: NumbersData) -> bool:
    return word + "s" in d.fractions or word + "s" in d.compound_ordinals


def _decimal_words(text: str, tokens: list[_Token], k: int, d: NumbersData) -> tuple[int, float] | None:
    """The digits after "point": "zero three" -> .03, "seventy-one" -> .71."""
    digits = ""
    j = k
    while j < len(tokens) and d.cardinals.get(tokens[j].word) is not None \
            and _GAP.fullmatch(text[tokens[j - 1].end:tokens[j].start]):
        v = d.cardinals[tokens[j].word]
        unit_next = j + 1 < len(tokens) and 0 < d.cardinals.get(tokens[j + 1].word, 0) < 10
        if v >= 20 and v % 10 == 0 and unit_next \
                and _GAP.fullmatch(text[tokens[j].end:tokens[j + 1].start]):
            digits += str(v + d.cardinals[tokens[j + 1].word])
            j += 2
            continue
        digits += str(v)
        j += 1
    if not digits:
        return None
    return j, float("0." + digits)


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
