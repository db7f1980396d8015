"""Story grounding: the dates of undated articles, placed by the other articles of the same run.

A stage between extraction and comparison. It reads records only (the documents' facts and
their claims) and returns them, the undated articles' dates and times placed where the story
allows; it never changes an article that has a date of its own. Claims files (``claims/``)
keep what each article says alone: what this stage adds depends on the other articles of the
run, and is made again on each run.

What places an undated article (one without ``DocumentInfo.reference_date``):

* an event it dates relatively ("today", "hier", "on Monday", "上周五") that dated articles
  date absolutely: the same fact, in scopes and of subjects that can be the same
  (``_same_event``), on one day. The days the article may have been written are those on
  which its expression means that day ("on Monday" written from Monday to Sunday of
  that week; "today" on that day only);
* a day without a year ("May 3", "3月9日") that dated articles give with its year;
* its own day without a year (a dateline "9月14日电", "today (March 9)", a stamp
  "09-14 08:05"; ``DocumentInfo.reference_day``), which then needs only its year.

Each relative expression is read again, in its own sentence (the claim's evidence), with each
candidate day (``_reading``): the recognizer and its rules of tense stay the one authority.
The candidate days of all the article's expressions are intersected. One day left is the
article's date (source "story", evidence "story: N articles" and what placed it), and every
relative time of the article is read against it (the day its figures were stated, ``Scope.as_of``,
is left unknown: a day the other articles give is no statement of this one). Several days left
leave the date unknown;
a time that reads the same on every one of them is placed (resolution "story", no anchor);
any other stays unresolved, compared as what it is (``TimeValue.timex``). No guess is made:
nothing placed, nothing changed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checker import catalogue, story_readings
from checker.link.entities import same_entity
from checker.names import entity_key
from checker.recognize import time as timerec
from checker.records import Claim, ClaimValue, DocumentInfo, TimeValue

# Candidate days are searched this far from the day of an event (a day of a month without a
# year is written up to a year around it).
SEARCH_DAYS = 400
# Days a fixed expression ("yesterday", "last Friday", "3 days ago") may lie from the day it is written.
NEAR_DAYS = 8
# A time that reads the same on these days across the candidate ones is placed (every day when fewer).
SAMPLE_STEP = 3
_NOT_EVENTS = frozenset({"unspecified", "dateline"})
_YEARLESS_DAY = re.compile(r"XXXX-(\d{2})-(\d{2})$")
# Up to this many organizations in a run, each is checked against an article's; past it, those sharing a word.
_FEW_TOPICS = 256
# Scope slots that tell two events apart when both articles give them.
_APART = ("place", "group", "instance", "variant", "party", "object", "period", "basis")


@dataclass(frozen=True)
class _Anchor:
    """A day a dated article gives an event (``claim``), or its own day (no claim: its reference date)."""

    document: str
    day: dt.date
    claim: Claim | None = None


def ground(documents: list[DocumentInfo], claims: dict[str, list[Claim]]
           ) -> tuple[list[DocumentInfo], dict[str, list[Claim]]]:
    """The documents and claims of a run, undated articles grounded by the story where it can."""
    undated = [info for info in documents if info.reference_date is None
               and any(_is_open(c) for c in claims.get(info.path, []))]
    if not undated or len(documents) < 2:
        return documents, claims
    story = _Story(documents, claims)
    infos = {info.path: info for info in documents}
    grounded = dict(claims)
    for info in undated:
        # A run may hold several stories. The articles about the organization this one is about tell its
        # story; only when none does, those that name no organization may.
        placed = None
        for related in story.tiers(info.path):
            placed = _ground_one(info, claims.get(info.path, []), story, related)
            if placed is not None:
                break
        if placed is not None:
            infos[info.path], grounded[info.path] = placed
    return [infos[info.path] for info in documents], grounded


def _is_open(claim: Claim) -> bool:
    value = claim.value.value
    return isinstance(value, TimeValue) and value.resolution == "unresolved"


class _Story:
    """The days a run's articles give, indexed by fact and by day of the year, and which articles share a topic."""

    def __init__(self, documents: list[DocumentInfo], claims: dict[str, list[Claim]]) -> None:
        self.dated = {info.path: info.reference_date for info in documents if info.reference_date is not None}
        self.by_fact: dict[str, list[_Anchor]] = {}
        self.by_day: dict[tuple[int, int], list[_Anchor]] = {}
        # The same anchors by article too: a topic's few articles are looked up, not the whole run filtered.
        self._of_article: dict[tuple[str, object], list[_Anchor]] = {}
        for anchor in _anchors(documents, claims, self.dated):
            day = (anchor.day.month, anchor.day.day)
            if anchor.claim is not None:
                self.by_fact.setdefault(anchor.claim.attribute, []).append(anchor)
                self._of_article.setdefault((anchor.document, anchor.claim.attribute), []).append(anchor)
            self.by_day.setdefault(day, []).append(anchor)
            self._of_article.setdefault((anchor.document, day), []).append(anchor)
        self.topics = {info.path: _topic(claims.get(info.path, [])) for info in documents}
        self.untopical = frozenset(path for path, topic in self.topics.items() if topic is None)
        self.everyone = frozenset(self.topics)
        self.by_topic: dict[str, set[str]] = {}
        self.by_word: dict[str, set[str]] = {}
        for path, topic in self.topics.items():
            if topic is not None:
                self.by_topic.setdefault(topic, set()).add(path)
                for word in entity_key(topic).split():
                    self.by_word.setdefault(word, set()).add(topic)
        # The articles whose topic meets a topic, found once per topic (a story's articles share one).
        self._same_topic: dict[str, frozenset[str]] = {}
        self._meet_memo: dict[tuple[str, str], bool] = {}
        # What depends only on a tier (and a day), found once per tier: a topic's undated articles ask the same.
        self._dated_days_memo: dict[frozenset[str], list[dt.date]] = {}
        self._distinct_days_memo: dict[frozenset[str], list[dt.date]] = {}
        self._years_memo: dict[tuple[int, int, frozenset[str]], int | None] = {}

    def tiers(self, path: str) -> list[frozenset[str]]:
        """The articles that may tell an undated article's story: those of its topic first, then those of none.

        A tier is shared by the articles of a topic, the article itself among them (``anchors`` leaves it
        out; being undated, it gives no day of its own).
        """
        topic = self.topics.get(path)
        if topic is None:
            return [self.everyone]
        same = self._same_topic.get(topic)
        if same is None:
            if len(self.by_topic) <= _FEW_TOPICS:
                near: set[str] = set(self.by_topic)  # few: each is checked, spelling variants and scripts too
            else:
                near = {other for word in entity_key(topic).split() for other in self.by_word.get(word, ())}
                near.add(topic)
            same = frozenset(p for other in near if self._topics_meet(topic, other) for p in self.by_topic[other])
            self._same_topic[topic] = same
        return [tier for tier in (same, self.untopical) if len(tier) > (path in tier)]

    def _topics_meet(self, a: str, b: str) -> bool:
        """``_names_meet(a, b)``, asked once per pair of topics (it is symmetric; each topic asks of every other)."""
        pair = (a, b) if a <= b else (b, a)
        met = self._meet_memo.get(pair)
        if met is None:
            met = self._meet_memo[pair] = _names_meet(a, b)
        return met

    def anchors(self, claim: Claim, related: frozenset[str], path: str) -> list[_Anchor]:
        """The days of related articles (other than ``path``, the claim's) that may be the day of ``claim``'s event."""
        day = _yearless_day(claim)
        found = [a for a in self._among(self.by_fact, claim.attribute, related)
                 if a.document != path and _meets(claim, day, a)]
        if day:
            found += [a for a in self._among(self.by_day, day, related)
                      if a.document != path and (a.claim is None or a.claim.attribute != claim.attribute)
                      and _meets(claim, day, a)]
        return found

    def _among(self, index: dict[Any, list[_Anchor]], key: Any, related: frozenset[str]) -> list[_Anchor]:
        """The anchors ``index`` holds under ``key`` (a fact or a day) that ``related`` articles give, in no
        particular order (what is made of them are sets)."""
        whole = index.get(key, ())
        if len(related) < len(whole):
            return [a for path in related for a in self._of_article.get((path, key), ())]
        return [a for a in whole if a.document in related]

    def dated_days(self, related: frozenset[str]) -> list[dt.date]:
        """The own days of the dated articles among ``related``, in order."""
        found = self._dated_days_memo.get(related)
        if found is None:
            if len(related) < len(self.dated):  # a topic's few articles in a run of many
                found = sorted(self.dated[path] for path in related if path in self.dated)
            else:
                found = sorted(day for path, day in self.dated.items() if path in related)
            self._dated_days_memo[related] = found
        return found

    def agreed_year(self, month: int, day: int, related: frozenset[str]) -> int | None:
        """The year that puts ``month``/``day`` nearest the day of every dated article among ``related``;
        None when they do not all agree (or none is dated)."""
        memo_key = (month, day, related)
        if memo_key not in self._years_memo:
            years: set[int] = set()
            for dated in self._distinct_days(related):  # many articles of a story share a day: each weighed once
                options = [d for d in (_safe(dated.year + shift, month, day) for shift in (-1, 0, 1)) if d is not None]
                if options:
                    years.add(min(options, key=lambda d: abs((d - dated).days)).year)
                    if len(years) > 1:
                        break  # no agreement: the rest cannot make one
            self._years_memo[memo_key] = years.pop() if len(years) == 1 else None
        return self._years_memo[memo_key]

    def _distinct_days(self, related: frozenset[str]) -> list[dt.date]:
        found = self._distinct_days_memo.get(related)
        if found is None:
            found = self._distinct_days_memo[related] = sorted(set(self.dated_days(related)))
        return found


