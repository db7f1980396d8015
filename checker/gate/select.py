"""Which findings may fail the gate: the threshold (--fail-on) and the changed files (--since, --changed)."""

from __future__ import annotations

import functools
import os
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from checker.records import Finding

FailOn = Literal["hard", "conflict", "compatible"]
FAIL_ON: tuple[str, ...] = ("hard", "conflict", "compatible")
GIT_TIMEOUT = 60


class SelectionError(RuntimeError):
    """Git could not tell which files changed (not a repository, unknown ref, ...)."""


def gated(finding: Finding, fail_on: FailOn) -> bool:
    """Whether ``finding`` is at or above the threshold: agreements never are.

    ``hard``: hard conflicts only; ``conflict``: any conflict, hard or soft;
    ``compatible``: conflicts and compatible findings (one value only more precise).
    """
    if finding.verdict == "conflict":
        return fail_on != "hard" or finding.severity == "hard"
    return finding.verdict == "compatible" and fail_on == "compatible"


def resolve(path: str | os.PathLike[str], cwd: Path | None = None) -> Path:
    """An absolute, symlink-free path, relative paths taken from ``cwd`` (default: the current directory)."""
    return _resolve(os.fspath(path), cwd or Path.cwd())


@functools.lru_cache(maxsize=65536)
def _resolve(path: str, cwd: Path) -> Path:
    # A finding quotes the same few files again and again: each is resolved once.
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = cwd / candidate
    return candidate.resolve()


def _git(args: Sequence[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=GIT_TIMEOUT,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SelectionError(f"git {' '.join(args)}: {exc}") from exc
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()
        raise SelectionError(f"git {' '.join(args)}: {detail[-1] if detail else f'exit {done.returncode}'}")
    return done.stdout


def repo_root(paths: Sequence[str | os.PathLike[str]]) -> Path | None:
    """The top of the git work tree holding the first existing path (or the current directory), if any."""
    start = Path.cwd()
    for path in paths:
        candidate = resolve(path)
        if candidate.exists():
            start = candidate if candidate.is_dir() else candidate.parent
            break
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], start).strip()).resolve()
    except SelectionError:
        return None


def changed_since(root: Path, ref: str) -> set[Path]:
    """Files added or changed since ``ref`` (committed, staged or not) plus untracked ones, absolute.

    The diff starts at the merge base of ``ref`` and HEAD, so that on a pull
    request the files changed on the base branch meanwhile do not count.
    """
    try:
        base = _git(["merge-base", ref, "HEAD"], root).strip() or ref
    except SelectionError:
        # Unrelated histories or a ref that is not a commit ancestor: diff against it directly
        # (an unknown ref still fails below, with git's own message).
        base = ref
    names = _git(["diff", "--name-only", "--no-renames", "-z", base, "--"], root).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0")
    return {(root / name).resolve() for name in names if name}


def explicit(files: Iterable[str | os.PathLike[str]]) -> set[Path]:
    """Files named with --changed, absolute."""
    return {resolve(f) for f in files}


def involves(finding: Finding, changed: set[Path], cwd: Path | None = None) -> bool:
    """Whether the changed files bring ``finding`` about: one of its sides rests on changed files alone.

    A new article that only repeats one side of a known disagreement does not make that disagreement new.
    """
    sides = finding.sides or tuple(range(len(finding.evidence)))
    by_side: dict[int, list[bool]] = {}
    for span, side in zip(finding.evidence, sides, strict=True):
        by_side.setdefault(side, []).append(resolve(span.path, cwd) in changed)
    return any(all(flags) for flags in by_side.values())
