"""Compiled regular expressions kept between runs, as Python keeps bytecode: speed only.

The language data builds about 1,500 regexes; ``re`` compiles each one in Python (parse, then
code generation), about 0.25 s per language in every process that extracts. That is most of a run
on a few articles, and of the gate's. ``compile(source, flags)`` stands for ``re.compile``: the
first time a process meets a pattern it compiles it as ``re`` does and records the engine's code;
``flush()`` writes the records to one file in the user's cache folder, and a later process builds
the pattern from that code with ``_sre.compile``, skipping the parse and the code generation
(about 0.05 ms a pattern instead of 0.4). What a pattern finds does not change: the engine gets
the very code ``re`` would have given it (``tests/test_regex_store.py`` compares the two).

The file is named after the interpreter's cache tag and the engine's magic number, so another
Python never reads it; an unreadable, corrupt or foreign file is ignored (and replaced by the next
flush); every failure falls back to ``re.compile``. The folder is ``$FACTCHECK_CACHE_DIR``, else
``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``; ``FACTCHECK_CACHE_DIR=""`` turns the
store off. Written atomically (a temporary file renamed over the old one) under a lock, so that
worker processes flushing at once do not lose each other's records; it holds the patterns in use
(at most ``_MAX_ENTRIES``: past that, a flush keeps only what its process used).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

try:  # the engine's private modules: without them (another Python), every pattern is compiled by ``re``
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - CPython has them
    _sre = None

_MAX_ENTRIES = 20_000
# (final flags, code as 32-bit words, groups, group index, index group)
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_Key = tuple[str, int]


def _usable() -> bool:
    return (_sre is not None and getattr(_sre, "CODESIZE", 0) == 4 and hasattr(_sre, "MAGIC")
            and hasattr(_compiler, "_code") and hasattr(_parser, "parse"))


def cache_file() -> Path | None:
    """Where the compiled patterns are kept (None: the store is off)."""
    if not _usable():
        return None
    folder = os.environ.get("FACTCHECK_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "factcheck")
    if not folder:
        return None
    tag = sys.implementation.cache_tag or "python"
    return Path(folder) / f"regex-{tag}-{_sre.MAGIC}.bin"


class _Store:
    """The records of one process: those read from the file, and those it compiled since."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[_Key, _Entry] = _read(path) if path is not None else {}
        self.used: set[_Key] = set()
        self.built: dict[_Key, re.Pattern[str]] = {}
        self.dirty = False

    def compile(self, source: str, flags: int) -> re.Pattern[str]:
        key = (source, flags)
        pattern = self.built.get(key)
        if pattern is None:
            pattern = self.built[key] = self._compile(key)
        return pattern

    def _compile(self, key: _Key) -> re.Pattern[str]:
        source, flags = key
        entry = self.entries.get(key)
        if entry is not None:
            built = _build(source, entry)
            if built is not None:
                self.used.add(key)
                return built
            del self.entries[key]
        entry = _record(source, flags)
        if entry is None:
            return re.compile(source, flags)
        built = _build(source, entry)
        if built is None:  # pragma: no cover - the engine refused the code it was just given
            return re.compile(source, flags)
        self.entries[key] = entry
        self.used.add(key)
        self.dirty = True
        return built

    def flush(self) -> None:
        if not self.dirty or self.path is None:
            return
        self.dirty = False
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path.with_suffix(".lock")):
                merged = _read(self.path)
                merged.update(self.entries)
                if len(merged) > _MAX_ENTRIES:
                    merged = {key: merged[key] for key in self.used if key in merged}
                _write(self.path, merged)


def _record(source: str, flags: int) -> _Entry | None:
    """What ``re`` compiles ``source`` into, as plain data; None when that cannot be read off."""
    try:
        parsed = _parser.parse(source, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (int(flags | parsed.state.flags), array("I", code).tobytes(), parsed.state.groups - 1,
                groupindex, tuple(indexgroup))
    except Exception:  # noqa: BLE001 - ``re.compile`` then raises its own error, or succeeds
        return None


def _build(source: str, entry: _Entry) -> re.Pattern[str] | None:
    try:
        flags, code, groups, groupindex, indexgroup = entry
        built: re.Pattern[str] = _sre.compile(source, flags, array("I", code).tolist(), groups, groupindex,
                                              indexgroup)
        return built
    except Exception:  # noqa: BLE001 - a damaged record is compiled again
        return None


def _read(path: Path) -> dict[_Key, _Entry]:
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {key: entry for key, entry in loaded.items() if _well_formed(key, entry)}


def _well_formed(key: Any, entry: Any) -> bool:
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)
            and isinstance(entry, tuple) and len(entry) == 5 and isinstance(entry[0], int)
            and isinstance(entry[1], bytes) and len(entry[1]) % 4 == 0 and isinstance(entry[2], int)
            and isinstance(entry[3], dict) and isinstance(entry[4], tuple))


def _write(path: Path, entries: dict[_Key, _Entry]) -> None:
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


_STORE: _Store | None = None


def _store() -> _Store:
    global _STORE
    if _STORE is None:
        _STORE = _Store(cache_file())
    return _STORE


def compile(source: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - it stands for re.compile
    """``re.compile(source, flags)``, from the code kept by an earlier run when there is one."""
    if not isinstance(source, str) or not _usable():
        return re.compile(source, flags)
    return _store().compile(source, int(flags))


def flush() -> None:
    """Keep the patterns compiled since the last flush for later runs (never raises on a write failure)."""
    if _STORE is not None:
        _STORE.flush()


def reset() -> None:
    """Forget what this process read and compiled (the next ``compile`` reads the file again): for tests."""
    global _STORE
    _STORE = None
