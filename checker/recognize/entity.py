"""Entity recognizer: organizations, brands, products and people written as names.

Candidates are cheap to find: runs of capitalized words ("General Motors"),
joined by a particle after an organization word ("Banque de France", "Bank of
Westland") or an ampersand, with their legal suffixes ("Co., Ltd."), quoted
names (“Nova”, « Nova »), acronyms ("ABC") and acronyms spelled out ("Alpha
Beta Corp (ABC)"). What is not a name is language data: function words and
sentence starters ("The", "During", "Selon"), months and days, nationality
adjectives, titles (those belong to the role recognizer). A word that opens a
sentence is a name only when the text also capitalizes it elsewhere, or when
a name follows it.

Kinds are guessed from evidence: a legal suffix or organization word makes an
organization; an honorific, a verb of saying next to a two- or three-word name,
or a role's person slot makes a person; an organization slot of a role makes an
organization. One key, one kind within a text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import importlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import pairwise
from operator import itemgetter
from typing import Literal, NamedTuple

from checker import lang
from checker.lang import LanguageDataError, script
from checker.names import EntityData, entity_key
from checker.recognize.lazy import lazy_compile
from checker.records import EntityValue, Mention

_FALLBACK_LANGUAGE = "en"
Kind = Literal["organization", "person", "product", "place", "unknown"]


@dataclass(frozen=True)
class _Lexicon:
    stop: frozenset[str]
    demonyms: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    org_words: frozenset[str]
    honorifics: frozenset[str]
    abbreviations: frozenset[str]
    articles: frozenset[str]
    saying_after: re.Pattern[str]
    saying_before: re.Pattern[str]
    particle_words: re.Pattern[str]
    # How far back ``_sentence_start`` reads the word before a period: one letter past the longest
    # abbreviation or honorific, as a longer word can be neither (its folded form is no shorter).
    period_word_reach: int


def _plain(word: str) -> str:
    return word.casefold().rstrip(".").replace("\u2019", "'")


def ascii_or_beyond(ascii_chars: Iterable[str]) -> str:
    """A character class of ``ascii_chars`` and of every non-ASCII character, written as the ASCII
    characters it leaves out: ``re`` compiles a class that lists a range up to U+10FFFF by walking
    that range's first 65,536 code points (milliseconds per class), a negated ASCII class at once."""
    keep = set(ascii_chars)
    left_out = "".join(re.escape(c) for c in map(chr, range(128)) if c not in keep)
    return f"[^{left_out}]" if left_out else r"[\s\S]"


def _verb_pattern(verb: str) -> str:
    return re.escape(verb).replace(r"\ ", r"\s+")


def _same_letter(a: str, b: str) -> bool:
    """Whether the letters ``a`` and ``b`` match each other under IGNORECASE (as ``re`` sees case)."""
    return re.fullmatch(re.escape(a), b, re.IGNORECASE) is not None


def _verb_alternation(verbs: list[str]) -> str:
    """The verbs as one alternation (to run under IGNORECASE) that matches what their plain
    alternation matches, at the same places, with the same first choice.

    ``re`` tries every alternative of a plain alternation, and most fail on their first letter.
    Here the verbs are grouped by first letter, keeping their order within a group (verbs of two
    groups never both match at one place); a group opens with a case-sensitive character class,
    which ``re`` checks before entering the group: its letter's ASCII case variants and any
    non-ASCII character, then a lookbehind checks the letter under IGNORECASE. When a verb opens
    with no letter, or letters do not group cleanly, the plain alternation.
    """
    plain = "|".join(_verb_pattern(v) for v in verbs) or r"(?!x)x"
    if not verbs or not all(v[:1].isalpha() for v in verbs):
        return plain
    groups: dict[str, list[str]] = {}
    for verb in verbs:
        groups.setdefault(verb[0].lower(), []).append(verb)
    firsts = {key: {v[0] for v in members} for key, members in groups.items()}
    for key in groups:
        if not all(_same_letter(key, first) for first in firsts[key]):
            return plain
        if any(_same_letter(a, b) for other in groups if other != key for a in firsts[key] for b in firsts[other]):
            return plain
    parts: list[str] = []
    for key, members in groups.items():
        variants = ascii_or_beyond(c for c in map(chr, range(128)) if _same_letter(key, c))
        rests = "|".join(_verb_pattern(v[1:]) for v in members)
        parts.append(rf"(?-i:{variants})(?<={re.escape(key)})(?:{rests})")
    return "|".join(parts)


def lexicon(language: str) -> _Lexicon:
    """The compiled entity data of ``language`` (English when there is none)."""
    return _lexicon(language)


