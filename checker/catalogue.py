"""The catalogue of facts and units, shared by every language.

A *fact* is what a claim measures ("deaths", "deal-value", "landing"): a
language-neutral id with its value dimension, whether it is cumulative (a toll
that grows, orders to date), its neighbours and its default basis. A *unit*
is a language-neutral unit id ("kilometre", "horsepower") with its dimension
and its factor to the dimension's canonical unit, so that values in units that
convert are compared after conversion.

The catalogue lives in ``checker/lang/facts.toml`` and ``checker/lang/units.toml``;
the words for each fact are per language, in ``checker/lang/<lang>/facts.toml``.
Code never lists fact ids: what it needs to know about a fact, it reads here.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from checker.lang import LanguageDataError
from checker.records import MoneyValue, PercentValue, QuantityValue, TimeValue, Value

# What a value measures. "count" is a count of a noun the catalogue does not know (people or
# things), "number" a bare number with no noun at all.
Dimension = Literal["people", "things", "length", "area", "mass", "volume", "speed", "temperature", "power",
                    "torque", "energy", "money", "percent", "percent-point", "duration", "time", "scale"]
ValueDimension = Dimension | Literal["count", "number"]
COUNTS: frozenset[str] = frozenset({"people", "things"})
# A value of these dimensions has no unit of its own: a count or a bare number fits them.
_BARE_FITS: dict[str, frozenset[str]] = {
    "people": frozenset({"count", "number"}),
    "things": frozenset({"count", "number"}),
    "scale": frozenset({"number", "count"}),
}


class Fact(BaseModel):
    """One kind of fact news report, the same in every language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    domain: str
    about: str
    dimension: Dimension
    # Also takes the date it happened ("raised $40 million in May 2021": when the funding came).
    dated: bool = False
    # Grows over time (a toll, orders to date): a later, larger figure updates an earlier one.
    cumulative: bool = False
    # Rises and falls over time (people missing, in hospital): a figure of another day is an update.
    varies: bool = False
    # Holds for the day it is stated ("shares rose 3%"): figures of two days are about two days.
    daily: bool = False
    # Measures a group its noun names ("a team of 40"): a count of that noun ("the two teams") is no value of it.
    collective: bool = False
    # Facts close enough that their values are compared at lower confidence.
    neighbours: tuple[str, ...] = ()
    # The basis a claim has when its sentence names none ("an annual capacity" is the usual capacity).
    basis: str | None = None
    # A generic event ("started"): what starts is part of the fact ("production started").
    needs_object: bool = False
    # A bare number may be its value ("aged 34": years).
    bare: bool = False
    # Its subject may be a person (a visit, an appointment); other facts are about organizations or things.
    people: bool = False
    # Kept as claims but never compared: two articles written on two different days contradict nothing.
    compared: bool = True


class Unit(BaseModel):
    """A unit and how it converts: canonical = value * factor + offset."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    dimension: Dimension
    factor: float = 1.0
    offset: float = 0.0
    # Counts only right after its number: "1,200 trucks last month" is no count of months.
    adjacent: bool = False
    about: str = ""


class Place(BaseModel):
    """A place every language has a common noun for ("the Moon"); a terrestrial one holds every named place."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    terrestrial: bool = False


class ScopeValue(BaseModel):
    """A value a scope slot can hold ("basis" per-day); an implied one may be meant by a claim naming none."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    slot: str
    id: str
    implied: bool = False


class Catalogue(BaseModel):
    """Every fact, unit, scope value and common place."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    facts: tuple[Fact, ...]
    units: tuple[Unit, ...]
    values: tuple[ScopeValue, ...] = ()
    places: tuple[Place, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Catalogue:
        ids = [f.id for f in self.facts]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"facts listed twice: {doubles}")
        unknown = sorted({n for f in self.facts for n in f.neighbours if n not in ids})
        if unknown:
            raise ValueError(f"unknown neighbours: {unknown}")
        by_id = {f.id: f for f in self.facts}
        one_way = sorted((f.id, n) for f in self.facts for n in f.neighbours if f.id not in by_id[n].neighbours)
        if one_way:
            raise ValueError(f"neighbours must name each other: {one_way}")
        bases = {v.id for v in self.values if v.slot == "basis"}
        unknown = sorted({f.basis for f in self.facts if f.basis is not None and f.basis not in bases})
        if unknown:
            raise ValueError(f"default bases not among the scope values: {unknown}")
        units = [u.id for u in self.units]
        doubles = sorted({i for i in units if units.count(i) > 1})
        if doubles:
            raise ValueError(f"units listed twice: {doubles}")
        return self


