"""ClaimReview JSON-LD: one review per conflicting fact, with the fields fact-check platforms require and
recommend (docs/claimreview.schema.json), no invented date and no path of this machine."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema

from checker.records import Report
from checker.report.claimreview import ClaimReviewReporter
from tests.conftest import ROOT, SEEDS
from tests.test_html_report import HOSTILE, TEXTS, make_report
from tests.trust_helpers import factcheck

SCHEMA = json.loads((ROOT / "docs" / "claimreview.schema.json").read_text(encoding="utf-8"))


def graph(report: Report, **options: Any) -> list[dict[str, Any]]:
    data = json.loads(ClaimReviewReporter(texts=TEXTS, **options).render(report))
    jsonschema.validate(data, SCHEMA)
    assert data["@context"] == "https://schema.org"
    reviews: list[dict[str, Any]] = data["@graph"]
    return reviews


def test_one_review_per_conflicting_fact_hard_first() -> None:
    reviews = graph(make_report())
    assert [r["@type"] for r in reviews] == ["ClaimReview", "ClaimReview"]
    assert [r["reviewRating"]["ratingValue"] for r in reviews] == [1, 2]
    assert reviews[0]["reviewRating"]["alternateName"] == "Contradicted by another source"
    assert reviews[1]["reviewRating"]["alternateName"] == "In tension with another source"
    for review in reviews:
        rating = review["reviewRating"]
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
        assert review["author"] == {"@type": "Organization", "name": "factcheck"}
        assert review["@id"].startswith("urn:factcheck:finding:")


def test_the_claim_reviewed_is_short_and_its_appearances_are_named() -> None:
    hard = graph(make_report())[0]
    assert hard["claimReviewed"] == "Kellbrook ferry terminal · opening: 7 April 2031"
    assert hard["url"].startswith("#fact-")
    item = hard["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["about"] == {"@type": "Thing", "name": "Kellbrook ferry terminal"}
    # The claim's author: its article's publisher when known, else the article as the reports name it.
    assert item["author"] == {"@type": "Organization", "name": "Kellbrook ferry terminal to open in April"}
    assert item["datePublished"] == "2030-05-14"  # from the herald's dateline
    [appearance] = item["appearance"]
    assert appearance == {"@type": "CreativeWork", "headline": "Kellbrook ferry terminal to open in April",
                          "inLanguage": "en", "datePublished": "2030-05-14", "identifier": "kellbrook-herald.txt"}
    assert item["firstAppearance"] == appearance
    # Cited: the contradicting article, with its own address and its words; not the merely vaguer "2031".
    [cited] = hard["citation"]
    assert cited["url"] == "https://gazette.example/kellbrook"
    assert cited["publisher"] == {"@type": "Organization", "name": "gazette.example"}
    assert cited["inLanguage"] == "fr" and "juin 2031" in cited["text"]
    assert "7 April 2031" in hard["reviewBody"] and "June 2031" in hard["reviewBody"]


def test_the_review_address_author_and_date_come_from_the_options() -> None:
    [hard, soft] = graph(make_report(), review_url="https://news.example/checks/ferry", author="Harbour Desk",
                         review_date="2030-06-02")
    assert hard["url"].startswith("https://news.example/checks/ferry#fact-")
    assert hard["url"] != soft["url"]
    assert hard["author"] == {"@type": "Organization", "name": "Harbour Desk"}
    assert hard["datePublished"] == "2030-06-02"


def test_no_date_is_invented() -> None:
    report = make_report()
    undated = report.model_copy(update={"documents": tuple(
        d.model_copy(update={"reference_date_source": "inferred"}) for d in report.documents)})
    text = ClaimReviewReporter(texts=TEXTS).render(undated)
    assert "datePublished" not in text and "dateCreated" not in text
    jsonschema.validate(json.loads(text), SCHEMA)


def test_no_conflicts_no_reviews() -> None:
    report = make_report()
    calm = report.model_copy(update={"findings": tuple(f for f in report.findings if f.verdict != "conflict")})
    assert graph(calm) == []


def test_output_is_deterministic_json_with_article_text_kept_verbatim() -> None:
    report = make_report(town=HOSTILE)
    texts = {p: t.replace("Kellbrook", HOSTILE) for p, t in TEXTS.items()}
    out = ClaimReviewReporter(texts=texts).render(report)
    assert out == ClaimReviewReporter(texts=texts).render(make_report(town=HOSTILE))
    # The text is kept as written, but no "<" appears raw: the JSON-LD can be embedded in a page.
    assert HOSTILE in json.loads(out)["@graph"][0]["itemReviewed"]["about"]["name"]
    assert "<" not in out


def test_two_checkouts_in_different_folders_give_the_same_reviews(tmp_path: Path) -> None:
    outputs = []
    for name in ("first-checkout", "elsewhere/second"):
        folder = tmp_path / name
        shutil.copytree(SEEDS, folder / "seeds")
        done = factcheck("run", "seeds", "--format", "claimreview", "--output-dir", "-", "--claims",
                         str(folder / "claims"), cwd=folder)
        assert done.returncode == 0, done.stderr
        assert str(tmp_path) not in done.stdout and "file:" not in done.stdout
        outputs.append(done.stdout)
    # Given by absolute path, the files still leave no trace of where they are.
    absolute = factcheck("run", str(tmp_path / "first-checkout" / "seeds"), "--format", "claimreview",
                         "--output-dir", "-", "--claims", str(tmp_path / "claims"), cwd=tmp_path)
    assert str(tmp_path) not in absolute.stdout
    assert outputs[0] == outputs[1] == absolute.stdout
    data = json.loads(outputs[0])
    jsonschema.validate(data, SCHEMA)
    reviews = {r["claimReviewed"]: r for r in data["@graph"]}
    # The seeds' two conflicts; the sources named by title or site.
    assert set(reviews) == {"Qijing · announcement: November 2024",
                            "Huawei · team size: more than 100 people (typically 101 to 199)"}
    announcement = reviews["Qijing · announcement: November 2024"]
    assert announcement["itemReviewed"]["author"] == {"@type": "Organization", "name": "Gasgoo"}
    assert announcement["itemReviewed"]["datePublished"] == "2025-10-16"


def test_a_claim_without_subject_is_reviewed_by_its_fact() -> None:
    report = make_report()
    anonymous = report.model_copy(update={"claims": tuple(c.model_copy(update={"subject": None})
                                                          for c in report.claims)})
    hard = graph(anonymous)[0]
    assert hard["claimReviewed"] == "Opening: 7 April 2031"
    assert hard["name"] == "opening: the sources disagree"
    assert "about" not in hard["itemReviewed"]
