"""The value hints are a necessary condition: no value is found in a text that no hint touches.

Extraction skips sentences that no hint touches (``checker/recognize/hints.py``); a value
recognized in such a sentence would be lost from the claims. Each text below (an example,
a spec input, a sentence of the seeds) is run through the value recognizers: if they find
a value, a hint must touch the text. (Per text, not per mention: the time recognizer, too,
reads "the second half" only in a text with a time word somewhere, "the second half of the year".)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import lang
from checker.frame.build import SKIPPED_ZONES, VALUE_DIMENSIONS
from checker.frame.sentences import sentences
from checker.ingest import load_document
from checker.recognize import available_dimensions, recognize
from checker.recognize.hints import _words, value_hints
from checker.recognize.time_data import fold
from checker.refdate import resolve_reference_date

ROOT = Path(__file__).parents[1]
SPECS = ROOT / ".." / "shared" / "recognizers"
REF = dt.date(2026, 1, 1)
LANGUAGES = {"English": "en", "French": "fr", "Chinese": "zh"}


def _unhinted(text: str, language: str, ref: dt.date | None = REF) -> list[str]:
    """The value mentions of ``text`` if no hint touches it (extraction skips such a sentence)."""
    if value_hints(text, language).touches(0, len(text)):
        return []
    return [f"{m.type} {m.text!r}" for m in recognize(text, language, ref, dimensions=VALUE_DIMENSIONS)]


def _examples() -> list[tuple[str, str]]:
    available_dimensions()  # imports every recognizer, which registers its language data
    return sorted({(language, example.phrase)
                   for dimension in lang.registered_dimensions() for language in lang.available(dimension)
                   for example in lang.load(dimension, language).all_examples()})


EXAMPLES = _examples()


def _spec_inputs() -> Iterator[tuple[str, str]]:
    for path in sorted(SPECS.glob("*/*/*.json")):
        language = LANGUAGES.get(path.parent.name)
        if language is not None:
            for case in json.loads(path.read_text(encoding="utf-8-sig")):
                yield language, case["Input"]


def test_every_language_data_example_is_hinted() -> None:
    assert len(EXAMPLES) > 200
    missed = {f"{language}: {phrase}": found for language, phrase in EXAMPLES
              if (found := _unhinted(phrase, language))}
    assert not missed


@pytest.mark.skipif(not SPECS.is_dir(), reason="the Recognizers-Text specs are absent")
def test_every_recognizers_text_input_is_hinted() -> None:
    cases = list(_spec_inputs())
    assert len(cases) > 1000
    missed = {f"{language}: {text}": found for language, text in cases if (found := _unhinted(text, language))}
    assert not missed


def test_every_value_of_the_seed_articles_is_hinted() -> None:
    checked = 0
    for path in sorted((ROOT / "seeds").iterdir()):
        doc = resolve_reference_date(load_document(str(path), path.read_bytes()))
        language = doc.info.language or "en"
        hints = value_hints(doc.text, language)
        for zone in doc.zones:
            if zone.kind in SKIPPED_ZONES:
                continue
            for start, end in sentences(doc.text, zone.start, zone.end):
                values = recognize(doc.text[start:end], language, doc.info.reference_date,
                                   dimensions=VALUE_DIMENSIONS)
                checked += len(values)
                assert hints.touches(start, end) or not values, doc.text[start:end]
    assert checked > 30


def test_a_sentence_without_value_words_is_not_hinted() -> None:
    hints = value_hints("The company said the plan was part of a broader strategy. Analysts agreed.", "en")
    assert not hints.touches(0, 80)
    french = value_hints("Le groupe a présenté son plan ambitieux pour la région.", "fr")
    assert not french.touches(0, 60)


def test_value_words_are_hinted_whole() -> None:
    text = "Several firms said so. It opens in June. Someone has done it. Costs rose 5%. Nothing else."
    hints = value_hints(text, "en")
    hinted = [sentence for sentence in text.split(". ") if hints.touches(text.index(sentence),
                                                                        text.index(sentence) + len(sentence))]
    # "one" inside "Someone" and "done" is no number word.
    assert hinted == ["Several firms said so", "It opens in June", "Costs rose 5%"]


_GLUE = st.text(alphabet=st.sampled_from(list("abcdefghij ,.;:'-()\n")), max_size=12)


@settings(max_examples=300, deadline=None)
@given(before=_GLUE, case=st.sampled_from(EXAMPLES), after=_GLUE)
def test_an_example_inside_other_text_is_still_hinted(before: str, case: tuple[str, str], after: str) -> None:
    language, phrase = case
    assert not _unhinted(before + phrase + after, language)


_WORD = re.compile(r"[^\W\d_]+")
_NUMBER_CHARACTER = re.compile(r"[\d\u00bc-\u00be\u2150-\u215e]")
_PIECES = st.one_of(st.sampled_from(["0", "½", "²", "٣", "é", "É", "œ", "ß", "İ", "ı", "’", "'", "-", "_", " ", "\t",
                                      "\n", ".", "one", "ONE", "June", "plusieurs", "Someone", "trois"]),
                     st.characters())
_MIXED = st.lists(_PIECES, max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_MIXED, cut=st.tuples(st.integers(0, 40), st.integers(0, 40)), language=st.sampled_from(["en", "fr"]))
def test_a_stretch_is_hinted_exactly_when_its_folded_form_holds_a_number_character_or_a_value_word(
        text: str, cut: tuple[int, int], language: str) -> None:
    # The definition the hints promise (module docstring), read with regular expressions on the folded text.
    start, end = sorted(cut)
    folded = fold(text)[start:end]
    expected = bool(_NUMBER_CHARACTER.search(folded)) or not _words(language).isdisjoint(_WORD.findall(folded))
    assert value_hints(text, language).touches(start, end) is expected


def test_a_chinese_sentence_without_value_characters_is_not_hinted() -> None:
    hints = value_hints("该公司表示,这项计划是其整体战略的重要组成部分。", "zh")
    assert not hints.touches(0, 22)
    assert value_hints("工程历时三年。", "zh").touches(0, 7)
    assert value_hints("投资15亿元。", "zh").touches(0, 7)


def test_an_article_that_is_also_the_number_one_is_no_hint_alone() -> None:
    # French "un" / "une" are the article and the cardinal one; alone they make no value.
    text = "Il a embauché un ingénieur. Elle vise un milliard. Vingt et un sites ferment. Une équipe arrive."
    hints = value_hints(text, "fr")
    hinted = [s for s in text.split(". ") if hints.touches(text.index(s), text.index(s) + len(s))]
    assert hinted == ["Elle vise un milliard", "Vingt et un sites ferment"]
    for sentence in ("Il a embauché un ingénieur", "Une équipe arrive."):
        assert not recognize(sentence, "fr", REF, dimensions=VALUE_DIMENSIONS)
