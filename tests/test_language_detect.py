"""Document language: metadata wins, lingua otherwise, unknown when there is too little text."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.ingest import load_corpus
from checker.ingest.language import choose, detect, tag

ENGLISH = "The museum reopened its east wing on Saturday after two years of careful restoration work."
FRENCH = "Le musée a rouvert son aile est samedi après deux années de travaux de restauration minutieux."


def test_detects_english_and_french() -> None:
    assert detect(ENGLISH) == "en"
    assert detect(FRENCH) == "fr"


def test_too_little_text_is_unknown() -> None:
    assert detect("") is None
    assert detect("12 345 -- 678") is None
    assert choose(None, "Oui.") == (None, "unknown")


def test_metadata_wins_over_detection() -> None:
    assert choose("fr", ENGLISH) == ("fr", "metadata")
    assert choose(None, ENGLISH) == ("en", "detected")


def test_front_matter_and_html_lang_are_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"---\nlang: fr-FR\n---\n{ENGLISH}\n", encoding="utf-8")
    page = f'<html lang="en-GB"><body><p>{FRENCH}</p></body></html>'
    (tmp_path / "b.html").write_text(page, encoding="utf-8")
    (tmp_path / "c.txt").write_text(FRENCH + "\n", encoding="utf-8")
    docs = {Path(d.path).name: d.info for d in load_corpus([tmp_path]).documents}
    assert (docs["a.md"].language, docs["a.md"].language_source) == ("fr", "metadata")
    assert (docs["b.html"].language, docs["b.html"].language_source) == ("en", "metadata")
    assert (docs["c.txt"].language, docs["c.txt"].language_source) == ("fr", "detected")


def test_boilerplate_in_another_language_does_not_decide(tmp_path: Path) -> None:
    footer = "\n".join(["Tous droits réservés. Reproduction interdite sans autorisation."] * 3)
    (tmp_path / "story.txt").write_text(f"{ENGLISH}\n{footer}\n", encoding="utf-8")
    [doc] = load_corpus([tmp_path]).documents
    assert doc.info.language == "en"
    assert doc.info.zones["boilerplate"] == 3


LANGUAGES = Path(__file__).parent / "data" / "languages"
CHINESE = "示例市新大桥于周一正式通车,该桥全长约三公里,历时三年建成,总投资约十五亿元。"
TRADITIONAL = "示例市新大橋於週一正式通車,該橋全長約三公里,歷時三年建成,總投資約十五億元。"
GERMAN = "Die neue Brücke über den Fluss wurde am Montag nach drei Jahren Bauzeit für den Verkehr freigegeben."
SPANISH = "El nuevo puente sobre el río se abrió al tráfico el lunes, tras tres años de obras en la ciudad."


def test_detects_chinese_in_both_scripts() -> None:
    assert detect(CHINESE) == "zh"
    assert detect(TRADITIONAL) == "zh"


def test_names_languages_the_checker_does_not_read() -> None:
    assert detect(GERMAN) == "de"
    assert detect(SPANISH) == "es"


def test_short_english_is_never_named_another_language() -> None:
    for text in ("Acme Corp said on Monday it would hire 300 engineers.", "The bridge opened on Monday.",
                 "Prices rose 5% in March, the agency said."):
        assert detect(text) in ("en", None), text


def test_unsupported_articles_are_skipped_and_named_never_read_as_english() -> None:
    corpus = load_corpus([LANGUAGES])
    read = {Path(d.path).name: d.info.language for d in corpus.documents}
    assert read == {"zh-hans-daqiao.md": "zh", "zh-hant-daqiao.txt": "zh"}
    skipped = {Path(p.path).name: p for p in corpus.problems}
    assert set(skipped) == {"de-bruecke.txt", "es-puente.md"}
    for name, language in (("de-bruecke.txt", "German (de"), ("es-puente.md", "Spanish (es")):
        problem = skipped[name]
        assert problem.kind == "skipped" and not problem.fatal
        assert language in problem.message and "factcheck reads en, fr, zh" in problem.message


def test_a_language_named_in_metadata_is_skipped_too(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"---\nlang: de-DE\n---\n{ENGLISH}\n", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert not corpus.documents
    [problem] = corpus.problems
    assert "German (de, its metadata says so)" in problem.message


@pytest.mark.parametrize("value", ["zh", "zh-CN", "zh-TW", "zh-Hant", "zh_Hans", "zh-HK", "Chinese", "中文"])
def test_chinese_metadata_tags_all_mean_zh(value: str) -> None:
    assert tag(value) == "zh"


def test_an_unknown_metadata_tag_leaves_the_language_to_detection(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"---\nlang: xq-Klingon\n---\n{FRENCH}\n", encoding="utf-8")
    [doc] = load_corpus([tmp_path]).documents
    assert (doc.info.language, doc.info.language_source) == ("fr", "detected")


def test_a_short_chinese_text_is_chinese_by_its_script(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("大桥通车。\n", encoding="utf-8")
    [doc] = load_corpus([tmp_path]).documents
    assert doc.info.language == "zh"


def test_english_full_of_foreign_names_is_english() -> None:
    # 300 characters of it look German to the trigram screen; the whole sample does not.
    text = ("Jorebibis Energy steps up plans in Montferrand-sur-Lis\nMONTFERRAND-SUR-LIS, April 20, 2026 "
            "(Capital Dispatch) - In 2011, Jorebibis Energy was set up in Montferrand-sur-Lis by a group of former "
            "engineers. Sofia Lindenko, CEO of Jorebibis Energy, told analysts the plan was on track. Regional "
            "planners have questioned the pace of the expansion, in a market still dominated by established "
            "players. Dealers expressed doubts about the impact on smaller firms, though few expect a change of "
            "course. Analysts expect the wider market to grow by 3.1 percent a year until 2030.")
    assert detect(text) == "en"
