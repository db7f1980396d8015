"""Every format yields an analysis text whose spans quote the file exactly.

The shipped seeds load as expected (those tests may name the seed files).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from checker.document import Document
from checker.ingest import load_corpus, load_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _load(tmp_path: Path, name: str, content: str | bytes) -> Document:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    corpus = load_corpus([path])
    assert not corpus.problems, corpus.problems
    [doc] = corpus.documents
    return doc


def _check_spans(doc: Document, samples: int = 300) -> None:
    """Spans taken all over the analysis text quote the raw file exactly."""
    n = len(doc.text)
    assert len(doc.analysis.starts) == n
    rng = random.Random(7)
    pairs = [(0, n), (0, 1), (n - 1, n)]
    for _ in range(samples):
        a, b = sorted(rng.sample(range(n + 1), 2))
        pairs.append((a, b))
    for start, end in pairs:
        span = doc.span(start, end)
        assert 0 <= span.start <= span.end <= len(doc.raw)
        assert doc.raw[span.start:span.end] == span.quote
        assert span.line >= 1 and span.column >= 1
    for zone in doc.zones:
        quote = doc.span(zone.start, zone.end).quote
        # A zone's first and last visible characters are in its quote.
        assert doc.text[zone.start] in quote or doc.text[zone.start] in " '\"-"
        assert zone.end <= n


def _quote(doc: Document, phrase: str) -> str:
    i = doc.text.index(phrase)
    return doc.span(i, i + len(phrase)).quote


def test_txt(tmp_path: Path) -> None:
    doc = _load(tmp_path, "a.txt", "Storm Hits Coast\r\nA crew of forty worked on – site\u00a0all night.\r\n"
                                   "\u201cIt was hard,\u201d one said.\r\n")
    assert doc.info.format == "txt"
    assert "on-site all night." in doc.text
    assert _quote(doc, "on-site all") == "on – site\u00a0all"
    assert '"It was hard,"' in doc.text
    assert "\r" not in doc.text
    assert doc.info.zones == {"headline": 1, "lead": 1, "body": 1}
    _check_spans(doc)


def test_hard_wrapped_txt_joins_lines_inside_paragraphs(tmp_path: Path) -> None:
    content = ("The harbour authority said on Monday that the new\ncontainer terminal would open in the\n"
               "autumn of next year.\n\nA second paragraph follows here and it\nalso wraps across lines.\n")
    doc = _load(tmp_path, "w.txt", content)
    assert "the new container terminal would open in the autumn" in doc.text
    assert doc.text.count("\n") >= 2  # paragraphs stay apart
    _check_spans(doc)


def test_markdown_with_yaml_front_matter(tmp_path: Path) -> None:
    content = ("---\ntitle: Bridge reopens\ndate: 2019-04-02\nlang: en\nsource: Example Gazette\n---\n"
               "# Bridge *reopens* after repairs\n\n"
               "The **old** bridge reopened, [officials](https://x.example/a) said.\n\n"
               "- Traffic resumes at dawn\n- Tolls stay the same\n\n> A quoted line.\n\n![photo](p.jpg)\n")
    doc = _load(tmp_path, "b.md", content)
    info = doc.info
    assert (info.format, info.title) == ("markdown", "Bridge reopens")
    assert (info.language, info.language_source) == ("en", "metadata")
    assert (info.reference_date, info.reference_date_source) == (dt.date(2019, 4, 2), "front-matter")
    assert info.source == "Example Gazette"
    assert doc.text.splitlines()[0] == "Bridge reopens after repairs"
    assert "The old bridge reopened, officials said." in doc.text
    assert "Traffic resumes at dawn" in doc.text and "http" not in doc.text and "photo" not in doc.text
    assert "title:" not in doc.text
    assert doc.zones[0].kind == "headline"
    _check_spans(doc)


def test_markdown_with_toml_front_matter_and_datetime(tmp_path: Path) -> None:
    content = ('+++\ntitle = "Quarterly results"\ndate = 2022-11-30T08:15:00+01:00\n'
               'source_link = "https://n.example/q"\n+++\n\nSales rose.\n')
    doc = _load(tmp_path, "c.markdown", content)
    assert doc.info.reference_date == dt.date(2022, 11, 30)
    assert doc.info.source == "https://n.example/q"
    assert doc.text.strip() == "Sales rose."
    _check_spans(doc)


def test_txt_with_front_matter_and_html_body(tmp_path: Path) -> None:
    content = ('+++\ndate = "2020-05-06T10:00:00Z"\n+++\n\n<p>First paragraph &amp; more.</p><p>Second one,\n'
               'wrapped.</p>')
    doc = _load(tmp_path, "d.txt", content)
    assert doc.info.reference_date == dt.date(2020, 5, 6)
    assert doc.text == "First paragraph & more.\nSecond one, wrapped."
    assert _quote(doc, "& more") == "&amp; more"
    _check_spans(doc)


HTML = """<!DOCTYPE html>
<html lang="fr"><head><title>Le titre &amp; la page</title>
<meta property="article:published_time" content="2021-07-14T09:00:00+02:00">
<style>p { color: red }</style><script>var secret = "SCRIPT-CONTENT";</script></head>
<body><nav><a href="/">Accueil</a></nav><header>En-tête du site</header>
<article><h1>Un pont rouvre</h1>
<p>Le pont a rouvert&nbsp;lundi, selon la mairie.<br>Deuxième ligne &eacute;crite.</p>
<figure><img src="x.jpg" onerror="alert('ONERROR-CONTENT')">
<figcaption>Le pont, vu du quai</figcaption></figure>
<ul><li>Premier point</li><li>Second point</li></ul>
<blockquote>Une citation.</blockquote>
<script>alert(1)</script><noscript>NOSCRIPT-CONTENT</noscript><iframe>IFRAME</iframe>
</article><aside>Publicité</aside><footer>Pied de page</footer></body></html>"""


def test_html(tmp_path: Path) -> None:
    doc = _load(tmp_path, "e.html", HTML)
    info = doc.info
    assert (info.format, info.language, info.language_source) == ("html", "fr", "metadata")
    assert (info.reference_date, info.reference_date_source) == (dt.date(2021, 7, 14), "html-meta")
    assert info.title == "Le titre & la page"
    lines = doc.text.split("\n")
    assert lines == ["Un pont rouvre", "Le pont a rouvert lundi, selon la mairie.", "Deuxième ligne écrite.",
                     "Le pont, vu du quai", "Premier point", "Second point", "Une citation."]
    hidden_parts = ("SCRIPT", "ONERROR", "alert", "NOSCRIPT", "IFRAME", "Accueil", "En-tête", "Publicité",
                    "Pied")
    for hidden in hidden_parts:
        assert hidden not in doc.text
    assert _quote(doc, "rouvert lundi") == "rouvert&nbsp;lundi"
    assert _quote(doc, "écrite") == "&eacute;crite"
    kinds = [z.kind for z in doc.zones]
    assert kinds[0] == "headline" and kinds[3] == "caption" and "lead" in kinds
    _check_spans(doc)


def test_html_title_is_the_headline_when_there_is_no_h1(tmp_path: Path) -> None:
    doc = _load(tmp_path, "f.htm", "<title>Short title</title><p>Body sentence here.</p>"
                                   '<time datetime="2018-01-02">2 Jan</time>')
    assert doc.text.startswith("Short title\n")
    assert doc.zones[0].kind == "headline"
    assert doc.info.reference_date == dt.date(2018, 1, 2)
    _check_spans(doc)


def test_deeply_nested_and_malformed_html(tmp_path: Path) -> None:
    depth = 100_000
    page = "<div>" * depth + "<p>Deep text.</b></i>" + "</div>" * depth + "<p>After <"
    doc = _load(tmp_path, "g.html", page)
    assert doc.text.split("\n") == ["Deep text.", "After"]
    _check_spans(doc)


def test_unknown_marked_sections_read_as_comments_like_a_browser(tmp_path: Path) -> None:
    # "<![" before anything but a known SGML keyword made html.parser raise AssertionError
    # (a fuzzing find), after moving its position: the text after it was quoted off by three.
    page = ("<p>Before.</p><![\x08a>hidden<p>Middle.</p><![\nfoo[ skipped ]]><![if gte mso 9]>"
            "<p>Office.</p><![endif]><![CDATA[ kept out ]]><p>After.</p>")
    doc = _load(tmp_path, "m.html", page)
    assert doc.text.split("\n") == ["Before.", "hidden", "Middle.", "Office.", "After."]
    assert _quote(doc, "Middle.") == "Middle." and _quote(doc, "After.") == "After."
    _check_spans(doc)


def test_utf8_bom_is_kept_in_raw_text_as_python_reads_it(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfFirst line here.\nSecond."
    doc = _load(tmp_path, "h.txt", data)
    assert doc.raw == (tmp_path / "h.txt").read_text(encoding="utf-8")
    assert doc.raw.startswith("\ufeffFirst") and doc.text.startswith("First")
    assert doc.info.characters == len(doc.raw)
    _check_spans(doc)


def test_crlf_offsets_agree_with_python_text_mode(tmp_path: Path) -> None:
    doc = _load(tmp_path, "crlf.txt", b"Line one is here.\r\nLine two opened on 3 May 2021.\rEnd.")
    assert doc.raw == (tmp_path / "crlf.txt").read_text(encoding="utf-8")
    assert "\r" not in doc.raw
    _check_spans(doc)


def test_front_matter_after_a_utf8_bom(tmp_path: Path) -> None:
    doc = _load(tmp_path, "bom.md", b'\xef\xbb\xbf+++\ndate = "2021-02-03"\n+++\nBody text here.\n')
    assert str(doc.info.reference_date) == "2021-02-03"
    assert doc.text.strip() == "Body text here."


def test_directory_paths_are_relative_and_sorted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "b.txt").write_text("Bravo text.", encoding="utf-8")
    (tmp_path / "in" / "sub" / "a.txt").write_text("Alpha text.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [d.path for d in load_corpus(["in/"]).documents] == ["in/b.txt", "in/sub/a.txt"]
    monkeypatch.chdir(tmp_path / "in")
    assert [d.path for d in load_corpus(["."]).documents] == ["b.txt", "sub/a.txt"]


# -- the shipped seeds ---------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    corpus = load_corpus([SEEDS])
    assert not corpus.problems
    return {Path(d.path).name[:3]: d for d in corpus.documents}


def test_seed_languages(seeds: dict[str, Document]) -> None:
    assert [seeds[k].info.language for k in ("000", "001", "002")] == ["en", "fr", "en"]


def test_seed_002_front_matter(seeds: dict[str, Document]) -> None:
    info = seeds["002"].info
    assert (info.reference_date, info.reference_date_source) == (dt.date(2025, 9, 23), "front-matter")
    assert info.title and info.source
    assert "<p>" not in seeds["002"].text and "+++" not in seeds["002"].text
    _check_spans(seeds["002"])


def test_seed_000_zones(seeds: dict[str, Document]) -> None:
    doc = seeds["000"]
    assert doc.info.reference_date is None and doc.info.reference_date_source == "unknown"
    assert [z.kind for z in doc.zones[-4:]] == ["boilerplate"] * 4
    assert doc.zones[-5].kind != "boilerplate"
    assert doc.zones[0].kind != "boilerplate"
    assert doc.zones[-1].kind == "boilerplate" and "©" in doc.text[doc.zones[-1].start:doc.zones[-1].end]
    _check_spans(doc)


def test_seed_000_dashed_compounds(seeds: dict[str, Document]) -> None:
    doc = seeds["000"]
    assert "on-site" in doc.text and "on – site" not in doc.text
    assert _quote(doc, "on-site") == "on – site"
    assert "R & D" in doc.text


def test_seed_001_dateline_dash_kept(seeds: dict[str, Document]) -> None:
    doc = seeds["001"]
    assert doc.text.startswith("Shanghai (Gasgoo) – Le 16 octobre")
    assert "co-marque" in doc.text
    _check_spans(doc)


def test_the_zone_of_a_publication_timestamp_is_kept() -> None:
    zoned = load_document("note.md", b"---\ndate: 2023-04-05T09:30:00+08:00\n---\n\nA short note on a ferry line.\n")
    assert zoned.info.reference_date == dt.date(2023, 4, 5) and zoned.info.reference_zone == "+08:00"
    utc = load_document("note.md", b'+++\ndate = "2023-04-05T09:30:00Z"\n+++\n\nA short note on a ferry line.\n')
    assert utc.info.reference_zone == "+00:00"
    plain = load_document("note.md", b"---\ndate: 2023-04-05\n---\n\nA short note on a ferry line.\n")
    assert plain.info.reference_zone is None
