"""Values in words, as a reader writes them, in English (the language of the reports).

The comparison works on intervals, and the JSON report keeps their canonical text
("> 100 (typically (100, 200)) person"). Editors read "more than 100 people
(typically 101 to 199)", "June 2026" or "between 62 and 69 billion US dollars".
Everything here is display only: no verdict depends on it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from checker import catalogue
from checker.intervals import Bounds
from checker.records import (
    EntityValue,
    MoneyValue,
    PercentValue,
    QuantityValue,
    RoleValue,
    TextValue,
    TimeValue,
    Value,
)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_ORDINALS = ("first", "second", "third", "fourth")

# Currencies by the name a reader uses (singular, plural); others keep their ISO 4217 code.
CURRENCIES: Mapping[str, tuple[str, str]] = {
    "AUD": ("Australian dollar", "Australian dollars"), "BRL": ("Brazilian real", "Brazilian reais"),
    "CAD": ("Canadian dollar", "Canadian dollars"), "CHF": ("Swiss franc", "Swiss francs"),
    "CNY": ("yuan", "yuan"), "DKK": ("Danish krone", "Danish kroner"), "EUR": ("euro", "euros"),
    "GBP": ("pound sterling", "pounds sterling"), "HKD": ("Hong Kong dollar", "Hong Kong dollars"),
    "INR": ("rupee", "rupees"), "JPY": ("yen", "yen"), "KRW": ("won", "won"),
    "MXN": ("Mexican peso", "Mexican pesos"), "NOK": ("Norwegian krone", "Norwegian kroner"),
    "NZD": ("New Zealand dollar", "New Zealand dollars"), "RUB": ("rouble", "roubles"),
    "SEK": ("Swedish krona", "Swedish kronor"), "SGD": ("Singapore dollar", "Singapore dollars"),
    "TWD": ("New Taiwan dollar", "New Taiwan dollars"), "USD": ("US dollar", "US dollars"),
    "XAF": ("CFA franc", "CFA francs"), "XOF": ("CFA franc", "CFA francs"), "ZAR": ("rand", "rand"),
}

# Unit ids of the catalogue (checker/lang/units.toml) whose English name is not the id read aloud.
_UNIT_NAMES: Mapping[str, tuple[str, str]] = {
    "person": ("person", "people"), "foot": ("foot", "feet"), "inch": ("inch", "inches"),
    "horsepower": ("horsepower", "horsepower"), "degree-celsius": ("degree Celsius", "degrees Celsius"),
    "degree-fahrenheit": ("degree Fahrenheit", "degrees Fahrenheit"), "company": ("company", "companies"),
    "country": ("country", "countries"), "newton-metre": ("newton-metre", "newton-metres"),
    "kilowatt-hour": ("kilowatt-hour", "kilowatt-hours"), "megawatt-hour": ("megawatt-hour", "megawatt-hours"),
    "gigawatt-hour": ("gigawatt-hour", "gigawatt-hours"), "litre-per-square-metre": ("litre per square metre",
                                                                    "litres per square metre"),
}
# Open-bound quantifiers of the language data and how they read, with the bound they take.
_BOUND_WORDS: Mapping[str, tuple[str, str]] = {
    "more-than": ("more than", "low"), "at-least": ("at least", "low"), "less-than": ("less than", "high"),
    "up-to": ("up to", "high"), "nearly": ("nearly", "high"), "equal": ("exactly", "low"),
}
_APPROXIMATE = "about"
_RANGE = "range"
# A figure written so takes a singular noun: "1 person", "exactly 1 euro".
_ONE = frozenset({"1", "exactly 1"})
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def _plain(x: float, decimals: int = 3) -> str:
    """Digits with thousands separators, no trailing zeros: 1935.3 -> "1,935.3", 88898.0 -> "88,898"."""
    if abs(x - round(x)) < 1e-9 * max(1.0, abs(x)):
        return f"{round(x):,}"
    if abs(x) < 1:
        return f"{x:.{decimals + 1}g}"
    text = f"{x:,.{decimals}f}".rstrip("0").rstrip(".")
    return text


def _scale_of(x: float) -> tuple[float, str]:
    """The scale word a reader uses for ``x`` ("10.6 billion"), or none when digits read better."""
    for factor, word in _SCALES:
        if abs(x) >= factor:
            mantissa = x / factor
            if abs(mantissa * 1000 - round(mantissa * 1000)) < 1e-6 * max(1.0, abs(mantissa * 1000)):
                return factor, word
            return 1.0, ""
    return 1.0, ""


def number(x: float) -> str:
    """A number as news write it: "88,898", "1,935.3", "846 million", "10.6 billion"."""
    factor, word = _scale_of(x)
    return f"{_plain(x / factor)} {word}" if word else _plain(x)


def number_pair(low: float, high: float) -> tuple[str, str]:
    """Two numbers that share a scale word, written once: (62 billion, 69 billion) -> ("62", "69 billion")."""
    f_low, w_low = _scale_of(low)
    f_high, w_high = _scale_of(high)
    if w_low and w_low == w_high:
        return _plain(low / f_low), f"{_plain(high / f_high)} {w_high}"
    return number(low), number(high)


def _is_integer(x: float) -> bool:
    return abs(x - round(x)) < 1e-9


# --------------------------------------------------------------------------
# Units and currencies
# --------------------------------------------------------------------------


def unit_name(unit_id: str | None, count: float | None = None) -> str:
    """A unit by its English name, singular for exactly one: "kilometres", "1 kilometre", "horsepower".

    A count of a noun the catalogue does not know keeps the article's own noun.
    """
    if not unit_id:
        return ""
    one = count is not None and abs(count) == 1
    if unit_id in _UNIT_NAMES:
        return _UNIT_NAMES[unit_id][0 if one else 1]
    known = catalogue.unit(unit_id) is not None
    words = unit_id.replace("-", " ") if known else unit_id
    if one or not known:
        return words if known else _open_noun(unit_id, one)
    head, sep, rest = words.partition(" per ")
    return _plural(head) + (f" per {rest}" if sep else "")


def _plural(words: str) -> str:
    if words.endswith(("s", "x", "ch", "sh")):
        return words + "es"
    if words.endswith("y") and not words.endswith(("ay", "ey", "oy", "uy")):
        return words[:-1] + "ies"
    return words + "s"


def _open_noun(noun: str, one: bool) -> str:
    # The article's own noun: a plain singular of Latin letters takes an "s"; one that already reads as
    # a plural or is no noun ("craftsmen", "missing"), or is written in another script, is shown as written.
    if one or not re.fullmatch(r"[a-zà-ÿ][a-zà-ÿ -]*", noun) or noun.endswith(_NO_PLURAL):
        return noun
    return _plural(noun)


_NO_PLURAL = ("s", "x", "men", "ing", "people")


def currency_name(code: str | None, count: float | None = None) -> str:
    """"euros", "US dollars", "yuan"; the ISO code for a currency without a name here; "" when unknown."""
    if not code:
        return "(currency not stated)"
    names = CURRENCIES.get(code)
    if names is None:
        return code
    return names[0] if count is not None and abs(count) == 1 else names[1]


def _is_count(unit_id: str | None) -> bool:
    found = catalogue.unit(unit_id)
    return found is None or found.dimension in catalogue.COUNTS


# --------------------------------------------------------------------------
# Amounts: quantities, money, percentages
# --------------------------------------------------------------------------


def _as_whole(b: Bounds) -> Bounds | None:
    """The whole numbers inside (counts are whole: (100, 200) is 101 to 199); None when there are none."""
    low, high = b.low, b.high
    if low is not None:
        low = low + 1 if _is_integer(low) and not b.low_inclusive else float(math.ceil(low - 1e-9))
    if high is not None:
        high = high - 1 if _is_integer(high) and not b.high_inclusive else float(math.floor(high + 1e-9))
    if low is not None and high is not None and low > high:
        return None
    return Bounds(low, high)


def _span(b: Bounds, fmt: _Format, *, between: bool = False) -> str:
    """Two finite bounds: "200 to 999", "between 62 and 69 billion"."""
    assert b.low is not None and b.high is not None
    if math.isclose(b.low, b.high):
        return fmt.one(b.low)
    low, high = fmt.pair(b.low, b.high)
    return f"between {low} and {high}" if between else f"{low} to {high}"


def _shape(b: Bounds, fmt: _Format, count: bool, *, between: bool = False) -> str:
    """An interval read from its shape alone: a point, a span or an open bound."""
    if count:
        b = _as_whole(b) or b
    if b.low is not None and b.high is not None:
        return _span(b, fmt, between=between)
    if b.low is not None:
        return f"{'at least' if b.low_inclusive else 'more than'} {fmt.one(b.low)}"
    if b.high is not None:
        less = "fewer than" if count else "less than"
        return f"{'up to' if b.high_inclusive else less} {fmt.one(b.high)}"
    return "any amount"


@dataclass(frozen=True)
class _Format:
    """How a number of one kind of value is written ("30%", "846 million")."""

    suffix: str = ""

    def one(self, x: float) -> str:
        return number(x) + self.suffix

    def pair(self, low: float, high: float) -> tuple[str, str]:
        if self.suffix:
            return self.one(low), self.one(high)
        return number_pair(low, high)


def _amount(b: Bounds, quantifier: str | None, fmt: _Format, count: bool) -> tuple[str, float | None, str]:
    """(main phrase, the number that decides the unit's plural, a range in parentheses or "")."""
    whole = _as_whole(b) if count else b

    def span() -> str:
        if whole is None or whole.low is None or whole.high is None or math.isclose(whole.low, whole.high):
            return ""
        return _span(whole, fmt)

    if quantifier == _APPROXIMATE and b.low is not None and b.high is not None:
        middle = (b.low + b.high) / 2
        return f"about {fmt.one(_rounded(middle))}", middle, span()
    if quantifier is not None and quantifier in _BOUND_WORDS:
        word, side = _BOUND_WORDS[quantifier]
        bound = b.low if side == "low" else b.high
        if bound is not None:
            if word == "less than" and count:
                word = "fewer than"
            main = f"{word} {fmt.one(bound)}"
            finite = b.low is not None and b.high is not None and not math.isclose(b.low, b.high)
            return main, bound, (span() if finite and word != "exactly" else "")
    if quantifier == _RANGE and b.low is not None and b.high is not None:
        return _span(whole or b, fmt, between=True), b.high, ""
    if quantifier and quantifier not in _BOUND_WORDS and b.low is not None and b.high is not None:
        # A vague amount with no number ("several hundred", "des dizaines"): its words, then its range.
        return quantifier.replace("-", " "), b.high, span()
    main = _shape(b, fmt, count, between=b.low is not None and b.high is not None and not fmt.suffix)
    point = b.low if b.low is not None and b.high is not None and math.isclose(b.low, b.high) else None
    return main, point if point is not None else (b.high if b.high is not None else b.low), ""


def _rounded(x: float) -> float:
    # The middle of an "about" interval is the figure the article wrote; float noise aside.
    return float(f"{x:.6g}")


def quantity_words(value: QuantityValue) -> str:
    """"more than 100 people (typically 101 to 199)", "several hundred people (200 to 999)", "668 kilometres"."""
    count = _is_count(value.unit)
    literal, typical = Bounds.of(value.literal), Bounds.of(value.typical)
    main, _, parenthesis = _amount(literal, value.quantifier, _Format(), count)
    unit = unit_name(value.unit, 1 if main in _ONE else None)
    text = f"{main} {unit}" if unit else main
    if typical != literal and _says_more(literal, typical):
        parenthesis = "typically " + _shape(typical, _Format(), count)
    return f"{text} ({parenthesis})" if parenthesis else text


def _says_more(literal: Bounds, typical: Bounds) -> bool:
    """Whether the typical interval tells a reader more than the literal one ("up to 2,700" is not
    made clearer by "typically 0 to 2,700")."""
    return not (literal.low is None and typical.low in (None, 0) and typical.high == literal.high)


def money_words(value: MoneyValue) -> str:
    """"846 million euros", "between 215,900 and 299,900 yuan", "more than 300,000 yuan"."""
    b = Bounds(value.low, value.high, value.low_inclusive, value.high_inclusive)
    main, _, parenthesis = _amount(b, value.quantifier, _Format(), count=False)
    if value.low is None and value.high is None:
        main = "an amount"
    text = f"{main} {currency_name(value.currency, 1 if main in _ONE else None)}"
    return f"{text} ({parenthesis})" if parenthesis else text


def percent_words(value: PercentValue) -> str:
    """"30%", "5% to 6%", "more than 60%", "about 30% (27% to 33%)"."""
    b = Bounds(value.low, value.high, value.low_inclusive, value.high_inclusive)
    main, _, parenthesis = _amount(b, value.quantifier, _Format(suffix="%"), count=False)
    return f"{main} ({parenthesis})" if parenthesis else main


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


def day_words(day: dt.date) -> str:
    """"25 September 2025"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_words(day: dt.date) -> str:
    """"June 2026"."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def _last_of_month(day: dt.date) -> dt.date:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def date_span_words(first: dt.date, last: dt.date) -> str:
    """A span of days as a reader writes it: "24 to 26 December 2024", "March to May 2026", "2024 to 2026"."""
    if first == last:
        return day_words(first)
    whole_months = first.day == 1 and last == _last_of_month(last)
    if whole_months and first.month == 1 and last.month == 12:
        return str(first.year) if first.year == last.year else f"{first.year} to {last.year}"
    if whole_months:
        if (first.year, first.month) == (last.year, last.month):
            return month_words(first)
        if first.year == last.year:
            return f"{MONTHS[first.month - 1]} to {month_words(last)}"
        return f"{month_words(first)} to {month_words(last)}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} to {day_words(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} to {day_words(last)}"
    return f"{day_words(first)} to {day_words(last)}"


def _at_granularity(day: dt.date, granularity: str) -> str:
    if granularity == "year":
        return str(day.year)
    if granularity == "month":
        return month_words(day)
    return day_words(day)


def time_words(value: TimeValue) -> str:
    """"June 2026", "25 September 2025", "the fourth quarter of 2026", "by 2030", "late 2025"."""
    first, last, grain = value.earliest, value.latest, value.granularity
    if first is None and last is None:
        return "a date that could not be worked out"
    if first is None:
        assert last is not None
        word = "before" if "before" in value.modifiers else "by"
        return f"{word} {_at_granularity(last, grain)}"
    if last is None:
        return f"from {_at_granularity(first, grain)}"
    if "since" in value.modifiers:
        return f"since {_at_granularity(first, grain)}"
    text = _period_words(first, last, grain)
    for modifier, word in (("start", "early"), ("mid", "mid-"), ("end", "late")):
        if modifier in value.modifiers and grain in ("year", "month"):
            base = str(first.year) if grain == "year" else month_words(first)
            return f"{word}{base}" if word.endswith("-") else f"{word} {base}"
    return text


def _period_words(first: dt.date, last: dt.date, grain: str) -> str:
    if grain == "day" and first == last:
        return day_words(first)
    if grain == "month" and first.day == 1 and last == _last_of_month(first):
        return month_words(first)
    if grain == "year" and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) \
            and first.year == last.year:
        return str(first.year)
    if grain == "quarter" and first.day == 1 and first.month % 3 == 1 and last == _last_of_month(
            dt.date(first.year, first.month + 2, 1)):
        return f"the {_ORDINALS[first.month // 3]} quarter of {first.year}"
    if grain == "half" and first.day == 1 and first.month in (1, 7) and last == _last_of_month(
            dt.date(first.year, first.month + 5, 1)):
        return f"the {'first' if first.month == 1 else 'second'} half of {first.year}"
    if grain == "decade" and first.year % 10 == 0 and last.year == first.year + 9:
        return f"the {first.year}s"
    if grain == "week":
        return f"the week of {day_words(first)}"
    return date_span_words(first, last)