@cache
def _lexicon(language: str) -> _Lexicon:
    try:
        data: EntityData = lang.load("entity", language)
    except LanguageDataError:
        data = lang.load("entity", _FALLBACK_LANGUAGE)
    # Names cross languages ("Banque de France" in an English text): particles of every language join.
    phrases = [p for other in lang.available("entity") for p in lang.load("entity", other).particles]
    particles = {_plain(p) for phrase in phrases for p in re.split(r"\s+|(?<=['’])", phrase) if p}
    particles |= {p.rstrip("'") for p in particles if p.endswith("'")}
    verbs = _verb_alternation(sorted(data.saying_verbs, key=len, reverse=True))
    # A verb of saying right after a name, maybe after an adverb: "Jane Doe (also) said".
    saying_after = lazy_compile(rf"\s+(?:[^\W\d_]{{2,12}}\s+)?(?:{verbs})\b", re.IGNORECASE)
    saying_before = lazy_compile(rf"\b(?:{verbs})\s+$", re.IGNORECASE)
    # Legal forms and organization words mark organizations whatever the text's language ("Acme Group").
    everywhere = [lang.load("entity", other) for other in lang.available("entity")]
    suffixes = {_plain(w) for d in everywhere for w in d.legal_suffixes}
    org_words = {_plain(w) for d in everywhere for w in d.org_words} | suffixes
    return _Lexicon(
        stop=frozenset(_plain(w) for w in data.stopwords + data.calendar),
        demonyms=frozenset(_plain(w) for w in data.demonyms),
        particles=frozenset(particles),
        suffixes=frozenset(suffixes),
        org_words=frozenset(org_words),
        honorifics=frozenset(_plain(w) for w in data.honorifics),
        abbreviations=frozenset(_plain(w) for w in data.abbreviations),
        articles=frozenset(_plain(w).rstrip("'") for w in data.legal_prefixes),
        saying_after=saying_after,
        saying_before=saying_before,
        particle_words=_particle_pattern(particles),
        period_word_reach=min(_PERIOD_WORD_REACH, 1 + max(
            (len(w) for w in data.abbreviations + data.honorifics for w in [_plain(w)]), default=1)),
    )


# A word: letters first, then letters, digits, "&", and inner hyphens or periods ("U.S", "Rolls-Royce").
# Not inside a path, an address or a handle ("/envyX.webp", "@acme").
_WORD = re.compile(r"(?<![\w/@#\\])[^\W\d_](?:[\w&]|[-\u2010\u2011.](?=[^\W_]))*")
_SPACE = re.compile(r"[ \t\u00a0\u202f]{1,2}")
_AMPERSAND = re.compile(r"\s?&\s?")
_APOSTROPHE = re.compile(r"['\u2019\u02bc]")
_COMMA_SPACE = re.compile(r",\s?")
_SENTENCE_END = frozenset(".!?:;\n\r>|…")
_SKIPPED_BEFORE = frozenset(" \t\u00a0\u202f\"“”«»‘’'(*•·–—-[")
_SKIPPED_OR_END = _SKIPPED_BEFORE | _SENTENCE_END
# Possessive ("{1,80}+"): the closing quote is no character of the run, so giving characters back
# could never find it; a quote longer than 80 characters fails at once instead of 80 times.
_QUOTED = re.compile(r"“([^“”\n]{1,80}+)”|«\s*([^«»\n]{1,80}?)\s*»|\"([^\"\n]{1,80}+)\"")
_QUOTED_BAD = re.compile(r"[!?;:]|,\s|\.\s|[.,]$")
_PAREN_ACRONYM = re.compile(r"\s?\(([A-Z][A-Z0-9&]{1,9})\)")
_PAREN_QUALIFIER = re.compile(r"\s?\(")
_LOWER_THEN_ACRONYM = re.compile(r"((?:[ \u00a0][^\W\d_][\w'’\-]{0,30}){1,5}?)\s?\(([A-Z][A-Z0-9&]{1,9})\)")
# Farthest the "(" of _LOWER_THEN_ACRONYM can be from where it starts: five words of 1 + 1 + 30 characters
# and a space.
_LOWER_THEN_ACRONYM_REACH = 5 * 32 + 2
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_HONORIFIC_BEFORE = re.compile(r"([^\W\d_]+\.?)\s+$")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_PERIOD_WORD_REACH = 12  # the most letters before a period that ``_sentence_start`` reads
_MAX_NAME_TOKENS = 12
_START = itemgetter(0)


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    low: str
    capital: bool
    acronym: bool


# Builds a token from a tuple without the Python-level ``__new__`` of a NamedTuple (tokens are many).
_new_token = partial(tuple.__new__, _Token)


class Name(NamedTuple):  # a tuple: far cheaper to build than a frozen dataclass, and names are many
    """A candidate name found by ``scan`` (shared with the role recognizer)."""

    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    possessive: bool = False
    org: bool = False
    acronym: bool = False
    quoted: bool = False
    key: str = ""


# Builds a name from a tuple of all its fields, as ``_new_token`` builds a token.
_new_name = partial(tuple.__new__, Name)


