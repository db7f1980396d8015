"""The command line: documented commands, exit codes, and the JSON contract on the seeds."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from checker.cli import cli
from tests.conftest import SEEDS


def test_every_command_is_documented_with_an_example() -> None:
    assert isinstance(cli, click.Group)
    for name, command in cli.commands.items():
        help_text = command.help or ""
        assert help_text.strip(), f"{name} has no help"
        assert "Example:" in help_text, f"{name} --help has no Example:"
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"factcheck {name}" in readme, f"README does not mention `factcheck {name}`"


def test_no_usable_document_exits_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "--claims", str(tmp_path / "c"),
                                      "--output-dir", "-"])
    assert result.exit_code == 2
    assert "empty.txt" in result.output
    assert "Traceback" not in result.output


def test_parse_prints_mentions() -> None:
    result = CliRunner().invoke(cli, ["parse", "It opened in March 2021.", "--lang", "en", "--date", "2024-01-10"])
    assert result.exit_code == 0
    mentions = [json.loads(line) for line in result.output.splitlines()]
    times = [m for m in mentions if m["type"] == "time"]
    assert times and times[0]["value"]["earliest"] == "2021-03-01" and times[0]["value"]["latest"] == "2021-03-31"


def test_parse_rejects_a_bad_date() -> None:
    result = CliRunner().invoke(cli, ["parse", "x", "--date", "yesterday"])
    assert result.exit_code == 2


def test_parse_refuses_a_language_it_does_not_read() -> None:
    result = CliRunner().invoke(cli, ["parse", "Die Brücke kostete 45 Millionen Euro.", "--lang", "de"])
    assert result.exit_code == 2
    assert "does not read German (de)" in result.output
    unknown = CliRunner().invoke(cli, ["parse", "x", "--lang", "xx"])
    assert unknown.exit_code == 2 and "does not read 'xx'" in unknown.output


def test_parse_reads_chinese() -> None:
    result = CliRunner().invoke(cli, ["parse", "投资15亿元,预计明年年底完工。", "--lang", "zh", "--date", "2024-03-01"])
    assert result.exit_code == 0
    mentions = {m["type"]: m for m in map(json.loads, result.output.splitlines())}
    assert mentions["money"]["value"]["low"] == 1.5e9 and mentions["money"]["value"]["currency"] == "CNY"
    assert mentions["time"]["value"]["latest"] == "2025-12-31"


def test_parse_jsonl_gives_an_error_for_a_language_it_does_not_read() -> None:
    stdin = json.dumps({"id": 7, "text": "45 Millionen Euro", "lang": "de", "ref_date": None}) + "\n"
    result = CliRunner().invoke(cli, ["parse", "--jsonl"], input=stdin)
    assert result.exit_code == 0
    [answer] = [json.loads(line) for line in result.output.splitlines()]
    assert answer["id"] == 7 and answer["mentions"] == [] and "German" in answer["error"]


def test_parse_jsonl_answers_every_line() -> None:
    lines = [{"id": 1, "text": "plus de 700 magasins", "lang": "fr", "ref_date": None},
             {"id": 2, "text": "no numbers here", "lang": "en", "ref_date": "2024-01-01"}]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n"
    result = CliRunner().invoke(cli, ["parse", "--jsonl"], input=stdin)
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == [1, 2]
    assert out[0]["mentions"] and out[0]["mentions"][0]["value"]["literal"]["low"] == 700


def test_schema_is_json() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert "findings" in schema["properties"]


def test_run_json_contract_on_the_seeds(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    result = CliRunner().invoke(cli, ["run", str(seeds), "--format", "json", "--claims", str(tmp_path / "claims"),
                                      "--output-dir", str(tmp_path / "reports")])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    texts = {p.name: p.read_text(encoding="utf-8") for p in seeds.iterdir()}
    assert [d["language"] for d in report["documents"]] == ["en", "fr", "en"]
    for finding in report["findings"]:
        assert finding["verdict"] in ("agreement", "compatible", "conflict")
        for ev in finding["evidence"]:
            assert texts[Path(ev["path"]).name][ev["start"]:ev["end"]] == ev["quote"]
            assert ev["end"] - ev["start"] <= 600
    for claim in report["claims"]:
        text = texts[Path(claim["document"]).name]
        assert text[claim["value"]["start"]:claim["value"]["end"]] == claim["value"]["text"]
    assert (tmp_path / "reports" / "report.json").read_text(encoding="utf-8") == result.stdout
    claim_files = sorted((tmp_path / "claims").glob("*.jsonl"))
    assert len(claim_files) == 3


def test_console_script_runs_without_traceback_on_a_missing_path(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "factcheck"
    proc = subprocess.run([str(exe), "run", str(tmp_path / "nope"), "--output-dir", "-",
                           "--claims", str(tmp_path / "c")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "nope" in proc.stderr
