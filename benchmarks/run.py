"""End-to-end benchmark: speed, memory, growth and injected-contradiction scores on generated corpora.

    python benchmarks/run.py                  # N = 100, 1,000 and 10,000
    python benchmarks/run.py --quick          # N = 100 only
    python benchmarks/run.py --sizes 1000 --workers 2 --keep /tmp/bench

For each size a corpus is generated (benchmarks/make_corpus.py, fixed seed),
then measured in a fresh subprocess so that its peak RSS is its own:
extraction (``pipeline.extract``, claims cache off), comparison
(``pipeline.compare``) and reporting (``pipeline.build_report`` + the JSON
report written to disk, as ``factcheck run`` writes it) are timed separately.
Before that, on a sample of the documents (all of them up to ``--sample``),
our single-process extraction is timed against
``dateparser.search.search_dates`` alone over the same analysis texts (after both
have started up on the first five documents: that start-up is printed apart),
twice: the first pass still meets language data and patterns first needed
further on, the second is the steady state (the headline ratio, and the
times scaled to the whole corpus by characters). The two take turns by
blocks of 25 documents: each side runs 25 documents in a row, as extraction runs
over a corpus, and the machine's drifts touch both alike. The ratio with turns
taken at every document is printed too: there each side starts every document
with the other's code and data in the processor's caches, which costs the side
with the shorter run per document (ours) the larger share. Finally /work/shared/score.py
scores the report against the corpus's gold file. score.py compares every gold
item with every finding, so large corpora are scored in shards of whole
stories (findings go to the shard of their first evidence) and the shard
figures summed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SCORE = Path(os.environ.get("FACTCHECK_SCORE", "/work/shared/score.py"))
SHARD_ARTICLES = 250
RELATIVE_BASE = dt.datetime(2026, 1, 1)
WARM_UP = 5
# Documents each side runs in a row when they take turns (about 0.1 s of ours, 0.5 s of dateparser's).
BLOCK = 25


def measure(corpus: Path, workers: int, sample: int, report_path: Path) -> None:
    """Run the pipeline over ``corpus`` and print the figures as JSON lines (inside the size's subprocess).

    The extraction figures are printed (and flushed) before comparison starts, so that they survive
    a comparison that runs out of time or memory.
    """
    import dateparser.search

    from checker import pipeline
    from checker.document import Document
    from checker.frame.build import extract_claims
    from checker.ingest import load_document
    from checker.refdate import resolve_reference_date
    from checker.report.json_report import report_chunks
    from checker.store import write_atomic

    paths = sorted(str(p) for p in corpus.iterdir() if p.suffix in {".txt", ".md", ".html"})
    # Ours against search_dates first, while this process is small: timed after a 10,000-article
    # extraction, both would also pay for the collector walking the claims held for the report.
    # The two take turns (module docstring), so that the machine's drifts touch both alike.
    chosen = paths if len(paths) <= sample else random.Random(0).sample(paths, sample)
    picked = [resolve_reference_date(load_document(path, Path(path).read_bytes())) for path in chosen]
    picked_chars = sum(d.info.characters for d in picked)

    def dates(doc: Document) -> None:
        # A library failure on one text still cost its time.
        with contextlib.suppress(Exception):
            dateparser.search.search_dates(doc.text, languages=[doc.info.language or "en"],
                                           settings={"RELATIVE_BASE": RELATIVE_BASE})

    def time_both(docs: list[Document], block: int) -> tuple[float, float]:
        ours = theirs = 0.0
        for i in range(0, len(docs), block):
            s = time.perf_counter()
            for doc in docs[i:i + block]:
                extract_claims(doc)
            ours += time.perf_counter() - s
            s = time.perf_counter()
            for doc in docs[i:i + block]:
                dates(doc)
            theirs += time.perf_counter() - s
        return ours, theirs

    # Both sides load their language data and compile their patterns on first use: that start-up is
    # paid once per process, so it is timed apart, on the first documents, and the sample after it.
    ours_startup, theirs_startup = time_both(picked[:WARM_UP], 1)
    # Some language data and patterns are first needed further on (another language, a rarer rule):
    # the first pass over the sample still holds that start-up; the second is the steady state.
    ours_first, theirs_first = time_both(picked, BLOCK)
    ours, theirs = time_both(picked, BLOCK)
    ours_turns, theirs_turns = time_both(picked, 1)
    del picked

    cpu0 = _cpu()
    t0 = time.perf_counter()
    extraction = pipeline.extract(paths, claims_dir=None, use_cache=False, workers=workers)
    t1 = time.perf_counter()
    cpu1 = _cpu()
    raw_bytes = sum(os.path.getsize(p) for p in paths)
    docs = list(extraction.documents)
    chars = sum(d.info.characters for d in docs)
    scale = chars / picked_chars if picked_chars else 1.0
    print(json.dumps({
        "documents": len(docs), "characters": chars, "bytes": raw_bytes, "problems": len(extraction.problems),
        "claims": sum(len(c) for c in extraction.claims.values()), "extract_s": t1 - t0,
        "extract_cpu_s": cpu1 - cpu0,
        "sample": len(chosen), "ours_serial_sample_s": ours, "dateparser_sample_s": theirs,
        "ours_turns_sample_s": ours_turns, "dateparser_turns_sample_s": theirs_turns,
        "ours_first_sample_s": ours_first, "dateparser_first_sample_s": theirs_first,
        "ours_startup_s": ours_startup, "dateparser_startup_s": theirs_startup,
        "dateparser_scaled_s": theirs * scale, "ours_serial_scaled_s": ours * scale,
        "rss_self_mb": _rss(resource.RUSAGE_SELF), "rss_children_mb": _rss(resource.RUSAGE_CHILDREN),
    }), flush=True)
    t2 = time.perf_counter()
    findings = pipeline.compare(extraction)
    t3 = time.perf_counter()
    write_atomic(report_path, report_chunks(pipeline.build_report(extraction, findings)))
    t4 = time.perf_counter()
    print(json.dumps({"findings": len(findings), "compare_s": t3 - t2, "report_s": t4 - t3,
                      "report_mb": report_path.stat().st_size / 1e6,
                      "rss_self_mb": _rss(resource.RUSAGE_SELF)}), flush=True)


def _cpu() -> float:
    """CPU seconds (user and system) of this process and of its children that have ended (the workers):
    a figure that other load on the machine does not inflate as it does wall time."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _rss(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _shards(gold_items: list[dict], names: list[str]) -> list[set[str]]:
    """Whole stories (file prefix before "_") packed into shards of about SHARD_ARTICLES files."""
    stories: dict[str, set[str]] = defaultdict(set)
    for name in names:
        stories[name.split("_")[0]].add(name)
    shards: list[set[str]] = [set()]
    for key in sorted(stories):
        if len(shards[-1]) >= SHARD_ARTICLES:
            shards.append(set())
        shards[-1] |= stories[key]
    return shards


_LAST = re.compile(r"conflicts found (\d+)/(\d+), agreements found (\d+)/(\d+), traps avoided (\d+)/(\d+), "
                   r"conflict precision [\d.]+ \((\d+)/(\d+)\)")


def score(corpus: Path, report_path: Path) -> str:
    """score.py's last line, for the whole report or summed over shards of stories."""
    gold_text = (corpus / "gold.toml").read_text(encoding="utf-8")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    names = sorted(p.name for p in corpus.iterdir() if p.name != "gold.toml")
    if len(names) <= SHARD_ARTICLES:
        return _score_run(corpus / "gold.toml", corpus, report_path)
    items = tomllib.loads(gold_text)["item"]
    totals = [0] * 8
    with tempfile.TemporaryDirectory() as tmp:
        for k, shard in enumerate(_shards(items, names)):
            part = {**report, "findings": [f for f in report["findings"]
                                           if f["evidence"] and Path(f["evidence"][0]["path"]).name in shard]}
            rp, gp = Path(tmp) / f"r{k}.json", Path(tmp) / f"g{k}.toml"
            subset = _gold_subset(gold_text, shard)
            if "[[item]]" not in subset:
                continue  # a shard without gold items
            rp.write_text(json.dumps(part), encoding="utf-8")
            gp.write_text(subset, encoding="utf-8")
            line = _score_run(gp, corpus, rp)
            match = _LAST.search(line)
            if not match:
                return f"shard {k}: {line}"
            totals = [t + int(x) for t, x in zip(totals, match.groups(), strict=True)]
    c_ok, c_n, a_ok, a_n, t_ok, t_n, p_ok, p_n = totals
    recall = (c_ok + a_ok) / max(1, c_n + a_n)
    return (f"conflicts found {c_ok}/{c_n}, agreements found {a_ok}/{a_n}, traps avoided {t_ok}/{t_n}, "
            f"conflict precision {p_ok / max(1, p_n):.2f} ({p_ok}/{p_n}), recall {recall:.2f} (summed over shards)")


def _gold_subset(gold_text: str, shard: set[str]) -> str:
    blocks = gold_text.split("[[item]]")
    keep = [b for b in blocks[1:] if re.search(r'a = \{ file = "([^"]+)"', b)
            and re.search(r'a = \{ file = "([^"]+)"', b).group(1) in shard]  # type: ignore[union-attr]
    return blocks[0] + "".join("[[item]]" + b for b in keep)


def _score_run(gold: Path, corpus: Path, report: Path) -> str:
    done = subprocess.run([sys.executable, str(SCORE), str(gold), str(corpus), str(report)],
                          capture_output=True, text=True, check=False)
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[-1] if lines else f"score.py exited {done.returncode} without output"


def _child(args: argparse.Namespace) -> None:
    if args.max_gb:
        # A comparison that grows without bound must fail here, not take the shared machine down.
        limit = int(args.max_gb * 1024 ** 3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    measure(Path(args.child), args.workers, args.sample, Path(args.report))


def _measure_size(corpus_dir: Path, report: Path, args: argparse.Namespace) -> tuple[dict[str, float], str]:
    """The figures of one size from a fresh subprocess, and why it stopped early ("" when it did not)."""
    command = [sys.executable, __file__, "--child", str(corpus_dir), "--report", str(report),
               "--workers", str(args.workers), "--sample", str(args.sample), "--max-gb", str(args.max_gb)]
    failure = ""
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=args.timeout)
        out, err = done.stdout, done.stderr
        if done.returncode != 0:
            failure = f"exit status {done.returncode}: " + (err.strip().splitlines() or ["?"])[-1][:300]
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout.decode() if isinstance(expired.stdout, bytes) else (expired.stdout or "")
        failure = f"stopped after {args.timeout:g} s"
    figures: dict[str, float] = {}
    for line in out.splitlines():
        if line.startswith("{"):
            part = json.loads(line)
            figures["rss_self_mb"] = max(figures.get("rss_self_mb", 0.0), part.pop("rss_self_mb", 0.0))
            figures.update(part)
    return figures, failure


def _growth(n1: int, t1: float, n2: int, t2: float) -> float:
    return math.log(t2 / t1) / math.log(n2 / n1) if t1 > 0 and t2 > 0 else float("nan")


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    ap.add_argument("--quick", action="store_true", help="N = 100 only")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--sample", type=int, default=300, help="documents timed against dateparser")
    ap.add_argument("--keep", type=Path, help="keep corpora and reports under this folder")
    ap.add_argument("--timeout", type=float, default=900, help="seconds one size may take")
    ap.add_argument("--max-gb", type=float, default=8.0, help="address-space limit of one size's process")
    ap.add_argument("--zh-rate", type=float, default=0.0,
                    help="share of stories written in Chinese (make_corpus.py; they carry no gold items yet)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--report", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args)
        return
    from make_corpus import generate, write

    sizes = [100] if args.quick else args.sizes
    base = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, workers={args.workers}, seed={args.seed}, "
          f"zh-rate={args.zh_rate:g}")
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    rows: list[tuple[int, dict[str, float]]] = []
    extracted: list[tuple[int, dict[str, float]]] = []
    for n in sizes:
        corpus_dir, report = base / f"corpus-{n}", base / f"report-{n}.json"
        corpus = generate(n, args.seed, zh_rate=args.zh_rate)
        write(corpus, corpus_dir)
        if corpus.counts.get("zh-articles"):
            print(f"\nN={n}: {corpus.counts['zh-articles']} of the articles are in Chinese")
        f, failure = _measure_size(corpus_dir, report, args)
        if "extract_s" not in f:
            print(f"\nN={n}: measurement failed ({failure})")
            continue
        extracted.append((n, f))
        mb = f["bytes"] / 1e6
        sampled = "" if f["sample"] == f["documents"] else f" (sampled {int(f['sample'])} docs, scaled by characters)"
        print(f"\nN={n}: {int(f['documents'])} documents, {mb:.2f} MB, {int(f['claims'])} claims, "
              f"{int(f['problems'])} problems")
        print(f"  extraction {f['extract_s']:.2f} s ({f['documents'] / f['extract_s']:.0f} documents/s, "
              f"{mb / f['extract_s']:.2f} MB/s, {args.workers} workers); CPU of all its processes "
              f"{f.get('extract_cpu_s', float('nan')):.2f} s")
        ratio = f["dateparser_sample_s"] / f["ours_serial_sample_s"] if f["ours_serial_sample_s"] else float("nan")
        turns = f["dateparser_turns_sample_s"] / f["ours_turns_sample_s"] if f["ours_turns_sample_s"] else float("nan")
        first = f["dateparser_first_sample_s"] / f["ours_first_sample_s"] if f["ours_first_sample_s"] else float("nan")
        print(f"  dateparser.search_dates alone {f['dateparser_scaled_s']:.2f} s vs our whole extraction "
              f"{f['ours_serial_scaled_s']:.2f} s, both single process{sampled}, by blocks of {BLOCK} documents: "
              f"ours is {ratio:.2f}x faster in the steady state ({first:.2f}x in the first pass over the sample, "
              f"start-up still in it; {turns:.2f}x with turns at every document); "
              f"vs our parallel extraction wall time: {f['dateparser_scaled_s'] / f['extract_s']:.2f}x")
        print(f"  (start-up before that, on the first {WARM_UP} documents: ours {f['ours_startup_s']:.2f} s, "
              f"dateparser {f['dateparser_startup_s']:.2f} s)")
        if "compare_s" not in f:
            print(f"  comparison did not finish: {failure}; peak RSS main {f['rss_self_mb']:.0f} MB, "
                  f"largest worker {f['rss_children_mb']:.0f} MB")
            continue
        rows.append((n, f))
        total = f["extract_s"] + f["compare_s"] + f["report_s"]
        print(f"  comparison {f['compare_s']:.2f} s ({int(f['findings'])} findings), reporting {f['report_s']:.2f} s "
              f"({f['report_mb']:.1f} MB of JSON), total {total:.2f} s")
        print(f"  end to end {f['documents'] / total:.0f} documents/s, {mb / total:.2f} MB/s")
        print(f"  peak RSS: main {f['rss_self_mb']:.0f} MB, largest worker {f['rss_children_mb']:.0f} MB")
        t = time.perf_counter()
        print(f"  score.py: {score(corpus_dir, report)}  [{time.perf_counter() - t:.1f} s]", flush=True)
    for (n1, a), (n2, b) in zip(extracted, extracted[1:], strict=False):
        print(f"\nextraction growth exponent {n1} -> {n2}: {_growth(n1, a['extract_s'], n2, b['extract_s']):.2f}")
    for (n1, a), (n2, b) in zip(rows, rows[1:], strict=False):
        parts = []
        for key in ("extract_s", "compare_s", "report_s"):
            parts.append(f"{key[:-2]} {_growth(n1, a[key], n2, b[key]):.2f}")
        whole = _growth(n1, a["extract_s"] + a["compare_s"] + a["report_s"],
                        n2, b["extract_s"] + b["compare_s"] + b["report_s"])
        print(f"\ngrowth exponent {n1} -> {n2}: {', '.join(parts)}, total {whole:.2f} "
              f"(doubling N costs {2 ** whole:.2f}x)")
    if not args.keep:
        print(f"\n(corpora and reports in {base})")


if __name__ == "__main__":
    main()
