"""Frame data examples: each sentence must give a claim on its value with the stated fact and scope."""

from __future__ import annotations

import dataclasses

import pytest

from checker import lang
from checker.frame.build import extract_claims
from checker.frame.data import FactsData, FrameData, FrameExample
from tests.conftest import make_document


def _examples() -> list[tuple[str, FrameExample]]:
    cases = []
    for language in lang.available("facts"):
        facts: FactsData = lang.load("facts", language)
        for fact in facts.facts:
            cases.extend((language, ex) for ex in fact.examples)
        data: FrameData = lang.load("frames", language)
        for scope in data.scope:
            cases.extend((language, ex) for ex in scope.examples)
        cases.extend((language, ex) for ex in data.attribution_examples)
        cases.extend((language, ex) for ex in data.examples)
    return cases


CASES = _examples()


def test_frame_corpus_has_every_language() -> None:
    assert {language for language, _ in CASES} == set(lang.available("facts"))


@pytest.mark.parametrize(("language", "example"), CASES, ids=[f"{lg}:{ex.sentence[:50]}" for lg, ex in CASES])
def test_frame_example(language: str, example: FrameExample) -> None:
    claims = extract_claims(make_document(example.sentence, language))
    on_value = [c for c in claims if c.value.text == example.value]
    described = [(c.value.text, c.attribute, c.scope.slots(), c.modality) for c in claims]
    assert on_value, f"no claim on {example.value!r}; got {described}"
    claim = on_value[0]
    assert claim.attribute == example.fact, described
    slots = claim.scope.slots()
    for slot, value in example.scope.items():
        assert slots.get(slot) == value, described
    for slot in example.absent:
        assert slot not in slots, described
    if example.modality:
        assert claim.modality == example.modality, described
    if example.subject:
        assert claim.subject == example.subject, described


@pytest.mark.parametrize(("language", "sentence", "value", "subject"), [
    ("en", "The Varnholm site represents an investment of $4 billion by Orvane Robotics.", "$4 billion",
     "Orvane Robotics"),
    ("en", "The project, backed by an investment of 80 million yuan from Orvane Robotics, was approved.",
     "80 million yuan", "Orvane Robotics"),
    ("fr", "Le site de Varnholm représente un investissement de 45 millions d'euros pour Orvane Robotics.",
     "45 millions d'euros", "Orvane Robotics"),
    ("en", "Orvane Robotics will invest $4 billion in a new plant near Varnholm.", "$4 billion", "Orvane Robotics"),
    ("en", "Kessdal Marine is 45%-owned by Orvane Group, filings show.", "45%", "Orvane Group"),
])
def test_the_agent_after_a_value_is_its_subject(language: str, sentence: str, value: str, subject: str) -> None:
    claims = [c for c in extract_claims(make_document(sentence, language)) if c.value.text == value]
    assert [c.subject for c in claims] == [subject]


def test_a_cue_word_inside_a_name_is_no_cue() -> None:
    # "Capital" in the name names no stake: the figure is the share's move.
    claims = extract_claims(make_document("L'action Vorel Capital a progressé de 2,7 % en début de séance.", "fr"))
    assert [c.attribute for c in claims if c.value.text == "2,7 %"] == ["share-move"]


def test_priced_from_is_a_starting_price_not_a_previous_one() -> None:
    claims = extract_claims(make_document("Priced from 19,900 euros, the boat targets buyers in the mid-range."))
    assert [(c.attribute, c.qualifiers) for c in claims if c.value.text == "19,900 euros"] == [("price", ())]
    claims = extract_claims(make_document("Revenue rose to $2.1 billion from $1.8 billion."))
    assert [c.qualifiers for c in claims if c.value.text == "$1.8 billion"] == [("instance:previous",)]


def test_the_agency_of_a_dateline_and_a_common_noun_are_no_subjects() -> None:
    text = ("ARDMERE, August 16 (Signal Wire) - Once complete, the factory will be able to produce "
            "300,000 doses a year, Orvane Pharma said. Union representatives praised the plan. "
            "Union representatives questioned the timetable. Orvane Pharma plans a second site. "
            "Priced from 42,000 dollars, the drug targets hospitals.")
    claims = {c.value.text: c for c in extract_claims(make_document(text))}
    assert claims["300,000"].subject == "Orvane Pharma"
    assert claims["42,000 dollars"].subject is None and claims["42,000 dollars"].topic == "Orvane Pharma"


def test_a_product_noun_is_no_verb() -> None:
    text = "Selon Orvane Télécom, la sortie du premier terminal est prévue en septembre 2027."
    claims = extract_claims(make_document(text, "fr"))
    assert [c.attribute for c in claims if c.value.text == "septembre 2027"] == ["release"]


def test_a_cue_word_in_a_dateline_agency_is_no_cue() -> None:
    text = "PARIS, March 3, 2026 (Signal Post) - In July 2027, Orvane Foods will release its first product."
    claims = extract_claims(make_document(text))
    assert [(c.subject, c.attribute) for c in claims if c.value.text == "July 2027"] == [("Orvane Foods", "release")]


@pytest.mark.parametrize(("language", "text", "value", "attribute"), [
    ("en", "PARIS, May 16 (Agency) - Priced from 19,900 euros, the boat targets buyers.", "19,900 euros", "price"),
    ("fr", "LYON, 28 août (Agence) - Créée le 2 novembre 2007, la société Orvane Industries recrute.",
     "le 2 novembre 2007", "establishment"),
])
def test_the_word_after_a_dateline_opens_a_sentence(language: str, text: str, value: str, attribute: str) -> None:
    claims = extract_claims(make_document(text, language))
    assert [c.attribute for c in claims if c.value.text == value] == [attribute]


def test_a_date_before_the_dateline_mark_is_the_dateline() -> None:
    claims = extract_claims(make_document("东岚市6月2日电 当地一座仓库于6月1日凌晨发生火灾。", "zh"))
    assert [(c.value.text, c.attribute) for c in claims] == [("6月2日", "dateline"), ("6月1日凌晨", "fire")]


def test_two_counters_joined_by_and_are_the_source_not_the_subject() -> None:
    text = "Analysts at Brennick and Holm expect the sector to grow by 6 percent a year."
    claims = [c for c in extract_claims(make_document(text)) if c.value.text == "6 percent"]
    assert [(c.subject, c.scope.source) for c in claims] == [(None, "brennick and holm")]


def test_an_article_whose_text_names_no_company_twice_is_about_the_one_its_title_names() -> None:
    text = "Priced from 42,000 dollars, the scanner targets hospitals. The company was founded in 2011."
    untitled = make_document(text)
    assert {c.topic for c in extract_claims(untitled)} == {None}
    info = untitled.info.model_copy(update={"title": "Orvane Pharma opens a plant"})
    titled = dataclasses.replace(untitled, info=info)
    assert {c.topic for c in extract_claims(titled)} == {"Orvane Pharma"}


def test_the_outlet_and_city_of_a_chinese_dateline_are_no_subjects() -> None:
    claims = extract_claims(make_document("示例日报北湾市6月12日电 新工厂年产能预计达到45万台风机。", "zh"))
    assert [(c.attribute, c.subject) for c in claims if c.value.text == "45万"] == [("capacity", None)]
