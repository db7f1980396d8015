"""What every command does around the pipeline: choose the inputs, print problems, deliver the output.

Output failures (a read-only, missing or full folder or file) never end in a
traceback: each is one line on stderr naming the path, the report still goes
to stdout, and the command exits 2 only when nothing at all could be delivered.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

from checker.display import escape_line
from checker.options import EXIT_UNUSABLE

if TYPE_CHECKING:
    from checker.ingest.walk import Selection
    from checker.records import Problem

STDIN = "-"


def err(message: str) -> None:
    """One line on stderr, escaped so that it stays one line and cannot drive the terminal."""
    click.echo(escape_line(message), err=True)


def fail(message: str) -> None:
    """``factcheck: message`` on stderr, then exit 2."""
    err(f"factcheck: {message}")
    sys.exit(EXIT_UNUSABLE)


def _flag(name: str) -> bool:
    """An environment variable that is set and not empty (no-color.org, force-color.org)."""
    return bool(os.environ.get(name))


def color() -> bool:
    """Colour on stdout: off with NO_COLOR, on with FORCE_COLOR (even in a pipe), else only on a terminal."""
    if _flag("NO_COLOR"):
        return False
    if _flag("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def default_paths(paths: Sequence[str]) -> list[str]:
    """PATH... as given (or from the configuration file), else seeds/ when it exists."""
    if paths:
        return list(paths)
    if Path("seeds").is_dir():
        return ["seeds"]
    raise click.UsageError("give PATH... (no seeds/ directory here, and no `paths` in a configuration file)")


def selection(targets: Sequence[str], exclude: Sequence[str], stdin_filename: str | None, max_bytes: int,
              outputs: Iterable[Path | str | None] = ()) -> Selection:
    """The ``Selection`` of a command: excludes (those of the configuration file relative to its folder),
    the run's own outputs, and the article on stdin when PATH is ``-``."""
    from checker.ingest.walk import STDIN_NAME, Selection

    ctx = click.get_current_context()
    base: str | None = None
    if ctx.get_parameter_source("exclude") == ParameterSource.DEFAULT_MAP:
        config = ctx.find_root().obj
        folder = getattr(config, "folder", None)
        base = str(folder) if folder is not None else None
    if stdin_filename is not None and STDIN not in targets:
        raise click.UsageError("--stdin-filename names the article read from stdin: add - to PATH...")
    data: bytes | None = None
    if STDIN in targets:
        data = sys.stdin.buffer.read(max_bytes + 1)
    own = tuple(str(p) for p in outputs if p is not None and str(p) != STDIN)
    return Selection(exclude=tuple(exclude), base=base, outputs=own, stdin_name=stdin_filename or STDIN_NAME,
                     stdin_data=data)


def report_problems(problems: Iterable[Problem], quiet: bool) -> None:
    """One line on stderr per problem; with ``quiet``, only those that are errors (fatal)."""
    for problem in problems:
        if problem.fatal or not quiet:
            err(problem.message)


class Delivery:
    """Writes a command's outputs and remembers whether any of them reached its reader."""

    def __init__(self) -> None:
        self.delivered = False

    def to_file(self, path: Path, text: str | Iterable[str]) -> bool:
        """Write ``path`` atomically; a failure is one line naming it.

        A path that exists and is no regular file (``/dev/stdout``, a FIFO, a device) is written
        to, never replaced by a renamed file.
        """
        from checker.store import write_atomic

        try:
            if path.exists() and not path.is_file():
                with open(path, "w", encoding="utf-8", newline="\n") as handle:
                    handle.writelines([text] if isinstance(text, str) else text)
            else:
                write_atomic(path, text)
        except OSError as exc:
            err(f"factcheck: cannot write {path}: {exc.strerror or exc}")
            return False
        self.delivered = True
        return True

    def to_stdout(self, text: str | Iterable[str], color: bool | None = None) -> bool:
        """Print ``text`` (or its pieces); a closed or full stdout is one line, not a traceback.

        ``color``: True keeps the colours of a text that has them even in a pipe (FORCE_COLOR);
        None lets click strip them there.
        """
        try:
            if isinstance(text, str):
                click.echo(text, nl=False, color=color)
            else:
                _echo_chunks(text)
            sys.stdout.flush()
        except OSError as exc:
            _silence_stdout()
            err(f"factcheck: cannot write to stdout: {exc.strerror or exc}")
            return False
        self.delivered = True
        return True

    def output(self, text: str | Iterable[str], output: Path | None, color: bool | None = None) -> bool:
        """``text`` to ``output`` (-o FILE) or stdout; when FILE cannot be written, to stdout after all."""
        if output is not None:
            if not isinstance(text, str):
                text = "".join(text)
            if self.to_file(output, text):
                return True
            err("factcheck: the report goes to stdout instead")
        return self.to_stdout(text, color)

    def reports(self, folder: Path, files: dict[str, str | Iterable[str]]) -> bool:
        """Write the report files of one run into ``folder`` under its lock; stop at the first failure."""
        from checker.store import locked, sweep_stale, write_atomic

        try:
            sweep_stale(folder)
            with locked(folder):  # both files of one run, not one of each of two concurrent runs
                for name, text in files.items():
                    path = folder / name
                    try:
                        write_atomic(path, text)
                    except OSError as exc:
                        err(f"factcheck: cannot write {path}: {exc.strerror or exc}")
                        return False
        except OSError as exc:
            where = exc.filename if isinstance(exc.filename, str) else folder
            err(f"factcheck: cannot write to {where}: {exc.strerror or exc}")
            return False
        self.delivered = True
        return True


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _echo_chunks(chunks: Iterable[str], size: int = 1 << 20) -> None:
    """Print a large text that comes in pieces, about ``size`` characters at a time."""
    from checker.report.pieces import joined

    for text in joined(chunks, size):
        click.echo(text, nl=False)


def statistics(rows: Iterable[tuple[str, str]], fmt: str) -> str:
    """Counts of (rule, label) pairs: ``count  rule  label`` lines by falling count, or JSON."""
    import json

    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        counts[row] = counts.get(row, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if fmt == "json":
        data = [{"rule": rule, "label": label, "count": count} for (rule, label), count in ordered]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    width = max((len(rule) for (rule, _), _ in ordered), default=0)
    return "".join(f"{count:>5}  {rule:<{width}}  {label}\n" for (rule, label), count in ordered)
