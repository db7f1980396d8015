"""When two claims of one fact are about the same thing: their scopes, slot by slot.

A scope slot given on both sides must agree: a different place, group, instance,
period, basis, statistic, variant, party or object keeps the claims apart (never a
conflict). Different counting bodies ("according to the police" / "the unions") are
two counts of one thing: they meet, and a disagreement between them is *attributed*.

A slot given on one side only:

- place: the figure without a place is assumed to be about the same place, at lower
  confidence, and the reason says so, unless the place is one part of a whole ("in X
  alone", "followed by X, where ..."): a part and a whole are two figures; a duration
  with a place is the time spent there ("a few days on the surface"), a part of a
  duration without one;
- source: assumed the same counting body, at lower confidence;
- statistic: a plain figure may be an average, never a peak;
- variant: a named version ("the Max") is another product than the unnamed one,
  unless the scope word is one a plain claim may stand for ("the first model"); a list
  of versions ("max; pro") meets each of them;
- period: a figure without one speaks of the time it was stated, so it meets a period
  that holds that day and no other;
- basis: a figure without one has its fact's usual basis (a capacity is per year,
  a count of visitors a total);
- group, instance, party, object: apart.

A forecast or a target ("could reach", "analysts expect", "aims for") is another instance
than a count: it never meets one. A cumulative fact (a toll) stated on different
days, or on a day one side does not give, is an update, not a contradiction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from checker import catalogue
from checker.countries import country_of
from checker.intervals import Bounds, amount_bounds, quantity_bounds
from checker.records import SCOPE_LIST, Claim, MoneyValue, PercentValue, QuantityValue, Scope, TimeValue

ASSUMED_CONFIDENCE = 0.8
# Two place names are one place when they are this close ("Lisbon" / "Lisbonne", "Bavaria" / "Bavière").
PLACE_SIMILARITY = 80.0
_SLOTS = tuple(Scope.model_fields)
# Slots that must be equal or absent on both sides.
_STRICT = ("group", "instance", "party", "object")


@dataclass
class Met:
    """Two claims that may be about the same thing: how sure, what was assumed, and how to read a disagreement."""

    confidence: float = 1.0
    assumed: list[str] = field(default_factory=list)
    attributed: str | None = None
    updated: str | None = None

    def assume(self, note: str) -> None:
        self.confidence *= ASSUMED_CONFIDENCE
        self.assumed.append(note)


def signature(claim: Claim) -> tuple[str, ...]:
    """What of a claim besides its fact, subject and value tells it apart: its scope and its kind of statement."""
    scope = tuple("" if (value := getattr(claim.scope, name)) is None else str(value) for name in _SLOTS)
    return (*scope, (claim.language or "") if claim.attribute.startswith("open:") else "")


def meet(a: Claim, b: Claim, fact: catalogue.Fact | None, shared_documents: set[str]) -> Met | None:
    """How claims ``a`` and ``b`` of one fact meet, or None when their scopes keep them apart."""
    sa, sb = a.scope, b.scope
    met = Met()
    same_article = bool(shared_documents)
    # An altitude or a temperature that changes along the story: one article's two figures are two moments.
    if same_article and fact is not None and fact.varies and not fact.cumulative:
        return None
    # A day's share move stated on two days, or on days one cannot tell, is about two days.
    if fact is not None and fact.daily and not same_article and (sa.as_of != sb.as_of or sa.as_of is None):
        return None
    for slot in _STRICT:
        if getattr(sa, slot) != getattr(sb, slot):
            return None
    if not _places_meet(sa, sb, same_article, met, stay=fact is not None and fact.dimension == "duration"):
        return None
    if not _variants_meet(sa, sb, met):
        return None
    if not _periods_meet(sa, sb, met, same_article):
        return None
    default = fact.basis if fact is not None else None
    if (sa.basis or default) != (sb.basis or default):
        return None
    if sa.statistic != sb.statistic:
        named = sa.statistic or sb.statistic
        value = catalogue.scope_value("statistic", named) if named else None
        if (sa.statistic and sb.statistic) or value is None or not value.implied:
            return None
        met.assume(f"the {named}")
    if sa.source != sb.source:
        if sa.source and sb.source:
            met.attributed = f"{sa.source} / {sb.source}"
        else:
            met.assume(f"counted by {sa.source or sb.source}")
    # A forecast or a target is revised over time: two of them stated on different days are an update.
    revised = sa.instance in _REVISED and not same_article
    if fact is not None and (fact.cumulative or fact.varies or revised) and not isinstance(a.value.value, TimeValue):
        met.updated = _update(a, b, fact)
    return met


# The instances that are revised over time rather than counted once (see ``meet``).
_REVISED = frozenset({"forecast", "target"})


def _update(a: Claim, b: Claim, fact: catalogue.Fact) -> str | None:
    """How a growing (or varying) figure stated twice reads: an update, or None when it cannot be one.

    A toll stated on two days is updated by the later figure, unless the later is the smaller one: a
    count that only grows cannot shrink. A figure that rises and falls (people missing) may do either.
    """
    sa, sb = a.scope, b.scope
    if sa.as_of is None or sb.as_of is None:
        return "a figure that changes over time, one of them undated: the later may update the earlier"
    if sa.as_of == sb.as_of:
        # Two articles of one day on a figure that moves during the day (a share price): two moments of it.
        if fact.daily and a.document != b.document:
            return f"a figure that moves during the day, stated twice on {sa.as_of}: two moments of one day"
        return None
    earlier, later = (a, b) if sa.as_of < sb.as_of else (b, a)
    when = f"stated on {earlier.scope.as_of} and on {later.scope.as_of}"
    if fact.cumulative and _smaller(later, earlier):
        return None
    return f"a figure that changes over time, {when}: the later updates the earlier"


def _smaller(later: Claim, earlier: Claim) -> bool:
    """Whether the later figure lies wholly below the earlier one."""
    earlier_bounds, later_bounds = _literal_bounds(earlier), _literal_bounds(later)
    return (earlier_bounds is not None and later_bounds is not None and earlier_bounds.low is not None
            and later_bounds.high is not None and later_bounds.high < earlier_bounds.low)


def _literal_bounds(claim: Claim) -> Bounds | None:
    """The interval a count or an amount literally states; None for other values."""
    value = claim.value.value
    if isinstance(value, QuantityValue):
        return quantity_bounds(value)[0]
    if isinstance(value, (MoneyValue, PercentValue)):
        return amount_bounds(value)
    return None


def _places_meet(sa: Scope, sb: Scope, same_article: bool, met: Met, stay: bool = False) -> bool:
    if sa.place is None and sb.place is None:
        return True
    if sa.place is None or sb.place is None:
        # "40 dead in the northern region alone" is a part of a whole that a figure without a place may be;
        # so is a time spent somewhere ("a few days on the surface") of a duration without a place (``stay``).
        if sa.part or sb.part or stay:
            return False
        met.assume(f"the same place as '{sa.place or sb.place}'")
        return True
    return same_place(sa.place, sb.place)


def same_place(a: str, b: str) -> bool:
    """Whether two places (each "; "-joined keys) can be one: a shared or closely spelled name, or one
    country's names in two languages.

    A common place noun ("earth") holds every named place; two common nouns must be equal.
    """
    keys_a, keys_b = a.split("; "), b.split("; ")
    for x in keys_a:
        for y in keys_b:
            if x == y:
                return True
            common_x, common_y = _common(x), _common(y)
            if common_x or common_y:
                # A named place is on Earth: a terrestrial common place holds it.
                holder = common_x if common_y is None else common_y if common_x is None else None
                if holder is not None and holder.terrestrial:
                    return True
                continue
            if fuzz.ratio(x, y) >= PLACE_SIMILARITY:
                return True
            country = country_of(x)
            if country is not None and country == country_of(y):
                return True  # "Spain" / "Espagne" / "西班牙"
    return False


def _common(key: str) -> catalogue.Place | None:
    """The common place ("~moon") a key stands for, or None for a name's key."""
    return catalogue.place(key[1:]) if key.startswith(catalogue.COMMON_PLACE) else None


