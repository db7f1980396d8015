"""GitHub Actions workflow commands: one annotation per new finding, on the line of its quote.

``::error file=F,line=L,col=C,endLine=..,endColumn=..,title=T::message`` for
hard conflicts, ``::warning`` for soft ones, ``::notice`` for compatible
findings; stale baseline entries are notices on the baseline file (errors
under --strict-baseline). Values are escaped as the runner expects: ``%``,
CR and LF everywhere, and ``:`` and ``,`` inside properties too; before that,
escape sequences and bidi overrides from articles and file names are shown
escaped (``checker.display``), since CI logs are read in terminals too.
"""

from __future__ import annotations

from pathlib import Path

from checker.display import escape_text, plural
from checker.gate.outcome import GateResult
from checker.gate.paths import primary, relative
from checker.gate.rules import end_of

COMMAND = {"hard": "error", "soft": "warning"}


def escape_data(text: str) -> str:
    """Escape a command's message (control characters other than line breaks shown as ``\\x1b``)."""
    return escape_text(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a command property value (file, title, ...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int) -> str:
    """One workflow command line."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render(result: GateResult, *, root: Path | None, changed: set[Path] | None = None,
           baseline_path: Path | None = None) -> str:
    """Annotations for the failing findings and the stale entries, then a one-line summary."""
    lines = []
    for item in result.failing:
        finding = item.finding
        main, others = primary(finding, changed)
        end_line, end_column = end_of(main)
        where: dict[str, str | int] = {"file": relative(main.path, root), "line": main.line,
                                       "col": main.column}
        if end_line == main.line:
            # GitHub accepts endColumn only on a single-line annotation.
            where.update(endLine=end_line, endColumn=end_column)
        else:
            where["endLine"] = end_line
        sides = "; ".join(f"{relative(s.path, root)}:{s.line}: \"{s.quote.strip()}\"" for s in others)
        message = f"{finding.reason}\n{finding.key} [{finding.fingerprint}]"
        if sides:
            message += f"\nother side: {sides}"
        if item.expired and item.entry is not None:
            message += f"\nbaseline entry expired on {item.entry.expires}"
        lines.append(command(COMMAND.get(finding.severity, "notice"), message, **where,
                             title=f"{finding.rule}: {finding.values[0]} vs {finding.values[-1]}"))
    for entry in result.stale:
        props: dict[str, str | int] = {}
        if baseline_path is not None:
            props["file"] = relative(str(baseline_path), root)
        props["title"] = "factcheck: stale baseline entry"
        lines.append(command("error" if result.strict_baseline else "notice",
                             f"baseline entry {entry.fingerprint} ({entry.key or 'no key'}) matches no "
                             "current finding; remove it with `factcheck baseline`", **props))
    for problem in result.unusable:
        lines.append(command("error", problem.message, file=relative(problem.path, root),
                             title="factcheck: unusable input"))
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def summary(result: GateResult) -> str:
    """One plain line: how many findings are new, baselined, context, stale."""
    parts = [f"{len(result.failing)} new", f"{len(result.by_state('baselined'))} baselined"]
    if result.scoped:
        parts.append(f"{len(result.by_state('context'))} in unchanged files")
    parts.append(plural(len(result.stale), "stale baseline entry", "stale baseline entries"))
    return f"factcheck check (fail on {result.fail_on}): " + ", ".join(parts)
