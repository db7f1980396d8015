"""Script facts of each language: how its sentences end, how it writes numbers and names, whether it spaces words.

Files: ``checker/lang/<lang>/script.toml`` (schema ``ScriptData``). Ingest, the
sentence splitter, the word gates and the recognizers read these facts here
instead of writing them into code, so that a language is data plus its
examples. ``phrase_pattern`` builds the regex for a list of phrases with the
boundaries a language needs: word boundaries where words are spaced ("rose"
is no match in "prose"), none where they are not (Chinese writes no spaces,
so "万" is found inside "15万元").

``language_name`` names a language by its ISO 639-1 code, for the message that
says a file was skipped because the checker does not read its language.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker import lang as langdata
from checker.lang import SUPPORTED_LANGUAGES, DimensionData


class SentenceExample(BaseModel):
    """A text and the sentences the splitter must cut it into."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    sentences: list[str]


class PhraseExample(BaseModel):
    """Phrases, a text, and what ``phrase_pattern`` must find in it, left to right."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phrases: list[str]
    text: str
    found: list[str]


class WordCountExample(BaseModel):
    """A line and the number of words ``word_count`` must give for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    line: str
    words: int


@langdata.dimension("script")
class ScriptData(DimensionData):
    """Schema of ``<lang>/script.toml``: the facts of a language's writing, not of its words."""

    # The language's name in English, for messages ("German", "Chinese").
    name: str
    # The script of its letters, as ingest names scripts: the first word of their Unicode names (LATIN, CJK).
    script: str
    # Whether words are separated by spaces (English, French) or not (Chinese).
    spaced: bool
    # Marks that end a sentence when white space and a capital, a digit or an opening quote follow.
    sentence_ends: list[str] = []
    # Marks that end a sentence whatever follows them (the Chinese full stop "。").
    final_marks: list[str] = []
    # Closing quotes and brackets that stay with the sentence they follow.
    closing_marks: list[str] = []
    # The decimal mark first; the others are also read as one (full-width "．").
    decimal_marks: list[str]
    # Marks that group the thousands ("1,234", "1 234", "1.234").
    group_marks: list[str]
    # Whether full-width digits, letters and punctuation ("４５％", "，") are read as their ASCII forms.
    full_width: bool = False
    # How a name stands out: capital letters, or nothing in the writing itself (Chinese).
    names: Literal["capitalized", "unmarked"] = "capitalized"
    # Separators inside a transliterated foreign name ("安娜·佩雷拉").
    name_joiners: list[str] = []
    # Brackets and quotes around titles and names of works, which are names (《...》, 「...」).
    name_quotes: list[list[str]] = []
    # Where words are not spaced: how many characters make a word, on average (to count the words of a line).
    characters_per_word: float = 1.0
    sentence_examples: list[SentenceExample] = []
    phrase_examples: list[PhraseExample] = []
    word_count_examples: list[WordCountExample] = []

    @property
    def decimal_comma(self) -> bool:
        """Whether the decimal mark is a comma ("1,5" is one and a half)."""
        return self.decimal_marks[0] == ","


@cache
def profile(lang: str) -> ScriptData:
    """The script facts of ``lang``, one of ``SUPPORTED_LANGUAGES``; raises ``LanguageDataError`` otherwise."""
    if lang not in SUPPORTED_LANGUAGES:
        raise langdata.LanguageDataError(f"unsupported language {lang!r}")
    data: ScriptData = langdata.load("script", lang)
    return data


def is_supported(lang: str | None) -> bool:
    """Whether the checker reads ``lang`` (an ISO 639-1 code)."""
    return lang in SUPPORTED_LANGUAGES


