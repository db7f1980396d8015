"""Money: an amount interval in an ISO 4217 currency, scale words applied.

"2.5 billion yuan" -> 1.5e9 CNY; "$ 48 billion"; "75 millions de $" -> 7.5e7
USD; "above 450,000 yuan" -> (450000, open); "450 000 yuans et plus" ->
[300000, open); "184,500-236,000 yuan" -> [184500, 236000] CNY. In "4,000 yuan
(US$560)" each amount is a mention of its own (the frames mark the second as a
conversion of the first). Currency names, symbols and codes are language data
(``checker/lang/<lang>/money.toml``). A lone "¥" is JPY unless the text names the yuan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from pydantic import BaseModel, ConfigDict

from checker import lang as langdata
from checker.lang import DimensionData, Example, script
from checker.recognize import lowered
from checker.recognize.lazy import lazy_compile
from checker.recognize.numbers import NumberMatch, find_numbers, shared_numbers
from checker.recognize.numbers import data as number_data
from checker.recognize.quantity import bound_after, bound_before, intervals, range_of
from checker.recognize.safety import never_raises
from checker.records import Mention, MoneyValue


class Currency(BaseModel):
    """One currency (or sub-unit) and the surfaces that name it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    surfaces: list[str]
    divisor: float = 1.0
    unless: list[str] = []
    alternative: str | None = None
    # A sub-unit read only after an amount of its currency ("五元三毛"): alone the word means something else.
    tail_only: bool = False


@langdata.dimension("money")
class MoneyData(DimensionData):
    """Schema of ``<lang>/money.toml``."""

    currencies: list[Currency]
    # Words between an amount and its currency ("75 millions de dollars").
    of_words: list[str] = []
    # Words between an amount and its sub-units ("3 dollars and 50 cents", "两美元又三美分").
    cents_joiners: list[str] = []
    # Words after an amount that make it a class of prices ("30万元级": about 300,000 yuan).
    class_after: list[str] = []
    # Words between two amounts, each with its currency, that make them one range ("12万元至18万元").
    range_joiners: list[str] = []
    samples: list[Example] = []


@dataclass(frozen=True)
class _Compiled:
    spaced: bool
    cents_gap: re.Pattern[str]
    class_after: re.Pattern[str] | None
    after: re.Pattern[str]
    before_rev: re.Pattern[str]
    lookup: dict[str, tuple[Currency, float]]  # normalized surface -> (currency, scale)
    of_words: re.Pattern[str]
    anywhere: re.Pattern[str] | None  # in the lower-cased text: a surface, wherever it stands (None: unknown)
    range_gap: re.Pattern[str] | None  # what stands between the two ends of a range (None: the language has none)
    glued_code: re.Pattern[str] | None  # an ISO code written glued to its amount ("CNY318,400")


def _key(surface: str) -> str:
    return re.sub(r"\s+", "", surface.lower())


def _surface_regex(surface: str, spaced: bool = True) -> str:
    # tolerate spacing around "$" and between words: "us $", "$ hk", "c $"
    pieces = re.findall(r"\$|[^\s$]+", surface)
    body = r"\s{0,2}".join(re.escape(p) for p in pieces)
    # Where words are spaced a currency word stands apart; elsewhere it is glued ("15亿元").
    if surface[0].isalnum() and (spaced or surface[0].isascii()):
        body = r"(?<![\w])" + body
    if surface[-1].isalnum() and (spaced or surface[-1].isascii()):
        body += r"(?![\w])"
    return body


def _reversed(surfaces: list[str], spaced: bool = True) -> str:
    """Surfaces written backwards (to match right before an amount), with the same spacing tolerance."""
    parts = []
    for s in sorted(set(surfaces), key=lambda w: (-len(w), w)):
        pieces = [p[::-1] for p in reversed(re.findall(r"\$|[^\s$]+", s))]
        body = r"\s{0,2}".join(re.escape(p) for p in pieces)
        if s[0].isalnum() and (spaced or s[0].isascii()):
            body += r"(?![\w])"  # reversed: the surface's first letter is not glued to a word
        parts.append(body)
    return "|".join(parts)


