"""Our whole extraction over the seeds versus ``dateparser.search.search_dates`` alone over the same text.

    python benchmarks/extract_speed.py [--repeat 20] [PATH ...]

The documents are read once (ingest and reference dates are not timed);
then, ``--repeat`` times each, in one process: ``extract_claims`` on every
document (no claims cache: it is a pure function of the document), and
``search_dates`` on every document's analysis text with its language given
and a fixed RELATIVE_BASE. Both are single process. Ours must be the smaller.
The recognizers' bounded per-text caches are emptied before each repetition.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELATIVE_BASE = dt.datetime(2026, 1, 1)


def clear_text_caches() -> None:
    """Empty the bounded per-text caches of the checker (``lru_cache(maxsize=...)``).

    Repeating the same three documents would otherwise time cache hits; the
    unbounded caches hold compiled language data and stay warm, as they do
    in a real run.
    """
    for name, module in list(sys.modules.items()):
        if not name.startswith("checker"):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and info().maxsize is not None:
                value.cache_clear()


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "seeds")])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()

    import dateparser.search

    from checker import pipeline
    from checker.frame.build import extract_claims

    documents, _ = pipeline.ingest(args.paths, doc_timeout=0)
    chars = sum(len(d.text) for d in documents)
    # Warm both sides: language data, compiled regexes, dateparser's locale loading.
    for doc in documents:
        extract_claims(doc)
        dateparser.search.search_dates(doc.text, languages=[doc.info.language or "en"],
                                       settings={"RELATIVE_BASE": RELATIVE_BASE})
    start = time.perf_counter()
    claims = 0
    for _ in range(args.repeat):
        clear_text_caches()
        for doc in documents:
            claims += len(extract_claims(doc))
    ours = time.perf_counter() - start
    start = time.perf_counter()
    dates = 0
    for _ in range(args.repeat):
        for doc in documents:
            found = dateparser.search.search_dates(doc.text, languages=[doc.info.language or "en"],
                                                   settings={"RELATIVE_BASE": RELATIVE_BASE})
            dates += len(found or [])
    theirs = time.perf_counter() - start
    runs = args.repeat * len(documents)
    print(f"{len(documents)} documents, {chars} characters, repeated {args.repeat} times")
    print(f"ours (whole extraction, {claims // args.repeat} claims): {ours:.3f} s, "
          f"{1000 * ours / runs:.2f} ms per document, {chars * args.repeat / ours / 1000:.0f}k characters/s")
    print(f"dateparser.search.search_dates ({dates // args.repeat} dates): {theirs:.3f} s, "
          f"{1000 * theirs / runs:.2f} ms per document")
    print(f"ratio: ours is {theirs / ours:.2f}x faster" if ours < theirs
          else f"ratio: ours is {ours / theirs:.2f}x SLOWER")


if __name__ == "__main__":
    main()
