"""Plain-text and JSON output of the gate (the terminal and machine-readable views).

In the text view, file names, quotes, keys and reasons are escaped
(``checker.display``): each ``path:line:column`` line stays one line and no
escape sequence from an article reaches the terminal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.display import escape_line
from checker.gate.github import summary
from checker.gate.outcome import GateResult, Item
from checker.gate.paths import primary, relative

LABEL = {"hard": "error", "soft": "warning"}


def _item_lines(item: Item, root: Path | None, changed: set[Path] | None) -> list[str]:
    finding = item.finding
    main, others = primary(finding, changed)
    head = (f"{escape_line(relative(main.path, root))}:{main.line}:{main.column}: "
            f"{LABEL.get(finding.severity, 'note')} {finding.rule} [{finding.fingerprint}] "
            f"{escape_line(finding.key)}: {escape_line(finding.reason)}")
    lines = [head, f"    \"{_quote(main.quote)}\""]
    for span in others:
        where = f"{escape_line(relative(span.path, root))}:{span.line}:{span.column}"
        lines.append(f"    vs {where}: \"{_quote(span.quote)}\"")
    if item.entry is not None:
        expiry = f", expires {item.entry.expires}" if item.entry.expires else ""
        state = "EXPIRED" if item.expired else item.entry.status
        lines.append(f"    baseline: {state}{expiry}: {escape_line(item.entry.note)}")
    return lines


def _quote(quote: str) -> str:
    """A quote on one line: line breaks inside it become spaces, control characters are escaped."""
    return escape_line(" ".join(quote.strip().split("\n")))


def render_text(result: GateResult, *, root: Path | None, changed: set[Path] | None = None,
                baseline_path: Path | None = None) -> str:
    """Sections new / baselined / context (unchanged files) / stale, then the summary line."""
    out: list[str] = []
    sections = [("new", "New findings (these fail the gate)"),
                ("context", "In unchanged files (context only)"),
                ("baselined", "Baselined (reviewed)")]
    for state, title in sections:
        items = result.by_state(state)  # type: ignore[arg-type]
        if not items:
            continue
        out.append(f"{title}: {len(items)}")
        for item in items:
            out.extend(_item_lines(item, root, changed))
        out.append("")
    if result.stale:
        where = escape_line(relative(str(baseline_path), root)) if baseline_path else "baseline"
        out.append(f"Stale baseline entries: {len(result.stale)}"
                   f"{' (these fail the gate: --strict-baseline)' if result.strict_baseline else ''}")
        for entry in result.stale:
            out.append(f"{where}: stale {entry.fingerprint} {entry.rule} {escape_line(entry.key)}: "
                       "matches no current finding")
        out.append("")
    out.append(summary(result))
    return "\n".join(out) + "\n"


def gate_json(result: GateResult, *, root: Path | None, changed: set[Path] | None = None,
              exit_code: int = 0) -> dict[str, Any]:
    """The gate's outcome as JSON data: every gated finding with its state, the stale entries."""
    def item_json(item: Item) -> dict[str, Any]:
        data = item.finding.model_dump(mode="json")
        main, _ = primary(item.finding, changed)
        data["state"] = item.state
        data["location"] = {"path": relative(main.path, root), "line": main.line, "column": main.column}
        if item.entry is not None:
            data["baseline"] = {"status": item.entry.status, "note": item.entry.note,
                                "expires": item.entry.expires.isoformat() if item.entry.expires else None,
                                "expired": item.expired}
        return data

    return {
        "fail_on": result.fail_on,
        "scoped": result.scoped,
        "exit_code": exit_code,
        "summary": {"new": len(result.failing), "baselined": len(result.by_state("baselined")),
                    "context": len(result.by_state("context")), "stale": len(result.stale),
                    "problems": len(result.problems)},
        "findings": [item_json(item) for item in result.items],
        "stale": [{"fingerprint": e.fingerprint, "rule": e.rule, "key": e.key, "status": e.status,
                   "note": e.note} for e in result.stale],
        "problems": [p.model_dump(mode="json") for p in result.problems],
    }


def render_json(result: GateResult, **options: Any) -> str:
    """``gate_json`` as pretty JSON text."""
    return json.dumps(gate_json(result, **options), ensure_ascii=False, indent=2) + "\n"
