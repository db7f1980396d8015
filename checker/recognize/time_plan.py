"""The time recognizer's plan: which of a language's compiled rules to run on a text, and what to test first.

Speed only: ``scanner(lexicon)`` reads the compiled rules once and gives, for texts with and
without a digit, a ``Plan``: per rule the word sets one word of each of which every match holds
(``prefilter.word_keys``), the cheap regexes found wherever the rule matches
(``prefilter.necessary``), and the rule's core (its top-level stretch without the optional words
it opens with, ``core``); the rules without key words whose cores open with a digit share one
search (``digit_gate``). A rule the plan leaves out for a text cannot match in it, so the time
recognizer gives the same mentions as when it runs every rule on every text
(``tests/test_time_plan.py`` checks that on random texts; ``tests/test_prefilter.py`` on the
language examples).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from checker import build_cache
from checker import regex_syntax as rx
from checker.recognize.lazy import lazy_compile
from checker.recognize.prefilter import necessary, parse, trie, word_keys
from checker.recognize.time_rules import Lexicon, Rule

Chosen = tuple[tuple[Rule, tuple[int, ...]], ...]

# Past this many remembered word sets a plan forgets them all: memory stays bounded on any input.
_MAX_CHOSEN = 4096


@dataclass(frozen=True)
class Plan:
    """The rules to try on texts with (or without) a digit, their key words and their conditions (``plan``)."""

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
class Scanner:
    """What the time recognizer reads for one language before it runs a rule, gathered once (``scanner``)."""

    lexicon: Lexicon
    with_digit: Plan
    without_digit: Plan
    # The prefilter's words (``word_prefilter``) and their openings (``_word_openings``), when it has a digit test.
    words: re.Pattern[str] | None
    openings: re.Pattern[str] | None


def scanner(lexicon: Lexicon) -> Scanner:
    """The plans, the prefilter's words and their openings for the compiled rules of ``lexicon``."""
    words = word_prefilter(lexicon.prefilter)
    return Scanner(
        lexicon=lexicon,
        with_digit=plan(lexicon.rules, True),
        without_digit=plan(lexicon.rules, False),
        words=words,
        openings=None if words is None else _word_openings(words),
    )


def word_prefilter(prefilter: re.Pattern[str]) -> re.Pattern[str] | None:
    """The prefilter without its leading ``\\d`` alternative (a text with a digit passes it anyway), if it has one."""
    if prefilter.pattern.startswith("\\d|"):
        return lazy_compile(prefilter.pattern[3:], prefilter.flags)
    return None


def _word_openings(words: re.Pattern[str]) -> re.Pattern[str]:
    """A regex found wherever the prefilter's words are: one literal word of each of their alternatives.

    The words are an alternation of phrases ("the day after tomorrow", "june.?"); one search for
    a word of each ("tomorrow", "june"), factored by common prefixes, costs less than one for the
    phrases. When some alternative has no literal word, the words themselves are returned.
    """
    parsed = parse(words)
    openings = None if parsed is None else _literals(list(parsed))
    if not openings:
        return words
    # A word that contains another ("yesterday", "day") is found only where that one is: leave it out.
    least = [w for w in openings if not any(other in w for other in openings if other != w)]
    return lazy_compile(trie(sorted(least)), words.flags)


