"""What the editors' reports show: one card per fact, its values in words, who says each, and why they differ.

The comparison gives one finding per fact and verdict; a fact on which sources
disagree and some of them also agree has two findings with one key. A card
gathers every finding of one key (subject, fact, scope), lists each distinct
value once with the sources that state it, and says in plain words which pairs
disagree. The terminal, HTML and ClaimReview reports all read this view; it
changes nothing in the findings themselves.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from checker.intervals import Bounds, amount_bounds, gap, quantity_bounds, relation, time_bounds
from checker.records import (
    VERDICTS,
    Claim,
    Finding,
    MoneyValue,
    PercentValue,
    QuantityValue,
    Report,
    TimeValue,
    Value,
)
from checker.report.sources import Source, fallback_source, name_sources
from checker.report.words import distance_words, fact_about, fact_label, scope_words, value_words

SEVERITY_ORDER = {"hard": 0, "soft": 1, "info": 2}
# The subject of a card whose claims name none.
NO_SUBJECT = "No subject named"
VERDICT_WORDS = {"conflict": "conflict", "attributed": "different counting bodies", "updated": "updated figure",
                 "compatible": "compatible", "agreement": "agreement"}
_ASSUMED = re.compile(r"\s*\(assumed: (.+)\)\s*$")
# Sources named in one sentence before the rest are counted ("A, B and 3 others").
_NAMED = 3


def rank(verdict: str) -> int:
    """0 for the verdict most in need of attention (conflict) up to agreement."""
    return VERDICTS.index(verdict) if verdict in VERDICTS else len(VERDICTS)


@dataclass
class ValueView:
    """One distinct value of a fact, with every statement of it."""

    index: int
    canonical: str
    words: str
    value: Value | None
    claims: list[Claim] = field(default_factory=list)
    # The verdict of the worst pair this value is part of ("agreement" when none disagrees).
    status: str = "agreement"

    @property
    def sources(self) -> list[str]:
        """Paths of the documents stating this value, in first-statement order."""
        return list(dict.fromkeys(c.document for c in self.claims))

    @property
    def quoted_first(self) -> list[Claim]:
        """The statements to quote first: one from each source, then the repetitions."""
        seen: set[str] = set()
        first: list[Claim] = []
        rest: list[Claim] = []
        for claim in self.claims:
            (rest if claim.document in seen else first).append(claim)
            seen.add(claim.document)
        return first + rest


@dataclass
class PairView:
    """Two values of a card and how they stand to each other, in plain words."""

    a: int
    b: int
    verdict: str
    severity: str
    confidence: float
    sentence: str
    reason: str


@dataclass
class Card:
    """One fact: every finding of one key, its values and the pairs that disagree."""

    key: str
    anchor: str
    subject_key: str
    subject: str
    fact: str
    fact_label: str
    about: str
    scope: dict[str, str]
    scope_words: list[str]
    findings: list[Finding]
    values: list[ValueView]
    pairs: list[PairView]
    verdict: str
    severity: str
    confidence: float
    summary: str
    sources: list[str]
    kind: str

    @property
    def title(self) -> str:
        """"Qijing · announcement"."""
        return f"{self.subject} · {self.fact_label}"

    @property
    def named(self) -> bool:
        """Whether the card's claims name a subject."""
        return self.subject != NO_SUBJECT

    @property
    def disagreements(self) -> list[PairView]:
        """The pairs that do not simply agree, worst first."""
        return [p for p in self.pairs if p.verdict != "agreement"]


@dataclass
class SubjectGroup:
    """The cards about one subject."""

    key: str
    name: str
    anchor: str
    cards: list[Card]
    sources: list[str]

    @property
    def counts(self) -> Counter[str]:
        return Counter(card.verdict for card in self.cards)

    @property
    def worst(self) -> str:
        return min((card.verdict for card in self.cards), key=rank, default="agreement")


@dataclass
class View:
    """The whole report as editors read it."""

    report: Report
    sources: dict[str, Source]
    claims: dict[str, Claim]
    cards: list[Card]
    groups: list[SubjectGroup]
    unmatched: dict[str, list[Claim]]
    # Each document's position in the report: cards and groups list their sources in this order.
    order: dict[str, int]

    def source(self, path: str) -> Source:
        """The named source of ``path`` (named by its file when the report does not list it)."""
        found = self.sources.get(path)
        return found if found is not None else fallback_source(path)

    def who(self, paths: Sequence[str]) -> str:
        """Sources named in a sentence: "Gasgoo", "A and B", "A, B, C and 2 others"."""
        return who([self.source(p).short for p in paths])


