"""Where a value can be: the words without which no time, quantity, money or percent is found.

Extraction hands each sentence to the value recognizers, and most sentences of an
article hold no value: no digit, no number word, no vague quantifier ("several"),
no time word ("June", "yesterday", "next year"). ``value_hints(text, lang)``
finds those words with one scan of a whole document; a sentence that none of
them touches cannot yield a value mention, so it is not scanned sentence by
sentence, where the recognizers' own checks would cost a call each.

Every word here is a necessary condition of its recognizer, built from the same
language data: money and percent read a number first; a number is digits, a
vulgar fraction or a number word; a quantity is a number or a vague quantifier;
a time matches the time recognizer's own prefilter (digits or time words). The
words are matched whole, on the accent-folded lower-cased text
(``time_data.fold``, which keeps offsets), because the recognizers read them
whole too; ``tests/test_hints.py`` holds that promise against every example of
the language data and the Recognizers-Text specs. An article ("a", "un") or a
negative ("minus") is never a number alone: what follows it is the number word.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from checker.recognize.numbers import data as numbers_data
from checker.recognize.quantity import compiled as quantity_data
from checker.recognize.time import word_prefilter
from checker.recognize.time_data import fold, phrase_pattern

__all__ = ["ValueHints", "value_hints"]

_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"


class ValueHints:
    """The spans of a text's value words; ``touches(start, end)`` tells whether a stretch meets one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]

    def touches(self, start: int, end: int) -> bool:
        """Whether one of the spans overlaps ``[start, end)``."""
        # Spans come from one left-to-right scan: they do not overlap, so their ends are sorted too.
        i = bisect.bisect_right(self._ends, start)
        return i < len(self._starts) and self._starts[i] < end


def value_hints(text: str, lang: str) -> ValueHints:
    """The value words of ``text`` (language ``lang``), found in one scan."""
    return ValueHints([m.span() for m in _pattern(lang).finditer(fold(text))])


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    numbers = numbers_data(lang)
    # Articles and negatives open numbers ("a hundred", "minus five") but are none alone.
    number_words = (set(numbers.cardinals) | set(numbers.hundreds) | set(numbers.scales)
                    | set(numbers.fractions) | set(numbers.nouns))
    vague = {phrase for entry in quantity_data(lang).data.vague for phrase in entry.phrases}
    time_words = word_prefilter(lang)
    if time_words is None:
        return re.compile(r"(?s:.)")  # no word list to go by: every sentence may hold a time
    words = sorted({phrase_pattern(word) for word in number_words | vague if word.strip()}, key=len, reverse=True)
    alternatives = [*words, time_words.pattern]
    return re.compile(rf"\d|[\u00bc-\u00be\u2150-\u215e]|{_LETTER_BEFORE}(?:{'|'.join(alternatives)}){_LETTER_AFTER}")
