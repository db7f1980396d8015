"""The time recognizer: interval semantics, resolution against a reference date, robustness, speed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.recognize import time as timerec
from checker.records import TimeValue

REF = dt.date(2019, 5, 14)  # a Tuesday


def only(text: str, lang: str = "en", ref: dt.date | None = REF) -> tuple[str, TimeValue]:
    mentions = timerec.find(text, lang, ref)
    assert len(mentions) == 1, [(m.text, m.value) for m in mentions]
    value = mentions[0].value
    assert isinstance(value, TimeValue)
    return mentions[0].text, value


def span(value: TimeValue) -> tuple[str | None, str | None]:
    return (
        value.earliest.isoformat() if value.earliest else None,
        value.latest.isoformat() if value.latest else None,
    )


@pytest.mark.parametrize(
    ("text", "lang", "want", "granularity"),
    [
        ("It opened on April 2, 2013.", "en", ("2013-04-02", "2013-04-02"), "day"),
        ("Il a ouvert le 2 avril 2013.", "fr", ("2013-04-02", "2013-04-02"), "day"),
        ("Il a ouvert le 1er avril 2013.", "fr", ("2013-04-01", "2013-04-01"), "day"),
        ("Filed on 2013-04-02.", "en", ("2013-04-02", "2013-04-02"), "day"),
        ("Daté du 05/04/2013.", "fr", ("2013-04-05", "2013-04-05"), "day"),
        ("Dated 05/04/2013.", "en", ("2013-05-04", "2013-05-04"), "day"),
        ("It started in February 2011.", "en", ("2011-02-01", "2011-02-28"), "month"),
        ("Elle a commencé en février 2011.", "fr", ("2011-02-01", "2011-02-28"), "month"),
        ("Sales rose in 2012.", "en", ("2012-01-01", "2012-12-31"), "year"),
        ("Les ventes ont baissé en 2012.", "fr", ("2012-01-01", "2012-12-31"), "year"),
        ("Results for Q2 2017 were weak.", "en", ("2017-04-01", "2017-06-30"), "quarter"),
        ("le deuxième trimestre 2017", "fr", ("2017-04-01", "2017-06-30"), "quarter"),
        ("the second half of 2017", "en", ("2017-07-01", "2017-12-31"), "half"),
        ("in the 1990s", "en", ("1990-01-01", "1999-12-31"), "decade"),
        ("dans les années 1990", "fr", ("1990-01-01", "1999-12-31"), "decade"),
        ("winter 2017", "en", ("2017-12-01", "2018-02-28"), "season"),
    ],
)
def test_absolute_times_are_intervals_at_their_stated_precision(
    text: str, lang: str, want: tuple[str, str], granularity: str
) -> None:
    _, value = only(text, lang)
    assert span(value) == want
    assert value.granularity == granularity
    assert value.resolution == "absolute"


def test_a_bare_number_is_not_a_year_without_a_date_context() -> None:
    assert timerec.find("The plant made 2017 units and hired 1999 workers.", "en", REF) == []
    assert timerec.find("Elle compte 2017 salariés.", "fr", REF) == []


def test_year_less_date_follows_the_tense_of_its_clause() -> None:
    _, past = only("The deal was signed on March 3.", ref=dt.date(2019, 2, 10))
    assert span(past) == ("2018-03-03", "2018-03-03")
    assert past.resolution == "year-inferred" and past.anchor == dt.date(2019, 2, 10)
    _, future = only("The shop will open on March 3.", ref=dt.date(2019, 5, 10))
    assert span(future) == ("2020-03-03", "2020-03-03")
    _, fr_future = only(
        "Le magasin va ouvrir le 3 mars, selon le plan qui a été publié.", "fr", dt.date(2019, 5, 10)
    )
    assert span(fr_future) == ("2020-03-03", "2020-03-03")
    # A marker of another clause does not decide: "will" belongs to what the firm said, not to Saturday.
    _, said = only("The firm said in a statement on Saturday that it will open a plant.", ref=dt.date(2021, 3, 17))
    assert span(said) == ("2021-03-13", "2021-03-13")


def test_year_less_date_without_reference_is_an_unresolved_mention() -> None:
    text, value = only("On March 3 the board met.", ref=None)
    assert text == "March 3"
    assert value.earliest is None and value.latest is None and value.resolution == "unresolved"


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("It will ship in August next year.", "en", ("2020-08-01", "2020-08-31")),
        ("Il sortira en août de l'année prochaine.", "fr", ("2020-08-01", "2020-08-31")),
        ("next year", "en", ("2020-01-01", "2020-12-31")),
        ("l'an dernier", "fr", ("2018-01-01", "2018-12-31")),
        ("last month", "en", ("2019-04-01", "2019-04-30")),
        ("le mois prochain", "fr", ("2019-06-01", "2019-06-30")),
        ("la semaine dernière", "fr", ("2019-05-06", "2019-05-12")),
        ("two weeks ago", "en", ("2019-04-30", "2019-04-30")),
        ("il y a trois jours", "fr", ("2019-05-11", "2019-05-11")),
        ("dans deux semaines", "fr", ("2019-05-28", "2019-05-28")),
        ("yesterday", "en", ("2019-05-13", "2019-05-13")),
        ("next Friday", "en", ("2019-05-24", "2019-05-24")),
        ("the past two years", "en", ("2017-05-14", "2019-05-13")),
    ],
)
def test_relative_times_resolve_against_the_reference_date(
    text: str, lang: str, want: tuple[str, str]
) -> None:
    _, value = only(text, lang)
    assert span(value) == want
    assert value.resolution == "relative" and value.anchor == REF


def test_month_with_relative_year_is_one_mention_over_the_whole_phrase() -> None:
    text, _ = only("It will ship in August next year.")
    assert text == "August next year"


@pytest.mark.parametrize(
    ("text", "lang", "want", "modifier"),
    [
        ("by 2030", "en", (None, "2030-12-31"), "by"),
        ("d'ici 2030", "fr", (None, "2030-12-31"), "by"),
        ("before 2030", "en", (None, "2029-12-31"), "before"),
        ("since 2011", "en", ("2011-01-01", "2011-12-31"), "since"),
        ("depuis 2011", "fr", ("2011-01-01", "2011-12-31"), "since"),
        ("late 2017", "en", ("2017-09-01", "2017-12-31"), "end"),
        ("fin 2017", "fr", ("2017-09-01", "2017-12-31"), "end"),
        ("early 2017", "en", ("2017-01-01", "2017-04-30"), "start"),
        ("mi-2017", "fr", ("2017-05-01", "2017-08-31"), "mid"),
        ("fin août 2017", "fr", ("2017-08-16", "2017-08-31"), "end"),
    ],
)
def test_modifiers_bound_or_cut_the_period(
    text: str, lang: str, want: tuple[str | None, str], modifier: str
) -> None:
    phrase, value = only(text, lang)
    assert phrase == text
    assert span(value) == want
    assert modifier in value.modifiers


def test_ranges_of_months_and_years_keep_their_last_period() -> None:
    _, months = only("de février à avril 2013", "fr")
    assert span(months) == ("2013-02-01", "2013-04-30") and months.granularity == "range"
    _, years = only("between 2011 and 2013")
    assert span(years) == ("2011-01-01", "2013-12-31")


def test_holidays_use_their_window() -> None:
    _, value = only("sales around Chinese New Year 2019")
    assert span(value) == ("2019-01-29", "2019-02-19") and value.granularity == "holiday"
    _, noel = only("Noël 2018", "fr")
    assert span(noel) == ("2018-12-24", "2018-12-26")


def test_ambiguous_words_are_not_dates() -> None:
    assert timerec.find("You may go, and March on.", "en", REF) == []
    assert timerec.find("Il a été élu avec sept voix.", "fr", REF) == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 /-.,:'’abcdefghijklmnopqrstuvwxyzéûJMQH\n")), max_size=80
    ),
    st.sampled_from(["en", "fr", "de"]),
    st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))),
)
def test_never_raises_and_spans_are_exact(text: str, lang: str, ref: dt.date | None) -> None:
    for mention in timerec.find(text, lang, ref):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "hostile",
    [
        "9" * 100_000,
        " " * 100_000,
        "1/" * 50_000,
        "the " * 25_000,
        "in " * 30_000 + "2019",
        "12-" * 30_000,
        "next " * 20_000,
    ],
)
def test_hostile_input_gives_valid_spans(hostile: str) -> None:
    # How the cost grows is measured in benchmarks/hostile_scaling.py, not timed here.
    for lang in ("en", "fr"):
        for mention in timerec.find(hostile, lang, REF):
            assert hostile[mention.start:mention.end] == mention.text



def test_a_time_word_is_a_whole_word() -> None:
    # "Cette annonce" starts like "cette an(née)": a word that merely begins with a unit is no time.
    assert timerec.find("Cette annonce intervient alors que le groupe recrute.", "fr", dt.date(2025, 3, 1)) == []
    found = timerec.find("Cette année, le groupe recrute.", "fr", dt.date(2025, 3, 1))
    assert [m.text for m in found] == ["Cette année"]


def test_a_numeral_after_a_name_is_the_name_s_number_not_a_day() -> None:
    assert timerec.find("天宫二号空间站完成测试。", "zh", REF) == []
    _, day = only("会议定于本月六号举行。", "zh")
    assert span(day) == ("2019-05-06", "2019-05-06")


@given(st.integers(1900, 2100), st.integers(1, 12), st.sampled_from([1, 2, 3, 4, 5, -1]))
def test_a_week_of_a_month_runs_monday_to_sunday_and_holds_four_of_the_month_s_days(
        year: int, month: int, nth: int) -> None:
    from checker.recognize import time_calendar as cal

    period = cal.month_period(year, month)
    assert period is not None
    week = cal.nth_week(period, nth)
    if week is None:
        assert nth == 5  # a month has four or five such weeks, never fewer
        return
    monday, sunday = week
    assert monday.weekday() == 0 and sunday - monday == dt.timedelta(days=6)
    inside = sum(period[0] <= monday + dt.timedelta(days=i) <= period[1] for i in range(7))
    assert inside >= 4
    # Weeks follow one another: the second starts a week after the first.
    if nth == 2:
        first = cal.nth_week(period, 1)
        assert first is not None and monday - first[0] == dt.timedelta(days=7)