@cache
def _compiled(lang: str) -> _Compiled:
    try:
        d: MoneyData = langdata.load("money", lang)
    except langdata.LanguageDataError:
        d = langdata.load("money", "en")
    spaced = script.profile(lang).spaced if script.is_supported(lang) else True
    lookup: dict[str, tuple[Currency, float]] = {}
    surfaces: list[str] = []
    for cur in d.currencies:
        for s in cur.surfaces:
            lookup.setdefault(_key(s), (cur, 1.0))
            surfaces.append(s)
            if re.fullmatch(r"[A-Z]{3}", s):
                lookup.setdefault(_key("M" + s), (cur, 1e6))  # MUSD, MEUR: millions
                surfaces.append("M" + s)
    ordered = sorted(set(surfaces), key=lambda w: (-len(w), w))
    alternation = "|".join(_surface_regex(s, spaced) for s in ordered)
    leading = [s for s in ordered if not lookup[_key(s)][0].tail_only]
    words = [w for w in d.of_words if not w.endswith(("'", "’"))]
    elided = "|".join(re.escape(w) for w in d.of_words if w.endswith(("'", "’")))
    of = (rf"|\s{{1,2}}(?:{'|'.join(re.escape(w) for w in words)})\s{{1,2}}" if words else "") \
        + (rf"|\s?(?:{elided})\s?" if elided else "")
    joiners = "|".join(re.escape(w) for w in d.cents_joiners)
    space = r"\s{1,2}" if spaced else r"\s{0,2}"
    cents_gap = rf"{space}" + (rf"|{space}(?:{joiners}){space}" if joiners else "")
    codes = sorted({s for s in surfaces if re.fullmatch(r"[A-Z]{3}", s)})
    return _Compiled(
        spaced=spaced,
        cents_gap=lazy_compile(cents_gap, re.IGNORECASE),
        class_after=lazy_compile("|".join(re.escape(w) for w in d.class_after)) if d.class_after else None,
        after=lazy_compile(rf"(?:\s{{0,2}}{of}|-)({alternation})", re.IGNORECASE),
        before_rev=lazy_compile(rf"\s{{0,2}}({_reversed(leading, spaced)})", re.IGNORECASE),
        lookup=lookup,
        of_words=lazy_compile("|".join(re.escape(w) for w in d.of_words) or r"(?!x)x", re.IGNORECASE),
        anywhere=_anywhere(leading, spaced),
        range_gap=(lazy_compile(r"\s{0,2}(?:" + "|".join(re.escape(w) for w in d.range_joiners) + r")\s{0,2}")
                   if d.range_joiners else None),
        glued_code=lazy_compile(rf"(?<![^\W_])(?:{'|'.join(codes)})(?=\d)") if codes else None,
    )


_VULGAR = "\u00bc-\u00be\u2150-\u215e"  # the vulgar fractions numbers.find_numbers reads ("½")


def _anywhere(surfaces: list[str], spaced: bool = True) -> re.Pattern[str] | None:
    """A test for a text holding no surface at all, so no amount (see ``lowered``).

    Each surface as ``after`` and ``before_rev`` match it, with what both ask around it: no word
    character right before it, and after it no letter (an amount's number never starts glued to a
    surface's last letter, but for a fraction sign: "USD½"). A long surface has no check before it:
    ``_currency_before`` may see it cut at the start of its window.
    """
    sequences: list[list[str]] = []
    for surface in set(surfaces):
        pieces = re.findall(r"\$|[^\s$]+", surface)
        atoms: list[str] = []
        if surface[0].isalnum() and len("".join(pieces)) <= 16 and (spaced or surface[0].isascii()):
            atoms.append(r"(?<![\w])")
        for i, piece in enumerate(pieces):
            chars = lowered.literal(piece)
            if chars is None:
                return None
            atoms.extend(([r"\s{0,2}"] if i else []) + chars)
        if surface[-1].isalpha() and (spaced or surface[-1].isascii()):
            atoms.append(rf"(?![^\W\d_{_VULGAR}])")
        sequences.append(atoms)
    return lazy_compile(lowered.trie(sequences))


