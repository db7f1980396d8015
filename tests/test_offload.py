"""Work handed to a helper process gives what the same work gives here, and is never lost: a helper that
raises or dies has its work done here instead. The HTML page is byte for byte the same whether parts of it
were rendered by helpers or not (real forked processes, real articles)."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from checker import pipeline
from checker.commands.offload import offload
from checker.records import Report
from checker.report import html_report
from checker.report.html_report import HtmlReporter
from tests.conftest import SEEDS, SHARED


def _pieces() -> list[str]:
    return [f"piece {n} of the helper {os.getpid()}" if n == 0 else f"piece {n}" for n in range(5)]


def test_the_helper_gives_what_it_rendered_in_its_own_process() -> None:
    given = list(offload(_pieces)())
    assert given[1:] == [f"piece {n}" for n in range(1, 5)]
    assert given[0] != f"piece 0 of the helper {os.getpid()}"  # rendered elsewhere


def test_large_pieces_arrive_whole() -> None:
    big = ["x" * (3 << 20), "", "é" * 100_000]
    assert list(offload(lambda: big)()) == big


def _raises() -> list[str]:
    if os.getpid() != PARENT:
        raise RuntimeError("the helper failed")
    return ["done here"]


def _dies() -> list[str]:
    if os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return ["done here"]


def _exits() -> list[str]:
    if os.getpid() != PARENT:
        os._exit(3)
    return ["done here"]


PARENT = os.getpid()


@pytest.mark.parametrize("render", [_raises, _dies, _exits])
def test_a_helper_that_fails_loses_nothing(render: Callable[[], list[str]]) -> None:
    global PARENT
    PARENT = os.getpid()
    assert list(offload(render)()) == ["done here"]


def _report(folder: Path) -> tuple[Report, dict[str, str]]:
    extraction = pipeline.ground(pipeline.extract([str(folder)], claims_dir=None, use_cache=False, workers=1))
    report = pipeline.build_report(extraction, pipeline.compare(extraction))
    return report, {doc.path: doc.raw for doc in extraction.documents}


def _stories() -> list[Path]:
    found = [SEEDS] + sorted(p for p in (SHARED / "dev").glob("*/") if any(p.glob("[0-9][0-9][0-9]_*")))
    return [p for p in found if p.is_dir()]


@pytest.mark.parametrize(("share", "parts"), [(0.0, (("sheet", "unmatched"), ("cards",))), (0.5, (("cards",),)),
                                               (1.0, (("unmatched",), ("sheet", "cards")))])
def test_the_page_is_the_same_with_parts_rendered_by_helpers(share: float, parts: tuple[tuple[str, ...], ...],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []

    def counted(render: Callable[[], list[str]]) -> Callable[[], Iterable[str]]:
        started.append(1)
        return offload(render)

    for story in _stories():
        report, sources = _report(story)
        alone = HtmlReporter(sources=sources).render(report)
        monkeypatch.setattr(html_report, "OFFLOAD_FROM_CARDS", 1)
        monkeypatch.setattr(html_report, "OFFLOAD_SHARE", share)
        monkeypatch.setattr(html_report, "HELPED_PARTS", parts)
        helped = HtmlReporter(sources=sources, offload=counted).render(report)
        monkeypatch.undo()
        assert helped == alone, story
    assert started  # the helpers did run


_ABANDONED = """
import os, sys, time
from checker.commands.offload import offload

def render():
    with open(sys.argv[1], "w") as out:
        out.write(str(os.getpid()))
    return ["x" * (1 << 20)] * 8  # more than a pipe holds: the helper waits for a reader

offload(render)
time.sleep(1.0)
os._exit(0)  # as the command ends: without asking for the helper's result
"""


def test_a_helper_whose_caller_is_gone_ends(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    pid_file = tmp_path / "helper.pid"
    subprocess.run([sys.executable, "-c", _ABANDONED, str(pid_file)], check=True, timeout=60)
    helper = int(pid_file.read_text())
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and Path(f"/proc/{helper}").exists() and \
            "Z" not in Path(f"/proc/{helper}/stat").read_text().split()[2]:
        time.sleep(0.1)
    alive = Path(f"/proc/{helper}").exists() and "Z" not in Path(f"/proc/{helper}/stat").read_text().split()[2]
    if alive:
        os.kill(helper, signal.SIGKILL)
    assert not alive, "the helper was still waiting for a reader"


def test_the_findings_are_the_same_with_half_the_blocks_compared_by_a_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.compare import groups

    started: list[int] = []
    real = groups.Prepared.sizes

    def counted(self: groups.Prepared) -> object:
        started.append(1)
        return real(self)

    for story in _stories():
        extraction = pipeline.ground(pipeline.extract([str(story)], claims_dir=None, use_cache=False, workers=1))
        alone = pipeline.compare(extraction, workers=1)
        monkeypatch.setattr(groups, "OFFLOAD_FROM_CLAIMS", 1)
        monkeypatch.setattr(groups.Prepared, "sizes", counted)
        helped = pipeline.compare(extraction, workers=2)
        monkeypatch.undo()
        assert helped == alone, story
        assert [f.fingerprint for f in helped] == [f.fingerprint for f in alone]
    assert started  # the blocks were shared out


def test_the_page_is_written_in_pieces_of_bounded_size(monkeypatch: pytest.MonkeyPatch) -> None:
    # A template piece may be a whole subject group: pieces are joined by size, not by count, so that a
    # page of thousands of groups is never held whole (at 10,000 articles, counting pieces held 900 MB).
    monkeypatch.setattr(html_report, "_CHARS", 2000)
    report, sources = _report(SEEDS)
    chunks = list(HtmlReporter(sources=sources).chunks(report))
    page = "".join(chunks)
    # The largest single piece of this page is its inline style sheet (about 20,000 characters).
    assert len(page) > 90_000
    assert max(len(chunk) for chunk in chunks) < 2000 + 25_000
    monkeypatch.undo()
    assert page == HtmlReporter(sources=sources).render(report)
