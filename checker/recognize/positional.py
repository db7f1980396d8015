"""Numbers in a positional numeral system written with characters: Chinese.

"一百零五" is 105, "两千四百五" 2450 (a trailing digit counts in the place below the
last multiplier), "九十二万四" 924,000, "四万万" 400,000,000, "4.78万亿" 4.78 x 10^12,
"3万4千6百", "1,100万", "二零二三" 2023 (digits alone read as a digit string),
"三点一四", "负十五", "五分之一" (the denominator first), "三又三分之一", "半百" 50,
"五十打" 600. Two approximations are part of the numeral itself: "十余万", "1000多",
"二十几万" are more than the number (``NumberMatch.above`` is the step of the last
place written), and "数百", "几十万" are several of the multiplier
(``NumberMatch.several``).

The characters and their values are language data (``checker/lang/<lang>/numbers.toml``
with ``system = "positional"``): digits (``cardinals``), multipliers inside a group of
four (``multipliers``), large units (``scales``), and the marks of decimals, negatives,
fractions, approximations. Digits in ASCII (after full-width forms were folded) are read
by the shared digit reader and joined to the characters around them here.

A lone character is a number only where it surely is: a financial digit ("陆", "伍") never,
"一" only before a measure word ("一只", "一种"), "万" or "百" never; and a numeral inside
a word listed in ``not_numbers`` ("一切", "四川") is none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.recognize.numbers import NumberMatch, NumbersData

# Spaces a numeral may hold between its characters ("一百 五 十 二"), when what follows is a multiplier.
_GAP = re.compile(r"[ \u00a0]{1,4}")


@dataclass(frozen=True)
class Numerals:
    """The numeral characters of a language, compiled once (``compiled``)."""

    digits: dict[str, int]
    multipliers: dict[str, float]
    large: dict[str, float]
    nouns: dict[str, float]
    negatives: frozenset[str]
    points: frozenset[str]
    fraction: tuple[str, ...]
    mixed: tuple[str, ...]
    more: frozenset[str]
    several: frozenset[str]
    halves: frozenset[str]
    financial: frozenset[str]
    classifiers: tuple[str, ...]
    not_numbers: re.Pattern[str] | None
    unit_words: tuple[str, ...]
    ordinal_prefixes: tuple[str, ...]
    # Where a numeral may start: a digit, a multiplier, a negative sign, a several or half mark.
    start: re.Pattern[str]


_COMPILED: dict[int, tuple[NumbersData, Numerals]] = {}


def compiled(data: NumbersData) -> Numerals:
    """The numeral characters of ``data`` (a ``positional`` numbers file), compiled once per data object."""
    known = _COMPILED.get(id(data))
    if known is not None and known[0] is data:
        return known[1]
    made = _compile(data)
    _COMPILED[id(data)] = (data, made)
    return made


def _compile(data: NumbersData) -> Numerals:
    starts = set(data.cardinals) | set(data.multipliers) | set(data.scales) | set(data.negatives) \
        | set(data.several_marks) | set(data.halves)
    chars = "".join(sorted({c for s in starts for c in s[:1]}))
    not_numbers = (re.compile("|".join(re.escape(w) for w in sorted(data.not_numbers, key=len, reverse=True)))
                   if data.not_numbers else None)
    return Numerals(
        digits=dict(data.cardinals), multipliers=dict(data.multipliers), large=dict(data.scales),
        nouns=dict(data.nouns), negatives=frozenset(data.negatives), points=frozenset(data.points),
        fraction=tuple(data.fraction_marks), mixed=tuple(data.mixed_joiners), more=frozenset(data.more_marks),
        several=frozenset(data.several_marks), halves=frozenset(data.halves), financial=frozenset(data.financial),
        classifiers=tuple(sorted(data.classifiers, key=len, reverse=True)), not_numbers=not_numbers,
        unit_words=tuple(data.unit_words), ordinal_prefixes=tuple(data.ordinal_prefixes),
        start=re.compile(f"[{re.escape(chars)}]") if chars else re.compile(r"(?!x)x"),
    )


@dataclass
class _Read:
    """A numeral being read: its value so far and how it was written."""

    start: int
    end: int
    value: float
    scaled: bool = False
    above: float = 0.0
    several: bool = False
    chars: int = 0  # numeral characters read (a lone one may be a word)
    digits_only: bool = True  # no multiplier, unit or ASCII digits: "二零二三", "一"
    fraction: bool = False
    bare: bool = False  # opens with a multiplier and no digit ("百分之五" is a percentage, not 5/100)


class _Reader:
    """Reads one numeral from a position: characters and ASCII digit groups, joined by the grammar."""

    def __init__(self, text: str, n: Numerals, ascii_at: dict[int, NumberMatch]) -> None:
        self.text = text
        self.n = n
        self.ascii_at = ascii_at

    def _skip_gap(self, pos: int, allowed: Callable[[int], bool]) -> int:
        """``pos`` past a short run of spaces when what follows it is ``allowed``; else ``pos``."""
        gap = _GAP.match(self.text, pos)
        if gap is not None and allowed(gap.end()):
            return gap.end()
        return pos

    def _char(self, pos: int) -> str:
        return self.text[pos:pos + 1]

    def _is_unit_at(self, pos: int) -> bool:
        ch = self._char(pos)
        return ch in self.n.multipliers or ch in self.n.large

    def _is_digit_at(self, pos: int) -> bool:
        return self._char(pos) in self.n.digits or pos in self.ascii_at

    def read(self, pos: int) -> _Read | None:
        """The numeral starting at ``pos`` (maybe with a sign, a fraction or a decimal part), or None."""
        n = self.n
        sign = 1.0
        start = pos
        if self._char(pos) in n.negatives:
            pos += 1
            if not (self._is_digit_at(pos) or self._is_unit_at(pos)):
                return None
        first = self._integer(pos)
        if first is None:
            return None
        if self.text[start:start + 1] in n.negatives:
            sign = -1.0
        first.start = start
        first.value *= sign
        # "五分之一": the denominator first
        frac = self._mark(first.end, n.fraction)
        if frac is not None and not first.bare and not first.several and not first.above and first.value:
            numerator = self._signed(frac)
            if numerator is not None and not numerator.several:
                first.value = numerator.value / first.value
                first.end = numerator.end
                first.fraction = True
                first.digits_only = False
                first.chars += numerator.chars
                return first
        # "三又三分之一": a whole number and a fraction
        joined = self._mark(first.end, n.mixed)
        if joined is not None and not first.several and not first.above:
            rest = self.read(joined)
            if rest is not None and rest.fraction and 0 < abs(rest.value) < 1:
                first.value += rest.value if first.value >= 0 else -rest.value
                first.end = rest.end
                first.digits_only = False
                first.chars += rest.chars
        return first

    def _signed(self, pos: int) -> _Read | None:
        """A numerator: the numeral at ``pos``, maybe negative."""
        sign = 1.0
        if self._char(pos) in self.n.negatives:
            sign, pos = -1.0, pos + 1
        found = self._integer(pos)
        if found is not None:
            found.value *= sign
        return found

    def _mark(self, pos: int, marks: tuple[str, ...]) -> int | None:
        """Where the text goes on after one of ``marks`` at ``pos`` (spaces around it allowed), or None."""
        at = self._skip_gap(pos, lambda p: any(self.text.startswith(m, p) for m in marks))
        for mark in marks:
            if self.text.startswith(mark, at):
                after = at + len(mark)
                return self._skip_gap(after, lambda p: self._is_digit_at(p) or self._is_unit_at(p)
                                      or self._char(p) in self.n.negatives)
        return None

    def _integer(self, pos: int) -> _Read | None:  # noqa: C901 - one grammar, read in one pass
        """An integer (with its decimal part and approximation marks) from ``pos``."""
        n = self.n
        text = self.text
        total = 0.0
        section = 0.0
        digit: float | None = None  # a digit waiting for its multiplier
        digit_place = 0.0  # the multiplier (or large unit) just before ``digit``, for "两千四百五"
        digit_step = 1.0  # the place of ``digit``'s last figure ("500" -> 100), for "500多"
        zero = False  # a 零 since the last multiplier: "一千零五" is 1005, not 1500
        high = 0.0  # the largest unit applied to ``total``
        last_large = False  # the previous token was a large unit
        place = 1.0  # the place of the last token read (for "more than" marks)
        scaled = False
        above = 0.0
        several = False
        digit_run = ""  # digits written without multipliers: "二零二三"
        chars = 0
        read = _Read(pos, pos, 0.0)
        any_token = False
        i = pos
        while i < len(text):
            ch = text[i]
            ascii_number = self.ascii_at.get(i)
            if ascii_number is not None:
                if digit is not None or digit_run:
                    break
                # "3万4千": an ASCII group is a digit (or a whole section) of the numeral
                digit = ascii_number.value
                digit_place = 0.0  # written in full: no place below a multiplier to fill
                digit_step = _last_place(text[ascii_number.start:ascii_number.end])
                read.digits_only = False
                scaled = scaled or ascii_number.scaled
                i = ascii_number.end
                last_large = False
                any_token = True
                i = self._skip_gap(i, self._is_unit_at)
                continue
            if ch in n.digits:
                value = float(n.digits[ch])
                if ch in ("零", "〇", "○") and (any_token and not digit_run):
                    zero = True
                    place = 1.0
                    i += 1
                    chars += 1
                    last_large = False
                    continue
                if digit is not None:
                    if digit_run and not (section or total):
                        digit_run += str(int(value))
                        digit = float(digit_run)
                        i += 1
                        chars += 1
                        continue
                    break
                digit = value
                digit_place = 0.0 if zero else place
                digit_step = digit_place / 10 if digit_place >= 10 else 1.0
                digit_run = str(int(value)) if not (section or total) else ""
                chars += 1
                any_token = True
                last_large = False
                i += 1
                i = self._skip_gap(i, self._is_unit_at)
                continue
            if ch in n.several and not any_token:
                # "数百", "几十万": several of the multiplier after it
                nxt = text[i + 1:i + 2]
                fraction_next = any(text.startswith(m, i + 2) for m in n.fraction)
                if (nxt in n.multipliers or nxt in n.large) and not fraction_next:
                    several = True
                    digit = 1.0
                    digit_place = 0.0
                    chars += 1
                    any_token = True
                    i += 1
                    continue
                break
            if ch in n.halves and not any_token:
                nxt = text[i + 1:i + 2]
                if nxt in n.multipliers:
                    digit = 0.5
                    chars += 1
                    any_token = True
                    i += 1
                    continue
                break
            if ch in n.multipliers:
                if n.unit_words and any(text.startswith(u, i) for u in n.unit_words):
                    break  # "12千米": a unit, not a multiplier
                mult = n.multipliers[ch]
                if digit_run and len(digit_run) > 1:
                    return None  # "二三十": two or three tens, no one number
                if digit is None:
                    if section % (mult * 10) and section:
                        break  # "十百"
                    if section and not zero:
                        break
                    if not any_token:
                        read.bare = True
                    digit = 1.0  # "十五", "百三": a multiplier without a digit counts one
                section += digit * mult
                digit = None
                digit_run = ""
                zero = False
                place = mult
                chars += 1
                any_token = True
                last_large = False
                read.digits_only = False
                i += 1
                i = self._skip_gap(i, lambda p: self._is_digit_at(p) or self._is_unit_at(p))
                continue
            if ch in n.large:
                unit = n.large[ch]
                if not any_token:
                    break
                if digit_run and len(digit_run) > 1:
                    return None  # "二零二三万": a string of digits takes no unit
                if digit is not None:
                    section += digit
                    digit = None
                digit_run = ""
                if last_large and section == 0:
                    total *= unit  # "四万万", "4.78万亿"
                elif unit > high:
                    total = (total + section) * unit
                else:
                    total += section * unit
                high = max(high, unit)
                section = 0.0
                zero = False
                place = unit
                above *= unit
                scaled = True
                chars += 1
                last_large = True
                read.digits_only = False
                i += 1
                i = self._skip_gap(i, lambda p: self._is_digit_at(p) or self._is_unit_at(p))
                continue
            if ch in n.more and any_token and not above and not several:
                # "十余万", "1000多", "二十几万": more than the number, by less than its last place
                if digit is not None:
                    if digit_run and len(digit_run) > 1:
                        break
                    section += digit * (digit_step if digit_place >= 10 else 1.0)
                    place = digit_step
                    digit = None
                above = place
                chars += 1
                i += 1
                continue
            break
        if not any_token:
            return None
        if digit is not None:
            if digit_run and len(digit_run) > 1:
                section += digit
            elif not zero and digit_place >= 10 and digit < 10:
                # "两千四百五": a last digit after a multiplier counts in the place below it
                section += digit * digit_place / 10
                place = digit_place / 10
            else:
                section += digit
                place = digit_step
        value = total + section
        end = i
        while end > pos and text[end - 1] in " \u00a0":
            end -= 1  # a gap read before a token that then did not join
        # a decimal part: "三十二点五", "四百亿点零五零"
        point_at = self._skip_gap(end, lambda p: self._char(p) in n.points)
        if self._char(point_at) in n.points and not several and not above:
            after = self._skip_gap(point_at + 1, self._is_digit_at)
            fraction = self._decimal(after)
            if fraction is not None:
                frac_value, frac_end = fraction
                if high and section == 0 and total:
                    value = total + frac_value  # "两千万点五五四四"
                else:
                    value += frac_value
                end = frac_end
                chars += 1
        # a counting noun: "五十打" = 600, "一打"
        noun = self._char(end)
        if noun in n.nouns and not several and not above:
            value *= n.nouns[noun]
            end += 1
            read.digits_only = False
            chars += 1
        read.end = end
        read.value = value
        read.scaled = scaled
        read.above = above
        read.several = several
        read.chars = chars
        return read

    def _decimal(self, pos: int) -> tuple[float, int] | None:
        """The digits after a decimal mark, as a fraction, and where they end."""
        digits = ""
        i = pos
        ascii_number = self.ascii_at.get(i)
        if ascii_number is not None:
            raw = self.text[ascii_number.start:ascii_number.end]
            if raw.isdigit():
                return float("0." + raw), ascii_number.end
            return None
        while i < len(self.text) and self.text[i] in self.n.digits:
            digits += str(self.n.digits[self.text[i]])
            i += 1
            i = self._skip_gap(i, lambda p: self._char(p) in self.n.digits)
        if not digits:
            return None
        return float("0." + digits), i


def _last_place(raw: str) -> float:
    """The place of the last non-zero digit of an ASCII integer ("500" -> 100, "1000" -> 1000, "12" -> 1)."""
    digits = raw.split(".")[0].replace(",", "").lstrip("-")
    if not digits.isdigit() or "." in raw:
        return 1.0
    stripped = digits.rstrip("0")
    return float(10 ** (len(digits) - len(stripped))) if stripped else 1.0


def find(text: str, data: NumbersData, digits: list[NumberMatch]) -> list[NumberMatch]:
    """Every number of ``text`` in ``data``'s positional system, joined with the ASCII ``digits`` around it."""
    from checker.recognize.numbers import NumberMatch

    n = compiled(data)
    ascii_at = {m.start: m for m in digits}
    reader = _Reader(text, n, ascii_at)
    out: list[NumberMatch] = []
    taken = 0
    # Candidates: each ASCII number and each numeral character, left to right.
    starts = sorted({m.start for m in digits} | {m.start() for m in n.start.finditer(text)})
    blocked = _blocked_spans(text, n)
    for pos in starts:
        if pos < taken:
            continue
        found = reader.read(pos)
        if found is None:
            continue
        if found.end <= found.start:
            continue
        if not _accept(text, found, n, ascii_at, blocked):
            continue
        taken = found.end
        out.append(NumberMatch(found.start, found.end, found.value, words=found.start not in ascii_at,
                               scaled=found.scaled, above=found.above, several=found.several))
    return out


