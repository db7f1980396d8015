"""Stage timings for benchmarks, off unless ``FACTCHECK_TIMINGS=FILE`` is set.

With the variable set, each timed stage of a command appends one JSON line
to FILE: ``{"stage", "start", "end", "cpu", "children_cpu", "pid"}``, with
``start`` and ``end`` in seconds since the epoch (so that a benchmark that
started the process can tell start-up apart), ``cpu`` the CPU seconds of this
process during the stage and ``children_cpu`` those of the worker processes
that ended during it. ``benchmarks/command_speed.py`` reads them. Unset, a
stage costs one attribute test.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator

_FILE = os.environ.get("FACTCHECK_TIMINGS") or None


def enabled() -> bool:
    """Whether stage timings are being written."""
    return _FILE is not None


def _children_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def _write(record: dict[str, object]) -> None:
    assert _FILE is not None
    with contextlib.suppress(OSError), open(_FILE, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")


def mark(name: str) -> None:
    """A point in time (``start`` == ``end``): the command was entered, the output was flushed."""
    if _FILE is not None:
        now = time.time()
        _write({"stage": name, "start": now, "end": now, "cpu": time.process_time(), "children_cpu": 0.0,
                "pid": os.getpid()})


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the body as stage ``name``."""
    if _FILE is None:
        yield
        return
    start, cpu, children = time.time(), time.process_time(), _children_cpu()
    try:
        yield
    finally:
        _write({"stage": name, "start": start, "end": time.time(), "cpu": time.process_time() - cpu,
                "children_cpu": _children_cpu() - children, "pid": os.getpid()})
