"""Recognizers never raise: a text they cannot read yields no mentions, never a failed run."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from checker.records import Mention

Finder = Callable[[str, str], list[Mention]]


def never_raises(find: Finder) -> Callable[[str, str, dt.date | None], list[Mention]]:
    """Wrap a ``find(text, lang)`` so that arithmetic or parsing failures on odd input give no mentions."""

    @functools.wraps(find)
    def safe(text: str, lang: str, ref_date: dt.date | None = None) -> list[Mention]:
        try:
            return find(text, lang)
        except (ValueError, OverflowError, RecursionError):
            return []

    return safe
