"""Sources by name: what the reports call each article, and where it comes from.

Ingest keeps a document's title and its source (a publisher's name or a URL)
when the file says them. The reports also read, from the file's own text, what
an editor would use to name an untitled article: its headline line, the site of
its canonical URL, the agency of its dateline ("PARIS, 3 March (Agency) -"). This
is display only: nothing here changes a claim or a finding.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from checker.frontmatter import FrontMatter, FrontMatterError, read_front_matter
from checker.records import DocumentInfo
from checker.report.words import MONTHS, day_words

# Front-matter keys that hold the article's own address.
_URL_KEYS = ("source_link", "source_url", "canonical", "canonical_url", "url", "link", "permalink")
_CANONICAL = re.compile(r"""<link\b[^<>]{0,500}?\brel\s*=\s*["']?canonical\b[^<>]{0,500}?>""", re.IGNORECASE)
_OG_URL = re.compile(r"""<meta\b[^<>]{0,500}?\bproperty\s*=\s*["']?og:url\b[^<>]{0,500}?>""", re.IGNORECASE)
_HREF = re.compile(r"""\b(?:href|content)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,2000}>")
_HEAD_END = re.compile(r"<body\b|</head\s*>", re.IGNORECASE)
_DROP = re.compile(r"<(script|style|nav|header|footer|aside|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# A dateline's credit: "CITY[, date] (Agency) -" at the start of a paragraph, before a dash.
_CREDIT = re.compile(r"^[^\n()\[\].!?;]{2,60}?\(([^()\n]{2,40})\)\s*(?:--|[-–—:])\s")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_HEADLINE_MAX = 200
_SHORT_MAX = 38
_FIRST_WORDS = 8
_PEEK = 20_000

DATE_SOURCES = {
    "front-matter": "from its front matter",
    "html-meta": "from the page's metadata",
    "dateline": "from its dateline",
    "report-date": "from the report it cites",
    "inferred": "inferred from its text",
    "unknown": "no date found",
}


@dataclass(frozen=True)
class Source:
    """One article as the reports name it."""

    path: str
    anchor: str
    file: str
    name: str
    # What ``name`` is: "title", "headline", "site", "first words" or "file".
    named_by: str
    short: str
    title: str | None
    site: str | None
    url: str | None
    language: str | None
    date: dt.date | None
    date_source: str
    date_evidence: str | None
    format: str

    @property
    def date_words(self) -> str:
        """"21 October 2025" or "undated"."""
        return day_words(self.date) if self.date else "undated"

    @property
    def date_origin(self) -> str:
        """Where the date came from, in words."""
        return DATE_SOURCES.get(self.date_source, self.date_source)

    @property
    def site_key(self) -> str:
        """The group this source belongs to in the sources list: its site, or none."""
        return (self.site or "").casefold()


def doc_anchor(path: str) -> str:
    """A stable, unique HTML id for a document: its file name made safe plus a short hash of its path."""
    name = _ID_UNSAFE.sub("-", PurePath(path).name).strip("-")[:40] or "doc"
    return f"doc-{name}-{hashlib.sha1(path.encode('utf-8')).hexdigest()[:6]}"


def _is_url(text: str | None) -> bool:
    return bool(text) and str(text).startswith(("https://", "http://"))


def host(url: str) -> str | None:
    """The site of a URL, as people say it: "https://www.example.com/a" -> "example.com"."""
    try:
        name = urlsplit(url).hostname
    except ValueError:
        return None
    if not name:
        return None
    return name[4:] if name.startswith("www.") else name


def _html_url(raw: str) -> str | None:
    head = raw[:_PEEK]
    end = _HEAD_END.search(head)
    head = head[: end.start()] if end else head
    for pattern in (_CANONICAL, _OG_URL):
        for tag in pattern.finditer(head):
            for attribute in _HREF.finditer(tag.group()):
                value = html.unescape(next(g for g in attribute.groups() if g is not None)).strip()
                if _is_url(value):
                    return value
    return None


def _front(raw: str) -> FrontMatter | None:
    """The front matter of the file's first characters (None: none, or none that reads)."""
    try:
        return read_front_matter(raw[:_PEEK], strict=False)
    except FrontMatterError:
        return None


def _body_lines(raw: str, fmt: str, front: FrontMatter | None) -> list[str]:
    """The first lines of the article's text, without front matter (``front``, read by ``_front``) or markup."""
    text = raw[:_PEEK]
    if fmt == "html":
        text = _DROP.sub("\n", text)
        text = re.sub(r"<(?:/?(?:p|div|h[1-6]|li|article|section|br|title|figcaption))\b[^<>]{0,2000}>", "\n",
                      text, flags=re.IGNORECASE)
        text = html.unescape(_TAG.sub(" ", text))
    elif front is not None:
        text = text[front.body_start:]
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return [line for line in lines if line][:12]


def _front_url(front: FrontMatter | None) -> str | None:
    if front is None:
        return None
    for key in _URL_KEYS:
        value = front.fields.get(key)
        if isinstance(value, str) and _is_url(value.strip()):
            return value.strip()
    return None


def _credit(lines: Iterable[str]) -> str | None:
    for line in list(lines)[:4]:
        found = _CREDIT.match(line)
        if found:
            credit = found.group(1).strip()
            # "(AFP)", "(Agency)", "(The Harbour Ledger)": a name, not a figure or a date.
            if any(ch.isalpha() for ch in credit) and not any(ch.isdigit() for ch in credit):
                return credit
    return None


def _first_words(line: str) -> str:
    words = line.split()
    if len(words) <= 1:
        # A script without spaces between words (Chinese): the first characters.
        return line[:20] + ("…" if len(line) > 20 else "")
    cut = " ".join(words[:_FIRST_WORDS])
    return cut.rstrip(",;:") + ("…" if len(words) > _FIRST_WORDS else "")


def _shorten(text: str, limit: int = _SHORT_MAX) -> str:
    if len(text) <= limit:
        return text
    if text.startswith("“") and text.endswith("”"):
        # A name made of first words keeps its quotation marks.
        return "“" + _shorten(text[1:-1].rstrip("…"), limit - 2) + "”"
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",;:-–— ") + "…"


