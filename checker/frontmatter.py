"""Front matter at the top of Markdown (and Markdown-ish .txt) files.

TOML sits between ``+++`` lines, YAML between ``---`` lines.

YAML goes through a safe loader only: a ``!!python/object`` tag is an
error, never code. Only a few keys matter to the checker (title, date,
language, source); the rest is kept as is.

One bad field does not cost the article: a date that does not exist
(``date: 2024-02-30``) or a TOML line that does not parse is named in
``FrontMatter.notes`` and ignored, and the rest of the block is read.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

_OPEN = re.compile(r"\ufeff?(\+\+\+|---)[ \t]*\r?\n")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
DATE_KEYS = ("date", "published", "publishdate", "pubdate", "published_at", "date_published")
# A TOML line "key = value" (bare, quoted or dotted key): the one a parse error points at can be dropped.
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_TOML_KEY_LINE = re.compile(rf"\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_TOML_ERROR_LINE = re.compile(r"at line (\d+)")
# Bad lines dropped from one TOML block before it is given up as a whole.
_MAX_DROPPED = 3


@cache
def _loader() -> Any:
    """The safe loader, except that a timestamp which is no real date stays a string (then named
    and ignored) instead of failing the whole block. PyYAML is imported on the first YAML block:
    most runs read none (a tenth of the gate's start-up)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)  # type: ignore[arg-type]

    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    return Loader


@cache
def _libyaml_loader() -> Any:
    """``_loader`` with libyaml's parser, where PyYAML was built with it (None otherwise): speed only."""
    import yaml

    if not getattr(yaml, "__with_libyaml__", False):
        return None

    class Loader(yaml.CSafeLoader):
        pass

    Loader.yaml_constructors = dict(_loader().yaml_constructors)
    return Loader


def _load_yaml(block: str) -> Any:
    """The YAML ``block`` read by the safe loader ``_loader``; raises what it raises.

    Read by libyaml first, five times faster (the same constructors and resolver, only the parser
    in C): whatever libyaml cannot read, the pure-Python loader reads again, so that it decides
    what is an error and how it is worded (``tests/test_frontmatter_speed.py`` compares the two).
    """
    import yaml

    fast = _libyaml_loader()
    if fast is not None:
        try:
            return yaml.load(block, Loader=fast)  # noqa: S506 - a CSafeLoader subclass
        except Exception:  # noqa: BLE001, S110 - the pure-Python loader reads it again and decides
            pass
    return yaml.load(block, Loader=_loader())  # noqa: S506 - a SafeLoader subclass


class FrontMatterError(Exception):
    """Front matter that is not closed or does not parse; the message is one line."""


@dataclass
class FrontMatter:
    """Parsed front matter and where the body starts in the text."""

    fields: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0
    syntax: str = ""
    dropped: list[str] = field(default_factory=list)

    @property
    def notes(self) -> list[str]:
        """One line per field that was ignored: a TOML line that did not parse, a date that is no date."""
        notes = list(self.dropped)
        for name in DATE_KEYS:
            value = self.fields.get(name)
            if value is not None and parse_date(value) is None:
                shown = " ".join(str(value).split())[:60]
                notes.append(f"front matter field {name} = {shown!r} is not a valid date; ignored")
        return notes

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
        for name in DATE_KEYS:
            value = self.fields.get(name)
            parsed = parse_date(value)
            if parsed is not None:
                return parsed, f"{name} = {value}"
        return None

    @property
    def zone(self) -> str | None:
        """The UTC offset of the publication timestamp, when it gives one."""
        for name in DATE_KEYS:
            value = self.fields.get(name)
            if parse_date(value) is not None:
                return parse_zone(value)
        return None


def parse_zone(value: Any) -> str | None:
    """The UTC offset of a timestamp ("+08:00", "+00:00" for Z), when it gives one; None otherwise."""
    if isinstance(value, dt.datetime):
        delta = value.utcoffset()
        if delta is None:
            return None
        total = int(delta.total_seconds()) // 60
        return f"{'-' if total < 0 else '+'}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    if isinstance(value, str):
        match = _ZONED.search(value.strip())
        if match:
            if match[1] in ("Z", "z"):
                return "+00:00"
            return f"{match[2]}{match[3]}:{match[4]}"
    return None


# A timestamp's time and offset: "2024-10-31T14:52:00+08:00", "2024-10-31 14:52:00Z", "...+0800".
_ZONED = re.compile(r"\d[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|z|([+-])(\d{2}):?(\d{2}))$")


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
    dropped: list[str] = []
    if delimiter == "+++":
        fields: Any = _toml(block.replace("\r\n", "\n"), dropped)
        syntax = "toml"
    else:
        import yaml

        try:
            fields = _load_yaml(block)
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
                       syntax=syntax, dropped=dropped)


def _toml(block: str, dropped: list[str]) -> dict[str, Any]:
    """Parse a TOML block; a ``key = value`` line that does not parse (an impossible date, an
    unterminated string) is blanked, named in ``dropped`` and the block parsed again."""
    lines = block.split("\n")
    while True:
        try:
            return tomllib.loads("\n".join(lines))
        except tomllib.TOMLDecodeError as exc:
            where = _TOML_ERROR_LINE.search(str(exc))
            number = int(where[1]) - 1 if where else -1
            key = _TOML_KEY_LINE.match(lines[number]) if 0 <= number < len(lines) else None
            if key is None or len(dropped) >= _MAX_DROPPED:
                raise FrontMatterError(f"invalid TOML front matter: {_one_line(exc)}") from exc
            shown = " ".join(lines[number].split())[:60]
            dropped.append(f"front matter line {number + 1} ({shown!r}) ignored: {_one_line(exc)}")
            lines[number] = ""


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]
