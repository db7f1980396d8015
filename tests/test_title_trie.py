"""The title pattern writes common openings of spellings once (``role._trie``): it must find what
the plain alternation of the spellings finds, where spellings share openings and part ways."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.recognize import role

_SPELLINGS = [("chief executive officer", False), ("chief executive", False), ("chief exec", False),
              ("chairperson", False), ("co-founder", False), ("cofounder", False), ("chairman", False),
              ("chair", False), ("vice chairman", False), ("vice-president", False), ("vice president", False),
              ("d'affaires", False), ("CEO", True), ("COO", True), ("Co", True), ("C", True), ("ceo", True)]
_SPELLINGS.sort(key=lambda s: len(s[0]), reverse=True)
_PIECES = ["c", "C", "co", "Co", "CO", "o", "O", "hief", "HIEF", "air", "man", "person", "exec", "utive",
           "officer", "founder", "vice", "president", "d", "'", "’", "affaires", "E", "EO", "eo", "ſ", "K", "İ",
           "-", "‐", " ", "  ", "\n", ",", "x"]


def _plain(spellings: list[tuple[str, bool]]) -> re.Pattern[str]:
    boundary = rf"[\w{role._HYPHEN_CLASS}]"
    return re.compile(rf"(?<!{boundary})(?:{'|'.join(role._spelling_pattern(*s) for s in spellings)})"
                      rf"(?!{boundary})", re.IGNORECASE)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join),
       st.lists(st.sampled_from(_SPELLINGS), min_size=1, max_size=8, unique=True))
def test_shared_openings_match_as_the_plain_alternation(text: str, chosen: list[tuple[str, bool]]) -> None:
    spellings = sorted(chosen, key=lambda s: len(s[0]), reverse=True)
    grouped = role._titles_pattern(spellings)
    found = [m.span("title") for m in grouped.finditer(" " + text)]
    assert [(s - 1, e - 1) for s, e in found] == [m.span() for m in _plain(spellings).finditer(text)]


def test_shared_openings_are_written_once() -> None:
    spellings = [("chief executive officer", False), ("chief executive", False), ("chairman", False)]
    pattern = role._trie([role._rest_units(s, acronym) for s, acronym in spellings])
    assert pattern.count("xecutive") == 1
