"""Zones: headline, lead, body, caption and boilerplate blocks; boilerplate patterns are language data."""

from __future__ import annotations

import pytest

from checker import lang
from checker.ingest.blocks import Hint
from checker.ingest.normalize import normalize_text
from checker.ingest.zones import BoilerplateData, classify, is_boilerplate_line, zone_counts
from checker.lang import script
from checker.textmap import MappedText


def _data(language: str) -> BoilerplateData:
    data: BoilerplateData = lang.load("boilerplate", language)
    return data


CASES = [(language, line, kind) for language in lang.available("boilerplate")
         for kind in ("boilerplate", "tail", "body")
         for line in getattr(_data(language), f"{kind}_examples")]


def test_every_language_has_examples_of_each_kind() -> None:
    assert set(lang.available("boilerplate")) == {"en", "fr", "zh"}
    for language in ("en", "fr", "zh"):
        data = _data(language)
        assert data.boilerplate_examples and data.tail_examples and data.body_examples


IDS = [f"{lg}:{k}:{ln[:30]}" for lg, ln, k in CASES]


@pytest.mark.parametrize(("language", "line", "kind"), CASES, ids=IDS)
def test_language_data_example(language: str, line: str, kind: str) -> None:
    text = normalize_text(line).text
    main = script.profile(language).script
    if kind == "boilerplate":
        assert is_boilerplate_line(text, main_script=main)
    elif kind == "tail":
        # Publisher blurbs only count in the run of lines that ends the document.
        assert is_boilerplate_line(text, at_tail=True, main_script=main)
        assert not is_boilerplate_line(text, main_script=main)
    else:
        assert not is_boilerplate_line(text, at_tail=True, main_script=main)


def _kinds(text: str, hints: tuple[Hint, ...] = ()) -> list[tuple[str, str]]:
    mapped = MappedText.identity(text)
    return [(z.kind, text[z.start:z.end]) for z in classify(mapped, hints)]


ARTICLE = """City Council Approves New Tram Line
The city council voted on Tuesday to build a tram line linking the port to the airport.
Construction is expected to start next spring, officials said.
Workers inspect the old rail depot near the harbour
The line will have twelve stops and cost about two hundred million euros.
Reporting by an invented correspondent.
Example Wire delivers local business and civic news to readers across the region.
© 2020 Example Wire. All rights reserved.
"""


def test_article_zones() -> None:
    kinds = _kinds(ARTICLE)
    assert [k for k, _ in kinds] == ["headline", "lead", "body", "caption", "body", "body", "boilerplate",
                                     "boilerplate"]


def test_publisher_blurb_in_the_middle_is_not_boilerplate() -> None:
    text = ("The agency delivers weather news to farmers every morning.\n"
            "It was founded by three meteorologists.\n")
    assert [k for k, _ in _kinds(text)] == ["lead", "body"]


def test_line_in_another_script_is_boilerplate() -> None:
    text = ("A long enough first paragraph of the story, in English.\n"
            "\u8fd9\u662f\u4e00\u4e2a\u4e0e\u6587\u7ae0\u65e0\u5173\u7684\u58f0\u660e\u3002\n")
    assert [k for k, _ in _kinds(text)] == ["lead", "boilerplate"]


def test_first_line_with_a_final_period_is_the_lead_not_a_headline() -> None:
    text = "Officials opened the bridge on Monday.\nIt had been closed for repairs.\n"
    assert [k for k, _ in _kinds(text)] == ["lead", "body"]


def test_markup_hints_make_headlines_and_captions() -> None:
    text = "A sentence that looks like body text.\nA caption that ends with a period.\nThen the body.\n"
    second = text.index("A caption")
    hints = (Hint("title", 0, 10), Hint("caption", second, second + 5))
    assert [k for k, _ in _kinds(text, hints)] == ["headline", "caption", "lead"]


def test_zone_spans_exclude_surrounding_whitespace_and_blank_lines() -> None:
    text = "  Title words here  \n\n\n  Body sentence one.  \n"
    zones = classify(MappedText.identity(text))
    assert [text[z.start:z.end] for z in zones] == ["Title words here", "Body sentence one."]
    assert zone_counts(zones) == {"headline": 1, "lead": 1}


def test_empty_text_has_no_zones() -> None:
    assert classify(MappedText.identity("")) == ()
    assert classify(MappedText.identity("\n \n")) == ()


CHINESE_ARTICLE = """示例市新大桥正式通车
示例市新大桥于周一正式通车。该桥全长约三公里,历时三年建成,总投资约十五亿元,比原计划多出一成。
市政府表示,大桥每天可通行车辆最多两万辆,预计明年年底前周边道路也将完工。
大桥夜景
(责任编辑:王小明)
本文网址: https://news.example.cn/a1.html
相关报道
2023-05-01 09:12:45 示例市另一座桥开工
"""


def test_chinese_paragraphs_are_body_not_captions() -> None:
    kinds = _kinds(CHINESE_ARTICLE)
    assert [k for k, _ in kinds] == ["headline", "lead", "body", "caption", "boilerplate", "boilerplate",
                                     "boilerplate", "boilerplate"]
