"""Time recognizer: dates, months, years, quarters, seasons, holidays and relative times as intervals.

``find(text, lang, ref_date)`` returns time mentions whose value is an
inclusive ``earliest..latest`` interval with the granularity it was stated at
("novembre 2022" is the whole month). Year-less and relative expressions
resolve against ``ref_date``; the tense of the clause decides between the
past and the future occurrence of a year-less date. Without a reference date
they are still mentions, marked "unresolved".

Scanning is rule-based: every rule is one precompiled regex built from the
language data (``checker/lang/<lang>/time.toml``) run over an accent-folded
copy of the text that has the same offsets. Overlaps are settled longest
first, then adjacent mentions are joined into ranges ("from March to June")
and modifier words in front ("end of", "d'ici") are folded in. Which rules are
run on a text is the plan's business (``time_plan``, speed only).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from checker import lang as langdata
from checker.recognize import time_calendar as cal
from checker.recognize import time_plan
from checker.recognize.prefilter import WORD, necessary
from checker.recognize.time_clock import attach_clocks
from checker.recognize.time_core import ONE_DAY, Cand, Context
from checker.recognize.time_data import TimeData, fold, key
from checker.recognize.time_handlers import EXCLUSIVE_DAY_RANGE_END
from checker.recognize.time_plan import Scanner
from checker.recognize.time_rules import Lexicon, Rule, build_lexicon
from checker.records import Mention

__all__ = ["find", "find_with_tense", "Cand", "scan"]


def find(text: str, lang: str, ref_date: dt.date | None) -> list[Mention]:
    """Time mentions in ``text`` (language ``lang``), resolved against ``ref_date`` when given."""
    try:
        return [_mention(text, c, ref_date) for c in scan(text, lang, ref_date)]
    except Exception:  # noqa: BLE001 - a recognizer must never raise on odd input
        return []


def _mention(text: str, cand: Cand, ref: dt.date | None) -> Mention:
    return Mention(type="time", start=cand.start, end=cand.end, text=text[cand.start : cand.end], value=cand.value(ref))


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled rules and lookup tables of ``lang`` (English for a language without time data)."""
    code = lang if lang in langdata.available("time") else "en"
    data: TimeData = langdata.load("time", code)
    return build_lexicon(data, code)


def scan(text: str, lang: str, ref_date: dt.date | None) -> list[Cand]:
    """The settled time candidates of ``text``, sorted by position."""
    if not text:
        return []
    matched = _matches(text, lang)
    if matched is None:
        return []
    folded, per_rule = matched
    ctx = Context(text=text, folded=folded, ref=ref_date, lex=(_SCANNERS.get(lang) or _scanner(lang)).lexicon)
    found: list[Cand] = []
    for rule, matches in per_rule:
        handler = rule.handler
        for match in matches:
            try:
                made = handler(ctx, match)
            except (ValueError, OverflowError, KeyError, IndexError):
                continue
            # Written out rather than a generator: handlers make one candidate or none, most of the time.
            for c in made:
                if c.start < c.end:
                    found.append(c)
    if len(found) > 1:
        kept = _join_ranges(ctx, _settle(found))
    else:
        # Nothing to settle or join.
        kept = found
    if ctx.lex.clock is not None:
        kept = attach_clocks(ctx, kept)
    kept = [_attach_modifiers(ctx, c) for c in kept]
    return [c for c in kept if not c.weak]


@lru_cache(maxsize=32)
def _matches(text: str, lang: str) -> tuple[str, tuple[tuple[Rule, tuple[re.Match[str], ...]], ...]] | None:
    """The regex work of ``scan``, which does not depend on the reference date.

    Cached because the reference-date inference scans one whole document
    once per candidate year; only the rule handlers see the date.
    """
    scanner = _SCANNERS.get(lang) or _scanner(lang)
    folded = fold(text)
    digits = _DIGIT.search(folded) is not None
    if scanner.openings is None:
        if scanner.lexicon.prefilter.search(folded) is None:
            return None
    elif not digits and scanner.openings.search(folded) is None:
        # The openings are a cheaper test than the prefilter's words and hold wherever they do.
        return None
    # Most sentences that pass the prefilter ("year", "next") hold no digit: their plan leaves out
    # the rules that need one.
    plan = scanner.with_digit if digits else scanner.without_digit
    # A rule runs only where each of its key word sets meets the text's words, and where each of
    # its necessary conditions is found. The text's key words pick the rules (``_Plan.chosen``).
    # Conditions are numbered: rules share them (the month names), so each is searched for at most once.
    chosen = plan.chosen(plan.vocabulary.intersection(WORD.findall(folded)))
    conditions = plan.conditions
    seen: list[bool | None] = [None] * len(conditions)
    per_rule = []
    for rule, needed in chosen:
        # Written out rather than called: this loop runs for every rule of every sentence.
        for index in needed:
            holds = seen[index]
            if holds is None:
                holds = seen[index] = conditions[index].search(folded) is not None
            if not holds:
                break
        else:
            found = tuple(rule.regex.finditer(folded))
            if found:
                per_rule.append((rule, found))
    if not per_rule:
        # No rule matched: ``scan`` has nothing to settle and ``find_with_tense`` nothing to read.
        return None
    if not digits and scanner.words is not None and scanner.words.search(folded) is None:
        # The prefilter proper, read only now that a rule matched: most texts never get this far.
        return None
    return folded, tuple(per_rule)


