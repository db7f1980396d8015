"""Typed comparators: two values of one attribute -> a verdict, a severity and a one-line reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker import catalogue
from checker.compare import moments
from checker.intervals import (
    Bounds,
    Relation,
    amount_bounds,
    gap,
    quantity_bounds,
    relation,
    scaled,
    time_bounds,
    widened,
)
from checker.records import (
    EntityValue,
    MoneyValue,
    PercentValue,
    QuantityValue,
    Severity,
    TimeValue,
    Value,
    Verdict,
)


@dataclass(frozen=True)
class Outcome:
    """What comparing two values found."""

    verdict: Verdict
    severity: Severity
    reason: str


def _num(x: float | None) -> str:
    if x is None:
        return "∞"
    if abs(x) >= 1e9 and x % 1e7 == 0:
        return f"{x / 1e9:g} billion"
    if abs(x) >= 1e6 and x % 1e4 == 0:
        return f"{x / 1e6:g} million"
    return f"{x:,.10g}"


def _interval_text(b: Bounds) -> str:
    if b.is_point():
        return _num(b.low)
    if b.high is None:
        return f"{'≥' if b.low_inclusive else '>'} {_num(b.low)}"
    if b.low is None:
        return f"{'≤' if b.high_inclusive else '<'} {_num(b.high)}"
    return f"{'[' if b.low_inclusive else '('}{_num(b.low)}, {_num(b.high)}{']' if b.high_inclusive else ')'}"


def _time_text(value: TimeValue) -> str:
    e, lt = value.earliest, value.latest
    if e is None and lt is None and value.timex:
        return moments.timex_text(value)
    if e is None and lt is None and value.clock:
        return value.clock + (f" ({value.zone})" if value.zone else "")  # a time of day on a day not given
    if e and "since" in value.modifiers:
        # "since March 2009": March 2009 and on.
        return f"since {_time_text(value.model_copy(update={'modifiers': ()}))}"
    if value.clock and e and e == lt:
        return f"{e.isoformat()} {value.clock}" + (f" ({value.zone})" if value.zone else "")
    if e and lt:
        if value.granularity == "day" and e == lt:
            return e.isoformat()
        if value.granularity == "month":
            return e.isoformat()[:7]
        if value.granularity == "year":
            return str(e.year)
        return f"{e.isoformat()}..{lt.isoformat()}"
    if lt:
        return f"by {lt.isoformat()}"
    if e:
        return f"from {e.isoformat()}"
    return "unresolved"


def describe(value: Value) -> str:
    """A short, canonical text for a normalized value (also the identity of a distinct value)."""
    if isinstance(value, TimeValue):
        return _time_text(value)
    if isinstance(value, QuantityValue):
        literal, typical = quantity_bounds(value)
        text = _interval_text(literal)
        if typical != literal:
            text += f" (typically {_interval_text(typical)})"
        return text + (f" {value.unit}" if value.unit else "")
    if isinstance(value, MoneyValue):
        bounds = amount_bounds(value)
        return (_interval_text(bounds) if bounds else "?") + f" {value.currency or '(no currency)'}"
    if isinstance(value, PercentValue):
        bounds = amount_bounds(value)
        return (_interval_text(bounds) if bounds else "?") + " %"
    if isinstance(value, EntityValue):
        return value.name
    return str(getattr(value, "text", ""))


def _distance_words(days: float) -> str:
    if days < 1:
        return "adjacent"
    if days < 45:
        return f"{int(days)} day{'s' if days >= 2 else ''} apart"
    months = round(days / 30.44)
    if months < 12:
        return f"about {months} months apart"
    years = round(days / 365.25)
    return f"about {years} year{'s' if years > 1 else ''} apart"


def _middle(bounds: Bounds) -> float:
    low = bounds.low if bounds.low is not None else bounds.high
    high = bounds.high if bounds.high is not None else bounds.low
    return ((low or 0.0) + (high or 0.0)) / 2


def _starting_point(value: TimeValue) -> TimeValue:
    """ "since 2018" says when something began: 2018, not 2018 until today."""
    if "since" not in value.modifiers or value.earliest is None:
        return value
    start = value.earliest
    if value.granularity == "year":
        end = dt.date(start.year, 12, 31)
    elif value.granularity == "month":
        end = (dt.date(start.year + start.month // 12, start.month % 12 + 1, 1) - dt.timedelta(days=1))
    else:
        end = start
    return value.model_copy(update={"latest": end})


def compare_times(a: TimeValue, b: TimeValue) -> Outcome | None:
    """Dates as intervals: equal agree, nested are compatible, disjoint conflict (severity by distance).

    Times of day compare at their own precision, as instants when both zones are known; a one-day
    difference that the zones explain is a note; a time without a year meets a dated one in the
    years around it (``moments``).
    """
    a, b = _starting_point(a), _starting_point(b)
    ba, bb = time_bounds(a), time_bounds(b)
    if ba is None or bb is None:
        return _compare_unresolved(a, b)
    ta, tb = _time_text(a), _time_text(b)
    at_a, at_b = moments.instants(a), moments.instants(b)
    if at_a is not None and at_b is not None:
        return _compare_instants(Bounds(*at_a), Bounds(*at_b), ta, tb)
    rel = relation(ba, bb)
    if rel == "disjoint":
        # Distance between the middles of the two periods: "2016" and "2017" touch, yet are a year apart.
        days = max(gap(ba, bb), abs(_middle(ba) - _middle(bb)))
        severity: Severity = "hard" if days >= 28 else "soft"
        reason = f"{ta} vs {tb}: {_distance_words(days)}"
        explained = moments.zones_explain_one_day(a, b)
        if explained is not None:
            return Outcome("conflict", "info", f"{reason}; {explained}")
        return Outcome("conflict", severity, reason)
    if rel == "equal" and a.clock and b.clock:
        return _compare_clocks(a.clock, b.clock, ta, tb)
    if rel == "equal":
        return Outcome("agreement", "info", f"{ta} and {tb} are the same time")
    if rel == "overlap":
        return Outcome("agreement" if a.granularity == b.granularity else "compatible", "info",
                       f"{ta} and {tb} overlap")
    inner, outer = (tb, ta) if rel == "contains" else (ta, tb)
    return Outcome("compatible", "info", f"{inner} lies within {outer}: same fact, different precision")


def _compare_instants(ba: Bounds, bb: Bounds, ta: str, tb: str) -> Outcome:
    """Two times of day with known zones, as the minutes they cover."""
    rel = relation(ba, bb)
    if rel == "disjoint":
        minutes = max(gap(ba, bb), 1.0)
        severity: Severity = "soft" if minutes < 24 * 60 else "hard"
        apart = f"{int(minutes)} minutes apart" if minutes < 120 else f"{minutes / 60:.0f} hours apart"
        return Outcome("conflict", severity, f"{ta} vs {tb}: {apart}")
    if rel == "equal":
        return Outcome("agreement", "info", f"{ta} and {tb} are the same moment")
    if rel == "overlap":
        return Outcome("agreement", "info", f"{ta} and {tb} overlap")
    inner, outer = (tb, ta) if rel == "contains" else (ta, tb)
    return Outcome("compatible", "info", f"{inner} lies within {outer}: same moment, different precision")


def _clock_relation(clock_a: str, clock_b: str) -> Relation:
    """How two times of day ("09:30", "22:00-23:59") stand, as the minutes they cover."""
    (a_first, a_last), (b_first, b_last) = moments.clock_minutes(clock_a), moments.clock_minutes(clock_b)
    return relation(Bounds(float(a_first), float(a_last)), Bounds(float(b_first), float(b_last)))


def _compare_clocks(clock_a: str, clock_b: str, ta: str, tb: str) -> Outcome:
    """Two times of day on one day whose zones are not both known: read as written."""
    rel = _clock_relation(clock_a, clock_b)
    if rel in ("equal", "overlap"):
        return Outcome("agreement", "info", f"{ta} and {tb} are the same time of day (zones read as written)")
    if rel == "disjoint":
        # Without both zones the clocks may be one moment read in two places ("early Tuesday" in New York).
        return Outcome("compatible", "info", f"{ta} and {tb}: the same day; the times of day differ, but their "
                                             f"zones are not both known")
    inner, outer = (tb, ta) if rel == "contains" else (ta, tb)
    return Outcome("compatible", "info", f"{inner} lies within {outer}: same day, different precision")


def _compare_bare_clocks(clock_a: str, clock_b: str, ta: str, tb: str) -> Outcome | None:
    """Two times of day, one of them or both on a day the text does not give ("at 11:11 p.m."): the same
    time agrees, a time within a part of the day is compatible; two different times may be two days."""
    rel = _clock_relation(clock_a, clock_b)
    if rel in ("equal", "overlap"):
        return Outcome("agreement", "info", f"{ta} and {tb} are the same time of day (the day not given)")
    if rel == "disjoint":
        return None
    inner, outer = (tb, ta) if rel == "contains" else (ta, tb)
    return Outcome("compatible", "info", f"{inner} lies within {outer} (the day not given)")


def _compare_unresolved(a: TimeValue, b: TimeValue) -> Outcome | None:
    """Times without a year on one side or both, compared as what they are."""
    ta, tb = _time_text(a), _time_text(b)
    partial_a, partial_b = time_bounds(a) is None, time_bounds(b) is None
    if a.clock and b.clock and ((partial_a and not a.timex) or (partial_b and not b.timex)):
        return _compare_bare_clocks(a.clock, b.clock, ta, tb)
    if (partial_a and not a.timex) or (partial_b and not b.timex):
        return None
    if partial_a and partial_b:
        return _compare_timexes(a, b, ta, tb)
    loose, dated = (a, b) if partial_a else (b, a)
    shown_loose, shown_dated = (ta, tb) if partial_a else (tb, ta)
    weekday = moments.weekday_of(loose)
    if weekday is not None:
        if dated.earliest is None or dated.earliest != dated.latest:
            return None
        named = moments.WEEKDAYS[dated.earliest.weekday()]
        if dated.earliest.weekday() == weekday:
            return Outcome("compatible", "info", f"{shown_dated} is {shown_loose}")
        return Outcome("conflict", "soft", f"{shown_loose} vs {shown_dated}, a {named}")
    year = (dated.earliest or dated.latest).year  # type: ignore[union-attr]
    for candidate in (year, year - 1, year + 1):
        put = moments.placed(loose, candidate)
        if put is None:
            return None
        met = compare_times(put, dated)
        if met is not None and met.verdict in ("agreement", "compatible"):
            return Outcome("compatible", "info", f"{shown_loose} and {shown_dated} meet if the year is {candidate}")
    return Outcome("conflict", "soft", f"{shown_loose} vs {shown_dated}: no year makes them meet")


def _compare_timexes(a: TimeValue, b: TimeValue, ta: str, tb: str) -> Outcome | None:
    """Two times without a year: the same day, month or weekday agrees; another of the same kind does not."""
    if ta == tb:
        return Outcome("agreement", "info", f"{ta} and {tb} are the same (the year is not given)")
    if (moments.weekday_of(a) is None) != (moments.weekday_of(b) is None):
        return None
    for year in (2001, 2004):  # a common and a leap year: no day of the year is missing from both
        pa, pb = moments.placed(a, year), moments.placed(b, year)
        if pa is not None and pb is not None:
            met = compare_times(pa, pb)
            if met is None:
                return None
            if met.verdict != "conflict":
                return Outcome(met.verdict, "info", f"{ta} and {tb}: same time of the year, the year not given")
            return Outcome("conflict", "soft", f"{ta} vs {tb} (the year not given)")
    return Outcome("conflict", "soft", f"{ta} vs {tb}") if moments.weekday_of(a) is not None else None


def _nested(rel: str, ta: str, tb: str, points: bool = False) -> Outcome:
    """Equal or overlapping values agree; nested ones are compatible, unless both are figures that meet only
    within their rounding ("300" and "296"): those agree."""
    if rel == "equal" or (points and rel != "overlap"):
        return Outcome("agreement", "info", f"{ta} and {tb} agree" + (" within rounding" if rel != "equal" else ""))
    if rel == "overlap":
        return Outcome("agreement", "info", f"{ta} and {tb} overlap")
    inner, outer = (tb, ta) if rel == "contains" else (ta, tb)
    return Outcome("compatible", "info", f"{inner} lies within {outer}")


def _in_common_unit(a: QuantityValue, b: QuantityValue) -> tuple[float, float, float, float] | None:
    """Factors and offsets that bring ``a`` and ``b`` to one unit, or None when they do not convert.

    Units of one dimension convert ("296 millimetres" and "300 litres per square metre"); a count
    of people and a count of visitors are counts alike; a length and a mass do not compare.
    """
    if a.unit == b.unit:
        return 1.0, 0.0, 1.0, 0.0
    ua, ub = catalogue.unit(a.unit), catalogue.unit(b.unit)
    if ua is not None and ub is not None:
        # Two counts of different things ("3 models", "150,000 units") are no measures of one quantity.
        if ua.dimension != ub.dimension or ua.dimension in catalogue.COUNTS:
            return None
        return ua.factor, ua.offset, ub.factor, ub.offset
    # A point on a scale fits a bare number and a noun it qualifies: "magnitude 7", "a magnitude 6.8
    # earthquake" and "6.9级" are three readings of one scale.
    if (ua is None and ub is not None and ub.dimension == "scale") or (
            ub is None and ua is not None and ua.dimension == "scale"):
        return 1.0, 0.0, 1.0, 0.0
    # A free noun ("visitors") or none: a count, comparable with a count of people or things.
    counts = catalogue.COUNTS
    if (ua is None or ua.dimension in counts) and (ub is None or ub.dimension in counts):
        return 1.0, 0.0, 1.0, 0.0
    return None


def compare_quantities(a: QuantityValue, b: QuantityValue, text_a: str, text_b: str,
                       described: tuple[str, str] | None = None) -> Outcome | None:
    """Literal intervals disjoint: hard conflict; only typical ones disjoint: soft conflict, spelled out.

    Values in units that convert are compared in one unit, each widened to the precision it was written at.
    """
    common = _in_common_unit(a, b)
    if common is None:
        return None
    fa, oa, fb, ob = common
    la, ta = quantity_bounds(a)
    lb, tb = quantity_bounds(b)
    la, lb = scaled(widened(la, text_a), fa, oa), scaled(widened(lb, text_b), fb, ob)
    ta, tb = scaled(widened(ta, text_a), fa, oa), scaled(widened(tb, text_b), fb, ob)
    rel = relation(la, lb)
    if rel == "disjoint":
        shown_a, shown_b = described or (describe(a), describe(b))
        return Outcome("conflict", "hard",
                       f"'{text_a}' ({shown_a}) and '{text_b}' ({shown_b}) cannot both hold")
    if relation(ta, tb) == "disjoint":
        return Outcome("conflict", "soft",
                       f"'{text_a}' usually means {_interval_text(quantity_bounds(a)[1])}, "
                       f"'{text_b}' {_interval_text(quantity_bounds(b)[1])}")
    points = quantity_bounds(a)[0].is_point() and quantity_bounds(b)[0].is_point()
    return _nested(rel, f"'{text_a}'", f"'{text_b}'", points)


def compare_amounts(a: MoneyValue | PercentValue, b: MoneyValue | PercentValue, text_a: str,
                    text_b: str, described: tuple[str, str] | None = None) -> Outcome | None:
    """Money (same currency only: no rates are assumed) and percentages as amount intervals."""
    if isinstance(a, MoneyValue) and isinstance(b, MoneyValue) and a.currency != b.currency:
        return None
    ba, bb = amount_bounds(a), amount_bounds(b)
    if ba is None or bb is None:
        return None
    points = ba.is_point() and bb.is_point()
    ba, bb = widened(ba, text_a or None), widened(bb, text_b or None)
    rel = relation(ba, bb)
    if rel == "disjoint":
        shown_a, shown_b = described or (describe(a), describe(b))
        return Outcome("conflict", "hard", f"'{text_a}' ({shown_a}) vs '{text_b}' ({shown_b})")
    return _nested(rel, f"'{text_a}'", f"'{text_b}'", points)


def compare_people(a: EntityValue, b: EntityValue, same: bool) -> Outcome:
    """Who holds a title: the same person agrees; two different people conflict softly (titles can be shared)."""
    if same:
        return Outcome("agreement", "info", f"{a.name} and {b.name} are the same person")
    return Outcome("conflict", "soft", f"{a.name} vs {b.name}: different people named to the same title")


def compare(a: Value, b: Value, text_a: str = "", text_b: str = "", same_person: bool = False,
            described: tuple[str, str] | None = None) -> Outcome | None:
    """Compare two values of the same type; ``None`` when they cannot be compared.

    ``described``: ``describe(a)`` and ``describe(b)`` when the caller has them already.
    """
    if isinstance(a, TimeValue) and isinstance(b, TimeValue):
        return compare_times(a, b)
    if isinstance(a, QuantityValue) and isinstance(b, QuantityValue):
        return compare_quantities(a, b, text_a, text_b, described)
    if isinstance(a, (MoneyValue, PercentValue)) and type(a) is type(b):
        return compare_amounts(a, b, text_a, text_b, described)
    if isinstance(a, EntityValue) and isinstance(b, EntityValue):
        return compare_people(a, b, same_person)
    return None

