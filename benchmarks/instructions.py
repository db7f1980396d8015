"""Our extraction against ``dateparser.search.search_dates``, counted in CPU instructions (deterministic).

    python benchmarks/instructions.py [--articles 50] [--corpus DIR] [--seed 2026]

Wall-clock figures on a shared machine drift (by up to 1.8x within an hour on
the one in docs/benchmarks.md); the number of instructions a run executes does
not. This script counts them with valgrind's callgrind (``apt-get install
valgrind``) for four runs of one child process over the same ingested
articles: each side warmed up on five articles only, and each side warmed up
then run over every article. The difference is what the articles cost:

- ours: ``extract_claims`` (the whole extraction, as ``run.py`` times it);
- theirs: ``search_dates(text, languages=[lang], settings={"RELATIVE_BASE": 2026-01-01})``.

Same articles and analysis texts as ``run.py`` and ``extract_speed.py``; by
default the first ``--articles`` of a generated corpus (``make_corpus.py``,
seed 2026). Reproducible within about 0.2 %. A run takes a few minutes:
valgrind runs Python about 50 times slower.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
RELATIVE_BASE = dt.datetime(2026, 1, 1)
WARM = 5
_COLLECTED = re.compile(r"Collected : (\d+)")


def _child(side: str, mode: str, corpus: Path, articles: int) -> None:
    """Ingest the articles, warm ``side`` up, and (mode "run") run it over every article."""
    from checker.ingest import load_document
    from checker.refdate import resolve_reference_date

    paths = sorted(p for p in corpus.iterdir() if p.suffix in {".txt", ".md", ".html"})[:articles]
    docs = [resolve_reference_date(load_document(str(p), p.read_bytes())) for p in paths]
    if side == "ours":
        from checker.frame.build import extract_claims

        def work(doc: object) -> None:
            extract_claims(doc)  # type: ignore[arg-type]
    else:
        import dateparser.search

        def work(doc: object) -> None:
            with contextlib.suppress(Exception):  # a library failure on one text still cost its instructions
                dateparser.search.search_dates(doc.text, languages=[doc.info.language or "en"],  # type: ignore[attr-defined]
                                               settings={"RELATIVE_BASE": RELATIVE_BASE})
    for doc in docs[:WARM]:
        work(doc)
    if mode == "run":
        for doc in docs:
            work(doc)


def _count(side: str, mode: str, corpus: Path, articles: int) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
               "--child", side, mode, "--corpus", str(corpus), "--articles", str(articles)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"instructions.py: valgrind run failed ({side} {mode}): {done.stderr[-500:]}")
    return int(found.group(1))


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--corpus", type=Path, help="a folder of articles (default: a generated corpus)")
    ap.add_argument("--seed", type=int, default=2026, help="seed of the generated corpus")
    ap.add_argument("--child", nargs=2, metavar=("SIDE", "MODE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child[0], args.child[1], args.corpus, args.articles)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("instructions.py: valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(scratch) / "corpus"
            subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(max(args.articles, 100)),
                            "--seed", str(args.seed), "--out", str(corpus)], check=True, capture_output=True)
        runs = [(side, mode) for side in ("ours", "theirs") for mode in ("warm", "run")]
        with ThreadPoolExecutor(max_workers=2) as pool:
            counts = dict(zip(runs, pool.map(lambda run: _count(*run, corpus, args.articles), runs), strict=True))
    ours = (counts["ours", "run"] - counts["ours", "warm"]) / args.articles
    theirs = (counts["theirs", "run"] - counts["theirs", "warm"]) / args.articles
    print(f"{args.articles} articles of {corpus if args.corpus else f'a generated corpus (seed {args.seed})'}")
    print(f"ours (extract_claims): {ours / 1e6:.2f} M instructions per article")
    print(f"dateparser.search.search_dates: {theirs / 1e6:.2f} M instructions per article")
    print(f"ratio: ours executes {theirs / ours:.2f}x fewer instructions")


if __name__ == "__main__":
    main()
