"""The in-memory document that the pipeline stages share after ingest."""

from __future__ import annotations

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
    _lines: LineIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lines", LineIndex(self.raw))

    @property
    def text(self) -> str:
        """The analysis text."""
        return self.analysis.text

    @property
    def path(self) -> str:
        return self.info.path

    def span(self, start: int, end: int) -> Span:
        """Evidence for ``analysis[start:end]``, as a span of the raw file."""
        raw_start, raw_end = self.analysis.to_original(start, end)
        line, column = self._lines.line_and_column(raw_start)
        return Span(path=self.info.path, start=raw_start, end=raw_end, quote=self.raw[raw_start:raw_end],
                    line=line, column=column)

    def zone_at(self, offset: int) -> Zone | None:
        """The zone containing analysis offset ``offset``."""
        for zone in self.zones:
            if zone.start <= offset < zone.end:
                return zone
        return None
