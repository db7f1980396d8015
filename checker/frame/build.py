"""Frames: turn the mentions of one document into claims (subject, attribute, qualifiers, value).

For each sentence outside boilerplate, every value mention (time, quantity,
money, percent) becomes a claim. Its attribute is named by the nearest cue
of the language's frame data that fits the value's type (a verb such as
"released" or a noun such as "capacity"); its subject is the entity that
the cue or the value's qualifier hangs on; its modality comes from planning,
expectation and reporting words. Role mentions ("X, CEO of Y") become claims
about who holds a title at an organization.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from checker.document import Document
from checker.frame.data import Attribute, CompiledFrames, Qualifier, frames
from checker.frame.sentences import sentences
from checker.link.entities import entity_key
from checker.recognize import recognize
from checker.recognize.entity import lexicon
from checker.recognize.hints import value_hints
from checker.recognize.prefilter import WordGate, first_match_at, matches_at
from checker.records import (
    Claim,
    ClaimValue,
    EntityValue,
    Mention,
    QuantityValue,
    RoleValue,
    Span,
    TimeValue,
    Value,
    trusted,
)

VALUE_TYPES = frozenset({"time", "quantity", "money", "percent"})
VALUE_DIMENSIONS = ("money", "percent", "time", "quantity")
NAME_DIMENSIONS = ("role", "entity")
# Events a person can be the subject of (a visit, an appointment); other facts are about organizations or things.
PERSON_ATTRIBUTES = frozenset({"visit", "appointment", "statement", "announcement", "report"})
# The place and date a story was filed from ("PARIS, March 3 (Agency) –"): not a fact of the story.
DATELINE = "dateline"
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)\n]{0,60}\)\s*)?[–—-]\s")
SKIPPED_ZONES = frozenset({"boilerplate", "metadata"})
UNSPECIFIED = "unspecified"
# How far (in characters) a cue may stand from the value it names.
CUE_REACH = 220
# A cue after its value counts this much farther away: English and French put the verb first.
AFTER_PENALTY = 1.6
# A qualifier belongs to a value when it stands this close to the value, or to the value's cue.
QUALIFIER_REACH = 60
QUALIFIER_CUE_REACH = 30
# A value this close to the start of its sentence is a fronted adverbial ("On May 4, ..., X was announced"):
# its cue may stand past a clause break.
FRONTED = 25
MAX_EVIDENCE = 400
_OWNER_LINK = re.compile(r"\s+(?:of|de|du|des|d['’])\s*(?:the\s+|la\s+|le\s+|l['’]\s*)?", re.IGNORECASE)


class _Placed(NamedTuple):
    """A name mention moved into its sentence's coordinates: a tuple, cheaper to make than a record's copy."""

    type: str
    start: int
    end: int
    text: str
    value: Value


# What the sentence-level rules read: a value mention of the sentence, or a name moved into it.
_Located = Mention | _Placed


class _Cue(NamedTuple):
    id: str
    start: int
    end: int


class _Scan:
    """What the frame rules look up in one sentence, found once: per value, only lookups remain.

    A sentence can hold thousands of values (a table flattened into one line); scanning it
    again for each of them would make extraction quadratic.
    """

    def __init__(self, sentence: str, data: CompiledFrames, names: Sequence[_Located] = ()) -> None:
        self.text = sentence
        # Only the cue patterns whose opening words occur in the sentence can match in it, and only where they do.
        gate = _gates(data)
        starts = gate.starts(sentence)
        if starts is None:
            wanted: Iterable[int] = range(gate.count)
            where: dict[int, list[int]] = {}
        else:
            wanted, where = sorted({*starts, *gate.always} if gate.always else starts), starts
        by_index = _by_index(data)
        attributes: list[tuple[Attribute, list[re.Match[str]]]] = []
        qualifiers: list[tuple[Qualifier, list[re.Match[str]]]] = []
        self.modalities: list[tuple[str, re.Pattern[str]]] = []
        self.reported = False
        as_of: re.Match[str] | None = None
        attributions: list[re.Match[str]] = []
        for index in wanted:
            kind, item, pattern = by_index[index]
            at = where.get(index)
            if kind == "attribute":
                attributes.append((item, matches_at(pattern, sentence, at)))
            elif kind == "qualifier":
                qualifiers.append((item, matches_at(pattern, sentence, at)))
            elif kind == "modality":
                self.modalities.append((item, pattern))
                if item == "reported" and not self.reported:
                    self.reported = first_match_at(pattern, sentence, at) is not None
            elif kind == "as of":
                as_of = first_match_at(pattern, sentence, at)
            else:
                attributions = matches_at(pattern, sentence, at)
        # A cue word inside a name ("Vorent Capital", "Signal Post") names the company, not an attribute.
        cues = _cues(attributes)
        self.cues = ([c for c in cues if not any(n.start < c.end and c.start < n.end for n in names)]
                     if cues and names else cues)
        self.breaks = [m.start() for m in data.clause_break.finditer(sentence)]
        self.qualifiers = [(qualifier, m.start(), m.end()) for qualifier, matches in qualifiers
                           for m in matches if not _cancelled(data, qualifier, sentence, m.start())]
        # Only qualifiers look at commas.
        self.commas = [m.start() for m in _COMMA.finditer(sentence)] if self.qualifiers else []
        self.attributions = [(m.start(), m.end(), " ".join(m.group(1).lower().split())) for m in attributions]
        self.as_of = as_of.group() if as_of else None

    @staticmethod
    def between(positions: list[int], low: int, high: int) -> bool:
        """Whether any of the sorted ``positions`` lies in ``[low, high)``."""
        i = bisect.bisect_left(positions, low)
        return i < len(positions) and positions[i] < high


def _cancelled(data: CompiledFrames, qualifier: Qualifier, sentence: str, start: int) -> bool:
    """Whether a qualifier's cue follows one of the words that make it no such qualifier."""
    pattern = data.not_after.get(id(qualifier))
    return pattern is not None and pattern.search(sentence, max(0, start - 30), start) is not None


