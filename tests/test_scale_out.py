"""The scale-out path: the map (one document extracted) runs in a pool that does not fork, the global steps
of the reduce run as one first pass, the comparison in shards of blocks, each in another process, and the
report is the report of the plain run, byte for byte. Real files (the seeds and the dev stories when present)."""

from __future__ import annotations

import multiprocessing
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker import pipeline
from checker.compare.groups import Prepared, compare_blocks, first_pass, merge
from checker.report.json_report import JsonReporter
from tests.conftest import SEEDS, SHARED

SHARDS = 3


def _corpus(root: Path) -> Path:
    folder = root / "articles"
    shutil.copytree(SEEDS, folder / "seeds")
    for story in sorted((SHARED / "dev").glob("*/")):
        articles = sorted(story.glob("[0-9][0-9][0-9]_*"))
        if articles:
            (folder / story.name).mkdir()
            for article in articles:
                shutil.copy(article, folder / story.name / article.name)
    return folder


def _compare_shard(prepared: Prepared, keys: list[tuple[str, ...]]) -> Any:
    return compare_blocks(prepared, keys)


def test_a_spawned_map_and_a_sharded_reduce_give_the_same_report(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    plain = pipeline.extract([str(folder)], claims_dir=tmp_path / "claims-plain", use_cache=False, workers=2)
    plain_json = "".join(JsonReporter().chunks(pipeline.build_report(plain, pipeline.compare(plain))))

    with multiprocessing.get_context("spawn").Pool(2) as pool:
        def runner(task: pipeline.Task, items: Sequence[Any]) -> list[pipeline.Outcome]:
            return [("ok", done) for done in pool.map(task, items)]

        spread = pipeline.extract([str(folder)], claims_dir=tmp_path / "claims-spawned", use_cache=False,
                                  runner=runner)
        prepared = first_pass(claim for doc in spread.documents for claim in spread.claims[doc.path])
        blocks = prepared.blocks()
        shards = [blocks[n::SHARDS] for n in range(SHARDS)]
        parts = pool.starmap(_compare_shard, [(prepared, shard) for shard in shards])
    findings = merge(parts)
    assert all(shards) and len(findings) > 10
    spread_json = "".join(JsonReporter().chunks(pipeline.build_report(spread, findings)))
    assert spread_json == plain_json
    # The claims files are the same too: the map wrote what the forked workers write.
    written_files = sorted((tmp_path / "claims-plain").rglob("*.jsonl"))
    assert len(written_files) >= 3
    for written in written_files:
        twin = tmp_path / "claims-spawned" / written.relative_to(tmp_path / "claims-plain")
        assert twin.read_bytes() == written.read_bytes()
