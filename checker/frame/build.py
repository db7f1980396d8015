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

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.document import Document
from checker.frame.data import CompiledFrames, frames
from checker.frame.sentences import sentences
from checker.link.entities import entity_key
from checker.recognize import recognize
from checker.records import Claim, ClaimValue, EntityValue, Mention, RoleValue, Span

VALUE_TYPES = frozenset({"time", "quantity", "money", "percent"})
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


@dataclass(frozen=True)
class _Cue:
    id: str
    start: int
    end: int


def extract_claims(doc: Document) -> list[Claim]:
    """All claims of ``doc``, in text order, with evidence pointing into the raw file."""
    lang = doc.info.language or "en"
    data = frames(lang)
    claims: list[Claim] = []
    for zone in doc.zones:
        if zone.kind in SKIPPED_ZONES:
            continue
        for start, end in sentences(doc.text, zone.start, zone.end):
            claims.extend(_sentence_claims(doc, data, start, end, len(claims)))
    return claims


def _sentence_claims(doc: Document, data: CompiledFrames, start: int, end: int, numbered: int) -> Iterator[Claim]:
    sentence = doc.text[start:end]
    lang = doc.info.language or "en"
    mentions = recognize(sentence, lang, doc.info.reference_date)
    if not mentions:
        return
    entities = [m for m in mentions if m.type == "entity"]
    roles = [m for m in mentions if m.type == "role"]
    cues = _cues(sentence, data)
    count = numbered
    for mention in mentions:
        evidence = _evidence(doc, start, end, start + mention.start, start + mention.end)
        if mention.type in VALUE_TYPES:
            claim = _value_claim(doc, data, sentence, start, mention, entities, roles, cues, evidence, count)
        elif mention.type == "role":
            claim = _role_claim(doc, start, mention, evidence, count)
        else:
            continue
        if claim is not None:
            count += 1
            yield claim


def _cues(sentence: str, data: CompiledFrames) -> list[_Cue]:
    """Attribute cues in the sentence; of two overlapping cues the longer wins ("sortir de ligne" over "sortir")."""
    found = [_Cue(attribute.id, m.start(), m.end()) for attribute, pattern in data.attributes
             for m in pattern.finditer(sentence)]
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[_Cue] = []
    for cue in found:
        if all(cue.end <= k.start or k.end <= cue.start for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


def _distance(cue_start: int, cue_end: int, mention: Mention) -> float:
    if cue_end <= mention.start:
        return float(mention.start - cue_end)
    if cue_start >= mention.end:
        return (cue_start - mention.end) * AFTER_PENALTY
    return 0.0


def _attribute(data: CompiledFrames, sentence: str, mention: Mention, cues: list[_Cue]) -> _Cue | None:
    allowed = {a.id for a, _ in data.attributes if mention.value.type in a.value_types}
    breaks = [m.start() for m in data.clause_break.finditer(sentence)]
    fronted = mention.start <= FRONTED
    best: tuple[float, int, _Cue] | None = None
    for cue in cues:
        if cue.id not in allowed or (mention.start <= cue.start and cue.end <= mention.end):
            continue
        low, high = min(cue.end, mention.end), max(cue.start, mention.start)
        if not (fronted and cue.start > mention.end) and any(low <= b < high for b in breaks):
            continue
        distance = _distance(cue.start, cue.end, mention)
        if distance > CUE_REACH:
            continue
        candidate = (distance, cue.start, cue)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return best[2] if best else None


def _qualifiers(data: CompiledFrames, sentence: str, mention: Mention,
                cue: _Cue | None) -> tuple[tuple[str, ...], tuple[int, int] | None]:
    """Qualifier ids near the value or its cue; grouped ones (direct / indirect) keep the nearest of their group.

    Also returns where an owner qualifier ("the first model") ends, for finding its owner entity.
    """
    nearest: dict[str, tuple[float, str, tuple[int, int], bool]] = {}
    free: set[str] = set()
    for qualifier, pattern in data.qualifiers:
        for m in pattern.finditer(sentence):
            near_value = _span_gap(m.start(), m.end(), mention.start, mention.end) <= QUALIFIER_REACH
            near_cue = cue is not None and _span_gap(m.start(), m.end(), cue.start, cue.end) <= QUALIFIER_CUE_REACH
            # "the first model of ... will be released": an owner qualifier heading the cue's clause.
            heads_cue = (qualifier.owner and cue is not None and m.end() <= cue.start
                         and not data.clause_break.search(sentence, m.end(), cue.start))
            if not (near_value or near_cue or heads_cue):
                continue
            if qualifier.group is None:
                free.add(qualifier.id)
                continue
            distance = _distance(m.start(), m.end(), mention)
            current = nearest.get(qualifier.group)
            if current is None or distance < current[0]:
                nearest[qualifier.group] = (distance, qualifier.id, (m.start(), m.end()), qualifier.owner)
    chosen = free | {entry[1] for entry in nearest.values()}
    owner = next((entry[2] for entry in nearest.values() if entry[3]), None)
    return tuple(sorted(chosen)), owner


def _span_gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, b_start - a_end, a_start - b_end)


