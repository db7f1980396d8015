"""Percentages: "62.5%", "62,5 %", "28 percent", "vingt pour cent", "10-15%", "more than 40%".

A percentage is a number followed by "%" or a percent word (language data in
``checker/lang/<lang>/percent.toml``); quantifiers and ranges are read as for
quantities. "5 percentage points" / "5 points de pourcentage" are not
percentages (they are differences), so the recognizer leaves them alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker import lang as langdata
from checker.lang import DimensionData, Example, script
from checker.recognize import lowered
from checker.recognize.lazy import lazy_compile
from checker.recognize.numbers import NumberMatch, shared_numbers
from checker.recognize.numbers import data as number_data
from checker.recognize.quantity import bound_before, intervals, range_of
from checker.recognize.safety import never_raises
from checker.records import Mention, PercentValue


@langdata.dimension("percent")
class PercentData(DimensionData):
    """Schema of ``<lang>/percent.toml``."""

    after: list[str]
    not_before: list[str] = []
    before: list[str] = []
    # Phrases before a number that make it a fraction of a whole, with the percentage one unit is:
    # "百分之五" is 5 %, "千分之三" 0.3 % (languages that write the denominator first).
    per_before: dict[str, float] = {}
    # Words after a number that make it a difference of percentages ("三个百分点"): a percent mention
    # whose quantifier is "points", so that it is never taken for a level.
    points_after: list[str] = []
    # Words after a number of tenths ("三成" is 30 %); a digit or a half after them adds ("七成六", "三成半").
    tenths: list[str] = []
    # Words after a discount that leaves that many tenths to pay ("九折" is 90 %, "七五折" 75 %).
    discounts: list[str] = []
    # Phrases that are a percentage by themselves ("对折": half price, 50 %).
    fixed: dict[str, float] = {}
    halves: list[str] = []  # "三成半": half a tenth more
    samples: list[Example] = []


_HEX2 = re.compile(r"[0-9A-Fa-f]{2}")
_DIGIT_END = re.compile(r"\d\s*$")


@dataclass(frozen=True)
class _Compiled:
    data: PercentData
    after: re.Pattern[str]
    before: re.Pattern[str]
    per_before: re.Pattern[str] | None  # a ``per_before`` phrase ending the text
    points: re.Pattern[str] | None  # a ``points_after`` word right after a number
    tenths: re.Pattern[str] | None
    discounts: re.Pattern[str] | None
    fixed: re.Pattern[str] | None
    hint: re.Pattern[str]  # a percent word anywhere: the cheap test before reading any number
    hint_lowered: re.Pattern[str] | None  # the same test on the lower-cased text, cheaper (see ``lowered``)


def _alternation(phrases: list[str]) -> str:
    parts = [r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True)]
    return "|".join(parts) if parts else r"(?!x)x"


@cache
def _compiled(lang: str) -> _Compiled:
    try:
        d: PercentData = langdata.load("percent", lang)
    except langdata.LanguageDataError:
        d = langdata.load("percent", "en")
    spaced = script.profile(lang).spaced if script.is_supported(lang) else True
    # Where words are spaced, a percent word stands apart ("28 percent"); elsewhere it is glued ("三成").
    gap, wb, we = (r"\s{1,2}", r"(?<![\w])", r"(?![\w])") if spaced else (r"\s{0,2}", "", "")
    not_before = rf"(?!\s+(?:{_alternation(d.not_before)}){we})" if d.not_before else ""

    def optional(words: list[str] | dict[str, float], pattern: str) -> re.Pattern[str] | None:
        return lazy_compile(pattern.replace("WORDS", _alternation(list(words))), re.IGNORECASE) if words else None

    hints = d.after + d.before + list(d.per_before) + d.points_after + d.tenths + d.discounts + list(d.fixed)
    return _Compiled(
        data=d,
        after=lazy_compile(rf"(?:[ \u00a0\u202f]?%|{gap}(?:{_alternation(d.after)}){we}{not_before})", re.IGNORECASE),
        before=lazy_compile(rf"{wb}(?:{_alternation(d.before)}){gap}$", re.IGNORECASE),
        per_before=optional(d.per_before, r"(WORDS)\s{0,2}$"),
        points=optional(d.points_after, r"\s{0,4}(?:WORDS)"),
        tenths=optional(d.tenths, r"\s{0,2}(?:WORDS)"),
        discounts=optional(d.discounts, r"\s{0,2}(?:WORDS)"),
        fixed=optional(d.fixed, r"WORDS"),
        hint=lazy_compile(_alternation(hints), re.IGNORECASE),
        hint_lowered=_lowered_hint(hints),
    )


def _lowered_hint(phrases: list[str]) -> re.Pattern[str] | None:
    """``hint`` for the lower-cased text (see ``lowered``)."""
    source = lowered.phrases(phrases)
    return None if source is None else lazy_compile(source)


def _may_hold_percent(text: str, c: _Compiled) -> bool:
    """Whether ``text`` holds a percent sign or word (where no percentage can be, no number is read)."""
    if "%" in text:
        return True
    if c.hint_lowered is not None:
        low = text.lower()
        if len(low) == len(text):
            return c.hint_lowered.search(low) is not None
    return c.hint.search(text) is not None


def _percent_end(text: str, n: NumberMatch, c: _Compiled) -> int | None:
    m = c.after.match(text, n.end)
    if m is None:
        return None
    # "30%25" inside an encoded URL is no percentage
    if m.group().endswith("%") and _HEX2.match(text, m.end()):
        return None
    return m.end()


@never_raises
def find(text: str, lang: str) -> list[Mention]:
    """Every percentage in ``text``: value in percent points ("5%" -> 5.0)."""
    c = _compiled(lang)
    if not _may_hold_percent(text, c):
        return []
    numbers = shared_numbers(text, lang)
    ends = [_percent_end(text, n, c) for n in numbers]
    out: list[Mention] = []
    used: set[int] = set()
    if c.fixed is not None:
        out.extend(_fixed(text, c))
    for i, n in enumerate(numbers):
        end = ends[i]
        if i in used:
            continue
        if end is None and _written_percent(text, n, c, lang, out):
            continue
        if end is None:
            # "percent of 10": the percent word before the number
            pre = c.before.search(text, max(0, n.start - 24), n.start)
            if pre and not _DIGIT_END.search(text[max(0, pre.start() - 64):pre.start()]):
                out.append(_mention(text, pre.start(), n.end, n.value, n.value, True, True, None))
            # "10-15%", "between 10 and 15 percent": the first end has no percent sign
            if i + 1 < len(numbers) and ends[i + 1] is not None:
                _add_range(text, n, i, numbers, ends, lang, out, used)
            continue
        # "10%-15%"
        if (i + 1 < len(numbers) and ends[i + 1] is not None
                and _add_range(text, NumberMatch(n.start, end, n.value), i, numbers, ends, lang, out, used)):
            continue
        bound = bound_before(text, n.start, lang)
        if bound is None:
            out.append(_mention(text, n.start, end, n.value, n.value, True, True, None))
            continue
        literal, _ = intervals(bound.rule, n.value)
        out.append(_mention(text, bound.start, end, literal.low, literal.high, literal.low_inclusive,
                            literal.high_inclusive, bound.key))
    return out


def _written_percent(text: str, n: NumberMatch, c: _Compiled, lang: str, out: list[Mention]) -> bool:
    """The percentages a language writes around a bare number: "百分之五", "三个百分点", "三成", "九折".

    Appends the mention to ``out`` and returns True when ``n`` is one of them.
    """
    d = c.data
    if c.per_before is not None:
        pre = c.per_before.search(text, max(0, n.start - 12), n.start)
        if pre is not None:
            value = n.value * d.per_before[_key(pre.group(1), d.per_before)]
            _append(text, pre.start(), n.end, value, out, lang)
            return True
    if c.points is not None:
        points = c.points.match(text, n.end)
        if points is not None:
            out.append(_mention(text, n.start, points.end(), n.value, n.value, True, True, "points"))
            return True
    if c.tenths is not None and 0 < n.value <= 10:
        tenths = c.tenths.match(text, n.end)
        if tenths is not None:
            value, end = n.value * 10, tenths.end()
            # "七成六": a digit after adds that many percent; "三成半": half a tenth
            extra = text[end:end + 1]
            if extra in d.halves:
                value, end = value + 5, end + 1
            else:
                digit = int(extra) if extra.isdigit() else number_data(lang).cardinals.get(extra) if extra else None
                if digit is not None and 0 < digit < 10 and value < 100 and not text[end + 1:end + 2].isdigit():
                    value, end = value + digit, end + 1
            _append(text, n.start, end, value, out, lang)
            return True
    if c.discounts is not None and 0 < n.value < 100 and n.value != 10:
        discount = c.discounts.match(text, n.end)
        if discount is not None:
            value = n.value * 10 if n.value < 10 else n.value
            _append(text, n.start, discount.end(), value, out, lang)
            return True
    return False


def _key(found: str, table: dict[str, float]) -> str:
    """The entry of ``table`` that a case-insensitive match ``found`` stands for."""
    if found in table:
        return found
    low = " ".join(found.lower().split())
    return next(k for k in table if " ".join(k.lower().split()) == low)


def _append(text: str, start: int, end: int, value: float, out: list[Mention], lang: str) -> None:
    """A percentage from ``start`` to ``end``, with a quantifier before it if there is one ("超过三成")."""
    bound = bound_before(text, start, lang)
    if bound is None:
        out.append(_mention(text, start, end, value, value, True, True, None))
        return
    literal, _ = intervals(bound.rule, value)
    out.append(_mention(text, bound.start, end, literal.low, literal.high, literal.low_inclusive,
                        literal.high_inclusive, bound.key))


def _fixed(text: str, c: _Compiled) -> list[Mention]:
    """Phrases that are a percentage by themselves ("对折")."""
    assert c.fixed is not None
    return [_mention(text, m.start(), m.end(), value, value, True, True, None)
            for m in c.fixed.finditer(text) for value in [c.data.fixed[_key(m.group(), c.data.fixed)]]]


def _add_range(text: str, first: NumberMatch, i: int, numbers: tuple[NumberMatch, ...], ends: list[int | None],
               lang: str, out: list[Mention], used: set[int]) -> bool:
    """Append the range from ``first`` to number ``i + 1`` (which carries the percent sign), if it is one."""
    rng = range_of(text, first, numbers[i + 1], lang)
    if rng is None:
        return False
    start, iv = rng
    out.append(_mention(text, start, ends[i + 1] or numbers[i + 1].end, iv.low, iv.high, iv.low_inclusive,
                        iv.high_inclusive, "range"))
    used.add(i + 1)
    return True


def _mention(text: str, start: int, end: int, low: float | None, high: float | None, li: bool, hi: bool,
             quantifier: str | None) -> Mention:
    value = PercentValue(type="percent", low=low, high=high, low_inclusive=li, high_inclusive=hi, quantifier=quantifier)
    return Mention(type="percent", start=start, end=end, text=text[start:end], value=value)
