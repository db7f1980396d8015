"""The baseline file: findings a reviewer has looked at, keyed by fingerprint.

It is TOML, committed next to the articles, read with tomllib and written by
hand so that the output is deterministic and diffs stay small::

    version = 1

    [[finding]]
    fingerprint = "0123456789abcdef"
    status = "accepted"            # accepted | false-positive | wont-fix
    note = "TODO: review"
    expires = 2026-12-31           # optional; an expired entry no longer suppresses
    rule = "FC-time-contradiction" # the rest is for humans, refreshed on each write
    verdict = "conflict"
    severity = "hard"
    key = "..."
    values = ["...", "..."]
    documents = ["a.txt", "b.txt"]
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

if TYPE_CHECKING:
    from checker.records import Finding

Status = Literal["accepted", "false-positive", "wont-fix"]
STATUSES: tuple[str, ...] = get_args(Status)
BASELINE_VERSION = 1
DEFAULT_BASELINE = "factcheck-baseline.toml"
NEW_NOTE = "TODO: review"


class BaselineError(ValueError):
    """The baseline file exists but cannot be used (the gate then exits 2)."""


@dataclass(frozen=True)
class Entry:
    """One reviewed finding: how to recognise it (fingerprint) and what the reviewer decided."""

    fingerprint: str
    status: Status = "accepted"
    note: str = NEW_NOTE
    expires: dt.date | None = None
    rule: str = ""
    verdict: str = ""
    severity: str = ""
    key: str = ""
    values: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()

    def active(self, today: dt.date) -> bool:
        """Whether the entry still suppresses its finding (no expiry, or expiry not yet passed)."""
        return self.expires is None or today <= self.expires


@dataclass(frozen=True)
class Baseline:
    """The entries of one baseline file, by fingerprint."""

    entries: dict[str, Entry] = field(default_factory=dict)
    path: Path | None = None

    def get(self, fingerprint: str) -> Entry | None:
        """The entry for ``fingerprint``, if any."""
        return self.entries.get(fingerprint)


def documents_of(finding: Finding) -> tuple[str, ...]:
    """The file names a finding quotes, sorted (what a reviewer needs to find it again)."""
    return tuple(sorted({Path(span.path).name for span in finding.evidence}))


def entry_for(finding: Finding, previous: Entry | None = None) -> Entry:
    """A baseline entry describing ``finding``, keeping the reviewer's decision from ``previous``."""
    base = previous or Entry(fingerprint=finding.fingerprint)
    return replace(base, fingerprint=finding.fingerprint, rule=finding.rule, verdict=finding.verdict,
                   severity=finding.severity, key=finding.key, values=tuple(finding.values),
                   documents=documents_of(finding))


def _text(table: dict[str, Any], name: str, where: str, default: str = "") -> str:
    value = table.get(name, default)
    if not isinstance(value, str):
        raise BaselineError(f"{where}: '{name}' must be a string")
    return value


def _date(value: object, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise BaselineError(f"{where}: 'expires' must be a date such as 2026-12-31")


def _strings(value: object, name: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BaselineError(f"{where}: '{name}' must be a list of strings")
    return tuple(value)


def parse_baseline(text: str, source: str = "baseline") -> Baseline:
    """Entries of a baseline file's text; raises BaselineError with the place of the mistake."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BaselineError(f"{source}: not valid TOML: {exc}") from exc
    version = data.get("version", BASELINE_VERSION)
    if version != BASELINE_VERSION:
        raise BaselineError(f"{source}: unsupported baseline version {version!r} "
                            f"(expected {BASELINE_VERSION})")
    tables = data.get("finding", [])
    if not isinstance(tables, list):
        raise BaselineError(f"{source}: 'finding' must be an array of tables ([[finding]])")
    entries: dict[str, Entry] = {}
    for number, table in enumerate(tables, 1):
        where = f"{source}: finding #{number}"
        if not isinstance(table, dict):
            raise BaselineError(f"{where}: not a table")
        fingerprint = _text(table, "fingerprint", where)
        if not fingerprint:
            raise BaselineError(f"{where}: missing 'fingerprint'")
        status = _text(table, "status", where, "accepted")
        if status not in STATUSES:
            raise BaselineError(f"{where}: status {status!r} is not one of {', '.join(STATUSES)}")
        if fingerprint in entries:
            raise BaselineError(f"{where}: fingerprint {fingerprint} listed twice")
        entries[fingerprint] = Entry(
            fingerprint=fingerprint, status=cast(Status, status), note=_text(table, "note", where, ""),
            expires=_date(table.get("expires"), where), rule=_text(table, "rule", where),
            verdict=_text(table, "verdict", where), severity=_text(table, "severity", where),
            key=_text(table, "key", where), values=_strings(table.get("values"), "values", where),
            documents=_strings(table.get("documents"), "documents", where))
    return Baseline(entries)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing file is an empty baseline."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Baseline(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read: {exc}") from exc
    return replace(parse_baseline(text, str(path)), path=path)


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (control characters escaped, the rest kept as UTF-8)."""
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _string_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def render_baseline(entries: Iterable[Entry]) -> str:
    """The text of a baseline file: entries sorted by key then fingerprint, one table each."""
    lines = [
        "# factcheck baseline: reviewed findings that `factcheck check` does not fail on.",
        "# Edit status (accepted | false-positive | wont-fix), note and expires (YYYY-MM-DD, optional);",
        "# `factcheck baseline` rewrites the other fields and keeps these three.",
        f"version = {BASELINE_VERSION}",
    ]
    for entry in sorted(entries, key=lambda e: (e.key, e.fingerprint)):
        lines += ["", "[[finding]]", f"fingerprint = {toml_string(entry.fingerprint)}",
                  f"status = {toml_string(entry.status)}", f"note = {toml_string(entry.note)}"]
        if entry.expires is not None:
            lines.append(f"expires = {entry.expires.isoformat()}")
        lines += [f"rule = {toml_string(entry.rule)}", f"verdict = {toml_string(entry.verdict)}",
                  f"severity = {toml_string(entry.severity)}", f"key = {toml_string(entry.key)}",
                  f"values = {_string_list(entry.values)}", f"documents = {_string_list(entry.documents)}"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Refresh:
    """The outcome of rewriting a baseline for the current findings."""

    entries: list[Entry]
    added: list[str]
    kept: list[str]
    dropped: list[str]


def refresh(baseline: Baseline, findings: Iterable[Finding]) -> Refresh:
    """Entries for ``findings``: existing decisions kept, new ones "accepted" with a TODO note,
    entries that match nothing dropped."""
    entries: dict[str, Entry] = {}
    added: list[str] = []
    kept: list[str] = []
    for finding in findings:
        if finding.fingerprint in entries:
            continue
        previous = baseline.get(finding.fingerprint)
        entries[finding.fingerprint] = entry_for(finding, previous)
        (kept if previous else added).append(finding.fingerprint)
    dropped = sorted(set(baseline.entries) - set(entries))
    return Refresh(list(entries.values()), added, kept, dropped)
