"""Work handed to a forked helper process while this one goes on: a speed aid for the second core.

``offload(render)`` forks a process that runs ``render`` (a function returning a list, such as the pieces of
some of a report's cards, or the findings of some blocks of claims) and returns a function that gives that
list when it is needed (its items pickled one by one on the way back).
The helper inherits everything ``render`` reads (nothing is pickled on the way in). Nothing is lost when it
fails: if it dies, is killed or raises, the list is computed here instead, so the result is always what
``render()`` returns in this process (``tests/test_offload.py`` compares the two).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# The helper's first message is ("ok", number of items that follow) or ("error", what went wrong).


def offload(render: Callable[[], list[T]]) -> Callable[[], list[T]]:
    """Start ``render`` in a forked helper; the returned function gives its list (computed here if the
    helper cannot give it)."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    try:
        helper = context.Process(target=_helper_main, args=(render, sending, receiving), daemon=True)
        helper.start()
    except OSError:  # no process could be made (limits, memory): do it here
        receiving.close()
        sending.close()
        return render
    sending.close()

    def result() -> list[T]:
        try:
            pieces: list[T] | None = _received(receiving)
        finally:
            receiving.close()
            helper.join(1.0)
            if helper.is_alive():
                helper.kill()
                helper.join()
        return pieces if pieces is not None else render()

    return result


def _received(connection: multiprocessing.connection.Connection) -> list[T] | None:
    """The helper's list, or None when it did not send it all."""
    try:
        kind, count = connection.recv()
        if kind != "ok" or not isinstance(count, int):
            return None
        return [connection.recv() for _ in range(count)]
    except (EOFError, OSError):
        return None


def _helper_main(render: Callable[[], list[T]], connection: multiprocessing.connection.Connection,
                 inherited: multiprocessing.connection.Connection) -> None:
    """In the helper: render everything before sending the first item, so that a failure is one message."""
    # The reading end came with the fork: held here, it would keep a send blocked after the caller is gone.
    inherited.close()
    code = 0
    try:
        pieces = render()
        connection.send(("ok", len(pieces)))
        for piece in pieces:
            connection.send(piece)
    except BaseException as exc:  # noqa: BLE001 - anything: the caller then renders the pieces itself
        code = 1
        with contextlib.suppress(Exception):
            connection.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        with contextlib.suppress(Exception):
            connection.close()
        # No exit handlers: they belong to the process this one was forked from (its locks, its files).
        os._exit(code)
