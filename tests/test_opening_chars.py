"""Opening characters (speed only): a pattern is left out only at positions where ``re`` finds no match of it."""

from __future__ import annotations

import re
import sys

import pytest

from checker import lang
from checker.frame import data as frame_data
from checker.frame import scan as scan_module
from checker.frame.scan import Scan, _by_index
from checker.recognize.opening_chars import OpeningCharacters, cased, opening_characters

# Handmade sources: literals, classes, alternations, optional and repeated openings, look-arounds,
# anchors, groups with flags, letters compared without case, and patterns whose openings are unknown.
SOURCES = [
    ("死亡|受伤", 0),
    ("(?<![a-z])(?:死亡|受伤)", re.IGNORECASE),
    ("(?:约|近)?\\d+人", 0),
    ("[0-9一二三]+(?:个|個)", 0),
    ("(?=(?:截至|截止))截", 0),
    ("\\b(?:year|k)\\b", re.IGNORECASE),
    ("(?:the\\s+)?(?:K|ſ)s", re.IGNORECASE),
    ("Q[1-4]", 0),
    ("(?i:a)b", 0),
    ("\\w+", 0),
    ("a*", 0),
    ("[^a]b", 0),
    ("(?!x)y|z", 0),
    ("^起", re.MULTILINE),
    ("(a)|(?(1)b|c)", 0),
]
TEXTS = ["截至3月，约40人死亡、12人受伤。", "THE KS the ks ſs Ks ｋs", "Q3 q3 year, YEAR ab Ab aB",
         "起\n起 zy y", "二个 三個 9个", "", "İ ﬁ ǅ µ Ω ẞ ß"]


@pytest.mark.parametrize(("source", "flags"), SOURCES)
def test_a_pattern_opens_only_at_its_opening_characters(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    gate = OpeningCharacters([pattern])
    for text in TEXTS:
        positions = list(range(len(text)))
        allowed = gate.starts(text, positions).get(0, [])
        for position in positions:
            if pattern.match(text, position) is not None:
                assert position in allowed, (source, text, position)
                assert position in gate.may_open(text), (source, text, position)


def test_the_openings_read_are_the_expected_ones() -> None:
    assert opening_characters(re.compile("(?<![a-z])(?:死亡|受伤)", re.IGNORECASE)) == frozenset("死受")
    assert opening_characters(re.compile("(?:约|近)?\\d+人")) is None  # \d: a category
    assert opening_characters(re.compile("(?:约|近)?[0-9]+人")) == frozenset("约近0123456789")
    assert opening_characters(re.compile("(?=截至)截")) == frozenset("截")
    assert opening_characters(re.compile("a*")) is None
    assert opening_characters(re.compile("(?i:a)b")) is None
    # Only the characters that may open it: "ab" at "b" is left out.
    assert OpeningCharacters([re.compile("ab")]).starts("ab ba", [0, 1, 3, 4]) == {0: [0, 4]}


def test_a_letter_compared_without_case_opens_at_every_cased_character() -> None:
    gate = OpeningCharacters([re.compile("k|死", re.IGNORECASE)])
    # The Kelvin sign is "k" without case: a cased character, so it is kept.
    assert gate.starts("\u212a死1K", [0, 1, 2, 3]) == {0: [0, 1, 3]}


def test_a_character_said_to_be_uncased_is_no_case_of_another() -> None:
    """``re`` compares a character without case as itself only when no case mapping leads to or from it."""
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        for other in (ch.lower(), ch.upper(), ch.casefold(), ch.title()):
            if other != ch:
                assert cased(ch), ch
                if len(other) == 1:
                    assert cased(other), (ch, other)


UNSPACED = [code for code in sorted(lang.available("frames")) if not frame_data.frames(code).spaced]


def _sentences(language: str) -> list[str]:
    facts: frame_data.FactsData = lang.load("facts", language)
    frames: frame_data.FrameData = lang.load("frames", language)
    found = ([ex.sentence for fact in facts.facts for ex in fact.examples]
             + [ex.sentence for scope in frames.scope for ex in scope.examples]
             + [ex.sentence for ex in (*frames.attribution_examples, *frames.examples)])
    return found + [s.upper() for s in found] + ["Q3 Ks ſs İ ﬁ"]


class _Everywhere:
    """The plain path: every pattern tried at every position."""

    def __init__(self, count: int) -> None:
        self.count = count

    def starts(self, text: str, positions: list[int]) -> dict[int, list[int]]:
        return {index: list(positions) for index in range(self.count)} if positions else {}

    def may_open(self, text: str) -> list[int]:
        return list(range(len(text)))


@pytest.mark.parametrize("language", UNSPACED)
def test_a_scan_reads_what_the_plain_scan_reads(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = frame_data.frames(language)
    sentences = _sentences(language)
    assert UNSPACED and len(sentences) > 20

    def read(scan: Scan) -> tuple[object, ...]:
        return (scan.cues, scan.scopes, scan.attributions, scan.as_of, scan.reported, scan.modalities,
                scan.breaks, scan.commas, scan.places, scan.variants)

    gated = [read(Scan(sentence, data)) for sentence in sentences]
    everywhere = _Everywhere(len(_by_index(data)))
    monkeypatch.setattr(scan_module, "_pattern_openings", lambda _data: everywhere)
    monkeypatch.setattr(scan_module, "_any_cue_openings", lambda _data: everywhere)
    plain = [read(Scan(sentence, data)) for sentence in sentences]
    assert gated == plain
    assert any(found[0] for found in gated)  # cues were found
