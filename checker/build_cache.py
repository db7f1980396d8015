"""What the language data builds into, kept between runs where plain data can hold it: speed only.

Every process that extracts builds the language data: it parses the TOML files and analyses the
rules' patterns (the speed code's word keys, conditions, cores, digit rules and openings), which
is Python reading regex syntax trees. ``remembered(kind, key, flags, build, check)`` keeps the
plain-data result of one such analysis (or parse) in one file in the user's cache folder, so a
later process reads it instead of making it again. A record is keyed by its kind, the pattern (or
the data file's digest) and a digest of the checker's source code, so changed code never reads an
old result, and ``check`` turns away a value of the wrong shape. ``flush()`` writes what the
process added. What extraction finds does not change (``tests/test_build_cache.py`` compares the
analyses with fresh ones, and real runs with the cache empty, filled and off).

The compiled regexes themselves are not kept: that would take ``re``'s private modules, which the
checker does not use (issue 19); ``re`` compiles them in each process, on first use
(``recognize/lazy.py``).

Records of another use can be kept on a shelf of their own (``shelf=``, one file each), so that a
process reads only the file of what it asks for: the story's readings of relative times
(``checker/story_readings.py``) are read by the process that compares, never by a worker.

A file is named after its shelf and the interpreter's cache tag (``marshal`` writes it); an unreadable,
corrupt or foreign file, or one that another user could have written (``trusted``), is ignored (and
replaced by the next flush); every failure falls back to
building. The folder is ``$FACTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/factcheck``, else
``~/.cache/factcheck``; ``FACTCHECK_CACHE_DIR=""`` turns the cache off. Written atomically (a
temporary file renamed over the old one) under a lock, so that worker processes flushing at once
do not lose each other's records; it holds the records of the code that last wrote it only (an
upgraded checker does not read its predecessor's), at most ``_MAX_ENTRIES`` of them (past that, a
flush keeps only what its process used).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

_MAX_ENTRIES = 50_000
# The shelf of the language data's analyses.
BUILD = "build"
T = TypeVar("T")
_Key = tuple[str, str, str, int]


def cache_folder() -> Path | None:
    """The folder of what is kept between runs (None: the cache is off)."""
    folder = os.environ.get("FACTCHECK_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "factcheck")
    return Path(folder) if folder else None


def cache_file(shelf: str = BUILD) -> Path | None:
    """Where the records of ``shelf`` are kept (None: the cache is off)."""
    folder = cache_folder()
    if folder is None:
        return None
    tag = sys.implementation.cache_tag or "python"
    return folder / f"{shelf}-{tag}.bin"


class _Store:
    """The records of one process: those read from the file, and those it made since."""

    def __init__(self, path: Path | None, limit: int) -> None:
        self.path = path
        self.limit = limit
        self.entries: dict[_Key, Any] = _read(path) if path is not None else {}
        self.used: set[_Key] = set()
        self.dirty = False
        self.flushed: float | None = None

    def add(self, key: _Key, value: Any) -> None:
        self.entries[key] = value
        self.used.add(key)
        self.dirty = True

    def flush(self, every: float = 0.0) -> None:
        if not self.dirty or self.path is None:
            return
        now = time.monotonic()
        if self.flushed is not None and now - self.flushed < every:
            return
        self.dirty = False
        self.flushed = now
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path.with_suffix(".lock")):
                merged = _read(self.path)
                merged.update(self.entries)
                # Only this code reads what this code wrote: records of an earlier version (or not records)
                # would be read, and skipped, by every later process.
                digest = _code_digest()
                merged = {key: value for key, value in merged.items() if _well_formed(key) and key[1] == digest}
                if len(merged) > self.limit:
                    merged = {key: merged[key] for key in self.used if key in merged}
                _write(self.path, merged)


def trusted(path: Path) -> bool:
    """Whether a kept file may be read: this user's, and writable by no one else (a cache folder that others
    can write to must not decide what a run finds). False when it cannot be looked at."""
    try:
        found = path.stat()
    except OSError:
        return False
    if not hasattr(os, "getuid"):  # pragma: no cover - not a POSIX system: no owner or mode bits to go by
        return True
    return found.st_uid == os.getuid() and not found.st_mode & 0o022


def _read(path: Path) -> dict[_Key, Any]:
    if not trusted(path):
        return {}
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    # Not checked record by record: a key of another shape is never asked for, and a flush drops it.
    return loaded if isinstance(loaded, dict) else {}


def _well_formed(key: Any) -> bool:
    # The value is checked by its reader (``remembered``).
    return (isinstance(key, tuple) and len(key) == 4 and all(isinstance(part, str) for part in key[:3])
            and isinstance(key[3], int))


def _write(path: Path, entries: dict[_Key, Any]) -> None:
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps(entries))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not a POSIX system: the rename alone keeps the file whole
        yield
        return
    with open(path, "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


_STORES: dict[str, _Store] = {}


def _store(shelf: str, limit: int) -> _Store:
    found = _STORES.get(shelf)
    if found is None:
        found = _STORES[shelf] = _Store(cache_file(shelf), limit)
    return found


def remembered(kind: str, source: str, flags: int, build: Callable[[], T], check: Callable[[Any], bool],
               shelf: str = BUILD, limit: int = _MAX_ENTRIES) -> T:
    """``build()``, an analysis of the pattern ``source`` (plain data: str, int, bool, None, lists, dicts,
    tuples and frozensets of them), as an earlier run of the same code made it when there is one.

    The record is keyed by ``kind``, the pattern and a digest of the checker's source code, so a
    changed analysis never reads an old result; ``check`` tells a value of the right shape (one
    that is not is built again). A value that is not plain data is returned, not kept. ``shelf`` names
    the file it is kept in, which holds at most about ``limit`` records.
    """
    store = _store(shelf, limit)
    digest = _code_digest() if store.path is not None else None
    if digest is None:
        return build()
    key = (kind, digest, source, flags)
    if key in store.entries:
        value = store.entries[key]
        if check(value):
            store.used.add(key)
            return cast(T, value)
    value = build()
    try:
        marshal.dumps(value)  # type: ignore[arg-type]
    except ValueError:
        return value
    store.add(key, value)
    return value


@functools.cache
def _code_digest() -> str | None:
    """A digest of every Python source of the package: any change to the code that analyses patterns changes it."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    try:
        for path in sorted(package.rglob("*.py")):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()[:16]


def flush(every: float = 0.0) -> None:
    """Keep what was built since the last flush for later runs (never raises on a write failure).

    With ``every``, not again within that many seconds of this process's last flush (the file is
    read, merged and written whole: a worker that builds as it goes would otherwise write it after
    each document).
    """
    for store in _STORES.values():
        store.flush(every)


def reset() -> None:
    """Forget what this process read and added (the next ``remembered`` reads the file again): for tests."""
    _STORES.clear()
