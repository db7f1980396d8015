"""The import statements of ``checker/``, read with ``ast`` (nothing is imported): shared by the tests of
the runtime dependencies and of the import rules between packages."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CHECKER = Path(__file__).resolve().parents[1] / "checker"


@dataclass(frozen=True)
class Import:
    """One module imported by one module of ``checker``: ``importer`` and ``imported`` are dotted names."""

    importer: str
    imported: str
    path: Path
    line: int

    def where(self) -> str:
        return f"{self.path.relative_to(CHECKER.parent)}:{self.line}"


def module_name(path: Path) -> str:
    """``checker/recognize/time.py`` -> ``checker.recognize.time``; a package's ``__init__`` is the package."""
    parts = list(path.relative_to(CHECKER.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(importer: str, is_package: bool, level: int, module: str | None) -> str:
    """The absolute name of a relative import ``from ..x import y`` written in ``importer``."""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def imports_of(path: Path) -> Iterator[Import]:
    """Every module ``path`` imports: import statements at any depth (inside functions too), and
    ``importlib.import_module("...")`` with a literal name, which is an import all the same."""
    importer = module_name(path)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(importer, alias.name, path, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                base = _resolve(importer, is_package, node.level, node.module)
            for alias in node.names:
                # ``from checker.link import entities`` imports the module checker.link.entities;
                # ``from checker.link.entities import entity_key`` imports checker.link.entities.
                yield Import(importer, base, path, node.lineno)
                if base.startswith("checker") and alias.name != "*" and (CHECKER.parent / Path(
                        *base.split("."), alias.name)).with_suffix(".py").exists():
                    yield Import(importer, f"{base}.{alias.name}", path, node.lineno)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            yield Import(importer, node.args[0].value, path, node.lineno)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args and isinstance(node.args[0], ast.JoinedStr)):
            # f"checker.recognize.{name}": the constant prefix names the package it reaches into.
            head = node.args[0].values[0]
            if isinstance(head, ast.Constant) and isinstance(head.value, str):
                yield Import(importer, head.value.rstrip("."), path, node.lineno)


def all_imports() -> list[Import]:
    """The imports of every module of ``checker``, in file order."""
    return [found for path in sorted(CHECKER.rglob("*.py")) for found in imports_of(path)]
