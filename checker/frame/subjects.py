"""The subject of a claim: the entity its cue or its value's scope hangs on, or the article's main organization."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker.frame.data import CompiledFrames
from checker.frame.scan import Located, Scan, is_place, is_variant
from checker.names import entity_key
from checker.records import (
    EntityValue,
    RoleValue,
)

_OWNER_LINK = re.compile(r"\s+(?:of|de|du|des|d['’])\s*(?:the\s+|la\s+|le\s+|l['’]\s*)?", re.IGNORECASE)


def _subject_of(entity: Located, roles: list[Located], people: bool) -> Located | str | None:
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


def _is_speaker(sentence: str, entity: Located, anchor_start: int, data: CompiledFrames) -> bool:
    """ "X said that the team ...": X is the speaker, not the subject; "X said it will ..." keeps X."""
    if data.reporting is None:
        return False
    verb = data.reporting.search(sentence, entity.end, anchor_start)
    return verb is not None and data.pronoun_after.match(sentence, verb.end()) is None


@dataclass(frozen=True)
class SubjectContext:
    """What the subject rules need to know about a sentence and the value's fact."""

    sentence: str
    data: CompiledFrames
    breaks: list[int]
    people: bool
    excluded: tuple[tuple[int, int], ...]  # attribution spans: who counted is no subject
    places: frozenset[str]  # names the article puts in a place: no subjects


def subject_of(ctx: SubjectContext, anchor: tuple[int, int], owner_end: int | None, mention: Located,
             entities: list[Located], roles: list[Located]) -> str | None:
    sentence, data = ctx.sentence, ctx.data
    candidates = []
    for entity in entities:
        if mention.start < entity.end and entity.start < mention.end:
            continue
        if any(low <= entity.start and entity.end <= high for low, high in ctx.excluded):
            continue
        if entity.text.lower().endswith(data.adjective_suffixes or ("\0",)):
            continue
        if _not_a_subject(ctx, entity):
            continue
        stands_for = _subject_of(entity, roles, ctx.people)
        if stands_for is not None and not is_place(sentence, entity, data):
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
    # A passive agent ("supplied by Acme") acts in its own phrase, not in the clause of the fact.
    before = [(e, subject) for e, subject in candidates
              if e.end <= anchor[0] and not _is_speaker(sentence, e, anchor[0], data)
              and not data.agent_before_name.search(sentence, max(0, e.start - 12), e.start)]
    if before:
        entity, subject = max(before, key=lambda pair: pair[0].end)
        return _whole_name(sentence, entity, entities) if subject is entity else _name(subject)
    # A name after the fact stands for it within its own phrase, not after a comma ("..., le prix de la X").
    after = [(e, subject) for e, subject in candidates
             if e.start >= anchor[1] and not Scan.between(ctx.breaks, anchor[1], e.start)
             and ("," not in sentence[anchor[1]:e.start] or _says(sentence, e, data))]
    if after:
        return _name(min(after, key=lambda pair: pair[0].start)[1])
    return None




def _not_a_subject(ctx: SubjectContext, entity: Located) -> bool:
    """Names that are no subject: places, variant and unit words ("Pro", "kWh"), a name after an indefinite
    article ("a WLTP range"), and a passive agent before the fact ("a battery supplied by Acme and a range ...")."""
    if entity_key(entity.text) in ctx.places or is_variant(entity.text, ctx.data):
        return True
    if entity.text in ctx.data.place_words or entity.text.casefold() in _unit_words(ctx.data):
        return True
    # "a WLTP electric range", "deux moteurs Vortex V8": a name after an indefinite article or a
    # number, and at most one noun, names a kind of thing, not what the sentence is about.
    return ctx.data.kind_before.search(ctx.sentence, max(0, entity.start - 24), entity.start) is not None


@cache
def _unit_words(data: CompiledFrames) -> frozenset[str]:
    """Unit abbreviations of the language ("kWh", "Nm"), which the name finder may take for names."""
    from checker.recognize.quantity import compiled as quantity_data  # noqa: PLC0415 - one use, at first need
    return frozenset(surface.casefold() for surface in quantity_data(data.language).unit_keys)


def _says(sentence: str, entity: Located, data: CompiledFrames) -> bool:
    """ "..., Orvane Pharma said.": a name the reporting verb follows is who gave the figure."""
    # Past the space after the name, where the language writes one.
    after_name = entity.end + 1 if data.spaced else entity.end
    return data.reporting is not None and data.reporting.match(sentence, after_name) is not None


def _name(subject: Located | str) -> str:
    if isinstance(subject, str):
        return subject
    value = subject.value
    return value.name if isinstance(value, EntityValue) else subject.text


_JOINED_OF = re.compile(r"\s+(?:of|de|du|des|of the)\s+$")


def _whole_name(sentence: str, entity: Located, entities: list[Located]) -> str:
    """ "Palais de Tokyo": a name joined to the name before it by "de" or "of" is one name with it."""
    for other in entities:
        if other.end < entity.start and _JOINED_OF.fullmatch(sentence, other.end, entity.start):
            return sentence[other.start:entity.end]
    return _name(entity)
