"""The configuration file: ``factcheck.toml``, or a ``[tool.factcheck]`` table in ``pyproject.toml``.

Found in the current directory or the nearest folder above it that has one
(``factcheck.toml`` first), or named with ``factcheck --config FILE``. Its keys
are the long option names of the commands (``exclude``, ``fail-on``,
``baseline``, ``claims``, ``max-bytes``, ...) plus ``paths`` (what to read when
no PATH is given). Top-level keys apply to every command that has the option;
a ``[tool.factcheck.<command>]`` table (``[run]``, ``[check]`` in
``factcheck.toml``) applies to that command only. Options given on the command
line override the file. Paths in it are relative to the file's folder.

An unknown key, or a value of the wrong kind, is a usage error naming the file
and the key.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

CONFIG_NAME = "factcheck.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(click.ClickException):
    """The configuration file cannot be used; the message names the file (exit status 2)."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"factcheck: {self.format_message()}", err=True)


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (none when ``path`` is None)."""

    path: Path | None = None
    common: dict[str, Any] = field(default_factory=dict)
    commands: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def folder(self) -> Path | None:
        """The folder the file's relative paths and exclude patterns start from."""
        return self.path.parent if self.path is not None else None

    def where(self, table: str | None) -> str:
        """How to name a table of this file in a message."""
        name = self.path.name if self.path is not None else "configuration"
        if self.path is not None and self.path.name == PYPROJECT:
            return f"{self.path} [tool.factcheck{'.' + table if table else ''}]"
        return f"{self.path or name}{' [' + table + ']' if table else ''}"


def find(start: Path | None = None) -> Path | None:
    """The configuration file that applies in ``start`` (default: the current directory), if any."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "factcheck" in tool


def load(path: Path | None) -> Config:
    """Read the configuration file ``path`` (found with ``find`` when None); raises ``ConfigError``."""
    explicit = path is not None
    path = path if explicit else find()
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such configuration file") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {' '.join(str(exc).split())}") from exc
    if path.name == PYPROJECT or (explicit and "tool" in data and path.name != CONFIG_NAME):
        tool = data.get("tool", {})
        table = tool.get("factcheck", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.factcheck] is not a table")
    else:
        table = data
    common = {_key(k): v for k, v in table.items() if not isinstance(v, dict)}
    commands = {k: {_key(kk): vv for kk, vv in v.items()} for k, v in table.items() if isinstance(v, dict)}
    return Config(path.absolute(), common, commands)


def _key(name: str) -> str:
    return name.replace("_", "-")


def _key_of(param: click.Parameter) -> str:
    if isinstance(param, click.Option):
        longs = [opt for opt in param.opts if opt.startswith("--")]
        return longs[0][2:] if longs else (param.name or "")
    return param.name or ""


# Not settable from the file: they only make sense on one command line.
_COMMAND_LINE_ONLY = {"help", "version", "config", "stdin-filename", "since", "changed", "text", "jsonl"}


def _params(command: click.Command) -> dict[str, click.Parameter]:
    keys = {_key_of(p): p for p in command.params}
    return {k: p for k, p in keys.items() if k and k not in _COMMAND_LINE_ONLY}


def default_map(config: Config, commands: Mapping[str, click.Command], ctx: click.Context,
                invoked: str | None) -> dict[str, dict[str, Any]]:
    """Click's ``default_map``: for each command, the file's values under the parameter names.

    Every key is checked against the commands' options, and the values of the
    command being run (``invoked``) are converted as the command line would be.
    """
    if config.path is None:
        return {}
    known = {key for command in commands.values() for key in _params(command)}
    for key in config.common:
        if key not in known:
            raise ConfigError(f"{config.where(None)}: unknown key {key!r} (known: {', '.join(sorted(known))})")
    for name, table in config.commands.items():
        if name not in commands:
            raise ConfigError(f"{config.where(name)}: no such command (commands: {', '.join(sorted(commands))})")
        params = _params(commands[name])
        for key in table:
            if key not in params:
                raise ConfigError(f"{config.where(name)}: unknown key {key!r} for `factcheck {name}` "
                                  f"(known: {', '.join(sorted(params))})")
    result: dict[str, dict[str, Any]] = {}
    for name, command in commands.items():
        params = _params(command)
        values: dict[str, Any] = {}
        sources: tuple[tuple[str | None, dict[str, Any]], ...] = ((None, config.common),
                                                                  (name, config.commands.get(name, {})))
        for section, source in sources:
            for key, value in source.items():
                if key not in params:
                    continue
                param = params[key]
                value = _relocated(config, param, _checked(config, section, key, param, value))
                if name == invoked:
                    try:
                        param.type_cast_value(ctx, value)
                    except click.BadParameter as exc:
                        raise ConfigError(f"{config.where(section)}: {key}: {exc.format_message()}") from exc
                assert param.name is not None
                values[param.name] = value
        if values:
            result[name] = values
    return result


def _checked(config: Config, table: str | None, key: str, param: click.Parameter, value: Any) -> Any:
    """The value in the shape the parameter takes: a list for a repeatable option, else one value."""
    many = param.multiple or param.nargs == -1
    if many:
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            raise ConfigError(f"{config.where(table)}: {key}: expected a list, for example {key} = [\"...\"]")
        return value
    if isinstance(value, (list, dict)):
        raise ConfigError(f"{config.where(table)}: {key}: expected one value, not a {type(value).__name__}")
    if isinstance(param, click.Option) and param.is_flag and not isinstance(value, bool):
        raise ConfigError(f"{config.where(table)}: {key}: expected true or false")
    return value


def _relocated(config: Config, param: click.Parameter, value: Any) -> Any:
    """Paths of the file made relative to the current directory (they are written relative to the file)."""
    folder = config.folder
    if not isinstance(param.type, click.Path) or folder is None:
        return value

    def move(item: Any) -> Any:
        text = str(item)
        if text == "-" or os.path.isabs(text):
            return text
        return os.path.relpath(folder / text) if folder != Path.cwd() else text

    return [move(v) for v in value] if isinstance(value, list) else move(value)
