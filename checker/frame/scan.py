"""One sentence scanned once for the frame rules: its cues, its places and its variants.

The cue patterns of a language are found through one word gate (``prefilter.WordGate``, speed
only: a pattern whose opening words are not in the sentence is not run); what a rule then asks
about a value is a lookup in the scan.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

from checker import catalogue
from checker.frame.data import CompiledFrames, FactCues, ScopeCue
from checker.frame.reach import LIST_GAP, PLACE_REACH
from checker.names import entity_key
from checker.recognize.opening_chars import OpeningCharacters
from checker.recognize.prefilter import WordGate, first_match_at, matches_at
from checker.records import (
    EntityValue,
    Mention,
    Value,
)


class Placed(NamedTuple):
    """A name mention moved into its sentence's coordinates: a tuple, cheaper to make than a record's copy."""

    type: str
    start: int
    end: int
    text: str
    value: Value


# What the sentence-level rules read: a value mention of the sentence, or a name moved into it.
Located = Mention | Placed


class Cue(NamedTuple):
    id: str
    start: int
    end: int
    weak: bool = False


class Scan:
    """What the frame rules look up in one sentence, found once: per value, only lookups remain.

    A sentence can hold thousands of values (a table flattened into one line); scanning it
    again for each of them would make extraction quadratic.
    """

    def __init__(self, sentence: str, data: CompiledFrames, names: Sequence[Located] = (),
                 values: Sequence[Located] = (), places: frozenset[str] = frozenset(),
                 filed: frozenset[int] = frozenset()) -> None:
        self.text = sentence
        self.values = values
        self.language = data.language
        # How much farther a cue after the value stands than one before it (the language's word order).
        self.after_weight = data.after_weight
        # Only the cue patterns whose opening words occur in the sentence can match in it, and only where they do.
        gate = _gates(data)
        starts = gate.starts(sentence)
        if starts is None:
            wanted: Iterable[int] = range(gate.count)
            where: dict[int, list[int]] = {}
        else:
            # A fact or scope pattern can match only where some cue matches whole ("a year", not every "a").
            kinds = _cue_kinds(data)
            always = gate.always
            # Fact and scope patterns with no literal opening word (a language written without spaces) can also
            # match only where some cue matches whole. Where words are spaced, only the few cues that open with
            # a sign ("-owned") have none: those patterns run on the whole sentence themselves (they are
            # ``always``), and the cue test is asked only where the gate puts a start.
            unopened = always & kinds if not data.spaced else frozenset()
            if unopened:
                # Tried only where the character may open a cue (``OpeningCharacters``, speed only).
                whole = {m.start() for m in matches_at(data.any_cue, sentence,
                                                       _any_cue_openings(data).may_open(sentence))}
            else:
                # Tried only where a gated pattern may start: a scan of the whole sentence costs more.
                opened = {p for index, positions in starts.items() if index in kinds for p in positions}
                whole = {p for p in opened if data.any_cue_at.match(sentence, p)}
            starts = {index: kept for index, positions in starts.items()
                      if (kept := [p for p in positions if p in whole] if index in kinds else positions)}
            if unopened:
                positions = sorted(whole)
                if positions:
                    # Each pattern only where its own opening characters stand; one that may open at none of
                    # them finds nothing, as if it were run (``OpeningCharacters``, speed only).
                    opened_at = _pattern_openings(data).starts(sentence, positions)
                    starts.update((index, opened_at[index]) for index in unopened if index in opened_at)
                always = always - unopened
            wanted, where = sorted({*starts, *always} if always else starts), starts
        by_index = _by_index(data)
        facts: list[tuple[FactCues, list[re.Match[str]]]] = []
        weak: list[tuple[FactCues, list[re.Match[str]]]] = []
        scopes: list[tuple[ScopeCue, list[re.Match[str]]]] = []
        self.modalities: list[tuple[str, re.Pattern[str]]] = []
        self.reported = False
        as_of: re.Match[str] | None = None
        attributions: list[re.Match[str]] = []
        for index in wanted:
            kind, item, pattern = by_index[index]
            at = where.get(index)
            if kind == "fact":
                facts.append((item, matches_at(pattern, sentence, at)))
            elif kind == "weak":
                weak.append((item, matches_at(pattern, sentence, at)))
            elif kind == "scope":
                scopes.append((item, matches_at(pattern, sentence, at)))
            elif kind == "modality":
                self.modalities.append((item, pattern))
                if item == "reported" and not self.reported:
                    self.reported = first_match_at(pattern, sentence, at) is not None
            elif kind == "as of":
                as_of = first_match_at(pattern, sentence, at)
            else:
                attributions = matches_at(pattern, sentence, at)
        # A cue word inside a name ("Vorent Capital", "Signal Post") names the company, not a fact.
        cues = _cues(facts, weak)
        self.cues = ([c for c in cues if not any(n.start < c.end and c.start < n.end for n in names)]
                     if cues and names else cues)
        self.breaks = [m.start() for m in data.clause_break.finditer(sentence)]
        if data.enclosed is not None:
            # "X, which employs 3,400 people, reported ...": the comma after a relative clause closes it.
            closing = [m.start(1) for m in data.enclosed.finditer(sentence)]
            if closing:
                self.breaks = sorted({*self.breaks, *closing})
        # A scope word inside a longer name ("Northgate Business Daily") scopes nothing.
        self.scopes = [(scope, m.start(), m.end()) for scope, matches in scopes
                       for m in matches if not _cancelled(data, scope, sentence, m.start())
                       and not any(n.start <= m.start() and m.end() <= n.end and (n.start, n.end) != m.span()
                                   for n in names)]
        scope_spans = {(start, end) for _, start, end in self.scopes}
        # Only scope words look at commas.
        self.commas = [m.start() for m in _COMMA.finditer(sentence)] if self.scopes else []
        self.attributions = [(m.start(), m.end(), " ".join(m.group(1).lower().split())) for m in attributions]
        self.as_of = as_of.group() if as_of else None
        # A name that is itself a scope word ("in Q4") is no place.
        self.places = _places(sentence, data, [n for n in names if (n.start, n.end) not in scope_spans
                                               and n.start not in filed], places)
        self.variants = variants_named(sentence, data, values)

    @staticmethod
    def between(positions: list[int], low: int, high: int) -> bool:
        """Whether any of the sorted ``positions`` lies in ``[low, high)``."""
        i = bisect.bisect_left(positions, low)
        return i < len(positions) and positions[i] < high

    def clause(self, position: int) -> tuple[int, int]:
        """The clause (between clause breaks) that holds ``position``."""
        i = bisect.bisect_right(self.breaks, position)
        low = self.breaks[i - 1] if i > 0 else 0
        high = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return low, high


class Place(NamedTuple):
    start: int
    end: int
    key: str  # a place word's id, or the folded key of a name
    part: bool
    named: bool


def _places(sentence: str, data: CompiledFrames, names: Sequence[Located],
            known: frozenset[str] = frozenset()) -> list[Place]:
    """Places named in a sentence: names after a place preposition, names the article puts in a place
    elsewhere, and the common place words."""
    found: list[Place] = []
    for entity in names:
        if entity.type != "entity" or entity.text in data.place_words or is_variant(entity.text, data):
            continue
        if (entity_key(entity.text) not in known and not is_place(sentence, entity, data)
                and not refers_to_place(sentence, entity, data)):
            continue
        window = sentence[max(0, entity.start - PLACE_REACH):entity.start]
        # "in X alone", "dans la seule région de X", and "..., followed by X, where 45,000 donors gave": one
        # place's share of a whole.
        part = (data.part_marker.search(window) is not None
                or data.part_marker.match(sentence, entity.end + 1) is not None
                or refers_to_place(sentence, entity, data))
        found.append(Place(entity.start, entity.end, entity_key(entity.text), part, True))
    if data.place_word is not None:
        for m in data.place_word.finditer(sentence):
            found.append(Place(m.start(), m.end(), catalogue.COMMON_PLACE + data.place_words[m.group()], False, False))
    found.sort()
    return found


def is_variant(name: str, data: CompiledFrames) -> bool:
    """ "la version Max", "the Standard": a variant's word is neither a place nor a subject."""
    folded = name.casefold()
    return folded in data.variant_words or folded in data.base_variants


