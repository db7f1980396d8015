"""The HTML report for editors: one self-contained page (inline CSS and JS, nothing fetched).

Findings are shown as cards grouped by verdict, conflicts first, each with both
sides' quotes in context and the compared value highlighted. All article text
goes through jinja2's autoescaping; the only markup added around it is built
from escaped fragments here (see ``_segments``). A Content-Security-Policy
with the hashes of the page's own style and script means that even markup that
slipped through could neither run nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from checker.records import VERDICTS, Claim, DocumentInfo, Finding, Report
from checker.report.terminal import columns

VERDICT_ORDER = VERDICTS
VERDICT_TITLE = {"conflict": "Conflicts", "attributed": "Different counting bodies",
                 "updated": "Updated figures (a later count)", "compatible": "Compatible (one is more precise)",
                 "agreement": "Agreements"}
SEVERITY_ORDER = {"hard": 0, "soft": 1, "info": 2}
# Characters of file text shown on each side of the compared value.
RADIUS = 100
# Conflicts listed in the page header's summary; the cards below have them all.
GLANCE = 12
# A quote shown without its file is cut to this many characters around the value.
QUOTE_RADIUS = 160

_TAG = re.compile(r"<[^<>]{0,2000}>")
_SPACE = re.compile(r"\s+")
_BREAK = re.compile(r"\n[^\S\n]*\n")
_BLOCK_BREAK = re.compile(r"\n[^\S\n]*\n|<(?:/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|article|section|header|"
                          r"footer|main|aside|nav|table|tr|td|th|blockquote|figure|figcaption|body|html|pre)|br)"
                          r"\b[^<>]{0,2000}>", re.IGNORECASE)
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_LANG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Segment:
    """A piece of a displayed quote: ``kind`` is ``context`` (outside the evidence), ``text`` or ``value``."""

    kind: str
    text: str


@dataclass(frozen=True)
class Quote:
    """One side's statement as shown on a card."""

    doc_id: str
    doc_name: str
    path: str
    line: int
    column: int
    lang: str | None
    value_text: str
    segments: tuple[Segment, ...]
    cut_before: bool
    cut_after: bool


@dataclass
class Card:
    """What the template needs for one finding."""

    finding: Finding
    anchor: str
    attribute: str
    sources: list[tuple[str, str]]  # (doc id, name), in document order
    columns: list[tuple[str, list[Quote]]] = field(default_factory=list)


def doc_anchor(path: str) -> str:
    """A stable, unique HTML id for a document: its file name made safe plus a short hash of its path."""
    name = _ID_UNSAFE.sub("-", Path(path).name).strip("-")[:40] or "doc"
    return f"doc-{name}-{hashlib.sha1(path.encode('utf-8')).hexdigest()[:6]}"


def _clean(text: str, markup: bool) -> str:
    # HTML sources are quoted from the raw file: show the words, not the tags and entities.
    if markup:
        text = html.unescape(_TAG.sub(" ", text))
    return _SPACE.sub(" ", text)


def _segments(claim: Claim, info: DocumentInfo | None,
              source: str | None) -> tuple[list[Segment], bool, bool]:
    """The quote around the claim's value, from the file when its text still matches the evidence."""
    ev = claim.evidence
    markup = info is not None and info.format == "html"
    if source is not None and source[ev.start:ev.end] == ev.quote:
        text, base, radius = source, 0, RADIUS
    else:
        text, base, radius = ev.quote, ev.start, QUOTE_RADIUS
    breaks = _BLOCK_BREAK if markup else _BREAK
    inner_lo = min(ev.start, claim.value.start) - base
    inner_hi = max(ev.end, claim.value.end) - base
    lo = max(0, claim.value.start - base - radius)
    hi = min(len(text), claim.value.end - base + radius)
    # Context stays inside the paragraph: a headline or front matter is not part of the quote.
    before = list(breaks.finditer(text, lo, max(lo, inner_lo)))
    last = before[-1] if before else None
    after = breaks.search(text, min(hi, inner_hi), hi)
    cut_before, cut_after = last is None and lo > 0, after is None and hi < len(text)
    lo = last.end() if last else lo
    hi = after.start() if after else hi
    # Cut at word boundaries so no word is shown half.
    if cut_before:
        space = text.find(" ", lo, lo + 30)
        lo = space + 1 if space >= 0 else lo
    if cut_after:
        space = text.rfind(" ", hi - 30, hi)
        hi = space if space >= 0 else hi
    v_start = min(max(claim.value.start - base, lo), hi)
    v_end = min(max(claim.value.end - base, v_start), hi)
    e_start = min(max(ev.start - base, lo), hi)
    e_end = min(max(ev.end - base, lo), hi)
    cuts = sorted({lo, hi, v_start, v_end, e_start, e_end})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        if v_start <= a and b <= v_end:
            kind = "value"
        else:
            kind = "text" if e_start <= a and b <= e_end else "context"
        piece = _clean(text[a:b], markup)
        if out and out[-1].kind == kind:
            out[-1] = Segment(kind, out[-1].text + piece)
        else:
            out.append(Segment(kind, piece))
    return out, cut_before, cut_after


