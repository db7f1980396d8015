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

from pydantic import BaseModel, ConfigDict, model_validator

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


class ClauseExample(BaseModel):
    """A text and what ``fold_punctuation`` must make of it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    folded: str


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
    # Marks that the frames read as ASCII clause punctuation, one character for one ("，" a comma, "、" the
    # enumeration comma): the full-width forms besides, where ``full_width`` is set.
    clause_marks: dict[str, str] = {}
    sentence_examples: list[SentenceExample] = []
    phrase_examples: list[PhraseExample] = []
    word_count_examples: list[WordCountExample] = []
    clause_examples: list[ClauseExample] = []

    @model_validator(mode="after")
    def _one_for_one(self) -> ScriptData:
        wrong = sorted(mark for mark, ascii in self.clause_marks.items() if len(mark) != 1 or len(ascii) != 1)
        if wrong:
            raise ValueError(f"clause_marks must map one character to one: {wrong}")
        return self

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


# The letters of the scripts written without spaces (Han, kana).
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_OR_KANA = re.compile(f"[{_UNSPACED}]")
# A word character of another script: next to one, a Latin word inside Chinese text is no word of its own.
_OTHER_WORD_CHAR = rf"[^\W{_UNSPACED}]"


def spaced(lang: str) -> bool:
    """Whether ``lang`` separates its words by spaces (unsupported languages are read as spaced)."""
    return not is_supported(lang) or profile(lang).spaced


def word_edges(phrase: str, lang: str) -> tuple[str, str]:
    """The look-behind and look-ahead that keep ``phrase`` from matching inside another word of ``lang``.

    Where words are spaced, no word character may stand on either side. Where they are not, an edge
    in the unspaced script has nothing to check ("死亡" is found in "40人死亡"), while an edge of
    another script ("Pro" in "A1 Pro版") must not touch a letter or digit of that script: "Pro"
    is no match in "Professional". An edge with nothing to check gives "".
    """
    if spaced(lang):
        return r"(?<!\w)", r"(?!\w)"
    text = phrase.strip()
    if not text:
        return "", ""
    before = "" if _HAN_OR_KANA.match(text[0]) or not re.match(r"\w", text[0]) else f"(?<!{_OTHER_WORD_CHAR})"
    after = "" if _HAN_OR_KANA.match(text[-1]) or not re.match(r"\w", text[-1]) else f"(?!{_OTHER_WORD_CHAR})"
    return before, after


def word_tail(lang: str) -> str:
    """What a trailing "*" of a cue matches: the rest of a word ("announc*" -> "announced"); in an
    unspaced script, the rest of a word of another script only (Han characters have no word end to find)."""
    return r"\w*" if spaced(lang) else f"{_OTHER_WORD_CHAR}*"


def word_char(lang: str) -> str:
    """A character of a word that must stand alone in ``lang``'s text: any word character where words are
    spaced; where they are not, a letter or digit of another script ("A1", "Pro")."""
    return r"\w" if spaced(lang) else _OTHER_WORD_CHAR


def word_gap(lang: str) -> str:
    """What stands between two words of ``lang``: white space, or, where words are not spaced, maybe none."""
    return r"\s+" if spaced(lang) else r"\s*"


def phrase_regex(phrases: list[str] | tuple[str, ...], lang: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """``phrase_pattern`` compiled (case-insensitive unless ``flags`` say otherwise)."""
    return re.compile(phrase_pattern(phrases, lang), flags)


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


def fold_punctuation(text: str, lang: str) -> str:
    """``text`` with the punctuation of ``lang`` as ASCII, at the same offsets: what the frames read.

    The full-width forms fold as in ``fold_full_width``; the clause marks of the script profile
    ("，", "、") become the commas the clause rules look for. A language with neither keeps ``text``.
    """
    data = profile(lang)
    folded = fold_full_width(text) if data.full_width and has_full_width(text) else text
    if data.clause_marks and any(mark in folded for mark in data.clause_marks):
        folded = folded.translate(_clause_table(lang))
    return folded


@cache
def _clause_table(lang: str) -> dict[int, str]:
    return {ord(mark): ascii for mark, ascii in profile(lang).clause_marks.items()}


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


__all__ = ["ScriptData", "fold_full_width", "fold_punctuation", "has_full_width", "is_supported", "language_name",
           "phrase_pattern", "phrase_regex", "profile", "sentence_marks", "spaced", "unspaced_language", "word_char",
           "word_count", "word_edges", "word_gap", "word_tail"]
