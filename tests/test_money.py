"""Money: amounts with currencies before or after, scales, quantifiers, folded conversions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.recognize import money
from checker.records import MoneyValue


def _all(text: str, lang: str) -> list[tuple[str, float | None, float | None, str | None]]:
    out = []
    for m in money.find(text, lang, None):
        assert isinstance(m.value, MoneyValue)
        assert text[m.start:m.end] == m.text
        out.append((m.text, m.value.low, m.value.high, m.value.currency))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("raised 2.5 billion yuan", "en", [("2.5 billion yuan", 2.5e9, 2.5e9, "CNY")]),
        ("paid $ 12 million", "en", [("$ 12 million", 1.2e7, 1.2e7, "USD")]),
        ("worth US$3.1bn", "en", [("US$3.1bn", 3.1e9, 3.1e9, "USD")]),
        ("a €40 fee", "en", [("€40", 40, 40, "EUR")]),
        ("45 millions de $", "fr", [("45 millions de $", 4.5e7, 4.5e7, "USD")]),
        ("3,2 milliards d'euros", "fr", [("3,2 milliards d'euros", 3.2e9, 3.2e9, "EUR")]),
        ("12 000 yuans", "fr", [("12 000 yuans", 12000, 12000, "CNY")]),
        ("£ 4.20", "en", [("£ 4.20", 4.2, 4.2, "GBP")]),
        ("8 dollars 25 cents", "en", [("8 dollars 25 cents", 8.25, 8.25, "USD")]),
        ("sold for 90 pence", "en", [("90 pence", 0.9, 0.9, "GBP")]),
        ("EUR 300", "en", [("EUR 300", 300, 300, "EUR")]),
        ("40 MUSD", "en", [("40 MUSD", 4e7, 4e7, "USD")]),
    ],
)
def test_amounts(text: str, lang: str, want: list[tuple[str, float, float, str]]) -> None:
    got = _all(text, lang)
    assert [g[0] for g in got] == [w[0] for w in want]
    for g, w in zip(got, want, strict=True):
        assert g[1] == pytest.approx(w[1]) and g[2] == pytest.approx(w[2]) and g[3] == w[3]


def test_quantifier_before_the_amount() -> None:
    (m,) = money.find("priced above 450,000 yuan", "en", None)
    assert isinstance(m.value, MoneyValue)
    assert m.text == "above 450,000 yuan"
    assert (m.value.low, m.value.high, m.value.low_inclusive) == (450000, None, False)


def test_et_plus_after_the_amount() -> None:
    (m,) = money.find("des 450 000 yuans et plus", "fr", None)
    assert isinstance(m.value, MoneyValue)
    assert (m.value.low, m.value.high, m.value.currency) == (450000, None, "CNY")
    assert m.text.endswith("et plus")


def test_a_conversion_in_brackets_is_an_amount_of_its_own() -> None:
    found = money.find("a 9,000 yuan (US$1,250) ticket", "en", None)
    assert [(m.text, getattr(m.value, "currency", None)) for m in found] == [("9,000 yuan", "CNY"), ("US$1,250", "USD")]


def test_a_range_takes_the_currency_of_its_second_end() -> None:
    (m,) = money.find("priced at 184,500-236,000 yuan", "en", None)
    assert isinstance(m.value, MoneyValue)
    assert (m.value.low, m.value.high, m.value.currency) == (184500, 236000, "CNY")


def test_yen_sign_follows_the_context() -> None:
    (m,) = money.find("it costs ¥500", "en", None)
    assert isinstance(m.value, MoneyValue) and m.value.currency == "JPY"
    found = money.find("the yuan fell; it costs ¥500", "en", None)
    assert isinstance(found[0].value, MoneyValue) and found[0].value.currency == "CNY"


def test_bare_numbers_are_not_money() -> None:
    assert _all("won 3 games and 12 points", "en") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.$€£¥()usdyanbilomer")), max_size=60),
       st.sampled_from(["en", "fr"]))
def test_never_raises(text: str, lang: str) -> None:
    _all(text, lang)


@pytest.mark.parametrize("text", ["the A320 and the RTX4090", "flight XCNY245 left", "model EUR1X"])
def test_a_number_glued_to_letters_that_are_no_currency_code_is_no_amount(text: str) -> None:
    assert _all(text, "en") == []


def test_an_amount_glued_to_its_code_keeps_its_scale() -> None:
    assert _all("a deal worth USD1.2 billion", "en") == [("USD1.2 billion", 1.2e9, 1.2e9, "USD")]