def _anchors(documents: list[DocumentInfo], claims: dict[str, list[Claim]],
             dated: dict[str, dt.date]) -> Iterator[_Anchor]:
    """The days the run's articles give: the dated articles' own days and days, and absolute days anywhere."""
    for path, day in dated.items():
        yield _Anchor(path, day)
    for path, found in claims.items():
        for claim in found:
            value = claim.value.value
            if not isinstance(value, TimeValue) or value.earliest is None or value.earliest != value.latest:
                continue
            if value.granularity != "day" or value.modifiers:
                continue
            if path in dated or value.resolution == "absolute":
                yield _Anchor(path, value.earliest, claim)


def _ground_one(info: DocumentInfo, claims: list[Claim], story: _Story, related: frozenset[str]
                ) -> tuple[DocumentInfo, list[Claim]] | None:
    lang = info.language or "en"
    open_claims = [c for c in claims if _is_open(c)]
    days: set[dt.date] | None = None
    sources: set[str] = set()
    for claim in open_claims:
        if claim.value.value.granularity != "day":  # type: ignore[union-attr]
            continue
        met = story.anchors(claim, related, info.path)
        if not met:
            continue
        event_days = {a.day for a in met}
        if len(event_days) != 1:
            continue  # the story gives the event several days (or several events match): it dates nothing
        possible = _days_meaning(claim, lang, event_days.pop())
        if not possible:
            continue  # an expression no day makes the event's: a disagreement for comparison to show
        narrowed = possible if days is None else days & possible
        if not narrowed:
            return None  # the story does not agree with itself about this article: no guess
        days = narrowed
        sources |= {a.document for a in met}
    dated_days = story.dated_days(related)
    own = _own_days(info, days, story, related)
    if own is not None:
        days = own
        if days and info.reference_day and not sources:
            sources = {"dated"}
    if not days:
        return None
    count = len(sources - {"dated"}) or len(dated_days)
    if len(days) == 1:
        day = next(iter(days))
        return _dated(info, claims, lang, day, count)
    return info, _placed(claims, lang, sorted(days))


