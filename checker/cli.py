"""The `factcheck` command line: it only wires the pipeline stages together."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from checker import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Check news articles against each other: where sources agree, differ in precision, or contradict.

    Example:

        factcheck run seeds/
    """


@cli.command()
@click.argument("text", required=False)
@click.option("--lang", default="en", show_default=True, help="Language of TEXT (en, fr).")
@click.option("--date", "ref_date", default=None, help="Reference date (YYYY-MM-DD) for relative dates.")
@click.option("--jsonl", is_flag=True, help="Batch mode: JSON lines {id, text, lang, ref_date} on stdin.")
def parse(text: str | None, lang: str, ref_date: str | None, jsonl: bool) -> None:
    """Print the mentions (times, quantities, money, percentages, entities, roles) found in TEXT.

    Example:

        factcheck parse "over a hundred people in June next year" --lang en --date 2025-10-21

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


def main() -> None:
    """Console-script entry point."""
    cli()
