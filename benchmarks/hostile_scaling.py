"""How the cost grows on hostile input: what the unit tests check for correctness, timed here.

    python benchmarks/hostile_scaling.py

First, frame extraction on one sentence holding n = 1,000 to 8,000 values.
Then each recognizer and the normalizer on repeated hostile strings at two
sizes. Each line gives the growth exponent between sizes (1.0 is linear, 2.0
quadratic).
"""

from __future__ import annotations

import math
import time

from checker.document import Document
from checker.frame.build import extract_claims
from checker.records import DocumentInfo, Zone
from checker.textmap import MappedText


def document(text: str) -> Document:
    info = DocumentInfo(path="hostile.txt", format="txt", language="en", reference_date=None,
                        reference_date_source="unknown", sha256="0" * 64, characters=len(text))
    return Document(info=info, raw=text, analysis=MappedText.identity(text), zones=(Zone(kind="body", start=0,
                                                                                             end=len(text)),))


HOSTILE = ["1", " ", "1,", "1 ", "one ", "-1 ", "12-", "next ", "in ", "the ", "A ", "Ab ", "“", "« ", "(",
           "Abc de ", "a – ", "\u00a0", "3 hundred and ", "twenty "]


def _timed(func: object, text: str) -> float:
    started = time.perf_counter()
    func(text)  # type: ignore[operator]
    return time.perf_counter() - started


def recognizers() -> None:
    from checker.ingest.normalize import normalize_text
    from checker.recognize import recognize

    targets = {
        "recognize en": lambda t: recognize(t, "en", None),
        "recognize fr": lambda t: recognize(t, "fr", None),
        "normalize": normalize_text,
    }
    for name, func in targets.items():
        for unit in HOSTILE:
            small, large = 20_000 // len(unit), 40_000 // len(unit)
            t1, t2 = _timed(func, unit * small), _timed(func, unit * large)
            exponent = math.log(max(t2, 1e-6) / max(t1, 1e-6)) / math.log(2)
            print(f"{name:13} {unit!r:18} {t1:6.3f} s -> {t2:6.3f} s  growth exponent {exponent:.2f}")


def main() -> None:
    recognizers()
    for unit in ("1 ", "1,", "$1 ", "5% "):
        previous: tuple[int, float] | None = None
        for n in (1000, 2000, 4000, 8000):
            started = time.perf_counter()
            extract_claims(document(unit * n))
            seconds = time.perf_counter() - started
            growth = ""
            if previous:
                growth = f"  growth exponent {math.log(seconds / previous[1]) / math.log(n / previous[0]):.2f}"
            print(f"{unit!r:6} n={n:5d}  {seconds:6.2f} s{growth}")
            previous = (n, seconds)


if __name__ == "__main__":
    main()
