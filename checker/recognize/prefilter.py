"""Cheap necessary conditions for expensive regexes, read off their parsed patterns.

``necessary(pattern)`` gives a few small regexes (a literal word, an alternation
of literal words, a character class) of which each matches somewhere in every
string that ``pattern`` matches in. A text that fails one of them cannot hold a
match, so the costly pattern need not run over it: the result is the same, only
cheaper. The rules of the recognizers start with look-behinds and optional
words, which keep ``re`` from skipping ahead to likely starts; the conditions
have no such parts and scan fast.

The analysis is conservative: any construct it does not understand yields no
condition, never a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from checker import build_cache
from checker import regex_syntax as rx
from checker.lowered_reading import LoweredReading, plain_case
from checker.recognize.lazy import lazy_compile

# At most this many conditions per pattern: each costs one search over the text.
MAX_CONDITIONS = 3
# A condition that a single common character satisfies ("," or "-") saves nothing.
_WEAK_CLASSES = frozenset(re.escape(c) for c in " ,.-'")


@dataclass(frozen=True)
class _Cond:
    """One necessary condition: a disjunction of regex sources, and its selectivity (its shortest literal)."""

    sources: frozenset[str]
    strength: int

    def source(self) -> str:
        return "|".join(sorted(self.sources, key=lambda s: (-len(s), s)))


def necessary(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """Regexes each of which matches wherever ``pattern`` has a match (strongest first); () when none is known.

    ``pattern.search(text)`` can succeed only if every returned regex's ``search(text)`` does.
    """
    return _necessary(pattern.pattern, pattern.flags)


def parse(pattern: re.Pattern[str]) -> list[rx.Item] | None:
    """``pattern``'s syntax tree (``regex_syntax.parse``), once per process; None when it cannot be read."""
    return _parse(pattern.pattern, pattern.flags)


@cache
def _parse(source: str, flags: int) -> list[rx.Item] | None:
    try:
        return rx.parse(source, flags)
    except (re.error, ValueError, OverflowError):
        return None


@cache
def _necessary(source: str, flags: int) -> tuple[re.Pattern[str], ...]:
    sources = build_cache.remembered("necessary", source, flags, lambda: _necessary_sources(source, flags),
                                     _are_strings)
    # The compiled conditions use the pattern's own flags (case-insensitivity, ASCII classes), so that each
    # literal and class means what it means inside the pattern; VERBOSE would only change how they are read.
    return tuple(lazy_compile(condition, flags & ~re.VERBOSE) for condition in sources)


def _necessary_sources(source: str, flags: int) -> tuple[str, ...]:
    parsed = _parse(source, flags)
    if parsed is None:
        return ()
    conds = [c for c in _seq_conds(list(parsed)) if c.strength >= 2 or not (c.sources <= _WEAK_CLASSES)]
    conds.sort(key=lambda c: -c.strength)
    return tuple(dict.fromkeys(c.source() for c in conds[:MAX_CONDITIONS]))


def _are_strings(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(item, str) for item in value)


def _seq_conds(items: list[tuple[Any, Any]]) -> list[_Cond]:
    """The conditions of every mandatory item of a sequence; runs of literals count as one word."""
    conds: list[_Cond] = []
    run: list[str] = []
    for op, av in items:
        if op is rx.LITERAL:
            run.append(re.escape(chr(av)))
            continue
        if run:
            conds.append(_Cond(frozenset({"".join(run)}), len(run)))
            run = []
        if op in (rx.ASSERT, rx.ASSERT_NOT, rx.AT):
            # Zero-width: the literals on either side are still adjacent in a match, but keep runs simple.
            continue
        cond = _item_cond(op, av)
        if cond is not None:
            conds.append(cond)
    if run:
        conds.append(_Cond(frozenset({"".join(run)}), len(run)))
    return conds


def _best(items: list[tuple[Any, Any]]) -> _Cond | None:
    conds = _seq_conds(items)
    return max(conds, key=lambda c: c.strength) if conds else None