def _blocked_spans(text: str, n: Numerals) -> list[tuple[int, int]]:
    if n.not_numbers is None:
        return []
    return [m.span() for m in n.not_numbers.finditer(text)]


def _accept(text: str, found: _Read, n: Numerals, ascii_at: dict[int, NumberMatch],
            blocked: list[tuple[int, int]]) -> bool:
    """Whether a numeral read is a number: not inside a word, not a lone character that is a word."""
    if any(text.endswith(mark, 0, found.start) for mark in n.fraction):
        return True  # a numerator: "千分之一", "百分之百"
    for start, end in blocked:
        if start <= found.start and found.end <= end:
            return False
    if any(text.endswith(mark, 0, found.start) for mark in n.ordinal_prefixes):
        return False  # "第二款": the second one, not two
    if found.start in ascii_at:
        return True
    surface = text[found.start:found.end]
    if found.chars == 1 and len(surface.strip()) == 1:
        ch = surface.strip()
        if ch in n.large or ch in n.multipliers and ch != "十":
            return False  # "万", "百姓", "千万" alone
        follows = text[found.end:found.end + 2]
        counted = any(follows.startswith(c) for c in n.classifiers)
        if ch in n.financial:
            return counted
        if ch == "一" or n.digits.get(ch) == 1 or n.digits.get(ch) == 0:
            # "一切", "一看": "one" alone is a word unless something is counted, or it stands alone
            return counted or not _letter(follows[:1])
    return True


def _letter(ch: str) -> bool:
    return bool(ch) and ch.isalpha()