def _token(text: str, start: int, end: int, word: str, abbreviations: frozenset[str]) -> _Token:
    """The token of the word ``text[start:end]`` (``_WORD``'s match), with the period it takes."""
    low = word.casefold()
    shown = word
    # The period of "Co.", "Inc." and of an initial ("J.") belongs to the word.
    if text.startswith(".", end) and (
            low in abbreviations or (len(word) == 1 and word.isupper()) or "." in word):
        end += 1
        shown = text[start:end]
    if word.islower():
        return _new_token((start, end, shown, low, False, False))
    # "iPhone", "eBay": a capital after the first letter also marks a name.
    capital = word[0].isupper() or word[0].islower()
    acronym = capital and word.isupper() and (
        len(word) >= 2 if word.isalpha() else sum(c.isalpha() for c in word) >= 2)
    return _new_token((start, end, shown, low, capital, acronym))


def _tokens(text: str, lex: _Lexicon) -> list[_Token]:
    """Every word of ``text`` as a token (the scanner keeps only those ``_candidate_tokens`` finds)."""
    abbreviations = lex.abbreviations
    return [_token(text, m.start(), m.end(), m.group(), abbreviations) for m in _WORD.finditer(text)]


# Lower-case letters that are their own case fold: a word made only of these (and of digits,
# "_", "&", inner hyphens and periods) is no name word, and its folded form is itself.
_PLAIN = "".join(sorted({c for c in map(chr, range(0x250)) if c.islower() and c.casefold() == c}))
_PLAIN_CLASS = "[" + re.escape(_PLAIN) + r"0-9_&]"
_WORD_GOES_ON = r"(?:[\w&]|[-\u2010\u2011.](?=[^\W_]))"
# ``_WORD_GOES_ON*`` as runs of one character class, which ``re`` repeats in C: the same longest match.
_WORD_RUN = r"[\w&]*(?:[-\u2010\u2011.](?=[^\W_])[\w&]*)*"


# A character that makes a word a candidate by itself: a word character that is not plain (a capital,
# most letters of other scripts).
_NOT_PLAIN = r"[^\W" + re.escape(_PLAIN) + r"0-9_]"
_ASCII_NOT_PLAIN = "".join(c for c in map(chr, range(128)) if re.fullmatch(_NOT_PLAIN, c))
# ``re`` finds where a pattern can match in one C loop only when the pattern opens with a character
# class (and not under IGNORECASE); else it tries the whole pattern at every position of the text.
# So the pattern opens with a superset of the not-plain characters (those of ASCII and anything
# beyond, as a negated ASCII class: one bitmap test per character, where a listed range beyond
# U+00FF makes ``re`` test a two-level map), which a lookbehind then checks exactly. Most matches
# are the first character of a word and its word; the group "inside" marks a character inside a
# word ("iPhone", "x-Acme") or a digit of another script, which ``_candidate_tokens`` resolves
# from the whole word.
_NOT_PLAIN_WORD = re.compile(
    rf"{ascii_or_beyond(_ASCII_NOT_PLAIN)}(?<={_NOT_PLAIN})"
    rf"(?:(?:(?<=[\w/@#\\\-\u2010\u2011.&].)|(?<=\d))(?P<inside>)|{_WORD_RUN})")


def _particle_pattern(particles: set[str]) -> re.Pattern[str]:
    """The plain lower-case words the scanner needs, each a whole word: particles and the "s" of a
    possessive (a word with any other character is found by ``_NOT_PLAIN_WORD``)."""
    plain_words = sorted((w for w in particles | {"s"}
                          if _WORD.fullmatch(w) and re.fullmatch(rf"(?:{_PLAIN_CLASS}|[-.])+", w)),
                         key=lambda w: (-len(w), w))
    if not plain_words:
        return re.compile(r"(?!x)x")
    # Opening with the first letters lets ``re`` skip to them in C (see ``_NOT_PLAIN_WORD``); the words
    # that share a first letter keep their order (longest first), and words of two groups never
    # start alike, so each place matches as the plain alternation of the words would.
    groups: dict[str, list[str]] = {}
    for word in plain_words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    firsts = "".join(re.escape(c) for c in groups)
    alternatives = "|".join(f"(?<={re.escape(c)})(?:{'|'.join(rests)})" for c, rests in groups.items())
    # The lookbehind sits after the first letter: it checks the character before the word.
    return re.compile(rf"[{firsts}](?<![\w/@#\\].)(?:{alternatives})(?!{_WORD_GOES_ON})")


def _word_starts_at(text: str, pos: int) -> bool:
    """Whether a word of ``_WORD.finditer(text)`` starts at ``pos``."""
    # Words hold no white space: from the white space before ``pos``, _WORD splits as over the whole text.
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    for match in _WORD.finditer(text, start):
        if match.start() >= pos:
            return match.start() == pos
    return False


