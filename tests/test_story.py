"""Story grounding: undated articles dated by the other articles of the run, or left alone.

Every article here is invented; the runs are real files in a temporary folder, read and
extracted by the pipeline, then grounded.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from checker import pipeline
from checker.cli import cli
from checker.records import Claim, TimeValue


def _run(tmp_path: Path, articles: dict[str, str]) -> pipeline.Extraction:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return pipeline.ground(pipeline.extract([str(folder)], claims_dir=tmp_path / "claims", doc_timeout=0))


def _info(extraction: pipeline.Extraction, name: str):  # type: ignore[no-untyped-def]
    return next(doc.info for doc in extraction.documents if doc.path.endswith(name))


def _time(extraction: pipeline.Extraction, name: str, text: str) -> TimeValue:
    claims: list[Claim] = next(found for path, found in extraction.claims.items() if path.endswith(name))
    value = next(c.value.value for c in claims if c.value.text == text)
    assert isinstance(value, TimeValue)
    return value


DATED = ("---\ndate: 2023-03-09\n---\n\nThe Harwick bridge reopened on Monday, March 6, 2023, after two years of "
         "repairs. The city said 3,000 cars crossed it on the first day.\n")


def test_a_relative_day_is_placed_by_the_event_other_articles_date(tmp_path: Path) -> None:
    undated = "The Harwick bridge reopened yesterday after two years of repairs, the city said.\n"
    run = _run(tmp_path, {"a.md": DATED, "b.txt": undated})
    info = _info(run, "b.txt")
    assert info.reference_date == dt.date(2023, 3, 7)
    assert info.reference_date_source == "story" and info.reference_date_evidence == "story: 1 article"
    value = _time(run, "b.txt", "yesterday")
    assert (value.earliest, value.resolution, value.anchor) == (dt.date(2023, 3, 6), "story", dt.date(2023, 3, 7))


def test_a_weekday_is_placed_though_the_article_s_own_day_is_not(tmp_path: Path) -> None:
    undated = "The Harwick bridge reopened on Monday, and traffic will return to normal next month.\n"
    run = _run(tmp_path, {"a.md": DATED, "b.txt": undated})
    info = _info(run, "b.txt")
    assert info.reference_date is None and info.reference_date_source == "unknown"
    monday = _time(run, "b.txt", "Monday")
    assert (monday.earliest, monday.resolution, monday.anchor) == (dt.date(2023, 3, 6), "story", None)
    # "next month" reads April or May across the week the article may have been written in: left alone.
    assert _time(run, "b.txt", "next month").resolution == "unresolved"


def test_a_dateline_without_a_year_takes_the_story_s_year(tmp_path: Path) -> None:
    undated = "HARWICK, March 8 (City Wire) - Traffic on the Harwick bridge was heavy on Tuesday.\n"
    run = _run(tmp_path, {"a.md": DATED, "b.txt": undated})
    info = _info(run, "b.txt")
    assert info.reference_date == dt.date(2023, 3, 8) and info.reference_date_source == "story"
    assert info.reference_date_evidence == "story: 1 article; dateline: March 8"
    assert _time(run, "b.txt", "Tuesday").earliest == dt.date(2023, 3, 7)


def test_nothing_grounds_an_article_of_another_event(tmp_path: Path) -> None:
    undated = "The Larkin tunnel closed on Friday for an inspection, the agency said.\n"
    run = _run(tmp_path, {"a.md": DATED, "b.txt": undated})
    assert _info(run, "b.txt").reference_date is None
    friday = _time(run, "b.txt", "Friday")
    assert friday.resolution == "unresolved" and friday.timex == "XXXX-WXX-5"


def test_a_weekday_the_story_contradicts_places_nothing(tmp_path: Path) -> None:
    # The dated article says Monday the 6th; this one says the bridge reopened on a Wednesday.
    undated = "The Harwick bridge reopened on Wednesday after two years of repairs.\n"
    run = _run(tmp_path, {"a.md": DATED, "b.txt": undated})
    assert _time(run, "b.txt", "Wednesday").resolution == "unresolved"


def test_claims_files_keep_what_each_article_says_alone(tmp_path: Path) -> None:
    undated = "The Harwick bridge reopened yesterday after two years of repairs, the city said.\n"
    _run(tmp_path, {"a.md": DATED, "b.txt": undated})
    cached = (tmp_path / "claims").glob("*b.txt*.jsonl")
    text = "".join(path.read_text(encoding="utf-8") for path in cached)
    assert '"resolution":"unresolved"' in text.replace(" ", "") and '"story"' not in text


def test_ingest_shows_the_story_and_its_source(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.md").write_text(DATED, encoding="utf-8")
    (folder / "b.txt").write_text("The Harwick bridge reopened yesterday after repairs.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["ingest", "corpus", "--format", "json", "--doc-timeout", "0"])
    assert result.exit_code == 0, result.output
    found = {Path(d["path"]).name: d for d in json.loads(result.stdout)}
    assert found["b.txt"]["reference_date"] == "2023-03-07"
    assert found["b.txt"]["reference_date_source"] == "story"
    alone = CliRunner().invoke(cli, ["ingest", "corpus", "--format", "json", "--no-story", "--doc-timeout", "0"])
    assert {Path(d["path"]).name: d for d in json.loads(alone.stdout)}["b.txt"]["reference_date"] is None


def test_today_in_an_undated_article_is_the_day_of_the_event_it_dates(tmp_path: Path) -> None:
    # "today" in a dated article is its own day, a stamp; in an undated one it is the event's day the story knows.
    undated = "The Harwick bridge reopened today after two years of repairs, the city said.\n"
    run = _run(tmp_path, {"a.md": DATED, "b.txt": undated})
    info = _info(run, "b.txt")
    assert info.reference_date == dt.date(2023, 3, 6) and info.reference_date_source == "story"
    assert _time(run, "b.txt", "today").earliest == dt.date(2023, 3, 6)
