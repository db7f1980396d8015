"""Frame language data: which words name an attribute, qualify it, or set a claim's modality.

Files: ``checker/lang/<lang>/frames.toml``. A *cue* is a phrase matched on
word boundaries, case-insensitively; a trailing ``*`` matches any word ending
("announc*" covers announce, announced, announcement).
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ConfigDict

from checker import lang as lang_data
from checker.lang import DimensionData


class FrameExample(BaseModel):
    """A sentence, the value in it, and what the frame must make of that value."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sentence: str
    value: str
    attribute: str
    qualifiers: tuple[str, ...] = ()
    modality: str | None = None


class Attribute(BaseModel):
    """An attribute (language-neutral id) and the verbs and nouns that name it in this language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    value_types: tuple[str, ...]
    cues: tuple[str, ...]
    neighbours: tuple[str, ...] = ()
    # A generic event ("started", "opened"): what starts becomes a qualifier ("what:production").
    needs_object: bool = False
    # The cue names the value only when it comes first ("said on Monday", not "in June, he said").
    before_only: bool = False
    examples: tuple[FrameExample, ...] = ()


class Qualifier(BaseModel):
    """A qualifier (language-neutral id) that keeps apart claims that would otherwise meet."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    cues: tuple[str, ...]
    group: str | None = None
    owner: bool = False
    # Only for these value types (all when empty).
    value_types: tuple[str, ...] = ()
    # Attaches only within this many characters of the value (not through the attribute's cue).
    reach: int | None = None
    # Must stand before the value ("from $2 billion", "aims for 200").
    precedes: bool = False
    # Words after which a cue is no such qualifier ("priced from $20,000" is a starting price, not a previous one).
    not_after: tuple[str, ...] = ()
    examples: tuple[FrameExample, ...] = ()


class ModalityCue(BaseModel):
    """Words that mark a claim as planned, expected or reported rather than asserted."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    modality: str
    cues: tuple[str, ...]


@lang_data.dimension("frames")
class FrameData(DimensionData):
    """The frame facts of one language."""

    attributes: tuple[Attribute, ...]
    qualifiers: tuple[Qualifier, ...] = ()
    modalities: tuple[ModalityCue, ...] = ()
    as_of: tuple[str, ...] = ()
    reporting: tuple[str, ...] = ()
    clause_breaks: tuple[str, ...] = ()
    pronouns: tuple[str, ...] = ()
    # Name-like words that are adjectives ("Lyon-based"): never a subject.
    adjective_suffixes: tuple[str, ...] = ()
    # "according to X" / "selon X": who counted; two counters are two claims, not a contradiction.
    attribution: tuple[str, ...] = ()
    attribution_examples: tuple[FrameExample, ...] = ()
    place_prepositions: tuple[str, ...] = ()
    # "an investment of $2 billion by X": a name right after the value and one of these is who acts.
    agent_prepositions: tuple[str, ...] = ()
    object_skip: tuple[str, ...] = ()


def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any of ``cues`` on word boundaries."""
    parts = []
    for cue in sorted(set(cues), key=len, reverse=True):
        prefix = cue.endswith("*")
        body = re.escape(cue.rstrip("*")).replace(r"\ ", r"\s+").replace("'", "['’]")
        parts.append(body + (r"\w*" if prefix else r"(?!\w)"))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


class CompiledFrames:
    """A language's frame data with its cue regexes compiled once."""

    def __init__(self, data: FrameData) -> None:
        self.data = data
        self.attributes = [(a, cue_pattern(a.cues)) for a in data.attributes]
        self.qualifiers = [(q, cue_pattern(q.cues)) for q in data.qualifiers]
        self.not_after = {id(q): re.compile("(?:" + cue_pattern(q.not_after).pattern + r")\s*$", re.IGNORECASE)
                          for q in data.qualifiers if q.not_after}
        self.modalities = [(m.modality, cue_pattern(m.cues)) for m in data.modalities]
        self.as_of = cue_pattern(data.as_of) if data.as_of else None
        self.reporting = cue_pattern(data.reporting) if data.reporting else None
        self.neighbours = {a.id: set(a.neighbours) for a in data.attributes}
        self.allowed: dict[str, frozenset[str]] = {
            kind: frozenset(a.id for a in data.attributes if kind in a.value_types)
            for kind in ("time", "quantity", "money", "percent")}
        self.needs_object = {a.id for a in data.attributes if a.needs_object}
        self.before_only = {a.id for a in data.attributes if a.before_only}
        self.adjective_suffixes = tuple(s.lower() for s in data.adjective_suffixes)
        # "X said on Monday that it will ...": a pronoun within a few words of the reporting verb.
        self.pronoun_after = re.compile(r"(?:\s+[\w'’]+){0,3}?\s+(?:that\s+|que\s+|qu['’]\s*)?"
                                        + cue_pattern(data.pronouns).pattern
                                        if data.pronouns else r"(?!)", re.IGNORECASE)
        self.place_before = re.compile("(?:" + cue_pattern(data.place_prepositions).pattern + r")\s+$"
                                       if data.place_prepositions else r"(?!)", re.IGNORECASE)
        # "45%-owned by X": a participle glued to the value may stand between it and the preposition.
        self.agent_before = re.compile(r"(?:-[^\W\d_]+)?\s*(?:" + cue_pattern(data.agent_prepositions).pattern
                                       + r")\s+(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?"
                                       if data.agent_prepositions else r"(?!)", re.IGNORECASE)
        self.object_skip = frozenset(w.lower() for w in data.object_skip)
        # Opening with the cue pattern itself, so that the word gate of the frames knows its opening words.
        self.attribution = (re.compile(cue_pattern(data.attribution).pattern
                                       + r"\s+((?:[\w'’-]+\s*){1,4}?)(?=[,.;:)]|\s+(?:and|et|but|mais)\b|$)",
                                       re.IGNORECASE) if data.attribution else None)
        openers = cue_pattern(data.clause_breaks).pattern if data.clause_breaks else r"(?!)"
        self.clause_break = re.compile(r"[;:]|,\s*(?=" + openers + ")", re.IGNORECASE)


@cache
def frames(lang: str) -> CompiledFrames:
    """Compiled frame data for ``lang`` (English when the language has none)."""
    available = lang_data.available("frames")
    return CompiledFrames(lang_data.load("frames", lang if lang in available else "en"))
