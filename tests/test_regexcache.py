"""The compiled-pattern cache (checker/regexcache.py) is speed only: the patterns and the reports are those of
plain ``re``, with the cache empty, warm, damaged or turned off."""

from __future__ import annotations

import re
import re._compiler
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import regexcache
from tests.conftest import SEEDS
from tests.trust_helpers import factcheck

# Named groups, flags inside and outside, look-behinds, Unicode classes, a big alternation, a back-reference.
PATTERNS = [
    (r"(?P<day>\d{1,2})\s+(?P<month>janvier|février|mars)\s+(?P<year>\d{4})", re.IGNORECASE),
    (r"(?<![\w'])(?:over|more\s+than|plus\s+de)(?!\w)", 0),
    (r"(?i)[一二三四五六七八九十百千万亿]+(?:人|名)", 0),
    (r"(\w+)\s+\1", re.UNICODE),
    ("(?:" + "|".join(f"word{n}" for n in range(500)) + r")\b", re.IGNORECASE),
    (r"^\s*(?:©|\(c\))\s*\d{4}", re.MULTILINE),
    (r"[^\W\d_]+(?:-[^\W\d_]+)*", 0),
]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("FACTCHECK_REGEX_CACHE", str(tmp_path / "cache"))
    regexcache.disable()
    try:
        yield tmp_path / "cache"
    finally:
        regexcache.disable()


def _plain(pattern: str, flags: int) -> re.Pattern[str]:
    return re._compiler.compile(pattern, flags)  # type: ignore[attr-defined, no-any-return]


def test_patterns_from_the_cache_are_the_patterns_re_compiles(cache_dir: Path) -> None:
    plain = [_plain(pattern, flags) for pattern, flags in PATTERNS]
    assert regexcache.enable()
    first = [regexcache._compile(pattern, flags) for pattern, flags in PATTERNS]
    regexcache.save()
    assert regexcache.cache_file() is not None and regexcache.cache_file().is_file()  # type: ignore[union-attr]
    regexcache.disable()
    assert regexcache.enable()
    assert regexcache._table == {}, "read at the first pattern, not before"
    again = [regexcache._compile(pattern, flags) for pattern, flags in PATTERNS]
    assert not regexcache._added, "every pattern was read from the file"
    assert len(regexcache._table) == len(PATTERNS)
    for ours, theirs, reread in zip(first, plain, again, strict=True):
        # Pattern equality compares the flags, the pattern and the compiled code itself.
        assert ours == theirs and reread == theirs
        assert (reread.groups, reread.groupindex) == (theirs.groups, theirs.groupindex)
    text = "le 3 mars 2021, over 40 people; word17 word17 © 2024 三百人 co-op"
    for reread, theirs in zip(again, plain, strict=True):
        assert [m.span() for m in reread.finditer(text)] == [m.span() for m in theirs.finditer(text)]


def test_a_damaged_file_is_compiled_again_and_rewritten(cache_dir: Path) -> None:
    assert regexcache.enable()
    regexcache._compile(*PATTERNS[0])
    regexcache.save()
    path = regexcache.cache_file()
    assert path is not None
    data = path.read_bytes()
    path.write_bytes(data[:-7] + b"garbage")
    regexcache.disable()
    assert regexcache.enable()
    assert regexcache._compile(*PATTERNS[0]) == _plain(*PATTERNS[0])
    assert list(regexcache._added) == [(PATTERNS[0][0], int(PATTERNS[0][1]))], "compiled again, not read"
    regexcache.save()
    assert list(regexcache._read(path)) == [(PATTERNS[0][0], int(PATTERNS[0][1]))]


def test_turned_off_it_leaves_re_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_REGEX_CACHE", "off")
    regexcache.disable()
    assert not regexcache.enable()
    assert re._compiler.compile is not regexcache._compile  # type: ignore[attr-defined]


def test_reports_are_the_same_with_the_cache_empty_warm_and_off(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    cache = tmp_path / "cache"
    outputs = []
    for setting in (str(cache), str(cache), "off"):
        done = factcheck("run", "seeds", "--no-cache", "--format", "json", "--output-dir", "-",
                         cwd=tmp_path, env={"FACTCHECK_REGEX_CACHE": setting})
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
        if setting != "off":
            files = list(cache.glob("regex-*.bin"))
            assert len(files) == 1
    assert outputs[0] == outputs[1] == outputs[2]
    # Every language-data pattern the run compiled builds back to what ``re`` compiles.
    regexcache.disable()
    table = regexcache._read(files[0])
    assert len(table) > 300
    for (pattern, flags), entry in table.items():
        assert regexcache._build(pattern, entry) == _plain(pattern, flags)
