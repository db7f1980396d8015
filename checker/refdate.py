"""Infer a document's reference date from its own text when its metadata gave none.

Order of evidence:

1. a dateline at the start of the first body block ("PARIS, 3 March (Reuters) -",
   "Lyon (Agency) – Le 9 mars,", "March 3, 2023 —"): source "dateline";
2. the day the lead calls today ("today (March 3)", "今天(3月9日)"): source "inferred";
3. a publication stamp above the lead, a date with its time of day ("09-14 08:05 Source: X",
   "2024-03-05 08:12"): source "stamp";
4. a report date in the text ("according to a report from X on October 21st",
   "selon un rapport du 21 octobre", "published on ..."): source "inferred";
5. nothing: the date stays unknown.

When the day found has no year, the year is inferred from the years the text
itself places in the past and the future. Every candidate year Y (the years
the text mentions, and one either side) is scored with the day placed in Y:

* each relative expression ("June next year", "l'année prochaine") that then
  equals an absolute one in the same text ("June 2027") scores +3;
* each absolute time in a past-tense clause scores +1 when it ends before the
  day, -2 when it starts after it; in a future-tense clause, +1 when it
  starts after the day, -2 when it ends before it.

The best score wins; a tie goes to the earliest year, since a news text's
"future" years are usually after its own. A year that only past events
support ("founded in 1992") is no inference: every later year fits them as
well, so the date then stays unknown. With no candidate year at all the
date stays unknown (a day without a year pins nothing), and the day is kept as
``DocumentInfo.reference_day`` ("XXXX-03-09") with its evidence: the articles of
the same story may give its year (``checker/story.py``). Boilerplate zones
("© 2021 ...") are blanked out first: they are never evidence, but for a stamp
above the lead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from checker.document import Document
from checker.recognize import time as timerec
from checker.recognize import time_memo
from checker.records import TimeValue

_DATELINE_LEAD = 100  # characters of the first body block a dateline may start within
_SEPARATOR_AFTER = re.compile(r"\s*(?:[,:\u2013\u2014-]|\(|$)")
_SEPARATOR_BEFORE = re.compile(r"(?:[,:\u2013\u2014\-)]|\s)\s*$")
_SEPARATOR_IN = re.compile(r"[,:\u2013\u2014\-)]")
_TIMEX_DAY = re.compile(r"XXXX-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class Day:
    """A day the text gives, at ``start:end`` of the analysis text: its month and day, and its year if it says one."""

    start: int
    end: int
    month: int
    day: int
    year: int | None = None


def resolve_reference_date(doc: Document) -> Document:
    """``doc`` with ``info.reference_date`` (its source, its evidence) inferred when metadata had none."""
    info = doc.info
    if info.reference_date is not None or info.reference_date_source != "unknown":
        return doc
    lang = info.language or "en"
    text = _without_boilerplate(doc)
    found: tuple[Day, str] | None = None
    source, finder = "unknown", _FINDERS[0][1]
    for candidate in _FINDERS:
        found = candidate[1](doc, text, lang)
        if found is not None:
            source, finder = candidate
            break
    if found is None:
        return doc
    day, evidence = found
    year = day.year
    if year is None:
        year = infer_year(text, lang, day.month, day.day, exclude=(day.start, day.end))
        if year is None:
            # The day without its year: other articles of the story may tell the year.
            timex = f"XXXX-{day.month:02d}-{day.day:02d}"
            kind = ("today" if finder in (_today, _own_weekday) else "report" if finder is _report
                    else source)
            partial = info.model_copy(update={"reference_day": timex,
                                              "reference_date_evidence": f"{kind}: {evidence}"})
            return dataclasses.replace(doc, info=partial)
    date = dt.date(year, day.month, day.day)
    new_info = info.model_copy(
        update={"reference_date": date, "reference_date_source": source, "reference_date_evidence": evidence}
    )
    return dataclasses.replace(doc, info=new_info)


Finder = Callable[[Document, str, str], "tuple[Day, str] | None"]


def _without_boilerplate(doc: Document) -> str:
    """The analysis text with boilerplate zones blanked (offsets unchanged)."""
    text = doc.text
    for zone in doc.zones:
        if zone.kind == "boilerplate":
            text = text[: zone.start] + " " * (zone.end - zone.start) + text[zone.end :]
    return text


def _first_body_start(doc: Document) -> int:
    for zone in doc.zones:
        if zone.kind in ("body", "lead"):
            return zone.start
    return 0


def _times(text: str, lang: str, ref: dt.date | None) -> list[tuple[int, int, TimeValue]]:
    """The time mentions of ``text`` read against ``ref``: where each is, and its value."""
    # The same text is read against the same date by several finders: ``time_memo`` reads it once.
    return [(m.start, m.end, m.value) for m in time_memo.mentions(text, lang, ref) if isinstance(m.value, TimeValue)]


def _days(text: str, lang: str) -> list[Day]:
    """The single days the text names by month and day (with or without a year)."""
    out = []
    for start, end, value in _times(text, lang, None):
        if value.granularity != "day":
            continue
        if value.earliest is not None and value.resolution == "absolute":
            out.append(Day(start, end, value.earliest.month, value.earliest.day, value.earliest.year))
        elif value.timex and (yearless := _TIMEX_DAY.match(value.timex)):
            out.append(Day(start, end, int(yearless.group(1)), int(yearless.group(2))))
    return out


def _dateline(doc: Document, text: str, lang: str) -> tuple[Day, str] | None:
    """A date that opens the first body block, before a separator ("PARIS, 3 March (Agency) -")."""
    start = _first_body_start(doc)
    head = text[start : start + _DATELINE_LEAD + 60]
    # Where the language marks a dateline after its date ("上海6月2日电"), that mark is enough.
    marked = timerec.dateline_marks(lang)
    for cand in _days(head, lang):
        if cand.start > _DATELINE_LEAD:
            break
        before = head[: cand.start]
        if re.search(r"[.!?]\s|[。！？]", before):
            break  # past the first sentence: not a dateline
        at_start = not before.strip()
        if marked is not None and marked.match(head, cand.end):
            shifted = dataclasses.replace(cand, start=cand.start + start, end=cand.end + start)
            return shifted, head[cand.start : cand.end]
        if cand.year is None and before.strip() and not _SEPARATOR_IN.search(before):
            # "On March 29, the firm said ...": a sentence's own date, not one the article is filed under.
            continue
        if (at_start or _SEPARATOR_BEFORE.search(before)) and _SEPARATOR_AFTER.match(head, cand.end):
            shifted = dataclasses.replace(cand, start=cand.start + start, end=cand.end + start)
            return shifted, head[cand.start : cand.end]
    return None


def _report(doc: Document, text: str, lang: str) -> tuple[Day, str] | None:
    return _report_date(text, lang)


def _today(doc: Document, text: str, lang: str) -> tuple[Day, str] | None:
    """ "today (March 9)", "今天(3月9日)": the lead names the day it calls today, in brackets after it."""
    start = _first_body_start(doc)
    head = text[start : start + _DATELINE_LEAD + 100]
    today = timerec.today_words(lang)
    if today is None or today.search(head) is None:
        return None
    for cand in _days(head, lang):
        opened = _TODAY_OPEN.search(head, 0, cand.start)
        if opened is None or not _TODAY_CLOSE.match(head, cand.end):
            continue
        word = today.search(head, max(0, opened.start() - 12), opened.start())
        if word is None or word.end() != opened.start():
            continue
        shifted = dataclasses.replace(cand, start=cand.start + start, end=cand.end + start)
        return shifted, head[word.start() : _TODAY_CLOSE.match(head, cand.end).end()]  # type: ignore[union-attr]
    return None


_TODAY_OPEN = re.compile(r"\s*[(（]\s*$")
_TODAY_CLOSE = re.compile(r"\s*[)）]")
# A publication stamp: a line that opens with a date (year first, or month and day) and its time of day.
_STAMP = re.compile(r"^[ \t]*(?:(?P<y>(?:19|20)\d\d)[-/.年])?(?P<m>1[0-2]|0?[1-9])[-/.月](?P<d>3[01]|[12]\d|0?[1-9])日?"
                    r"[ \t]+(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d:])", re.MULTILINE)


def _own_weekday(doc: Document, text: str, lang: str) -> tuple[Day, str] | None:
    """ "a déclaré ce jeudi" and "jeudi 14 mars": the date the text gives the weekday it calls its own."""
    patterns = _weekday_patterns(lang)
    if patterns is None:
        return None
    names, own_pattern, named = patterns
    own = own_pattern.search(text)
    if own is None:
        return None
    weekday = names[own.group(1).lower()]
    for cand in _days(text, lang):
        if cand.start <= own.start() < cand.end:
            continue
        window = text[max(0, cand.start - _WEEKDAY_REACH):cand.end]
        if not any(names[m.group(1).lower()] == weekday for m in named.finditer(window)):
            continue
        if cand.year is not None and dt.date(cand.year, cand.month, cand.day).weekday() != weekday:
            continue
        return cand, f"{own.group(0)}: {text[cand.start:cand.end]}"
    return None


@cache
def _weekday_patterns(lang: str) -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]] | None:
    """The weekday names of ``lang`` (ambiguous ones left out), the pattern of a weekday the text calls its
    own ("ce jeudi"), and that of any weekday; None when the language has no such words."""
    data = timerec.lexicon(lang).data
    if not data.own_weekday_before:
        return None
    names = {name: index for name, index in data.weekdays.names.items() if name not in data.weekdays.ambiguous}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    before = "|".join(re.escape(w) for w in data.own_weekday_before)
    own = re.compile(rf"(?<!\w)(?:{before})\s+({alternation})(?!\w)", re.IGNORECASE)
    return names, own, re.compile(rf"(?<!\w)({alternation})(?!\w)", re.IGNORECASE)


# How far before a date its weekday may stand ("jeudi 14 mars", "Thursday, March 14").
_WEEKDAY_REACH = 15


def _stamp(doc: Document, text: str, lang: str) -> tuple[Day, str] | None:
    """A date with its time of day on a line of its own above the lead ("09-14 08:05 Source: X")."""
    first = _first_body_start(doc)
    for zone in doc.zones:
        if zone.start >= first:
            break
        if zone.kind == "headline":
            continue
        m = _STAMP.match(doc.text, zone.start, zone.end)
        if m is None:
            continue
        year = int(m.group("y")) if m.group("y") else None
        month, day = int(m.group("m")), int(m.group("d"))
        try:
            dt.date(year or 2000, month, day)
        except ValueError:
            continue
        return Day(m.start(), m.end(), month, day, year), m.group(0).strip()
    return None


def _report_date(text: str, lang: str) -> tuple[Day, str] | None:
    if not timerec.may_have_report_cue(text, lang):
        # Most texts name no report: their times need not be read for one.
        return None
    for cand in _days(text, lang):
        cue = timerec.report_cue_before(text, lang, cand.start)
        if cue is not None:
            return cand, f"{cue} {text[cand.start : cand.end]}"
    return None


def infer_year(text: str, lang: str, month: int, day: int, exclude: tuple[int, int] = (0, 0)) -> int | None:
    """The year that makes the text's past, future and relative times most consistent (see module doc)."""
    absolute: list[_Dated] = [
        (c.earliest, c.latest, tense)
        for m, tense in time_memo.with_tenses(text, lang, None)
        if isinstance(c := m.value, TimeValue)
        and c.resolution == "absolute"
        and c.earliest is not None
        and c.latest is not None
        and not (m.start < exclude[1] and exclude[0] < m.end)
    ]
    years = {y for earliest, latest, _ in absolute for y in (earliest.year, latest.year) if 1900 <= y <= 2100}
    if not years:
        return None
    candidates = sorted({y + d for y in years for d in (-1, 0, 1)})
    best: tuple[int, int] | None = None
    for year in candidates:
        try:
            ref = dt.date(year, month, day)
        except ValueError:
            continue
        score = _score(text, lang, ref, absolute)
        if best is None or score > best[0]:
            best = (score, year)
    if best is None or not _bounded_above(text, lang, dt.date(best[1], month, day), absolute):
        return None
    return best[1]


