"""SARIF 2.1.0 output: valid against the published schema, with the fields code scanning relies on."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from checker.gate import sarif
from checker.gate.baseline import Baseline, Entry, render_baseline
from checker.gate.outcome import classify
from checker.records import Finding, Span
from checker.rules import catalogue, rule

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
TODAY = dt.date(2030, 5, 1)


def validate(log: dict[str, Any]) -> None:
    # No meta-schema check: the published file has a known slip (an "anyOf" listed under
    # region.properties) that makes check_schema fail, but it validates documents fine.
    jsonschema.Draft202012Validator(SCHEMA).validate(log)


def make_finding(root: Path, fingerprint: str = "f1", severity: str = "hard") -> Finding:
    a = Span(path=str(root / "seeds" / "a b.txt"), start=10, end=33, quote="opened on March 3, 2031",
             line=2, column=11)
    b = Span(path=str(root / "seeds" / "c.md"), start=40, end=70, quote="opened\non June 9, 2032", line=5,
             column=3)
    kind = "contradiction" if severity == "hard" else "tension"
    return Finding(fingerprint=fingerprint, rule=f"FC-time-{kind}", verdict="conflict",
                   severity=severity, key="Nova bridge / opening / time",
                   reason="2031-03-03 vs 2032-06-09: 15 months apart", claims=("x", "y"), evidence=(a, b),
                   values=("2031-03-03", "2032-06-09"))


def test_sarif_log_is_valid_and_complete(tmp_path: Path) -> None:
    baseline_path = tmp_path / "factcheck-baseline.toml"
    stale = Entry("dead", key="vanished", rule="FC-money-contradiction")
    baseline_path.write_text(render_baseline([stale, Entry("f2", note="checked")]), encoding="utf-8")
    base = Baseline({"dead": stale, "f2": Entry("f2", note="checked")}, path=baseline_path)
    result = classify([make_finding(tmp_path), make_finding(tmp_path, "f2", "soft")], base, today=TODAY)
    log = sarif.sarif_log(result, version="9.9.9", root=tmp_path, baseline_path=baseline_path)
    validate(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "factcheck" and "informationUri" not in run["tool"]["driver"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    new, baselined, absent = run["results"]
    assert rules[new["ruleIndex"]]["id"] == new["ruleId"] == "FC-time-contradiction"
    assert new["level"] == "error" and baselined["level"] == "warning"
    assert new["partialFingerprints"] == {"factcheckFinding/v1": "f1"}
    assert (new["baselineState"], baselined["baselineState"], absent["baselineState"]) == ("new", "unchanged",
                                                                                            "absent")
    assert "suppressions" not in new and baselined["suppressions"][0]["kind"] == "external"
    location = new["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "seeds/a%20b.txt"
    assert location["region"] == {"startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 34,
                                  "snippet": {"text": "opened on March 3, 2031"}}
    related = new["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "seeds/c.md"
    assert (related["region"]["endLine"], related["region"]["endColumn"]) == (6, 16)
    assert "2031-03-03 vs 2032-06-09" in new["message"]["text"]
    stale_location = absent["locations"][0]["physicalLocation"]
    assert stale_location["artifactLocation"]["uri"] == "factcheck-baseline.toml"
    text = baseline_path.read_text(encoding="utf-8").splitlines()
    assert text[stale_location["region"]["startLine"] - 1] == 'fingerprint = "dead"'


def test_scoped_run_locates_the_result_in_the_changed_file(tmp_path: Path) -> None:
    f = make_finding(tmp_path)
    changed = {(tmp_path / "seeds" / "c.md").resolve()}
    result = classify([f], Baseline(), changed=changed, today=TODAY)
    log = sarif.sarif_log(result, version="1", root=tmp_path, changed=changed)
    validate(log)
    res = log["runs"][0]["results"][0]
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seeds/c.md"
    assert res["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seeds/a%20b.txt"


def test_empty_run_is_valid(tmp_path: Path) -> None:
    log = sarif.sarif_log(classify([], Baseline(), today=TODAY), version="1", root=tmp_path)
    validate(log)
    assert log["runs"][0]["results"] == []


def test_schema_rejects_a_broken_log() -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})


def test_every_rule_has_descriptions() -> None:
    ids = [r.id for r in catalogue()]
    assert "FC-time-contradiction" in ids and "FC-quantity-tension" in ids and len(ids) == len(set(ids))
    for item in catalogue():
        assert item.short and item.help and item.level in ("error", "warning", "note")
    assert rule("whatever").short  # unknown ids never raise


def test_check_writes_valid_sarif_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.commands.gate import check

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "gate@example.org")
    git("config", "user.name", "Gate Test")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "one.txt").write_text(
        "The Nova bridge over the Larch river was opened on March 3, 2021.\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "one")
    second = "A short recap.\nThe Nova bridge over the Larch river was opened on June 9, 2022.\n"
    (tmp_path / "seeds" / "two.txt").write_text(second, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(check, ["seeds", "--since", "HEAD", "--format", "sarif"], catch_exceptions=False)
    assert out.exit_code == 1, out.stdout
    log = json.loads(out.stdout)
    validate(log)
    new = [r for r in log["runs"][0]["results"] if r["properties"]["state"] == "new"]
    assert new
    region = new[0]["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == "seeds/two.txt"
    assert region["region"]["startLine"] == 2
