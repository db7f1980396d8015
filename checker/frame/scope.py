"""A value's scope and modality, read from its sentence.

Place, group, who counted, instance, period and the day it was stated, basis, statistic, the
product's variant, party, object; and whether the value is reported, planned or expected.
"""

from __future__ import annotations

import re
from functools import cache

from checker import catalogue
from checker.document import Document
from checker.frame.data import CompiledFrames
from checker.frame.fact_cue import belongs_elsewhere, cue_distance, fact_cue_of, span_gap
from checker.frame.reach import FRONTED, QUALIFIER_CUE_REACH, QUALIFIER_REACH
from checker.frame.scan import Cue, Located, Place, Scan
from checker.lang.script import profile as script_profile
from checker.records import (
    SCOPE_LIST,
    QuantityValue,
    TimeValue,
)


def scope_cues(scan: Scan, mention: Located, cue: Cue | None) -> tuple[dict[str, str], tuple[int, int] | None]:
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
        near_value = fronted or (span_gap(q_start, q_end, mention.start, mention.end) <= reach
                                 and not scan.between(scan.commas, low, high))
        near_cue = (scope.reach is None and cue is not None
                    and span_gap(q_start, q_end, cue.start, cue.end) <= QUALIFIER_CUE_REACH)
        # "the first model of ... will be released": an owner scope heading the cue's clause.
        heads_cue = (scope.owner and cue is not None and q_end <= cue.start
                     and not scan.between(scan.breaks, q_end, cue.start))
        if not (near_value or near_cue or heads_cue):
            continue
        alone = near_value and not (near_cue or heads_cue)
        if alone and belongs_elsewhere(q_start, q_end, mention, cue, fitting):
            continue
        distance = cue_distance(scan, q_start, q_end, mention)
        current = nearest.get(scope.slot)
        if current is None or distance < current[0]:
            nearest[scope.slot] = (distance, scope.value, (q_start, q_end), scope.owner)
    chosen = {slot: entry[1] for slot, entry in nearest.items()}
    owner = next((entry[2] for entry in nearest.values() if entry[3]), None)
    return chosen, owner
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s*$")


def object_near_unspaced(data: CompiledFrames, scan: Scan, position: int, cue_end: int) -> str | None:
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


def object_before(data: CompiledFrames, sentence: str, position: int) -> str | None:
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


def attribution_of(scan: Scan, mention: Located) -> tuple[str, int, int] | None:
    """Who gave a count ("50,000 according to the police"): the nearest attribution around the value."""
    if mention.value.type == "time":
        return None
    best: tuple[int, tuple[str, int, int]] | None = None
    for a_start, a_end, source in scan.attributions:
        distance = span_gap(a_start, a_end, mention.start, mention.end)
        if distance <= ATTRIBUTION_REACH and (best is None or distance < best[0]):
            best = (distance, (source, a_start, a_end))
    return best[1] if best else None


def is_now(doc: Document, data: CompiledFrames, mention: Located) -> bool:
    """ "today", "aujourd'hui": the article's own day, a time stamp of a statement rather than a fact's date.

    A weekday that falls on the article's day ("early Tuesday" in Tuesday's paper) is an event's date.
    """
    value = mention.value
    ref = doc.info.reference_date
    if not isinstance(value, TimeValue) or data.now_word.fullmatch(mention.text.strip()) is None:
        return False
    return value.resolution == "relative" and ref is not None and value.earliest == ref == value.latest


def modality_of(data: CompiledFrames, scan: Scan, mention: Located) -> str:
    low = max(0, mention.start - 120)
    for modality, pattern in scan.modalities:
        if modality != "reported" and pattern.search(scan.text, low, mention.start):
            return modality
    return "reported" if scan.reported else "asserted"


def place_of(data: CompiledFrames, scan: Scan, mention: Located, cue: Cue | None) -> tuple[str | None, bool]:
    """The place of the value's clause nearest to the value or to its cue, and whether it is a part of a whole.

    A clause that opens with a relative word ("..., where 45,000 donors gave") refers back to the
    place just before it.
    """
    if not scan.places:
        return None, False
    low, high = scan.clause(mention.start)
    inside = [p for p in scan.places if low <= p.start and p.end <= high]
    referred: list[Place] = []
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
    nearest = min(inside, key=lambda p: (min(span_gap(p.start, p.end, a, b) for a, b in anchors), p.start))
    return nearest.key, nearest.part


def period_and_as_of(doc: Document, data: CompiledFrames, scan: Scan, mention: Located,
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
    # "两天之内，该市气温下降15度": where a comma ends a clause, a short opening clause scopes the sentence.
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
            if fact_cue_of(data, scan, other, dimension) is not None:
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
            # A period longer than a day that a verb of telling dates ("reported revenue of $1.1 billion
            # last year") is what the figure covers: nobody reports on a whole year.
            first_comma = scan.text.find(",")
            fronting = first_comma >= 0 and other.end <= first_comma < mention.start
            own = None if fronting else fact_cue_of(data, scan, other, "time")
            told = own is not None and value.granularity != "day" and not _compared(own.id)
            if (own is not None and not told) or data.now_word.fullmatch(other.text.strip()):
                continue
            if (fact is not None and fact.cumulative and value.granularity == "day"
                    and value.earliest == value.latest):
                as_of = value.latest.isoformat()
            else:
                period = f"{value.earliest.isoformat()}/{value.latest.isoformat()}"
    return period, as_of


def _compared(fact_id: str) -> bool:
    known = catalogue.fact(fact_id)
    return known is None or known.compared


def variant_of(scan: Scan, mention: Located, carried: str | None, cue: Cue | None) -> str | None:
    """The variant named nearest before the value in its sentence, or the one its paragraph named.

    A date the sentence gives before its event names the event's objects after it: "will start by
    the end of May to deliver the Max version, ..., and the Pro version" dates the delivery of each
    variant its object lists (written "max; pro"), up to the sentence's next date.
    """
    before = [found.variant for found in scan.variants if found.start < mention.start]
    if before:
        return before[-1]
    if mention.value.type == "time" and cue is not None and cue.start >= mention.end:
        following = [v.start for v in scan.values if v.start > mention.end and v.value.type == "time"]
        stop = min(following, default=len(scan.text))
        listed = sorted({found.named for found in scan.variants
                         if cue.end <= found.start < stop and found.named is not None})
        if listed:
            return SCOPE_LIST.join(listed)
    return carried


def instance_of(data: CompiledFrames, scan: Scan, mention: Located, cue: Cue | None) -> str | None:
    """ "the worst since the 1973 floods", "the previous quake": an event named for comparison is an earlier one;
    "79 of the 230 seats": the number of a whole its count is part of is a total."""
    if mention.value.type == "quantity" and data.total_before is not None and data.total_before.search(
            scan.text, max(0, mention.start - 40), mention.start):
        return "total"
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
FORECAST_INSTANCE = {"expected": "forecast", "planned": "target"}
