"""Time `factcheck check` with one new article against 1,000 already-extracted ones.

    python benchmarks/gate_speed.py [--articles 1000] [--keep DIR]

Generates simple, varied invented articles in a temporary git repository,
fills claims/ once with `factcheck extract`, adds one article, then times
`factcheck check seeds/ --since HEAD` (a fresh process, as CI runs it).
Target: under 3 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["Larch", "Brenn", "Otter", "Quill", "Marrow", "Fenwick", "Istra", "Calder", "Dunmore", "Yarrow",
          "Pellam", "Sorrel", "Tamsin", "Ulverd", "Wexley", "Harlow", "Kestrel", "Avon", "Linden", "Garrow"]
THINGS = ["bridge", "hospital", "library", "stadium", "tram line", "museum", "harbour", "school", "dam",
          "airport"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
VAGUE = ["about", "nearly", "more than", "over", "some", "almost"]


def article(rng: random.Random, number: int) -> str:
    """One short invented news article about a few local projects."""
    lines = [f"Regional desk, report {number}.", ""]
    for _ in range(rng.randint(2, 4)):
        place, thing = rng.choice(PLACES), rng.choice(THINGS)
        year = rng.randint(2015, 2029)
        month = rng.choice(MONTHS)
        day = rng.randint(1, 28)
        workers = rng.choice([40, 75, 120, 300, 650, 1200])
        cost = rng.choice([12, 35, 80, 150, 420])
        share = rng.choice([5, 12, 30, 45])
        lines.append(f"The {place} {thing} was opened on {month} {day}, {year}, officials said. "
                     f"{rng.choice(VAGUE).capitalize()} {workers} workers built it, at a cost of "
                     f"${cost} million, {share}% more than planned.")
        lines.append("")
    return "\n".join(lines)


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
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    try:
        seeds = root / "seeds"
        seeds.mkdir(parents=True, exist_ok=True)
        rng = random.Random(20240601)
        for number in range(args.articles):
            (seeds / f"article-{number:04d}.txt").write_text(article(rng, number), encoding="utf-8")
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
        (seeds / "new-article.txt").write_text(article(random.Random(7), 99999), encoding="utf-8")
        timings = []
        for _ in range(3):
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
