"""Shared test helpers: documents built from literal text, with a pinned reference date."""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

# Records built without validation are validated too under the tests, here and in the CLI runs
# they start (checker.records.trusted); set before checker is imported.
os.environ["FACTCHECK_CHECK_RECORDS"] = "1"
# The CLI runs the tests start keep their compiled regular expressions (checker.regexcache) here, not in
# the user's cache folder; the cache is on in them, so the whole suite runs through it.
os.environ.setdefault("FACTCHECK_REGEX_CACHE", tempfile.mkdtemp(prefix="factcheck-regex-cache-"))

import pytest
from hypothesis import settings

from checker.document import Document
from checker.records import DocumentInfo, Zone
from checker.textmap import MappedText

if Path(os.environ["FACTCHECK_REGEX_CACHE"]).name.startswith("factcheck-regex-cache-"):
    atexit.register(shutil.rmtree, os.environ["FACTCHECK_REGEX_CACHE"], ignore_errors=True)

# Speed is measured by benchmarks/, not by tests: a first example that loads language data is no failure.
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
REFERENCE_DATE = dt.date(2020, 1, 15)


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
