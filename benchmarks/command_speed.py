"""Time the `factcheck` command as users run it: a fresh process, its outputs written, its whole process tree.

    python benchmarks/command_speed.py                          # everything (about 15 minutes on 2 cores)
    python benchmarks/command_speed.py --only startup copies
    python benchmarks/command_speed.py --only sizes --sizes 1000 2000 --modes cold
    python benchmarks/command_speed.py --pythonpath /tmp/base   # another checkout's code, same figures

Sections (``--only``):

- ``sizes``: generated corpora (``make_corpus.py N --seed 2026``, made under
  ``--corpora`` when missing) of 1,000, 2,000, 4,000, 8,000 and 10,000
  articles, each run three ways in a fresh temporary folder with
  ``--workers 2``: ``cold`` is ``factcheck run DIR --no-cache`` with the
  default outputs (claims/ written, reports/report.json and report.html
  written, the terminal report on stdout, redirected to a file as in a CI
  log); ``warm`` is ``factcheck run DIR`` again with the claims cache that
  the cold run filled; ``json`` is ``factcheck run DIR --no-cache --format
  json --output-dir -`` (JSON on stdout, no report files; claims/ still
  written). The cost per doubling of the cold run is printed.
- ``startup``: ``factcheck --version``, ``parse`` on one sentence, ``run`` on
  the three seed articles with no cache (default outputs), and ``check
  --since HEAD`` with one new article against 1,000 cached ones in a real git
  repository in a temporary folder; each the best and median of 5 (3 for check) with the build cache
  filled, after one first run with it empty (printed on its own).
- ``copies``: 100 and 4,000 identical copies of the articles of one story
  (cycled), ``run --no-cache --format json --output-dir -``, three runs each
  after one untimed run that fills the build cache: the comparison stage (the
  best of the three) and the whole command.
- ``dateparser``: ``factcheck extract --no-cache`` (whole command, 1 and 2
  workers) against ``dateparser.search.search_dates`` (a fresh Python process:
  its import, then every text with its language given) over the seeds and
  the dev articles (``/work/shared/dev/*/[0-9]*``) copied 20 times. dateparser
  reads the analysis texts our ingest made (markup and front matter gone), so
  it is spared the reading of files that our command pays for.

The command keeps what the language data builds into (analyses of patterns, parsed data files:
``checker/build_cache.py``) in a cache folder; the benchmark gives it a folder
of its own, empty at the start, so every figure but the first runs of ``startup`` is taken with it
filled, as after any earlier run on a machine.

What each figure includes: ``wall`` is from just before the process is
started to its exit (start-up, teardown and the writing of every output
included). Stages come from the command itself: with
``FACTCHECK_TIMINGS=FILE`` set, it appends one JSON line per stage
(``checker/timings.py``): ``startup`` is from the launch to the command body
(interpreter, imports, option parsing), ``map`` reading and extracting every
document in the worker processes, ``claims-write`` the claims files,
``compare``, ``build-report``, ``view`` (the cards the HTML page and the
terminal show, built once for both), ``html-render`` (only for ``--format
html``, which sends the page to two places), ``reports-write`` (report.json
serialised and written, report.html rendered and written as it is rendered),
``output`` (the stdout report rendered and written) and ``exit`` (from the last stage to the process's
end: freeing, the interpreter's shutdown). Peak memory polls /proc every 0.2 s
over the process and all its descendants: ``pss`` is the sum of their
proportional set sizes (a page shared by the parent and its forked workers
counted once in all, the fair figure for "memory of the process tree"),
``rss`` the sum of their resident sizes (shared pages counted in each), and
``max1`` the largest single process's peak RSS (its ``VmHWM``, which the
kernel keeps, read at each poll). Each line names the machine's load average
(``/proc/loadavg``) when it was taken.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = 2026
SIZES = (1000, 2000, 4000, 8000, 10000)
MODES = ("cold", "warm", "json")
SECTIONS = ("startup", "copies", "dateparser", "sizes")
DEV = Path("/work/shared/dev")
ONE_SENTENCE = "About 300 people came on 3 March 2021, the mayor said."
POLL = 0.2
# The stages the command reports, in the order they run; "startup" and "exit" are measured around them.
STAGES = ("map", "claims-write", "compare", "build-report", "view", "html-render", "reports-write", "output")


def load() -> str:
    """The load averages over 1, 5 and 15 minutes."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from the kernel's lists of each thread's children."""
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return out


