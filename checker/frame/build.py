"""Frames: turn the mentions of one document into claims (subject, fact, scope, value).

For each sentence outside boilerplate, every value mention (time, quantity,
money, percent) becomes a claim. Its fact is named by the nearest cue of the
language's fact words (``facts.toml``) whose fact fits the value's dimension
(a verb such as "killed" or a noun such as "capacity"); a noun joined to the
value by link words only ("a toll of", "attendance averages") names it first.
The claim's scope is read from its sentence: the place, the group, who counted
("according to X"), the instance, the period, the basis ("a day", "per share"),
the statistic (an average, a peak), the product's variant ("the Max version").
Its subject is the entity the cue or the value's scope hangs on; its modality
comes from planning, expectation and reporting words. A count of a noun that no
fact names keeps that noun as an open fact ("open:<noun>"). Role mentions
("X, CEO of Y") become claims about who holds a title at an organization.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from checker import catalogue
from checker.document import Document
from checker.frame.data import CompiledFrames, FactCues, ScopeCue, frames
from checker.frame.sentences import sentences
from checker.lang.script import fold_punctuation, word_count
from checker.lang.script import profile as script_profile
from checker.names import entity_key
from checker.recognize import recognize
from checker.recognize.entity import lexicon
from checker.recognize.hints import value_hints
from checker.recognize.prefilter import WordGate, first_match_at, matches_at
from checker.recognize.time import dateline_marks
from checker.records import (
    Claim,
    ClaimValue,
    EntityValue,
    Mention,
    QuantityValue,
    RoleValue,
    Scope,
    Span,
    TimeValue,
    Value,
)

VALUE_TYPES = frozenset({"time", "quantity", "money", "percent"})
VALUE_DIMENSIONS = ("money", "percent", "time", "quantity")
NAME_DIMENSIONS = ("role", "entity")
# The place and date a story was filed from ("PARIS, March 3 (Agency) –"): not a fact of the story.
DATELINE = "dateline"
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)\n]{0,60}\)\s*)?[–—-]{1,2}\s")
SKIPPED_ZONES = frozenset({"boilerplate", "metadata"})
UNSPECIFIED = "unspecified"
# A count of a noun no fact names: compared only with counts of the same noun, in the same language.
OPEN = "open:"
# The instance of a value that converts the one before it into another unit or currency: never compared.
CONVERSION = "conversion"
# How far (in characters) a cue may stand from the value it names.
CUE_REACH = 220
# A scope word belongs to a value when it stands this close to the value, or to the value's cue.
QUALIFIER_REACH = 60
QUALIFIER_CUE_REACH = 30
# A value this close to the start of its sentence is a fronted adverbial ("On May 4, ..., X was announced"):
# its cue may stand past a clause break.
FRONTED = 25
MAX_EVIDENCE = 400
# How much farther a fact's word stands when a comma stands between it and the value.
COMMA_PENALTY = 30.0
# How much farther a money fact's word stands for its date than a date fact's word ("a deal signed in May").
DATED_PENALTY = 40.0
# How far a cue may stand from a count of a noun of its own ("une application en plusieurs langues").
NOUN_REACH = 30
# How far before a name a place preposition may stand ("in the southern Varnholm province").
PLACE_REACH = 40
# How far apart two variants of a list stand ("X Pro和X Max", "the Pro version and the Max version").
LIST_GAP = 20
_OWNER_LINK = re.compile(r"\s+(?:of|de|du|des|d['’])\s*(?:the\s+|la\s+|le\s+|l['’]\s*)?", re.IGNORECASE)
# A value that opens a parenthesis right after another of its dimension converts it: "4.2 billion euros
# ($4.6 billion)", "250 millimetres (9.8 inches)".
_CONVERSION_GAP = re.compile(r"\s*\(\s*(?:[^\W\d_]{1,12}\.?\s+)?$")
_CONVERSION_OR = re.compile(r"\s+(?:or|ou|soit|i\.e\.|c\.-à-d\.)\s+(?:[^\W\d_]{1,12}\s+)?$", re.IGNORECASE)


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
    weak: bool = False


class _Scan:
    """What the frame rules look up in one sentence, found once: per value, only lookups remain.

    A sentence can hold thousands of values (a table flattened into one line); scanning it
    again for each of them would make extraction quadratic.
    """

    def __init__(self, sentence: str, data: CompiledFrames, names: Sequence[_Located] = (),
                 values: Sequence[_Located] = (), places: frozenset[str] = frozenset(),
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
            # match only where some cue matches whole.
            unopened = always & kinds
            if unopened:
                whole = {m.start() for m in data.any_cue.finditer(sentence)}
            else:
                # Tried only where a gated pattern may start: a scan of the whole sentence costs more.
                opened = {p for index, positions in starts.items() if index in kinds for p in positions}
                whole = {p for p in opened if data.any_cue.match(sentence, p)}
            starts = {index: kept for index, positions in starts.items()
                      if (kept := [p for p in positions if p in whole] if index in kinds else positions)}
            if unopened:
                positions = sorted(whole)
                if positions:
                    starts.update(dict.fromkeys(unopened, positions))
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
        self.variants = _variants(sentence, data, values)

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


class _Place(NamedTuple):
    start: int
    end: int
    key: str  # a place word's id, or the folded key of a name
    part: bool
    named: bool


def _places(sentence: str, data: CompiledFrames, names: Sequence[_Located],
            known: frozenset[str] = frozenset()) -> list[_Place]:
    """Places named in a sentence: names after a place preposition, names the article puts in a place
    elsewhere, and the common place words."""
    found: list[_Place] = []
    for entity in names:
        if entity.type != "entity" or entity.text in data.place_words or _is_variant(entity.text, data):
            continue
        if (entity_key(entity.text) not in known and not _is_place(sentence, entity, data)
                and not _refers_to_place(sentence, entity, data)):
            continue
        window = sentence[max(0, entity.start - PLACE_REACH):entity.start]
        # "in X alone", "dans la seule région de X", and "..., followed by X, where 45,000 donors gave": one
        # place's share of a whole.
        part = (data.part_marker.search(window) is not None
                or data.part_marker.match(sentence, entity.end + 1) is not None
                or _refers_to_place(sentence, entity, data))
        found.append(_Place(entity.start, entity.end, entity_key(entity.text), part, True))
    if data.place_word is not None:
        for m in data.place_word.finditer(sentence):
            found.append(_Place(m.start(), m.end(), catalogue.COMMON_PLACE + data.place_words[m.group()], False, False))
    found.sort()
    return found


def _is_variant(name: str, data: CompiledFrames) -> bool:
    """ "la version Max", "the Standard": a variant's word is neither a place nor a subject."""
    folded = name.casefold()
    return folded in data.variant_words or folded in data.base_variants


