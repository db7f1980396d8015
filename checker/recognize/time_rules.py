"""The rules of the time recognizer: one compiled regex per surface form, built from the language data.

Each rule's handler turns a match into candidates (``Cand``). Regexes run on
the folded text (lower case, no accents, plain dashes and quotes), so data
phrases are written plainly. Patterns are linear: alternations of literal
words and bounded digit runs, no nested repetition.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from checker.recognize import time_calendar as cal
from checker.recognize.time_clock import (
    ClockPatterns,
    clock_cand,
    compile_patterns,
    minutes,
    twelve_hour,
    zone_of,
    zone_pattern,
)
from checker.recognize.time_core import ONE_DAY, Cand, Context
from checker.recognize.time_data import Clock, Portions, TimeData, alternation, fold, key, phrase_pattern

Handler = Callable[[Context, "re.Match[str]"], list[Cand]]

LB = r"(?<![a-z0-9])"  # left word boundary on folded text
RB = r"(?![a-z0-9])"
RBA = r"(?![a-z])"  # right boundary that lets a digit follow ("Oct2")
YEAR = r"(?:1[0-9]|20|21)\d\d(?![\d])(?![.,]\d)(?!\s*%)"
DAYN = r"(?<![\d.,/])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|er|eme|e)?(?![\da-z])"
DAYN_PLAIN = r"(?<![\d.,/])(?:3[01]|[12]\d|0?[1-9])(?![\d])"


@dataclass
class Rule:
    """A compiled pattern and what its matches mean."""

    name: str
    regex: re.Pattern[str]
    handler: Handler


@dataclass
class Lexicon:
    """The compiled rules and lookup tables of one language."""

    data: TimeData
    lang: str
    months: dict[str, int]
    weekdays: dict[str, int]
    day_words: dict[str, int]
    counts: dict[str, int]
    nth: dict[str, int]
    rel_days: dict[str, int]
    units: dict[str, int]
    part_nouns: dict[str, int]
    part_letters: dict[str, int]
    shift_of: dict[str, int]
    ambiguous_months: set[str]
    seasons: dict[str, tuple[int, int]]
    holidays: dict[str, int]
    rules: list[Rule] = field(default_factory=list)
    prefilter: re.Pattern[str] = re.compile("x")
    # The data phrases whose words the prefilter looks for (besides digits).
    prefilter_phrases: tuple[str, ...] = ()
    past: re.Pattern[str] = re.compile("x")
    future: re.Pattern[str] = re.compile("x")
    # What ends a clause inside a sentence (``Context.tense``): punctuation, and words that open one.
    clause_marks: re.Pattern[str] = re.compile("(?!x)x")
    clause_words: re.Pattern[str] = re.compile("(?!x)x")
    # A bound written after a date ("2020年以来"), for languages that write them so; None elsewhere.
    bound_after: re.Pattern[str] | None = None
    range_open_before: re.Pattern[str] = re.compile("x")
    range_to_gap: re.Pattern[str] = re.compile("x")
    range_and_gap: re.Pattern[str] = re.compile("x")
    part_before: re.Pattern[str] = re.compile("x")
    # Times of day and zones (``time_clock``), for a language whose data has a [clock] table.
    clock: ClockPatterns | None = None
    # "the first ten months of": the first or last units of the period that follows (``Portions``).
    portion_before: tuple[tuple[str, re.Pattern[str]], ...] = ()
    bound_before: re.Pattern[str] = re.compile("x")
    month_cue_before: re.Pattern[str] = re.compile("x")
    date_cue_before: re.Pattern[str] = re.compile("x")
    season_cue_before: re.Pattern[str] = re.compile("x")


def _keys(d: dict[str, int]) -> dict[str, int]:
    return {key(k): v for k, v in d.items()}


def _words(words: list[str]) -> str:
    return alternation(words)


def _month_alt(names: dict[str, int]) -> str:
    parts = []
    for name in sorted(names, key=len, reverse=True):
        folded = re.escape(fold(name))
        parts.append(folded + (r"\.?" if len(name) <= 4 else ""))
    return "(?:" + "|".join(parts) + ")"


def _lowered_words(words: list[str]) -> str | None:
    """An alternation of ``words`` for the lower-cased text, longest first, spaces as any run of spaces."""
    items = sorted({w.lower().replace("\u2019", "'") for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) if items else None


def _marker_regex(words: list[str]) -> re.Pattern[str]:
    body = _lowered_words(words)
    if body is None:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w'])(?:" + body + r")(?!\w)")


def _clause_word_regex(words: list[str]) -> re.Pattern[str]:
    """Words that open a clause, on the lower-cased text; one ending in an apostrophe ("qu'") runs into the next."""
    body = _lowered_words(words)
    if body is None:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w'])(?:" + body + r")(?:(?<=')|(?!\w))")


def build_lexicon(data: TimeData, lang: str) -> Lexicon:
    """Compile the language data into rules."""
    sh = data.shifts
    shift_of: dict[str, int] = {}
    for words, value in (
        (sh.next_before + sh.next_after, 1),
        (sh.last_before + sh.last_after, -1),
        (sh.this_before + sh.this_after, 0),
    ):
        for w in words:
            shift_of[key(w)] = value
    wpa = data.window_plural_after
    for words, value in ((wpa.next_after + wpa.next_before, 1), (wpa.last_after + wpa.last_before, -1)):
        for w in words:
            shift_of.setdefault(key(w), value)
    seasons = {key(n): (s.first_month, s.last_month) for s in data.seasons for n in s.names}
    holidays = {key(n): i for i, h in enumerate(data.holidays) for n in h.names}
    lex = Lexicon(
        data=data,
        lang=lang,
        months=_keys(data.months.names),
        weekdays=_keys(data.weekdays.names),
        day_words=_keys(data.day_ordinals.names),
        counts=_keys(data.counts.names),
        nth=_keys(data.nth.names),
        rel_days=_keys(data.relative_days.names),
        units=_keys(data.units.names),
        part_nouns=_keys(data.part_nouns.names),
        part_letters=_keys(data.part_letters.names),
        shift_of=shift_of,
        ambiguous_months={key(a) for a in data.months.ambiguous},
        seasons=seasons,
        holidays=holidays,
    )
    if data.clock is not None:
        lex.clock = compile_patterns(data.clock)
    if data.suffixed is not None:
        from checker.recognize.time_suffixed import compile_suffixed

        compile_suffixed(lex)
        lex.clause_words = re.compile(alternation(data.clauses.words)) if data.clauses.words else lex.clause_words
    else:
        _compile(lex)
        lex.clause_words = _clause_word_regex(data.clauses.words)
    if data.clauses.marks:
        # A mark between two digits is a thousands mark or a time ("1,000", "9:30"), not a clause break.
        marks = "".join(sorted({re.escape(m) for m in data.clauses.marks}))
        lex.clause_marks = re.compile(rf"[{marks}](?![0-9])")
    return lex


# --------------------------------------------------------------------------
# Small value helpers
# --------------------------------------------------------------------------


def _day_value(lex: Lexicon, text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    return lex.day_words[key(text)]


def _year2(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < 50 else 1900 + value
    return value


def _count(lex: Lexicon, text: str) -> int:
    t = key(text)
    if t.isdigit():
        return int(t)
    return lex.counts[t]


def _unit(lex: Lexicon, text: str) -> int:
    return lex.units[key(text)]


def _shift(lex: Lexicon, text: str | None) -> int | None:
    if not text:
        return None
    return lex.shift_of.get(key(text))


def _cand(
    m: re.Match[str],
    first: dt.date | None,
    last: dt.date | None,
    gran: str,
    *,
    resolution: str = "absolute",
    start: int | None = None,
    end: int | None = None,
    priority: int = 5,
    weak: bool = False,
    yearless: bool = False,
    month: int = 0,
    day: int = 0,
) -> Cand:
    return Cand(
        start=m.start() if start is None else start,
        end=m.end() if end is None else end,
        earliest=first,
        latest=last,
        granularity=gran,
        resolution=resolution,
        priority=priority,
        weak=weak,
        yearless=yearless,
        month=month,
        day=day,
    )


def _unresolved(
    m: re.Match[str], gran: str, *, yearless: bool = False, month: int = 0, day: int = 0
) -> list[Cand]:
    return [_cand(m, None, None, gran, resolution="unresolved", yearless=yearless, month=month, day=day)]


def _is_capitalized(ctx: Context, start: int) -> bool:
    return ctx.text[start : start + 1].isupper()


def _month_ok(ctx: Context, m: re.Match[str], group: str, attached: bool) -> bool:
    """Ambiguous month names ("May", "mars", "sept") need a capital or a date context."""
    name = key(m.group(group))
    if name not in ctx.lex.ambiguous_months:
        return True
    if attached and (_is_capitalized(ctx, m.start(group)) or name not in ("may", "march", "mar")):
        return True
    cue = ctx.lex.month_cue_before.search(ctx.folded, max(0, m.start() - 30), m.start())
    return cue is not None and (_is_capitalized(ctx, m.start(group)) or ctx.lex.lang == "fr")


def _rel_period(ctx: Context, unit: int, amount: int) -> tuple[cal.Period, str] | None:
    ref = ctx.ref
    if ref is None:
        return None
    if unit == 7:
        return cal.week_period(ref + dt.timedelta(days=7 * amount)), "week"
    if unit == 2:
        monday = cal.week_period(ref + dt.timedelta(days=7 * amount))[0]
        return (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)), "range"
    if unit == 30:
        moved = cal.add_months(ref.replace(day=1), amount)
        p = cal.month_period(moved.year, moved.month) if moved else None
        return (p, "month") if p else None
    if unit == 365:
        p = cal.year_period(ref.year + amount)
        return (p, "year") if p else None
    if unit == 3650:
        start = ref.year - ref.year % 10 + 10 * amount
        return (dt.date(start, 1, 1), dt.date(start + 9, 12, 31)), "decade"
    return None


def _rel_year(ctx: Context, text: str | None) -> int | None:
    """The year meant by a relative-year phrase ("next year", "de l'année prochaine")."""
    if not text or ctx.ref is None:
        return None
    for word in re.split(r"[\s']+", key(text)):
        if word in ctx.lex.shift_of:
            return ctx.ref.year + ctx.lex.shift_of[word]
    return None


def _rel_month(ctx: Context, text: str) -> tuple[int, int] | None:
    if ctx.ref is None:
        return None
    amount = 0
    for word in re.split(r"[\s']+", key(text)):
        if word in ctx.lex.shift_of:
            amount = ctx.lex.shift_of[word]
        elif word in ("previous", "precedent"):
            amount = -1
    moved = cal.add_months(ctx.ref.replace(day=1), amount)
    if moved is None:
        return None
    return moved.year, moved.month


# --------------------------------------------------------------------------
# Handlers
# --------------------------------------------------------------------------


def _h_date(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """Month-name dates: "March 14, 2023", "14 mars 2023", "Oct. 2", "le 1er mars"."""
    g = m.groupdict()
    if not _month_ok(ctx, m, "mon", attached=True):
        return []
    month = ctx.lex.months[key(g["mon"])]
    day = _day_value(ctx.lex, g["day"])
    year_text = g.get("year")
    if year_text:
        d = cal.safe_date(_year2(year_text), month, day)
        return [_cand(m, d, d, "day")] if d else []
    rely = _rel_year(ctx, g.get("rely"))
    if rely is not None:
        d = cal.safe_date(rely, month, day)
        return [_cand(m, d, d, "day", resolution="relative")] if d else []
    if g.get("rely"):
        return _unresolved(m, "day", yearless=True, month=month, day=day)
    if not 1 <= day <= 31:
        return []
    first, last, resolution = ctx.yearless(month, day, m.start(), m.end())
    return [_cand(m, first, last, "day", resolution=resolution, yearless=True, month=month, day=day)]


def _h_numeric(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """Numeric dates: 2023-03-14, 14/03/2023 (fr) or 03/14/2023 (en), 08/12,15."""
    g = m.groupdict()
    if g.get("y4"):
        year, month, day = int(g["y4"]), int(g["m"]), int(g["d"])
        d = cal.safe_date(year, month, day)
        return [_cand(m, d, d, "day")] if d else []
    a, b = int(g["a"]), int(g["b"])
    year = _year2(g["y"])
    orders = [(b, a), (a, b)] if ctx.lex.data.numeric_order == "DMY" else [(a, b), (b, a)]
    for month, day in orders:
        d = cal.safe_date(year, month, day)
        if d is not None:
            return [_cand(m, d, d, "day")]
    return []


def _h_numeric_yearless(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """Day and month without a year: "4/22", "22/04" (a slash, or a cue word before)."""
    g = m.groupdict()
    a, b = int(g["a"]), int(g["b"])
    cue = ctx.lex.date_cue_before.search(ctx.folded, max(0, m.start() - 12), m.start())
    if g["sep"] != "/" and cue is None:
        return []
    if cue is None and a <= 12 and b <= 12:
        return []  # "1/2" is more likely a fraction
    orders = [(b, a), (a, b)] if ctx.lex.data.numeric_order == "DMY" else [(a, b), (b, a)]
    for month, day in orders:
        if 1 <= month <= 12 and cal.safe_date(2000, month, day) is not None:
            first, last, resolution = ctx.yearless(month, day, m.start(), m.end())
            return [
                _cand(
                    m,
                    first,
                    last,
                    "day",
                    resolution=resolution,
                    yearless=True,
                    month=month,
                    day=day,
                    priority=6,
                )
            ]
    return []


def _h_month_year(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """A month of a year: "November 2022", "2016 june", "2015-3", "11/2016"."""
    g = m.groupdict()
    if g.get("mon"):
        if not _month_ok(ctx, m, "mon", attached=True):
            return []
        month = ctx.lex.months[key(g["mon"])]
    else:
        month = int(g["mnum"])
    p = cal.month_period(int(g["year"]), month)
    return [_cand(m, p[0], p[1], "month")] if p else []


def _h_month(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """A month with no year: "June", "next June", "June next year", "juin de l'année prochaine"."""
    g = m.groupdict()
    shifted = g.get("sh") or g.get("sh2")
    if not _month_ok(ctx, m, "mon", attached=bool(shifted or g.get("rely"))):
        return []
    month = ctx.lex.months[key(g["mon"])]
    if ctx.ref is None:
        return _unresolved(m, "month", yearless=True, month=month)
    ref = ctx.ref
    if g.get("rely"):
        year = _rel_year(ctx, g["rely"])
        if year is None:
            return []
        p = cal.month_period(year, month)
        return [_cand(m, p[0], p[1], "month", resolution="relative")] if p else []
    if shifted:
        amount = _shift(ctx.lex, shifted)
        if amount is None:
            return []
        if amount == 0:
            year = ref.year
        elif amount > 0:
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year if month < ref.month else ref.year - 1
        p = cal.month_period(year, month)
        return [_cand(m, p[0], p[1], "month", resolution="relative")] if p else []
    first, last, resolution = ctx.yearless(month, 0, m.start(), m.end())
    return [_cand(m, first, last, "month", resolution=resolution, yearless=True, month=month, priority=7)]


def _h_year(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """A bare year after a cue word: "in 2027", "d'ici 2030", "the year 2022"."""
    year = int(m.group("year"))
    if not 1000 <= year <= 2199:
        return []
    p = cal.year_period(year)
    if p is None:
        return []
    start = m.start("yw") if m.group("yw") else m.start("year")
    return [_cand(m, p[0], p[1], "year", start=start, priority=6)]


def _h_year_range(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """ "2014-2018", "from 2014 to 2018": a range of whole years."""
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not y1 < y2 <= y1 + 60:
        return []
    return [_cand(m, dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range")]


def _h_decade(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """Decades: "the 2020s", "1970's", "les années 80"."""
    text = m.group("dec")
    value = int(text)
    if len(text) == 2:
        value += 1900 if value >= 30 else 2000
    if value % 10:
        return []
    return [_cand(m, dt.date(value, 1, 1), dt.date(value + 9, 12, 31), "decade")]


def _h_rel_day(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """today, yesterday, demain, avant-hier."""
    offset = ctx.lex.rel_days[key(m.group(0))]
    if ctx.ref is None:
        return _unresolved(m, "day")
    d = ctx.ref + dt.timedelta(days=offset)
    return [_cand(m, d, d, "day", resolution="relative")]


def _h_rel_period(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """this week, next year, le mois dernier, l'an prochain, the year after next."""
    g = m.groupdict()
    unit = _unit(ctx.lex, g["unit"])
    weak = False
    if g.get("after"):
        amount = 2
    else:
        words = [w for w in (g.get("sb"), g.get("sa")) if w]
        if not words:
            amount, weak = 0, True
        else:
            shifts = [_shift(ctx.lex, w) for w in words]
            if any(s is None for s in shifts):
                return []
            amount = next((s for s in shifts if s), 0) or 0
    if unit == 1 or unit == 14:
        return []
    if ctx.ref is None:
        return [
            _cand(
                m,
                None,
                None,
                {7: "week", 30: "month", 365: "year", 3650: "decade"}.get(unit, "range"),
                resolution="unresolved",
                weak=weak,
            )
        ]
    got = _rel_period(ctx, unit, amount)
    if got is None:
        return []
    (first, last), gran = got
    return [_cand(m, first, last, gran, resolution="relative", weak=weak, priority=4)]


