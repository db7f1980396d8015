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
and modifier words in front ("end of", "d'ici") are folded in.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import re._compiler as sre_compile
import re._constants as sre_c
import re._parser as sre_parse
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from checker import lang as langdata
from checker.recognize import time_calendar as cal
from checker.recognize.prefilter import WORD, necessary, parse, trie, word_keys
from checker.recognize.time_clock import attach_clocks
from checker.recognize.time_core import ONE_DAY, Cand, Context
from checker.recognize.time_data import TimeData, fold, key
from checker.recognize.time_rules import EXCLUSIVE_DAY_RANGE_END, Lexicon, Rule, build_lexicon
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
def _lexicon(lang: str) -> Lexicon:
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


Chosen = tuple[tuple[Rule, tuple[int, ...]], ...]

# Past this many remembered word sets a plan forgets them all: memory stays bounded on any input.
_MAX_CHOSEN = 4096


@dataclass(frozen=True)
class _Plan:
    """The rules to try on texts with (or without) a digit, their key words and their conditions (``_plan``)."""

    rules: tuple[tuple[Rule, tuple[frozenset[str], ...], tuple[int, ...]], ...]
    conditions: tuple[re.Pattern[str], ...]
    # Every key word of the rules: the words of a text that decide which rules can match in it.
    vocabulary: frozenset[str]
    remembered: dict[frozenset[str], Chosen]

    def chosen(self, words: frozenset[str]) -> Chosen:
        """The rules (with their conditions) each of whose key sets holds one of ``words``, a text's key words.

        Texts share few key-word sets ("the", "in", "year"): the choice is made once per set.
        """
        chosen = self.remembered.get(words)
        if chosen is None:
            if len(self.remembered) >= _MAX_CHOSEN:
                self.remembered.clear()
            chosen = self.remembered[words] = tuple(
                (rule, conditions) for rule, keys, conditions in self.rules
                if not any(needed.isdisjoint(words) for needed in keys))
        return chosen


@dataclass(frozen=True)
class _Scanner:
    """What ``_matches`` reads for one language, gathered once."""

    lexicon: Lexicon
    with_digit: _Plan
    without_digit: _Plan
    # The prefilter's words (``word_prefilter``) and their openings (``_word_openings``), when it has a digit test.
    words: re.Pattern[str] | None
    openings: re.Pattern[str] | None


_SCANNERS: dict[str, _Scanner] = {}


def _scanner(lang: str) -> _Scanner:
    words = word_prefilter(lang)
    scanner = _SCANNERS[lang] = _Scanner(
        lexicon=_lexicon(lang),
        with_digit=_plan(lang, True),
        without_digit=_plan(lang, False),
        words=words,
        openings=None if words is None else _word_openings(lang),
    )
    return scanner


def prefilter_phrases(lang: str) -> tuple[str, ...]:
    """The data phrases (month and weekday names, "today", units, seasons, holidays) the prefilter looks for."""
    return _lexicon(lang).prefilter_phrases


@cache
def word_prefilter(lang: str) -> re.Pattern[str] | None:
    """The prefilter without its leading ``\\d`` alternative (a text with a digit passes it anyway), if it has one."""
    prefilter = _lexicon(lang).prefilter
    if prefilter.pattern.startswith("\\d|"):
        return re.compile(prefilter.pattern[3:], prefilter.flags)
    return None


@cache
def _word_openings(lang: str) -> re.Pattern[str]:
    """A regex found wherever the prefilter's words are: one literal word of each of their alternatives.

    The words are an alternation of phrases ("the day after tomorrow", "june.?"); one search for
    a word of each ("tomorrow", "june"), factored by common prefixes, costs less than one for the
    phrases. When some alternative has no literal word, the words themselves are returned.
    """
    words = word_prefilter(lang)
    assert words is not None
    parsed = parse(words)
    openings = None if parsed is None else _literals(list(parsed))
    if not openings:
        return words
    # A word that contains another ("yesterday", "day") is found only where that one is: leave it out.
    least = [w for w in openings if not any(other in w for other in openings if other != w)]
    return re.compile(trie(sorted(least)), words.flags)


