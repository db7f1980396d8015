"""What comparing times needs beyond day intervals: times of day, zones, and dates without a year.

A time of day ("14:20", "18:00-23:59") is compared at its own precision, as minutes of the day, or
as instants when both times give a zone with a known offset ("+08:00", "Europe/Paris", "UTC");
"local time" says only that the clock is the place's. A time left unresolved keeps what it is
(``TimeValue.timex``): a day of a month without a year ("XXXX-10-29"), a month without one
("XXXX-05"), a weekday ("XXXX-WXX-4"); it meets a dated time in the years either side of it.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from functools import cache

from checker.records import TimeValue

_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})$")
_TIMEX_DAY = re.compile(r"XXXX-(\d{2})-(\d{2})$")
_TIMEX_MONTH = re.compile(r"XXXX-(\d{2})$")
_TIMEX_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])$")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def clock_minutes(clock: str) -> tuple[int, int]:
    """The first and last minute of the day a clock covers ("14:20" -> (860, 860))."""
    first, _, last = clock.partition("-")
    return _minute(first), _minute(last or first)


def _minute(text: str) -> int:
    hours, _, mins = text.partition(":")
    return int(hours) * 60 + int(mins or 0)


@cache
def offset(zone: str | None, day: dt.date) -> dt.timedelta | None:
    """The UTC offset of ``zone`` on ``day``; None for "local", no zone, or a zone the machine does not know."""
    if zone is None or zone == "local":
        return None
    if zone == "UTC":
        return dt.timedelta(0)
    found = _OFFSET.match(zone)
    if found:
        sign = -1 if found.group(1) == "-" else 1
        return sign * dt.timedelta(hours=int(found.group(2)), minutes=int(found.group(3)))
    try:
        info = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    return dt.datetime.combine(day, dt.time(12), info).utcoffset()


def offset_text(delta: dt.timedelta) -> str:
    """ "UTC+08:00", "UTC-05:00"."""
    total = int(delta.total_seconds()) // 60
    sign = "-" if total < 0 else "+"
    return f"UTC{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


def instants(value: TimeValue) -> tuple[float, float] | None:
    """The first and last minute a dated time of day covers, in UTC minutes; None without a day, clock or offset."""
    if value.clock is None or value.earliest is None or value.earliest != value.latest:
        return None
    shift = offset(value.zone, value.earliest)
    if shift is None:
        return None
    first, last = clock_minutes(value.clock)
    base = value.earliest.toordinal() * 1440 - shift.total_seconds() / 60
    return base + first, base + last


def zones_explain_one_day(a: TimeValue, b: TimeValue) -> str | None:
    """Why two days one apart may be one moment: the later one in a zone east of the other's; None if not."""
    if a.earliest is None or b.earliest is None or a.earliest != a.latest or b.earliest != b.latest:
        return None
    if abs((a.earliest - b.earliest).days) != 1:
        return None
    early, late = (a, b) if a.earliest < b.earliest else (b, a)
    assert early.earliest is not None and late.earliest is not None
    east, west = offset(late.zone, late.earliest), offset(early.zone, early.earliest)
    if east is None or west is None or east <= west:
        return None
    return f"the time zones ({offset_text(west)}, {offset_text(east)}) may make them one moment"


def timex_text(value: TimeValue) -> str:
    """How an unresolved time reads: "XXXX-10-29", "XXXX-05 (end)", "a Thursday"."""
    timex = value.timex or "unresolved"
    weekday = _TIMEX_WEEKDAY.match(timex)
    text = f"a {WEEKDAYS[int(weekday.group(1)) - 1]}" if weekday else timex
    kept = [m for m in value.modifiers if m in ("start", "mid", "end", "by", "before", "since")]
    return text + (f" ({', '.join(kept)})" if kept else "")


def placed(value: TimeValue, year: int) -> TimeValue | None:
    """An unresolved day or month of a year-less time put in ``year`` (its part kept); None if it cannot be."""
    timex = value.timex or ""
    day = _TIMEX_DAY.match(timex)
    month = _TIMEX_MONTH.match(timex)
    try:
        if day:
            first = last = dt.date(year, int(day.group(1)), int(day.group(2)))
        elif month:
            number = int(month.group(1))
            first = dt.date(year, number, 1)
            last = dt.date(year + number // 12, number % 12 + 1, 1) - dt.timedelta(days=1)
            if "end" in value.modifiers:
                first = dt.date(year, number, 16)
            elif "start" in value.modifiers:
                last = dt.date(year, number, 15)
            elif "mid" in value.modifiers:
                first, last = dt.date(year, number, 11), dt.date(year, number, 20)
        else:
            return None
    except ValueError:
        return None
    if "by" in value.modifiers:
        first = None  # type: ignore[assignment]
    return value.model_copy(update={"earliest": first, "latest": last, "timex": None})


def weekday_of(value: TimeValue) -> int | None:
    """The weekday (0 = Monday) an unresolved weekday names, if it is one."""
    found = _TIMEX_WEEKDAY.match(value.timex or "")
    return int(found.group(1)) - 1 if found else None
