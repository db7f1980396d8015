"""Necessary conditions (``checker.recognize.prefilter``) never reject a text the pattern matches in."""

from __future__ import annotations

import re

import pytest

from checker import lang
from checker.recognize import time as time_mod
from checker.recognize.prefilter import necessary
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
    rules = time_mod._lexicon(language).rules
    for rule, conditions in zip(rules, time_mod._conditions(language), strict=True):
        for text in texts:
            if rule.regex.search(text):
                assert all(c.search(text) for c in conditions), (rule.regex.pattern[:80], text)
