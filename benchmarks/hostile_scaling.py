"""How extraction time grows on hostile sentences (one sentence holding thousands of values).

    python benchmarks/hostile_scaling.py

Prints the time for n = 1,000, 2,000, 4,000 and 8,000 values and the growth
exponent between sizes (1.0 is linear, 2.0 quadratic).
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


def main() -> None:
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