def _candidate_tokens(text: str, lex: _Lexicon, titles: list[tuple[int, int]]) -> list[_Token]:
    """The tokens of ``_tokens`` that the scanner can use, in order: capitalized words, particles,
    possessive "s", and the words of titles.

    A word left out is plain lower case and neither: no name word, never joined, and the letters it
    leaves in the gap between the tokens around it keep those from joining, as the word itself did.
    """
    abbreviations = lex.abbreviations
    found: list[_Token] = []
    covered = 0  # end of the last word taken the slow way
    append = found.append
    for m in _NOT_PLAIN_WORD.finditer(text):
        if m.lastindex is None:
            # The word opens with a not-plain character.
            append(_token(text, m.start(), m.end(), m.group(), abbreviations))
            continue
        start = m.start()
        if start >= covered:
            # A not-plain character inside a word: the word holding it, if any, as _WORD splits.
            pos = start
            while pos > 0 and not text[pos - 1].isspace():
                pos -= 1
            for whole in _WORD.finditer(text, pos):
                if whole.start() > start:
                    break
                if whole.end() > start:
                    found.append(_token(text, whole.start(), whole.end(), whole.group(), abbreviations))
                    covered = whole.end()
                    break
    particles: list[_Token] = []
    for m in lex.particle_words.finditer(text):
        start = m.start()
        # "x-de", "x&de", "Acme-de" are one word: a particle after a hyphen, period or "&" may end a word.
        if start > 0 and text[start - 1] in "-\u2010\u2011.&" and not _word_starts_at(text, start):
            continue
        end = m.end()
        word = m.group()
        if text.startswith(".", end):
            particles.append(_token(text, start, end, word, abbreviations))
        else:
            # A plain word is lower case and its own folded form: the token ``_token`` would make.
            particles.append(_new_token((start, end, word, word, False, False)))
    if particles:
        # Two runs sorted by start: the sort merges them.
        found += particles
        found.sort(key=_START)
    if not titles:
        return found
    extra: list[_Token] = []
    for start, end in titles:
        # Words hold no white space: from the white space before a title, _WORD splits as over the whole text.
        pos = start
        while pos > 0 and not text[pos - 1].isspace():
            pos -= 1
        for match in _WORD.finditer(text, pos):
            if match.start() >= end:
                break
            tok = _token(text, match.start(), match.end(), match.group(), abbreviations)
            if tok.end > start:
                extra.append(tok)
    if not extra:
        return found
    by_start = {tok.start: tok for tok in extra}
    by_start.update((tok.start, tok) for tok in found)
    return [by_start[k] for k in sorted(by_start)]


def _sentence_start(text: str, pos: int, lex: _Lexicon) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _SKIPPED_BEFORE:
        i -= 1
    if i < 0:
        return True
    if text[i] == ".":
        # "Mr. Smith", "J. Doe", "Acme Co. said": the period of an abbreviation ends no sentence.
        word = _WORD_BEFORE.search(text, max(0, i - lex.period_word_reach), i)
        if word is not None and (len(word.group()) == 1 or _plain(word.group()) in lex.abbreviations
                                 or _plain(word.group()) in lex.honorifics):
            return False
    # "1. The origin": the period after a list number ends a run-in too.
    return text[i] in _SENTENCE_END


def _title_spans(text: str, language: str) -> list[tuple[int, int]]:
    role = importlib.import_module("checker.recognize.role")
    return [(m.start, m.end) for m in role.title_matches(text, language)]


