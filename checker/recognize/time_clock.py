"""Times of day and time zones: "9:03 a.m.", "14h20", "9时07分", "early Tuesday", "local time", "北京时间".

A time of day is kept at its own precision as a span of the day: "14:20" is one minute, "9 a.m."
is "09:00-09:59", "in the evening" "18:00-23:59" (``TimeValue.clock``). A zone the text gives
after the time ("local time", "GMT", "heure de Paris") or before it ("北京时间") is kept as data
names it: "local", an IANA name or a UTC offset (``TimeValue.zone``).

A time of day written next to a day ("Tuesday at 9 a.m.", "3 mai 2021, à 14h20",
"2021年5月3日14时20分") is one mention; one written alone stands on the reference date, as
Chinese times of day always did ("上午9时07分" is today's). The rules read the ``[clock]`` table of
``checker/lang/<lang>/time.toml``; Chinese clocks ("9时07分") come from its ``[suffixed]`` table
and only their parts of the day and zones from ``[clock]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checker.recognize.time_core import Cand, Context
from checker.recognize.time_data import Clock, alternation, fold, key

_NEVER = re.compile(r"(?!x)x")
LB = r"(?<![a-z0-9])"
RB = r"(?![a-z0-9])"


@dataclass(frozen=True)
class ClockPatterns:
    """The compiled post-pass patterns and lookups of one language's times of day."""

    link_gap: re.Pattern[str]  # between a day and its time: ", at ", " à ", ""
    part_after: re.Pattern[str]  # "Tuesday morning", "mardi soir", "5月3日晚" (Chinese: in the date's tail)
    part_before: re.Pattern[str]  # "early Tuesday", "on the evening of May 3"
    zone_before: re.Pattern[str]  # "北京时间14时20分", "当地时间5月3日晚"
    parts: dict[str, str]  # folded part phrase -> span of the day
    zones: dict[str, str]  # folded zone phrase -> zone
    am: frozenset[str]
    pm: frozenset[str]


def minutes(hour: int, minute: int | None) -> str:
    """A time of day at its precision: "14:20" with a minute, the whole hour ("09:00-09:59") without."""
    if minute is None:
        return f"{hour:02d}:00-{hour:02d}:59"
    return f"{hour:02d}:{minute:02d}"


def twelve_hour(hour: int, pm: bool) -> int | None:
    """The 24-hour hour of a 12-hour one ("12 a.m." is midnight, "12 p.m." noon); None when out of range."""
    if not 1 <= hour <= 12:
        return None
    if pm:
        return 12 if hour == 12 else hour + 12
    return 0 if hour == 12 else hour


def compile_patterns(data: Clock) -> ClockPatterns:
    """The post-pass patterns of ``data``."""
    parts = {key(k): v for k, v in {**data.parts_after, **data.parts_before}.items()}
    zones = {key(k): v for k, v in {**data.zones, **data.zones_before}.items()}
    links = alternation(data.links)
    return ClockPatterns(
        link_gap=re.compile(rf"\s*,?\s*(?:{links}\s*)?$" if data.links else r"\s*,?\s*$"),
        part_after=re.compile(rf"\s*(?:{LB}in\s+the\s+)?(?P<part>{alternation(list(data.parts_after))}){RB}")
        if data.parts_after else _NEVER,
        part_before=re.compile(rf"(?:{LB}(?:on|in|at)\s+)?(?P<part>{alternation(list(data.parts_before))})\s*$")
        if data.parts_before else _NEVER,
        zone_before=re.compile(rf"(?P<zone>{alternation(list(data.zones_before))})\s*$")
        if data.zones_before else _NEVER,
        parts=parts,
        zones=zones,
        am=frozenset(key(w) for w in data.am),
        pm=frozenset(key(w) for w in data.pm),
    )


def zone_pattern(data: Clock) -> str:
    """An optional zone after a time: "local time", "GMT", "(0607 GMT)" has it inside brackets."""
    if not data.zones:
        return ""
    return rf"(?:\s*\(?\s*(?P<zone>{alternation(list(data.zones))})\)?{RB})?"


