"""Run a fuzz target with atheris when it is installed, else with a seeded random-bytes loop (same flags)."""

from __future__ import annotations

import contextlib
import random
import sys
import time
from collections.abc import Callable
from typing import Any


def instrumented() -> Any:
    """Context manager for the imports to fuzz: atheris coverage instrumentation, or nothing."""
    try:
        import atheris
    except ImportError:
        return contextlib.nullcontext()
    return atheris.instrument_imports(include=["checker"])


def main(target: Callable[[bytes], None]) -> None:
    """``python fuzz/fuzz_X.py -max_total_time=60 [corpus_dir]``: libFuzzer flags under atheris."""
    try:
        import atheris
    except ImportError:
        _fallback(target, sys.argv[1:])
        return
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


def _fallback(target: Callable[[bytes], None], args: list[str]) -> None:
    budget = 60.0
    for arg in args:
        if arg.startswith("-max_total_time="):
            budget = float(arg.split("=", 1)[1])
    rng = random.Random(0)
    alphabet = b"0123456789 ,.-%$\xe2\x82\xac\xc2\xa0<>/\n\r---+++abcdefghijklmnopqrstuvwxyz\x00\xff"
    end, runs = time.monotonic() + budget, 0
    while time.monotonic() < end:
        size = rng.choice((0, 1, 8, 64, 512, 4096))
        data = bytes(rng.choice(alphabet) if rng.random() < 0.8 else rng.randrange(256) for _ in range(size))
        target(data)
        runs += 1
    print(f"fallback fuzzer (atheris not installed): {runs} inputs, no crash")
