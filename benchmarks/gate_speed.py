"""Time `factcheck check` with one new article against 1,000 already-extracted ones.

    python benchmarks/gate_speed.py [--articles 1000] [--keep DIR]

Generates invented articles in a temporary git repository,
fills claims/ once with `factcheck extract`, adds one article (the articles
come from benchmarks/make_corpus.py: stories of 3-8 articles), then times
`factcheck check seeds/ --since HEAD` (a fresh process, as CI runs it).
Target: under 3 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def corpus(articles: int, zh_rate: float = 0.0) -> list[tuple[str, str]]:
    """``articles`` + 1 generated articles (benchmarks/make_corpus.py: stories of 3-8 articles in English
    and French, with contradictions, and a share ``zh_rate`` of Chinese stories); the last one is the article
    the pull request adds."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_corpus import generate

    made = generate(articles + 1, seed=20240601, zh_rate=zh_rate)
    return [(a.name, a.text) for a in made.articles]


def factcheck_command() -> list[str]:
    """`factcheck` when `check` is registered on it, else the command module itself."""
    exe = shutil.which("factcheck") or str(Path(sys.executable).with_name("factcheck"))
    probe = subprocess.run([exe, "check", "--help"], capture_output=True, text=True, check=False)
    if probe.returncode == 0:
        return [exe, "check"]
    return [sys.executable, "-m", "checker.commands.gate"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--keep", type=Path, default=None, help="build the corpus here and keep it")
    parser.add_argument("--zh-rate", type=float, default=0.0, help="share of the stories written in Chinese")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    try:
        seeds = root / "seeds"
        seeds.mkdir(parents=True, exist_ok=True)
        *existing, (new_name, new_text) = corpus(args.articles, args.zh_rate)
        for name, text in existing:
            (seeds / name).write_text(text, encoding="utf-8")
        git = ["git", "-c", "user.email=bench@example.org", "-c", "user.name=bench"]
        subprocess.run([*git, "init", "-q"], cwd=root, check=True)
        (root / ".gitignore").write_text("claims/\n", encoding="utf-8")
        subprocess.run([*git, "add", "."], cwd=root, check=True)
        subprocess.run([*git, "commit", "-q", "-m", "corpus"], cwd=root, check=True)
        exe = factcheck_command()
        started = time.perf_counter()
        extract = [exe[0], "extract", "seeds"] if exe[-1] == "check" else None
        if extract:
            subprocess.run(extract, cwd=root, check=True, capture_output=True)
        else:
            subprocess.run([*exe, "seeds", "--exit-zero", "--format", "json"], cwd=root, check=True,
                           capture_output=True)
        print(f"initial extraction of {args.articles} articles: {time.perf_counter() - started:.1f} s")
        (seeds / new_name).write_text(new_text, encoding="utf-8")
        timings = []
        for _ in range(3):
            # The gate caches the new article's claims: without this, runs 2 and 3 would have nothing new.
            for stale in (root / "claims").glob(f"*{new_name}.jsonl"):
                stale.unlink()
            started = time.perf_counter()
            done = subprocess.run([*exe, "seeds", "--since", "HEAD", "--format", "json"], cwd=root,
                                  capture_output=True, text=True, check=False)
            timings.append(time.perf_counter() - started)
            if done.returncode == 2:
                print(done.stderr, file=sys.stderr)
                return 2
        runs = ", ".join(f"{t:.2f}" for t in timings)
        verdict = "OK" if min(timings) < 3 else "over"
        print(f"check with one new article: {min(timings):.2f} s (best of 3; runs {runs}) "
              f"-> {verdict} (target 3 s)")
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
