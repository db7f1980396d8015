"""Shared pieces of the time recognizer: candidates and the scanning context (tense, year-less dates)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from checker.recognize import time_calendar as cal
from checker.records import TimeValue

if TYPE_CHECKING:
    from checker.recognize.time_rules import Lexicon

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)  # slots: candidates are many, and made field by field
class Cand:
    """A time reading of ``text[start:end]`` before overlaps are settled."""

    start: int
    end: int
    earliest: dt.date | None
    latest: dt.date | None
    granularity: str
    resolution: str = "absolute"
    modifiers: tuple[str, ...] = ()
    priority: int = 5
    weak: bool = False  # only a mention when a modifier is attached ("the year" in "end of the year")
    yearless: bool = False
    month: int = 0
    day: int = 0
    weekday: int = -1  # 0 = Monday, for a weekday named without a date
    clock: str | None = None  # a time of day ("14:20", "18:00-23:59"), see ``TimeValue``
    zone: str | None = None
    clock_only: bool = False  # a time of day with no day of its own (the reference date stands for it)

    def value(self, ref: dt.date | None) -> TimeValue:
        """The record value of this candidate."""
        anchor = ref if self.resolution in ("relative", "year-inferred") else None
        # The rules write granularity and resolution as plain strings; the record refuses one it does not know.
        return TimeValue(
            type="time",
            earliest=self.earliest,
            latest=self.latest,
            granularity=self.granularity,  # type: ignore[arg-type]
            modifiers=self.modifiers,
            resolution=self.resolution,  # type: ignore[arg-type]
            anchor=anchor,
            clock=self.clock,
            zone=self.zone,
            timex=self.timex(),
        )

    def timex(self) -> str | None:
        """What an unresolved candidate is, TIMEX-style ("XXXX-10-29", "XXXX-05", "XXXX-WXX-4"); None otherwise."""
        if self.resolution != "unresolved":
            return None
        if self.yearless and self.month and self.day and self.granularity == "day":
            return f"XXXX-{self.month:02d}-{self.day:02d}"
        if self.yearless and self.month and self.granularity == "month":
            return f"XXXX-{self.month:02d}"
        if self.weekday >= 0 and self.granularity == "day":
            return f"XXXX-WXX-{self.weekday + 1}"
        return None


# --------------------------------------------------------------------------
# Context: reference date, tense, year-less resolution
# --------------------------------------------------------------------------


class _LowerTable(dict[int, str]):
    """``str.translate`` table: a character's lower case when it is one character, else itself."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        low = ch.lower()
        value = "'" if ch == "\u2019" else (low if len(low) == 1 else ch)
        self[code] = value
        return value


_LOWER_TABLE = _LowerTable()


def lower(text: str) -> str:
    """``text`` in lower case with plain apostrophes, at the same offsets (what the tense markers read)."""
    return text.translate(_LOWER_TABLE)


# A clause ends at one of these; the last one before a stretch is found by a greedy match, in one C pass.
_CLAUSE_END = re.compile(r"[.!?;\n。！？；]")
_LAST_CLAUSE_END = re.compile(r"[\s\S]*[.!?;\n。！？；]")


@dataclass
class Context:
    """What the rule handlers need: the texts, the reference date and the language data."""

    text: str
    folded: str
    ref: dt.date | None
    lex: Lexicon

    @cached_property
    def lowered(self) -> str:
        """The text lower-cased (``lower``): made only for the few texts whose tense is read."""
        return lower(self.text)

    def tense(self, start: int, end: int) -> str | None:
        """ "past" or "future" from the tense marker nearest ``start:end`` in the clause that holds it.

        The clause runs between the breaks of ``Lexicon.clause_marks`` and ``clause_words`` around
        the date. When it holds no marker the sentence decides, without the clause that a word
        opens after the date: in "said on Saturday that it will open", "said" dates Saturday.
        """
        lowered = self.lowered
        before = _LAST_CLAUSE_END.match(lowered, 0, start)
        left = before.end() if before is not None else 0
        after = _CLAUSE_END.search(lowered, end)
        right = after.start() if after is not None else len(lowered)
        lex = self.lex
        own_left = left
        for found in lex.clause_marks.finditer(lowered, left, start):
            own_left = found.end()
        for found in lex.clause_words.finditer(lowered, own_left, start):
            own_left = found.start()
        mark = lex.clause_marks.search(lowered, end, right)
        word = lex.clause_words.search(lowered, end, right)
        own_right = min(m.start() if m is not None else right for m in (mark, word))
        return (self._nearest_marker(own_left, own_right, start, end)
                or self._nearest_marker(left, word.start() if word is not None else right, start, end))

    def _nearest_marker(self, left: int, right: int, start: int, end: int) -> str | None:
        """The kind of the tense marker in ``left:right`` nearest the date (one after it counts double)."""
        lowered = self.lowered
        best: tuple[int, str] | None = None
        for kind, regex in (("past", self.lex.past), ("future", self.lex.future)):
            for m in regex.finditer(lowered, left, right):
                if start <= m.start() < end:
                    continue
                distance = start - m.end() if m.end() <= start else (m.start() - end) * 2
                if best is None or distance < best[0]:
                    best = (distance, kind)
        return best[1] if best else None

    def pick(self, periods: list[cal.Period], start: int, end: int) -> cal.Period:
        """Among candidate occurrences (in order), the one the clause's tense or nearness picks."""
        ref = self.ref
        assert ref is not None
        tense = self.tense(start, end)
        if tense == "past":
            past = [p for p in periods if p[0] <= ref]
            if past:
                return past[-1]
        elif tense == "future":
            future = [p for p in periods if p[1] >= ref]
            if future:
                return future[0]

        def distance(p: cal.Period) -> tuple[int, int]:
            if p[0] <= ref <= p[1]:
                return (0, 0)
            gap = (p[0] - ref).days if p[0] > ref else (ref - p[1]).days
            return (gap, 1 if p[0] > ref else 0)  # on a tie prefer the past: news reports

        return min(periods, key=distance)

    def yearless(
        self, month: int, day: int, start: int, end: int
    ) -> tuple[dt.date | None, dt.date | None, str]:
        """A month (``day`` 0) or a day of a month without a year, resolved around the reference date."""
        if self.ref is None:
            return None, None, "unresolved"
        periods = []
        for year in (self.ref.year - 1, self.ref.year, self.ref.year + 1):
            if day:
                d = cal.safe_date(year, month, day)
                if d is not None:
                    periods.append((d, d))
            else:
                p = cal.month_period(year, month)
                if p is not None:
                    periods.append(p)
        if not periods:
            raise ValueError("no such date")
        chosen = self.pick(periods, start, end)
        return chosen[0], chosen[1], "year-inferred"
