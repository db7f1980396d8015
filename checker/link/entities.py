"""Entity linking keys and clusters, independent of the language a name was written in.

A key folds what does not tell two entities apart: case, accents, a possessive
"'s", punctuation, a parenthesized qualifier, and the legal or brand suffixes
listed in the language data (``Group``, ``Co., Ltd.``, ``Automobile``,
``Groupe`` ...). Keys of every language are folded with the suffixes of every
language, so "Groupe Renault" and "Renault Group" share one key. Clusters join
equal keys and keys that differ only by a small spelling variant; a key that
merely shares a word with another ("acme" / "acme nova") is another entity.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from checker import lang

# Spelling variants only: "volkswagen" / "volkswagon" score 90.
FUZZY_THRESHOLD = 90.0
FUZZY_MIN_LENGTH = 5

_POSSESSIVE = re.compile(r"(?<=\w)['’ʼ]s(?!\w)|(?<=s)['’ʼ](?!\w)", re.IGNORECASE)
_PARENTHESIZED = re.compile(r"\([^()]{0,200}\)")
_JOINING = re.compile(r"[.&'’ʼ·]")  # "S.A." -> "sa", "AT&T" -> "att"
_SEPARATING = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")


def fold(text: str) -> str:
    """Case- and accent-folded text ("Citroën" -> "citroen")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    text = fold(text)
    # Elided articles ("l'Institut", "d'Optique") are separate words, not joined ones.
    text = re.sub(r"\b([ldjmnst])['’ʼ](?=\w)", r"\1 ", text)
    text = _JOINING.sub("", text)
    return _SEPARATING.sub(" ", text).split()


@cache
def _affixes() -> tuple[frozenset[str], frozenset[str]]:
    """Legal/brand suffix and prefix words of every language, folded like keys."""
    # The entity recognizer registers the schema of the entity data.
    importlib.import_module("checker.recognize.entity")
    suffixes: set[str] = set()
    prefixes: set[str] = set()
    for language in lang.available("entity"):
        data = lang.load("entity", language)
        suffixes.update(" ".join(_words(w)) for w in data.legal_suffixes)
        prefixes.update(" ".join(_words(w)) for w in data.legal_prefixes)
    return frozenset(suffixes), frozenset(prefixes)


@cache
def entity_key(name: str) -> str:
    """The linking key of a name: folded, without possessive, punctuation, legal suffixes or prefixes.

    At least one word is always kept ("Group" alone stays "group").
    """
    suffixes, prefixes = _affixes()
    text = _POSSESSIVE.sub("", name)
    text = _PARENTHESIZED.sub(" ", text)
    words = _words(text)
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    while len(words) > 1 and words[0] in prefixes:
        words.pop(0)
    return " ".join(words)


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
    """Whether two names denote the same entity (equal keys, or a small spelling variant)."""
    return _similar_keys(entity_key(a), entity_key(b))


def cluster_entities(names: Iterable[str]) -> dict[str, str]:
    """Map each name to its cluster id: the smallest key of its cluster (independent of input order)."""
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
    for a, b in _one_slip_apart(k for k in keys if len(k) >= FUZZY_MIN_LENGTH):
        # A ratio of 90 needs lengths within a factor 11/9.
        limit = min(len(a), len(b)) * (2 - FUZZY_THRESHOLD / 100) / (FUZZY_THRESHOLD / 100)
        if max(len(a), len(b)) <= limit and _similar_keys(a, b):
            union(a, b)
    return {name: root(key) for name, key in by_name.items()}


def _one_slip_apart(keys: Iterable[str]) -> Iterator[tuple[str, str]]:
    """The pairs of keys that may be one edit apart, without trying every pair.

    Two strings one edit apart share a string with at most one character deleted
    (a substitution at i: both without i; an insertion: the shorter one is the
    longer without it), so keys are indexed under those deletions.
    """
    index: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        for variant in {key} | {key[:i] + key[i + 1:] for i in range(len(key))}:
            index[variant].append(key)
    seen: set[tuple[str, str]] = set()
    for variant in sorted(index):
        sharing = index[variant]
        for i, a in enumerate(sharing):
            for b in sharing[i + 1:]:
                pair = (a, b) if a < b else (b, a)
                if pair not in seen:
                    seen.add(pair)
                    yield pair
