"""Which fact a value states: the cue of the language's fact words that names it.

The nearest cue whose fact fits the value's dimension, a noun joined to the value by link words
first; a weak word yields to a more specific one in its clause.
"""

from __future__ import annotations

import bisect

from checker import catalogue
from checker.frame.data import CompiledFrames
from checker.frame.reach import COMMA_PENALTY, CUE_REACH, DATED_PENALTY, FRONTED, NOUN_REACH, QUALIFIER_CUE_REACH
from checker.frame.scan import Cue, Located, Scan
from checker.lang.script import word_count
from checker.records import (
    QuantityValue,
)


def cue_distance(scan: Scan, cue_start: int, cue_end: int, mention: Located) -> float:
    """How far a word stands from the value, one after it weighted by the language's word order."""
    if cue_end <= mention.start:
        return float(mention.start - cue_end)
    if cue_start >= mention.end:
        return (cue_start - mention.end) * scan.after_weight
    return 0.0


def fact_cue_of(data: CompiledFrames, scan: Scan, mention: Located,
              dimension: catalogue.ValueDimension | None) -> Cue | None:
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
    best: tuple[float, int, int, int, Cue] | None = None
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
            distance = cue_distance(scan, cue.start, cue.end, mention)
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


def _event_started(scan: Scan, mention: Located, dimension: catalogue.ValueDimension | None,
                   cue: Cue) -> Cue | None:
    """ "will start delivering in May", "prévoit de commencer en septembre à produire": a generic verb of
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


def _right_after(scan: Scan, mention: Located, cue: Cue) -> bool:
    """ "12 people reported missing", "92 morts", "5,000 residents were evacuated": a fact's word within three
    words after the count (its noun, then the words that say what befell it), in the same phrase."""
    between = scan.text[mention.end:cue.start]
    return (word_count(between, scan.language) <= 3 and not any(ch in between for ch in ",;:()")
            and not any(mention.end <= v.start < cue.start for v in scan.values))


def _specific_instead(scan: Scan, mention: Located, dimension: catalogue.ValueDimension | None,
                      cue: Cue) -> Cue | None:
    """ "Its shares rose 7%", "holds 18% of the market": a weak word ("rose", "holds") yields to another fact's
    word that fits the value in its clause, the nearest one."""
    if not cue.weak:
        return None
    low, high = scan.clause(mention.start)
    specific = [c for c in scan.cues if low <= c.start and c.end <= high and not c.weak and c.id != cue.id
                and (other := catalogue.fact(c.id)) is not None and catalogue.fits(other, dimension)]
    return min(specific, key=lambda c: cue_distance(scan, c.start, c.end, mention)) if specific else None


# How far after a counted noun a cue may stand and still say what the count is of ("48 employees working on").
QUALIFIED_REACH = 25


def _qualified_noun(data: CompiledFrames, scan: Scan, mention: Located, dimension: catalogue.ValueDimension | None,
                    cue: Cue) -> Cue | None:
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


def _introduced(data: CompiledFrames, scan: Scan, mention: Located,
                dimension: catalogue.ValueDimension | None) -> Cue | None:
    """ "The number allowed inside is limited: no more than 900 visitors": a colon introduces the value of the
    fact its clause names; the last fitting cue of the clause before the colon names the value right after it.

    Where a comma ends a clause, it introduces the same way ("列出三款耳机的价格，分别为299元和399元").
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


def earlier_value_of(data: CompiledFrames, scan: Scan, mention: Located,
                      dimension: catalogue.ValueDimension | None) -> Cue | None:
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
    cue = fact_cue_of(data, scan, before[-1], dimension)
    return cue


COUNTED_DIMENSIONS = frozenset({"people", "things", "count", "number"})


def _counted_alike(a: catalogue.ValueDimension | None, b: catalogue.ValueDimension | None) -> bool:
    """Two dimensions one fact may hold: equal, or both counts (of people, of a noun, or bare)."""
    return a == b or (a in COUNTED_DIMENSIONS and b in COUNTED_DIMENSIONS)


def _names_unit(sentence: str, cue: Cue, mention: Located) -> bool:
    """Whether the cue is the counted noun itself ("92 dead", "340,000 donors")."""
    unit = mention.value.unit if isinstance(mention.value, QuantityValue) else None
    return unit is not None and sentence[cue.start:cue.end].lower().startswith(unit[:max(3, len(unit) - 2)])


def belongs_elsewhere(start: int, end: int, mention: Located, cue: Cue | None, cues: list[Cue]) -> bool:
    """A scope word next to another fact's cue ("an annual capacity") scopes that fact."""
    own = span_gap(start, end, mention.start, mention.end)
    own_id = cue.id if cue else None
    return any(other.id != own_id and span_gap(start, end, other.start, other.end) < min(own, QUALIFIER_CUE_REACH)
               for other in cues)


def counts_the_cue(sentence: str, cue: Cue, mention: Located) -> bool:
    """ "the two teams": a count of a group's own noun, not a measure of the group (a team's size)."""
    known = catalogue.fact(cue.id)
    unit = mention.value.unit if isinstance(mention.value, QuantityValue) else None
    return (known is not None and known.collective and bool(unit)
            and sentence[cue.start:cue.end].lower().rstrip("s") == unit)


def span_gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, b_start - a_end, a_start - b_end)
