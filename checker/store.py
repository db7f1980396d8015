"""The `claims/` directory: one reviewable JSONL file per document, also the extraction cache.

Line 1 is a header ``{"document", "sha256", "extractor", "info"}``; each further line
is one claim. A file is reused when the document's sha256 and the extractor
version both match. Files are written atomically (temporary file, then rename)
while holding ``claims/.lock`` (``fcntl.flock``), so concurrent runs sharing a
cache never see half a file, and temporary files left by a killed run are
swept by the next one under the same lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from checker.records import Claim, DocumentInfo

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


# File names are limited to 255 bytes on common file systems; leave room for ".jsonl" and temporary affixes.
_MAX_STEM_BYTES = 180
LOCK_NAME = ".lock"
# Read once: os.umask can only be read by setting it.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def claims_file(claims_dir: Path, document_path: str) -> Path:
    """Where the claims of ``document_path`` live: its path made into one safe file name.

    A path that had to be changed to fit (spaces, punctuation, very long
    names) gets a digest of the original appended, so two documents never
    share a file.
    """
    joined = document_path.strip("/").replace("/", "__")
    stem = re.sub(r"[^\w.-]+", "_", joined)
    if stem != joined or "__" in document_path or len(stem.encode("utf-8")) > _MAX_STEM_BYTES:
        digest = hashlib.sha256(document_path.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        kept = stem.encode("utf-8")[:_MAX_STEM_BYTES - 13].decode("utf-8", "ignore")
        stem = f"{kept}-{digest}"
    return claims_dir / f"{stem}.jsonl"


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``directory/.lock`` (created as needed); released on exit or death."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / LOCK_NAME, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def sweep_stale(directory: Path) -> int:
    """Remove temporary files left in ``directory`` by a killed writer; returns how many.

    Every writer holds the lock while its temporary file exists, so one seen
    while holding the lock is an orphan.
    """
    if not directory.is_dir():
        return 0
    removed = 0
    with locked(directory):
        for path in directory.glob(".*.tmp"):
            with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                path.unlink()
                removed += 1
    return removed


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


def load_cached_document(claims_dir: Path, document_path: str, sha256: str) -> tuple[DocumentInfo, list[Claim]] | None:
    """What the cache knows of a document (its ingest facts and its claims), or ``None``.

    With this, an unchanged document is neither parsed nor normalized again: a check after one
    new article reads the other articles' bytes only to hash them.
    """
    path = claims_file(claims_dir, document_path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        header = json.loads(lines[0])
        if header.get("sha256") != sha256 or header.get("extractor") != extractor_version() or "info" not in header:
            return None
        info = DocumentInfo.model_validate(header["info"])
        return info, [Claim.model_validate_json(line) for line in lines[1:] if line.strip()]
    except (OSError, IndexError, ValueError, ValidationError, AttributeError, TypeError):
        return None


def save(claims_dir: Path, document_path: str, sha256: str, claims: list[Claim], lock: bool = True,
         info: DocumentInfo | None = None) -> Path:
    """Write the claims file of a document atomically; returns its path.

    With ``lock`` false the caller already holds ``locked(claims_dir)``. ``info`` (the document's
    ingest facts) goes into the header, so that a later run can skip reading the document.
    """
    header: dict[str, object] = {"document": document_path, "sha256": sha256, "extractor": extractor_version()}
    if info is not None:
        header["info"] = info.model_dump(mode="json")
    lines = [json.dumps(header, ensure_ascii=False)]
    lines.extend(claim.model_dump_json() for claim in claims)
    path = claims_file(claims_dir, document_path)
    if lock:
        with locked(claims_dir):
            write_atomic(path, "\n".join(lines) + "\n")
    else:
        write_atomic(path, "\n".join(lines) + "\n")
    return path


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block is done: an interrupt cannot land between creating the
    temporary file and renaming or removing it. The held signal is delivered right after."""
    blockable = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    if not blockable:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never half of one.

    ``text`` may come in pieces (a large report rendered one record at a time).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with _signals_deferred():
        _write_atomic(path, text)


def _write_atomic(path: Path, text: str | Iterable[str]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp's 0600 would make claims and reports private to one user
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
