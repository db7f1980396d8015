"""Role recognizer: titles ("CEO", "PDG", "chairman") and the person and organization they tie.

Titles and their canonical ids are language data (``checker/lang/<lang>/role.toml``).
A title mention takes in the typical appositions around it:

- "Jane Doe, the CEO of Acme Corp"       person, comma, title, linker, organization
- "Acme CEO Jane Doe", "Acme's CEO Jane Doe"   organization, title, person
- "the CEO of Acme, Jane Doe", "CEO of Acme (Jane Doe)"
- "Jane Doe was appointed as the CEO of Acme", "Jeanne Morel a été nommée PDG d'Acme"
- "the founder and CEO of Acme": one mention per title, same person and organization.

The span runs from the person (or organization) to the end of the organization
(or person); with neither, it is the title alone. Names come from the entity
recognizer's scanner, so both recognizers agree on where a name starts and ends.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pydantic import BaseModel, ConfigDict

from checker import lang
from checker.lang import DimensionData, Example, LanguageDataError
from checker.recognize import entity
from checker.recognize.lazy import lazy_compile
from checker.records import Mention, RoleValue

_FALLBACK_LANGUAGE = "en"
_HYPHENS = "-\u2010\u2011\u2012\u2013"
_HYPHEN_CLASS = r"\-\u2010\u2011\u2012\u2013"
_APOSTROPHES = "'\u2019\u02bc"
_COMMA = re.compile(r",\s*")
_OPEN_PAREN = re.compile(r"\s*\(")
_COMMA_BEFORE = re.compile(r",\s*$")
_POSSESSIVE_BEFORE = re.compile(rf"[{_APOSTROPHES}]s\s+$")
_POSSESSIVE_AFTER = re.compile(rf"[{_APOSTROPHES}]s\s+")
_SPACE_BEFORE = re.compile(r"[ \u00a0]$")
_COMMA_OR_SPACE = re.compile(r"(?:,\s*|[ \u00a0])")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_ASCII = "".join(map(chr, range(128)))


class Title(BaseModel):
    """One title: its canonical id, its spellings and acronyms, and example phrases."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    forms: list[str] = []
    acronyms: list[str] = []
    examples: list[Example] = []


@lang.dimension("role")
class RoleData(DimensionData):
    """Titles and the little words of appositions for one language."""

    determiners: list[str]
    linkers: list[str]
    coordinators: list[str]
    appointment_verbs: list[str]
    auxiliaries: list[str]
    org_heads: list[str] = []
    titles: list[Title]


@dataclass(frozen=True)
class TitleMatch:
    """A title found in a text."""

    start: int
    end: int
    id: str


