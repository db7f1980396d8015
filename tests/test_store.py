"""The claims cache: reused when document and extractor match, rewritten atomically otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import pipeline, store
from checker.records import Claim


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The museum opened on March 3, 2021, after a team of 40 people worked on it.\n",
                                  encoding="utf-8")
    (corpus / "b.txt").write_text("The museum opened on June 9, 2022.\n", encoding="utf-8")
    return corpus


def test_second_run_reads_the_cache(tmp_path: Path) -> None:
    corpus, claims_dir = _corpus(tmp_path), tmp_path / "claims"
    first = pipeline.extract([str(corpus)], claims_dir=claims_dir)
    assert first.cached == 0
    files = sorted(p.name for p in claims_dir.glob("*.jsonl"))
    assert len(files) == 2
    second = pipeline.extract([str(corpus)], claims_dir=claims_dir)
    assert second.cached == 2
    assert second.claims == first.claims


def test_a_changed_document_is_re_extracted_alone(tmp_path: Path) -> None:
    corpus, claims_dir = _corpus(tmp_path), tmp_path / "claims"
    pipeline.extract([str(corpus)], claims_dir=claims_dir)
    (corpus / "b.txt").write_text("The museum opened on June 9, 2023.\n", encoding="utf-8")
    again = pipeline.extract([str(corpus)], claims_dir=claims_dir)
    assert again.cached == 1


def test_no_cache_re_extracts_everything(tmp_path: Path) -> None:
    corpus, claims_dir = _corpus(tmp_path), tmp_path / "claims"
    pipeline.extract([str(corpus)], claims_dir=claims_dir)
    assert pipeline.extract([str(corpus)], claims_dir=claims_dir, use_cache=False).cached == 0


def test_a_corrupt_cache_file_is_ignored(tmp_path: Path) -> None:
    corpus, claims_dir = _corpus(tmp_path), tmp_path / "claims"
    pipeline.extract([str(corpus)], claims_dir=claims_dir)
    for path in claims_dir.glob("*.jsonl"):
        path.write_text('{"sha256": "x"\nnot json', encoding="utf-8")
    again = pipeline.extract([str(corpus)], claims_dir=claims_dir)
    assert again.cached == 0
    assert all(isinstance(c, Claim) for claims in again.claims.values() for c in claims)


def test_header_names_document_hash_and_extractor(tmp_path: Path) -> None:
    corpus, claims_dir = _corpus(tmp_path), tmp_path / "claims"
    pipeline.extract([str(corpus)], claims_dir=claims_dir)
    path = store.claims_file(claims_dir, f"{corpus}/a.txt")
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert '"extractor": "' + store.extractor_version() + '"' in header and '"sha256"' in header


def test_extractor_version_names_the_code() -> None:
    version = store.extractor_version()
    assert version.startswith(store.EXTRACTOR_VERSION + "+") and len(version) > len(store.EXTRACTOR_VERSION) + 8


def test_atomic_write_leaves_no_temporary_file_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("checker.store.os.replace", broken_replace)
    with pytest.raises(OSError):
        store.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_batch_failing_midway_leaves_every_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    targets = [tmp_path / f"{n}.jsonl" for n in range(3)]
    for target in targets:
        target.write_text("old", encoding="utf-8")
    real_replace = store.os.replace
    calls = []

    def replace_then_fail(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr("checker.store.os.replace", replace_then_fail)
    with pytest.raises(OSError):
        store.write_atomic_batch([(target, "new") for target in targets])
    assert [t.read_text(encoding="utf-8") for t in targets] == ["new", "old", "old"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.jsonl", "1.jsonl", "2.jsonl"]


def test_a_run_over_more_documents_than_a_batch_caches_every_one(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "BATCH", 2)
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for n in range(5):
        (corpus / f"{n}.txt").write_text(f"The bridge opened on March {n + 1}, 2021.\n", encoding="utf-8")
    claims_dir = tmp_path / "claims"
    first = pipeline.extract([corpus], claims_dir=claims_dir)
    again = pipeline.extract([corpus], claims_dir=claims_dir)
    assert len(list(claims_dir.glob("*.jsonl"))) == 5
    assert again.cached == 5 and again.claims == first.claims
    assert not list(claims_dir.glob(".*.tmp"))


@pytest.mark.parametrize("workers", [1, 2])
def test_cached_new_changed_and_edited_files_together_give_what_extraction_gives(tmp_path: Path,
                                                                                 workers: int) -> None:
    """The cache is read while the workers extract what it lacks; a file whose header looked current but
    whose claims were edited is extracted after them. The claims are those of a run without the cache."""
    corpus, claims_dir = _corpus(tmp_path), tmp_path / "claims"
    for number in range(30):
        (corpus / f"c{number:02d}.txt").write_text(f"The bridge opened on May {number % 28 + 1}, 2020, "
                                                   f"after {number + 10} engineers worked on it.\n", encoding="utf-8")
    pipeline.extract([str(corpus)], claims_dir=claims_dir, workers=workers)
    (corpus / "b.txt").write_text("The museum opened on June 9, 2023.\n", encoding="utf-8")
    (corpus / "new.txt").write_text("The tower opened in 1999 with 300 rooms.\n", encoding="utf-8")
    edited = store.claims_file(claims_dir, str(corpus / "c05.txt"))
    header, _, body = edited.read_text(encoding="utf-8").partition("\n")
    edited.write_text(header + "\n" + body.replace("15", "16"), encoding="utf-8")
    again = pipeline.extract([str(corpus)], claims_dir=claims_dir, workers=workers)
    plain = pipeline.extract([str(corpus)], claims_dir=None, use_cache=False, workers=workers)
    assert again.cached == 30
    assert again.claims == plain.claims
    assert [doc.path for doc in again.documents] == [doc.path for doc in plain.documents]
    assert [p.kind for p in again.problems] == ["cache"] and "c05.txt" in again.problems[0].message


def test_the_extractor_version_covers_every_module_extraction_imports() -> None:
    """A cached claim is what this extractor would produce only if every module extraction runs is in the digest."""
    from checker import store
    from tests.checker_imports import CHECKER, all_imports

    graph: dict[str, set[str]] = {}
    for imp in all_imports():
        if imp.imported.startswith("checker"):
            graph.setdefault(imp.importer, set()).add(imp.imported)
    reached, todo = set(), ["checker.ingest", "checker.refdate", "checker.frame.build"]
    while todo:
        module = todo.pop()
        if module in reached:
            continue
        reached.add(module)
        todo.extend(graph.get(module, ()))
    covered = store._EXTRACTION_SOURCES
    missing = sorted(m for m in reached if m.count(".") >= 1 and m != "checker"
                     and m.split(".")[1] not in covered and m.split(".")[1] + ".py" not in covered
                     and (CHECKER / (m.split(".")[1] + ".py")).is_file())
    assert not missing, f"extraction imports these, and a change to them leaves stale claims: {missing}"