def _item_cond(op: Any, av: Any) -> _Cond | None:
    """A condition satisfied by every string the item matches, or None."""
    if op is rx.IN:
        return _class_cond(av)
    if op is rx.BRANCH:
        branches = [_best(list(branch)) for branch in av[1]]
        if not branches or any(b is None for b in branches):
            return None
        known = [b for b in branches if b is not None]
        return _Cond(frozenset().union(*(b.sources for b in known)), min(b.strength for b in known))
    if op is rx.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        if add_flags or del_flags:
            return None
        return _best(list(inner))
    if op in (rx.MAX_REPEAT, rx.MIN_REPEAT, rx.POSSESSIVE_REPEAT):
        low, _high, inner = av
        return _best(list(inner)) if low >= 1 else None
    if op is rx.ATOMIC_GROUP:
        return _best(list(av))
    return None


def _class_cond(items: list[tuple[Any, Any]]) -> _Cond | None:
    parts: list[str] = []
    for op, av in items:
        if op is rx.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is rx.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is rx.CATEGORY and av is rx.CATEGORY_DIGIT:
            parts.append(r"\d")
        else:
            # Negated classes and the broad categories (\w, \s) select nothing worth a search.
            return None
    if not parts:
        return None
    if len(parts) == 1 and len(items) == 1 and items[0][0] is rx.LITERAL:
        return _Cond(frozenset(parts), 1)
    return _Cond(frozenset({"[" + "".join(parts) + "]"}), 1)


class WordGate:
    """Which of several word-start patterns ("(?<!\\w)(?:said|told|announc\\w*)") can match in a text.

    Each pattern that opens with ``(?<!\\w)`` and then literal letters starts every match at the
    start of a word, and that word starts with one of the pattern's literal openings ("said",
    "told", "announc"). ``candidates(text)`` finds, with one scan of the text, the longest
    opening at each word start (the shorter ones there are its prefixes) and returns the
    patterns whose openings occur; the others cannot match anywhere in the text, nor in any
    part of it. Patterns of another shape are always candidates.

    Case-insensitive patterns are compared on the lower-cased text. That is exact only for
    characters whose lower case is one character, does not depend on its neighbours, keeps
    word characters word characters, and agrees with how ``re`` compares the openings' letters
    without case; a text with any other character gets every pattern as a candidate.
    """

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.count = len(patterns)
        self.always: frozenset[int] = frozenset()
        by_prefix: dict[str, set[int]] = {}
        always: set[int] = set()
        letters: set[str] = set()
        for index, pattern in enumerate(patterns):
            openings = _openings(pattern)
            if openings is None or not all(plain_case(letter) for opening in openings for letter in opening):
                always.add(index)
                continue
            for opening in openings:
                letters.update(opening)
                by_prefix.setdefault(opening.lower(), set()).add(index)
        self.always = frozenset(always)
        # One scan finds, where an opening starts, the longest one there; the shorter ones are its prefixes.
        # (Each opening's own prefixes looked up: the openings are short, their number is not.)
        self.closure = {opening: frozenset(index for end in range(len(opening) + 1)
                                           for index in by_prefix.get(opening[:end], ()))
                        for opening in by_prefix}
        self._openings = re.compile(r"(?<!\w)" + trie(sorted(by_prefix)) if by_prefix else r"(?!x)x")
        self._lowered = LoweredReading(letters)

    def candidates(self, text: str) -> frozenset[int] | range:
        """Indices of the patterns that may match in ``text`` (all of them when that cannot be told)."""
        starts = self.starts(text)
        return range(self.count) if starts is None else frozenset(starts) | self.always

    def starts(self, text: str) -> dict[int, list[int]] | None:
        """Per pattern that may match in ``text``, the sorted positions where a match of it may start.

        Only the patterns with literal openings are keyed (``always`` ones may start anywhere);
        None when that cannot be told (the same texts for which ``candidates`` returns every pattern).
        """
        if not self._lowered.readable(text):
            return None
        found: dict[int, list[int]] = {}
        for match in self._openings.finditer(text.lower()):
            for index in self.closure[match.group()]:
                found.setdefault(index, []).append(match.start())
        return found


