"""HTML -> analysis text with an offset map, plus the page's metadata.

Built on the standard library's tolerant ``html.parser`` with character
references left undecoded by the parser, so that every piece of text can be
traced to its place in the file. The parser is iterative and the element
stack is a list, so deeply nested or malformed pages cost no recursion.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from checker.ingest.blocks import BlockWriter, Hint
from checker.textmap import MappedText

# Elements whose content is never article text.
_DROP = frozenset({"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg",
                   "template", "button", "select", "textarea", "object", "canvas", "math", "dialog"})
# Elements that end a block of text where they open and where they close.
_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                    "figcaption", "figure", "blockquote", "section", "article", "main", "table", "tr", "td",
                    "th", "thead", "tbody", "tfoot", "caption", "pre", "address", "hr", "br", "body", "html",
                    "title", "details", "summary", "center", "fieldset", "legend"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "keygen"})
_HINTS = {"h1": "title", "h2": "subhead", "h3": "subhead", "h4": "subhead", "h5": "subhead", "h6": "subhead",
          "figcaption": "caption", "caption": "caption", "blockquote": "quote"}
_DATE_META = ("article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
              "dc.date.issued", "dcterms.date", "dcterms.created", "og:published_time", "sailthru.date")
_REF = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")
_H1 = re.compile(r"<h1[\s>/]", re.IGNORECASE)
_CONTAINER = re.compile(r"<(?:article|main)[\s>/]", re.IGNORECASE)


@dataclass
class HtmlResult:
    """The analysis text, block hints and the metadata found in the page."""

    mapped: MappedText
    hints: list[Hint]
    title: str | None = None
    language: str | None = None
    date: str | None = None
    date_evidence: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


class _Extractor(HTMLParser):
    def __init__(self, raw: str, base: int, only_containers: bool, title_is_headline: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.base = base
        self.writer = BlockWriter()
        self.stack: list[str] = []
        self.hint_stack: list[str | None] = []
        self.open_counts: Counter[str] = Counter()
        self.dropping = 0
        self.containers = 0
        self.only_containers = only_containers
        self.title_is_headline = title_is_headline
        self.title_parts: list[str] = []
        self.in_title = 0
        self.language: str | None = None
        self.meta: dict[str, str] = {}
        self.time_datetime: str | None = None
        line_starts = [0]
        line_starts.extend(m.end() for m in re.finditer("\n", raw))
        self._line_starts = line_starts

    # -- positions ---------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _emitting(self) -> bool:
        if self.dropping:
            return False
        if self.in_title:
            return self.title_is_headline
        if self.open_counts["head"]:
            return False
        return self.containers > 0 or not self.only_containers

    def _hint(self) -> str | None:
        # The innermost hinted ancestor, kept per stack level: no walk up the stack.
        return self.hint_stack[-1] if self.hint_stack else None

    # -- declarations ----------------------------------------------------------
    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # The standard parser knows a few SGML keywords after "<![" and raises
        # AssertionError on any other (Python 3.11). A browser reads such a
        # section as a bogus comment that ends at the next ">"; so do we. The
        # parser moves its position forward before it raises: put it back.
        position = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position
            return self.parse_bogus_comment(i, report)

    # -- tags ----------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._offset()
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and attributes.get("lang") and self.language is None:
            self.language = attributes["lang"]
        elif tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "")
            if key and "content" in attributes:
                self.meta.setdefault(key.lower(), attributes["content"])
        elif tag == "time" and self.time_datetime is None and attributes.get("datetime"):
            self.time_datetime = attributes["datetime"]
        if tag in _VOID:
            if tag in _BLOCK:
                self.writer.block_break(at, self._hint())
            return
        self.stack.append(tag)
        self.hint_stack.append(_HINTS.get(tag, self._hint()))
        self.open_counts[tag] += 1
        if tag in _DROP:
            self.dropping += 1
        if tag in ("article", "main"):
            self.containers += 1
        if tag == "title":
            self.in_title += 1
            hint: str | None = "title"
        else:
            hint = self._hint()
        if tag in _BLOCK:
            self.writer.block_break(at, hint)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<div/>" opens nothing in HTML; only void elements and breaks matter.
        if tag in _VOID:
            self.handle_starttag(tag, attrs)
        elif tag in _BLOCK:
            self.writer.block_break(self._offset(), self._hint())

    def handle_endtag(self, tag: str) -> None:
        at = self._offset()
        if tag in _VOID:
            if tag == "br":
                self.writer.block_break(at, self._hint())
            return
        if not self.open_counts[tag]:
            return  # a stray end tag
        # Close every element opened after the matching start tag (malformed nesting).
        while self.stack:
            top = self.stack.pop()
            self.hint_stack.pop()
            self.open_counts[top] -= 1
            if top in _DROP:
                self.dropping -= 1
            if top in ("article", "main"):
                self.containers -= 1
            if top == "title":
                self.in_title -= 1
            if top == tag:
                break
        if tag in _BLOCK:
            self.writer.block_break(at, self._hint())

    # -- text ------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        start = self._offset()
        if self.in_title and not self.dropping:
            self.title_parts.append(data)
        if self._emitting():
            end = start + len(data)
            self.writer.text(self.raw, start, end)

    def _reference(self) -> None:
        start = self._offset()
        match = _REF.match(self.raw, start)
        if match is None:
            return
        decoded = html.unescape(match.group())
        if self.in_title and not self.dropping:
            self.title_parts.append(decoded)
        if self._emitting():
            self.writer.entity(decoded, start, match.end())

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()


def _shift(mapped: MappedText, hints: list[Hint], base: int) -> tuple[MappedText, list[Hint]]:
    if not base:
        return mapped, hints
    starts = mapped.starts.__class__("q", (s + base for s in mapped.starts))
    ends = mapped.ends.__class__("q", (e + base for e in mapped.ends))
    return MappedText(mapped.text, starts, ends), [Hint(h.kind, h.start + base, h.end + base) for h in hints]


def extract_html(raw: str, start: int = 0) -> HtmlResult:
    """Extract the article text of ``raw[start:]`` (an HTML page or an HTML-bearing body)."""
    source = raw[start:] if start else raw
    has_h1 = _H1.search(source) is not None
    parser = _Extractor(source, start, only_containers=_CONTAINER.search(source) is not None,
                        title_is_headline=not has_h1)
    # html.parser rescans an unterminated tag once per "<" that follows it
    # (quadratic on hostile input); nothing after the last ">" can complete a
    # tag, so that tail is handed over as plain text up to its first "<".
    last_gt = source.rfind(">") + 1
    parser.feed(source[:last_gt])
    parser.close()
    tail_end = source.find("<", last_gt)
    if tail_end < 0:
        tail_end = len(source)
    if tail_end > last_gt and parser._emitting():
        parser.writer.text(source, last_gt, tail_end)
    mapped, hints = parser.writer.build()
    mapped, hints = _shift(mapped, hints, start)
    title = " ".join("".join(parser.title_parts).split()) or None
    meta = parser.meta
    if title is None and meta.get("og:title"):
        title = " ".join(meta["og:title"].split())
    date: str | None = None
    evidence: str | None = None
    for key in _DATE_META:
        if meta.get(key):
            date, evidence = meta[key], f'<meta {key}="{meta[key]}">'
            break
    if date is None and parser.time_datetime:
        date, evidence = parser.time_datetime, f'<time datetime="{parser.time_datetime}">'
    language = (parser.language or meta.get("og:locale") or meta.get("content-language")
                or meta.get("language"))
    return HtmlResult(mapped=mapped, hints=hints, title=title, language=language, date=date,
                      date_evidence=evidence, meta=meta)
