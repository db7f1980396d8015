"""Options and exit codes shared by every command (sqlite-utils style decorators)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])
EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


def paths_argument(func: F) -> F:
    """PATH... (files or directories; default seeds/)."""
    return click.argument("paths", nargs=-1, type=click.Path(path_type=str))(func)


def claims_options(func: F) -> F:
    """--claims DIR, --no-cache and --workers."""
    func = click.option("--no-cache", is_flag=True, help="Re-extract every document, ignoring claims/.")(func)
    func = click.option("--claims", "claims_dir", default="claims", show_default=True,
                        type=click.Path(file_okay=False, path_type=Path),
                        help="Directory of per-document claim files (the cache).")(func)
    return click.option("--workers", "-j", type=click.IntRange(1, 64), default=None,
                        help="Extraction processes (default: one per core for large corpora).")(func)


def exclude_option(func: F) -> F:
    """--exclude PATTERN (repeatable)."""
    return click.option("--exclude", "exclude", metavar="PATTERN", multiple=True,
                        help="Leave out files and folders matching PATTERN (.gitignore syntax, relative to the "
                             "current directory; repeatable). Replaces `exclude` of the configuration file. "
                             "reports/, claims/, hidden folders and what .gitignore lists are always left out "
                             "of a folder walk.")(func)


def quiet_option(func: F) -> F:
    """-q/--quiet."""
    return click.option("--quiet", "-q", is_flag=True,
                        help="No progress bar and no notes on stderr (skipped files, ignored fields); "
                             "errors are still shown.")(func)


def stdin_option(func: F) -> F:
    """--stdin-filename NAME."""
    return click.option("--stdin-filename", metavar="NAME", default=None,
                        help="Name of the article read from stdin when PATH is '-' (its extension gives the "
                             "format; default stdin.txt). It replaces a file of that name.")(func)


def output_option(func: F) -> F:
    """-o/--output FILE."""
    return click.option("--output", "-o", "output", metavar="FILE", default=None,
                        type=click.Path(dir_okay=False, path_type=Path),
                        help="Write what would go to stdout to FILE instead (atomically).")(func)


def statistics_option(func: F) -> F:
    """--statistics."""
    return click.option("--statistics", is_flag=True,
                        help="Print only counts: findings per rule and verdict (text, or JSON with "
                             "--format json).")(func)
