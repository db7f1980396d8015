"""Typographic normalization of an analysis text, keeping the map back to the file.

Recognizers read plain typography: ordinary spaces and quotes, "on-site"
rather than "on – site". Each pass builds a new ``MappedText`` over the
previous one and the maps are composed, so evidence still points into the
original file.
"""

from __future__ import annotations

import re
from array import array

from checker.textmap import MappedText

# Characters replaced one for one (or dropped) in the first pass.
_CHAR_MAP: dict[str, str] = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space (French thousands, before ; : ! ?)
    "\u2009": " ",  # thin space
    "\u2007": " ",  # figure space
    "\u200a": " ",  # hair space
    "\u2011": "-",  # non-breaking hyphen
    "\u2010": "-",  # hyphen
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2032": "'",
    "\t": " ",
    "\u000b": " ",
    "\u000c": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u0085": "\n",
    # Zero-width characters carry no text: dropped.
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\u00ad": "",  # soft hyphen
}
_CHAR_RE = re.compile("\r\n?|[" + "".join(re.escape(c) for c in _CHAR_MAP) + "]")

# A dash with one space on each side, between two lower-case word fragments:
# the way some translation pipelines write hyphenated compounds ("on – site").
# The character before the left word and after the right word must not be a
# letter, digit or hyphen, so that the fold only sees whole words.
_WORD = r"[^\W\d_A-Z\u00c0-\u00de]+"
_DASHED = re.compile(rf"(?<![\w\-])({_WORD}) [\-\u2013\u2014] ({_WORD})(?![\w\-])")

# Words that open a clause or a parenthesis after a dash ("the team – which
# ..."): a dash before them is punctuation, never part of a compound. Small,
# closed classes (articles, pronouns, conjunctions, prepositions) in the
# supported languages; open-class words are what compounds are made of.
_CLAUSE_OPENERS = frozenset([
    "a", "an", "the", "and", "but", "or", "nor", "so", "yet", "which", "who", "whom", "whose", "that",
    "this", "these", "those", "it", "its", "he", "she", "they", "we", "you", "i", "his", "her", "their",
    "our", "my", "your", "to", "of", "for", "with", "by", "as", "at", "from", "if", "when", "while",
    "where", "whereas", "because", "although", "though", "not", "is", "was", "are", "were", "be", "been",
    "being", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "should",
    "also", "even", "including", "especially", "such", "than", "then", "there", "here", "what", "how",
    "why", "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "mais", "donc", "or",
    "ni", "car", "qui", "que", "qu", "dont", "où", "ce", "cet", "cette", "ces", "il", "elle", "ils",
    "elles", "on", "nous", "vous", "je", "tu", "leur", "leurs", "son", "sa", "ses", "notre", "nos",
    "votre", "vos", "mon", "ma", "mes", "à", "au", "aux", "en", "pour", "par", "avec", "sans", "sur",
    "sous", "dans", "chez", "selon", "est", "sont", "était", "étaient", "a", "ont", "sera", "seront",
    "été", "y", "ne", "pas", "plus", "aussi", "même", "comme", "quand", "si",
])


_SENTENCE_END = re.compile(r"[.!?\n]")


class _Over:
    """Builds a text from pieces of ``base.text`` with the map already in ``base``'s original coordinates.

    Same interface as ``MappedTextBuilder`` (``copy``/``replace`` take offsets
    into ``base.text``), but the map is composed as it is built, with array
    slices rather than a per-character loop.
    """

    def __init__(self, base: MappedText) -> None:
        self._base = base
        self._parts: list[str] = []
        self._starts = array("q")
        self._ends = array("q")

    def copy(self, _text: str, start: int, end: int) -> None:
        if start < end:
            self._parts.append(self._base.text[start:end])
            self._starts.extend(self._base.starts[start:end])
            self._ends.extend(self._base.ends[start:end])

    def replace(self, replacement: str, start: int, end: int) -> None:
        if not replacement:
            return
        if start < end:
            s, e = self._base.starts[start], self._base.ends[end - 1]
        else:
            s = e = self._base.to_original(start, start)[0]
        self._parts.append(replacement)
        self._starts.extend([s] * len(replacement))
        self._ends.extend([e] * len(replacement))

    def build(self) -> MappedText:
        return MappedText("".join(self._parts), self._starts, self._ends)


