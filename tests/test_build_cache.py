"""The build cache (speed only) gives the analyses a fresh analysis gives, and fails safe."""

from __future__ import annotations

import datetime as dt
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import build_cache, lang
from checker.frame import data as frame_data
from checker.frame.scan import _by_index
from checker.recognize import prefilter, time_plan
from checker.recognize import time as time_mod


@pytest.fixture
def store(build_cache_dir: Path) -> Path:
    """A cache in a folder of its own (``conftest.build_cache_dir``)."""
    return build_cache_dir


def _kept() -> dict[object, object]:
    path = build_cache.cache_file()
    assert path is not None
    loaded = marshal.loads(path.read_bytes())
    assert isinstance(loaded, dict)
    return loaded


def _never() -> object:
    raise AssertionError("built again: the cache did not hold it")


def _analyses() -> list[tuple[str, str, int, object]]:
    """Every analysis the cache keeps for the time rules and the frames' cues of every language, made afresh."""
    found: list[tuple[str, str, int, object]] = []
    for language in sorted(lang.available("time")):
        for rule in time_mod.lexicon(language).rules:
            source, flags = rule.regex.pattern, rule.regex.flags
            found += [("word_keys", source, flags, prefilter._analysed_word_keys(source, flags)),
                      ("necessary", source, flags, prefilter._necessary_sources(source, flags)),
                      ("core", source, flags, time_plan._core_source(rule.regex)),
                      ("needs_digit", source, flags, time_plan._rule_needs_digit(rule.regex))]
    for language in sorted(lang.available("frames")):
        for _, _, cue in _by_index(frame_data.frames(language)):
            found.append(("openings", cue.pattern, cue.flags, prefilter._read_openings(cue)))
    return found


def test_analyses_from_the_cache_are_those_made_afresh(store: Path) -> None:
    analyses = _analyses()
    assert len(analyses) > 500 and any(value for *_, value in analyses)
    for kind, source, flags, value in analyses:
        assert build_cache.remembered(kind, source, flags, lambda value=value: value, lambda _: True) == value
    build_cache.flush()
    build_cache.reset()
    for kind, source, flags, value in analyses:
        assert build_cache.remembered(kind, source, flags, _never, lambda _: True) == value


def test_an_analysis_made_by_other_code_or_of_another_shape_is_made_again(
        store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert build_cache.remembered("core", "ab+", 0, lambda: ("ab+", True), lambda _: True) == ("ab+", True)
    build_cache.flush()
    build_cache.reset()
    assert build_cache.remembered("core", "ab+", 0, lambda: ("b+", False), lambda v: v == ("b+", False)) == (
        "b+", False)
    build_cache.reset()
    monkeypatch.setattr(build_cache, "_code_digest", lambda: "another version")
    assert build_cache.remembered("core", "ab+", 0, lambda: ("c", True), lambda _: True) == ("c", True)


def test_a_value_that_is_not_plain_data_is_not_kept(store: Path) -> None:
    day = dt.date(2020, 1, 1)
    assert build_cache.remembered("toml", "digest", 0, lambda: {"day": day}, lambda _: True) == {"day": day}
    build_cache.flush()
    build_cache.reset()
    assert build_cache.remembered("toml", "digest", 0, lambda: {"day": None}, lambda _: True) == {"day": None}


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\x00" * 64, marshal.dumps([1, 2]),
                                     marshal.dumps({("a", 1): 2, "b": 3})])
def test_a_damaged_cache_is_ignored_and_replaced(store: Path, content: bytes) -> None:
    path = build_cache.cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert build_cache.remembered("core", "x+", 0, lambda: ("x", True), lambda _: True) == ("x", True)
    build_cache.flush()
    build_cache.reset()
    assert build_cache.remembered("core", "x+", 0, _never, lambda _: True) == ("x", True)
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_an_empty_folder_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "")
    build_cache.reset()
    try:
        assert build_cache.cache_file() is None
        assert build_cache.remembered("core", "y+", 0, lambda: ("y", True), lambda _: True) == ("y", True)
        build_cache.flush()  # nothing to write, nowhere
        build_cache.reset()
        assert build_cache.remembered("core", "y+", 0, lambda: ("z", True), lambda _: True) == ("z", True)
    finally:
        build_cache.reset()


def test_the_default_folder_is_the_users_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert build_cache.cache_file().parent == tmp_path / "xdg" / "factcheck"  # type: ignore[union-attr]
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert build_cache.cache_file().parent == tmp_path / "home" / ".cache" / "factcheck"  # type: ignore[union-attr]


