"""Our reading of regex sources (``checker.regex_syntax``) and the case table of ``lowered``, against ``re`` itself.

The speed code reads facts off syntax trees; a tree read wrongly gives a wrong gate, and a gate that
says "no" for a match loses a value. So a tree written back must match what its source matches, on
the rules of every language, and the lowered tests must accept every character ``re`` equates.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from checker import regex_syntax as rx
from checker.recognize import lowered
from checker.recognize import time as time_mod

_HANDMADE = [
    r"(?<![\d.,/])(?:3[01]|[12]\d|0?[1-9])(?![\d])\s*-\s*\d", r"(?P<a>ab|ac)(?P=a)?x{2,3}?y{2}z{1,}",
    r"[^a-c\]\-]+|\bq\B", r"(?i:ab)(?-i:c)d*+e??", r"(?>a|ab)c", r"^\A(?=x)(?!y)[\w\s.]$\Z", r"a{,3}b{}c{x",
    r"\x41\u00e9\N{EM DASH}\t\101\0", r"(a)(?(1)b|c)", r"(?x) a b  # a comment", r"[-a][a-][\d-]",
]


def _texts(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    alphabet = "0123456789 -/.,'%abcdeqxyzABCÉé—\t" + "janvierjuneyearmars"
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24))) for _ in range(count)]


def _rule_patterns() -> list[re.Pattern[str]]:
    return [rule.regex for language in ("en", "fr", "zh") for rule in time_mod.lexicon(language).rules]


def test_a_tree_written_back_matches_what_its_source_matches() -> None:
    patterns = [re.compile(source) for source in _HANDMADE] + _rule_patterns()
    texts = _texts(3, 300) + ["le 14 juillet 2023", "June 3, 2021 to 2022", "T3 2024", "2024年3月", "ab acab xx"]
    for pattern in patterns:
        try:
            written = re.compile(rx.source(rx.parse(pattern.pattern, pattern.flags)), pattern.flags)
        except rx.Unwritable:
            assert "(?P=" in pattern.pattern or "(?(" in pattern.pattern
            continue
        for text in texts:
            want = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in written.finditer(text)] == want, (pattern.pattern, text)


@pytest.mark.parametrize(("source", "tree"), [
    # A non-capturing group is its items; the opening every branch shares goes in front; one-character
    # branches are a class; a class of one literal is that literal.
    ("(?:a|b)c", [(rx.IN, [(rx.LITERAL, 97), (rx.LITERAL, 98)]), (rx.LITERAL, 99)]),
    ("ab|ac", [(rx.LITERAL, 97), (rx.IN, [(rx.LITERAL, 98), (rx.LITERAL, 99)])]),
    ("[x][^x]", [(rx.LITERAL, 120), (rx.NOT_LITERAL, 120)]),
    ("(?:ab)*", [(rx.MAX_REPEAT, (0, rx.MAXREPEAT, [(rx.LITERAL, 97), (rx.LITERAL, 98)]))]),
    ("(?<!\\w)a", [(rx.ASSERT_NOT, (-1, [(rx.IN, [(rx.CATEGORY, rx.CATEGORY_WORD)])])), (rx.LITERAL, 97)]),
    ("^x|^y", [(rx.AT, rx.AT_BEGINNING), (rx.IN, [(rx.LITERAL, 120), (rx.LITERAL, 121)])]),
    ("(a)|b", [(rx.BRANCH, (None, [[(rx.SUBPATTERN, (1, 0, 0, [(rx.LITERAL, 97)]))], [(rx.LITERAL, 98)]]))]),
])
def test_trees_are_normalised_as_the_analyses_expect(source: str, tree: list[rx.Item]) -> None:
    assert rx.parse(source) == tree


@pytest.mark.parametrize("source", ["(", "a)", "a**", "[a", "*a", "a{3,2}", r"\q", "(?P=nope)", "(?z)"])
def test_what_re_refuses_is_refused(source: str) -> None:
    with pytest.raises(re.error):
        re.compile(source)
    with pytest.raises(re.error):
        rx.parse(source)


def test_min_width() -> None:
    assert rx.min_width(rx.parse(r"ab?c{2,3}(?:d|ef)(?=g)\b")) == 4  # a, cc, d


def test_the_lowered_character_accepts_every_character_re_equates() -> None:
    # Every character of Unicode, and the letters the data's phrases are written in (and a few with
    # extra forms): whatever ``re`` matches without case must lower-case into the lowered pattern.
    everything = "".join(map(chr, range(sys.maxunicode + 1))).encode("utf-8", "surrogatepass").decode(
        "utf-8", "replace")
    letters = "abcdefghijklmnopqrstuvwxyzéèêàçôûœ" + "µßσςθκωβιıſ" + "вшт" + "年月"
    for letter in letters:
        pattern = lowered.char(letter)
        assert pattern is not None
        for found in set(re.findall(re.escape(letter), everything, re.IGNORECASE)):
            low = found.lower()
            if len(low) == 1:
                assert re.fullmatch(pattern, low), (letter, found)


def test_the_extra_case_table_holds_only_what_re_equates() -> None:
    for code, others in lowered._extra_cases().items():
        for other in others:
            assert re.fullmatch(re.escape(chr(code)), chr(other), re.IGNORECASE), (chr(code), chr(other))