def name_source(info: DocumentInfo, raw: str | None = None) -> Source:
    """How the reports name one document (``raw``: the file's text, when the reporter has it)."""
    # Read once for the first lines and the address: a YAML parse is most of the naming of a source.
    front = _front(raw) if raw and info.format != "html" else None
    lines = _body_lines(raw, info.format, front) if raw else []
    url: str | None = info.source if _is_url(info.source) else None
    site: str | None = info.source if info.source and not url else None
    if raw and url is None:
        url = _html_url(raw) if info.format == "html" else _front_url(front)
    if site is None and url is not None:
        site = host(url)
    if site is None:
        site = _credit(lines[1:] if info.zones.get("headline") else lines)
    title, named_by = info.title, "title"
    if title is None and lines and info.zones.get("headline"):
        headline = _MARKDOWN_HEADING.sub("", lines[0])
        if len(headline) <= _HEADLINE_MAX:
            title, named_by = headline, "headline"
    file = PurePath(info.path).name
    if title:
        name = title
    elif site:
        name, named_by = site, "site"
    elif lines:
        name, named_by = f"“{_first_words(lines[0])}”", "first words"
    else:
        name, named_by = file, "file"
    short = _shorten(site) if site else _shorten(name)
    return Source(path=info.path, anchor=doc_anchor(info.path), file=file, name=name, named_by=named_by,
                  short=short, title=title, site=site, url=url, language=info.language, date=info.reference_date,
                  date_source=info.reference_date_source, date_evidence=info.reference_date_evidence,
                  format=info.format)


def _short_date(day: dt.date | None) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}" if day else "undated"


def name_sources(documents: Iterable[DocumentInfo], texts: Mapping[str, str] | None = None) -> dict[str, Source]:
    """Every document named, with short names made unique (a site's articles by their dates)."""
    texts = texts or {}
    named = [name_source(info, texts.get(info.path)) for info in documents]
    counts = Counter(source.short for source in named)
    out: dict[str, Source] = {}
    seen: Counter[str] = Counter()
    for source in named:
        short = source.short
        if counts[short] > 1:
            short = f"{short} ({_short_date(source.date)})"
        seen[short] += 1
        if seen[short] > 1:
            short = f"{short[:-1]}, {seen[short]})" if short.endswith(")") else f"{short} ({seen[short]})"
        out[source.path] = Source(**{**source.__dict__, "short": short})
    return out


def fallback_source(path: str) -> Source:
    """A source for a path the report does not list (a trimmed report): named by its file."""
    file = PurePath(path).name
    return Source(path=path, anchor=doc_anchor(path), file=file, name=file, named_by="file", short=_shorten(file),
                  title=None, site=None, url=None, language=None, date=None, date_source="unknown",
                  date_evidence=None, format="txt")
