"""The claims cache cannot lie: a claims file edited by hand is caught by its digest, named and re-extracted;
one changed in the range a gate compares is re-extracted even when its digest was recomputed.
A bad front-matter field is named and ignored, also on cached runs. Real files, git and processes."""

from __future__ import annotations

import json
from pathlib import Path

from checker import store
from tests.trust_helpers import articles, factcheck, git


def _forge(claims_file: Path, old: str, new: str, *, recompute: bool) -> None:
    """Edit the claim lines as a person would, the header (sha256, extractor) kept."""
    header_line, _, body = claims_file.read_text(encoding="utf-8").partition("\n")
    assert old in body
    body = body.replace(old, new)
    header = json.loads(header_line)
    if recompute:
        header["digest"] = store._digest(header, body)
    claims_file.write_text(json.dumps(header, ensure_ascii=False) + "\n" + body, encoding="utf-8")


def _claims_file(folder: Path, name: str) -> Path:
    [path] = [p for p in (folder / "claims").iterdir() if p.name.startswith(f"seeds__{name}")]
    return path


def test_a_hand_edited_claims_file_is_named_and_re_extracted(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    articles(repo / "seeds")
    first = factcheck("check", cwd=repo)
    assert first.returncode == 1 and "FC-time-contradiction" in first.stdout
    _forge(_claims_file(repo, "b.txt"), "2022-06-09", "2021-03-03", recompute=False)
    again = factcheck("check", cwd=repo)
    # Before: the edited claims were trusted and the hard conflict disappeared (exit 0).
    assert again.returncode == 1, again.stdout + again.stderr
    assert "FC-time-contradiction" in again.stdout
    [note] = [line for line in again.stderr.splitlines() if line.startswith("seeds/b.txt: ")]
    assert "claims/seeds__b.txt.jsonl" in note and "digest" in note and "re-extracted" in note
    # The file was written again, and verifies: the next run is quiet.
    third = factcheck("check", cwd=repo)
    assert third.returncode == 1 and third.stderr == ""


def test_a_claims_file_changed_since_the_base_is_never_trusted(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    articles(repo / "seeds")
    git(repo, "init", "-q", "-b", "main")
    assert factcheck("baseline", cwd=repo).returncode == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "articles, claims and a reviewed baseline")
    (repo / "factcheck-baseline.toml").unlink()
    git(repo, "commit", "-qam", "drop the baseline")
    git(repo, "checkout", "-qb", "pull-request")
    # The pull request edits a committed claims file and recomputes its digest: it verifies.
    _forge(_claims_file(repo, "b.txt"), "2022-06-09", "2021-03-03", recompute=True)
    git(repo, "commit", "-qam", "quietly agree")
    unscoped = factcheck("check", "--changed", "seeds/a.txt", cwd=repo)
    assert unscoped.returncode == 0  # a verified cache is trusted when nothing says otherwise
    scoped = factcheck("check", "--since", "main", "--changed", "seeds/a.txt", cwd=repo)
    assert scoped.returncode == 1, scoped.stdout + scoped.stderr
    assert "FC-time-contradiction" in scoped.stdout


def test_no_cache_still_re_extracts_everything(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    articles(repo / "seeds")
    assert factcheck("extract", cwd=repo).stdout.endswith("2 documents, 0 from cache, claims in claims/\n")
    assert "2 documents, 2 from cache" in factcheck("extract", cwd=repo).stdout
    assert "2 documents, 0 from cache" in factcheck("extract", "--no-cache", cwd=repo).stdout


def test_an_invalid_front_matter_date_is_named_and_the_article_read(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Bridge\ndate: 2021-02-30\nlang: en\n---\n"
                                 "The Nova bridge over the river opened on March 3, 2021.\n", encoding="utf-8")
    (folder / "b.md").write_text("+++\ntitle = \"Bridge\"\ndate = 2022-13-45\n+++\n"
                                 "The Nova bridge over the river opened on June 9, 2022.\n", encoding="utf-8")
    for attempt in ("fresh", "cached"):
        done = factcheck("run", "--format", "json", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert [d["path"] for d in report["documents"]] == ["seeds/a.md", "seeds/b.md"], attempt
        assert [f["verdict"] for f in report["findings"]] == ["conflict"], attempt
        lines = sorted(done.stderr.splitlines())
        assert len(lines) == 2, (attempt, lines)
        assert lines[0].startswith("seeds/a.md: front matter field date = '2021-02-30' is not a valid date")
        assert lines[1].startswith("seeds/b.md: front matter line 2 ('date = 2022-13-45') ignored")
        assert all(not p["fatal"] and p["kind"] == "front-matter" for p in report["problems"])
