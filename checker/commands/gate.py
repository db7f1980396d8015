"""`factcheck check` (the CI gate) and `factcheck baseline` (record the reviewed findings).

Both are standalone click commands; checker/cli.py registers them on the
main group. Exit status: 0 clean, 1 new findings the gate fails on, 2
unusable input or usage (a bad baseline file, git unable to answer --since).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

if TYPE_CHECKING:
    from checker.pipeline import Extraction
    from checker.records import Finding

from checker import __version__, timings
from checker.commands.common import Delivery, default_paths, err, report_problems, selection
from checker.commands.common import statistics as count_rows
from checker.gate import baseline as store
from checker.gate.baseline import DEFAULT_BASELINE, Baseline, BaselineError
from checker.gate.select import FAIL_ON, FailOn, SelectionError, changed_since, explicit, gated, repo_root
from checker.options import (
    EXIT_CLEAN,
    EXIT_UNUSABLE,
    claims_options,
    exclude_option,
    output_option,
    paths_argument,
    quiet_option,
    statistics_option,
    stdin_option,
)

# Read from stdin (PATH '-'); bounded like any file.
_MAX_BYTES = 20 * 1024 * 1024

FORMATS = ("text", "json", "sarif", "github")
F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str) -> None:
    err(f"factcheck: {message}")
    sys.exit(EXIT_UNUSABLE)


def _extract(targets: list[str], claims_dir: Path, no_cache: bool, workers: int | None,
             exclude: tuple[str, ...], stdin_filename: str | None, quiet: bool, outputs: tuple[Path | None, ...],
             distrust: set[Path] | None = None) -> tuple[Extraction, list[Finding]]:
    from checker import pipeline

    timings.mark("command")
    chosen = selection(targets, exclude, stdin_filename, _MAX_BYTES, outputs=(claims_dir, *outputs))
    with timings.stage("extract"):
        extraction = pipeline.ground(pipeline.extract(targets, claims_dir=claims_dir, use_cache=not no_cache,
                                                      workers=workers or (os.cpu_count() or 1),
                                                      selection=chosen, distrust=distrust or ()))
    report_problems(extraction.problems, quiet)
    if not extraction.documents:
        _fail("no usable document in " + ", ".join(targets))
    with timings.stage("compare"):
        findings = pipeline.compare(extraction)
    # The records live until the process ends: the collector need not walk them again when the gate's own
    # objects fill a generation (at 1,000 cached articles, one such pass took 0.2 s of the gate).
    gc.freeze()
    return extraction, findings


def _baseline_option(default_help: str) -> Callable[[F], F]:
    return click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
                        default=None, help=default_help)


def _fail_on_option(help_text: str) -> Callable[[F], F]:
    return click.option("--fail-on", type=click.Choice(FAIL_ON), default="conflict", show_default=True,
                        help=help_text)


@click.command()
@paths_argument
@claims_options
@_baseline_option(f"Baseline of reviewed findings (default: ./{DEFAULT_BASELINE} when it exists).")
@_fail_on_option("Threshold: 'hard' = hard conflicts only, 'conflict' = any conflict (hard or soft), "
                 "'compatible' = conflicts and compatible (different precision) findings.")
@click.option("--since", metavar="GITREF", default=None,
              help="Fail only on findings involving files added or changed since GITREF "
                   "(plus untracked files).")
@click.option("--changed", "changed_files", metavar="FILE", multiple=True, type=click.Path(path_type=str),
              help="Fail only on findings involving FILE (repeatable; combines with --since).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output on stdout: text, json, sarif (SARIF 2.1.0) or github (workflow annotations).")
@click.option("--exit-zero", is_flag=True, help="Advisory run: exit 0 even when new findings appear.")
@click.option("--strict-baseline", is_flag=True, help="Also fail when a baseline entry matches no finding.")
@exclude_option
@stdin_option
@output_option
@statistics_option
@quiet_option
def check(paths: tuple[str, ...], claims_dir: Path, no_cache: bool, workers: int | None,
          baseline_path: Path | None, fail_on: str, since: str | None, changed_files: tuple[str, ...],
          fmt: str, exit_zero: bool, strict_baseline: bool, exclude: tuple[str, ...], stdin_filename: str | None,
          output: Path | None, statistics: bool, quiet: bool) -> None:
    """Gate: compare PATH... (default seeds/) and fail on conflicts not in the baseline.

    Exit status 0 when every finding at the --fail-on threshold is in the
    baseline, 1 when a new one appears, 2 on unusable input or usage. With
    --since/--changed, only findings that quote a new or changed file fail;
    the rest are shown as context. Claims are reused from claims/, so only
    new or edited articles are re-read; a claims file changed since GITREF is
    never trusted: its article is extracted again.

    Example:

        factcheck check seeds/ --since origin/main --format github

        factcheck check --format sarif -o factcheck.sarif

        factcheck check --statistics --fail-on hard
    """
    from checker.gate import github, sarif, text
    from checker.gate.outcome import classify

    targets = default_paths(paths)
    if statistics and fmt not in ("text", "json"):
        raise click.UsageError("--statistics prints counts as text or JSON: use --format text or json")
    baseline = _load(baseline_path)
    changed: set[Path] | None = None
    root = repo_root(targets)
    if since is not None or changed_files:
        changed = explicit(changed_files)
        if since is not None:
            if root is None:
                _fail(f"--since {since}: {targets[0]} is not inside a git work tree")
            try:
                changed |= changed_since(cast(Path, root), since)
            except SelectionError as exc:
                _fail(f"--since {since}: {exc}")
    # A claims file that changed in the compared range is not trusted, even when it verifies.
    distrust = {path for path in changed if path.suffix == ".jsonl"} if since is not None and changed else None
    extraction, findings = _extract(targets, claims_dir, no_cache, workers, exclude, stdin_filename, quiet,
                                    (output,), distrust)
    result = classify(findings, baseline, fail_on=cast(FailOn, fail_on), changed=changed,
                      problems=extraction.problems, strict_baseline=strict_baseline)
    code = result.exit_code(exit_zero)
    if statistics:
        rows = ((item.finding.rule, item.state) for item in result.items)
        output_text = count_rows(rows, fmt)
        if fmt == "text":
            output_text += github.summary(result) + "\n"
        if not Delivery().output(output_text, output):
            sys.exit(EXIT_UNUSABLE)
        sys.exit(code)
    if fmt == "sarif":
        rendered = sarif.render(result, version=__version__, root=root, changed=changed,
                              baseline_path=baseline.path)
    elif fmt == "github":
        rendered = github.render(result, root=root, changed=changed, baseline_path=baseline.path)
    elif fmt == "json":
        rendered = text.render_json(result, root=root, changed=changed, exit_code=code)
    else:
        rendered = text.render_text(result, root=root, changed=changed, baseline_path=baseline.path)
    if not Delivery().output(rendered, output):
        sys.exit(EXIT_UNUSABLE)
    sys.exit(code)


def _load(baseline_path: Path | None) -> Baseline:
    if baseline_path is None:
        default = Path(DEFAULT_BASELINE)
        baseline_path = default if default.is_file() else None
    elif not baseline_path.is_file():
        _fail(f"--baseline {baseline_path}: no such file (run `factcheck baseline` to create it)")
    if baseline_path is None:
        return Baseline()
    try:
        return store.load_baseline(baseline_path)
    except BaselineError as exc:
        _fail(str(exc))
        raise  # unreachable: _fail exits


@click.command()
@paths_argument
@claims_options
@_baseline_option(f"Baseline file to write (default: ./{DEFAULT_BASELINE}).")
@_fail_on_option("Which findings to record: the same threshold as `check --fail-on`.")
@exclude_option
@quiet_option
def baseline(paths: tuple[str, ...], claims_dir: Path, no_cache: bool, workers: int | None,
             baseline_path: Path | None, fail_on: str, exclude: tuple[str, ...], quiet: bool) -> None:
    """Write the baseline: one entry per current finding at the --fail-on threshold.

    Entries that still match keep their status, note and expiry; new ones get
    status "accepted" and note "TODO: review"; entries that match nothing are
    dropped. Review the file, then commit it.

    Example:

        factcheck baseline seeds/ && git diff factcheck-baseline.toml

        factcheck baseline --baseline review/baseline.toml --fail-on hard
    """
    from checker.display import plural

    target = baseline_path or Path(DEFAULT_BASELINE)
    try:
        existing = store.load_baseline(target)
    except BaselineError as exc:
        _fail(str(exc))
        raise  # unreachable: _fail exits
    _, findings = _extract(default_paths(paths), claims_dir, no_cache, workers, exclude, None, quiet, (target,))
    outcome = store.refresh(existing, (f for f in findings if gated(f, cast(FailOn, fail_on))))
    if not Delivery().to_file(target, store.render_baseline(outcome.entries)):
        sys.exit(EXIT_UNUSABLE)
    if not quiet:
        click.echo(f"{target}: {plural(len(outcome.entries), 'entry', 'entries')} ({len(outcome.added)} new, "
                   f"{len(outcome.kept)} kept, {len(outcome.dropped)} stale dropped)")
    sys.exit(EXIT_CLEAN)


if __name__ == "__main__":
    # `python -m checker.commands.gate ...` runs `check` before it is registered on the main group.
    check()
