"""Numbers written in digits: either locale's marks, suffixes ("15k", "2.3bn"), the scale words after them.

"450,000" / "450 000" / "1.234,5" (French) / "1,234.5" (English), "2.5 billion", "1,2 milliard";
what looks like part of a web address is no number.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from checker.lang import script
from checker.recognize.number_data import NumberMatch, NumbersData, data

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
DIGIT = re.compile(r"\d")
_EXPONENT = re.compile(r"(?:[eE]([+-]?\d{1,3})|\^([+-]{0,2})(\d{1,3})|\s?[x×*]\s?10\^([+-]?\d{1,3}))(?![\w])")
_THOUSANDS_DOT = re.compile(r"\.\d{3}(?:\D|$)")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_UNIT_GLUED_DASH = re.compile(r"\d[^\W\d_]{1,3}$")
_INT = re.compile(r"\d+")
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SHORT_SPACE = re.compile(r"\s{1,3}")
_SPACED_SUFFIX = re.compile(r"[ \u00a0]{1,2}([^\W\d_]{1,2})(?![\w])")
_SCALE_WORD = re.compile(r"[\s\-]{1,3}([^\W\d_]+)")  # a gap of up to three, then a word
_AND_FRACTION = re.compile(r"\s+(?:et|and)\s+(?:a\s+|one\s+|un\s+)?([^\W\d_]+)")
_FRACTION = re.compile(r"\s*/\s*(\d{1,3})(?![\d/])")
_SIGN = re.compile(r"([-\u2212])\s{0,2}$")
_EXPONENT_START = frozenset("eE^x×*")  # the characters ``_EXPONENT`` starts with, after a space or not
_GLUED_WORD = re.compile(r"[^\W\d_]+")
_GLUED_ASCII_WORD = re.compile(r"[A-Za-z]+")  # where words are not spaced, a suffix ends at the script's letters
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|html?)\S*|\S+%[0-9A-Fa-f]{2}\S*")


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


def url_spans(text: str) -> list[tuple[int, int]]:
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


@cache
def _negative_before(lang: str) -> re.Pattern[str]:
    negatives = "|".join(map(re.escape, data(lang).negatives)) or r"(?!x)x"
    return re.compile(r"(?<![\w])(" + negatives + r")\s{1,2}$", re.IGNORECASE)


def find_digits(text: str, d: NumbersData, lang: str, unspaced: bool = False) -> list[NumberMatch]:
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
        hint = DIGIT.search(text, pos)
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
