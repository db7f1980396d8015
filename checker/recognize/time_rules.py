"""The rules of the time recognizer: one compiled regex per surface form, built from the language data.

Each rule's handler (``time_handlers``) turns a match into candidates (``Cand``). Regexes run on
the folded text (lower case, no accents, plain dashes and quotes), so data
phrases are written plainly. Patterns are linear: alternations of literal
words and bounded digit runs, no nested repetition.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from checker.recognize.lazy import lazy_compile
from checker.recognize.time_clock import (
    ClockPatterns,
    clock_cand,
    compile_patterns,
    minutes,
    twelve_hour,
    zone_of,
    zone_pattern,
)
from checker.recognize.time_core import Cand, Context
from checker.recognize.time_data import Clock, Portions, TimeData, alternation, fold, key, phrase_pattern
from checker.recognize.time_handlers import (
    handle_ago,
    handle_date,
    handle_day_of_month,
    handle_day_range,
    handle_decade,
    handle_holiday,
    handle_month,
    handle_month_year,
    handle_nth_weekday,
    handle_numeric,
    handle_numeric_yearless,
    handle_part,
    handle_rel_day,
    handle_rel_period,
    handle_season,
    handle_weekday,
    handle_weekday_day,
    handle_window,
    handle_year,
    handle_year_range,
)

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
    # One "<count> <unit>" element of a duration ("3 years", "deux mois").
    duration_part: re.Pattern[str] = re.compile("x")


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
        return lazy_compile(r"(?!x)x")
    return lazy_compile(r"(?<![\w'])(?:" + body + r")(?!\w)")


def _clause_word_regex(words: list[str]) -> re.Pattern[str]:
    """Words that open a clause, on the lower-cased text; one ending in an apostrophe ("qu'") runs into the next."""
    body = _lowered_words(words)
    if body is None:
        return lazy_compile(r"(?!x)x")
    return lazy_compile(r"(?<![\w'])(?:" + body + r")(?:(?<=')|(?!\w))")


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
        lex.clause_words = lazy_compile(alternation(data.clauses.words)) if data.clauses.words else lex.clause_words
    else:
        _compile(lex)
        lex.clause_words = _clause_word_regex(data.clauses.words)
    if data.clauses.marks:
        # A mark between two digits is a thousands mark or a time ("1,000", "9:30"), not a clause break.
        marks = "".join(sorted({re.escape(m) for m in data.clauses.marks}))
        lex.clause_marks = lazy_compile(rf"[{marks}](?![0-9])")
    return lex


def _clock_rules(lex: Lexicon, data: Clock, add: Callable[[str, str, Handler], None]) -> None:
    """The rules of times of day written with digits: "9:03 a.m.", "at 14:20", "14h20", "4 pm local time"."""
    zone = zone_pattern(data) or r"(?P<zone>(?!x)x)?"
    links = alternation(data.links)
    link_before = lazy_compile(rf"{LB}(?:{links})\s*$") if data.links else None
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


def _portion_regexes(portions: Portions, num: str, units: str, art: str,
                     nth: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each phrase of ``portions`` as a pattern ending where the period it cuts begins, with its side
    ("first", "last", or "week" for the weeks of a period)."""

    def compiled(text: str) -> re.Pattern[str]:
        out = []
        for part in re.split(r"(\{n\}|\{unit\}|\{nth\})", text.strip()):
            if part == "{n}":
                out.append(rf"(?P<n>{num})")
            elif part == "{unit}":
                out.append(rf"(?P<u>{units})")
            elif part == "{nth}":
                out.append(rf"(?P<nth>{nth})")
            elif part.strip():
                out.append(phrase_pattern(part.strip()))
        body = r"(?:\s+|(?<=')\s*)".join(out)
        return lazy_compile(rf"{LB}{body}(?:\s+|(?<=')\s*)(?:{art}(?:\s+|(?<=')\s*))?$")

    return (*(("first", compiled(t)) for t in portions.first), *(("last", compiled(t)) for t in portions.last),
            *(("week", compiled(t)) for t in portions.weeks))


