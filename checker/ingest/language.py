"""Which language an article is in: its metadata if it says, otherwise lingua on its text.

Three lingua detectors, each built once per process when first needed:

- a *screen* in lingua's low-accuracy mode (trigrams) over the supported languages
  (``SUPPORTED_LANGUAGES``) and the languages news most often comes in besides
  (``_SCREENED``), run on the first ``_SCREEN_CHARS`` characters: it chooses among the
  supported languages, and a text it takes for another language is not read;
- a detector over every language lingua knows, also in low-accuracy mode, that only
  *names* the language of a text the screen did not take for a supported one (or took
  with little confidence), so that it is skipped with its own name;
- for a text too short for trigrams, a detector over the supported languages in
  high-accuracy mode.

Measured on this machine (lingua 2.1, Python 3.11, 2,000-character news samples): the
high-accuracy detector over en/fr/zh costs about 95 MB, 0.4 s to load and 1.6 ms per
article; over every language, 900 MB and 8 s. In low-accuracy mode every language costs
only 5 MB more and 0.1 s to load, but 13 ms per article on 2,000 characters and 5 ms on
300, which would have doubled the time of extraction; the screen of 29 languages takes
about 1.4 ms on 300 characters, no more than the detector it replaces, and names German
or Spanish as surely. A language outside the screen (Catalan, Tagalog, Latin) lands on a
neighbour of the screen, never on a supported language in our tests, and is then named
by the detector of every language, on the whole sample (2,000 characters): on 300, an
English article full of invented names was once taken for German.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Literal

from checker.lang import SUPPORTED_LANGUAGES

_SAMPLE_CHARS = 2000
_MIN_LETTERS = 20
# The screen reads this many characters: enough for trigrams to tell the languages of news apart.
_SCREEN_CHARS = 300
# Below this many letters a text is too short for trigrams to name another language.
_NAMING_MIN_LETTERS = 40
# How sure the screen must be of a supported language; below, the detector of every language is asked.
_SURE = 0.95
# How sure the detector of every language must be to name one the checker does not read.
_NAMING_CONFIDENCE = 0.6
# Besides the supported ones, the languages of the screen (lingua's names): most of the world's news.
_SCREENED = ("GERMAN", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH", "POLISH", "TURKISH", "SWEDISH", "DANISH",
             "BOKMAL", "FINNISH", "CZECH", "ROMANIAN", "HUNGARIAN", "INDONESIAN", "VIETNAMESE", "RUSSIAN",
             "UKRAINIAN", "JAPANESE", "KOREAN", "ARABIC", "GREEK", "HEBREW", "HINDI", "PERSIAN", "THAI")


def _lingua_language(code: str) -> Any:
    from lingua import IsoCode639_1, Language

    return Language.from_iso_code_639_1(IsoCode639_1.from_str(code))


@cache
def _detector() -> Any:
    # Only the supported languages in high-accuracy mode: for every language that costs about a gigabyte.
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(_lingua_language(c) for c in SUPPORTED_LANGUAGES)).build()


@cache
def _screen() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = {_lingua_language(c) for c in SUPPORTED_LANGUAGES} | {getattr(Language, n) for n in _SCREENED}
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@cache
def _naming_detector() -> Any:
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def _code(language: Any) -> str:
    return str(language.iso_code_639_1.name).lower()


def detect(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language (its first couple of thousand characters), None when
    too little to tell. A supported language, or another one the text is surely written in."""
    sample = text[:_SAMPLE_CHARS]
    # map: str.isalpha called from C, one frame less per character.
    letters = sum(map(str.isalpha, sample))
    if letters < _MIN_LETTERS:
        return None
    try:
        short = sample[:_SCREEN_CHARS]
        if sum(map(str.isalpha, short)) >= _NAMING_MIN_LETTERS:
            ranked = _screen().compute_language_confidence_values(short)
            if ranked:
                top = ranked[0]
                code = _code(top.language)
                if code in SUPPORTED_LANGUAGES and top.value >= _SURE:
                    return code
                # Asked on the whole sample: 300 characters of invented names can look German, 2,000 cannot.
                named = _naming_detector().compute_language_confidence_values(sample)
                if named:
                    best = named[0]
                    best_code = _code(best.language)
                    if best_code not in SUPPORTED_LANGUAGES and best.value >= _NAMING_CONFIDENCE:
                        return best_code
                    if best_code in SUPPORTED_LANGUAGES:
                        return best_code
        found = _detector().detect_language_of(sample)
    except Exception:  # a detector failure must not lose the document
        return None
    return _code(found) if found is not None else None


def known_code(code: str) -> bool:
    """Whether ``code`` is an ISO 639-1 code of a language (one lingua knows, or a supported one)."""
    if code in SUPPORTED_LANGUAGES:
        return True
    try:
        return _lingua_language(code) is not None
    except (ImportError, ValueError, AttributeError):
        return False


# Language names and three-letter codes that metadata uses, for the supported languages.
_NAMES = {
    "english": "en", "anglais": "en", "eng": "en",
    "french": "fr", "français": "fr", "francais": "fr", "fra": "fr", "fre": "fr",
    "chinese": "zh", "chinois": "zh", "中文": "zh", "汉语": "zh", "漢語": "zh", "zho": "zh", "chi": "zh",
    "cmn": "zh", "mandarin": "zh",
}
_TAG = re.compile(r"[a-z]{2,3}")


def tag(value: str | None) -> str | None:
    """A metadata language tag as an ISO 639-1 code: "fr-FR", "en_US", "English", "zh-Hant", "zh-TW" -> fr, en,
    en, zh, zh. None when it names no language ("und", "x-klingon")."""
    if not value:
        return None
    head = re.split(r"[-_\s]", value.strip().lower(), maxsplit=1)[0]
    head = _NAMES.get(head, head)
    if not _TAG.fullmatch(head) or not known_code(head):
        return None
    return head


def choose(metadata: str | None, text: str) -> tuple[str | None, Literal["metadata", "detected", "unknown"]]:
    """The document language and where it came from; metadata wins when it names a language."""
    if metadata:
        return metadata, "metadata"
    detected = detect(text)
    if detected is None:
        return None, "unknown"
    return detected, "detected"


__all__ = ["SUPPORTED_LANGUAGES", "choose", "detect", "known_code", "tag"]
