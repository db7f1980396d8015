"""Comparison: claims of one fact meet when their subjects and scopes can be the same; one finding per fact.

Claims are blocked by fact family (a fact and its neighbours in the catalogue), value
dimension and currency: nothing else is ever compared. Inside a block, claims are
bucketed by (subject family, fact, subject, scope, value): a fact repeated by a
thousand sources is one bucket, so the cost follows the number of distinct values,
not of repetitions. Two buckets meet when their subjects can be one (one family, see
``subject_families``, or one side with no known subject) and their scopes do not
contradict (see ``scopes.meet``).

What meets is compared value against value (``comparators``). One fact's
outcomes make one finding per verdict: the values that disagree, with every
source of each, the pairs that disagree and why; the values that agree; the
figures of different counting bodies (attributed); the figures of a growing
count stated on different days (updated).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from checker import catalogue
from checker.compare import scopes
from checker.compare.comparators import Outcome, compare, describe
from checker.compare.fingerprint import finding_fingerprint
from checker.link.entities import cluster_entities, entity_key, same_entity, subject_families
from checker.records import VERDICTS, Claim, EntityValue, Finding, MoneyValue, Pair, TimeValue, Verdict
from checker.rules import rule_code

NEIGHBOUR_CONFIDENCE = 0.6
UNKNOWN_SUBJECT_CONFIDENCE = 0.8
# Claims never compared: no fact, or the date of a dateline.
_NOT_FACTS = frozenset({"unspecified", "dateline"})
_ORDER = {verdict: rank for rank, verdict in enumerate(VERDICTS)}


@dataclass
class Bucket:
    """The claims that state one value of one fact, for one subject, in one scope."""

    fact: str
    subject: str | None
    value_key: str
    claims: list[Claim] = field(default_factory=list)
    inferred: bool = False
    # Dates of one of a sentence's stages ("in April ..., in May ..., in August ..."): see ``_staged``.
    staged: bool = False

    @property
    def first(self) -> Claim:
        return self.claims[0]

    @property
    def documents(self) -> set[str]:
        return {c.document for c in self.claims}


def fact_of(claim: Claim) -> catalogue.Fact | None:
    """The catalogue fact of a claim (None for an open fact, a role or no fact)."""
    return catalogue.fact(claim.attribute)


def group_key(claim: Claim) -> tuple[str, ...] | None:
    """The blocking key of a claim, or ``None`` when it is never compared.

    (fact family, dimension, currency, language for an open fact): claims of different keys never meet.
    """
    attribute = claim.attribute
    if attribute in _NOT_FACTS:
        return None
    value = claim.value.value
    # A time with no date and no time of day ("on Friday" in an undated article) has nothing to compare.
    if (isinstance(value, TimeValue) and value.earliest is None and value.latest is None and value.timex is None
            and value.clock is None):
        return None
    known = fact_of(claim)
    if known is not None and not known.compared:
        return None
    # "4.2 billion euros ($4.6 billion)": a conversion restates its amount, at a rate no one states.
    if claim.scope.instance == "conversion":
        return None
    dimension = catalogue.claim_dimension(known, catalogue.value_dimension(value)) or value.type
    currency = (value.currency or "") if isinstance(value, MoneyValue) else ""
    if attribute.startswith("open:"):
        return (attribute, dimension, currency, claim.language or "")
    return (catalogue.family(attribute), dimension, currency, "")




def compare_claims(claims: Iterable[Claim], weights: Mapping[str, int] | None = None,
                   last_copy: Mapping[str, str] | None = None) -> list[Finding]:
    """Every finding among ``claims``, deterministic in content and order.

    ``weights``: how many documents each document of ``claims`` stands for (1 when not named), for a
    caller that passes one document of several identical ones (``checker.compare.repeats``): counts of
    documents and statements are then the counts of the whole corpus. ``last_copy``: for such a document,
    its last copy in the corpus, whose file name the fingerprints then carry, as they do over every copy.
    """
    prepared = first_pass(claims, weights, last_copy)
    return merge([compare_blocks(prepared)])


@dataclass(frozen=True)
class Prepared:
    """The global steps of comparison, done once over every claim: places told from subjects, names
    clustered across documents and languages, each claim's subject resolved, subjects in families.

    After it, each block (``group_key``) is compared on its own (``compare_blocks``): blocks can be
    split among processes or machines and their findings merged (``merge``) into the same list.
    """

    claims: tuple[Claim, ...]
    # Each claim's blocking key (``group_key``), in the order of ``claims``, and the staged claims (``_staged``).
    keys: tuple[tuple[str, ...] | None, ...]
    staged: frozenset[str]
    subjects: dict[str, str | None]
    families: dict[str, str]
    weights: Mapping[str, int]
    last_copy: Mapping[str, str] = field(default_factory=dict)

    def blocks(self) -> list[tuple[str, ...]]:
        """The blocking keys of the claims, in the order their findings are merged."""
        return sorted({key for key in self.keys if key is not None})


def first_pass(claims: Iterable[Claim], weights: Mapping[str, int] | None = None,
               last_copy: Mapping[str, str] | None = None) -> Prepared:
    """The steps of comparison that need every claim at once (see ``Prepared``)."""
    moved = _places_as_places(list(claims), _Weights(weights or {}))
    clusters = cluster_entities(sorted({name for c in moved for name in (c.subject, c.topic) if name}))
    keys = tuple(group_key(claim) for claim in moved)
    subjects = resolve_subjects(moved, clusters, keys)
    families = subject_families(sorted(set(clusters.values())))
    return Prepared(tuple(moved), keys, frozenset(_staged(moved, keys)), subjects, families, dict(weights or {}),
                    dict(last_copy or {}))


BlockFindings = list[tuple[tuple[str, ...], list[Finding]]]


def compare_blocks(prepared: Prepared, keys: Collection[tuple[str, ...]] | None = None) -> BlockFindings:
    """The findings of each block of ``keys`` (every block when None), with its key."""
    subjects, families = prepared.subjects, prepared.families
    wanted = set(keys) if keys is not None else None
    blocks: dict[tuple[str, ...], dict[tuple[object, ...], Bucket]] = defaultdict(dict)
    staged = prepared.staged
    for claim, key in zip(prepared.claims, prepared.keys, strict=True):
        if key is None or (wanted is not None and key not in wanted):
            continue
        subject = subjects[claim.id]
        value_key = describe(claim.value.value)
        # Titles are held at one organization, not at its parent or its division: names stay apart there.
        family = (subject if claim.attribute.startswith("role:") else families.get(subject)) if subject else None
        stage = claim.id in staged
        bucket_key = (family or "", claim.attribute, subject or "", scopes.signature(claim), value_key, stage)
        bucket = blocks[key].setdefault(bucket_key, Bucket(claim.attribute, subject, value_key, staged=stage))
        bucket.claims.append(claim)
        if claim.subject is None and subject is not None:
            bucket.inferred = True
    weight = _Weights(prepared.weights, prepared.last_copy)
    out: BlockFindings = []
    for key in sorted(blocks):
        buckets = [blocks[key][bucket_key] for bucket_key in sorted(blocks[key])]
        families_of = [str(bucket_key[0]) for bucket_key in sorted(blocks[key])]
        out.append((key, _fact_findings(key, buckets, _candidate_pairs(families_of), weight)))
    return out


def merge(parts: Iterable[BlockFindings]) -> list[Finding]:
    """The findings of blocks compared apart, as one comparison of them all gives them."""
    findings: dict[str, Finding] = {}
    for _, found in sorted((entry for part in parts for entry in part), key=lambda entry: entry[0]):
        for finding in found:
            findings.setdefault(finding.fingerprint, finding)
    return sorted(findings.values(), key=lambda f: (_ORDER[f.verdict], f.key, f.values, f.fingerprint))


def _staged(claims: Sequence[Claim], keys: Sequence[tuple[str, ...] | None]) -> set[str]:
    """The claims whose sentence gives their fact several dates, in one scope as far as it was read.

    A writer who dates one fact twice in one sentence ("the system will open to testers in April,
    in ten cities in May and nationwide in August") tells the dates apart by words that were not
    read as scope: they are stages, and which of them another article's date is about is unknown.
    Such a date may agree with another article's, never contradict it (see ``_edge``).
    """
    dates: dict[tuple[str, int, str, tuple[str, ...]], set[str]] = defaultdict(set)
    for claim, block in zip(claims, keys, strict=True):
        # A time that is never compared ("aujourd'hui" in an undated article) is no stage.
        if isinstance(claim.value.value, TimeValue) and block is not None:
            key = (claim.document, claim.evidence.start, claim.attribute, scopes.signature(claim))
            dates[key].add(describe(claim.value.value))
    return {claim.id for claim in claims if isinstance(claim.value.value, TimeValue)
            and len(dates.get((claim.document, claim.evidence.start, claim.attribute, scopes.signature(claim)),
                              ())) > 1}


def _candidate_pairs(families: list[str]) -> Iterator[tuple[int, int]]:
    """The pairs of buckets whose subjects can be one: one subject family, or one side without a known subject.

    Two families never meet, so the pairs are found through the families, not by trying every pair.
    """
    by_family: dict[str, list[int]] = defaultdict(list)
    for index, family in enumerate(families):
        by_family[family].append(index)
    unknown = by_family.get("", [])
    for family, members in sorted(by_family.items()):
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                yield i, j
            if family:
                for j in unknown:
                    yield (i, j) if i < j else (j, i)


class _Weights:
    """The number of documents a document stands for (1 unless a caller says otherwise)."""

    def __init__(self, weights: Mapping[str, int], last_copy: Mapping[str, str] | None = None) -> None:
        self.weights = weights
        # A document's last copy in the corpus (see ``compare_claims``).
        self.last_copy = last_copy or {}

    def total(self, documents: Iterable[str]) -> int:
        """How many documents ``documents`` stand for."""
        if not self.weights:
            return sum(1 for _ in documents)
        return sum(self.weights.get(document, 1) for document in documents)


def _places_as_places(claims: list[Claim], weight: _Weights) -> list[Claim]:
    """Claims whose subject is a name other claims put in a place ("Spain announced ..." where another
    article says "in Spain") have that place, not that subject: a place is a scope, not who a fact is about."""
    placed: dict[str, set[str]] = defaultdict(set)
    named: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.scope.place:
            placed[claim.scope.place].add(claim.document)
        if claim.subject_key:
            named[claim.subject_key].add(claim.document)
    # A name put in a place in at least as many articles as it is a subject in ("in Varnholm").
    places = {key for key, documents in placed.items()
              if weight.total(documents) >= weight.total(named.get(key, ()))}
    if not places:
        return claims
    moved = []
    for claim in claims:
        subject = claim.subject_key
        topic = entity_key(claim.topic) if claim.topic else None
        if subject in places:
            keys = sorted({*(claim.scope.place.split("; ") if claim.scope.place else ()), subject})
            scope = claim.scope.model_copy(update={"place": "; ".join(keys)})
            claim = claim.model_copy(update={"subject": None, "subject_key": None, "scope": scope})
        if topic in places:
            claim = claim.model_copy(update={"topic": None})
        moved.append(claim)
    return moved


def resolve_subjects(claims: list[Claim], clusters: dict[str, str], keys: Sequence[tuple[str, ...] | None]
                     ) -> dict[str, str | None]:
    """The subject cluster of every claim; a claim whose sentence named no subject gets one from its article.
    ``keys``: each claim's ``group_key``, in the order of ``claims``.

    Within one article, a scoped fact is taken to be about the one subject the article names for it
    in the same scope ("the first model of the new brand" = "the first model of X"); a plain one
    ("The company, founded in 2013") about the article's main organization (``Claim.topic``), failing
    that about the one subject named for it. A claim that still has none may be about anyone: it meets
    claims of any subject, at lower confidence, but for those of its own article (see ``_edge``).
    """
    def cluster(claim: Claim) -> str | None:
        return clusters.get(claim.subject) if claim.subject else None

    per_group: dict[tuple[str, tuple[str, ...], tuple[str, ...]], set[str]] = defaultdict(set)
    for claim, key in zip(claims, keys, strict=True):
        known = cluster(claim)
        if known is not None and key is not None:
            per_group[(claim.document, key, claim.qualifiers)].add(known)
    resolved: dict[str, str | None] = {}
    for claim, key in zip(claims, keys, strict=True):
        known = cluster(claim)
        if known is None:
            candidates = per_group.get((claim.document, key, claim.qualifiers), set()) if key is not None else set()
            topic = clusters.get(claim.topic) if claim.topic else None
            # A scoped fact ("the first model's launch") named for one subject is that subject's.
            # A plain one is the article's own organization first: "The company, founded in 2013, ..."
            # next to "its rival X, founded in 2007" is not about X.
            if len(candidates) == 1 and (topic is None or topic in candidates or claim.qualifiers):
                known = next(iter(candidates))
            elif topic is not None:
                known = topic
        resolved[claim.id] = known
    return resolved


@dataclass(frozen=True)
class _Edge:
    a: int
    b: int
    outcome: Outcome
    confidence: float


def _fact_findings(key: tuple[str, ...], buckets: list[Bucket], pairs: Iterable[tuple[int, int]],
                   weight: _Weights) -> list[Finding]:
    """The findings of one block: the pairs of buckets that may meet, compared once, joined by fact."""
    edges: list[_Edge] = []
    for i, j in pairs:
        met = _edge(buckets[i], buckets[j])
        if met is not None:
            edges.append(_Edge(i, j, *met))
    edges.sort(key=lambda e: (e.a, e.b))
    found: list[Finding] = []
    by_verdict: dict[str, list[_Edge]] = defaultdict(list)
    for edge in edges:
        by_verdict[edge.outcome.verdict].append(edge)
    disagreements: tuple[Verdict, ...] = ("conflict", "attributed", "updated")
    for verdict in disagreements:
        for component in _components(by_verdict.get(verdict, []), len(buckets)):
            found.append(_finding(key, buckets, component, verdict, weight))
    agreeing = by_verdict.get("agreement", []) + by_verdict.get("compatible", [])
    in_edges: set[int] = set()
    for component in _components(agreeing, len(buckets)):
        agreed: Verdict = "compatible" if any(e.outcome.verdict == "compatible" for e in component) else "agreement"
        found.append(_finding(key, buckets, component, agreed, weight))
        in_edges.update(x for e in component for x in (e.a, e.b))
    # A value stated at two places or more that met no other value still agrees with itself.
    for i, bucket in enumerate(buckets):
        if i in in_edges:
            continue
        places = {(c.evidence.path, c.evidence.start): c.document for c in bucket.claims}
        if weight.total(places.values()) >= 2:
            stated = weight.total(c.document for c in bucket.claims)
            outcome = Outcome("agreement", "info", f"{bucket.value_key}, stated {stated} times")
            found.append(_finding(key, buckets, [_Edge(i, i, outcome, 1.0)], "agreement", weight))
    return found


def _components(edges: list[_Edge], count: int) -> list[list[_Edge]]:
    """The edges grouped by the connected parts of the buckets they join, in a stable order."""
    parent = list(range(count))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for edge in edges:
        ra, rb = root(edge.a), root(edge.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    grouped: dict[int, list[_Edge]] = defaultdict(list)
    for edge in edges:
        grouped[root(edge.a)].append(edge)
    return [grouped[r] for r in sorted(grouped)]


def _edge(a: Bucket, b: Bucket) -> tuple[Outcome, float] | None:
    """How two buckets stand: None when they are about different things, else the outcome and its confidence."""
    if a.fact != b.fact and not catalogue.neighbours(a.fact, b.fact):
        return None
    ca, cb = a.first, b.first
    the_fact = catalogue.fact(ca.attribute)
    shared = a.documents & b.documents
    # Within one article, a figure named for someone and one named for no one are told apart by the writer.
    if shared and (a.subject is None) != (b.subject is None) and not (a.inferred or b.inferred):
        return None
    met = scopes.meet(ca, cb, the_fact, shared)
    if met is None:
        return None
    outcome = _compare(a, b)
    if outcome is None or (outcome.verdict == "conflict" and (a.staged or b.staged)):
        return None
    confidence = met.confidence
    notes = list(met.assumed)
    if a.fact != b.fact:
        # Neighbouring facts (a release and a production start) may agree; two of their dates differing
        # is no contradiction.
        if outcome.verdict == "conflict":
            return None
        confidence *= NEIGHBOUR_CONFIDENCE
        notes.append(f"neighbouring facts: {a.fact} and {b.fact}")
    if a.subject != b.subject or a.inferred or b.inferred or not a.subject:
        confidence *= UNKNOWN_SUBJECT_CONFIDENCE
    if outcome.verdict == "conflict" and met.attributed:
        outcome = Outcome("attributed", "soft",
                          f"{outcome.reason}: two counts by different sources ({met.attributed})")
    elif outcome.verdict == "conflict" and met.updated:
        outcome = Outcome("updated", "info", f"{outcome.reason}: {met.updated}")
    if notes:
        outcome = Outcome(outcome.verdict, outcome.severity, f"{outcome.reason} (assumed: {'; '.join(notes)})")
    return outcome, round(confidence, 3)


def _compare(a: Bucket, b: Bucket) -> Outcome | None:
    ca, cb = a.first, b.first
    same_person = False
    va, vb = ca.value.value, cb.value.value
    if isinstance(va, EntityValue) and isinstance(vb, EntityValue):
        same_person = same_entity(va.name, vb.name)
    return compare(va, vb, ca.value.text, cb.value.text, same_person, described=(a.value_key, b.value_key))


_SEVERITY = {"hard": 0, "soft": 1, "info": 2}


def _finding(key: tuple[str, ...], buckets: list[Bucket], edges: list[_Edge], verdict: Verdict,
             weight: _Weights) -> Finding:
    members = sorted({x for e in edges for x in (e.a, e.b)})
    values = sorted({buckets[i].value_key for i in members})
    index = {value: n for n, value in enumerate(values)}
    claims = sorted({c.id: (c, index[buckets[i].value_key]) for i in members for c in buckets[i].claims}.values(),
                    key=lambda pair: (pair[0].document, pair[0].id))
    pairs = sorted({(min(index[buckets[e.a].value_key], index[buckets[e.b].value_key]),
                     max(index[buckets[e.a].value_key], index[buckets[e.b].value_key]), e.outcome.verdict,
                     e.outcome.severity, e.outcome.reason, e.confidence) for e in edges})
    worst = min(edges, key=lambda e: (_SEVERITY[e.outcome.severity], -e.confidence, e.outcome.reason))
    first = buckets[members[0]]
    subject = next((buckets[i].subject for i in members if buckets[i].subject), None)
    facts = sorted({buckets[i].fact for i in members})
    scope = _shared_scope([buckets[i].first for i in members])
    key_text = " / ".join(part for part in (subject or "?", *facts, *(f"{k}:{v}" for k, v in scope.items()),
                                            key[1]) if part)
    fingerprint = finding_fingerprint(verdict, (c for c, _ in claims), facts, key[1], scope, values,
                                      weight.last_copy)
    disagreeing = sum(1 for e in edges if e.outcome.verdict == verdict) if len(values) > 2 else 0
    reason = worst.outcome.reason if len(values) <= 2 else (
        f"{len(values)} values; {disagreeing} pair{'s' if disagreeing != 1 else ''} {_VERB[verdict]}; "
        f"{worst.outcome.reason}")
    return Finding(
        fingerprint=fingerprint,
        rule=_rule(verdict, worst.outcome.severity, first.first),
        verdict=verdict,
        severity=worst.outcome.severity,
        key=key_text,
        reason=reason,
        confidence=min(e.confidence for e in edges),
        fact=" / ".join(facts),
        subject=subject,
        scope=scope,
        claims=tuple(c.id for c, _ in claims),
        evidence=tuple(c.evidence for c, _ in claims),
        sides=tuple(side for _, side in claims),
        values=tuple(values),
        pairs=tuple(Pair(a=a, b=b, verdict=v, severity=s, reason=r, confidence=conf)
                    for a, b, v, s, r, conf in pairs),
    )


_VERB = {"conflict": "disagree", "attributed": "differ by source", "updated": "were updated",
         "agreement": "agree", "compatible": "agree at different precision"}


def _shared_scope(claims: list[Claim]) -> dict[str, str]:
    """The scope slots every claim of a finding shares (as_of aside)."""
    shared: dict[str, str] | None = None
    for claim in claims:
        slots = {k: v for k, v in claim.scope.slots().items() if k != "as_of"}
        shared = slots if shared is None else {k: v for k, v in shared.items() if slots.get(k) == v}
    return dict(sorted((shared or {}).items()))


def _rule(verdict: str, severity: str, claim: Claim) -> str:
    return rule_code(claim.value.value.type, verdict, severity)
