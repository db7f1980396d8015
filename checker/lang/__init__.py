"""Per-language data: one folder per language, one TOML file per dimension.

Each file is validated against the pydantic schema of its dimension
(declared by the module that uses it, registered with ``dimension``) and
loaded lazily, once. Every entry carries example phrases with the value the
recognizers must give; ``tests/test_language_examples.py`` runs them all.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from checker import build_cache
from checker.languages import SUPPORTED_LANGUAGES


class LanguageDataError(Exception):
    """A language data file is missing or does not match its schema."""


class Example(BaseModel):
    """A phrase and the value a recognizer must give for it (a subset of the `parse --jsonl` value).

    The example passes when exactly one mention of ``type`` covers the whole
    phrase and its value has every key given in ``value``. ``after`` is read
    with the phrase but lies outside the mention: the unit a number counts
    ("95" then "人"), which the value names but the span leaves out; ``before`` likewise
    comes first and lies outside it (the clause whose tense a date takes).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    phrase: str
    type: str
    value: dict[str, Any] = {}
    ref_date: str = "2020-01-15"
    before: str = ""
    after: str = ""


class DimensionData(BaseModel):
    """Base for a dimension's schema: its entries each carry ``examples``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def all_examples(self) -> list[Example]:
        """Every example phrase in this file, for the generic test."""
        found: list[Example] = []

        def walk(obj: Any) -> None:
            if isinstance(obj, Example):
                found.append(obj)
            elif isinstance(obj, BaseModel):
                for name in type(obj).model_fields:
                    walk(getattr(obj, name))
            elif isinstance(obj, (list, tuple)):
                for item in obj:
                    walk(item)
            elif isinstance(obj, dict):
                for item in obj.values():
                    walk(item)

        walk(self)
        return found


D = TypeVar("D", bound=DimensionData)
_SCHEMAS: dict[str, type[DimensionData]] = {}


def dimension(name: str) -> Callable[[type[D]], type[D]]:
    """Register the schema of the data file ``<lang>/<name>.toml``."""

    def register(schema: type[D]) -> type[D]:
        _SCHEMAS[name] = schema
        return schema

    return register


@cache
def load(name: str, lang: str) -> Any:
    """The validated data of dimension ``name`` for ``lang`` (read once per process)."""
    schema = _SCHEMAS.get(name)
    if schema is None:
        raise LanguageDataError(f"no schema registered for dimension {name!r}")
    resource = resources.files(__package__).joinpath(lang, f"{name}.toml")
    try:
        text = resource.read_text(encoding="utf-8")
        # Parsed once, kept between runs (``build_cache``): a tenth of a second for every file of the data.
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        raw = build_cache.remembered("toml", digest, 0, lambda: tomllib.loads(text),
                                     lambda value: isinstance(value, dict))
    except FileNotFoundError as exc:
        raise LanguageDataError(f"no {name} data for language {lang!r}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise LanguageDataError(f"{lang}/{name}.toml: {exc}") from exc
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        raise LanguageDataError(f"{lang}/{name}.toml does not match its schema: {exc}") from exc


def available(name: str) -> list[str]:
    """Languages that have a data file for dimension ``name``."""
    root = resources.files(__package__)
    return [lang for lang in SUPPORTED_LANGUAGES if root.joinpath(lang, f"{name}.toml").is_file()]


def registered_dimensions() -> list[str]:
    """Names of every dimension whose schema has been registered."""
    return sorted(_SCHEMAS)
