"""Number reading: digits in both locales, words, scales, fractions; never raising, never slow."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.recognize.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("phrase", "lang", "value"),
    [
        ("4,250,000", "en", 4250000),
        ("4 250 000", "en", 4250000),
        ("4\u00a0250\u00a0000", "fr", 4250000),
        ("4\u202f250\u202f000", "fr", 4250000),
        ("4.250.000", "fr", 4250000),
        ("7,25", "fr", 7.25),
        ("2.345,5", "fr", 2345.5),
        ("2,345.5", "en", 2345.5),
        ("3.7 billion", "en", 3.7e9),
        ("820 million", "en", 8.2e8),
        ("4.6bn", "en", 4.6e9),
        ("35k", "en", 35000),
        ("2,4 milliards", "fr", 2.4e9),
        ("7 millions", "fr", 7e6),
        ("nine", "en", 9),
        ("thirty-seven", "en", 37),
        ("a thousand", "en", 1000),
        ("two hundred and nine", "en", 209),
        ("sept", "fr", 7),
        ("trente-quatre", "fr", 34),
        ("soixante-dix-huit", "fr", 78),
        ("quatre-vingts", "fr", 80),
        ("deux mille trois cent", "fr", 2300),
        ("three quarters", "en", 0.75),
        ("one and a half", "en", 1.5),
        ("deux millions et demi", "fr", 2.5e6),
        ("-12", "en", -12),
        ("3/8", "en", 0.375),
        # fractions whose denominator is a compound ordinal
        ("a sixty-first", "en", 1 / 61),
        ("seven forty-seconds", "en", 7 / 42),
        ("four eighty ninths", "en", 4 / 89),
        ("two hundred seventy ninths", "en", 200 / 79),
        ("two hundred and seventy ninths", "en", 270 / 9),
        ("one two hundred sixth", "en", 1 / 206),
        ("eighty-three hundred sevenths", "en", 8300 / 7),
        ("three and nineteen hundredths", "en", 3.19),
        ("six hundred millionths", "en", 600 / 1e6),
        ("minus four ninths", "en", -4 / 9),
        ("une quarante et unième", "fr", 1 / 41),
        ("trois vingtièmes", "fr", 3 / 20),
        # small integers in digits joined to number words
        ("7 hundred and 45", "en", 745),
        ("2 thousand 6 hundred and 8", "en", 2608),
        ("9 million and forty", "en", 9_000_040),
        ("two lakh crore", "en", 2e12),
        # scientific notation
        ("2.5x10^3", "en", 2500),
        ("4.1×10^-2", "en", 0.041),
    ],
)
def test_reads_whole_numbers(phrase: str, lang: str, value: float) -> None:
    assert parse_number(phrase, lang) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("the B737 and the COVID-19 wave", "en"),
        ("visit 21kr or v3.1 today", "en"),
        ("a 150ml glass", "en"),
        ("the 4th of July", "en"),
        ("see https://example.com/page?id=123&x=45%20", "en"),
    ],
)
def test_digits_glued_to_identifiers_are_not_numbers(text: str, lang: str) -> None:
    assert find_numbers(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("on the twenty-fifth of the month", "en", []),
        ("in the twenty first round", "en", []),
        ("a one second pause", "en", [1]),
        ("it lasted thirty seconds", "en", [30]),
        ("twenty-two seconds later", "en", [22]),
        ("two fifth graders", "en", [2]),
        ("from 7 hundred to 9 hundred", "en", [700, 900]),
        ("between 40 and 60", "en", [40, 60]),
        ("entre 40 et 60", "fr", [40, 60]),
        ("au vingt et unième siècle", "fr", []),
        ("le trente-deuxième jour", "fr", []),
        ("trois cinquième des votants", "fr", [0.6]),
    ],
)
def test_ordinals_and_neighbours_stay_apart(text: str, lang: str, expected: list[float]) -> None:
    assert [m.value for m in find_numbers(text, lang)] == pytest.approx(expected)


def test_lone_articles_are_not_numbers() -> None:
    assert find_numbers("un homme et une femme", "fr") == []
    assert find_numbers("the one you like", "en") == []


def test_dotted_sequences_are_separate_integers() -> None:
    assert [m.value for m in find_numbers("10.0.3.7", "en")] == [10, 0, 3, 7]


def test_spans_point_into_the_text() -> None:
    text = "Il y a vingt-deux ans, 1 500 personnes et 3,5 millions d'euros."
    for m in find_numbers(text, "fr"):
        assert 0 <= m.start < m.end <= len(text)
    assert [text[m.start:m.end] for m in find_numbers(text, "fr")] == ["vingt-deux", "1 500", "3,5 millions"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-/%$€kKmMbe^ onethundrdasvigçéàqu\u00a0\u202f")),
               max_size=80),
       st.sampled_from(["en", "fr", "de"]))
def test_never_raises_and_spans_are_valid(text: str, lang: str) -> None:
    for m in find_numbers(text, lang):
        assert 0 <= m.start <= m.end <= len(text)


@pytest.mark.parametrize("hostile", ["1" * 100_000, " " * 100_000, "1," * 50_000, "1 " * 50_000,
                                     "one " * 25_000, "-" * 100_000, "-1 " * 30_000, "%20" * 30_000,
                                     "twenty " * 20_000 + "fifths", "3 hundred and " * 10_000, ".5" * 50_000])
def test_hostile_input_gives_valid_spans(hostile: str) -> None:
    # How the cost grows is measured in benchmarks/hostile_scaling.py, not timed here.
    for lang in ("en", "fr"):
        for number in find_numbers(hostile, lang):
            assert 0 <= number.start < number.end <= len(hostile)


@pytest.mark.parametrize("text", ["0e310", "1e310", "2x10^400", "7^-0"])
def test_exponents_out_of_range_are_not_numbers(text: str) -> None:
    # Found by hypothesis: "0e310" raised OverflowError.
    for lang in ("en", "fr"):
        for number in find_numbers(text, lang):
            assert number.value == number.value and abs(number.value) < float("inf")


def test_a_numeral_after_an_ordinal_prefix_is_no_count() -> None:
    assert [m.value for m in find_numbers("第二款车型和第3代电池", "zh")] == []
    assert [m.value for m in find_numbers("两款车型和3代电池", "zh")] == [2, 3]


def test_that_year_is_no_count_of_years() -> None:
    assert [m.value for m in find_numbers("那一年有40人", "zh")] == [40]
