"""Parallel extraction gives the same report, byte for byte, as one process."""

from __future__ import annotations

import importlib.util
import json
import os
import pickle
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from checker import pipeline
from checker.report import reporter
from checker.report.json_report import claim_json

ROOT = Path(__file__).resolve().parent.parent


def _make_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_corpus", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    make_corpus = _make_corpus()
    out = tmp_path_factory.mktemp("parallel") / "corpus"
    generated = make_corpus.generate(40, seed=11)
    make_corpus.write(generated, out)
    (out / "gold.toml").unlink()
    return out


def _run(corpus: Path, workers: int) -> tuple[str, str]:
    extraction = pipeline.extract([str(corpus)], claims_dir=None, use_cache=False, workers=workers)
    report = reporter("json").render(pipeline.build_report(extraction, pipeline.compare(extraction)))
    claims = "\n".join(json.dumps(claim_json(c), ensure_ascii=False, sort_keys=True)
                       for doc in extraction.documents for c in extraction.claims[doc.path])
    return report, claims


def test_corpus_is_big_enough_to_go_parallel(corpus: Path) -> None:
    files = [p for p in corpus.iterdir() if p.is_file()]
    assert len(files) == 40 >= pipeline.PARALLEL_THRESHOLD
    assert {p.suffix for p in files} >= {".txt", ".md", ".html"}


def test_one_and_two_workers_give_identical_reports_and_claims(corpus: Path) -> None:
    serial_report, serial_claims = _run(corpus, workers=1)
    parallel_report, parallel_claims = _run(corpus, workers=2)
    data = json.loads(serial_report)
    assert len(data["documents"]) == 40
    assert data["claims"] and data["findings"]  # the comparison had something to compare
    assert serial_claims == parallel_claims
    assert serial_report == parallel_report


def test_generator_is_deterministic() -> None:
    make_corpus = _make_corpus()
    one, two = make_corpus.generate(30, seed=5), make_corpus.generate(30, seed=5)
    assert [(a.name, a.text) for a in one.articles] == [(a.name, a.text) for a in two.articles]
    assert make_corpus.gold_toml(one) == make_corpus.gold_toml(two)
    assert make_corpus.gold_toml(one) != make_corpus.gold_toml(make_corpus.generate(30, seed=6))


def test_gold_quotes_are_exact_substrings_of_their_files() -> None:
    make_corpus = _make_corpus()
    generated = make_corpus.generate(60, seed=3)
    texts = {a.name: a.text for a in generated.articles}
    kinds = {item.expect for item in generated.gold}
    assert {"conflict", "agreement", "no-conflict"} <= kinds
    for item in generated.gold:
        for file, quote in (item.a, item.b):
            assert quote in texts[file], (item.id, quote)


_CACHED_RUN = """
import json, sys
from checker import pipeline
extraction = pipeline.extract([sys.argv[1]], claims_dir=__import__("pathlib").Path(sys.argv[2]), workers=2)
print(json.dumps({"cached": extraction.cached, "documents": len(extraction.documents),
                  "language data compiled": pipeline._warm_up.cache_info().misses}))
"""


def test_unchanged_documents_are_read_from_the_cache_without_starting_the_workers(corpus: Path,
                                                                                    tmp_path: Path) -> None:
    """40 cached documents and one new one: the new one is extracted alone, and the language data that
    workers share is not compiled for it (a fresh process, as the gate runs)."""
    import shutil
    import subprocess

    folder = tmp_path / "articles"
    shutil.copytree(corpus, folder)
    claims = tmp_path / "claims"
    first = pipeline.extract([str(folder)], claims_dir=claims, workers=2)
    assert first.cached == 0
    (folder / "new.txt").write_text("On 3 March 2031 the ferry terminal of Kellbrook opened, the mayor said.\n",
                                    encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _CACHED_RUN, str(folder), str(claims)], capture_output=True,
                          text=True, check=True)
    figures = json.loads(done.stdout)
    assert figures == {"cached": len(first.documents), "documents": len(first.documents) + 1,
                       "language data compiled": 0}
    again = pipeline.extract([str(folder)], claims_dir=claims, workers=2)
    fresh = pipeline.extract([str(folder)], claims_dir=None, use_cache=False, workers=2)
    assert [claim_json(c) for d in again.documents for c in again.claims[d.path]] == \
        [claim_json(c) for d in fresh.documents for c in fresh.claims[d.path]]