def _refers_to_place(sentence: str, entity: _Located, data: CompiledFrames) -> bool:
    """ "the United States, where 45,000 donors gave": a name that a place's relative word follows."""
    return (data.place_relative is not None and sentence[entity.end:entity.end + 1] == ","
            and data.place_relative.match(sentence, entity.end + 1) is not None)


def _variants(sentence: str, data: CompiledFrames, values: Sequence[_Located] = ()) -> list[tuple[int, str | None]]:
    """The variants a sentence names, where: ("max" for "the Arvo S Max"), None for the base version."""
    found: list[tuple[int, str | None]] = []
    if any(gate.search(sentence) is None for gate in data.variant_gates):
        return found  # most sentences name no version
    named_end = -1  # where the last named (not base) variant ends
    for m in data.variant.finditer(sentence):
        if m.group("base"):
            found.append((m.start(), None))
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
        found.append((m.start(), None if listed else variant))
        if variant is not None:
            named_end = m.end()
    return found


def _cancelled(data: CompiledFrames, scope: ScopeCue, sentence: str, start: int) -> bool:
    """Whether a scope cue follows one of the words that make it no such scope."""
    pattern = data.not_after.get(id(scope))
    return pattern is not None and pattern.search(sentence, max(0, start - 30), start) is not None


def extract_claims(doc: Document) -> list[Claim]:
    """All claims of ``doc``, in text order, with evidence pointing into the raw file."""
    lang = doc.info.language or "en"
    data = frames(lang)
    # Names are recognized over the whole text: whether a capitalized word is a name can depend on
    # how the rest of the article writes it.
    names = _after_datelines(recognize(doc.text, lang, doc.info.reference_date, dimensions=NAME_DIMENSIONS), doc)
    # A name the article puts in a place somewhere ("in Varnholm") is a place wherever it stands.
    places = _place_names(doc, data, names)
    topic = main_organization(names, doc, places)
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
        # A variant named earlier in the paragraph ("the Pro version ... Its battery ...") still holds.
        carried: list[str | None] = [None]
        for start, end in sentences(doc.text, zone.start, zone.end):
            hinted = hints.touches(start, end)
            # The frame rules read the sentence with its punctuation as ASCII ("，" a comma), at the same offsets.
            sentence = fold_punctuation(doc.text[start:end], lang)
            if not hinted and well_formed and not _Scan.between(role_starts, start, end + 1):
                _carry_variant(sentence, data, carried)
                continue  # no value and no role ("X, chief executive of Y"): no claim
            values = recognize(sentence, lang, doc.info.reference_date, dimensions=VALUE_DIMENSIONS) if hinted else []
            nearby = names[bisect.bisect_left(starts, start):bisect.bisect_right(starts, end)] if well_formed else names
            within = [m for m in nearby if start <= m.start and m.end <= end]
            if not values:
                _carry_variant(sentence, data, carried)
                # Without a value only a role ("X, chief executive of Y") makes a claim.
                within = [m for m in within if m.type == "role"]
                if not within:
                    continue
            inside: list[_Located] = [_Placed(m.type, m.start - start, m.end - start, m.text, m.value) for m in within]
            # The place and agency of a dateline are where and by whom the story was filed: no subjects
            # (their names still hide cue words: "(Signal Post)" signs nothing).
            filed = {m.start - start for m in within if m.type == "entity" and _in_dateline(doc.text, zone.start, m)}
            # "示例日报北湾市6月12日电": where a mark after the date opens the dateline, the names before it.
            marked = _marked_dateline_end(doc, zone.start, start, values) if values else None
            if marked is not None:
                filed |= {m.start - start for m in within if m.type == "entity" and m.end <= marked}
            found = _Sentence(sentence, start, end, values, inside, filed, carried[0], places)
            claims.extend(_sentence_claims(doc, data, found, len(claims), topic, carried))
    return claims


def _carry_variant(sentence: str, data: CompiledFrames, carried: list[str | None]) -> None:
    """Remember the last variant a sentence names, for the next sentences of its paragraph."""
    named = _variants(sentence, data) if data.variant_words or data.base_variants else []
    if named:
        carried[0] = named[-1][1]


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


def _place_names(doc: Document, data: CompiledFrames, names: list[Mention]) -> frozenset[str]:
    """The keys of the names an article puts in a place somewhere ("in Varnholm", "à Lisbonne"), and of
    names that are a common place's word ("la Lune")."""
    found: set[str] = set()
    placed: dict[str, int] = {}
    other: dict[str, int] = {}
    text = doc.text
    for mention in names:
        if mention.type != "entity":
            continue
        key = entity_key(mention.text)
        if mention.text in data.place_words:
            found.add(key)
            continue
        if _is_variant(mention.text, data):
            continue
        low = max(0, mention.start - PLACE_REACH)
        located = _Placed(mention.type, mention.start - low, mention.end - low, mention.text, mention.value)
        window = text[low:mention.end + 8]
        tally = placed if _is_place(window, located, data) or _refers_to_place(window, located, data) else other
        tally[key] = tally.get(key, 0) + 1
    # Put in a place at least as often as it stands elsewhere ("Orvane part en X5" makes no place of X5).
    found.update(key for key, n in placed.items() if n >= other.get(key, 0))
    return frozenset(found)