def _variants_meet(sa: Scope, sb: Scope, met: Met) -> bool:
    if sa.variant == sb.variant:
        return True
    if sa.variant and sb.variant:
        # A fact dated for several variants at once ("the Max and the Pro by May") holds for each.
        return not set(sa.variant.split(SCOPE_LIST)).isdisjoint(sb.variant.split(SCOPE_LIST))
    named = sa.variant or sb.variant
    assert named is not None
    if SCOPE_LIST in named:
        return False
    value = catalogue.scope_value("variant", named)
    if value is not None and value.implied:
        met.assume(f"the {named}")
        return True
    return False


def _periods_meet(sa: Scope, sb: Scope, met: Met, same_article: bool) -> bool:
    if sa.period == sb.period:
        return True
    if sa.period and sb.period:
        return _same_period(sa.period, sb.period)
    period, stated = (sa.period, sb.as_of) if sa.period else (sb.period, sa.as_of)
    assert period is not None
    interval = _calendar(period)
    if interval is None:
        return False
    if stated is None:
        # A figure from an undated article may be of any period: assumed the same, across articles.
        if same_article:
            return False
        met.assume(f"the period {period}")
        return True
    day = dt.date.fromisoformat(stated)
    if interval[0] <= day <= interval[1]:
        met.assume(f"the period {period}")
        return True
    return False


def _same_period(a: str, b: str) -> bool:
    """Two durations that overlap ("24 hours" / "one day"); calendar periods must be equal."""
    da, db = _duration(a), _duration(b)
    if da is not None and db is not None:
        return da[0] <= db[1] and db[0] <= da[1]
    return False


def _duration(period: str) -> tuple[float, float] | None:
    if not period.endswith("s") or "-" not in period:
        return None
    low, high = period[:-1].split("s-")
    try:
        return float(low), float(high)
    except ValueError:
        return None


def _calendar(period: str) -> tuple[dt.date, dt.date] | None:
    if "/" not in period:
        return None
    low, high = period.split("/")
    try:
        return dt.date.fromisoformat(low), dt.date.fromisoformat(high)
    except ValueError:
        return None