def _topic(claims: list[Claim]) -> str | None:
    """The organization an article is mainly about: the topic most of its claims carry."""
    counts: dict[str, int] = {}
    for claim in claims:
        if claim.topic:
            counts[claim.topic] = counts.get(claim.topic, 0) + 1
    return min(counts, key=lambda t: (-counts[t], t)) if counts else None


def _names_meet(a: str, b: str) -> bool:
    """One entity, or one name written shorter ("SU7", "Orvane SU7")."""
    if entity_key(a) == entity_key(b) or same_entity(a, b):
        return True
    words_a, words_b = set(entity_key(a).split()), set(entity_key(b).split())
    return bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)


def _own_days(info: DocumentInfo, days: set[dt.date] | None, story: _Story, related: frozenset[str]
              ) -> set[dt.date] | None:
    """The candidate days narrowed to the article's own day without a year, if it gives one.

    Without other evidence its year is the one that puts the day nearest the dated articles
    (``related``), when they all agree on it.
    """
    if not info.reference_day:
        return days
    month, day = int(info.reference_day[5:7]), int(info.reference_day[8:10])
    if days is not None:
        return {d for d in days if (d.month, d.day) == (month, day)}
    year = story.agreed_year(month, day, related)
    if year is None:
        return None
    found = _safe(year, month, day)
    return {found} if found is not None else None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _yearless_day(claim: Claim) -> tuple[int, int] | None:
    """The month and day of a claim's time that is a day of a month without a year ("May 3")."""
    value = claim.value.value
    assert isinstance(value, TimeValue)
    found = _YEARLESS_DAY.match(value.timex or "")
    return (int(found.group(1)), int(found.group(2))) if found else None


