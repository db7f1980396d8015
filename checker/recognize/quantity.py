"""Quantities: counts and measures with a literal and a typical interval and a unit noun.

"120 000 units" is exactly [120000, 120000] unit "unit"; "over a hundred
people" is literally (100, inf) and typically (100, 200), unit "person";
"several hundred" is [200, 999]; "près de 100" is [90, 100); "between 20 and
30" is [20, 30]. The quantifier phrases, vague amounts and unit nouns are
language data (``checker/lang/<lang>/quantity.toml``); the rules that turn a
quantifier and its number into intervals are here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker import catalogue
from checker import lang as langdata
from checker.lang import DimensionData, Example, script
from checker.recognize import lowered
from checker.recognize.lazy import lazy_compile
from checker.recognize.numbers import NumberMatch, overlaps_any, shared_numbers
from checker.recognize.numbers import data as number_data
from checker.recognize.safety import never_raises
from checker.records import Interval, Mention, QuantityValue

Rule = Literal["gt", "ge", "lt", "le", "approx", "nearly", "eq"]


class Quantifier(BaseModel):
    """A quantifier: the phrases that say it, before or after the number, and its rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    rule: Rule
    before: list[str] = []
    after: list[str] = []
    examples: list[Example] = []


class Vague(BaseModel):
    """A vague amount with no number ("several hundred", "une centaine de")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    phrases: list[str]
    literal: tuple[float, float]
    typical: tuple[float, float] | None = None
    # Whether the upper bound of ``literal`` is left out ("近百": nearly a hundred is below it).
    high_exclusive: bool = False
    examples: list[Example] = []


@langdata.dimension("quantity")
class QuantityData(DimensionData):
    """Schema of ``<lang>/quantity.toml``."""

    range_openers: list[str] = []
    range_joiners: list[str] = []
    # Joiners that make a range without an opener before the first number ("20 to 30", "20至30").
    free_joiners: list[str] = []
    range_high_inclusive: bool = True
    bound_joiners: list[str] = []
    # Words that may stand between a quantifier and its number ("超过了80", "至少有10"; none in English).
    bound_links: list[str] = []
    of_words: list[str] = []
    stopwords: list[str] = []
    units: dict[str, list[str]] = {}
    # Unit abbreviations that may be glued to their number ("5km"); symbol-led ones ("°C") may follow a space too.
    glued_units: list[str] = []
    # What joins a number and a unit into one modifier ("a 10-day trip", "a three-week strike"); the unit
    # ends the compound ("a 15-year-old" is an age, no duration).
    compound_joiners: list[str] = []
    # Measure words between a number and what it counts ("10座城市", "95名乘客"): the unit is the noun after
    # them, or the measure word itself when it is a unit ("95名": persons). Languages without spaces only.
    classifiers: list[str] = []
    quantifiers: list[Quantifier] = []
    # Words that end with a quantifier's characters and are no quantifier, where words are not spaced
    # ("附近一个城镇": nearby, not "nearly one").
    not_quantifiers: list[str] = []
    vague: list[Vague] = []
    samples: list[Example] = []


@dataclass(frozen=True)
class Bound:
    """A quantifier found around a number: its span and what it says."""

    start: int
    end: int
    key: str
    rule: Rule


def _phrase_regex(phrases: list[str]) -> str:
    """An alternation of phrases, longest first, with any run of spaces between words."""
    parts = []
    for p in sorted(set(phrases), key=lambda w: (-len(w), w)):
        words = [re.escape(w) for w in p.split()]
        parts.append(r"\s+".join(words))
    return "|".join(parts) if parts else r"(?!x)x"


@dataclass(frozen=True)
class _Compiled:
    data: QuantityData
    spaced: bool  # words are separated by spaces: phrases are matched on word boundaries
    classifiers: tuple[str, ...]  # longest first
    large_units: dict[str, float]  # "万", "亿" after a vague amount multiply it (languages without spaces)
    before_rev: re.Pattern[str]
    before_keys: dict[str, Quantifier]
    before_rev_lowered: re.Pattern[str] | None  # ``before_rev`` for the lower-cased window (see ``lowered``)
    after: re.Pattern[str]
    after_keys: dict[str, Quantifier]
    vague: re.Pattern[str]
    vague_lower: re.Pattern[str]  # on the lower-cased text: no case folding, no lookbehind, a fast scan
    vague_keys: dict[str, Vague]
    vague_anchors: tuple[str, ...]  # one word of each vague phrase: none in the lower-cased text, no phrase
    opener: re.Pattern[str]
    joiner: re.Pattern[str]
    bound_joiner: re.Pattern[str]
    unit_re: re.Pattern[str]
    unit_first: re.Pattern[str] | None  # the first word of a unit in the lower-cased text (see ``lowered``)
    unit_first_len: int  # the length of the longest first word
    unit_keys: dict[str, str]
    glued_re: re.Pattern[str] | None  # a glued abbreviation, or a symbol-led unit after at most one space
    compound_joiners: tuple[str, ...]  # "-" in "a 10-day trip"
    free_joiners: frozenset[str]
    of_re: re.Pattern[str]
    stopwords: frozenset[str]


def _lowered_phrases(phrases: list[str], prefix: str) -> re.Pattern[str] | None:
    """A pattern that matches, in a lower-cased text, wherever ``prefix`` then one of ``phrases`` may.

    The words of a phrase are separated by any run of white space, as in ``_phrase_regex``; the
    case-insensitive pattern this stands for may ask more around the phrase (see ``lowered``).
    """
    source = lowered.phrases(phrases)
    return None if source is None else lazy_compile(prefix + source)


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


@cache
def compiled(lang: str) -> _Compiled:
    """The quantity data of ``lang`` with its patterns compiled once."""
    try:
        d: QuantityData = langdata.load("quantity", lang)
    except langdata.LanguageDataError:
        d = langdata.load("quantity", "en")
    before_keys = {_norm(p): q for q in d.quantifiers for p in q.before}
    after_keys = {_norm(p): q for q in d.quantifiers for p in q.after}
    vague_keys = {_norm(p): v for v in d.vague for p in v.phrases}
    unit_keys = {_norm(s): unit for unit, surfaces in d.units.items() for s in surfaces}
    spaced = script.profile(lang).spaced if script.is_supported(lang) else True
    wb = r"(?<![\w])" if spaced else ""
    we = r"(?![\w])" if spaced else ""
    we_unit = r"(?![\w'’])" if spaced else ""  # "5 m's" is no metre
    # In a spaced script a word quantifier stands after white space or an opening bracket; elsewhere anywhere.
    word_start = r"(?=$|[\s(\[\"'«])" if spaced else ""
    numbers = number_data(lang)
    return _Compiled(
        data=d,
        spaced=spaced,
        classifiers=tuple(sorted(d.classifiers, key=len, reverse=True)),
        large_units=dict(numbers.scales) if numbers.system == "positional" else {},
        # a quantifier ends right before the number
        before_rev=lazy_compile(
            rf"\s{{0,3}}(?:(?:{reversed_alternation(d.bound_links)})\s{{0,3}})?"
            rf"(?:({reversed_alternation([p for p in before_keys if p[0].isalnum()])})"
            rf"{word_start}"
            rf"|({reversed_alternation([p for p in before_keys if not p[0].isalnum()])})(?![<>=]))",
            re.IGNORECASE),
        before_keys=before_keys,
        before_rev_lowered=_lowered_phrases(
            [p[::-1] for p in before_keys],
            rf"\s{{0,3}}(?:(?:{reversed_alternation(d.bound_links)})\s{{0,3}})?" if d.bound_links else r"\s{0,3}"),
        after=lazy_compile(rf"\s{{0,3}}({_phrase_regex(list(after_keys))}){we}", re.IGNORECASE),
        after_keys=after_keys,
        vague=lazy_compile(rf"{wb}({_phrase_regex(list(vague_keys))}){we}(?!\s*\d)", re.IGNORECASE),
        vague_lower=lazy_compile(rf"({_phrase_regex(list(vague_keys))}){we}(?!\s*\d)"),
        vague_keys=vague_keys,
        vague_anchors=_anchors(list(vague_keys)),
        opener=lazy_compile((r"(?:^|(?<=[\s(]))" if spaced else "")
                          + rf"({_phrase_regex(d.range_openers)})\s{{0,3}}(?:the\s+)?$", re.IGNORECASE),
        joiner=lazy_compile(rf"\s{{0,3}}({_phrase_regex(d.range_joiners)})\s{{0,3}}(?:the\s+)?", re.IGNORECASE),
        bound_joiner=lazy_compile(rf"\s{{0,3}}(?:{_phrase_regex(d.bound_joiners)})?\s{{0,3}}", re.IGNORECASE),
        unit_re=lazy_compile(rf"({_phrase_regex(list(unit_keys))}){we_unit}", re.IGNORECASE),
        unit_first=_lowered_phrases([u.split()[0] for u in unit_keys if u.split()], ""),
        unit_first_len=max((len(u.split()[0]) for u in unit_keys if u.split()), default=0),
        unit_keys=unit_keys,
        free_joiners=frozenset(_norm(j) for j in d.free_joiners),
        glued_re=_glued(d.glued_units, unit_keys) if spaced else None,
        compound_joiners=tuple(d.compound_joiners),
        of_re=lazy_compile(rf"\s{{1,3}}(?:(?:{_phrase_regex(d.of_words)})(?:\s{{1,3}}|(?<=['’])))?",
                         re.IGNORECASE),
        stopwords=frozenset(d.stopwords),
    )


def _glued(glued: list[str], unit_keys: dict[str, str]) -> re.Pattern[str] | None:
    """Glued abbreviations right after a number; units that open with a symbol ("°C") after one space too."""
    symbols = [s for s in unit_keys if not s[0].isalnum()]
    if not glued and not symbols:
        return None
    parts = []
    if glued:
        parts.append(rf"(?:{_phrase_regex(glued)})")
    if symbols:
        parts.append(rf"\s?(?:{_phrase_regex(symbols)})")
    return lazy_compile(rf"(?:{'|'.join(parts)})(?![\w/])", re.IGNORECASE)


def _anchors(phrases: list[str]) -> tuple[str, ...]:
    """The longest word of each phrase, less those that hold another one (it is found with it)."""
    longest = {max(p.split(), key=len) for p in phrases if p.split()}
    return tuple(sorted(a for a in longest if not any(b != a and b in a for b in longest)))


def _interval(low: float | None, high: float | None, li: bool = True, hi: bool = True) -> Interval:
    return Interval(low=low, high=high, low_inclusive=li, high_inclusive=hi)


def intervals(rule: Rule, n: float) -> tuple[Interval, Interval]:
    """The literal and typical intervals of ``rule`` applied to the number ``n``."""
    a = abs(n)
    if rule == "gt":
        return _interval(n, None, False, True), _interval(n, n + max(a, 1.0), False, False)
    if rule == "ge":
        return _interval(n, None, True, True), _interval(n, n + max(a, 1.0))
    if rule == "lt":
        return _interval(None, n, True, False), _interval(min(0.0, n), n, True, False)
    if rule == "le":
        return _interval(None, n, True, True), _interval(min(0.0, n), n)
    # A tenth either way; for a small whole count of units, up to half a unit (at most a fifth of it):
    # "nearly three weeks" may be 18 days (2.6 weeks), as a reader takes it; "nearly 100" is 90 to 99.
    margin = max(0.1 * a, min(0.2 * a, 0.5)) if a >= 1 and a == int(a) else 0.1 * a
    if rule == "approx":
        iv = _interval(n - margin, n + margin)
        return iv, iv
    if rule == "nearly":
        iv = _interval(n - margin, n, True, False)
        return iv, iv
    iv = _interval(n, n)
    return iv, iv


def own_intervals(n: NumberMatch) -> tuple[Interval, Interval]:
    """The intervals a number states by itself: "十余万" is more than 100,000 (typically below 200,000),
    "数百" several hundred (200 to 999)."""
    if n.several:
        iv = _interval(2 * n.value, 10 * n.value - 1)
        return iv, iv
    return (_interval(n.value, None, False, True),
            _interval(n.value, n.value + n.above, False, False))


def _large_units_after(text: str, end: int, c: _Compiled) -> tuple[int, float]:
    """Where a run of large units ("万", "亿") right after ``end`` ends, and their product (1.0: none)."""
    factor = 1.0
    while end < len(text) and text[end] in c.large_units:
        factor *= c.large_units[text[end]]
        end += 1
    return end, factor


def _bound_after_unit(text: str, end: int, c: _Compiled, lang: str) -> Bound | None:
    """A quantifier after the unit that follows a number ("95人以上"), if any."""
    unit, unit_end = _unit_after(text, end, c, lang)
    if unit is None or unit_end == end:
        return None
    return _bound_after(text, unit_end, c)


def bound_before(text: str, start: int, lang: str) -> Bound | None:
    """A quantifier phrase ending right before ``start`` ("more than", "près de"), if any."""
    return _bound_before(text, start, compiled(lang), None)


def _bound_before(text: str, start: int, c: _Compiled, low: str | None) -> Bound | None:
    """``bound_before``; ``low`` is ``text`` lower-cased when that keeps its length (else None)."""
    # match the reversed window at its start: one anchored attempt instead of a search
    lo = max(0, start - 48)
    if c.before_rev_lowered is not None:
        if low is not None:
            if not c.before_rev_lowered.match(low[lo:start][::-1]):
                return None  # the common case, told without a case-insensitive match
        else:
            low_window = text[lo:start][::-1].lower()
            if len(low_window) == start - lo and not c.before_rev_lowered.match(low_window):
                return None
    window = text[lo:start][::-1]
    m = c.before_rev.match(window)
    if m is None:
        return None
    group = 1 if m.group(1) is not None else 2
    q_start, q_end = start - m.end(group), start - m.start(group)
    q = c.before_keys.get(_norm(text[q_start:q_end]))
    if q is None:
        return None
    if any(len(word) > q_end - q_start and text.endswith(word, 0, q_end) for word in c.data.not_quantifiers):
        return None
    # "$2000 over 3 years": "over" right after a number is a preposition
    if group == 1 and c.spaced and _DIGIT_END.search(text, max(0, q_start - 4), q_start):
        return None
    return Bound(q_start, q_end, q.key, q.rule)


def reversed_alternation(phrases: list[str]) -> str:
    """An alternation matching each phrase written backwards, longest first."""
    parts = []
    for p in sorted(set(phrases), key=lambda w: (-len(w), w)):
        words = [re.escape(w[::-1]) for w in reversed(p.split())]
        parts.append(r"\s+".join(words))
    return "|".join(parts) if parts else r"(?!x)x"


def bound_after(text: str, end: int, lang: str) -> Bound | None:
    """A quantifier phrase right after ``end`` ("or more", "et plus") not followed by a number."""
    return _bound_after(text, end, compiled(lang))


def _bound_after(text: str, end: int, c: _Compiled) -> Bound | None:
    m = c.after.match(text, end)
    if m is None:
        return None
    rest = text[m.end():m.end() + 12]
    if _NUMBER_NEXT.match(rest):
        return None
    q = c.after_keys.get(_norm(m.group(1)))
    if q is None:
        return None
    return Bound(m.start(1), m.end(1), q.key, q.rule)


_DIGIT_END = re.compile(r"\d\s{0,2}$")
_NUMBER_NEXT = re.compile(r"\s*(?:[-\u2212]?\d|the\s)")
# a word of ``unit_after`` (group 1), and one after one to three spaces
_UNIT_WORD = re.compile(r"([^\W\d_]+(?:['’-][^\W\d_]+)?)")
_NEXT_UNIT_WORD = re.compile(r"\s{1,3}([^\W\d_]+(?:['’-][^\W\d_]+)?)")
_SHORT_SPACE = re.compile(r"\s{1,3}")
_DIGITS_PART = re.compile(r"[\d.,\s\u00a0\u202f]+")
_NOT_DIGIT = re.compile(r"[^\d.,]")
_OR_EQUAL = re.compile(r"\s{0,3}(?:or|ou)\s+(?:equal|égal)(?:\s+to(?:\s+it)?|\s+à)?(?![\w])(?!\s*-?\d)",
                       re.IGNORECASE)


def _combine(before: Bound | None, after: Bound | None) -> tuple[str | None, Rule]:
    """The rule of a number with a quantifier before and/or after it."""
    if after is not None and (before is None or before.rule in ("eq", "approx")):
        return after.key, after.rule
    if before is not None:
        return before.key, before.rule
    return None, "eq"


def _unit_key(c: _Compiled, surface: str) -> str | None:
    """The unit of a surface ``unit_re`` matched, which it may have matched through a case equivalence
    that lower-casing does not make ("technicianſ", long s; "İ"): those are tried case-folded."""
    key = c.unit_keys.get(_norm(surface))
    if key is None:
        key = c.unit_keys.get(_norm(surface.casefold().replace("ı", "i").replace("i̇", "i")))
    return key


def unit_after(text: str, end: int, lang: str) -> tuple[str | None, int]:
    """The unit noun after a quantity ("people" -> "person") and where it ends, or (None, end)."""
    return _unit_after(text, end, compiled(lang), lang)


def _unit_after(text: str, end: int, c: _Compiled, lang: str) -> tuple[str | None, int]:
    if not c.spaced:
        return _unit_after_unspaced(text, end, c)
    compound = _compound_unit(text, end, c)
    if compound is not None:
        return compound
    if c.glued_re is not None:
        glued = c.glued_re.match(text, end)
        if glued is not None:
            unit = _unit_key(c, glued.group().strip())
            if unit is not None:
                return unit, glued.end()
    m = c.of_re.match(text, end)
    if m is None:
        return None, end  # glued to the number ("450,", "5km"), or at the end of the text
    # up to two adjectives before a known noun: "100 new models"; the words are read within 60
    # characters, each after one to three spaces
    pos = m.end()
    limit = pos + 60
    first = _UNIT_WORD.match(text, pos, limit)
    if first is None:
        return None, end
    w = first
    for skipped in range(3):
        start = w.start(1)
        u = c.unit_re.match(text, start) if _may_be_unit(text, start, c) else None
        if u is not None:
            unit = _unit_key(c, u.group(1))
            known = catalogue.unit(unit)
            if unit is not None and not (skipped and known is not None and known.adjacent):
                return unit, u.end()
        if w.group(1).lower() in c.stopwords:
            break
        nxt = _NEXT_UNIT_WORD.match(text, w.end(), limit)
        if nxt is None:
            break
        w = nxt
    word = first.group(1)
    low = word.lower()
    if low in c.stopwords or len(low) < 2 or low in number_data(lang).cardinals or word.isupper():
        return None, end
    return _singular(low, lang), first.end()


def _compound_unit(text: str, end: int, c: _Compiled) -> tuple[str, int] | None:
    """A known unit joined to its number as one modifier ("a 10-day trip"), when the unit ends the compound."""
    for joiner in c.compound_joiners:
        if not text.startswith(joiner, end):
            continue
        u = c.unit_re.match(text, end + len(joiner))
        if u is None or text.startswith(joiner, u.end()):
            return None  # "a 15-year-old": the compound goes on, and is about something else
        unit = _unit_key(c, u.group(1))
        return (unit, u.end()) if unit is not None else None
    return None


_ONE_SPACE = re.compile(r"[ \u00a0]?")


def _unit_after_unspaced(text: str, end: int, c: _Compiled) -> tuple[str | None, int]:
    """The unit right after a number in a language without spaces: a unit noun ("公里"), or a measure word
    and the noun after it ("10座城市"), or a measure word that is itself a unit ("95名")."""
    pos = _ONE_SPACE.match(text, end).end()  # type: ignore[union-attr]
    u = c.unit_re.match(text, pos)
    if u is not None:
        unit = _unit_key(c, u.group(1))
        if unit is not None:
            return unit, u.end()
    for classifier in c.classifiers:
        if text.startswith(classifier, pos):
            after = pos + len(classifier)
            noun = c.unit_re.match(text, after)
            if noun is not None:
                unit = _unit_key(c, noun.group(1))
                if unit is not None:
                    return unit, noun.end()
            return None, after
    return None, end


def _may_be_unit(text: str, pos: int, c: _Compiled) -> bool:
    """Whether a unit may start at ``pos``: its first word is there (a cheap test before ``unit_re``)."""
    if c.unit_first is None:
        return True
    piece = text[pos:pos + c.unit_first_len]
    low = piece.lower()
    return len(low) != len(piece) or c.unit_first.match(low) is not None


def _singular(word: str, lang: str) -> str:
    """A crude singular: enough to match "designers" with "designer"."""
    if lang == "en":
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith(("ches", "shes", "sses", "xes")):
            return word[:-2]
        if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            return word[:-1]
        return word
    if word.endswith(("aux",)) and len(word) > 4:
        return word[:-3] + "al"
    if word.endswith(("s", "x")) and len(word) > 3 and not word.endswith(("ss",)):
        return word[:-1]
    return word


@dataclass
class _Q:
    start: int
    end: int
    literal: Interval
    typical: Interval
    key: str | None
    rule: Rule
    unit_end: int  # where the number (or the range's second number) ends, before the unit


@never_raises
def find(text: str, lang: str) -> list[Mention]:
    """Every quantity mention in ``text`` (quantifier + number span; the unit is in the value)."""
    c = compiled(lang)
    found: list[_Q] = []
    vague_spans: list[tuple[int, int]] = []
    low = text.lower()
    folded = len(low) == len(text)
    # a phrase matched in the lower-cased text holds its words as written: look for one of them first
    vague = not folded
    if not vague:
        for anchor in c.vague_anchors:  # a plain loop: cheaper than any() over a generator
            if anchor in low:
                vague = True
                break
    for m in (c.vague_lower.finditer(low) if folded else c.vague.finditer(text)) if vague else ():
        if c.spaced and folded and m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue
        v = c.vague_keys.get(_norm(m.group(1)))
        if v is None:
            continue
        # "上百万", "近千亿": large units after a vague amount multiply it (languages without spaces)
        end, factor = _large_units_after(text, m.end(1), c)
        lit = _interval(v.literal[0] * factor, v.literal[1] * factor, True, not v.high_exclusive)
        low_t, high_t = v.typical or v.literal
        typ = _interval(low_t * factor, high_t * factor, True, not v.high_exclusive)
        found.append(_Q(m.start(1), end, lit, typ, v.key, "approx", end))
        vague_spans.append((m.start(1), end))
    numbers = shared_numbers(text, lang)
    if not numbers and not found:
        return []  # most sentences: nothing to sort, join or look up units for
    if vague_spans:
        numbers = tuple(n for n in numbers if not overlaps_any(n.start, n.end, vague_spans))
    folded_low = low if folded else None
    count = len(numbers)
    i = 0
    while i < count:
        n = numbers[i]
        # a range: "between 20 and 30", "20-30", "de 10 à 15" (``_range`` wants at most 16 characters between)
        if i + 1 < count and numbers[i + 1].start - n.end <= 16:
            rng = _range(text, n, numbers[i + 1], c)
            if rng is not None:
                found.append(rng)
                i += 2
                continue
        before = _bound_before(text, n.start, c, folded_low)
        after = _bound_after(text, n.end, c)
        end = n.end
        after_unit = False
        if after is None and not c.spaced:
            # "95人以上", "3天左右": the quantifier may follow the unit
            after = _bound_after_unit(text, n.end, c, lang)
            after_unit = after is not None
        if before is None and after is None:
            # the common case, as ``_combine`` and the rules below would settle it
            if n.above or n.several:
                literal, typical = own_intervals(n)
                found.append(_Q(n.start, end, literal, typical, "more-than" if n.above else "several", "eq", end))
            else:
                iv = _interval(n.value, n.value)
                found.append(_Q(n.start, end, iv, iv, None, "eq", end))
            i += 1
            continue
        key, rule = _combine(before, after)
        if after is not None and (before is None or before.rule in ("eq", "approx")):
            end = after.end
        elif before is not None and before.rule in ("gt", "lt"):
            eq = _OR_EQUAL.match(text, n.end)
            if eq:
                rule = "ge" if before.rule == "gt" else "le"
                end = eq.end()
        literal, typical = intervals(rule, n.value)
        if rule == "eq" and (n.above or n.several):
            literal, typical = own_intervals(n)
        start = before.start if before is not None else n.start
        found.append(_Q(start, end, literal, typical, key, rule, n.end if end == n.end or after_unit else end))
        i += 1
    if len(found) > 1:
        found.sort(key=_START)
        found = _join_bounds(text, found, c)
    out: list[Mention] = []
    for q in found:
        unit, _ = _unit_after(text, q.unit_end, c, lang)
        value = QuantityValue(type="quantity", literal=q.literal, typical=q.typical, unit=unit, quantifier=q.key)
        out.append(Mention(type="quantity", start=q.start, end=q.end, text=text[q.start:q.end], value=value))
    return out


_START = attrgetter("start")


def _range(text: str, a: NumberMatch, b: NumberMatch, c: _Compiled) -> _Q | None:
    gap = text[a.end:b.start]
    if len(gap) > 16:
        return None
    j = c.joiner.fullmatch(gap)
    if j is None:
        return None
    joiner = _norm(j.group(1))
    opener = c.opener.search(text, max(0, a.start - 16), a.start)
    symbolic = joiner in ("-", "–", "—", "~", "～")
    if symbolic and (a.words or b.words):
        return None
    if not symbolic and opener is None and joiner not in c.free_joiners:
        return None
    low, high = a.value, b.value
    # "5k-20k", "1,5 à 2 milliards": a scale on the second end applies to the first
    if b.scaled and not a.scaled and high > low * 1000 and low < 1000:
        unscaled = _unscaled(text, b)
        scale = b.value / unscaled if unscaled else 1.0
        if scale > 1:
            low *= scale
    if not low < high:
        return None
    hi_inc = c.data.range_high_inclusive
    iv = _interval(low, high, True, hi_inc)
    start = opener.start(1) if opener is not None else a.start
    return _Q(start, b.end, iv, iv, "range", "eq", b.end)


def _unscaled(text: str, n: NumberMatch) -> float:
    m = _DIGITS_PART.match(text[n.start:n.end].lstrip("-\u2212 "))
    if not m:
        return n.value
    digits = _NOT_DIGIT.sub("", m.group())
    try:
        return float(digits.replace(",", "")) or n.value
    except ValueError:
        return n.value


def _join_bounds(text: str, qs: list[_Q], c: _Compiled) -> list[_Q]:
    """Join a lower and an upper bound into one range: "more than 10 and less than 20" -> (10, 20)."""
    out: list[_Q] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if i + 1 < len(qs):
            b = qs[i + 1]
            # (the gap sliced, not matched in place: an overlap makes it empty, which the joiner matches)
            if b.start - a.end <= 12 and c.bound_joiner.fullmatch(text[a.end:b.start]):
                lower, upper = (a, b) if a.rule in ("gt", "ge") else (b, a)
                if lower.rule in ("gt", "ge") and upper.rule in ("lt", "le") \
                        and lower.literal.low is not None and upper.literal.high is not None \
                        and lower.literal.low < upper.literal.high:
                    iv = _interval(lower.literal.low, upper.literal.high, lower.literal.low_inclusive,
                                   upper.literal.high_inclusive)
                    out.append(_Q(a.start, b.end, iv, iv, "range", "eq", b.unit_end))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def range_of(text: str, a: NumberMatch, b: NumberMatch, lang: str) -> tuple[int, Interval] | None:
    """The range two neighbouring numbers make ("between 20 and 30", "10-15"): (start, interval)."""
    q = _range(text, a, b, compiled(lang))
    return None if q is None else (q.start, q.literal)
