"""The batch form of `factcheck parse`: JSON lines in, JSON lines out (contract in docs/architecture.md)."""

from __future__ import annotations

import datetime as dt
import json
from typing import IO, Any

from checker.recognize import recognize
from checker.records import Mention


def mention_json(mention: Mention) -> dict[str, Any]:
    """A mention as the `parse --jsonl` contract writes it."""
    value = mention.value.model_dump(mode="json", exclude={"type"})
    return {"type": mention.type, "start": mention.start, "end": mention.end, "text": mention.text,
            "value": value}


def parse_line(line: str) -> dict[str, Any]:
    """Recognize the mentions of one input line ``{"id", "text", "lang", "ref_date"}``."""
    request = json.loads(line)
    text = str(request.get("text") or "")
    lang = str(request.get("lang") or "en")
    ref = request.get("ref_date")
    ref_date = dt.date.fromisoformat(str(ref)[:10]) if ref else None
    mentions = recognize(text, lang, ref_date)
    return {"id": request.get("id"), "mentions": [mention_json(m) for m in mentions]}


def _line_id(line: str) -> Any:
    """The ``id`` of an input line whose text could not be read (an unsupported language), if it has one."""
    try:
        request = json.loads(line)
    except ValueError:
        return None
    return request.get("id") if isinstance(request, dict) else None


def run(stdin: IO[str], stdout: IO[str]) -> int:
    """Answer every input line with one output line; a bad line gets an ``error`` and no mentions."""
    for line in stdin:
        if not line.strip():
            continue
        try:
            answer = parse_line(line)
        except (ValueError, TypeError, AttributeError) as exc:
            answer = {"id": _line_id(line), "mentions": [], "error": str(exc)}
        stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    stdout.flush()
    return 0
