"""The numbers language data (``checker/lang/<lang>/numbers.toml``) and the record of a number read in a text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from checker import lang as langdata
from checker.lang import DimensionData, Example


@langdata.dimension("numbers")
class NumbersData(DimensionData):
    """Schema of ``<lang>/numbers.toml`` (the decimal mark is a script fact: ``<lang>/script.toml``)."""

    cardinals: dict[str, int]
    hundreds: list[str]
    scales: dict[str, float]
    nouns: dict[str, float] = {}
    suffixes: dict[str, float] = {}
    # Suffixes that scale only right after a currency symbol ("$45m" is a million, "45m" a metre).
    currency_suffixes: dict[str, float] = {}
    fractions: dict[str, float] = {}
    connectors: list[str] = []
    articles: list[str] = []
    negatives: list[str] = []
    points: list[str] = []
    pronoun_after: list[str] = []
    connector_after_tens: bool = False
    multiplying_tens: list[str] = []
    fraction_joiners: list[str] = []
    # Ordinals that are denominators only inside a compound ("twenty-firsts", never "a first").
    compound_ordinals: dict[str, float] = {}
    # Whether a singular ordinal takes only a numerator of one ("one fifth", but "two fifth graders").
    singular_needs_one: bool = True
    # How numbers are written: "words" (English, French), or a "positional" system of characters (Chinese:
    # ``checker/recognize/positional.py`` reads it, with the fields below; ``scales`` are its large units).
    system: Literal["words", "positional"] = "words"
    multipliers: dict[str, float] = {}  # inside a group of four: 十 百 千
    fraction_marks: list[str] = []  # "五分之一": the denominator first
    mixed_joiners: list[str] = []  # "三又三分之一"
    more_marks: list[str] = []  # "十余万", "1000多": more than the number
    several_marks: list[str] = []  # "数百", "几十万": several of the multiplier
    halves: list[str] = []  # "半百": half of the multiplier
    financial: list[str] = []  # numeral characters that are numerals only inside a longer numeral
    classifiers: list[str] = []  # measure words after which a lone "one" is a count
    not_numbers: list[str] = []  # words written with numeral characters that are no numbers
    unit_words: list[str] = []  # units that open with a multiplier ("千米": kilometres)
    ordinal_prefixes: list[str] = []  # a numeral right after one is an ordinal, no count ("第二": the second)
    samples: list[Example] = []


@dataclass(frozen=True)
class NumberMatch:
    """A number read in a text: its span, value and how it was written."""

    start: int
    end: int
    value: float
    words: bool = False  # written (at least partly) in words
    scaled: bool = False  # a scale word or suffix was applied ("2.5 billion", "15k")
    # "十余万", "1000多": more than ``value``, by less than this step (0: the number is exact)
    above: float = 0.0
    # "数百", "几十万": several times ``value`` (from two to nine times and a bit)
    several: bool = False


@cache
def data(lang: str) -> NumbersData:
    """The number words of ``lang`` (English when the language has no data)."""
    try:
        result: NumbersData = langdata.load("numbers", lang)
    except langdata.LanguageDataError:
        result = langdata.load("numbers", "en")
    return result
