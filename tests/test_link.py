"""Linking keys and clusters: invented names only."""

from __future__ import annotations

import random

import pytest

from checker.link import cluster_entities, entity_key, same_entity
from checker.link.entities import _similar_keys


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


def _every_pair_clusters(names: list[str]) -> dict[str, str]:
    """Clusters by trying every pair of names: what the indexed clustering must reproduce."""
    keys = sorted({entity_key(n) for n in names})
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if _similar_keys(a, b):
                ra, rb = root(a), root(b)
                parent[max(ra, rb)] = min(ra, rb)
    return {n: root(entity_key(n)) for n in names}


def test_clusters_match_trying_every_pair() -> None:
    rng = random.Random(5)
    stems = ["Kelvora", "Kelvorra", "Kelvor", "Kelvoras", "Belvora", "Telvora", "Kelvra", "Orvane", "Orvano",
             "Orvanne", "Ithion", "Ithivo", "Model 3", "Model 5", "Lumeth", "Lum eth", "Lumeth Group"]
    for _ in range(30):
        names = rng.sample(stems, rng.randint(2, len(stems)))
        names += [f"{rng.choice(stems)}{rng.choice(['', 'x', 'a', 's'])}" for _ in range(5)]
        assert cluster_entities(names) == _every_pair_clusters(names)