def extract_claims(doc: Document) -> list[Claim]:
    """All claims of ``doc``, in text order, with evidence pointing into the raw file."""
    lang = doc.info.language or "en"
    data = frames(lang)
    # Names are recognized over the whole text: whether a capitalized word is a name can depend on
    # how the rest of the article writes it.
    names = _after_datelines(recognize(doc.text, lang, doc.info.reference_date, dimensions=NAME_DIMENSIONS), doc)
    topic = main_organization(names, doc)
    claims: list[Claim] = []
    # Most sentences hold no digit, number, quantity or time word: those are not handed to the value recognizers.
    hints = value_hints(doc.text, lang)
    # Names come sorted by start: each sentence looks only at those starting inside it.
    starts = [m.start for m in names]
    well_formed = all(m.start <= m.end for m in names) and starts == sorted(starts)
    role_starts = [m.start for m in names if m.type == "role"]
    for zone in doc.zones:
        if zone.kind in SKIPPED_ZONES:
            continue
        for start, end in sentences(doc.text, zone.start, zone.end):
            hinted = hints.touches(start, end)
            if not hinted and well_formed and not _Scan.between(role_starts, start, end + 1):
                continue  # no value and no role ("X, chief executive of Y"): no claim
            sentence = doc.text[start:end]
            values = recognize(sentence, lang, doc.info.reference_date, dimensions=VALUE_DIMENSIONS) if hinted else []
            nearby = names[bisect.bisect_left(starts, start):bisect.bisect_right(starts, end)] if well_formed else names
            within = [m for m in nearby if start <= m.start and m.end <= end]
            if not values:
                # Without a value only a role ("X, chief executive of Y") makes a claim.
                within = [m for m in within if m.type == "role"]
                if not within:
                    continue
            inside: list[_Located] = [_Placed(m.type, m.start - start, m.end - start, m.text, m.value) for m in within]
            # The place and agency of a dateline are where and by whom the story was filed: no subjects
            # (their names still hide cue words: "(Signal Post)" signs nothing).
            filed = {m.start - start for m in within if m.type == "entity" and _in_dateline(doc.text, zone.start, m)}
            found = _Sentence(sentence, start, end, values, inside, filed)
            claims.extend(_sentence_claims(doc, data, found, len(claims), topic))
    return claims


def _after_datelines(names: list[Mention], doc: Document) -> list[Mention]:
    """Names without the capitalized word that merely opens a sentence after a dateline.

    "PARIS, May 16 (Agency) - Priced from ...": the recognizer takes "Priced" for a name, since it does
    not stand at a sentence start; a word seen capitalized nowhere else there is no name.
    """
    openers = set()
    for zone in doc.zones:
        lead = _DATELINE_LEAD.match(doc.text, zone.start, zone.start + 160)
        if lead is not None:
            openers.add(lead.end())
    if not openers:
        return names
    seen: dict[str, int] = {}
    for m in names:
        if isinstance(m.value, EntityValue):
            seen[m.value.key] = seen.get(m.value.key, 0) + 1
    return [m for m in names if not (m.start in openers and isinstance(m.value, EntityValue)
                                     and seen[m.value.key] == 1 and " " not in m.text.strip())]


