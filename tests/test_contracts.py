"""Contracts at the edges: the schema `factcheck schema` prints is the one the JSON report follows; a
fingerprint depends on nothing but its own finding; every rule id comes from one registry and is documented."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.rules import catalogue, codes, rule_code
from tests.conftest import ROOT, SHARED
from tests.trust_helpers import factcheck

GOLDEN = Path(__file__).parent / "golden"
DEV = SHARED / "dev"
STORIES = ("notre-dame", "xiaomi-su7", "change6", "valencia-floods")


def _schema(tmp_path: Path) -> dict[str, Any]:
    done = factcheck("schema", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    schema: dict[str, Any] = json.loads(done.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def _errors(schema: dict[str, Any], report: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in validator.iter_errors(report)][:10]


def _golden_reports() -> list[Path]:
    found = [path for path in sorted(GOLDEN.glob("*.json"))
             if "findings" in json.loads(path.read_text(encoding="utf-8"))]
    assert found, "no golden JSON report"
    return found


def test_every_golden_json_report_follows_the_printed_schema(tmp_path: Path) -> None:
    schema = _schema(tmp_path)
    for path in _golden_reports():
        assert not _errors(schema, json.loads(path.read_text(encoding="utf-8"))), path.name


def test_the_schema_is_strict_where_the_report_is_read() -> None:
    """A schema that accepts anything would pass the tests above: a report with a key of its own, a claim
    whose value lost its span, or a finding without a verdict must fail."""
    from checker.report.json_report import report_schema

    schema = report_schema()
    report = json.loads((GOLDEN / "seeds-report.json").read_text(encoding="utf-8"))
    assert not _errors(schema, report)
    assert _errors(schema, {**report, "extra": 1})
    claim = report["claims"][0]
    broken_claim = {**claim, "value": {k: v for k, v in claim["value"].items() if k != "start"}}
    assert _errors(schema, {**report, "claims": [broken_claim]})
    finding = {k: v for k, v in report["findings"][0].items() if k != "verdict"}
    assert _errors(schema, {**report, "findings": [finding]})


@pytest.mark.parametrize("story", STORIES)
def test_the_dev_stories_reports_follow_the_printed_schema(story: str, tmp_path: Path) -> None:
    if not (DEV / story).is_dir():
        pytest.skip(f"{DEV / story} is not here")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for article in sorted((DEV / story).glob("[0-9][0-9][0-9]_*")):
        shutil.copy(article, corpus / article.name)
    done = factcheck("run", "corpus", "--format", "json", "--claims", str(tmp_path / "claims"),
                     "--output-dir", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["findings"] and not _errors(_schema(tmp_path), report)
    assert {f["rule"] for f in report["findings"]} <= set(codes())


# A carmaker's plant, dated differently by two articles; then an article on an airline that shares the
# carmaker's first word. The airline splits the name's cluster by industry ("norvik (automotive)",
# "norvik (airline)"), which the finding's key shows; its fingerprint must not move.
PLANT_A = "Norvik Motors opened its new plant on March 3, 2021, the carmaker said. The plant employs 1,200 workers.\n"
PLANT_B = "Norvik Motors opened its new plant on June 9, 2022, officials said. The plant employs about 1,200 workers.\n"
AIRLINE = "Norvik Airlines, a regional carrier, ordered 12 aircraft, the airline said on Tuesday.\n"


def _findings(folder: Path) -> dict[tuple[str, ...], dict[str, Any]]:
    done = factcheck("run", "articles", "--format", "json", "--no-cache", "--output-dir", "-", cwd=folder)
    assert done.returncode == 0, done.stderr
    return {tuple(f["claims"]): f for f in json.loads(done.stdout)["findings"]}


def test_a_fingerprint_does_not_change_when_an_unrelated_article_is_added(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(PLANT_A, encoding="utf-8")
    (articles / "b.txt").write_text(PLANT_B, encoding="utf-8")
    before = _findings(tmp_path)
    assert any(f["verdict"] == "conflict" for f in before.values())
    (articles / "c.txt").write_text(AIRLINE, encoding="utf-8")
    after = _findings(tmp_path)
    # The article did change what the run knows about the name: the test would pass vacuously otherwise.
    assert {f["key"] for f in before.values()} != {f["key"] for f in after.values()}
    assert {claims: f["fingerprint"] for claims, f in after.items() if claims in before} == {
        claims: f["fingerprint"] for claims, f in before.items()}


def test_a_fingerprint_names_its_sources_files(tmp_path: Path) -> None:
    """The same finding between files of other names is another finding (docs/gate.md)."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(PLANT_A, encoding="utf-8")
    (articles / "b.txt").write_text(PLANT_B, encoding="utf-8")
    before = {f["verdict"]: f["fingerprint"] for f in _findings(tmp_path).values()}
    (articles / "b.txt").rename(articles / "z.txt")
    after = {f["verdict"]: f["fingerprint"] for f in _findings(tmp_path).values()}
    assert before.keys() == after.keys() and not set(before.values()) & set(after.values())


def test_compare_names_rules_from_the_registry() -> None:
    ids = set(codes())
    assert rule_code("time", "conflict", "hard") == "FC-time-contradiction" in ids
    assert rule_code("quantity", "conflict", "soft") == "FC-quantity-tension" in ids
    assert rule_code("money", "updated", "info") == "FC-money-updated" in ids
    for path in _golden_reports():
        report = json.loads(path.read_text(encoding="utf-8"))
        assert {f["rule"] for f in report["findings"]} <= ids


def _documented_rules() -> dict[str, list[str]]:
    """The rows of docs/gate.md's table of rule ids: id -> its what, why and example cells."""
    rows: dict[str, list[str]] = {}
    for line in (ROOT / "docs" / "gate.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `(FC-[a-z]+-[a-z]+)` \|(.*)\|$", line)
        if match:
            rows[match.group(1)] = [cell.strip() for cell in match.group(2).split("|")]
    return rows


def test_every_rule_id_is_documented_with_what_why_and_an_example() -> None:
    rows = _documented_rules()
    missing = [code for code in codes() if code not in rows]
    assert not missing, f"rule ids without a row in docs/gate.md: {missing}"
    for code in codes():
        what, why, example = rows[code]
        assert what and why and example, code
    assert set(rows) <= set(codes()), f"documented ids no finding carries: {set(rows) - set(codes())}"
    assert len(catalogue()) == len({r.id for r in catalogue()})
