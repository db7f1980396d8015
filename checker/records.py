"""Typed records that flow between the pipeline stages.

Every stage is a function from these records to these records; rendering
lives elsewhere. Values are intervals (see docs/architecture.md): a time is
earliest..latest with a granularity, a quantity has a literal and a typical
interval, money an amount interval and an ISO 4217 currency.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer


class Record(BaseModel):
    """Base of all records: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        # Validation gives each record its own set of the names of the fields it was given
        # (about 200 bytes, and one more object for the collector to walk: at 1,000 articles held
        # in one process, the collector's time went from 0.34 s to 0.58 s). Records are frozen and
        # pydantic copies the set before changing it, so equal sets can be one object.
        self._share_field_names()

    def __setstate__(self, state: dict[Any, Any]) -> None:
        # Records come back from worker processes pickled, each with its own set of field names, too.
        super().__setstate__(state)
        self._share_field_names()

    def _share_field_names(self) -> None:
        names = self.__pydantic_fields_set__
        object.__setattr__(self, "__pydantic_fields_set__", _FIELD_SETS.setdefault(frozenset(names), names))


_FIELD_SETS: dict[frozenset[str], set[str]] = {}


# --------------------------------------------------------------------------
# Spans and documents
# --------------------------------------------------------------------------


class Span(Record):
    """A stretch of a file's own decoded text: ``quote == text[start:end]``.

    ``start``/``end`` are 0-based code-point offsets, end exclusive; ``line``
    and ``column`` are 1-based and point at ``start``.
    """

    path: str
    start: int
    end: int
    quote: str
    line: int
    column: int


ZoneKind = Literal["headline", "lead", "body", "caption", "boilerplate", "metadata"]


class Zone(Record):
    """A block of the analysis text (a line or paragraph) and what part of the article it is."""

    kind: ZoneKind
    start: int
    end: int


DateSource = Literal["front-matter", "html-meta", "dateline", "report-date", "stamp", "inferred", "story", "unknown"]


class DocumentInfo(Record):
    """What the report says about one input document (`documents[]` in the JSON report)."""

    path: str
    format: Literal["txt", "markdown", "html"]
    language: str | None
    language_source: Literal["metadata", "detected", "unknown"] = "detected"
    reference_date: dt.date | None
    reference_date_source: DateSource
    reference_date_evidence: str | None = None
    # The UTC offset of the publication timestamp ("+08:00"), when the metadata gives one.
    reference_zone: str | None = None
    # A day the article gives as its own without a year (a dateline "14 mai", "今天(3月9日)"): "XXXX-05-14".
    reference_day: str | None = None
    title: str | None = None
    source: str | None = None
    sha256: str
    characters: int
    zones: dict[str, int] = Field(default_factory=dict)


class Problem(Record):
    """An input that could not be used, or was only partly usable: one line for the user."""

    path: str
    kind: Literal["unreadable", "empty", "binary", "encoding", "front-matter", "html", "too-large",
                  "skipped", "timeout", "internal", "cache"]
    message: str
    fatal: bool = True


# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------


class Interval(Record):
    """A numeric interval; ``None`` is an open (infinite) bound."""

    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True


TimeGranularity = Literal["day", "week", "month", "quarter", "half", "season", "holiday", "year",
                          "decade", "range"]


Resolution = Literal["absolute", "relative", "year-inferred", "story", "unresolved"]


