"""Blocking and findings: claims meet only inside comparable groups, and only as distinct values.

A group's key is (attribute, qualifiers, value type, unit or currency).
Inside a group, claims are bucketed by (subject cluster, normalized value):
a fact repeated by a thousand sources is one bucket, so the cost follows
the number of distinct values, not of repetitions. Two buckets meet when
their subjects are the same cluster (a claim whose sentence names no subject
takes one from its article, see ``resolve_subjects``); neighbouring
attributes (a release and a production start) meet at lower confidence.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from checker.compare.comparators import Outcome, compare, describe
from checker.frame.build import DATELINE, UNSPECIFIED
from checker.frame.data import frames
from checker.link.entities import cluster_entities, same_entity
from checker.records import Claim, EntityValue, Finding, MoneyValue, QuantityValue

NEIGHBOUR_CONFIDENCE = 0.6
UNKNOWN_SUBJECT_CONFIDENCE = 0.8
# A claim that does not say it is about the first model, a yearly figure, or whose count it is,
# is most likely about the same thing as one that says so ("prices start at 55,000" / "the first
# model will sell from 55,000"; "300,000 doses a year" / "an annual capacity of 300,000 doses";
# "holds 15%" / "owns 15%, according to filings"). Such claims meet at this confidence. A second
# model, an estimate or a previous figure are other things: those qualifiers are never implied.
IMPLIED_QUALIFIERS = frozenset({"first-model", "annual"})
IMPLIED_PREFIXES = ("source:",)
IMPLIED_CONFIDENCE = 0.8
# Claims with no attribute, and the dates of statements, reports and datelines: two articles
# written, or two things said, on two different days contradict nothing.
NEVER_COMPARED = frozenset({UNSPECIFIED, "statement", "report", DATELINE})


@dataclass
class Bucket:
    """The claims of one group that share a subject cluster and a normalized value."""

    subject: str | None
    value_key: str
    claims: list[Claim] = field(default_factory=list)
    inferred: bool = False

    @property
    def first(self) -> Claim:
        return self.claims[0]


def group_key(claim: Claim) -> tuple[str, ...] | None:
    """The blocking key of a claim, or ``None`` when it is never compared."""
    if claim.attribute in NEVER_COMPARED:
        return None
    value = claim.value.value
    if value.type == "time" and getattr(value, "earliest", None) is None and getattr(value, "latest", None) is None:
        return None
    detail = ""
    if isinstance(value, QuantityValue):
        detail = value.unit or ""
    elif isinstance(value, MoneyValue):
        detail = value.currency or ""
    return (claim.attribute, value.type, detail, *claim.qualifiers)


def _neighbours() -> dict[str, set[str]]:
    merged: dict[str, set[str]] = defaultdict(set)
    for lang in ("en", "fr"):
        for attribute, related in frames(lang).neighbours.items():
            merged[attribute] |= related
    return merged


def compare_claims(claims: Iterable[Claim]) -> list[Finding]:
    """Every finding among ``claims``, deterministic in content and order."""
    claims = list(claims)
    clusters = cluster_entities(sorted({name for c in claims for name in (c.subject, c.topic) if name}))
    subjects = resolve_subjects(claims, clusters)
    groups: dict[tuple[str, ...], dict[tuple[str | None, str], Bucket]] = defaultdict(dict)
    for claim in claims:
        key = group_key(claim)
        if key is None:
            continue
        subject = subjects[claim.id]
        value_key = describe(claim.value.value)
        bucket = groups[key].setdefault((subject, value_key), Bucket(subject, value_key))
        bucket.claims.append(claim)
        if claim.subject is None and subject is not None:
            bucket.inferred = True

    findings: dict[str, Finding] = {}
    for key in sorted(groups):
        buckets = sorted(groups[key].values(), key=lambda b: (b.subject or "", b.value_key))
        for finding in _within(key, buckets):
            _add(findings, finding)
    by_base: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(groups):
        by_base[key[:3]].append(key)
    for keys in by_base.values():
        for plain in keys:
            for qualified in keys:
                if _implies(plain, qualified):
                    for finding in _across(plain, qualified, groups, implied=True):
                        _add(findings, finding)
    neighbours = _neighbours()
    for key in sorted(groups):
        for other in sorted(groups):
            if other <= key or other[0] not in neighbours.get(key[0], set()) or other[1:] != key[1:]:
                continue
            for finding in _across(key, other, groups):
                _add(findings, finding)
    order = {"conflict": 0, "compatible": 1, "agreement": 2}
    return sorted(findings.values(), key=lambda f: (order[f.verdict], f.key, f.values, f.fingerprint))


def resolve_subjects(claims: list[Claim], clusters: dict[str, str]) -> dict[str, str | None]:
    """The subject cluster of every claim; a claim whose sentence named no subject gets one from its article.

    Within one article, a qualified fact is taken to be about the one subject the article names for
    it under the same qualifiers ("the first model of the new brand" = "the first model of X"); a
    plain one ("The company, founded in 2013") about the article's main organization
    (``Claim.topic``), failing that about the one subject named for it. A claim that
    still has none meets only others that have none: an unknown subject must not match every story.
    """
    def cluster(claim: Claim) -> str | None:
        return clusters.get(claim.subject) if claim.subject else None

    per_group: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for claim in claims:
        known = cluster(claim)
        key = group_key(claim)
        if known is not None and key is not None:
            per_group[(claim.document, key)].add(known)
    resolved: dict[str, str | None] = {}
    for claim in claims:
        known = cluster(claim)
        if known is None:
            key = group_key(claim)
            candidates = per_group.get((claim.document, key), set()) if key is not None else set()
            topic = clusters.get(claim.topic) if claim.topic else None
            # A qualified fact ("the first model's launch") named for one subject is that subject's.
            # A plain one is the article's own organization first: "The company, founded in 2013, ..."
            # next to "its rival X, founded in 2007" is not about X.
            if len(candidates) == 1 and (topic is None or topic in candidates or claim.qualifiers):
                known = next(iter(candidates))
            elif topic is not None:
                known = topic
        resolved[claim.id] = known
    return resolved


def _add(findings: dict[str, Finding], finding: Finding) -> None:
    """Keep one finding per fingerprint; the same values met twice (a known and an unknown subject) merge."""
    known = findings.get(finding.fingerprint)
    if known is None:
        findings[finding.fingerprint] = finding
        return
    merged = dict(zip(known.claims, zip(known.evidence, known.sides, strict=True), strict=True))
    merged.update(zip(finding.claims, zip(finding.evidence, finding.sides, strict=True), strict=True))
    ids = sorted(merged)
    findings[finding.fingerprint] = known.model_copy(update={
        "claims": tuple(ids), "evidence": tuple(merged[i][0] for i in ids), "sides": tuple(merged[i][1] for i in ids)})


def _within(key: tuple[str, ...], buckets: list[Bucket]) -> Iterable[Finding]:
    for bucket in buckets:
        distinct_spans = {(c.evidence.path, c.evidence.start) for c in bucket.claims}
        if len(distinct_spans) >= 2:
            yield _finding(key, bucket, bucket, Outcome("agreement", "info",
                                                        f"{bucket.value_key}, stated {len(bucket.claims)} times"),
                           1.0)
    for i, a in enumerate(buckets):
        # Buckets are sorted by subject: those that can meet ``a`` follow it, and end at the next subject.
        for b in buckets[i + 1:]:
            if b.subject != a.subject:
                break
            outcome = _compare(a, b)
            if outcome is None:
                continue
            confidence = UNKNOWN_SUBJECT_CONFIDENCE if a.inferred or b.inferred or not a.subject else 1.0
            yield _finding(key, a, b, outcome, confidence)


def _implies(plain: tuple[str, ...], qualified: tuple[str, ...]) -> bool:
    """Whether claims under ``plain`` may be about the thing ``qualified`` names more precisely."""
    extra = set(qualified[3:]) - set(plain[3:])
    return (plain[:3] == qualified[:3] and set(plain[3:]) < set(qualified[3:])
            and all(q in IMPLIED_QUALIFIERS or q.startswith(IMPLIED_PREFIXES) for q in extra))


def _across(key: tuple[str, ...], other: tuple[str, ...],
            groups: dict[tuple[str, ...], dict[tuple[str | None, str], Bucket]],
            implied: bool = False) -> Iterable[Finding]:
    # Only buckets of one subject meet: pair them through that subject, not every bucket with every other.
    by_subject: dict[str | None, list[Bucket]] = defaultdict(list)
    for b in sorted(groups[other].values(), key=lambda b: (b.subject or "", b.value_key)):
        by_subject[b.subject].append(b)
    for a in sorted(groups[key].values(), key=lambda b: (b.subject or "", b.value_key)):
        for b in by_subject.get(a.subject, []):
            outcome = _compare(a, b)
            if outcome is None:
                continue
            if implied:
                said = ", ".join(q for q in other[3:] if q not in key[3:])
                reason = f"{outcome.reason} (only one side says: {said})"
                yield _finding(other, a, b, Outcome(outcome.verdict, outcome.severity, reason), IMPLIED_CONFIDENCE)
                continue
            reason = f"{outcome.reason} (neighbouring attributes: {key[0]} vs {other[0]})"
            yield _finding(key, a, b, Outcome(outcome.verdict, outcome.severity, reason), NEIGHBOUR_CONFIDENCE,
                           other_key=other)


def _compare(a: Bucket, b: Bucket) -> Outcome | None:
    ca, cb = a.first, b.first
    same_person = False
    va, vb = ca.value.value, cb.value.value
    if isinstance(va, EntityValue) and isinstance(vb, EntityValue):
        same_person = same_entity(va.name, vb.name)
    outcome = compare(va, vb, ca.value.text, cb.value.text, same_person)
    if outcome is None:
        return None
    stamped = [c.as_of for c in (*a.claims, *b.claims) if c.as_of]
    if stamped and outcome.verdict == "conflict":
        reason = f"{outcome.reason}; note: stated as of a given time ('{stamped[0]}')"
        return Outcome(outcome.verdict, outcome.severity, reason)
    return outcome


def _finding(key: tuple[str, ...], a: Bucket, b: Bucket, outcome: Outcome, confidence: float,
             other_key: tuple[str, ...] | None = None) -> Finding:
    subject = a.subject or b.subject
    key_text = " / ".join(part for part in (subject or "?", *key, *(other_key[:1] if other_key else ())) if part)
    claims = sorted({c.id: c for c in (*a.claims, *b.claims)}.values(), key=lambda c: (c.document, c.id))
    values = tuple(sorted((a.value_key, b.value_key)))
    first_side = {c.id for c in (a.claims if a.value_key == values[0] else b.claims)}
    # Sources are listed on the finding, not hashed into it: another article repeating one side
    # must not turn a reviewed disagreement into a new one.
    payload = json.dumps([outcome.verdict, key_text, values], ensure_ascii=False)
    fingerprint = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
    return Finding(
        fingerprint=fingerprint,
        rule=_rule(outcome, key),
        verdict=outcome.verdict,
        severity=outcome.severity,
        key=key_text,
        reason=outcome.reason,
        confidence=confidence,
        claims=tuple(c.id for c in claims),
        evidence=tuple(c.evidence for c in claims),
        sides=tuple(0 if c.id in first_side else 1 for c in claims),
        values=(values[0], values[-1]),
    )


def _rule(outcome: Outcome, key: tuple[str, ...]) -> str:
    value_type = key[1]
    if outcome.verdict == "conflict":
        return f"FC-{value_type}-{'contradiction' if outcome.severity == 'hard' else 'tension'}"
    return f"FC-{value_type}-{outcome.verdict}"
