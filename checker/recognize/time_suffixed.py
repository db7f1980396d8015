"""Time rules for languages that write dates number-then-unit, without spaces: Chinese "2025年3月18日".

The marks and words come from the ``[suffixed]`` table of ``checker/lang/<lang>/time.toml``;
numbers written in characters ("十二月八日", "二〇二四年") are read by the language's numeral
reader (``checker/recognize/positional.py``). Each rule is one regex over the folded text and a
handler that turns a match into candidates, as in ``time_rules``: full dates, year-months,
years, months and days without a year (resolved around the reference date like "June" or
"the 27th"), relative days, years and periods ("昨天", "去年", "下个月", "上周一"), weekdays,
halves and quarters ("上半年", "第三季度"), parts of a year or a month written after it
("年底", "4月底", "5月上旬"), decades ("90年代"), windows ("近三年", "未来两天"), durations
ago ("3天前"), times of day (which stay on their day: "凌晨4时17分"), day ranges
("6月11日至13日"). Bounds written after a date ("2020年以来", "2030年之前") are read by the
post-pass of ``time`` from ``Lexicon.bound_after``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace

from checker.recognize import time_calendar as cal
from checker.recognize.lazy import lazy_compile
from checker.recognize.numbers import data as number_data
from checker.recognize.numbers import parse_number
from checker.recognize.time_clock import clock_cand, is_pm, minutes, part_clock
from checker.recognize.time_core import ONE_DAY, Cand, Context
from checker.recognize.time_data import SuffixedDates, fold
from checker.recognize.time_handlers import (
    EXCLUSIVE_DAY_RANGE_END,
    handle_numeric,
    handle_numeric_yearless,
    handle_year_range,
    holiday_period,
    make_cand,
    rel_period,
    relative_day,
    unresolved,
    year2,
)
from checker.recognize.time_rules import Handler, Lexicon, Rule

_NEVER = r"(?!x)x"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of folded literal words, longest first (never matches when empty)."""
    items = sorted({fold(w) for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in items) + ")" if items else _NEVER


class _Words:
    """The compiled word classes of one language's suffixed dates, and how to read their numbers."""

    def __init__(self, lex: Lexicon) -> None:
        sx = lex.data.suffixed
        assert sx is not None
        self.sx: SuffixedDates = sx
        self.lang = lex.lang
        numbers = number_data(lex.lang)
        financial = set(numbers.financial)
        self.digit_values = {k: v for k, v in numbers.cardinals.items()
                             if len(k) == 1 and k not in financial and v < 10}
        plain = "".join(sorted(k for k, v in self.digit_values.items() if k not in ("两", "兩", "倆")))
        tens = "".join(sorted(k for k, v in numbers.multipliers.items() if v == 10 and k not in financial))
        thousands = "".join(sorted(k for k, v in numbers.multipliers.items() if v == 1000 and k not in financial))
        twos = "".join(sorted(k for k, v in self.digit_values.items() if v == 2))
        self.han = re.escape(plain)
        self.dm = rf"(?:\d{{1,2}}|[{re.escape(plain + tens)}]{{1,3}})"  # a day or a month
        self.year = rf"(?:\d{{4}}|\d{{2}}|[{re.escape(plain)}]{{2,4}}|[{re.escape(twos)}][{re.escape(thousands)}]" \
                    rf"[{re.escape(plain + tens)}]{{0,3}})"
        self.count = rf"(?:\d{{1,3}}|[{re.escape(plain + tens + twos)}]{{1,3}})"
        self.decade = rf"(?:\d0|[{re.escape(plain)}][{re.escape(tens)}])"
        self.space = r" ?"
        self.year_mark = _alt(sx.year_marks)
        self.month_mark = _alt(sx.month_marks)
        self.day_mark = _alt(sx.day_marks)
        self.month_suffix = _alt(sx.month_suffixes)
        self.not_day = rf"(?!{_alt(sx.not_day_before)})" if sx.not_day_before else ""
        self.rel_years = _alt(sx.relative_years)
        self.shifts = _alt(sx.period_shifts)
        self.measure = _alt(sx.measure_words)
        self.units = _alt(sx.period_units)
        self.weekend = _alt(sx.weekend)
        self.week_prefix = _alt(sx.weekday_prefixes)
        self.week_names = _alt(sx.weekday_names)
        self.halves = _alt(sx.halves)
        self.quarter = _alt(sx.quarter_marks)
        self.ordinal = _alt(sx.ordinal_prefix)
        self.first_quarters = _alt(sx.first_quarters)
        self.period_parts = _alt(sx.period_parts)
        self.month_parts = _alt(sx.month_parts)
        self.past_windows = _alt(sx.past_windows)
        self.future_windows = _alt(sx.future_windows)
        self.ago = _alt(sx.ago_marks)
        self.times_of_day = _alt(sx.times_of_day)
        self.hour = _alt(sx.hour_marks)
        self.minute = _alt(sx.minute_marks)
        self.half_hour = _alt(sx.half_hour)
        self.decade_mark = _alt(sx.decade_marks)
        self.century_mark = _alt(sx.century_marks)
        self.century_shifts = _alt(sx.century_shifts)
        self.rel_days = _alt(lex.data.relative_days.names)
        self.range_open = _alt(lex.data.range_open)
        self.range_to = _alt(lex.data.range_to)
        self.seasons = _alt([n for s in lex.data.seasons for n in s.names])
        self.holidays = _alt([n for h in lex.data.holidays for n in h.names])
        self.window_units = _alt(list(lex.data.units.names))
        # Units that count a duration ago: not a bare month or day mark ("3月前" is before March).
        self.ago_units = _alt([u for u in lex.data.units.names if u not in sx.month_marks + sx.day_marks])
        # A time of day after a date: "5月3日晚", "今天上午9时07分".
        clock = rf"(?:{self.count}){self.space}{self.hour}(?:{self.space}{self.count}{self.space}{self.minute}" \
                rf"|{self.half_hour})?"
        self.tail = rf"(?P<tail>{self.space}(?:{self.times_of_day}{self.space}(?:{clock})?|{clock}))?"
        self.clock = clock
        self.clock_parts = lazy_compile(
            rf"{self.space}(?P<tod>{self.times_of_day})?{self.space}(?:(?P<h>{self.count}){self.space}{self.hour}"
            rf"(?:{self.space}(?P<mi>{self.count}){self.space}{self.minute}|(?P<hh>{self.half_hour}))?)?")
        self.patterns = lex.clock

    def clock_of(self, text: str | None) -> str | None:
        """The time of day a tail or a clock names ("晚", "上午9时07分", "14时"), at its precision."""
        if not text:
            return None
        m = self.clock_parts.fullmatch(text)
        if m is None:
            return None
        if m.group("h") is None:
            return part_clock(self.patterns, m.group("tod"))
        hour = self.number(m.group("h"))
        minute = self.number(m.group("mi")) if m.group("mi") else (30 if m.group("hh") else None)
        if hour is None or hour > 24 or (minute is not None and minute > 59):
            return None
        if is_pm(self.patterns, m.group("tod")) and hour < 12:
            hour += 12
        return minutes(hour % 24, minute)

    def number(self, text: str) -> int | None:
        """The value of a date number: ASCII digits, a string of digit characters, or a numeral."""
        text = text.strip()
        if not text:
            return None
        if text.isascii():
            return int(text) if text.isdigit() else None
        if all(ch in self.digit_values for ch in text) and len(text) > 1:
            return int("".join(str(self.digit_values[ch]) for ch in text))
        value = parse_number(text, self.lang)
        if value is None or value != int(value) or value < 0:
            return None
        return int(value)

    def year_value(self, text: str) -> int | None:
        """A year: four digits, two digits ("08年" is 2008), or characters ("二〇二四", "两千零四")."""
        text = text.strip()
        value = self.number(text)
        if value is None:
            return None
        digits = len(text) if text.isascii() or all(ch in self.digit_values for ch in text) else 4
        if digits == 2:
            return year2(f"{value:02d}")
        return value if 1000 <= value <= 2199 or digits >= 3 and 100 <= value < 1000 else None


def compile_suffixed(lex: Lexicon) -> None:  # noqa: PLR0915 - one place that lists every rule
    """Fill ``lex`` with the rules and post-pass patterns of a suffixed-dates language."""
    w = _Words(lex)
    sx = w.sx
    s = w.space
    ym, mm, dm = w.year_mark, w.month_mark, w.day_mark
    # A month mark before these is another word ("月球" the moon, "月背" its far side): none in data means none.
    year_part = rf"(?P<pp>{w.period_parts})"
    month_part = rf"(?P<pp>{w.month_parts}|{w.period_parts})"
    year_or_rel = rf"(?:(?P<y>{w.year}){s}{ym}{s}|(?P<ry>{w.rel_years}){s})"

    def add(name: str, pattern: str, handler: Handler) -> None:
        compiled = lazy_compile(pattern)
        # Read off the source rather than ``groupindex``, which would compile the rule before any text needs it.
        if "(?P<tail>" in pattern:
            handler = _with_tail_clock(w, handler)
        lex.rules.append(Rule(name, compiled, handler))

    def h_date(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        month, day = w.number(g["m"]), w.number(g["d"])
        if month is None or day is None or not 1 <= month <= 12 or not 1 <= day <= 31:
            return []
        if g.get("dmk") is None and g["d"].isascii():
            return []  # "3月18" without its day mark: no date
        return _dated(ctx, m, w, g, month, day)

    def h_month(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        month = w.number(g["m"])
        if month is None or not 1 <= month <= 12:
            return []
        year, resolution = _year_of(ctx, w, g)
        if year is None and resolution == "bad":
            return []
        if year is None:
            if ctx.ref is None:
                found = unresolved(m, "month", yearless=True, month=month)
                if g.get("pp"):
                    found = [replace(c, modifiers=(_part_which(w, g["pp"] or "", "month"),)) for c in found]
                return found
            first, last, resolution = ctx.yearless(month, 0, m.start(), m.end())
            if first is None or last is None:
                return []
            year = first.year
        period = cal.month_period(year, month)
        if period is None:
            return []
        return [_with_part(ctx, m, w, period, "month", resolution, g.get("pp"), yearless=not g.get("y")
                           and not g.get("ry"), month=month)]

    def h_year(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        year, resolution = _year_of(ctx, w, g)
        if year is None:
            if resolution == "unresolved":
                return unresolved(m, "year")
            if g.get("bare") is None or ctx.ref is None:
                return [] if g.get("bare") is None else unresolved(m, "year")
            year, resolution = ctx.ref.year, "relative"  # "年底": the end of this year
        period = cal.year_period(year)
        if period is None:
            return []
        if g.get("pp") is None and g.get("bare") is not None:
            return []
        return [_with_part(ctx, m, w, period, "year", resolution, g.get("pp"), priority=6)]

    def h_day(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        day = w.number(g["d"])
        if day is None or not 1 <= day <= 31:
            return []
        if (g["d"] and not g["d"].isascii() and m.start() > 0 and _HAN.match(ctx.text[m.start() - 1])
                and ctx.text[m.end("d"):m.end()].lstrip()[:1] in sx.name_marks):
            return []  # "天宫二号": the number of a name, not a day
        if ctx.ref is None:
            return unresolved(m, "day")
        offset = sx.day_shift_marks[_key(sx.day_shift_marks, g["rd"])] if g.get("rd") else None
        options = []
        for amount in (-1, 0, 1):
            moved = cal.add_months(ctx.ref.replace(day=1), amount)
            d = cal.safe_date(moved.year, moved.month, day) if moved else None
            if d is not None:
                options.append((d, d))
        if not options:
            return []
        if offset is not None:
            near = ctx.ref + dt.timedelta(days=offset)
            chosen = min(options, key=lambda p: abs((p[0] - near).days))
        else:
            chosen = ctx.pick(options, m.start(), m.end())
        return [make_cand(m, chosen[0], chosen[1], "day", resolution="relative", priority=6)]

    def h_rel_day(ctx: Context, m: re.Match[str]) -> list[Cand]:
        return relative_day(ctx, m, lex.rel_days[fold(m.group("rel"))])

    def h_rel_year(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        if ctx.ref is None:
            return unresolved(m, "year")
        year = ctx.ref.year + sx.relative_years[_key(sx.relative_years, g["ry"])]
        period = cal.year_period(year)
        if period is None:
            return []
        return [_with_part(ctx, m, w, period, "year", "relative", g.get("pp"), priority=5)]

    def h_rel_period(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        amount = sx.period_shifts[_key(sx.period_shifts, g["sh"])]
        if ctx.ref is None:
            return unresolved(m, "range")
        if g.get("we"):
            got = rel_period(ctx, 2, amount)
        else:
            unit = sx.period_units[_key(sx.period_units, g["u"])]
            if unit == 91:
                quarter = (ctx.ref.month - 1) // 3 + amount
                year = ctx.ref.year + quarter // 4
                p = cal.months_period(year, 3 * (quarter % 4) + 1, 3)
                got = (p, "quarter") if p else None
            else:
                got = rel_period(ctx, unit, amount)
        if got is None:
            return []
        period, gran = got
        return [_with_part(ctx, m, w, period, gran, "relative", g.get("pp"), priority=4)]

    def h_weekday(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        wd = sx.weekday_names[_key(sx.weekday_names, g["wd"])]
        if ctx.ref is None:
            return [replace(c, weekday=wd) for c in unresolved(m, "day")] if not g.get("sh") else unresolved(m, "day")
        ref = ctx.ref
        if g.get("sh"):
            amount = sx.period_shifts[_key(sx.period_shifts, g["sh"])]
            monday = cal.week_period(ref + dt.timedelta(days=7 * amount))[0]
            d = monday + dt.timedelta(days=wd)
            return [make_cand(m, d, d, "day", resolution="relative", priority=4)]
        past = ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
        future = ref + dt.timedelta(days=(wd - ref.weekday()) % 7)
        d = future if ctx.tense(m.start(), m.end()) == "future" else past
        return [make_cand(m, d, d, "day", resolution="relative", priority=6)]

    def h_part(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        year, resolution = _year_of(ctx, w, g)
        if year is None:
            if resolution == "bad":
                return []
            if ctx.ref is None:
                return unresolved(m, "quarter" if not g.get("half") else "half")
            year, resolution = ctx.ref.year, "relative"
        if g.get("half"):
            which = sx.halves[_key(sx.halves, g["half"])]
            p = cal.months_period(year, 6 * (which - 1) + 1, 6)
            return [make_cand(m, p[0], p[1], "half", resolution=resolution)] if p else []
        found = w.number(g.get("q") or g.get("qn") or "")
        if found is None or not 1 <= found <= 4:
            return []
        n = found
        if g.get("fq"):
            p = cal.months_period(year, 1, 3 * n)
            return [make_cand(m, p[0], p[1], "range", resolution=resolution)] if p else []
        p = cal.months_period(year, 3 * (n - 1) + 1, 3)
        return [make_cand(m, p[0], p[1], "quarter", resolution=resolution)] if p else []

    def h_first_months(ctx: Context, m: re.Match[str]) -> list[Cand]:
        """"今年前10个月", "前三个月": the first months of a year (this year when none is named)."""
        g = m.groupdict()
        n = w.number(g["n"])
        if n is None or not 1 <= n <= 12:
            return []
        year, resolution = _year_of(ctx, w, g)
        if year is None:
            if resolution == "bad":
                return []
            if ctx.ref is None:
                return unresolved(m, "range")
            year, resolution = ctx.ref.year, "relative"
        p = cal.months_period(year, 1, n)
        if p is None:
            return []
        return [replace(make_cand(m, p[0], p[1], "range", resolution=resolution, priority=4), modifiers=("first",))]

    def h_month_range(ctx: Context, m: re.Match[str]) -> list[Cand]:
        """"1-10月", "2023年1至10月": a run of months that share the month mark written after the last."""
        g = m.groupdict()
        m1, m2 = w.number(g["m1"]), w.number(g["m2"])
        if m1 is None or m2 is None or not 1 <= m1 < m2 <= 12:
            return []
        year, resolution = _year_of(ctx, w, g)
        if year is None:
            if resolution == "bad":
                return []
            if ctx.ref is None:
                return unresolved(m, "range")
            first, _last, resolution = ctx.yearless(m2, 0, m.start(), m.end())
            if first is None:
                return []
            year = first.year
        p = cal.months_period(year, m1, m2 - m1 + 1)
        return [make_cand(m, p[0], p[1], "range", resolution=resolution, priority=3)] if p else []

    def h_decade(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        tens = w.number(g["dec"])
        if tens is None or tens % 10 or not 0 <= tens <= 90:
            return []
        if g.get("cn"):
            century = w.number(g["cn"])
            if century is None or not 1 <= century <= 22:
                return []
            start = (century - 1) * 100 + tens
        elif g.get("cs"):
            base = (ctx.ref.year if ctx.ref else 2000) // 100 * 100
            start = base + 100 * sx.century_shifts[_key(sx.century_shifts, g["cs"])] + tens
        else:
            start = tens + (1900 if tens >= 30 else 2000)
        return [make_cand(m, dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")]

    def h_window(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        n = w.number(g["n"])
        if n is None or n <= 0:
            return []
        unit = lex.units[fold(g["u"])]
        if ctx.ref is None:
            return unresolved(m, "range")
        ref = ctx.ref
        if g.get("past"):
            begin = cal.shift(ref, -n, unit)
            return [make_cand(m, begin, ref - ONE_DAY, "range", resolution="relative")] if begin else []
        first = ref + ONE_DAY
        end = cal.shift(first, n, unit)
        return [make_cand(m, first, end - ONE_DAY, "range", resolution="relative")] if end else []

    def h_ago(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        n = w.number(g["n"])
        if n is None or n <= 0:
            return []
        unit = lex.units[fold(g["u"])]
        if ctx.ref is None:
            return unresolved(m, "day")
        d = cal.shift(ctx.ref, -n, unit)
        return [make_cand(m, d, d, "day", resolution="relative")] if d else []

    def h_clock(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        hour = w.number(g["h"])
        minute = w.number(g["mi"]) if g.get("mi") else 0
        if hour is None or minute is None or hour > 24 or minute > 59:
            return []
        if not (g.get("tod") or g.get("mi") or g.get("hh")):
            return []  # "三点" alone may be three points
        clock = w.clock_of(m.group(0))
        return clock_cand(ctx, m, clock, None) if clock else []

    def h_day_range(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        month, d1, d2 = w.number(g["m"]), w.number(g["d1"]), w.number(g["d2"])
        if month is None or d1 is None or d2 is None or not 1 <= month <= 12 or not 1 <= d1 < d2 <= 31:
            return []
        year, resolution = _year_of(ctx, w, g)
        if year is None:
            if resolution == "bad":
                return []
            first, _last, resolution = ctx.yearless(month, d1, m.start(), m.end())
            if first is None:
                return unresolved(m, "range")
            year = first.year
        a, b = cal.safe_date(year, month, d1), cal.safe_date(year, month, d2)
        if a is None or b is None:
            return []
        last = b - ONE_DAY if EXCLUSIVE_DAY_RANGE_END else b
        return [make_cand(m, a, last, "range", resolution=resolution, priority=3)]

    def h_season(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        first, last = lex.seasons[fold(g["season"])]
        length = (last - first) % 12 + 1
        year, resolution = _year_of(ctx, w, g)
        if year is not None:
            p = cal.months_period(year, first, length)
            return [make_cand(m, p[0], p[1], "season", resolution=resolution)] if p else []
        if resolution == "bad":
            return []
        if ctx.ref is None:
            return unresolved(m, "season")
        periods = [p for p in (cal.months_period(y, first, length) for y in range(ctx.ref.year - 2, ctx.ref.year + 2))
                   if p]
        chosen = ctx.pick(periods, m.start(), m.end())
        return [make_cand(m, chosen[0], chosen[1], "season", resolution="relative")]

    def h_holiday(ctx: Context, m: re.Match[str]) -> list[Cand]:
        g = m.groupdict()
        index = lex.holidays[fold(g["hol"])]
        year, resolution = _year_of(ctx, w, g)
        if year is not None:
            p = holiday_period(ctx, index, year)
            return [make_cand(m, p[0], p[1], "holiday", resolution=resolution)] if p else []
        if resolution == "bad":
            return []
        if ctx.ref is None:
            return unresolved(m, "holiday")
        periods = [p for p in (holiday_period(ctx, index, y) for y in range(ctx.ref.year - 1, ctx.ref.year + 2)) if p]
        if not periods:
            return []
        chosen = ctx.pick(periods, m.start(), m.end())
        return [make_cand(m, chosen[0], chosen[1], "holiday", resolution="year-inferred")]

    def h_month_day(ctx: Context, m: re.Match[str]) -> list[Cand]:
        """"本月十日", "去年本月十日": a day of a month named relative to the reference date."""
        g = m.groupdict()
        day = w.number(g["d"])
        if day is None or ctx.ref is None:
            return [] if day is None else unresolved(m, "day")
        moved = cal.add_months(ctx.ref.replace(day=1), sx.period_shifts[_key(sx.period_shifts, g["sh"])])
        if moved is None:
            return []
        year = moved.year + (sx.relative_years[_key(sx.relative_years, g["ry"])] if g.get("ry") else 0)
        d = cal.safe_date(year, moved.month, day)
        return [make_cand(m, d, d, "day", resolution="relative")] if d else []

    dm_ = w.dm
    # Numeric dates are written as in other languages: 2010-01-29, 2015.5.13, 13.5.2015, 05/05/89, 12/1.
    add("date-ymd", r"(?<![\d./-])(?P<y4>\d{4})\s*(?P<s>[-/.])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<d>\d{1,2})(?![\d])"
                    r"(?![.,]\d)", handle_numeric)
    add("date-dmy", r"(?<![\d./,-])(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
                    r"(?![\d])(?![.,/-]\d)", handle_numeric)
    add("date-dm", r"(?<![\d./,-])(?P<a>\d{1,2})(?P<sep>/)(?P<b>\d{1,2})(?![\d])(?![.,/-]\d)(?!\s*%)",
        handle_numeric_yearless)
    add("relative-month-day", rf"(?:(?P<ry>{w.rel_years}){s})?(?P<sh>{w.shifts}){w.measure}?{s}{mm}{s}"
                              rf"(?P<d>{dm_}){s}{dm}{w.not_day}{w.tail}", h_month_day)
    not_moon = rf"(?!{_alt(sx.not_month_before)})" if sx.not_month_before else ""
    add("date", rf"{year_or_rel}?(?P<m>{dm_}){s}{mm}{s}(?P<d>{dm_}){s}(?P<dmk>{dm})?{w.not_day}{w.tail}", h_date)
    add("day-range", rf"(?:(?P<open>{w.range_open}){s})?(?:(?P<y>{w.year}){s}{ym}{s}|(?P<ry>{w.rel_years}){s})?"
                     rf"(?P<m>{dm_}){s}{mm}{s}(?P<d1>{dm_}){s}{dm}?{s}{w.range_to}{s}(?P<d2>{dm_}){s}{dm}",
        h_day_range)
    add("month", rf"{year_or_rel}?(?<![\d{w.han}个個])(?P<m>{dm_}){s}{mm}{not_moon}{w.month_suffix}?{month_part}?",
        h_month)
    add("year", rf"(?<![\d.])(?P<y>{w.year}){s}{ym}(?!{s}{w.decade_mark}){year_part}?", h_year)
    add("year-part", rf"(?<![\d{w.han}今明去前后後本每])(?P<bare>{ym}){year_part}", h_year)
    add("month-part", rf"(?<![\d{w.han}上下本这這个個每]){mm}(?P<pp>{w.month_parts}|{w.period_parts})",
        _month_part_handler(w))
    add("relative-year", rf"(?P<ry>{w.rel_years})(?:{ym})?{year_part}?", h_rel_year)
    add("relative-period", rf"(?P<sh>{w.shifts}){w.measure}?{s}(?:(?P<we>{w.weekend})|(?P<u>{w.units}){not_moon})"
                           rf"{month_part}?", h_rel_period)
    add("weekday", rf"(?:(?P<sh>{w.shifts}){w.measure}?{s})?{w.week_prefix}(?P<wd>{w.week_names}){w.tail}",
        h_weekday)
    add("part", rf"{year_or_rel}?(?:(?P<half>{w.halves})|(?P<fq>{w.first_quarters})?{w.ordinal}?{s}"
                rf"(?P<q>[1-4{w.han}]){s}{w.quarter}|q(?P<qn>[1-4])(?![\d]))", h_part)
    months = _alt([u for u, v in lex.data.units.names.items() if v == 30])
    add("first-months", rf"{year_or_rel}?(?:{w.first_quarters}){s}(?P<n>{w.count}){s}(?P<u>{months})",
        h_first_months)
    # Not a weekday's number ("周四到十月一日") and not the month of a day ("一到十月一日" ends on a day).
    not_weekday = "".join(f"(?<!{re.escape(fold(p))})" for p in sx.weekday_prefixes)
    add("month-range", rf"{year_or_rel}?(?<![\d{w.han}]){not_weekday}(?P<m1>{dm_}){s}{w.range_to}{s}"
                       rf"(?P<m2>{dm_}){s}{mm}{not_moon}(?!{s}{dm_}{s}{dm})", h_month_range)
    add("day", rf"(?<![\d{w.han}月])(?P<d>{dm_}){s}{dm}{w.not_day}{w.tail}", h_day)
    add("relative-day-number", rf"(?P<rd>{_alt(sx.day_shift_marks)}){s}[(（]{s}(?P<d>\d{{1,2}}){s}[)）]{s}{dm}"
                               rf"{w.tail}", h_day)
    add("relative-day", rf"(?P<rel>{w.rel_days}){w.tail}", h_rel_day)
    add("decade", rf"(?:(?P<cn>{w.count}){s}{w.century_mark}|(?P<cs>{w.century_shifts}){s}{w.century_mark})?{s}"
                  rf"(?P<dec>{w.decade}){s}{w.decade_mark}", h_decade)
    not_after = rf"(?<!{_alt(sx.window_not_after)})" if sx.window_not_after else ""
    add("window", rf"{not_after}(?:(?P<past>{w.past_windows})|(?P<future>{w.future_windows})){s}(?P<n>{w.count}){s}"
                  rf"(?P<u>{w.window_units})(?!{s}{w.ago})", h_window)
    # A count ago: no leading zero ("07年以前" is before 2007, not seven years ago).
    add("ago", rf"(?<![\d{w.han}])(?P<n>[1-9]\d{{0,2}}|{w.count}){s}(?P<u>{w.ago_units}){s}{w.ago}", h_ago)
    add("year-range", rf"(?:(?P<open>{w.range_open}){s})?(?<![\d.,])(?P<y1>\d{{4}}){s}(?:{ym})?{s}{w.range_to}{s}"
                      rf"(?P<y2>\d{{4}})(?![\d.,])(?:{s}{ym})?", handle_year_range)
    add("clock", rf"(?:(?P<tod>{w.times_of_day}){s})?(?<![\d{w.han}])(?P<h>{w.count}){s}{w.hour}"
                 rf"(?:{s}(?P<mi>{w.count}){s}{w.minute}|(?P<hh>{w.half_hour}))?", h_clock)
    add("season", rf"{year_or_rel}?(?P<season>{w.seasons})", h_season)
    add("holiday", rf"{year_or_rel}?(?P<hol>{w.holidays})", h_holiday)

    words = [*sx.year_marks, *sx.month_marks, *sx.day_marks, *sx.relative_years, *sx.period_units, *sx.weekend,
             *sx.weekday_prefixes, *sx.halves, *sx.quarter_marks, *sx.hour_marks, *sx.decade_marks,
             *lex.data.relative_days.names, *lex.data.units.names,
             *[n for season in lex.data.seasons for n in season.names],
             *[n for h in lex.data.holidays for n in h.names], "q"]
    lex.prefilter = lazy_compile(rf"\d|{_alt(words)}")
    lex.prefilter_phrases = tuple(sorted(set(words)))
    lex.past = lazy_compile(_alt(lex.data.past_markers.words))
    lex.future = lazy_compile(_alt(lex.data.future_markers.words))
    lex.range_open_before = lazy_compile(rf"{w.range_open}\s*$")
    lex.range_to_gap = lazy_compile(rf"\s*{w.range_to}\s*")
    lex.range_and_gap = lazy_compile(_NEVER)
    lex.part_before = lazy_compile(rf"(?P<start>{_NEVER})|(?P<mid>{_NEVER})|(?P<end>{_NEVER})")
    mods = lex.data.modifiers
    lex.bound_before = lazy_compile(rf"(?:(?P<by>{_alt(mods.by)})|(?P<before>{_alt(mods.before)})"
                                  rf"|(?P<since>{_alt(mods.since)}))\s*$")
    not_bound = rf"(?!{_alt(sx.not_bound_before)})" if sx.not_bound_before else ""
    lex.bound_after = lazy_compile(rf"\s?(?:(?P<since>{_alt(sx.since_after)})"
                                 rf"|(?P<before>{_alt(sx.before_after)}){not_bound})")
    lex.month_cue_before = lazy_compile(_NEVER)
    lex.date_cue_before = lazy_compile(_NEVER)
    lex.season_cue_before = lazy_compile(_NEVER)


def _with_tail_clock(w: _Words, handler: Handler) -> Handler:
    """``handler`` whose days keep the time of day written after them ("5月3日晚", "今天上午9时07分")."""

    def with_clock(ctx: Context, m: re.Match[str]) -> list[Cand]:
        found = handler(ctx, m)
        tail = m.group("tail")
        if not tail or not found:
            return found
        clock = w.clock_of(tail)
        return [replace(c, clock=clock) if c.granularity == "day" and clock else c for c in found]

    return with_clock


def _key(table: Iterable[str], found: str) -> str:
    """The entry of ``table`` a folded match stands for."""
    folded = fold(found)
    return next(k for k in table if fold(k) == folded)


def _year_of(ctx: Context, w: _Words, g: dict[str, str | None]) -> tuple[int | None, str]:
    """The year a match names (absolute or relative) and how; (None, "none") when it names none."""
    if g.get("y"):
        year = w.year_value(g["y"] or "")
        return (year, "absolute") if year is not None else (None, "bad")
    if g.get("ry"):
        if ctx.ref is None:
            return None, "unresolved"
        return ctx.ref.year + w.sx.relative_years[_key(w.sx.relative_years, g["ry"] or "")], "relative"
    return None, "none"


def _dated(ctx: Context, m: re.Match[str], w: _Words, g: dict[str, str | None], month: int, day: int) -> list[Cand]:
    """A day of a month: in the year the match names, or the one the reference date and the tense give."""
    year, resolution = _year_of(ctx, w, g)
    if year is not None:
        d = cal.safe_date(year, month, day)
        return [make_cand(m, d, d, "day", resolution=resolution)] if d else []
    if resolution == "bad":
        return []
    if resolution == "unresolved" or ctx.ref is None:
        return unresolved(m, "day", yearless=True, month=month, day=day)
    if cal.safe_date(2000, month, day) is None:
        return []
    first, last, resolution = ctx.yearless(month, day, m.start(), m.end())
    return [make_cand(m, first, last, "day", resolution=resolution, yearless=True, month=month, day=day)]


def _with_part(ctx: Context, m: re.Match[str], w: _Words, period: cal.Period, gran: str, resolution: str,
               part: str | None, *, priority: int = 5, yearless: bool = False, month: int = 0) -> Cand:
    """The candidate of ``period``, or of its part written after it ("年底", "5月上旬")."""
    if not part:
        return make_cand(m, period[0], period[1], gran, resolution=resolution, priority=priority, yearless=yearless,
                     month=month)
    sx = w.sx
    key = fold(part)
    days = next((v for k, v in sx.month_parts.items() if fold(k) == key), None)
    which = _part_which(w, part, gran)
    if days is not None and gran == "month":
        first_day, last_day = days
        first = period[0] + dt.timedelta(days=first_day - 1)
        last = min(period[1], period[0] + dt.timedelta(days=last_day - 1))
    else:
        first, last = cal.part(period, which, halves=resolution == "relative")
    cand = make_cand(m, first, last, gran, resolution=resolution, priority=priority, yearless=yearless, month=month)
    return replace(cand, modifiers=(which,))


def _part_which(w: _Words, part: str, gran: str) -> str:
    """The modifier ("start", "mid", "end") of a part written after a period ("底", "上旬")."""
    key = fold(part)
    days = next((v for k, v in w.sx.month_parts.items() if fold(k) == key), None)
    if days is not None and gran == "month":
        first_day, last_day = days
        return "start" if first_day == 1 else "end" if last_day >= 28 else "mid"
    return next((v for k, v in w.sx.period_parts.items() if fold(k) == key), "mid")


def _month_part_handler(w: _Words) -> Handler:
    """"月底", "月中": a part of the month of the reference date."""

    def handler(ctx: Context, m: re.Match[str]) -> list[Cand]:
        if ctx.ref is None:
            return unresolved(m, "month")
        period = cal.month_period(ctx.ref.year, ctx.ref.month)
        if period is None:
            return []
        return [_with_part(ctx, m, w, period, "month", "relative", m.group("pp"), priority=6)]

    return handler


def dateline_after(lex: Lexicon) -> re.Pattern[str] | None:
    """The marks that, right after a date, make it a dateline ("6月2日电"), if the language has them."""
    sx = lex.data.suffixed
    if sx is None or not sx.dateline_after:
        return None
    return lazy_compile(rf"\s?{_alt(sx.dateline_after)}")
