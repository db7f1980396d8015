"""The `factcheck` command line: it only wires the pipeline stages together.

Exit status, for every command: 0 clean, 1 findings the gate fails on
(`check`), 2 unusable input or usage.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from checker import __version__
from checker.commands.gate import baseline as baseline_command
from checker.commands.gate import check as check_command
from checker.lang import SUPPORTED_LANGUAGES
from checker.options import EXIT_UNUSABLE, claims_options, paths_argument

if TYPE_CHECKING:
    from checker.pipeline import Extraction

F = TypeVar("F", bound=Callable[..., Any])
# Defaults repeated from checker.ingest and checker.pipeline so that `--help` does not import them.
_MAX_BYTES = 20 * 1024 * 1024
_DOC_TIMEOUT = 20.0


def limit_options(func: F) -> F:
    """--max-bytes and --doc-timeout: the bounds every document is read and extracted within."""
    func = click.option("--doc-timeout", type=click.FloatRange(min=0), default=_DOC_TIMEOUT, show_default=True,
                        metavar="SECONDS",
                        help="Time one document may take to be read and extracted; a slower one is skipped "
                             "and reported. 0: no limit, in-process.")(func)
    return click.option("--max-bytes", type=click.IntRange(min=1), default=_MAX_BYTES, show_default=True,
                        help="Larger files are reported as too large and not read.")(func)


def _supported_language(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``--lang``: a language the checker reads, or a usage error that names the one given."""
    code = value.strip().lower()
    if code not in SUPPORTED_LANGUAGES:
        from checker.lang.script import language_name

        name = language_name(code)
        named = f"{name} ({code})" if name != code else repr(value)
        raise click.BadParameter(f"factcheck does not read {named}; it reads {', '.join(SUPPORTED_LANGUAGES)}")
    return code


def _default_paths(paths: tuple[str, ...]) -> list[str]:
    if paths:
        return list(paths)
    if Path("seeds").is_dir():
        return ["seeds"]
    raise click.UsageError("give PATH... (no seeds/ directory here)")


def _err(message: str) -> None:
    click.echo(message, err=True)


class _ProgressBar:
    """A rich progress bar on stderr for long runs; it appears only on a terminal and from 20 documents."""

    def __init__(self) -> None:
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __call__(self, done: int, total: int, path: str) -> None:
        if total < 20:
            return
        if self._bar is None:
            console = Console(stderr=True)
            self._bar = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 TextColumn("{task.description}"), console=console, transient=True)
            self._bar.start()
            self._task = self._bar.add_task("", total=total)
        assert self._task is not None
        self._bar.update(self._task, completed=done, description=Path(path).name[:40])
        if done >= total:
            self._bar.stop()


