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


def test_ascii_or_beyond_is_the_ascii_characters_given_and_every_other_character() -> None:
    for given_chars in ("", "Cc", "-]^\\ \n", "".join(map(chr, range(128)))):
        pattern = re.compile(entity.ascii_or_beyond(given_chars))
        for code in [*range(160), 0x17F, 0x212A, 0xFFFF, 0x10000, 0x10FFFF]:
            assert (pattern.fullmatch(chr(code)) is not None) == (code >= 128 or chr(code) in given_chars)


_LINE_PIECES = ["Acme", "Group", "Sells", "Cars", "Today", "acme", "sells", ".", ",", "!", " ", "\n", "\r", "\t", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=40).map("".join))
def test_title_case_lines_are_the_lines_of_line_matches(text: str) -> None:
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().rstrip()[-1:] not in tuple(".!?;:,")]
    expected = []
    for line in lines:
        words = re.findall(r"[^\W\d_]{4,}", line.group())
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            expected.append(line.span())
    if expected and sum(e - s for s, e in expected) >= 0.9 * len(text.strip()):
        expected = []
    assert entity._title_case_lines(text, entity._Scanner(text, "en")) == expected


_QUOTE_PIECES = ["“", "”", "«", "»", '"', "Nova", "nova", " ", "\n", "x" * 79, "y" * 81, ",", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_QUOTE_PIECES), max_size=12).map("".join))
def test_possessive_quotes_match_as_greedy_ones(text: str) -> None:
    greedy = re.compile(r"“([^“”\n]{1,80})”|«\s*([^«»\n]{1,80}?)\s*»|\"([^\"\n]{1,80})\"")
    assert [(m.span(), m.lastindex) for m in entity._QUOTED.finditer(text)] == [
        (m.span(), m.lastindex) for m in greedy.finditer(text)]