def _form_pattern(form: str) -> str:
    """A spelling as a regex: spaces and hyphens interchangeable, either apostrophe."""
    parts: list[str] = []
    for char in form:
        if char.isspace():
            parts.append(rf"[\s{_HYPHEN_CLASS}]+")
        elif char in _HYPHENS:
            parts.append(rf"[\s{_HYPHEN_CLASS}]?")
        elif char in _APOSTROPHES:
            parts.append(f"[{_APOSTROPHES}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _form_key(surface: str) -> str:
    text = re.sub(rf"[\s{_HYPHEN_CLASS}]+", "", surface.casefold())
    return re.sub(f"[{_APOSTROPHES}]", "'", text)


def _words_pattern(words: list[str]) -> str:
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(_form_pattern(w) for w in ordered) or r"(?!x)x"


def _spellings(data: RoleData) -> list[tuple[str, bool]]:
    """Every title spelling of ``data`` as (spelling, whether an acronym), longest first."""
    spellings: list[tuple[str, bool]] = []
    for title in data.titles:
        spellings += [(form, False) for form in title.forms]
        spellings += [(acronym, True) for acronym in title.acronyms]
    # Longest spelling first: "président-directeur général" before "président".
    spellings.sort(key=lambda s: len(s[0]), reverse=True)
    return spellings


def _spelling_pattern(spelling: str, acronym: bool) -> str:
    """A spelling as a regex under IGNORECASE: acronyms keep their case ("CEO", not "ceo")."""
    return f"(?-i:{re.escape(spelling)})" if acronym else _form_pattern(spelling)


def _same_letter(a: str, b: str) -> bool:
    """Whether the letters ``a`` and ``b`` match each other under IGNORECASE (as ``re`` sees case)."""
    return re.fullmatch(re.escape(a), b, re.IGNORECASE) is not None


def _alternation(spellings: list[tuple[str, bool]]) -> tuple[str, str]:
    """The spellings as one alternation (to run under IGNORECASE) that matches what
    ``"|".join(spellings)`` matches, at the same places, with the same first choice.

    ``re`` tries every alternative of a plain alternation at each word start, and most fail only
    on their first letter. Here the spellings are grouped by first letter, keeping their order
    within a group (spellings of two groups can never both match at one place); a group opens
    with a case-sensitive character class, which ``re`` checks before entering the group: a
    superset of what its letter matches (its ASCII case variants and any non-ASCII character,
    written as a negated ASCII class: ``entity.ascii_or_beyond``),
    then a lookbehind that checks the letter under its own case rule.
    When a spelling opens with no letter, or letters do not group cleanly, the plain alternation.
    Also returns a character class every match opens with (the union of the groups' classes), or
    "" for the plain alternation.
    """
    plain = "|".join(_spelling_pattern(s, acronym) for s, acronym in spellings) or r"(?!x)x"
    if not spellings or not all(s[:1].isalpha() for s, _ in spellings):
        return plain, ""
    groups: dict[str, list[tuple[str, bool]]] = {}
    for spelling, acronym in spellings:
        groups.setdefault(spelling[0].lower(), []).append((spelling, acronym))
    letters = {key: {s[0] for s, _ in members} for key, members in groups.items()}
    for key, members in groups.items():
        # Within a group every first letter matches the group's own: one lookbehind checks them all.
        if not all(_same_letter(key, s[0]) for s, _ in members):
            return plain, ""
        # Across groups no letter matches another's: at one place at most one group can match.
        if any(_same_letter(a, b) for other in groups if other != key
               for a in letters[key] for b in letters[other]):
            return plain, ""
    parts: list[str] = []
    every: set[str] = set()
    for key, members in groups.items():
        folded = "".join(re.escape(s[0]) for s, acronym in members if not acronym)
        variants = set(re.findall(f"[{folded}]", _ASCII, re.IGNORECASE)) if folded else set()
        variants |= {s[0] for s, acronym in members if acronym and s[0].isascii()}
        every |= variants
        rests = _trie([_rest_units(s, acronym) for s, acronym in members])
        parts.append(rf"(?-i:{entity.ascii_or_beyond(variants)})(?<={re.escape(key)})(?:{rests})")
    return "|".join(parts), entity.ascii_or_beyond(every)


# One piece of a spelling's pattern: (kind, character, guard). Kinds: "folded" (a character under
# IGNORECASE), "exact" (a character of an acronym; the guard, when set, is the acronym's first
# letter, checked behind it case-sensitively), "apostrophe", "spaces" (white space between words)
# and "hyphen" (an optional separator).
_Unit = tuple[str, str, str]
_SEPARATOR = rf"[\s{_HYPHEN_CLASS}]"


def _rest_units(spelling: str, acronym: bool) -> list[_Unit]:
    """The units of ``spelling`` after its first letter, which ``_alternation`` has checked."""
    if acronym:
        # The first letter was checked under IGNORECASE: the guard checks it under the acronym's case.
        return [("exact", char, spelling[0] if i == 0 else "") for i, char in enumerate(spelling[1:])] or [
            ("guard", "", spelling[0])]
    units: list[_Unit] = []
    for char in spelling[1:]:
        if char.isspace():
            units.append(("spaces", "", ""))
        elif char in _HYPHENS:
            units.append(("hyphen", "", ""))
        elif char in _APOSTROPHES:
            units.append(("apostrophe", "", ""))
        else:
            units.append(("folded", char, ""))
    return units


def _unit_pattern(unit: _Unit) -> str:
    """The pattern of one unit, as ``_spelling_pattern`` writes it (under IGNORECASE)."""
    kind, char, guard = unit
    if kind == "folded":
        return re.escape(char)
    if kind == "exact":
        return f"(?-i:{re.escape(char)}(?<={re.escape(guard + char)}))" if guard else f"(?-i:{re.escape(char)})"
    if kind == "guard":
        return f"(?-i:(?<={re.escape(guard)}))"
    return {"apostrophe": f"[{_APOSTROPHES}]", "spaces": f"{_SEPARATOR}+", "hyphen": f"{_SEPARATOR}?"}[kind]


def _branch_pattern(unit: _Unit) -> str:
    """``_unit_pattern`` opening with a case-sensitive character or class, which ``re`` checks before
    entering an alternative (a "folded" character: its ASCII case variants and any non-ASCII character,
    then a lookbehind checks it under IGNORECASE)."""
    kind, char, _ = unit
    if kind != "folded":
        return _unit_pattern(unit)
    variants = entity.ascii_or_beyond(c for c in _ASCII if _same_letter(char, c))
    return rf"(?-i:{variants})(?<={re.escape(char)})"


def _char_matches(unit: _Unit, char: str) -> bool:
    """Whether the one-character ``unit`` ("folded", "exact", "apostrophe" or "spaces") can match ``char``."""
    kind, own, _ = unit
    if kind == "folded":
        return _same_letter(own, char) or _same_letter(char, own)
    if kind == "exact":
        return own == char
    return re.fullmatch(f"[{_APOSTROPHES}]" if kind == "apostrophe" else _SEPARATOR, char, re.IGNORECASE) is not None


def _exclusive(a: _Unit, b: _Unit) -> bool:
    """Whether no character can match both units (each matching exactly one character)."""
    one_char = ("folded", "exact", "apostrophe", "spaces")
    if a[0] not in one_char or b[0] not in one_char:
        return False
    if a[0] in ("folded", "exact") and b[0] in ("folded", "exact"):
        return not (_char_matches(a, b[1]) or _char_matches(b, a[1]))
    if a[0] in ("folded", "exact"):
        return not _char_matches(b, a[1])
    if b[0] in ("folded", "exact"):
        return not _char_matches(a, b[1])
    return a[0] != b[0]


def _trie(members: list[list[_Unit]]) -> str:
    """The ordered alternation of ``members`` (unit sequences) with common openings written once.

    ``re`` enters an alternative only when its opening character or class matches, so a plain
    alternation costs one entry per spelling that shares a letter with the text ("chief ...",
    "chairman", "chair"). Here the members are grouped by their first unit, each group written as
    one alternative, which matches the same text with the same first choice as long as:
    - groups whose first units can match one character keep the members' order: all the members
      of the earlier group come before any of the later one (groups that cannot both match at one
      place never compete, whatever their order);
    - a member that ends here comes last (the shortest: longest spelling first);
    - a run of separators ends where the next unit starts (no rest opens with a separator), so
      the run takes every separator there is, whichever rest follows.
    Where that does not hold, the members stay the plain ordered alternation.
    """
    return _trie_node(members)[0]


def _trie_node(members: list[list[_Unit]]) -> tuple[str, bool]:
    """``_trie`` of ``members``, and whether it is an alternation (to group before it follows a unit)."""
    plain = "|".join("".join(_unit_pattern(u) for u in units) for units in members), len(members) > 1
    ended = [i for i, units in enumerate(members) if not units]
    if ended == [0] and len(members) == 1:
        return "", False
    if ended and ended != [len(members) - 1]:
        return plain
    children: dict[_Unit, list[list[_Unit]]] = {}
    places: dict[_Unit, list[int]] = {}
    for i, units in enumerate(members):
        if units:
            children.setdefault(units[0], []).append(units[1:])
            places.setdefault(units[0], []).append(i)
    openings = list(children)  # in the order of their first members
    for i, a in enumerate(openings):
        if a[0] not in ("folded", "exact", "apostrophe", "spaces", "hyphen"):
            return plain
        if a[0] in ("spaces", "hyphen") and not all(
                rest and _exclusive(("spaces", "", ""), rest[0]) for rest in children[a]):
            return plain
        if any(places[a][-1] > places[b][0] for b in openings[i + 1:] if not _exclusive(a, b)):
            return plain
    if len(children) == 1 and not ended:
        # One way on: no alternative to choose, the plain pattern of the unit.
        unit, rests = next(iter(children.items()))
        rest, alternation = _trie_node(rests)
        return _unit_pattern(unit) + (f"(?:{rest})" if alternation else rest), False
    alternatives = []
    for unit, rests in children.items():
        rest, alternation = _trie_node(rests)
        alternatives.append(_branch_pattern(unit) + (f"(?:{rest})" if alternation else rest))
    return "|".join(alternatives + [""] * len(ended)), True


def _titles_pattern(spellings: list[tuple[str, bool]]) -> re.Pattern[str]:
    """The title regex, run over the text after one space (``_title_matches``): group "title".

    It opens with the character before the title, which no word character or hyphen may be (the
    space stands for the start of the text). ``re`` finds where such a pattern can match in one C
    loop over the characters outside its first class, instead of trying it at every position. That
    loop is fastest over a class that is one bitmap of ASCII characters: the ASCII ones that may come
    before a title and any non-ASCII one (which the lookbehind then checks), written as the negated
    class of the other ASCII characters (``entity.ascii_or_beyond``). A lookahead on the first letters of
    the spellings then rules out most places before the alternatives are tried.
    """
    boundary = rf"[\w{_HYPHEN_CLASS}]"
    before = entity.ascii_or_beyond(c for c in _ASCII if not re.fullmatch(boundary, c))
    alternation, opening = _alternation(spellings)
    gate = f"(?={opening})" if opening else ""
    return lazy_compile(rf"{before}(?<!{boundary}){gate}"
                      rf"(?P<title>(?i:(?:{alternation})(?!{boundary})))")


@dataclass(frozen=True)
class _Grammar:
    titles: re.Pattern[str]
    by_form: dict[str, str]
    by_acronym: dict[str, str]
    coordination: re.Pattern[str]
    determiner_before: re.Pattern[str]
    appointment_before: re.Pattern[str]
    linker_after: re.Pattern[str]
    org_head: re.Pattern[str]


@cache
def _grammar(language: str) -> _Grammar:
    try:
        data: RoleData = lang.load("role", language)
    except LanguageDataError:
        data = lang.load("role", _FALLBACK_LANGUAGE)
    by_form: dict[str, str] = {}
    by_acronym: dict[str, str] = {}
    for title in data.titles:
        for form in title.forms:
            by_form.setdefault(_form_key(form), title.id)
        for acronym in title.acronyms:
            by_acronym.setdefault(acronym, title.id)
    titles = _titles_pattern(_spellings(data))
    dets = _words_pattern(data.determiners)
    coords = _words_pattern(data.coordinators)
    coordination = lazy_compile(
        rf"\s*(?:,\s*(?:(?:{coords})\s+)?|\s(?:{coords})\s+)(?:(?:{dets})\s*)?", re.IGNORECASE)
    determiner_before = lazy_compile(rf"(?:^|(?<=[\s,(]))(?:{dets})(?:\s+|(?<=[{_APOSTROPHES}]))$",
                                   re.IGNORECASE)
    verbs = _words_pattern(data.appointment_verbs)
    aux = _words_pattern(data.auxiliaries)
    appointment_before = lazy_compile(
        rf"\s+(?:(?:{aux})\s+|(?:{aux})(?<=[{_APOSTROPHES}])){{0,4}}(?:{verbs})"
        rf"(?:\s+(?:as|comme|en\s+tant\s+que))?\s+$", re.IGNORECASE)
    links = _words_pattern(data.linkers)
    linker_after = lazy_compile(rf"\s+(?:{links})(?:\s+|(?<=[{_APOSTROPHES}]))", re.IGNORECASE)
    org_head = lazy_compile(rf"(?:{_words_pattern(data.org_heads)})\s+", re.IGNORECASE)
    return _Grammar(titles, by_form, by_acronym, coordination, determiner_before, appointment_before,
                    linker_after, org_head)


def title_matches(text: str, language: str) -> list[TitleMatch]:
    """Every title in ``text`` with its canonical id, left to right, not overlapping."""
    return list(_title_matches(text, language))


@lru_cache(maxsize=16)
def _title_matches(text: str, language: str) -> tuple[TitleMatch, ...]:
    grammar = _grammar(language)
    found: list[TitleMatch] = []
    # The pattern opens with the character before a title: one space before the text stands for its start.
    for match in grammar.titles.finditer(" " + text):
        surface = match.group("title")
        title_id = grammar.by_acronym.get(surface) or grammar.by_form.get(_form_key(surface))
        if title_id is not None:
            start, end = match.span("title")
            found.append(TitleMatch(start - 1, end - 1, title_id))
    return tuple(found)


@dataclass(frozen=True)
class _Party:
    start: int
    end: int
    text: str


def _person_like(name: entity.Name, single_ok: bool) -> bool:
    if name.org or name.acronym or name.quoted or len(name.tokens) > 4:
        return False
    return single_ok or len(name.tokens) >= 2


class _Context:
    """Names of one text indexed by where they start and end."""

    def __init__(self, text: str, names: list[entity.Name], language: str) -> None:
        self.text = text
        self.by_start = {n.start: n for n in names}
        self.by_end = {n.end: n for n in names}
        self.lexicon = entity.lexicon(language)

    def person_before_comma(self, name: entity.Name) -> bool:
        """A name before ", the CEO" is the CEO unless a preposition put it there ("In Westland, the CEO")."""
        if not _person_like(name, single_ok=True):
            return False
        if len(name.tokens) >= 2:
            return True
        window = max(0, name.start - 30)
        before = _WORD_BEFORE.search(self.text, window, name.start)
        if before is None or self.lexicon.saying_before.search(self.text, window, name.start):
            return True
        return before.group(1).casefold() not in self.lexicon.stop

    def organization_at(self, pos: int, grammar: _Grammar) -> _Party | None:
        """The organization phrase starting at ``pos``: "Acme", "Acme's Cloud BU", "groupe Acme"."""
        start = pos
        head = grammar.org_head.match(self.text, pos)
        if head and head.end() in self.by_start:
            pos = head.end()
        name = self.by_start.get(pos)
        if name is None:
            return None
        end = name.end
        # Possessive chains stay one organization phrase: "Acme's Cloud BU".
        while name.possessive:
            after = _POSSESSIVE_AFTER.match(self.text, name.end)
            if after is None or after.end() not in self.by_start:
                break
            name = self.by_start[after.end()]
            end = name.end
        return _Party(start, end, self.text[start:end])


def _chains(matches: list[TitleMatch], text: str, grammar: _Grammar) -> list[list[TitleMatch]]:
    """Group coordinated titles: "founder and CEO", "chairman, president and CEO"."""
    chains: list[list[TitleMatch]] = []
    for match in matches:
        if chains:
            last = chains[-1][-1]
            gap = grammar.coordination.fullmatch(text, last.end, match.start)
            if gap is not None:
                chains[-1].append(match)
                continue
        chains.append([match])
    return chains


def _left_side(ctx: _Context, grammar: _Grammar, start: int) -> tuple[_Party | None, _Party | None]:
    """Person and organization written before a title."""
    text = ctx.text
    pos = start
    had_determiner = False
    for _ in range(3):
        det = grammar.determiner_before.search(text, max(0, pos - 40), pos)
        if det is None:
            break
        pos = det.start()
        had_determiner = True
    # "Jane Doe, the CEO", "Xu, the rotating chairman"
    comma = _COMMA_BEFORE.search(text, max(0, pos - 10), pos)
    if comma is not None:
        name = ctx.by_end.get(comma.start())
        if name is not None and ctx.person_before_comma(name):
            return _Party(name.start, name.end, name.text), None
        return None, None
    # "Jane Doe was appointed as the CEO", "Jeanne Morel a été nommée PDG"
    verb = grammar.appointment_before.search(text, max(0, pos - 80), pos)
    if verb is not None:
        name = ctx.by_end.get(verb.start())
        if name is not None and _person_like(name, single_ok=True):
            return _Party(name.start, name.end, name.text), None
    # "Acme's CEO", "Acme CEO"
    possessive = _POSSESSIVE_BEFORE.search(text, max(0, pos - 4), pos)
    if possessive is not None:
        name = ctx.by_end.get(possessive.start())
        if name is not None and name.possessive:
            return None, _Party(name.start, name.end, name.text)
    if not had_determiner:
        space = _SPACE_BEFORE.search(text, max(0, pos - 1), pos)
        name = ctx.by_end.get(space.start()) if space else None
        if name is not None and not name.possessive:
            org = _Party(name.start, name.end, name.text)
            # "Jane Doe, Acme CEO, said"
            comma = _COMMA_BEFORE.search(text, max(0, name.start - 10), name.start)
            person = ctx.by_end.get(comma.start()) if comma else None
            if person is not None and _person_like(person, single_ok=False):
                return _Party(person.start, person.end, person.text), org
            return None, org
    return None, None


def _right_side(ctx: _Context, grammar: _Grammar, end: int,
                has_person: bool) -> tuple[_Party | None, _Party | None]:
    """Person and organization written after a title."""
    text = ctx.text
    link = grammar.linker_after.match(text, end)
    if link is not None:
        org = ctx.organization_at(link.end(), grammar)
        if org is None:
            return None, None
        if not has_person:
            # "the CEO of Acme, Jane Doe" / "CEO of Acme (Jane Doe)"
            comma = _COMMA.match(text, org.end)
            paren = _OPEN_PAREN.match(text, org.end)
            if comma is not None:
                name = ctx.by_start.get(comma.end())
                if name is not None and _person_like(name, single_ok=False):
                    return _Party(name.start, name.end, name.text), org
            elif paren is not None:
                name = ctx.by_start.get(paren.end())
                if (name is not None and _person_like(name, single_ok=False)
                        and text.startswith(")", name.end)):
                    # The closing parenthesis belongs to the span, not to the name.
                    return _Party(name.start, name.end + 1, name.text), org
        return None, org
    if not has_person:
        # "Acme CEO Jane Doe", "CEO, Jane Doe"
        gap = _COMMA_OR_SPACE.match(text, end)
        name = ctx.by_start.get(gap.end()) if gap else None
        if name is not None and _person_like(name, single_ok=False):
            return _Party(name.start, name.end, name.text), None
    return None, None


@lru_cache(maxsize=16)
def _find(text: str, language: str) -> tuple[Mention, ...]:
    matches = _title_matches(text, language)
    if not matches:
        return ()  # most texts name no title: no need to index their names
    grammar = _grammar(language)
    ctx = _Context(text, entity.scan(text, language), language)
    mentions: list[Mention] = []
    for chain in _chains(list(matches), text, grammar):
        person, org = _left_side(ctx, grammar, chain[0].start)
        right_person, right_org = _right_side(ctx, grammar, chain[-1].end, person is not None)
        # An organization after the linker ("CEO of Acme") wins over a name just before the title.
        org = right_org or org
        person = person or right_person
        for title in chain:
            bounds = [title.start, title.end]
            for party in (person, org):
                if party is not None:
                    bounds += [party.start, party.end]
            start, end = min(bounds), max(bounds)
            value = RoleValue(title=title.id, title_text=text[title.start:title.end],
                              person=person.text if person else None,
                              organization=org.text if org else None)
            mentions.append(Mention(type="role", start=start, end=end, text=text[start:end], value=value))
    return tuple(mentions)


def find(text: str, lang: str, ref_date: dt.date | None) -> list[Mention]:
    """Role mentions in ``text``: a title with the person and organization it ties, when written."""
    del ref_date  # titles do not depend on the date
    if not text:
        return []
    if entity.unmarked_names(lang):
        from checker.recognize.unmarked import find_roles

        return find_roles(text, lang)
    return list(_find(text, lang))
