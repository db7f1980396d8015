"""Lazy patterns and the split cue test (speed only) find what ``re.compile`` and the whole pattern find."""

from __future__ import annotations

import gc
import pickle
import re

import pytest

from checker import lang
from checker.frame import data as frame_data
from checker.frame.build import extract_claims
from checker.frame.scan import Scan, _by_index, _cues
from checker.recognize import lazy
from checker.recognize.lazy import LazyPattern, compile_pending, compiled_flags, lazy_compile
from checker.recognize.prefilter import OpeningTries, sequence_trie
from tests.conftest import make_document

LANGUAGES = sorted(lang.available("frames"))

# Handmade sources: inline global flags, classes, groups, look-arounds, verbose mode.
SOURCES = [
    (r"(?<!\w)(?:said|told|announc\w*)", re.IGNORECASE),
    (r"(?i)mars\s+(?P<year>\d{4})", 0),
    (r"(?ix) a \s+ year", 0),
    (r"(?s)(?m)^a.b$", 0),
    (r"[A-Z]\w+", re.ASCII),
    (r"\d+(?:[.,]\d+)?", 0),
    (r"(?u)(?a:\w+)", 0),
    ("x", re.VERBOSE | re.DOTALL),
]
TEXTS = ["He said on Monday that Mars 2024\na\nb came.", "ANNOUNCED: a year, A YEAR 12,5", "", "ſ K İstanbul"]


@pytest.mark.parametrize(("source", "flags"), SOURCES)
def test_a_lazy_pattern_is_the_compiled_one(source: str, flags: int) -> None:
    compiled = re.compile(source, flags)
    late = lazy_compile(source, flags)
    assert isinstance(late, LazyPattern)
    assert (late.pattern, late.flags) == (compiled.pattern, compiled.flags)
    assert late == compiled and late._compiled is None  # pattern and flags need no compiling
    for text in TEXTS:
        assert [m.span() for m in late.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert bool(late.search(text)) == bool(compiled.search(text))
        assert late.findall(text) == compiled.findall(text)
        assert late.sub("_", text) == compiled.sub("_", text)
        assert late.split(text) == compiled.split(text)
        assert bool(late.match(text, 1)) == bool(compiled.match(text, 1))
    assert late.groupindex == compiled.groupindex and late.groups == compiled.groups
    again = pickle.loads(pickle.dumps(late))
    assert (again.pattern, again.flags) == (compiled.pattern, compiled.flags)


def test_a_lazy_pattern_is_compiled_when_first_run_or_when_pending_ones_are() -> None:
    first, second = LazyPattern("ab+"), LazyPattern("cd+")
    assert first._compiled is None and second._compiled is None
    assert first.search("xabb") is not None and first._compiled is not None
    assert compile_pending() >= 1
    assert second._compiled is not None
    assert compile_pending() == 0


def test_eager_is_re_compile() -> None:
    with lazy.eager():
        assert isinstance(lazy_compile("ab"), re.Pattern)
    assert isinstance(lazy_compile("ab"), LazyPattern)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_flags_of_every_lazy_pattern_of_the_language_data_are_re_s(language: str) -> None:
    """``flags`` is read off the source without compiling: it must be what ``re`` reports for every pattern made."""
    frame_data.frames(language)
    extract_claims(make_document(" ".join(_sentences(language)[:20]), language))
    made = [p for p in gc.get_objects() if isinstance(p, LazyPattern)]
    assert len(made) > 100
    for pattern in made:
        assert compiled_flags(pattern.pattern, pattern._given) == re.compile(pattern.pattern, pattern._given).flags


def _sentences(language: str) -> list[str]:
    facts: frame_data.FactsData = lang.load("facts", language)
    frames: frame_data.FrameData = lang.load("frames", language)
    return ([ex.sentence for fact in facts.facts for ex in fact.examples]
            + [ex.sentence for scope in frames.scope for ex in scope.examples]
            + [ex.sentence for ex in (*frames.attribution_examples, *frames.examples)])


def _texts(language: str) -> list[str]:
    sentences = _sentences(language)
    # Other cases, and characters whose case folding is not one to one.
    return sentences + [s.upper() for s in sentences] + [s.title() for s in sentences] + [
        "ſtake K İ ﬁrst 'share' ’shares’ -owned DÉJÀ Über", "a\u00a0year  of   the capital"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_split_cue_test_is_the_whole_pattern_at_every_position(language: str) -> None:
    data = frame_data.frames(language)
    cues = ([c for f in data.facts_data.facts for c in (*f.cues, *f.weak)]
            + [c for q in data.data.scope for c in q.cues])
    whole = re.compile(frame_data.any_cue_pattern(cues, language).pattern, re.IGNORECASE)
    split = frame_data.any_cue_openings(cues, language)
    for text in _texts(language):
        for position in range(len(text) + 1):
            assert split.match(text, position) == (whole.match(text, position) is not None), (text, position)


def test_opening_tries_keep_atoms_of_several_characters_apart() -> None:
    sequences = [["a", "b", "c"], [r"\s+", "x"], ["['’]", "s"], ["a", r"(?!\w)"], ["b"]]
    split = OpeningTries(sequences, "", re.IGNORECASE)
    whole = re.compile("(?=" + sequence_trie(sequences) + ")", re.IGNORECASE)
    for text in ["ABC  x ’S a, b", "abc", "a", "  x", ""]:
        for position in range(len(text) + 1):
            assert split.match(text, position) == (whole.match(text, position) is not None), (text, position)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_scan_finds_the_cues_every_pattern_finds_on_its_own(language: str) -> None:
    """The gate, the split cue test and the lazy patterns leave the cues of a sentence as the plain scan finds them."""
    data = frame_data.frames(language)
    for text in _texts(language):
        scan = Scan(text, data)
        found: dict[str, list[tuple[frame_data.FactCues, list[re.Match[str]]]]] = {"fact": [], "weak": []}
        for kind, item, pattern in _by_index(data):
            if kind in found:
                found[kind].append((item, list(pattern.finditer(text))))
        assert scan.cues == _cues(found["fact"], found["weak"]), text


@pytest.mark.parametrize("language", LANGUAGES)
def test_frames_built_lazily_give_the_claims_of_frames_built_eagerly(language: str) -> None:
    document = make_document("\n".join(_sentences(language)), language)
    frame_data.frames.cache_clear()
    try:
        with lazy.eager():
            eager = frame_data.frames(language)
            assert isinstance(eager.any_cue, re.Pattern)
            eagerly = extract_claims(document)
        frame_data.frames.cache_clear()
        assert isinstance(frame_data.frames(language).any_cue, LazyPattern)
        lazily = extract_claims(document)
    finally:
        frame_data.frames.cache_clear()
    assert eagerly, language
    assert lazily == eagerly