_SCANNERS: dict[str, Scanner] = {}


def _scanner(lang: str) -> Scanner:
    scanner = _SCANNERS[lang] = time_plan.scanner(lexicon(lang))
    return scanner


def prefilter_phrases(lang: str) -> tuple[str, ...]:
    """The data phrases (month and weekday names, "today", units, seasons, holidays) the prefilter looks for."""
    return lexicon(lang).prefilter_phrases


_DIGIT = re.compile(r"\d")


def _settle(cands: list[Cand]) -> list[Cand]:
    """Longest first, then priority; a candidate overlapping a kept one is dropped (one bisect each)."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start))
    kept: list[Cand] = []
    starts: list[int] = []
    ends: list[int] = []
    for c in ranked:
        i = bisect.bisect_right(starts, c.start)
        if (i == 0 or ends[i - 1] <= c.start) and (i == len(starts) or c.end <= starts[i]):
            starts.insert(i, c.start)
            ends.insert(i, c.end)
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


# --------------------------------------------------------------------------
# Post-passes: ranges and modifiers
# --------------------------------------------------------------------------


def _join_ranges(ctx: Context, cands: list[Cand]) -> list[Cand]:
    lex = ctx.lex
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c1 = cands[i]
        if i + 1 < len(cands):
            c2 = cands[i + 1]
            joined = _join(ctx, lex, c1, c2)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(c1)
        i += 1
    return out


_RANGE_GRANULARITIES = {"day", "month", "year", "quarter", "half", "week"}


def _join(ctx: Context, lex: Lexicon, c1: Cand, c2: Cand) -> Cand | None:
    if c1.granularity not in _RANGE_GRANULARITIES or c2.granularity not in _RANGE_GRANULARITIES:
        return None
    if c1.weak or c2.weak or c1.modifiers or c2.modifiers or c1.clock or c2.clock:
        return None
    gap = ctx.folded[c1.end : c2.start]
    # The opener ("between", "from", "du") sits right before the first end: a bounded look-back keeps this linear.
    opener = lex.range_open_before.search(ctx.folded, max(0, c1.start - 40), c1.start)
    if lex.range_to_gap.fullmatch(gap) or opener is not None and lex.range_and_gap.fullmatch(gap):
        pass
    else:
        return None
    e1, l2 = c1.earliest, c2.latest
    if (
        c1.yearless
        and not c2.yearless
        and c2.earliest is not None
        and c1.month
        or c1.yearless
        and c2.yearless
        and c2.earliest is not None
        and c1.month
    ):
        y = c2.earliest.year
        first = cal.safe_date(y, c1.month, c1.day or 1)
        if first is not None and first > c2.earliest:
            first = cal.safe_date(y - 1, c1.month, c1.day or 1)
        e1 = first
    if c2.yearless and not c1.yearless and c2.month and c1.earliest is not None:
        # "2019年6月1日-6月30日", "上周四到十月一日": the second end is in the first end's year, or the next
        y = c1.earliest.year
        second = cal.safe_date(y, c2.month, c2.day or 1)
        if second is not None and second < c1.earliest:
            second = cal.safe_date(y + 1, c2.month, c2.day or 1)
        if second is not None:
            period = (second, second) if c2.day else cal.month_period(second.year, second.month)
            if period is not None:
                c2 = replace(c2, earliest=period[0], latest=period[1])
                l2 = c2.latest
    both_days = c1.granularity == "day" and c2.granularity == "day"
    if both_days and EXCLUSIVE_DAY_RANGE_END and c2.earliest and e1 is not None and c2.earliest > e1:
        l2 = c2.earliest - ONE_DAY
    if e1 is not None and l2 is not None and e1 > l2:
        return None
    start = opener.start() if opener is not None else c1.start
    resolution = "absolute"
    for c in (c1, c2):
        if c.resolution != "absolute":
            resolution = c.resolution
    return Cand(
        start=start,
        end=c2.end,
        earliest=e1,
        latest=l2,
        granularity="range",
        resolution=resolution,
        priority=c1.priority,
    )


_PORTIONED = frozenset({"year", "half", "quarter", "month", "season"})


def _portion(ctx: Context, cand: Cand) -> Cand:
    """ "the first ten months of 2023": the first (or last) units of the period, when a portion phrase leads it."""
    if cand.granularity not in _PORTIONED or cand.earliest is None or cand.latest is None:
        return cand
    low = max(0, cand.start - 60)
    for side, regex in ctx.lex.portion_before:
        m = regex.search(ctx.folded, low, cand.start)
        if m is None:
            continue
        if side == "week":
            return _week_of(ctx, cand, m)
        amount = _portion_count(ctx, m.group("n"))
        unit = ctx.lex.units.get(key(m.group("u")))
        if amount is None or unit not in (1, 7, 30) or amount < 1:
            return cand
        first: dt.date | None
        last: dt.date | None
        if side == "first":
            after = cal.shift(cand.earliest, amount, unit)
            first, last = cand.earliest, (after - ONE_DAY if after is not None else None)
        else:
            first, last = cal.shift(cand.latest + ONE_DAY, -amount, unit), cand.latest
        if first is None or last is None or first < cand.earliest or last > cand.latest or first > last:
            return cand
        return replace(cand, start=m.start(), earliest=first, latest=last, granularity="range", weak=False,
                       modifiers=cand.modifiers + (side,))
    return cand


def _week_of(ctx: Context, cand: Cand, m: re.Match[str]) -> Cand:
    """ "the third week of March": one week of a month or a year, as ISO 8601 counts them."""
    if cand.granularity not in ("month", "year") or cand.earliest is None or cand.latest is None:
        return cand
    week = cal.nth_week((cand.earliest, cand.latest), ctx.lex.nth[key(m.group("nth"))])
    if week is None:
        return cand
    return replace(cand, start=m.start(), earliest=week[0], latest=week[1], granularity="week", weak=False)


def _portion_count(ctx: Context, text: str) -> int | None:
    folded = key(text)
    return int(folded) if folded.isdigit() else ctx.lex.counts.get(folded)


def _attach_modifiers(ctx: Context, cand: Cand) -> Cand:
    lex = ctx.lex
    if lex.portion_before:
        cand = _portion(ctx, cand)
    halves = cand.resolution == "relative"
    m = lex.part_before.search(ctx.folded, max(0, cand.start - 40), cand.start)
    if (
        m is not None
        and cand.earliest is not None
        and cand.latest is not None
        and cand.granularity not in ("day", "range")
    ):
        which = next(name for name, value in m.groupdict().items() if value is not None)
        first, last = cal.part((cand.earliest, cand.latest), which, halves=halves)
        cand = replace(
            cand,
            start=m.start(),
            earliest=first,
            latest=last,
            weak=False,
            modifiers=cand.modifiers + (which,),
        )
    elif m is not None and cand.earliest is None and cand.granularity not in ("day", "range"):
        which = next(name for name, value in m.groupdict().items() if value is not None)
        cand = replace(cand, start=m.start(), weak=False, modifiers=cand.modifiers + (which,))
    b = lex.bound_before.search(ctx.folded, max(0, cand.start - 40), cand.start)
    if b is not None and (cand.granularity != "range" or cand.modifiers):
        which = next(name for name, value in b.groupdict().items() if value is not None)
        if which == "before" and "end" in cand.modifiers:
            which = "by"  # "before the end of the year": by its end
        if which == "by":
            cand = replace(
                cand, start=b.start(), earliest=None, modifiers=cand.modifiers + ("by",), weak=False
            )
        elif which == "before":
            latest = cand.earliest - ONE_DAY if cand.earliest is not None else None
            cand = replace(
                cand,
                start=b.start(),
                earliest=None,
                latest=latest,
                modifiers=cand.modifiers + ("before",),
                weak=False,
            )
        elif which == "since":
            # "since March 2009" starts in March 2009 and runs on: the value is March 2009 with "since" (the
            # Recognizers-Text convention), never a range up to the article's date.
            cand = replace(cand, start=b.start(), modifiers=cand.modifiers + ("since",), weak=False)
    if lex.bound_after is not None and not _BOUNDS.intersection(cand.modifiers):
        cand = _bound_after(ctx, cand)
    return cand


_BOUNDS = frozenset({"by", "before", "since"})


def _bound_after(ctx: Context, cand: Cand) -> Cand:
    """A bound written after the date ("2020年以来" since 2020, "2030年之前" before 2030)."""
    assert ctx.lex.bound_after is not None
    a = ctx.lex.bound_after.match(ctx.folded, cand.end)
    if a is None or cand.earliest is None:
        return cand
    if a.groupdict().get("by") is not None or (a.group("before") is not None and "end" in cand.modifiers):
        # "le 15 mai au plus tard", "年底前": by that day, by the end of the year.
        return replace(cand, end=a.end(), earliest=None, modifiers=cand.modifiers + ("by",), weak=False)
    if a.group("since") is not None:
        return replace(cand, end=a.end(), modifiers=cand.modifiers + ("since",), weak=False)
    return replace(cand, end=a.end(), earliest=None, latest=cand.earliest - ONE_DAY,
                   modifiers=cand.modifiers + ("before",), weak=False)


def find_with_tense(text: str, lang: str, ref_date: dt.date | None) -> list[tuple[Mention, str | None]]:
    """Time mentions, as ``find`` gives them, each with the tense ("past", "future" or None) of its clause."""
    return with_tenses(text, lang, find(text, lang, ref_date))


def with_tenses(text: str, lang: str, mentions: Sequence[Mention]) -> list[tuple[Mention, str | None]]:
    """The time ``mentions`` that ``find`` gives for ``text``, each with the tense of its clause (none if one fails).

    Apart from ``find_with_tense`` so that a caller that has the mentions already does not read them again.
    """
    try:
        if not mentions:
            return []
        matched = _matches(text, lang)
        # The tense is read off the words around a mention: the reference date plays no part.
        ctx = Context(text=text, folded=matched[0] if matched else fold(text), ref=None, lex=lexicon(lang))
        return [(m, ctx.tense(m.start, m.end)) for m in mentions]
    except Exception:  # noqa: BLE001 - a recognizer must never raise on odd input
        return []


def report_cue_before(text: str, lang: str, start: int) -> str | None:
    """The report cue ("according to a report from X on") that introduces a date at ``start``, if any."""
    lex = lexicon(lang)
    cues = lex.data.report_cues
    if not cues:
        return None
    # Only the stretch before the date is read: folding the whole text for each date would be quadratic.
    offset = max(0, start - 300)
    folded = fold(text[offset:start])
    local = start - offset
    sentence_start = max(folded.rfind(ch, 0, local) for ch in ".!?;\n") + 1
    window_start = max(sentence_start, local - 90)
    pattern = _report_regex(lang)
    found = None
    for m in pattern.finditer(folded, window_start, local):
        found = m
    if found is None:
        return None
    return text[offset + found.start() : start].strip()


@cache
def today_words(lang: str) -> re.Pattern[str] | None:
    """The words of ``lang`` for the reference day itself ("today", "aujourd'hui", "今天"), on unfolded text."""
    words = [w for w, offset in lexicon(lang).data.relative_days.names.items() if offset == 0]
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


def dateline_marks(lang: str) -> re.Pattern[str] | None:
    """The marks that, right after a date, open a dateline in ``lang`` ("6月2日电"), if it has them."""
    from checker.recognize.time_suffixed import dateline_after

    return dateline_after(lexicon(lang))


def may_have_report_cue(text: str, lang: str) -> bool:
    """False when no stretch of ``text`` can hold a report cue, so ``report_cue_before`` is None everywhere."""
    if not lexicon(lang).data.report_cues:
        return False
    # Folding is one character at a time: a cue found in a folded stretch is in the folded whole text too.
    folded = fold(text)
    return all(condition.search(folded) for condition in necessary(_report_regex(lang)))


@cache
def _report_regex(lang: str) -> re.Pattern[str]:
    from checker.recognize.time_data import alternation

    cues = lexicon(lang).data.report_cues
    return re.compile(r"(?<![a-z])" + alternation(cues) + r"(?![a-z])")
