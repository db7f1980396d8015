"""What the language data builds into, kept between runs as Python keeps bytecode: speed only.

Every process that extracts builds the language data: it parses the TOML files, analyses the
rules' patterns (the speed code's word keys, conditions, cores and openings) and compiles about
1,500 regexes, which ``re`` does in Python (parse, then code generation). That was 0.4 s per
language, most of a run on a few articles and of the gate's. This module keeps the results in
one file in the user's cache folder:

- ``compile(source, flags)`` stands for ``re.compile``: the first time a process meets a pattern it
  compiles it as ``re`` does and records the engine's code; a later process builds the pattern
  from that code with ``_sre.compile``, skipping the parse and the code generation (0.05 ms a
  pattern instead of 0.4). The engine gets the very code ``re`` would have given it.
- ``remembered(kind, key, flags, build, check)`` keeps the plain-data result of an analysis of a
  pattern (or of a parse of a data file, keyed by its digest), keyed also by a digest of the
  checker's source code, so that changed code never reads an old result.

``flush()`` writes what the process added. What extraction finds does not change
(``tests/test_build_cache.py`` compares both with the plain path, in real runs too).

The file is named after the interpreter's cache tag and the engine's magic number, so another
Python never reads it; an unreadable, corrupt or foreign file is ignored (and replaced by the next
flush); every failure falls back to building. The folder is ``$FACTCHECK_CACHE_DIR``, else
``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``; ``FACTCHECK_CACHE_DIR=""`` turns the
cache off. Written atomically (a temporary file renamed over the old one) under a lock, so that
worker processes flushing at once do not lose each other's records; it holds at most
``_MAX_ENTRIES`` records (past that, a flush keeps only what its process used).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import re
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

try:  # the engine's private modules: without them (another Python), every pattern is compiled by ``re``
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - CPython has them
    _sre = None

_MAX_ENTRIES = 50_000
_ANALYSIS = "analysis"
T = TypeVar("T")
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
    return Path(folder) / f"build-{tag}-{_sre.MAGIC}.bin"


class _Store:
    """The records of one process: those read from the file, and those it made since."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[tuple[Any, ...], Any] = _read(path) if path is not None else {}
        self.used: set[tuple[Any, ...]] = set()
        self.built: dict[_Key, re.Pattern[str]] = {}
        self.dirty = False
        self.flushed: float | None = None

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
        self.add(key, entry)
        return built

    def add(self, key: tuple[Any, ...], value: Any) -> None:
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


def _read(path: Path) -> dict[tuple[Any, ...], Any]:
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {key: entry for key, entry in loaded.items() if _well_formed(key, entry)}


def _well_formed(key: Any, entry: Any) -> bool:
    if isinstance(key, tuple) and len(key) == 5 and key[0] == _ANALYSIS:
        return True  # its reader checks the value (``remembered``)
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)
            and isinstance(entry, tuple) and len(entry) == 5 and isinstance(entry[0], int)
            and isinstance(entry[1], bytes) and len(entry[1]) % 4 == 0 and isinstance(entry[2], int)
            and isinstance(entry[3], dict) and isinstance(entry[4], tuple))


def _write(path: Path, entries: dict[tuple[Any, ...], Any]) -> None:
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


def remembered(kind: str, source: str, flags: int, build: Callable[[], T], check: Callable[[Any], bool]) -> T:
    """``build()``, an analysis of the pattern ``source`` (plain data: str, int, bool, None, tuples and
    frozensets of them), as an earlier run of the same code made it when there is one.

    The record is keyed by ``kind``, the pattern and a digest of the checker's source code, so a
    changed analysis never reads an old result; ``check`` tells a value of the right shape (one
    that is not is built again).
    """
    digest = _code_digest() if _usable() else None
    if digest is None:
        return build()
    store = _store()
    key = (_ANALYSIS, kind, digest, source, flags)
    if key in store.entries:
        value = store.entries[key]
        if check(value):
            store.used.add(key)
            return cast(T, value)
    value = build()
    if store.path is not None:
        try:
            marshal.dumps(value)  # type: ignore[arg-type]
        except ValueError:
            return value  # only plain data is kept
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
    if _STORE is not None:
        _STORE.flush(every)


def reset() -> None:
    """Forget what this process read and compiled (the next ``compile`` reads the file again): for tests."""
    global _STORE
    _STORE = None
