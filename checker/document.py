"""The in-memory document that the pipeline stages share after ingest."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from checker.records import DocumentInfo, Span, Zone
from checker.textmap import LineIndex, MappedText


@dataclass(frozen=True)
class Document:
    """One article: the file's decoded text, the normalized analysis text mapped back to it, its zones.

    ``raw`` is the file's own decoded text: every evidence offset points into it.
    ``analysis`` is what the recognizers read (markup removed, typography
    normalized); ``zones`` are in ``analysis`` coordinates.
    """

    info: DocumentInfo
    raw: str
    analysis: MappedText
    zones: tuple[Zone, ...]
    # What ingest ignored in a file it could still read (a front-matter field that is no date), one line each.
    notes: tuple[str, ...] = ()
    _lines: LineIndex = field(init=False, repr=False, compare=False)
    _zone_starts: list[int] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lines", LineIndex(self.raw))
        starts = [zone.start for zone in self.zones]
        # Zones are the article's blocks in order; should they ever not be, ``zone_at`` looks at each.
        in_order = all(a.end <= b.start for a, b in zip(self.zones, self.zones[1:], strict=False))
        object.__setattr__(self, "_zone_starts", starts if in_order else None)

    @property
    def text(self) -> str:
        """The analysis text."""
        return self.analysis.text

    @property
    def path(self) -> str:
        return self.info.path

    def span(self, start: int, end: int) -> Span:
        """Evidence for ``analysis[start:end]``, as a span of the raw file."""
        raw_start, raw_end, quote = self.located(start, end)
        line, column = self._lines.line_and_column(raw_start)
        return Span(path=self.info.path, start=raw_start, end=raw_end, quote=quote, line=line, column=column)

    def located(self, start: int, end: int) -> tuple[int, int, str]:
        """Where ``analysis[start:end]`` lies in the raw file, and what it reads there: a span without its line."""
        raw_start, raw_end = self.analysis.to_original(start, end)
        return raw_start, raw_end, self.raw[raw_start:raw_end]

    def zone_at(self, offset: int) -> Zone | None:
        """The zone containing analysis offset ``offset``."""
        if self._zone_starts is not None:
            i = bisect.bisect_right(self._zone_starts, offset) - 1
            zone = self.zones[i] if i >= 0 else None
            return zone if zone is not None and offset < zone.end else None
        for zone in self.zones:
            if zone.start <= offset < zone.end:
                return zone
        return None
