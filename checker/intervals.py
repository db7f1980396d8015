"""Values as numeric intervals, and the relations between two intervals.

Times become day ordinals (inclusive), quantities their literal and typical
intervals, money and percentages their amount intervals. A round figure
carries its own precision: "2.5 billion" stands for 2.45 to 2.55 billion.
"""

from __future__ import annotations

import math
import re
from typing import Literal, NamedTuple

from checker.records import Interval, MoneyValue, PercentValue, QuantityValue, TimeValue

Relation = Literal["equal", "contains", "within", "overlap", "disjoint"]


class Bounds(NamedTuple):
    """A closed-or-open numeric interval; ``None`` is unbounded.

    A tuple, not a frozen dataclass: comparison makes several per pair of claims, and a tuple is built
    in C.
    """

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


def rounding_precision(value: float, text: str | None = None) -> float:
    """Half the unit of the last digit a figure was written with, as far as it says.

    Large amounts are written as a few digits and a scale word, and the digits carry the
    precision: "1.5 billion" stands for 1.45 to 1.55 billion, "840 million" for 835 to 845
    million. A smaller round figure ("500", "3 000") stands for what rounds to it, but no
    farther than ``ROUND_SHARE`` of it: a writer who rounds 296 to "300" is rounding, one who
    writes "400" for 383 is giving another figure. A figure with decimals ("5.6") stands
    for what rounds to it at those decimals.
    """
    magnitude = abs(value)
    if not math.isfinite(value) or magnitude == 0:
        return 0.0
    # "1,000,000" written out in digits says no more than "500" does; "1 million" says its scale.
    written_out = text is not None and len(_DIGIT.findall(text)) >= len(str(int(magnitude)))
    if magnitude >= 1_000_000 and not written_out:
        scale = 1e9 if magnitude >= 1e9 else 1e6
        mantissa = f"{magnitude / scale:.3f}".rstrip("0").rstrip(".")
        decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
        if decimals == 0:
            return min(_last_digit(magnitude) / 2, scale / 2)
        return scale * 10.0 ** -decimals / 2
    written = f"{magnitude:.6f}".rstrip("0").rstrip(".")
    if "." in written:
        return 10.0 ** -len(written.split(".")[1]) / 2
    return min(_last_digit(magnitude) / 2, magnitude * ROUND_SHARE)


_DIGIT = re.compile(r"\d")
# How far a round figure written out in digits may stand from what it rounds.
ROUND_SHARE = 0.025


def _last_digit(integer: float) -> float:
    """The place of the last non-zero digit of a whole number (1 for 491, 100 for 500)."""
    unit = 1.0
    number = round(integer)
    while number and number % 10 == 0:
        number //= 10
        unit *= 10
    return unit


def widened(bounds: Bounds, text: str | None = None) -> Bounds:
    """A point figure widened to the precision it was written at (``text``: as written, when known)."""
    if not bounds.is_point() or bounds.low is None:
        return bounds
    half = rounding_precision(bounds.low, text)
    if not half:
        return bounds
    return Bounds(bounds.low - half, bounds.low + half, True, False)


def scaled(bounds: Bounds, factor: float, offset: float = 0.0) -> Bounds:
    """``bounds`` in another unit: each bound times ``factor`` plus ``offset``."""
    def convert(x: float | None) -> float | None:
        return None if x is None else x * factor + offset
    return Bounds(convert(bounds.low), convert(bounds.high), bounds.low_inclusive, bounds.high_inclusive)


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
