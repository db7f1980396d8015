"""SIGINT and SIGTERM midway leave no partial file and the next run recovers; concurrent runs share a cache."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile_corpus import make_articles

FACTCHECK = str(Path(sys.executable).with_name("factcheck"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_articles(tmp_path_factory.mktemp("interrupt") / "corpus", 60, paragraphs=20)


def _command(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [FACTCHECK, "run", str(corpus), "--claims", str(out / "claims"), "--output-dir", str(out / "reports"),
            "--format", "json", *extra]


def _leftovers(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def _all_whole(out: Path) -> None:
    for path in (out / "claims").glob("*.jsonl"):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines and all(json.loads(line) for line in lines), path
    report = out / "reports" / "report.json"
    if report.exists():
        json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("signum", "status", "message"), [(signal.SIGINT, 130, "factcheck: interrupted"),
                                                           (signal.SIGTERM, 143, "factcheck: terminated")])
def test_a_signal_midway_leaves_no_partial_file(corpus: Path, tmp_path: Path, signum: int, status: int,
                                                message: str) -> None:
    process = subprocess.Popen(_command(corpus, tmp_path, "--workers", "2"), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    assert process.poll() is None, "the corpus is too small to interrupt the run"
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == status
    assert stderr.strip().splitlines() == [message]
    assert _leftovers(tmp_path) == []
    _all_whole(tmp_path)
    rerun = subprocess.run(_command(corpus, tmp_path), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert len(json.loads(rerun.stdout)["documents"]) == 60
    assert _leftovers(tmp_path) == []
    _all_whole(tmp_path)


def test_a_killed_writer_leaves_an_orphan_the_next_run_sweeps(corpus: Path, tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    orphan = claims / ".corpus__a.txt.jsonl.abc123.tmp"
    orphan.write_text('{"document": "half', encoding="utf-8")  # what SIGKILL during a write leaves
    single = tmp_path / "one"
    single.mkdir()
    (single / "a.txt").write_text("The council said 40 workers joined in May 2018.\n", encoding="utf-8")
    done = subprocess.run([FACTCHECK, "run", str(single), "--claims", str(claims), "--output-dir", "-"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not orphan.exists()


def test_two_concurrent_runs_share_one_cache(corpus: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    runs = [subprocess.Popen(_command(corpus, shared, "--no-cache", "--workers", "1"), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    assert outputs[0][0] == outputs[1][0]
    assert _leftovers(shared) == []
    _all_whole(shared)
    # The cache they left is whole and current: a third run reads every document from it.
    alone = subprocess.run([FACTCHECK, "extract", str(corpus), "--claims", str(shared / "claims")],
                           capture_output=True, text=True, timeout=600)
    assert alone.returncode == 0 and "60 documents, 60 from cache" in alone.stdout
