"""Text made safe for a terminal or a log, and counted nouns.

Article text and file names come from outside: an escape sequence in them could
recolour, hide or rewrite what the terminal shows, and a bidirectional override
(U+202E ...) reorders it (the "Trojan Source" trick). Every text output (the
terminal report, the gate's text and GitHub formats, messages on stderr) shows
such characters escaped, as ``\\x1b`` or ``\\u202e``. JSON, SARIF and HTML have
escaping of their own.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls (which include CSI, U+009B), the bidirectional
# embeddings, overrides and isolates, the implicit marks, and the line and paragraph separators.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[{_UNSAFE}\t\n]")


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return char.encode("unicode_escape").decode("ascii")


def escape_text(text: str) -> str:
    """``text`` with control characters, escape sequences and bidi controls escaped; tabs and newlines kept.

    Ordinary characters that merely look unusual (no-break and thin spaces, zero-width joiners) are
    kept: French and Chinese text is full of them and they cannot take over a terminal.
    """
    return _UNSAFE_IN_TEXT.sub(_escaped, text)


def escape_line(text: str) -> str:
    """``escape_text`` that also escapes tabs and newlines: for one-line fields such as a file name,
    so that ``path:line:column`` always stays one line."""
    return _UNSAFE_IN_LINE.sub(_escaped, text)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``"1 document"``, ``"2 documents"``; ``plural_form`` for nouns that do not take an ``s``."""
    word = singular if count == 1 else (plural_form if plural_form is not None else singular + "s")
    return f"{count} {word}"
