"""The gate's decision: each finding against the baseline and the changed files, and the exit status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from checker.gate.baseline import Baseline, Entry
from checker.gate.select import FailOn, gated, involves, resolve
from checker.records import Finding, Problem

State = Literal["new", "baselined", "context"]
EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


@dataclass(frozen=True)
class Item:
    """A finding at or above the threshold, with what the baseline and the change set say about it."""

    finding: Finding
    entry: Entry | None
    suppressed: bool
    in_scope: bool

    @property
    def state(self) -> State:
        """``baselined`` (an active entry suppresses it), ``new`` (it fails the gate) or
        ``context`` (not in the baseline, but it involves no changed file)."""
        if self.suppressed:
            return "baselined"
        return "new" if self.in_scope else "context"

    @property
    def expired(self) -> bool:
        """Whether a baseline entry exists for it but has expired."""
        return self.entry is not None and not self.suppressed


@dataclass(frozen=True)
class GateResult:
    """Everything `check` reports and decides on."""

    items: list[Item]
    stale: list[Entry]
    problems: list[Problem]
    fail_on: FailOn
    strict_baseline: bool
    scoped: bool

    @property
    def failing(self) -> list[Item]:
        """The findings that make the gate fail."""
        return [item for item in self.items if item.state == "new"]

    def by_state(self, state: State) -> list[Item]:
        """The items in one state, in report order."""
        return [item for item in self.items if item.state == state]

    @property
    def unusable(self) -> list[Problem]:
        """Fatal input problems (an unreadable article among those checked)."""
        return [p for p in self.problems if p.fatal]

    def exit_code(self, exit_zero: bool = False) -> int:
        """2 on unusable input, else 1 when something new fails (or a stale entry under
        --strict-baseline), else 0; --exit-zero turns 1 into 0."""
        if self.unusable:
            return EXIT_UNUSABLE
        if self.failing or (self.strict_baseline and self.stale):
            return EXIT_CLEAN if exit_zero else EXIT_FINDINGS
        return EXIT_CLEAN


def classify(findings: Iterable[Finding], baseline: Baseline, *, fail_on: FailOn = "conflict",
             changed: set[Path] | None = None, problems: Iterable[Problem] = (),
             today: dt.date | None = None, strict_baseline: bool = False) -> GateResult:
    """Sort ``findings`` into new / baselined / context and find the stale baseline entries.

    ``changed`` is the set of new or changed files (absolute) when the gate is
    scoped with --since or --changed; ``None`` means every finding is in scope.
    Problems of files outside a scoped change set do not make the run unusable.
    """
    today = today or dt.date.today()
    findings = list(findings)
    items = []
    for finding in findings:
        if not gated(finding, fail_on):
            continue
        entry = baseline.get(finding.fingerprint)
        suppressed = entry is not None and entry.active(today)
        in_scope = changed is None or involves(finding, changed)
        items.append(Item(finding, entry, suppressed, in_scope))
    current = {f.fingerprint for f in findings}
    stale = sorted((e for e in baseline.entries.values() if e.fingerprint not in current),
                   key=lambda e: (e.key, e.fingerprint))
    kept = [p for p in problems if changed is None or resolve(p.path) in changed or not p.fatal]
    return GateResult(items, stale, kept, fail_on, strict_baseline, changed is not None)
