"""Prefilters (``checker.recognize.prefilter``) never reject a text that a pattern matches in."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import lang
from checker.frame.data import frames
from checker.recognize import time as time_mod
from checker.recognize import time_plan
from checker.recognize.prefilter import WORD, WordGate, matches_at, necessary, word_keys
from checker.recognize.time_data import fold


@pytest.mark.parametrize(("pattern", "texts"), [
    (r"(?<![a-z])(?:the\s+)?(?:january|june|july)\s+\d{1,2}", ["on june 4", "the july 12th", "jan 4"]),
    (r"(?:a|b)?c+(?!x)", ["c", "abc", "ccx", "xyz"]),
    (r"(?P<y>\d{4})-(?P=y)", ["2024-2024", "2024-2025", "none"]),
    (r"(?i)(?<!\w)(?:said|told)(?!\w)", ["He SAID so", "retold", "nothing"]),
    (r"[^a-z]+", ["123", "abc"]),
    (r"(?:x|)y", ["y", "xy", "z"]),
    (r"q[1-4](?:\s*'?\d\d)?", ["q3 '24", "q9", "Q1"]),
])
def test_conditions_are_necessary(pattern: str, texts: list[str]) -> None:
    compiled = re.compile(pattern)
    conditions = necessary(compiled)
    for text in texts:
        if compiled.search(text):
            assert all(c.search(text) for c in conditions), (pattern, text, [c.pattern for c in conditions])


def test_conditions_select() -> None:
    """A rule led by optional words and look-behinds still yields its mandatory words as a condition."""
    conditions = necessary(re.compile(r"(?:(?<![a-z])the\s+)?(?<![a-z])(?:monday|friday)\s+(?:next|last)"))
    assert conditions
    assert conditions[0].search("see you monday next") and not conditions[0].search("see you soon")


def test_no_condition_for_what_is_not_understood() -> None:
    assert necessary(re.compile(r".*")) == ()
    assert necessary(re.compile(r"(?i:abc)")) == ()


@pytest.mark.parametrize("language", sorted(lang.available("time")))
def test_time_rules_keep_their_matches_on_the_examples(language: str) -> None:
    """Over every example phrase of the language data, each rule's conditions hold wherever the rule matches."""
    texts = [fold(example.phrase) for dimension in lang.registered_dimensions()
             for code in lang.available(dimension) for example in lang.load(dimension, code).all_examples()]
    assert texts
    rules = time_mod.lexicon(language).rules
    for rule, conditions in zip(rules, [necessary(rule.regex) for rule in rules], strict=True):
        keys = word_keys(rule.regex)
        for text in texts:
            if rule.regex.search(text):
                assert all(c.search(text) for c in conditions), (rule.regex.pattern[:80], text)
                words = set(WORD.findall(text))
                assert all(not needed.isdisjoint(words) for needed in keys), (rule.regex.pattern[:80], text)


@pytest.mark.parametrize("language", sorted(lang.available("time")))
def test_time_rule_cores_keep_their_matches(language: str) -> None:
    """A rule's core (moved look-behinds, inner optional parts kept) is found wherever the rule is."""
    texts = [fold(example.phrase) for dimension in lang.registered_dimensions()
             for code in lang.available(dimension) for example in lang.load(dimension, code).all_examples()]
    texts += [f"x{text}9 {text}." for text in texts]
    for rule in time_mod.lexicon(language).rules:
        core, _quick = time_plan.core(rule.regex) or (None, False)
        if core is None:
            continue
        for text in texts:
            if rule.regex.search(text):
                assert core.search(text), (rule.regex.pattern[:80], text)


def test_opening_character_keeps_the_look_behind() -> None:
    """``(?<![a-z])x`` becomes ``x(?<![a-z]x)``: found at the same places, and ``re`` can skip to an x."""
    for pattern, texts in ((r"(?<![\d./-])\d{1,2}[-/.]\d{1,2}", ["12/3", "1.12/3", "a3-4", "/3-4", "2024"]),
                           (r"(?<![\d.,])(?:1[0-9]|20|21)\d\d", ["in 2024", "x1999", "3.2024", ",1999"])):
        original = re.compile(pattern)
        (core, quick) = time_plan.core(original) or (None, False)
        assert core is not None and quick
        for text in texts:
            assert (core.search(text) is None) == (original.search(text) is None), (pattern, text)


@pytest.mark.parametrize(("pattern", "texts"), [
    (r"(?<![a-z0-9])(?:the\s+)?(?<![a-z0-9])(?:mar|june)\.?(?![a-z])\s*\d+", ["mar. 4", "the june 4", "market 4"]),
    (r"(?:hence\s+from\s+now|after\s+now|from\s+now)(?![a-z])", ["from now", "after nowhere", "now"]),
    (r"\d\d0'?s(?![a-z0-9])", ["the 1990s", "1990's", "1990sx"]),
    (r"(?:a|b)?c+(?!x)", ["c", "abc"]),
])
def test_word_keys_are_necessary(pattern: str, texts: list[str]) -> None:
    compiled = re.compile(pattern)
    for text in texts:
        if compiled.search(text):
            words = set(WORD.findall(text))
            assert all(not needed.isdisjoint(words) for needed in word_keys(compiled)), (pattern, text)