def refers_to_place(sentence: str, entity: Located, data: CompiledFrames) -> bool:
    """ "the United States, where 45,000 donors gave": a name that a place's relative word follows."""
    return (data.place_relative is not None and sentence[entity.end:entity.end + 1] == ","
            and data.place_relative.match(sentence, entity.end + 1) is not None)


class Variant(NamedTuple):
    start: int
    variant: str | None  # what a value after it is about: None for the base version or a whole list
    named: str | None  # the variant the words name, also in a list ("max" in "the Pro and the Max")


def variants_named(sentence: str, data: CompiledFrames, values: Sequence[Located] = ()) -> list[Variant]:
    """The variants a sentence names, where: ("max" for "the Arvo S Max"), None for the base version."""
    found: list[Variant] = []
    if any(gate.search(sentence) is None for gate in data.variant_gates):
        return found  # most sentences name no version
    named_end = -1  # where the last named (not base) variant ends
    for m in data.variant.finditer(sentence):
        if m.group("base"):
            found.append(Variant(m.start(), None, None))
            continue
        word = m.group("after") or m.group("before") or m.group("word")
        if not word:
            continue
        # "Max Verstappen": a first name, not a variant.
        if m.group("word") and re.match(r"\s+[A-Z]", sentence[m.end():m.end() + 2]):
            continue
        folded = word.casefold()
        variant = None if folded in data.base_variants else folded
        # "X Pro和X Max，续航...", "the Pro version and the Max version, with ...": variants listed one after
        # the other, no value between them, name none of them; what follows the list is about all of them.
        listed = (variant is not None and found and found[-1][1] not in (None, variant) and named_end >= 0
                  and m.start() - named_end <= LIST_GAP and data.list_joiner.search(sentence, named_end, m.start())
                  and not any(named_end <= v.start < m.start() for v in values))
        found.append(Variant(m.start(), None if listed else variant, variant))
        if variant is not None:
            named_end = m.end()
    return found


