"""Values in words, as a reader writes them: every typed value, units by name, never interval notation."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.records import Interval, MoneyValue, PercentValue, QuantityValue, TimeValue
from checker.report.words import (
    currency_name,
    date_span_words,
    distance_words,
    fact_label,
    money_words,
    number,
    number_pair,
    percent_words,
    period_words,
    quantity_words,
    scope_words,
    time_words,
    unit_name,
    value_words,
)


def quantity(low: float | None, high: float | None, unit: str | None = "person", quantifier: str | None = None,
             typical: tuple[float | None, float | None] | None = None, low_inclusive: bool = True,
             high_inclusive: bool = True, typical_inclusive: tuple[bool, bool] = (True, True)) -> QuantityValue:
    literal = Interval(low=low, high=high, low_inclusive=low_inclusive, high_inclusive=high_inclusive)
    if typical is None:
        shown = literal
    else:
        shown = Interval(low=typical[0], high=typical[1], low_inclusive=typical_inclusive[0],
                         high_inclusive=typical_inclusive[1])
    return QuantityValue(literal=literal, typical=shown, unit=unit, quantifier=quantifier)


def span(first: str, last: str, granularity: str, *modifiers: str) -> TimeValue:
    return TimeValue(earliest=dt.date.fromisoformat(first) if first else None,
                     latest=dt.date.fromisoformat(last) if last else None,
                     granularity=granularity, modifiers=modifiers)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "words"), [
    (88898, "88,898"), (1935.3, "1,935.3"), (846e6, "846 million"), (10.6e9, "10.6 billion"),
    (1_234_567, "1,234,567"), (0.5, "0.5"), (300_000, "300,000"), (2e12, "2 trillion"),
])
def test_numbers_as_news_write_them(value: float, words: str) -> None:
    assert number(value) == words


def test_a_shared_scale_word_is_written_once() -> None:
    assert number_pair(62e9, 69e9) == ("62", "69 billion")
    assert number_pair(500e6, 2e9) == ("500 million", "2 billion")


@pytest.mark.parametrize(("value", "words"), [
    # The issue's own example: a vague "over a hundred" with its usual reading.
    (quantity(100, None, quantifier="more-than", low_inclusive=False, typical=(100, 200),
              typical_inclusive=(False, False)), "more than 100 people (typically 101 to 199)"),
    (quantity(200, 999, quantifier="several-hundred"), "several hundred people (200 to 999)"),
    (quantity(95, None, quantifier="at-least", typical=(95, 190)), "at least 95 people (typically 95 to 190)"),
    # "no more than 2,700": the usual reading 0 to 2,700 tells a reader nothing more.
    (quantity(None, 2700, quantifier="up-to", typical=(0, 2700)), "up to 2,700 people"),
    (quantity(90, 100, quantifier="nearly", high_inclusive=False), "nearly 100 people (90 to 99)"),
    (quantity(45, 55, quantifier="about"), "about 50 people (45 to 55)"),
    (quantity(None, 1000, quantifier="less-than", high_inclusive=False), "fewer than 1,000 people"),
    (quantity(30, 30, quantifier="equal"), "exactly 30 people"),
    (quantity(1, 1), "1 person"),
    (quantity(668, 668, unit="kilometre"), "668 kilometres"),
    (quantity(1, 1, unit="kilometre"), "1 kilometre"),
    (quantity(299, 299, unit="horsepower"), "299 horsepower"),
    (quantity(823, 823, unit="newton-metre"), "823 newton-metres"),
    (quantity(19.3, 19.3, unit="inch"), "19.3 inches"),
    (quantity(80, 80, unit="kilometre-per-hour"), "80 kilometres per hour"),
    (quantity(500, 500, unit="litre-per-square-metre"), "500 litres per square metre"),
    (quantity(6, 6, unit="foot"), "6 feet"),
    # A noun the catalogue does not know is the article's own word, in its own language.
    (quantity(340_000, 340_000, unit="donor"), "340,000 donors"),
    (quantity(2000, 2000, unit="craftsmen"), "2,000 craftsmen"),
    (quantity(92, 92, unit="mort"), "92 morts"),
    (quantity(5, 5, unit="团队"), "5 团队"),
    (quantity(7300, 7300, unit=None), "7,300"),
    (quantity(6, 29, quantifier="range"), "between 6 and 29 people"),
])
def test_quantities(value: QuantityValue, words: str) -> None:
    assert quantity_words(value) == words
    assert value_words(value) == words


@pytest.mark.parametrize(("value", "words"), [
    (MoneyValue(low=62e9, high=69e9, currency="USD"), "between 62 and 69 billion US dollars"),
    (MoneyValue(low=846e6, high=846e6, currency="EUR"), "846 million euros"),
    (MoneyValue(low=1, high=1, currency="EUR"), "1 euro"),
    (MoneyValue(low=300_000, high=None, low_inclusive=False, currency="CNY", quantifier="more-than"),
     "more than 300,000 yuan"),
    (MoneyValue(low=300_000, high=None, currency="CNY", quantifier="at-least"), "at least 300,000 yuan"),
    (MoneyValue(low=51.3e6, high=62.7e6, currency="USD", quantifier="about"),
     "about 57 million US dollars (51.3 to 62.7 million)"),
    (MoneyValue(low=215_900, high=299_900, currency="CNY", quantifier="range"),
     "between 215,900 and 299,900 yuan"),
    (MoneyValue(low=12e6, high=12e6, currency="SEK"), "12 million Swedish kronor"),
    (MoneyValue(low=5, high=5, currency="XYZ"), "5 XYZ"),
    (MoneyValue(low=5, high=5, currency=None), "5 (currency not stated)"),
])
def test_money(value: MoneyValue, words: str) -> None:
    assert money_words(value) == words


@pytest.mark.parametrize(("value", "words"), [
    (PercentValue(low=30, high=30), "30%"),
    (PercentValue(low=5, high=6), "5% to 6%"),
    (PercentValue(low=60, high=None, low_inclusive=False, quantifier="more-than"), "more than 60%"),
    (PercentValue(low=27, high=33, quantifier="about"), "about 30% (27% to 33%)"),
])
def test_percentages(value: PercentValue, words: str) -> None:
    assert percent_words(value) == words


@pytest.mark.parametrize(("value", "words"), [
    (span("2026-06-01", "2026-06-30", "month"), "June 2026"),
    (span("2025-09-25", "2025-09-25", "day"), "25 September 2025"),
    (span("2026-01-01", "2026-12-31", "year"), "2026"),
    (span("2026-10-01", "2026-12-31", "quarter"), "the fourth quarter of 2026"),
    (span("2026-01-01", "2026-06-30", "half"), "the first half of 2026"),
    (span("2020-01-01", "2029-12-31", "decade"), "the 2020s"),
    (span("2024-12-24", "2024-12-26", "holiday"), "24 to 26 December 2024"),
    (span("2025-01-16", "2025-02-15", "range"), "16 January to 15 February 2025"),
    (span("", "2030-12-31", "year", "by"), "by 2030"),
    (span("", "2030-06-30", "month", "before"), "before June 2030"),
    (span("2025-01-14", "2025-01-16", "day", "since"), "since 14 January 2025"),
    (span("2025-07-01", "2025-12-31", "year", "end"), "late 2025"),
    (span("2027-01-01", "2027-04-30", "year", "start"), "early 2027"),
    (span("2027-05-01", "2027-08-31", "year", "mid"), "mid-2027"),
    (span("2024-06-03", "", "day"), "from 3 June 2024"),
    (span("", "", "month"), "a date that could not be worked out"),
])
def test_dates_at_their_granularity(value: TimeValue, words: str) -> None:
    assert time_words(value) == words


def test_spans_of_dates() -> None:
    assert date_span_words(dt.date(2026, 3, 1), dt.date(2026, 5, 31)) == "March to May 2026"
    assert date_span_words(dt.date(2024, 11, 1), dt.date(2025, 2, 28)) == "November 2024 to February 2025"
    assert date_span_words(dt.date(2024, 1, 1), dt.date(2026, 12, 31)) == "2024 to 2026"
    assert date_span_words(dt.date(2024, 12, 30), dt.date(2025, 1, 2)) == "30 December 2024 to 2 January 2025"


def test_distances() -> None:
    assert [distance_words(d) for d in (0.5, 1, 21, 300, 800)] == [
        "less than a day", "1 day", "21 days", "about 10 months", "about 2 years"]


def test_units_and_currencies_by_name() -> None:
    assert unit_name("person") == "people" and unit_name("person", 1) == "person"
    assert unit_name("degree-celsius") == "degrees Celsius"
    assert unit_name("square-kilometre") == "square kilometres"
    assert unit_name("company") == "companies"
    assert unit_name(None) == ""
    assert currency_name("GBP") == "pounds sterling" and currency_name("JPY", 1) == "yen"


def test_facts_and_scopes_in_words() -> None:
    assert fact_label("team-size") == "team size"
    assert fact_label("role:rotating_chair") == "rotating chair"
    assert fact_label("open:team") == "number of “team”"
    assert fact_label("production-start / release") == "production start / release"
    assert scope_words({"place": "saint orcel", "basis": "per-year", "source": "a trade group",
                        "variant": "first-model", "group": "on-site", "statistic": "peak"}) == [
        "in Saint Orcel", "per year", "according to a trade group", "variant: first model", "group: on-site", "peak"]
    assert scope_words({"place": "~moon"}) == ["on the Moon"]
    assert scope_words({"place": "ostend (part)"}) == ["in Ostend (only part of it)"]
    assert period_words("28800s-28800s") == "over 8 hours"
    assert period_words("86400s-86400s") == "over 24 hours"
    assert period_words("2026-10-01/2026-12-31") == "in the fourth quarter of 2026"
    assert period_words("q3") == "in the third quarter"


def test_no_interval_notation_in_any_words() -> None:
    values = [quantity(100, None, quantifier="more-than", low_inclusive=False, typical=(100, 200)),
              quantity(200, 999), MoneyValue(low=1e6, high=None, currency="EUR"),
              PercentValue(low=None, high=5, high_inclusive=False), span("2024-01-01", "2024-03-31", "quarter")]
    for value in values:
        text = value_words(value)
        assert not any(mark in text for mark in ("[", "]", "≥", "≤", ">", "<", "∞", "..")), text