def _literals(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Literal strings one of which occurs in every match of the parsed sequence ``items``; None if none is known.

    Of the sequence's mandatory parts (a run of literal characters, an alternation or a group
    whose every branch has such strings), the one whose shortest string is longest is chosen.
    """
    options: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is rx.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append({run})
            run = ""
        inner: set[str] | None = None
        if op is rx.BRANCH:
            branches = [_literals(list(branch)) for branch in av[1]]
            if all(branch is not None for branch in branches):
                inner = {text for branch in branches if branch is not None for text in branch}
        elif op is rx.SUBPATTERN and not av[1] and not av[2]:
            inner = _literals(list(av[3]))
        elif op in (rx.MAX_REPEAT, rx.MIN_REPEAT) and av[0] >= 1:
            inner = _literals(list(av[2]))
        # Anything else (a class, an optional part, a look-around) only ends the run of literals.
        if inner:
            options.append(inner)
    if run:
        options.append({run})
    return max(options, key=lambda option: min(map(len, option))) if options else None


def plan(rules: Sequence[Rule], digits: bool) -> Plan:
    """The rules to try, in order, with their key words (``word_keys``) and conditions.

    Without ``digits`` the rules that need one are left out. Conditions are given as indices
    into ``Plan.conditions``, the distinct conditions of all rules.
    A condition that each of a key set's words satisfies is left out: it holds wherever the keys do.
    """
    needs_digit = () if digits else digit_rules(rules)
    numbered: dict[re.Pattern[str], int] = {}
    steps = []
    ungated: list[int] = []  # the plan's rules with no key words and a core that opens with digits
    for index, rule in enumerate(rules):
        if index in needs_digit:
            continue
        keys = word_keys(rule.regex)
        # Regexes that match wherever the rule does (``prefilter.necessary``), and its core (``core``): a
        # condition that, unlike the others, keeps the word bounds, and whether it opens with a character.
        conditions = necessary(rule.regex)
        rule_core, quick = core(rule.regex) or (None, False)
        # A core that opens with a character is searched about as fast as a condition, and finds less.
        kept = () if quick else tuple(c for c in conditions
                                      if not any(all(c.search(word) for word in needed) for needed in keys))
        # The core comes last: it is the costlier search, needed only where every cheap condition holds.
        searched = kept + ((rule_core,) if rule_core is not None else ())
        steps.append((rule, keys, tuple(numbered.setdefault(c, len(numbered)) for c in searched)))
        if not keys and rule_core is not None and opens_with_digit(rule.regex):
            ungated.append(len(steps) - 1)
    # The rules without key words are tried on every text, and most texts hold none of their cores
    # (a numeric date, a range of years): one search for any of those cores (``digit_gate``) tells as much for all.
    gate = digit_gate([steps[index][0] for index in ungated]) if len(ungated) > 1 else None
    if gate is not None:
        opening = numbered.setdefault(gate, len(numbered))
        for index in ungated:
            gated, gated_keys, numbers = steps[index]
            steps[index] = (gated, gated_keys, (opening, *numbers))
    vocabulary = frozenset(word for _rule, keys, _conditions in steps for needed in keys for word in needed)
    return Plan(rules=tuple(steps), conditions=tuple(numbered), vocabulary=vocabulary, remembered={})


_REPEATS = rx.REPEATS


def digit_gate(rules: list[Rule]) -> re.Pattern[str] | None:
    """One regex found wherever the core (``core_items``) of one of ``rules`` is; None if none can be made.

    The cores each open with a digit. ``re`` skips ahead to the opening of an alternation only
    when each branch opens with a literal, so the gate reads a digit, then checks which digit
    it read (a look-behind, one per distinct opening) before matching the rest of the cores
    that open with it: a match of the gate is a match of a core, and the other way round.
    """
    flags = {rule.regex.flags for rule in rules}
    if len(flags) != 1:
        return None
    rests: dict[str, tuple[tuple[Any, Any], list[list[rx.Item]]]] = {}
    for rule in rules:
        found = core_items(rule.regex)
        opened = None if found is None else opening_choices(found[0])
        if opened is None:
            return None
        for first, rest in opened:
            rebuilt = without_groups(rest)
            if rebuilt is None or not _item_needs_digit(*first):
                return None
            # Items print alike when they are alike (a class is a list, which cannot be a key itself).
            rests.setdefault(repr(first), (first, []))[1].append(rebuilt)
    branches = [[(rx.ASSERT, (-1, [first])), (rx.BRANCH, (None, after))] for first, after in rests.values()]
    items = [(rx.IN, [(rx.CATEGORY, rx.CATEGORY_DIGIT)]), (rx.BRANCH, (None, branches))]
    return lazy_compile(rx.source(items), flags.pop())


def opens_with_digit(pattern: re.Pattern[str]) -> bool:
    """Whether each way to open the core of ``pattern`` (``core_items``) reads a digit."""
    found = core_items(pattern)
    opened = None if found is None else opening_choices(found[0])
    return opened is not None and all(_item_needs_digit(*first) for first, _rest in opened)


# Past this many ways to open, a sequence is not spelled out (each optional opening item doubles them).
_MAX_OPENINGS = 32


def opening_choices(items: list[tuple[Any, Any]]) -> list[tuple[tuple[Any, Any], list[tuple[Any, Any]]]] | None:
    """``items`` spelled out as a choice of (opening character, the rest); None if that cannot be done.

    Each match of ``items`` is a match of one choice at the same place, and the other way round.
    Alternations and optional or repeated openings become several choices; the look-behinds the
    sequence opens with move past its first character (``(?<!a)b`` is ``b(?<!ab)``).
    """
    found = _spelled(items, [])
    return found if found is not None and len(found) <= _MAX_OPENINGS else None


def _spelled(items: list[tuple[Any, Any]],
             behind: list[tuple[Any, Any]]) -> list[tuple[tuple[Any, Any], list[tuple[Any, Any]]]] | None:
    """``opening_choices`` of ``behind`` (look-behinds) followed by ``items``."""
    if not items:
        return None
    (op, av), rest = items[0], items[1:]
    if op in _LOOKAROUNDS and av[0] == -1:
        return _spelled(rest, [*behind, (op, av)])
    if op in (rx.LITERAL, rx.IN):
        moved = [(assertion, (-1, [*inner, (op, av)]))
                 for assertion, (_direction, inner) in behind]
        return [((op, av), moved + rest)]
    ways: list[list[tuple[Any, Any]]]
    if op is rx.SUBPATTERN and not av[1] and not av[2]:
        # A group is read as its items: the rest refers to no group (``core_items``).
        ways = [list(av[3]) + rest]
    elif op is rx.BRANCH:
        ways = [list(branch) + rest for branch in av[1]]
    elif op in (rx.MAX_REPEAT, rx.MIN_REPEAT):
        low, high, inner = av
        if high == 0:
            ways = [rest]
        else:
            again = [] if high == 1 else [(op, (max(low - 1, 0), high if high == rx.MAXREPEAT else high - 1, inner))]
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


def without_groups(items: Any) -> list[tuple[Any, Any]] | None:
    """``items`` with their capturing groups made plain; None if they refer to a group.

    Cores of different rules number their groups alike: in one pattern they would clash.
    """
    def again(inner: Any) -> Any:
        rebuilt = without_groups(inner)
        if rebuilt is None:
            raise LookupError
        return rebuilt

    out: list[tuple[Any, Any]] = []
    try:
        for op, av in items:
            if op is rx.SUBPATTERN:
                out.append((op, (None, av[1], av[2], again(av[3]))))
            elif op is rx.BRANCH:
                out.append((op, (None, [again(branch) for branch in av[1]])))
            elif op in _REPEATS:
                out.append((op, (av[0], av[1], again(av[2]))))
            elif op in (rx.ASSERT, rx.ASSERT_NOT):
                out.append((op, (av[0], again(av[1]))))
            elif op is rx.ATOMIC_GROUP:
                out.append((op, again(av)))
            elif op in (rx.LITERAL, rx.NOT_LITERAL, rx.IN, rx.ANY, rx.AT):
                out.append((op, av))
            else:
                return None
    except LookupError:
        return None
    return out


def core(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], bool] | None:
    """The core of ``pattern`` compiled (``core_items``), and whether it opens with a character; None if none."""
    found = build_cache.remembered("core", pattern.pattern, pattern.flags, lambda: _core_source(pattern), _is_core)
    if found is None:
        return None
    source, opened = found
    return lazy_compile(source, pattern.flags), opened


def _core_source(pattern: re.Pattern[str]) -> tuple[str, bool] | None:
    found = core_items(pattern)
    if found is None:
        return None
    items, opened = found
    try:
        return rx.source(items), opened
    except rx.Unwritable:
        return None


def _is_core(value: object) -> bool:
    return value is None or (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str)
                             and isinstance(value[1], bool))


def core_items(pattern: re.Pattern[str]) -> tuple[list[tuple[Any, Any]], bool] | None:
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
    while len(items) == 1 and items[0][0] is rx.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = list(items[0][1][3])
    stretches: list[list[tuple[Any, Any]]] = [[]]
    for op, av in items:
        if rx.refers_to_group(op, av):
            stretches.append([])
        else:
            stretches[-1].append((op, av))
    stretches = [_trimmed(stretch) for stretch in stretches]
    widths = [(rx.min_width(stretch), -index)
              for index, stretch in enumerate(stretches)]
    (width, best) = max(widths)
    if width == 0:
        return None
    stretch = stretches[-best]
    # The stretch opens with a look-behind; moved past its first character, ``re`` can skip to that character.
    opened = _opening_character(stretch)
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


_LOOKAROUNDS = (rx.ASSERT, rx.ASSERT_NOT)
# Alternations of at most this many branches (bounded digit runs, not word lists) take look-behinds in.
_MAX_BRANCHES = 4
_ZERO_WIDTH = (rx.ASSERT, rx.ASSERT_NOT, rx.AT)


def _opening_character(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]] | None:
    """Items found wherever ``items`` are (and only there) that open with one character; None if none are known.

    ``re`` skips ahead only to a pattern's literal or class opening: one that opens with a
    look-behind is tried at every position. A look-behind before a character ``c`` is the same
    test as one after it that also reads ``c`` (``(?<![a-z])c`` is ``c(?<![a-z]c)``); groups are
    opened (a core need not capture) and a repeated character lends its first repetition.
    """
    behind = []
    index = 0
    while index < len(items) and items[index][0] in (rx.ASSERT, rx.ASSERT_NOT) and items[index][1][0] == -1:
        behind.append(items[index])
        index += 1
    if index == len(items):
        return None
    op, av = items[index]
    rest = items[index + 1 :]
    after: list[tuple[Any, Any]] = []
    if op in (rx.LITERAL, rx.IN):
        first = (op, av)
    elif op is rx.SUBPATTERN and not av[1] and not av[2]:
        return _opening_character(behind + list(av[3]) + rest)
    elif op in (rx.MAX_REPEAT, rx.MIN_REPEAT) and av[0] >= 1 and len(av[2]) == 1 and av[2][0][0] in (
            rx.LITERAL, rx.IN):
        low, high, inner = av
        first = inner[0]
        if high != 1:
            after = [(op, (low - 1, high if high == rx.MAXREPEAT else high - 1, inner))]
    elif op is rx.BRANCH and len(av[1]) <= _MAX_BRANCHES:
        # The look-behinds go into each branch; when every branch then opens with a literal, ``re``
        # skips ahead to their class ("(?:1[0-9]|20|21)" skips to a 1 or a 2).
        branches = [_opening_character(behind + list(branch)) for branch in av[1]]
        if not all(branch and branch[0][0] is rx.LITERAL for branch in branches):
            return None
        return [(rx.BRANCH, (None, [branch for branch in branches if branch])), *rest]
    else:
        # Long alternations are left alone: a class of their first letters passes most positions, and
        # each of those would then try every branch where the look-behind used to fail at once.
        return None
    moved = [(assertion, (-1, [*inner_items[1], first]))
             for assertion, inner_items in behind]
    return [first, *moved, *after, *rest]


_DIGIT = re.compile(r"\d")


def digit_rules(rules: Sequence[Rule]) -> frozenset[int]:
    """Indices of the rules whose every match contains a digit, read off their parsed patterns."""
    return frozenset(i for i, rule in enumerate(rules) if _rule_needs_digit(rule.regex))


def _rule_needs_digit(pattern: re.Pattern[str]) -> bool:
    def analysed() -> bool:
        # The parse is shared with the rule conditions (``prefilter.necessary``).
        parsed = parse(pattern)
        return parsed is not None and _needs_digit(parsed)

    return build_cache.remembered("needs_digit", pattern.pattern, pattern.flags, analysed,
                                  lambda value: isinstance(value, bool))


def _needs_digit(seq: Any) -> bool:
    """Whether every string matched by the parsed pattern ``seq`` contains a ``\\d`` character.

    Conservative: any construct not understood counts as "maybe no digit".
    """
    return any(_item_needs_digit(op, av) for op, av in seq)


def _item_needs_digit(op: Any, av: Any) -> bool:
    if op is rx.LITERAL:
        return chr(av).isdigit() and _DIGIT.match(chr(av)) is not None
    if op is rx.IN:
        return bool(av) and all(_class_item_is_digit(o, a) for o, a in av)
    if op is rx.BRANCH:
        return all(_needs_digit(branch) for branch in av[1])
    if op is rx.SUBPATTERN:
        return _needs_digit(av[3])
    if op in (rx.MAX_REPEAT, rx.MIN_REPEAT, rx.POSSESSIVE_REPEAT):
        return av[0] >= 1 and _needs_digit(av[2])
    if op is rx.ATOMIC_GROUP:
        return _needs_digit(av)
    return False


def _class_item_is_digit(op: Any, av: Any) -> bool:
    if op is rx.LITERAL:
        return _DIGIT.match(chr(av)) is not None
    if op is rx.RANGE:
        return all(_DIGIT.match(chr(c)) is not None for c in range(av[0], av[1] + 1))
    return op is rx.CATEGORY and av is rx.CATEGORY_DIGIT
