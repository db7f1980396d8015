"""Calendar arithmetic for the time recognizer: periods, parts of periods, shifts."""

from __future__ import annotations

import calendar
import datetime as dt

Period = tuple[dt.date, dt.date]  # inclusive


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (Feb 30) or is out of range."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def month_period(year: int, month: int) -> Period | None:
    """The first and last day of a month."""
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def year_period(year: int) -> Period | None:
    """The first and last day of a year."""
    if not 1 <= year <= 9999:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def months_period(year: int, first: int, count: int) -> Period | None:
    """``count`` months starting at month ``first`` of ``year`` (may run into the next year)."""
    start = month_period(year, first)
    end_month = first + count - 1
    end = month_period(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1)
    if start is None or end is None:
        return None
    return start[0], end[1]


def week_period(day: dt.date) -> Period:
    """The Monday-to-Sunday week containing ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def add_months(day: dt.date, months: int) -> dt.date | None:
    """``day`` moved by whole months, the day clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        return None
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, amount: int, unit: int) -> dt.date | None:
    """``day`` moved by ``amount`` units; unit is the day count of the data (1, 7, 30, 365, 3650)."""
    try:
        if unit in (1, 7, 14):
            return day + dt.timedelta(days=amount * unit)
        if unit == 30:
            return add_months(day, amount)
        if unit == 365:
            return add_months(day, 12 * amount)
        if unit == 3650:
            return add_months(day, 120 * amount)
    except OverflowError:
        return None
    return None


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The ``nth`` (1-based; -1 = last) ``weekday`` of a month, or None when there is none."""
    period = month_period(year, month)
    if period is None:
        return None
    first, last = period
    if nth > 0:
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return day if day <= last else None
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def nth_week(period: Period, nth: int) -> Period | None:
    """The ``nth`` (1-based; -1 = last) Monday-to-Sunday week of a month or year, or None when there is none.

    A week belongs to the period that holds most of its days (four or more), as ISO 8601 counts the
    weeks of a year: the first week of October 2016 starts on Monday 3 October, since Monday
    26 September holds only two of its days.
    """
    first, last = period
    if nth > 0:
        monday = first - dt.timedelta(days=first.weekday())
        if first.weekday() > 3:  # Friday to Sunday: most of that week lies before the period
            monday += dt.timedelta(days=7)
        monday += dt.timedelta(days=7 * (nth - 1))
        if monday + dt.timedelta(days=3) > last:
            return None
    else:
        monday = last - dt.timedelta(days=last.weekday())
        if last.weekday() < 3:  # Monday to Wednesday: most of that week lies after the period
            monday -= dt.timedelta(days=7)
    return monday, monday + dt.timedelta(days=6)


def part(period: Period, which: str, halves: bool = False) -> Period:
    """The start, middle or end part of a period (the modifiers "early", "mid", "late").

    Years and other long periods split in thirds ("late 2023" = September to
    December) or, with ``halves``, in halves ("late this year" = July to
    December, the Recognizers-Text convention for relative years); months
    split at the 15th/16th ("mid" = 10th-20th); weeks into Monday-Wednesday,
    Tuesday-Friday, Thursday-Sunday.
    """
    first, last = period
    days = (last - first).days + 1
    if days == 7:
        offsets = {"start": (0, 2), "mid": (1, 4), "end": (3, 6)}[which]
        return first + dt.timedelta(days=offsets[0]), first + dt.timedelta(days=offsets[1])
    if days <= 31:
        if which == "start":
            return first, min(last, first + dt.timedelta(days=14))
        if which == "mid":
            return first + dt.timedelta(days=9), min(last, first + dt.timedelta(days=19))
        return first + dt.timedelta(days=15), last
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if halves and months % 2 == 0 and which != "mid":
        size = months // 2
        start_index = 0 if which == "start" else size
    else:
        size = max(1, months // 3)
        start_index = {"start": 0, "mid": size, "end": months - size}[which]
    begin = add_months(first.replace(day=1), start_index) or first
    end_first = add_months(first.replace(day=1), start_index + size - 1) or last
    end = month_period(end_first.year, end_first.month)
    return begin, (end[1] if end else last)