def _memory(pid: int) -> tuple[int, int, int]:
    """(PSS, RSS, peak RSS) of one process in kB, or zeros once it is gone."""
    pss = rss = hwm = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return pss, rss, hwm


class TreeMemory(threading.Thread):
    """Polls the memory of a process and its descendants until it ends; keeps the peaks (kB)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_pss = 0
        self.peak_rss = 0
        self.peak_one = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            pss = rss = 0
            for pid in _tree(self.pid):
                p, r, hwm = _memory(pid)
                pss += p
                rss += r
                self.peak_one = max(self.peak_one, hwm)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_rss = max(self.peak_rss, rss)
            self.done.wait(POLL)


@dataclass
class Run:
    """One process run: wall seconds, exit code, memory peaks (MB) and the stages it reported."""

    wall: float
    code: int
    pss: float
    rss: float
    max1: float
    stages: dict[str, float] = field(default_factory=dict)
    cpu: float = 0.0
    load: str = ""
    # CPU seconds of the main process per stage, and of the worker processes in all.
    stage_cpu: dict[str, float] = field(default_factory=dict)
    workers_cpu: float = 0.0

    def idle_estimate(self) -> float:
        """The wall time on two idle cores, from CPU times: the main process's CPU, plus the workers'
        shared by two (the main process waits while they extract). A load on the machine inflates wall
        times several-fold; CPU times only somewhat (cache and hyperthread contention)."""
        return self.cpu - self.workers_cpu / 2

    def stage_line(self) -> str:
        shown = [f"{name} {self.stages[name]:.2f}" for name in ("startup", *STAGES, "exit") if name in self.stages]
        return ", ".join(shown)


class Factcheck:
    """How to start the command: the installed script, or ``python -m checker`` on another checkout."""

    def __init__(self, pythonpath: Path | None) -> None:
        self.env = dict(os.environ)
        self.env.pop("FACTCHECK_TIMINGS", None)
        self.env["NO_COLOR"] = "1"
        # A build cache of the benchmark's own (checker/build_cache.py), not the user's: filled by the first run.
        self.cache = Path(tempfile.mkdtemp(prefix="fc-build-cache-"))
        atexit.register(shutil.rmtree, self.cache, ignore_errors=True)
        self.env["FACTCHECK_CACHE_DIR"] = str(self.cache)
        if pythonpath is not None:
            self.argv = [sys.executable, "-m", "checker"]
            self.env["PYTHONPATH"] = str(pythonpath)
        else:
            exe = shutil.which("factcheck") or str(Path(sys.executable).with_name("factcheck"))
            self.argv = [exe]

    def empty_cache(self) -> None:
        """Forget what earlier runs built (the next run is a first run on this machine)."""
        shutil.rmtree(self.cache, ignore_errors=True)
        self.cache.mkdir()

    def run(self, args: list[str], cwd: Path, stdout: Path | None = None, check: bool = True) -> Run:
        """Run ``factcheck ARGS`` in ``cwd`` (stdout to the file ``stdout``, else discarded) and measure it."""
        timing_file = Path(tempfile.mkstemp(prefix="fc-timings-", suffix=".jsonl")[1])
        env = dict(self.env, FACTCHECK_TIMINGS=str(timing_file))
        before = os.times()
        with open(stdout or os.devnull, "wb") as out:
            launched = time.time()
            started = time.perf_counter()
            process = subprocess.Popen([*self.argv, *args], cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE)
            watcher = TreeMemory(process.pid)
            watcher.start()
            _, err = process.communicate()
            wall = time.perf_counter() - started
            ended = launched + wall
        watcher.done.set()
        watcher.join()
        after = os.times()
        if check and process.returncode not in (0, 1):
            raise SystemExit(f"factcheck {' '.join(args)} exited {process.returncode}: {err.decode()[-2000:]}")
        run = Run(wall=wall, code=process.returncode, pss=watcher.peak_pss / 1024, rss=watcher.peak_rss / 1024,
                  max1=watcher.peak_one / 1024, cpu=(after.children_user + after.children_system)
                  - (before.children_user + before.children_system), load=load())
        run.stages, run.stage_cpu, run.workers_cpu = _stages(timing_file, launched, ended)
        timing_file.unlink(missing_ok=True)
        return run


def _stages(path: Path, launched: float, ended: float) -> tuple[dict[str, float], dict[str, float], float]:
    """Wall seconds per stage, the main process's CPU seconds per stage, and the workers' CPU seconds."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_name = {r["stage"]: r for r in records}
    stages: dict[str, float] = {}
    cpu: dict[str, float] = {}
    if "command" in by_name:
        stages["startup"] = by_name["command"]["start"] - launched
        cpu["startup"] = by_name["command"]["cpu"]
    for record in records:
        if record["start"] != record["end"] and record["stage"] != "extract":
            stages[record["stage"]] = record["end"] - record["start"]
            cpu[record["stage"]] = record["cpu"]
    if "stdout" in by_name and "done" in by_name:
        stages["output"] = by_name["done"]["start"] - by_name["stdout"]["start"]
        cpu["output"] = by_name["done"]["cpu"] - by_name["stdout"]["cpu"]
    last = max((r["end"] for r in records), default=None)
    if last is not None:
        stages["exit"] = ended - last
    workers = sum(r["children_cpu"] for r in records if r["stage"] != "extract")
    return stages, cpu, workers