def _literals(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Literal strings one of which occurs in every match of the parsed sequence ``items``; None if none is known.

    Of the sequence's mandatory parts (a run of literal characters, an alternation or a group
    whose every branch has such strings), the one whose shortest string is longest is chosen.
    """
    options: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is sre_c.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append({run})
            run = ""
        inner: set[str] | None = None
        if op is sre_c.BRANCH:
            branches = [_literals(list(branch)) for branch in av[1]]
            if all(branch is not None for branch in branches):
                inner = {text for branch in branches if branch is not None for text in branch}
        elif op is sre_c.SUBPATTERN and not av[1] and not av[2]:
            inner = _literals(list(av[3]))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and av[0] >= 1:
            inner = _literals(list(av[2]))
        # Anything else (a class, an optional part, a look-around) only ends the run of literals.
        if inner:
            options.append(inner)
    if run:
        options.append({run})
    return max(options, key=lambda option: min(map(len, option))) if options else None


@cache
def _conditions(lang: str) -> tuple[tuple[re.Pattern[str], ...], ...]:
    """Per rule, regexes that match wherever the rule does (``prefilter.necessary``)."""
    return tuple(necessary(rule.regex) for rule in _lexicon(lang).rules)


@cache
def _plan(lang: str, digits: bool) -> _Plan:
    """The rules to try, in order, with their key words (``word_keys``) and conditions.

    Without ``digits`` the rules that need one are left out. Conditions are given as indices
    into ``_Plan.conditions``, the distinct conditions of all rules.
    A condition that each of a key set's words satisfies is left out: it holds wherever the keys do.
    """
    needs_digit = () if digits else _digit_rules(lang)
    numbered: dict[re.Pattern[str], int] = {}
    plan = []
    ungated: list[int] = []  # the plan's rules with no key words and a core that opens with digits
    for index, (rule, conditions, (core, quick)) in enumerate(zip(_lexicon(lang).rules, _conditions(lang),
                                                                  _cores(lang), strict=True)):
        if index in needs_digit:
            continue
        keys = word_keys(rule.regex)
        # A core that opens with a character is searched about as fast as a condition, and finds less.
        kept = () if quick else tuple(c for c in conditions
                                      if not any(all(c.search(word) for word in needed) for needed in keys))
        # The core comes last: it is the costlier search, needed only where every cheap condition holds.
        searched = kept + ((core,) if core is not None else ())
        plan.append((rule, keys, tuple(numbered.setdefault(c, len(numbered)) for c in searched)))
        if not keys and core is not None and _opens_with_digit(rule.regex):
            ungated.append(len(plan) - 1)
    # The rules without key words are tried on every text, and most texts hold none of their cores
    # (a numeric date, a range of years): one search for any of those cores (``_gate``) tells as much for all.
    gate = _gate([plan[index][0] for index in ungated]) if len(ungated) > 1 else None
    if gate is not None:
        opening = numbered.setdefault(gate, len(numbered))
        for index in ungated:
            gated, gated_keys, numbers = plan[index]
            plan[index] = (gated, gated_keys, (opening, *numbers))
    vocabulary = frozenset(word for _rule, keys, _conditions in plan for needed in keys for word in needed)
    return _Plan(rules=tuple(plan), conditions=tuple(numbered), vocabulary=vocabulary, remembered={})


@cache
def _cores(lang: str) -> tuple[tuple[re.Pattern[str] | None, bool], ...]:
    """Per rule, the core of its pattern (``_core``): a condition that, unlike the others, keeps the word bounds.

    With it, whether it opens with a character ``re`` can skip ahead to.
    """
    return tuple(_core(rule.regex) or (None, False) for rule in _lexicon(lang).rules)


_REPEATS = (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT)


def _gate(rules: list[Rule]) -> re.Pattern[str] | None:
    """One regex found wherever the core (``_core_items``) of one of ``rules`` is; None if none can be made.

    The cores each open with a digit. ``re`` skips ahead to the opening of an alternation only
    when each branch opens with a literal, so the gate reads a digit, then checks which digit
    it read (a look-behind, one per distinct opening) before matching the rest of the cores
    that open with it: a match of the gate is a match of a core, and the other way round.
    """
    flags = {rule.regex.flags for rule in rules}
    if len(flags) != 1:
        return None
    state = sre_parse.State()
    rests: dict[str, tuple[tuple[Any, Any], list[sre_parse.SubPattern]]] = {}
    for rule in rules:
        found = _core_items(rule.regex)
        opened = None if found is None else _openings(found[0])
        if opened is None:
            return None
        for first, rest in opened:
            rebuilt = _without_groups(state, rest)
            if rebuilt is None or not _item_needs_digit(*first):
                return None
            # Items print alike when they are alike (a class is a list, which cannot be a key itself).
            rests.setdefault(repr(first), (first, []))[1].append(sre_parse.SubPattern(state, rebuilt))
    branches = [sre_parse.SubPattern(state, [(sre_c.ASSERT, (-1, sre_parse.SubPattern(state, [first]))),
                                             (sre_c.BRANCH, (None, after))])
                for first, after in rests.values()]
    items = [(sre_c.IN, [(sre_c.CATEGORY, sre_c.CATEGORY_DIGIT)]), (sre_c.BRANCH, (None, branches))]
    return sre_compile.compile(sre_parse.SubPattern(state, items), flags.pop())


def _opens_with_digit(pattern: re.Pattern[str]) -> bool:
    """Whether each way to open the core of ``pattern`` (``_core_items``) reads a digit."""
    found = _core_items(pattern)
    opened = None if found is None else _openings(found[0])
    return opened is not None and all(_item_needs_digit(*first) for first, _rest in opened)


# Past this many ways to open, a sequence is not spelled out (each optional opening item doubles them).
_MAX_OPENINGS = 32


def _openings(items: list[tuple[Any, Any]]) -> list[tuple[tuple[Any, Any], list[tuple[Any, Any]]]] | None:
    """``items`` spelled out as a choice of (opening character, the rest); None if that cannot be done.

    Each match of ``items`` is a match of one choice at the same place, and the other way round.
    Alternations and optional or repeated openings become several choices; the look-behinds the
    sequence opens with move past its first character (``(?<!a)b`` is ``b(?<!ab)``).
    """
    found = _spelled(items, [])
    return found if found is not None and len(found) <= _MAX_OPENINGS else None


def _spelled(items: list[tuple[Any, Any]],
             behind: list[tuple[Any, Any]]) -> list[tuple[tuple[Any, Any], list[tuple[Any, Any]]]] | None:
    """``_openings`` of ``behind`` (look-behinds) followed by ``items``."""
    if not items:
        return None
    (op, av), rest = items[0], items[1:]
    if op in _LOOKAROUNDS and av[0] == -1:
        return _spelled(rest, [*behind, (op, av)])
    if op in (sre_c.LITERAL, sre_c.IN):
        moved = [(assertion, (-1, sre_parse.SubPattern(inner.state, [*inner, (op, av)])))
                 for assertion, (_direction, inner) in behind]
        return [((op, av), moved + rest)]
    ways: list[list[tuple[Any, Any]]]
    if op is sre_c.SUBPATTERN and not av[1] and not av[2]:
        # A group is read as its items: the rest refers to no group (``_core_items``).
        ways = [list(av[3]) + rest]
    elif op is sre_c.BRANCH:
        ways = [list(branch) + rest for branch in av[1]]
    elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, high, inner = av
        if high == 0:
            ways = [rest]
        else:
            again = [] if high == 1 else [(op, (max(low - 1, 0), high if high is sre_c.MAXREPEAT else high - 1, inner))]
            ways = [list(inner) + again + rest] + ([rest] if low == 0 else [])
    else:
        return None
    found: list[tuple[tuple[Any, Any], list[tuple[Any, Any]]]] = []
    for way in ways:
        opened = _spelled(way, behind)
        if opened is None or len(found) + len(opened) > _MAX_OPENINGS:
            return None
        found.extend(opened)
    return found


def _without_groups(state: Any, items: Any) -> list[tuple[Any, Any]] | None:
    """``items`` with their capturing groups made plain, under ``state``; None if they refer to a group.

    Cores of different rules number their groups alike: in one pattern they would clash.
    """
    def again(inner: Any) -> Any:
        rebuilt = _without_groups(state, inner)
        if rebuilt is None:
            raise LookupError
        return sre_parse.SubPattern(state, rebuilt)

    out: list[tuple[Any, Any]] = []
    try:
        for op, av in items:
            if op is sre_c.SUBPATTERN:
                out.append((op, (None, av[1], av[2], again(av[3]))))
            elif op is sre_c.BRANCH:
                out.append((op, (None, [again(branch) for branch in av[1]])))
            elif op in _REPEATS:
                out.append((op, (av[0], av[1], again(av[2]))))
            elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
                out.append((op, (av[0], again(av[1]))))
            elif op is sre_c.ATOMIC_GROUP:
                out.append((op, again(av)))
            elif op in (sre_c.LITERAL, sre_c.NOT_LITERAL, sre_c.IN, sre_c.ANY, sre_c.AT):
                out.append((op, av))
            else:
                return None
    except LookupError:
        return None
    return out


def _core(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], bool] | None:
    """The core of ``pattern`` compiled (``_core_items``), and whether it opens with a character; None if none."""
    found = _core_items(pattern)
    if found is None:
        return None
    items, opened = found
    state = parse(pattern).state
    return sre_compile.compile(sre_parse.SubPattern(state, items), pattern.flags), opened


def _core_items(pattern: re.Pattern[str]) -> tuple[list[tuple[Any, Any]], bool] | None:
    """A stretch of ``pattern``'s own items found wherever ``pattern`` is, and whether it opens with a character.

    None when no stretch is known. The top-level sequence of items, without the optional ones
    it opens and closes with, is the stretch, with the look-arounds it holds
    ("(?<![a-z0-9])(?:may|june)(?![a-z])"). Every match of the pattern holds a match of the
    stretch, at the same place in the same text, so the stretch is a necessary condition. Rules
    open with optional words that keep ``re`` from skipping ahead; the stretch opens with none,
    and it rejects "mar" in "market", which the literal conditions cannot. The sequence is cut
    where an item refers to a group (``(?P=sep)``), and the piece whose shortest match is
    longest is kept.
    """
    parsed = parse(pattern)
    if parsed is None:
        return None
    items = list(parsed)
    while len(items) == 1 and items[0][0] is sre_c.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = list(items[0][1][3])
    stretches: list[list[tuple[Any, Any]]] = [[]]
    for op, av in items:
        if _refers_to_group(op, av):
            stretches.append([])
        else:
            stretches[-1].append((op, av))
    stretches = [_trimmed(stretch) for stretch in stretches]
    widths = [(sre_parse.SubPattern(parsed.state, stretch).getwidth()[0], -index)
              for index, stretch in enumerate(stretches)]
    (width, best) = max(widths)
    if width == 0:
        return None
    stretch = stretches[-best]
    # The stretch opens with a look-behind; moved past its first character, ``re`` can skip to that character.
    opened = _opening_character(parsed.state, stretch)
    return opened or stretch, opened is not None


def _trimmed(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """``items`` without the optional ones they open and close with (keeping the look-arounds at the ends).

    Optional items inside the stretch ("\\s*" between two words) are kept: the stretch is still
    found inside every match, and a longer one is a stronger condition.
    """
    mandatory = [index for index, (op, av) in enumerate(items)
                 if not (op in _REPEATS and av[0] == 0) and op not in _ZERO_WIDTH]
    if not mandatory:
        return []
    first, last = mandatory[0], mandatory[-1]
    while first > 0 and items[first - 1][0] in _LOOKAROUNDS and items[first - 1][1][0] == -1:
        first -= 1
    while last + 1 < len(items) and items[last + 1][0] in _LOOKAROUNDS and items[last + 1][1][0] == 1:
        last += 1
    return items[first : last + 1]


_LOOKAROUNDS = (sre_c.ASSERT, sre_c.ASSERT_NOT)
# Alternations of at most this many branches (bounded digit runs, not word lists) take look-behinds in.
_MAX_BRANCHES = 4
_ZERO_WIDTH = (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT)


def _opening_character(state: Any, items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]] | None:
    """Items found wherever ``items`` are (and only there) that open with one character; None if none are known.

    ``re`` skips ahead only to a pattern's literal or class opening: one that opens with a
    look-behind is tried at every position. A look-behind before a character ``c`` is the same
    test as one after it that also reads ``c`` (``(?<![a-z])c`` is ``c(?<![a-z]c)``); groups are
    opened (a core need not capture) and a repeated character lends its first repetition.
    """
    behind = []
    index = 0
    while index < len(items) and items[index][0] in (sre_c.ASSERT, sre_c.ASSERT_NOT) and items[index][1][0] == -1:
        behind.append(items[index])
        index += 1
    if index == len(items):
        return None
    op, av = items[index]
    rest = items[index + 1 :]
    after: list[tuple[Any, Any]] = []
    if op in (sre_c.LITERAL, sre_c.IN):
        first = (op, av)
    elif op is sre_c.SUBPATTERN and not av[1] and not av[2]:
        return _opening_character(state, behind + list(av[3]) + rest)
    elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and av[0] >= 1 and len(av[2]) == 1 and av[2][0][0] in (
            sre_c.LITERAL, sre_c.IN):
        low, high, inner = av
        first = inner[0]
        if high != 1:
            after = [(op, (low - 1, high if high is sre_c.MAXREPEAT else high - 1, inner))]
    elif op is sre_c.BRANCH and len(av[1]) <= _MAX_BRANCHES:
        # The look-behinds go into each branch; when every branch then opens with a literal, ``re``
        # skips ahead to their class ("(?:1[0-9]|20|21)" skips to a 1 or a 2).
        branches = [_opening_character(state, behind + list(branch)) for branch in av[1]]
        if not all(branch and branch[0][0] is sre_c.LITERAL for branch in branches):
            return None
        return [(sre_c.BRANCH, (None, [sre_parse.SubPattern(state, branch) for branch in branches if branch])), *rest]
    else:
        # Long alternations are left alone: a class of their first letters passes most positions, and
        # each of those would then try every branch where the look-behind used to fail at once.
        return None
    moved = [(assertion, (-1, sre_parse.SubPattern(state, [*inner_items[1], first])))
             for assertion, inner_items in behind]
    return [first, *moved, *after, *rest]


def _refers_to_group(op: Any, av: Any) -> bool:
    """Whether a parsed item is or holds a back-reference (its group may lie outside a stretch)."""
    if op in (sre_c.GROUPREF, sre_c.GROUPREF_EXISTS, sre_c.GROUPREF_IGNORE, sre_c.GROUPREF_LOC_IGNORE,
              sre_c.GROUPREF_UNI_IGNORE):
        return True
    if op is sre_c.BRANCH:
        return any(_holds_reference(branch) for branch in av[1])
    if op is sre_c.SUBPATTERN:
        return _holds_reference(av[3])
    if op in _REPEATS:
        return _holds_reference(av[2])
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
        return _holds_reference(av[1])
    if op is sre_c.ATOMIC_GROUP:
        return _holds_reference(av)
    return False


def _holds_reference(seq: Any) -> bool:
    return any(_refers_to_group(op, av) for op, av in seq)


_DIGIT = re.compile(r"\d")


@cache
def _digit_rules(lang: str) -> frozenset[int]:
    """Indices of the rules whose every match contains a digit, read off their parsed patterns."""
    rules = _lexicon(lang).rules
    # The parse is shared with the rule conditions (``prefilter.necessary``).
    return frozenset(i for i, rule in enumerate(rules)
                     if (parsed := parse(rule.regex)) is not None and _needs_digit(parsed))


def _needs_digit(seq: Any) -> bool:
    """Whether every string matched by the parsed pattern ``seq`` contains a ``\\d`` character.

    Conservative: any construct not understood counts as "maybe no digit".
    """
    return any(_item_needs_digit(op, av) for op, av in seq)


def _item_needs_digit(op: Any, av: Any) -> bool:
    if op is sre_c.LITERAL:
        return chr(av).isdigit() and _DIGIT.match(chr(av)) is not None
    if op is sre_c.IN:
        return bool(av) and all(_class_item_is_digit(o, a) for o, a in av)
    if op is sre_c.BRANCH:
        return all(_needs_digit(branch) for branch in av[1])
    if op is sre_c.SUBPATTERN:
        return _needs_digit(av[3])
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
        return av[0] >= 1 and _needs_digit(av[2])
    if op is sre_c.ATOMIC_GROUP:
        return _needs_digit(av)
    return False


def _class_item_is_digit(op: Any, av: Any) -> bool:
    if op is sre_c.LITERAL:
        return _DIGIT.match(chr(av)) is not None
    if op is sre_c.RANGE:
        return all(_DIGIT.match(chr(c)) is not None for c in range(av[0], av[1] + 1))
    return op is sre_c.CATEGORY and av is sre_c.CATEGORY_DIGIT


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
    try:
        cands = scan(text, lang, ref_date)
        if not cands:
            return []
        matched = _matches(text, lang)
        ctx = Context(text=text, folded=matched[0] if matched else fold(text), ref=ref_date, lex=_lexicon(lang))
        return [(_mention(text, c, ref_date), ctx.tense(c.start, c.end)) for c in cands]
    except Exception:  # noqa: BLE001 - a recognizer must never raise on odd input
        return []


def report_cue_before(text: str, lang: str, start: int) -> str | None:
    """The report cue ("according to a report from X on") that introduces a date at ``start``, if any."""
    lex = _lexicon(lang)
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
    words = [w for w, offset in _lexicon(lang).data.relative_days.names.items() if offset == 0]
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


def dateline_marks(lang: str) -> re.Pattern[str] | None:
    """The marks that, right after a date, open a dateline in ``lang`` ("6月2日电"), if it has them."""
    from checker.recognize.time_suffixed import dateline_after

    return dateline_after(_lexicon(lang))


def may_have_report_cue(text: str, lang: str) -> bool:
    """False when no stretch of ``text`` can hold a report cue, so ``report_cue_before`` is None everywhere."""
    if not _lexicon(lang).data.report_cues:
        return False
    # Folding is one character at a time: a cue found in a folded stretch is in the folded whole text too.
    folded = fold(text)
    return all(condition.search(folded) for condition in necessary(_report_regex(lang)))


@cache
def _report_regex(lang: str) -> re.Pattern[str]:
    from checker.recognize.time_data import alternation

    cues = _lexicon(lang).data.report_cues
    return re.compile(r"(?<![a-z])" + alternation(cues) + r"(?![a-z])")