def who(names: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C", "A, B, C and 2 others"."""
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return names[0] if names else "an unnamed source"
    if len(names) <= _NAMED:
        return ", ".join(names[:-1]) + " and " + names[-1]
    rest = len(names) - _NAMED
    return ", ".join(names[:_NAMED]) + f" and {rest} other{'s' if rest > 1 else ''}"


def card_anchor(key: str) -> str:
    """A stable HTML id for the card of ``key``."""
    return "fact-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def subject_anchor(key: str) -> str:
    """A stable HTML id for the group of cards about subject ``key``."""
    return "subject-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _value_kind(values: Iterable[Value | None]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds == {TimeValue}:
        return "time"
    if kinds and kinds <= {QuantityValue, MoneyValue, PercentValue} and len(kinds) == 1:
        return "number"
    return "other"


def _subject_name(key: str, claims: Iterable[Claim]) -> str:
    # The subject as the articles write it most often ("Huawei"), not its linking key ("huawei").
    written = Counter(c.subject for c in claims if c.subject and (c.subject_key or "") == key)
    if written:
        return sorted(written.items(), key=lambda item: (-item[1], item[0]))[0][0]
    if not key or key == "?":
        return NO_SUBJECT
    return key[:1].upper() + key[1:]


def _fact_of(finding: Finding, claims: Mapping[str, Claim]) -> str:
    if finding.fact:
        return finding.fact
    found = sorted({claims[c].attribute for c in finding.claims if c in claims})
    if found:
        return " / ".join(found)
    parts = finding.key.split(" / ")
    return parts[1] if len(parts) > 1 else finding.key


def _sides(finding: Finding) -> tuple[int, ...]:
    # Compare says which value each claim states; the view does not work it out again.
    if len(finding.sides) != len(finding.claims):
        raise ValueError(f"finding {finding.fingerprint} does not say which value each of its claims states "
                         f"({len(finding.sides)} sides for {len(finding.claims)} claims)")
    return finding.sides


def _bounds(value: Value | None) -> Bounds | None:
    if isinstance(value, TimeValue):
        return time_bounds(value)
    if isinstance(value, QuantityValue):
        return quantity_bounds(value)[0]
    if isinstance(value, MoneyValue | PercentValue):
        return amount_bounds(value)
    return None


def _width(b: Bounds) -> float:
    if b.low is None or b.high is None:
        return float("inf")
    return b.high - b.low


def _later(a: ValueView, b: ValueView) -> tuple[ValueView, str] | None:
    def stated(v: ValueView) -> str | None:
        dates = [c.scope.as_of for c in v.claims if c.scope.as_of]
        return max(dates) if dates else None

    da, db = stated(a), stated(b)
    if da and db and da != db:
        return (b, db) if db > da else (a, da)
    return None


def _lines(value: ValueView) -> str:
    """Where in its article a value is stated: "line 1", "lines 6 and 29"."""
    lines = sorted({c.evidence.line for c in value.claims})
    if len(lines) == 1:
        return f"line {lines[0]}"
    return "lines " + ", ".join(str(n) for n in lines[:-1]) + f" and {lines[-1]}"


def _say(paths: Sequence[str]) -> str:
    return "says" if len(set(paths)) == 1 else "say"


def _pair_sentence(view: View, a: ValueView, b: ValueView, verdict: str, severity: str, reason: str) -> str:
    """A pair of values in plain words: who says what, and why it matters."""
    wa, wb = a.words, b.words
    sa, sb = a.sources, b.sources
    one_article = len(set(sa) | set(sb)) == 1
    if a.index == b.index:
        n = len(a.claims)
        if one_article:
            return f"{view.who(sa)} says {wa}, {n} times." if n > 1 else f"{view.who(sa)} says {wa}."
        return f"{view.who(sa)} agree: {wa}."
    if one_article:
        said = f"The same article says {wa} on {_lines(a)} and {wb} on {_lines(b)}"
    else:
        said = f"{view.who(sa)} {_say(sa)} {wa}; {view.who(sb)} {_say(sb)} {wb}"
    ba, bb = _bounds(a.value), _bounds(b.value)
    assumed = _ASSUMED.search(reason)
    tail = f" (This assumes {assumed.group(1)}.)" if assumed else ""
    if verdict == "conflict":
        if isinstance(a.value, TimeValue) and ba is not None and bb is not None:
            apart = distance_words(gap(ba, bb))
            why = f"These dates are {apart} apart" + (": both cannot be right." if severity == "hard"
                                                        else ": close, but not the same date.")
        elif severity == "soft":
            why = "As these words are usually meant, the figures do not overlap, though read literally they could."
        else:
            why = "The figures do not overlap: both cannot be right."
        return f"{said}. {why}{tail}"
    if verdict == "compatible":
        within = ba is not None and bb is not None and relation(ba, bb) == "within"
        precise, broad = (a, b) if within or (ba is not None and bb is not None and relation(ba, bb) != "contains"
                                              and _width(ba) < _width(bb)) else (b, a)
        return (f"{said}. {precise.words[:1].upper() + precise.words[1:]} lies within {broad.words}: "
                f"one is only more precise.{tail}")
    if verdict == "updated":
        later = _later(a, b)
        if later is not None:
            return (f"{said}. The figure changes over time: {later[0].words}, as of {later[1]}, is the later "
                    f"one and updates the other.{tail}")
        return f"{said}. The figure changes over time, and one of them is undated: the later may update the earlier."
    if verdict == "attributed":
        return f"{said}. They are counts by different bodies, shown side by side, not a contradiction.{tail}"
    if ba is not None and bb is not None and relation(ba, bb) != "equal":
        return f"{said}: these overlap, so they agree.{tail}"
    return f"{said}: they agree.{tail}"


def _summary(view: View, card: Card) -> str:
    """The card's reason in plain words: the worst pair, and how many more there are."""
    shown = card.disagreements or card.pairs
    if not shown:
        values = card.values
        if len(values) == 1:
            return _pair_sentence(view, values[0], values[0], "agreement", "info", "")
        return f"{len(values)} values."
    first = shown[0].sentence
    more = len(shown) - 1
    if more and card.disagreements:
        kind = "dates" if card.kind == "time" else "values"
        count = sum(1 for p in card.disagreements if p.verdict == card.verdict)
        verb = "disagree" if card.verdict == "conflict" else "differ"
        lead = (f"{len(card.values)} different {kind}; {count} pair{'s' if count != 1 else ''} "
                f"{verb}{'s' if count == 1 else ''}. ")
        return lead + first
    return first


def _ordered(values: list[ValueView], pairs: list[PairView], order: Mapping[str, int]
             ) -> tuple[list[ValueView], list[PairView]]:
    """Values as a reader lists them: dates in time order, figures from small to large, names by where they
    are first stated; pairs renumbered to match."""
    def key(value: ValueView) -> tuple[float, float, int, int]:
        bounds = _bounds(value.value)
        first = min((order.get(c.document, len(order)) for c in value.claims), default=len(order))
        if bounds is None:
            return (0.0, 0.0, first, value.index)
        low = bounds.low if bounds.low is not None else float("-inf")
        high = bounds.high if bounds.high is not None else float("inf")
        return (low, high, first, value.index)

    ranked = sorted(values, key=key)
    moved = {value.index: place for place, value in enumerate(ranked)}
    for place, value in enumerate(ranked):
        value.index = place
    for pair in pairs:
        pair.a, pair.b = sorted((moved[pair.a], moved[pair.b]))
    return ranked, pairs


def build_card(view: View, key: str, findings: list[Finding]) -> Card:
    """One card from the findings that share ``key``."""
    findings = sorted(findings, key=lambda f: (rank(f.verdict), SEVERITY_ORDER.get(f.severity, 3)))
    claims = view.claims
    values: list[ValueView] = []
    by_text: dict[str, ValueView] = {}
    pairs: list[PairView] = []
    seen_claims: set[str] = set()
    seen_pairs: set[tuple[int, int, str]] = set()
    for finding in findings:
        local: list[ValueView] = []
        for text in finding.values:
            if text not in by_text:
                by_text[text] = ValueView(index=len(values), canonical=text, words=text, value=None)
                values.append(by_text[text])
            local.append(by_text[text])
        for claim_id, side in zip(finding.claims, _sides(finding), strict=True):
            claim = claims.get(claim_id)
            if claim is None or claim_id in seen_claims or not 0 <= side < len(local):
                continue
            seen_claims.add(claim_id)
            local[side].claims.append(claim)
        for given in finding.pairs or ():
            if not (0 <= given.a < len(local) and 0 <= given.b < len(local)):
                continue
            a, b = local[given.a], local[given.b]
            ident = (min(a.index, b.index), max(a.index, b.index), given.verdict)
            if ident in seen_pairs:
                continue
            seen_pairs.add(ident)
            pairs.append(PairView(a=a.index, b=b.index, verdict=given.verdict, severity=given.severity,
                                  confidence=given.confidence, sentence="", reason=given.reason))
        if not finding.pairs and len(local) >= 2:
            pairs.append(PairView(a=local[0].index, b=local[1].index, verdict=finding.verdict,
                                  severity=finding.severity, confidence=finding.confidence, sentence="",
                                  reason=finding.reason))
    for value in values:
        value.value = value.claims[0].value.value if value.claims else None
        value.words = value_words(value.value) if value.value is not None else value.canonical
    values, pairs = _ordered(values, pairs, view.order)
    for pair in pairs:
        for index in (pair.a, pair.b):
            if rank(pair.verdict) < rank(values[index].status):
                values[index].status = pair.verdict
        pair.sentence = _pair_sentence(view, values[pair.a], values[pair.b], pair.verdict, pair.severity,
                                       pair.reason)
    pairs.sort(key=lambda p: (rank(p.verdict), SEVERITY_ORDER.get(p.severity, 3), p.a, p.b))
    head = findings[0]
    fact = _fact_of(head, claims)
    all_claims = [c for v in values for c in v.claims]
    subject_key = head.subject or ""
    scope = dict(head.scope)
    order = view.order
    sources = sorted({c.document for c in all_claims} | {s.path for f in findings for s in f.evidence},
                     key=lambda p: (order.get(p, len(order)), p))
    card = Card(key=key, anchor=card_anchor(key), subject_key=subject_key,
                subject=_subject_name(subject_key, all_claims), fact=fact, fact_label=fact_label(fact),
                about=fact_about(fact), scope=scope, scope_words=scope_words(scope), findings=findings,
                values=values, pairs=pairs, verdict=head.verdict, severity=head.severity,
                confidence=min(f.confidence for f in findings), summary="", sources=sources,
                kind=_value_kind(v.value for v in values))
    card.summary = _summary(view, card)
    return card


def build_view(report: Report, texts: Mapping[str, str] | None = None) -> View:
    """The report as cards grouped by subject, conflicts first; claims that met nothing per document."""
    view = View(report=report, sources=name_sources(report.documents, texts),
                claims={c.id: c for c in report.claims}, cards=[], groups=[], unmatched={},
                order={d.path: i for i, d in enumerate(report.documents)})
    by_key: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_key.setdefault(finding.key, []).append(finding)
    cards = [build_card(view, key, found) for key, found in by_key.items()]
    cards.sort(key=lambda c: (rank(c.verdict), SEVERITY_ORDER.get(c.severity, 3), c.subject.casefold(),
                              c.fact_label, c.key))
    view.cards = cards
    grouped: dict[str, list[Card]] = {}
    for card in cards:
        grouped.setdefault(card.subject_key, []).append(card)
    groups = []
    for key, found in grouped.items():
        paths = sorted({p for c in found for p in c.sources}, key=lambda p: (view.order.get(p, len(view.order)), p))
        groups.append(SubjectGroup(key=key, name=found[0].subject, anchor=subject_anchor(key), cards=found,
                                   sources=paths))
    groups.sort(key=lambda g: (rank(g.worst), -g.counts.get(g.worst, 0), g.name.casefold(), g.key))
    view.groups = groups
    used = {c for f in report.findings for c in f.claims}
    for claim in report.claims:
        if claim.id not in used:
            view.unmatched.setdefault(claim.document, []).append(claim)
    return view
