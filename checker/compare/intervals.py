"""Values as numeric intervals, and the relations between two intervals.

Times become day ordinals (inclusive), quantities their literal and typical
intervals, money and percentages their amount intervals. A round figure
carries its own precision: "2.5 billion" stands for 2.45 to 2.55 billion.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from checker.records import Interval, MoneyValue, PercentValue, QuantityValue, TimeValue

Relation = Literal["equal", "contains", "within", "overlap", "disjoint"]


@dataclass(frozen=True)
class Bounds:
    """A closed-or-open numeric interval; ``None`` is unbounded."""

    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True

    @classmethod
    def of(cls, interval: Interval) -> Bounds:
        return cls(interval.low, interval.high, interval.low_inclusive, interval.high_inclusive)

    def is_point(self) -> bool:
        return self.low is not None and self.low == self.high


def _below(a: Bounds, b: Bounds) -> bool:
    """Every point of ``a`` lies below every point of ``b``."""
    if a.high is None or b.low is None:
        return False
    return a.high < b.low or (a.high == b.low and not (a.high_inclusive and b.low_inclusive))


def _low_le(a: Bounds, b: Bounds) -> bool:
    """``a`` starts no later than ``b``."""
    if a.low is None:
        return True
    if b.low is None:
        return False
    return a.low < b.low or (a.low == b.low and (a.low_inclusive or not b.low_inclusive))


def _high_ge(a: Bounds, b: Bounds) -> bool:
    """``a`` ends no earlier than ``b``."""
    if a.high is None:
        return True
    if b.high is None:
        return False
    return a.high > b.high or (a.high == b.high and (a.high_inclusive or not b.high_inclusive))


def relation(a: Bounds, b: Bounds) -> Relation:
    """How ``a`` stands to ``b``; equal bounds count as equal whatever their open/closed flags."""
    if a.low == b.low and a.high == b.high:
        return "equal"
    if _below(a, b) or _below(b, a):
        return "disjoint"
    a_holds_b = _low_le(a, b) and _high_ge(a, b)
    b_holds_a = _low_le(b, a) and _high_ge(b, a)
    if a_holds_b and not b_holds_a:
        return "contains"
    if b_holds_a and not a_holds_b:
        return "within"
    return "equal" if a_holds_b else "overlap"


def gap(a: Bounds, b: Bounds) -> float:
    """Distance between two disjoint intervals (0 when they meet)."""
    if _below(a, b):
        return float((b.low or 0) - (a.high or 0))
    if _below(b, a):
        return float((a.low or 0) - (b.high or 0))
    return 0.0


def rounding_precision(value: float) -> float:
    """Half the unit of the last digit written before a scale word ("69 billion" -> 0.5 billion), else 0.

    Large amounts are written as a few digits and a scale word; the digits carry the precision
    ("1.5 billion" stands for 1.45 to 1.55 billion). Smaller figures are taken as exact.
    """
    magnitude = abs(value)
    if not math.isfinite(value) or magnitude < 1_000_000:
        return 0.0
    scale = 1e9 if magnitude >= 1e9 else 1e6
    mantissa = f"{magnitude / scale:.3f}".rstrip("0").rstrip(".")
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return scale * 10.0 ** -decimals / 2


def widened(bounds: Bounds) -> Bounds:
    """A point figure widened to the precision it was written at."""
    if not bounds.is_point() or bounds.low is None:
        return bounds
    half = rounding_precision(bounds.low)
    if not half:
        return bounds
    return Bounds(bounds.low - half, bounds.low + half, True, False)


def time_bounds(value: TimeValue) -> Bounds | None:
    """Inclusive day ordinals; ``None`` when the time could not be resolved to any date."""
    if value.earliest is None and value.latest is None:
        return None
    low = float(value.earliest.toordinal()) if value.earliest else None
    high = float(value.latest.toordinal()) if value.latest else None
    return Bounds(low, high)


def amount_bounds(value: MoneyValue | PercentValue) -> Bounds | None:
    """The amount interval of money or a percentage."""
    if value.low is None and value.high is None:
        return None
    return Bounds(value.low, value.high, value.low_inclusive, value.high_inclusive)


def quantity_bounds(value: QuantityValue) -> tuple[Bounds, Bounds]:
    """The literal and typical intervals of a quantity."""
    return Bounds.of(value.literal), Bounds.of(value.typical)
