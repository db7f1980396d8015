"""Pictures of a fact's values, drawn by the report itself as inline SVG (nothing fetched, nothing run).

A timeline shows each date or span a source gives; a number line shows each
figure or range, its usual reading as a thick bar and what the words literally
allow as a thin line, so an editor sees the overlap or the gap. Each picture
carries a title and a description for screen readers and prints as it shows.
All text that comes from an article is escaped here: the markup is built from
escaped pieces only.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from checker import catalogue
from checker.records import MoneyValue, PercentValue, QuantityValue, TimeValue, Value
from checker.report.view import Card, ValueView, View
from checker.report.words import MONTHS, currency_name, number, unit_name

WIDTH = 640
PAD = 14
ROW = 34
AXIS = 44
LABEL_CHARS = 96


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _cut(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Span:
    """One row of a picture: where the value lies on the axis (``None``: open on that side)."""

    low: float | None
    high: float | None
    typical_low: float | None
    typical_high: float | None
    status: str
    label: str
    detail: str


class Scale:
    """A linear or logarithmic map from values to x positions between ``left`` and ``right``."""

    def __init__(self, low: float, high: float, left: float, right: float, log: bool = False) -> None:
        if high <= low:
            low, high = low - 1, high + 1
        self.log = log and low > 0
        self.low, self.high = (math.log10(low), math.log10(high)) if self.log else (low, high)
        self.left, self.right = left, right

    def x(self, value: float) -> float:
        v = math.log10(value) if self.log and value > 0 else (self.low if self.log else value)
        ratio = (v - self.low) / (self.high - self.low)
        return round(self.left + min(1.0, max(0.0, ratio)) * (self.right - self.left), 1)


# --------------------------------------------------------------------------
# Axes
# --------------------------------------------------------------------------


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def date_ticks(low: float, high: float, most: int = 7) -> list[tuple[float, str]]:
    """Round dates between two day ordinals, labelled: days, months or years, whichever fits ``most``."""
    first, last = dt.date.fromordinal(max(1, int(low))), dt.date.fromordinal(max(1, int(high)))
    for days in (1, 2, 7, 14):
        if (last - first).days / days <= most:
            ticks, day = [], first
            while day <= last:
                ticks.append((float(day.toordinal()), f"{day.day} {MONTHS[day.month - 1][:3]}"))
                day += dt.timedelta(days=days)
            return ticks
    for months in (1, 2, 3, 6):
        if ((last.year - first.year) * 12 + last.month - first.month) / months <= most:
            ticks, day, year = [], _add_months(first, 1 if first.day > 1 else 0), None
            while day <= last:
                # The year is written at the first tick and wherever it changes.
                label = MONTHS[day.month - 1][:3] + (f" {day.year}" if day.year != year else "")
                ticks.append((float(day.toordinal()), label))
                year = day.year
                day = _add_months(day, months)
            return ticks
    for years in (1, 2, 5, 10, 20, 50, 100, 200, 500):
        if (last.year - first.year) / years <= most:
            start = (first.year // years + (1 if first.month > 1 or first.day > 1 else 0)) * years
            return [(float(dt.date(y, 1, 1).toordinal()), str(y)) for y in range(max(1, start), last.year + 1, years)]
    return []


def number_ticks(low: float, high: float, log: bool, most: int = 7) -> list[tuple[float, str]]:
    """Round numbers between ``low`` and ``high``: 1-2-5 steps, or powers of ten on a log scale."""
    if log and low > 0:
        ticks = []
        for exponent in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
            for step in (1, 2, 5):
                value = step * 10.0 ** exponent
                if low <= value <= high:
                    ticks.append(value)
        if len(ticks) > most:
            powers = [t for t in ticks if math.isclose(math.log10(t) % 1, 0, abs_tol=1e-9)]
            ticks = powers or ticks[:: len(ticks) // most]
        return [(t, number(t)) for t in ticks]
    span = high - low
    if span <= 0:
        return [(low, number(low))]
    raw = span / most
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.ceil(low / step) * step
    out = []
    value = start
    while value <= high + step * 1e-9:
        out.append((value, number(round(value, 10))))
        value += step
    return out


def _axis(scale: Scale, ticks: Sequence[tuple[float, str]], y: float, unit: str = "") -> list[str]:
    parts = [f'<line class="axis" x1="{scale.left}" y1="{y}" x2="{scale.right}" y2="{y}"/>']
    for value, label in ticks:
        x = scale.x(value)
        # A label near an edge is anchored to stay inside the picture.
        room = len(label) * 3.3
        anchor = "start" if x - room < 0 else "end" if x + room > scale.right + PAD else "middle"
        parts.append(f'<line class="tick" x1="{x}" y1="{y}" x2="{x}" y2="{y + 5}"/>')
        parts.append(f'<text class="tick-label" x="{x}" y="{y + 17}" text-anchor="{anchor}">{_e(label)}</text>')
    if unit:
        parts.append(f'<text class="unit-label" x="{scale.right}" y="{y + 33}" text-anchor="end">{_e(unit)}</text>')
    return parts


# --------------------------------------------------------------------------
# Values on an axis
# --------------------------------------------------------------------------


def _time_span(view: View, value: ValueView) -> Span | None:
    v = value.value
    if not isinstance(v, TimeValue) or (v.earliest is None and v.latest is None):
        return None
    low = float(v.earliest.toordinal()) if v.earliest else None
    high = float(v.latest.toordinal()) + 1 if v.latest else None
    return Span(low, high, low, high, value.status, value.words, view.who(value.sources))


def _common_unit(values: Sequence[Value | None]) -> str | None:
    units = Counter(v.unit for v in values if isinstance(v, QuantityValue) and v.unit)
    return units.most_common(1)[0][0] if units else None


def _convert(amount: float | None, unit: str | None, target: str | None) -> float | None:
    if amount is None or unit == target:
        return amount
    source_unit, target_unit = catalogue.unit(unit), catalogue.unit(target)
    if source_unit is None or target_unit is None or source_unit.dimension != target_unit.dimension:
        return amount
    return (catalogue.canonical(amount, unit) - target_unit.offset) / target_unit.factor


def _number_span(view: View, value: ValueView, target: str | None) -> Span | None:
    v = value.value
    names = view.who(value.sources)
    if isinstance(v, QuantityValue):
        c = [_convert(x, v.unit, target) for x in (v.literal.low, v.literal.high, v.typical.low, v.typical.high)]
        return Span(c[0], c[1], c[2], c[3], value.status, value.words, names)
    if isinstance(v, MoneyValue | PercentValue):
        if v.low is None and v.high is None:
            return None
        return Span(v.low, v.high, v.low, v.high, value.status, value.words, names)
    return None


def _unit_label(values: Sequence[Value | None], target: str | None) -> str:
    first = next((v for v in values if v is not None), None)
    if isinstance(first, MoneyValue):
        return currency_name(first.currency)
    if isinstance(first, PercentValue):
        return "%"
    return unit_name(target) if target else ""


def _marks(span: Span, scale: Scale, y: float, open_left: float, open_right: float) -> list[str]:
    """The marks of one value on row ``y``: a thin line for what the words allow, a bar or a dot for the
    usual reading, an arrow where the value is open."""
    parts: list[str] = []
    cls = f"m-{span.status}"
    lo = scale.x(span.low) if span.low is not None else open_left
    hi = scale.x(span.high) if span.high is not None else open_right
    if hi - lo > 1 and (span.low is None or span.high is None or (span.typical_low, span.typical_high)
                        != (span.low, span.high)):
        parts.append(f'<line class="literal {cls}" x1="{lo}" y1="{y}" x2="{hi}" y2="{y}"/>')
        if span.low is None:
            parts.append(f'<path class="arrow {cls}" d="M{lo} {y}l7 -5v10z"/>')
        if span.high is None:
            parts.append(f'<path class="arrow {cls}" d="M{hi} {y}l-7 -5v10z"/>')
    t_lo = span.typical_low if span.typical_low is not None else span.low
    t_hi = span.typical_high if span.typical_high is not None else span.high
    if t_lo is not None and t_hi is not None:
        a, b = scale.x(t_lo), scale.x(t_hi)
        if b - a < 6:
            parts.append(f'<circle class="dot {cls}" cx="{round((a + b) / 2, 1)}" cy="{y}" r="5.5"/>')
        else:
            parts.append(f'<rect class="bar {cls}" x="{a}" y="{y - 5}" width="{round(b - a, 1)}" height="10" rx="3"/>')
    elif t_lo is not None or t_hi is not None:
        edge = scale.x(t_lo if t_lo is not None else t_hi)  # type: ignore[arg-type]
        parts.append(f'<circle class="dot hollow {cls}" cx="{edge}" cy="{y}" r="5"/>')
    return parts


def _svg(ident: str, title: str, description: str, height: float, body: list[str], css: str) -> Markup:
    head = (f'<svg class="{css}" viewBox="0 0 {WIDTH} {round(height)}" role="img" '
            f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-t">{_e(title)}</title><desc id="{ident}-d">{_e(description)}</desc>')
    return Markup(head + "".join(body) + "</svg>")


def _picture(ident: str, title: str, spans: list[Span], scale: Scale, ticks: list[tuple[float, str]],
             unit: str, css: str) -> Markup:
    body: list[str] = []
    for row, span in enumerate(spans):
        top = PAD + row * ROW
        label = _cut(f"{span.label} · {span.detail}" if span.detail else span.label)
        body.append(f'<text class="row-label" x="{PAD}" y="{top + 10}">{_e(label)}</text>')
        body.extend(_marks(span, scale, top + 22, PAD, WIDTH - PAD))
    axis_y = PAD + len(spans) * ROW + 6
    body.extend(_axis(scale, ticks, axis_y, unit))
    description = "; ".join(f"{s.label}, according to {s.detail}" if s.detail else s.label for s in spans)
    return _svg(ident, title, description + ".", axis_y + AXIS, body, css)


def timeline(view: View, card: Card) -> Markup | None:
    """Every date or span given for a dated fact, one row each, on one time axis."""
    spans = [s for v in card.values if (s := _time_span(view, v)) is not None]
    if not spans:
        return None
    ends = [x for s in spans for x in (s.low, s.high) if x is not None]
    low, high = min(ends), max(ends)
    margin = max((high - low) * 0.08, 4.0)
    scale = Scale(low - margin, high + margin, PAD, WIDTH - PAD)
    ticks = date_ticks(low - margin, high + margin)
    return _picture(card.anchor + "-pic", f"Timeline: {card.title}", spans, scale, ticks, "", "picture timeline")


def number_line(view: View, card: Card) -> Markup | None:
    """Every figure or range given for a numeric fact, one row each, on one axis (log when they are far apart)."""
    values = [v.value for v in card.values]
    target = _common_unit(values)
    spans = [s for v in card.values if (s := _number_span(view, v, target)) is not None]
    if not spans:
        return None
    ends = [x for s in spans for x in (s.low, s.high, s.typical_low, s.typical_high)
            if x is not None and math.isfinite(x)]
    if not ends:
        return None
    low, high = min(ends), max(ends)
    log = low > 0 and high / low > 30
    if log:
        scale_low, scale_high = low / 1.6, high * 1.6
    else:
        margin = (high - low) * 0.12 or max(abs(high) * 0.1, 1.0)
        scale_low, scale_high = low - margin, high + margin
        if low >= 0 and scale_low < 0:
            scale_low = 0.0
    scale = Scale(scale_low, scale_high, PAD, WIDTH - PAD, log=log)
    ticks = number_ticks(scale_low, scale_high, log)
    unit = _unit_label(values, target) + (" (log scale)" if log else "")
    return _picture(card.anchor + "-pic", f"Number line: {card.title}", spans, scale, ticks, unit,
                    "picture number-line")


def picture(view: View, card: Card) -> Markup | None:
    """The card's picture: a timeline for dates, a number line for figures; none for names, nor for a
    single value (every source gives the same: there is nothing to see apart)."""
    if len(card.values) < 2:
        return None
    if card.kind == "time":
        return timeline(view, card)
    if card.kind == "number":
        return number_line(view, card)
    return None


# --------------------------------------------------------------------------
# The timeline of every dated fact
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    """One shared time axis and a strip per dated fact, so that rows can be filtered like cards."""

    axis: Markup
    strips: list[tuple[Card, Markup]]


def _strip_marks(span: Span, scale: Scale) -> list[str]:
    """One value on a strip whose x positions are percentages of its width (it stretches with the page
    while its dots stay round)."""
    cls = f"m-{span.status}"
    lo = scale.x(span.low) if span.low is not None else scale.left
    hi = scale.x(span.high) if span.high is not None else scale.right
    if span.low is None or span.high is None:
        edge = hi if span.low is None else lo
        return [f'<line class="literal {cls}" x1="{lo}%" y1="9" x2="{hi}%" y2="9"/>',
                f'<circle class="dot hollow {cls}" cx="{edge}%" cy="9" r="4.5"/>']
    if hi - lo < 0.8:
        return [f'<circle class="dot {cls}" cx="{round((lo + hi) / 2, 2)}%" cy="9" r="5"/>']
    return [f'<rect class="bar {cls}" x="{lo}%" y="4" width="{round(hi - lo, 2)}%" height="10" rx="3"/>']


def overview(view: View, cards: Sequence[Card]) -> Overview | None:
    """A strip for each dated card on one axis spanning every date the report holds."""
    rows = [(card, [s for v in card.values if (s := _time_span(view, v)) is not None])
            for card in cards if card.kind == "time"]
    rows = [(card, spans) for card, spans in rows if spans]
    if not rows:
        return None
    ends = [x for _, spans in rows for s in spans for x in (s.low, s.high) if x is not None]
    low, high = min(ends), max(ends)
    margin = max((high - low) * 0.03, 4.0)
    # Positions in percent of the strip's width: the axis and every strip line up at any width.
    scale = Scale(low - margin, high + margin, 1.0, 99.0)
    ticks = date_ticks(low - margin, high + margin, most=8)
    axis = ['<line class="axis" x1="1%" y1="4" x2="99%" y2="4"/>']
    for value, label in ticks:
        x = scale.x(value)
        anchor = "start" if x < 4 else "end" if x > 96 else "middle"
        axis.append(f'<line class="tick" x1="{x}%" y1="4" x2="{x}%" y2="9"/>'
                    f'<text class="tick-label" x="{x}%" y="21" text-anchor="{anchor}">{_e(label)}</text>')
    axis_svg = Markup('<svg class="strip-axis" width="100%" height="26" aria-hidden="true" '
                      'xmlns="http://www.w3.org/2000/svg">' + "".join(axis) + "</svg>")
    strips = []
    for card, spans in rows:
        body = ['<line class="guide" x1="1%" y1="9" x2="99%" y2="9"/>']
        for span in spans:
            body.extend(_strip_marks(span, scale))
        description = "; ".join(f"{s.label} ({s.detail})" for s in spans)
        ident = card.anchor + "-strip"
        strips.append((card, Markup(
            f'<svg class="strip" width="100%" height="18" role="img" aria-labelledby="{ident}-d" '
            f'xmlns="http://www.w3.org/2000/svg"><desc id="{ident}-d">{_e(description)}</desc>'
            + "".join(body) + "</svg>")))
    return Overview(axis=axis_svg, strips=strips)
