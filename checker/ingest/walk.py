"""Command-line paths -> the article files to read, in a deterministic order.

Directories are walked with the excludes of ``checker.ingest.ignore``. A
symbolic link is followed only when it leads to a place inside one of the
folders given: one that leads outside (``/proc/self/status``, a file of the
CI runner) is named as skipped and never opened. ``-`` stands for one article
read from standard input.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from checker.ingest.ignore import Excluder, excluder

STDIN = "-"
STDIN_NAME = "stdin.txt"


@dataclass(frozen=True)
class Found:
    """A file to read (``display`` is the path shown to the user, '/'-separated) or a problem with a path.

    ``kind`` and ``fatal`` are those of the problem ``error`` makes; ``data`` holds the bytes of an
    article that came on standard input (``path`` is then ``-``).
    """

    display: str
    path: str
    error: str | None = None
    kind: str = "unreadable"
    fatal: bool = True
    data: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Selection:
    """How command-line paths become files: what to leave out, and the article given on stdin (``-``).

    ``exclude`` patterns are relative to ``base`` (default: the current directory); ``outputs`` are
    the folders and files the run itself writes, never read as articles.
    """

    exclude: tuple[str, ...] = ()
    base: str | None = None
    outputs: tuple[str, ...] = ()
    gitignore: bool = True
    stdin_name: str = STDIN_NAME
    stdin_data: bytes | None = None

    def excluder(self) -> Excluder:
        """The excluder of these settings."""
        return excluder(self.exclude, self.base, self.outputs, self.gitignore)


def _display(given: str, relative: str = "") -> str:
    given = given.replace(os.sep, "/") if os.sep != "/" else given
    if relative:
        base = given.rstrip("/")
        joined = relative if base in ("", ".") else posixpath.join(base, relative)
    else:
        joined = given
    return joined[2:] if joined.startswith("./") and len(joined) > 2 else joined


def _inside(target: str, roots: Sequence[str]) -> bool:
    return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _outside(entry: os.DirEntry[str], roots: Sequence[str]) -> str | None:
    """Where a symbolic link leads when that is outside every root; None for anything else."""
    try:
        if not entry.is_symlink():
            return None
    except OSError:
        return None
    target = os.path.realpath(entry.path)
    return None if _inside(target, roots) else target


def _walk(root: str, given: str, excluded: Excluder, roots: Sequence[str]) -> Iterator[Found]:
    """Files under ``root``, depth first in name order; hidden and excluded entries skipped, symlink
    loops survived, symlinks that lead outside ``roots`` (real paths) named and not followed."""
    excluded.start(root)
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
        excluded.enter(directory)
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
            if excluded.excluded(entry.path, root, is_dir):
                continue
            target = _outside(entry, roots)
            if target is not None:
                yield Found(_display(given, rel), entry.path, "skipped: symbolic link to a place outside the "
                            f"folders given ({target}); not followed", kind="skipped", fatal=False)
            elif is_dir:
                subdirs.append((entry.path, rel))
            else:
                yield Found(_display(given, rel), entry.path)
        # Files of a directory come before its subdirectories; the final sort is by path anyway.
        stack.extend(reversed(subdirs))


def find_files(paths: Sequence[str | os.PathLike[str]], selection: Selection | None = None) -> list[Found]:
    """Every file named by ``paths`` (directories walked recursively), without duplicates.

    A file named directly is always listed; ``selection`` (default: the default excludes and
    ``.gitignore``) decides what a walk leaves out. ``-`` is the article on standard input,
    listed under ``selection.stdin_name``; it replaces a file of that name found on disk.
    """
    selection = selection or Selection()
    excluded = selection.excluder()
    given_paths = [os.fspath(item) for item in paths]
    roots = [os.path.realpath(given) for given in given_paths if given != STDIN and os.path.isdir(given)]
    found: list[Found] = []
    stdin: Found | None = None
    for given in given_paths:
        if given == STDIN:
            stdin = Found(_display(selection.stdin_name), STDIN, data=selection.stdin_data or b"")
        elif os.path.isdir(given):
            found.extend(_walk(given, given, excluded, roots))
        elif os.path.lexists(given) and not os.path.exists(given):
            found.append(Found(_display(given), given, "broken symbolic link"))
        elif os.path.exists(given):
            found.append(Found(_display(given), given))
        else:
            found.append(Found(_display(given), given, "no such file or directory"))
    unique: dict[str, Found] = {}
    if stdin is not None:
        unique[stdin.display] = stdin
    for entry in found:
        unique.setdefault(entry.display, entry)
    return sorted(unique.values(), key=lambda f: f.display)
