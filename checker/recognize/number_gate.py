"""The gate of the number reader (speed only): whether a text may hold a number, before any parsing.

Most sentences hold no digit and no number word. ``gate_text`` tells, from the text's words (one
translation of an ASCII text, or one scan of the lower-cased text with ``gate_pattern``), whether
``number_words.find_words`` may read a number in it; it may say "maybe" for nothing, never "no"
for a number (``tests/test_numbers_shared.py`` checks the gate against the plain alternation of
the words, and ``tests/test_numbers.py`` reads the examples with it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checker.recognize.number_data import NumbersData
from checker.recognize.prefilter import sequence_trie, trie

if TYPE_CHECKING:
    from checker.recognize.number_words import NumberWords


def gate_text(text: str, w: NumberWords) -> tuple[bool, bool]:
    """Whether ``text`` may hold a number in words, and whether it may hold any number."""
    if text.isascii():
        # one translation splits an ASCII text into its words (runs of letters, lower-cased) and
        # turns its digits into tabs
        folded = text.translate(_ASCII_WORDS)
        tokens = folded.split()
        words = not w.strong.isdisjoint(tokens) \
            or (not w.lone.isdisjoint(tokens) and not w.lone_next.isdisjoint(tokens)) \
            or (not w.weak.isdisjoint(tokens) and w.weak_gate.search(text.lower()) is not None)
        return words, words or "\t" in folded
    words = may_hold_number_words(text, text.lower(), w)
    return words, words or DIGIT_OR_VULGAR.search(text) is not None
DIGIT_OR_VULGAR = re.compile(r"[\d\u00bc-\u00be\u2150-\u215e]")
_ASCII_WORDS = str.maketrans({chr(c): chr(c).lower() if chr(c).isalpha() else "\t" if chr(c).isdigit() else " "
                              for c in range(128)})


def word_trie(words: list[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes (fast to scan a text with); never empty."""
    return trie(words) or r"(?!x)x"


# Lower-case letters whose upper-case forms are letters too: a word cannot start right after one.
# (A subset of what ``str.isalpha`` accepts, so the gate below may only say "maybe" too often.)
_LETTER_CLASS = "[a-z\u00df-\u00f6\u00f8-\u00ff]"
LETTER_BEFORE = f"(?<!{_LETTER_CLASS})"


def gate_words(d: NumbersData) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words a number in words needs; the articles that are "one"; the words after which they count.

    ``number_words`` reads nothing without a cardinal, a hundred, a scale, a
    counting noun or a denominator word (digits join words only around a multiplier, and a
    compound-only ordinal needs a ten before it, in words or in digits). An article that is also
    "one" ("un", "une") is never read alone, except right before a fraction joiner ("un sur"),
    and it is read with another one only around a decimal point ("un virgule un"), so it opens
    the gate only before those words. The gate may open for nothing; it never stays shut for a
    number ``number_words.find_words`` would read.
    """
    lone = {a for a in d.articles if d.cardinals.get(a) == 1} - set(d.hundreds) - set(d.scales) \
        - set(d.nouns) - set(d.fractions) - set(d.compound_ordinals)
    needed = (set(d.cardinals) | set(d.hundreds) | set(d.scales) | set(d.nouns) | set(d.fractions)
              | set(d.compound_ordinals)) - lone
    lone_next = {j.split()[0].lower() for j in d.fraction_joiners if j.split()} | set(d.points)
    return frozenset(needed), frozenset(lone), frozenset(lone_next)


def gate_pattern(needed: frozenset[str], lone: frozenset[str], lone_next: frozenset[str]) -> re.Pattern[str]:
    """A pattern that finds, in a lower-cased text, the words of ``gate_words``: a needed word, or
    an article that is "one" right before a fraction joiner or a decimal point.

    One trie whose every alternative starts with a literal character, the check for a letter before
    it coming right after that character: so the regex engine skips ahead to the characters that
    can start a word, instead of trying the trie at every position of the text. (At most one
    alternative matches at a place: no needed word is an article that is "one", and a word
    followed by letters is not read.)
    """
    letters = r"[^\W\d_]"

    def opening(word: str) -> list[str]:
        first = re.escape(word[0])
        return [first, rf"(?<!{_LETTER_CLASS}{first})", *(re.escape(ch) for ch in word[1:])]

    sequences = [[*opening(word), rf"(?!{letters})"] for word in sorted(needed) if word]
    if lone and lone_next:
        # the tokens of a number are at most 8 characters apart (see ``number_words``)
        joined = rf"(?!{letters})[\W_]{{0,8}}{word_trie(sorted(lone_next))}(?!{letters})"
        sequences += [[*opening(word), joined] for word in sorted(lone) if word]
    return re.compile(sequence_trie(sequences) or r"(?!x)x")


_GAP_CHARS = r"[\s\-\u2010\u2011\u2013]{1,4}"  # between the tokens of one number (``number_words``)


def weak_gate(d: NumbersData, weak: frozenset[str]) -> re.Pattern[str]:
    """Where a denominator word ("half", "quarter", "first") may take part in a number without a
    cardinal, a hundred, a scale or a counting noun in the text.

    A fraction word counts only after an article, a connector or digits right before it ("a half",
    "a 2 thirds"): a lone "quarter" of "first quarter" reads as nothing, and "half a million" has a
    scale. A compound-only ordinal needs a ten before it: without a word for it, digits, with at
    most articles and connectors between ("a 20 first").
    """
    letters = r"[^\W\d_]"
    before = word_trie(sorted(set(d.articles) | set(d.connectors)))
    fractions = sorted(weak & set(d.fractions))
    ordinals = sorted(weak & set(d.compound_ordinals))
    alternatives = []
    if fractions:
        alternatives.append(rf"(?:{LETTER_BEFORE}{before}(?!{letters})|\d){_GAP_CHARS}{word_trie(fractions)}(?!{letters})")
    if ordinals:
        alternatives.append(rf"\d(?:{_GAP_CHARS}(?:{before}(?!{letters})|\d+))*{_GAP_CHARS}{word_trie(ordinals)}"
                            rf"(?!{letters})")
    return re.compile("|".join(alternatives) or r"(?!x)x")


def may_hold_number_words(text: str, low: str, w: NumberWords) -> bool:
    """Whether ``find_words`` may read a number in ``text`` (``low`` is its lower-cased form)."""
    if len(low) != len(text):
        return True  # a letter lower-cased to two ("İ"): positions shift, so no shortcut
    weak = False
    for m in w.gate.finditer(low):
        if m.group() not in w.weak:
            return True
        weak = True
    return weak and w.weak_gate.search(low) is not None