def _quote(claim: Claim, docs: dict[str, DocumentInfo], sources: dict[str, str]) -> Quote:
    info = docs.get(claim.document)
    segments, before, after = _segments(claim, info, sources.get(claim.document))
    lang = info.language if info and info.language and _LANG.match(info.language) else None
    return Quote(doc_id=doc_anchor(claim.document), doc_name=_doc_name(info, claim.document),
                 path=claim.document, line=claim.evidence.line, column=claim.evidence.column, lang=lang,
                 value_text=claim.value.text, segments=tuple(segments), cut_before=before, cut_after=after)


def _doc_name(info: DocumentInfo | None, path: str) -> str:
    return (info.title if info and info.title else None) or Path(path).name


def _attribute(finding: Finding, claims: dict[str, Claim]) -> str:
    found = sorted({claims[c].attribute for c in finding.claims if c in claims})
    if found:
        return found[0]
    # No claim records (a trimmed report): the key is "subject / attribute / ...".
    parts = finding.key.split(" / ")
    return parts[1] if len(parts) > 1 else finding.key


def _card(finding: Finding, claims: dict[str, Claim], docs: dict[str, DocumentInfo],
          order: dict[str, int], sources: dict[str, str]) -> Card:
    paths = sorted({claims[c].document for c in finding.claims if c in claims}
                   | {s.path for s in finding.evidence}, key=lambda p: (order.get(p, len(order)), p))
    card = Card(finding=finding, anchor=f"finding-{finding.fingerprint}",
                attribute=_attribute(finding, claims),
                sources=[(doc_anchor(p), _doc_name(docs.get(p), p)) for p in paths])
    card.columns = [(value, [_quote(c, docs, sources) for c in found]) for value, found in columns(finding, claims)]
    return card


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _environment() -> Environment:
    return Environment(loader=PackageLoader("checker.report", "templates"),
                       autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


class HtmlReporter:
    """A single-file HTML report; ``sources`` maps a document path to its file text, for quotes in context."""

    def __init__(self, sources: dict[str, str] | None = None) -> None:
        self.sources = dict(sources or {})

    def render(self, report: Report) -> str:
        """The whole page for ``report``: deterministic, with no timestamps and no external resources."""
        env = _environment()
        loader = env.loader
        assert loader is not None
        css = loader.get_source(env, "report.css")[0]
        js = loader.get_source(env, "report.js")[0]
        docs = {d.path: d for d in report.documents}
        order = {d.path: i for i, d in enumerate(report.documents)}
        claims = {c.id: c for c in report.claims}
        claim_counts = Counter(c.document for c in report.claims)
        # Conflicts first, hard before soft; otherwise the report's own (stable) order.
        ranked = sorted(enumerate(report.findings), key=lambda p: (
            VERDICT_ORDER.index(p[1].verdict), SEVERITY_ORDER[p[1].severity], p[0]))
        cards = [_card(f, claims, docs, order, self.sources) for _, f in ranked]
        groups = [(v, VERDICT_TITLE[v], [c for c in cards if c.finding.verdict == v]) for v in VERDICT_ORDER]
        verdicts = Counter(f.verdict for f in report.findings)
        severities = Counter(f.severity for f in report.findings if f.verdict == "conflict")
        template = env.get_template("report.html.j2")
        return template.render(
            report=report, css=css, js=js, csp_style=_csp_hash(css), csp_script=_csp_hash(js),
            documents=[(doc_anchor(d.path), d, claim_counts.get(d.path, 0)) for d in report.documents],
            doc_name=_doc_name, groups=groups, verdicts=verdicts, severities=severities,
            attributes=sorted({c.attribute for c in cards}), total=len(cards), GLANCE=GLANCE,
        )
