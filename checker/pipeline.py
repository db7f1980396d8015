"""The pipeline wired end to end: ingest -> reference dates -> frames (cached) -> compare -> report.

Extraction is a map over documents and comparison a reduce over claim
groups; the CLI only calls these functions.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from checker import __version__, store
from checker.compare.groups import compare_claims
from checker.document import Document
from checker.frame.build import extract_claims
from checker.ingest import load_corpus
from checker.records import Claim, DocumentInfo, Finding, Problem, Report
from checker.refdate import resolve_reference_date

Progress = Callable[[int, int, str], None]
# Below this many documents, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 24


@dataclass(frozen=True)
class Extraction:
    """Documents with their claims, and the problems met on the way."""

    documents: list[Document]
    claims: dict[str, list[Claim]]
    problems: list[Problem]
    cached: int


def ingest(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Document], list[Problem]]:
    """Read the files into documents, with reference dates resolved."""
    corpus = load_corpus(paths)
    return [resolve_reference_date(doc) for doc in corpus.documents], list(corpus.problems)


def _extract_one(doc: Document) -> list[Claim]:
    return extract_claims(doc)


def extract(
    paths: Sequence[str | os.PathLike[str]],
    claims_dir: Path | None = None,
    use_cache: bool = True,
    workers: int = 1,
    progress: Progress | None = None,
) -> Extraction:
    """Ingest and extract claims; with ``claims_dir``, reuse and refresh the per-document cache."""
    documents, problems = ingest(paths)
    claims: dict[str, list[Claim]] = {}
    todo: list[Document] = []
    for doc in documents:
        cached = store.load_cached(claims_dir, doc.path, doc.info.sha256) if claims_dir and use_cache else None
        if cached is not None:
            claims[doc.path] = cached
        else:
            todo.append(doc)
    cached_count = len(documents) - len(todo)
    done = cached_count
    if workers > 1 and len(todo) >= PARALLEL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(_extract_one, todo, chunksize=max(1, len(todo) // (workers * 8)))
            for doc, found in zip(todo, results, strict=True):
                claims[doc.path] = found
                done += 1
                if progress:
                    progress(done, len(documents), doc.path)
    else:
        for doc in todo:
            claims[doc.path] = _extract_one(doc)
            done += 1
            if progress:
                progress(done, len(documents), doc.path)
    if claims_dir is not None:
        for doc in todo:
            store.save(claims_dir, doc.path, doc.info.sha256, claims[doc.path])
    return Extraction(documents, claims, problems, cached_count)


def compare(extraction: Extraction) -> list[Finding]:
    """Findings among all the claims of an extraction."""
    every = [claim for doc in extraction.documents for claim in extraction.claims.get(doc.path, [])]
    return compare_claims(every)


def build_report(extraction: Extraction, findings: list[Finding]) -> Report:
    """The report record of one run."""
    infos: list[DocumentInfo] = [doc.info for doc in extraction.documents]
    every = tuple(claim for doc in extraction.documents for claim in extraction.claims.get(doc.path, []))
    return Report(version=__version__, documents=tuple(infos), claims=every, findings=tuple(findings),
                  problems=tuple(extraction.problems))