# An atom that reads one character: a plain or escaped character, or a class without escapes or ranges inside.
_ONE_CHARACTER = re.compile(r"[^\\\[\].^$*+?{}()|]|\\\W|\[[^\]\\\[-]+\]")
# How many opening atoms split the sequences: two letters leave few sequences per part.
_SPLIT_ATOMS = 2
_MAX_OPENED = 4096


class OpeningTries:
    """Whether some of many sequences matches at a position: ``prefix + "(?=" + sequence_trie(sequences) + ")"``
    matched there, split into one trie per opening (the first atoms, each reading one character), each
    compiled the first time it is asked.

    At a position only the tries whose opening reads the characters there are run (and compiled): a
    text that opens few of the sequences compiles few of them. Sequences whose first atom does not
    read one character (``_ONE_CHARACTER``) form a part that is run at every position.
    """

    def __init__(self, sequences: list[list[str]], prefix: str, flags: int) -> None:
        groups: dict[tuple[str, ...], list[list[str]]] = {}
        for sequence in sequences:
            atoms: list[str] = []
            # (Under VERBOSE a space reads nothing: no atom is taken for one character.)
            while (len(atoms) < min(_SPLIT_ATOMS, len(sequence)) and not flags & re.VERBOSE
                   and _ONE_CHARACTER.fullmatch(sequence[len(atoms)])):
                atoms.append(sequence[len(atoms)])
            groups.setdefault(tuple(atoms), []).append(sequence)
        self._flags = flags
        # The parts by their first atom ("" for the parts run everywhere), then by the rest of their opening.
        self._parts: dict[str, list[tuple[tuple[str, ...], re.Pattern[str]]]] = {}
        for opening, grouped in sorted(groups.items()):
            part = lazy_compile(prefix + "(?=" + sequence_trie(grouped) + ")", flags)
            self._parts.setdefault(opening[0] if opening else "", []).append((opening[1:], part))
        self._reads: dict[tuple[str, str], bool] = {}
        self._by_characters: dict[str, tuple[re.Pattern[str], ...]] = {}

    def match(self, text: str, position: int) -> bool:
        """Whether the whole pattern matches in ``text`` at ``position``."""
        characters = text[position:position + _SPLIT_ATOMS]
        parts = self._by_characters.get(characters)
        if parts is None:
            if len(self._by_characters) >= _MAX_OPENED:
                self._by_characters.clear()  # memory stays bounded on any input
            parts = self._by_characters[characters] = self._opened(characters)
        return any(part.match(text, position) for part in parts)

    def _opened(self, characters: str) -> tuple[re.Pattern[str], ...]:
        """The parts whose opening reads the start of ``characters``."""
        found = [part for _rest, part in self._parts.get("", ())]
        if not characters:
            return tuple(found)
        for first, parts in self._parts.items():
            if first and self._read(first, characters[0]):
                found.extend(part for rest, part in parts if len(rest) < len(characters)
                             and all(self._read(atom, char) for atom, char in zip(rest, characters[1:], strict=False)))
        return tuple(found)

    def _read(self, atom: str, character: str) -> bool:
        # ``re``'s own reading of the atom decides (case folding included).
        known = self._reads.get((atom, character))
        if known is None:
            known = self._reads[(atom, character)] = re.fullmatch(atom, character, self._flags) is not None
        return known


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, trying only the ``starts`` a ``WordGate`` gave for it (all, when None)."""
    if starts is None:
        return list(pattern.finditer(text))
    found = []
    end = 0
    for start in starts:
        if start < end:
            continue  # finditer does not look for a match inside the previous one
        match = pattern.match(text, start)
        if match is not None:
            found.append(match)
            end = max(match.end(), start + 1)
    return found


def first_match_at(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> re.Match[str] | None:
    """``pattern.search(text)``, trying only the ``starts`` a ``WordGate`` gave for it (all, when None)."""
    if starts is None:
        return pattern.search(text)
    for start in starts:
        match = pattern.match(text, start)
        if match is not None:
            return match
    return None


def trie(words: list[str]) -> str:
    """A regex matching any of ``words`` (no groups), factored by common prefixes; the longest wins."""
    return sequence_trie([[re.escape(char) for char in word] for word in words])


def sequence_trie(sequences: list[list[str]]) -> str:
    """A regex matching any of ``sequences`` (lists of patterns), factored by common prefixes ("" for none).

    Alternatives are tried in sorted order and an ended sequence is an optional tail, so where one
    sequence is a prefix of another the longer is tried first.
    """
    root: dict[str, Any] = {}
    for sequence in sequences:
        node = root
        for atom in sequence:
            node = node.setdefault(atom, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alternatives = [atom + build(child) for atom, child in sorted(node.items()) if atom]
        if not alternatives:
            return ""
        body = "(?:" + "|".join(alternatives) + ")"
        return body + "?" if "" in node else body

    return build(root)


def _openings(pattern: re.Pattern[str]) -> list[str] | None:
    """The literal word openings of a ``(?<!\\w)...`` pattern, or None when it has another shape."""
    found = build_cache.remembered("openings", pattern.pattern, pattern.flags, lambda: _read_openings(pattern),
                                   lambda value: value is None or _are_strings(value))
    return None if found is None else list(found)


def _read_openings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    if pattern.flags & (re.VERBOSE | re.ASCII) or not pattern.flags & re.IGNORECASE:
        return None
    parsed = _parse(pattern.pattern, pattern.flags)
    if not parsed or parsed[0][0] is not rx.ASSERT_NOT:
        return None
    direction, inner = parsed[0][1]
    if direction != -1 or list(inner) != [(rx.IN, [(rx.CATEGORY, rx.CATEGORY_WORD)])]:
        return None
    lead = rx.leading_words(parsed[1:])
    return None if lead is None else tuple(lead)


# --------------------------------------------------------------------------
# Word keys: whole words a match must hold, checked against a text's words
# --------------------------------------------------------------------------

# A word is a maximal run of these letters; the rules' word bounds ("(?<![a-z0-9])", "(?![a-z])")
# reject exactly these letters next to a word, so a word they bound is a whole word of the text.
WORD = re.compile(r"[a-z]+")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Past this many spellings a word set is given up: it would cost more to build than it saves.
_MAX_KEYS = 400


def word_keys(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of words of which each holds one word of every match of ``pattern``; () when none is known.

    A word here is a maximal run of ``a``-``z`` (``WORD``). Wherever the pattern reads literal
    letters bounded on both sides by something that is no such letter (a look-behind or
    look-ahead that rejects every letter, a space, a digit, a "'", the end of the text), those
    letters are a whole word of the text. So ``pattern`` can match in a text only if, for each
    returned set, ``WORD.findall(text)`` holds one of its words: a set lookup per rule instead of
    a regex search. Patterns that ignore case get none (their letters are not ``a``-``z`` only).
    """
    return _word_keys(pattern.pattern, pattern.flags)


