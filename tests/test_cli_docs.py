"""Every command and every option is documented with an example: in its own --help (an `Example:`),
and in docs/cli.md as a `factcheck COMMAND ... --option` line of a shell code block."""

from __future__ import annotations

import re

import click
import pytest

from checker.cli import cli
from tests.conftest import ROOT

DOCS = ROOT / "docs" / "cli.md"


def _example_lines() -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if "factcheck" in line]


def _options(command: click.Command) -> list[str]:
    return [opt for param in command.params if isinstance(param, click.Option) for opt in param.opts
            if opt.startswith("--")] + ["--help"]


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_an_example_in_its_help(name: str) -> None:
    command = cli.commands[name]
    assert "Example:" in (command.help or "")
    assert re.search(rf"\n\s+.*factcheck {name}\b", command.help or ""), name


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_option_has_an_example_line_in_docs(name: str) -> None:
    lines = [line for line in _example_lines() if re.search(rf"factcheck (?:--config \S+ )?{name}\b", line)]
    assert lines, f"no example of `factcheck {name}` in {DOCS.name}"
    for option in _options(cli.commands[name]):
        if option == "--help":
            continue
        assert any(re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", line) for line in lines), \
            f"`factcheck {name} {option}` has no example in {DOCS.name}"


def test_global_options_have_examples() -> None:
    lines = _example_lines()
    for option in _options(cli):
        assert any(line.lstrip().startswith(f"factcheck {option}") for line in lines), option


def test_the_readme_names_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"`factcheck {name}" in readme, name