def main_organization(names: list[Mention], doc: Document, places: frozenset[str] = frozenset()) -> str | None:
    """The name (not a person's, not a place's) an article uses most outside boilerplate; the first named
    wins a tie."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str]] = {}
    headlined: set[str] = set()
    # A title kept apart from the text (front matter, HTML metadata) is a headline too.
    title = (doc.info.title or "").casefold()
    generic = lexicon(doc.info.language or "en").org_words
    for mention in names:
        value = mention.value
        # Only a name known as an organization ("X Motors", "CEO of X") is what a whole article is about:
        # a disaster or a mission has no such subject, and a place or a brand name is no stand-in for one.
        if mention.type != "entity" or not isinstance(value, EntityValue) or value.kind != "organization":
            continue
        zone = doc.zone_at(mention.start)
        if zone is None or zone.kind in SKIPPED_ZONES or _in_dateline(doc.text, zone.start, mention):
            continue
        # "Union representatives said ...": an organization word alone is a common noun, not the story's company.
        if " " not in value.name.strip() and value.name.casefold() in generic:
            continue
        if entity_key(value.name) in places:
            continue
        counts[value.key] = counts.get(value.key, 0) + 1
        first.setdefault(value.key, (mention.start, value.name))
        if zone.kind == "headline" or (title and mention.text.casefold() in title):
            headlined.add(value.key)
    # A name met once in the body ("by comparison, the city museum ...") is no subject of the whole article.
    counts = {key: n for key, n in counts.items() if n >= 2 or key in headlined}
    if not counts:
        return _title_organization(doc, generic, places)
    key = min(counts, key=lambda k: (-counts[k], first[k][0]))
    return first[key][1]


def _title_organization(doc: Document, generic: frozenset[str], places: frozenset[str]) -> str | None:
    """The first organization a title kept apart from the text names (front matter, HTML metadata), if any:
    an article whose text never repeats a name is about the one its headline gives."""
    title = doc.info.title
    if not title:
        return None
    lang = doc.info.language or "en"
    for mention in recognize(title, lang, doc.info.reference_date, dimensions=NAME_DIMENSIONS):
        value = mention.value
        if mention.type != "entity" or not isinstance(value, EntityValue) or value.kind != "organization":
            continue
        if (" " not in value.name.strip() and value.name.casefold() in generic) or entity_key(value.name) in places:
            continue
        return value.name
    return None


_DATELINE_LEAD = re.compile(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]+(?:,[^()\n]{0,40}?)?\s*(?:\([^)\n]{0,60}\))?\s*[–—-]{1,2}\s")


def _in_dateline(text: str, block_start: int, mention: Mention) -> bool:
    """The place and agency of a dateline ("PARIS, 3 March (Agency) -") say who wrote the story, and where."""
    if mention.start - block_start > 80:
        return False
    lead = _DATELINE_LEAD.match(text, block_start, block_start + 160)
    if lead is not None and mention.end <= lead.end():
        return True
    opened = text.rfind("(", block_start, mention.start)
    return opened >= 0 and text.find(")", mention.end, mention.end + 40) >= 0


def _marked_dateline_end(doc: Document, block_start: int, sentence_start: int, values: list[Mention]) -> int | None:
    """Where a date the language's dateline mark follows ends, at the head of a block ("北湾市6月12日电"):
    the names before it say who filed the story, and where. Offsets in the document; None without one."""
    lang = doc.info.language
    marks = dateline_marks(lang) if lang else None
    if marks is None:
        return None
    for value in values:
        at = sentence_start + value.start
        if value.type == "time" and at - block_start <= _DATELINE_REACH and marks.match(doc.text, sentence_start
                                                                                         + value.end):
            return at
    return None


_DATELINE_REACH = 60  # characters from a block's start within which its dateline's date stands


@dataclass(frozen=True)
class _Sentence:
    """One sentence of a document with what was recognized in it (offsets relative to the sentence)."""

    text: str
    start: int
    end: int
    values: list[Mention]
    names: list[_Located]
    filed: set[int]  # starts of the dateline's names: where and by whom the story was filed
    carried: str | None  # the variant the paragraph named before this sentence
    places: frozenset[str]  # keys of the names the article puts in a place


def _sentence_claims(doc: Document, data: CompiledFrames, found: _Sentence, numbered: int,
                     topic: str | None, carried: list[str | None]) -> Iterator[Claim]:
    sentence, start, end, names = found.text, found.start, found.end, found.names
    values = [m for m in found.values if not _names_number(sentence, m)]
    conversions = _conversions(sentence, values)
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
                # The dateline's place and date say where and when the story was filed: no scope of its facts.
                dated = [m for m in found.values if not _is_dateline(doc, start, m, sentence)]
                scan = _Scan(sentence, data, named, dated, found.places, frozenset(found.filed))
            context = _Claiming(doc, data, scan, start, entities, roles, topic, found.carried, found.places)
            claim = _value_claim(context, mention, evidence, count, mention.start in conversions)
        else:
            claim = _role_claim(doc, start, mention, evidence, count)
        if claim is not None:
            count += 1
            yield claim
    if scan is not None and scan.variants:
        carried[0] = scan.variants[-1][1]
    elif scan is None:
        _carry_variant(sentence, data, carried)


# A capitalized word, not the first of its sentence, right before a figure: "Falcon 9", "Model 3".
_NAME_BEFORE = re.compile(r"(?<=[\w,;:)»”] )[A-ZÀ-Þ][\w'’.-]*\s$")


def _names_number(sentence: str, mention: Mention) -> bool:
    """Figures that are no values: one that ends a name ("the Soyuz 2 rocket"), a lone number word
    with nothing counted ("one or two", "four-wheel drive"), a span from zero ("de 0 à 100 km/h")."""
    value = mention.value
    if not isinstance(value, QuantityValue):
        return False
    if value.quantifier == "range" and value.literal.low == 0:
        return True
    # "about a third of the visitors": a share, not a count.
    unit = catalogue.unit(value.unit)
    if value.literal.high is not None and 0 < value.literal.high < 1 and (unit is None or unit.dimension in _COUNTS):
        return True
    if value.quantifier is not None or catalogue.unit(value.unit):
        return False
    if value.unit is None and mention.text.isalpha() and (value.literal.high or 0) <= 10:
        return True
    return _NAME_BEFORE.search(sentence, max(0, mention.start - 40), mention.start) is not None


def _conversions(sentence: str, values: list[Mention]) -> set[int]:
    """The starts of the values that only convert the one before them ("4.2 billion euros ($4.6 billion)").

    A conversion is the same amount in another unit or currency: a claim of its own, never compared.
    """
    found: set[int] = set()
    for previous, mention in zip(values, values[1:], strict=False):
        gap = sentence[previous.end:mention.start]
        same = catalogue.value_dimension(previous.value) == catalogue.value_dimension(mention.value)
        opened = sentence.rfind("(", 0, mention.start) > sentence.rfind(")", 0, mention.start)
        if same and (_CONVERSION_GAP.fullmatch(gap) or (opened and _CONVERSION_OR.fullmatch(gap))):
            found.add(mention.start)
    return found


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


def _cues(facts: list[tuple[FactCues, list[re.Match[str]]]],
          weak: Sequence[tuple[FactCues, list[re.Match[str]]]] = ()) -> list[_Cue]:
    """Fact cues from their matches; of two overlapping cues the longer wins ("sortir de ligne" over "sortir").

    Only cues of one dimension compete: the same words may name facts of different dimensions
    ("delivered" a date, or a number of cars; "on the market above" a date, or a price), and the
    value's dimension chooses among them.
    """
    found = ([_Cue(fact.id, m.start(), m.end()) for fact, matches in facts for m in matches]
             + [_Cue(fact.id, m.start(), m.end(), True) for fact, matches in weak for m in matches])
    if len(found) < 2:
        return found  # most sentences: nothing can overlap
    order = {cue: i for i, cue in enumerate(found)}
    found.sort(key=lambda c: (-(c.end - c.start), c.start, order[c]))
    kept: list[_Cue] = []
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


def _distance(scan: _Scan, cue_start: int, cue_end: int, mention: _Located) -> float:
    """How far a word stands from the value, one after it weighted by the language's word order."""
    if cue_end <= mention.start:
        return float(mention.start - cue_end)
    if cue_start >= mention.end:
        return (cue_start - mention.end) * scan.after_weight
    return 0.0


