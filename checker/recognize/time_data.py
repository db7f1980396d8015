"""Schema of the time language data (``checker/lang/<lang>/time.toml``) and text folding.

The data holds language facts only: month and weekday names, ordinal and
number words, the words that shift a period ("next", "prochaine"), modifiers
("end of", "fin"), bound words ("by", "d'ici"), tense markers, seasons and
holidays (with a table of lunar-calendar dates where no rule gives them).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from pydantic import BaseModel, ConfigDict

from checker.lang import DimensionData, Example, dimension


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Words(_Group):
    """A list of phrases with the examples that exercise them."""

    words: list[str]
    examples: list[Example] = []


class Clauses(_Group):
    """What ends a clause inside a sentence: the clause that holds a date gives its tense.

    ``marks`` are punctuation ("," ";" ":"; never between two digits), ``words`` open a new clause
    ("that", "which", "que", "qui"). A tense marker in another clause ("said on Saturday that it
    will ...") decides only when the date's own clause has none, and one in a clause that a word
    opens after the date never does.
    """

    marks: list[str]
    words: list[str]
    examples: list[Example] = []


class Clock(_Group):
    """Times of day and time zones (``checker/recognize/time_clock.py``).

    ``parts_after`` follow a day ("Tuesday morning", "mardi soir", "5月3日晚"), ``parts_before``
    lead it ("early Tuesday", "the evening of"); each is a span of the day ("18:00-23:59").
    ``zones`` follow a time ("local time", "GMT"), ``zones_before`` lead it ("北京时间"); each names
    "local", an IANA zone or a UTC offset ("+08:00"). ``am``/``pm`` follow a 12-hour time ("p.m.");
    in Chinese they are the parts of the day before an hour ("下午2时" is 14:00). ``hour_marks``
    write a time as hour-mark-minutes ("14h20"); ``links`` join a day and its time ("at", "à").
    """

    am: list[str] = []
    pm: list[str] = []
    hour_marks: list[str] = []
    links: list[str] = []
    parts_after: dict[str, str] = {}
    parts_before: dict[str, str] = {}
    zones: dict[str, str] = {}
    zones_before: dict[str, str] = {}
    examples: list[Example] = []


class Numbered(_Group):
    """Phrases mapped to a number (month 1-12, weekday 0-6 from Monday, an ordinal, a count, an offset)."""

    names: dict[str, int]
    ambiguous: list[str] = []  # names that are also ordinary words: used only with a clear date context
    examples: list[Example] = []


class Shifts(_Group):
    """Words that move a period: before the unit ("next year") or after it ("l'année prochaine")."""

    next_before: list[str] = []
    next_after: list[str] = []
    last_before: list[str] = []
    last_after: list[str] = []
    this_before: list[str] = []
    this_after: list[str] = []
    examples: list[Example] = []


class Modifiers(_Group):
    """Phrases before a period that keep only part of it, or bound it."""

    start: list[str]
    mid: list[str]
    end: list[str]
    by: list[str]
    before: list[str]
    since: list[str]
    by_after: list[str] = []  # "le 15 mai au plus tard": a bound written after the date
    examples: list[Example] = []


class Portions(_Group):
    """The first or last few units of a period: "the first ten months of 2023", "les trois derniers mois de".

    Each phrase is a template with ``{n}`` (a number or a count word) and ``{unit}`` (a unit word),
    or, for ``weeks``, ``{nth}`` (an ordinal); it is written right before the period it cuts.
    """

    first: list[str]
    last: list[str]
    # "the third week of": a week of the period that follows, counted as ISO 8601 counts weeks;
    # ``{nth}`` is an ordinal of [nth] ("first", "last").
    weeks: list[str] = []
    examples: list[Example] = []


class Season(_Group):
    """A season as a run of months; ``first_month`` > ``last_month`` wraps into the next year."""

    names: list[str]
    first_month: int
    last_month: int
    examples: list[Example] = []


class Holiday(_Group):
    """A holiday: a fixed day, the n-th weekday of a month, or a table of dates; with a window around it."""

    names: list[str]
    month: int = 0
    day: int = 0
    weekday: int = -1  # with ``nth``: the n-th such weekday of ``month`` (-1 = last)
    nth: int = 0
    table: str = ""  # name of a date table in ``[tables]``
    days_before: int = 0
    days_after: int = 0
    examples: list[Example] = []


class SuffixedDates(_Group):
    """Dates written number-then-unit without spaces (Chinese "2025年3月18日"): the marks and words of them.

    A language with this table gets the rules of ``checker/recognize/time_suffixed.py``.
    """

    year_marks: list[str]
    month_marks: list[str]
    day_marks: list[str]
    month_suffixes: list[str] = []
    not_day_before: list[str] = []  # "5号线": a number, not a day
    name_marks: list[str] = []  # "天宫二号": a numeral in characters with this mark, right after a name, is its number
    not_month_before: list[str] = []  # "月球": the moon, not a month
    day_shift_marks: dict[str, int] = {}  # "今(19)日": today, the 31st
    weekday_prefixes: list[str]
    weekday_names: dict[str, int]
    relative_years: dict[str, int]
    period_shifts: dict[str, int]
    measure_words: list[str] = []
    period_units: dict[str, int]
    weekend: list[str] = []
    ordinal_prefix: list[str] = []
    quarter_marks: list[str] = []
    first_quarters: list[str] = []
    halves: dict[str, int] = {}
    month_parts: dict[str, tuple[int, int]] = {}
    period_parts: dict[str, str] = {}
    past_windows: list[str] = []
    future_windows: list[str] = []
    window_not_after: list[str] = []  # "最后一个星期": "last", no window
    ago_marks: list[str] = []
    times_of_day: list[str] = []
    hour_marks: list[str] = []
    minute_marks: list[str] = []
    half_hour: list[str] = []
    since_after: list[str] = []
    before_after: list[str] = []
    not_bound_before: list[str] = []  # "前后" (around), "前夕" (the eve): no bound
    decade_marks: list[str] = []
    century_marks: list[str] = []
    century_shifts: dict[str, int] = {}
    dateline_after: list[str] = []
    examples: list[Example] = []


@dimension("time")
class TimeData(DimensionData):
    """Everything the time recognizer needs to know about one language."""

    numeric_order: str  # "DMY" or "MDY": how 03/04/2025 is read
    months: Numbered
    weekdays: Numbered
    day_ordinals: Numbered  # ordinal/cardinal words usable as a day of the month
    counts: Numbered  # count words for durations ("two", "a few")
    nth: Numbered  # "first", "last" (-1) for the n-th weekday or week
    relative_days: Numbered  # phrase -> offset in days from the reference date
    units: Numbered  # unit words -> 1 day, 7 week, 30 month, 365 year, 3650 decade, 2 weekend (code)
    part_nouns: Numbered  # "quarter" -> 4, "half" -> 2: parts of a year
    part_letters: Numbered  # "q" -> 4, "h" -> 2
    shifts: Shifts
    modifiers: Modifiers
    articles: list[str]
    of_words: list[str]  # "of", "de": between a day and a month, a month and a year
    year_cues: Words  # words after which a bare 4-digit year is a year
    month_cues: list[str]  # words after which an ambiguous month name is a month
    date_cues: list[str]  # words after which a numeric d/m is a date
    ago_after: list[str]
    ago_before: list[str]
    later_after: list[str]
    in_before: list[str]
    from_anchor: list[str]  # "from", "after": "two days from tomorrow"
    before_anchor: list[str]
    range_open: list[str]  # "from", "between", "du", "entre"
    range_to: list[str]  # "to", "until", "au", "jusqu'à"
    range_and: list[str]  # "and", "et": only after range_open
    window_within: list[str]  # "within"
    window_future: list[str]  # "in the future", "hence"
    window_plural_after: Shifts  # "les 3 dernières semaines"
    decade_prefix: list[str]  # "années"
    seasons: list[Season]
    holidays: list[Holiday]
    tables: dict[str, dict[str, str]] = {}  # table name -> {year: "MM-DD"}
    past_markers: Words
    future_markers: Words
    clauses: Clauses
    portions: Portions | None = None
    clock: Clock | None = None
    report_cues: list[str] = []  # "according to a report", "selon un rapport": the article's own date follows
    # Words before a weekday that make it the article's own day ("a déclaré ce jeudi"): with a date of that
    # weekday in the text ("jeudi 14 mars"), that date is the article's.
    own_weekday_before: list[str] = []
    suffixed: SuffixedDates | None = None  # number-then-unit dates (Chinese): rules of ``time_suffixed``
    examples: list[Example] = []


# --------------------------------------------------------------------------
# Folding: one character in, one character out, so offsets are shared
# --------------------------------------------------------------------------

_FOLD_EXTRA = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "`": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
    "\u200a": " ",
    "\t": " ",
    "\u0153": "o",
    "\u0152": "o",
    "\u00e6": "a",
    "\u00c6": "a",
    "\u00df": "s",
}


@cache
def _fold_char(ch: str) -> str:
    if ch in _FOLD_EXTRA:
        return _FOLD_EXTRA[ch]
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = unicodedata.normalize("NFD", low)
    if base and len(base) > 1 and all(unicodedata.combining(c) for c in base[1:]):
        return base[0]
    return low


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character: one C pass per text."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, strip accents, plain quotes and dashes; the result has the same length as ``text``."""
    return text.translate(_FOLD_TABLE)


def phrase_pattern(phrase: str) -> str:
    """A regex for a data phrase: folded, spaces and hyphens interchangeable, a final '.' optional."""
    folded = fold(phrase).strip()
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", folded) if p]
    body = r"(?:\s+|\s*-\s*)".join(parts)
    return body


def alternation(phrases: list[str] | dict[str, int]) -> str:
    """A non-capturing alternation of phrases, longest first so the longest wins."""
    items = sorted({fold(p).strip() for p in phrases if p.strip()}, key=lambda w: (-len(w), w))
    if not items:
        return r"(?!x)x"
    return "(?:" + "|".join(phrase_pattern(p) for p in items) + ")"


@lru_cache(maxsize=4096)
def key(phrase: str) -> str:
    """The lookup key of a matched phrase: folded, whitespace and hyphens collapsed to one space.

    Cached: the handlers look up the same few words (month names, units) in sentence after sentence.
    """
    return _SPACES.sub(" ", fold(phrase).strip().rstrip("."))


_SPACES = re.compile(r"[\s\-]+")