def main_organization(names: list[Mention], doc: Document) -> str | None:
    """The name (not a person's) an article uses most outside boilerplate; the first named wins a tie."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str]] = {}
    generic = lexicon(doc.info.language or "en").org_words
    for mention in names:
        value = mention.value
        if mention.type != "entity" or not isinstance(value, EntityValue) or value.kind in ("person", "place"):
            continue
        zone = doc.zone_at(mention.start)
        if zone is None or zone.kind in SKIPPED_ZONES or _in_dateline(doc.text, zone.start, mention):
            continue
        # "Union representatives said ...": an organization word alone is a common noun, not the story's company.
        if " " not in value.name.strip() and value.name.casefold() in generic:
            continue
        counts[value.key] = counts.get(value.key, 0) + 1
        first.setdefault(value.key, (mention.start, value.name))
    if not counts:
        return None
    key = min(counts, key=lambda k: (-counts[k], first[k][0]))
    return first[key][1]


_DATELINE_LEAD = re.compile(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]+(?:,[^()\n]{0,40}?)?\s*(?:\([^)\n]{0,60}\))?\s*[–—-]\s")


def _in_dateline(text: str, block_start: int, mention: Mention) -> bool:
    """The place and agency of a dateline ("PARIS, 3 March (Agency) -") say who wrote the story, and where."""
    if mention.start - block_start > 80:
        return False
    lead = _DATELINE_LEAD.match(text, block_start, block_start + 160)
    if lead is not None and mention.end <= lead.end():
        return True
    opened = text.rfind("(", block_start, mention.start)
    return opened >= 0 and text.find(")", mention.end, mention.end + 40) >= 0


@dataclass(frozen=True)
class _Sentence:
    """One sentence of a document with what was recognized in it (offsets relative to the sentence)."""

    text: str
    start: int
    end: int
    values: list[Mention]
    names: list[_Located]
    filed: set[int]  # starts of the dateline's names: where and by whom the story was filed


def _sentence_claims(doc: Document, data: CompiledFrames, found: _Sentence, numbered: int,
                     topic: str | None) -> Iterator[Claim]:
    sentence, start, end, values, names = found.text, found.start, found.end, found.values, found.names
    named = [m for m in names if m.type == "entity"]
    entities = [m for m in named if m.start not in found.filed]
    roles = [m for m in names if m.type == "role"]
    # Scanned only once a value needs it: most sentences with names hold no value.
    scan: _Scan | None = None
    count = numbered
    # The whole sentence is every claim's evidence, unless it is too long to quote.
    whole = doc.span(start, end) if end - start <= MAX_EVIDENCE else None
    for mention in sorted([*values, *roles], key=lambda m: (m.start, m.end, m.type)):
        evidence = (whole if whole is not None
                    else _evidence(doc, start, end, start + mention.start, start + mention.end))
        if mention.type in VALUE_TYPES:
            if scan is None:
                scan = _Scan(sentence, data, named)
            claim = _value_claim(doc, data, scan, start, mention, entities, roles, evidence, count, topic)
        else:
            claim = _role_claim(doc, start, mention, evidence, count)
        if claim is not None:
            count += 1
            yield claim


@cache
def _by_index(data: CompiledFrames) -> list[tuple[str, Any, re.Pattern[str]]]:
    """The gated patterns in ``_gates`` order: (kind, attribute / qualifier / modality name, pattern)."""
    return ([("attribute", item, pattern) for item, pattern in data.attributes]
            + [("qualifier", item, pattern) for item, pattern in data.qualifiers]
            + [("modality", item, pattern) for item, pattern in data.modalities]
            + ([("as of", None, data.as_of)] if data.as_of is not None else [])
            + ([("attribution", None, data.attribution)] if data.attribution is not None else []))


@cache
def _gates(data: CompiledFrames) -> WordGate:
    """One gate over the attribute, qualifier, modality, "as of" and attribution patterns of a language."""
    return WordGate([pattern for _, _, pattern in _by_index(data)])


def _cues(attributes: list[tuple[Attribute, list[re.Match[str]]]]) -> list[_Cue]:
    """Attribute cues from their matches; of two overlapping cues the longer wins ("sortir de ligne" over "sortir")."""
    found = [_Cue(attribute.id, m.start(), m.end()) for attribute, matches in attributes for m in matches]
    if len(found) < 2:
        return found  # most sentences: nothing can overlap
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[_Cue] = []
    for cue in found:
        if all(cue.end <= k.start or k.end <= cue.start for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


def _distance(cue_start: int, cue_end: int, mention: _Located) -> float:
    if cue_end <= mention.start:
        return float(mention.start - cue_end)
    if cue_start >= mention.end:
        return (cue_start - mention.end) * AFTER_PENALTY
    return 0.0


def _attribute(data: CompiledFrames, scan: _Scan, mention: _Located) -> _Cue | None:
    allowed = data.allowed[mention.value.type]
    fronted = mention.start <= FRONTED
    best: tuple[float, int, _Cue] | None = None
    for cue in scan.cues:
        if cue.id not in allowed or (mention.start <= cue.start and cue.end <= mention.end):
            continue
        if cue.id in data.before_only and cue.end > mention.start:
            continue
        low, high = min(cue.end, mention.end), max(cue.start, mention.start)
        if not (fronted and cue.start > mention.end) and scan.between(scan.breaks, low, high):
            continue
        distance = _distance(cue.start, cue.end, mention)
        if distance > CUE_REACH:
            continue
        candidate = (distance, cue.start, cue)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return best[2] if best else None


def _belongs_elsewhere(start: int, end: int, mention: _Located, cue: _Cue | None, cues: list[_Cue]) -> bool:
    """A qualifier next to another attribute's cue ("an annual capacity") qualifies that attribute."""
    own = _span_gap(start, end, mention.start, mention.end)
    own_id = cue.id if cue else None
    return any(other.id != own_id and _span_gap(start, end, other.start, other.end) < min(own, QUALIFIER_CUE_REACH)
               for other in cues)


