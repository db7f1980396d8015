"""Document language: metadata wins, lingua otherwise, unknown when there is too little text."""

from __future__ import annotations

from pathlib import Path

from checker.ingest import load_corpus
from checker.ingest.language import choose, detect

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