class _Scanner:
    """Builds candidate names from the tokens of one text."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.lex = lex = _lexicon(language)
        spans = _title_spans(text, language)
        self.tokens = tokens = _candidate_tokens(text, lex, spans)
        n = len(tokens)
        titled = [False] * n
        if spans:
            j = 0
            for i, tok in enumerate(tokens):
                while j < len(spans) and spans[j][1] <= tok.start:
                    j += 1
                if j < len(spans) and spans[j][0] < tok.end and tok.start < spans[j][1]:
                    titled[i] = True
        self.titled = titled
        # Words capitalized inside a sentence and words written in lower case: evidence on sentence starters.
        self.inner_capitals: set[str] = set()
        self._lower_words: set[str] | None = None
        self._folds_as_lowers: bool | None = None
        inner_capitals = self.inner_capitals
        # Per token, computed once in one pass (tokens are many): whether a capitalized token opens a
        # sentence (names start only at those; False for the rest), and what ``is_name_word``,
        # ``is_particle`` and ``org_like`` ask. ``_stop_word_in_name`` reads ``opens`` up to the token.
        opens: list[bool] = []
        particle: list[bool] = []
        org: list[bool] = []
        name_word: list[bool] = []
        self.opens, self.particle, self.org, self.name_word = opens, particle, org, name_word
        particles = lex.particles
        org_words = lex.org_words
        stop = lex.stop
        for i, (start, _, shown, low, capital, _) in enumerate(tokens):
            # ``_plain(tok.text)``: the text is the word, maybe with a period, and folds as the word
            # (``low``) does; a word holds no period at its end and no apostrophe.
            plain = low.rstrip(".")
            org.append(plain in org_words)
            if not capital:
                opens.append(False)
                particle.append(low in particles)
                name_word.append(False)
                continue
            particle.append(False)
            # Most capitals follow a space after a letter or a comma: no sentence start, as
            # ``_sentence_start`` would find after one step back.
            if start > 1 and text[start - 1] == " " and text[start - 2] not in _SKIPPED_OR_END:
                opens.append(False)
                inner_capitals.add(shown)
            elif _sentence_start(text, start, lex):
                opens.append(True)
            else:
                opens.append(False)
                inner_capitals.add(shown)
            name_word.append(not titled[i] and (plain not in stop or self._stop_word_in_name(i, plain)))

    @property
    def lower_words(self) -> set[str]:
        """Folded forms of the words written in lower case (over every word, not only the tokens)."""
        if self._lower_words is None:
            self._lower_words = {w.casefold() for w in _WORD.findall(self.text) if w.islower()}
        return self._lower_words

    def written_lower(self, low: str) -> bool:
        """Whether ``low`` (a folded word) is in ``lower_words``, mostly without reading every word."""
        text = self.text
        if self._folds_as_lowers is None:
            self._folds_as_lowers = text.casefold() == text.lower()  # two passes over the text: once
        if self._lower_words is not None or not self._folds_as_lowers:
            return low in self.lower_words
        # Here every character folds as it lowers (no "ß", "ſ"...), and a character of a lower-case
        # word lowers to itself: such a word is its own folded form, so it is ``low`` written as is.
        if not low.islower():
            return False
        pos = text.find(low)
        while pos >= 0:
            word = _WORD.match(text, pos)
            if (word is not None and word.end() == pos + len(low)
                    and (pos == 0 or text[pos - 1] not in "-\u2010\u2011.&" or _word_starts_at(text, pos))):
                return True
            pos = text.find(low, pos + 1)
        return False

    def _stop_word_in_name(self, i: int, plain: str) -> bool:
        """Whether capitalized token ``i``, a stop word folded to ``plain``, is a name word still."""
        tok = self.tokens[i]
        # "SA" is a legal form, "sa" a French possessive.
        if tok.acronym and plain in self.lex.suffixes:
            return True
        # A capitalized article inside a sentence opens a name: "selon Les Échos", "Bruno Le Maire".
        return (plain in self.lex.articles and i + 1 < len(self.tokens)
                and _SPACE.fullmatch(self.gap(i)) is not None
                and self.tokens[i + 1].capital and _plain(self.tokens[i + 1].text) not in self.lex.stop
                and not self.titled[i + 1] and not self.opens[i])

    def is_name_word(self, i: int) -> bool:
        """Whether token ``i`` can be part of a name: capitalized, no title, no stop word (mostly)."""
        return self.name_word[i]

    def gap(self, i: int) -> str:
        return self.text[self.tokens[i].end:self.tokens[i + 1].start]

    def is_particle(self, i: int) -> bool:
        return self.particle[i]

    def org_like(self, first: int, last: int) -> bool:
        return True in self.org[first:last + 1]

    def extend(self, first: int) -> tuple[int, int]:
        """Last token of the name that starts at ``first``, and how many particle joins it took."""
        tokens = self.tokens
        text = self.text
        name_word = self.name_word
        n = len(tokens)
        last = first
        joins = 0
        while last + 1 < n and last - first < _MAX_NAME_TOKENS:
            nxt = last + 1
            gap = text[tokens[last].end:tokens[nxt].start]
            if tokens[nxt].text == "s" and _APOSTROPHE.fullmatch(gap):
                break
            if name_word[nxt] and (gap == " " or _SPACE.fullmatch(gap) or _AMPERSAND.fullmatch(gap)):
                last = nxt
                continue
            # "Co., Ltd.", "Acme, Inc."
            if (gap.startswith(",") and _COMMA_SPACE.fullmatch(gap) and tokens[nxt].capital
                    and tokens[nxt].low.rstrip(".") in self.lex.suffixes
                    and (tokens[last].low.rstrip(".") in self.lex.suffixes
                         or tokens[nxt].text.endswith(".") or tokens[nxt].acronym)):
                last = nxt
                continue
            # Both joins need the next token to be a particle or the gap to open a parenthesis.
            joined = self._particle_join(first, last) if self.particle[nxt] else None
            if joined is not None:
                last = joined
                joins += 1
                continue
            joined = self._qualifier_join(last) if gap.endswith("(") else None
            if joined is not None:
                last = joined
                continue
            break
        return last, joins

    def _particle_join(self, first: int, last: int) -> int | None:
        """"Banque de France", "Institut d'Optique": particles join only after an organization word."""
        if not self.org_like(first, last):
            return None
        k = last + 1
        run = 0
        while k < len(self.tokens) and run < 2 and self.is_particle(k):
            gap = self.gap(k - 1)
            if not (_SPACE.fullmatch(gap) or (run > 0 and _APOSTROPHE.fullmatch(gap))):
                return None
            run += 1
            k += 1
        if run == 0 or k >= len(self.tokens) or not self.is_name_word(k):
            return None
        gap = self.gap(k - 1)
        if not (_SPACE.fullmatch(gap) or (_APOSTROPHE.fullmatch(gap) and len(self.tokens[k - 1].low) == 1)):
            return None
        return k

    def _qualifier_join(self, last: int) -> int | None:
        """"Kestrel Technology (Lyonnais) Co., Ltd.": a parenthesized place before a legal suffix."""
        match = _PAREN_QUALIFIER.fullmatch(self.gap(last))
        if match is None:
            return None
        k = last + 1
        while k < len(self.tokens) and k - last <= 3 and self.is_name_word(k):
            close = self.gap(k) if k + 1 < len(self.tokens) else ""
            if re.fullmatch(r"\)\s?", close):
                suffix = self.tokens[k + 1]
                if suffix.capital and suffix.low.rstrip(".") in self.lex.suffixes:
                    return k + 1
                return None
            if not _SPACE.fullmatch(close):
                return None
            k += 1
        return None

    def make(self, first: int, last: int, quoted: bool = False) -> Name:
        tokens = self.tokens
        start = tokens[first].start
        end = tokens[last].end
        after = last + 1
        possessive = (after < len(tokens) and tokens[after].text == "s"
                      and _APOSTROPHE.fullmatch(self.text, end, tokens[after].start) is not None)
        text = self.text[start:end]
        if first == last:  # most names: one word
            head = tokens[first]
            return _new_name((start, end, text, (head.low,), possessive, self.org[first], head.acronym, quoted,
                              entity_key(text)))
        span = tokens[first:after]
        return _new_name((start, end, text, tuple([tok.low for tok in span]), possessive,
                          True in self.org[first:after], all([tok.acronym for tok in span]), quoted,
                          entity_key(text)))

    def accept(self, first: int, last: int) -> tuple[int, int] | None:
        """The part of a candidate that is a name, or None (sentence starters, lone adjectives)."""
        toks = self.tokens
        if first == last:  # most candidates: one word
            if len(toks[first].text.rstrip(".")) < 2 or toks[first].low in self.lex.demonyms:
                return None
        else:
            # The first word mostly settles both questions: then no generator is built.
            demonyms = self.lex.demonyms
            if ((len(toks[first].text.rstrip(".")) < 2
                 and all(len(toks[k].text.rstrip(".")) < 2 for k in range(first + 1, last + 1)))
                    or (toks[first].low in demonyms
                        and all(toks[k].low in demonyms for k in range(first + 1, last + 1)))):
                return None
        # ``first`` is a name word, so capitalized: its sentence start is known.
        if not self.opens[first]:
            return first, last
        head = toks[first]
        known = head.acronym or head.text in self.inner_capitals or not head.text[0].isupper()
        if first == last:
            if known or self.org_like(first, last):
                return first, last
            if self.lex.saying_after.match(self.text, head.end):
                return first, last
            # "Acme's ...", "Acme CEO ...": a possessive or a title right after makes it a name.
            if first + 1 < len(toks) and (
                    (toks[first + 1].text == "s" and _APOSTROPHE.fullmatch(self.gap(first)))
                    or (self.titled[first + 1] and _SPACE.fullmatch(self.gap(first)))):
                return first, last
            return None
        if not known and self.written_lower(head.low):
            # "Several Acme engineers": drop the sentence starter, keep the name after it.
            nxt = first + 1
            while nxt <= last and self.is_particle(nxt):
                nxt += 1
            return self.accept_rest(nxt, last)
        return first, last

    def accept_rest(self, first: int, last: int) -> tuple[int, int] | None:
        if first > last or not self.is_name_word(first):
            return None
        if all(len(self.tokens[k].text.rstrip(".")) < 2 for k in range(first, last + 1)):
            return None
        return first, last

    def groups(self) -> list[tuple[int, int, int]]:
        """(first, last, particle joins) of every candidate, left to right."""
        found: list[tuple[int, int, int]] = []
        after = 0  # the first token after the last candidate
        for i, name_word in enumerate(self.name_word):
            if name_word and i >= after:
                last, joins = self.extend(i)
                found.append((i, last, joins))
                after = last + 1
        return found


def _title_case_lines(text: str, scanner: _Scanner) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines): there capitals do not mark names."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):  # the lines and where they start, without a match object per line
        end = start + len(line)
        # A line ending in punctuation is a sentence, not a headline.
        if line and line.rstrip()[-1:] not in (".", "!", "?", ";", ":", ","):
            words = _LONG_WORD.findall(line)
            if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
                spans.append((start, end))
        start = end + 1
    if spans and sum(e - s for s, e in spans) >= 0.9 * len(text.strip()):
        # A text that is all headline has nothing else to learn names from.
        return []
    return spans


def _cut_possessed_tail(scanner: _Scanner, first: int, last: int, joins: int,
                        counts: Counter[str]) -> int:
    """"Institut d'Optique de Lyon de Acme": a frequent name after the last particle stands alone."""
    if joins < 2:
        return last
    k = last
    while k > first and not scanner.is_particle(k - 1):
        k -= 1
    tail = scanner.text[scanner.tokens[k].start:scanner.tokens[last].end]
    if counts[tail] >= 2:
        j = k - 1
        while j > first and scanner.is_particle(j):
            j -= 1
        return j
    return last


@lru_cache(maxsize=16)
def _scan(text: str, language: str) -> tuple[Name, ...]:
    scanner = _Scanner(text, language)
    raw = scanner.groups()
    headline = _title_case_lines(text, scanner)
    tokens = scanner.tokens
    counts: Counter[str] = Counter()
    # Only names of two particle joins or more ask how often a text is a candidate.
    if any(joins >= 2 for _, _, joins in raw):
        for first, last, _ in raw:
            counts[text[tokens[first].start:tokens[last].end]] += 1
    names: list[Name] = []
    pending: list[tuple[int, int]] = []
    for first, last, joins in raw:
        if joins >= 2:
            last = _cut_possessed_tail(scanner, first, last, joins, counts)
        kept = scanner.accept(first, last)
        if kept is None:
            continue
        start = tokens[kept[0]].start
        if headline and any(s <= start < e for s, e in headline):
            pending.append(kept)
        else:
            names.append(scanner.make(*kept))
    names = _spelled_out(text, names, scanner.lex)
    known = {n.key for n in names}
    for first, last in pending:
        names.extend(_known_parts(scanner, first, last, known))
    names.extend(_quoted(text, scanner, names))
    names.sort(key=lambda n: (n.start, -n.end))
    return tuple(_drop_nested(names))


def _known_parts(scanner: _Scanner, first: int, last: int, known: set[str]) -> list[Name]:
    """Inside a headline, the longest runs whose key the body also names (and acronyms)."""
    found: list[Name] = []
    i = first
    while i <= last:
        for j in range(last, i - 1, -1):
            name = scanner.make(i, j)
            if name.key in known or (i == j and scanner.tokens[i].acronym):
                found.append(name)
                i = j
                break
        i += 1
    return found


def _quoted(text: str, scanner: _Scanner, names: list[Name]) -> list[Name]:
    """Names in quotes: “Nova”, « Nova Motors », "Nova"."""
    found: list[Name] = []
    for match in _QUOTED.finditer(text):
        group = match.lastindex or 0  # the one group of the three that took part
        content = match.group(group).strip()
        if not content or _QUOTED_BAD.search(content) or len(content.split()) > 5:
            continue
        start = match.start(group) + match.group(group).index(content)
        end = start + len(content)
        first = content[0]
        if not (first.isupper() or (first.islower() and any(c.isupper() for c in content[1:4]))):
            continue
        surfaces = _WORD.findall(content)
        words = [w.casefold() for w in surfaces]
        if not words or all(_plain(w) in scanner.lex.stop for w in words):
            continue
        # « Nous restons vigilants » is a quote, « Nova Vela » a name.
        if any(len(w) >= 4 and w.islower() and w not in scanner.lex.particles for w in surfaces[1:]):
            continue
        org = any(w.rstrip(".") in scanner.lex.org_words for w in words)
        acronym = all(w.isupper() for w in content.split())
        found.append(Name(start, end, content, tuple(words), False, org, acronym, True, entity_key(content)))
    return found


def _drop_nested(names: list[Name]) -> list[Name]:
    """Keep the longer of overlapping candidates (a quoted name over the words inside it)."""
    # Most texts have no overlapping candidates: then every name stays, left to right as given.
    if all(a.start < b.start and a.end <= b.start for a, b in pairwise(names)):
        return list(names)
    ranked = sorted(names, key=lambda n: (-(n.end - n.start), not n.quoted, n.start))
    starts: list[int] = []  # kept names never overlap, so their starts and ends sort alike
    ends: list[int] = []
    kept: dict[int, Name] = {}
    for name in ranked:
        i = bisect.bisect_right(starts, name.start)
        if (i > 0 and ends[i - 1] > name.start) or (i < len(starts) and starts[i] < name.end):
            continue
        starts.insert(i, name.start)
        ends.insert(i, name.end)
        kept[name.start] = name
    return [kept[s] for s in starts]


def scan(text: str, lang: str) -> list[Name]:
    """Candidate names in ``text``, not overlapping, left to right (no kinds; see ``find``)."""
    return list(_scan_cached(text, lang))


@lru_cache(maxsize=16)
def _scan_cached(text: str, lang: str) -> tuple[Name, ...]:
    # The role recognizer scans the same sentence for names right after the entity recognizer did.
    return tuple(_scan(text, lang))


def _acronym_keys(text: str, names: list[Name], lex: _Lexicon) -> dict[str, str]:
    """"Alpha Beta Corp (ABC)": the acronym links to the spelled-out name's key."""
    expansions: dict[str, str] = {}
    for name in names:
        # Most names are followed by no "(" within the one optional space the pattern allows.
        if text.find("(", name.end, name.end + 2) < 0:
            continue
        match = _PAREN_ACRONYM.match(text, name.end)
        if match is None or name.acronym:
            continue
        if _spells(name.text, match.group(1), lex):
            expansions.setdefault(match.group(1), name.key)
    return expansions