def _char_pass(mapped: MappedText) -> MappedText:
    text = mapped.text
    out = _Over(mapped)
    pos = 0
    for match in _CHAR_RE.finditer(text):
        start, end = match.span()
        out.copy(text, pos, start)
        chunk = match.group()
        out.replace("\n" if chunk[0] == "\r" else _CHAR_MAP[chunk], start, end)
        pos = end
    out.copy(text, pos, len(text))
    return out.build()


_SPACE_RUN = re.compile(r" {2,}")


def _space_pass(mapped: MappedText) -> MappedText:
    """Runs of spaces become one space: retyped copy ("over  a  hundred") reads like the original."""
    text = mapped.text
    out = _Over(mapped)
    pos = 0
    for match in _SPACE_RUN.finditer(text):
        out.copy(text, pos, match.start())
        out.replace(" ", match.start(), match.end())
        pos = match.end()
    out.copy(text, pos, len(text))
    return out.build()


def _is_compound(left: str, right: str) -> bool:
    # Only the right side decides: compounds often start with a preposition
    # ("on-site", "in-depth") but never end with a clause opener.
    del left
    return right.lower() not in _CLAUSE_OPENERS


def _dash_pass(mapped: MappedText) -> MappedText:
    text = mapped.text
    out = _Over(mapped)
    pos = 0
    search_from = 0
    sentence_end = -1
    closer_until = -1  # a parenthetical dash was opened: its closing dash ends before this offset
    while True:
        match = _DASHED.search(text, search_from)
        if match is None:
            break
        if not _is_compound(match.group(1), match.group(2)):
            # "the team – which was small – left": the next spaced dash of the
            # sentence closes the parenthesis; it is punctuation too.
            if match.end() > sentence_end:  # found once per sentence: linear on long ones
                end = _SENTENCE_END.search(text, match.end())
                sentence_end = end.start() if end else len(text)
            closer_until = sentence_end
            # The right word may still start the next candidate ("to – date").
            search_from = match.start(2)
            continue
        if match.start() < closer_until:
            closer_until = -1
            search_from = match.start(2)
            continue
        dash_start, dash_end = match.end(1), match.start(2)
        out.copy(text, pos, dash_start)
        out.replace("-", dash_start, dash_end)
        pos = dash_end
        search_from = match.end()
    out.copy(text, pos, len(text))
    return out.build()


def compose(outer: MappedText, inner: MappedText) -> MappedText:
    """The map of ``outer`` (built over ``inner.text``) expressed in ``inner``'s original coordinates."""
    n_inner = len(inner.text)
    starts = array("q")
    ends = array("q")
    for a, b in zip(outer.starts, outer.ends, strict=True):
        if a < b:
            starts.append(inner.starts[a])
            ends.append(inner.ends[b - 1])
        else:
            # Inserted text: a zero-width point in the original.
            if n_inner == 0:
                point = 0
            elif a < n_inner:
                point = inner.starts[a]
            else:
                point = inner.ends[n_inner - 1]
            starts.append(point)
            ends.append(point)
    return MappedText(outer.text, starts, ends)


def normalize_text(text: str) -> MappedText:
    """Normalize a plain string; the map points into ``text`` itself."""
    return normalize(MappedText.identity(text))


def normalize(mapped: MappedText) -> MappedText:
    """Plain single spaces, quotes and hyphens, compounds rejoined, CRLF -> LF; the map points to the original."""
    return _dash_pass(_space_pass(_char_pass(mapped)))
