"""Hostile input through the real console script: one line per bad file, the rest checked, within the budget."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import pipeline, store
from checker.frame.build import extract_claims
from checker.ingest import load_corpus
from tests.conftest import make_document
from tests.hostile_corpus import GOOD, OUTSIDE_TOKEN, SLOW, build

FACTCHECK = str(Path(sys.executable).with_name("factcheck"))
BUDGET = 3.0


def _factcheck(*args: str, cwd: Path, timeout: float = 300) -> tuple[int, str, str, float]:
    started = time.monotonic()
    done = subprocess.run([FACTCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          errors="backslashreplace")
    return done.returncode, done.stdout, done.stderr, time.monotonic() - started


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str | None]]:
    root = tmp_path_factory.mktemp("hostile")
    return root, build(root / "corpus")


@pytest.fixture(scope="module")
def hostile_run(hostile: tuple[Path, dict[str, str | None]]) -> tuple[int, str, str, float]:
    root, _ = hostile
    return _factcheck("run", "corpus", "--output-dir", "-", "--claims", str(root / "claims"), "--format", "json",
                      "--doc-timeout", str(BUDGET), "--workers", "4", cwd=root)


def test_every_bad_file_gets_one_line_naming_it(hostile: tuple[Path, dict[str, str | None]],
                                                hostile_run: tuple[int, str, str, float]) -> None:
    _, expected = hostile
    status, _, stderr, _ = hostile_run
    assert status == 0, stderr
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    for name, phrase in expected.items():
        shown = "corpus/" + name.encode("unicode_escape", "backslashreplace").decode("ascii") \
            if not name.isprintable() else "corpus/" + name
        mine = [line for line in lines if line.startswith(shown + ": ")]
        if phrase is None:
            assert mine == [], (name, mine)
        elif phrase == SLOW:
            assert all(f"took more than {BUDGET:g} s" in line for line in mine), mine
            assert len(mine) <= 1
        else:
            assert len(mine) == 1 and phrase in mine[0], (name, mine)
    assert len(lines) == len(set(lines))


def test_good_files_are_still_checked(hostile_run: tuple[int, str, str, float]) -> None:
    import json

    report = json.loads(hostile_run[1])
    paths = {doc["path"] for doc in report["documents"]}
    assert {"corpus/good.txt", "corpus/utf16_bom.txt", "corpus/scripts.html", "corpus/two\nlines.txt",
            "corpus/Un article \u00e0 lire \u2014 \u00e9t\u00e9.txt", "corpus/escapes.txt",
            "corpus/bad_date.md", "corpus/bad_toml_date.md"} <= paths
    # Never read: the checker's own folders, what .gitignore lists, anything outside the folder given.
    assert not any(p.startswith(("corpus/reports/", "corpus/claims/", "corpus/ignored/")) for p in paths)
    assert OUTSIDE_TOKEN not in hostile_run[1] and "VmRSS" not in hostile_run[1]


def test_no_raw_control_character_reaches_stderr(hostile_run: tuple[int, str, str, float]) -> None:
    assert "\x1b" not in hostile_run[2] and "\u202e" not in hostile_run[2]


def test_each_document_keeps_to_its_budget(hostile: tuple[Path, dict[str, str | None]],
                                           hostile_run: tuple[int, str, str, float]) -> None:
    _, expected = hostile
    slow = sum(1 for phrase in expected.values() if phrase == SLOW)
    # Four workers, each slow document at most BUDGET seconds; generous slack for process start and the rest.
    assert hostile_run[3] < slow * BUDGET / 4 + 45


def test_yaml_tags_are_never_executed(hostile: tuple[Path, dict[str, str | None]],
                                      hostile_run: tuple[int, str, str, float]) -> None:
    root, _ = hostile
    assert not (root / "corpus" / "pwned").exists()


def test_scripts_and_handlers_are_not_article_text(hostile: tuple[Path, dict[str, str | None]]) -> None:
    root, _ = hostile
    [doc] = load_corpus([root / "corpus" / "scripts.html"]).documents
    text = doc.analysis.text
    assert "harbour reopened" in text
    for hostile_text in ("SCRIPTTEXT", "alert", "steal", "javascript"):
        assert hostile_text not in text


def test_claims_files_of_odd_names_are_distinct_and_short(tmp_path: Path) -> None:
    names = ["a b.txt", "a_b.txt", "a/b.txt", "a__b.txt", "x/" + "\u00e9" * 300 + ".txt", "two\nlines.txt"]
    files = [store.claims_file(tmp_path, name) for name in names]
    assert len(set(files)) == len(files)
    assert all(len(f.name.encode()) <= 255 for f in files)


def test_max_bytes_both_sides(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    size = len(GOOD.encode())
    status, _, stderr, _ = _factcheck("ingest", "a.txt", "--max-bytes", str(size - 1), cwd=tmp_path)
    assert status == 2 and stderr.startswith(f"a.txt: too large ({size} bytes; the limit is {size - 1}")
    status, _, stderr, _ = _factcheck("ingest", "a.txt", "--max-bytes", str(size), cwd=tmp_path)
    assert status == 0 and stderr == ""


def test_the_50_mb_article_is_refused_by_default_and_bounded_when_allowed(
        hostile: tuple[Path, dict[str, str | None]]) -> None:
    root, _ = hostile
    status, _, stderr, elapsed = _factcheck("ingest", "corpus/huge.txt", cwd=root)
    assert status == 2 and "too large" in stderr and elapsed < 30
    status, _, stderr, elapsed = _factcheck("ingest", "corpus/huge.txt", "--max-bytes", str(60 * 1024 * 1024),
                                            "--doc-timeout", "2", cwd=root)
    assert "too large" not in stderr and "Traceback" not in stderr
    assert status == 0 or "took more than 2 s" in stderr
    assert elapsed < 40


# --- The budget itself, on a document made slow on purpose (deterministic) ---------------------------

def _slow_extract(doc: object) -> list[object]:
    if "SLEEP" in getattr(doc, "raw", ""):
        end = time.monotonic() + 60
        while time.monotonic() < end:  # busy: the budget counts CPU time
            pass
    if "CRASH" in getattr(doc, "raw", ""):
        os._exit(3)
    if "RAISE" in getattr(doc, "raw", ""):
        raise ValueError("made to fail")
    return []


@pytest.fixture()
def slow_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # The pipeline imports the extractor where a document is extracted: forked workers inherit the patch.
    monkeypatch.setattr("checker.frame.build.extract_claims", _slow_extract)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "b.txt").write_text("SLEEP " + GOOD, encoding="utf-8")
    (corpus / "c.txt").write_text("CRASH " + GOOD, encoding="utf-8")
    (corpus / "d.txt").write_text("RAISE " + GOOD, encoding="utf-8")
    (corpus / "e.txt").write_text("Another " + GOOD, encoding="utf-8")
    return corpus


def test_a_slow_document_is_a_timeout_and_the_others_go_on(slow_corpus: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    extraction = pipeline.extract([slow_corpus], claims_dir=tmp_path / "claims", doc_timeout=1.0)
    assert time.monotonic() - started < 15
    kinds = {Path(p.path).name: (p.kind, p.message) for p in extraction.problems}
    assert kinds["b.txt"][0] == "timeout" and "took more than 1 s" in kinds["b.txt"][1]
    assert kinds["c.txt"][0] == "internal" and "died (exit code 3)" in kinds["c.txt"][1]
    assert kinds["d.txt"][0] == "internal" and "ValueError: made to fail" in kinds["d.txt"][1]
    assert [Path(d.path).name for d in extraction.documents] == ["a.txt", "e.txt"]
    # Nothing is cached for a document that did not finish: the next run tries again.
    assert sorted(p.name for p in (tmp_path / "claims").glob("*.jsonl")) == [
        store.claims_file(tmp_path / "claims", f"{slow_corpus}/{n}").name for n in ("a.txt", "e.txt")]


def test_no_budget_runs_in_process(slow_corpus: Path) -> None:
    (slow_corpus / "b.txt").unlink()
    (slow_corpus / "c.txt").unlink()
    extraction = pipeline.extract([slow_corpus], doc_timeout=0)
    assert [p.kind for p in extraction.problems] == ["internal"]
    assert len(extraction.documents) == 2


def test_a_long_run_of_numbers_gives_one_claim_per_number() -> None:
    # How the cost grows with such a sentence is measured in benchmarks/hostile_scaling.py, not timed here.
    claims = extract_claims(make_document("1 " * 2000))
    assert len(claims) == 2000


def test_the_html_report_of_hostile_files_adds_no_markup(hostile: tuple[Path, dict[str, str | None]],
                                                         hostile_run: tuple[int, str, str, float]) -> None:
    from tests.test_html_report import parse

    root, _ = hostile
    status, out, stderr, _ = _factcheck("run", "corpus", "--output-dir", "-", "--claims", str(root / "claims"),
                                        "--format", "html", "--doc-timeout", str(BUDGET), "--workers", "4", cwd=root)
    assert status == 0, stderr
    page = parse(out)
    # The page's own script only; nothing an article wrote became an element or an attribute.
    assert len(page.tags("script")) == 1 and "SCRIPTTEXT" not in page.scripts[0]
    assert not [attrs for _, attrs in page.elements if any(name.startswith("on") for name in attrs)]
    assert not {tag for tag, _ in page.elements} & {"img", "iframe", "object", "embed", "noscript", "base"}
    assert len(page.tags("form")) == 1  # the filters'
    assert not [a for a in page.tags("a") if (a.get("href") or "").lower().startswith("javascript:")]
    assert "<script>document.write" not in out
