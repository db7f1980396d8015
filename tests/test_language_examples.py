"""Every example phrase in the language data is a test (Duckling-style corpus).

An example passes only when exactly one mention of its type covers the whole
phrase (read between its ``before`` and ``after`` context) and that mention's
`parse --jsonl` value has every key the example gives.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import math
from typing import Any

import pytest

import checker.recognize as recognize_pkg
from checker import lang
from checker.lang import Example
from checker.recognize import recognize
from checker.recognize.jsonl import mention_json


def _import_all_recognizers() -> None:
    for name in recognize_pkg.available_dimensions():
        importlib.import_module(f"checker.recognize.{name}")
    for extra in ("checker.frame.data",):
        with contextlib.suppress(ModuleNotFoundError):
            importlib.import_module(extra)


def _collect() -> list[tuple[str, Example]]:
    _import_all_recognizers()
    cases = []
    for dimension in lang.registered_dimensions():
        for language in lang.available(dimension):
            for example in lang.load(dimension, language).all_examples():
                cases.append((language, example))
    return cases


CASES = _collect()


def test_the_corpus_is_not_empty() -> None:
    assert len(CASES) >= 50


def _matches(want: Any, got: Any) -> bool:
    if want == "open":
        return got is None
    if isinstance(want, dict):
        return isinstance(got, dict) and all(_matches(v, got.get(k)) for k, v in want.items())
    if isinstance(want, bool) or isinstance(got, bool):
        return want == got
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(float(want), float(got), rel_tol=1e-9)
    if isinstance(want, (list, tuple)) and isinstance(got, (list, tuple)):
        return len(want) == len(got) and all(_matches(a, b) for a, b in zip(want, got, strict=True))
    return bool(str(want) == str(got))


@pytest.mark.parametrize(("language", "example"), CASES, ids=[f"{lg}:{ex.type}:{ex.phrase}" for lg, ex in CASES])
def test_example(language: str, example: Example) -> None:
    text = example.before + example.phrase + example.after
    mentions = recognize(text, language, dt.date.fromisoformat(example.ref_date))
    start = len(example.before)
    whole = [m for m in mentions
             if m.type == example.type and m.start == start and m.end == start + len(example.phrase)]
    found = [mention_json(m) for m in mentions]
    assert len(whole) == 1, f"want one {example.type} over the whole phrase, got {found}"
    value = mention_json(whole[0])["value"]
    assert _matches(example.value, value), f"want {example.value}, got {value}"
