"""Sources by name: title, headline, site (from metadata, the article's address or its dateline), first
words; the file name only as a detail. Files are invented here and parsed as ingest leaves them."""

from __future__ import annotations

import datetime as dt

from checker.records import DocumentInfo
from checker.report.sources import doc_anchor, host, name_source, name_sources


def info(path: str, fmt: str = "txt", title: str | None = None, source: str | None = None,
         headline: bool = False, date: dt.date | None = None) -> DocumentInfo:
    return DocumentInfo(path=path, format=fmt, language="en", reference_date=date,  # type: ignore[arg-type]
                        reference_date_source="dateline" if date else "unknown", title=title, source=source,
                        sha256="0" * 64, characters=10, zones={"headline": 1} if headline else {})


def test_a_title_names_the_source_and_the_metadata_names_its_site() -> None:
    named = name_source(info("a/x.md", "markdown", title="Harbour opens", source="The Tidewater Post"))
    assert (named.name, named.named_by, named.site, named.short) == (
        "Harbour opens", "title", "The Tidewater Post", "The Tidewater Post")
    assert named.file == "x.md" and named.anchor == doc_anchor("a/x.md")


def test_a_source_url_gives_the_site_and_the_address() -> None:
    named = name_source(info("x.md", "markdown", title="T", source="https://www.tidewater.example/news/1"))
    assert named.url == "https://www.tidewater.example/news/1"
    assert named.site == "tidewater.example"
    assert host("http://sub.example.org:8080/x") == "sub.example.org"


def test_front_matter_keeps_the_address_beside_a_publisher_name() -> None:
    raw = ('+++\ntitle = "T"\nsource = "Wire Service"\nsource_link = "https://wire.example/a?b=1"\n+++\n\n'
           "Body text.\n")
    named = name_source(info("x.md", "markdown", title="T", source="Wire Service"), raw)
    assert named.site == "Wire Service" and named.url == "https://wire.example/a?b=1"


def test_an_html_page_gives_its_canonical_address() -> None:
    raw = ('<html><head><title>T</title><link rel="canonical" href="https://www.quayside.example/a&amp;b">'
           '</head><body><p>Text.</p></body></html>')
    named = name_source(info("x.html", "html", title="T"), raw)
    assert named.url == "https://www.quayside.example/a&b"
    assert named.site == "quayside.example"
    # A link in the body is not the page's own address.
    body_only = '<html><body><a rel="canonical" href="https://elsewhere.example/">x</a></body></html>'
    assert name_source(info("y.html", "html"), body_only).url is None


def test_a_dateline_credit_names_the_agency() -> None:
    raw = "Ferry line to reopen\n\nKELLBROOK, May 3 (Coastline News) - The ferry line will reopen.\n"
    named = name_source(info("x.txt", headline=True), raw)
    assert (named.name, named.named_by, named.site) == ("Ferry line to reopen", "headline", "Coastline News")
    french = "Marseille (Agence Littorale) – Le 3 mai, le port a rouvert.\n"
    assert name_source(info("y.txt"), french).site == "Agence Littorale"
    # A parenthesis inside a sentence is no credit, nor is a figure.
    assert name_source(info("z.txt"), "The agency (ESA) said on Monday - in a note - that it was ready.\n"
                       ).site is None
    assert name_source(info("w.txt"), "PARIS, 3 May (2024) - Text.\n").site is None


def test_an_untitled_article_is_named_by_its_first_words_then_its_file() -> None:
    raw = "Engineers finished the last span of the bridge over the estuary on Tuesday morning.\n"
    named = name_source(info("dir/0001_ab12.txt"), raw)
    assert named.name == "“Engineers finished the last span of the bridge…”"
    assert named.named_by == "first words"
    assert name_source(info("dir/0001_ab12.txt")).name == "0001_ab12.txt"
    chinese = name_source(info("c.txt"), "大桥于周二上午完成最后一段的合龙工程并将于明年通车运营\n")
    assert chinese.name == "“大桥于周二上午完成最后一段的合龙工程并将…”"


def test_short_names_are_unique_in_a_report() -> None:
    docs = [info("a.txt", source="Coastline News", date=dt.date(2025, 4, 11), title="A"),
            info("b.txt", source="Coastline News", date=dt.date(2025, 4, 15), title="B"),
            info("c.txt", source="Coastline News", date=dt.date(2025, 4, 15), title="C"),
            info("d.txt", title="A headline long enough to be shortened in the columns of the sheet")]
    named = name_sources(docs)
    shorts = [named[d.path].short for d in docs]
    assert shorts == ["Coastline News (11 Apr 2025)", "Coastline News (15 Apr 2025)",
                      "Coastline News (15 Apr 2025, 2)", "A headline long enough to be…"]
    assert len(set(shorts)) == len(shorts)


def test_dates_say_where_they_came_from() -> None:
    named = name_source(info("a.txt", date=dt.date(2025, 10, 16)))
    assert (named.date_words, named.date_origin) == ("16 October 2025", "from its dateline")
    assert name_source(info("b.txt")).date_words == "undated"
