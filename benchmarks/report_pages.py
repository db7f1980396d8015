"""Report pages to look at and to measure: the seeds, the dev stories and generated corpora, and a headless
Chromium (Debian's /usr/bin/chromium and chromedriver; .ci/install-browser.sh installs them) to open them.

Used by benchmarks/report_views.py (screenshots) and benchmarks/report_speed.py (size and time).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FACTCHECK = Path(sys.executable).with_name("factcheck")


def factcheck_html(folder: Path, out: Path, work: Path, *paths: str) -> Path:
    """``factcheck run PATHS --format html -o OUT`` in ``folder`` (claims cached in ``work``)."""
    done = subprocess.run([str(FACTCHECK), "run", *(paths or ["."]), "--format", "html", "-o", str(out),
                           "--output-dir", "-", "--claims", str(work / "claims"), "--quiet"],
                          cwd=folder, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"factcheck failed in {folder}: {done.stderr.strip()}")
    return out


def copy_articles(source: Path, target: Path) -> Path:
    """The articles of a dev story (NNN_name.ext), not its gold files, copied to ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for article in sorted(source.glob("[0-9][0-9][0-9]_*")):
        shutil.copy(article, target / article.name)
    return target


def generated_corpus(size: int, target: Path, seed: int = 7) -> Path:
    """``benchmarks/make_corpus.py SIZE --seed SEED --out TARGET`` (its gold file removed)."""
    subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(size), "--seed", str(seed), "--out",
                    str(target)], check=True, capture_output=True)
    for extra in target.glob("*.toml"):
        extra.unlink()
    return target


@contextmanager
def workspace() -> Iterator[Path]:
    """A temporary folder, removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="factcheck-report-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def chromium(width: int = 1280, height: int = 1000) -> Iterator[Any]:
    """A headless Chromium driven by Selenium through Debian's chromedriver (nothing is downloaded)."""
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        raise SystemExit(f"{CHROMIUM} and {CHROMEDRIVER} are needed: apt-get install chromium chromium-driver "
                         "(or .ci/install-browser.sh)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = Path(tempfile.mkdtemp(prefix="factcheck-chromium-"))
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", f"--window-size={width},{height}", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def cpu_count() -> int:
    return os.cpu_count() or 1