def _fact_cue(data: CompiledFrames, scan: _Scan, mention: _Located,
              dimension: catalogue.ValueDimension | None) -> _Cue | None:
    """The cue that names the value's fact: the nearest whose fact fits the value's dimension.

    A fact's noun joined to the value by link words only ("a toll of 92", "la capacité est de 3 000")
    names it before any other cue; then the nearest, one after the value counting farther away; on a
    tie, a fact of the value's own dimension wins over one a bare number merely fits.
    """
    fronted = mention.start <= FRONTED
    introduced = _introduced(data, scan, mention, dimension)
    if introduced is not None:
        return introduced
    # "plusieurs langues": a count of a noun of its own is named only by a cue close by.
    foreign_noun = dimension == "count"
    best: tuple[float, int, int, int, _Cue] | None = None
    for cue in scan.cues:
        known = catalogue.fact(cue.id)
        if known is None or not catalogue.fits(known, dimension):
            continue
        if mention.start <= cue.start and cue.end <= mention.end:
            continue
        if cue.id in data.before_only and cue.end > mention.start:
            continue
        if cue.id in data.after_only and cue.start < mention.end:
            continue
        low, high = min(cue.end, mention.end), max(cue.start, mention.start)
        if not (fronted and cue.start > mention.end) and scan.between(scan.breaks, low, high):
            continue
        if cue.end <= mention.start and data.only_links.fullmatch(scan.text, cue.end, mention.start):
            distance = -1.0
        elif cue.start >= mention.end and _right_after(scan, mention, cue):
            distance = -0.5
        else:
            distance = _distance(scan, cue.start, cue.end, mention)
            # "Velta, founded in 2012 in Turin, raised $40 million in May 2021": a word set off by a comma
            # belongs to its own phrase first.
            if not fronted and "," in scan.text[min(cue.end, mention.end):max(cue.start, mention.start)]:
                distance += COMMA_PENALTY
        names_unit = foreign_noun and (distance < 0 or _names_unit(scan.text, cue, mention))
        if distance > (CUE_REACH if not foreign_noun or names_unit else NOUN_REACH):
            continue
        # "des équipes sur trois sites": a count of a noun of its own is a count of people only when the
        # noun is the fact's own ("92 dead", "340,000 donors") or the fact's name leads to it ("attendance
        # is 2,200 visitors"); people's nouns are units ("residents").
        if foreign_noun and known.dimension == "people" and not names_unit:
            continue
        # "signed a supply deal in May 2022": a money fact's date comes after any fact of dates.
        if dimension == "time" and known.dimension != "time":
            distance = max(distance, 0.0) + DATED_PENALTY
        exact = 0 if dimension == known.dimension else 1
        # One word for two facts ("participation": a stake, a turnout): the fact the sentence names again wins.
        support = -sum(1 for other in scan.cues if other.id == cue.id)
        candidate = (distance, exact, support, cue.start, cue)
        if best is None or candidate[:4] < best[:4]:
            best = candidate
    if best is None:
        return None
    chosen = _qualified_noun(data, scan, mention, dimension, best[4]) or best[4]
    chosen = _specific_instead(scan, mention, dimension, chosen) or chosen
    return _event_started(scan, mention, dimension, chosen) or chosen


def _event_started(scan: _Scan, mention: _Located, dimension: catalogue.ValueDimension | None,
                   cue: _Cue) -> _Cue | None:
    """ "will start delivering in May", "compte commencer d'ici la fin mai à livrer": a generic verb of
    starting or ending (a fact that needs its object) followed at once, past the date, by the verb of an
    event of its own is the date of that event."""
    generic = catalogue.fact(cue.id)
    if dimension != "time" or generic is None or not generic.needs_object:
        return None
    after = max(cue.end, mention.end) if cue.start < mention.start else cue.end
    following = [other for other in scan.cues if other.start >= after and other.id != cue.id]
    if not following:
        return None
    first = min(other.start for other in following)
    # One word may name several facts ("livrer": deliveries counted, a delivery dated): the dated one.
    events = [other for other in following if other.start == first and (known := catalogue.fact(other.id))
              is not None and not known.needs_object and known.dimension == "time"]
    between = scan.text[after:first]
    if events and word_count(between, scan.language) <= 1 and not any(ch in between for ch in ",;:()"):
        return events[0]
    return None


def _right_after(scan: _Scan, mention: _Located, cue: _Cue) -> bool:
    """ "12 people reported missing", "92 morts", "5,000 residents were evacuated": a fact's word within three
    words after the count (its noun, then the words that say what befell it), in the same phrase."""
    between = scan.text[mention.end:cue.start]
    return (word_count(between, scan.language) <= 3 and not any(ch in between for ch in ",;:()")
            and not any(mention.end <= v.start < cue.start for v in scan.values))


def _specific_instead(scan: _Scan, mention: _Located, dimension: catalogue.ValueDimension | None,
                      cue: _Cue) -> _Cue | None:
    """ "Its shares rose 7%", "holds 18% of the market": a weak word ("rose", "holds") yields to another fact's
    word that fits the value in its clause, the nearest one."""
    if not cue.weak:
        return None
    low, high = scan.clause(mention.start)
    specific = [c for c in scan.cues if low <= c.start and c.end <= high and not c.weak and c.id != cue.id
                and (other := catalogue.fact(c.id)) is not None and catalogue.fits(other, dimension)]
    return min(specific, key=lambda c: _distance(scan, c.start, c.end, mention)) if specific else None


