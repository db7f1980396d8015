"""Entity linking keys and clusters, independent of the language a name was written in.

A key folds what does not tell two entities apart: case, accents, a possessive
"'s", punctuation, a parenthesized qualifier, and the legal or brand suffixes
listed in the language data (``Group``, ``Co., Ltd.``, ``Automobile``,
``Groupe`` ...). Keys of every language are folded with the suffixes of every
language, so "Groupe Renault" and "Renault Group" share one key. Clusters join
equal keys and keys that differ only by a small spelling variant; a key that
merely shares a word with another ("acme" / "acme nova") is another entity.

A country is one entity under its names in every supported language ("Morocco", "Maroc",
"摩洛哥"; ``checker/countries.py``).

Industry words are dropped from keys like legal forms ("Nordia Energy" is
also written "Nordia"), yet two names that keep *different* industry words
are two companies ("Tata Motors" / "Tata Steel", "Samsung Electronics" /
"Samsung Heavy Industries"), while synonyms are one ("Nordia Auto" /
"Nordia Automobile"). The industries and their words, in every language,
are in ``checker/lang/<lang>/link.toml``. A bare name ("Nordia") joins the
one industry its key has in the corpus; when it has several, the bare name
is ambiguous and stays apart from all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from checker import scripts
from checker.countries import country_of
from checker.names import PARENTHESIZED, LinkData, LinkExample, entity_industry, entity_key

__all__ = ["LinkData", "LinkExample", "cluster_entities", "entity_industry", "entity_key", "same_entity",
           "subject_families"]

# Spelling variants only: "volkswagen" / "volkswagon" score 90.
FUZZY_THRESHOLD = 90.0
FUZZY_MIN_LENGTH = 5

_DIGITS = re.compile(r"\d+")


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@cache
def _similar_keys(a: str, b: str) -> bool:
    if a == b:
        return True
    if not a or not b:
        return False
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LENGTH:
        return False
    # "Model 3" and "Model 5", "A320" and "A321" are different things.
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    # One slip of the keyboard ("Volkswagon"), not two different names that share most letters
    # ("Ithion" / "Ithivo" score 83, "Belova" / "Kelova" 90 yet start differently).
    return a[0] == b[0] and Levenshtein.distance(a, b) <= 1 and fuzz.ratio(a, b) >= FUZZY_THRESHOLD


def same_entity(a: str, b: str) -> bool:
    """Whether two names denote the same entity (equal keys, or a small spelling variant, of one industry;
    a Chinese name and its pinyin or the Latin name written after it in brackets)."""
    if not _compatible(entity_industry(a), entity_industry(b)):
        return False
    ka, kb = entity_key(a), entity_key(b)
    if _similar_keys(ka, kb):
        return True
    forms_a = {ka, *_aliases(a)}
    forms_b = {kb, *_aliases(b)}
    if not forms_a.isdisjoint(forms_b):
        return True
    country = country_of(ka)
    if country is not None and country == country_of(kb):
        return True  # "Morocco" / "Maroc" / "摩洛哥"
    return any(_squeezed(x) in _pinyin_forms(y) for x in forms_a for y in forms_b) \
        or any(_squeezed(y) in _pinyin_forms(x) for x in forms_a for y in forms_b)


def _squeezed(key: str) -> str:
    return key.replace(" ", "")


def _pinyin_forms(key: str) -> tuple[str, ...]:
    """The Latin spellings of a Han key (none for a Latin one)."""
    return scripts.pinyin_spellings(key) if scripts.has_han(key) else ()


def _aliases(name: str) -> list[str]:
    """The keys of the other script's name in brackets after a name: "里斯本(Lisbon)" -> ["lisbon"]."""
    found = []
    outside = PARENTHESIZED.sub(" ", name)
    for inner in PARENTHESIZED.findall(name):
        inside = inner[1:-1]
        if inside.strip() and scripts.has_han(outside) != scripts.has_han(inside):
            found.append(entity_key(inside))
    return found


def cluster_entities(names: Iterable[str]) -> dict[str, str]:
    """Map each name to its cluster id: the smallest key of its cluster (independent of input order).

    A cluster whose names state two or more industries is split by industry: "key (industry)" for
    each, the key alone for its names that state none.
    """
    by_name = {name: entity_key(name) for name in names}
    keys = sorted(set(by_name.values()))
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            # The smaller key is the root, so the cluster id does not depend on the order of unions.
            parent[max(ra, rb)] = min(ra, rb)

    squeezed: dict[str, str] = {}
    for k in keys:
        first = squeezed.setdefault(k.replace(" ", ""), k)
        union(first, k)
    # Across scripts: a name with its other-script spelling in brackets ("里斯本(Lisbon)") bridges the
    # two keys; a Chinese key meets a Latin key spelled as its pinyin ("王明" / "Wang Ming").
    for name, key in by_name.items():
        for alias in _aliases(name):
            if alias:
                parent.setdefault(alias, alias)
                union(key, alias)
    for k in keys:
        for spelling in _pinyin_forms(k):
            latin = squeezed.get(spelling)
            if latin is not None:
                union(k, latin)
    # A country's names in other languages ("Morocco", "Maroc", "摩洛哥"): no spelling joins them.
    by_country: dict[str, str] = {}
    for k in keys:
        country = country_of(k)
        if country is not None:
            union(by_country.setdefault(country, k), k)
    # A spelling variant keeps the first letter and is one edit away, so its length differs by at most
    # one: compare only keys of one initial within that window.
    by_initial: dict[str, list[str]] = {}
    for k in sorted((k for k in keys if len(k) >= FUZZY_MIN_LENGTH), key=lambda k: (len(k), k)):
        by_initial.setdefault(k[0], []).append(k)
    for by_length in by_initial.values():
        for i, a in enumerate(by_length):
            for b in by_length[i + 1:]:
                if len(b) > len(a) + 1:
                    break
                if _similar_keys(a, b):
                    union(a, b)
    clusters = {name: root(key) for name, key in by_name.items()}
    industries: dict[str, set[str]] = {}
    for name, cluster in clusters.items():
        industry = entity_industry(name)
        if industry is not None:
            industries.setdefault(cluster, set()).add(industry)
    for name, cluster in clusters.items():
        industry = entity_industry(name)
        if industry is not None and len(industries[cluster]) > 1:
            clusters[name] = f"{cluster} ({industry})"
    return clusters


def subject_families(cluster_ids: Iterable[str]) -> dict[str, str]:
    """Map each cluster id to its family: clusters one of whose names holds all the words of another's.

    "Orvane X5" and "X5", or "Saint-Orcel" and "Saint-Orcel Abbey Church", may be one subject
    written shorter or longer: claims about them may meet (clusters stay apart as names). A family's
    id is its smallest cluster id, independent of the input order.
    """
    ids = sorted(set(cluster_ids))
    words = {c: frozenset(_cluster_key(c).split()) for c in ids}
    parent = {c: c for c in ids}

    def root(c: str) -> str:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    by_word: dict[str, list[str]] = {}
    for c in ids:
        for w in words[c]:
            by_word.setdefault(w, []).append(c)
    for c in ids:
        if not words[c]:
            continue
        # Every cluster holding all of c's words also holds its rarest one.
        rarest = min(words[c], key=lambda w: (len(by_word[w]), w))
        for other in by_word[rarest]:
            if other != c and words[c] <= words[other]:
                ra, rb = root(c), root(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    return {c: root(c) for c in ids}


def _cluster_key(cluster_id: str) -> str:
    """The key of a cluster id without its industry ("nova (automotive)" -> "nova")."""
    return PARENTHESIZED.sub(" ", cluster_id).strip()
