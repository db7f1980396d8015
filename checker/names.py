"""Names as keys: what folds away when two names are compared, the same for every stage.

A key folds what does not tell two entities apart: case, accents, a possessive "'s", punctuation,
a parenthesized qualifier, and the legal or brand suffixes and prefixes the language data lists
(``checker/lang/<lang>/entity.toml``), with the industry words of ``checker/lang/<lang>/link.toml``.
Recognition, frames, linking and comparison all key names this way, so the function and the schemas
of the two data files it reads live here, below all of them (see docs/architecture.md).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pydantic import BaseModel, ConfigDict

from checker import lang, scripts
from checker.lang import DimensionData, Example

_POSSESSIVE = re.compile(r"(?<=\w)['’ʼ]s(?!\w)|(?<=s)['’ʼ](?!\w)", re.IGNORECASE)
# A parenthesized part of a name ("里斯本(Lisbon)", "Nova (Group)"): no part of its key.
PARENTHESIZED = re.compile(r"[(（][^()（）]{0,200}[)）]")
_JOINING = re.compile(r"[.&'’ʼ·]")  # "S.A." -> "sa", "AT&T" -> "att"
_SEPARATING = re.compile(r"[\W_]+")


@lang.dimension("entity")
class EntityData(DimensionData):
    """What is and is not part of a name in one language."""

    stopwords: list[str]
    calendar: list[str]
    demonyms: list[str]
    particles: list[str]
    legal_suffixes: list[str]
    legal_prefixes: list[str]
    org_words: list[str]
    honorifics: list[str]
    saying_verbs: list[str]
    abbreviations: list[str]
    # For a script without capitals (``script.toml`` names = "unmarked"; ``checker/recognize/unmarked.py``):
    surnames: list[str] = []  # common surnames: the first character of a personal name
    not_in_given_names: list[str] = []  # after a surname, these make it a time or a count ("周三")
    place_suffixes: list[str] = []  # words that end a place's name
    name_stops: list[str] = []  # characters between words: a name starts after them
    name_lead_words: list[str] = []  # words that may stand right before a name and are no part of it ("当年")
    # Characters never in a company's own name, though others that stand between words may be ("和").
    not_in_names: list[str] = []
    suffix_not_after: list[str] = []  # a one-character organisation word after these is another word
    suffix_not_before: list[str] = []  # ... or before these
    samples: list[Example] = []


class Industry(BaseModel):
    """An industry (language-neutral id) and the words that name it at the end of a company's name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    words: tuple[str, ...]


class LinkExample(BaseModel):
    """Two names and whether they denote one entity."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    a: str
    b: str
    same: bool


@lang.dimension("link")
class LinkData(DimensionData):
    """The linking facts of one language."""

    industries: tuple[Industry, ...] = ()
    examples: tuple[LinkExample, ...] = ()


def fold(text: str) -> str:
    """Case- and accent-folded text ("Citroën" -> "citroen")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    text = fold(scripts.simplified(text))
    # Elided articles ("l'Institut", "d'Optique") are separate words, not joined ones.
    text = re.sub(r"\b([ldjmnst])['’ʼ](?=\w)", r"\1 ", text)
    text = _JOINING.sub("", text)
    return _SEPARATING.sub(" ", text).split()


@cache
def _affixes() -> tuple[frozenset[str], frozenset[str]]:
    """Legal/brand suffix and prefix words of every language, folded like keys."""
    suffixes: set[str] = set()
    prefixes: set[str] = set()
    for language in lang.available("entity"):
        data = lang.load("entity", language)
        suffixes.update(" ".join(_words(w)) for w in data.legal_suffixes)
        prefixes.update(" ".join(_words(w)) for w in data.legal_prefixes)
    return frozenset(suffixes), frozenset(prefixes)


@cache
def _industry_words() -> dict[str, str]:
    """Folded industry word -> industry id, over every language."""
    found: dict[str, str] = {}
    for language in lang.available("link"):
        for industry in lang.load("link", language).industries:
            found.update((" ".join(_words(w)), industry.id) for w in industry.words)
    return found


@cache
def entity_industry(name: str) -> str | None:
    """The industry a name's dropped suffixes state ("Nova Motors Co., Ltd." -> automotive), if any."""
    suffixes, _ = _affixes()
    industries = _industry_words()
    words = _name_words(name)
    while len(words) > 1 and words[-1] in suffixes:
        industry = industries.get(words.pop())
        if industry is not None:
            return industry
    return None


def _name_words(name: str) -> list[str]:
    """The folded words of a name, without its possessive and parenthesized parts.

    A name written without spaces (Chinese) is one word: the legal forms and industry words it ends
    with are split off it, as spaces split them off a Latin name ("示例集团" -> 示例, 集团).
    """
    words = _words(PARENTHESIZED.sub(" ", _POSSESSIVE.sub("", name)))
    if not scripts.has_han(name):
        return words
    endings = _han_endings()
    split: list[str] = []
    for word in words:
        tail: list[str] = []
        while scripts.has_han(word):
            ending = next((e for e in endings if word.endswith(e) and len(word) > len(e)), None)
            if ending is None:
                break
            tail.insert(0, ending)
            word = word[: -len(ending)]
        split += [word, *tail]
    return split


@cache
def _han_endings() -> tuple[str, ...]:
    """Legal forms and industry words written in Han characters, folded, longest first."""
    suffixes, _ = _affixes()
    found = {w for w in suffixes | set(_industry_words()) if scripts.has_han(w)}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


@cache
def entity_key(name: str) -> str:
    """The linking key of a name: folded, without possessive, punctuation, legal suffixes or prefixes.

    At least one word is always kept ("Group" alone stays "group").
    """
    suffixes, prefixes = _affixes()
    words = _name_words(name)
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    while len(words) > 1 and words[0] in prefixes:
        words.pop(0)
    return " ".join(words)