def test_an_unwritable_folder_costs_nothing_but_the_speed(store: Path) -> None:
    store.parent.joinpath("cache").write_text("a file where the folder should be", encoding="utf-8")
    assert build_cache.remembered("core", "w+", 0, lambda: ("w", True), lambda _: True) == ("w", True)
    build_cache.flush()  # cannot write: silently keeps nothing


def test_a_worker_that_keeps_building_writes_at_most_every_so_often(store: Path) -> None:
    build_cache.remembered("core", "first+", 0, lambda: ("first", True), lambda _: True)
    build_cache.flush(every=60.0)  # a first flush writes at once
    assert [key[2] for key in _kept()] == ["first+"]
    build_cache.remembered("core", "second+", 0, lambda: ("second", True), lambda _: True)
    build_cache.flush(every=60.0)
    assert [key[2] for key in _kept()] == ["first+"]
    build_cache.flush()
    assert sorted(key[2] for key in _kept()) == ["first+", "second+"]  # type: ignore[index]


def test_the_command_fills_the_cache_and_reads_it_on_the_next_run(tmp_path: Path) -> None:
    """Real processes: the first run (its forked workers) writes the file, the second reads it; the claims and
    findings are those of a run without the cache."""
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
    kept = list((tmp_path / "cache").glob("build-*.bin"))
    assert len(kept) == 1 and kept[0].stat().st_size > 10_000
    second = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, check=False)
    off = subprocess.run(argv, cwd=tmp_path, env=dict(env, FACTCHECK_CACHE_DIR=""), capture_output=True,
                         check=False)
    assert first.returncode == second.returncode == off.returncode
    assert first.stdout == second.stdout == off.stdout and b'"claims"' in first.stdout
    assert not list((tmp_path / "cache").glob("*.tmp"))


def test_a_flush_keeps_only_the_records_of_the_code_that_writes_it(store: Path) -> None:
    path = build_cache.cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    digest = build_cache._code_digest()
    assert digest is not None
    path.write_bytes(marshal.dumps({("core", "an older version", "a+", 0): ("a", True),
                                    ("core", digest, "b+", 0): ("b", True), "not a record": 1}))
    # Read as they are: this code finds its own record, and never asks for the others.
    assert build_cache.remembered("core", "b+", 0, _never, lambda _: True) == ("b", True)
    assert build_cache.remembered("core", "c+", 0, lambda: ("c", True), lambda _: True) == ("c", True)
    build_cache.flush()
    assert set(_kept()) == {("core", digest, "b+", 0), ("core", digest, "c+", 0)}


def test_a_shelf_is_a_file_of_its_own_with_its_own_limit(store: Path) -> None:
    assert build_cache.remembered("core", "v+", 0, lambda: ("v", True), lambda _: True) == ("v", True)
    for n in range(3):
        build_cache.remembered("reading", f"s{n}", 0, lambda n=n: n, lambda _: True, shelf="other", limit=2)
    build_cache.flush()
    build_cache.reset()
    shelf = build_cache.cache_file("other")
    assert shelf is not None and shelf != build_cache.cache_file()
    kept = marshal.loads(shelf.read_bytes())
    assert sorted(key[2] for key in kept) == ["s0", "s1", "s2"]
    assert not any(key[2] == "v+" for key in kept)
    assert build_cache.remembered("core", "v+", 0, _never, lambda _: True) == ("v", True)
    # Past its limit, a flush keeps what its process asked for.
    assert build_cache.remembered("reading", "s1", 0, _never, lambda _: True, shelf="other", limit=2) == 1
    build_cache.remembered("reading", "s3", 0, lambda: 3, lambda _: True, shelf="other", limit=2)
    build_cache.flush()
    assert sorted(key[2] for key in marshal.loads(shelf.read_bytes())) == ["s1", "s3"]


def test_a_cache_file_others_can_write_is_not_read(store: Path) -> None:
    build_cache.remembered("core", "u+", 0, lambda: ("u", True), lambda _: True)
    build_cache.flush()
    build_cache.reset()
    path = build_cache.cache_file()
    assert path is not None and build_cache.trusted(path)
    path.chmod(0o666)
    assert not build_cache.trusted(path)
    assert build_cache.remembered("core", "u+", 0, lambda: ("built", True), lambda _: True) == ("built", True)
    build_cache.flush()  # replaced by a file of this user's own
    assert build_cache.trusted(path) and path.stat().st_mode & 0o077 == 0
