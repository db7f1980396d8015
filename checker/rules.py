"""The rule codes of findings (``FC-<value type>-<kind>``): one registry for compare, the gate and SARIF.

Compare names each finding's rule with ``rule_code``; the gate's SARIF output describes the codes
with ``rule``; ``docs/gate.md`` documents every code of ``codes()`` (``tests/test_contracts.py``
checks it).
"""

from __future__ import annotations

from dataclasses import dataclass

# What the values of each type are, in words a reviewer reads: the types a claim's value can have.
TYPE_WORDS = {
    "time": "dates or periods",
    "quantity": "counts or measures",
    "money": "amounts of money",
    "percent": "percentages",
    "entity": "people or organizations named for the same role",
}
KINDS = ("contradiction", "tension", "attributed", "updated", "compatible", "agreement")
# Two people named to one title never contradict each other outright (the title may have changed
# hands: a soft conflict at most) and a person never lies inside another.
_NEVER = frozenset({("entity", "contradiction"), ("entity", "compatible")})
KIND_TEXT = {
    "contradiction": ("hard conflict", "error",
                      "The sources give {what} for the same fact that cannot both be true: even "
                      "their literal readings do not overlap. Check both quotes against a primary source, "
                      "then correct one article or record the decision in the baseline."),
    "tension": ("soft conflict", "warning",
                "The sources give {what} for the same fact whose usual readings do not overlap, although "
                "the literal words could both hold (\"over a hundred\" vs \"several hundred\", or two dates "
                "close together). Worth a look; often one source is loose rather than wrong."),
    "attributed": ("difference between counting bodies", "note",
                   "Two counting bodies give different {what} for the same fact (\"40,000 according to the police, "
                   "150,000 according to the unions\"): both counts are shown side by side. Never fails the gate."),
    "updated": ("updated figure", "note",
                "A figure that changes over time (a toll, orders to date, people missing) gives different {what} on "
                "different days: the later one updates the earlier. Never fails the gate."),
    "compatible": ("compatible, different precision", "note",
                   "One source gives {what} that lie inside the other's (a month within a year, an exact "
                   "figure within a range): the same fact stated at different precision. Fails the gate only "
                   "with --fail-on compatible."),
    "agreement": ("agreement", "note",
                  "The sources give the same {what} for the same fact. Never fails the gate."),
}
# The rule of a stale baseline entry that names no rule of its own.
STALE_RULE = "FC-baseline-stale"


@dataclass(frozen=True)
class Rule:
    """One finding kind: its id, a name, a one-line and a longer description, a default level."""

    id: str
    name: str
    short: str
    help: str
    level: str


def kind_of(verdict: str, severity: str) -> str:
    """The kind a finding's verdict and severity make: a conflict is a contradiction when hard."""
    if verdict == "conflict":
        return "contradiction" if severity == "hard" else "tension"
    return verdict


def rule_code(value_type: str, verdict: str, severity: str) -> str:
    """The rule id of a finding about values of ``value_type`` (``FC-time-contradiction``)."""
    return f"FC-{value_type}-{kind_of(verdict, severity)}"


def rule(rule_id: str) -> Rule:
    """The description of ``rule_id``; ids outside the registry get a generic one (never raises)."""
    parts = rule_id.split("-")
    value_type = parts[1] if len(parts) == 3 and parts[0] == "FC" else ""
    kind = parts[2] if len(parts) == 3 else ""
    if value_type in TYPE_WORDS and kind in KIND_TEXT:
        title, level, text = KIND_TEXT[kind]
        what = TYPE_WORDS[value_type]
        name = "".join(p.capitalize() for p in (value_type, kind))
        return Rule(rule_id, name, f"{value_type.capitalize()} {title}: sources disagree on {what}"
                    if kind in ("contradiction", "tension") else f"{value_type.capitalize()} {title}",
                    text.format(what=what), level)
    return Rule(rule_id, "".join(ch for ch in rule_id.title() if ch.isalnum()) or "Finding",
                f"factcheck finding {rule_id}", "A finding of factcheck; see docs/gate.md.", "warning")


def catalogue() -> list[Rule]:
    """Every rule a finding can carry, in a stable order."""
    return [rule(f"FC-{value_type}-{kind}") for value_type in TYPE_WORDS for kind in KINDS
            if (value_type, kind) not in _NEVER]


def codes() -> list[str]:
    """Every rule id factcheck writes: the findings' rules and the stale baseline entries' rule."""
    return [item.id for item in catalogue()] + [STALE_RULE]
