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
from checker.lang import DimensionData, Example
from checker.recognize import lowered
from checker.recognize.numbers import NumberMatch, shared_numbers
from checker.recognize.quantity import bound_before, intervals, range_of
from checker.recognize.safety import never_raises
from checker.records import Mention, PercentValue, as_float, trusted


@langdata.dimension("percent")
class PercentData(DimensionData):
    """Schema of ``<lang>/percent.toml``."""

    after: list[str]
    not_before: list[str] = []
    before: list[str] = []
    samples: list[Example] = []


_HEX2 = re.compile(r"[0-9A-Fa-f]{2}")
_DIGIT_END = re.compile(r"\d\s*$")


@dataclass(frozen=True)
class _Compiled:
    after: re.Pattern[str]
    before: re.Pattern[str]
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
    not_before = rf"(?!\s+(?:{_alternation(d.not_before)})(?![\w]))" if d.not_before else ""
    return _Compiled(
        after=re.compile(rf"(?:[ \u00a0\u202f]?%|\s{{1,2}}(?:{_alternation(d.after)})(?![\w]){not_before})",
                         re.IGNORECASE),
        before=re.compile(rf"(?<![\w])(?:{_alternation(d.before)})\s{{1,2}}$", re.IGNORECASE),
        hint=re.compile(_alternation(d.after + d.before), re.IGNORECASE),
        hint_lowered=_lowered_hint(d.after + d.before),
    )


def _lowered_hint(phrases: list[str]) -> re.Pattern[str] | None:
    """``hint`` for the lower-cased text (see ``lowered``)."""
    source = lowered.phrases(phrases)
    return None if source is None else re.compile(source)


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
    for i, n in enumerate(numbers):
        end = ends[i]
        if i in used:
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
    value = trusted(PercentValue, type="percent", low=as_float(low), high=as_float(high), low_inclusive=li,
                    high_inclusive=hi, quantifier=quantifier)
    return trusted(Mention, type="percent", start=start, end=end, text=text[start:end], value=value)
