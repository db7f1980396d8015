"""The `claims/` directory: one reviewable JSONL file per document, also the extraction cache.

Line 1 is a header ``{"document", "sha256", "extractor", "info", "notes", "digest"}``;
each further line is one claim. A file is reused when the document's path, its
sha256 and the extractor version all match and the file verifies: ``digest`` is
the sha256 of the rest of the header and of every claim line, so a claim edited
by hand (its header kept) is caught, named and re-extracted instead of trusted.
The digest finds edits, not forgers: whoever can recompute it can forge it, so
`factcheck check --since` also re-extracts every document whose claims file
changed in the compared range. Files are written atomically (temporary file, then rename)
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
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from checker.records import Claim, DocumentInfo

EXTRACTOR_VERSION = "1"
# The code and language data that decide what a document's claims are: a change to any of them
# invalidates the cache, so a cached claim is always what this extractor would produce.
_EXTRACTION_SOURCES = ("ingest", "recognize", "frame", "lang", "link", "refdate.py", "document.py", "textmap.py",
                       "frontmatter.py", "records.py", "names.py", "scripts.py", "regex_syntax.py", "catalogue.py",
                       "countries.py", "languages.py", "build_cache.py", "lowered_reading.py")


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


def _digest(header: dict[str, Any], body: str) -> str:
    """The digest of a claims file: its header (without the digest itself, keys sorted) and its claim lines."""
    fields = {key: value for key, value in header.items() if key != "digest"}
    payload = json.dumps(fields, ensure_ascii=False, sort_keys=True) + "\n" + body
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


CacheState = Literal["fresh", "missing", "stale", "unverified"]


@dataclass(frozen=True)
class Cached:
    """What the claims file of one document says: ``fresh`` (verified and current: ``info``,
    ``claims`` and ``notes`` are set), ``missing``, ``stale`` (another version of the document or of
    the extractor) or ``unverified`` (edited or damaged; ``reason`` says how)."""

    state: CacheState
    path: Path
    info: DocumentInfo | None = None
    claims: list[Claim] | None = None
    notes: tuple[str, ...] = ()
    reason: str = ""


def read_cached(claims_dir: Path, document_path: str, sha256: str) -> Cached:
    """The claims file of ``document_path`` checked against the document's ``sha256``, the extractor
    version and its own digest; never raises."""
    path = claims_file(claims_dir, document_path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Cached("missing", path)
    except (OSError, UnicodeDecodeError) as exc:
        return Cached("unverified", path, reason=f"cannot be read ({type(exc).__name__})")
    first, _, body = text.partition("\n")
    try:
        header = json.loads(first)
        if not isinstance(header, dict):
            raise ValueError("header is not an object")
    except ValueError:
        return Cached("unverified", path, reason="its header is not valid")
    if header.get("sha256") != sha256 or header.get("extractor") != extractor_version():
        return Cached("stale", path)
    if header.get("document") != document_path:
        return Cached("unverified", path, reason=f"its header names another document ({header.get('document')!r})")
    if header.get("digest") != _digest(header, body):
        return Cached("unverified", path, reason="its content does not match its digest (edited after it was "
                                                 "written)")
    try:
        info = DocumentInfo.model_validate(header["info"]) if "info" in header else None
        claims = _claims_of(body)
        notes = tuple(str(note) for note in header.get("notes", ()))
    except (ValueError, ValidationError, TypeError, KeyError):
        return Cached("unverified", path, reason="its claims are not valid records")
    return Cached("fresh", path, info, claims, notes)


def _claims_of(body: str) -> list[Claim]:
    return [Claim.model_validate_json(line) for line in body.splitlines() if line.strip()]


def claims_in(text: str) -> list[Claim]:
    """The claims of a claims file's text as ``render`` writes it (its header is not checked).

    Raises ValueError (pydantic's ValidationError) on a line that is not a claim.
    """
    return _claims_of(text.partition("\n")[2])


def header_matches(claims_dir: Path, document_path: str, sha256: str) -> bool:
    """Whether the claims file of ``document_path`` names it, its ``sha256`` and this extractor in its header
    (its first line alone is read): a cheap first guess of ``read_cached``'s "fresh", which still decides."""
    try:
        with open(claims_file(claims_dir, document_path), encoding="utf-8") as handle:
            header = json.loads(handle.readline())
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return (isinstance(header, dict) and header.get("sha256") == sha256
            and header.get("extractor") == extractor_version() and header.get("document") == document_path)


@dataclass(frozen=True)
class Entry:
    """One document's claims, to be saved: its path as given, its sha256, claims, ingest facts and notes."""

    document_path: str
    sha256: str
    claims: list[Claim]
    info: DocumentInfo | None = None
    notes: tuple[str, ...] = ()
    # The file's text when it was already rendered (``render``), in the worker that extracted the claims.
    rendered: str | None = None


def save(claims_dir: Path, document_path: str, sha256: str, claims: list[Claim], lock: bool = True,
         info: DocumentInfo | None = None, notes: Iterable[str] = ()) -> Path:
    """Write the claims file of a document atomically, with its digest; returns its path.

    With ``lock`` false the caller already holds ``locked(claims_dir)``. ``info`` (the document's
    ingest facts) and ``notes`` (what ingest ignored in it) go into the header, so that a later run
    can skip reading the document and still say what was wrong with it.
    """
    return save_batch(claims_dir, [Entry(document_path, sha256, claims, info, tuple(notes))], lock)[0]


# Files written per batch: an interrupt waits for at most one batch.
BATCH = 500


def save_batch(claims_dir: Path, entries: Iterable[Entry], lock: bool = True) -> list[Path]:
    """Write the claims files of many documents, each atomically, durable once this returns.

    Each file is written to a temporary file and renamed into place, as ``save`` does; the data of
    a batch of files is flushed to disk with one sync and the directory with one more, instead of
    one sync per file, which made the writes of a 10,000-article run take longer than the run.
    """
    pending = list(entries)
    paths: list[Path] = []
    context = locked(claims_dir) if lock else contextlib.nullcontext()
    with context:
        # Rendered a batch at a time: the text of every file at once would be a second copy of the claims.
        for start in range(0, len(pending), BATCH):
            batch = [(claims_file(claims_dir, e.document_path), e.rendered if e.rendered is not None else _render(e))
                     for e in pending[start:start + BATCH]]
            write_atomic_batch(batch)
            paths.extend(path for path, _ in batch)
    return paths


def render(entry: Entry) -> str:
    """The text of ``entry``'s claims file (a header with its digest, then one claim per line)."""
    return _render(entry)


def _render(entry: Entry) -> str:
    header: dict[str, object] = {"document": entry.document_path, "sha256": entry.sha256,
                                 "extractor": extractor_version()}
    if entry.info is not None:
        header["info"] = entry.info.model_dump(mode="json")
    if entry.notes:
        header["notes"] = list(entry.notes)
    body = "".join(claim.model_dump_json() + "\n" for claim in entry.claims)
    header["digest"] = _digest(header, body)
    return json.dumps(header, ensure_ascii=False) + "\n" + body


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


def write_atomic_batch(files: list[tuple[Path, str]]) -> None:
    """Replace each path with its text, each atomically (as ``write_atomic``), with one data sync for all.

    Every file is written to a temporary file beside it; one ``os.sync`` makes them all durable; then each
    is renamed into place and each directory synced once. Readers see each file old or new, never half.
    """
    if len(files) == 1:
        write_atomic(*files[0])
        return
    with _signals_deferred():
        written: list[tuple[str, Path]] = []
        try:
            for path, text in files:
                path.parent.mkdir(parents=True, exist_ok=True)
                written.append((_temporary(path, text, sync=False), path))
            os.sync()
            for tmp, path in written:
                os.replace(tmp, path)
        except BaseException:
            for tmp, _ in written:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            raise
        for directory in sorted({path.parent for _, path in written}):
            _sync_directory(directory)


def _sync_directory(directory: Path) -> None:
    """Make the renames in ``directory`` durable (where the platform allows opening a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _temporary(path: Path, text: str | Iterable[str], sync: bool = True) -> str:
    """A temporary file beside ``path`` holding ``text``; its name. Removed again if writing fails."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp's 0600 would make claims and reports private to one user
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def _write_atomic(path: Path, text: str | Iterable[str]) -> None:
    tmp = _temporary(path, text)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
