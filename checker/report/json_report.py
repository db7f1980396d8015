"""The JSON report: the contract other tools read (see docs/architecture.md)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pydantic_core

from checker.records import VERDICTS, Claim, ClaimValue, Report, Scope, TimeValue


def claim_json(claim: Claim) -> dict[str, Any]:
    """A claim with its value flattened: ``{type, text, start, end, ...typed fields}``."""
    data = claim.model_dump(mode="json")
    # The scope's slots as "slot:value" strings too (the scope itself holds only the slots filled).
    data["qualifiers"] = list(claim.qualifiers)
    value = data.pop("value")
    data["value"] = {"type": value["value"]["type"], "text": value["text"], "start": value["start"],
                     "end": value["end"], **{k: v for k, v in value["value"].items() if k != "type"}}
    return data


def report_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON data, in a deterministic order."""
    return {**_head(report), **{key: list(items) for key, items in _lists(report)}}


def _head(report: Report) -> dict[str, Any]:
    verdicts: Counter[str] = Counter(f.verdict for f in report.findings)
    return {
        "tool": report.tool,
        "version": report.version,
        "summary": {
            "documents": len(report.documents),
            "claims": len(report.claims),
            "findings": {v: verdicts.get(v, 0) for v in VERDICTS},
            "problems": len(report.problems),
        },
    }


def _lists(report: Report) -> list[tuple[str, Iterator[dict[str, Any]]]]:
    return [
        ("documents", (d.model_dump(mode="json") for d in report.documents)),
        ("claims", (claim_json(c) for c in report.claims)),
        ("findings", (f.model_dump(mode="json") for f in report.findings)),
        ("problems", (p.model_dump(mode="json") for p in report.problems)),
    ]


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the report ``report_json`` writes: what ``factcheck schema`` prints.

    It is the records' own schema (as they are written out) with what the JSON report adds to
    them: the ``summary``, each claim's ``qualifiers`` and its value flattened into
    ``{type, text, start, end, ...typed fields}`` (see ``claim_json``).
    """
    schema = Report.model_json_schema(mode="serialization")
    defs = schema["$defs"]
    count = {"type": "integer", "minimum": 0}
    schema["properties"]["summary"] = {
        "type": "object", "additionalProperties": False,
        "required": ["documents", "claims", "findings", "problems"],
        "properties": {
            "documents": count, "claims": count, "problems": count,
            "findings": {"type": "object", "additionalProperties": False, "required": list(VERDICTS),
                         "properties": {verdict: count for verdict in VERDICTS}},
        },
    }
    # The report writes every key, defaults included.
    schema["required"] = list(schema["properties"])
    # A scope writes only the slots its sentence filled (its serializer drops the others), which the
    # serialization schema cannot see: the slots are those of the record.
    defs["Scope"] = Scope.model_json_schema()
    # Likewise a time writes its clock, zone and TIMEX pattern only when stated.
    defs["TimeValue"] = TimeValue.model_json_schema()
    claim = defs["Claim"]
    claim["properties"]["qualifiers"] = {"type": "array", "items": {"type": "string"},
                                         "description": "The scope's slots as sorted \"slot:value\" strings."}
    claim["properties"]["value"] = {"oneOf": [_flat_value(defs, ref["$ref"])
                                              for ref in defs.pop("ClaimValue")["properties"]["value"]["oneOf"]]}
    claim["required"] = list(claim["properties"])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def _flat_value(defs: dict[str, Any], ref: str) -> dict[str, Any]:
    """One typed value as the report writes it: its own fields beside the span of its text."""
    value = defs[ref.rsplit("/", 1)[-1]]
    span = {name: ClaimValue.model_json_schema()["properties"][name] for name in ("text", "start", "end")}
    properties = {"type": value["properties"]["type"], **span,
                  **{k: v for k, v in value["properties"].items() if k != "type"}}
    return {"type": "object", "title": value["title"], "additionalProperties": False,
            "required": sorted({"type", "text", "start", "end", *value.get("required", ())}),
            "properties": properties}


def _dumps(value: Any, depth: int) -> str:
    # pydantic-core's encoder writes the same text as json.dumps(indent=2, ensure_ascii=False), five
    # times faster (it spells exponents its own way, 1e-5 for 1e-05). JSON strings never hold a raw
    # line break, so indenting every line break nests the text.
    return pydantic_core.to_json(value, indent=2).decode("utf-8").replace("\n", "\n" + "  " * depth)


def report_chunks(report: Report) -> Iterator[str]:
    """The pretty-printed JSON text of ``report`` in pieces, one record at a time.

    The same text as ``pydantic_core.to_json(report_json(report), indent=2)``, without
    holding the data of every record at once: a 10,000-article report has
    some 100,000 claims.
    """
    yield "{\n"
    for key, value in _head(report).items():
        yield f"  {_dumps(key, 1)}: {_dumps(value, 1)},\n"
    lists = _lists(report)
    for number, (key, items) in enumerate(lists):
        yield f"  {_dumps(key, 1)}: ["
        empty = True
        for item in items:
            yield ("\n    " if empty else ",\n    ") + _dumps(item, 2)
            empty = False
        yield ("]" if empty else "\n  ]") + (",\n" if number < len(lists) - 1 else "\n")
    yield "}\n"


class JsonReporter:
    """Pretty-printed, key-stable JSON."""

    def render(self, report: Report) -> str:
        return "".join(report_chunks(report))

    def chunks(self, report: Report) -> Iterator[str]:
        """The same text as ``render``, in pieces (to write a large report without holding it)."""
        return report_chunks(report)
