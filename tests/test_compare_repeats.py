"""Identical articles compared once and counted (``checker.compare.repeats``) give the findings of the plain
path over every claim: real articles (the seeds and, when present, a dev story) copied on disk, extracted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker import pipeline
from checker.compare.groups import compare_claims
from checker.compare.repeats import compare_distinct
from checker.records import Claim, DocumentInfo, claims_fingerprint
from tests.conftest import SEEDS, SHARED

STORY = SHARED / "dev" / "xiaomi-su7"


def _documents(folder: Path) -> list[tuple[DocumentInfo, list[Claim]]]:
    extraction = pipeline.extract([str(folder)], claims_dir=None, use_cache=False, doc_timeout=0)
    return [(doc.info, extraction.claims[doc.path]) for doc in extraction.documents]


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each seed three times, one dev story twice, and one seed under another format (its bytes as .md)."""
    root = tmp_path_factory.mktemp("repeats")
    originals = sorted(SEEDS.iterdir()) + (sorted(STORY.glob("[0-9][0-9][0-9]_*")) if STORY.is_dir() else [])
    for copy in range(3):
        for path in originals:
            if copy < 2 or path.parent == SEEDS:
                shutil.copy(path, root / f"c{copy}-{path.name}")
    text_seed = next(p for p in sorted(SEEDS.iterdir()) if p.suffix == ".txt")
    shutil.copy(text_seed, root / "as-markdown.md")
    return root


def test_identical_articles_counted_give_the_findings_of_every_claim(copied: Path) -> None:
    documents = _documents(copied)
    plain = compare_claims(claim for _, claims in documents for claim in claims)
    distinct = compare_distinct(documents)
    assert distinct == plain
    assert any(len(f.evidence) >= 3 for f in plain)


def test_without_copies_it_is_the_plain_path(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    documents = _documents(tmp_path / "seeds")
    assert compare_distinct(documents) == compare_claims(c for _, claims in documents for c in claims)


def test_a_copy_counts_as_a_second_statement(tmp_path: Path) -> None:
    """One article alone states each figure once; with its copy, every figure is stated twice and agrees
    with itself, in both paths."""
    article = sorted(SEEDS.iterdir())[0]
    shutil.copy(article, tmp_path / f"a{article.suffix}")
    alone = compare_distinct(_documents(tmp_path))
    shutil.copy(article, tmp_path / f"b{article.suffix}")
    documents = _documents(tmp_path)
    twice = compare_distinct(documents)
    assert twice == compare_claims(c for _, claims in documents for c in claims)
    assert len(twice) > len(alone)
    assert any("stated 2 times" in f.reason for f in twice)


def test_fingerprints_taken_as_the_claims_arrive_give_the_same_findings(copied: Path, tmp_path: Path) -> None:
    # Through the pipeline: the claims' fingerprints are taken in the workers' results and the cache reads.
    for claims_dir in (tmp_path / "claims", tmp_path / "claims"):  # extracted, then read from the cache
        extraction = pipeline.extract([str(copied)], claims_dir=claims_dir, workers=2)
        assert len(extraction.fingerprints) == len(extraction.documents)
        plain = compare_claims(claim for doc in extraction.documents for claim in extraction.claims[doc.path])
        assert pipeline.compare(extraction) == plain


def test_a_stray_claims_list_is_not_taken_for_a_copy(tmp_path: Path) -> None:
    """Two identical articles whose claims differ (a claims file edited by hand) are compared apart."""
    article = sorted(SEEDS.iterdir())[0]
    shutil.copy(article, tmp_path / f"a{article.suffix}")
    shutil.copy(article, tmp_path / f"b{article.suffix}")
    (first_info, first), (second_info, second) = _documents(tmp_path)
    assert len(second) > 2
    stray = [second[0], *second[2:]]
    documents = [(first_info, first), (second_info, stray)]
    plain = compare_claims(c for _, claims in documents for c in claims)
    assert compare_distinct(documents) == plain
    assert compare_distinct(documents, [claims_fingerprint(first), None]) == plain