def phrase_pattern(phrases: list[str] | tuple[str, ...], lang: str) -> str:
    """A regex source matching any of ``phrases``, longest first, with the boundaries ``lang`` needs.

    In a spaced language the phrase stands alone: no word character right before or after it
    (``(?<!\\w)...(?!\\w)``), and any run of white space matches a space inside it. Where words are not
    spaced there is no boundary to check: the phrase is matched wherever it is written. An empty list
    gives a pattern that never matches.
    """
    items = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not items:
        return r"(?!x)x"
    spaced = profile(lang).spaced
    body = "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in items)
    if not spaced:
        return f"(?:{body})"
    return rf"(?<!\w)(?:{body})(?!\w)"


def phrase_regex(phrases: list[str] | tuple[str, ...], lang: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """``phrase_pattern`` compiled (case-insensitive unless ``flags`` say otherwise)."""
    return re.compile(phrase_pattern(phrases, lang), flags)


_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_count(line: str, lang: str | None) -> int:
    """The number of words of ``line``: its space-separated words, plus, where ``lang`` spaces no words,
    its characters of that script divided by the characters of an average word."""
    spaced_words = len(line.split())
    if lang is None or not is_supported(lang) or profile(lang).spaced:
        return spaced_words
    unspaced = len(_HAN_OR_KANA.findall(line))
    if not unspaced:
        return spaced_words
    # The unspaced run counts as one space-separated word: take it out again.
    runs = sum(1 for word in line.split() if _HAN_OR_KANA.search(word))
    return spaced_words - runs + round(unspaced / profile(lang).characters_per_word)


# Full-width forms of ASCII (U+FF01..U+FF5E) and the ideographic space, one character for one: offsets
# are kept, so a recognizer may read the folded text and quote the original. The full-width comma is
# a clause comma ("20，300美元" is two amounts), except between full-width digits ("４，５６５").
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if code != 0xFF0C} | {0x3000: 0x20}
_GROUPING_COMMA = re.compile("(?<=[\uff10-\uff19])\uff0c(?=[\uff10-\uff19])")


def fold_full_width(text: str) -> str:
    """``text`` with full-width digits, letters and punctuation as their ASCII forms, at the same offsets."""
    folded = text.translate(_FULL_WIDTH)
    if "\uff0c" in text:
        for m in _GROUPING_COMMA.finditer(text):
            folded = folded[:m.start()] + "," + folded[m.end():]
    return folded


def has_full_width(text: str) -> bool:
    """Whether ``text`` holds a character that ``fold_full_width`` changes."""
    return not text.isascii() and _FULL_WIDTH_ANY.search(text) is not None


_FULL_WIDTH_ANY = re.compile("[\uff01-\uff0b\uff0d-\uff5e\u3000]")  # the clause comma alone needs no folding


# Languages lingua may name that the checker does not read: their English names come from lingua.
def language_name(code: str) -> str:
    """The English name of the language ``code`` ("de" -> "German"); the code itself when it is unknown."""
    if is_supported(code):
        return profile(code).name
    try:
        from lingua import IsoCode639_1, Language

        found = Language.from_iso_code_639_1(IsoCode639_1.from_str(code))
    except (ImportError, ValueError, AttributeError):
        return code
    return found.name.capitalize() if found is not None else code


def unspaced_language(script_name: str) -> str | None:
    """The supported language written in ``script_name`` (LATIN, CJK) without spaces between words, if one."""
    for code in SUPPORTED_LANGUAGES:
        data = profile(code)
        if data.script == script_name and not data.spaced:
            return code
    return None


def sentence_marks() -> tuple[str, str, str]:
    """The sentence ends of every supported language: (ends needing a capital after, final marks, closers)."""
    ends: set[str] = set()
    finals: set[str] = set()
    closers: set[str] = set()
    for code in SUPPORTED_LANGUAGES:
        data = profile(code)
        ends.update(data.sentence_ends)
        finals.update(data.final_marks)
        closers.update(data.closing_marks)
    return "".join(sorted(ends)), "".join(sorted(finals - ends)), "".join(sorted(closers))


__all__ = ["ScriptData", "fold_full_width", "has_full_width", "is_supported", "language_name", "phrase_pattern",
           "phrase_regex", "profile", "sentence_marks", "unspaced_language", "word_count"]