def _spells(words: str, acronym: str, lex: _Lexicon) -> bool:
    """Whether ``acronym`` is made of the initials of ``words``, with or without the little words."""
    letters = re.sub(r"[^A-Z]", "", acronym)
    found = re.findall(r"[^\W\d_]+", words)
    every = "".join(w[0] for w in found).upper()
    little = lex.stop | lex.particles
    content = "".join(w[0] for w in found if w.casefold() not in little)
    return bool(letters) and letters in (every, content.upper())


def _spelled_out(text: str, names: list[Name], lex: _Lexicon) -> list[Name]:
    """"Banque centrale européenne (BCE)": lower-case words spelled out by the acronym belong to the name."""
    grown: list[Name] = []
    for name in names:
        # The pattern backtracks over up to five words; most names are followed by no "(" within its reach.
        if text.find("(", name.end, name.end + _LOWER_THEN_ACRONYM_REACH) < 0:
            grown.append(name)
            continue
        match = _LOWER_THEN_ACRONYM.match(text, name.end)
        spelled = match is not None and _spells(text[name.start:match.end(1)], match.group(2), lex)
        if match is not None and spelled and not name.quoted:
            end = match.end(1)
            longer = text[name.start:end]
            extra = tuple(w.casefold() for w in _WORD.findall(text, name.end, end))
            name = name._replace(end=end, text=longer, tokens=name.tokens + extra, key=entity_key(longer),
                           org=name.org or any(w in lex.org_words for w in extra), possessive=False)
        grown.append(name)
    return grown


