"""The word gate of the boilerplate patterns (speed only) finds what the joined pattern finds."""

from __future__ import annotations

import re

import pytest

from checker import lang
from checker.ingest.word_gate import AnySearch
from checker.ingest.zones import BoilerplateData

# Handmade sources: word openings after \b and ^, branches, a repeat in front, a class in front, a group reference.
SOURCES = [
    r"\bsold out\b",
    r"^notice\b",
    r"\b(?:is|isn't|was) (?:made|built) by\b",
    r"^about (?:us|the team)$|\bcredits\b",
    r"\b(?:re)?printed with consent",
    r"\(\d+ views?\)",
    r"\bstraße\b",
    r"\bkey facts\b",
]
LINES = [
    "The product is made by hand.", "THE PRODUCT WAS BUILT BY HAND", "Notice: the shop is closed.",
    "A notice at the door", "About us", "about the team ", "Photo credits: none", "Reprinted with consent of X",
    "(12 views)", "(1 view)", "Die Straße ist lang", "DIE STRASSE", "KEY FACTS", "\u212aey facts", "ſold out",
    "SOLD OUT!", "resold out", "İs made by", "ΣΑΣ is made by", "", "   ", "isn't made by anyone", "ismade by",
    "Le site est publié par nous", "prices: sold out\u00a0today",
]


def _assert_same(search: AnySearch, lines: list[str]) -> None:
    for line in lines:
        assert search.found(line) == (search.joined.search(line) is not None), line


def test_found_is_the_joined_search_on_handmade_sources() -> None:
    search = AnySearch(SOURCES)
    assert search.joined.pattern == "|".join(SOURCES)
    assert search._gated, "some sources are gated by their opening words"
    _assert_same(search, LINES)
    # One source at a time: each alone is found exactly where the joined one is.
    for source in SOURCES:
        _assert_same(AnySearch([source]), LINES)


def test_a_source_that_refers_to_a_group_leaves_every_line_to_the_joined_pattern() -> None:
    search = AnySearch([r"\bsold out\b", r"\b(\w+) and \1\b"])
    assert not search._gated
    _assert_same(search, [*LINES, "this and this", "this and that"])


@pytest.mark.parametrize("language", sorted(lang.available("boilerplate")))
def test_found_is_the_joined_search_on_the_language_data(language: str) -> None:
    data: BoilerplateData = lang.load("boilerplate", language)
    sources = [f"(?:{entry.pattern})" for entry in data.patterns]
    search = AnySearch(sources)
    examples = data.boilerplate_examples + data.tail_examples + data.body_examples
    # Every example, each in upper and title case, and cut at each word.
    lines = [variant for line in examples for variant in (line, line.upper(), line.title(), line.swapcase())]
    lines += [line[cut.start():] for line in examples for cut in re.finditer(r"\s\S", line)]
    assert any(search.found(line) for line in lines)
    _assert_same(search, lines)
