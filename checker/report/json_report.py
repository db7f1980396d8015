"""The JSON report: the contract other tools read (see docs/architecture.md)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from checker.records import Claim, Report


def claim_json(claim: Claim) -> dict[str, Any]:
    """A claim with its value flattened: ``{type, text, start, end, ...typed fields}``."""
    data = claim.model_dump(mode="json")
    value = data.pop("value")
    data["value"] = {"type": value["value"]["type"], "text": value["text"], "start": value["start"],
                     "end": value["end"], **{k: v for k, v in value["value"].items() if k != "type"}}
    return data


def report_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON data, in a deterministic order."""
    verdicts = Counter(f.verdict for f in report.findings)
    return {
        "tool": report.tool,
        "version": report.version,
        "summary": {
            "documents": len(report.documents),
            "claims": len(report.claims),
            "findings": {v: verdicts.get(v, 0) for v in ("conflict", "compatible", "agreement")},
            "problems": len(report.problems),
        },
        "documents": [d.model_dump(mode="json") for d in report.documents],
        "claims": [claim_json(c) for c in report.claims],
        "findings": [f.model_dump(mode="json") for f in report.findings],
        "problems": [p.model_dump(mode="json") for p in report.problems],
    }


class JsonReporter:
    """Pretty-printed, key-stable JSON."""

    def render(self, report: Report) -> str:
        return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
