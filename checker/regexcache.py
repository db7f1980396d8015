"""Compiled regular expressions kept across runs: a speed aid of the command line, off by default.

Compiling the language data's regular expressions (about a thousand, some of them alternations of
hundreds of words) is most of what a short run spends: about 0.4 s for English and French, paid again
by every process. Python's ``re`` parses each pattern and turns it into the code its matching engine
runs; that code depends only on the pattern, its flags and the Python it ran on. ``enable`` puts a
table of such code, read from one file in the user's cache folder, in front of ``re``'s compiler: a
pattern found there is built from its code at once (``_sre.compile``, which validates it), any other
is compiled as usual and its code noted, and ``save`` writes the table back when something was added.

The patterns made are those ``re`` makes (the same arguments to ``_sre.compile``), so no result of the
checker depends on the cache; ``tests/test_regexcache.py`` compares them. The file is keyed by the
Python build and the engine's version, carries a digest of its content, and is written atomically;
a file that does not read back, a Python whose ``re`` lacks the parts used here, or
``FACTCHECK_REGEX_CACHE=off`` turns the aid off, never the run. ``FACTCHECK_REGEX_CACHE=DIR`` puts the
file in DIR (the tests use a temporary folder).
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

try:  # the parts of ``re`` this aid relies on; without any of them it stays off
    import _sre
    import re._compiler as _compiler
    import re._parser as _parser

    _ENGINE = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.maxunicode}"
    _AVAILABLE = _sre.CODESIZE == 4 and all(hasattr(_compiler, name) for name in ("compile", "_code"))
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _AVAILABLE = False
    _ENGINE = ""

# Entries beyond this many are dropped on save (the ones this process did not use first): language
# data that changed leaves patterns behind that no run asks for again.
MAX_ENTRIES = 20000
_MAGIC = b"factcheck-regex-cache-1\n"

# (pattern, flags) -> (flags with the pattern's own, code as bytes, groups, group index, index group)
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_table: dict[tuple[str, int], Entry] = {}
_added: dict[tuple[str, int], Entry] = {}
_used: set[tuple[str, int]] = set()
_file: Path | None = None
_plain_compile: Any = None
_loaded = False


def cache_file() -> Path | None:
    """The file of this Python's table, or None when the aid is turned off or cannot work here."""
    setting = os.environ.get("FACTCHECK_REGEX_CACHE", "")
    if not _AVAILABLE or setting.lower() in ("off", "0", "no"):
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "factcheck"
    tag = hashlib.sha256(_ENGINE.encode()).hexdigest()[:16]
    return folder / f"regex-{tag}.bin"


def _read(path: Path) -> dict[tuple[str, int], Entry]:
    """The table in ``path``; empty when it is missing or does not read back whole."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    head = len(_MAGIC) + 32
    if not data.startswith(_MAGIC) or hashlib.sha256(data[head:]).digest() != data[len(_MAGIC):head]:
        return {}
    try:
        table = marshal.loads(data[head:])
    except (EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def _build(pattern: str, entry: Entry) -> Any:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array.array("I", code).tolist(), groups, groupindex, indexgroup)


def _compile(pattern: Any, flags: int = 0) -> Any:
    """``re._compiler.compile`` with the table in front of it (text patterns only)."""
    global _loaded
    if type(pattern) is not str:
        return _plain_compile(pattern, flags)
    if not _loaded and _file is not None:  # read at the first pattern: `--version` and `--help` need none
        _loaded = True
        _table.update(_read(_file))
    key = (pattern, int(flags))
    entry = _table.get(key)
    if entry is not None:
        try:
            built = _build(pattern, entry)
        except Exception:  # an entry that does not build: compile it again
            del _table[key]
        else:
            _used.add(key)
            return built
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (int(flags | parsed.state.flags), array.array("I", code).tobytes(), parsed.state.groups - 1,
             groupindex, tuple(indexgroup))
    built = _build(pattern, entry)
    _table[key] = _added[key] = entry
    _used.add(key)
    return built


def enable() -> bool:
    """Put the table of the user's cache in front of ``re``'s compiler (read when the first pattern is
    compiled); whether it is on."""
    global _file, _plain_compile
    if _plain_compile is not None:
        return True
    path = cache_file()
    if path is None:
        return False
    _file = path
    _plain_compile = _compiler.compile
    _compiler.compile = _compile
    return True


def disable() -> None:
    """Give ``re`` its own compiler back and forget the table (patterns already built stay as they are)."""
    global _file, _plain_compile, _loaded
    if _plain_compile is not None:
        _compiler.compile = _plain_compile
    _plain_compile = None
    _file = None
    _loaded = False
    _table.clear()
    _added.clear()
    _used.clear()


def save() -> None:
    """Write the table back when this process added to it (merged with what others wrote meanwhile).

    Atomic (a temporary file renamed over the old one); a cache that cannot be written is left alone:
    it only costs the next run its speed.
    """
    if _file is None or not _added:
        return
    path = _file
    table = _read(path)
    table.update(_table)
    if len(table) > MAX_ENTRIES:
        table = {key: entry for key, entry in table.items() if key in _used}
    body = marshal.dumps(table)
    data = _MAGIC + hashlib.sha256(body).digest() + body
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".regex-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    _added.clear()
