"""Names in Chinese, which writes no capitals, and names across scripts (pinyin, simplified and traditional)."""

from __future__ import annotations

from checker.link.entities import cluster_entities, entity_key, same_entity
from checker.recognize import recognize
from checker.scripts import pinyin, pinyin_spellings, simplified


def _entities(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.value.kind, m.value.name) for m in recognize(text, "zh") if m.type == "entity"]  # type: ignore[union-attr]


def test_organisations_end_with_their_organisation_word() -> None:
    found = _entities("据示例日报报道,国家卫生局向示例大学附属医院拨款。")
    assert ("示例日报", "organization", "示例日报") in found
    assert ("国家卫生局", "organization", "国家卫生局") in found


def test_a_direction_or_a_common_word_is_no_organisation() -> None:
    assert _entities("该国东部和南部的大部分市场都受到影响。") == []


def test_a_weekday_before_a_verb_of_saying_is_no_person() -> None:
    assert not [t for t, kind, _ in _entities("里斯本周三宣布新措施。") if kind == "person"]


def test_people_by_title_verb_of_saying_and_transliteration() -> None:
    found = _entities("示例银行行长李明华表示,安娜·佩雷拉将出席。")
    kinds = {text: kind for text, kind, _ in found}
    assert kinds.get("李明华") == "person"
    assert kinds.get("安娜·佩雷拉") == "person"


def test_the_organisation_before_a_title_is_a_name_wherever_the_text_repeats_it() -> None:
    found = _entities("青石机械董事长周文表示,订单充足。青石机械计划扩建厂房。")
    assert [text for text, kind, _ in found if kind == "organization"].count("青石机械") == 2


def test_a_latin_name_in_brackets_is_the_alias_of_every_mention() -> None:
    found = _entities("里斯本(Lisbon)周三宣布新措施。据悉,里斯本将增加投入。")
    assert ("里斯本(Lisbon)", "unknown", "里斯本(Lisbon)") in found
    assert any(text == "里斯本" and name == "里斯本(Lisbon)" for text, _, name in found)


def test_roles_tie_the_organisation_before_the_titles_and_the_person_after() -> None:
    roles = [m.value for m in recognize("示例集团创始人、董事长兼CEO王明表示", "zh") if m.type == "role"]
    assert {(r.title, r.person, r.organization) for r in roles} == {  # type: ignore[union-attr]
        ("founder", "王明", "示例集团"), ("chair", "王明", "示例集团"), ("ceo", "王明", "示例集团")}


def test_simplified_and_traditional_forms_are_one_name() -> None:
    assert simplified("張偉") == "张伟"
    assert entity_key("示例銀行") == entity_key("示例银行")
    assert same_entity("張偉", "张伟")


def test_a_chinese_name_meets_its_pinyin_spelling() -> None:
    assert pinyin("李明华") == "li ming hua"
    assert pinyin_spellings("李明华") == ("liminghua", "minghuali")
    assert same_entity("李明华", "Li Minghua")
    assert same_entity("李明華", "Minghua Li")
    assert not same_entity("李明华", "Li Mingde")
    clusters = cluster_entities(["李明华", "Li Minghua", "李明華", "Wang Fang"])
    assert clusters["李明华"] == clusters["Li Minghua"] == clusters["李明華"] != clusters["Wang Fang"]


def test_a_bracketed_alias_bridges_the_two_scripts_across_documents() -> None:
    clusters = cluster_entities(["里斯本(Lisbon)", "里斯本", "Lisbon", "波尔图"])
    assert clusters["里斯本"] == clusters["Lisbon"] == clusters["里斯本(Lisbon)"] != clusters["波尔图"]
    assert same_entity("里斯本(Lisbon)", "Lisbon")


def test_legal_forms_are_dropped_from_chinese_keys() -> None:
    assert entity_key("示例集團有限公司") == entity_key("示例集团") == "示例"


def test_a_time_word_before_a_name_is_no_part_of_it() -> None:
    assert [text for text, _, _ in _entities("当年示例山(Exampleberg)附近发生雪崩。")] == ["示例山(Exampleberg)"]
    assert [text for text, _, _ in _entities("目前示例科学院表示同意。")] == ["示例科学院"]


def test_a_company_by_its_short_name_at_the_start_of_a_clause() -> None:
    # Two or three characters of its own, then an industry word: after a clause edge or a time word.
    assert ("示例能源", "organization", "示例能源") in _entities("示例能源成立于2003年,总部位于示例市。")
    assert ("示和医药", "organization", "示和医药") in _entities("去年示和医药营收同比增长12%。")
    # Written with simplified and traditional characters mixed, it is the same word.
    assert ("示卓医藥", "organization", "示卓医藥") in _entities("去年示卓医藥營收同比增長12%。")


def test_an_industry_word_inside_a_phrase_is_no_company() -> None:
    # "the first electric car": the word before the industry word runs on from "首款", no clause edge.
    assert _entities("首款电动汽车将于明年上市。") == []


def test_the_local_government_is_no_name() -> None:
    assert _entities("当地政府表示将继续优化营商环境。") == []
    assert _entities("示例科技加快在示例市布局。") == [("示例科技", "organization", "示例科技"),
                                                ("示例市", "place", "示例市")]


def test_a_verb_of_saying_ends_the_name_before_it() -> None:
    names = [text for text, _, _ in _entities("示例科技公布新工厂时间表")]
    assert "示例科技" in names and not any(name.startswith("示例科技公布") for name in names)


def test_a_verb_ending_in_an_organisation_character_is_no_name() -> None:
    # "进军" (to move into) ends with 军 (army), an organisation word.
    assert [text for text, _, _ in _entities("示例集团宣布进军新领域。")] == ["示例集团"]


def test_a_company_name_may_hold_a_conjunction_never_a_particle() -> None:
    assert ("和示医药", "organization", "和示医药") in _entities("和示医药成立于1997年。")
    assert _entities("中国的医药行业发展很快。") == []


def test_one_character_and_an_organisation_word_make_a_common_noun() -> None:
    # "新工厂": the new factory.
    assert _entities("新工厂年产能预计达到5万辆。") == []