def distance_words(days: float) -> str:
    """How far apart two dates are: "1 day", "21 days", "about 10 months", "about 2 years"."""
    if days < 1:
        return "less than a day"
    if days < 45:
        whole = int(days)
        return f"{whole} day{'s' if whole != 1 else ''}"
    months = round(days / 30.44)
    if months < 12:
        return f"about {months} months"
    years = round(days / 365.25)
    return f"about {years} year{'s' if years != 1 else ''}"


# --------------------------------------------------------------------------
# Any value
# --------------------------------------------------------------------------


def value_words(value: Value) -> str:
    """Any typed value in words."""
    if isinstance(value, TimeValue):
        return time_words(value)
    if isinstance(value, QuantityValue):
        return quantity_words(value)
    if isinstance(value, MoneyValue):
        return money_words(value)
    if isinstance(value, PercentValue):
        return percent_words(value)
    if isinstance(value, EntityValue):
        return value.name
    if isinstance(value, RoleValue):
        return value.person or value.title_text
    if isinstance(value, TextValue):
        return value.text
    return str(value)


# --------------------------------------------------------------------------
# Facts, scopes and subjects
# --------------------------------------------------------------------------

_ROLE = "role:"
_OPEN = "open:"


def fact_label(fact_id: str) -> str:
    """A fact id in words: "team-size" -> "team size", "role:chair" -> "chair", "open:team" -> "number of
    “team”"; neighbouring facts compared together ("production-start / release") keep their slash."""
    if " / " in fact_id:
        return " / ".join(fact_label(part) for part in fact_id.split(" / "))
    if fact_id.startswith(_ROLE):
        return fact_id[len(_ROLE):].replace("_", " ").replace("-", " ")
    if fact_id.startswith(_OPEN):
        return f"number of “{fact_id[len(_OPEN):]}”"
    if fact_id == "unspecified":
        return "unnamed figure"
    return fact_id.replace("-", " ")