def _currency(c: _Compiled, surface: str, text: str) -> tuple[str | None, float, float]:
    """(ISO code, divisor, scale) of a matched surface."""
    found = c.lookup.get(_key(surface))
    if found is None:
        return None, 1.0, 1.0
    cur, scale = found
    code = cur.code
    if cur.unless and cur.alternative and any(w.lower() in text.lower() for w in cur.unless):
        code = cur.alternative
    return code, cur.divisor, scale


_WORD_NEXT = re.compile(r"\s*(?:[^\W\d_]|-)")
_NEXT_WORD = re.compile(r"\s{1,2}([^\W\d_]+)")


@dataclass
class _M:
    start: int
    end: int
    amount: float
    code: str | None
    number: NumberMatch  # the amount's number ("500多亿": more than it)
    priced: bool = False  # a class of prices ("30万元级")
    low: float | None = None  # the lower end of a range ("184,500-236,000 yuan"); the amount is its upper end


@never_raises
def find(text: str, lang: str) -> list[Mention]:
    """Every amount of money in ``text``."""
    c = _compiled(lang)
    # The numbers first: percent and quantity read them too, from the same cache, so reading them here
    # costs nothing more, and a sentence without one needs no search for a currency.
    numbers = shared_numbers(text, lang)
    glued = _glued_to_codes(text, lang, c)
    if glued:
        numbers = tuple(sorted((*numbers, *glued), key=lambda n: n.start))
    if not numbers:
        return []
    if c.anywhere is not None:
        low = text.lower()
        if len(low) == len(text) and not c.anywhere.search(low):
            return []  # most sentences name no currency: no amount to read around their numbers
    raw: list[_M] = []
    taken_to = -1
    for i, n in enumerate(numbers):
        if n.start < taken_to:
            continue
        m = _read(text, n, numbers[i + 1:i + 3], c, lang, taken_to)
        if m is not None:
            # "184,500-236,000 yuan": a range whose second end names the currency.
            if m.start == n.start and i > 0 and numbers[i - 1].end > taken_to:
                ranged = range_of(text, numbers[i - 1], n, lang)
                first = ranged[1].low if ranged is not None else None
                if ranged is not None and first is not None and not raw_ends_at(raw, numbers[i - 1]):
                    scale = m.amount / n.value if n.value else 1.0
                    m = _M(ranged[0], m.end, m.amount, m.code, m.number, m.priced, first * scale)
            if raw and _ranges_with(raw[-1], m, text, c):
                lower = raw.pop()
                m = _M(lower.start, m.end, m.amount, m.code, m.number, m.priced, lower.amount)
            raw.append(m)
            taken_to = m.end
    return [_mention(text, m, m.end, lang) for m in raw]


def _glued_to_codes(text: str, lang: str, c: _Compiled) -> list[NumberMatch]:
    """The numbers written glued after a currency's ISO code ("CNY318,400"), which the number reader
    leaves alone as it leaves "A320": the code makes them amounts."""
    if c.glued_code is None:
        return []
    found = []
    for m in c.glued_code.finditer(text):
        tail = find_numbers(text[m.end():m.end() + _GLUED_WINDOW], lang)
        if tail and tail[0].start == 0:
            found.append(replace(tail[0], start=m.end(), end=m.end() + tail[0].end))
    return found


# How far an amount glued to its code may run ("CNY1,234,567,890.50" and a scale word).
_GLUED_WINDOW = 40


def _ranges_with(first: _M, second: _M, text: str, c: _Compiled) -> bool:
    """ "21.59万元至29.99万元": two amounts of one currency, the smaller first, joined by a range word only."""
    return (c.range_gap is not None and first.code == second.code and first.low is None and second.low is None
            and first.amount < second.amount and c.range_gap.fullmatch(text, first.end, second.start) is not None)


def raw_ends_at(raw: list[_M], n: NumberMatch) -> bool:
    """Whether an amount already read ends where the number ``n`` does (it is taken)."""
    return bool(raw) and raw[-1].end >= n.end


def _currency_before(text: str, start: int, c: _Compiled) -> tuple[int, str] | None:
    """The currency surface ending right before ``start`` (up to two spaces between): (start, surface)."""
    window = text[max(0, start - 20):start][::-1]
    m = c.before_rev.match(window)
    if m is None:
        return None
    return start - m.end(1), text[start - m.end(1):start - m.start(1)]


