"""Recognizers: find typed mentions (time, quantity, money, percent, entity, role) in a text.

Each dimension lives in its own module with one public function
``find(text, lang, ref_date) -> list[Mention]``; its language facts live in
``checker/lang/<lang>/<dimension>.toml``. ``recognize`` runs them all and
settles overlaps: a longer, more specific reading (money, percent, time) wins
over the bare number inside it.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from types import ModuleType

from checker import catalogue
from checker.lang import SUPPORTED_LANGUAGES, script
from checker.records import Mention, QuantityValue

# Order matters only for ties: earlier dimensions win an exact-span tie.
DIMENSIONS: tuple[str, ...] = ("money", "percent", "time", "quantity", "role", "entity")
_PRIORITY = {name: rank for rank, name in enumerate(DIMENSIONS)}
# Dimensions whose mentions compete for the same characters; entities and roles may overlap them.
_VALUE_DIMENSIONS = frozenset({"money", "percent", "time", "quantity"})


Finder = Callable[[str, str, "dt.date | None"], list[Mention]]


_MODULES: dict[str, ModuleType] = {}


def _finder(name: str) -> Finder:
    # Imported once; ``find`` is still read from the module on each call.
    module = _MODULES.get(name)
    if module is None:
        module = _MODULES[name] = importlib.import_module(f"checker.recognize.{name}")
    finder: Finder = module.find
    return finder


def available_dimensions() -> list[str]:
    """Dimensions whose recognizer module exists."""
    found = []
    for name in DIMENSIONS:
        try:
            _finder(name)
        except ModuleNotFoundError:
            continue
        found.append(name)
    return found


def recognize(
    text: str,
    lang: str,
    ref_date: dt.date | None = None,
    dimensions: Iterable[str] | None = None,
) -> list[Mention]:
    """All mentions in ``text``, overlaps among value mentions settled, sorted by position.

    ``lang`` must be one of ``SUPPORTED_LANGUAGES`` (a ``ValueError`` names it otherwise: no
    language is read as another). Where the language writes full-width forms ("４５％", "１，２００"),
    the recognizers read them as ASCII, at the same offsets, and the mentions quote ``text`` itself.
    """
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"factcheck does not read {script.language_name(lang)} ({lang}); "
                         f"it reads {', '.join(SUPPORTED_LANGUAGES)}")
    wanted = list(dimensions) if dimensions is not None else available_dimensions()
    reading = script.fold_full_width(text) if _folds_full_width(lang) and script.has_full_width(text) else text
    mentions: list[Mention] = []
    for name in wanted:
        mentions.extend(_finder(name)(reading, lang, ref_date))
    if reading is not text:
        mentions = [m if m.text == text[m.start:m.end] else dataclasses.replace(m, text=text[m.start:m.end])
                    for m in mentions]
    return settle_overlaps(mentions)


def _sub_day(mention: Mention) -> bool:
    """Whether ``mention`` is a duration of hours, minutes or seconds."""
    value = mention.value
    if not isinstance(value, QuantityValue):
        return False
    unit = catalogue.unit(value.unit)
    return unit is not None and unit.dimension == "duration" and unit.factor < 86400


_FULL_WIDTH: dict[str, bool] = {}


def _folds_full_width(lang: str) -> bool:
    folds = _FULL_WIDTH.get(lang)
    if folds is None:
        folds = _FULL_WIDTH[lang] = script.profile(lang).full_width
    return folds


def settle_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep, among overlapping value mentions, the longest; on equal length the higher-priority type."""
    if len(mentions) < 2:
        return list(mentions)  # most sentences: nothing to settle, nothing to sort
    values = [m for m in mentions if m.type in _VALUE_DIMENSIONS]
    others = [m for m in mentions if m.type not in _VALUE_DIMENSIONS]
    spans = [(m.start, m.end) for m in values if _sub_day(m)]
    if spans:
        # "in 3.9 seconds", "within 24 hours": a span of hours or less is a duration, not the day it ends on.
        # A time of day ("14h20") is no such span, whatever reads "14h" as hours.
        values = [m for m in values if m.type != "time" or getattr(m.value, "clock", None) is not None or not any(
            m.start <= start and end <= m.end for start, end in spans)]
    ranked = sorted(values, key=lambda m: (-(m.end - m.start), _PRIORITY.get(m.type, 99), m.start))
    kept: list[Mention] = []
    # Kept spans never overlap, so sorted by start they are also sorted by end: one bisect per candidate.
    starts: list[int] = []
    ends: list[int] = []
    for m in ranked:
        i = bisect.bisect_right(starts, m.start)
        clear_left = i == 0 or ends[i - 1] <= m.start
        clear_right = i == len(starts) or m.end <= starts[i]
        if clear_left and clear_right:
            starts.insert(i, m.start)
            ends.insert(i, m.end)
            kept.append(m)
    return sorted(kept + others, key=lambda m: (m.start, m.end, m.type))