def _kinds(text: str, language: str, names: list[Name]) -> dict[str, Kind]:
    """One kind per key within a text, from the strongest evidence found for any of its mentions."""
    lex = _lexicon(language)
    role = importlib.import_module("checker.recognize.role")
    person_keys: set[str] = set()
    org_keys: set[str] = set()
    by_start = {n.start: n for n in names}
    for mention in role.find(text, language, None):
        value = mention.value
        if value.person:
            person_keys.add(entity_key(value.person))
        if value.organization:
            org_start = mention.start + mention.text.find(value.organization)
            inner = by_start.get(org_start)
            if inner is not None:
                org_keys.add(inner.key)
            org_keys.add(entity_key(value.organization))
    for name in names:
        if name.org:
            org_keys.add(name.key)
            continue
        if (name.acronym or name.quoted or not 2 <= len(name.tokens) <= 3
                or name.tokens[0].rstrip("'’") in lex.articles):
            continue
        before = text[max(0, name.start - 12):name.start]
        honorific = _HONORIFIC_BEFORE.search(before)
        titled = honorific is not None and _plain(honorific.group(1)) in lex.honorifics
        saying = lex.saying_after.match(text, name.end) or lex.saying_before.search(
            text, max(0, name.start - 30), name.start)
        if titled or saying:
            person_keys.add(name.key)
    # A lone surname or given name of a known person is that person: "Doe said".
    parts = {word for key in person_keys for word in (key.split()[0], key.split()[-1]) if key}
    kinds: dict[str, Kind] = {}
    for name in names:
        if name.key in org_keys:
            kinds[name.key] = "organization"
        elif name.key in person_keys or (len(name.tokens) == 1 and name.key in parts and not name.acronym):
            kinds[name.key] = "person"
    return kinds


