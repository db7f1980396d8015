"""The remembered time readings (speed only) are what the time recognizer reads, text after text."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.recognize import time as timerec
from checker.recognize import time_memo

# Handmade texts: years, relative times, a day without its year, a range, and no time at all.
TEXTS = [
    ("en", "The plant opened in March 2019 and will close next year, on 4 June."),
    ("en", "Sales fell last month; they rose between January and April 2021."),
    ("fr", "L'usine, annoncée en février 2012, ouvrira l'année prochaine, le 9 mai."),
    ("zh", "该项目于2020年3月启动，明年6月完工。"),
    ("en", "Nothing here names a time."),
]
REFS = [None, dt.date(2020, 5, 1), dt.date(2024, 1, 31)]


@pytest.fixture(autouse=True)
def _forgotten() -> None:
    time_memo.forget()


def test_the_remembered_readings_are_the_recognizer_s() -> None:
    # Texts read in turns, more of them than are kept, each against several dates, twice over.
    for _ in range(2):
        for ref in REFS:
            for lang, text in TEXTS:
                assert list(time_memo.mentions(text, lang, ref)) == timerec.find(text, lang, ref)


def test_a_text_is_read_once_per_date_while_it_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, dt.date | None]] = []
    find = timerec.find

    def counted(text: str, lang: str, ref: dt.date | None) -> list[object]:
        calls.append((text, ref))
        return find(text, lang, ref)

    monkeypatch.setattr(timerec, "find", counted)
    lang, text = TEXTS[0]
    for ref in REFS + REFS:
        time_memo.mentions(text, lang, ref)
    assert len(calls) == len(REFS)
    # Another language is another reading of the same characters.
    time_memo.mentions(text, "fr", None)
    assert len(calls) == len(REFS) + 1


def test_only_the_last_texts_are_kept() -> None:
    for index in range(10):
        time_memo.mentions(f"On {index + 1} May 2020 it rained.", "en", None)
    assert len(time_memo._read) <= time_memo._TEXTS


def test_the_remembered_tenses_are_the_recognizer_s() -> None:
    for ref in REFS:
        for lang, text in TEXTS:
            time_memo.mentions(text, lang, ref)  # the mentions already read, as the year inference finds them
            assert time_memo.with_tenses(text, lang, ref) == timerec.find_with_tense(text, lang, ref)
    assert any(tense is not None for _, tense in time_memo.with_tenses(TEXTS[0][1], "en", None))
