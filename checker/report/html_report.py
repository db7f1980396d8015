"""The HTML report for editors: one self-contained page (inline CSS, JS and SVG; nothing fetched).

It opens with a fact sheet (one row per compared fact, one column per source,
each cell the value as that source wrote it), then a timeline of the dated
facts, then one card per fact: its values in words with a picture, who states
each and their quotes, and the pairs that disagree in plain words. Claims that
met nothing are listed per document, and the sources by name, grouped by site.
Facts are grouped by subject and collapse when there are many; filters (verdict,
source or site, subject, fact, words) narrow every part at once.

All article text goes through jinja2's autoescaping; the only markup added
around it is built from escaped pieces (quotes here, pictures in ``pictures``).
A Content-Security-Policy with the hashes of the page's own style and script
means that even markup that slipped through could neither run nor load anything.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from checker import build_cache
from checker.records import VERDICTS, Claim, Report
from checker.report import pictures
from checker.report.pieces import joined
from checker.report.quotes import Quoted, quote, resolution_note, value_text
from checker.report.sources import Source, doc_anchor
from checker.report.view import VERDICT_WORDS, Card, View, build_view
from checker.report.words import fact_label, value_words

VERDICT_TITLE = {"conflict": "Conflict", "attributed": "Different counting bodies", "updated": "Updated figure",
                 "compatible": "Compatible", "agreement": "Agreement"}
# Up to this many facts, every subject group is open; above it, groups start collapsed.
OPEN_UP_TO = 40
# Statements of one value shown on its card before the rest fold away.
QUOTES_SHOWN = 3
# Characters of file text shown on each side of a value on a card.
CONTEXT = 60
# Characters of a quote shown for a claim that met nothing.
UNMATCHED_RADIUS = 90
# Characters of a value as written shown in a cell of the fact sheet.
CELL_CHARS = 48
_INDENT = re.compile(r"\n[ \t]+<")
# Characters of template pieces joined before they are handed on.
_CHARS = 1 << 20
_LANG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Statement:
    """One claim as a card shows it."""

    claim: Claim
    source: Source
    quoted: Quoted
    lang: str | None
    written: str
    note: str


@dataclass(frozen=True)
class Cell:
    """One source's values for one fact in the fact sheet."""

    texts: tuple[str, ...]
    status: str
    title: str


@dataclass(frozen=True)
class SiteGroup:
    """The sources of one site (or of no stated site)."""

    anchor: str
    name: str
    sources: tuple[Source, ...]


def site_anchor(key: str) -> str:
    """A stable id for a site group."""
    return "site-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _cut(text: str, limit: int = CELL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _environment() -> Environment:
    return Environment(loader=PackageLoader("checker.report", "templates"),
                       autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                       bytecode_cache=_compiled_templates())


class _CompiledTemplates(FileSystemBytecodeCache):
    """The templates as jinja2 compiled them, kept between runs in the build cache's folder: speed only
    (compiling them took 60 ms of every run that writes the page). jinja2 checks each against its
    template's source and the interpreter; a cache that cannot be read or written costs only the speed."""

    def load_bytecode(self, bucket: Bucket) -> None:
        if not build_cache.trusted(Path(self._get_cache_filename(bucket))):
            return
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)


def _compiled_templates() -> _CompiledTemplates | None:
    folder = build_cache.cache_folder()
    return None if folder is None else _CompiledTemplates(str(folder / "templates"))


