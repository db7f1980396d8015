"""The script facts of each language (``checker/lang/<lang>/script.toml``): their examples are tests."""

from __future__ import annotations

import re

import pytest

from checker.frame.sentences import sentences
from checker.lang import SUPPORTED_LANGUAGES, script
from checker.recognize.numbers import find_numbers


def _cases(field: str) -> list[tuple[str, object]]:
    return [(lang, example) for lang in SUPPORTED_LANGUAGES for example in getattr(script.profile(lang), field)]


def test_every_supported_language_has_script_facts() -> None:
    for lang in SUPPORTED_LANGUAGES:
        data = script.profile(lang)
        assert data.name and data.decimal_marks, lang
        assert data.sentence_ends or data.final_marks, lang


@pytest.mark.parametrize(("lang", "example"), _cases("sentence_examples"))
def test_sentence_examples(lang: str, example: script.SentenceExample) -> None:
    assert [example.text[s:e] for s, e in sentences(example.text)] == example.sentences


@pytest.mark.parametrize(("lang", "example"), _cases("phrase_examples"))
def test_phrase_examples(lang: str, example: script.PhraseExample) -> None:
    pattern = script.phrase_regex(example.phrases, lang)
    assert [m.group() for m in pattern.finditer(example.text)] == example.found


@pytest.mark.parametrize(("lang", "example"), _cases("word_count_examples"))
def test_word_count_examples(lang: str, example: script.WordCountExample) -> None:
    assert script.word_count(example.line, lang) == example.words


def test_phrase_pattern_bounds_words_only_in_spaced_scripts() -> None:
    assert not re.search(script.phrase_pattern(["万"], "en"), "15万元")
    assert re.search(script.phrase_pattern(["万"], "zh"), "15万元")
    assert re.fullmatch(script.phrase_pattern([], "zh"), "") is None


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_group_and_decimal_marks_are_the_ones_numbers_are_read_with(lang: str) -> None:
    data = script.profile(lang)
    decimal = data.decimal_marks[0]
    for mark in data.group_marks:
        found = find_numbers(f"1{mark}234{mark}567", lang)
        assert [m.value for m in found] == [1234567], (lang, mark)
    found = find_numbers(f"12{decimal}5", lang)
    assert [m.value for m in found] == [12.5], lang


def test_full_width_forms_fold_one_for_one() -> None:
    text = "增长１２．５％，共１，２００人"
    folded = script.fold_full_width(text)
    assert folded == "增长12.5%，共1,200人"  # a clause comma stays one
    assert len(folded) == len(text)
    assert script.has_full_width(text) and not script.has_full_width(folded)


def test_languages_are_named_for_messages() -> None:
    assert script.language_name("zh") == "Chinese"
    assert script.language_name("de") == "German"
    assert script.language_name("es") == "Spanish"
    assert script.language_name("qq") == "qq"


@pytest.mark.parametrize(("lang", "example"), _cases("clause_examples"))
def test_clause_examples(lang: str, example: script.ClauseExample) -> None:
    folded = script.fold_punctuation(example.text, lang)
    assert folded == example.folded
    assert len(folded) == len(example.text)


def test_clause_marks_fold_only_where_the_script_has_them() -> None:
    french = "Il pleut, dit-il ; «\u00a0oui\u00a0»."
    assert script.fold_punctuation(french, "fr") == french
    assert script.fold_punctuation("三人，五人", "zh") == "三人,五人"


def test_word_edges_bound_only_the_edges_that_need_it() -> None:
    (pro_before, pro_after), (dead_before, dead_after) = script.word_edges("Pro", "zh"), script.word_edges("死亡", "zh")
    pattern = re.compile(f"(?:{pro_before}Pro{pro_after}|{dead_before}死亡{dead_after})")
    assert [m.group() for m in pattern.finditer("A1 Pro版 Professional 3人死亡")] == ["Pro", "死亡"]
    assert script.word_edges("dead", "en") == (r"(?<!\w)", r"(?!\w)")
