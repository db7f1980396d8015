"""Role recognizer: invented names in general tests; one test reads the seed articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import lang as language_data
from checker.link import entity_key
from checker.recognize import role
from checker.records import Mention, RoleValue

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _roles(text: str, lang: str = "en") -> list[tuple[str, RoleValue]]:
    found = []
    for m in role.find(text, lang, None):
        assert text[m.start:m.end] == m.text
        assert isinstance(m.value, RoleValue)
        found.append((m.text, m.value))
    return found


@pytest.mark.parametrize(("text", "lang", "span", "title", "person", "org"), [
    ("Jane Doe, the CEO of Acme Corp, spoke.", "en", "Jane Doe, the CEO of Acme Corp", "ceo", "Jane Doe",
     "Acme Corp"),
    ("Yesterday Jane Doe, CEO of Acme, spoke.", "en", "Jane Doe, CEO of Acme", "ceo", "Jane Doe", "Acme"),
    ("On Monday Acme CEO Jane Doe spoke.", "en", "Acme CEO Jane Doe", "ceo", "Jane Doe", "Acme"),
    ("Later, Acme’s CEO Jane Doe spoke.", "en", "Acme’s CEO Jane Doe", "ceo", "Jane Doe", "Acme"),
    ("In May Jane Doe was appointed as the CEO of Acme.", "en", "Jane Doe was appointed as the CEO of Acme",
     "ceo", "Jane Doe", "Acme"),
    ("He met Tom Reyes, the CEO of Acme's Cloud BU.", "en", "Tom Reyes, the CEO of Acme's Cloud BU", "ceo",
     "Tom Reyes", "Acme's Cloud BU"),
    ("It was the chairman of Orbis Holdings (Mark Olsen) who spoke.", "en",
     "chairman of Orbis Holdings (Mark Olsen)", "chair", "Mark Olsen", "Orbis Holdings"),
    ("He met the chief executive of Acme, Jane Doe, on Friday.", "en", "chief executive of Acme, Jane Doe",
     "ceo", "Jane Doe", "Acme"),
    ("The spokesperson declined to comment.", "en", "spokesperson", "spokesperson", None, None),
    ("Le 3 mai, Jeanne Morel, PDG de Valmont Auto, a parlé.", "fr", "Jeanne Morel, PDG de Valmont Auto",
     "ceo", "Jeanne Morel", "Valmont Auto"),
    ("Hier, le PDG d'Acme, Jeanne Morel, a parlé.", "fr", "PDG d'Acme, Jeanne Morel", "ceo", "Jeanne Morel",
     "Acme"),
    ("Hier, Jeanne Morel a été nommée PDG d’Acme.", "fr", "Jeanne Morel a été nommée PDG d’Acme", "ceo",
     "Jeanne Morel", "Acme"),
    ("Paul Roux, président du conseil d'administration de Valmont, a parlé.", "fr",
     "Paul Roux, président du conseil d'administration de Valmont", "chair", "Paul Roux", "Valmont"),
    ("Paul Roux, directeur général de Valmont, a parlé.", "fr", "Paul Roux, directeur général de Valmont",
     "ceo", "Paul Roux", "Valmont"),
])
def test_appositions(text: str, lang: str, span: str, title: str, person: str | None,
                     org: str | None) -> None:
    found = _roles(text, lang)
    assert len(found) == 1, found
    got_span, value = found[0]
    assert (got_span, value.title, value.person, value.organization) == (span, title, person, org)


def test_two_titles_give_two_roles() -> None:
    found = _roles("Ren Tao, the founder and CEO of Orbis, spoke.")
    assert [(v.title, v.title_text, v.person, v.organization) for _, v in found] == [
        ("founder", "founder", "Ren Tao", "Orbis"), ("ceo", "CEO", "Ren Tao", "Orbis")]
    fr = _roles("Ren Tao, fondateur et PDG d'Orbis, a parlé.", "fr")
    assert [v.title for _, v in fr] == ["founder", "ceo"]


def test_longest_title_wins() -> None:
    found = _roles("Claire Dumas, présidente-directrice générale du groupe Lutèce, et Luc Brun, "
                   "vice-président de Valmont.", "fr")
    assert [(v.title, v.organization) for _, v in found] == [("ceo", "groupe Lutèce"),
                                                            ("vice_president", "Valmont")]
    en = _roles("Ivo Brandt, vice president of Orbis, and Rhea Lin, co-founder of Lumora.")
    assert [v.title for _, v in en] == ["vice_president", "co_founder"]


def test_acronyms_are_case_sensitive() -> None:
    assert _roles("The ceo word in lower case is not a title, pdg neither.") == []


def test_same_person_separate_sentences() -> None:
    text = "Ada Quinn, the chairman of Orbis, spoke. Then Tom Reyes, the CEO of Lumora, replied."
    assert [(v.title, v.person, v.organization) for _, v in _roles(text)] == [
        ("chair", "Ada Quinn", "Orbis"), ("ceo", "Tom Reyes", "Lumora")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["CEO", " of ", "Ab", " Cd", ", the ", "PDG", " de ", "d'", "’s", " and ",
                                  "(", ")", "président", " ", "\n", "x", " was named "]), max_size=40)
       .map("".join), st.sampled_from(["en", "fr"]))
def test_find_never_raises_and_spans_stay_in_bounds(text: str, lang: str) -> None:
    for m in role.find(text, lang, None):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_find_never_raises_on_any_text(text: str) -> None:
    for m in role.find(text, "fr", None):
        assert text[m.start:m.end] == m.text


def _ceo_roles(path: Path, lang: str) -> list[Mention]:
    text = path.read_text(encoding="utf-8")
    found = role.find(text, lang, None)
    return [m for m in found if isinstance(m.value, RoleValue) and m.value.title == "ceo"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no seed articles")
def test_seed_articles_name_the_same_ceo_of_the_same_organization() -> None:
    french = _ceo_roles(next(SEEDS.glob("001_*.txt")), "fr")
    english = _ceo_roles(next(SEEDS.glob("000_*.txt")), "en")
    with_person = [m.value for m in french if isinstance(m.value, RoleValue) and m.value.person]
    assert with_person, "no CEO with a person in the French article"
    for value in with_person:
        assert value.person and value.organization
        matches = [m.value for m in english if isinstance(m.value, RoleValue) and m.value.person
                   and entity_key(m.value.person) == entity_key(value.person)]
        assert matches, f"no CEO role for {value.person} in the English article"
        assert any(v.organization and entity_key(v.organization) == entity_key(value.organization)
                   for v in matches)
        # The organization is written differently ("X Auto" / "X Automobile"), yet keys agree.
        assert any(v.organization != value.organization for v in matches)


def test_a_place_before_the_comma_is_not_the_person() -> None:
    found = _roles("In Westland, the CEO of Orbis spoke. Said Quinn, the CEO of Lumora: fine.")
    assert [(v.person, v.organization) for _, v in found] == [(None, "Orbis"), ("Quinn", "Lumora")]


def test_person_then_organization_and_title() -> None:
    found = _roles("Ada Quinn, Orbis CEO, said so.")
    assert [(t, v.title, v.person, v.organization) for t, v in found] == [
        ("Ada Quinn, Orbis CEO", "ceo", "Ada Quinn", "Orbis")]


_TITLE_PIECES = ["CEO", "ceo", "Ceo", "chief", "CHIEF", "ſ", "K", "İ", "ı", "executive", "EXECUTIVE", "officer",
                 "président", "PRÉSIDENT", "directeur", "général", "PDG", "chairman", "Chairman", "vice",
                 "Lumora", "-", "‐", "_", "'", "’", " ", " ", "\n", ",", "(", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_PIECES), max_size=30).map("".join), st.sampled_from(["en", "fr"]))
def test_titles_grouped_by_first_letter_match_as_the_plain_alternation(text: str, language: str) -> None:
    grouped = role._grammar(language).titles
    assert "(?<=" in grouped.pattern  # the spellings are grouped, not the plain alternation
    boundary = rf"[\w{role._HYPHEN_CLASS}]"
    spellings = role._spellings(language_data.load("role", language))
    plain = re.compile(rf"(?<!{boundary})(?:{'|'.join(role._spelling_pattern(*s) for s in spellings)})"
                       rf"(?!{boundary})", re.IGNORECASE)
    found = [(m.start("title") - 1, m.end("title") - 1) for m in grouped.finditer(" " + text)]
    assert found == [m.span() for m in plain.finditer(text)]