def _meets(claim: Claim, day: tuple[int, int] | None, anchor: _Anchor) -> bool:
    """Whether an article's open time (``day``: its month and day when it has no year) and a dated one can be
    the same day of the story."""
    if day is not None and (anchor.day.month, anchor.day.day) == day:
        # A day of a month without a year and the same day with one (or an article of the story dated so).
        return anchor.claim is None or _subjects_meet(claim, anchor.claim)
    return anchor.claim is not None and _same_event(claim, anchor.claim)


def _same_event(a: Claim, b: Claim) -> bool:
    """The same fact, of subjects and in scopes that can be one."""
    if a.attribute != b.attribute or a.attribute in _NOT_EVENTS or a.attribute.startswith("open:"):
        return False
    if catalogue.fact(a.attribute) is None:
        return False
    for slot in _APART:
        left, right = getattr(a.scope, slot), getattr(b.scope, slot)
        if left is not None and right is not None and left != right:
            return False
    return _subjects_meet(a, b)


def _subjects_meet(a: Claim, b: Claim) -> bool:
    """No subject on one side, or names that can be one (``_names_meet``)."""
    if a.subject is None or b.subject is None:
        return True
    return _names_meet(a.subject, b.subject)


def _days_meaning(claim: Claim, lang: str, day: dt.date) -> set[dt.date]:
    """The days on which ``claim``'s time, written then, means ``day``: an interval found from a first one."""
    def hit(ref: dt.date) -> bool:
        read = _reading(claim, lang, ref)
        return read is not None and read.earliest == day and read.latest == day

    first = None
    read = _reading(claim, lang, day)
    tries = [day]
    if read is not None and read.earliest is not None:
        tries.append(day + (day - read.earliest))  # a fixed offset ("yesterday", "3 days ago") read back
    tries += [day + dt.timedelta(days=k) for n in range(1, NEAR_DAYS + 1) for k in (n, -n)]
    for ref in tries:
        if abs((ref - day).days) <= SEARCH_DAYS and hit(ref):
            first = ref
            break
    if first is None:
        return set()
    low = _edge(hit, first, -1)
    high = _edge(hit, first, 1)
    return {low + dt.timedelta(days=n) for n in range((high - low).days + 1)}


