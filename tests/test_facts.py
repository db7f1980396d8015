"""The catalogue of facts: broad enough for any story, and every fact worded in every language."""

from __future__ import annotations

import pytest

from checker import catalogue, lang
from checker.frame.data import FactsData, FrameData
from checker.recognize.quantity import QuantityData

LANGUAGES = lang.available("facts")


def test_the_catalogue_covers_news_in_general() -> None:
    facts = catalogue.catalogue().facts
    assert len(facts) >= 80
    assert len(catalogue.domains()) >= 10


def test_every_supported_language_has_fact_words() -> None:
    assert set(LANGUAGES) == set(lang.SUPPORTED_LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_fact_has_words_and_examples_in_every_language(language: str) -> None:
    data: FactsData = lang.load("facts", language)
    worded = {f.id: f for f in data.facts}
    missing = [fid for fid in catalogue.fact_ids() if fid not in worded]
    assert not missing, f"{language}/facts.toml lacks {missing}"
    unworded = [f.id for f in data.facts if not (f.cues or f.weak)]
    assert not unworded, f"{language}/facts.toml: no cue for {unworded}"
    unexampled = [f.id for f in data.facts if not any(ex.fact == f.id for ex in f.examples)]
    assert not unexampled, f"{language}/facts.toml: no example of {unexampled}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_unit_word_names_a_catalogue_unit(language: str) -> None:
    quantity: QuantityData = lang.load("quantity", language)
    unknown = sorted(u for u in quantity.units if catalogue.unit(u) is None)
    assert not unknown, f"{language}/quantity.toml: units not in units.toml: {unknown}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_common_place_word_names_a_catalogue_place(language: str) -> None:
    frames: FrameData = lang.load("frames", language)
    assert frames.places
    assert all(catalogue.place(p.id) is not None for p in frames.places)


def test_neighbours_name_each_other() -> None:
    for fact in catalogue.catalogue().facts:
        for other in fact.neighbours:
            neighbour = catalogue.fact(other)
            assert neighbour is not None and fact.id in neighbour.neighbours, (fact.id, other)


def test_a_fact_unknown_to_the_catalogue_is_refused_by_the_loader() -> None:
    with pytest.raises(ValueError, match="not in the catalogue"):
        FactsData.model_validate({"facts": [{"id": "no-such-fact", "cues": ["x"]}]})


@pytest.mark.parametrize(("dimension", "fact"), [
    ("people", "deaths"), ("count", "deaths"), ("number", "deaths"), ("time", "funding"), ("money", "funding"),
    ("number", "magnitude"),
])
def test_values_fit_the_facts_of_their_dimension(dimension: catalogue.ValueDimension, fact: str) -> None:
    known = catalogue.fact(fact)
    assert known is not None and catalogue.fits(known, dimension)


@pytest.mark.parametrize(("dimension", "fact"), [
    ("length", "deaths"), ("time", "deaths"), ("money", "rainfall"), ("percent", "orders"), ("count", "rainfall"),
])
def test_values_do_not_fit_facts_of_another_dimension(dimension: catalogue.ValueDimension, fact: str) -> None:
    known = catalogue.fact(fact)
    assert known is not None and not catalogue.fits(known, dimension)


def test_units_convert_to_their_dimension() -> None:
    assert catalogue.canonical(1, "kilometre") == pytest.approx(1000)
    assert catalogue.canonical(491, "millimetre") == pytest.approx(catalogue.canonical(491, "litre-per-square-metre"))
    assert catalogue.canonical(212, "degree-fahrenheit") == pytest.approx(catalogue.canonical(100, "degree-celsius"))
    assert catalogue.canonical(5, "visitor") == 5  # a free noun does not convert
