"""Records are validated where they are built, and what extraction builds is what its claims file gives back."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from pydantic import ValidationError

from checker import pipeline
from checker.records import EntityValue, Interval, Mention, MoneyValue, Scope
from tests.conftest import SEEDS

ENTITY = EntityValue(name="Acme", kind="organization", key="acme")


@pytest.mark.parametrize("slip", [
    {"low": "many"},  # not a number
    {"currency": 978},  # not a currency code
    {"extra": 1},  # no such field
    {"type": "quantity"},  # another kind of value
])
def test_a_value_refuses_what_its_fields_cannot_hold(slip: dict[str, object]) -> None:
    fields: dict[str, object] = {"low": 1.0, "high": 2.0, "currency": "EUR"}
    with pytest.raises(ValidationError):
        MoneyValue(**{**fields, **slip})


def test_a_whole_bound_is_held_as_a_float_and_written_as_one() -> None:
    # The recognizers read "300" as an int; the claims files and the report have always written 300.0.
    bounds = Interval(low=300, high=None)
    assert type(bounds.low) is float
    assert MoneyValue(low=300, high=300, currency="CNY").model_dump_json().startswith(
        '{"type":"money","low":300.0,"high":300.0')


def test_records_are_frozen() -> None:
    mention = Mention(type="entity", start=3, end=7, text="Acme", value=ENTITY)
    with pytest.raises(AttributeError):
        mention.start = 4  # type: ignore[misc]
    with pytest.raises(ValidationError):
        ENTITY.name = "Other"  # type: ignore[misc]
    assert ENTITY.model_copy(update={"name": "Other"}).name == "Other" and ENTITY.name == "Acme"


def test_claims_read_back_from_their_files_are_the_claims_extraction_made(tmp_path: Path) -> None:
    # The cache is where claims enter again: read back and validated, each must be the record extraction
    # built, field by field and type by type (an int where a float belongs would be written differently).
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        (corpus / seed.name).write_bytes(seed.read_bytes())
    zh = "示例公司3月5日表示，新工厂投资约12亿元，员工超过800人，产量增长15%。\n"
    (corpus / "zh.txt").write_text(zh, encoding="utf-8")
    claims_dir = tmp_path / "claims"
    fresh = pipeline.extract([str(corpus)], claims_dir=claims_dir)
    cached = pipeline.extract([str(corpus)], claims_dir=claims_dir)
    assert fresh.cached == 0 and cached.cached == len(fresh.documents)
    assert sum(len(claims) for claims in fresh.claims.values()) > 20
    for path, claims in fresh.claims.items():
        assert [c.model_dump_json() for c in cached.claims[path]] == [c.model_dump_json() for c in claims]
        assert [repr(c) for c in cached.claims[path]] == [repr(c) for c in claims]


def test_equal_scopes_come_back_from_a_worker_as_one_object() -> None:
    first, second = Scope(place="harbour", basis="per-day"), Scope(place="harbour", basis="per-day")
    other = Scope(place="harbour")
    back = pickle.loads(pickle.dumps([first, second, other]))
    assert back == [first, second, other]
    assert back[0] is back[1] and back[2] is not back[0]