@contextlib.contextmanager
def _scratch(prefix: str) -> Iterator[str]:
    """A new temporary folder, deleted when the benchmark ends rather than when the section is done with it.

    Deleting the thousands of files of one run slows the file creation of the runs after it: on this
    machine's ext4, writing 2,000 new files took 0.06 s, then 0.4 to 1.9 s (in any folder, still 0.9 s
    two minutes later) once folders of 2,000 files each had been deleted: the allocator passes over
    recently freed inodes. A user's run does not follow the benchmark's deletions, so none is made
    between the timed runs.
    """
    folder = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    yield folder


def corpus(size: int, corpora: Path) -> Path:
    """The generated corpus of ``size`` articles (seed 2026), made when missing."""
    folder = corpora / f"c{size}"
    if not (folder / "gold.toml").is_file():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(size), "--seed", str(SEED),
                        "--out", str(folder)], check=True, stdout=subprocess.DEVNULL)
    return folder


def _print(line: str) -> None:
    print(line, flush=True)


def _figure(label: str, run: Run) -> None:
    _print(f"  {label}: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU; peak memory of the process tree "
           f"{run.pss:.0f} MB PSS ({run.rss:.0f} MB RSS summed, largest process {run.max1:.0f} MB); "
           f"exit {run.code}; load {run.load}")
    if run.stages:
        _print(f"    stages: {run.stage_line()}")
        shown = ", ".join(f"{k} {v:.2f}" for k, v in run.stage_cpu.items() if v >= 0.005)
        _print(f"    CPU: main process {shown}; workers {run.workers_cpu:.2f}; on two idle cores about "
               f"{run.idle_estimate():.1f} s")


