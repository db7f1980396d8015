"""Per-format readers: decoded file text -> analysis text (before normalization) and metadata."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from checker.frontmatter import FrontMatterError, parse_date, parse_zone, read_front_matter
from checker.ingest.blocks import Hint
from checker.ingest.html import extract_html
from checker.ingest.language import tag
from checker.ingest.plain import read_markdown, read_plain
from checker.textmap import MappedText

FORMATS = {".txt": "txt", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}

# A body that carries HTML markup (paragraph tags in a Markdown or .txt export).
_HTML_BODY = re.compile(r"<(?:p|div|br|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|article|section)"
                        r"[\s>/]", re.IGNORECASE)


class ReadError(Exception):
    """A file that cannot be used: ``kind`` is a ``Problem`` kind, the message one line."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class Extracted:
    """What a reader found: the analysis text (not yet normalized), block hints and metadata."""

    format: str
    mapped: MappedText
    hints: list[Hint] = field(default_factory=list)
    title: str | None = None
    language: str | None = None
    source: str | None = None
    date: dt.date | None = None
    date_source: str = "unknown"
    date_evidence: str | None = None
    zone: str | None = None
    notes: tuple[str, ...] = ()


def _body(raw: str, start: int, markdown: bool) -> tuple[MappedText, list[Hint]]:
    if _HTML_BODY.search(raw, start):
        result = extract_html(raw, start)
        return result.mapped, result.hints
    if markdown:
        return read_markdown(raw, start)
    return read_plain(raw, start), []


def _language_tag(value: str | None) -> str | None:
    """"fr-FR", "en_US", "English", "zh-Hant" -> "fr", "en", "en", "zh" (``language.tag``)."""
    return tag(value)


def read(raw: str, fmt: str) -> Extracted:
    """Read decoded text ``raw`` of format ``fmt`` ("txt", "markdown", "html"); raises ``ReadError``."""
    if fmt == "html":
        result = extract_html(raw)
        date = parse_date(result.date) if result.date else None
        return Extracted(format=fmt, mapped=result.mapped, hints=result.hints, title=result.title,
                         language=_language_tag(result.language),
                         source=result.meta.get("og:site_name") or result.meta.get("author"),
                         date=date, date_source="html-meta" if date else "unknown",
                         date_evidence=result.date_evidence if date else None,
                         zone=parse_zone(result.date) if date else None)
    try:
        front = read_front_matter(raw, strict=fmt == "markdown")
    except FrontMatterError as exc:
        raise ReadError("front-matter", str(exc)) from exc
    if front is None:
        mapped, hints = _body(raw, 0, fmt == "markdown")
        return Extracted(format=fmt, mapped=mapped, hints=hints)
    mapped, hints = _body(raw, front.body_start, fmt == "markdown")
    dated = front.date
    return Extracted(format=fmt, mapped=mapped, hints=hints, title=front.title,
                     language=_language_tag(front.language), source=front.source,
                     date=dated[0] if dated else None, date_source="front-matter" if dated else "unknown",
                     date_evidence=dated[1] if dated else None, zone=front.zone if dated else None,
                     notes=tuple(front.notes))