def test_claims_files_rendered_in_the_workers_are_those_the_parent_would_write(corpus: Path, tmp_path: Path) -> None:
    from checker import store

    extraction = pipeline.extract([str(corpus)], claims_dir=tmp_path / "claims", use_cache=False, workers=2)
    assert len(extraction.documents) >= 24  # enough for the worker processes
    for doc in extraction.documents:
        written = store.claims_file(tmp_path / "claims", doc.path).read_text(encoding="utf-8")
        entry = store.Entry(doc.path, doc.info.sha256, extraction.claims[doc.path], doc.info, doc.notes)
        assert written == store.render(entry)


def test_claims_sent_from_the_workers_as_their_file_text_are_the_claims_extracted(corpus: Path,
                                                                                  tmp_path: Path) -> None:
    # With a claims folder the workers send each document's claims as the text of its claims file only;
    # in-process (no budget) nothing is pickled, and without a claims folder the records themselves travel.
    sent_as_text = pipeline.extract([str(corpus)], claims_dir=tmp_path / "claims", use_cache=False, workers=2)
    in_process = pipeline.extract([str(corpus)], claims_dir=None, use_cache=False, workers=1, doc_timeout=0)
    sent_as_records = pipeline.extract([str(corpus)], claims_dir=None, use_cache=False, workers=2)
    assert sum(len(claims) for claims in in_process.claims.values()) > 100
    assert sent_as_text.claims == in_process.claims == sent_as_records.claims


def _extracted_with_text(corpus: Path, tmp_path: Path) -> pipeline._Done:
    """The first document of ``corpus`` as a worker returns it: its claims and its claims file's text."""
    job = pipeline._Job(claims_dir=tmp_path / "claims", use_cache=False, extract=True, max_bytes=10**7)
    found, _ = pipeline.list_inputs([str(corpus)], None)
    done = pipeline._process(job, found[0])
    assert done.claims and done.claims_text is not None
    return done


def test_a_result_pickled_with_its_claims_text_comes_back_with_equal_claims(corpus: Path, tmp_path: Path) -> None:
    done = _extracted_with_text(corpus, tmp_path)
    back = pickle.loads(pickle.dumps(done))
    assert back == done
    without_text = pipeline._Done(done.result, done.claims)
    assert pickle.loads(pickle.dumps(without_text)) == without_text


def test_claims_that_do_not_read_back_are_the_documents_problem_not_the_runs(corpus: Path, tmp_path: Path) -> None:
    done = _extracted_with_text(corpus, tmp_path)
    damaged = pipeline._Done(done.result, done.claims, claims_text=done.claims_text + '{"not": "a claim"}\n')
    back = pickle.loads(pickle.dumps(damaged))
    assert isinstance(back.result, pipeline.Problem) and back.result.kind == "internal"
    assert "do not read back" in back.result.message and back.claims is None


def _doubled_unless_first(item: int) -> int:
    if item == 0:
        end = time.monotonic() + 60
        while time.monotonic() < end:  # busy: the budget counts CPU time
            pass
    if item == 3:
        os._exit(3)
    return item * 2


def test_items_handed_to_a_worker_ahead_are_done_when_it_is_killed_or_dies() -> None:
    # One worker holds the next item while it works on one: when the first overruns its budget (the worker
    # is killed) or the worker dies, the item waiting behind it is done by the next worker, not lost.
    outcomes = pipeline.map_budgeted(_doubled_unless_first, list(range(8)), workers=1, budget=0.5)
    assert outcomes[0] == ("timeout", None)
    assert outcomes[3][0] == "error" and "died (exit code 3)" in outcomes[3][1]
    assert [outcome for i, outcome in enumerate(outcomes) if i not in (0, 3)] == [
        ("ok", i * 2) for i in range(8) if i not in (0, 3)]