# An absolute time of the text: its first and last day, and the tense of its clause.
_Dated = tuple[dt.date, dt.date, str | None]


def _bounded_above(text: str, lang: str, ref: dt.date, absolute: list[_Dated]) -> bool:
    """Whether something in the text stops the year from being any later one.

    Past events alone ("founded in 1992") fit every later year equally: the text was written some
    time after them, not necessarily the year after. A future event after the day, or a relative
    time that equals an absolute one, pins the year.
    """
    if any(tense == "future" and earliest > ref for earliest, _, tense in absolute):
        return True
    intervals = {(earliest, latest) for earliest, latest, _ in absolute}
    return any(c.resolution == "relative" and (c.earliest, c.latest) in intervals
               for _, _, c in _times(text, lang, ref))


def _score(text: str, lang: str, ref: dt.date, absolute: list[_Dated]) -> int:
    score = 0
    intervals = {(earliest, latest) for earliest, latest, _ in absolute}
    for _, _, c in _times(text, lang, ref):
        if c.resolution == "relative" and (c.earliest, c.latest) in intervals:
            score += 3
    for earliest, latest, tense in absolute:
        if tense == "past":
            score += 1 if latest < ref else (-2 if earliest > ref else 0)
        elif tense == "future":
            score += 1 if earliest > ref else (-2 if latest < ref else 0)
    return score


# Where the article's own day is looked for, in order (see the module doc).
_FINDERS: tuple[tuple[str, Finder], ...] = (("dateline", _dateline), ("inferred", _today), ("stamp", _stamp),
                                             ("inferred", _report), ("inferred", _own_weekday))
