"""Names in a script without capital letters (Chinese): organisations, people, places, works, Latin names.

Nothing in the writing says where a Chinese name starts, so a name is found by what marks its
end or its neighbourhood, all of it language data (``checker/lang/<lang>/entity.toml`` and the
titles of ``role.toml``; the marks of ``script.toml``):

- an organisation word or legal form at its end ("示例科学院", "示例集团") or a place word
  ("四川省"), the name running back to the nearest character that stands between words
  ("的", "在", a punctuation mark: ``name_stops``), to a title, or to another name's end;
- a Latin spelling in brackets after it ("里斯本(Lisbon)", "示例气象局(EXMET)"): the
  Latin name is kept with it as its alias, for every mention of the name in the text, so that
  linking (``checker.link.entities``) meets the two spellings;
- the "·" of a transliterated foreign name ("安娜·佩雷拉"): a person;
- a title before it ("董事长王明") or a verb of saying after it ("王明表示"), with a common
  surname first and one or two characters after: a person;
- the brackets around the name of a work (《...》, 「...」);
- Latin words with a capital or a digit inside the Chinese text ("X5", "EXMET").

Roles ("示例集团创始人、董事长兼CEO王明") tie an organisation written right before a chain of
titles to the person written right after it.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from checker import lang as langdata
from checker.lang import LanguageDataError, script
from checker.names import entity_key
from checker.records import EntityValue, Mention, RoleValue

_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{_HAN_CLASS}]")
_LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9&.'\-]*[A-Z0-9][A-Za-z0-9&.'\-]*|[A-Z][a-z]{2,}"
                         r"(?:[ \-][A-Z][A-Za-z]+)*|[a-z]+-[A-Z]{1,4})(?![A-Za-z0-9])")
_BRACKETED_LATIN = re.compile(r"\s?[(（]\s?([A-Za-z][A-Za-z0-9 .&'\-]{0,40}?)\s?[)）]")
_MAX_NAME = 12


@dataclass(frozen=True)
class _Data:
    """The name facts of one language, compiled."""

    org_words: tuple[str, ...]  # longest first
    legal_suffixes: tuple[str, ...]
    place_words: tuple[str, ...]
    suffix_not_after: frozenset[str]
    suffix_not_before: frozenset[str]
    stops: frozenset[str]
    not_in_names: frozenset[str]
    lead_words: tuple[str, ...]  # longest first
    surnames: frozenset[str]
    not_given: frozenset[str]
    saying: re.Pattern[str] | None
    titles: re.Pattern[str] | None
    title_ids: dict[str, str]
    coordinators: re.Pattern[str] | None
    joiners: str
    quotes: tuple[tuple[str, str], ...]
    ends: re.Pattern[str]  # an organisation or place word that may end a name
    industries: re.Pattern[str] | None  # the industry words of company names ("科技", "能源"; link.toml)


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)) if w)


def _variant_alternation(words: list[str]) -> str:
    """An alternation of ``words`` in which a character matches its other forms too: the words that are one
    word in simplified and traditional script ("医药", "醫藥") also match written with both ("医藥")."""
    from checker.scripts import simplified

    forms: dict[str, list[str]] = {}
    for word in words:
        forms.setdefault(simplified(word), []).append(word)
    patterns: list[tuple[int, str]] = []  # (length of the words, pattern): the longest words are tried first
    for group in forms.values():
        if len({len(w) for w in group}) != 1:
            patterns.extend((len(w), re.escape(w)) for w in group)
            continue
        classes = ["".join(sorted({w[i] for w in group})) for i in range(len(group[0]))]
        patterns.append((len(group[0]), "".join(re.escape(c) if len(c) == 1 else f"[{re.escape(c)}]" for c in classes)))
    return "|".join(pattern for _, pattern in sorted(patterns, key=lambda p: (-p[0], p[1])))


@cache
def _data(lang: str) -> _Data:
    # The entity and role modules register the schemas of the files read here.
    importlib.import_module("checker.recognize.role")
    entity_data = langdata.load("entity", lang)
    try:
        role_data = langdata.load("role", lang)
    except LanguageDataError:
        role_data = None
    profile = script.profile(lang)
    try:
        industries = [word for industry in langdata.load("link", lang).industries for word in industry.words]
    except LanguageDataError:
        industries = []
    org_words = tuple(sorted({*entity_data.org_words, *entity_data.legal_suffixes}, key=lambda w: (-len(w), w)))
    places = tuple(sorted(set(entity_data.place_suffixes), key=lambda w: (-len(w), w)))
    title_ids: dict[str, str] = {}
    if role_data is not None:
        for title in role_data.titles:
            for form in [*title.forms, *title.acronyms]:
                title_ids.setdefault(form, title.id)
    saying = _alternation(entity_data.saying_verbs)
    titles = _alternation(list(title_ids))
    coordinators = _alternation(role_data.coordinators) if role_data is not None else ""
    return _Data(
        org_words=org_words,
        legal_suffixes=tuple(entity_data.legal_suffixes),
        place_words=places,
        suffix_not_after=frozenset(entity_data.suffix_not_after),
        suffix_not_before=frozenset(entity_data.suffix_not_before),
        stops=frozenset(entity_data.name_stops),
        not_in_names=frozenset(entity_data.not_in_names),
        lead_words=tuple(sorted(entity_data.name_lead_words, key=len, reverse=True)),
        surnames=frozenset(entity_data.surnames),
        not_given=frozenset(entity_data.not_in_given_names),
        saying=re.compile(f"(?:{saying})") if saying else None,
        titles=re.compile(f"(?:{titles})") if titles else None,
        title_ids=title_ids,
        coordinators=re.compile(f"(?:{coordinators})") if coordinators else None,
        joiners="".join(profile.name_joiners),
        quotes=tuple((pair[0], pair[1]) for pair in profile.name_quotes if len(pair) == 2),
        ends=re.compile(f"(?:{_alternation([*org_words, *places])})") if org_words or places else re.compile("(?!x)x"),
        industries=re.compile(f"(?:{_variant_alternation(industries)})") if industries else None,
    )


@dataclass(frozen=True)
class UnmarkedName:
    """A name found in an unmarked script: its span, its kind, and a Latin alias written after it."""

    start: int
    end: int
    kind: str
    alias: str = ""


def _is_han(ch: str) -> bool:
    return bool(ch) and _HAN.match(ch) is not None


def _left_start(text: str, end: int, d: _Data, floor: int, minimum: int = 2) -> int | None:
    """Where a name ending at ``end`` starts: after the nearest stop, punctuation or title, at most
    ``_MAX_NAME`` characters back, not before ``floor``; None when fewer than ``minimum`` characters remain."""
    start = end
    while start > floor and end - start < _MAX_NAME:
        ch = text[start - 1]
        if not _is_han(ch) or ch in d.stops:
            break
        start -= 1
    # A title or another name's organisation word inside the stretch ends the left side: "董事长王明" -> 王明,
    # "电力公司示例能源" -> 示例能源, "四川省成都市" -> 成都市.
    if d.titles is not None:
        for m in d.titles.finditer(text, max(0, start - 6), end):
            if start < m.end() < end:
                start = max(start, m.end())
    for m in d.ends.finditer(text, start, end):
        if m.end() < end and _org_end(text, m.start(), d) is not None:
            start = max(start, m.end())
    # A verb of saying ends the left side too: "示例科技公布新计划" is no name of a plan.
    if d.saying is not None:
        for m in d.saying.finditer(text, start, end):
            if m.end() < end:
                start = max(start, m.end())
    # "当年庇里牛斯山(...)": a time word before the name is no part of it.
    # The word alone before an organisation word makes a common noun ("当地政府", the local government): no name.
    lead = next((w for w in d.lead_words if text.startswith(w, start, end)), None)
    if lead is not None:
        start += len(lead)
    return start if end - start >= minimum else None


def _org_end(text: str, i: int, d: _Data) -> tuple[int, str] | None:
    """An organisation or place word starting at ``i`` that ends a name: (its end, "organization"/"place")."""
    m = d.ends.match(text, i)
    if m is None:
        return None
    word = m.group()
    if len(word) == 1:
        before = text[i - 1:i]
        after = text[m.end():m.end() + 1]
        if before in d.suffix_not_after or after in d.suffix_not_before:
            return None
    kind = "place" if word in d.place_words and word not in d.org_words else "organization"
    return m.end(), kind


def scan(text: str, lang: str) -> list[UnmarkedName]:
    """The names of ``text`` in an unmarked script, left to right, not overlapping."""
    return list(_scan(text, lang))


@lru_cache(maxsize=16)
def _scan(text: str, lang: str) -> tuple[UnmarkedName, ...]:
    d = _data(lang)
    found: list[UnmarkedName] = []
    # Latin spellings in brackets: the Han name before them, with the Latin as its alias.
    for m in _BRACKETED_LATIN.finditer(text):
        end = m.start()
        if not _is_han(text[end - 1:end]):
            continue
        start = _left_start(text, end, d, 0)
        if start is None:
            continue
        org = _org_kind(text, start, end, d)
        found.append(UnmarkedName(start, m.end(), org, m.group(1).strip()))
    # Transliterated foreign names: "安娜·佩雷拉", a person (the given name is at most four characters).
    if d.joiners:
        joiner = f"[{re.escape(d.joiners)}]"
        for m in re.finditer(rf"[{_HAN_CLASS}]{{1,8}}(?:{joiner}[{_HAN_CLASS}]{{1,8}})+", text):
            cut = m.start() + min(m.group().index(j) for j in d.joiners if j in m.group())
            start = _left_start(text, cut, d, max(m.start(), cut - 4), minimum=1)
            last = m.start() + max(m.group().rindex(j) for j in d.joiners if j in m.group()) + 1
            end = last
            # the family name ends before a stop or a verb of saying: "安娜·佩雷拉表示"
            while end < m.end() and text[end] not in d.stops and (d.saying is None or not d.saying.match(text, end)):
                end += 1
            if end > last:
                found.append(UnmarkedName(start if start is not None else cut - 1, end, "person"))
    # Organisations and places by the word that ends them.
    if d.ends.pattern != "(?!x)x":
        for m in d.ends.finditer(text):
            got = _org_end(text, m.start(), d)
            if got is None:
                continue
            end, kind = got
            start = _left_start(text, m.start(), d, 0, minimum=1)
            if start is None:
                continue
            if end - start < 2 or start == m.start() and len(m.group()) < 2:
                continue
            # One character before an organisation word of two or more makes a common noun ("新工厂", the new
            # factory): a name has a part of its own of two characters at least.
            if m.start() - start == 1 and len(m.group()) >= 2:
                continue
            found.append(UnmarkedName(start, end, kind))
    found.extend(_short_company_names(text, d))
    # People: a title before, or a verb of saying after, a surname and one or two characters.
    found.extend(_people(text, d))
    # Works in brackets.
    for opening, closing in d.quotes:
        for m in re.finditer(rf"{re.escape(opening)}([^{re.escape(opening + closing)}\n]{{1,20}}){re.escape(closing)}",
                             text):
            inner = m.group(1)
            if re.search(r"[,，。!?！？;；:：]", inner):
                continue
            found.append(UnmarkedName(m.start(1), m.end(1), "unknown"))
    # Latin names inside the text: "X5", "EXMET", "Norvale".
    for m in _LATIN_NAME.finditer(text):
        found.append(UnmarkedName(m.start(), m.end(), "unknown"))
    return tuple(_settle(found))


_BRAND = (2, 3)  # characters of a company's own name before its industry word ("示例科技", "示例达能源")


def _short_company_names(text: str, d: _Data) -> list[UnmarkedName]:
    """Companies written by their short name: a name of their own, then an industry word ("示例科技").

    The industry word alone does not tell where the name starts ("首款电动汽车" is "the first electric
    car"), so the name must stand at the edge of a clause: its two or three characters run from a
    punctuation mark, a space, a stop character or a time word ("去年示例医药营收") to the industry word.
    """
    if d.industries is None:
        return []
    found: list[UnmarkedName] = []
    for m in d.industries.finditer(text):
        for length in _BRAND:
            start = m.start() - length
            # A company's own name may hold a character that elsewhere stands between words ("和"), not a
            # particle ("的").
            if start < 0 or not all(_is_han(c) and c not in d.not_in_names for c in text[start:m.start()]):
                break
            if _at_clause_edge(text, start, d):
                found.append(UnmarkedName(start, m.end(), "organization"))
                break
    return found


def _at_clause_edge(text: str, start: int, d: _Data) -> bool:
    """Whether a word at ``start`` opens a clause: nothing, a non-Han character, a stop or a time word before it."""
    before = text[start - 1:start]
    if not before or not _is_han(before) or before in d.stops:
        return True
    return any(text.endswith(word, 0, start) for word in d.lead_words)


def _org_kind(text: str, start: int, end: int, d: _Data) -> str:
    got = None
    for i in range(start, end):
        m = _org_end(text, i, d)
        if m is not None and m[0] == end:
            got = m[1]
            break
    return got or "unknown"


def _people(text: str, d: _Data) -> list[UnmarkedName]:
    found: list[UnmarkedName] = []
    if d.titles is not None:
        for m in d.titles.finditer(text):
            length = _name_length(text, m.end(), d)
            if length:
                found.append(UnmarkedName(m.end(), m.end() + length, "person"))
    if d.saying is not None:
        for m in d.saying.finditer(text):
            for length in (3, 2):
                start = m.start() - length
                if start < 0 or not all(_is_han(c) for c in text[start:m.start()]):
                    continue
                before = text[start - 1:start]
                if (not before or not _is_han(before) or before in d.stops) and _has_surname(text, start, d, length):
                    found.append(UnmarkedName(start, m.start(), "person"))
                    break
    return found


def _has_surname(text: str, start: int, d: _Data, length: int = 3) -> bool:
    """Whether a personal name of ``length`` characters may start at ``start``: a surname, then a given name."""
    surname = 2 if text[start:start + 2] in d.surnames else 1 if text[start:start + 1] in d.surnames else 0
    return bool(surname) and not any(c in d.not_given for c in text[start + surname:start + length])


def _name_length(text: str, start: int, d: _Data) -> int:
    """The length of a personal name at ``start`` (a surname and one or two characters), 0 if none."""
    for length in (3, 2):
        piece = text[start:start + length]
        if len(piece) < length or not all(_is_han(c) for c in piece) or not _has_surname(text, start, d, length):
            continue
        after = text[start + length:start + length + 2]
        if not after or not _is_han(after[0]) or after[0] in d.stops \
                or (d.saying is not None and d.saying.match(after)) \
                or (d.coordinators is not None and d.coordinators.match(after)):
            return length
    return 0


def _settle(names: list[UnmarkedName]) -> list[UnmarkedName]:
    """Longest first; a name overlapping a kept one is dropped; the rest left to right."""
    ranked = sorted(names, key=lambda n: (-(n.end - n.start), n.start))
    kept: list[UnmarkedName] = []
    for name in ranked:
        if all(name.end <= k.start or k.end <= name.start for k in kept):
            kept.append(name)
    return sorted(kept, key=lambda n: n.start)


def _bare(text: str, name: UnmarkedName) -> str:
    """The name without its bracketed alias."""
    if not name.alias:
        return text[name.start:name.end]
    return _BRACKETED_LATIN.sub("", text[name.start:name.end]).strip()


@lru_cache(maxsize=16)
def _find(text: str, lang: str) -> tuple[Mention, ...]:
    names = _scan(text, lang)
    # A Latin alias given once holds for every mention of the name in the text.
    aliases = {_bare(text, n): n.alias for n in names if n.alias}
    kinds = {_bare(text, n): n.kind for n in names if n.kind != "unknown"}
    mentions: list[Mention] = []
    for name in names:
        bare = _bare(text, name)
        alias = aliases.get(bare, "")
        shown = f"{bare}({alias})" if alias else bare
        kind = kinds.get(bare, name.kind)
        value = EntityValue(name=shown, kind=kind, key=entity_key(shown))  # type: ignore[arg-type]
        mentions.append(Mention(type="entity", start=name.start, end=name.end, text=text[name.start:name.end],
                                value=value))
    # "示例科技董事长王明": the organisation before a title is a name, here and wherever the text repeats it.
    for organisation in sorted({role.value.organization for role in _roles(text, lang)
                                if isinstance(role.value, RoleValue) and role.value.organization}):
        if len(organisation) < 2 or organisation in kinds:
            continue
        kinds[organisation] = "organization"
        taken = [(m.start, m.end) for m in mentions]
        value = EntityValue(name=organisation, kind="organization", key=entity_key(organisation))
        for m in re.finditer(re.escape(organisation), text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                mentions.append(Mention(type="entity", start=m.start(), end=m.end(), text=organisation, value=value))
    # Later mentions of an aliased name with no brackets: found by the name itself.
    if aliases:
        taken = [(m.start, m.end) for m in mentions]
        for bare, alias in aliases.items():
            if len(bare) < 2:
                continue
            for m in re.finditer(re.escape(bare), text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                shown = f"{bare}({alias})"
                value = EntityValue(name=shown, kind=kinds.get(bare, "unknown"), key=entity_key(shown))  # type: ignore[arg-type]
                mentions.append(Mention(type="entity", start=m.start(), end=m.end(), text=bare, value=value))
                taken.append((m.start(), m.end()))
    mentions.sort(key=lambda m: (m.start, m.end))
    return tuple(mentions)


def find_entities(text: str, lang: str) -> list[Mention]:
    """Entity mentions of ``text``, whose script marks no names (``scan``), with kind and linking key."""
    if not text:
        return []
    return list(_find(text, lang))


@lru_cache(maxsize=16)
def _roles(text: str, lang: str) -> tuple[Mention, ...]:
    d = _data(lang)
    if d.titles is None:
        return ()
    names = _scan(text, lang)
    orgs = {n.end: n for n in names if n.kind == "organization"}
    people = {n.start: n for n in names if n.kind == "person"}
    mentions: list[Mention] = []
    pos = 0
    for m in d.titles.finditer(text):
        if m.start() < pos:
            continue
        # A chain of titles joined by coordinators: "创始人、董事长兼CEO".
        chain = [m]
        end = m.end()
        while d.coordinators is not None:
            joint = d.coordinators.match(text, end)
            if joint is None:
                break
            nxt = d.titles.match(text, joint.end())
            if nxt is None:
                break
            chain.append(nxt)
            end = nxt.end()
        pos = end
        org = orgs.get(chain[0].start())
        if org is None:
            # "示例科技创始人": the words right before a title name whom the title is held at
            before = _left_start(text, chain[0].start(), d, 0)
            if before is not None and before < chain[0].start():
                org = UnmarkedName(before, chain[0].start(), "organization")
        person = people.get(end)
        for title in chain:
            start = org.start if org is not None else title.start()
            stop = person.end if person is not None else title.end()
            value = RoleValue(title=d.title_ids.get(title.group(), title.group()), title_text=title.group(),
                              person=text[person.start:person.end] if person else None,
                              organization=text[org.start:org.end] if org else None)
            mentions.append(Mention(type="role", start=start, end=stop, text=text[start:stop], value=value))
    return tuple(mentions)


def find_roles(text: str, lang: str) -> list[Mention]:
    """Role mentions of ``text``: an organisation, its titles and the person after them, as Chinese writes them."""
    if not text:
        return []
    return list(_roles(text, lang))


__all__ = ["UnmarkedName", "find_entities", "find_roles", "scan"]
