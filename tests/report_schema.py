"""Every JSON report the tests make follows the schema `factcheck schema` prints (see conftest, trust_helpers)."""

from __future__ import annotations

import functools
import json
from typing import Any

import jsonschema


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    from checker.report.json_report import report_schema

    return jsonschema.Draft202012Validator(report_schema())


def as_report(text: str) -> dict[str, Any] | None:
    """The JSON report ``text`` holds, or None when it is something else (claims, SARIF, a half-written file)."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if isinstance(data, dict) and "findings" in data and "claims" in data:
        return data
    return None


def check_report(text: str, where: str) -> None:
    """Fail when ``text`` is a JSON report that does not follow the schema; say where it came from."""
    report = as_report(text)
    if report is None:
        return
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in _validator().iter_errors(report)]
    assert not errors, f"{where} does not follow the report schema: {errors[:5]}"
