"""Shared by the trust tests: the real console script, a pair of contradicting articles, a git repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.report_schema import check_report

FACTCHECK = str(Path(sys.executable).with_name("factcheck"))
FIRST = "The Nova bridge over the river opened on March 3, 2021, the city said.\n"
SECOND = "The Nova bridge over the river opened on June 9, 2022, officials said.\n"


def factcheck(*args: str, cwd: Path, stdin: bytes | None = None, env: dict[str, str] | None = None,
              timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the installed console script; stdout and stderr as text (undecodable bytes escaped)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    done = subprocess.run([FACTCHECK, *args], cwd=cwd, input=stdin, capture_output=True, timeout=timeout,
                          env=environment, check=False)
    text = _text(done)
    # A report printed to stdout follows the schema as much as one written to a file.
    check_report(text.stdout, f"the output of factcheck {' '.join(args)}")
    return text


def _text(done: subprocess.CompletedProcess[bytes]) -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8", "backslashreplace"),
                                       done.stderr.decode("utf-8", "backslashreplace"))


def articles(folder: Path, first: str = FIRST, second: str = SECOND) -> Path:
    """Two articles that contradict each other (a hard conflict on the opening date)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(first, encoding="utf-8")
    (folder / "b.txt").write_text(second, encoding="utf-8")
    return folder


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` with a fixed identity."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env).stdout