def _qualifiers(scan: _Scan, mention: _Located, cue: _Cue | None) -> tuple[tuple[str, ...], tuple[int, int] | None]:
    """Qualifier ids near the value or its cue; grouped ones (direct / indirect) keep the nearest of their group.

    Also returns where an owner qualifier ("the first model") ends, for finding its owner entity.
    """
    nearest: dict[str, tuple[float, str, tuple[int, int], bool]] = {}
    free: set[str] = set()
    for qualifier, q_start, q_end in scan.qualifiers:
        if qualifier.value_types and mention.value.type not in qualifier.value_types:
            continue
        if qualifier.precedes and q_end > mention.start:
            continue
        reach = QUALIFIER_REACH if qualifier.reach is None else qualifier.reach
        near_value = (_span_gap(q_start, q_end, mention.start, mention.end) <= reach
                      and not scan.between(scan.commas, min(q_end, mention.end), max(q_start, mention.start)))
        near_cue = (qualifier.reach is None and cue is not None
                    and _span_gap(q_start, q_end, cue.start, cue.end) <= QUALIFIER_CUE_REACH)
        # "the first model of ... will be released": an owner qualifier heading the cue's clause.
        heads_cue = (qualifier.owner and cue is not None and q_end <= cue.start
                     and not scan.between(scan.breaks, q_end, cue.start))
        if not (near_value or near_cue or heads_cue):
            continue
        alone = near_value and not (near_cue or heads_cue)
        if alone and _belongs_elsewhere(q_start, q_end, mention, cue, scan.cues):
            continue
        if qualifier.group is None:
            free.add(qualifier.id)
            continue
        distance = _distance(q_start, q_end, mention)
        current = nearest.get(qualifier.group)
        if current is None or distance < current[0]:
            nearest[qualifier.group] = (distance, qualifier.id, (q_start, q_end), qualifier.owner)
    chosen = free | {entry[1] for entry in nearest.values()}
    owner = next((entry[2] for entry in nearest.values() if entry[3]), None)
    return tuple(sorted(chosen)), owner


_COMMA = re.compile(r"[,;]")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s*$")


def _object_before(data: CompiledFrames, sentence: str, position: int) -> str | None:
    """The word naming what starts or ends ("production" in "production is expected to start")."""
    end = position
    for _ in range(6):
        match = _WORD_BEFORE.search(sentence, max(0, end - 40), end)
        if match is None:
            return None
        word = match.group(1).lower()
        if word not in data.object_skip:
            return None if word in data.data.pronouns else word
        end = match.start()
    return None


ATTRIBUTION_REACH = 80


