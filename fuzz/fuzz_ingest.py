"""Fuzz ingest: any bytes as any article format give a Document or a DecodeError/ReadError, nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _harness import instrumented, main  # noqa: E402

with instrumented():
    from checker.ingest import load_document
    from checker.ingest.decode import DecodeError
    from checker.ingest.readers import ReadError

NAMES = ("a.txt", "a.md", "a.html")


def target(data: bytes) -> None:
    """One input: first byte picks the format; the rest is the file's bytes."""
    if not data:
        return
    try:
        doc = load_document(NAMES[data[0] % len(NAMES)], data[1:])
    except (DecodeError, ReadError, RecursionError):
        return
    assert doc.info.characters == len(doc.raw)
    for zone in doc.zones:
        assert 0 <= zone.start <= zone.end <= len(doc.analysis.text)


if __name__ == "__main__":
    main(target)
