"""The time recognizer's plan (``checker.recognize.time_plan.plan``) tries every rule that can match."""

from __future__ import annotations

import random
import re

import pytest

from checker import regex_syntax
from checker.recognize import time as time_mod
from checker.recognize import time_plan
from checker.recognize.prefilter import WORD
from checker.recognize.time_data import fold

_SAMPLES = [
    "on 2023-03-14 and 14/03/2023", "3.5 million in 2019-2020", "the 4/22 vote", "Q3 2024 and H1",
    "from 4 to 22 May", "November 19-20, 2023", "les années 80", "in 2027, 12.5%", "2015-3", "11/2016",
    "next year", "le 1er mars", "dans trois ans", "T2 2025", "1999 to 2004", "no date here", "",
]


def _texts(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    alphabet = "0123456789 -/.,'%qhst" + "abcdefgmnory"
    return [fold(s) for s in _SAMPLES] + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 16)))
                                          for _ in range(count)]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("digits", [True, False])
def test_the_plan_keeps_every_rule_that_matches(language: str, digits: bool) -> None:
    plan = time_plan.plan(time_mod.lexicon(language).rules, digits)
    for text in _texts(7, 4000):
        if (re.search(r"\d", text) is not None) != digits:
            continue
        chosen = {id(rule): needed for rule, needed in plan.chosen(plan.vocabulary.intersection(WORD.findall(text)))}
        for rule in time_mod.lexicon(language).rules:
            if rule.regex.search(text) is None:
                continue
            assert id(rule) in chosen, (rule.name, text)
            assert all(plan.conditions[index].search(text) for index in chosen[id(rule)]), (rule.name, text)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_gate_holds_where_one_of_its_cores_does(language: str) -> None:
    rules = [rule for rule in time_mod.lexicon(language).rules
             if time_plan.opens_with_digit(rule.regex) and time_plan.core(rule.regex) is not None]
    gate = time_plan.digit_gate(rules)
    assert gate is not None and len(rules) > 1
    cores = [time_plan.core(rule.regex) for rule in rules]
    for text in _texts(11, 20000):
        expected = any(core.search(text) for core, _quick in filter(None, cores))
        assert (gate.search(text) is not None) == expected, text


@pytest.mark.parametrize(("pattern", "texts"), [
    (r"(?<![\d.,/])(?:3[01]|[12]\d|0?[1-9])(?![\d])\s*-\s*\d", ["31-4", "05-6", "5 - 7", "1.5-6", "40-1", "a9-9"]),
    (r"(?<![a-z])(?P<g>ab)?\d{2,3}(?!\d)", ["ab12", "xab12", "b123", "1234", "12"]),
    (r"(?:1[0-9]|20|21)\d\d(?![\d])", ["2023", "1999", "2299", "12345", "x2100"]),
])
def test_openings_spell_out_a_sequence(pattern: str, texts: list[str]) -> None:
    opened = time_plan.opening_choices(regex_syntax.parse(pattern))
    assert opened is not None
    branches = []
    for first, rest in opened:
        rebuilt = time_plan.without_groups([first, *rest])
        assert rebuilt is not None
        branches.append(rebuilt)
    spelled = re.compile(regex_syntax.source([(regex_syntax.BRANCH, (None, branches))]))
    original = re.compile(pattern)
    for text in texts:
        want = [m.start() for m in (original.match(text, i) for i in range(len(text) + 1)) if m]
        got = [m.start() for m in (spelled.match(text, i) for i in range(len(text) + 1)) if m]
        assert got == want, (pattern, text)
