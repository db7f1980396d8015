"""Ingest: article files -> typed ``Document``s (analysis text mapped to the file, language, date, zones).

``load_corpus(paths)`` never raises and never prints: every file it cannot
use becomes one ``Problem`` naming the file.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.document import Document
from checker.ingest import language as language_mod
from checker.ingest.decode import DecodeError, decode
from checker.ingest.ignore import written_by_factcheck
from checker.ingest.normalize import normalize
from checker.ingest.readers import FORMATS, ReadError, read
from checker.ingest.walk import STDIN, Found, Selection, find_files
from checker.ingest.zones import classify, zone_counts
from checker.lang import SUPPORTED_LANGUAGES
from checker.lang.script import is_supported, language_name
from checker.records import DocumentInfo, Problem

MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Corpus:
    """The documents that loaded (sorted by path) and one problem per file that did not."""

    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def shown_path(path: str) -> str:
    """``path`` safe for a one-line message: control characters and undecodable bytes escaped."""
    if path.isprintable():
        return path
    return "".join(c if c.isprintable() else c.encode("unicode_escape", "backslashreplace").decode("ascii")
                   for c in path)


def _problem(path: str, kind: str, message: str, fatal: bool = True) -> Problem:
    one_line = " ".join(message.split())
    shown = shown_path(path)
    return Problem(path=shown, kind=kind, message=f"{shown}: {one_line}", fatal=fatal)  # type: ignore[arg-type]


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_OR_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")


def _mostly_han(text: str) -> bool:
    """Whether most letters of ``text`` are Han characters, with no kana or hangul (Japanese, Korean)."""
    sample = text[:2000]
    han = len(_HAN.findall(sample))
    return han > 0 and 2 * han > sum(map(str.isalpha, sample)) and not _KANA_OR_HANGUL.search(sample)


def load_document(display: str, data: bytes) -> Document:
    """One file's bytes -> ``Document``; raises ``DecodeError`` / ``ReadError`` for unusable input."""
    extension = posixpath.splitext(display)[1].lower()
    fmt = FORMATS[extension]
    raw = decode(data)
    extracted = read(raw, fmt)
    analysis = normalize(extracted.mapped)
    if not analysis.text.strip():
        raise ReadError("empty", "no article text found")
    zones = classify(analysis, extracted.hints)
    content = "\n".join(analysis.text[z.start:z.end] for z in zones if z.kind != "boilerplate")
    language, language_source = language_mod.choose(extracted.language, content or analysis.text)
    if language is not None and not is_supported(language):
        # Never read as another language: the file is named with its language and left out.
        how = "its metadata says so" if language_source == "metadata" else "detected"
        raise ReadError("skipped", f"skipped: written in {language_name(language)} ({language}, {how}); "
                                   f"factcheck reads {', '.join(SUPPORTED_LANGUAGES)}")
    if language is None and _mostly_han(content or analysis.text):
        # Too little text for the detector, but the script tells: no other supported language writes Han.
        language, language_source = "zh", "detected"
    info = DocumentInfo(
        path=display,
        format=fmt,  # type: ignore[arg-type]
        language=language,
        language_source=language_source,
        reference_date=extracted.date,
        reference_date_source=extracted.date_source,  # type: ignore[arg-type]
        reference_date_evidence=extracted.date_evidence,
        reference_zone=extracted.zone,
        title=extracted.title,
        source=extracted.source,
        sha256=hashlib.sha256(data).hexdigest(),
        characters=len(raw),
        zones=zone_counts(zones),
    )
    return Document(info=info, raw=raw, analysis=analysis, zones=zones, notes=extracted.notes)


def load_found(found: Found, max_bytes: int = MAX_BYTES) -> Document | Problem:
    """One walked file -> its ``Document``, or the ``Problem`` that says why it cannot be used; never raises.

    Files over ``max_bytes`` are refused before they are read: the limit bounds memory and time.
    """
    display = found.display
    if found.error is not None:
        return _problem(display, found.kind, found.error, fatal=found.fatal)
    try:
        display.encode("utf-8")
    except UnicodeEncodeError:
        # os.fsdecode kept undecodable bytes as lone surrogates: no report or claims file could name it.
        return _problem(display, "unreadable", "file name is not valid UTF-8 (rename the file)")
    extension = posixpath.splitext(display)[1].lower()
    if extension not in FORMATS:
        shown = extension or "no extension"
        return _problem(display, "skipped", f"skipped: not an article format ({shown})", fatal=False)
    if found.path == STDIN:
        data = (found.data or b"")[:max_bytes + 1]
        if len(data) > max_bytes:
            return _problem(display, "too-large", f"too large (over {max_bytes} bytes, see --max-bytes)")
        return _loaded(display, data)
    try:
        if os.path.islink(found.path) and not os.path.exists(found.path):
            return _problem(display, "unreadable", "cannot read (broken or looping symbolic link)")
        if not os.path.isfile(found.path):
            # A FIFO would block the run forever and a device never ends: only regular files are read.
            what = "a directory" if os.path.isdir(found.path) else "not a regular file"
            return _problem(display, "unreadable", f"cannot read ({what})")
        size = os.path.getsize(found.path)
        if size > max_bytes:
            return _problem(display, "too-large", f"too large ({size} bytes; the limit is {max_bytes}, "
                                                  f"see --max-bytes)")
        with open(found.path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return _problem(display, "unreadable", f"cannot read ({exc.strerror or exc})")
    if len(data) > max_bytes:
        # The file grew between the size check and the read.
        return _problem(display, "too-large", f"too large (over {max_bytes} bytes, see --max-bytes)")
    return _loaded(display, data)


def _loaded(display: str, data: bytes) -> Document | Problem:
    if written_by_factcheck(data):
        return _problem(display, "skipped", "skipped: a report written by factcheck, not an article", fatal=False)
    try:
        return load_document(display, data)
    except (DecodeError, ReadError) as exc:
        return _problem(display, exc.kind, str(exc), fatal=exc.kind != "skipped")
    except RecursionError:
        return _problem(display, "html", "too deeply nested to read")
    except Exception as exc:  # an input must never take the run down with it
        return _problem(display, "internal", f"internal error while reading ({type(exc).__name__}: {exc})")


def list_inputs(paths: Sequence[str | os.PathLike[str]],
                selection: Selection | None = None) -> tuple[list[Found], list[Problem]]:
    """The files named by ``paths`` (directories walked, ``selection`` applied), sorted; a failure to
    list is a problem, not a raise."""
    try:
        return find_files(paths, selection), []
    except Exception as exc:  # defensive: walking must not raise either
        names = ", ".join(str(os.fspath(p)) for p in paths)
        return [], [_problem(names, "internal", f"cannot list inputs ({exc})")]


def load_corpus(paths: Sequence[str | os.PathLike[str]], max_bytes: int = MAX_BYTES,
                selection: Selection | None = None) -> Corpus:
    """Read every article file named by ``paths`` (directories recursively); see the module docstring."""
    found, problems = list_inputs(paths, selection)
    corpus = Corpus(problems=problems)
    for entry in found:
        result = load_found(entry, max_bytes)
        if isinstance(result, Document):
            corpus.documents.append(result)
            corpus.problems.extend(_problem(result.path, "front-matter", note, fatal=False) for note in result.notes)
        else:
            corpus.problems.append(result)
    corpus.documents.sort(key=lambda d: d.path)
    return corpus


__all__ = ["MAX_BYTES", "Corpus", "Found", "Selection", "list_inputs", "load_corpus", "load_document", "load_found"]