def _modality(data: CompiledFrames, sentence: str, mention: Mention) -> str:
    window = sentence[max(0, mention.start - 120): mention.start]
    for modality, pattern in data.modalities:
        if modality != "reported" and pattern.search(window):
            return modality
    for modality, pattern in data.modalities:
        if modality == "reported" and pattern.search(sentence):
            return modality
    return "asserted"


def _subject_of(entity: Mention, roles: list[Mention]) -> Mention | str:
    """An entity inside a role apposition stands for the role's person ("X, CEO of Y" -> X)."""
    for role in roles:
        inside = role.start <= entity.start and entity.end <= role.end
        if inside and isinstance(role.value, RoleValue) and role.value.person:
            return role.value.person
    return entity


def _subject(sentence: str, anchor: tuple[int, int], owner_end: int | None, mention: Mention,
             entities: list[Mention], roles: list[Mention], reporting: re.Pattern[str] | None) -> str | None:
    candidates = [e for e in entities if e.end <= mention.start or e.start >= mention.end]
    if owner_end is not None:
        link = _OWNER_LINK.match(sentence, owner_end)
        if link:
            owned = [e for e in candidates if e.start == link.end()]
            return _name(_subject_of(owned[0], roles)) if owned else None
    if not candidates:
        return None
    # "X said that the team ...": the speaker of a reported clause is not what the clause is about.
    before = [e for e in candidates if e.end <= anchor[0]
              and not (reporting is not None and reporting.search(sentence, e.end, anchor[0]))]
    if before:
        return _name(_subject_of(max(before, key=lambda e: e.end), roles))
    after = [e for e in candidates if e.start >= anchor[1]]
    if after:
        return _name(_subject_of(min(after, key=lambda e: e.start), roles))
    return _name(_subject_of(candidates[0], roles))


def _name(subject: Mention | str) -> str:
    if isinstance(subject, str):
        return subject
    value = subject.value
    return value.name if isinstance(value, EntityValue) else subject.text


def _value_claim(doc: Document, data: CompiledFrames, sentence: str, offset: int, mention: Mention,
                 entities: list[Mention], roles: list[Mention], cues: list[_Cue], evidence: Span,
                 number: int) -> Claim | None:
    cue = _attribute(data, sentence, mention, cues)
    attribute = cue.id if cue else UNSPECIFIED
    qualifiers, owner = _qualifiers(data, sentence, mention, cue)
    anchor = (cue.start, cue.end) if cue else (mention.start, mention.end)
    subject = _subject(sentence, anchor, owner[1] if owner else None, mention, entities, roles, data.reporting)
    as_of = None
    if data.as_of is not None:
        found = data.as_of.search(sentence)
        as_of = found.group() if found else None
    value_span = doc.span(offset + mention.start, offset + mention.end)
    return Claim(
        id=_claim_id(doc, number),
        document=doc.path,
        subject=subject,
        subject_key=entity_key(subject) if subject else None,
        attribute=attribute,
        qualifiers=qualifiers,
        modality=_modality(data, sentence, mention),  # type: ignore[arg-type]
        value=ClaimValue(text=value_span.quote, start=value_span.start, end=value_span.end, value=mention.value),
        evidence=evidence,
        rule=f"frame.{mention.value.type}.{attribute}",
        as_of=as_of,
    )


def _role_claim(doc: Document, offset: int, mention: Mention, evidence: Span, number: int) -> Claim | None:
    role = mention.value
    if not isinstance(role, RoleValue) or not role.person or not role.organization:
        return None
    span = doc.span(offset + mention.start, offset + mention.end)
    person = EntityValue(name=role.person, kind="person", key=entity_key(role.person))
    return Claim(
        id=_claim_id(doc, number),
        document=doc.path,
        subject=role.organization,
        subject_key=entity_key(role.organization),
        attribute=f"role:{role.title}",
        qualifiers=(),
        modality="asserted",
        value=ClaimValue(text=span.quote, start=span.start, end=span.end, value=person),
        evidence=evidence,
        rule="frame.role",
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