def _read(name: str) -> dict[str, object]:
    resource = resources.files("checker.lang").joinpath(name)
    try:
        return tomllib.loads(resource.read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise LanguageDataError(f"{name}: {exc}") from exc


@cache
def catalogue() -> Catalogue:
    """The validated catalogue (read once per process)."""
    try:
        return Catalogue.model_validate({**_read("facts.toml"), **_read("units.toml"), **_read("scopes.toml")})
    except ValidationError as exc:
        raise LanguageDataError(f"facts.toml / units.toml do not match their schema: {exc}") from exc


@cache
def _facts() -> dict[str, Fact]:
    return {f.id: f for f in catalogue().facts}


@cache
def _units() -> dict[str, Unit]:
    return {u.id: u for u in catalogue().units}


def fact(fact_id: str) -> Fact | None:
    """The fact ``fact_id`` names, or None for an open fact (one the catalogue does not know)."""
    return _facts().get(fact_id)


def unit(unit_id: str | None) -> Unit | None:
    """The catalogue unit ``unit_id`` names, or None (a free noun: "visitors", "donors")."""
    return _units().get(unit_id) if unit_id else None


@cache
def _places() -> dict[str, Place]:
    return {p.id: p for p in catalogue().places}


# How a scope writes a common place ("~moon"), so that it is never taken for a name's key.
COMMON_PLACE = "~"


@cache
def _values() -> dict[tuple[str, str], ScopeValue]:
    return {(v.slot, v.id): v for v in catalogue().values}


def scope_value(slot: str, value_id: str) -> ScopeValue | None:
    """The scope value ``value_id`` of ``slot``, or None when the catalogue does not list it."""
    return _values().get((slot, value_id))


def place(place_id: str) -> Place | None:
    """The common place ``place_id`` names, or None."""
    return _places().get(place_id)


def value_dimension(value: Value) -> ValueDimension | None:
    """What ``value`` measures: a time, money, a percentage, or a quantity's dimension by its unit."""
    if isinstance(value, TimeValue):
        return "time"
    if isinstance(value, MoneyValue):
        return "money"
    if isinstance(value, PercentValue):
        return "percent"
    if isinstance(value, QuantityValue):
        if value.unit is None:
            return "number"
        known = unit(value.unit)
        return known.dimension if known is not None else "count"
    return None


def fits(the_fact: Fact, dimension: ValueDimension | None, *, dated_too: bool = True) -> bool:
    """Whether a value of ``dimension`` can be a value of ``the_fact`` (its dimension, or its date)."""
    if dimension is None:
        return False
    if dimension == the_fact.dimension or dimension in _BARE_FITS.get(the_fact.dimension, ()):
        return True
    if the_fact.bare and dimension == "number":
        return True
    return dated_too and the_fact.dated and dimension == "time"


def neighbours(a: str, b: str) -> bool:
    """Whether facts ``a`` and ``b`` are neighbours."""
    known = fact(a)
    return known is not None and b in known.neighbours


def family(fact_id: str) -> str:
    """The fact's family: the smallest id among it and the facts its neighbours reach (itself when unknown)."""
    return _families().get(fact_id, fact_id)


@cache
def _families() -> dict[str, str]:
    parent = {f.id: f.id for f in catalogue().facts}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for f in catalogue().facts:
        for other in f.neighbours:
            ra, rb = root(f.id), root(other)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {fid: root(fid) for fid in parent}


def sole_fact(dimension: ValueDimension | None) -> str | None:
    """The one fact that measures ``dimension``, if only one does: "540 Nm" is a torque with no word for it."""
    return _sole_facts().get(dimension) if dimension else None


@cache
def _sole_facts() -> dict[str, str]:
    by_dimension: dict[str, list[str]] = {}
    for f in catalogue().facts:
        if f.dimension not in COUNTS and f.dimension not in ("money", "percent", "time", "duration", "scale"):
            by_dimension.setdefault(f.dimension, []).append(f.id)
    return {dimension: ids[0] for dimension, ids in by_dimension.items() if len(ids) == 1}


def claim_dimension(the_fact: Fact | None, dimension: ValueDimension | None) -> str | None:
    """The dimension a claim's values are compared in: the fact's own, or "time" for its date."""
    if dimension is None:
        return None
    if the_fact is not None and dimension != "time" and fits(the_fact, dimension, dated_too=False):
        return the_fact.dimension
    return dimension


def canonical(amount: float, unit_id: str | None) -> float:
    """``amount`` in its dimension's canonical unit (unchanged for a free noun or no unit)."""
    known = unit(unit_id)
    if known is None:
        return amount
    return amount * known.factor + known.offset


def fact_ids() -> list[str]:
    """Every fact id, in catalogue order."""
    return [f.id for f in catalogue().facts]


def domains() -> dict[str, list[str]]:
    """Fact ids by domain."""
    found: dict[str, list[str]] = {}
    for f in catalogue().facts:
        found.setdefault(f.domain, []).append(f.id)
    return found