def fact_about(fact_id: str) -> str:
    """What the catalogue says the fact measures ("people killed or dead: a toll"), or ""."""
    parts = [catalogue.fact(part) for part in fact_id.split(" / ")]
    return "; ".join(found.about for found in parts if found is not None)


_DURATION = re.compile(r"^(\d+(?:\.\d+)?)s-(\d+(?:\.\d+)?)s$")
_ISO_SPAN = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")


def duration_words(seconds: float) -> str:
    """"8 hours", "24 hours", "27 minutes", "3 days"."""
    for size, name in ((86400 * 365, "year"), (86400 * 7, "week"), (86400, "day"), (3600, "hour"),
                       (60, "minute")):
        if seconds >= size and _is_integer(seconds / size) and not (name == "day" and seconds <= 86400):
            amount = round(seconds / size)
            return f"{amount} {name}{'s' if amount != 1 else ''}"
    if seconds >= 3600 and _is_integer(seconds / 3600):
        return f"{round(seconds / 3600)} hours"
    return f"{_plain(seconds)} seconds"


def period_words(period: str) -> str:
    """A scope's period: "over 8 hours", "in the fourth quarter of 2026", or the text as it is."""
    found = _DURATION.match(period)
    if found:
        low, high = float(found.group(1)), float(found.group(2))
        if low == high:
            return f"over {duration_words(low)}"
        return f"over {duration_words(low)} to {duration_words(high)}"
    if period in _PERIODS:
        return _PERIODS[period]
    found = _ISO_SPAN.match(period)
    if found:
        first, last = dt.date.fromisoformat(found.group(1)), dt.date.fromisoformat(found.group(2))
        for grain in ("quarter", "half", "month", "year", "day"):
            text = _period_words(first, last, grain)
            if text != date_span_words(first, last) or grain == "day":
                return f"in {text}"
    return period.replace("-", " ")


