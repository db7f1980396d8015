"""SARIF 2.1.0 output of the gate, for GitHub code scanning and other SARIF viewers.

One result per finding at or above the threshold: ``ruleId`` the finding's
rule, ``level`` from its severity, the located side in a changed file when
the run is scoped, the other sides as ``relatedLocations``, the fingerprint in
``partialFingerprints`` and the baseline comparison in ``baselineState``
(with a ``suppressions`` entry when the baseline suppresses it). Stale baseline
entries are results with ``baselineState: absent`` located in the baseline file.
Columns are Unicode code points, as ``run.columnKind`` says.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.gate.baseline import Entry
from checker.gate.outcome import GateResult, Item
from checker.gate.paths import primary, relative, uri
from checker.gate.rules import end_of, level
from checker.records import Span
from checker.rules import STALE_RULE, Rule, catalogue, rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factcheckFinding/v1"


def _rule_json(item: Rule) -> dict[str, Any]:
    return {
        "id": item.id,
        "name": item.name,
        "shortDescription": {"text": item.short},
        "fullDescription": {"text": item.help},
        "help": {"text": item.help, "markdown": f"{item.help}\n\nSee `docs/gate.md` in the repository."},
        "defaultConfiguration": {"level": item.level},
    }


def _location(span: Span, root: Path | None, message: str | None = None) -> dict[str, Any]:
    end_line, end_column = end_of(span)
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri(span.path, root)},
            "region": {"startLine": span.line, "startColumn": span.column, "endLine": end_line,
                       "endColumn": end_column, "snippet": {"text": span.quote}},
        }
    }
    if message:
        location["message"] = {"text": message}
    return location


def _result(item: Item, rule_index: dict[str, int], root: Path | None,
            changed: set[Path] | None) -> dict[str, Any]:
    finding = item.finding
    main, others = primary(finding, changed)
    related = [dict(_location(span, root, f"other side: {span.quote.strip()[:200]}"), id=number)
               for number, span in enumerate(others, 1)]
    message = f"{finding.key}: {finding.reason}"
    if related:
        message += " (" + ", ".join(f"[{relative(s.path, root)}:{s.line}]({n})"
                                    for n, s in enumerate(others, 1)) + ")"
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": level(finding),
        "message": {"text": message},
        "locations": [_location(main, root)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "baselineState": "unchanged" if item.entry is not None else "new",
        "properties": {"verdict": finding.verdict, "severity": finding.severity, "key": finding.key,
                       "values": list(finding.values), "confidence": finding.confidence, "state": item.state},
    }
    if related:
        result["relatedLocations"] = related
    if item.suppressed and item.entry is not None:
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": f"{item.entry.status}: {item.entry.note}"}]
    return result


def _line_of(text: str, fingerprint: str) -> int:
    needle = f'fingerprint = "{fingerprint}"'
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _stale_result(entry: Entry, rule_index: dict[str, int], root: Path | None, baseline_path: Path | None,
                  baseline_text: str) -> dict[str, Any]:
    rule_id = entry.rule or STALE_RULE
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "ruleIndex": rule_index[rule_id],
        "level": "note",
        "message": {"text": f"stale baseline entry {entry.fingerprint} ({entry.key or 'no key'}): it "
                            "matches no current finding; remove it with `factcheck baseline`"},
        "partialFingerprints": {FINGERPRINT_KEY: entry.fingerprint},
        "baselineState": "absent",
        "properties": {"state": "stale", "status": entry.status, "note": entry.note},
    }
    if baseline_path is not None:
        line = _line_of(baseline_text, entry.fingerprint)
        where = {"artifactLocation": {"uri": uri(str(baseline_path), root)}, "region": {"startLine": line}}
        result["locations"] = [{"physicalLocation": where}]
    return result


def sarif_log(result: GateResult, *, version: str, root: Path | None, changed: set[Path] | None = None,
              baseline_path: Path | None = None) -> dict[str, Any]:
    """The SARIF log of one gate run, as JSON data."""
    used = {item.finding.rule for item in result.items} | {e.rule or STALE_RULE for e in result.stale}
    rules = {r.id: r for r in catalogue()}
    for rule_id in used - set(rules):
        rules[rule_id] = rule(rule_id)
    ordered = sorted(rules.values(), key=lambda r: r.id)
    rule_index = {r.id: n for n, r in enumerate(ordered)}
    baseline_text = ""
    if baseline_path is not None and result.stale:
        try:
            baseline_text = baseline_path.read_text(encoding="utf-8")
        except OSError:
            baseline_text = ""
    results = [_result(item, rule_index, root, changed) for item in result.items]
    results += [_stale_result(e, rule_index, root, baseline_path, baseline_text) for e in result.stale]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": version, "semanticVersion": version,
                                "rules": [_rule_json(r) for r in ordered]}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not result.unusable,
                             "exitCode": result.exit_code(),
                             "toolExecutionNotifications": [
                                 {"level": "error" if p.fatal else "warning",
                                  "message": {"text": p.message},
                                  "locations": [{"physicalLocation": {
                                      "artifactLocation": {"uri": uri(p.path, root)}}}]}
                                 for p in result.problems]}],
            "results": results,
        }],
    }


def render(result: GateResult, **options: Any) -> str:
    """The SARIF log as pretty JSON text (see ``sarif_log`` for the options)."""
    return json.dumps(sarif_log(result, **options), ensure_ascii=False, indent=2) + "\n"
