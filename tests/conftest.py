"""Shared test helpers: documents built from literal text, with a pinned reference date."""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from checker.document import Document
from checker.records import DocumentInfo, Zone
from checker.textmap import MappedText
from tests.report_schema import check_report

# Speed is measured by benchmarks/, not by tests: a first example that loads language data is no failure.
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")

# What runs keep between runs (``checker/build_cache.py``: the language data's analyses, the story's readings,
# the compiled templates) goes to a folder of the test session's own, for this process and the commands it
# starts, not to the user's cache.
if "FACTCHECK_CACHE_DIR" not in os.environ:
    os.environ["FACTCHECK_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="factcheck-tests-cache-")
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
REFERENCE_DATE = dt.date(2020, 1, 15)


@pytest.fixture
def build_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A build cache in a folder of its own, forgotten by the process before and after the test."""
    from checker import build_cache

    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    build_cache.reset()
    yield tmp_path / "cache"
    build_cache.reset()


def make_document(text: str, lang: str = "en", ref_date: dt.date | None = REFERENCE_DATE,
                  path: str = "doc.txt") -> Document:
    """A one-zone plain-text document, as ingest would give for ``text``."""
    info = DocumentInfo(path=path, format="txt", language=lang, reference_date=ref_date,
                        reference_date_source="front-matter" if ref_date else "unknown",
                        sha256=hashlib.sha256(text.encode()).hexdigest(), characters=len(text))
    return Document(info=info, raw=text, analysis=MappedText.identity(text),
                    zones=(Zone(kind="body", start=0, end=len(text)),))


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS



@pytest.fixture(autouse=True)
def _written_reports_follow_the_schema(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every JSON report a test leaves in its temporary folder follows the schema ``factcheck schema`` prints."""
    # Asked for before the test runs: after it, pytest has already torn the fixture down (the folder stays).
    folder: Path | None = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames else None
    yield
    if folder is None:
        return
    for path in sorted(folder.rglob("*.json")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # a test's deliberately unreadable file
        check_report(text, str(path.relative_to(folder)))