def zone_of(patterns: ClockPatterns, phrase: str | None) -> str | None:
    """The zone a matched zone phrase names."""
    return patterns.zones.get(key(phrase)) if phrase else None


def clock_cand(ctx: Context, m: re.Match[str], clock: str, zone: str | None) -> list[Cand]:
    """A time of day with no day of its own: it stands on the reference date."""
    if ctx.ref is None:
        return [Cand(start=m.start(), end=m.end(), earliest=None, latest=None, granularity="day",
                     resolution="unresolved", priority=8, clock=clock, zone=zone, clock_only=True)]
    return [Cand(start=m.start(), end=m.end(), earliest=ctx.ref, latest=ctx.ref, granularity="day",
                 resolution="relative", priority=8, clock=clock, zone=zone, clock_only=True)]


def attach_clocks(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Days joined with the time of day written next to them, parts of the day, zones written before."""
    patterns = ctx.lex.clock
    if patterns is None:
        return cands
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        if i + 1 < len(cands):
            joined = _joined(ctx, patterns, cands[i], cands[i + 1])
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(cands[i])
        i += 1
    return [_zoned(ctx, patterns, _with_part_of_day(ctx, patterns, c)) for c in out]


def _is_day(cand: Cand) -> bool:
    return cand.granularity == "day" and not cand.clock_only and cand.clock is None and (
        cand.earliest == cand.latest)


def _joined(ctx: Context, patterns: ClockPatterns, first: Cand, second: Cand) -> Cand | None:
    """ "Tuesday at 9 a.m.", "à 14h20 mardi": a day and a time of day with only a link between them."""
    if first.clock_only and _is_day(second):
        clock, day = first, second
    elif second.clock_only and _is_day(first):
        day, clock = first, second
    else:
        return None
    gap = ctx.folded[first.end:second.start]
    if len(gap) > 12 or patterns.link_gap.match(gap) is None:
        return None
    return replace(day, start=first.start, end=second.end, clock=clock.clock, zone=clock.zone)


def _with_part_of_day(ctx: Context, patterns: ClockPatterns, cand: Cand) -> Cand:
    """ "Tuesday morning", "early Tuesday", "on the evening of May 3": a day with a part of it."""
    if not _is_day(cand):
        return cand
    after = patterns.part_after.match(ctx.folded, cand.end)
    if after is not None:
        clock = patterns.parts.get(key(after.group("part")))
        if clock is not None:
            return replace(cand, end=after.end(), clock=clock)
    before = patterns.part_before.search(ctx.folded, max(0, cand.start - 30), cand.start)
    if before is not None:
        clock = patterns.parts.get(key(before.group("part")))
        if clock is not None:
            return replace(cand, start=before.start("part"), clock=clock)
    return cand


def _zoned(ctx: Context, patterns: ClockPatterns, cand: Cand) -> Cand:
    """ "北京时间14时20分", "当地时间5月3日晚": a zone written before a day or a time of day."""
    if cand.zone is not None or cand.granularity != "day":
        return cand
    found = patterns.zone_before.search(ctx.folded, max(0, cand.start - 12), cand.start)
    if found is None:
        return cand
    return replace(cand, start=found.start(), zone=zone_of(patterns, found.group("zone")))


def part_clock(patterns: ClockPatterns | None, part: str | None) -> str | None:
    """The span of the day a part of it names ("晚", "morning"), if the data knows it."""
    if patterns is None or not part:
        return None
    return patterns.parts.get(key(part))


def is_pm(patterns: ClockPatterns | None, part: str | None) -> bool:
    """Whether a part of the day before an hour makes it an afternoon or evening hour ("下午2时")."""
    return patterns is not None and part is not None and key(part) in patterns.pm


__all__ = ["ClockPatterns", "attach_clocks", "clock_cand", "compile_patterns", "fold", "minutes", "part_clock",
           "twelve_hour", "zone_of", "zone_pattern"]
