"""Conventions of ruff, Vale and sqlite-utils: a configuration file overridden by flags, -o, --quiet,
FORCE_COLOR, --statistics, run --fail-on, a strict --lang, whole command summaries. Real processes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.trust_helpers import FIRST, SECOND, articles, factcheck


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "newsroom"
    articles(root / "articles")
    (root / "articles" / "drafts").mkdir()
    (root / "articles" / "drafts" / "c.txt").write_text(FIRST.replace("March 3", "May 5"), encoding="utf-8")
    return root


def test_pyproject_table_sets_paths_excludes_and_format(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.factcheck]\npaths = ["articles"]\nexclude = ["drafts/"]\n'
        'claims = "cache/claims"\n\n[tool.factcheck.run]\nformat = "json"\noutput-dir = "-"\n', encoding="utf-8")
    done = factcheck("run", cwd=root)
    assert done.returncode == 0, done.stderr
    assert [d["path"] for d in json.loads(done.stdout)["documents"]] == ["articles/a.txt", "articles/b.txt"]
    assert (root / "cache" / "claims").is_dir() and not (root / "reports").exists()
    # Flags override the file; paths in the file are relative to it, also from a subfolder.
    text = factcheck("run", "--format", "text", "--exclude", "nothing", cwd=root)
    assert text.stdout.startswith("3 documents, 3 claims: ")
    below = factcheck("run", cwd=root / "articles")
    assert [d["path"] for d in json.loads(below.stdout)["documents"]] == ["a.txt", "b.txt"]


def test_factcheck_toml_wins_and_check_reads_its_table(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "pyproject.toml").write_text('[tool.factcheck]\npaths = ["nowhere"]\n', encoding="utf-8")
    (root / "factcheck.toml").write_text('paths = ["articles"]\nexclude = ["drafts/"]\n\n[check]\n'
                                         'format = "json"\nfail-on = "hard"\n', encoding="utf-8")
    done = factcheck("check", cwd=root)
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["fail_on"] == "hard" and report["summary"]["new"] == 1
    override = factcheck("check", "--format", "text", "--exit-zero", cwd=root)
    assert override.returncode == 0 and override.stdout.startswith("New findings")


def test_bad_configuration_is_one_line_naming_the_file_and_key(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "factcheck.toml").write_text('paths = ["articles"]\nexclued = ["drafts/"]\n', encoding="utf-8")
    done = factcheck("run", cwd=root)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "factcheck.toml" in done.stderr and "'exclued'" in done.stderr
    (root / "factcheck.toml").write_text('[run]\nformat = "xml"\n', encoding="utf-8")
    done = factcheck("run", cwd=root)
    assert done.returncode == 2 and "factcheck.toml [run]: format:" in done.stderr and "xml" in done.stderr
    (root / "factcheck.toml").write_text('paths = "articles"\n', encoding="utf-8")
    assert "expected a list" in factcheck("run", cwd=root).stderr
    (root / "factcheck.toml").write_text('paths = [\n', encoding="utf-8")
    assert "invalid TOML" in factcheck("run", cwd=root).stderr
    explicit = factcheck("--config", "missing.toml", "run", cwd=root)
    assert explicit.returncode == 2 and "missing.toml: no such configuration file" in explicit.stderr


def test_output_file_quiet_and_statistics(tmp_path: Path) -> None:
    folder = articles(tmp_path / "seeds")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    done = factcheck("run", "-o", "out/findings.json", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == ""
    assert "notes.pdf: skipped" in done.stderr
    assert len(json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))["findings"]) == 1
    quiet = factcheck("run", "-q", "--output-dir", "-", cwd=tmp_path)
    assert quiet.stderr == "" and "CONFLICT" in quiet.stdout
    stats = factcheck("run", "--statistics", "--output-dir", "-", cwd=tmp_path)
    assert stats.stdout == "    1  FC-time-contradiction  conflict (hard)\n2 documents, 2 claims, 1 finding\n"
    as_json = factcheck("check", "--statistics", "--format", "json", cwd=tmp_path)
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout) == [{"rule": "FC-time-contradiction", "label": "new", "count": 1}]
    assert factcheck("run", "--statistics", "--format", "html", cwd=tmp_path).returncode == 2


def test_run_fail_on_for_scripts(tmp_path: Path) -> None:
    articles(tmp_path / "seeds")
    assert factcheck("run", "--output-dir", "-", cwd=tmp_path).returncode == 0
    assert factcheck("run", "--output-dir", "-", "--fail-on", "conflict", cwd=tmp_path).returncode == 1
    agree = articles(tmp_path / "other", second=FIRST.replace("the city", "officials"))
    assert factcheck("run", str(agree), "--output-dir", "-", "--fail-on", "conflict", cwd=tmp_path).returncode == 0


def test_force_color_and_no_color(tmp_path: Path) -> None:
    articles(tmp_path / "seeds")
    plain = factcheck("run", "--output-dir", "-", cwd=tmp_path)
    forced = factcheck("run", "--output-dir", "-", cwd=tmp_path, env={"FORCE_COLOR": "1"})
    both = factcheck("run", "--output-dir", "-", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in plain.stdout and "\x1b[" in forced.stdout and "\x1b[" not in both.stdout


def test_parse_refuses_a_language_it_does_not_support(tmp_path: Path) -> None:
    done = factcheck("parse", "over a hundred people", "--lang", "xx", cwd=tmp_path)
    assert done.returncode == 2 and "does not read 'xx'" in done.stderr
    assert factcheck("parse", "près de 100", "--lang", "fr", cwd=tmp_path).returncode == 0


def test_top_level_help_shows_whole_summaries(tmp_path: Path) -> None:
    done = factcheck("--help", cwd=tmp_path, env={"COLUMNS": "100"})
    commands = done.stdout.split("Commands:")[1]
    assert "..." not in commands.replace("PATH...", "")
    assert "fail on conflicts not in the baseline." in " ".join(commands.split())
    assert "format, language, reference date and its source, size, zones." in " ".join(commands.split())
    assert SECOND  # the articles module is shared; keep the import honest
