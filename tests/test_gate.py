"""The CI gate: thresholds, the baseline file, classification, exit codes, GitHub annotations,
and `factcheck check` end to end on a real git repository of invented articles."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.commands.gate import baseline as baseline_command
from checker.commands.gate import check
from checker.gate import github
from checker.gate.baseline import (
    Baseline,
    BaselineError,
    Entry,
    entry_for,
    load_baseline,
    parse_baseline,
    refresh,
    render_baseline,
)
from checker.gate.outcome import classify
from checker.gate.rules import end_of
from checker.gate.select import gated
from checker.records import Finding, Problem, Span

TODAY = dt.date(2030, 5, 1)


def span(path: str, line: int, column: int, quote: str, start: int = 0) -> Span:
    return Span(path=path, start=start, end=start + len(quote), quote=quote, line=line, column=column)


def finding(fingerprint: str, verdict: str = "conflict", severity: str = "hard", *,
            paths: tuple[str, str] = ("a.txt", "b.txt"), key: str = "Nova bridge / opening / time",
            ) -> Finding:
    kind = "contradiction" if severity == "hard" else "tension"
    return Finding(fingerprint=fingerprint, rule=f"FC-time-{kind}", verdict=verdict, severity=severity,
                   key=key, reason="2031-03-03 vs 2032-06-09: 15 months apart",
                   claims=("c1", "c2"),
                   evidence=(span(paths[0], 2, 5, "opened on March 3, 2031"),
                             span(paths[1], 4, 1, "opened on June 9, 2032")),
                   values=("2031-03-03", "2032-06-09"))


# --------------------------------------------------------------------------- thresholds


@pytest.mark.parametrize(("verdict", "severity", "hard", "conflict", "compatible"), [
    ("conflict", "hard", True, True, True),
    ("conflict", "soft", False, True, True),
    ("compatible", "info", False, False, True),
    ("agreement", "info", False, False, False),
])
def test_fail_on_thresholds(verdict: str, severity: str, hard: bool, conflict: bool,
                            compatible: bool) -> None:
    f = finding("f1", verdict, severity)
    assert (gated(f, "hard"), gated(f, "conflict"), gated(f, "compatible")) == (hard, conflict, compatible)


# --------------------------------------------------------------------------- baseline file


def test_baseline_round_trip_keeps_every_field() -> None:
    entries = [
        Entry("00ff", "false-positive", 'two "different" events\\ said\nthe desk', dt.date(2031, 1, 2),
              "FC-time-contradiction", "conflict", "hard", "Nova bridge / opening / time",
              ("2031-03-03", "2032-06-09"), ("a.txt", "b.txt")),
        Entry("11aa", "wont-fix", "tab\there é ü \x01", None, "FC-quantity-tension", "conflict", "soft", "k",
              (), ()),
    ]
    text = render_baseline(entries)
    parsed = parse_baseline(text)
    assert parsed.entries == {e.fingerprint: e for e in entries}
    assert render_baseline(parsed.entries.values()) == text  # deterministic
    assert tomllib.loads(text)["version"] == 1


def test_baseline_is_sorted_by_key_then_fingerprint() -> None:
    text = render_baseline([Entry("b", key="z"), Entry("a", key="z"), Entry("c", key="m")])
    assert [e["fingerprint"] for e in tomllib.loads(text)["finding"]] == ["c", "a", "b"]


@pytest.mark.parametrize(("text", "message"), [
    ('version = 1\n[[finding]]\nfingerprint = "x"\nstatus = "maybe"\n', "status 'maybe'"),
    ('version = 1\n[[finding]]\nstatus = "accepted"\n', "missing 'fingerprint'"),
    ('version = 1\n[[finding]]\nfingerprint = "x"\n[[finding]]\nfingerprint = "x"\n', "listed twice"),
    ('version = 1\n[[finding]]\nfingerprint = "x"\nexpires = "soon"\n', "'expires' must be a date"),
    ("version = 7\n", "unsupported baseline version"),
    ("version = = 1\n", "not valid TOML"),
])
def test_bad_baseline_is_reported_with_its_place(text: str, message: str) -> None:
    with pytest.raises(BaselineError, match=message):
        parse_baseline(text, "fb.toml")


def test_missing_baseline_file_is_empty(tmp_path: Path) -> None:
    assert load_baseline(tmp_path / "none.toml").entries == {}


def test_expiry_accepts_a_toml_date_or_an_iso_string() -> None:
    parsed = parse_baseline('[[finding]]\nfingerprint = "x"\nexpires = 2031-02-03\n'
                            '[[finding]]\nfingerprint = "y"\nexpires = "2031-02-04"\n')
    assert parsed.entries["x"].expires == dt.date(2031, 2, 3)
    assert parsed.entries["y"].expires == dt.date(2031, 2, 4)


def test_refresh_keeps_decisions_adds_todo_and_drops_stale() -> None:
    old = Baseline({"f1": Entry("f1", "wont-fix", "checked with the desk", dt.date(2031, 1, 1)),
                    "gone": Entry("gone", note="old")})
    out = refresh(old, [finding("f1"), finding("f2", severity="soft")])
    by_fp = {e.fingerprint: e for e in out.entries}
    kept = by_fp["f1"]
    assert (kept.status, kept.note) == ("wont-fix", "checked with the desk")
    assert kept.expires == dt.date(2031, 1, 1)
    assert by_fp["f1"].key == "Nova bridge / opening / time" and by_fp["f1"].documents == ("a.txt", "b.txt")
    assert (by_fp["f2"].status, by_fp["f2"].note) == ("accepted", "TODO: review")
    assert (out.added, out.kept, out.dropped) == (["f2"], ["f1"], ["gone"])


# --------------------------------------------------------------------------- classification and exit codes


def test_new_finding_fails_and_baselined_one_does_not() -> None:
    base = Baseline({"f1": entry_for(finding("f1"))})
    result = classify([finding("f1"), finding("f2")], base, today=TODAY)
    assert [i.state for i in result.items] == ["baselined", "new"]
    assert result.exit_code() == 1
    assert result.exit_code(exit_zero=True) == 0
    assert classify([finding("f1")], base, today=TODAY).exit_code() == 0


def test_expired_entry_no_longer_suppresses() -> None:
    base = Baseline({"f1": Entry("f1", expires=dt.date(2030, 4, 30))})
    item = classify([finding("f1")], base, today=TODAY).items[0]
    assert (item.state, item.expired) == ("new", True)
    still = Baseline({"f1": Entry("f1", expires=TODAY)})
    assert classify([finding("f1")], still, today=TODAY).items[0].state == "baselined"


def test_threshold_hides_soft_conflicts_under_hard() -> None:
    soft = finding("s1", severity="soft")
    assert classify([soft], Baseline(), fail_on="hard", today=TODAY).exit_code() == 0
    assert classify([soft], Baseline(), fail_on="conflict", today=TODAY).exit_code() == 1
    agreeing = finding("a1", verdict="agreement", severity="info")
    assert classify([agreeing], Baseline(), fail_on="compatible", today=TODAY).items == []


def test_scoped_run_fails_only_on_changed_files(tmp_path: Path) -> None:
    a, b, c = (str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt"))
    old = finding("old", paths=(a, b))
    new = finding("new", paths=(a, c))
    result = classify([old, new], Baseline(), changed={Path(c).resolve()}, today=TODAY)
    assert {i.finding.fingerprint: i.state for i in result.items} == {"old": "context", "new": "new"}
    assert result.exit_code() == 1
    assert classify([old], Baseline(), changed={Path(c).resolve()}, today=TODAY).exit_code() == 0


def test_stale_entries_are_reported_and_fail_only_when_strict() -> None:
    base = Baseline({"f1": Entry("f1"), "zz": Entry("zz", key="vanished")})
    result = classify([finding("f1")], base, today=TODAY)
    assert [e.fingerprint for e in result.stale] == ["zz"]
    assert result.exit_code() == 0
    assert classify([finding("f1")], base, strict_baseline=True, today=TODAY).exit_code() == 1


def test_an_entry_matching_a_finding_below_the_threshold_is_not_stale() -> None:
    base = Baseline({"s1": Entry("s1")})
    result = classify([finding("s1", severity="soft")], base, fail_on="hard", today=TODAY)
    assert result.stale == []


def test_fatal_problem_in_scope_makes_the_run_unusable(tmp_path: Path) -> None:
    bad = Problem(path=str(tmp_path / "bad.txt"), kind="binary", message="bad.txt: binary file")
    assert classify([], Baseline(), problems=[bad], today=TODAY).exit_code(exit_zero=True) == 2
    changed = {(tmp_path / "x.txt").resolve()}
    elsewhere = classify([], Baseline(), problems=[bad], changed=changed, today=TODAY)
    assert elsewhere.exit_code() == 0


# --------------------------------------------------------------------------- GitHub annotations


def test_github_escaping() -> None:
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = github.command("error", "x: y, z", file="s/a,b.txt", line=3)
    assert line == "::error file=s/a%2Cb.txt,line=3::x: y, z"


def test_github_annotations_only_for_new_findings(tmp_path: Path) -> None:
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    base = Baseline({"f1": Entry("f1"), "old": Entry("old")})
    result = classify([finding("f1", paths=(a, b)), finding("f2", severity="soft", paths=(a, b))], base,
                      today=TODAY)
    lines = github.render(result, root=tmp_path, baseline_path=tmp_path / "fb.toml").splitlines()
    assert lines[0].startswith("::warning file=a.txt,line=2,col=5,endLine=2,endColumn=28,"
                               "title=FC-time-tension%3A ")
    assert "%0Aother side: b.txt:4: \"opened on June 9, 2032\"" in lines[0]
    assert lines[1].startswith("::notice file=fb.toml,title=factcheck%3A stale baseline entry::")
    assert not any("f1" in line for line in lines if line.startswith("::"))
    assert lines[-1].startswith("factcheck check (fail on conflict): 1 new, 1 baselined")


def test_end_of_span_counts_lines_and_code_points() -> None:
    assert end_of(span("a", 3, 7, "été 2031")) == (3, 15)
    assert end_of(span("a", 3, 7, "first line\nsecond")) == (4, 7)


# --------------------------------------------------------------------------- end to end on a git repository

BASE_ARTICLE = """The Nova bridge over the Larch river was opened on March 3, 2021, the city council said.
Traffic engineers counted 4,200 cars on its first day.
"""
CONTRADICTING = """Officials recalled that the Nova bridge over the Larch river was opened on June 9, 2022.
"""
AGREEING = """The Nova bridge over the Larch river was opened on March 3, 2021.
"""


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with one committed article in seeds/, the current directory during the test."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "gate@example.org")
    _git(tmp_path, "config", "user.name", "Gate Test")
    (tmp_path / ".gitignore").write_text("claims/\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "first.txt").write_text(BASE_ARTICLE, encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first article")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_cli(command: object, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(command, list(args), catch_exceptions=False)  # type: ignore[arg-type]
    return result.exit_code, result.stdout


def test_contradicting_seed_fails_with_annotation_on_its_sentence(repo: Path) -> None:
    (repo / "seeds" / "second.txt").write_text(CONTRADICTING, encoding="utf-8")
    code, out = run_cli(check, "seeds", "--since", "HEAD", "--format", "github")
    assert code == 1, out
    annotations = [line for line in out.splitlines() if line.startswith(("::error", "::warning"))]
    assert annotations, out
    column = CONTRADICTING.index("June") + 1
    assert any(a.startswith("::error file=seeds/second.txt,line=1,col=") for a in annotations), annotations
    text_code, text_out = run_cli(check, "seeds", "--since", "HEAD")
    assert text_code == 1 and "seeds/second.txt:1:" in text_out
    data = json.loads(run_cli(check, "seeds", "--since", "HEAD", "--format", "json")[1])
    new = [f for f in data["findings"] if f["state"] == "new"]
    assert new and all(f["location"]["path"] == "seeds/second.txt" for f in new)
    assert all(f["location"]["column"] <= column for f in new)
    assert run_cli(check, "seeds", "--since", "HEAD", "--exit-zero")[0] == 0


def test_agreeing_seed_passes(repo: Path) -> None:
    (repo / "seeds" / "second.txt").write_text(AGREEING, encoding="utf-8")
    code, out = run_cli(check, "seeds", "--since", "HEAD")
    assert code == 0, out


def test_old_conflicts_are_context_when_scoped(repo: Path) -> None:
    (repo / "seeds" / "second.txt").write_text(CONTRADICTING, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "second article")
    third = AGREEING.replace("The Nova", "Again, the Nova")
    (repo / "seeds" / "third.txt").write_text(third, encoding="utf-8")
    code, out = run_cli(check, "seeds", "--since", "HEAD", "--format", "json")
    data = json.loads(out)
    assert data["summary"]["context"] >= 1
    assert all("third.txt" in json.dumps(f["evidence"]) for f in data["findings"] if f["state"] == "new")
    # first.txt's side is repeated by third.txt; second.txt alone makes the other side.
    assert run_cli(check, "seeds", "--changed", "seeds/first.txt")[0] == 0
    assert run_cli(check, "seeds", "--changed", "seeds/second.txt")[0] == 1


def test_baseline_suppresses_survives_unrelated_edits_and_reports_stale(repo: Path) -> None:
    (repo / "seeds" / "second.txt").write_text(CONTRADICTING, encoding="utf-8")
    code, out = run_cli(baseline_command, "seeds")
    assert code == 0, out
    written = tomllib.loads((repo / "factcheck-baseline.toml").read_text(encoding="utf-8"))
    fingerprints = {e["fingerprint"] for e in written["finding"]}
    assert fingerprints and all(e["note"] == "TODO: review" for e in written["finding"])
    assert run_cli(check, "seeds")[0] == 0

    # An unrelated sentence changes: every fingerprint stays, the baseline still matches.
    (repo / "seeds" / "first.txt").write_text(
        BASE_ARTICLE.replace("Traffic engineers counted", "Local traffic engineers reportedly counted"),
        encoding="utf-8")
    code, out = run_cli(check, "seeds", "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert {f["fingerprint"] for f in data["findings"]} == fingerprints
    assert data["stale"] == []

    # The contradiction is fixed: its entry is stale, reported, failing only with --strict-baseline.
    (repo / "seeds" / "second.txt").write_text(AGREEING, encoding="utf-8")
    code, out = run_cli(check, "seeds")
    assert code == 0 and "stale" in out
    assert run_cli(check, "seeds", "--strict-baseline")[0] == 1


def test_reviewer_notes_survive_a_rewrite(repo: Path) -> None:
    (repo / "seeds" / "second.txt").write_text(CONTRADICTING, encoding="utf-8")
    run_cli(baseline_command, "seeds")
    path = repo / "factcheck-baseline.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('status = "accepted"', 'status = "wont-fix"')
                    .replace("TODO: review", "two sources, checked by the desk"), encoding="utf-8")
    run_cli(baseline_command, "seeds")
    entries = tomllib.loads(path.read_text(encoding="utf-8"))["finding"]
    assert all((e["status"], e["note"]) == ("wont-fix", "two sources, checked by the desk") for e in entries)


def test_unusable_input_and_usage_exit_2(repo: Path) -> None:
    assert run_cli(check, "seeds", "--baseline", "missing.toml")[0] == 2
    (repo / "bad.toml").write_text("version = = 1\n", encoding="utf-8")
    assert run_cli(check, "seeds", "--baseline", "bad.toml")[0] == 2
    assert run_cli(check, "seeds", "--since", "no-such-ref")[0] == 2
    assert run_cli(check, "seeds", "--fail-on", "sometimes")[0] == 2
    (repo / "empty").mkdir()
    assert run_cli(check, "empty")[0] == 2


def test_second_check_reextracts_only_the_new_seed(repo: Path) -> None:
    from checker import pipeline

    run_cli(check, "seeds")
    (repo / "seeds" / "second.txt").write_text(AGREEING, encoding="utf-8")
    run_cli(check, "seeds")
    extraction = pipeline.extract(["seeds"], claims_dir=Path("claims"))
    assert extraction.cached == 2
    (repo / "seeds" / "third.txt").write_text(CONTRADICTING, encoding="utf-8")
    assert pipeline.extract(["seeds"], claims_dir=Path("claims")).cached == 2