def _edge(hit: object, start: dt.date, direction: int) -> dt.date:
    """The last day from ``start`` in ``direction`` that still ``hit``s (the hits are taken to be one interval)."""
    assert callable(hit)
    good, step = start, 1
    while step <= SEARCH_DAYS:
        probe = good + dt.timedelta(days=direction * step)
        if not hit(probe):
            break
        good, step = probe, step * 2
    bad = good + dt.timedelta(days=direction * step)
    while abs((bad - good).days) > 1:
        middle = good + dt.timedelta(days=direction * (abs((bad - good).days) // 2))
        if hit(middle):
            good = middle
        else:
            bad = middle
    return good


def _reading(claim: Claim, lang: str, ref: dt.date) -> TimeValue | None:
    """The claim's time read again in its own sentence, written on ``ref``; None when it is not read alike."""
    start = claim.value.start - claim.evidence.start
    end = claim.value.end - claim.evidence.start
    return _read(claim.evidence.quote, lang, ref, start, end)


@lru_cache(maxsize=65536)
def _read(sentence: str, lang: str, ref: dt.date, start: int, end: int) -> TimeValue | None:
    return story_readings.reading(sentence, lang, ref, start, end, _read_afresh)


def _read_afresh(sentence: str, lang: str, ref: dt.date, start: int, end: int) -> TimeValue | None:
    for cand in timerec.scan(sentence, lang, ref):
        if cand.start == start and cand.end == end:
            return cand.value(ref)
    return None


def _dated(info: DocumentInfo, claims: list[Claim], lang: str, day: dt.date, count: int
           ) -> tuple[DocumentInfo, list[Claim]]:
    """The article dated ``day`` by the story, each of its relative times read against it."""
    kind = info.reference_date_evidence if info.reference_day else None
    evidence = f"story: {count} article{'s' if count != 1 else ''}" + (f"; {kind}" if kind else "")
    dated = info.model_copy(update={"reference_date": day, "reference_date_source": "story",
                                    "reference_date_evidence": evidence})
    out = []
    for claim in claims:
        value = claim.value.value
        if isinstance(value, TimeValue) and value.resolution == "unresolved":
            read = _reading(claim, lang, day)
            if read is not None and read.earliest is not None:
                claim = _with_value(claim, read, day)
        out.append(claim)
    return dated, out


def _placed(claims: list[Claim], lang: str, days: list[dt.date]) -> list[Claim]:
    """The claims whose relative time reads alike on every candidate day, placed; the others unchanged."""
    samples = sorted({*days[::SAMPLE_STEP], days[0], days[-1]})
    out = []
    for claim in claims:
        value = claim.value.value
        if isinstance(value, TimeValue) and value.resolution == "unresolved":
            readings = {_key(_reading(claim, lang, day)) for day in samples}
            if len(readings) == 1:
                read = _reading(claim, lang, days[0])
                if read is not None and read.earliest is not None:
                    claim = _with_value(claim, read, None)
        out.append(claim)
    return out


def _key(value: TimeValue | None) -> tuple[object, ...] | None:
    if value is None or value.earliest is None and value.latest is None:
        return None
    return (value.earliest, value.latest, value.granularity, value.modifiers, value.clock)


def _with_value(claim: Claim, read: TimeValue, anchor: dt.date | None) -> Claim:
    old = claim.value.value
    assert isinstance(old, TimeValue)
    value = read.model_copy(update={"resolution": "story", "anchor": anchor, "timex": None,
                                    "zone": read.zone or old.zone})
    return claim.model_copy(update={"value": ClaimValue(text=claim.value.text, start=claim.value.start,
                                                        end=claim.value.end, value=value)})


def grounded_count(documents: Iterable[DocumentInfo]) -> int:
    """How many articles the story dated (for summaries)."""
    return sum(1 for info in documents if info.reference_date_source == "story")
