"""The `claims/` directory: one reviewable JSONL file per document, also the extraction cache.

Line 1 is a header ``{"document", "sha256", "extractor"}``; each further line
is one claim. A file is reused when the document's sha256 and the extractor
version both match. Files are written atomically (temporary file, then rename).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from checker.records import Claim

EXTRACTOR_VERSION = "1"
# The code and language data that decide what a document's claims are: a change to any of them
# invalidates the cache, so a cached claim is always what this extractor would produce.
_EXTRACTION_SOURCES = ("ingest", "recognize", "frame", "lang", "link", "refdate.py", "document.py", "textmap.py",
                       "records.py")


@cache
def extractor_version() -> str:
    """``EXTRACTOR_VERSION`` plus a digest of the extraction code and language data."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in _EXTRACTION_SOURCES:
        target = root / name
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for path in files:
            if path.is_file() and path.suffix in (".py", ".toml"):
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{EXTRACTOR_VERSION}+{digest.hexdigest()[:12]}"


def claims_file(claims_dir: Path, document_path: str) -> Path:
    """Where the claims of ``document_path`` live: its path made into one safe file name."""
    stem = re.sub(r"[^\w.-]+", "_", document_path.strip("/").replace("/", "__"))
    return claims_dir / f"{stem}.jsonl"


def load_cached(claims_dir: Path, document_path: str, sha256: str) -> list[Claim] | None:
    """The cached claims of a document, or ``None`` when absent, stale or unreadable."""
    path = claims_file(claims_dir, document_path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        header = json.loads(lines[0])
        if header.get("sha256") != sha256 or header.get("extractor") != extractor_version():
            return None
        return [Claim.model_validate_json(line) for line in lines[1:] if line.strip()]
    except (OSError, IndexError, ValueError, ValidationError, AttributeError):
        return None


def save(claims_dir: Path, document_path: str, sha256: str, claims: list[Claim]) -> Path:
    """Write the claims file of a document atomically; returns its path."""
    header = {"document": document_path, "sha256": sha256, "extractor": extractor_version()}
    lines = [json.dumps(header, ensure_ascii=False)]
    lines.extend(claim.model_dump_json() for claim in claims)
    path = claims_file(claims_dir, document_path)
    write_atomic(path, "\n".join(lines) + "\n")
    return path


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
