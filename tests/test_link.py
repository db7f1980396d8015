"""Linking keys and clusters: invented names only."""

from __future__ import annotations

import importlib
import random

import pytest

from checker import lang
from checker.link import cluster_entities, entity_key, same_entity
from checker.link.entities import LinkExample


@pytest.mark.parametrize(("name", "key"), [
    ("Nova Auto", "nova"),
    ("Nova Automobile", "nova"),
    ("Nova Motors", "nova"),
    ("Acme Group", "acme"),
    ("Acme Nova", "acme nova"),
    ("Groupe Valmont", "valmont"),
    ("Valmont Group", "valmont"),
    ("Acme's Cloud BU", "acme cloud"),
    ("Acme’s Cloud BU", "acme cloud"),
    ("Kestrel Technology (Lyonnais) Co., Ltd.", "kestrel"),
    ("Brightwater Holdings, Inc.", "brightwater"),
    ("Lutèce Énergie", "lutece"),
    ("Institut d’Optique", "institut d optique"),
    ("Group", "group"),
    ("", ""),
])
def test_entity_key(name: str, key: str) -> None:
    assert entity_key(name) == key


def test_keys_fold_accents_and_case() -> None:
    assert entity_key("CITROËN-Lumière") == entity_key("Citroen Lumiere")


def test_brand_suffixes_merge_but_a_second_word_does_not() -> None:
    clusters = cluster_entities(["Nova Auto", "Nova Automobile", "Nova", "Acme Nova", "Acme Group"])
    assert clusters["Nova Auto"] == clusters["Nova Automobile"] == clusters["Nova"]
    assert clusters["Acme Nova"] != clusters["Acme Group"]


def test_cross_language_suffixes() -> None:
    assert same_entity("Groupe Valmont", "Valmont Group")
    assert same_entity("Valmont Automobiles SA", "Valmont Auto")


def test_small_spelling_variants_merge() -> None:
    assert same_entity("Brandenwerk", "Brandenwork")
    assert same_entity("Citroën", "Citroen")
    assert cluster_entities(["Brandenwerk", "Brandenwork"]) == {"Brandenwerk": "brandenwerk",
                                                                "Brandenwork": "brandenwerk"}


def test_different_entities_stay_apart() -> None:
    assert not same_entity("Ville de Norlande", "Norlande")
    assert not same_entity("Acme", "Acme Nova")
    assert not same_entity("Orbis A320", "Orbis A321")  # a digit is never a typo
    assert not same_entity("Kato", "Kata")  # short keys must match exactly


def test_clusters_do_not_depend_on_input_order() -> None:
    names = ["Nova Auto", "Nova", "Brandenwerk", "Brandenwork", "Brandenwirk", "Acme Group",
             "Acme Nova", "Groupe Valmont", "Valmont Group", "Lutèce", "Lutece SA"]
    expected = cluster_entities(names)
    rng = random.Random(7)
    for _ in range(20):
        shuffled = names[:]
        rng.shuffle(shuffled)
        assert cluster_entities(shuffled) == expected
    # The cluster id is the smallest key in the cluster.
    assert expected["Brandenwirk"] == "brandenwerk"


def test_cluster_ids_are_keys() -> None:
    clusters = cluster_entities(["Lutèce", "Lutece SA"])
    assert set(clusters.values()) == {"lutece"}


def _link_examples() -> list[tuple[str, LinkExample]]:
    importlib.import_module("checker.link.entities")
    return [(language, ex) for language in lang.available("link") for ex in lang.load("link", language).examples]


@pytest.mark.parametrize(("language", "example"), _link_examples(),
                         ids=[f"{lg}:{ex.a}/{ex.b}" for lg, ex in _link_examples()])
def test_link_example(language: str, example: LinkExample) -> None:
    assert same_entity(example.a, example.b) == example.same
    clusters = cluster_entities([example.a, example.b])
    assert (clusters[example.a] == clusters[example.b]) == example.same


def test_different_industries_of_one_key_are_two_companies() -> None:
    # "Tata Motors" / "Tata Steel": the industry word tells them apart, though both drop it.
    clusters = cluster_entities(["Velmora Motors", "Velmora Auto", "Velmora Pharma", "Velmora", "Orbis"])
    assert clusters["Velmora Motors"] == clusters["Velmora Auto"] != clusters["Velmora Pharma"]
    # The bare name could be either: it joins neither.
    assert clusters["Velmora"] not in (clusters["Velmora Motors"], clusters["Velmora Pharma"])
    # With one industry in the corpus, the bare name is that company (cluster id unchanged).
    assert cluster_entities(["Velmora Motors", "Velmora"]) == {"Velmora Motors": "velmora", "Velmora": "velmora"}
    assert not same_entity("Velmora Pharma", "Velmora Motors")
    assert same_entity("Velmora", "Velmora Motors")


def test_a_country_is_one_entity_under_its_names_in_every_language() -> None:
    clusters = cluster_entities(["Morocco", "Maroc", "摩洛哥", "Niger", "Nigeria", "Norvège", "挪威"])
    assert clusters["Morocco"] == clusters["Maroc"] == clusters["摩洛哥"]
    assert clusters["Norvège"] == clusters["挪威"]
    assert clusters["Niger"] != clusters["Nigeria"] and clusters["Morocco"] != clusters["Norvège"]
    assert same_entity("Allemagne", "Germany") and not same_entity("Allemagne", "Autriche")


def test_a_name_two_countries_share_names_neither() -> None:
    from checker.countries import country_of

    assert country_of("korea") is None  # the Republic of Korea and the Democratic People's Republic
    assert country_of("south korea") == "KR" and country_of("韩国") == "KR"


def test_the_country_table_kept_between_runs_is_the_table_built(tmp_path: object,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import build_cache, countries

    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    build_cache.reset()
    countries._codes.cache_clear()
    try:
        built = countries._codes()
        assert built == countries._built_codes() and built["maroc"] == "MA"
        build_cache.flush()
        build_cache.reset()
        countries._codes.cache_clear()

        def never() -> dict[str, str]:
            raise AssertionError("built again: the cache did not hold it")

        monkeypatch.setattr(countries, "_built_codes", never)
        assert countries._codes() == built
        assert "iso3166-1.json" in countries._tables_stamp()
    finally:
        build_cache.reset()
        countries._codes.cache_clear()