def _attribution(scan: _Scan, mention: _Located) -> str | None:
    """Who gave a count ("50,000 according to the police"): the nearest attribution around the value."""
    if mention.value.type == "time":
        return None
    best: tuple[int, str] | None = None
    for a_start, a_end, source in scan.attributions:
        distance = _span_gap(a_start, a_end, mention.start, mention.end)
        if distance <= ATTRIBUTION_REACH and (best is None or distance < best[0]):
            best = (distance, source)
    return best[1] if best else None


def _is_now(doc: Document, mention: _Located) -> bool:
    """ "today", "aujourd'hui": the article's own day, a time stamp of a statement rather than a fact's date."""
    value = mention.value
    ref = doc.info.reference_date
    return (isinstance(value, TimeValue) and value.resolution == "relative" and ref is not None
            and value.earliest == ref == value.latest)


def _is_dateline(doc: Document, offset: int, mention: _Located, sentence: str) -> bool:
    """A date near the start of the first body block, followed by a dash: the dateline."""
    first = next((z for z in doc.zones if z.kind in ("lead", "body")), None)
    if first is None or not (first.start <= offset + mention.start < first.start + 60):
        return False
    return _DATELINE_AFTER.match(sentence, mention.end) is not None


def _counts_the_cue(sentence: str, cue: _Cue, mention: _Located) -> bool:
    """ "the two teams": a count of the cue's own noun, not a measure of it (a team's size)."""
    unit = mention.value.unit if isinstance(mention.value, QuantityValue) else None
    return bool(unit) and sentence[cue.start:cue.end].lower().rstrip("s") == unit


def _span_gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, b_start - a_end, a_start - b_end)


def _modality(data: CompiledFrames, scan: _Scan, mention: _Located) -> str:
    low = max(0, mention.start - 120)
    for modality, pattern in scan.modalities:
        if modality != "reported" and pattern.search(scan.text, low, mention.start):
            return modality
    return "reported" if scan.reported else "asserted"


def _subject_of(entity: _Located, roles: list[_Located], people: bool) -> _Located | str | None:
    """What an entity stands for as a subject.

    Inside a role apposition ("X, CEO of Y") it stands for the role's person X when
    people may be subjects (events), and is no subject otherwise.
    """
    for role in roles:
        inside = role.start <= entity.start and entity.end <= role.end
        if inside and isinstance(role.value, RoleValue) and role.value.person:
            return role.value.person if people else None
    if not people and isinstance(entity.value, EntityValue) and entity.value.kind == "person":
        return None
    return entity


def _is_place(sentence: str, entity: _Located, data: CompiledFrames) -> bool:
    """A name after a locative preposition ("near Lyon", "à Oslo", "in Port Ellis") names a place.

    A longer name there is a place too unless it is known as an organization ("a stake in Acme Foods").
    """
    one_word = " " not in entity.text.strip()
    known = isinstance(entity.value, EntityValue) and entity.value.kind in ("organization", "person", "product")
    return ((one_word or not known)
            and data.place_before.search(sentence, max(0, entity.start - 20), entity.start) is not None)


def _is_speaker(sentence: str, entity: _Located, anchor_start: int, data: CompiledFrames) -> bool:
    """ "X said that the team ...": X is the speaker, not the subject; "X said it will ..." keeps X."""
    if data.reporting is None:
        return False
    verb = data.reporting.search(sentence, entity.end, anchor_start)
    return verb is not None and data.pronoun_after.match(sentence, verb.end()) is None


def _subject(sentence: str, anchor: tuple[int, int], owner_end: int | None, mention: _Located,
             entities: list[_Located], roles: list[_Located], data: CompiledFrames, breaks: list[int],
             attribute: str) -> str | None:
    people = attribute in PERSON_ATTRIBUTES
    candidates = []
    for entity in entities:
        if mention.start < entity.end and entity.start < mention.end:
            continue
        if entity.text.lower().endswith(data.adjective_suffixes or ("\0",)):
            continue
        stands_for = _subject_of(entity, roles, people)
        if stands_for is not None and not _is_place(sentence, entity, data):
            candidates.append((entity, stands_for))
    if owner_end is not None:
        link = _OWNER_LINK.match(sentence, owner_end)
        if link:
            owned = [subject for entity, subject in candidates if entity.start == link.end()]
            return _name(owned[0]) if owned else None
    # "The Kalvik site represents an investment of $4 billion by X": the agent, not the site, invests.
    agent = [subject for e, subject in candidates
             if e.start >= mention.end and data.agent_before.fullmatch(sentence, mention.end, e.start)]
    if agent:
        return _name(agent[0])
    before = [(e, subject) for e, subject in candidates
              if e.end <= anchor[0] and not _is_speaker(sentence, e, anchor[0], data)]
    if before:
        return _name(max(before, key=lambda pair: pair[0].end)[1])
    after = [(e, subject) for e, subject in candidates
             if e.start >= anchor[1] and not _Scan.between(breaks, anchor[1], e.start)]
    if after:
        return _name(min(after, key=lambda pair: pair[0].start)[1])
    return None