def _cancelled(data: CompiledFrames, scope: ScopeCue, sentence: str, start: int) -> bool:
    """Whether a scope cue follows one of the words that make it no such scope."""
    pattern = data.not_after.get(id(scope))
    return pattern is not None and pattern.search(sentence, max(0, start - 30), start) is not None


@cache
def _by_index(data: CompiledFrames) -> list[tuple[str, Any, re.Pattern[str]]]:
    """The gated patterns in ``_gates`` order: (kind, fact / scope cue / modality name, pattern)."""
    return ([("fact", item, pattern) for item, pattern in data.facts]
            + [("weak", item, pattern) for item, pattern in data.weak_facts]
            + [("scope", item, pattern) for item, pattern in data.scope]
            + [("modality", item, pattern) for item, pattern in data.modalities]
            + ([("as of", None, data.as_of)] if data.as_of is not None else [])
            + ([("attribution", None, data.attribution)] if data.attribution is not None else []))


@cache
def _cue_kinds(data: CompiledFrames) -> frozenset[int]:
    """The indices (in ``_by_index``) of the fact, weak and scope patterns, which ``data.any_cue`` covers."""
    return frozenset(i for i, (kind, _, _) in enumerate(_by_index(data)) if kind in ("fact", "weak", "scope"))


@cache
def _gates(data: CompiledFrames) -> WordGate:
    """One gate over the fact, scope, modality, "as of" and attribution patterns of a language."""
    return WordGate([pattern for _, _, pattern in _by_index(data)])


@cache
def _pattern_openings(data: CompiledFrames) -> OpeningCharacters:
    """The opening characters of the gated patterns, in ``_by_index`` order (read where words are not spaced)."""
    return OpeningCharacters([pattern for _, _, pattern in _by_index(data)])


@cache
def _any_cue_openings(data: CompiledFrames) -> OpeningCharacters:
    """The opening characters of ``data.any_cue`` (read where words are not spaced)."""
    return OpeningCharacters([data.any_cue])


def _cues(facts: list[tuple[FactCues, list[re.Match[str]]]],
          weak: Sequence[tuple[FactCues, list[re.Match[str]]]] = ()) -> list[Cue]:
    """Fact cues from their matches; of two overlapping cues the longer wins ("sortir de ligne" over "sortir").

    Only cues of one dimension compete: the same words may name facts of different dimensions
    ("delivered" a date, or a number of cars; "on the market above" a date, or a price), and the
    value's dimension chooses among them.
    """
    found = ([Cue(fact.id, m.start(), m.end()) for fact, matches in facts for m in matches]
             + [Cue(fact.id, m.start(), m.end(), True) for fact, matches in weak for m in matches])
    if len(found) < 2:
        return found  # most sentences: nothing can overlap
    order = {cue: i for i, cue in enumerate(found)}
    found.sort(key=lambda c: (-(c.end - c.start), c.start, order[c]))
    kept: list[Cue] = []
    for cue in found:
        dimension = _dimension(cue.id)
        if all(cue.end <= k.start or k.end <= cue.start or (cue.start, cue.end) == (k.start, k.end)
               or _dimension(k.id) != dimension for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: (c.start, order[c]))


@cache
def _dimension(fact_id: str) -> str | None:
    known = catalogue.fact(fact_id)
    return known.dimension if known is not None else None


_COMMA = re.compile(r"[,;]")


def is_place(sentence: str, entity: Located, data: CompiledFrames) -> bool:
    """A name after a locative preposition ("near Lyon", "à Oslo", "in the southern Varnholm province") names a place,
    unless it is known as an organization or a person ("a stake in Acme Foods", "a team from Acme").

    A few lower-case words may stand between ("dans la seule région de Varnholm").
    """
    if isinstance(entity.value, EntityValue) and entity.value.kind in ("organization", "person", "product"):
        return False
    return data.place_phrase.search(sentence, max(0, entity.start - PLACE_REACH), entity.start) is not None