@lru_cache(maxsize=16)
def _find(text: str, language: str) -> tuple[Mention, ...]:
    names = scan(text, language)
    acronyms = _acronym_keys(text, names, _lexicon(language))
    kinds = _kinds(text, language, names)
    mentions: list[Mention] = []
    # Values are immutable and costly to validate: the mentions of one name in a text share one.
    values: dict[tuple[str, str, str], EntityValue] = {}
    for name in names:
        key = acronyms.get(name.text, name.key) if name.acronym else name.key
        kind = kinds.get(key, "organization" if name.org else "unknown")
        value = values.get((name.text, kind, key))
        if value is None:
            value = values[name.text, kind, key] = EntityValue(name=name.text, kind=kind, key=key)
        mentions.append(Mention(type="entity", start=name.start, end=name.end, text=name.text, value=value))
    return tuple(mentions)


def find(text: str, lang: str, ref_date: dt.date | None) -> list[Mention]:
    """Entity mentions in ``text`` with a kind guess and the cross-document linking key."""
    del ref_date  # names do not depend on the date
    if not text:
        return []
    if unmarked_names(lang):
        found: list[Mention] = importlib.import_module("checker.recognize.unmarked").find_entities(text, lang)
        return found
    return list(_find(text, lang))


def unmarked_names(lang: str) -> bool:
    """Whether ``lang`` writes names without capitals (``script.toml``), so that they are found otherwise."""
    return script.is_supported(lang) and script.profile(lang).names == "unmarked"