def _name(subject: _Located | str) -> str:
    if isinstance(subject, str):
        return subject
    value = subject.value
    return value.name if isinstance(value, EntityValue) else subject.text


def _value_claim(doc: Document, data: CompiledFrames, scan: _Scan, offset: int, mention: _Located,
                 entities: list[_Located], roles: list[_Located], evidence: Span, number: int,
                 topic: str | None) -> Claim | None:
    sentence = scan.text
    cue = _attribute(data, scan, mention)
    attribute = cue.id if cue else UNSPECIFIED
    if mention.value.type == "time" and _is_dateline(doc, offset, mention, sentence):
        cue, attribute = None, DATELINE
    elif _is_now(doc, mention):
        cue, attribute = None, UNSPECIFIED
    if cue is not None and _counts_the_cue(sentence, cue, mention):
        attribute = UNSPECIFIED
    qualifiers, owner = _qualifiers(scan, mention, cue)
    source = _attribution(scan, mention)
    if source is not None:
        qualifiers = tuple(sorted((*qualifiers, f"source:{source}")))
    if cue is not None and cue.id in data.needs_object:
        thing = _object_before(data, sentence, cue.start)
        if thing is None:
            attribute = UNSPECIFIED
        else:
            qualifiers = tuple(sorted((*qualifiers, f"what:{thing}")))
    anchor = (cue.start, cue.end) if cue else (mention.start, mention.end)
    subject = _subject(sentence, anchor, owner[1] if owner else None, mention, entities, roles, data, scan.breaks,
                       attribute)
    as_of = scan.as_of
    value_start, value_end, quote = doc.located(offset + mention.start, offset + mention.end)
    return trusted(
        Claim,
        id=_claim_id(doc, number),
        document=doc.path,
        subject=subject,
        subject_key=entity_key(subject) if subject else None,
        attribute=attribute,
        qualifiers=qualifiers,
        modality=_modality(data, scan, mention),
        value=trusted(ClaimValue, text=quote, start=value_start, end=value_end, value=mention.value),
        evidence=evidence,
        rule=f"frame.{mention.value.type}.{attribute}",
        as_of=as_of,
        # A claim without a subject is about the story's main organization, if it has one.
        topic=topic if subject is None else None,
    )


def _role_claim(doc: Document, offset: int, mention: _Located, evidence: Span, number: int) -> Claim | None:
    role = mention.value
    if not isinstance(role, RoleValue) or not role.person or not role.organization:
        return None
    value_start, value_end, quote = doc.located(offset + mention.start, offset + mention.end)
    person = EntityValue(name=role.person, kind="person", key=entity_key(role.person))
    return trusted(
        Claim,
        id=_claim_id(doc, number),
        document=doc.path,
        subject=role.organization,
        subject_key=entity_key(role.organization),
        attribute=f"role:{role.title}",
        qualifiers=(),
        modality="asserted",
        value=trusted(ClaimValue, text=quote, start=value_start, end=value_end, value=person),
        evidence=evidence,
        rule="frame.role",
        as_of=None,
        topic=None,
    )


def _claim_id(doc: Document, number: int) -> str:
    return f"{doc.info.sha256[:12]}-{number:04d}"


def _evidence(doc: Document, start: int, end: int, focus_start: int, focus_end: int) -> Span:
    """The sentence as evidence; a very long one is cut to a window around the value, at spaces."""
    if end - start > MAX_EVIDENCE:
        margin = max(0, (MAX_EVIDENCE - (focus_end - focus_start)) // 2)
        low = max(start, focus_start - margin)
        high = min(end, focus_end + margin)
        space = doc.text.find(" ", low, focus_start)
        low = space + 1 if low > start and space >= 0 else low
        space = doc.text.rfind(" ", focus_end, high)
        high = space if high < end and space >= 0 else high
        start, end = low, high
    return doc.span(start, end)
