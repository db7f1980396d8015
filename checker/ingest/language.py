"""Which language an article is in: its metadata if it says, otherwise lingua on its text."""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from checker.lang import SUPPORTED_LANGUAGES

_SAMPLE_CHARS = 2000
_MIN_LETTERS = 20


@cache
def _detector() -> Any:
    # Only the supported languages: a detector for every language costs about a gigabyte.
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.FRENCH).build()


_CODES = {"ENGLISH": "en", "FRENCH": "fr"}


def detect(text: str) -> str | None:
    """"en" / "fr" for ``text`` (its first couple of thousand characters), None when too little to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    try:
        found = _detector().detect_language_of(sample)
    except Exception:  # a detector failure must not lose the document
        return None
    return _CODES.get(found.name) if found is not None else None


def choose(metadata: str | None, text: str) -> tuple[str | None, Literal["metadata", "detected", "unknown"]]:
    """The document language and where it came from; metadata wins when it names a language."""
    if metadata:
        return metadata, "metadata"
    detected = detect(text)
    if detected is None:
        return None, "unknown"
    return detected, "detected"


__all__ = ["SUPPORTED_LANGUAGES", "choose", "detect"]