# The common places of checker/lang/scopes.toml ("~moon"), as a phrase.
_COMMON_PLACES: Mapping[str, str] = {"earth": "on Earth", "moon": "on the Moon", "mars": "on Mars",
                                     "space": "in space"}
_PERIODS: Mapping[str, str] = {"full-year": "over the full year", "h1": "in the first half",
                               "h2": "in the second half", "q1": "in the first quarter", "q2": "in the second quarter",
                               "q3": "in the third quarter", "q4": "in the fourth quarter"}


def _place(text: str) -> str:
    # Scope values are lower-case keys: a named place reads better capitalized.
    if text.startswith("~"):
        return _COMMON_PLACES.get(text[1:], "in " + text[1:].replace("-", " "))
    return "in " + " ".join(word[:1].upper() + word[1:] for word in text.split(" "))


def scope_words(scope: Mapping[str, str]) -> list[str]:
    """The slots of a scope as short phrases: "in Ostend", "per year", "according to a trade group"."""
    out: list[str] = []
    for slot, value in scope.items():
        # Ids of scopes.toml ("per-year", "first-model") read with spaces; "on-site" keeps its hyphen.
        text = value if slot in ("period", "as_of", "group", "place") else value.replace("-", " ")
        if slot == "place":
            part = text.endswith(" (part)")
            out.append(_place(text.removesuffix(" (part)")) + (" (only part of it)" if part else ""))
        elif slot == "source":
            out.append(f"according to {text}")
        elif slot == "period":
            out.append(period_words(value))
        elif slot == "basis":
            out.append(text)
        elif slot == "as_of":
            out.append(f"as of {value}")
        elif slot in ("instance", "statistic"):
            out.append(text)
        else:
            out.append(f"{slot}: {text}")
    return out