@cache
def _word_keys(source: str, flags: int) -> tuple[frozenset[str], ...]:
    return build_cache.remembered("word_keys", source, flags, lambda: _analysed_word_keys(source, flags),
                                  _are_word_sets)


def _are_word_sets(value: object) -> bool:
    return isinstance(value, tuple) and all(
        isinstance(words, frozenset) and all(isinstance(word, str) for word in words) for words in value)


def _analysed_word_keys(source: str, flags: int) -> tuple[frozenset[str], ...]:
    parsed = _parse(source, flags)
    if parsed is None or flags & re.IGNORECASE:
        return ()
    found = _seq_keys(_Items(flags), list(parsed), left=False, follow=False)
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class _Items:
    """What the key analysis needs besides the items: the flags to compile one of them with."""

    flags: int

    def letters(self, item: tuple[Any, Any]) -> tuple[bool, bool]:
        """Whether the one-character item matches (any, every) letter ``a``-``z``."""
        op, av = item
        if op is rx.LITERAL:
            return _is_letter(av), False
        # Items print alike when they are alike (a class is a list, which cannot be a key itself).
        known = _LETTER_TESTS.get((self.flags, repr(item)))
        if known is None:
            compiled = _compile_item(self, item)
            hits = [compiled.fullmatch(letter) is not None for letter in _LETTERS]
            known = _LETTER_TESTS[(self.flags, repr(item))] = (any(hits), all(hits))
        return known