def sizes(fc: Factcheck, corpora: Path, wanted: list[int], modes: list[str], workers: int) -> dict:
    results: dict[str, dict[str, dict]] = {}
    cold: list[tuple[int, float]] = []
    for size in wanted:
        folder = corpus(size, corpora)
        _print(f"N = {size:,} ({folder})")
        results[str(size)] = {}
        with _scratch(prefix="fc-command-") as tmp:
            work = Path(tmp)
            for mode in modes:
                if mode == "cold":
                    args = ["run", str(folder), "--no-cache"]
                elif mode == "warm":
                    if not (work / "claims").is_dir():
                        fc.run(["extract", str(folder), "--no-cache", "--quiet", "--workers", str(workers)], work)
                    args = ["run", str(folder)]
                else:
                    args = ["run", str(folder), "--no-cache", "--format", "json", "--output-dir", "-"]
                run = fc.run([*args, "--workers", str(workers)], work, stdout=work / "stdout.txt")
                _figure(f"{mode} ({' '.join(args[:1] + args[2:])})", run)
                results[str(size)][mode] = vars(run)
                if mode == "cold":
                    cold.append((size, run.wall))
    for (n0, t0), (n1, t1) in zip(cold, cold[1:], strict=False):
        per_doubling = (t1 / t0) ** (1 / max(1e-9, _log2(n1 / n0)))
        _print(f"  cold run, {n0:,} -> {n1:,}: {t1 / t0:.2f}x the time, {per_doubling:.2f}x per doubling")
    return results


def _log2(x: float) -> float:
    import math

    return math.log2(x)


def _best(runs: list[Run]) -> dict:
    walls = sorted(r.wall for r in runs)
    cpus = sorted(r.cpu for r in runs)
    return {"best": walls[0], "median": statistics.median(walls), "runs": walls, "load": runs[-1].load,
            "cpu_best": cpus[0], "cpu_median": statistics.median(cpus), "cpu_runs": [r.cpu for r in runs],
            "stages": min(runs, key=lambda r: r.wall).stages, "pss": max(r.pss for r in runs)}


def startup(fc: Factcheck, corpora: Path, repeat: int = 5) -> dict:
    out: dict[str, dict] = {}
    with _scratch(prefix="fc-startup-") as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "seeds", work / "seeds")
        cases = {
            "--version": (["--version"], None),
            "parse one sentence": (["parse", ONE_SENTENCE], None),
            "run on three articles, cold": (["run", "seeds", "--no-cache"], "claims"),
        }
        for label, (args, clean) in cases.items():
            runs = []
            for attempt in range(repeat + 1):
                if clean:
                    shutil.rmtree(work / clean, ignore_errors=True)
                if attempt == 0:
                    fc.empty_cache()
                run = fc.run(args, work, stdout=work / "stdout.txt")
                if attempt == 0:
                    first = run
                else:
                    runs.append(run)
            out[label] = dict(_best(runs), first=first.wall, first_cpu=first.cpu, first_stages=first.stages)
            _startup_line(label, out[label])
    out["check --since HEAD, one new against 1,000 cached"] = _check(fc, corpora)
    return out


def _startup_line(label: str, figures: dict) -> None:
    runs = ", ".join(f"{w:.2f}" for w in figures["runs"])
    stages = ", ".join(f"{k} {v:.2f}" for k, v in figures["stages"].items())
    cpus = ", ".join(f"{c:.2f}" for c in figures["cpu_runs"])
    if "first" in figures:
        first_stages = ", ".join(f"{k} {v:.2f}" for k, v in figures["first_stages"].items())
        _print(f"  {label}, first run (build cache empty): {figures['first']:.3f} s, CPU {figures['first_cpu']:.3f} s"
               + (f"\n    stages: {first_stages}" if first_stages else ""))
    _print(f"  {label}: best {figures['best']:.3f} s, median {figures['median']:.3f} s (runs {runs}); "
           f"CPU best {figures['cpu_best']:.3f} s, median {figures['cpu_median']:.3f} s (runs {cpus}); "
           f"load {figures['load']}" + (f"\n    stages of the best: {stages}" if stages else ""))


