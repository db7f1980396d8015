"""Split an analysis text into blocks and say what part of the article each one is.

Blocks are the non-empty lines of the analysis text (readers put one
paragraph, heading or caption per line). Kinds: headline, lead, body,
caption, boilerplate. Boilerplate (copyright lines, syndication notices,
disclaimers, publisher blurbs, lines in another script) is never a source
of claims; its patterns are language data (``checker/lang/<lang>/boilerplate.toml``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker import lang, regex_syntax
from checker.ingest.blocks import Hint
from checker.ingest.word_gate import AnySearch
from checker.lang import script
from checker.records import Zone, ZoneKind
from checker.textmap import MappedText

_SHORT_WORDS = 25


@cache
def _final_punctuation() -> re.Pattern[str]:
    """A line that ends a sentence: a sentence end of any supported language (or a colon), then closers."""
    ends, finals, closers = (re.escape(marks) for marks in script.sentence_marks())
    return re.compile(rf"[{ends}{finals}:;：；][{closers}\s]*$")


class BoilerplatePattern(BaseModel):
    """A regular expression (case-insensitive, searched in one line) that marks a line as boilerplate."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: str
    where: Literal["anywhere", "tail"] = "anywhere"
    note: str = ""


@lang.dimension("boilerplate")
class BoilerplateData(lang.DimensionData):
    """Boilerplate patterns of one language; the examples are checked by tests/test_zones.py.

    ``where = "tail"`` patterns (publisher blurbs) only count in the run of
    lines that ends the document, where they describe the publisher rather
    than the story.
    """

    patterns: list[BoilerplatePattern]
    boilerplate_examples: list[str] = []
    tail_examples: list[str] = []
    body_examples: list[str] = []


_Patterns = tuple[re.Pattern[str] | None, AnySearch | None, re.Pattern[str] | None]


@cache
def _compiled() -> dict[str, _Patterns]:
    """Every language's patterns joined, by the script its lines are written in.

    A French article may carry an English footer, so every language's patterns are tried; but a
    language's patterns name its own words, so they are tried only on a line holding a letter of its
    script (``script.toml``): on a Latin line, the Chinese patterns cannot match.

    The "anywhere" patterns come in two parts: those anchored at the start of the line (``^...``),
    which only need to be tried there, and the rest, searched through the line (``word_gate``: most
    of them are run only on a line that has their opening words).
    """
    by_script: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for language in lang.available("boilerplate"):
        data: BoilerplateData = lang.load("boilerplate", language)
        written = script.profile(language).script if script.is_supported(language) else "LATIN"
        starting, anywhere, tail = by_script.setdefault(written, ([], [], []))
        for entry in data.patterns:
            if entry.where == "tail":
                tail.append(f"(?:{entry.pattern})")
            else:
                (starting if _anchored(entry.pattern) else anywhere).append(f"(?:{entry.pattern})")
    return {written: (_joined(starting), AnySearch(anywhere) if anywhere else None, _joined(tail))
            for written, (starting, anywhere, tail) in sorted(by_script.items())}


def _joined(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(patterns), re.IGNORECASE) if patterns else None


def _anchored(pattern: str) -> bool:
    """Whether every match of ``pattern`` starts at the start of the string (it opens with ``^``, no branch)."""
    try:
        parsed = regex_syntax.parse(pattern, re.IGNORECASE)
    except re.error:
        return False
    return len(parsed) > 0 and parsed[0] == (regex_syntax.AT, regex_syntax.AT_BEGINNING)


@cache
def _script(ch: str) -> str:
    """A coarse script name for a letter (the first word of its Unicode name)."""
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL"):
        return "CJK"
    return first


_ASCII_NOT_LETTERS = bytes(c for c in range(128) if not (65 <= c <= 90 or 97 <= c <= 122))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _scripts(text: str) -> Counter[str]:
    # Most text is ASCII: count it with a regex, look up names only for the rest.
    counts = Counter(_script(ch) for ch in _NON_ASCII.findall(text) if ch.isalpha())
    # The ASCII letters counted in C: drop the rest of ASCII from the ASCII bytes, measure what is left.
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _ASCII_NOT_LETTERS))
    if ascii_letters:
        counts["LATIN"] += ascii_letters
    return counts


