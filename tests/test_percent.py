"""Percentages: signs and words, both locales, ranges and quantifiers; points are not percent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.recognize import percent
from checker.records import PercentValue


def _values(text: str, lang: str) -> list[tuple[float | None, float | None]]:
    out = []
    for m in percent.find(text, lang, None):
        assert isinstance(m.value, PercentValue)
        assert text[m.start:m.end] == m.text
        out.append((m.value.low, m.value.high))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("rose 12.5% in May", "en", [(12.5, 12.5)]),
        ("a hausse de 12,5 % en mai", "fr", [(12.5, 12.5)]),
        ("thirty-one percent of voters", "en", [(31, 31)]),
        ("quinze pour cent", "fr", [(15, 15)]),
        ("a 6 per cent rise", "en", [(6, 6)]),
        ("between 20 and 25%", "en", [(20, 25)]),
        ("3-4%", "en", [(3, 4)]),
        ("more than 60%", "en", [(60, None)]),
        ("moins de 5 %", "fr", [(None, 5)]),
    ],
)
def test_percentages(text: str, lang: str, values: list[tuple[float | None, float | None]]) -> None:
    assert _values(text, lang) == values


def test_percentage_points_are_not_percentages() -> None:
    assert _values("up 3 percentage points", "en") == []
    assert _values("une hausse de 3 points de pourcentage", "fr") == []


def test_url_encoded_percent_is_ignored() -> None:
    assert _values("https://example.org/search?q=40%25%2050%", "en") == []


def test_open_bound_is_exclusive() -> None:
    (m,) = percent.find("over 70%", "en", None)
    assert isinstance(m.value, PercentValue)
    assert m.value.low_inclusive is False and m.text == "over 70%"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-%pecrntou")), max_size=60),
       st.sampled_from(["en", "fr"]))
def test_never_raises(text: str, lang: str) -> None:
    _values(text, lang)
