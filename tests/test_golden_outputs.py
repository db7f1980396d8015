"""Golden files: the seeds' plain terminal report and JSON report, byte for byte.

Volatile parts (the tool's version) are normalized. After an intended change
of output, regenerate with ``FACTCHECK_UPDATE_GOLDEN=1 python -m pytest
tests/test_golden_outputs.py`` and review the diff like any other change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import __version__
from checker.cli import cli
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"


def _normalize(text: str) -> str:
    return re.sub(rf"\b{re.escape(__version__)}\b", "<version>", text)


def _run(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    # The terminal report fits the terminal: the golden one is 100 columns wide, wherever the tests run.
    monkeypatch.setenv("COLUMNS", "100")
    result = CliRunner().invoke(cli, ["run", "seeds", "--format", fmt, "--no-cache",
                                      "--claims", str(tmp_path / "claims"), "--output-dir", "-"])
    assert result.exit_code == 0, result.output
    return _normalize(result.stdout)


@pytest.mark.parametrize(("fmt", "name"), [("text", "seeds-report.txt"), ("json", "seeds-report.json")])
def test_output_matches_golden_file(fmt: str, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = _run(fmt, tmp_path, monkeypatch)
    golden = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_two_runs_are_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run("json", tmp_path / "a", monkeypatch) == _run("json", tmp_path / "b", monkeypatch)