_LETTER_TESTS: dict[tuple[int, str], tuple[bool, bool]] = {}


def _compile_item(items: _Items, item: tuple[Any, Any]) -> re.Pattern[str]:
    return re.compile(rx.source([item]), items.flags)


def _is_letter(code: int) -> bool:
    return 97 <= code <= 122


def _seq_keys(ctx: _Items, items: list[tuple[Any, Any]], left: bool, follow: bool) -> list[frozenset[str]]:
    """The word sets of a sequence's mandatory parts.

    ``left``: no letter precedes the sequence; ``follow``: no letter follows it. Each part is read
    once, with what it knows of its neighbours, so the cost stays linear in the pattern's size.
    """
    keys: list[frozenset[str]] = []
    for index, (op, av) in enumerate(items):
        rest = items[index + 1 :]
        if left and (op is rx.LITERAL and _is_letter(av)):
            words = _run(ctx, items[index:], follow)
            if words is not None and "" not in words:
                keys.append(frozenset(words))
        elif op is rx.SUBPATTERN and not av[1] and not av[2]:
            keys.extend(_seq_keys(ctx, list(av[3]), left, _bounded(ctx, rest, follow)))
        elif op is rx.BRANCH:
            bounded = _bounded(ctx, rest, follow)
            per_branch = [_seq_keys(ctx, list(branch), left, bounded) for branch in av[1]]
            if all(per_branch):
                # A set every branch has holds as it is.
                common = [needed for needed in per_branch[0] if all(needed in found for found in per_branch[1:])]
                keys.extend(common)
                # Else every match goes through one branch and holds a word of one of its sets: their union.
                union = frozenset().union(*(max(found, key=_strength) for found in per_branch))
                if len(union) <= _MAX_KEYS and union not in common:
                    keys.append(union)
        left = _left_after(ctx, op, av, left)
    return keys


def _bounded(ctx: _Items, items: list[tuple[Any, Any]], follow: bool) -> bool:
    """Whether no letter follows the position before ``items`` (``follow``: none follows them).

    ``_run`` would tell as much (its only run is ""), but this stops at the first character.
    """
    if not items:
        return follow
    (op, av), rest = items[0], items[1:]
    if op in (rx.LITERAL, rx.IN):
        return not ctx.letters((op, av))[0]
    if op is rx.ASSERT_NOT and av[0] == 1:
        inner = list(av[1])
        if len(inner) == 1 and inner[0][0] in (rx.IN, rx.LITERAL) and ctx.letters(inner[0])[1]:
            return True
        return _bounded(ctx, rest, follow)
    if op in (rx.ASSERT, rx.ASSERT_NOT, rx.AT):
        return _bounded(ctx, rest, follow)
    if op is rx.SUBPATTERN:
        return not av[1] and not av[2] and _bounded(ctx, list(av[3]) + rest, follow)
    if op is rx.BRANCH:
        return all(_bounded(ctx, list(branch) + rest, follow) for branch in av[1])
    if op in _REPEATS_ALL and _bounded(ctx, list(av[2]), follow=False):
        # Every repetition opens with a non-letter; with none, what follows opens.
        return av[0] >= 1 or _bounded(ctx, rest, follow)
    return False