# How far after a counted noun a cue may stand and still say what the count is of ("48 employees working on").
QUALIFIED_REACH = 25


def _qualified_noun(data: CompiledFrames, scan: _Scan, mention: _Located, dimension: catalogue.ValueDimension | None,
                    cue: _Cue) -> _Cue | None:
    """ "48 salariés affectés au projet", "12,000 workers on strike": when the cue is the counted noun right
    after the value, a fitting cue that follows it in the same phrase says more precisely what is counted."""
    gap = scan.text[mention.end:cue.start]
    if cue.start < mention.end or len(gap) > 12 or "," in gap:
        return None
    for other in scan.cues:
        if other.start < cue.end or other.id == cue.id:
            continue
        between = scan.text[cue.end:other.start]
        # One phrase: at most one word between, no comma, no other value ("140 dead and 35 missing").
        if other.start - cue.end > QUALIFIED_REACH or word_count(between, scan.language) > 1:
            break
        if "," in between or any(cue.end <= v.start < other.start for v in scan.values):
            break
        known = catalogue.fact(other.id)
        if known is not None and catalogue.fits(known, dimension):
            return other
    return None


def _introduced(data: CompiledFrames, scan: _Scan, mention: _Located,
                dimension: catalogue.ValueDimension | None) -> _Cue | None:
    """ "The number allowed inside is limited: no more than 900 visitors": a colon introduces the value of the
    fact its clause names; the last fitting cue of the clause before the colon names the value right after it.

    Where a comma ends a clause, it introduces the same way ("公布了两款手机的价格，分别为3999元和4999元").
    """
    low, high = scan.clause(mention.start)
    opened = scan.text.startswith(":", low) or (data.data.comma_ends_clause and scan.text.startswith(",", low))
    lead = scan.text[low:mention.start]
    if not opened or (lead.count(" ") if data.spaced else word_count(lead, data.language)) > 6:
        return None
    if any(low <= cue.start and cue.end <= high and (known := catalogue.fact(cue.id)) is not None
           and catalogue.fits(known, dimension) for cue in scan.cues):
        return None
    i = bisect.bisect_left(scan.breaks, low)
    start = scan.breaks[i - 1] if i > 0 else 0
    before = [cue for cue in scan.cues if start <= cue.start and cue.end <= low and cue.id not in data.after_only
              and (known := catalogue.fact(cue.id)) is not None and catalogue.fits(known, dimension)]
    return before[-1] if before else None


def _earlier_value_of(data: CompiledFrames, scan: _Scan, mention: _Located,
                      dimension: catalogue.ValueDimension | None) -> _Cue | None:
    """ "15,000 troops ..., up from 7,300 on Saturday": a value its sentence gives as an earlier one is a value
    of the fact of the value before it."""
    previous = [s for s in scan.scopes if s[0].slot == "instance" and s[0].precedes and s[2] <= mention.start
                and not scan.text[s[2]:mention.start].strip()]
    if not previous:
        return None
    before = [v for v in scan.values if v.end <= previous[-1][1]
              and _counted_alike(catalogue.value_dimension(v.value), dimension)]
    if not before:
        return None
    cue = _fact_cue(data, scan, before[-1], dimension)
    return cue


_COUNTS = frozenset({"people", "things", "count", "number"})


def _counted_alike(a: catalogue.ValueDimension | None, b: catalogue.ValueDimension | None) -> bool:
    """Two dimensions one fact may hold: equal, or both counts (of people, of a noun, or bare)."""
    return a == b or (a in _COUNTS and b in _COUNTS)


def _names_unit(sentence: str, cue: _Cue, mention: _Located) -> bool:
    """Whether the cue is the counted noun itself ("92 dead", "340,000 donors")."""
    unit = mention.value.unit if isinstance(mention.value, QuantityValue) else None
    return unit is not None and sentence[cue.start:cue.end].lower().startswith(unit[:max(3, len(unit) - 2)])


def _belongs_elsewhere(start: int, end: int, mention: _Located, cue: _Cue | None, cues: list[_Cue]) -> bool:
    """A scope word next to another fact's cue ("an annual capacity") scopes that fact."""
    own = _span_gap(start, end, mention.start, mention.end)
    own_id = cue.id if cue else None
    return any(other.id != own_id and _span_gap(start, end, other.start, other.end) < min(own, QUALIFIER_CUE_REACH)
               for other in cues)


def _scope_cues(scan: _Scan, mention: _Located, cue: _Cue | None) -> tuple[dict[str, str], tuple[int, int] | None]:
    """Scope slots filled by scope words near the value or its cue, the nearest of each slot.

    Also returns where an owner scope ("the first model") ends, for finding its owner entity.
    """
    nearest: dict[str, tuple[float, str, tuple[int, int], bool]] = {}
    # Only the cues of facts this value may have can take a scope word from it.
    dimension = catalogue.value_dimension(mention.value)
    fitting = [c for c in scan.cues if (known := catalogue.fact(c.id)) is not None and catalogue.fits(known, dimension)]
    for scope, q_start, q_end in scan.scopes:
        if scope.value_types and mention.value.type not in scope.value_types:
            continue
        # "Within a month of its opening, ...": words of another value ("a month") scope nothing, but for
        # the words of a period ("in the third quarter").
        if scope.slot != "period" and any(v is not mention and v.start < q_end and q_start < v.end
                                           for v in scan.values):
            continue
        if scope.precedes and q_end > mention.start:
            continue
        reach = QUALIFIER_REACH if scope.reach is None else scope.reach
        # "In primary schools, 42% of teachers ...": a scope word fronting the sentence scopes all of it.
        fronted = (scope.reach is None and q_start <= FRONTED and not scan.between(scan.commas, 0, q_start)
                   and q_end <= mention.start)
        low, high = min(q_end, mention.end), max(q_start, mention.start)
        near_value = fronted or (_span_gap(q_start, q_end, mention.start, mention.end) <= reach
                                 and not scan.between(scan.commas, low, high))
        near_cue = (scope.reach is None and cue is not None
                    and _span_gap(q_start, q_end, cue.start, cue.end) <= QUALIFIER_CUE_REACH)
        # "the first model of ... will be released": an owner scope heading the cue's clause.
        heads_cue = (scope.owner and cue is not None and q_end <= cue.start
                     and not scan.between(scan.breaks, q_end, cue.start))
        if not (near_value or near_cue or heads_cue):
            continue
        alone = near_value and not (near_cue or heads_cue)
        if alone and _belongs_elsewhere(q_start, q_end, mention, cue, fitting):
            continue
        distance = _distance(scan, q_start, q_end, mention)
        current = nearest.get(scope.slot)
        if current is None or distance < current[0]:
            nearest[scope.slot] = (distance, scope.value, (q_start, q_end), scope.owner)
    chosen = {slot: entry[1] for slot, entry in nearest.items()}
    owner = next((entry[2] for entry in nearest.values() if entry[3]), None)
    return chosen, owner


