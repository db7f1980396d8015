"""Regex sources read into syntax trees of our own, and trees written back as sources.

The speed code reads facts off the rules' patterns (the literals every match holds, the words a
match opens with) and rebuilds parts of them. It does so on these trees rather than on the
engine's private parser. ``parse`` reads the syntax of Python's ``re`` into the same shape the
engine's parser gives, with its normalisations, because the analyses count on them:

- a sequence is a list of items ``(op, argument)``;
- a non-capturing group without flags is spliced into the sequence around it, and one under a
  repeat is the repeat's sequence;
- the items that every branch of an alternation opens with are moved in front of it, and an
  alternation of single characters is a character class;
- a class of one literal is that literal (``[^x]`` is ``NOT_LITERAL``).

``source`` writes a sequence back as a pattern that matches the same strings; capturing groups
come back unnamed and back-references cannot be written (``Unwritable``). A source that is not
valid for ``re`` raises ``re.error``, as ``re.compile`` would.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Item kinds (the first member of an item).
LITERAL = "literal"  # a character code
NOT_LITERAL = "not_literal"  # any character but one (``[^x]``)
IN = "in"  # a class: a list of LITERAL, RANGE, CATEGORY items, NEGATE first when negated
RANGE = "range"  # (low code, high code), inside a class
CATEGORY = "category"  # \d \w \s and their negations
NEGATE = "negate"
ANY = "any"  # "."
AT = "at"  # a zero-width position: ^ $ \A \Z \b \B
BRANCH = "branch"  # (None, [sequence, ...])
SUBPATTERN = "subpattern"  # (group number or None, added flags, removed flags, sequence)
MAX_REPEAT = "max_repeat"  # (low, high, sequence); greedy
MIN_REPEAT = "min_repeat"  # lazy
POSSESSIVE_REPEAT = "possessive_repeat"
ASSERT = "assert"  # (direction: 1 ahead, -1 behind, sequence)
ASSERT_NOT = "assert_not"
ATOMIC_GROUP = "atomic_group"  # sequence
GROUPREF = "groupref"  # group number
GROUPREF_EXISTS = "groupref_exists"  # (group number, sequence if set, sequence if not or None)

REPEATS = (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT)
# The high bound of an unbounded repeat.
MAXREPEAT = 2**32 - 1

CATEGORY_DIGIT, CATEGORY_NOT_DIGIT = "digit", "not_digit"
CATEGORY_WORD, CATEGORY_NOT_WORD = "word", "not_word"
CATEGORY_SPACE, CATEGORY_NOT_SPACE = "space", "not_space"
AT_BEGINNING, AT_END = "beginning", "end"
AT_BEGINNING_STRING, AT_END_STRING = "beginning_string", "end_string"
AT_BOUNDARY, AT_NON_BOUNDARY = "boundary", "non_boundary"

Item = tuple[str, Any]

_CATEGORY_ESCAPES = {"d": CATEGORY_DIGIT, "D": CATEGORY_NOT_DIGIT, "w": CATEGORY_WORD, "W": CATEGORY_NOT_WORD,
                     "s": CATEGORY_SPACE, "S": CATEGORY_NOT_SPACE}
_AT_ESCAPES = {"A": AT_BEGINNING_STRING, "Z": AT_END_STRING, "b": AT_BOUNDARY, "B": AT_NON_BOUNDARY}
_CHAR_ESCAPES = {"a": 7, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
_FLAG_LETTERS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE, "a": re.ASCII,
                 "u": re.UNICODE, "L": re.LOCALE}
_VERBOSE_SPACE = frozenset(" \t\n\r\v\f")
_SPECIAL = frozenset(".\\[{()*+?^$|")
# Items compared by value when an alternation's common opening is moved out; the others (with a
# sequence inside) are never alike, as in the engine's parser.
_FLAT = frozenset({LITERAL, NOT_LITERAL, IN, ANY, AT, GROUPREF})
_WORD = re.compile(r"\w")


def leading_words(items: list[Item]) -> list[str] | None:
    """Each way the sequence ``items`` can begin with literal word characters, as text; None when one way
    has none (the openings the word gates look for)."""
    run = ""
    for op, av in items:
        if op == LITERAL and _WORD.match(chr(av)):
            run += chr(av)
            continue
        if op == BRANCH:
            branches = [leading_words(list(branch)) for branch in av[1]]
            if all(branch is not None for branch in branches):
                return [run + tail for branch in branches if branch is not None for tail in branch]
        break
    return [run] if run else None


def refers_to_group(op: str, av: Any) -> bool:
    """Whether a parsed item is or holds a back-reference (``(?P=name)``, ``(?(1)...)``)."""
    if op in (GROUPREF, GROUPREF_EXISTS):
        return True
    if op == BRANCH:
        return any(holds_group_reference(branch) for branch in av[1])
    if op == SUBPATTERN:
        return holds_group_reference(av[3])
    if op in REPEATS:
        return holds_group_reference(av[2])
    if op in (ASSERT, ASSERT_NOT):
        return holds_group_reference(av[1])
    if op == ATOMIC_GROUP:
        return holds_group_reference(av)
    return False


def holds_group_reference(items: list[Item]) -> bool:
    """Whether the sequence ``items`` holds a back-reference anywhere."""
    return any(refers_to_group(op, av) for op, av in items)


class Unwritable(ValueError):
    """A sequence holds an item that ``source`` cannot write (a back-reference)."""


def parse(pattern: str, flags: int = 0) -> list[Item]:
    """The syntax tree of ``pattern`` read with ``flags`` (inline global flags are read too)."""
    reader = _Reader(pattern, flags)
    items = reader.alternation(bool(flags & re.VERBOSE), nested=0)
    if reader.at < len(pattern):
        raise re.error("unbalanced parenthesis", pattern, reader.at)
    return items


def min_width(items: list[Item]) -> int:
    """The length of the shortest string the sequence ``items`` matches (a back-reference counts 0)."""
    return sum(_item_min_width(op, av) for op, av in items)


def _item_min_width(op: str, av: Any) -> int:
    if op in (LITERAL, NOT_LITERAL, IN, ANY):
        return 1
    if op == BRANCH:
        return min(min_width(branch) for branch in av[1])
    if op == SUBPATTERN:
        return min_width(av[3])
    if op in REPEATS:
        return int(av[0]) * min_width(av[2])
    if op == ATOMIC_GROUP:
        return min_width(av)
    if op == GROUPREF_EXISTS:
        return 0 if av[2] is None else min(min_width(av[1]), min_width(av[2]))
    return 0


def source(items: list[Item]) -> str:
    """A pattern source that matches what the sequence ``items`` matches (compile it with the same flags)."""
    return "".join(_write(op, av) for op, av in items)


def _write(op: str, av: Any) -> str:
    if op == LITERAL:
        return re.escape(chr(av))
    if op == NOT_LITERAL:
        return "[^" + re.escape(chr(av)) + "]"
    if op == IN:
        return _write_class(av)
    if op == ANY:
        return "."
    if op == AT:
        return {AT_BEGINNING: "^", AT_END: "$", AT_BEGINNING_STRING: r"\A", AT_END_STRING: r"\Z",
                AT_BOUNDARY: r"\b", AT_NON_BOUNDARY: r"\B"}[av]
    if op == BRANCH:
        return "(?:" + "|".join(source(branch) for branch in av[1]) + ")"
    if op == SUBPATTERN:
        group, added, removed, inner = av
        if group is not None:
            return "(" + source(inner) + ")"
        return "(?" + _flag_letters(added) + ("-" + _flag_letters(removed) if removed else "") + ":" \
            + source(inner) + ")"
    if op in REPEATS:
        low, high, inner = av
        body = source(inner)
        if not (len(inner) == 1 and inner[0][0] in (LITERAL, NOT_LITERAL, IN, ANY, BRANCH, SUBPATTERN,
                                                      ATOMIC_GROUP)):
            body = "(?:" + body + ")"
        if (low, high) == (0, 1):
            count = "?"
        elif (low, high) == (0, MAXREPEAT):
            count = "*"
        elif (low, high) == (1, MAXREPEAT):
            count = "+"
        elif high == MAXREPEAT:
            count = f"{{{low},}}"
        elif low == high:
            count = f"{{{low}}}"
        else:
            count = f"{{{low},{high}}}"
        return body + count + {MAX_REPEAT: "", MIN_REPEAT: "?", POSSESSIVE_REPEAT: "+"}[op]
    if op in (ASSERT, ASSERT_NOT):
        direction, inner = av
        return "(?" + ("<" if direction < 0 else "") + ("=" if op == ASSERT else "!") + source(inner) + ")"
    if op == ATOMIC_GROUP:
        return "(?>" + source(av) + ")"
    raise Unwritable(op)


def _write_class(members: list[Item]) -> str:
    parts = []
    for op, av in members:
        if op == NEGATE:
            parts.append("^")
        elif op == LITERAL:
            parts.append(re.escape(chr(av)))
        elif op == RANGE:
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        else:
            parts.append("\\" + next(letter for letter, name in _CATEGORY_ESCAPES.items() if name == av))
    return "[" + "".join(parts) + "]"


def _flag_letters(flags: int) -> str:
    return "".join(letter for letter, flag in _FLAG_LETTERS.items() if flags & flag)


class _Reader:
    """A cursor over a pattern source, reading it as ``re`` does."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.text = pattern
        self.at = 0
        self.flags = flags
        self.groups = 1  # the next group number
        self.names: dict[str, int] = {}
        self.global_flags_read = False

    def error(self, message: str) -> re.error:
        return re.error(message, self.text, self.at)

    def peek(self) -> str | None:
        return self.text[self.at] if self.at < len(self.text) else None

    def take(self, expected: str) -> bool:
        if self.text.startswith(expected, self.at):
            self.at += len(expected)
            return True
        return False

    def until(self, end: str) -> str:
        stop = self.text.find(end, self.at)
        if stop < 0:
            raise self.error("missing " + end)
        found = self.text[self.at : stop]
        self.at = stop + 1
        return found

    def alternation(self, verbose: bool, nested: int) -> list[Item]:
        """``a|b|c`` up to a ``)`` or the end, normalised as the module docstring says."""
        branches = [self.sequence(verbose, nested, first=not nested)]
        while self.take("|"):
            if not nested:
                verbose = bool(self.flags & re.VERBOSE)
            branches.append(self.sequence(verbose, nested, first=False))
        if len(branches) == 1:
            return branches[0]
        out: list[Item] = []
        # The items every branch opens with (compared by value only when flat) go in front.
        while all(branches) and all(_alike(branch[0], branches[0][0]) for branch in branches[1:]):
            out.append(branches[0][0])
            for branch in branches:
                del branch[0]
        members: list[Item] = []
        for branch in branches:
            if len(branch) != 1:
                break
            op, av = branch[0]
            if op == LITERAL:
                members.append((op, av))
            elif op == IN and av[0][0] != NEGATE:
                members.extend(av)
            else:
                break
        else:
            out.append((IN, _unique(members)))
            return out
        out.append((BRANCH, (None, branches)))
        return out

    def sequence(self, verbose: bool, nested: int, first: bool) -> list[Item]:
        items: list[Item] = []
        while True:
            char = self.peek()
            if char is None or char in "|)":
                break
            self.at += 1
            if verbose and char in _VERBOSE_SPACE:
                continue
            if verbose and char == "#":
                stop = self.text.find("\n", self.at)
                self.at = len(self.text) if stop < 0 else stop + 1
                continue
            if char == "\\":
                items.append(self.escape())
            elif char not in _SPECIAL:
                items.append((LITERAL, ord(char)))
            elif char == "[":
                items.append(self.char_class())
            elif char in "*+?{":
                if not self.repeat(char, items):
                    items.append((LITERAL, ord(char)))
            elif char == ".":
                items.append((ANY, None))
            elif char == "^":
                items.append((AT, AT_BEGINNING))
            elif char == "$":
                items.append((AT, AT_END))
            else:  # "("
                found = self.group(verbose, nested, first and not items)
                if found is not None:
                    items.append(found)
                elif self.global_flags_read:
                    verbose = bool(self.flags & re.VERBOSE)
        # Non-capturing groups without flags are their items.
        spliced: list[Item] = []
        for op, av in items:
            if op == SUBPATTERN and av[0] is None and not av[1] and not av[2]:
                spliced.extend(av[3])
            else:
                spliced.append((op, av))
        return spliced

    def repeat(self, char: str, items: list[Item]) -> bool:
        """Apply a quantifier to the last item; False when ``{`` is not one (it is then a literal)."""
        if char == "{":
            start = self.at
            if self.peek() == "}":
                return False
            found = re.compile(r"(\d*)(?:(,)(\d*))?\}").match(self.text, self.at)
            if found is None:
                self.at = start
                return False
            self.at = found.end()
            low = int(found.group(1)) if found.group(1) else 0
            if found.group(2):
                high = int(found.group(3)) if found.group(3) else MAXREPEAT
            else:
                high = low
            if low >= MAXREPEAT or (high != MAXREPEAT and high >= MAXREPEAT):
                raise OverflowError("the repetition number is too large")
            if high < low:
                raise self.error("min repeat greater than max repeat")
        else:
            low, high = {"?": (0, 1), "*": (0, MAXREPEAT), "+": (1, MAXREPEAT)}[char]
        if not items or items[-1][0] == AT:
            raise self.error("nothing to repeat")
        op, av = items[-1]
        if op in REPEATS:
            raise self.error("multiple repeat")
        inner = av[3] if op == SUBPATTERN and av[0] is None and not av[1] and not av[2] else [(op, av)]
        kind = MIN_REPEAT if self.take("?") else POSSESSIVE_REPEAT if self.take("+") else MAX_REPEAT
        items[-1] = (kind, (low, high, inner))
        return True

    def group(self, verbose: bool, nested: int, first: bool) -> Item | None:
        """The group after ``(``; None for global flags (``(?i)``) and comments."""
        group: int | None = None
        added = removed = 0
        atomic = False
        if self.take("?"):
            kind = self.peek()
            if kind is None:
                raise self.error("unexpected end of pattern")
            self.at += 1
            if kind == "P":
                if self.take("<"):
                    name = self.until(">")
                    group = self.open_group(name)
                elif self.take("="):
                    name = self.until(")")
                    if name not in self.names:
                        raise self.error(f"unknown group name {name!r}")
                    return (GROUPREF, self.names[name])
                else:
                    raise self.error("unknown extension ?P")
            elif kind == ":":
                pass
            elif kind == "#":
                self.until(")")
                return None
            elif kind in "=!<":
                direction = 1
                if kind == "<":
                    kind = self.peek() or ""
                    self.at += 1
                    if kind not in ("=", "!"):
                        raise self.error("unknown extension ?<" + kind)
                    direction = -1
                inner = self.alternation(verbose, nested + 1)
                self.close()
                return (ASSERT if kind == "=" else ASSERT_NOT, (direction, inner))
            elif kind == "(":
                condition = self.until(")")
                referred = self.names.get(condition) if condition.isidentifier() else int(condition)
                if referred is None:
                    raise self.error(f"unknown group name {condition!r}")
                yes = self.sequence(verbose, nested + 1, first=False)
                no = self.sequence(verbose, nested + 1, first=False) if self.take("|") else None
                self.close()
                return (GROUPREF_EXISTS, (referred, yes, no))
            elif kind == ">":
                atomic = True
            elif kind in _FLAG_LETTERS or kind == "-":
                flags = self.inline_flags(kind)
                if flags is None:
                    if not first:
                        raise self.error("global flags not at the start of the expression")
                    return None
                added, removed = flags
            else:
                raise self.error("unknown extension ?" + kind)
        else:
            group = self.open_group(None)
        inner_verbose = (verbose or bool(added & re.VERBOSE)) and not removed & re.VERBOSE
        inner = self.alternation(inner_verbose, nested + 1)
        self.close()
        if atomic:
            return (ATOMIC_GROUP, inner)
        return (SUBPATTERN, (group, added, removed, inner))

    def open_group(self, name: str | None) -> int:
        number = self.groups
        self.groups += 1
        if name is not None:
            if name in self.names:
                raise self.error(f"redefinition of group name {name!r}")
            self.names[name] = number
        return number

    def close(self) -> None:
        if not self.take(")"):
            raise self.error("missing ), unterminated subpattern")

    def inline_flags(self, char: str) -> tuple[int, int] | None:
        """``(?imsx)`` (global: None, and the flags are set) or ``(?i-s:`` (added and removed flags)."""
        added = removed = 0
        while char in _FLAG_LETTERS:
            added |= _FLAG_LETTERS[char]
            char = self.peek() or ""
            self.at += 1
        if char == ")":
            self.flags |= added
            self.global_flags_read = True
            return None
        if char == "-":
            char = self.peek() or ""
            self.at += 1
            while char in _FLAG_LETTERS:
                removed |= _FLAG_LETTERS[char]
                char = self.peek() or ""
                self.at += 1
        if char != ":":
            raise self.error("missing -, : or )")
        return added, removed

    def escape(self) -> Item:
        """The item of an escape outside a class (the backslash is read)."""
        char = self.peek()
        if char is None:
            raise self.error("bad escape (end of pattern)")
        if char in _CATEGORY_ESCAPES:
            self.at += 1
            return (IN, [(CATEGORY, _CATEGORY_ESCAPES[char])])
        if char in _AT_ESCAPES:
            self.at += 1
            return (AT, _AT_ESCAPES[char])
        if char.isdigit() and char.isascii() and char != "0":
            octal = re.compile(r"[0-7]{3}").match(self.text, self.at)
            if octal is not None:
                self.at = octal.end()
                return (LITERAL, int(octal.group(), 8))
            number = re.compile(r"\d\d?").match(self.text, self.at)
            assert number is not None
            self.at = number.end()
            if int(number.group()) >= self.groups:
                raise self.error("invalid group reference")
            return (GROUPREF, int(number.group()))
        return (LITERAL, self.char_escape())

    def char_escape(self) -> int:
        """The code of a character escape (``\\n``, ``\\x41``, ``\\u00e9``, ``\\N{...}``, ``\\.``)."""
        char = self.text[self.at]
        self.at += 1
        if char in _CHAR_ESCAPES:
            return _CHAR_ESCAPES[char]
        widths = {"x": 2, "u": 4, "U": 8}
        if char in widths:
            digits = self.text[self.at : self.at + widths[char]]
            if len(digits) != widths[char] or not all(d in "0123456789abcdefABCDEF" for d in digits):
                raise self.error("incomplete escape \\" + char)
            self.at += widths[char]
            return int(digits, 16)
        if char == "N":
            if not self.take("{"):
                raise self.error("missing {")
            try:
                return ord(unicodedata.lookup(self.until("}")))
            except KeyError:
                raise self.error("undefined character name") from None
        if char == "0":
            octal = re.compile(r"[0-7]{0,2}").match(self.text, self.at)
            assert octal is not None
            self.at = octal.end()
            return int("0" + octal.group(), 8)
        if char.isascii() and (char.isalpha() or char.isdigit()):
            raise self.error("bad escape \\" + char)
        return ord(char)

    def char_class(self) -> Item:
        """The class after ``[``."""
        negated = self.take("^")
        members: list[Item] = []
        while True:
            char = self.peek()
            if char is None:
                raise self.error("unterminated character set")
            self.at += 1
            if char == "]" and members:
                break
            member = self.class_escape() if char == "\\" else (LITERAL, ord(char))
            if self.take("-"):
                after = self.peek()
                if after is None:
                    raise self.error("unterminated character set")
                self.at += 1
                if after == "]":
                    members.extend([member, (LITERAL, ord("-"))])
                    break
                high = self.class_escape() if after == "\\" else (LITERAL, ord(after))
                if member[0] != LITERAL or high[0] != LITERAL or high[1] < member[1]:
                    raise self.error("bad character range")
                members.append((RANGE, (member[1], high[1])))
            else:
                members.append(member)
        members = _unique(members)
        if len(members) == 1 and members[0][0] == LITERAL:
            return (NOT_LITERAL, members[0][1]) if negated else members[0]
        return (IN, [(NEGATE, None), *members] if negated else members)

    def class_escape(self) -> Item:
        char = self.peek()
        if char is None:
            raise self.error("unterminated character set")
        if char in _CATEGORY_ESCAPES:
            self.at += 1
            return (CATEGORY, _CATEGORY_ESCAPES[char])
        if char == "b":
            self.at += 1
            return (LITERAL, 8)
        if char in "1234567":
            octal = re.compile(r"[0-7]{1,3}").match(self.text, self.at)
            assert octal is not None
            self.at = octal.end()
            if int(octal.group(), 8) > 0o377:
                raise self.error("octal escape value outside of range 0-0o377")
            return (LITERAL, int(octal.group(), 8))
        return (LITERAL, self.char_escape())


def _alike(one: Item, other: Item) -> bool:
    return one[0] in _FLAT and one == other


def _unique(members: list[Item]) -> list[Item]:
    return list(dict.fromkeys(members))
