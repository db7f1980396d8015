"""Escape sequences, control characters and bidi overrides from articles and file names never reach a
terminal or a CI log raw, and `path:line:column` stays one line. Real files and processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.display import escape_line, escape_text, plural
from tests.trust_helpers import factcheck

ESC = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"
RLO = "\u202e"
# The same hard conflict as in the other tests, with hostile characters around the values.
FIRST = f"The Nova bridge over the river opened on March 3, 2021, the city {ESC}said{RLO}.\n"
SECOND = "The Nova bridge over the river opened on June 9, 2022, officials\x08\x08 said\r.\n"
NAME = "evil\nname\u202e.txt"
RAW = ("\x1b", "\u202e", "\x07", "\x08", "\r")


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST, encoding="utf-8")
    (folder / NAME).write_text(SECOND, encoding="utf-8")
    return tmp_path


def _clean(output: str) -> None:
    for char in RAW:
        assert char not in output, repr(char)


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {}])
def test_run_text_output_shows_escapes_not_raw_controls(hostile: Path, env: dict[str, str]) -> None:
    done = factcheck("run", "--output-dir", "-", cwd=hostile, env=env)
    assert done.returncode == 0, done.stderr
    assert "CONFLICT" in done.stdout
    _clean(done.stdout)
    _clean(done.stderr)
    assert "\\x1b]0;pwned\\x07" in done.stdout and "\\u202e" in done.stdout
    assert "evil\\nname\\u202e.txt:1:1" in done.stdout


def test_gate_text_and_github_lines_stay_one_line(hostile: Path) -> None:
    text = factcheck("check", cwd=hostile)
    assert text.returncode == 1
    _clean(text.stdout)
    heads = [line for line in text.stdout.splitlines() if ": error FC-" in line]
    assert len(heads) == 1 and heads[0].startswith(("seeds/a.txt:1:1: ", "seeds/evil\\nname\\u202e.txt:1:1: "))
    assert any(line.startswith("    vs seeds/") and ":1:1: " in line for line in text.stdout.splitlines())
    github = factcheck("check", "--format", "github", cwd=hostile)
    _clean(github.stdout)
    [annotation] = [line for line in github.stdout.splitlines() if line.startswith("::error ")]
    assert "\\x08" in annotation and "\\u202e" in annotation


def test_json_keeps_the_article_text_exact(hostile: Path) -> None:
    done = factcheck("run", "--output-dir", "-", "--format", "json", cwd=hostile)
    report = json.loads(done.stdout)
    quotes = {e["quote"] for f in report["findings"] for e in f["evidence"]}
    assert any(ESC in quote for quote in quotes)  # data formats are exact; only text views escape


def test_stderr_messages_are_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text("The harbour reopened on Monday, the board said.\n", encoding="utf-8")
    (folder / f"bad{ESC}\n.txt").write_bytes(b"The port \xc3\x28 reopened.\n")
    done = factcheck("run", "--output-dir", "-", cwd=tmp_path)
    _clean(done.stderr)
    [line] = done.stderr.splitlines()
    assert line.startswith("seeds/bad\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31m\\n.txt: ")


def test_escaping_rules() -> None:
    assert escape_text("a\tb\nc\x1b[0m\u202ed") == "a\tb\nc\\x1b[0m\\u202ed"
    assert escape_line("a\tb\nc") == "a\\tb\\nc"
    # Characters that look unusual but cannot take over a terminal are kept: French and Chinese need them.
    assert escape_text("3\u00a0000\u202fkm, \u4e00\u200d") == "3\u00a0000\u202fkm, \u4e00\u200d"
    assert escape_text("\x9b31m") == "\\x9b31m"  # C1 CSI


def test_plurals(tmp_path: Path) -> None:
    assert [plural(n, "document") for n in (0, 1, 2)] == ["0 documents", "1 document", "2 documents"]
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text("The Nova bridge over the river opened on March 3, 2021.\n", encoding="utf-8")
    done = factcheck("run", "--output-dir", "-", cwd=tmp_path)
    assert done.stdout.startswith("1 document, 1 claim: 0 conflicts, 0 compatible, 0 agreements\n")
    extract = factcheck("extract", cwd=tmp_path)
    assert "seeds/a.txt: 1 claim (1 time)" in extract.stdout and "1 document, 1 from cache" in extract.stdout
