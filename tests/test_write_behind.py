"""Claims files written behind (``pipeline.ClaimsWriting``, used by ``factcheck run``) are the files written at once,
a cache that cannot be written is one problem, and an interrupt stops the writes after the batch being written."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from checker import pipeline, store


def _entries(count: int) -> list[store.Entry]:
    return [store.Entry(f"corpus/article-{n:02d}.txt", f"{n:064x}", []) for n in range(count)]


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.name != ".lock"}


def test_files_written_behind_are_the_files_written_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "BATCH", 3)
    entries = _entries(8)
    writing = pipeline.ClaimsWriting(tmp_path / "behind", entries)
    assert writing.wait() is None
    store.save_batch(tmp_path / "at-once", entries)
    behind = _files(tmp_path / "behind")
    assert len(behind) == 8 and behind == _files(tmp_path / "at-once")


def test_a_cache_that_cannot_be_written_is_one_problem(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "claims"
    not_a_folder.write_text("a file where the claims folder should be", encoding="utf-8")
    problem = pipeline.ClaimsWriting(not_a_folder, _entries(2)).wait()
    assert problem is not None and problem.kind == "cache" and not problem.fatal
    assert "cannot write the claims cache" in problem.message and problem.message.endswith("claims not cached")


def test_an_interrupt_stops_the_writes_after_the_batch_being_written(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "BATCH", 2)
    started, release = threading.Event(), threading.Event()
    save_batch = store.save_batch

    def first_batch_held(claims_dir: Path, entries: list[store.Entry]) -> list[Path]:
        started.set()
        release.wait(10)
        return save_batch(claims_dir, entries)

    monkeypatch.setattr(store, "save_batch", first_batch_held)
    writing = pipeline.ClaimsWriting(tmp_path, _entries(6))
    assert started.wait(10)
    waiter = threading.Thread(target=pipeline.wait_for_writes, kwargs={"interrupted": True})
    waiter.start()
    # The batch being written ends only once the waiter has asked for no more.
    while not writing._stop.wait(0.01):
        pass
    release.set()
    waiter.join(10)
    assert not waiter.is_alive() and writing.wait() is None
    assert sorted(_files(tmp_path)) == sorted(store.claims_file(tmp_path, e.document_path).name
                                              for e in _entries(2))
    assert not list(tmp_path.glob(".*.tmp"))
