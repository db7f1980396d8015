"""The story's readings of relative times, kept between runs: speed only.

The story (``checker/story.py``) reads a claim's time again in its own sentence as if written on
other days ("yesterday", "on Monday" read against a candidate day), dozens of times per undated
article. Reading needs the time recognizer's patterns, which ``re`` compiles in each process: in
a gate over a thousand cached articles, where nothing else in the process reads a text, compiling
them was half of the story's time. ``reading(sentence, lang, ref, start, end, read)`` is
``read(sentence, lang, ref, start, end)`` (a function of its arguments), kept on a shelf of the
build cache (``build_cache``, keyed by the checker's code, so a changed recognizer never reads an
old reading). ``tests/test_story_readings.py`` compares it with reading afresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from checker import build_cache
from checker.records import TimeValue

Reader = Callable[[str, str, dt.date, int, int], TimeValue | None]

_SHELF = "story"
# Readings kept: a run of 1,000 articles asks about 500; past the limit a run keeps what it asked.
_LIMIT = 20_000


def reading(sentence: str, lang: str, ref: dt.date, start: int, end: int, read: Reader) -> TimeValue | None:
    """``read(sentence, lang, ref, start, end)``, as an earlier run of the same code read it when there is one."""
    source = "\0".join((lang, ref.isoformat(), str(start), str(end), sentence))
    plain = build_cache.remembered("reading", source, 0, lambda: plain_reading(read(sentence, lang, ref, start, end)),
                                   _well_formed, shelf=_SHELF, limit=_LIMIT)
    return value_of(plain)


def plain_reading(value: TimeValue | None) -> tuple[tuple[str, Any], ...] | None:
    """``value`` as plain data: the fields it was given (dates as ISO text), by name."""
    if value is None:
        return None
    return tuple((name, _plain(getattr(value, name))) for name in sorted(value.model_fields_set))


def value_of(plain: tuple[tuple[str, Any], ...] | None) -> TimeValue | None:
    """The reading ``plain_reading`` made plain, with the same fields given."""
    if plain is None:
        return None
    return TimeValue.model_validate(dict(plain))


def _plain(field: Any) -> Any:
    return field.isoformat() if isinstance(field, dt.date) else field


def _well_formed(plain: Any) -> bool:
    return plain is None or (isinstance(plain, tuple) and all(
        isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str) for item in plain))
