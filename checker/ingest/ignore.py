"""Which walked files are not articles to read: default excludes, --exclude patterns and .gitignore files.

Patterns use .gitignore syntax (``drafts/``, ``*.html``, ``/notes.txt``,
``!keep.txt``), matched by ``pathspec``. They apply to what a directory walk
finds; a file named on the command line is always read.

- Default excludes: ``reports/`` and ``claims/`` (the checker's own outputs), and
  the output and claims directories and output file of the current run.
  Hidden files and folders are never walked.
- ``--exclude`` and ``exclude = [...]`` in the configuration: matched against
  the path relative to ``base`` (the current directory, or the folder of the
  configuration file); a pattern without a slash matches at any depth.
- ``.gitignore``: each one applies below its own folder, the deeper one
  deciding, as in git; those of the folders above a walked root count too, up
  to the top of its git work tree, and so does ``.git/info/exclude``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from pathspec import GitIgnoreSpec

DEFAULT_EXCLUDES: tuple[str, ...] = ("reports/", "claims/")


@dataclass(frozen=True)
class Patterns:
    """Exclude patterns and the folder (absolute) they are relative to."""

    lines: tuple[str, ...]
    base: str

    def spec(self) -> GitIgnoreSpec:
        """The compiled patterns."""
        return _compiled(self.lines)


@cache
def _compiled(lines: tuple[str, ...]) -> GitIgnoreSpec:
    return GitIgnoreSpec.from_lines(lines)


def _relative(path: str, base: str) -> str | None:
    """``path`` relative to ``base`` ('/'-separated), or None when it lies outside it."""
    rel = os.path.relpath(path, base)
    if rel == os.curdir or rel.startswith(os.pardir + os.sep) or rel == os.pardir:
        return None
    return rel.replace(os.sep, "/")


def _decision(spec: GitIgnoreSpec, rel: str) -> bool | None:
    """True: excluded, False: re-included by a ``!`` pattern, None: no pattern says anything."""
    result = spec.check_file(rel)
    return result.include


@dataclass
class Excluder:
    """Decides, for each walked file and folder, whether it is left out.

    ``patterns`` are the default excludes and the user's; ``own`` the absolute
    paths the run writes; ``.gitignore`` files are found as the walk goes
    (``enter``) and above each root (``start``).
    """

    patterns: Sequence[Patterns] = ()
    own: frozenset[str] = frozenset()
    gitignore: bool = True
    _seen: set[str] = field(default_factory=set)
    # (depth, base folder, spec); .git/info/exclude has depth -1: any .gitignore overrides it.
    _specs: list[tuple[int, str, GitIgnoreSpec]] = field(default_factory=list)

    def start(self, root: str) -> None:
        """Load the ignore files that apply to the walk of ``root`` from above it."""
        if not self.gitignore:
            return
        folder = os.path.abspath(root)
        top = _work_tree_top(folder)
        if top is None:
            self.enter(folder)
            return
        self._add(os.path.join(top, ".git", "info", "exclude"), top, -1)
        chain = [folder]
        while chain[-1] != top:
            chain.append(os.path.dirname(chain[-1]))
        for above in reversed(chain):
            self.enter(above)

    def enter(self, folder: str) -> None:
        """Read ``folder/.gitignore`` (once) before its entries are judged."""
        if self.gitignore:
            folder = os.path.abspath(folder)
            self._add(os.path.join(folder, ".gitignore"), folder, folder.count(os.sep))

    def _add(self, path: str, base: str, depth: int) -> None:
        if path in self._seen:
            return
        self._seen.add(path)
        spec = _read_spec(path)
        if spec is not None:
            self._specs.append((depth, base, spec))
            self._specs.sort(key=lambda item: item[0])

    def excluded(self, path: str, root: str, is_dir: bool) -> bool:
        """Whether ``path`` (found under the walked ``root``) is left out."""
        absolute = os.path.abspath(path)
        if absolute in self.own:
            return True
        suffix = "/" if is_dir else ""
        for patterns in self.patterns:
            rel = _relative(absolute, patterns.base) or _relative(absolute, os.path.abspath(root))
            if rel is not None and _decision(patterns.spec(), rel + suffix):
                return True
        decision: bool | None = None
        for _, base, spec in self._specs:  # shallow to deep: the deepest that says something decides
            rel = _relative(absolute, base)
            if rel is not None:
                verdict = _decision(spec, rel + suffix)
                if verdict is not None:
                    decision = verdict
        return bool(decision)


def _read_spec(path: str) -> GitIgnoreSpec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    return GitIgnoreSpec.from_lines(lines) if any(line.strip() for line in lines) else None


def _work_tree_top(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` that holds ``.git``, if any."""
    current = folder
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def excluder(exclude: Iterable[str] = (), base: str | None = None, outputs: Iterable[str] = (),
             gitignore: bool = True) -> Excluder:
    """The default excludes, ``exclude`` (relative to ``base``, default the current directory) and the
    run's own ``outputs`` (folders or files it writes), with ``.gitignore`` files respected or not."""
    here = os.path.abspath(base or os.curdir)
    patterns = [Patterns(DEFAULT_EXCLUDES, here)]
    user = tuple(p for p in exclude if p.strip())
    if user:
        patterns.append(Patterns(user, here))
    own = frozenset(os.path.abspath(p) for p in outputs)
    return Excluder(patterns=tuple(patterns), own=own, gitignore=gitignore)


# What the checker's own outputs start with: the HTML report's generator tag, the terminal report's
# summary line. A report saved next to the articles (-o findings.html) is not an article on the next run.
_OWN_HTML = re.compile(rb'<meta name="generator" content="factcheck[ "]')
_OWN_TEXT = re.compile(rb"\A\d+ documents?, \d+ claims?: \d+ conflicts?, ")


def written_by_factcheck(data: bytes) -> bool:
    """Whether ``data`` (a file's bytes) is a report this checker wrote."""
    head = data[:4096]
    return bool(_OWN_HTML.search(head) or _OWN_TEXT.match(head))