class TimeValue(Record):
    """A time as an inclusive date interval with the precision it was stated at.

    ``clock`` is a time of day at its own precision, local to ``zone``: "14:20", or a span of the
    day ("09:00-09:59" for "9 a.m.", "18:00-23:59" for "in the evening"). ``zone`` is "local" (the
    text says local time), an IANA name or a UTC offset ("+08:00"). ``timex`` says what an
    unresolved time is, TIMEX-style: "XXXX-10-29" (a day without a year), "XXXX-05" (a month
    without one), "XXXX-WXX-4" (a Thursday). "story" resolutions were placed by other articles
    of the same run (``checker/story.py``); ``anchor`` is then the day they gave the article, if one.
    """

    type: Literal["time"] = "time"
    earliest: dt.date | None
    latest: dt.date | None
    granularity: TimeGranularity
    modifiers: tuple[str, ...] = ()
    resolution: Resolution = "absolute"
    anchor: dt.date | None = None
    clock: str | None = None
    zone: str | None = None
    timex: str | None = None

    @model_serializer(mode="wrap")
    def _stated(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # A time of day, a zone and a TIMEX pattern are rare: written out only when stated.
        data: dict[str, Any] = handler(self)
        for name in ("clock", "zone", "timex"):
            if data.get(name) is None:
                data.pop(name, None)
        return data


class QuantityValue(Record):
    """A count or measure: what the words literally allow, and what they usually mean."""

    type: Literal["quantity"] = "quantity"
    literal: Interval
    typical: Interval
    unit: str | None = None
    quantifier: str | None = None


class MoneyValue(Record):
    """An amount interval in one ISO 4217 currency (``None`` when the currency is unknown)."""

    type: Literal["money"] = "money"
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    currency: str | None
    quantifier: str | None = None


class PercentValue(Record):
    """A percentage in percent points (``"5%"`` -> 5.0)."""

    type: Literal["percent"] = "percent"
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    quantifier: str | None = None


class EntityValue(Record):
    """A named organization, brand, product or person."""

    type: Literal["entity"] = "entity"
    name: str
    kind: Literal["organization", "person", "product", "place", "unknown"] = "unknown"
    key: str


class RoleValue(Record):
    """A title held by a person at an organization ("CEO of X")."""

    type: Literal["role"] = "role"
    title: str
    title_text: str
    person: str | None = None
    organization: str | None = None


class TextValue(Record):
    """A statement with no typed value to compare (kept for context)."""

    type: Literal["text"] = "text"
    text: str


Value = Annotated[
    TimeValue | QuantityValue | MoneyValue | PercentValue | EntityValue | RoleValue | TextValue,
    Field(discriminator="type"),
]


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognized surface in a text: its span in that text and its normalized value.

    A plain record, not validated: recognition makes some thirty an article from its own values and
    hands them to the frames, and none is read back from outside. Its value is a validated record,
    and travels on in the claim.
    """

    type: str
    start: int
    end: int
    text: str
    value: Value


# --------------------------------------------------------------------------
# Claims and findings
# --------------------------------------------------------------------------

Modality = Literal["asserted", "reported", "planned", "expected"]


class ClaimValue(Record):
    """A claim's value with its own span in the file (``start``/``end`` into the file's text)."""

    text: str
    start: int
    end: int
    value: Value


# How a scope slot holding several keys ("in X and Y", "the Max and the Pro versions") joins them.
SCOPE_LIST = "; "


class Scope(Record):
    """Where, for whom and when a claim holds, as its sentence says (``None``: the sentence does not say).

    Two claims whose scopes name different places, groups, instances, periods, bases, variants or
    parties are about different things; different sources are two counts of one thing.
    """

    place: str | None = None
    # The place is a part of a larger one ("in the northern region alone").
    part: bool = False
    group: str | None = None
    source: str | None = None
    instance: str | None = None
    period: str | None = None
    basis: str | None = None
    statistic: str | None = None
    # One variant, or several its sentence lists for the fact ("max; pro", joined by SCOPE_LIST).
    variant: str | None = None
    party: str | None = None
    # What starts, ends or opens ("production" in "production started in May").
    object: str | None = None
    # When the figure was stated (ISO date): the article's date, or a date its sentence gives.
    as_of: str | None = None

    @model_serializer(mode="wrap")
    def _filled(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Most slots are empty: written out, a scope holds only the slots its sentence filled.
        data: dict[str, Any] = handler(self)
        return {slot: value for slot, value in data.items() if value is not None and value is not False}

    def __reduce__(self) -> tuple[Any, tuple[tuple[Any, ...]]]:
        # Claims come back from worker processes pickled, each with its own scope, and a few thousand
        # scopes serve a hundred thousand claims: equal scopes, frozen, come back as one object.
        return _shared_scope, (tuple(self.__dict__.values()),)

    def slots(self) -> dict[str, str]:
        """The slots the sentence filled, as text (``part`` folded into ``place``)."""
        found = {name: value for name in _SCOPE_TEXT if (value := getattr(self, name)) is not None}
        if self.part and "place" in found:
            found["place"] = f"{found['place']} (part)"
        return found


def _shared_scope(values: tuple[Any, ...]) -> Scope:
    """The one unpickled scope of these slot values."""
    known = _SCOPES.get(values)
    if known is None:
        known = _SCOPES[values] = Scope(**dict(zip(Scope.model_fields, values, strict=True)))
    return known


_SCOPES: dict[tuple[Any, ...], Scope] = {}
_SCOPE_TEXT = ("place", "group", "source", "instance", "period", "basis", "statistic", "variant", "party", "object",
               "as_of")


class Claim(Record):
    """One checkable statement: who or what, which fact, in which scope, which value.

    ``attribute`` is the fact's id in the catalogue (``checker/lang/facts.toml``), "open:<noun>" for a
    count of a noun the catalogue does not know, or "unspecified".
    """

    id: str
    document: str
    subject: str | None
    subject_key: str | None = None
    attribute: str
    scope: Scope = Scope()
    modality: Modality = "asserted"
    value: ClaimValue
    evidence: Span
    rule: str
    # The article's main organization: what a claim whose sentence names no subject is taken to be about.
    topic: str | None = None
    # The language the claim was written in (open facts meet only within one language).
    language: str | None = None

    @property
    def qualifiers(self) -> tuple[str, ...]:
        """The scope as "slot:value" strings, sorted (the flat form the JSON report also gives)."""
        return tuple(sorted(f"{slot}:{value}" for slot, value in self.scope.slots().items() if slot != "as_of"))


def claims_fingerprint(claims: list[Claim]) -> tuple[object, ...]:
    """What tells one document's claims from another's when both documents look identical: their number,
    and the fact, value offset and evidence offset of the first and the last claim.

    Taken once where the claims are made or read, while they are in the processor's caches: comparing the
    fingerprints of thousands of copies costs far less than reading those claims again (``compare.repeats``).
    """
    if not claims:
        return (0,)
    first, last = claims[0], claims[-1]
    return (len(claims), first.attribute, first.value.start, first.evidence.start,
            last.attribute, last.value.start, last.evidence.start)


Verdict = Literal["agreement", "compatible", "conflict", "attributed", "updated"]
# The verdicts from the most to the least in need of a reader's attention.
VERDICTS: tuple[str, ...] = ("conflict", "attributed", "updated", "compatible", "agreement")
Severity = Literal["hard", "soft", "info"]


class Pair(Record):
    """How two of a finding's values stand to each other (indices into ``Finding.values``)."""

    a: int
    b: int
    verdict: Verdict
    severity: Severity
    reason: str
    confidence: float = 1.0


class Finding(Record):
    """What comparing the values of one fact found: one finding per fact and verdict.

    ``values`` are the distinct values the sources give (as canonical text); ``claims``,
    ``evidence`` and ``sides`` are aligned, ``sides[i]`` being the index in ``values`` of the value
    claim ``i`` states; ``pairs`` say which values agree or disagree, and why.
    """

    fingerprint: str
    rule: str
    verdict: Verdict
    severity: Severity
    key: str
    reason: str
    confidence: float = 1.0
    fact: str = ""
    subject: str | None = None
    scope: dict[str, str] = Field(default_factory=dict)
    claims: tuple[str, ...]
    evidence: tuple[Span, ...]
    sides: tuple[int, ...] = ()
    values: tuple[str, ...]
    pairs: tuple[Pair, ...] = ()


class Report(Record):
    """Everything one run produced: the documents, their claims, the findings and the problems."""

    tool: str = "factcheck"
    version: str
    documents: tuple[DocumentInfo, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...] = ()
