"""Text that comes in many pieces, handed on in fewer, larger ones: a report of 100 MB is never held whole,
and neither is each of its template pieces written on its own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def joined(pieces: Iterable[str], size: int = 1 << 20) -> Iterator[str]:
    """``pieces`` joined into strings of about ``size`` characters (one piece may be larger alone)."""
    batch: list[str] = []
    held = 0
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(batch)
            batch, held = [], 0
    if batch:
        yield "".join(batch)
