"""The runtime dependencies in pyproject.toml are exactly the libraries ``checker/`` imports: a library only
benchmarks use belongs to an extra, and an import nobody declared would break a fresh install."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.checker_imports import CHECKER, all_imports

PYPROJECT = CHECKER.parent / "pyproject.toml"


def _normalized(name: str) -> str:
    """A distribution name as PEP 503 compares them: ``PyYAML`` and ``pyyaml``, ``pydantic_core`` and
    ``pydantic-core`` are one name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    return _normalized(re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0])


def _project() -> dict:
    with PYPROJECT.open("rb") as handle:
        return tomllib.load(handle)["project"]


def _third_party_imports() -> dict[str, list[str]]:
    """Top-level module of every library ``checker`` imports -> where it is imported."""
    found: dict[str, list[str]] = {}
    for imp in all_imports():
        top = imp.imported.split(".")[0]
        if top and top != "checker" and top not in sys.stdlib_module_names and top != "__future__":
            found.setdefault(top, []).append(imp.where())
    return found


def test_every_library_checker_imports_is_a_declared_runtime_dependency() -> None:
    declared = {_requirement_name(r) for r in _project()["dependencies"]}
    providers = packages_distributions()
    missing = {}
    for module, where in _third_party_imports().items():
        dists = {_normalized(d) for d in providers.get(module, [])}
        assert dists, f"{module} (imported at {where[0]}) is not installed: which distribution provides it?"
        if not dists & declared:
            missing[module] = (sorted(dists), where[0])
    assert not missing, f"imported by checker/ but not in [project] dependencies: {missing}"


# Runtime dependencies that are data read through the standard library, never imported by name.
DATA_ONLY = {"tzdata": "the IANA time zones that zoneinfo reads where the system has none (checker/compare/moments.py)"}


def test_every_runtime_dependency_is_imported_by_checker() -> None:
    imported = {_normalized(dist) for module in _third_party_imports()
                for dist in packages_distributions().get(module, [])}
    unused = sorted(_requirement_name(r) for r in _project()["dependencies"]
                    if _requirement_name(r) not in imported and _requirement_name(r) not in DATA_ONLY)
    assert not unused, f"runtime dependencies checker/ never imports (move them to an extra): {unused}"


def test_every_dependency_has_a_lower_bound() -> None:
    project = _project()
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements += extra
    unpinned = [r for r in requirements if ">=" not in r]
    assert not unpinned, f"requirements without a lower bound: {unpinned}"


def test_the_benchmark_extra_holds_what_benchmarks_import() -> None:
    """dateparser is the library the speed benchmarks race against; it is no runtime dependency."""
    bench = {_requirement_name(r) for r in _project()["optional-dependencies"]["bench"]}
    assert "dateparser" in bench
    assert "dateparser" not in {_requirement_name(r) for r in _project()["dependencies"]}
