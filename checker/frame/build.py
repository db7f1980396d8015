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
from collections.abc import Iterator
from dataclasses import dataclass

from checker import catalogue
from checker.document import Document
from checker.frame.data import CompiledFrames, frames
from checker.frame.fact_cue import COUNTED_DIMENSIONS, counts_the_cue, earlier_value_of, fact_cue_of
from checker.frame.reach import PLACE_REACH
from checker.frame.scan import Located, Placed, Scan, is_place, is_variant, refers_to_place, variants_named
from checker.frame.scope import (
    FORECAST_INSTANCE,
    attribution_of,
    instance_of,
    is_now,
    modality_of,
    object_before,
    object_near_unspaced,
    period_and_as_of,
    place_of,
    scope_cues,
    variant_of,
)
from checker.frame.sentences import sentences
from checker.frame.subjects import SubjectContext, subject_of
from checker.lang.script import fold_punctuation
from checker.names import entity_key
from checker.recognize import recognize
from checker.recognize.entity import lexicon
from checker.recognize.hints import value_hints
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
MAX_EVIDENCE = 400
# A value that opens a parenthesis right after another of its dimension converts it: "4.2 billion euros
# ($4.6 billion)", "250 millimetres (9.8 inches)".
_CONVERSION_GAP = re.compile(r"\s*\(\s*(?:[^\W\d_]{1,12}\.?\s+)?$")
_CONVERSION_OR = re.compile(r"\s+(?:or|ou|soit|i\.e\.|c\.-à-d\.)\s+(?:[^\W\d_]{1,12}\s+)?$", re.IGNORECASE)


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
            if not hinted and well_formed and not Scan.between(role_starts, start, end + 1):
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
            inside: list[Located] = [Placed(m.type, m.start - start, m.end - start, m.text, m.value) for m in within]
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
    named = variants_named(sentence, data) if data.variant_words or data.base_variants else []
    if named:
        carried[0] = named[-1].variant


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
        if is_variant(mention.text, data):
            continue
        low = max(0, mention.start - PLACE_REACH)
        located = Placed(mention.type, mention.start - low, mention.end - low, mention.text, mention.value)
        window = text[low:mention.end + 8]
        tally = placed if is_place(window, located, data) or refers_to_place(window, located, data) else other
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
    names: list[Located]
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
    scan: Scan | None = None
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
                scan = Scan(sentence, data, named, dated, found.places, frozenset(found.filed))
            context = _Claiming(doc, data, scan, start, entities, roles, topic, found.carried, found.places)
            claim = _value_claim(context, mention, evidence, count, mention.start in conversions)
        else:
            claim = _role_claim(doc, start, mention, evidence, count)
        if claim is not None:
            count += 1
            yield claim
    if scan is not None and scan.variants:
        carried[0] = scan.variants[-1].variant
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
    if (value.literal.high is not None and 0 < value.literal.high < 1
            and (unit is None or unit.dimension in COUNTED_DIMENSIONS)):
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


def _is_dateline(doc: Document, offset: int, mention: Located, sentence: str) -> bool:
    """A date near the start of the first body block, followed by a dash or by the language's mark of a
    dateline ("北京3月5日电"): the dateline."""
    first = next((z for z in doc.zones if z.kind in ("lead", "body")), None)
    if first is None or not (first.start <= offset + mention.start < first.start + 60):
        return False
    if _DATELINE_AFTER.match(sentence, mention.end) is not None:
        return True
    marks = dateline_marks(doc.info.language) if doc.info.language else None
    return marks is not None and marks.match(sentence, mention.end) is not None


@dataclass(frozen=True)
class _Claiming:
    """What making a value's claim needs to know of its document and sentence."""

    doc: Document
    data: CompiledFrames
    scan: Scan
    offset: int  # where the sentence starts in the document
    entities: list[Located]
    roles: list[Located]
    topic: str | None  # the article's main organization
    carried: str | None  # the variant the paragraph named before the sentence
    places: frozenset[str]  # names the article puts in a place


def _zoned(value: Value, zone: str | None) -> Value:
    """A day the text gives no zone for is in the zone of the article's publication timestamp, if it has one."""
    if zone is None or not isinstance(value, TimeValue) or value.zone is not None or value.granularity != "day":
        return value
    return value.model_copy(update={"zone": zone})


def _value_claim(context: _Claiming, mention: Located, evidence: Span, number: int,
                 conversion: bool = False) -> Claim | None:
    doc, data, scan, offset = context.doc, context.data, context.scan, context.offset
    entities, roles, topic, carried, places = (context.entities, context.roles, context.topic, context.carried,
                                               context.places)
    sentence = scan.text
    dimension = catalogue.value_dimension(mention.value)
    cue = fact_cue_of(data, scan, mention, dimension)
    fact_id = cue.id if cue else (catalogue.sole_fact(dimension) or UNSPECIFIED)
    earlier_of = earlier_value_of(data, scan, mention, dimension)
    if earlier_of is not None:
        cue, fact_id = earlier_of, earlier_of.id
    if mention.value.type == "time" and _is_dateline(doc, offset, mention, sentence):
        cue, fact_id = None, DATELINE
    elif is_now(doc, data, mention):
        cue, fact_id = None, UNSPECIFIED
    if cue is not None and counts_the_cue(sentence, cue, mention):
        cue, fact_id = None, UNSPECIFIED
    fact = catalogue.fact(fact_id)
    slots, owner = scope_cues(scan, mention, cue)
    # An explicit forecast or target ("could reach", "aims for") is another figure than a count.
    stated = slots.pop("modality", None)
    modality = stated or modality_of(data, scan, mention)
    if stated is not None and mention.value.type != "time":
        slots.setdefault("instance", FORECAST_INSTANCE.get(stated, stated))
    if conversion:
        slots["instance"] = CONVERSION
    source = attribution_of(scan, mention)
    thing = None
    if fact is not None and fact.needs_object and cue is not None:
        thing = (object_before(data, sentence, cue.start) if data.spaced
                 else object_near_unspaced(data, scan, cue.start, cue.end))
        if thing is None:
            fact_id, fact = UNSPECIFIED, None
    if fact_id == UNSPECIFIED and dimension == "count" and isinstance(mention.value, QuantityValue):
        noun = mention.value.unit or ""
        if len(noun) >= 3:
            fact_id = OPEN + noun
    place, part = place_of(data, scan, mention, cue)
    period, as_of = period_and_as_of(doc, data, scan, mention, fact)
    scope = Scope(
        place=place,
        part=part,
        group=slots.get("group"),
        source=source[0] if source else None,
        instance=slots.get("instance") or instance_of(data, scan, mention, cue),
        period=slots.get("period") or period,
        basis=slots.get("basis"),
        statistic=slots.get("statistic"),
        variant=slots.get("variant") or variant_of(scan, mention, carried, cue),
        party=slots.get("party"),
        object=thing,
        as_of=as_of,
    )
    anchor = (cue.start, cue.end) if cue else (mention.start, mention.end)
    about = SubjectContext(sentence, data, scan.breaks, fact is not None and fact.people,
                     ((source[1], source[2]),) if source else (), places)
    subject = subject_of(about, anchor, owner[1] if owner else None, mention, entities, roles)
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


def _role_claim(doc: Document, offset: int, mention: Located, evidence: Span, number: int) -> Claim | None:
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
