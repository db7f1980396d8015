"""Quotes as readers see them: the words of the sentence around a claim's value, never the file's markup.

An HTML article is quoted from its raw file, so its evidence holds tags and
entities (``<em>``, ``&nbsp;``). Every report shows the words instead: tags
become spaces, entities their characters, runs of white space one space. The
evidence offsets in the JSON report are untouched: this is display only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from checker.records import Claim, TimeValue
from checker.report.words import day_words

# Characters of file text shown on each side of the compared value.
RADIUS = 100
# A quote shown without its file is cut to this many characters around the value.
QUOTE_RADIUS = 160

_TAG = re.compile(r"<[^<>]{0,2000}>")
_SPACE = re.compile(r"\s+")
_BREAK = re.compile(r"\n[^\S\n]*\n")
_BLOCK_BREAK = re.compile(r"\n[^\S\n]*\n|<(?:/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|article|section|header|"
                          r"footer|main|aside|nav|table|tr|td|th|blockquote|figure|figcaption|body|html|pre)|br)"
                          r"\b[^<>]{0,2000}>", re.IGNORECASE)


@dataclass(frozen=True)
class Segment:
    """A piece of a displayed quote: ``kind`` is ``context`` (outside the evidence), ``text`` or ``value``."""

    kind: str
    text: str


@dataclass(frozen=True)
class Quoted:
    """A quote cut for display, with whether text was left out before and after it."""

    segments: tuple[Segment, ...]
    cut_before: bool
    cut_after: bool

    @property
    def text(self) -> str:
        """The quote as plain text, with "…" where it was cut."""
        body = "".join(s.text for s in self.segments).strip()
        return ("…" if self.cut_before else "") + body + ("…" if self.cut_after else "")


def words(text: str, markup: bool) -> str:
    """``text`` as a reader sees it: without tags and entities when it is markup, spaces collapsed."""
    if markup:
        text = html.unescape(_TAG.sub(" ", text))
    return _SPACE.sub(" ", text)


def quote(claim: Claim, markup: bool, source: str | None = None, radius: int = RADIUS,
          alone_radius: int = QUOTE_RADIUS) -> Quoted:
    """The quote around the claim's value: from the file (``source``) when its text still matches the
    evidence, with context up to ``radius`` characters inside the paragraph; else the evidence alone."""
    ev = claim.evidence
    if source is not None and source[ev.start:ev.end] == ev.quote:
        text, base, reach = source, 0, radius
    else:
        text, base, reach = ev.quote, ev.start, alone_radius
    breaks = _BLOCK_BREAK if markup else _BREAK
    inner_lo = min(ev.start, claim.value.start) - base
    inner_hi = max(ev.end, claim.value.end) - base
    lo = max(0, claim.value.start - base - reach)
    hi = min(len(text), claim.value.end - base + reach)
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
        piece = words(text[a:b], markup)
        if out and out[-1].kind == kind:
            out[-1] = Segment(kind, out[-1].text + piece)
        else:
            out.append(Segment(kind, piece))
    if out:
        out[0] = Segment(out[0].kind, out[0].text.lstrip())
        out[-1] = Segment(out[-1].kind, out[-1].text.rstrip())
    return Quoted(tuple(s for s in out if s.text), cut_before, cut_after)


def value_text(claim: Claim, markup: bool) -> str:
    """The value as the source wrote it ("over a hundred", "novembre 2024"), without markup."""
    return words(claim.value.text, markup).strip() or claim.value.text


def resolution_note(claim: Claim) -> str:
    """How a relative or partial date was read ("read against 21 October 2025"), or ""."""
    value = claim.value.value
    if isinstance(value, TimeValue) and value.resolution in ("relative", "year-inferred") and value.anchor:
        return f"read against {day_words(value.anchor)}"
    return ""
