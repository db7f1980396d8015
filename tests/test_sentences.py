"""Sentence boundaries on news copy."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from checker.frame.sentences import _end_pattern, sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_splits_on_full_stops_before_capitals() -> None:
    assert _split("It rained. Then it stopped! Did it? Yes.") == ["It rained.", "Then it stopped!", "Did it?", "Yes."]


def test_keeps_abbreviations_and_decimals() -> None:
    text = "Acme Co. Ltd. grew 1.5 times. Mr. Smith said so."
    assert _split(text) == ["Acme Co. Ltd. grew 1.5 times.", "Mr. Smith said so."]


def test_never_joins_lines() -> None:
    assert _split("A headline without a stop\nThe body starts here.") == [
        "A headline without a stop", "The body starts here."]


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert _split('He said “it works.” Then he left.') == ['He said “it works.”', "Then he left."]


@given(st.text(alphabet="ab .!?\nA“”", max_size=200))
def test_sentences_are_ordered_trimmed_and_in_bounds(text: str) -> None:
    last = 0
    for start, end in sentences(text):
        assert last <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        last = end


# The boundary pattern as first written: an end mark before a capital, or a run of line breaks.
_READABLE_END = re.compile(r"[.!?…]+[\"'”»)\]]*(?=\s+[\"'“«(\[]?[A-ZÀ-ÖØ-Þ0-9])|\n+")


@given(st.text(alphabet=st.sampled_from(list(".!?…\"'”»)]“«([ \n\tAÉz9a,")), max_size=40))
def test_boundaries_are_those_of_the_readable_pattern(text: str) -> None:
    # The end pattern is reshaped so that re can skip ahead; it must find the very same boundaries.
    assert [m.span() for m in _end_pattern().finditer(text)] == [m.span() for m in _READABLE_END.finditer(text)]
