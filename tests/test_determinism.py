"""Two runs over one corpus give byte-identical claims/ and JSON reports, whatever the number of workers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from checker import pipeline
from tests.hostile_corpus import make_articles

FACTCHECK = str(Path(sys.executable).with_name("factcheck"))
COUNT = 30


def _run(cwd: Path, name: str, workers: int) -> tuple[dict[str, bytes], bytes]:
    subprocess.run([FACTCHECK, "run", "corpus", "--claims", f"claims-{name}", "--output-dir", f"reports-{name}",
                    "--workers", str(workers), "--format", "json"], cwd=cwd, check=True, capture_output=True,
                   timeout=600)
    claims = {p.name: p.read_bytes() for p in sorted((cwd / f"claims-{name}").glob("*.jsonl"))}
    return claims, (cwd / f"reports-{name}" / "report.json").read_bytes()


def test_one_worker_and_two_give_the_same_bytes(tmp_path: Path) -> None:
    assert COUNT >= pipeline.PARALLEL_THRESHOLD  # else the pool is not used
    make_articles(tmp_path / "corpus", COUNT)
    one_claims, one_report = _run(tmp_path, "one", 1)
    two_claims, two_report = _run(tmp_path, "two", 2)
    again_claims, again_report = _run(tmp_path, "again", 2)
    assert len(one_claims) == COUNT
    assert sum(len(b.splitlines()) - 1 for b in one_claims.values()) > COUNT  # claims were found
    assert one_claims == two_claims == again_claims
    assert one_report == two_report == again_report
