"""Front matter at the top of Markdown (and Markdown-ish .txt) files.

TOML sits between ``+++`` lines, YAML between ``---`` lines.

YAML goes through ``yaml.safe_load`` only: a ``!!python/object`` tag is an
error, never code. Only a few keys matter to the checker (title, date,
language, source); the rest is kept as is.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml

_OPEN = re.compile(r"\ufeff?(\+\+\+|---)[ \t]*\r?\n")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


class FrontMatterError(Exception):
    """Front matter that is not closed or does not parse; the message is one line."""


@dataclass
class FrontMatter:
    """Parsed front matter and where the body starts in the text."""

    fields: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0
    syntax: str = ""

    def text_field(self, *names: str) -> str | None:
        """The first of ``names`` present with a non-empty scalar value, as a string."""
        for name in names:
            value = self.fields.get(name)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
                return str(value).strip()
        return None

    @property
    def title(self) -> str | None:
        return self.text_field("title")

    @property
    def language(self) -> str | None:
        return self.text_field("lang", "language", "locale")

    @property
    def source(self) -> str | None:
        return self.text_field("source", "source_link", "source_url", "publisher", "url", "link")

    @property
    def date(self) -> tuple[dt.date, str] | None:
        """The publication date and the value it was read from."""
        for name in ("date", "published", "publishdate", "pubdate", "published_at", "date_published"):
            value = self.fields.get(name)
            parsed = parse_date(value)
            if parsed is not None:
                return parsed, f"{name} = {value}"
        return None


def parse_date(value: Any) -> dt.date | None:
    """An ISO date or datetime (string or already parsed) as a date; None otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _ISO_DATE.match(value)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


def _closing(text: str, delimiter: str, start: int) -> tuple[int, int] | None:
    """Start and end (after its newline) of the closing delimiter line, searching from ``start``."""
    pattern = re.compile(rf"^{re.escape(delimiter)}[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
    match = pattern.search(text, start)
    return (match.start(), match.end()) if match else None


def has_front_matter(text: str) -> bool:
    """Whether ``text`` starts with a front-matter delimiter line."""
    return _OPEN.match(text) is not None


def read_front_matter(text: str, strict: bool = True) -> FrontMatter | None:
    """Parse the front matter at the start of ``text``; None when there is none.

    ``strict``: an opening ``---`` that is never closed is an error (Markdown);
    otherwise it is taken as ordinary text (a .txt file may start with a rule).
    Raises ``FrontMatterError`` for unclosed or invalid front matter.
    """
    opening = _OPEN.match(text)
    if opening is None:
        return None
    delimiter = opening.group(1)
    closing = _closing(text, delimiter, opening.end())
    if closing is None:
        if delimiter == "---" and not strict:
            return None
        raise FrontMatterError(f"front matter opened with {delimiter} is never closed")
    block = text[opening.end():closing[0]]
    if delimiter == "+++":
        try:
            fields: Any = tomllib.loads(block.replace("\r\n", "\n"))
        except tomllib.TOMLDecodeError as exc:
            raise FrontMatterError(f"invalid TOML front matter: {_one_line(exc)}") from exc
        syntax = "toml"
    else:
        try:
            fields = yaml.safe_load(block)
        except yaml.YAMLError as exc:
            raise FrontMatterError(f"invalid YAML front matter: {_one_line(exc)}") from exc
        except (RecursionError, ValueError, TypeError, OverflowError) as exc:
            raise FrontMatterError(f"invalid YAML front matter: {_one_line(exc)}") from exc
        if fields is None:
            fields = {}
        if not isinstance(fields, dict):
            raise FrontMatterError("YAML front matter is not a mapping of keys to values")
        syntax = "yaml"
    return FrontMatter(fields={str(k).lower(): v for k, v in fields.items()}, body_start=closing[1],
                       syntax=syntax)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]