_COMMA = re.compile(r"[,;]")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s*$")


def _object_near_unspaced(data: CompiledFrames, scan: _Scan, position: int, cue_end: int) -> str | None:
    """What starts or ends, where words are not spaced: the word right after the verb ("下雨" in
    "下周开始施工"), or else the word before it in its clause, past the values and the skipped words
    between them ("谈判" in "谈判将于10月开始"); a word is as long as the script's average word."""
    text, low = scan.text, scan.clause(position)[0]
    length = max(1, round(script_profile(data.language).characters_per_word))
    following = _LETTERS_AFTER.match(text, cue_end)
    if following is not None and not any(v.start < following.end() and following.start() < v.end
                                         for v in scan.values):
        word = following.group()[:length]
        if word not in data.data.pronouns and word not in data.object_skip:
            return word
    skips = _object_skips(data)
    end = position
    for _ in range(12):
        while end > low and (text[end - 1].isspace() or text[end - 1].isdigit()):
            end -= 1
        value = next((v for v in scan.values if v.start < end <= v.end), None)
        if value is not None:
            end = value.start
            continue
        skip = next((w for w in skips if text.endswith(w, low, end)), None)
        if skip is None:
            break
        end -= len(skip)
    letters = _LETTERS_BEFORE.search(text, low, end)
    if letters is None:
        return None
    word = letters.group()[-length:]
    return None if word in data.data.pronouns else word


_LETTERS_BEFORE = re.compile(r"[^\W\d_]+$")
_LETTERS_AFTER = re.compile(r"[^\W\d_]+")


@cache
def _object_skips(data: CompiledFrames) -> tuple[str, ...]:
    """The words skipped before a verb of starting, longest first."""
    return tuple(sorted(data.object_skip, key=len, reverse=True))


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


def _attribution(scan: _Scan, mention: _Located) -> tuple[str, int, int] | None:
    """Who gave a count ("50,000 according to the police"): the nearest attribution around the value."""
    if mention.value.type == "time":
        return None
    best: tuple[int, tuple[str, int, int]] | None = None
    for a_start, a_end, source in scan.attributions:
        distance = _span_gap(a_start, a_end, mention.start, mention.end)
        if distance <= ATTRIBUTION_REACH and (best is None or distance < best[0]):
            best = (distance, (source, a_start, a_end))
    return best[1] if best else None


def _is_now(doc: Document, data: CompiledFrames, mention: _Located) -> bool:
    """ "today", "aujourd'hui": the article's own day, a time stamp of a statement rather than a fact's date.

    A weekday that falls on the article's day ("early Tuesday" in Tuesday's paper) is an event's date.
    """
    value = mention.value
    ref = doc.info.reference_date
    if not isinstance(value, TimeValue) or data.now_word.fullmatch(mention.text.strip()) is None:
        return False
    return value.resolution == "relative" and ref is not None and value.earliest == ref == value.latest


def _is_dateline(doc: Document, offset: int, mention: _Located, sentence: str) -> bool:
    """A date near the start of the first body block, followed by a dash or by the language's mark of a
    dateline ("北京3月5日电"): the dateline."""
    first = next((z for z in doc.zones if z.kind in ("lead", "body")), None)
    if first is None or not (first.start <= offset + mention.start < first.start + 60):
        return False
    if _DATELINE_AFTER.match(sentence, mention.end) is not None:
        return True
    marks = dateline_marks(doc.info.language) if doc.info.language else None
    return marks is not None and marks.match(sentence, mention.end) is not None


def _counts_the_cue(sentence: str, cue: _Cue, mention: _Located) -> bool:
    """ "the two teams": a count of a group's own noun, not a measure of the group (a team's size)."""
    known = catalogue.fact(cue.id)
    unit = mention.value.unit if isinstance(mention.value, QuantityValue) else None
    return (known is not None and known.collective and bool(unit)
            and sentence[cue.start:cue.end].lower().rstrip("s") == unit)


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
    """A name after a locative preposition ("near Lyon", "à Oslo", "in the southern Varnholm province") names a place,
    unless it is known as an organization or a person ("a stake in Acme Foods", "a team from Acme").

    A few lower-case words may stand between ("dans la seule région de Varnholm").
    """
    if isinstance(entity.value, EntityValue) and entity.value.kind in ("organization", "person", "product"):
        return False
    return data.place_phrase.search(sentence, max(0, entity.start - PLACE_REACH), entity.start) is not None


def _is_speaker(sentence: str, entity: _Located, anchor_start: int, data: CompiledFrames) -> bool:
    """ "X said that the team ...": X is the speaker, not the subject; "X said it will ..." keeps X."""
    if data.reporting is None:
        return False
    verb = data.reporting.search(sentence, entity.end, anchor_start)
    return verb is not None and data.pronoun_after.match(sentence, verb.end()) is None


@dataclass(frozen=True)
class _Context:
    """What the subject rules need to know about a sentence and the value's fact."""

    sentence: str
    data: CompiledFrames
    breaks: list[int]
    people: bool
    excluded: tuple[tuple[int, int], ...]  # attribution spans: who counted is no subject
    places: frozenset[str]  # names the article puts in a place: no subjects