def is_boilerplate_line(line: str, at_tail: bool = False, main_script: str = "LATIN") -> bool:
    """Whether one line is boilerplate on its own (patterns, or mostly in another script)."""
    counts = None if line.isascii() else _scripts(line)
    # A line without letters ("© 2024") is tried with every script's patterns.
    written_in = {"LATIN"} if counts is None else set(counts)
    for written, (starting, anywhere, tail) in _compiled().items():
        if written_in and written not in written_in:
            continue
        # Without MULTILINE, "^" holds only at 0: matching there is searching.
        if starting is not None and starting.match(line):
            return True
        if anywhere is not None and anywhere.found(line):
            return True
        if at_tail and tail is not None and tail.search(line):
            return True
    if counts is None:
        # Every letter of an ASCII line is Latin: it is mostly in another script only if the article is not.
        return main_script != "LATIN" and sum(ch.isalpha() for ch in line) >= 4
    letters = sum(counts.values())
    return letters >= 4 and counts[main_script] < letters / 2


def blocks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty line of ``text``, surrounding whitespace excluded."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            found.append((start, start + len(stripped)))
    return found


def _hint_at(raw_offset: int, hints: Sequence[Hint], starts: Sequence[int]) -> str | None:
    # Hints come in document order and do not overlap: the candidate is the last one starting before.
    i = bisect.bisect_right(starts, raw_offset) - 1
    if i >= 0 and hints[i].start <= raw_offset < hints[i].end:
        return hints[i].kind
    return None


def _is_short_unfinished(line: str, lang: str | None) -> bool:
    return script.word_count(line, lang) <= _SHORT_WORDS and not _final_punctuation().search(line)


def classify(mapped: MappedText, hints: Sequence[Hint] = ()) -> tuple[Zone, ...]:
    """Zones for the blocks of ``mapped.text``.

    ``hints`` (raw ranges from the markup) settle titles and captions.
    """
    text = mapped.text
    spans = blocks(text)
    if not spans:
        return ()
    counts = _scripts(text)
    main_script = counts.most_common(1)[0][0] if counts else "LATIN"
    # Where the main script spaces no words, a line's words are counted from its characters.
    unspaced = script.unspaced_language(main_script)
    lines = [text[s:e] for s, e in spans]
    ordered = sorted(hints, key=lambda h: h.start)
    hint_starts = [h.start for h in ordered]
    markup = [_hint_at(mapped.starts[s], ordered, hint_starts) if hints else None for s, _ in spans]
    kinds: list[ZoneKind | None] = [
        "boilerplate" if is_boilerplate_line(line, main_script=main_script) else None for line in lines
    ]
    # The run of lines that ends the document: boilerplate or publisher blurbs.
    for i in range(len(lines) - 1, -1, -1):
        if kinds[i] == "boilerplate":
            continue
        if is_boilerplate_line(lines[i], at_tail=True, main_script=main_script):
            kinds[i] = "boilerplate"
            continue
        break
    content = [i for i, kind in enumerate(kinds) if kind is None]
    if content:
        first = content[0]
        if markup[first] == "title" or (_is_short_unfinished(lines[first], unspaced) and len(lines[first]) <= 200):
            kinds[first] = "headline"
    for i in content:
        if kinds[i] is not None:
            continue
        if markup[i] == "title":
            kinds[i] = "headline"
        elif markup[i] in ("caption", "subhead") or _is_short_unfinished(lines[i], unspaced):
            kinds[i] = "caption"
    for i in content:
        if kinds[i] is None:
            kinds[i] = "lead"
            break
    return tuple(Zone(kind=kind or "body", start=s, end=e) for kind, (s, e) in zip(kinds, spans, strict=True))


def zone_counts(zones: Sequence[Zone]) -> dict[str, int]:
    """``{kind: number of blocks}`` for ``DocumentInfo.zones``."""
    return dict(sorted(Counter(zone.kind for zone in zones).items()))
