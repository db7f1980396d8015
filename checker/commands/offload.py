"""Work handed to a forked helper process while this one goes on: a speed aid for the second core.

``offload(render)`` forks a process that runs ``render`` (a function giving items, such as the pieces of some
of a report's cards, or the findings of some blocks of claims) and returns a function that gives those items
when they are needed. The helper inherits everything ``render`` reads (nothing is pickled on the way in) and
writes each item, as it comes, to an anonymous temporary file that this process reads back one item at a
time: neither process holds them all. Nothing is lost when the helper fails: if it dies, is killed or raises,
the items are computed here instead, so the result is always what ``render()`` gives in this process
(``tests/test_offload.py`` compares the two).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TypeVar

T = TypeVar("T")


def offload(render: Callable[[], Iterable[T]]) -> Callable[[], Iterator[T]]:
    """Start ``render`` in a forked helper; the returned function gives its items (computed here if the
    helper cannot give them)."""
    try:
        # Anonymous: gone when closed, or when both processes end, whatever ends them.
        spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by ``result``, which reads it after the helper
    except OSError:
        return lambda: iter(render())
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    try:
        helper = context.Process(target=_helper_main, args=(render, spool, sending, receiving), daemon=True)
        helper.start()
    except OSError:  # no process could be made (limits, memory): do it here
        for end in (receiving, sending, spool):
            end.close()
        return lambda: iter(render())
    sending.close()

    def result() -> Iterator[T]:
        try:
            count = _count(receiving)
        finally:
            receiving.close()
            helper.join(1.0)
            if helper.is_alive():
                helper.kill()
                helper.join()
        with spool:
            if count is None:
                yield from render()
                return
            spool.seek(0)
            for _ in range(count):
                yield pickle.load(spool)

    return result


def _count(connection: multiprocessing.connection.Connection) -> int | None:
    """How many items the helper wrote, or None when it did not finish."""
    try:
        kind, count = connection.recv()
    except (EOFError, OSError):
        return None
    return count if kind == "ok" and isinstance(count, int) else None


def _helper_main(render: Callable[[], Iterable[T]], spool: IO[bytes], connection: multiprocessing.connection.Connection,
                 inherited: multiprocessing.connection.Connection) -> None:
    """In the helper: each item written as it comes, then one message with their number (or the error)."""
    # The reading end came with the fork: held here, it would keep a send blocked after the caller is gone.
    inherited.close()
    code = 0
    try:
        count = 0
        for item in render():
            # One pickle per item: a pickler's memo would keep every item alive until the last.
            pickle.dump(item, spool, protocol=pickle.HIGHEST_PROTOCOL)
            count += 1
        spool.flush()
        connection.send(("ok", count))
    except BaseException as exc:  # noqa: BLE001 - anything: the caller then renders the items itself
        code = 1
        with contextlib.suppress(Exception):
            connection.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        with contextlib.suppress(Exception):
            connection.close()
        # No exit handlers: they belong to the process this one was forked from (its locks, its files).
        os._exit(code)
