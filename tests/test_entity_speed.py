"""Shortcuts of the entity recognizer that must find what the plain way finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import lang as language_data
from checker.recognize import entity

_VERB_PIECES = ["said", "SAID", "Said", "says", "say", "ſaid", "told", "added", "a", "A", "expliqué", "dit", "Dit",
                "selon", "écrit", "ÉCRIT", "also", "K", "İ", "Ada", "Quinn", " ", "  ", "\n", ",", ".", "-", "x", "é"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_VERB_PIECES), max_size=20).map("".join), st.sampled_from(["en", "fr"]))
def test_grouped_saying_verbs_match_as_the_plain_alternation(text: str, language: str) -> None:
    lex = entity._lexicon(language)
    verbs = sorted(language_data.load("entity", language).saying_verbs, key=len, reverse=True)
    plain = "|".join(entity._verb_pattern(v) for v in verbs)
    after = re.compile(rf"\s+(?:[^\W\d_]{{2,12}}\s+)?(?:{plain})\b", re.IGNORECASE)
    before = re.compile(rf"\b(?:{plain})\s+$", re.IGNORECASE)
    assert "(?<=" in lex.saying_after.pattern  # the verbs are grouped, not the plain alternation
    for pos in range(len(text) + 1):
        grouped = lex.saying_after.match(text, pos)
        expected = after.match(text, pos)
        assert (grouped and grouped.span()) == (expected and expected.span())
        grouped = lex.saying_before.search(text, max(0, pos - 30), pos)
        expected = before.search(text, max(0, pos - 30), pos)
        assert (grouped and grouped.span()) == (expected and expected.span())


def test_the_word_before_a_period_is_read_as_far_as_an_abbreviation_can_reach() -> None:
    for language in ("en", "fr"):
        lex = entity._lexicon(language)
        longest = max(len(entity._plain(w)) for w in lex.abbreviations | lex.honorifics)
        assert lex.period_word_reach == min(12, longest + 1)
    # "Acme Corp. Board": the abbreviation keeps the sentence going; a long word ends it.
    lex = entity._lexicon("en")
    assert not entity._sentence_start("Acme Corp. Board", 11, lex)
    assert entity._sentence_start("Acme grew internationally. Board", 27, lex)
