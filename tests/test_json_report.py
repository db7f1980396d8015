"""The JSON report written in pieces is the one JSON text, and records survive the trip from a worker."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pydantic_core

from checker import pipeline
from checker.records import Claim, Problem, Report
from checker.report.json_report import JsonReporter, report_json
from checker.store import write_atomic


def _report(tmp_path: Path, texts: dict[str, str]) -> Report:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    extraction = pipeline.extract([str(tmp_path)], claims_dir=None, use_cache=False, workers=1)
    return pipeline.build_report(extraction, pipeline.compare(extraction))


def _whole(report: Report) -> str:
    text = pydantic_core.to_json(report_json(report), indent=2).decode("utf-8") + "\n"
    # The standard library reads the same data back, in the same layout but for number spellings.
    assert json.loads(text) == json.loads(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    return text


def test_pieces_make_the_same_text_as_one_dump(tmp_path: Path) -> None:
    report = _report(tmp_path, {
        "a.txt": "Orvane Robotics was founded in 2011, it said on 3 March 2021. Its chief executive, "
                 "Léa Marchetti, said the \"plant\"\ncost \u20ac2 billion.\n",
        "b.txt": "Orvane Robotics, founded in 2014, said on 4 March 2021 the plant cost about \u20ac2 billion.\n",
    })
    assert report.claims and report.findings
    text = "".join(JsonReporter().chunks(report))
    assert text == JsonReporter().render(report) == _whole(report)
    assert json.loads(text)["summary"]["claims"] == len(report.claims)


def test_empty_lists_and_problems_render_as_one_dump(tmp_path: Path) -> None:
    problem = Problem(path="x.txt", kind="empty", message="x.txt: empty file")
    report = Report(version="0", documents=(), claims=(), findings=(), problems=(problem,))
    assert JsonReporter().render(report) == _whole(report)
    empty = Report(version="0", documents=(), claims=(), findings=())
    assert JsonReporter().render(empty) == _whole(empty)


def test_a_report_written_in_pieces_is_complete_on_disk(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    report = _report(tmp_path / "in", {"a.txt": "Orvane Robotics employs 1,200 people, it said on 3 March 2021.\n"})
    out = tmp_path / "out" / "report.json"
    write_atomic(out, JsonReporter().chunks(report))
    assert out.read_text(encoding="utf-8") == _whole(report)


def test_records_from_a_worker_are_equal_and_independent(tmp_path: Path) -> None:
    report = _report(tmp_path, {"a.txt": "Orvane Robotics employs 1,200 people and 40 engineers.\n"})
    claims: list[Claim] = pickle.loads(pickle.dumps(list(report.claims)))
    assert claims == list(report.claims)
    first, second = claims[0], claims[1]
    # Unpickled records share their set of field names; a copy must still get its own.
    changed = first.model_copy(update={"topic": "other"})
    assert changed.topic == "other" and first.topic != "other" and second.topic != "other"
    assert first.model_fields_set == report.claims[0].model_fields_set
    assert changed.model_fields_set == first.model_fields_set | {"topic"}
