"""Comparators and grouping: properties every verdict must have."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from checker.compare.comparators import compare
from checker.intervals import Bounds, relation, widened
from checker.records import Interval, MoneyValue, PercentValue, QuantityValue, TimeValue

finite = st.floats(min_value=0, max_value=1e7, allow_nan=False, allow_infinity=False)


@st.composite
def quantities(draw: st.DrawFn) -> QuantityValue:
    low = draw(finite)
    width = draw(st.floats(min_value=0, max_value=1e6, allow_nan=False))
    open_high = draw(st.booleans())
    literal = Interval(low=low, high=None if open_high else low + width,
                       low_inclusive=draw(st.booleans()), high_inclusive=True)
    typical = Interval(low=low, high=low + width, low_inclusive=literal.low_inclusive, high_inclusive=True)
    return QuantityValue(literal=literal, typical=typical, unit="person")


@st.composite
def times(draw: st.DrawFn) -> TimeValue:
    start = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1)))
    length = draw(st.integers(min_value=0, max_value=400))
    return TimeValue(earliest=start, latest=start + dt.timedelta(days=length),
                     granularity="day" if length == 0 else "range")


@given(quantities(), quantities())
def test_quantity_verdicts_are_symmetric(a: QuantityValue, b: QuantityValue) -> None:
    ab, ba = compare(a, b, "a", "b"), compare(b, a, "b", "a")
    assert (ab is None) == (ba is None)
    if ab and ba:
        assert (ab.verdict, ab.severity) == (ba.verdict, ba.severity)


@given(times(), times())
def test_time_verdicts_are_symmetric(a: TimeValue, b: TimeValue) -> None:
    ab, ba = compare(a, b), compare(b, a)
    assert ab is not None and ba is not None
    assert (ab.verdict, ab.severity) == (ba.verdict, ba.severity)


@given(st.one_of(quantities(), times()))
def test_a_value_agrees_with_itself(value: QuantityValue | TimeValue) -> None:
    outcome = compare(value, value, "x", "x")
    assert outcome is not None and outcome.verdict == "agreement"


@given(finite, finite)
def test_disjoint_intervals_conflict(x: float, y: float) -> None:
    if x == y:
        return
    a = QuantityValue(literal=Interval(low=x, high=x), typical=Interval(low=x, high=x), unit="unit")
    b = QuantityValue(literal=Interval(low=y, high=y), typical=Interval(low=y, high=y), unit="unit")
    outcome = compare(a, b, "a", "b")
    assert outcome is not None
    # Each figure stands for what rounds to it ("1" for 0.975 to 1.025): beyond that, they conflict.
    apart = relation(widened(Bounds(x, x)), widened(Bounds(y, y))) == "disjoint"
    if apart and max(x, y) < 1e6:
        assert outcome.verdict == "conflict" and outcome.severity == "hard"
    if not apart:
        assert outcome.verdict != "conflict"


def test_month_within_year_is_compatible() -> None:
    june = TimeValue(earliest=dt.date(2027, 6, 1), latest=dt.date(2027, 6, 30), granularity="month")
    year = TimeValue(earliest=dt.date(2027, 1, 1), latest=dt.date(2027, 12, 31), granularity="year")
    outcome = compare(june, year)
    assert outcome is not None and outcome.verdict == "compatible"
    assert "2027-06" in outcome.reason and "2027" in outcome.reason


def test_month_and_day_ten_months_apart_is_a_hard_conflict() -> None:
    month = TimeValue(earliest=dt.date(2023, 11, 1), latest=dt.date(2023, 11, 30), granularity="month")
    day = TimeValue(earliest=dt.date(2024, 9, 25), latest=dt.date(2024, 9, 25), granularity="day")
    outcome = compare(month, day)
    assert outcome is not None and (outcome.verdict, outcome.severity) == ("conflict", "hard")
    assert "10 months apart" in outcome.reason


def test_only_typical_readings_disjoint_is_a_soft_conflict() -> None:
    over_a_hundred = QuantityValue(literal=Interval(low=100, high=None, low_inclusive=False),
                                   typical=Interval(low=100, high=200, low_inclusive=False, high_inclusive=False),
                                   unit="person")
    several_hundred = QuantityValue(literal=Interval(low=200, high=999), typical=Interval(low=200, high=999),
                                    unit="person")
    outcome = compare(over_a_hundred, several_hundred, "over a hundred", "several hundred")
    assert outcome is not None and (outcome.verdict, outcome.severity) == ("conflict", "soft")
    assert "over a hundred" in outcome.reason and "several hundred" in outcome.reason


def test_different_units_are_not_compared() -> None:
    a = QuantityValue(literal=Interval(low=90, high=100), typical=Interval(low=90, high=100), unit="designer")
    b = QuantityValue(literal=Interval(low=100, high=None), typical=Interval(low=100, high=200), unit="person")
    assert compare(a, b, "a", "b") is None


def test_round_figure_carries_its_precision() -> None:
    a = MoneyValue(low=69e9, high=69e9, currency="USD")
    b = MoneyValue(low=68.7e9, high=68.7e9, currency="USD")
    outcome = compare(a, b, "$69 billion", "$68.7 billion")
    assert outcome is not None and outcome.verdict in ("agreement", "compatible")


def test_currencies_are_not_compared_without_a_rate() -> None:
    a = MoneyValue(low=100.0, high=100.0, currency="USD")
    b = MoneyValue(low=100.0, high=100.0, currency="EUR")
    assert compare(a, b) is None


def test_open_and_closed_floor_at_the_same_amount_agree() -> None:
    above = MoneyValue(low=5000.0, high=None, low_inclusive=False, currency="EUR")
    and_more = MoneyValue(low=5000.0, high=None, low_inclusive=True, currency="EUR")
    outcome = compare(above, and_more, "above 5,000 euros", "5 000 euros et plus")
    assert outcome is not None and outcome.verdict == "agreement"


def test_percent_points_conflict_when_different() -> None:
    a = PercentValue(low=40.0, high=40.0)
    b = PercentValue(low=60.0, high=60.0)
    outcome = compare(a, b, "40%", "60%")
    assert outcome is not None and outcome.verdict == "conflict"


# -- through the recognizers and the grouping ------------------------------------------------------

from checker.compare.groups import compare_claims  # noqa: E402
from checker.frame.build import extract_claims  # noqa: E402
from checker.recognize import recognize  # noqa: E402
from tests.conftest import make_document  # noqa: E402


@given(st.sampled_from(["250,000", "250 000", "250k", "two hundred fifty thousand", "250.000"]),
       st.sampled_from(["250,000", "250 000", "250k", "two hundred fifty thousand"]))
def test_formatting_variants_of_one_value_agree(a: str, b: str) -> None:
    sentence_a, lang = (f"Il a vendu {a} voitures.", "fr") if a == "250.000" else (f"It sold {a} cars.", "en")
    va = [m for m in recognize(sentence_a, lang) if m.type == "quantity"][0].value
    vb = [m for m in recognize(f"It sold {b} cars.", "en") if m.type == "quantity"][0].value
    outcome = compare(va, vb, a, b)
    assert outcome is not None and outcome.verdict == "agreement"


def _findings(texts: dict[str, str]) -> dict[str, object]:
    claims = [c for path, text in texts.items() for c in extract_claims(make_document(text, path=path))]
    return {f.fingerprint: (f.verdict, f.values, f.claims) for f in compare_claims(claims)}


ARTICLES = {
    "a.txt": "The Orvel tunnel was opened on March 3, 2021. A team of about forty engineers worked on it.",
    "b.txt": "Officials said the Orvel tunnel was opened on June 9, 2022.",
}
UNRELATED = ("The Halden choir was founded in 1987. It has more than 60 singers and was priced at "
             "45 euros a ticket.")


def test_the_seeded_contradiction_is_found() -> None:
    verdicts = [v for v, _, _ in _findings(ARTICLES).values()]  # type: ignore[misc]
    assert "conflict" in verdicts


@given(st.sampled_from([UNRELATED, UNRELATED.replace("1987", "1990"), "Nothing to see here."]))
def test_adding_an_unrelated_document_changes_no_existing_finding(extra: str) -> None:
    before = _findings(ARTICLES)
    after = _findings({**ARTICLES, "c.txt": extra})
    assert all(after.get(fp) == finding for fp, finding in before.items())


def test_verdicts_do_not_depend_on_document_order() -> None:
    forward = _findings(ARTICLES)
    backward = _findings(dict(reversed(list(ARTICLES.items()))))
    assert forward == backward


def test_since_a_year_is_when_it_began() -> None:
    since = TimeValue(earliest=dt.date(2018, 1, 1), latest=dt.date(2024, 1, 10), granularity="year",
                      modifiers=("since",))
    became = TimeValue(earliest=dt.date(2019, 1, 1), latest=dt.date(2019, 12, 31), granularity="year")
    outcome = compare(since, became)
    assert outcome is not None and outcome.verdict == "conflict"
    same = TimeValue(earliest=dt.date(2018, 1, 1), latest=dt.date(2018, 12, 31), granularity="year")
    assert (compare(since, same) or outcome).verdict == "agreement"


def test_an_unnamed_company_is_the_article_s_own_not_its_rival() -> None:
    # "The company, founded in ..." is the article's company, although the article names a rival's founding.
    texts = {
        "a.txt": ("Orvane Robotics plans a new plant. The company, founded in 2013, is based in Tervola. "
                  "Its larger rival Kessdal Robotics, founded in 2007, still dominates the market. "
                  "Orvane Robotics will hire."),
        "b.txt": "Orvane Robotics was founded in 2013 in Tervola.",
    }
    verdicts = sorted(v for v, _, _ in _findings(texts).values())  # type: ignore[misc]
    assert verdicts == ["agreement"]


def test_a_company_developed_in_a_two_word_town_is_not_the_town() -> None:
    texts = {
        "a.txt": "Orvane Robotics's first robot, developed in Port Wexley, is due to be launched in March 2027.",
        "b.txt": "Kessdal Marine's first vessel, developed in Port Wexley, is due to be launched in July 2028.",
    }
    assert not [v for v, _, _ in _findings(texts).values() if v == "conflict"]  # type: ignore[misc]


def test_a_claim_that_does_not_say_first_model_or_yearly_meets_one_that_does() -> None:
    texts = {
        "a.txt": "Orvane Robotics said prices would start at 55,000 yuan. Orvane Robotics holds 15% of Kessdal Marine.",
        "b.txt": ("The first robot of Orvane Robotics will be priced at 55,000 yuan. "
                  "Orvane Robotics owns 15% of Kessdal Marine, according to filings."),
    }
    found = _findings(texts)
    assert sorted(v for v, _, _ in found.values()) == ["agreement", "agreement"]  # type: ignore[misc]


def test_a_second_model_never_meets_an_unqualified_launch() -> None:
    texts = {
        "a.txt": "Orvane Robotics will launch a robot in March 2027.",
        "b.txt": "A second robot from Orvane Robotics is expected to follow in 2029.",
    }
    assert not _findings(texts)


def test_a_date_for_a_list_of_versions_meets_each_version_and_no_other() -> None:
    listed = ("Orvane Motors will start by the end of June to deliver the Plus version, with a larger battery, "
              "and the Ultra version.")
    texts = {
        "a.txt": listed,
        "b.txt": "Orvane Motors will deliver the Ultra version in late June.",
        "c.txt": "Orvane Motors will deliver the Lite version in March.",
        "d.txt": "Orvane Motors will deliver the car in March.",
    }
    claims = [c for path, text in texts.items() for c in extract_claims(make_document(text, path=path))]
    findings = compare_claims(claims)
    # The Ultra's date meets the list's; the Lite and the unnamed car are other products.
    assert [(f.verdict, sorted(e.path for e in f.evidence)) for f in findings] == [("compatible", ["a.txt", "b.txt"])]


def test_nearly_three_weeks_may_be_eighteen_days() -> None:
    texts = {
        "a.txt": "The Orvel team came home, ending its nearly three-week stay.",
        "b.txt": "The stay of the Orvel team lasted 18 days.",
    }
    claims = [c for path, text in texts.items() for c in extract_claims(make_document(text, path=path))]
    assert [f.verdict for f in compare_claims(claims)] == ["compatible"]


def test_a_point_on_a_scale_compares_with_or_without_its_noun() -> None:
    claims = [*extract_claims(make_document("A magnitude 6.4 earthquake struck the Orvel coast on Monday.",
                                            path="a.txt")),
              *extract_claims(make_document("奥维尔沿海发生7.1级地震。", lang="zh", path="b.txt"))]
    found = [(f.verdict, f.values) for f in compare_claims(claims)]
    assert found == [("conflict", ("6.4 earthquake", "7.1 magnitude"))]


def _day(day: dt.date, clock: str | None = None, zone: str | None = None) -> TimeValue:
    return TimeValue(earliest=day, latest=day, granularity="day", clock=clock, zone=zone)


def test_a_time_of_day_compares_at_its_own_precision() -> None:
    day = dt.date(2023, 5, 9)
    same = compare(_day(day, "14:07"), _day(day, "14:07"))
    assert same is not None and same.verdict == "agreement"
    hour = compare(_day(day, "09:00-09:59", "UTC"), _day(day, "09:30", "UTC"))
    assert hour is not None and hour.verdict == "compatible"
    apart = compare(_day(day, "09:30", "UTC"), _day(day, "11:45", "UTC"))
    assert apart is not None and apart.verdict == "conflict" and apart.severity == "soft"


def test_times_in_two_known_zones_are_compared_as_instants() -> None:
    day = dt.date(2023, 6, 13)
    # 16:20 in Beijing (UTC+8) is 10:20 in Paris (UTC+2 in June).
    outcome = compare(_day(day, "16:20", "Asia/Shanghai"), _day(day, "10:20", "Europe/Paris"))
    assert outcome is not None and outcome.verdict == "agreement"
    # Local time of an unnamed place is read as written.
    local = compare(_day(day, "16:20", "local"), _day(day, "16:20", "Asia/Shanghai"))
    assert local is not None and local.verdict == "agreement"
    # Without both zones, two clocks of one day may be one moment read in two places.
    unknown = compare(_day(day, "00:00-08:59"), _day(day, "16:20", "Asia/Shanghai"))
    assert unknown is not None and unknown.verdict == "compatible"


def test_a_one_day_difference_that_time_zones_explain_is_a_note() -> None:
    thursday, friday = dt.date(2023, 3, 9), dt.date(2023, 3, 10)
    explained = compare(_day(thursday, zone="-05:00"), _day(friday, zone="+00:00"))
    assert explained is not None and explained.verdict == "conflict" and explained.severity == "info"
    assert "time zones" in explained.reason
    # The later day in the western zone: no zone explains it.
    unexplained = compare(_day(friday, zone="-05:00"), _day(thursday, zone="+00:00"))
    assert unexplained is not None and unexplained.severity == "soft"
    assert (compare(_day(thursday), _day(friday)) or explained).severity == "soft"


def test_a_time_without_a_year_is_compared_as_what_it_is() -> None:
    may_end = TimeValue(earliest=None, latest=None, granularity="month", modifiers=("end",),
                        resolution="unresolved", timex="XXXX-05")
    late_may = TimeValue(earliest=dt.date(2022, 5, 16), latest=dt.date(2022, 5, 31), granularity="month")
    june = TimeValue(earliest=dt.date(2022, 6, 1), latest=dt.date(2022, 6, 30), granularity="month")
    assert (compare(may_end, late_may) or compare(june, june)).verdict == "compatible"  # type: ignore[union-attr]
    assert (compare(may_end, june) or compare(june, june)).verdict == "conflict"  # type: ignore[union-attr]
    assert (compare(may_end, may_end) or compare(june, june)).verdict == "agreement"  # type: ignore[union-attr]
    thursday = TimeValue(earliest=None, latest=None, granularity="day", resolution="unresolved",
                         timex="XXXX-WXX-4")
    wednesday = _day(dt.date(2022, 6, 1))
    outcome = compare(thursday, wednesday)
    assert outcome is not None and outcome.verdict == "conflict" and "Wednesday" in outcome.reason
    assert (compare(thursday, _day(dt.date(2022, 6, 2))) or outcome).verdict == "compatible"
    # A time that says nothing of what it is stays out of comparison.
    bare = TimeValue(earliest=None, latest=None, granularity="day", resolution="unresolved")
    assert compare(bare, wednesday) is None


def test_dates_a_sentence_gives_one_fact_in_stages_contradict_no_other_article() -> None:
    staged = {"a.txt": "The Orvel line will open to testers in April 2027, in five towns in June 2027 and "
                       "across the country in September 2027.",
              "b.txt": "The Orvel line opened in March 2027."}
    found = list(_findings(staged).values())
    assert not [f for f in found if f[0] == "conflict"]  # type: ignore[index]
    # One of the stages may still agree with another article's date.
    agreeing = _findings({**staged, "b.txt": "The Orvel line will open in June 2027."}).values()
    assert any(verdict == "agreement" for verdict, _, _ in agreeing)  # type: ignore[misc]
    # Without the stages the other article's date does contradict.
    plain = _findings({"a.txt": "The Orvel line will open in June 2027.", "b.txt": staged["b.txt"]}).values()
    assert any(verdict == "conflict" for verdict, _, _ in plain)  # type: ignore[misc]


def test_time_spent_somewhere_is_part_of_a_duration_without_a_place() -> None:
    texts = {"a.txt": "The Varno probe's mission lasted 41 days in all.",
             "b.txt": "The Varno probe spent only a few days on the Moon, collecting rock."}
    claims = [c for path, text in texts.items() for c in extract_claims(make_document(text, path=path))]
    durations = {c.value.text: c.scope.place for c in claims if c.attribute == "duration"}
    assert durations.get("a few") and "41" in durations
    assert not [f for f in compare_claims(claims) if f.verdict == "conflict"]


def test_a_today_that_no_date_grounds_is_no_second_stage_of_a_date() -> None:
    undated = make_document("Founded in 2003, Varno Rail today employs 300 people.", ref_date=None, path="a.txt")
    dated = make_document("Varno Rail, which was established in 2001, has grown quickly.", path="b.txt")
    claims = extract_claims(undated) + extract_claims(dated)
    assert [f for f in compare_claims(claims) if f.verdict == "conflict"]


def test_a_country_named_in_two_languages_is_one_place() -> None:
    from checker.compare.scopes import same_place

    assert same_place("norway", "norvege") and same_place("挪威; bergen", "norway")
    assert not same_place("norway", "sweden")


def _clock(clock: str, zone: str | None = None) -> TimeValue:
    return TimeValue(earliest=None, latest=None, granularity="day", clock=clock, zone=zone)


def test_two_times_of_day_on_a_day_not_given_agree_when_they_are_the_same() -> None:
    same = compare(_clock("23:11", "local"), _clock("23:11", "local"))
    within = compare(_clock("23:11"), _clock("22:00-23:59"))
    apart = compare(_clock("23:11"), _clock("09:30"))
    assert same is not None and same.verdict == "agreement"
    assert within is not None and within.verdict == "compatible"
    assert apart is None  # two times of day on days not given may be two days: nothing to say
