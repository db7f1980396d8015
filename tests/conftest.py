"""Shared test helpers: documents built from literal text, with a pinned reference date."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from hypothesis import settings

from checker.document import Document
from checker.records import DocumentInfo, Zone
from checker.textmap import MappedText

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
