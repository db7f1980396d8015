"""Entity recognizer: invented names only (the seed articles are not named here)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.recognize import entity
from checker.records import EntityValue


def _entities(text: str, lang: str = "en") -> dict[str, EntityValue]:
    found = {}
    for m in entity.find(text, lang, None):
        assert text[m.start:m.end] == m.text
        assert isinstance(m.value, EntityValue)
        found[m.text] = m.value
    return found


def test_capitalized_sequences_and_legal_suffixes() -> None:
    found = _entities("Analysts at Orbis Capital Partners said Nova Automobile Co., Ltd. and "
                      "Brightwater Holdings would merge.")
    assert found["Nova Automobile Co., Ltd."].kind == "organization"
    assert found["Nova Automobile Co., Ltd."].key == "nova"
    assert found["Brightwater Holdings"].key == "brightwater"
    assert "Orbis Capital Partners" in found
    assert "Analysts" not in found


def test_sentence_starters_months_and_function_words_are_not_entities() -> None:
    text = ("During the meeting, Lumora grew. Since March, Lumora has hired. The plan works. "
            "Meanwhile sales rose on Monday. Regarding costs, nothing changed.")
    found = _entities(text)
    assert set(found) == {"Lumora"}


def test_a_sentence_starter_seen_in_lower_case_is_dropped_from_a_name() -> None:
    found = _entities("Several Lumora engineers quit. They said several things.")
    assert "Lumora" in found
    assert not any(name.startswith("Several") for name in found)


def test_particles_join_after_an_organization_word_only() -> None:
    found = _entities("The Banque de Norlande and the Bank of Westland met Ada Quinn of Orbis.")
    assert "Banque de Norlande" in found
    assert "Bank of Westland" in found
    assert "Ada Quinn" in found and "Orbis" in found
    fr = _entities("Selon l’Institut d’Optique Appliquée, la Banque de Norlande recule.", "fr")
    assert "Institut d’Optique Appliquée" in fr
    assert fr["Banque de Norlande"].kind == "organization"


def test_possessive_is_stripped() -> None:
    found = _entities("Later, Lumora’s board and Orbis's investors met.")
    assert "Lumora" in found and "Orbis" in found


def test_quoted_names() -> None:
    found = _entities("The brand, “Nova Vela”, replaces \"Sprite One\". It is “deeply integrated”.")
    assert "Nova Vela" in found and "Sprite One" in found
    assert not any("deeply" in name for name in found)
    fr = _entities("La marque « Lutèce » adopte un modèle de « vente directe ».", "fr")
    assert "Lutèce" in fr
    assert not any("vente" in name for name in fr)


def test_acronym_spelled_out_shares_the_key() -> None:
    text = "Shares of Alpha Beta Corp (ABC) rose. Later ABC said more."
    mentions = [m for m in entity.find(text, "en", None) if m.text == "ABC"]
    assert len(mentions) == 2
    assert all(m.value.key == "alpha beta" and m.value.kind == "organization" for m in mentions)  # type: ignore[union-attr]


def test_person_kind_from_titles_and_verbs_of_saying() -> None:
    text = ("Ada Quinn, the chief executive of Orbis, met Tom Reyes. Tom Reyes said the deal "
            "was done. Dr. Lena Park agreed, and Quinn smiled.")
    found = _entities(text)
    assert found["Ada Quinn"].kind == "person"
    assert found["Tom Reyes"].kind == "person"
    assert found["Lena Park"].kind == "person"
    assert found["Quinn"].kind == "person"
    assert found["Orbis"].kind == "organization"


def test_a_company_named_by_its_industry_word_is_no_person_when_it_speaks() -> None:
    # Two capitalized words before "said" look like a person's name; an industry word ends a company's.
    found = _entities("Velora Mobility said demand remained strong. Dravin Devices told analysts the plan held.")
    assert found["Velora Mobility"].kind == "organization"
    assert found["Dravin Devices"].kind == "organization"
    found = _entities("Kestor Robotique a déclaré que le calendrier était tenu.", "fr")
    assert found["Kestor Robotique"].kind == "organization"


def test_french_names() -> None:
    found = _entities("Le 3 mai, Jeanne Morel, PDG de Valmont Auto, a annoncé que le Groupe Valmont "
                      "investira.", "fr")
    assert found["Jeanne Morel"].kind == "person"
    assert found["Valmont Auto"].key == found["Groupe Valmont"].key == "valmont"
    assert "Le" not in found


def test_headline_in_title_case_keeps_only_known_names() -> None:
    text = ("Orbis Group And Lumora Forge Strategic Partnership To Launch Premium Brand\n"
            "Orbis Group signed a deal with Lumora on Tuesday.")
    found = _entities(text)
    assert "Orbis Group" in found and "Lumora" in found
    assert not any("Forge" in name or "Premium" in name for name in found)


def test_titles_are_not_entities() -> None:
    found = _entities("Orbis CEO Ada Quinn spoke.")
    assert "CEO" not in found and "Orbis" in found and "Ada Quinn" in found


def test_paths_and_handles_are_not_names() -> None:
    found = _entities("See https://example.org/img/aBcDe.webp for the photo.")
    assert not found


def test_empty_and_odd_inputs() -> None:
    assert entity.find("", "en", None) == []
    assert entity.find("Acme Corp", "xx", None)  # unknown language falls back to English data


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Aab Cc.,'’“”«»()&-\n0 DeLa")), max_size=200),
       st.sampled_from(["en", "fr"]))
def test_find_never_raises_and_spans_stay_in_bounds(text: str, lang: str) -> None:
    for m in entity.find(text, lang, None):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_find_never_raises_on_any_text(text: str) -> None:
    for m in entity.find(text, "en", None):
        assert text[m.start:m.end] == m.text


def test_hostile_inputs_give_valid_spans() -> None:
    # How the cost grows is measured in benchmarks/hostile_scaling.py, not timed here.
    for text in ("1" * 100_000, " " * 100_000, "A " * 50_000, "Ab " * 30_000, "“" * 50_000,
                 "« " * 50_000, "(" * 100_000, "Abc de " * 20_000):
        for m in entity.find(text, "fr", None):
            assert text[m.start:m.end] == m.text


def test_capitalized_article_inside_a_sentence_opens_a_name() -> None:
    found = _entities("Selon Les Nouvelles, Paul Le Goff a quitté Valmont.", "fr")
    assert "Les Nouvelles" in found and found["Les Nouvelles"].key == "nouvelles"
    assert found["Les Nouvelles"].kind != "person"
    assert "Paul Le Goff" in found


def test_abbreviation_period_does_not_start_a_sentence() -> None:
    found = _entities("Mr. Quill, a spokesman for Orbis, declined.")
    assert found["Quill"].kind == "person"


def test_lower_case_words_spelled_out_by_an_acronym_join_the_name() -> None:
    text = "La Banque centrale norlandaise (BCN) a relevé ses taux. La BCN reste prudente."
    mentions = [m for m in entity.find(text, "fr", None)]
    names = {m.text: m.value for m in mentions}
    assert "Banque centrale norlandaise" in names
    assert all(m.value.key == "banque centrale norlandaise" for m in mentions if m.text == "BCN")  # type: ignore[union-attr]


def test_quoted_sentences_and_uncased_scripts_are_not_names() -> None:
    assert _entities("« Nous restons très vigilants », a-t-elle ajouté.", "fr") == {}
    assert _entities("“We are pleased,” she said.") == {}
    assert _entities("该文观点仅代表作者本人。") == {}


def test_a_line_in_capitals_ending_with_a_period_is_not_a_headline() -> None:
    body = "Intro line here.\nChair Ada Quinn Met Tom Reyes At The Lumora Office In Westland"
    assert "Westland" in _entities(body + ".")
    assert "Westland" not in _entities(body)  # a headline: nothing else in the text names it


def test_a_long_article_gives_every_name() -> None:
    sentence = ("Ada Quinn, the chief executive of Orbis Group, said on Monday that Lumora Auto "
                "would sell 1,200 cars, while Tom Reyes of the Bank of Westland disagreed. ")
    text = sentence * 400  # about 10,000 words
    found = entity.find(text, "en", None)
    assert len(found) >= 1600


# The scanner reads only the words that can matter (capitalized words, particles, the "s" of a
# possessive, the words of titles); it must find what it finds over every word of the text.
_PIECES = ["Lumora", "Vantor", "Group", "Co.", "Ltd.", "Inc", "SA", "sa", "ABC", "iVela", "eNova", "de", "De",
           "des", "d", "of", "la", "Les", "Le", "le", "for", "s", "S", "x", "J.", "chief", "executive", "CEO",
           "chairman", "Chairman", "said", "several", "Several", "The", "the", "In", "in", "März", "straße",
           "ſ", "ß", "é", "été", "Été", "中文", "ǅa", "9", "42", "_", "&", "-", "‐", ".", ",", ", ", "'", "’",
           "(", ")", "\"", "“", "”", "«", "»", "@", "/", "#", "\\", ":", "\n", " ", " ", " ", "  ", "\u00a0"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _full_scan(text: str, lang: str, monkeypatch_tokens: bool) -> tuple[entity.Name, ...]:
    original = entity._candidate_tokens
    if monkeypatch_tokens:
        entity._candidate_tokens = lambda text, lex, titles: entity._tokens(text, lex)  # type: ignore[assignment]
    try:
        return entity._scan.__wrapped__(text, lang)  # type: ignore[attr-defined, no-any-return]
    finally:
        entity._candidate_tokens = original


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.sampled_from(["en", "fr"]))
def test_candidate_tokens_are_the_words_that_matter(text: str, lang: str) -> None:
    lex = entity._lexicon(lang)
    titles = entity._title_spans(text, lang)
    every = entity._tokens(text, lex)
    kept = entity._candidate_tokens(text, lex, titles)
    assert set(kept) <= set(every)
    assert [t.start for t in kept] == sorted({t.start for t in kept})
    for tok in every:
        needed = (tok.capital or tok.low in lex.particles or tok.text == "s"
                  or any(s < tok.end and tok.start < e for s, e in titles))
        assert tok in kept or not needed


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.sampled_from(["en", "fr"]))
def test_scanning_candidate_tokens_finds_what_every_word_finds(text: str, lang: str) -> None:
    assert _full_scan(text, lang, False) == _full_scan(text, lang, True)


def test_a_particle_inside_a_hyphenated_word_is_no_particle() -> None:
    lex = entity._lexicon("en")
    text = "Lumora x-de Vantor, y&of Vantor and 9-de Vantor"
    kept = [t.text for t in entity._candidate_tokens(text, lex, [])]
    assert kept == ["Lumora", "Vantor", "Vantor", "de", "Vantor"]


def test_the_reach_of_a_spelled_out_acronym_covers_its_longest_match() -> None:
    text = "X" + (" a" + "b" * 30) * 5 + " (ABC)"
    match = entity._LOWER_THEN_ACRONYM.match(text, 1)
    assert match is not None
    assert text.index("(") - 1 < entity._LOWER_THEN_ACRONYM_REACH
    assert entity._LOWER_THEN_ACRONYM.match(" a" + "b" * 31 + " (ABC)") is None
