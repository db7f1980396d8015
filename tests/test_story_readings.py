"""The story's kept readings of relative times are the readings made afresh, whether the cache holds them or not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker import build_cache, story_readings
from checker.recognize import time as timerec
from checker.records import TimeValue
from checker.story import _read_afresh

SENTENCES = [
    ("en", "The talks ended yesterday, two days after the strike began on Monday."),
    ("en", "Prices will rise next month and again on March 3 at 9 a.m. local time."),
    ("fr", "Les pompiers sont intervenus lundi soir, puis de nouveau le 12 février."),
    ("fr", "La réunion aura lieu dans trois semaines, fin avril."),
    ("zh", "会议于3月5日举行，上周五已经公布了议程。"),
]
DAYS = [dt.date(2021, 1, 4), dt.date(2022, 6, 30), dt.date(2023, 12, 31)]


def _asked() -> list[tuple[str, str, dt.date, int, int]]:
    """Every time span of the sentences, asked on every day, and one span that reads nothing."""
    asked = []
    for lang, sentence in SENTENCES:
        spans = {(c.start, c.end) for c in timerec.scan(sentence, lang, DAYS[0])}
        assert spans, sentence
        spans.add((0, 3))
        asked += [(sentence, lang, day, start, end) for start, end in sorted(spans) for day in DAYS]
    return asked


def _same(a: TimeValue | None, b: TimeValue | None) -> bool:
    if a is None or b is None:
        return a is b
    return a == b and a.model_fields_set == b.model_fields_set and a.model_dump() == b.model_dump()


def _never(*_: object) -> TimeValue | None:
    raise AssertionError("read again: the cache did not hold it")


def test_kept_readings_are_the_readings_made_afresh(build_cache_dir: Path) -> None:
    asked = _asked()
    fresh = [_read_afresh(*question) for question in asked]
    assert any(value is None for value in fresh) and sum(value is not None for value in fresh) > 10
    first = [story_readings.reading(*question, _read_afresh) for question in asked]
    assert all(_same(a, b) for a, b in zip(first, fresh, strict=True))
    build_cache.flush()
    build_cache.reset()
    kept = [story_readings.reading(*question, _never) for question in asked]
    assert all(_same(a, b) for a, b in zip(kept, fresh, strict=True))
    assert (build_cache_dir / build_cache.cache_file("story").name).is_file()  # type: ignore[union-attr]


def test_without_a_cache_each_reading_is_made_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "")
    build_cache.reset()
    try:
        for question in _asked()[:6]:
            assert _same(story_readings.reading(*question, _read_afresh), _read_afresh(*question))
        with pytest.raises(AssertionError):
            story_readings.reading(*_asked()[0], _never)
    finally:
        build_cache.reset()


def test_a_stated_clock_and_given_defaults_survive_the_round_trip() -> None:
    value = TimeValue(earliest=dt.date(2020, 2, 29), latest=dt.date(2020, 3, 1), granularity="day",
                      modifiers=("about",), resolution="relative", anchor=dt.date(2020, 3, 2), clock="09:00",
                      zone=None)
    back = story_readings.value_of(story_readings.plain_reading(value))
    assert _same(back, value)
    assert "zone" in back.model_fields_set and "timex" not in back.model_fields_set  # type: ignore[union-attr]
