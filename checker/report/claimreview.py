"""Conflicts as schema.org ClaimReview JSON-LD, for publishing systems and fact-check aggregators.

One ClaimReview per conflict finding. The claim reviewed is the statement on
the finding's first side, quoted from its source; the sources stating the
other value are cited. The rating scale (see docs/report-html.md):

    1  Contradicted by another source   (hard conflict: the values cannot both be true)
    2  In tension with another source   (soft conflict: they are unlikely to both be true)
    3..5 are not emitted: compatible and agreeing statements are not reviewed.

No date is invented: ``datePublished`` appears only on an appearance whose
document carries a publication date from its own metadata or dateline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.records import Claim, DocumentInfo, Finding, Report
from checker.report.terminal import columns

BEST, WORST = 5, 1
RATINGS = {
    "hard": (1, "Contradicted by another source"),
    "soft": (2, "In tension with another source"),
}
# Reference dates that are the document's own publication date (not inferred from its text).
PUBLISHED_FROM = frozenset({"front-matter", "html-meta", "dateline"})


def document_url(info: DocumentInfo | None, path: str) -> str:
    """The document's own URL when it has one, else its path as a file URL."""
    if info is not None and info.source and info.source.startswith(("https://", "http://")):
        return info.source
    return Path(path).absolute().as_uri()


def _work(path: str, docs: dict[str, DocumentInfo], quote: str | None = None) -> dict[str, Any]:
    info = docs.get(path)
    work: dict[str, Any] = {"@type": "CreativeWork", "url": document_url(info, path)}
    if info is not None:
        if info.title:
            work["headline"] = info.title
        if info.language:
            work["inLanguage"] = info.language
        if info.reference_date and info.reference_date_source in PUBLISHED_FROM:
            work["datePublished"] = info.reference_date.isoformat()
        if info.source and not info.source.startswith(("https://", "http://")):
            # A bare source name (a publication), not a person: the publisher, not the author.
            work["publisher"] = {"@type": "Organization", "name": info.source}
    if quote is not None:
        work["text"] = quote
    return work


def _works(claims: list[Claim], docs: dict[str, DocumentInfo], with_quotes: bool) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for claim in claims:
        if claim.document not in seen:
            seen[claim.document] = _work(claim.document, docs, claim.evidence.quote if with_quotes else None)
    return list(seen.values())


def claim_review(finding: Finding, claims: dict[str, Claim], docs: dict[str, DocumentInfo]) -> dict[str, Any]:
    """One conflict finding as a ClaimReview object."""
    grouped = columns(finding, claims)
    left = grouped[0][1] if grouped else []
    right = [claim for _, found in grouped[1:] for claim in found]
    reviewed = left[0] if left else None
    rating, label = RATINGS.get(finding.severity, RATINGS["soft"])
    quote = reviewed.evidence.quote if reviewed else (finding.evidence[0].quote if finding.evidence else "")
    appearance = (_works(left, docs, with_quotes=False) if left
                  else [_work(s.path, docs) for s in finding.evidence[:1]])
    other_side = [c for c in right if c not in left]
    body = f"{finding.reason.rstrip('.')}. Values compared: {' vs '.join(finding.values)}."
    if other_side:
        body += " Stated otherwise in: " + "; ".join(
            f"{Path(c.document).name}:{c.evidence.line}:{c.evidence.column} \u201c{c.value.text}\u201d"
            for c in other_side)
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"urn:factcheck:finding:{finding.fingerprint}",
        "identifier": finding.fingerprint,
        "name": finding.key,
        "claimReviewed": quote,
        "itemReviewed": {"@type": "Claim", "appearance": appearance},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": label,
            "ratingExplanation": finding.reason,
        },
        "reviewBody": body,
        "author": {"@type": "Organization", "name": "factcheck"},
    }
    if reviewed is not None and reviewed.subject:
        review["itemReviewed"]["about"] = {"@type": "Thing", "name": reviewed.subject}
    if other_side:
        review["citation"] = _works(other_side, docs, with_quotes=True)
    return review


def claim_reviews(report: Report) -> dict[str, Any]:
    """The report's conflicts as one JSON-LD document with a ``@graph``, hard conflicts first."""
    claims = {c.id: c for c in report.claims}
    docs = {d.path: d for d in report.documents}
    conflicts = sorted((f for f in report.findings if f.verdict == "conflict"),
                       key=lambda f: (f.severity != "hard", f.key, f.fingerprint))
    return {"@context": "https://schema.org",
            "@graph": [claim_review(f, claims, docs) for f in conflicts]}


class ClaimReviewReporter:
    """schema.org ClaimReview JSON-LD for the conflicts only."""

    def render(self, report: Report) -> str:
        """Pretty-printed, key-stable JSON-LD, safe to paste inside an HTML ``<script>`` element."""
        text = json.dumps(claim_reviews(report), ensure_ascii=False, indent=2)
        # "<" only occurs inside JSON strings, where its escape means the same: no "</script>" can end
        # an embedding element early.
        return text.replace("<", "\\u003c") + "\n"
