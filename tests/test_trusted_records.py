"""Records built without validation (``records.trusted``): the same records, and slips caught under the tests."""

from __future__ import annotations

import pickle

import pytest

from checker import records
from checker.records import Claim, ClaimValue, EntityValue, Mention, Scope, Span, trusted

ENTITY = EntityValue(name="Acme", kind="organization", key="acme")


def _mention(**changes: object) -> dict[str, object]:
    fields: dict[str, object] = {"type": "entity", "start": 3, "end": 7, "text": "Acme", "value": ENTITY}
    fields.update(changes)
    return fields


def test_the_test_suite_checks_every_trusted_record() -> None:
    assert records.CHECK_TRUSTED  # set by tests/conftest.py, for the CLI runs of the tests too


def test_a_trusted_record_is_the_validated_record(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "CHECK_TRUSTED", False)
    built = trusted(Mention, **_mention())
    validated = Mention(**_mention())
    assert built == validated
    assert built.model_dump_json() == validated.model_dump_json()
    assert pickle.loads(pickle.dumps(built)) == validated
    with pytest.raises(ValueError):  # still frozen (pydantic.ValidationError)
        built.start = 4  # type: ignore[misc]
    moved = built.model_copy(update={"start": 0})
    assert (moved.start, built.start) == (0, 3)


def test_a_claim_with_every_field_in_order_passes_the_check() -> None:
    span = trusted(Span, path="a.txt", start=0, end=4, quote="Acme", line=1, column=1)
    value = trusted(ClaimValue, text="Acme", start=0, end=4, value=ENTITY)
    claim = trusted(Claim, id="x-0000", document="a.txt", subject="Acme", subject_key="acme", attribute="role:ceo",
                    scope=Scope(), modality="asserted", value=value, evidence=span, rule="frame.role", topic=None,
                    language="en")
    assert claim.evidence.quote == "Acme"


@pytest.mark.parametrize("slip", [
    {"start": 3.0},  # a float where the record holds an int: validation would make it 3
    {"text": None},  # not a string at all
    {"extra": 1},  # no such field
])
def test_a_value_validation_would_change_or_refuse_fails_the_check(slip: dict[str, object]) -> None:
    with pytest.raises((AssertionError, ValueError)):
        trusted(Mention, **_mention(**slip))


def test_a_missing_or_misplaced_field_fails_the_check() -> None:
    fields = _mention()
    del fields["text"]
    with pytest.raises(AssertionError):
        trusted(Mention, **fields)
    reordered = dict(reversed(list(_mention().items())))
    with pytest.raises(AssertionError):
        trusted(Mention, **reordered)


def test_equal_scopes_come_back_from_a_worker_as_one_object() -> None:
    first, second = Scope(place="harbour", basis="per-day"), Scope(place="harbour", basis="per-day")
    other = Scope(place="harbour")
    back = pickle.loads(pickle.dumps([first, second, other]))
    assert back == [first, second, other]
    assert back[0] is back[1] and back[2] is not back[0]
