"""Which language an article is in: its metadata if it says, otherwise lingua on its text.

Two lingua detectors, both built once per process:

- one over the supported languages (``SUPPORTED_LANGUAGES``) in lingua's high-accuracy mode,
  which chooses among them;
- one over every language lingua knows, in its low-accuracy mode (trigrams only), which only
  *names* a language the checker does not read, so that such a file is skipped with its
  language named instead of being read as English or French.

Measured on this machine (lingua 2.1, Python 3.11): the first detector costs about 95 MB and
0.4 s to load its models; the second adds about 5 MB and 0.1 s and some 0.4 ms per article.
A detector of every language in high-accuracy mode would cost 900 MB and 8 s.

A language is named as unsupported only when the second detector is sure of it and the sample
is long enough for trigrams to tell (``_NAMING_MIN_LETTERS``); a short English line is never
taken for Scots or Latin.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Literal

from checker.lang import SUPPORTED_LANGUAGES

_SAMPLE_CHARS = 2000
_MIN_LETTERS = 20
# Below this many letters a text is too short for the trigram detector to name another language.
_NAMING_MIN_LETTERS = 40
# How sure the trigram detector must be of a language the checker does not read.
_NAMING_CONFIDENCE = 0.6


def _lingua_language(code: str) -> Any:
    from lingua import IsoCode639_1, Language

    return Language.from_iso_code_639_1(IsoCode639_1.from_str(code))


@cache
def _detector() -> Any:
    # Only the supported languages in high-accuracy mode: for every language that costs about a gigabyte.
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(_lingua_language(c) for c in SUPPORTED_LANGUAGES)).build()


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
    letters = sum(ch.isalpha() for ch in sample)
    if letters < _MIN_LETTERS:
        return None
    try:
        if letters >= _NAMING_MIN_LETTERS:
            ranked = _naming_detector().compute_language_confidence_values(sample)
            if ranked:
                top = ranked[0]
                code = _code(top.language)
                if code not in SUPPORTED_LANGUAGES and top.value >= _NAMING_CONFIDENCE:
                    return code
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