def _subject(ctx: _Context, anchor: tuple[int, int], owner_end: int | None, mention: _Located,
             entities: list[_Located], roles: list[_Located]) -> str | None:
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
    # A passive agent ("supplied by Acme") acts in its own phrase, not in the clause of the fact.
    before = [(e, subject) for e, subject in candidates
              if e.end <= anchor[0] and not _is_speaker(sentence, e, anchor[0], data)
              and not data.agent_before_name.search(sentence, max(0, e.start - 12), e.start)]
    if before:
        entity, subject = max(before, key=lambda pair: pair[0].end)
        return _whole_name(sentence, entity, entities) if subject is entity else _name(subject)
    # A name after the fact stands for it within its own phrase, not after a comma ("..., le prix de la X").
    after = [(e, subject) for e, subject in candidates
             if e.start >= anchor[1] and not _Scan.between(ctx.breaks, anchor[1], e.start)
             and ("," not in sentence[anchor[1]:e.start] or _says(sentence, e, data))]
    if after:
        return _name(min(after, key=lambda pair: pair[0].start)[1])
    return None




def _not_a_subject(ctx: _Context, entity: _Located) -> bool:
    """Names that are no subject: places, variant and unit words ("Pro", "kWh"), a name after an indefinite
    article ("a WLTP range"), and a passive agent before the fact ("a battery supplied by Acme and a range ...")."""
    if entity_key(entity.text) in ctx.places or _is_variant(entity.text, ctx.data):
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


def _says(sentence: str, entity: _Located, data: CompiledFrames) -> bool:
    """ "..., Orvane Pharma said.": a name the reporting verb follows is who gave the figure."""
    # Past the space after the name, where the language writes one.
    after_name = entity.end + 1 if data.spaced else entity.end
    return data.reporting is not None and data.reporting.match(sentence, after_name) is not None


def _name(subject: _Located | str) -> str:
    if isinstance(subject, str):
        return subject
    value = subject.value
    return value.name if isinstance(value, EntityValue) else subject.text


_JOINED_OF = re.compile(r"\s+(?:of|de|du|des|of the)\s+$")


def _whole_name(sentence: str, entity: _Located, entities: list[_Located]) -> str:
    """ "Palais de Tokyo": a name joined to the name before it by "de" or "of" is one name with it."""
    for other in entities:
        if other.end < entity.start and _JOINED_OF.fullmatch(sentence, other.end, entity.start):
            return sentence[other.start:entity.end]
    return _name(entity)


def _place_of(data: CompiledFrames, scan: _Scan, mention: _Located, cue: _Cue | None) -> tuple[str | None, bool]:
    """The place of the value's clause nearest to the value or to its cue, and whether it is a part of a whole.

    A clause that opens with a relative word ("..., where 45,000 donors gave") refers back to the
    place just before it.
    """
    if not scan.places:
        return None, False
    low, high = scan.clause(mention.start)
    inside = [p for p in scan.places if low <= p.start and p.end <= high]
    referred: list[_Place] = []
    if not inside and data.place_relative is not None and data.place_relative.match(scan.text, low + 1):
        inside = referred = [p for p in scan.places if p.end <= low][-1:]
    if not inside:
        return None, False
    anchors = [(mention.start, mention.end)] + ([(cue.start, cue.end)] if cue is not None else [])
    # "X's first system, developed in Kalvik, is due ...": a place set off by commas qualifies its own phrase,
    # unless it opens the sentence ("In Paris, 50,000 people marched").
    first_comma = scan.text.find(",")
    inside = [p for p in inside
              if any("," not in scan.text[min(p.end, a):max(p.start, b)] for a, b in anchors)
              or (first_comma >= 0 and p.end <= first_comma) or p in referred]
    if not inside:
        return None, False
    nearest = min(inside, key=lambda p: (min(_span_gap(p.start, p.end, a, b) for a, b in anchors), p.start))
    return nearest.key, nearest.part


def _period_and_as_of(doc: Document, data: CompiledFrames, scan: _Scan, mention: _Located,
                      fact: catalogue.Fact | None) -> tuple[str | None, str | None]:
    """The period a figure covers and the day it was stated, read from the values of its clause.

    A duration after "in", "within", "en l'espace de" is the period ("orders in 24 hours"). A date
    in the clause is the period too, or, for a figure that grows (a toll), the day it was stated
    when it is a day; a date after "since" starts a running count and is neither.
    """
    ref = doc.info.reference_date
    as_of = ref.isoformat() if ref is not None else None
    if mention.value.type == "time":
        return None, None
    low, high = scan.clause(mention.start)
    # "24小时内，该市降雨量达200毫米": where a comma ends a clause, a short opening clause scopes the sentence.
    opening_end = scan.clause(0)[1] if data.data.comma_ends_clause else -1
    opening = 0 <= opening_end <= FRONTED and opening_end <= low
    period: str | None = None
    for other in scan.values:
        if other is mention or not (low <= other.start and other.end <= high or opening and other.end <= opening_end):
            continue
        value = other.value
        dimension = catalogue.value_dimension(value)
        if dimension == "duration" and isinstance(value, QuantityValue):
            if (data.period_before.search(scan.text, max(0, other.start - 25), other.start) is None
                    and data.period_after.match(scan.text, other.end) is None):
                continue
            # "accélère ... en 4,1 secondes": the duration is a value of its own, not the period of another.
            if _fact_cue(data, scan, other, dimension) is not None:
                continue
            unit = catalogue.unit(value.unit)
            factor = unit.factor if unit is not None else 1.0
            lo = value.literal.low if value.literal.low is not None else value.typical.low
            hi = value.literal.high if value.literal.high is not None else value.typical.high
            if lo is None or hi is None:
                continue
            period = f"{lo * factor:g}s-{hi * factor:g}s"
        elif isinstance(value, TimeValue) and value.earliest is not None and value.latest is not None:
            # "within a month", "in a week": a span from the article's day on, a duration rather than a date.
            if value.resolution == "relative" and value.earliest == value.anchor and value.granularity == "range":
                continue
            if "since" in value.modifiers or data.since_before.search(scan.text, max(0, other.start - 20),
                                                                      other.start) is not None:
                continue
            # "Nordlake, founded in 2016, holds 60%": a date of a fact of its own ("founded") in a phrase of its
            # own is no period, unless it fronts the sentence ("Before the 2019 fire, it had 23,500 visitors");
            # "today" is when the figure is stated, not a period it covers.
            first_comma = scan.text.find(",")
            fronting = first_comma >= 0 and other.end <= first_comma < mention.start
            if ((not fronting and _fact_cue(data, scan, other, "time") is not None)
                    or data.now_word.fullmatch(other.text.strip())):
                continue
            if (fact is not None and fact.cumulative and value.granularity == "day"
                    and value.earliest == value.latest):
                as_of = value.latest.isoformat()
            else:
                period = f"{value.earliest.isoformat()}/{value.latest.isoformat()}"
    return period, as_of


