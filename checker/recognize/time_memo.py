"""The time mentions of the last few texts read, kept per reference date: reading one again is a lookup.

Speed only. The reference-date inference (``checker/refdate.py``) reads a document's whole text
several times against the same dates: two finders look for its days, and the year inference
reads it once per candidate year, then once more for the year it chose. ``mentions(text, lang,
ref)`` is ``time.find(text, lang, ref)`` (the recognizer is a function of its arguments), read
once per text, language and date while the text is among the last ``_TEXTS`` read; memory stays
bounded by those texts (``tests/test_time_memo.py`` compares it with ``time.find``).
"""

from __future__ import annotations

import datetime as dt

from checker.recognize import time as timerec
from checker.records import Mention

# Texts whose readings are kept: a document's opening lines and its whole text are read in turns.
_TEXTS = 4

_read: dict[tuple[str, str], dict[dt.date | None, tuple[Mention, ...]]] = {}


def mentions(text: str, lang: str, ref: dt.date | None) -> tuple[Mention, ...]:
    """``time.find(text, lang, ref)``, remembered for the last texts read."""
    readings = _read.get((text, lang))
    if readings is None:
        if len(_read) >= _TEXTS:
            # The oldest text goes (dicts keep insertion order).
            del _read[next(iter(_read))]
        readings = _read[(text, lang)] = {}
    found = readings.get(ref)
    if found is None:
        found = readings[ref] = tuple(timerec.find(text, lang, ref))
    return found


def with_tenses(text: str, lang: str, ref: dt.date | None) -> list[tuple[Mention, str | None]]:
    """``time.find_with_tense(text, lang, ref)``, its mentions remembered as ``mentions`` keeps them."""
    return timerec.with_tenses(text, lang, mentions(text, lang, ref))


def forget() -> None:
    """Drop every reading kept (for tests)."""
    _read.clear()
