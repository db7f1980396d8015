"""The rule catalogue: what each finding id (``FC-<value type>-<kind>``) means, for SARIF and the docs."""

from __future__ import annotations

from dataclasses import dataclass

from checker.records import Finding, Span

# What the values of each type are, in words a reviewer reads.
TYPE_WORDS = {
    "time": "dates or periods",
    "quantity": "counts or measures",
    "money": "amounts of money",
    "percent": "percentages",
    "entity": "people or organizations named for the same role",
    "role": "titles",
    "text": "statements",
}
KINDS = ("contradiction", "tension", "attributed", "updated", "compatible", "agreement")
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


@dataclass(frozen=True)
class Rule:
    """One finding kind: its id, a name, a one-line and a longer description, a default level."""

    id: str
    name: str
    short: str
    help: str
    level: str


def rule(rule_id: str) -> Rule:
    """The description of ``rule_id``; ids outside the catalogue get a generic one (never raises)."""
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
    """Every rule the comparators can produce, in a stable order."""
    return [rule(f"FC-{value_type}-{kind}") for value_type in TYPE_WORDS for kind in KINDS]


def level(finding: Finding) -> str:
    """SARIF level of a finding: error for hard, warning for soft, note otherwise."""
    return {"hard": "error", "soft": "warning"}.get(finding.severity, "note")


def end_of(span: Span) -> tuple[int, int]:
    """1-based line and exclusive column just after the span (lines split on \\n, columns in code points)."""
    breaks = span.quote.count("\n")
    if not breaks:
        return span.line, span.column + len(span.quote)
    return span.line + breaks, len(span.quote) - span.quote.rfind("\n")