def _variant_of(scan: _Scan, mention: _Located, carried: str | None) -> str | None:
    """The variant named nearest before the value in its sentence, or the one its paragraph named."""
    before = [variant for position, variant in scan.variants if position < mention.start]
    if before:
        return before[-1]
    return carried


def _instance(data: CompiledFrames, scan: _Scan, mention: _Located, cue: _Cue | None) -> str | None:
    """ "the worst since the 1973 floods", "the previous quake": an event named for comparison is an earlier one."""
    if cue is None or mention.value.type != "time":
        return None
    start = min(cue.start, mention.start)
    window = scan.text[max(0, start - 30):start]
    if data.earlier is not None and data.earlier.search(window):
        return "earlier"
    since = data.since_compared.search(window) if data.since_compared is not None else None
    if since is not None and data.superlative is not None and data.superlative.search(scan.text, 0, since.start()):
        return "earlier"
    return None


# The instance an explicit forecast or target is ("could reach a million" is no count of a million).
_FORECAST_INSTANCE = {"expected": "forecast", "planned": "target"}


@dataclass(frozen=True)
class _Claiming:
    """What making a value's claim needs to know of its document and sentence."""

    doc: Document
    data: CompiledFrames
    scan: _Scan
    offset: int  # where the sentence starts in the document
    entities: list[_Located]
    roles: list[_Located]
    topic: str | None  # the article's main organization
    carried: str | None  # the variant the paragraph named before the sentence
    places: frozenset[str]  # names the article puts in a place


def _zoned(value: Value, zone: str | None) -> Value:
    """A day the text gives no zone for is in the zone of the article's publication timestamp, if it has one."""
    if zone is None or not isinstance(value, TimeValue) or value.zone is not None or value.granularity != "day":
        return value
    return value.model_copy(update={"zone": zone})


def _value_claim(context: _Claiming, mention: _Located, evidence: Span, number: int,
                 conversion: bool = False) -> Claim | None:
    doc, data, scan, offset = context.doc, context.data, context.scan, context.offset
    entities, roles, topic, carried, places = (context.entities, context.roles, context.topic, context.carried,
                                               context.places)
    sentence = scan.text
    dimension = catalogue.value_dimension(mention.value)
    cue = _fact_cue(data, scan, mention, dimension)
    fact_id = cue.id if cue else (catalogue.sole_fact(dimension) or UNSPECIFIED)
    earlier_of = _earlier_value_of(data, scan, mention, dimension)
    if earlier_of is not None:
        cue, fact_id = earlier_of, earlier_of.id
    if mention.value.type == "time" and _is_dateline(doc, offset, mention, sentence):
        cue, fact_id = None, DATELINE
    elif _is_now(doc, data, mention):
        cue, fact_id = None, UNSPECIFIED
    if cue is not None and _counts_the_cue(sentence, cue, mention):
        cue, fact_id = None, UNSPECIFIED
    fact = catalogue.fact(fact_id)
    slots, owner = _scope_cues(scan, mention, cue)
    # An explicit forecast or target ("could reach", "aims for") is another figure than a count.
    stated = slots.pop("modality", None)
    modality = stated or _modality(data, scan, mention)
    if stated is not None and mention.value.type != "time":
        slots.setdefault("instance", _FORECAST_INSTANCE.get(stated, stated))
    if conversion:
        slots["instance"] = CONVERSION
    source = _attribution(scan, mention)
    thing = None
    if fact is not None and fact.needs_object and cue is not None:
        thing = (_object_before(data, sentence, cue.start) if data.spaced
                 else _object_near_unspaced(data, scan, cue.start, cue.end))
        if thing is None:
            fact_id, fact = UNSPECIFIED, None
    if fact_id == UNSPECIFIED and dimension == "count" and isinstance(mention.value, QuantityValue):
        noun = mention.value.unit or ""
        if len(noun) >= 3:
            fact_id = OPEN + noun
    place, part = _place_of(data, scan, mention, cue)
    period, as_of = _period_and_as_of(doc, data, scan, mention, fact)
    scope = Scope(
        place=place,
        part=part,
        group=slots.get("group"),
        source=source[0] if source else None,
        instance=slots.get("instance") or _instance(data, scan, mention, cue),
        period=slots.get("period") or period,
        basis=slots.get("basis"),
        statistic=slots.get("statistic"),
        variant=slots.get("variant") or _variant_of(scan, mention, carried),
        party=slots.get("party"),
        object=thing,
        as_of=as_of,
    )
    anchor = (cue.start, cue.end) if cue else (mention.start, mention.end)
    about = _Context(sentence, data, scan.breaks, fact is not None and fact.people,
                     ((source[1], source[2]),) if source else (), places)
    subject = _subject(about, anchor, owner[1] if owner else None, mention, entities, roles)
    value_start, value_end, quote = doc.located(offset + mention.start, offset + mention.end)
    return Claim(
        id=_claim_id(doc, number),
        document=doc.path,
        subject=subject,
        subject_key=entity_key(subject) if subject else None,
        attribute=fact_id,
        scope=scope,
        modality=modality,  # type: ignore[arg-type]  # a modality of the language data: the record checks it
        value=ClaimValue(text=quote, start=value_start, end=value_end,
                         value=_zoned(mention.value, doc.info.reference_zone)),
        evidence=evidence,
        rule=f"frame.{mention.value.type}.{fact_id.split(':')[0]}",
        # A claim without a subject is about the story's main organization, if it has one.
        topic=topic if subject is None else None,
        language=doc.info.language,
    )


def _role_claim(doc: Document, offset: int, mention: _Located, evidence: Span, number: int) -> Claim | None:
    role = mention.value
    if not isinstance(role, RoleValue) or not role.person or not role.organization:
        return None
    value_start, value_end, quote = doc.located(offset + mention.start, offset + mention.end)
    person = EntityValue(name=role.person, kind="person", key=entity_key(role.person))
    return Claim(
        id=_claim_id(doc, number),
        document=doc.path,
        subject=role.organization,
        subject_key=entity_key(role.organization),
        attribute=f"role:{role.title}",
        scope=Scope(),
        modality="asserted",
        value=ClaimValue(text=quote, start=value_start, end=value_end, value=person),
        evidence=evidence,
        rule="frame.role",
        topic=None,
        language=doc.info.language,
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