def _duration(lex: Lexicon, text: str) -> list[tuple[int, int]]:
    return [(_count(lex, p.group("n")), _unit(lex, p.group("u"))) for p in lex_dur_part(lex).finditer(text)]


def _apply(day: dt.date, parts: list[tuple[int, int]], sign: int) -> dt.date | None:
    out: dt.date | None = day
    for amount, unit in parts:
        if out is None:
            return None
        out = cal.shift(out, sign * amount, unit)
    return out


def _h_ago(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """two weeks ago, il y a deux semaines; in three days, dans trois jours; 2 days from tomorrow."""
    g = m.groupdict()
    parts = _duration(ctx.lex, g["dur"])
    if not parts or any(u == 2 for _, u in parts):
        return []
    if ctx.ref is None:
        return _unresolved(m, "day")
    sign = -1 if (g.get("ago") or g.get("agob") or g.get("bef")) else 1
    anchor = ctx.ref
    if g.get("anchor"):
        word = key(g["anchor"])
        if word != "now":
            anchor = ctx.ref + dt.timedelta(days=ctx.lex.rel_days[word])
    d = _apply(anchor, parts, sign)
    return [_cand(m, d, d, "day", resolution="relative")] if d else []


def _h_window(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """next 3 days, the past two years, within 5 days, les trois dernières années."""
    g = m.groupdict()
    if g.get("dur"):
        parts = _duration(ctx.lex, g["dur"])
    else:
        parts = [(_count(ctx.lex, g["wn"]), _unit(ctx.lex, g["wu"]))]
    if not parts or any(u == 2 for _, u in parts):
        return []
    if ctx.ref is None:
        return _unresolved(m, "range")
    ref = ctx.ref
    if g.get("within"):
        end = _apply(ref, parts, 1)
        return [_cand(m, ref, end - ONE_DAY, "range", resolution="relative")] if end else []
    direction = 1 if g.get("fut") else _shift(ctx.lex, g.get("dir") or g.get("dira"))
    if direction is None or direction == 0:
        return []
    if len(parts) == 1 and parts[0][1] == 3650:
        n = parts[0][0]
        base = ref.year - ref.year % 10
        if direction < 0:
            return [
                _cand(
                    m, dt.date(base - 10 * n, 1, 1), dt.date(base - 1, 12, 31), "range", resolution="relative"
                )
            ]
        return [
            _cand(
                m,
                dt.date(base + 10, 1, 1),
                dt.date(base + 10 * n + 9, 12, 31),
                "range",
                resolution="relative",
            )
        ]
    if direction > 0:
        first = ref + ONE_DAY
        end = _apply(first, parts, 1)
        return [_cand(m, first, end - ONE_DAY, "range", resolution="relative")] if end else []
    begin = _apply(ref, parts, -1)
    return [_cand(m, begin, ref - ONE_DAY, "range", resolution="relative")] if begin else []


def _week_offset(ctx: Context, text: str | None) -> int | None:
    if not text:
        return None
    for word in re.split(r"[\s']+", key(text)):
        if word in ctx.lex.shift_of:
            return ctx.lex.shift_of[word]
    return 0


def _h_weekday(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """Friday, this Friday, next Sunday, vendredi prochain, Friday next week."""
    g = m.groupdict()
    wd = ctx.lex.weekdays[key(g["wd"])]
    offsets = [
        o
        for o in (
            _shift(ctx.lex, g.get("pre")),
            _week_offset(ctx, g.get("wk")),
            _week_offset(ctx, g.get("post")),
            _shift(ctx.lex, g.get("posts")),
        )
        if o is not None
    ]
    if ctx.ref is None:
        plain = [replace(c, weekday=wd) for c in _unresolved(m, "day")] if not offsets else []
        return plain or _unresolved(m, "day")
    ref = ctx.ref
    if offsets:
        amount = next((o for o in offsets if o), 0)
        monday = cal.week_period(ref + dt.timedelta(days=7 * amount))[0]
        d = monday + dt.timedelta(days=wd)
        return [_cand(m, d, d, "day", resolution="relative", priority=4)]
    # In news, "on Tuesday" in an article dated a Tuesday is that day.
    past = ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
    future = ref + dt.timedelta(days=(wd - ref.weekday()) % 7)
    tense = ctx.tense(m.start(), m.end())
    d = future if tense == "future" else past
    return [_cand(m, d, d, "day", resolution="relative", priority=6)]


def _h_weekday_day(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """ "Thursday the 21st": the day of a month near the reference date that falls on that weekday."""
    wd = ctx.lex.weekdays[key(m.group("wd"))]
    day = _day_value(ctx.lex, m.group("day"))
    if ctx.ref is None:
        return _unresolved(m, "day")
    ref = ctx.ref
    options = []
    for amount in (0, -1, 1):
        moved = cal.add_months(ref.replace(day=1), amount)
        d = cal.safe_date(moved.year, moved.month, day) if moved else None
        if d is not None:
            options.append(d)
    matching = [d for d in options if d.weekday() == wd]
    d = matching[0] if matching else (options[0] if options else None)
    return [_cand(m, d, d, "day", resolution="relative")] if d else []


def _h_day_of_month(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """ "the 27th", "the 20th of next month", "le 20 du mois prochain"."""
    day = _day_value(ctx.lex, m.group("day"))
    if ctx.ref is None:
        return _unresolved(m, "day")
    ym = _rel_month(ctx, m.group("rel")) if m.group("rel") else (ctx.ref.year, ctx.ref.month)
    if ym is None:
        return []
    d = cal.safe_date(ym[0], ym[1], day)
    return [_cand(m, d, d, "day", resolution="relative")] if d else []


def _h_nth_weekday(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """ "the first Friday of March 2027", "second Sunday", "premier vendredi de ce mois"."""
    g = m.groupdict()
    nth = ctx.lex.nth[key(g["nth"])]
    wd = ctx.lex.weekdays[key(g["wd"])]
    if g.get("mon"):
        month = ctx.lex.months[key(g["mon"])]
        if g.get("y"):
            d = cal.nth_weekday(int(g["y"]), month, wd, nth)
            return [_cand(m, d, d, "day")] if d else []
        if ctx.ref is None:
            return _unresolved(m, "day")
        periods = []
        for year in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1):
            d = cal.nth_weekday(year, month, wd, nth)
            if d is not None:
                periods.append((d, d))
        if not periods:
            return []
        chosen = ctx.pick(periods, m.start(), m.end())
        return [_cand(m, chosen[0], chosen[1], "day", resolution="year-inferred")]
    if nth < 0 and not g.get("rel"):
        return []
    if ctx.ref is None:
        return _unresolved(m, "day")
    ym = _rel_month(ctx, g["rel"]) if g.get("rel") else (ctx.ref.year, ctx.ref.month)
    if ym is None:
        return []
    d = cal.nth_weekday(ym[0], ym[1], wd, nth)
    return [_cand(m, d, d, "day", resolution="relative", priority=6)] if d else []


def _h_part(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """Quarters and halves: "Q3 2023", "the third quarter of next year", "premier semestre 2027"."""
    g = m.groupdict()
    if g.get("letter"):
        parts = ctx.lex.part_letters[key(g["letter"])]
        n = int(g["n"])
    else:
        parts = ctx.lex.part_nouns[key(g["noun"])]
        n = ctx.lex.nth[key(g["nth"])]
    if n < 0:
        n = parts
    if not 1 <= n <= parts:
        return []
    gran = "quarter" if parts == 4 else "half"
    size = 12 // parts
    year_text = g.get("y") or g.get("y1")
    resolution = "absolute"
    if year_text:
        year = int(year_text)
    elif g.get("rely"):
        rel = _rel_year(ctx, g["rely"])
        if rel is None:
            return _unresolved(m, gran)
        year, resolution = rel, "relative"
    else:
        if g.get("letter") and key(g["letter"]) != "q":
            return []  # "H2", "S1", "T3" alone are more often names than periods
        if ctx.ref is None:
            return _unresolved(m, gran)
        year, resolution = ctx.ref.year, "relative"
    p = cal.months_period(year, size * (n - 1) + 1, size)
    return [_cand(m, p[0], p[1], gran, resolution=resolution)] if p else []


def _h_season(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """summer 2023, été 2023, this summer, l'été prochain."""
    g = m.groupdict()
    first, last = ctx.lex.seasons[key(g["season"])]
    length = (last - first) % 12 + 1
    shifted = g.get("sh") or g.get("sh2")
    if g.get("y"):
        p = cal.months_period(int(g["y"]), first, length)
        return [_cand(m, p[0], p[1], "season")] if p else []
    if (
        not shifted
        and ctx.lex.season_cue_before.search(ctx.folded, max(0, m.start() - 12), m.start()) is None
    ):
        return []
    if ctx.ref is None:
        return _unresolved(m, "season")
    ref = ctx.ref
    periods = [
        p for p in (cal.months_period(y, first, length) for y in range(ref.year - 2, ref.year + 2)) if p
    ]
    amount = _shift(ctx.lex, shifted) if shifted else None
    if amount is None:
        chosen = ctx.pick(periods, m.start(), m.end())
    elif amount > 0:
        chosen = next(p for p in periods if p[0] > ref)
    elif amount < 0:
        chosen = [p for p in periods if p[1] < ref][-1]
    else:
        chosen = next((p for p in periods if p[0] <= ref <= p[1]), None) or next(
            p for p in periods if p[0].year == ref.year
        )
    return [_cand(m, chosen[0], chosen[1], "season", resolution="relative")]


def _holiday_period(ctx: Context, index: int, year: int) -> cal.Period | None:
    h = ctx.lex.data.holidays[index]
    if h.table:
        md = ctx.lex.data.tables.get(h.table, {}).get(str(year))
        if not md:
            return None
        day = dt.date(year, int(md[:2]), int(md[3:5]))
    elif h.nth:
        found = cal.nth_weekday(year, h.month, h.weekday, h.nth)
        if found is None:
            return None
        day = found
    else:
        got = cal.safe_date(year, h.month, h.day)
        if got is None:
            return None
        day = got
    return day - dt.timedelta(days=h.days_before), day + dt.timedelta(days=h.days_after)


def _h_holiday(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """Christmas 2023, Thanksgiving, Nouvel An chinois 2027."""
    index = ctx.lex.holidays[key(m.group("hol"))]
    if m.group("y"):
        p = _holiday_period(ctx, index, int(m.group("y")))
        return [_cand(m, p[0], p[1], "holiday")] if p else []
    if ctx.ref is None:
        return _unresolved(m, "holiday")
    periods = [
        p for p in (_holiday_period(ctx, index, y) for y in range(ctx.ref.year - 1, ctx.ref.year + 2)) if p
    ]
    if not periods:
        return []
    chosen = ctx.pick(periods, m.start(), m.end())
    return [_cand(m, chosen[0], chosen[1], "holiday", resolution="year-inferred")]


def _h_day_range(ctx: Context, m: re.Match[str]) -> list[Cand]:
    """ "from 4 to 22 May", "du 4 au 22 mai 2023", "November 19-20", "4 au 22 ce mois"."""
    g = m.groupdict()
    d1, d2 = int(re.match(r"\d+", g["d1"]).group()), int(re.match(r"\d+", g["d2"]).group())  # type: ignore[union-attr]
    if not d1 < d2:
        return []
    if g.get("mon"):
        if not _month_ok(ctx, m, "mon", attached=True):
            return []
        month = ctx.lex.months[key(g["mon"])]
        if g.get("year"):
            year = _year2(g["year"])
            resolution = "absolute"
        else:
            first, _last, resolution = ctx.yearless(month, 0, m.start(), m.end())
            if first is None:
                return _unresolved(m, "range")
            year = first.year
    else:
        ym = _rel_month(ctx, g["rel"])
        if ym is None:
            return _unresolved(m, "range")
        year, month = ym
        resolution = "relative"
    a, b = cal.safe_date(year, month, d1), cal.safe_date(year, month, d2)
    if a is None or b is None:
        return []
    last = b - ONE_DAY if EXCLUSIVE_DAY_RANGE_END else b
    return [_cand(m, a, last, "range", resolution=resolution, priority=3)]


EXCLUSIVE_DAY_RANGE_END = True  # see checker.recognize.time: the convention the outside suite scores


def _clock_rules(lex: Lexicon, data: Clock, add: Callable[[str, str, Handler], None]) -> None:
    """The rules of times of day written with digits: "9:03 a.m.", "at 14:20", "14h20", "4 pm local time"."""
    zone = zone_pattern(data) or r"(?P<zone>(?!x)x)?"
    links = alternation(data.links)
    link_before = re.compile(rf"{LB}(?:{links})\s*$") if data.links else None
    patterns = lex.clock
    assert patterns is not None

    def h_twelve(ctx: Context, m: re.Match[str]) -> list[Cand]:
        hour = twelve_hour(int(m.group("h")), key(m.group("ap")) in patterns.pm)
        if hour is None:
            return []
        minute = int(m.group("mi")) if m.group("mi") else None
        return clock_cand(ctx, m, minutes(hour, minute), zone_of(patterns, m.group("zone")))

    def h_marked(ctx: Context, m: re.Match[str]) -> list[Cand]:
        hour = int(m.group("h"))
        written = m.group("mi") or m.group("mi2")
        minute = int(written) if written else None
        linked = link_before is not None and link_before.search(ctx.folded, max(0, m.start() - 25), m.start())
        # "14h20", "at 14:20", "à 14h", "14:20 GMT": a bare "24h" or "8:30" may be a duration or a score.
        if not (linked or m.group("zone")) and (minute is None or not m.group("mark")):
            return []
        return clock_cand(ctx, m, minutes(hour, minute), zone_of(patterns, m.group("zone")))

    if data.am or data.pm:
        add("clock-12h", rf"(?<![\d:.,])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*"
                         rf"(?P<ap>{alternation(data.am + data.pm)})(?![a-z]){zone}", h_twelve)
    marks = alternation(data.hour_marks) if data.hour_marks else r"(?!x)x"
    add("clock-24h", rf"(?<![\d:.,])(?P<h>[01]?\d|2[0-3])"
                     rf"(?::(?P<mi2>[0-5]\d)|\s?(?P<mark>{marks})(?:\s?(?P<mi>[0-5]\d))?)(?![\d:a-z]){zone}", h_marked)


def _portion_regexes(portions: Portions, num: str, units: str, art: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each phrase of ``portions`` as a pattern ending where the period it cuts begins, with its side."""

    def compiled(text: str) -> re.Pattern[str]:
        out = []
        for part in re.split(r"(\{n\}|\{unit\})", text.strip()):
            if part == "{n}":
                out.append(rf"(?P<n>{num})")
            elif part == "{unit}":
                out.append(rf"(?P<u>{units})")
            elif part.strip():
                out.append(phrase_pattern(part.strip()))
        body = r"(?:\s+|(?<=')\s*)".join(out)
        return re.compile(rf"{LB}{body}(?:\s+|(?<=')\s*)(?:{art}(?:\s+|(?<=')\s*))?$")

    return (*(("first", compiled(t)) for t in portions.first), *(("last", compiled(t)) for t in portions.last))


# --------------------------------------------------------------------------
# Compilation
# --------------------------------------------------------------------------

_DUR_PART: dict[str, re.Pattern[str]] = {}


def lex_dur_part(lex: Lexicon) -> re.Pattern[str]:
    """The pattern of one "<count> <unit>" element of a duration."""
    return _DUR_PART[lex.lang]


def _compile(lex: Lexicon) -> None:  # noqa: PLR0915 - one place that lists every rule
    d = lex.data
    mon = _month_alt(d.months.names)
    wd_all = _month_alt(d.weekdays.names)
    wd_full = alternation(
        [w for w in d.weekdays.names if key(w) not in {key(a) for a in d.weekdays.ambiguous}]
    )
    day_words = alternation(list(d.day_ordinals.names))
    day = rf"(?:{DAYN}|{LB}{day_words}{RB})"
    art = alternation(d.articles)
    of = alternation(d.of_words)
    sh = d.shifts
    sb = alternation(sh.next_before + sh.last_before + sh.this_before)
    sa = alternation(sh.next_after + sh.last_after + sh.this_after)
    units = alternation(list(d.units.names))
    unit_words = {7: [], 30: [], 365: []}  # type: dict[int, list[str]]
    for w, v in d.units.names.items():
        if v in unit_words:
            unit_words[v].append(w)
    week_w, month_w, year_w = (alternation(unit_words[v]) for v in (7, 30, 365))

    def rel(unit: str) -> str:
        # "next year", "this month", "l'année prochaine", "de l'année prochaine", "cette année"
        return rf"(?:(?:{of}\s*)?(?:{art}\s*)?(?:{sb}\s+{unit}(?:\s*{sa})?|{unit}\s*{sa}))"

    rely = rel(year_w)
    relm = rel(month_w) + rf"|(?:previous|precedent)\s+{month_w}"
    relw = rel(week_w)
    counts = alternation(list(d.counts.names))
    num = rf"(?:\d{{1,3}}|{counts})"
    dur_part = rf"{LB}(?P<n>{num})\s*(?P<u>{units}){RB}"
    _DUR_PART[lex.lang] = re.compile(dur_part)
    dur_one = rf"{LB}{num}\s*{units}{RB}"
    dur = rf"(?P<dur>{dur_one}(?:\s*(?:,|and|et)?\s*{dur_one}){{0,3}})"
    rel_days = alternation(list(d.relative_days.names))
    nth = alternation(list(d.nth.names))
    part_nouns = alternation(list(d.part_nouns.names))
    part_letters = alternation(list(d.part_letters.names))
    seasons = alternation([n for s in d.seasons for n in s.names])
    holidays = alternation([n for h in d.holidays for n in h.names])
    year_cues = alternation(
        d.year_cues.words
        + d.modifiers.start
        + d.modifiers.mid
        + d.modifiers.end
        + d.modifiers.by
        + d.modifiers.before
        + d.modifiers.since
    )
    ymark = alternation(["the year", "year", "l'annee", "annee", "l'an", "an"])
    range_open = alternation(d.range_open)
    range_to = alternation([w for w in d.range_to if w != "-"])
    range_and = alternation(d.range_and)
    wpa = d.window_plural_after
    win_before = alternation(d.window_within)
    dir_before = alternation(sh.next_before + sh.last_before + wpa.last_before + wpa.next_before)
    dir_after = alternation(wpa.next_after + wpa.last_after)
    fut = alternation(d.window_future)
    decade_prefix = alternation(d.decade_prefix)
    ago_after = alternation(d.ago_after)
    ago_before = alternation(d.ago_before)
    later_after = alternation(d.later_after)
    in_before = alternation(d.in_before)
    from_anchor = alternation(d.from_anchor)
    before_anchor = alternation(d.before_anchor)
    conn_day = rf"(?:\s*-\s*|\s+(?:{range_to}|{range_and})\s+)"

    def add(name: str, pattern: str, handler: Handler) -> None:
        lex.rules.append(Rule(name, re.compile(pattern), handler))

    wd_prefix = rf"(?:{LB}{wd_all}\s*,?\s*)?"
    add(
        "date-month-first",
        rf"{wd_prefix}{LB}(?P<mon>{mon}){RBA}\s*(?:[-/.]\s*)?(?:the\s+)?(?P<day>{day})"
        rf"(?:\s*,?\s*(?P<year>{YEAR})|\s*,?\s+(?P<rely>{rely}))?",
        _h_date,
    )
    add(
        "date-day-first",
        rf"{wd_prefix}(?:{LB}(?:{art})\s*)?(?P<day>{day})\s*\.?\s*(?:{of}\s*)?{LB}(?P<mon>{mon}){RBA}"
        rf"(?:\s*,?\s*(?P<year>{YEAR}|\d\d(?![\d\w]))|\s*,?\s+(?P<rely>{rely}))?",
        _h_date,
    )
    add(
        "date-ymd",
        r"(?<![\d./-])(?P<y4>\d{4})\s*(?P<s>[-/.])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<d>\d{1,2})(?![\d])"
        r"(?![.,]\d)",
        _h_numeric,
    )
    add(
        "date-y-mon-d",
        rf"(?<![\d./-])(?P<year>\d{{4}})[-/](?P<mon>{mon})[-/](?P<day>\d{{1,2}})(?!\d)",
        _h_date,
    )
    add(
        "date-dmy",
        r"(?<![\d./,-])(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?:(?P=s)|\s*,\s*)(?P<y>\d{4}|\d{2})"
        r"(?![\d])(?![.,/-]\d)",
        _h_numeric,
    )
    add(
        "date-dm",
        r"(?<![\d./,-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?![\d])(?![.,/-]\d)(?!\s*%)",
        _h_numeric_yearless,
    )
    add("month-year-name", rf"{LB}(?P<mon>{mon}){RBA}\s*(?:{of}\s*|,\s*)?(?P<year>{YEAR})", _h_month_year)
    add("year-month-name", rf"(?<![\d.,])(?P<year>{YEAR})\s*,?\s*(?P<mon>{mon}){RBA}", _h_month_year)
    add(
        "month-year-num",
        rf"(?<![\d./,-])(?P<year>{YEAR})\s*(?P<s>[-/.])\s*(?P<mnum>1[0-2]|0?[1-9])(?![\d])"
        rf"(?!\s*[-/.]\s*\d)(?![.,]\d)",
        _h_month_year,
    )
    add("num-month-year", rf"(?<![\d./,-])(?P<mnum>1[0-2]|0?[1-9])\s*[-/]\s*(?P<year>{YEAR})", _h_month_year)
    add(
        "month",
        rf"(?:{LB}(?P<sh>{sb})\s+)?{LB}(?P<mon>{mon}){RBA}(?:\s+(?P<sh2>{sa}))?(?:\s*,?\s+(?P<rely>{rely}))?",
        _h_month,
    )
    add("year", rf"{LB}(?P<cue>{year_cues})(?:\s+|\s*-\s*)(?:(?P<yw>{ymark})\s+)?(?P<year>{YEAR})", _h_year)
    add("year-after-mark", rf"{LB}(?P<cue>)(?P<yw>{ymark})\s+(?P<year>{YEAR})", _h_year)
    add(
        "year-range",
        rf"(?:{LB}{range_open}\s+)?(?<![\d.,])(?P<y1>{YEAR})\s*(?:-|{range_to})\s*(?P<y2>{YEAR})",
        _h_year_range,
    )
    if d.decade_prefix:
        add("decade", rf"{LB}{decade_prefix}\s+(?P<dec>(?:1[5-9]|20)\d0|\d0){RB}", _h_decade)
    else:
        add("decade", rf"(?:{LB}the\s+)?'?(?<!\d)(?P<dec>(?:1[5-9]|20)\d0|\d0)'?s{RB}", _h_decade)
    add("relative-day", rf"{LB}{rel_days}{RB}", _h_rel_day)
    add(
        "relative-period",
        rf"(?:{LB}(?:{art})\s*)?(?:{LB}(?P<sb>{sb})\s+)?{LB}(?P<unit>{units})(?![a-z])(?:(?:\s+|\s*-\s*)?(?P<sa>{sa})(?![a-z]))?"
        rf"(?!\s*\d)",
        _h_rel_period,
    )
    add(
        "relative-period-after",
        rf"(?:{LB}(?:{art})\s+)?{LB}(?P<unit>{units})\s+(?P<after>after\s+(?:the\s+)?next)"
        rf"{RB}",
        _h_rel_period,
    )
    add("ago", rf"{dur}\s+(?P<ago>{ago_after}){RB}", _h_ago)
    add("ago-before", rf"{LB}(?P<agob>{ago_before})\s+{dur}", _h_ago)
    add("later", rf"{dur}\s+(?P<later>{later_after}){RB}", _h_ago)
    add("in", rf"{LB}(?:{in_before})\s+{dur}(?!\s+(?:{dir_after}|{fut}))", _h_ago)
    add(
        "anchored",
        rf"{dur}\s+(?:(?P<aft>{from_anchor})|(?P<bef>{before_anchor}))\s+(?P<anchor>{rel_days}|now){RB}",
        _h_ago,
    )
    add(
        "window",
        rf"(?:{LB}(?:{art})\s+)?(?:{LB}(?P<within>{win_before})\s+(?:the\s+)?(?:{sb}\s+)?"
        rf"|{LB}(?P<dir>{dir_before})\s+){dur}",
        _h_window,
    )
    add(
        "window-after",
        rf"(?:{LB}(?:{art})\s+)?{dur}\s+(?:(?P<dira>{dir_after})|(?P<fut>{fut})){RB}",
        _h_window,
    )
    add(
        "window-middle",
        rf"(?:{LB}(?:{art})\s+)?{LB}(?P<wn>{num})\s+(?P<dira>{dir_after})\s+(?P<wu>{units}){RB}",
        _h_window,
    )
    add(
        "weekday",
        rf"(?:{LB}(?P<pre>{sb})\s+)?(?:{LB}(?P<wk>{sb}\s+{week_w})\s+(?:on\s+)?)?{LB}(?P<wd>{wd_full}){RB}"
        rf"(?:\s+(?:of\s+|de\s+)?(?P<post>{relw})|\s+(?P<posts>{sa}){RB})?",
        _h_weekday,
    )
    add(
        "weekday-day",
        rf"{LB}(?P<wd>{wd_full})\s*,?\s+(?:the\s+|le\s+)?(?P<day>{day})(?!\s*\.?\s*(?:{of}\s*)?{mon})",
        _h_weekday_day,
    )
    add(
        "day-of-month",
        rf"{LB}(?:{art})\s+(?P<day>\d{{1,2}}(?:st|nd|rd|th)|{day_words}){RB}"
        rf"(?:\s+(?:of|du|de)\s+(?P<rel>{relm}))",
        _h_day_of_month,
    )
    add(
        "day-of-month-suffix",
        rf"{LB}the\s+(?P<day>\d{{1,2}}(?:st|nd|rd|th))(?P<rel>)(?!\s*(?:of\s+)?{mon})"
        rf"(?![a-z0-9])",
        _h_day_of_month,
    )
    add(
        "nth-weekday",
        rf"(?:{LB}(?:{art})\s+)?{LB}(?P<nth>{nth})\s+(?P<wd>{wd_full}){RB}(?:\s+(?:of|in|de|d')\s*(?:(?:the\s+)?"
        rf"(?P<mon>{mon}){RBA}(?:\s*,?\s*(?P<y>{YEAR}))?|(?P<rel>{relm})))?",
        _h_nth_weekday,
    )
    add(
        "part-noun",
        rf"(?:(?<![\d.,])(?P<y1>{YEAR})\s*,?\s*)?(?:{LB}(?:{art})\s+)?{LB}(?P<nth>{nth})(?:\s+|\s*-\s*)(?P<noun>{part_nouns}){RB}"
        rf"(?:\s*(?:{of}|,)?\s*(?P<y>{YEAR})|\s*(?:{of}\s*)?(?P<rely>{rely}))?",
        _h_part,
    )
    add(
        "part-letter",
        rf"(?:(?<![\d.,])(?P<y1>{YEAR})\s*)?(?<![a-z])(?P<letter>{part_letters})(?P<n>[1-4])(?![\d])"
        rf"(?:\s*[-/']?\s*(?P<y>{YEAR})|\s+(?P<rely>{rely}))?(?![a-z0-9])",
        _h_part,
    )
    add(
        "season",
        rf"(?:{LB}(?P<sh>{sb})\s+)?(?:{LB}(?:{art})\s*)?{LB}(?P<season>{seasons}){RB}(?:\s+(?P<sh2>{sa}){RB})?"
        rf"(?:\s*(?:{of}\s*|,\s*)?(?P<y>{YEAR}))?",
        _h_season,
    )
    add("holiday", rf"{LB}(?P<hol>{holidays}){RB}(?:\s*,?\s*(?P<y>{YEAR}))?", _h_holiday)
    add(
        "day-range",
        rf"(?:{LB}{range_open}\s+)?(?P<d1>{DAYN_PLAIN})(?:st|nd|rd|th|er)?{conn_day}(?P<d2>{DAYN_PLAIN})"
        rf"(?:st|nd|rd|th)?\s*(?:(?:of|in|de)\s+)?(?:{LB}(?P<mon>{mon}){RBA}(?:\s*,?\s*(?P<year>{YEAR}))?"
        rf"|(?P<rel>{relm}))",
        _h_day_range,
    )
    add(
        "month-day-range",
        rf"{LB}(?P<mon>{mon}){RBA}\s+(?:(?:{range_open})\s+)?(?P<d1>{DAYN_PLAIN}){conn_day}(?P<d2>{DAYN_PLAIN})"
        rf"(?:\s*,?\s*(?P<year>{YEAR}))?",
        _h_day_range,
    )

    if d.clock is not None:
        _clock_rules(lex, d.clock, add)
    lex.prefilter = re.compile(rf"\d|{mon}|{wd_full}|{rel_days}|{units}|{seasons}|{holidays}|{part_nouns}")
    lex.prefilter_phrases = (
        *d.months.names, *[w for w in d.weekdays.names if key(w) not in {key(a) for a in d.weekdays.ambiguous}],
        *d.relative_days.names, *d.units.names, *[n for s in d.seasons for n in s.names],
        *[n for h in d.holidays for n in h.names], *d.part_nouns.names,
    )
    lex.past = _marker_regex(d.past_markers.words)
    lex.future = _marker_regex(d.future_markers.words)
    lex.range_open_before = re.compile(rf"{LB}{range_open}\s+$")
    lex.range_to_gap = re.compile(rf"\s*-\s*|\s+{range_to}\s+")
    lex.range_and_gap = re.compile(rf"\s+{range_and}\s+")
    mods = d.modifiers
    lex.part_before = re.compile(
        rf"{LB}(?:at\s+)?(?:(?P<start>{alternation(mods.start)})|(?P<mid>{alternation(mods.mid)})"
        rf"|(?P<end>{alternation(mods.end)}))(?:\s+|\s*-\s*|(?<=')\s*)(?:the\s+)?$"
    )
    lex.bound_before = re.compile(
        rf"{LB}(?:(?P<by>{alternation(mods.by)})|(?P<before>{alternation(mods.before)})"
        rf"|(?P<since>{alternation(mods.since)}))(?:\s+|(?<=')\s*)(?:{art}(?:\s+|(?<=')\s*))?$"
    )
    if mods.by_after:
        lex.bound_after = re.compile(rf"\s*,?\s*(?P<by>{alternation(mods.by_after)}){RB}(?P<since>(?!x)x)?"
                                     rf"(?P<before>(?!x)x)?")
    if d.portions is not None:
        lex.portion_before = _portion_regexes(d.portions, num, units, art)
    lex.month_cue_before = re.compile(rf"{LB}(?:{alternation(d.month_cues)})(?:\s+|(?<=')\s*)$")
    lex.date_cue_before = re.compile(rf"{LB}(?:{alternation(d.date_cues)})\s+$")
    lex.season_cue_before = re.compile(
        rf"{LB}(?:in|en|au|during|pendant|durant|cet|this|of|de|d'|late|early|mid|fin|debut)\s*(?:the\s+|l')?$"
    )