def test_word_keys_are_bounded_words() -> None:
    """Only letters with a non-letter (or the text's end) on both sides make a key."""
    assert word_keys(re.compile(r"(?<![a-z])(?:mar|june)\.?(?![a-z])")) == (frozenset({"mar", "june"}),)
    assert frozenset({"now"}) in word_keys(re.compile(r"(?:hence\s+from\s+now|from\s+now)(?![a-z])"))
    assert word_keys(re.compile(r"(?:mar|june)")) == ()  # "market" holds "mar"
    assert word_keys(re.compile(r"(?<![a-z])june")) == ()  # "junes"
    assert word_keys(re.compile(r"(?i)(?<![a-z])june(?![a-z])")) == ()


_GATED = [re.compile(p, re.IGNORECASE) for p in (
    r"(?<!\w)(?:said|told|announc\w*)",
    r"(?<!\w)(?:first\s+model|first\s+car)(?!\w)",
    r"(?<!\w)(?:a\s+déclaré|écrit)(?!\w)",
    r"(?<!\w)(?:k\w+)",
)] + [re.compile(r"\bsaid"), re.compile(r"(?<!\w)Said")]


@pytest.mark.parametrize("text", [
    "He said so.", "HE SAID SO", "announcement", "reannounced", "the First  Model", "Il A DÉCLARÉ", "écrits",
    "Kelvin \u212aelvin", "\u017faid it", "\u0130stanbul said", "\u039f\u0394\u039f\u03a3 said", "nothing here", "",
])
def test_word_gate_keeps_every_pattern_that_matches(text: str) -> None:
    gate = WordGate(_GATED)
    maybe = gate.candidates(text)
    for index, pattern in enumerate(_GATED):
        if pattern.search(text):
            assert index in maybe, (pattern.pattern, text)


@given(st.text(alphabet=st.sampled_from(list("said told ann ounced Told SAID.,İ")), max_size=60))
def test_matches_at_the_gate_starts_are_finditer(text: str) -> None:
    gate = WordGate(_GATED)
    starts = gate.starts(text)
    for index, pattern in enumerate(_GATED):
        where = None if starts is None or index in gate.always else starts.get(index, [])
        assert [m.span() for m in matches_at(pattern, text, where)] == [m.span() for m in pattern.finditer(text)]


def test_word_gate_starts() -> None:
    gate = WordGate(_GATED)
    assert gate.starts("He told us; she told them.") == {0: [3, 16]}
    assert gate.starts("İstanbul told") is None  # "İ" lower-cases to two characters: positions cannot be told


def test_word_gate_leaves_out_what_cannot_match() -> None:
    gate = WordGate(_GATED)
    assert set(gate.candidates("He told us.")) == {0, 4, 5}
    # Patterns of another shape (no look-behind, or case-sensitive) are always candidates.
    assert {4, 5} <= set(gate.candidates("nothing"))


@pytest.mark.parametrize("language", sorted(lang.available("frames")))
def test_word_gate_on_the_frame_examples(language: str) -> None:
    """Every cue pattern that matches an example sentence of any language is a candidate for it."""
    data = frames(language)
    patterns = ([p for _, p in data.facts] + [p for _, p in data.weak_facts] + [p for _, p in data.scope]
                + [p for _, p in data.modalities])
    gate = WordGate(patterns)
    texts = [example.sentence for code in lang.available("facts") for a in lang.load("facts", code).facts
             for example in a.examples]
    texts += [example.phrase for dimension in lang.registered_dimensions()
              for code in lang.available(dimension) for example in lang.load(dimension, code).all_examples()]
    assert texts
    for text in texts + [t.upper() for t in texts]:
        maybe = gate.candidates(text)
        for index, pattern in enumerate(patterns):
            if pattern.search(text):
                assert index in maybe, (pattern.pattern[:80], text)


@pytest.mark.parametrize(("text", "language", "possible"), [
    ("According to a report from the agency on March 3, the plant opened.", "en", True),
    ("The plant opened on March 3.", "en", False),
    ("Selon un rapport du 21 octobre, l'usine a ouvert.", "fr", True),
    ("L'usine a ouvert le 21 octobre.", "fr", False),
])
def test_report_cue_gate(text: str, language: str, possible: bool) -> None:
    assert time_mod.may_have_report_cue(text, language) is possible
    if not possible:
        assert all(time_mod.report_cue_before(text, language, i) is None for i in range(len(text) + 1))
