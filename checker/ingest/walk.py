"""Command-line paths -> the article files to read, in a deterministic order."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    """A file to read (``display`` is the path shown to the user, '/'-separated) or a problem with a path."""

    display: str
    path: str
    error: str | None = None


def _display(given: str, relative: str = "") -> str:
    given = given.replace(os.sep, "/") if os.sep != "/" else given
    if relative:
        base = given.rstrip("/")
        joined = relative if base in ("", ".") else posixpath.join(base, relative)
    else:
        joined = given
    return joined[2:] if joined.startswith("./") and len(joined) > 2 else joined


def _walk(root: str, given: str) -> Iterator[Found]:
    """Files under ``root``, depth first in name order; hidden entries skipped, symlink loops survived."""
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[str, str]] = [(root, "")]
    while stack:
        directory, relative = stack.pop()
        try:
            info = os.stat(directory)
        except OSError as exc:
            yield Found(_display(given, relative), directory, f"cannot open directory ({exc.strerror})")
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            continue  # a symlink back to a directory already walked
        seen.add(key)
        try:
            with os.scandir(directory) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            shown = _display(given, relative) or given
            yield Found(shown, directory, f"cannot list directory ({exc.strerror})")
            continue
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            rel = posixpath.join(relative, entry.name) if relative else entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                subdirs.append((entry.path, rel))
            else:
                yield Found(_display(given, rel), entry.path)
        # Files of a directory come before its subdirectories; the final sort is by path anyway.
        stack.extend(reversed(subdirs))


def find_files(paths: Sequence[str | os.PathLike[str]]) -> list[Found]:
    """Every file named by ``paths`` (directories walked recursively), without duplicates."""
    found: list[Found] = []
    for item in paths:
        given = os.fspath(item)
        if os.path.isdir(given):
            found.extend(_walk(given, given))
        elif os.path.lexists(given) and not os.path.exists(given):
            found.append(Found(_display(given), given, "broken symbolic link"))
        elif os.path.exists(given):
            found.append(Found(_display(given), given))
        else:
            found.append(Found(_display(given), given, "no such file or directory"))
    unique: dict[str, Found] = {}
    for entry in found:
        unique.setdefault(entry.display, entry)
    return sorted(unique.values(), key=lambda f: f.display)
