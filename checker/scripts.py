"""Names across scripts: one form for simplified and traditional Chinese, and the pinyin of a name.

Two libraries do these jobs, each behind a function here and imported only when a text holds
Han characters (most corpora never load them):

- OpenCC (Apache 2.0) turns traditional characters into simplified ones ("廣州銀行" ->
  "广州银行"), so both forms of one name are one name. Its tables are phrase-aware and
  deterministic; a character table of our own would get the one-to-many cases wrong.
- pypinyin (MIT) gives the toneless pinyin of each character ("李明华" -> li ming hua), so a
  Chinese name meets its Latin spelling ("Feng Xingya"). Its dictionary holds every character
  of Unicode's CJK blocks with the reading used in names and words; it costs about 55 MB and
  0.2 s to load, once per process.

Both are offline (their data ships in the wheel) and give the same answer for the same input.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Han character."""
    return not text.isascii() and _HAN.search(text) is not None


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s.json")


@lru_cache(maxsize=4096)
def simplified(text: str) -> str:
    """``text`` with traditional Chinese characters written in their simplified forms (others unchanged)."""
    if not has_han(text):
        return text
    converted: str = _converter().convert(text)
    # OpenCC maps character for character here; a length change would break nothing, but is not expected.
    return converted


@lru_cache(maxsize=4096)
def pinyin(text: str) -> str:
    """The toneless pinyin of the Han characters of ``text``, one syllable per character, space-separated;
    other characters are kept as they are ("新桥X5" -> "xin qiao X5")."""
    if not has_han(text):
        return text
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(simplified(text), style=Style.NORMAL, errors=_kept)
    return " ".join(s.strip() for s in syllables if s.strip())


def _kept(rest: str) -> str:
    """What pypinyin cannot read (Latin, digits) is kept as written."""
    return rest


def pinyin_spellings(han: str) -> tuple[str, ...]:
    """The Latin spellings a Han name may be given, squeezed (no spaces, lower case): its pinyin as
    written ("王明" -> "wangming"), and, for a name of two or three characters (a person's: surname
    first), with the surname last, as some Latin texts write it ("mingwang")."""
    syllables = pinyin(han).lower().split()
    if not syllables:
        return ()
    spellings = ["".join(syllables)]
    if 2 <= len(syllables) <= 3 and len(han) == len(syllables):
        spellings.append("".join(syllables[1:] + syllables[:1]))
    return tuple(dict.fromkeys(spellings))


__all__ = ["has_han", "pinyin", "pinyin_spellings", "simplified"]
