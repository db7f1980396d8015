"""Regexes compiled the first time they are run: a language's data builds hundreds, a document runs few.

Speed only. ``lazy_compile(source, flags)`` stands for ``re.compile(source, flags)``: its
``pattern`` and ``flags`` are there at once (the gates and prefilters read those, and patterns
are built from other patterns' sources), and the first call of a matching method (``search``,
``match``, ``finditer`` ...) or read of another attribute (``groupindex``) compiles it; from then
on the methods are the compiled pattern's own. A pattern no text reaches is never compiled, and
what it finds is what ``re.compile`` would have found (``tests/test_lazy.py``).

``compile_pending()`` compiles every lazy pattern still alive that was not compiled yet: a parent
that forks workers calls it once, so that they share the compiled patterns instead of each
compiling its own.
"""

from __future__ import annotations

import contextlib
import re
import weakref
from collections.abc import Iterator
from typing import Any, cast

# A global flag group at the very start of a source ("(?i)", "(?ix)"): ``re`` adds its flags to the pattern's.
_GLOBAL_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")
_FLAG_LETTERS = {"a": re.ASCII, "i": re.IGNORECASE, "L": re.LOCALE, "m": re.MULTILINE, "s": re.DOTALL,
                 "u": re.UNICODE, "x": re.VERBOSE}
# The methods a compiled pattern lends a lazy one once compiled: read from the instance, they cost no more
# than on the pattern itself.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

_PENDING: weakref.WeakSet[LazyPattern] = weakref.WeakSet()
# Set inside ``eager()``: patterns are compiled when they are made, as ``re.compile`` does.
_EAGER = False


def compiled_flags(source: str, flags: int) -> int:
    """The ``flags`` that ``re.compile(source, flags)`` reports, without compiling: its inline global flags
    added, and ``re.UNICODE`` for a text pattern that is not ASCII-only."""
    at = 0
    while (found := _GLOBAL_FLAGS.match(source, at)) is not None:
        for letter in found.group(1):
            flags |= _FLAG_LETTERS[letter]
        at = found.end()
    return int(flags if flags & re.ASCII else flags | re.UNICODE)


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled when it is first run (see the module's docstring)."""

    __slots__ = ("pattern", "flags", "_given", "_compiled", "__weakref__", *_METHODS)

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self._given = flags
        self.flags = compiled_flags(source, flags)
        self._compiled: re.Pattern[str] | None = None
        _PENDING.add(self)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        found = self._compiled
        if found is None:
            found = self._compiled = re.compile(self.pattern, self._given)
            for name in _METHODS:
                setattr(self, name, getattr(found, name))
            _PENDING.discard(self)
        return found

    def __getattr__(self, name: str) -> Any:
        # Reached only for what the instance does not hold yet: the methods before the first run, and the
        # attributes it never copies (``groups``, ``groupindex``).
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (LazyPattern, re.Pattern)):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:
        # Not the hash of the compiled pattern: lazy and compiled patterns are not mixed as keys of one dict.
        return hash((LazyPattern, self.pattern, self.flags))

    def __repr__(self) -> str:
        return repr(self.compiled())

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return lazy_compile, (self.pattern, self._given)

    def __copy__(self) -> LazyPattern:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> LazyPattern:
        return self


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, compiled on first use.

    Typed as the pattern it stands for: it has every method and attribute of one.
    """
    if _EAGER:
        return re.compile(source, flags)
    return cast("re.Pattern[str]", LazyPattern(source, flags))


@contextlib.contextmanager
def eager() -> Iterator[None]:
    """Inside, ``lazy_compile`` is ``re.compile``: the plain path that the lazy one is compared with."""
    global _EAGER
    previous, _EAGER = _EAGER, True
    try:
        yield
    finally:
        _EAGER = previous


def compile_pending() -> int:
    """Compile every lazy pattern alive that is not compiled yet; how many were compiled."""
    waiting = list(_PENDING)
    for pattern in waiting:
        pattern.compiled()
    return len(waiting)
