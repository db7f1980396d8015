"""normalize(): typography made plain on a copy whose every span maps back to the original."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.ingest.normalize import normalize, normalize_text
from checker.textmap import MappedText, MappedTextBuilder


def _back(text: str, sub: str) -> str:
    """The original text behind the first occurrence of ``sub`` in the normalized copy."""
    mapped = normalize_text(text)
    i = mapped.text.index(sub)
    s, e = mapped.to_original(i, i + len(sub))
    return text[s:e]


def test_dashed_compounds_are_rejoined() -> None:
    text = "a crew on – site, a high – level meeting, an in – depth look, a time — consuming task"
    want = "a crew on-site, a high-level meeting, an in-depth look, a time-consuming task"
    assert normalize_text(text).text == want


def test_rejoined_compound_maps_back_to_the_spaced_original() -> None:
    assert _back("the on – site staff", "on-site") == "on – site"


def test_dashes_between_clauses_stay() -> None:
    for text in ("Paris (Agency) – Le 3 mars, rien", "the team – which was small – left", "R & D", "10 – 20",
                 "it rained. – then", "Words – More words"):
        assert normalize_text(text).text == text


def test_character_replacements() -> None:
    text = ("250\u00a0000 and 4\u202f500 \u201cquoted\u201d \u2018x\u2019 co\u2011brand zero\u200bwidth "
            "\u00ab oui \u00bb\r\nnext")
    want = "250 000 and 4 500 \"quoted\" 'x' co-brand zerowidth \u00ab oui \u00bb\nnext"
    assert normalize_text(text).text == want


def test_crlf_newline_maps_to_both_characters() -> None:
    text = "one\r\ntwo"
    mapped = normalize_text(text)
    assert mapped.text == "one\ntwo"
    assert mapped.to_original(3, 4) == (3, 5)


def test_composes_with_an_earlier_map() -> None:
    # A first stage that dropped "<b>" markup: the composed map must land in the raw text.
    raw = "<b>on – site</b>"
    builder = MappedTextBuilder()
    builder.copy(raw, 3, 12)
    mapped = normalize(builder.build())
    assert mapped.text == "on-site"
    s, e = mapped.to_original(0, len(mapped.text))
    assert raw[s:e] == "on – site"


_CHARS = list("xy Zé1.,-–—\u2011\u00a0\u202f\u2009\u200b\u2018\u2019\u201c\u201d«»\r\n&")
# Word pieces without clause openers: with them, a fold depends on the rest of the sentence.
TEXTS = st.lists(st.sampled_from(_CHARS + ["on", "site", "R"]), max_size=40).map("".join)
# With clause openers ("which", "a", "the"), spans of whole lines still normalize the same.
_RICH = _CHARS + ["on", "site", "the", "which", "a", "R", " – "]
RICH_TEXTS = st.lists(st.sampled_from(_RICH), max_size=40).map("".join)


def _boundaries(text: str) -> list[int]:
    """Offsets at whitespace boundaries (span ends that cut no word or folded compound)."""
    points = {0, len(text)}
    points.update(m.start() for m in re.finditer(r"\s", text))
    points.update(m.end() for m in re.finditer(r"\s", text))
    return sorted(points)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_spans_map_back_to_text_that_normalizes_the_same(text: str, data: st.DataObject) -> None:
    mapped = normalize_text(text)
    _check_a_span_maps_back(text, mapped, _boundaries(mapped.text), data)


@settings(max_examples=300, deadline=None)
@given(RICH_TEXTS, st.data())
def test_whole_line_spans_map_back_to_text_that_normalizes_the_same(text: str, data: st.DataObject) -> None:
    mapped = normalize_text(text)
    points = sorted({0, len(mapped.text)} | {m.start() for m in re.finditer("\n", mapped.text)}
                    | {m.end() for m in re.finditer("\n", mapped.text)})
    _check_a_span_maps_back(text, mapped, points, data)


def _check_a_span_maps_back(text: str, mapped: MappedText, points: list[int], data: st.DataObject) -> None:
    """A span of the copy between two of ``points`` maps to a span of ``text`` that normalizes to it."""
    i = data.draw(st.sampled_from(points))
    j = data.draw(st.sampled_from([p for p in points if p >= i]))
    s, e = mapped.to_original(i, j)
    assert 0 <= s <= e <= len(text)
    if i < j:
        assert normalize_text(text[s:e]).text == mapped.text[i:j]


@settings(max_examples=300, deadline=None)
@given(RICH_TEXTS)
def test_map_is_monotonic_and_in_bounds(text: str) -> None:
    mapped: MappedText = normalize_text(text)
    assert len(mapped.starts) == len(mapped.ends) == len(mapped.text)
    for k in range(len(mapped.text)):
        assert 0 <= mapped.starts[k] <= mapped.ends[k] <= len(text)
        if k:
            assert mapped.starts[k - 1] <= mapped.starts[k]
            assert mapped.ends[k - 1] <= mapped.ends[k]


def test_hostile_input_keeps_its_map() -> None:
    # How the cost grows is measured in benchmarks/, not timed here.
    text = ("a – " * 50_000) + ("\u00a0" * 100_000) + ("x" * 100_000)
    mapped = normalize_text(text)
    assert mapped.to_original(0, len(mapped.text)) == (0, len(text))


@given(st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), max_size=8))
def test_a_copy_maps_each_character_to_its_own_offset(spans: list[tuple[int, int]]) -> None:
    """The builder's copies (slices of offsets counted once, speed only) map as the plain ranges do, also past
    the counted offsets."""
    from checker import textmap

    original = "x" * (textmap._COUNTED + 400)
    builder = MappedTextBuilder()
    starts: list[int] = []
    ends: list[int] = []
    for low, width in [*spans, (textmap._COUNTED - 5, 10), (textmap._COUNTED + 3, 2), (7, 0)]:
        builder.copy(original, low, low + width)
        starts.extend(range(low, low + width))
        ends.extend(range(low + 1, low + width + 1))
    built = builder.build()
    assert list(built.starts) == starts and list(built.ends) == ends
    assert built.text == "".join(original[low:low + width] for low, width in
                                 [*spans, (textmap._COUNTED - 5, 10), (textmap._COUNTED + 3, 2), (7, 0)])