def _check(fc: Factcheck, corpora: Path) -> dict:
    source = corpus(1000, corpora)
    articles = sorted(p for p in source.iterdir() if p.suffix in {".txt", ".md", ".html"})
    new = articles[-1]
    with _scratch(prefix="fc-check-") as tmp:
        root = Path(tmp)
        seeds = root / "seeds"
        seeds.mkdir()
        for path in articles[:-1]:
            shutil.copy(path, seeds / path.name)
        git = ["git", "-c", "user.email=bench@example.org", "-c", "user.name=bench"]
        subprocess.run([*git, "init", "-q"], cwd=root, check=True)
        (root / ".gitignore").write_text("claims/\nreports/\n", encoding="utf-8")
        subprocess.run([*git, "add", "."], cwd=root, check=True)
        subprocess.run([*git, "commit", "-q", "-m", "corpus"], cwd=root, check=True)
        fc.run(["extract", "seeds", "--quiet"], root)
        shutil.copy(new, seeds / new.name)
        runs = []
        for _ in range(3):
            # The gate caches the new article's claims: without this, runs 2 and 3 would have nothing new.
            for stale in (root / "claims").glob(f"*{new.name}.jsonl"):
                stale.unlink()
            runs.append(fc.run(["check", "seeds", "--since", "HEAD", "--format", "json"], root,
                               stdout=root / "out.json"))
    figures = _best(runs)
    _startup_line("check --since HEAD, one new article against 999 cached", figures)
    return figures


def copies(fc: Factcheck, corpora: Path, counts: tuple[int, ...] = (100, 4000), repeat: int = 3) -> dict:
    source = corpus(1000, corpora)
    story = sorted(p for p in source.iterdir() if p.name.startswith("s00001_"))
    out: dict[str, dict] = {}
    folders: dict[int, Path] = {}
    with _scratch(prefix="fc-copies-") as tmp:
        for count in counts:
            folder = folders[count] = Path(tmp) / f"copies{count}"
            folder.mkdir()
            for i in range(count):
                original = story[i % len(story)]
                shutil.copy(original, folder / f"copy{i:05d}{original.suffix}")
        args = ["--no-cache", "--format", "json", "--output-dir", "-", "--workers", "2"]
        # One run first, untimed, so that every timed run finds the build cache filled (as a user's second run
        # does): with it empty, the first run's comparison also builds the country table (30 ms or so).
        fc.run(["run", str(folders[counts[0]]), *args], Path(tmp), stdout=Path(tmp) / "out.json")
        compared: dict[int, list[float]] = {}
        for count in counts:
            # The comparison of 100 copies takes a few milliseconds: the best of a few runs, each one printed.
            runs = [fc.run(["run", str(folders[count]), *args], Path(tmp), stdout=Path(tmp) / "out.json")
                    for _ in range(repeat)]
            compared[count] = [run.stages.get("compare", 0.0) for run in runs]
            best = min(runs, key=lambda run: run.stages.get("compare", 0.0))
            _figure(f"{count:,} copies of the {len(story)} articles of one story (the run with the fastest "
                    f"comparison of {repeat}; comparisons " + ", ".join(f"{c * 1000:.1f}" for c in compared[count])
                    + " ms)", best)
            out[str(count)] = dict(vars(best), compare_runs=compared[count])
    low, high = (min(compared[c]) for c in counts)
    if low:
        _print(f"  comparison: {counts[1]:,} copies take {high / low:.1f}x the time of {counts[0]:,} "
               f"({high:.3f} s against {low:.3f} s, the best of {repeat} each)")
    return out


_DATEPARSER = """
import json, sys, time, datetime as dt
started = time.perf_counter()
import dateparser.search
base = dt.datetime(2026, 1, 1)
for text, lang in json.load(open(sys.argv[1], encoding="utf-8")):
    try:
        dateparser.search.search_dates(text, languages=[lang], settings={"RELATIVE_BASE": base})
    except Exception:
        pass
"""


