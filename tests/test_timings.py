"""Stage timings for the benchmarks: off by default, one JSON line per stage with FACTCHECK_TIMINGS set.
Real processes on the seeds; no figure is asserted (figures live in benchmarks/)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import SEEDS
from tests.trust_helpers import factcheck


def test_each_stage_of_a_run_is_one_line_and_the_report_is_unchanged(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    timings = tmp_path / "timings.jsonl"
    plain = factcheck("run", "seeds", "--no-cache", "--format", "json", cwd=tmp_path)
    timed = factcheck("run", "seeds", "--no-cache", "--format", "json", cwd=tmp_path,
                      env={"FACTCHECK_TIMINGS": str(timings)})
    assert plain.returncode == timed.returncode == 0
    assert plain.stdout == timed.stdout
    records = [json.loads(line) for line in timings.read_text(encoding="utf-8").splitlines()]
    stages = [r["stage"] for r in records]
    assert stages[0] == "command" and stages[-1] == "done"
    assert {"map", "claims-write", "extract", "compare", "build-report", "view", "reports-write"} <= set(stages)
    for record in records:
        assert record["start"] <= record["end"]
    by_name = {r["stage"]: r for r in records}
    extract, mapped, compare = by_name["extract"], by_name["map"], by_name["compare"]
    assert extract["start"] <= mapped["start"] <= mapped["end"] <= compare["start"]


def test_without_the_variable_nothing_is_written(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    done = factcheck("run", "seeds", "--no-cache", "--output-dir", "-", cwd=tmp_path, env={"FACTCHECK_TIMINGS": ""})
    assert done.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims", "seeds"]
