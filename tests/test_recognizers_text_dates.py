"""The date recognizers against the Microsoft Recognizers-Text spec files (scored by evaluate.py).

Each file's pass rate must stay at or above the floor recorded in
docs/recognizers-dates.md (the rate reached when the floor was set, minus about 2 points).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EVALUATE = Path(__file__).parents[1] / ".." / "shared" / "recognizers" / "evaluate.py"
FACTCHECK = Path(sys.executable).parent / "factcheck"

FLOORS = {
    "DateTime/English/DateParser.json": 0.78,
    "DateTime/French/DateParser.json": 0.90,
    "DateTime/English/DatePeriodParser.json": 0.58,
    "DateTime/French/DatePeriodParser.json": 0.88,
    "DateTime/Chinese/DateParser.json": 0.85,
    "DateTime/Chinese/DatePeriodParser.json": 0.72,
}


@pytest.mark.parametrize("spec_file", sorted(FLOORS))
def test_pass_rate_is_at_least_the_floor(spec_file: str, tmp_path: Path) -> None:
    if not EVALUATE.is_file():
        pytest.skip(f"outside suite not found at {EVALUATE.resolve()}")
    command = str(FACTCHECK) if FACTCHECK.exists() else shutil.which("factcheck")
    if command is None:
        pytest.skip("the factcheck command is not installed")
    out = tmp_path / "result.json"
    env = dict(os.environ, FACTCHECK_PARSE_CMD=f"{command} parse --jsonl")
    proc = subprocess.run(
        # --lang all: the Chinese files are scored only when asked for
        [sys.executable, str(EVALUATE), "--system", "factcheck", "--lang", "all", "--files", spec_file, "--json",
         str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    files = {f["file"]: f for f in json.loads(out.read_text(encoding="utf-8"))["files"]}
    assert spec_file in files, f"evaluate.py did not score {spec_file}: {proc.stdout[-1000:]}"
    rate = files[spec_file]["pass_rate"]
    assert rate >= FLOORS[spec_file], f"{spec_file}: {rate:.1%} < floor {FLOORS[spec_file]:.0%}"
