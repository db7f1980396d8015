"""Where a value can be: the words without which no time, quantity, money or percent is found.

Extraction hands each sentence to the value recognizers, and most sentences of an
article hold no value: no digit, no number word, no vague quantifier ("several"),
no time word ("June", "yesterday", "next year"). ``value_hints(text, lang)``
folds a whole document once and tells for a sentence, from its words, whether
it can yield a value mention; one that cannot is not handed to the recognizers,
whose own checks would cost a call each.

Every word here is a necessary condition of its recognizer, built from the same
language data: money and percent read a number first; a number is digits, a
vulgar fraction or a number word; a quantity is a number or a vague quantifier;
a time matches the time recognizer's own prefilter (digits or time words). Of a
phrase ("a few", "the day after tomorrow") its longest word stands for it. The
words are compared whole, on the accent-folded lower-cased text
(``time_data.fold``, which keeps offsets), because the recognizers read them
whole too; ``tests/test_hints.py`` holds that promise against every example of
the language data and the Recognizers-Text specs. An article ("a", "un") or a
negative ("minus") is never a number alone: what follows it is the number word.
"""

from __future__ import annotations

import re
from functools import cache

from checker.lang import script
from checker.recognize.numbers import data as numbers_data
from checker.recognize.percent import _compiled as percent_compiled
from checker.recognize.quantity import compiled as quantity_data
from checker.recognize.time import prefilter_phrases
from checker.recognize.time_data import fold

__all__ = ["ValueHints", "value_hints"]

_WORD = re.compile(r"[^\W\d_]+")
# Digits and vulgar fractions ("½") are numbers by themselves.
_NUMBER_CHARACTER = re.compile(r"[\d\u00bc-\u00be\u2150-\u215e]")


class _WordsTable(dict[int, str]):
    """``str.translate`` table: each character folded, a number character made "0", any other non-letter a space.

    Translated so, a text splits on whitespace into exactly the words ``_WORD`` finds in its folded
    form (no letter is a space), and holds a "0" exactly where the folded text holds a number
    character: one C pass per document, then per sentence a slice, a ``find`` and a ``split``,
    instead of a regular expression creating its matches.
    """

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        kept = "0" if _NUMBER_CHARACTER.match(folded) else folded if _WORD.match(folded) else " "
        self[code] = kept
        return kept


_WORDS_TABLE = _WordsTable()


class ValueHints:
    """A text with its language's value words: ``touches(start, end)`` tells whether a stretch holds one.

    Where the language spaces its words, the words of a stretch are compared whole with the value
    words; where it does not (Chinese), the value phrases are searched for inside the stretch
    (``pattern``), as the recognizers find them there.
    """

    def __init__(self, text: str, words: frozenset[str] | None, pattern: re.Pattern[str] | None = None) -> None:
        self._words_only = text.translate(_WORDS_TABLE) if words is not None or pattern is not None else text
        self._words = words
        self._pattern = pattern

    def touches(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` (a sentence, cut at word boundaries) holds a digit or a value word."""
        if self._pattern is not None:
            stretch = self._words_only[start:end]
            return "0" in stretch or self._pattern.search(stretch) is not None
        if self._words is None:
            return True
        stretch = self._words_only[start:end]
        return "0" in stretch or not self._words.isdisjoint(stretch.split())


def value_hints(text: str, lang: str) -> ValueHints:
    """The value hints of ``text`` (language ``lang``)."""
    if not script.profile(lang).spaced:
        return ValueHints(text, None, _unspaced_pattern(lang))
    return ValueHints(text, _words(lang))


def _percent_phrases(lang: str) -> list[str]:
    """Phrases that are a percentage with no number in them ("对折")."""
    return list(percent_compiled(lang).data.fixed)


@cache
def _unspaced_pattern(lang: str) -> re.Pattern[str] | None:
    """For a language without spaces: a pattern found wherever a value phrase is written (folded, as the
    words table folds), or None when a phrase has no letter to look for (then every stretch is hinted)."""
    numbers = numbers_data(lang)
    phrases = [*numbers.cardinals, *numbers.multipliers, *numbers.scales, *numbers.nouns, *numbers.several_marks,
               *numbers.halves, *(phrase for entry in quantity_data(lang).data.vague for phrase in entry.phrases),
               *_percent_phrases(lang), *prefilter_phrases(lang)]
    pieces = set()
    for phrase in phrases:
        folded = fold(phrase).translate(_WORDS_TABLE).strip()
        if not folded:
            continue
        if " " in folded or "0" in folded:
            # a phrase with a symbol or digit in it: its longest run of letters stands for it
            runs = [run for run in folded.split() if run and "0" not in run]
            if not runs:
                return None
            folded = max(runs, key=len)
        pieces.add(folded)
    if not pieces:
        return None
    return re.compile("|".join(re.escape(p) for p in sorted(pieces, key=lambda p: (-len(p), p))))


@cache
def _words(lang: str) -> frozenset[str] | None:
    """One word of each value phrase of ``lang`` (its longest), folded; None when a phrase has no word."""
    numbers = numbers_data(lang)
    # Articles and negatives open numbers ("a hundred", "minus five") but are none alone; so is an
    # article that is also the cardinal one (French "un", "une": "un million", "vingt et un" hold
    # another number word, "un ingénieur" holds no number).
    articles = set(numbers.articles)
    cardinals = [word for word in numbers.cardinals if word not in articles]
    phrases = [*cardinals, *numbers.hundreds, *numbers.scales, *numbers.fractions, *numbers.nouns,
               *(phrase for entry in quantity_data(lang).data.vague for phrase in entry.phrases),
               *_percent_phrases(lang), *prefilter_phrases(lang)]
    words = set()
    for phrase in phrases:
        found = _WORD.findall(fold(phrase))
        if not found:
            return None  # a phrase of symbols only: no word to go by, every sentence may hold it
        words.add(max(found, key=len))
    return frozenset(words)
