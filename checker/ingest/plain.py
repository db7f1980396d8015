"""Plain text and light Markdown -> analysis text with an offset map."""

from __future__ import annotations

import re

from checker.ingest.blocks import BlockWriter, Hint
from checker.textmap import MappedText, MappedTextBuilder

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+")
_WRAP_WIDTH = 100


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text[start:]``, end excluding the line break."""
    spans = []
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        content_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        spans.append((pos, content_end))
        pos = n if nl < 0 else nl + 1
    return spans


def is_hard_wrapped(text: str, start: int = 0) -> bool:
    """Whether paragraphs are wrapped over several short lines and separated by blank lines.

    Such files break lines inside sentences; files with one paragraph per
    line (and captions or subheads on lines of their own) must not be joined.
    """
    lengths: list[int] = []
    paragraphs = 0
    previous_blank = True
    for s, e in _lines(text, start):
        blank = not text[s:e].strip()
        if not blank:
            lengths.append(e - s)
            if previous_blank:
                paragraphs += 1
        previous_blank = blank
    if len(lengths) < 4 or paragraphs < 2:
        return False
    return max(lengths) <= _WRAP_WIDTH and len(lengths) >= 1.5 * paragraphs


def _continues(line: str, next_line: str) -> bool:
    """A break inside a sentence: the line stops on a comma, or runs on in lower case."""
    if line[-1] in ",;":
        return True
    return line[-1].isalnum() and next_line[0].islower()


def read_plain(text: str, start: int = 0) -> MappedText:
    """``text[start:]`` as it is; in a hard-wrapped file, line breaks inside a paragraph become spaces."""
    out = MappedTextBuilder()
    wrapped = is_hard_wrapped(text, start)
    spans = _lines(text, start)
    pos = start
    for (s, e), following in zip(spans, [*spans[1:], (len(text), len(text))], strict=False):
        line, next_line = text[s:e].rstrip(), text[following[0]:following[1]].lstrip()
        joined = (bool(line) and following[0] < len(text) and bool(next_line)
                  and _LIST_ITEM.match(text, following[0]) is None
                  and (wrapped or _continues(line, next_line)))
        if joined:
            out.copy(text, pos, e)
            out.replace(" ", e, following[0])
            pos = following[0]
    out.copy(text, pos, len(text))
    return out.build()


# -- Markdown ----------------------------------------------------------------

_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
_RULE = re.compile(r"[ \t]{0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_REF_DEF = re.compile(r"[ \t]{0,3}\[[^\]\n]{1,500}\]:[ \t]*\S")
_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]+")
_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$|[ \t]+$")
_QUOTE = re.compile(r"(?:[ \t]{0,3}>[ \t]?)+")
# Inline syntax, in order of precedence; bounded repetitions keep scans linear.
_INLINE = re.compile(
    r"(?P<image>!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\))"
    r"|(?P<link>\[(?P<ltext>[^\]\n]{1,500})\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,500}\]))"
    r"|(?P<auto><(?:https?://|mailto:)[^>\s]{1,2000}>)"
    r"|(?P<tag></?[A-Za-z][^<>\n]{0,500}>)"
    r"|(?P<emph>(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])|`+)"
)


# Every inline construct starts with one of these characters: a stretch without them is plain text.
_INLINE_START = re.compile(r"[!\[<*_`]")


def _inline(writer: BlockWriter, text: str, start: int, end: int) -> None:
    pos = start
    if _INLINE_START.search(text, start, end) is None:
        if pos < end:
            writer.text(text, pos, end)
        return
    for match in _INLINE.finditer(text, start, end):
        if match.start() > pos:
            writer.text(text, pos, match.start())
        if match.group("link") is not None:
            _inline(writer, text, match.start("ltext"), match.end("ltext"))
        elif match.group("auto") is not None:
            writer.text(text, match.start() + 1, match.end() - 1)
        pos = match.end()
    if pos < end:
        writer.text(text, pos, end)


def read_markdown(text: str, start: int = 0) -> tuple[MappedText, list[Hint]]:
    """Markdown body ``text[start:]`` without its light syntax; one block per paragraph, heading or item."""
    writer = BlockWriter()
    wrapped = is_hard_wrapped(text, start)
    in_fence = False
    for s, e in _lines(text, start):
        if _FENCE.match(text, s, e):
            in_fence = not in_fence
            writer.block_break(s)
            continue
        if in_fence:
            continue
        line = text[s:e]
        if not line.strip() or _RULE.match(text, s, e) or _REF_DEF.match(text, s, e):
            writer.block_break(s)
            continue
        hint: str | None = None
        pos = s
        quote = _QUOTE.match(text, pos, e)
        if quote:
            pos, hint = quote.end(), "quote"
        heading = _HEADING.match(text, pos, e)
        item = _LIST_ITEM.match(text, pos, e)
        if heading:
            hint = "title" if len(heading.group(1)) == 1 else "subhead"
            tail = _HEADING_TAIL.search(text, heading.end(), e)
            writer.block_break(s, hint)
            _inline(writer, text, heading.end(), tail.start() if tail else e)
            writer.block_break(e)
            continue
        if item:
            writer.block_break(s, hint)
            pos = item.end()
        elif not wrapped or hint is not None:
            writer.block_break(s, hint)
        _inline(writer, text, pos, e)
        # The line break itself is whitespace inside a wrapped paragraph.
        writer.text(text, e, min(e + 1, len(text)))
    return writer.build()