def _progress() -> Callable[[int, int, str], None] | None:
    """Progress on stderr when it is a terminal; nothing in pipes, files and CI logs."""
    return _ProgressBar() if sys.stderr.isatty() else None


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Check news articles against each other: where sources agree, where one is only more
    precise, and where they contradict each other, with both quotes side by side.

    Example:

        factcheck run seeds/
    """


@cli.command()
@paths_argument
@claims_options
@limit_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html", "claimreview"]), default="text",
              show_default=True, help="Output format on stdout.")
@click.option("--output-dir", default="reports", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Where report.json and report.html are written; '-' writes none.")
@click.option("--verbose", "-v", is_flag=True, help="Also list every claim per document.")
@click.option("--no-agreements", is_flag=True, help="Show only conflicts and compatible findings in the terminal.")
def run(paths: tuple[str, ...], claims_dir: Path, no_cache: bool, workers: int | None, max_bytes: int,
        doc_timeout: float, fmt: str, output_dir: Path, verbose: bool, no_agreements: bool) -> None:
    """Extract claims from PATH... (default seeds/), compare them and report the findings.

    Writes claims/<document>.jsonl (the cache), reports/report.json and
    reports/report.html (self-contained, for editors), and prints the report:
    terminal, JSON, HTML or schema.org ClaimReview JSON-LD (conflicts only).
    Exit status 0 unless no usable document was found (2); use `factcheck check`
    as a gate.

    Example:

        factcheck run seeds/ --format json > report.json
    """
    from checker import pipeline
    from checker.report import reporter
    from checker.report.json_report import JsonReporter
    from checker.store import locked, sweep_stale, write_atomic

    targets = _default_paths(paths)
    extraction = _extract(targets, claims_dir, no_cache, workers, max_bytes, doc_timeout)
    if not extraction.documents:
        _err("factcheck: no usable document in " + ", ".join(targets))
        sys.exit(EXIT_UNUSABLE)
    report = pipeline.build_report(extraction, pipeline.compare(extraction))
    json_reporter = JsonReporter()
    sources = {doc.path: doc.raw for doc in extraction.documents}
    html_text = reporter("html", sources=sources).render(report) if fmt == "html" or str(output_dir) != "-" else ""
    if str(output_dir) != "-":
        sweep_stale(output_dir)
        with locked(output_dir):  # both files of one run, not one of each of two concurrent runs
            write_atomic(output_dir / "report.json", json_reporter.chunks(report))
            write_atomic(output_dir / "report.html", html_text)
    if fmt == "json":
        _echo_chunks(json_reporter.chunks(report))
    elif fmt == "html":
        click.echo(html_text, nl=False)
    elif fmt == "claimreview":
        click.echo(reporter("claimreview").render(report), nl=False)
    else:
        click.echo(reporter("text", color=_color(), verbose=verbose,
                            show_agreements=not no_agreements).render(report), nl=False)


def _echo_chunks(chunks: Iterable[str], size: int = 1 << 20) -> None:
    """Print a large text that comes in pieces, about ``size`` characters at a time."""
    batch: list[str] = []
    held = 0
    for chunk in chunks:
        batch.append(chunk)
        held += len(chunk)
        if held >= size:
            click.echo("".join(batch), nl=False)
            batch, held = [], 0
    click.echo("".join(batch), nl=False)


def _extract(targets: list[str], claims_dir: Path, no_cache: bool, workers: int | None, max_bytes: int,
             doc_timeout: float) -> Extraction:
    """Extract with the shared options, one line on stderr per problem file."""
    from checker import pipeline

    extraction = pipeline.extract(targets, claims_dir=claims_dir, use_cache=not no_cache,
                                  workers=_workers(workers), progress=_progress(), max_bytes=max_bytes,
                                  doc_timeout=doc_timeout)
    for problem in extraction.problems:
        _err(problem.message)
    return extraction


def _workers(requested: int | None) -> int:
    return requested if requested else (os.cpu_count() or 1)


@cli.command()
@paths_argument
@limit_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def ingest(paths: tuple[str, ...], max_bytes: int, doc_timeout: float, fmt: str) -> None:
    """Read PATH... (files or directories) and show each document: format, language,
    reference date and where it came from, size and zones.

    Example:

        factcheck ingest seeds/ --format json
    """
    from checker import pipeline

    targets = _default_paths(paths)
    documents, problems = pipeline.ingest(targets, max_bytes=max_bytes, doc_timeout=doc_timeout,
                                          workers=os.cpu_count() or 1)
    for problem in problems:
        _err(problem.message)
    if fmt == "json":
        data = [doc.info.model_dump(mode="json") for doc in documents]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from rich.table import Table

        table = Table("document", "format", "language", "reference date", "source", "characters", "zones")
        for doc in documents:
            info = doc.info
            zones = ", ".join(f"{k} {v}" for k, v in sorted(info.zones.items()))
            table.add_row(info.path, info.format, info.language or "?", str(info.reference_date or "unknown"),
                          info.reference_date_source, str(info.characters), zones)
        Console(width=140, no_color=not _color(), force_terminal=_color()).print(table)
    if not documents:
        sys.exit(EXIT_UNUSABLE)


@cli.command()
@paths_argument
@claims_options
@limit_options
def extract(paths: tuple[str, ...], claims_dir: Path, no_cache: bool, workers: int | None, max_bytes: int,
            doc_timeout: float) -> None:
    """Extract the claims of PATH... into claims/<document>.jsonl and print a summary per document.

    A document whose sha256 and extractor version match its claims file is not re-read.

    Example:

        factcheck extract seeds/ --claims claims/
    """

    targets = _default_paths(paths)
    extraction = _extract(targets, claims_dir, no_cache, workers, max_bytes, doc_timeout)
    for doc in extraction.documents:
        claims = extraction.claims.get(doc.path, [])
        kinds: dict[str, int] = {}
        for claim in claims:
            kinds[claim.value.value.type] = kinds.get(claim.value.value.type, 0) + 1
        detail = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        click.echo(f"{doc.path}: {len(claims)} claims ({detail or 'none'})")
    click.echo(f"{len(extraction.documents)} documents, {extraction.cached} from cache, claims in {claims_dir}/")
    if not extraction.documents:
        sys.exit(EXIT_UNUSABLE)


@cli.command()
@click.argument("text", required=False)
@click.option("--lang", default="en", show_default=True, callback=_supported_language,
              help=f"Language of TEXT ({', '.join(SUPPORTED_LANGUAGES)}).")
@click.option("--date", "ref_date", default=None, help="Reference date (YYYY-MM-DD) for relative dates.")
@click.option("--jsonl", is_flag=True, help="Batch mode: JSON lines {id, text, lang, ref_date} on stdin.")
def parse(text: str | None, lang: str, ref_date: str | None, jsonl: bool) -> None:
    """Print the mentions (times, quantities, money, percentages, entities, roles) found in TEXT.

    Example:

        factcheck parse "over a hundred people in June next year" --lang en --date 2024-03-05

        echo '{"id": 1, "text": "près de 100", "lang": "fr", "ref_date": null}' | factcheck parse --jsonl
    """
    from checker.recognize import jsonl as jsonl_mode
    from checker.recognize import recognize

    if jsonl:
        sys.exit(jsonl_mode.run(sys.stdin, sys.stdout))
    if text is None:
        raise click.UsageError("give TEXT, or --jsonl to read JSON lines from stdin")
    try:
        ref = dt.date.fromisoformat(ref_date) if ref_date else None
    except ValueError as exc:
        raise click.BadParameter(f"not an ISO date: {ref_date}", param_hint="--date") from exc
    for mention in recognize(text, lang, ref):
        click.echo(json.dumps(jsonl_mode.mention_json(mention), ensure_ascii=False))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the report records.

    Example:

        factcheck schema > report.schema.json
    """
    from checker.records import Report

    click.echo(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))


cli.add_command(check_command)
cli.add_command(baseline_command)


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: unwinds like KeyboardInterrupt (``finally`` blocks and atomic writes clean
    up), but as a BaseException of our own so that click does not turn it into "Aborted!" and exit 1."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


def main() -> None:
    """Console-script entry point: no traceback reaches the user; SIGINT exits 130, SIGTERM 143."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        cli(standalone_mode=True)
    except (Interrupted, KeyboardInterrupt) as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        _err("factcheck: terminated" if signum == signal.SIGTERM else "factcheck: interrupted")
        sys.exit(128 + signum)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, exit 2
        _err(f"factcheck: internal error: {type(exc).__name__}: {exc}")
        sys.exit(EXIT_UNUSABLE)
