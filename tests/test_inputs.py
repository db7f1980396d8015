"""What a run reads: never its own outputs, what .gitignore and --exclude leave out, symlinks only inside
the folders given, one article from stdin. Real files, real processes."""

from __future__ import annotations

import json
import os
from pathlib import Path

from checker.ingest.walk import Selection, find_files
from tests.trust_helpers import FIRST, SECOND, articles, factcheck, git

TOKEN = "ZEBRA-TOKEN-7731"


def _claims_of(report: dict[str, object]) -> list[tuple[str, str]]:
    return sorted((c["document"], c["value"]["text"]) for c in report["claims"])  # type: ignore[index,union-attr]


def test_run_dot_twice_reads_the_same_articles_and_gives_the_same_claims(tmp_path: Path) -> None:
    folder = articles(tmp_path / "story")
    first = factcheck("run", ".", "--format", "json", cwd=folder)
    assert first.returncode == 0, first.stderr
    assert (folder / "reports" / "report.html").is_file() and (folder / "claims").is_dir()
    second = factcheck("run", ".", "--format", "json", cwd=folder)
    third = factcheck("run", ".", "--format", "json", cwd=folder)
    one, two, three = (json.loads(done.stdout) for done in (first, second, third))
    assert [d["path"] for d in two["documents"]] == ["a.txt", "b.txt"]
    assert _claims_of(one) == _claims_of(two) == _claims_of(three)
    assert len(one["claims"]) == 2
    assert "report" not in second.stderr


def test_own_output_file_and_folders_are_not_read(tmp_path: Path) -> None:
    folder = articles(tmp_path / "story")
    done = factcheck("run", ".", "--output-dir", "out", "--claims", "cache", "--format", "html", "-o",
                     "findings.html", cwd=folder)
    assert done.returncode == 0, done.stderr
    text = factcheck("run", ".", "--output-dir", "out", "--claims", "cache", "-o", "findings.txt", cwd=folder)
    assert text.returncode == 0, text.stderr
    again = factcheck("run", ".", "--output-dir", "out", "--claims", "cache", "--format", "json", cwd=folder)
    assert [d["path"] for d in json.loads(again.stdout)["documents"]] == ["a.txt", "b.txt"]
    # A report saved beside the articles by an earlier run is recognised and named, never read.
    assert "findings.html: skipped: a report written by factcheck" in again.stderr
    assert "findings.txt: skipped: a report written by factcheck" in again.stderr


def test_gitignore_is_respected_in_the_folder_and_above_it(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    articles(repo / "seeds")
    (repo / "seeds" / "drafts").mkdir()
    (repo / "seeds" / "drafts" / "c.txt").write_text(SECOND.replace("June 9", "July 1"), encoding="utf-8")
    (repo / "seeds" / "scratch.txt").write_text(FIRST.replace("March 3", "May 5"), encoding="utf-8")
    (repo / "seeds" / "keep.txt").write_text(FIRST, encoding="utf-8")
    git(repo, "init", "-q")
    (repo / ".gitignore").write_text("seeds/drafts/\n", encoding="utf-8")
    (repo / "seeds" / ".gitignore").write_text("scratch*.txt\n", encoding="utf-8")
    done = factcheck("run", "seeds", "--format", "json", "--output-dir", "-", cwd=repo)
    assert done.returncode == 0, done.stderr
    paths = [d["path"] for d in json.loads(done.stdout)["documents"]]
    assert paths == ["seeds/a.txt", "seeds/b.txt", "seeds/keep.txt"]


def test_exclude_patterns_on_the_command_line(tmp_path: Path) -> None:
    folder = articles(tmp_path / "story")
    (folder / "old").mkdir()
    (folder / "old" / "c.txt").write_text(FIRST, encoding="utf-8")
    (folder / "d.md").write_text(SECOND, encoding="utf-8")
    done = factcheck("run", ".", "--exclude", "old/", "--exclude", "*.md", "--format", "json", "--output-dir",
                     "-", cwd=folder)
    assert [d["path"] for d in json.loads(done.stdout)["documents"]] == ["a.txt", "b.txt"]
    # A file named on the command line is always read.
    named = factcheck("run", "a.txt", "d.md", "--exclude", "*.md", "--format", "json", "--output-dir", "-",
                      cwd=folder)
    assert [d["path"] for d in json.loads(named.stdout)["documents"]] == ["a.txt", "d.md"]


def test_a_symlink_leading_outside_is_named_and_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "runner-secret.txt"
    outside.write_text(f"The Nova bridge over the river opened on {TOKEN} March 4, 2021.\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "e.txt").write_text(f"{TOKEN} 40 boats left on March 4, 2021.\n", encoding="utf-8")
    folder = articles(tmp_path / "story")
    os.symlink(outside, folder / "leak.txt")
    os.symlink("/proc/self/status", folder / "status.txt")
    os.symlink(tmp_path / "elsewhere", folder / "more")
    os.symlink("a.txt", folder / "alias.txt")  # inside: followed
    done = factcheck("run", "story", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [d["path"] for d in report["documents"]] == ["story/a.txt", "story/alias.txt", "story/b.txt"]
    for name in ("leak.txt", "status.txt", "more"):
        [line] = [line for line in done.stderr.splitlines() if line.startswith(f"story/{name}: ")]
        assert "symbolic link" in line and "outside" in line and "skipped" in line
    assert {p["path"] for p in report["problems"]} == {"story/leak.txt", "story/status.txt", "story/more"}
    assert all(not p["fatal"] for p in report["problems"])
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "claims").iterdir() if p.is_file())
    written += (tmp_path / "reports" / "report.html").read_text(encoding="utf-8")
    assert TOKEN not in written and TOKEN not in done.stdout and "VmRSS" not in done.stdout


def test_a_symlinked_root_and_links_inside_it_are_followed(tmp_path: Path) -> None:
    real = articles(tmp_path / "real")
    os.symlink(real, tmp_path / "linked")
    (real / "sub").mkdir()
    os.symlink("..", real / "sub" / "up")  # back to a folder already walked: once, silently
    found = find_files([tmp_path / "linked"], Selection())
    assert [f.display for f in found if f.error is None] == [f"{tmp_path}/linked/a.txt", f"{tmp_path}/linked/b.txt"]
    assert [f for f in found if f.error] == []


def test_one_article_from_stdin_is_checked_against_the_folder(tmp_path: Path) -> None:
    folder = articles(tmp_path / "story", second="The harbour board met on Monday.\n")
    done = factcheck("run", ".", "-", "--stdin-filename", "draft.md", "--format", "json", cwd=folder,
                     stdin=SECOND.encode())
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert "draft.md" in [d["path"] for d in report["documents"]]
    [conflict] = [f for f in report["findings"] if f["verdict"] == "conflict"]
    assert {e["path"] for e in conflict["evidence"]} == {"a.txt", "draft.md"}
    assert not any("draft" in p.name for p in (folder / "claims").iterdir())  # stdin is never cached
    plain = factcheck("ingest", "-", "--format", "json", cwd=folder, stdin=FIRST.encode())
    assert [d["path"] for d in json.loads(plain.stdout)] == ["stdin.txt"]
    lone = factcheck("run", ".", "--stdin-filename", "x.md", cwd=folder)
    assert lone.returncode == 2 and "add - to PATH" in lone.stderr
