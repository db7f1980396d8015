"""Conflicts as schema.org ClaimReview JSON-LD, for fact-check publishing platforms and aggregators.

One ClaimReview per fact on which sources conflict. The claim reviewed is the
value fewest sources give (the odd one out), summed up in under 75 characters;
the articles that state it are its appearances, those that state another value
are cited with their quotes. Fields follow what Google's fact-check structured
data requires and recommends (docs/report-html.md lists them, with sources).
The rating scale:

    1  Contradicted by another source   (hard conflict: the values cannot both be true)
    2  In tension with another source   (soft conflict: they are unlikely to both be true)
    3..5 are not emitted: compatible and agreeing statements are not reviewed.

No date is invented and no path of the machine is written: an article's date
appears only when its metadata or dateline gives it, its address only when the
file says it; the review's own address and date come from the options
(``review_url``, ``review_date``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from checker.records import Report
from checker.report.quotes import quote
from checker.report.sources import Source
from checker.report.view import Card, ValueView, View, build_view

BEST, WORST = 5, 1
RATINGS = {
    "hard": (1, "Contradicted by another source"),
    "soft": (2, "In tension with another source"),
}
# Reference dates that are the document's own publication date (not inferred from its text).
PUBLISHED_FROM = frozenset({"front-matter", "html-meta", "dateline"})
# Google: "Try to keep this less than 75 characters to minimize wrapping when displayed on a mobile device."
CLAIM_CHARS = 75
# Characters of a cited quote on each side of its value.
QUOTE_RADIUS = 120


def _published(source: Source) -> str | None:
    if source.date is not None and source.date_source in PUBLISHED_FROM:
        return source.date.isoformat()
    return None


def _organization(name: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": name}


def _work(source: Source, text: str | None = None) -> dict[str, Any]:
    """An article as a CreativeWork: its address when the file says it, never a path of this machine."""
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if source.url:
        work["url"] = source.url
    work["headline" if source.title else "name"] = source.title or source.name
    if source.site:
        work["publisher"] = _organization(source.site)
    if source.language:
        work["inLanguage"] = source.language
    published = _published(source)
    if published:
        work["datePublished"] = published
    work["identifier"] = source.file
    if text is not None:
        work["text"] = text
    return work


def short_claim(card: Card, value: ValueView) -> str:
    """The claim reviewed in under 75 characters: "Qijing · announcement: November 2024"."""
    text = f"{card.title}: {value.words}"
    if card.named and len(text) <= CLAIM_CHARS:
        return text
    text = f"{card.fact_label}: {value.words}"
    if len(text) <= CLAIM_CHARS:
        return text[:1].upper() + text[1:]
    return text[: CLAIM_CHARS - 1].rstrip() + "…"


def _reviewed(card: Card) -> ValueView:
    """The odd one out: the value in conflict that the fewest sources (then statements) give."""
    conflicting = [v for v in card.values if v.status == "conflict"] or card.values
    return min(conflicting, key=lambda v: (len(v.sources), len(v.claims), v.index))


def claim_review(view: View, card: Card, review_url: str | None = None, author: str = "factcheck",
                 review_date: str | None = None) -> dict[str, Any]:
    """One conflicting fact as a ClaimReview object."""
    reviewed = _reviewed(card)
    # Cited: the values that contradict the one reviewed (a merely less precise one is no counter-claim).
    against = {p.a if p.b == reviewed.index else p.b for p in card.pairs
               if p.verdict == "conflict" and reviewed.index in (p.a, p.b)}
    others = [v for v in card.values if v.index in against] or [v for v in card.values if v.index != reviewed.index]
    finding = next(f for f in card.findings if f.verdict == "conflict")
    rating, label = RATINGS.get(card.severity, RATINGS["soft"])
    appearances = [_work(view.source(path)) for path in reviewed.sources]
    dated = sorted((w["datePublished"], i) for i, w in enumerate(appearances) if "datePublished" in w)
    first_index = dated[0][1] if dated else 0
    first = view.source(reviewed.sources[first_index]) if reviewed.sources else None
    item: dict[str, Any] = {"@type": "Claim"}
    if card.named:
        item["about"] = {"@type": "Thing", "name": card.subject}
    if first is not None:
        item["author"] = _organization(first.site or first.name)
    if dated:
        item["datePublished"] = dated[0][0]
    item["appearance"] = appearances
    if dated:
        item["firstAppearance"] = appearances[dated[0][1]]
    citations = []
    for value in others:
        for path in value.sources:
            claim = next(c for c in value.claims if c.document == path)
            source = view.source(path)
            said = quote(claim, source.format == "html", None, alone_radius=QUOTE_RADIUS).text
            citations.append(_work(source, said))
    body = card.summary
    if card.disagreements[1:]:
        body += " " + " ".join(p.sentence for p in card.disagreements[1:])
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"urn:factcheck:finding:{finding.fingerprint}",
        "identifier": finding.fingerprint,
        "url": f"{review_url or ''}#{card.anchor}",
        "name": f"{card.title if card.named else card.fact_label}: the sources disagree",
        "claimReviewed": short_claim(card, reviewed),
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": label,
            "name": label,
            "ratingExplanation": card.summary,
        },
        "reviewBody": body,
        "author": _organization(author),
    }
    if review_date:
        review["datePublished"] = review_date
    if citations:
        review["citation"] = citations
    return review


def claim_reviews(report: Report, texts: Mapping[str, str] | None = None, review_url: str | None = None,
                  author: str = "factcheck", review_date: str | None = None) -> dict[str, Any]:
    """The report's conflicting facts as one JSON-LD document with a ``@graph``, hard conflicts first."""
    view = build_view(report, texts)
    conflicts = sorted((c for c in view.cards if c.verdict == "conflict"),
                       key=lambda c: (c.severity != "hard", c.key, c.anchor))
    return {"@context": "https://schema.org",
            "@graph": [claim_review(view, c, review_url, author, review_date) for c in conflicts]}


class ClaimReviewReporter:
    """schema.org ClaimReview JSON-LD for the conflicts only.

    ``review_url``: where the reviews will be published (each review's ``url`` is it plus ``#`` and the
    fact's anchor; without it, the anchor alone, relative to the page that carries the JSON-LD);
    ``author``: who publishes them; ``review_date``: their publication date (ISO), given only when set.
    """

    def __init__(self, texts: Mapping[str, str] | None = None, review_url: str | None = None,
                 author: str | None = None, review_date: str | None = None) -> None:
        self.texts = dict(texts or {})
        self.review_url = review_url
        self.author = author or "factcheck"
        self.review_date = review_date

    def render(self, report: Report) -> str:
        """Pretty-printed, key-stable JSON-LD, safe to paste inside an HTML ``<script>`` element."""
        data = claim_reviews(report, self.texts, self.review_url, self.author, self.review_date)
        text = json.dumps(data, ensure_ascii=False, indent=2)
        # "<" only occurs inside JSON strings, where its escape means the same: no "</script>" can end
        # an embedding element early.
        return text.replace("<", "\\u003c") + "\n"
