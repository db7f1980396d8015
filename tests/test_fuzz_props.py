"""Properties over any input: recognizers and ingest never raise, and every span reproduces its quote."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.ingest import load_corpus
from checker.recognize import available_dimensions, recognize

# Text that looks like what recognizers look for, mixed with anything at all.
_PIECES = st.sampled_from(["1", "0", "9", ",", ".", " ", "\u00a0", "\u202f", "-", "\u2013", "%", "$", "\u20ac",
                           "million", "milliard", "hundred", "cent", "March", "mars", "le ", "1er", "2019",
                           "about ", "pr\u00e8s de ", "over ", "between ", " and ", "\n", "(", ")", "'", "\u00bd",
                           "\u4e07", "\u4ebf", "\u5143", "\u5e74", "\u6708", "\u65e5", "\u4e09\u767e", "\u8fd1",
                           "\u591a", "\u767e\u5206\u4e4b", "\uff11", "\uff05", "\uff0c", "\u3002", "\u5468\u4e94"])
TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=80).map("".join))
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@pytest.mark.parametrize("lang", ["en", "fr", "zh"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, ref_date=DATES)
def test_recognize_never_raises_and_spans_hold(lang: str, text: str, ref_date: dt.date | None) -> None:
    for mention in recognize(text, lang, ref_date):
        assert 0 <= mention.start <= mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("dimension", available_dimensions())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, lang=st.sampled_from(["en", "fr", "zh"]), ref_date=DATES)
def test_each_recognizer_alone(dimension: str, text: str, lang: str, ref_date: dt.date | None) -> None:
    for mention in recognize(text, lang, ref_date, dimensions=[dimension]):
        assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("lang", ["de", "", "xx"])
def test_a_language_the_checker_does_not_read_is_refused_not_read_as_english(lang: str) -> None:
    with pytest.raises(ValueError, match="does not read"):
        recognize("Die Brücke kostete 45 Millionen Euro.", lang)


_MARKUP = st.sampled_from(["---\n", "+++\n", "title: x\n", "date: 2019-02-30\n", 'date = "x"\n', "<p>", "</p>",
                           "<div>", "<script>", "<!--", "-->", "<meta name=\"date\" content=\"2018-01-01\">",
                           "&amp;", "&#0;", "&#xD800;", "# ", "\r\n", "\ufeff", "<html lang=\"fr\">"])
CONTENT = st.one_of(st.binary(max_size=400),
                    st.lists(st.one_of(_MARKUP, st.text(max_size=20)), max_size=40).map(lambda p: "".join(p).encode(
                        "utf-8", "surrogatepass")))


@pytest.mark.parametrize("extension", [".txt", ".md", ".markdown", ".html", ".htm"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=CONTENT)
def test_ingest_never_raises(extension: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as root:
        (Path(root) / f"article{extension}").write_bytes(data)
        corpus = load_corpus([root])
    # One document, or one problem that stops it; a note (a front-matter field ignored) may come with the document.
    notes = [p for p in corpus.problems if p.kind == "front-matter" and not p.fatal]
    assert len(corpus.documents) + len(corpus.problems) - len(notes) == 1
    for problem in corpus.problems:
        assert "\n" not in problem.message and "article" in problem.message
    for doc in corpus.documents:
        assert doc.info.characters == len(doc.raw)
        for zone in doc.zones:
            assert 0 <= zone.start <= zone.end <= len(doc.analysis.text)
