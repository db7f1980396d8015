"""The shared number reading and the cheaper paths of the number recognizers read as before."""

from __future__ import annotations

import re

import pytest

from checker.recognize import number_gate, number_words, numbers, quantity
from checker.recognize.prefilter import trie


@pytest.mark.parametrize("text", ["450 000 personnes", "2.5 billion yuan", "twenty-five", "un sur deux", "", "½ cup"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_shared_numbers_are_find_numbers(text: str, lang: str) -> None:
    assert numbers.shared_numbers(text, lang) == tuple(numbers.find_numbers(text, lang))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_gate_matches_the_plain_alternation(lang: str) -> None:
    w = number_words.compiled_words(lang)
    needed = w.strong | w.weak
    letters = r"[^\W\d_]"
    # the gate as one plain alternation, the check for a letter before each word first
    plain = re.compile(rf"{number_gate.LETTER_BEFORE}{trie(sorted(needed))}(?!{letters})"
                       rf"|{number_gate.LETTER_BEFORE}{trie(sorted(w.lone))}(?!{letters})[\W_]{{0,8}}"
                       rf"{trie(sorted(w.lone_next))}(?!{letters})")
    texts = ["deux", "xdeux", "αdeux", "½deux", "deuxα", "two-thirds", "vingt-et-unième", "l’onze", "é deux",
             "un sur deux", "un  virgule", "twenty five", "a half", "ninety9"]
    for text in texts:
        lowered = text.lower()
        assert [m.span() for m in w.gate.finditer(lowered)] == [m.span() for m in plain.finditer(lowered)], text


@pytest.mark.parametrize(("text", "unit"), [
    ("100 new models", "model"), ("100 people were", "person"), ("5 the", None), ("5km", "kilometre"),
    ("45 very big new trucks", "very"), ("12 of the", None), ("3  boats", "boat"),
])
def test_unit_after(text: str, unit: str | None) -> None:
    end = text.index(" ") if " " in text else 1
    assert quantity.unit_after(text, end, "en")[0] == unit
