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
