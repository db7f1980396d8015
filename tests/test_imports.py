"""Data flows one way: each package of ``checker`` imports only what docs/architecture.md allows it (the stages
before it and the modules at the bottom), and no two packages import each other, directly or round a circle.

The imports are read with ``ast`` (tests/checker_imports.py), inside functions too, and an
``importlib.import_module("checker....")`` counts: hiding an import from the reader hides no dependency."""

from __future__ import annotations

from collections import defaultdict

from tests.checker_imports import CHECKER, Import, all_imports

# The modules every stage may read: the records, the text with its offset map, the language data, the fact
# catalogue, name keys and scripts, the rule codes, values as intervals, front matter (see docs/architecture.md,
# "Import rules").
BOTTOM = frozenset({"checker", "records", "textmap", "document", "lang", "catalogue", "names", "scripts", "rules",
                    "display", "languages", "timings", "regex_syntax", "build_cache", "lowered_reading", "intervals",
                    "frontmatter", "countries"})
# The top wires the stages together and may import anything.
TOP = frozenset({"cli", "commands", "pipeline", "options", "config", "__main__"})
ALLOWED: dict[str, frozenset[str]] = {
    "checker": frozenset(),
    "records": frozenset(),
    "textmap": frozenset(),
    "scripts": frozenset(),
    "rules": frozenset(),
    "display": frozenset(),
    "languages": frozenset(),
    "timings": frozenset(),
    "regex_syntax": frozenset(),
    "build_cache": frozenset(),
    "lowered_reading": frozenset(),
    "frontmatter": frozenset(),
    "intervals": frozenset({"records"}),
    "lang": frozenset({"checker", "languages", "build_cache"}),
    "document": frozenset({"records", "textmap"}),
    "catalogue": frozenset({"checker", "lang", "records"}),
    "names": frozenset({"checker", "lang", "scripts"}),
    "countries": frozenset({"checker", "names", "build_cache"}),
    "store": BOTTOM,
    "ingest": BOTTOM,
    "recognize": BOTTOM,
    "refdate": BOTTOM | {"recognize"},
    "frame": BOTTOM | {"recognize"},
    "link": BOTTOM,
    "story_readings": frozenset({"checker", "build_cache", "records"}),
    "story": BOTTOM | {"recognize", "link", "story_readings"},
    "compare": BOTTOM | {"link"},
    "report": BOTTOM,
    "gate": BOTTOM,
}
# Modules that are the inside of their package: no other package imports them.
INTERNAL = frozenset({"checker.recognize.time_core"})


def package(module: str) -> str:
    """``checker.recognize.time`` -> ``recognize``; ``checker.records`` -> ``records``; ``checker`` -> ``checker``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _internal_imports() -> list[Import]:
    return [imp for imp in all_imports() if imp.imported == "checker" or imp.imported.startswith("checker.")]


def _violations() -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for imp in _internal_imports():
        source, target = package(imp.importer), package(imp.imported)
        if source == target or source in TOP:
            continue
        allowed = ALLOWED.get(source)
        assert allowed is not None, f"{source} ({imp.where()}) has no row in the import rules"
        if target not in allowed or imp.imported in INTERNAL:
            found.setdefault((imp.importer, imp.imported), imp.where())
    return found


def test_every_package_has_a_rule() -> None:
    packages = {package(f"checker.{p.relative_to(CHECKER).with_suffix('').parts[0]}")
                for p in CHECKER.rglob("*.py")}
    assert packages - {"__init__"} <= set(ALLOWED) | TOP


def test_no_package_imports_what_lies_above_it() -> None:
    found = _violations()
    assert not found, f"imports against docs/architecture.md: {found}"


def test_no_circle_between_packages() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for imp in _internal_imports():
        source, target = package(imp.importer), package(imp.imported)
        if source != target:
            graph[source].add(target)
    # Depth-first search for a back edge; report one circle, named package by package.
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt] if nxt in path else [node, nxt]
            if nxt not in state and (circle := visit(nxt, [*path, nxt])):
                return circle
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            circle = visit(start, [start])
            assert circle is None, f"packages import each other: {' -> '.join(circle)}"


def test_the_reader_sees_imports_inside_functions_and_through_importlib(tmp_path: object) -> None:
    """The rules hold only if the reader sees every import: a deferred one and an importlib call included."""
    found = {(imp.importer, imp.imported) for imp in _internal_imports()}
    assert ("checker.recognize", "checker.recognize") in found  # import_module(f"checker.recognize.{name}")
    assert ("checker.recognize.entity", "checker.recognize.role") in found  # import_module("checker.recognize.role")
    assert ("checker.frame.subjects", "checker.recognize.quantity") in found  # inside a function
