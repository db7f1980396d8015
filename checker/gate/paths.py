"""File names as CI systems want them: relative to the repository root, with forward slashes."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from checker.gate.select import resolve
from checker.records import Finding, Span


def relative(path: str, root: Path | None) -> str:
    """``path`` relative to ``root`` (posix), or as given when it lies outside it."""
    absolute = resolve(path)
    base = root or Path.cwd().resolve()
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()


def uri(path: str, root: Path | None) -> str:
    """A SARIF ``uri``: relative reference inside the repository, ``file:`` URI outside it."""
    rel = relative(path, root)
    if Path(rel).is_absolute():
        return Path(rel).as_uri()
    return quote(rel, safe="/")


def primary(finding: Finding, changed: set[Path] | None) -> tuple[Span, list[Span]]:
    """The side to annotate (the first quote in a changed file, else the first) and the other sides."""
    spans = list(finding.evidence)
    index = 0
    if changed:
        index = next((i for i, s in enumerate(spans) if resolve(s.path) in changed), 0)
    return spans[index], spans[:index] + spans[index + 1:]