# --------------------------------------------------------------------------
# Compilation
# --------------------------------------------------------------------------

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
    lex.duration_part = lazy_compile(dur_part)
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
        lex.rules.append(Rule(name, lazy_compile(pattern), handler))

    wd_prefix = rf"(?:{LB}{wd_all}\s*,?\s*)?"
    add(
        "date-month-first",
        rf"{wd_prefix}{LB}(?P<mon>{mon}){RBA}\s*(?:[-/.]\s*)?(?:the\s+)?(?P<day>{day})"
        rf"(?:\s*,?\s*(?P<year>{YEAR})|\s*,?\s+(?P<rely>{rely}))?",
        handle_date,
    )
    add(
        "date-day-first",
        rf"{wd_prefix}(?:{LB}(?:{art})\s*)?(?P<day>{day})\s*\.?\s*(?:{of}\s*)?{LB}(?P<mon>{mon}){RBA}"
        rf"(?:\s*,?\s*(?P<year>{YEAR}|\d\d(?![\d\w]))|\s*,?\s+(?P<rely>{rely}))?",
        handle_date,
    )
    add(
        "date-ymd",
        r"(?<![\d./-])(?P<y4>\d{4})\s*(?P<s>[-/.])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<d>\d{1,2})(?![\d])"
        r"(?![.,]\d)",
        handle_numeric,
    )
    add(
        "date-y-mon-d",
        rf"(?<![\d./-])(?P<year>\d{{4}})[-/](?P<mon>{mon})[-/](?P<day>\d{{1,2}})(?!\d)",
        handle_date,
    )
    add(
        "date-dmy",
        r"(?<![\d./,-])(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?:(?P=s)|\s*,\s*)(?P<y>\d{4}|\d{2})"
        r"(?![\d])(?![.,/-]\d)",
        handle_numeric,
    )
    add(
        "date-dm",
        r"(?<![\d./,-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?![\d])(?![.,/-]\d)(?!\s*%)",
        handle_numeric_yearless,
    )
    add("month-year-name", rf"{LB}(?P<mon>{mon}){RBA}\s*(?:{of}\s*|,\s*)?(?P<year>{YEAR})", handle_month_year)
    add("year-month-name", rf"(?<![\d.,])(?P<year>{YEAR})\s*,?\s*(?P<mon>{mon}){RBA}", handle_month_year)
    add(
        "month-year-num",
        rf"(?<![\d./,-])(?P<year>{YEAR})\s*(?P<s>[-/.])\s*(?P<mnum>1[0-2]|0?[1-9])(?![\d])"
        rf"(?!\s*[-/.]\s*\d)(?![.,]\d)",
        handle_month_year,
    )
    add("num-month-year", rf"(?<![\d./,-])(?P<mnum>1[0-2]|0?[1-9])\s*[-/]\s*(?P<year>{YEAR})", handle_month_year)
    add(
        "month",
        rf"(?:{LB}(?P<sh>{sb})\s+)?{LB}(?P<mon>{mon}){RBA}(?:\s+(?P<sh2>{sa}))?(?:\s*,?\s+(?P<rely>{rely}))?",
        handle_month,
    )
    add("year", rf"{LB}(?P<cue>{year_cues})(?:\s+|\s*-\s*)(?:(?P<yw>{ymark})\s+)?(?P<year>{YEAR})", handle_year)
    add("year-after-mark", rf"{LB}(?P<cue>)(?P<yw>{ymark})\s+(?P<year>{YEAR})", handle_year)
    add(
        "year-range",
        rf"(?:{LB}{range_open}\s+)?(?<![\d.,])(?P<y1>{YEAR})\s*(?:-|{range_to})\s*(?P<y2>{YEAR})",
        handle_year_range,
    )
    if d.decade_prefix:
        add("decade", rf"{LB}{decade_prefix}\s+(?P<dec>(?:1[5-9]|20)\d0|\d0){RB}", handle_decade)
    else:
        add("decade", rf"(?:{LB}the\s+)?'?(?<!\d)(?P<dec>(?:1[5-9]|20)\d0|\d0)'?s{RB}", handle_decade)
    add("relative-day", rf"{LB}{rel_days}{RB}", handle_rel_day)
    add(
        "relative-period",
        rf"(?:{LB}(?:{art})\s*)?(?:{LB}(?P<sb>{sb})\s+)?{LB}(?P<unit>{units})(?![a-z])(?:(?:\s+|\s*-\s*)?(?P<sa>{sa})(?![a-z]))?"
        rf"(?!\s*\d)",
        handle_rel_period,
    )
    add(
        "relative-period-after",
        rf"(?:{LB}(?:{art})\s+)?{LB}(?P<unit>{units})\s+(?P<after>after\s+(?:the\s+)?next)"
        rf"{RB}",
        handle_rel_period,
    )
    add("ago", rf"{dur}\s+(?P<ago>{ago_after}){RB}", handle_ago)
    add("ago-before", rf"{LB}(?P<agob>{ago_before})\s+{dur}", handle_ago)
    add("later", rf"{dur}\s+(?P<later>{later_after}){RB}", handle_ago)
    add("in", rf"{LB}(?:{in_before})\s+{dur}(?!\s+(?:{dir_after}|{fut}))", handle_ago)
    add(
        "anchored",
        rf"{dur}\s+(?:(?P<aft>{from_anchor})|(?P<bef>{before_anchor}))\s+(?P<anchor>{rel_days}|now){RB}",
        handle_ago,
    )
    add(
        "window",
        rf"(?:{LB}(?:{art})\s+)?(?:{LB}(?P<within>{win_before})\s+(?:the\s+)?(?:{sb}\s+)?"
        rf"|{LB}(?P<dir>{dir_before})\s+){dur}",
        handle_window,
    )
    add(
        "window-after",
        rf"(?:{LB}(?:{art})\s+)?{dur}\s+(?:(?P<dira>{dir_after})|(?P<fut>{fut})){RB}",
        handle_window,
    )
    add(
        "window-middle",
        rf"(?:{LB}(?:{art})\s+)?{LB}(?P<wn>{num})\s+(?P<dira>{dir_after})\s+(?P<wu>{units}){RB}",
        handle_window,
    )
    add(
        "weekday",
        rf"(?:{LB}(?P<pre>{sb})\s+)?(?:{LB}(?P<wk>{sb}\s+{week_w})\s+(?:on\s+)?)?{LB}(?P<wd>{wd_full}){RB}"
        rf"(?:\s+(?:of\s+|de\s+)?(?P<post>{relw})|\s+(?P<posts>{sa}){RB})?",
        handle_weekday,
    )
    add(
        "weekday-day",
        rf"{LB}(?P<wd>{wd_full})\s*,?\s+(?:the\s+|le\s+)?(?P<day>{day})(?!\s*\.?\s*(?:{of}\s*)?{mon})",
        handle_weekday_day,
    )
    add(
        "day-of-month",
        rf"{LB}(?:{art})\s+(?P<day>\d{{1,2}}(?:st|nd|rd|th)|{day_words}){RB}"
        rf"(?:\s+(?:of|du|de)\s+(?P<rel>{relm}))",
        handle_day_of_month,
    )
    add(
        "day-of-month-suffix",
        rf"{LB}the\s+(?P<day>\d{{1,2}}(?:st|nd|rd|th))(?P<rel>)(?!\s*(?:of\s+)?{mon})"
        rf"(?![a-z0-9])",
        handle_day_of_month,
    )
    add(
        "nth-weekday",
        rf"(?:{LB}(?:{art})\s+)?{LB}(?P<nth>{nth})\s+(?P<wd>{wd_full}){RB}(?:\s+(?:of|in|de|d')\s*(?:(?:the\s+)?"
        rf"(?P<mon>{mon}){RBA}(?:\s*,?\s*(?P<y>{YEAR}))?|(?P<rel>{relm})))?",
        handle_nth_weekday,
    )
    add(
        "part-noun",
        rf"(?:(?<![\d.,])(?P<y1>{YEAR})\s*,?\s*)?(?:{LB}(?:{art})\s+)?{LB}(?P<nth>{nth})(?:\s+|\s*-\s*)(?P<noun>{part_nouns}){RB}"
        rf"(?:\s*(?:{of}|,)?\s*(?P<y>{YEAR})|\s*(?:{of}\s*)?(?P<rely>{rely}))?",
        handle_part,
    )
    add(
        "part-letter",
        rf"(?:(?<![\d.,])(?P<y1>{YEAR})\s*)?(?<![a-z])(?P<letter>{part_letters})(?P<n>[1-4])(?![\d])"
        rf"(?:\s*[-/']?\s*(?P<y>{YEAR})|\s+(?P<rely>{rely}))?(?![a-z0-9])",
        handle_part,
    )
    add(
        "season",
        rf"(?:{LB}(?P<sh>{sb})\s+)?(?:{LB}(?:{art})\s*)?{LB}(?P<season>{seasons}){RB}(?:\s+(?P<sh2>{sa}){RB})?"
        rf"(?:\s*(?:{of}\s*|,\s*)?(?P<y>{YEAR}))?",
        handle_season,
    )
    add("holiday", rf"{LB}(?P<hol>{holidays}){RB}(?:\s*,?\s*(?P<y>{YEAR}))?", handle_holiday)
    add(
        "day-range",
        rf"(?:{LB}{range_open}\s+)?(?P<d1>{DAYN_PLAIN})(?:st|nd|rd|th|er)?{conn_day}(?P<d2>{DAYN_PLAIN})"
        rf"(?:st|nd|rd|th)?\s*(?:(?:of|in|de)\s+)?(?:{LB}(?P<mon>{mon}){RBA}(?:\s*,?\s*(?P<year>{YEAR}))?"
        rf"|(?P<rel>{relm}))",
        handle_day_range,
    )
    add(
        "month-day-range",
        rf"{LB}(?P<mon>{mon}){RBA}\s+(?:(?:{range_open})\s+)?(?P<d1>{DAYN_PLAIN}){conn_day}(?P<d2>{DAYN_PLAIN})"
        rf"(?:\s*,?\s*(?P<year>{YEAR}))?",
        handle_day_range,
    )

    if d.clock is not None:
        _clock_rules(lex, d.clock, add)
    lex.prefilter = lazy_compile(rf"\d|{mon}|{wd_full}|{rel_days}|{units}|{seasons}|{holidays}|{part_nouns}")
    lex.prefilter_phrases = (
        *d.months.names, *[w for w in d.weekdays.names if key(w) not in {key(a) for a in d.weekdays.ambiguous}],
        *d.relative_days.names, *d.units.names, *[n for s in d.seasons for n in s.names],
        *[n for h in d.holidays for n in h.names], *d.part_nouns.names,
    )
    lex.past = _marker_regex(d.past_markers.words)
    lex.future = _marker_regex(d.future_markers.words)
    lex.range_open_before = lazy_compile(rf"{LB}{range_open}\s+$")
    lex.range_to_gap = lazy_compile(rf"\s*-\s*|\s+{range_to}\s+")
    lex.range_and_gap = lazy_compile(rf"\s+{range_and}\s+")
    mods = d.modifiers
    lex.part_before = lazy_compile(
        rf"{LB}(?:at\s+)?(?:(?P<start>{alternation(mods.start)})|(?P<mid>{alternation(mods.mid)})"
        rf"|(?P<end>{alternation(mods.end)}))(?:\s+|\s*-\s*|(?<=')\s*)(?:the\s+)?$"
    )
    lex.bound_before = lazy_compile(
        rf"{LB}(?:(?P<by>{alternation(mods.by)})|(?P<before>{alternation(mods.before)})"
        rf"|(?P<since>{alternation(mods.since)}))(?:\s+|(?<=')\s*)(?:{art}(?:\s+|(?<=')\s*))?$"
    )
    if mods.by_after:
        lex.bound_after = lazy_compile(rf"\s*,?\s*(?P<by>{alternation(mods.by_after)}){RB}(?P<since>(?!x)x)?"
                                     rf"(?P<before>(?!x)x)?")
    if d.portions is not None:
        lex.portion_before = _portion_regexes(d.portions, num, units, art, nth)
    lex.month_cue_before = lazy_compile(rf"{LB}(?:{alternation(d.month_cues)})(?:\s+|(?<=')\s*)$")
    lex.date_cue_before = lazy_compile(rf"{LB}(?:{alternation(d.date_cues)})\s+$")
    lex.season_cue_before = lazy_compile(
        rf"{LB}(?:in|en|au|during|pendant|durant|cet|this|of|de|d'|late|early|mid|fin|debut)\s*(?:the\s+|l')?$"
    )
