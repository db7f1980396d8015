"""Shared pieces of the time recognizer: candidates and the scanning context (tense, year-less dates)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.recognize import time_calendar as cal
from checker.records import TimeValue

if TYPE_CHECKING:
    from checker.recognize.time_rules import Lexicon

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
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

    def value(self, ref: dt.date | None) -> TimeValue:
        """The record value of this candidate."""
        anchor = ref if self.resolution in ("relative", "year-inferred") else None
        return TimeValue(
            earliest=self.earliest,
            latest=self.latest,
            granularity=self.granularity,  # type: ignore[arg-type]
            modifiers=self.modifiers,
            resolution=self.resolution,  # type: ignore[arg-type]
            anchor=anchor,
        )


# --------------------------------------------------------------------------
# Context: reference date, tense, year-less resolution
# --------------------------------------------------------------------------


@dataclass
class Context:
    """What the rule handlers need: the texts, the reference date and the language data."""

    text: str
    folded: str
    lowered: str
    ref: dt.date | None
    lex: Lexicon

    def tense(self, start: int, end: int) -> str | None:
        """ "past" or "future" from the nearest tense marker in the clause around ``start:end``."""
        left = max(self.lowered.rfind(ch, 0, start) for ch in ".!?;\n")
        rights = [i for i in (self.lowered.find(ch, end) for ch in ".!?;\n") if i >= 0]
        right = min(rights) if rights else len(self.lowered)
        best: tuple[int, str] | None = None
        for kind, regex in (("past", self.lex.past), ("future", self.lex.future)):
            for m in regex.finditer(self.lowered, left + 1, right):
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
