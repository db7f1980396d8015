"""Work handed to a forked helper process while this one goes on: a speed aid for the second core.

``offload(render)`` forks a process that runs ``render`` (a function returning a list of strings, such as the
pieces of some of a report's cards) and returns a function that gives those strings when they are needed.
The helper inherits everything ``render`` reads (nothing is pickled on the way in). Nothing is lost when it
fails: if it dies, is killed or raises, the strings are computed here instead, so the result is always what
``render()`` returns in this process (``tests/test_offload.py`` compares the two).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
from collections.abc import Callable, Iterable

# A message of the helper: ("ok", number of pieces that follow) or ("error", what went wrong).
_Header = tuple[str, object]


def offload(render: Callable[[], list[str]]) -> Callable[[], Iterable[str]]:
    """Start ``render`` in a forked helper; the returned function gives its strings (computed here if the
    helper cannot give them)."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    try:
        helper = context.Process(target=_helper_main, args=(render, sending), daemon=True)
        helper.start()
    except OSError:  # no process could be made (limits, memory): do it here
        receiving.close()
        sending.close()
        return render
    sending.close()

    def result() -> list[str]:
        try:
            pieces = _received(receiving)
        finally:
            receiving.close()
            helper.join(1.0)
            if helper.is_alive():
                helper.kill()
                helper.join()
        return pieces if pieces is not None else render()

    return result


def _received(connection: multiprocessing.connection.Connection) -> list[str] | None:
    """The helper's strings, or None when it did not send them all."""
    try:
        kind, count = connection.recv()
        if kind != "ok" or not isinstance(count, int):
            return None
        return [connection.recv() for _ in range(count)]
    except (EOFError, OSError):
        return None


def _helper_main(render: Callable[[], list[str]], connection: multiprocessing.connection.Connection) -> None:
    """In the helper: render everything before sending the first piece, so that a failure is one message."""
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