def against_dateparser(fc: Factcheck, times: int = 20) -> dict:
    originals = sorted(ROOT.glob("seeds/*.*")) + sorted(DEV.glob("*/[0-9]*"))
    out: dict[str, object] = {"articles": len(originals) * times}
    with _scratch(prefix="fc-dateparser-") as tmp:
        work = Path(tmp)
        folder = work / "articles"
        for copy in range(times):
            target = folder / f"copy{copy:02d}"
            target.mkdir(parents=True)
            for path in originals:
                shutil.copy(path, target / f"{path.parent.name}-{path.name}")
        texts = work / "texts.json"
        subprocess.run([sys.executable, "-c", _TEXTS, str(folder), str(texts)], check=True,
                       env=dict(fc.env, PYTHONPATH=fc.env.get("PYTHONPATH", str(ROOT))))
        _print(f"  {len(originals)} articles x {times} = {len(originals) * times} files; load {load()}")
        for attempt in range(2):
            theirs, theirs_cpu = _plain_run([sys.executable, "-c", _DATEPARSER, str(texts)], work)
            for workers in (1, 2):
                ours = fc.run(["extract", str(folder), "--no-cache", "--quiet", "--workers", str(workers)], work)
                out[f"workers={workers} pass {attempt + 1}"] = {
                    "ours": ours.wall, "theirs": theirs, "ratio": ours.wall / theirs, "ours_cpu": ours.cpu,
                    "theirs_cpu": theirs_cpu, "cpu_ratio": ours.cpu / theirs_cpu, "load": ours.load,
                    "stages": ours.stages}
                _print(f"  pass {attempt + 1}, factcheck extract --no-cache --workers {workers}: {ours.wall:.2f} s "
                       f"wall, {ours.cpu:.2f} s CPU of all its processes ({ours.stage_line()}); search_dates "
                       f"{theirs:.2f} s wall, {theirs_cpu:.2f} s CPU: ours is {ours.wall / theirs:.2f} of its "
                       f"time ({ours.cpu / theirs_cpu:.2f} in CPU); load {ours.load}")
    return out


_TEXTS = """
import json, sys
from pathlib import Path
from checker.ingest import load_document
paths = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file())
docs = [load_document(str(p), p.read_bytes()) for p in paths]
json.dump([(d.text, d.info.language or "en") for d in docs], open(sys.argv[2], "w", encoding="utf-8"))
"""


def _plain_run(argv: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of a command."""
    before = os.times()
    started = time.perf_counter()
    subprocess.run(argv, cwd=cwd, check=True)
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user + after.children_system) - (before.children_user + before.children_system)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES))
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpora", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-corpora",
                        help="where generated corpora are kept between runs (default: %(default)s)")
    parser.add_argument("--pythonpath", type=Path, default=None,
                        help="run `python -m checker` from this checkout instead of the installed command")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure to this file")
    args = parser.parse_args()
    fc = Factcheck(args.pythonpath)
    args.corpora.mkdir(parents=True, exist_ok=True)
    _print(f"factcheck: {' '.join(fc.argv)}{' with PYTHONPATH=' + str(args.pythonpath) if args.pythonpath else ''}; "
           f"{os.cpu_count()} CPUs; load {load()}")
    figures: dict[str, object] = {}
    for section in SECTIONS:
        if section not in args.only:
            continue
        _print(f"[{section}]")
        if section == "startup":
            figures[section] = startup(fc, args.corpora)
        elif section == "copies":
            figures[section] = copies(fc, args.corpora)
        elif section == "dateparser":
            figures[section] = against_dateparser(fc)
        else:
            figures[section] = sizes(fc, args.corpora, args.sizes, args.modes, args.workers)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
