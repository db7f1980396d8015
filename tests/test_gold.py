"""The seeds' gold files, scored by the shared scripts, also after the seeds are retyped.

The shared scorers and gold files sit in ../shared (outside this repository);
without them these tests skip and say so.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from tests.conftest import SEEDS, SHARED

GOLD = SHARED / "gold"
pytestmark = pytest.mark.skipif(not (SHARED / "score.py").is_file(), reason="../shared (gold and scorers) absent")


def _run_json(corpus: Path, work: Path) -> Path:
    result = CliRunner().invoke(cli, ["run", str(corpus), "--format", "json", "--no-cache",
                                      "--claims", str(work / "claims"), "--output-dir", "-"])
    assert result.exit_code == 0, result.output
    out = work / "report.json"
    out.write_text(result.stdout, encoding="utf-8")
    return out


def _score(script: str, gold: Path, corpus: Path, report: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SHARED / script), str(gold), str(corpus), str(report), "-v", *extra],
                          capture_output=True, text=True, timeout=120)


def test_claim_values_on_the_seeds(tmp_path: Path) -> None:
    report = _run_json(SEEDS, tmp_path)
    proc = _score("score_claims.py", GOLD / "seeds-claims.toml", SEEDS, report, "--min-recall", "0.96")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_findings_on_the_seeds(tmp_path: Path) -> None:
    report = _run_json(SEEDS, tmp_path)
    proc = _score("score.py", GOLD / "seeds.toml", SEEDS, report, "--min-precision", "0.9")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _double_spaces(text: str) -> str:
    return text.replace(" ", "  ")


def _straight_quotes(text: str) -> str:
    return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))


def _sentence_lines(text: str) -> str:
    return text.replace(". ", ".\n").replace(", ", ",\n")


def _curly_apostrophes(text: str) -> str:
    return text.replace("'", "’")


REWRITES: dict[str, Callable[[str], str]] = {
    "double-spaces": _double_spaces,
    "straight-quotes": _straight_quotes,
    "line-breaks": _sentence_lines,
    "curly-apostrophes": _curly_apostrophes,
}


def _rewrite_gold(gold: Path, rewrite: Callable[[str], str], out: Path) -> Path:
    data = tomllib.loads(gold.read_text(encoding="utf-8"))
    lines = []
    for item in data["item"]:
        lines.append("[[item]]")
        for key, value in item.items():
            if isinstance(value, dict):
                value = {k: rewrite(v) if k == "quote" else v for k, v in value.items()}
            elif key in ("context", "text", "quote"):
                value = rewrite(value)
            lines.append(f"{key} = {_toml(value)}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _toml(value: object) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_findings_survive_retyping(name: str, tmp_path: Path) -> None:
    rewrite = REWRITES[name]
    corpus = tmp_path / "seeds"
    corpus.mkdir()
    for seed in SEEDS.iterdir():
        (corpus / seed.name).write_bytes(rewrite(seed.read_text(encoding="utf-8")).encode("utf-8"))
    gold = _rewrite_gold(GOLD / "seeds.toml", rewrite, tmp_path / "gold.toml")
    report = _run_json(corpus, tmp_path)
    proc = _score("score.py", gold, corpus, report, "--min-precision", "0.9")
    assert proc.returncode == 0, proc.stdout + proc.stderr