class _Page:
    """Everything the template needs, computed once."""

    def __init__(self, report: Report, texts: Mapping[str, str], view: View | None = None) -> None:
        self.texts = texts
        self.view = view or build_view(report, texts)
        self.sources = [self.view.source(d.path) for d in report.documents]
        self.sites = self._sites()
        self.site_of = {s.path: site_anchor(s.site_key) for s in self.sources}

    def _sites(self) -> list[SiteGroup]:
        grouped: dict[str, list[Source]] = {}
        for source in self.sources:
            grouped.setdefault(source.site_key, []).append(source)
        named = sorted(((k, v) for k, v in grouped.items() if k), key=lambda kv: (-len(kv[1]), kv[0]))
        groups = [SiteGroup(site_anchor(k), v[0].site or k, tuple(v)) for k, v in named]
        if "" in grouped:
            groups.append(SiteGroup(site_anchor(""), "Site not stated", tuple(grouped[""])))
        return groups

    def markup(self, path: str) -> bool:
        return self.view.source(path).format == "html"

    def statement(self, claim: Claim) -> Statement:
        source = self.view.source(claim.document)
        markup = source.format == "html"
        lang = source.language if source.language and _LANG.match(source.language) else None
        quoted = quote(claim, markup, self.texts.get(claim.document), radius=CONTEXT)
        return Statement(claim=claim, source=source, quoted=quoted, lang=lang, written=value_text(claim, markup),
                         note=resolution_note(claim))

    def cells(self, card: Card, paths: list[str]) -> list[Cell | None]:
        """The card's row of the fact sheet: per source, the values as written there, worst status first."""
        out: list[Cell | None] = []
        for path in paths:
            found = [(v, c) for v in card.values for c in v.claims if c.document == path]
            if not found:
                out.append(None)
                continue
            markup = self.markup(path)
            # Names are shown as the name (a role's text can be a whole phrase); figures and dates as written.
            texts = tuple(dict.fromkeys(_cut(v.words if card.kind == "other" else value_text(c, markup))
                                        for v, c in found))
            statuses = sorted({v.status for v, _ in found}, key=VERDICTS.index)
            meanings = "; ".join(dict.fromkeys(v.words for v, _ in found))
            out.append(Cell(texts=texts, status=statuses[0],
                            title=f"{self.view.source(path).name}: {meanings}"))
        return out

    def data_sources(self, paths: list[str]) -> str:
        return " ".join(self.view.source(p).anchor for p in paths)

    def data_sites(self, paths: list[str]) -> str:
        return " ".join(dict.fromkeys(self.site_of.get(p, site_anchor("")) for p in paths))

    def unmatched_line(self, claim: Claim) -> tuple[str, str, str]:
        """(fact, value in words, quote) for a claim that met nothing."""
        markup = self.markup(claim.document)
        quoted = quote(claim, markup, None, alone_radius=UNMATCHED_RADIUS)
        return fact_label(claim.attribute), value_words(claim.value.value), quoted.text


class HtmlReporter:
    """A single-file HTML report; ``sources`` maps a document path to its file text, for quotes in context
    and for naming untitled sources. ``view``: the report's view when the caller has already built it."""

    def __init__(self, sources: dict[str, str] | None = None, view: View | None = None) -> None:
        self.sources = dict(sources or {})
        self.view = view

    def render(self, report: Report) -> str:
        """The whole page for ``report``: deterministic, with no timestamps and no external resources."""
        return "".join(self.chunks(report))

    def chunks(self, report: Report) -> Iterator[str]:
        """The page in pieces (about ``_CHARS`` characters each) as the template produces it: one
        pass, never the whole page in memory (at 10,000 articles the page is over 100 MB and its template
        pieces, joined at once, took several times that)."""
        env = _environment()
        loader = env.loader
        assert loader is not None
        css = loader.get_source(env, "report.css")[0]
        js = loader.get_source(env, "report.js")[0]
        page = _Page(report, self.sources, self.view)
        view = page.view
        cards = view.cards
        verdicts = Counter(c.verdict for c in cards)
        severities = Counter(c.severity for c in cards if c.verdict == "conflict")
        facts = sorted({(c.fact, c.fact_label) for c in cards}, key=lambda f: f[1])
        subjects = sorted(view.groups, key=lambda g: g.name.casefold())
        claim_counts = Counter(c.document for c in report.claims)
        compared = Counter(p for c in cards for p in c.sources)
        # The parts repeated per subject group or source are macros of their own (``sheet``, ``cards`` and
        # ``unmatched.html.j2``): each hands the page one piece per group, not one per word of markup.
        pieces = env.get_template("report.html.j2").generate(
            report=report, view=view, page=page, css=css, js=js, csp_style=_csp_hash(css),
            csp_script=_csp_hash(js), cards=cards, groups=view.groups, subjects=subjects, facts=facts,
            verdicts=verdicts, severities=severities, total=len(cards), open_all=len(cards) <= OPEN_UP_TO,
            overview=pictures.overview(view, cards), picture=lambda card: pictures.picture(view, card),
            sites=page.sites, sources=page.sources, claim_counts=claim_counts, compared=compared,
            VERDICTS=VERDICTS, VERDICT_TITLE=VERDICT_TITLE, VERDICT_WORDS=VERDICT_WORDS, QUOTES_SHOWN=QUOTES_SHOWN,
            OPEN_UP_TO=OPEN_UP_TO, unmatched_sources=[s for s in page.sources if view.unmatched.get(s.path)],
        )
        return _cleaned(pieces)


def _cleaned(pieces: Iterator[str]) -> Iterator[str]:
    """The page without the template's indentation, in pieces of about ``_CHARS`` characters."""
    # The template's indentation is for its readers, not the page's: a 300-article page is 8% smaller
    # without it. Article text never holds a line break here (quotes and names are one line). An
    # indentation starts at a line break and holds none, so text up to the last line break of what has
    # come so far can be cleaned and let go.
    carry = ""
    for batch in joined(pieces, _CHARS):
        text = carry + batch
        cut = text.rfind("\n")
        if cut <= 0:
            carry = text
            continue
        yield _INDENT.sub("\n<", text[:cut])
        carry = text[cut:]
    yield _INDENT.sub("\n<", carry)


__all__ = ["HtmlReporter", "doc_anchor"]