def _strength(words: frozenset[str]) -> tuple[int, int]:
    """A word set selects more the longer its shortest word and the fewer its words."""
    return min(map(len, words)), -len(words)


def _left_after(ctx: _Items, op: Any, av: Any, left: bool) -> bool:
    """Whether no letter precedes the position after the item (``left``: none precedes it)."""
    if op in (rx.ASSERT_NOT,) and av[0] == -1:
        inner = list(av[1])
        return left or (len(inner) == 1 and inner[0][0] in (rx.IN, rx.LITERAL)
                        and ctx.letters(inner[0])[1])
    if op in (rx.ASSERT, rx.ASSERT_NOT, rx.AT):
        return left  # zero-width: the character before is the same one
    if op in (rx.LITERAL, rx.IN):
        return not ctx.letters((op, av))[0]
    if op is rx.SUBPATTERN and not av[1] and not av[2]:
        return _left_after_seq(ctx, list(av[3]), left)
    if op is rx.BRANCH:
        return all(_left_after_seq(ctx, list(branch), left) for branch in av[1])
    if op in _REPEATS_ALL:
        inner = list(av[2])
        if len(inner) == 1 and inner[0][0] in (rx.IN, rx.LITERAL) and not ctx.letters(inner[0])[0]:
            # Spaces or punctuation: a letter precedes after none of them only if one did before.
            return left or av[0] >= 1
    return False


def _left_after_seq(ctx: _Items, items: list[tuple[Any, Any]], left: bool) -> bool:
    for op, av in items:
        left = _left_after(ctx, op, av, left)
    return left


_REPEATS_ALL = (rx.MAX_REPEAT, rx.MIN_REPEAT, rx.POSSESSIVE_REPEAT)


def _run(ctx: _Items, items: list[tuple[Any, Any]], follow: bool) -> set[str] | None:
    """The letters each match of ``items`` can open with, up to the first non-letter; None if unknown.

    ``follow``: no letter follows a match of the sequence. A run that can go on past the end of
    the sequence (not followed by a sure non-letter) is unknown, and so are letter classes.
    """
    if not items:
        return {""} if follow else None
    (op, av), rest = items[0], items[1:]
    if op is rx.LITERAL:
        if not _is_letter(av):
            return {""}
        tail = _run(ctx, rest, follow)
        return None if tail is None else {chr(av) + t for t in tail}
    if op is rx.IN:
        some, _every = ctx.letters((op, av))
        return None if some else {""}
    if op is rx.ASSERT_NOT and av[0] == 1:
        inner = list(av[1])
        if len(inner) == 1 and inner[0][0] in (rx.IN, rx.LITERAL) and ctx.letters(inner[0])[1]:
            return {""}
        return _run(ctx, rest, follow)
    if op in (rx.ASSERT, rx.ASSERT_NOT, rx.AT):
        # Zero-width: it may only narrow the matches, so what follows tells the run.
        return _run(ctx, rest, follow)
    if op is rx.SUBPATTERN:
        return None if av[1] or av[2] else _run(ctx, list(av[3]) + rest, follow)
    if op is rx.BRANCH:
        return _union([_run(ctx, list(branch) + rest, follow) for branch in av[1]])
    if op in _REPEATS_ALL:
        low, high, inner = av[0], av[1], list(av[2])
        if high <= 2:
            return _union([_run(ctx, inner * count + rest, follow) for count in range(low, high + 1)])
        opens = _run(ctx, inner, follow=False)
        if opens == {""}:
            # Every repetition opens with a non-letter: the run ends there, or goes on after none.
            ways: list[set[str] | None] = [{""}]
            if low == 0:
                ways.append(_run(ctx, rest, follow))
            return _union(ways)
    return None


def _union(parts: Sequence[set[str] | None]) -> set[str] | None:
    if any(part is None for part in parts):
        return None
    union = {word for part in parts if part is not None for word in part}
    return union if len(union) <= _MAX_KEYS else None
