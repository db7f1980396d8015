"""The outside Recognizers-Text spec files: our pass rates must not fall below recorded floors.

Runs ../shared/recognizers/evaluate.py against `factcheck parse --jsonl` (the
installed CLI of this venv) once per spec file and compares the per-file pass
rate with the floor recorded here (the rate reached minus about two points;
see docs/recognizers.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EVALUATE = Path(__file__).parents[1] / ".." / "shared" / "recognizers" / "evaluate.py"
FACTCHECK = Path(sys.executable).parent / "factcheck"

# spec file -> lowest acceptable pass rate (rates measured are in docs/recognizers.md)
FLOORS: dict[str, float] = {
    "Number/English/NumberModel.json": 0.90,
    "Number/English/NumberRangeModel.json": 0.76,
    "Number/English/PercentModel.json": 0.80,
    "Number/French/NumberModel.json": 0.91,
    "Number/French/PercentModel.json": 0.95,
    "NumberWithUnit/English/CurrencyModel.json": 0.80,
    "NumberWithUnit/French/CurrencyModel.json": 0.78,
    "Number/Chinese/NumberModel.json": 0.83,
    "Number/Chinese/NumberRangeModel.json": 0.64,
    "Number/Chinese/PercentModel.json": 0.82,
    "NumberWithUnit/Chinese/CurrencyModel.json": 0.87,
}


@pytest.mark.skipif(not EVALUATE.is_file(), reason=f"the spec harness is absent ({EVALUATE.resolve()})")
@pytest.mark.parametrize("spec", sorted(FLOORS))
def test_pass_rate_floor(spec: str, tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    env = dict(os.environ, FACTCHECK_PARSE_CMD=f"{FACTCHECK} parse --jsonl")
    proc = subprocess.run(
        # --lang all: the Chinese files are scored only when asked for
        [sys.executable, str(EVALUATE), "--system", "factcheck", "--lang", "all", "--files", spec, "--json", str(out)],
        capture_output=True, text=True, env=env, timeout=900, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result.get("available", True), result.get("reason")
    rows = [f for f in result["files"] if f["file"] == spec]
    assert len(rows) == 1, f"{spec} not in the harness output"
    row = rows[0]
    assert not [n for n in row["notes"] if n.startswith("exit")], row["notes"]
    assert row["pass_rate"] >= FLOORS[spec], (
        f"{spec}: {row['cases_passed']}/{row['cases_used']} = {row['pass_rate']:.1%} "
        f"< floor {FLOORS[spec]:.0%}")
