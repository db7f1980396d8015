"""A read-only, missing or full output folder (or file) is one line naming it; the report still goes to
stdout; exit 2 only when nothing could be reported. Real mounts (tmpfs, read-only and full), /dev/full and
processes; the mount tests are skipped where mounting is not allowed."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.trust_helpers import FACTCHECK, articles, factcheck


@contextlib.contextmanager
def _tmpfs(where: Path, *options: str) -> Iterator[Path]:
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(("size=64k", *options)), "tmpfs", str(where)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _single_error(stderr: str, path: Path | str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("factcheck: ")]
    assert len(lines) == 1, stderr
    assert str(path) in lines[0] and "Traceback" not in stderr and "internal error" not in stderr
    return lines[0]


def test_read_only_output_folder(tmp_path: Path) -> None:
    folder = articles(tmp_path / "seeds")
    with _tmpfs(tmp_path / "ro", "ro") as read_only:
        done = factcheck("run", str(folder), "--output-dir", str(read_only / "reports"), "--format", "json",
                         cwd=tmp_path)
        assert done.returncode == 0
        line = _single_error(done.stderr, read_only / "reports")
        assert "Read-only file system" in line
        assert len(json.loads(done.stdout)["findings"]) == 1  # the report still reached stdout


def test_full_output_folder(tmp_path: Path) -> None:
    folder = articles(tmp_path / "seeds")
    with _tmpfs(tmp_path / "full") as full:
        (full / "reports").mkdir()
        with contextlib.suppress(OSError), open(full / "filler", "wb") as handle:
            handle.write(b"x" * 200_000)
        done = factcheck("run", str(folder), "--output-dir", str(full / "reports"), cwd=tmp_path)
        assert done.returncode == 0
        line = _single_error(done.stderr, full / "reports" / "report.json")
        assert "No space left on device" in line
        assert "CONFLICT (hard)" in done.stdout
        assert [p.name for p in (full / "reports").iterdir() if p.name != ".lock"] == []  # no half-written file


def test_output_folder_that_cannot_be_created(tmp_path: Path) -> None:
    folder = articles(tmp_path / "seeds")
    (tmp_path / "plain-file").write_text("not a folder", encoding="utf-8")
    done = factcheck("run", str(folder), "--output-dir", "plain-file/reports", cwd=tmp_path)
    assert done.returncode == 0
    _single_error(done.stderr, "plain-file/reports")
    assert "CONFLICT (hard)" in done.stdout


def test_output_file_on_a_full_device_falls_back_to_stdout(tmp_path: Path) -> None:
    folder = articles(tmp_path / "seeds")
    done = factcheck("check", str(folder), "-o", "/dev/full", cwd=tmp_path)
    assert done.returncode == 1  # the gate's own answer: the report was delivered on stdout
    assert "factcheck: cannot write /dev/full" in done.stderr
    assert "New findings (these fail the gate): 1" in done.stdout
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)  # written to, never replaced by a renamed file


def test_output_to_a_special_file_is_written_in_place(tmp_path: Path) -> None:
    folder = articles(tmp_path / "seeds")
    done = factcheck("check", str(folder), "-o", "/dev/stdout", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1 and json.loads(done.stdout)["summary"]["new"] == 1
    assert stat.S_ISCHR(os.stat("/dev/stdout").st_mode) or os.path.islink("/dev/stdout")


def test_nothing_reported_is_exit_2(tmp_path: Path) -> None:
    folder = articles(tmp_path / "seeds")
    with open("/dev/full", "wb") as full:
        done = subprocess.run([FACTCHECK, "run", str(folder), "--output-dir", "-"], cwd=tmp_path, stdout=full,
                              stderr=subprocess.PIPE, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.strip() == "factcheck: cannot write to stdout: No space left on device"


def test_read_only_claims_folder_is_a_note_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = articles(tmp_path / "seeds")
    with _tmpfs(tmp_path / "ro", "ro") as read_only:
        done = factcheck("run", str(folder), "--claims", str(read_only), "--output-dir", "-", cwd=tmp_path)
        assert done.returncode == 0
        [line] = done.stderr.splitlines()
        assert line.startswith(f"{read_only}: cannot write the claims cache (Read-only file system)")
        assert "CONFLICT (hard)" in done.stdout
