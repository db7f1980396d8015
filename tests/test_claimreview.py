"""ClaimReview JSON-LD: one review per conflict, with the documented rating scale and no invented dates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.records import Report
from checker.report.claimreview import ClaimReviewReporter
from tests.test_html_report import GAZETTE, HERALD, HOSTILE, make_report


def graph(report: Report) -> list[dict[str, Any]]:
    data = json.loads(ClaimReviewReporter().render(report))
    assert data["@context"] == "https://schema.org"
    reviews: list[dict[str, Any]] = data["@graph"]
    return reviews


def test_one_review_per_conflict_hard_first() -> None:
    reviews = graph(make_report())
    assert [r["@type"] for r in reviews] == ["ClaimReview", "ClaimReview"]
    assert [r["reviewRating"]["ratingValue"] for r in reviews] == [1, 2]
    assert reviews[0]["reviewRating"]["alternateName"] == "Contradicted by another source"
    assert reviews[1]["reviewRating"]["alternateName"] == "In tension with another source"
    for review in reviews:
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
        assert review["author"] == {"@type": "Organization", "name": "factcheck"}
        assert review["@id"].startswith("urn:factcheck:finding:")


def test_claim_reviewed_quotes_one_side_and_cites_the_other() -> None:
    hard = graph(make_report())[0]
    assert hard["claimReviewed"] == ("The new ferry terminal in Kellbrook will open on April 7, 2031, the "
                                     "harbour authority said on Tuesday.")
    assert hard["reviewBody"].startswith("2031-04-07 and 2031-06 are about 2 months apart.")
    assert "“juin 2031”" in hard["reviewBody"]
    item = hard["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["about"] == {"@type": "Thing", "name": "Kellbrook ferry terminal"}
    [appearance] = item["appearance"]
    assert appearance["@type"] == "CreativeWork"
    assert appearance["url"] == Path(HERALD).absolute().as_uri()
    assert appearance["datePublished"] == "2030-05-14"  # from the dateline
    [cited] = hard["citation"]
    # The other source has its own URL, which wins over its path.
    assert cited["url"] == "https://gazette.example/kellbrook"
    assert cited["inLanguage"] == "fr"
    assert "juin 2031" in cited["text"]
    assert GAZETTE not in json.dumps(hard)


def test_no_date_is_invented() -> None:
    report = make_report()
    undated = report.model_copy(update={"documents": tuple(
        d.model_copy(update={"reference_date_source": "inferred"}) for d in report.documents)})
    text = ClaimReviewReporter().render(undated)
    assert "datePublished" not in text and "dateCreated" not in text


def test_no_conflicts_no_reviews() -> None:
    report = make_report()
    kept = tuple(f for f in report.findings if f.verdict != "conflict")
    calm = report.model_copy(update={"findings": kept})
    assert graph(calm) == []


def test_output_is_deterministic_json_with_article_text_kept_verbatim() -> None:
    report = make_report(town=HOSTILE)
    out = ClaimReviewReporter().render(report)
    assert out == ClaimReviewReporter().render(make_report(town=HOSTILE))
    # The text is kept as written, but no "<" appears raw: the JSON-LD can be embedded in a page.
    assert HOSTILE in json.loads(out)["@graph"][0]["claimReviewed"]
    assert "<" not in out