def _read(text: str, n: NumberMatch, following: tuple[NumberMatch, ...], c: _Compiled, lang: str,
          taken_to: int = -1) -> _M | None:
    start, end, amount = n.start, n.end, n.value
    code: str | None = None
    before = _currency_before(text, n.start, c)
    if before is not None and before[0] < taken_to:
        before = None  # "4人民币 5美元": that currency is the amount's before
    if before is not None:
        code, divisor, scale = _currency(c, before[1], text)
        start = before[0]
        amount = amount * scale / divisor
        end, amount = _scale_after(text, end, amount, lang)
        # "人民币3000元": the currency named on both sides
        again = c.after.match(text, end) if not c.spaced else None
        if again is not None and _currency(c, again.group(1), text)[0] == code:
            end = again.end()
    else:
        after = c.after.match(text, n.end)
        if after is None:
            return None
        found = c.lookup.get(_key(after.group(1)))
        if found is not None and found[0].tail_only:
            return None  # "三分": a sub-unit alone is another word
        code, divisor, scale = _currency(c, after.group(1), text)
        amount = amount * scale / divisor
        end = after.end()
        # "75 USD million"
        end, amount = _scale_after(text, end, amount, lang)
        # "3 dollars 50 cents", "15 dollars et 15", "17 USD 25", "五元三毛", "50元6角三分": sub-units after
        last_divisor = divisor
        for nxt in following:
            if last_divisor >= 100.0 or not (0 < nxt.value < 100 and float(nxt.value).is_integer()):
                break
            if not c.cents_gap.fullmatch(text, end, nxt.start) and not (not c.spaced and nxt.start == end):
                break
            tail = c.after.match(text, nxt.end)
            tail_code = _currency(c, tail.group(1), text) if tail else None
            bare = not _WORD_NEXT.match(text[nxt.end:nxt.end + 2])
            if tail_code is not None and tail_code[1] > last_divisor and tail_code[0] == code:
                amount += nxt.value / tail_code[1]
                end, last_divisor = tail.end(), tail_code[1]  # type: ignore[union-attr]
                continue
            if tail_code is None and bare and last_divisor == 1.0 and c.spaced:
                amount += nxt.value / 100.0
                end = nxt.end
            break
    priced = False
    if c.class_after is not None:
        priced_at = c.class_after.match(text, end)
        if priced_at is not None:
            end, priced = priced_at.end(), True
    return _M(start, end, amount, code, n, priced)


def _scale_after(text: str, end: int, amount: float, lang: str) -> tuple[int, float]:
    d = number_data(lang)
    m = _NEXT_WORD.match(text[end:end + 20])
    if m and m.group(1).lower() in d.scales:
        return end + m.end(), amount * d.scales[m.group(1).lower()]
    return end, amount


def _mention(text: str, m: _M, end: int, lang: str) -> Mention:
    start = m.start
    low: float | None = m.amount
    high: float | None = m.amount
    li = hi = True
    key: str | None = None
    bound = bound_before(text, start, lang)
    after = bound_after(text, end, lang)
    if m.priced and after is None and bound is None:
        literal, _ = intervals("approx", m.amount)
        key = "class"
        low, high, li, hi = literal.low, literal.high, literal.low_inclusive, literal.high_inclusive
    elif m.number.above and after is None and bound is None:
        # "500多亿元": more than the amount
        low, high, li, key = m.amount, None, False, "more-than"
    if after is not None:
        literal, _ = intervals(after.rule, m.amount)
        end, key = after.end, after.key
        low, high, li, hi = literal.low, literal.high, literal.low_inclusive, literal.high_inclusive
    elif bound is not None:
        literal, _ = intervals(bound.rule, m.amount)
        start, key = bound.start, bound.key
        low, high, li, hi = literal.low, literal.high, literal.low_inclusive, literal.high_inclusive
    if m.low is not None and key is None:
        low, key = m.low, "range"
    value = MoneyValue(type="money", low=low, high=high, low_inclusive=li,
                       high_inclusive=hi, currency=m.code, quantifier=key)
    return Mention(type="money", start=start, end=end, text=text[start:end], value=value)
