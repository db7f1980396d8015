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
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict

from checker import lang as langdata
from checker.lang import DimensionData, Example
from checker.recognize import lowered
from checker.recognize.numbers import NumberMatch, shared_numbers
from checker.recognize.numbers import data as number_data
from checker.recognize.quantity import bound_after, bound_before, intervals, range_of
from checker.recognize.safety import never_raises
from checker.records import Mention, MoneyValue, as_float, trusted


class Currency(BaseModel):
    """One currency (or sub-unit) and the surfaces that name it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    surfaces: list[str]
    divisor: float = 1.0
    unless: list[str] = []
    alternative: str | None = None


@langdata.dimension("money")
class MoneyData(DimensionData):
    """Schema of ``<lang>/money.toml``."""

    currencies: list[Currency]
    samples: list[Example] = []


@dataclass(frozen=True)
class _Compiled:
    after: re.Pattern[str]
    before_rev: re.Pattern[str]
    lookup: dict[str, tuple[Currency, float]]  # normalized surface -> (currency, scale)
    of_words: re.Pattern[str]
    anywhere: re.Pattern[str] | None  # in the lower-cased text: a surface, wherever it stands (None: unknown)


def _key(surface: str) -> str:
    return re.sub(r"\s+", "", surface.lower())


def _surface_regex(surface: str) -> str:
    # tolerate spacing around "$" and between words: "us $", "$ hk", "c $"
    pieces = re.findall(r"\$|[^\s$]+", surface)
    body = r"\s{0,2}".join(re.escape(p) for p in pieces)
    if surface[0].isalnum():
        body = r"(?<![\w])" + body
    if surface[-1].isalnum():
        body += r"(?![\w])"
    return body


def _reversed(surfaces: list[str]) -> str:
    """Surfaces written backwards (to match right before an amount), with the same spacing tolerance."""
    parts = []
    for s in sorted(set(surfaces), key=len, reverse=True):
        pieces = [p[::-1] for p in reversed(re.findall(r"\$|[^\s$]+", s))]
        body = r"\s{0,2}".join(re.escape(p) for p in pieces)
        if s[0].isalnum():
            body += r"(?![\w])"  # reversed: the surface's first letter is not glued to a word
        parts.append(body)
    return "|".join(parts)


@cache
def _compiled(lang: str) -> _Compiled:
    try:
        d: MoneyData = langdata.load("money", lang)
    except langdata.LanguageDataError:
        d = langdata.load("money", "en")
    lookup: dict[str, tuple[Currency, float]] = {}
    surfaces: list[str] = []
    for cur in d.currencies:
        for s in cur.surfaces:
            lookup.setdefault(_key(s), (cur, 1.0))
            surfaces.append(s)
            if re.fullmatch(r"[A-Z]{3}", s):
                lookup.setdefault(_key("M" + s), (cur, 1e6))  # MUSD, MEUR: millions
                surfaces.append("M" + s)
    alternation = "|".join(_surface_regex(s) for s in sorted(set(surfaces), key=len, reverse=True))
    of = r"(?:of|de|d['’]|des)" if lang == "fr" else r"(?:of)"
    return _Compiled(
        after=re.compile(rf"(?:\s{{0,2}}|\s{{1,2}}{of}\s{{1,2}}|\s?d['’]\s?|-)({alternation})",
                         re.IGNORECASE),
        before_rev=re.compile(rf"\s{{0,2}}({_reversed(surfaces)})", re.IGNORECASE),
        lookup=lookup,
        of_words=re.compile(of, re.IGNORECASE),
        anywhere=_anywhere(surfaces),
    )


_VULGAR = "\u00bc-\u00be\u2150-\u215e"  # the vulgar fractions numbers.find_numbers reads ("½")


def _anywhere(surfaces: list[str]) -> re.Pattern[str] | None:
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
        if surface[0].isalnum() and len("".join(pieces)) <= 16:
            atoms.append(r"(?<![\w])")
        for i, piece in enumerate(pieces):
            chars = lowered.literal(piece)
            if chars is None:
                return None
            atoms.extend(([r"\s{0,2}"] if i else []) + chars)
        if surface[-1].isalpha():
            atoms.append(rf"(?![^\W\d_{_VULGAR}])")
        sequences.append(atoms)
    return re.compile(lowered.trie(sequences))


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


_CENTS_GAP = re.compile(r"\s{1,2}|\s{1,2}(?:and|et)\s{1,2}", re.IGNORECASE)
_WORD_NEXT = re.compile(r"\s*(?:[^\W\d_]|-)")
_NEXT_WORD = re.compile(r"\s{1,2}([^\W\d_]+)")


@dataclass
class _M:
    start: int
    end: int
    amount: float
    code: str | None
    low: float | None = None  # the lower end of a range ("184,500-236,000 yuan"); the amount is its upper end


@never_raises
def find(text: str, lang: str) -> list[Mention]:
    """Every amount of money in ``text``."""
    c = _compiled(lang)
    # The numbers first: percent and quantity read them too, from the same cache, so reading them here
    # costs nothing more, and a sentence without one needs no search for a currency.
    numbers = shared_numbers(text, lang)
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
        m = _read(text, n, numbers[i + 1] if i + 1 < len(numbers) else None, c, lang)
        if m is not None:
            # "184,500-236,000 yuan": a range whose second end names the currency.
            if m.start == n.start and i > 0 and numbers[i - 1].end > taken_to:
                ranged = range_of(text, numbers[i - 1], n, lang)
                first = ranged[1].low if ranged is not None else None
                if ranged is not None and first is not None and not raw_ends_at(raw, numbers[i - 1]):
                    scale = m.amount / n.value if n.value else 1.0
                    m = _M(ranged[0], m.end, m.amount, m.code, first * scale)
            raw.append(m)
            taken_to = m.end
    return [_mention(text, m, m.end, lang) for m in raw]


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


def _read(text: str, n: NumberMatch, nxt: NumberMatch | None, c: _Compiled, lang: str) -> _M | None:
    start, end, amount = n.start, n.end, n.value
    code: str | None = None
    before = _currency_before(text, n.start, c)
    if before is not None:
        code, divisor, scale = _currency(c, before[1], text)
        start = before[0]
        amount = amount * scale / divisor
        end, amount = _scale_after(text, end, amount, lang)
    else:
        after = c.after.match(text, n.end)
        if after is None:
            return None
        code, divisor, scale = _currency(c, after.group(1), text)
        amount = amount * scale / divisor
        end = after.end()
        # "75 USD million"
        end, amount = _scale_after(text, end, amount, lang)
        # "3 dollars 50 cents", "15 dollars et 15", "17 USD 25"
        if divisor == 1.0 and nxt is not None and 0 < nxt.value < 100 and float(nxt.value).is_integer():
            gap = text[end:nxt.start]
            if _CENTS_GAP.fullmatch(gap):
                tail = c.after.match(text, nxt.end)
                tail_code = _currency(c, tail.group(1), text) if tail else None
                bare = not _WORD_NEXT.match(text[nxt.end:nxt.end + 2])
                if (tail_code is None or tail_code[1] == 100.0) and (bare or tail is not None):
                    amount += nxt.value / 100.0
                    end = tail.end() if tail is not None else nxt.end
    return _M(start, end, amount, code)


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
    value = trusted(MoneyValue, type="money", low=as_float(low), high=as_float(high), low_inclusive=li,
                    high_inclusive=hi, currency=m.code, quantifier=key)
    return trusted(Mention, type="money", start=start, end=end, text=text[start:end], value=value)
