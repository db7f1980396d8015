"""The store of compiled regexes (speed only) gives the patterns ``re.compile`` gives, and fails safe."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import regex_store

SOURCES = [
    (r"(?<!\w)(?:said|told|announc\w*)", re.IGNORECASE),
    (r"(?i)mars\s+(?P<year>\d{4})", 0),
    (r"(?ix) a \s+ year", 0),
    (r"(?s)(?m)^a.b$", 0),
    (r"[A-Z]\w+", re.ASCII),
    (r"(?P<a>\d+)(?:[.,](?P<b>\d+))?|(?P=a)", 0),
    (r"(?u)(?a:\w+)", 0),
    ("x", re.VERBOSE | re.DOTALL),
    ("万|萬|亿|億", 0),
]
TEXTS = ["He said on Monday that Mars 2024\na\nb came.", "ANNOUNCED: a year, A YEAR 12,5 3万", "", "ſ K İstanbul"]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A store in a folder of its own, forgotten by the process before and after the test."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    regex_store.reset()
    yield tmp_path / "cache"
    regex_store.reset()


def _same(kept: re.Pattern[str], plain: re.Pattern[str]) -> None:
    assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == (
        plain.pattern, plain.flags, plain.groups, plain.groupindex)
    for text in TEXTS:
        assert [m.span() for m in kept.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.groups() for m in kept.finditer(text)] == [m.groups() for m in plain.finditer(text)]
        assert kept.sub("_", text) == plain.sub("_", text)


@pytest.mark.parametrize(("source", "flags"), SOURCES)
def test_a_pattern_from_the_store_is_the_one_re_compiles(store: Path, source: str, flags: int) -> None:
    fresh = regex_store.compile(source, flags)
    _same(fresh, re.compile(source, flags))
    regex_store.flush()
    assert regex_store.cache_file() is not None and regex_store.cache_file().exists()  # type: ignore[union-attr]
    regex_store.reset()
    kept = regex_store.compile(source, flags)  # now built from the code the file holds
    assert kept is not fresh
    _same(kept, re.compile(source, flags))


def test_a_bad_pattern_raises_what_re_raises(store: Path) -> None:
    with pytest.raises(re.error, match="missing \\)"):
        regex_store.compile("(ab", 0)


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\x00" * 64])
def test_a_damaged_store_is_ignored_and_replaced(store: Path, content: bytes) -> None:
    path = regex_store.cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    _same(regex_store.compile(r"\d+(?P<x>a)", 0), re.compile(r"\d+(?P<x>a)"))
    regex_store.flush()
    regex_store.reset()
    _same(regex_store.compile(r"\d+(?P<x>a)", 0), re.compile(r"\d+(?P<x>a)"))
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_record_with_code_the_engine_refuses_is_compiled_again(store: Path) -> None:
    regex_store.compile("abc+", 0)
    regex_store.flush()
    regex_store.reset()
    import marshal

    path = regex_store.cache_file()
    assert path is not None
    entries = marshal.loads(path.read_bytes())
    flags, code, groups, groupindex, indexgroup = entries[("abc+", 0)]
    entries[("abc+", 0)] = (flags, b"\xff\xff\xff\xff" * 3, groups, groupindex, indexgroup)
    path.write_bytes(marshal.dumps(entries))
    _same(regex_store.compile("abc+", 0), re.compile("abc+"))


def test_an_empty_folder_setting_turns_the_store_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "")
    regex_store.reset()
    try:
        assert regex_store.cache_file() is None
        _same(regex_store.compile("ab+", 0), re.compile("ab+"))
        regex_store.flush()  # nothing to write, nowhere
    finally:
        regex_store.reset()


def test_the_default_folder_is_the_users_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert regex_store.cache_file().parent == tmp_path / "xdg" / "factcheck"  # type: ignore[union-attr]
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert regex_store.cache_file().parent == tmp_path / "home" / ".cache" / "factcheck"  # type: ignore[union-attr]


def test_an_unwritable_folder_costs_nothing_but_the_speed(store: Path) -> None:
    store.parent.joinpath("cache").write_text("a file where the folder should be", encoding="utf-8")
    _same(regex_store.compile("a(b)c", 0), re.compile("a(b)c"))
    regex_store.flush()  # cannot write: silently keeps nothing


def test_the_command_fills_the_store_and_reads_it_on_the_next_run(tmp_path: Path) -> None:
    """Real processes: the first run (its forked workers) writes the file, the second reads it; the claims and
    findings are those of a run without the store."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("About 300 people came on 3 March 2021, the mayor said.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Environ 400 personnes sont venues le 3 mars 2021, a dit le maire.\n",
                                  encoding="utf-8")
    (folder / "c.txt").write_text("2021年3月3日，约500人到场，市长说。\n", encoding="utf-8")
    env = dict(os.environ, FACTCHECK_CACHE_DIR=str(tmp_path / "cache"))
    argv = [sys.executable, "-m", "checker", "run", str(folder), "--no-cache", "--format", "json",
            "--output-dir", "-", "--workers", "2"]
    first = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, check=False)
    kept = list((tmp_path / "cache").glob("regex-*.bin"))
    assert len(kept) == 1 and kept[0].stat().st_size > 10_000
    second = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, check=False)
    off = subprocess.run(argv, cwd=tmp_path, env=dict(env, FACTCHECK_CACHE_DIR=""), capture_output=True,
                         check=False)
    assert first.returncode == second.returncode == off.returncode
    assert first.stdout == second.stdout == off.stdout and b'"claims"' in first.stdout
    assert not list((tmp_path / "cache").glob("*.tmp"))
