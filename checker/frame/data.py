"""Frame language data: the words that name each fact, the words that scope a claim, and modality words.

Files: ``checker/lang/<lang>/facts.toml`` (the cues of every fact of the
catalogue, ``checker/catalogue.py``) and ``checker/lang/<lang>/frames.toml``
(scope cues, modality cues, reporting verbs, clause breaks ...). A *cue* is a
phrase matched on word boundaries, case-insensitively; a trailing ``*``
matches any word ending ("announc*" covers announce, announced, announcement).
"""

from __future__ import annotations

import re
from functools import cache, cached_property

from pydantic import BaseModel, ConfigDict, model_validator

from checker import catalogue
from checker import lang as lang_data
from checker.catalogue import Fact, ValueDimension
from checker.lang import DimensionData, script
from checker.recognize.lazy import lazy_compile
from checker.recognize.prefilter import OpeningTries, necessary, sequence_trie

# The slots of a claim's scope, in the order they are shown. "place", "source" and "variant" are
# read from names and attributions, the others from the scope cues below.
SLOTS = ("place", "group", "source", "instance", "period", "basis", "statistic", "variant", "party", "object",
         "as_of")
CUE_SLOTS = ("group", "instance", "period", "basis", "statistic", "variant", "party", "modality")


class FrameExample(BaseModel):
    """A sentence, the value in it, and what the frame must make of that value.

    ``scope`` lists slots the claim must have (``{basis = "per-day"}``); ``absent`` lists slots it must not.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    sentence: str
    value: str
    fact: str
    scope: dict[str, str] = {}
    absent: tuple[str, ...] = ()
    modality: str | None = None
    subject: str | None = None


class FactCues(BaseModel):
    """The words that name one fact of the catalogue in this language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    cues: tuple[str, ...]
    # Words that name the fact only when no other fact's word in the clause fits the value: "holds" is a
    # stake unless the clause says "of the market"; "rose" a growth unless it says "shares".
    weak: tuple[str, ...] = ()
    # The cue names the value only when it comes first ("said on Monday", not "in June, he said").
    before_only: bool = False
    # The cue names the value only when it comes after it ("该公司周一表示", not "表示，从30日起...").
    after_only: bool = False
    examples: tuple[FrameExample, ...] = ()


@lang_data.dimension("facts")
class FactsData(DimensionData):
    """The fact cues of one language."""

    facts: tuple[FactCues, ...]

    @model_validator(mode="after")
    def _known(self) -> FactsData:
        known = set(catalogue.fact_ids())
        unknown = sorted({f.id for f in self.facts} - known)
        if unknown:
            raise ValueError(f"facts not in the catalogue (checker/lang/facts.toml): {unknown}")
        wrong = sorted({ex.fact for f in self.facts for ex in f.examples if not ex.fact.startswith("open:")}
                       - known - {"unspecified"})
        if wrong:
            raise ValueError(f"examples name facts not in the catalogue: {wrong}")
        return self


class ScopeCue(BaseModel):
    """Words that put a claim in a scope slot ("daily" -> basis per-day, "on-site" -> group on-site)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    slot: str
    value: str
    cues: tuple[str, ...]
    # Names what owns the value ("the first model of X"): X is the claim's subject.
    owner: bool = False
    # Only for these value types (all when empty).
    value_types: tuple[str, ...] = ()
    # Attaches only within this many characters of the value (not through the fact's cue).
    reach: int | None = None
    # Must stand before the value ("from $2 billion", "aims for 200").
    precedes: bool = False
    # Words after which a cue is no such scope ("priced from $20,000" is a starting price, not a previous one).
    not_after: tuple[str, ...] = ()
    examples: tuple[FrameExample, ...] = ()

    @model_validator(mode="after")
    def _known_slot(self) -> ScopeCue:
        if self.slot not in CUE_SLOTS:
            raise ValueError(f"unknown scope slot {self.slot!r} (one of {', '.join(CUE_SLOTS)})")
        if self.slot != "modality" and catalogue.scope_value(self.slot, self.value) is None:
            raise ValueError(f"scope value {self.slot}={self.value!r} is not in checker/lang/scopes.toml")
        return self


class PlaceWord(BaseModel):
    """The words for a common place of the catalogue (``checker/lang/places.toml``): "the Moon", "la Terre".

    Words are matched as written (case matters: "Mars" the planet, "mars" the month).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    words: tuple[str, ...]

    @model_validator(mode="after")
    def _known(self) -> PlaceWord:
        if catalogue.place(self.id) is None:
            raise ValueError(f"place {self.id!r} is not in checker/lang/places.toml")
        return self


class ModalityCue(BaseModel):
    """Words that mark a claim as planned, expected or reported rather than asserted."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    modality: str
    cues: tuple[str, ...]


@lang_data.dimension("frames")
class FrameData(DimensionData):
    """The frame facts of one language, apart from the fact cues."""

    scope: tuple[ScopeCue, ...] = ()
    modalities: tuple[ModalityCue, ...] = ()
    as_of: tuple[str, ...] = ()
    reporting: tuple[str, ...] = ()
    clause_breaks: tuple[str, ...] = ()
    # A second verb joined without a comma opens a clause of its own: "employs 3,400 people and had
    # revenue of $1 billion last year" (the year is the revenue's, not the workforce's).
    verb_joins: tuple[str, ...] = ()
    # Words that open a clause between commas ("X, which employs 3,400 people, reported ..."): the next
    # comma closes it.
    enclosed_clauses: tuple[str, ...] = ()
    # Whether a comma alone ends a clause (Chinese strings clauses with commas), or only before a clause break word.
    comma_ends_clause: bool = False
    pronouns: tuple[str, ...] = ()
    # Words that, between a fact's noun and its value, say the value is that fact's ("attendance *averages* 29,000").
    links: tuple[str, ...] = ()
    # Name-like words that are adjectives ("Lyon-based"): never a subject.
    adjective_suffixes: tuple[str, ...] = ()
    # "according to X" / "selon X": who counted; two counters are two claims, not a contradiction.
    attribution: tuple[str, ...] = ()
    # Phrases that open like an attribution but name no one who counted ("据悉": it is learned that).
    not_attribution: tuple[str, ...] = ()
    attribution_examples: tuple[FrameExample, ...] = ()
    place_prepositions: tuple[str, ...] = ()
    # "in X alone", "dans la seule X": a part of a whole, not the whole.
    part_markers: tuple[str, ...] = ()
    # "an investment of $2 billion by X": a name right after the value and one of these is who acts.
    agent_prepositions: tuple[str, ...] = ()
    # "a WLTP range", "deux moteurs X": words (indefinite articles, numbers) after which a name names a kind of thing.
    kind_articles: tuple[str, ...] = ()
    # "a battery supplied by X": the preposition of a passive agent, who acts in its own phrase.
    passive_agents: tuple[str, ...] = ()
    object_skip: tuple[str, ...] = ()
    # Prepositions that make a duration the period a figure covers ("in 24 hours", "en huit heures").
    period_prepositions: tuple[str, ...] = ()
    # Words after a duration and its unit that make it the period a figure covers ("24小时内": within 24 hours).
    period_postpositions: tuple[str, ...] = ()
    # Words that make a following date the start of a running count ("since", "depuis").
    since: tuple[str, ...] = ()
    # Words that name a product's variant ("the Pro version", "la version Max") and variants that are the base one.
    variant_nouns: tuple[str, ...] = ()
    base_variants: tuple[str, ...] = ()
    variant_words: tuple[str, ...] = ()
    # Words that join the items of a list ("和", "and"): variants listed one after the other name none of them.
    list_joiners: tuple[str, ...] = ()
    # Words that, before an event, make it an earlier one ("the previous quake").
    earlier_markers: tuple[str, ...] = ()
    # "the worst ... since the 1973 floods": after a superlative, these make the event an earlier one.
    superlatives: tuple[str, ...] = ()
    since_compared: tuple[str, ...] = ()
    # The words for the article's own day: a date of writing, not of an event.
    now: tuple[str, ...] = ()
    # Words between a count and the whole it is part of ("79 of the 230 seats", "79 sièges sur 230"): the
    # number after them is a total, another figure than the count.
    total_after: tuple[str, ...] = ()
    # "X, where ...": the relative words that refer back to a place.
    place_relatives: tuple[str, ...] = ()
    places: tuple[PlaceWord, ...] = ()
    # How much farther a fact's word after its value stands than one before it: English and French put the
    # verb first ("killed 92"), Chinese often after the count ("92人死亡").
    after_weight: float = 1.6
    examples: tuple[FrameExample, ...] = ()


def cue_pattern(cues: tuple[str, ...], lang: str = "en") -> re.Pattern[str]:
    """One regex matching any of ``cues`` as whole words of ``lang`` (``script.word_edges``).

    A space inside a cue matches the white space between words, or none where ``lang`` writes no spaces.
    """
    if script.spaced(lang):
        parts = []
        for cue in sorted(set(cues), key=lambda w: (-len(w), w)):
            prefix = cue.endswith("*")
            body = re.escape(cue.rstrip("*")).replace(r"\ ", r"\s+").replace("'", "['’]")
            parts.append(body + (r"\w*" if prefix else r"(?!\w)"))
        return lazy_compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)
    longest_first = sorted(set(cues), key=lambda w: (-len(w), w))
    return lazy_compile("(?:" + "|".join("".join(_cue_atoms(cue, lang)) for cue in longest_first) + ")", re.IGNORECASE)


def _cue_atoms(cue: str, lang: str = "en") -> list[str]:
    """A cue as the atoms of ``cue_pattern`` (one per character), for a prefix tree of many cues.

    In a spaced language the word boundary before the cue is left to the caller (it is the same for all).
    """
    gap = script.word_gap(lang)
    atoms = [gap if char == " " else "['’]" if char == "'" else re.escape(char) for char in cue.rstrip("*")]
    if script.spaced(lang):
        return atoms + [r"\w*" if cue.endswith("*") else r"(?!\w)"]
    before, after = script.word_edges(cue.rstrip("*"), lang)
    return ([before] if before else []) + atoms + ([script.word_tail(lang)] if cue.endswith("*")
                                                   else [after] if after else [])


def any_cue_pattern(cues: list[str], lang: str = "en") -> re.Pattern[str]:
    """Where any of ``cues`` matches whole, as ``cue_pattern`` reads them: one scan for many patterns.

    A speed aid: the frames try a cue's own pattern only where some cue matches (see ``Scan``).
    """
    opening = r"(?<!\w)" if script.spaced(lang) else ""
    return lazy_compile(opening + "(?=" + sequence_trie(_cue_sequences(cues, lang)) + ")", re.IGNORECASE)


def any_cue_openings(cues: list[str], lang: str = "en") -> OpeningTries:
    """``any_cue_pattern(cues, lang).match``, asked per position: split by the cues' first letters, so that only
    the cues that open with a text's letters are compiled (a speed aid, see ``Scan``)."""
    opening = r"(?<!\w)" if script.spaced(lang) else ""
    return OpeningTries(_cue_sequences(cues, lang), opening, re.IGNORECASE)


def _cue_sequences(cues: list[str], lang: str) -> list[list[str]]:
    return [_cue_atoms(c.lower(), lang) for c in set(cues)]


def _not_at(words: tuple[str, ...], cues: tuple[str, ...], lang: str) -> str:
    """A look-ahead that fails where a cue opens one of ``words``, or, where words are not spaced, stands
    inside one ("据" in "数据", data): the words that hold a cue without being it."""
    if not words:
        return ""
    if script.spaced(lang):
        return "(?!" + cue_pattern(words, lang).pattern + ")"
    alternatives = set()
    for word in words:
        for cue in cues:
            at = word.lower().find(cue.lower())
            while at >= 0:
                alternatives.add((f"(?<={re.escape(word[:at])})" if at else "") + re.escape(word[at:]))
                at = word.lower().find(cue.lower(), at + 1)
    return "(?!" + "|".join(sorted(alternatives, key=lambda w: (-len(w), w))) + ")" if alternatives else ""


class CompiledFrames:
    """A language's frame data with its cue regexes compiled once."""

    def __init__(self, data: FrameData, facts: FactsData, language: str) -> None:
        self.data = data
        self.language = language
        self.facts_data = facts
        self.spaced = script.spaced(language)
        # How much farther a cue after its value stands than one before it: word order is a language fact.
        self.after_weight = data.after_weight

        def cues_of(words: tuple[str, ...]) -> re.Pattern[str]:
            return cue_pattern(words, language)

        # Between two words: white space, or none where the language writes none.
        gap = script.word_gap(language)
        self.facts = [(f, cues_of(f.cues)) for f in facts.facts if f.cues]
        self.weak_facts = [(f, cues_of(f.weak)) for f in facts.facts if f.weak]
        # Where any fact, weak or scope cue matches whole: the only places those patterns are tried.
        self._every_cue = [c for f in facts.facts for c in (*f.cues, *f.weak)] + [c for q in data.scope for c in q.cues]
        # The same test at one position, compiled only for the letters the positions asked about open with.
        self.any_cue_at = any_cue_openings(self._every_cue, language)
        self.scope = [(q, cues_of(q.cues)) for q in data.scope]
        self.not_after = {id(q): lazy_compile("(?:" + cues_of(q.not_after).pattern + r")\s*$", re.IGNORECASE)
                          for q in data.scope if q.not_after}
        self.modalities = [(m.modality, cues_of(m.cues)) for m in data.modalities]
        self.as_of = cues_of(data.as_of) if data.as_of else None
        self.reporting = cues_of(data.reporting) if data.reporting else None
        self.before_only = {f.id for f in facts.facts if f.before_only}
        self.after_only = {f.id for f in facts.facts if f.after_only}
        self.adjective_suffixes = tuple(s.lower() for s in data.adjective_suffixes)
        # "X said on Monday that it will ...": a pronoun within a few words of the reporting verb.
        # Where words are not spaced, the pronoun follows the verb, maybe after a pause ("X表示，公司将").
        within = r"(?:\s+[\w'’]+){0,3}?\s+(?:that\s+|que\s+|qu['’]\s*)?" if self.spaced else r"[\s,:]*"
        self.pronoun_after = lazy_compile(within + cues_of(data.pronouns).pattern
                                        if data.pronouns else r"(?!)", re.IGNORECASE)
        self.place_before = lazy_compile("(?:" + cues_of(data.place_prepositions).pattern + rf"){gap}$"
                                       if data.place_prepositions else r"(?!)", re.IGNORECASE)
        # A place preposition, then a few lower-case words ("dans la seule région de", "in the eastern"); where
        # words are not spaced, the name follows the preposition.
        lower_words = r"(?:[^\W\d_A-ZÀ-Þ][\w'’-]*\s+|[ldLD]['’]\s*){0,4}" if self.spaced else ""
        self.place_phrase = lazy_compile("(?i:" + cues_of(data.place_prepositions).pattern
                                       + rf"){gap}{lower_words}$"
                                       if data.place_prepositions else r"(?!)")
        self.part_marker = cues_of(data.part_markers) if data.part_markers else lazy_compile(r"(?!)")
        # "45%-owned by X": a participle glued to the value may stand between it and the preposition.
        self.agent_before = lazy_compile(r"(?:-[^\W\d_]+)?\s*(?:" + cues_of(data.agent_prepositions).pattern
                                       + rf"){gap}(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?"
                                       if data.agent_prepositions else r"(?!)", re.IGNORECASE)
        noun = r"(?:[^\W\d_A-ZÀ-Þ][\w'’-]*\s+)?" if self.spaced else ""
        self.kind_before = lazy_compile(r"(?:^|[\s'’])(?:" + cues_of(data.kind_articles).pattern
                                      + rf"){gap}{noun}$" if data.kind_articles else r"(?!)")
        self.agent_before_name = lazy_compile("(?:" + cues_of(data.passive_agents).pattern + rf"){gap}$"
                                            if data.passive_agents else r"(?!)", re.IGNORECASE)
        # Between a fact's noun and its value: only link words ("attendance averages", "la capacité est de").
        link_words = cues_of(data.links).pattern if data.links else r"(?!)"
        self.only_links = lazy_compile(r"(?:\s|[,:]|(?:" + link_words + r"))*", re.IGNORECASE)
        self.object_skip = frozenset(w.lower() for w in data.object_skip)
        # Opening with the cue pattern itself, so that the word gate of the frames knows its opening words.
        # Who counted: up to four words before a pause ("according to the police,"), or a name ("analysts at X").
        # Where words are not spaced, the counter runs to the pause, a reporting verb ("据警方称，") left out.
        name_word = r"(?-i:[A-ZÀ-Þ][\w'’&.-]*)"
        if self.spaced:
            # "analysts at Ostrem and Pryde": two names joined by "and" are one counter, both of them.
            names = rf"{name_word}(?:\s+{name_word})*"
            counter = (rf"\s+({names}\s+(?:and|et|&)\s+{names}(?![\w'’-])"
                       # a word may hold the dots of an abbreviation ("the U.S. Geological Survey"), and
                       # end with one after a single letter, never after a longer word ("the police.")
                       + r"|(?:[\w'’-]+(?:\.[\w'’-]+)*(?:(?<![^\W_]{2})\.)?\s*){1,4}?"
                       + r"(?=[,.;:)]|\s+(?:and|et|but|mais)\b|$)"
                       + rf"|{name_word}(?:\s+(?:{name_word}|and|&|de|du|of)){{0,4}})")
        else:
            said = cues_of(data.reporting).pattern if data.reporting else r"(?!)"
            counter = rf"\s*(\w[\w'’ -]{{0,23}}?)(?:{said})?(?=[,.;:)]|$)"
        generic = _not_at(data.not_attribution, data.attribution, language)
        self.attribution = (lazy_compile(generic + cues_of(data.attribution).pattern + counter, re.IGNORECASE)
                            if data.attribution else None)
        openers = cues_of(data.clause_breaks).pattern if data.clause_breaks else r"(?!)"
        joined = (r"|\s(?=(?:" + cues_of(data.verb_joins).pattern + r")(?![\w'’-]))") if data.verb_joins else ""
        self.enclosed = (lazy_compile(r",\s*(?:" + cues_of(data.enclosed_clauses).pattern + r")(?![\w'’-])[^,;:]*(,)",
                                    re.IGNORECASE) if data.enclosed_clauses else None)
        self.clause_break = (lazy_compile(r"[;:,]") if data.comma_ends_clause
                             else lazy_compile(r"[;:]|,\s*(?=" + openers + ")" + joined, re.IGNORECASE))
        self.period_before = lazy_compile("(?:" + cues_of(data.period_prepositions).pattern + r")\s*$"
                                        if data.period_prepositions else r"(?!)", re.IGNORECASE)
        # After the duration's unit ("24个小时内"): a few letters, then the postposition.
        self.period_after = lazy_compile(r"\s*[^\W\d_]{0,4}?(?:" + cues_of(data.period_postpositions).pattern + ")"
                                       if data.period_postpositions else r"(?!)", re.IGNORECASE)
        self.since_before = lazy_compile("(?:" + cues_of(data.since).pattern + r")\s*$"
                                       if data.since else r"(?!)", re.IGNORECASE)
        self.earlier = cues_of(data.earlier_markers) if data.earlier_markers else None
        # "79 [seats] of the": a number, at most one word, then the words of a whole, right before a value.
        self.total_before = (lazy_compile(r"\d[\d.,\s]*\s*(?:[^\W\d_][\w'’-]*\s+)?(?:"
                                        + cues_of(data.total_after).pattern + r")\s*$", re.IGNORECASE)
                             if data.total_after and self.spaced else None)
        self.superlative = cues_of(data.superlatives) if data.superlatives else None
        # "since the 1973 floods": up to two words between the word and the event.
        two_words = r"(?:\w+\s+){0,2}" if self.spaced else r"\w{0,4}"
        self.since_compared = (lazy_compile("(?:" + cues_of(data.since_compared).pattern + rf"){gap}{two_words}$",
                                          re.IGNORECASE) if data.since_compared else None)
        words = cues_of(data.variant_words).pattern if data.variant_words else r"(?!)"
        nouns = cues_of(data.variant_nouns).pattern if data.variant_nouns else r"(?!)"
        base = cues_of(data.base_variants).pattern if data.base_variants else r"(?!)"
        # "the Pro version", "la version Max", "the Arvo S Ultra", "the entry-level version": a named variant.
        # Where words are not spaced, a variant's name is a word of another script ("A1 Pro版").
        if self.spaced:
            name, name_end = r"[A-Z][\w+-]*", r"(?![\w])"
        else:
            letter = script.word_char(language)
            name, name_end = rf"[A-Z](?:{letter}|[+-])*", rf"(?!{letter})"
        self.variant = lazy_compile(
            rf"(?P<base>{base})|(?:{nouns}){gap}(?P<after>{name}){name_end}|(?P<before>{name}){gap}(?:{nouns})"
            rf"|(?<=[\w\d]){gap}(?P<word>{words})",
            re.UNICODE)
        # Words one of which every variant match holds: a sentence without any needs no variant scan.
        self.variant_gates = necessary(self.variant)
        self.variant_words = frozenset(w.casefold() for w in data.variant_words)
        # The comma of a list is "," in every script once punctuation is folded.
        self.list_joiner = (lazy_compile(",|" + cues_of(data.list_joiners).pattern, re.IGNORECASE) if data.list_joiners
                            else lazy_compile(r"(?!)"))
        self.now_word = lazy_compile("(?:" + cues_of(data.now).pattern + ")" if data.now else r"(?!)", re.IGNORECASE)
        words_of = {word: place.id for place in data.places for word in place.words}
        self.place_words = words_of
        longest_first = sorted(words_of, key=len, reverse=True)
        if not words_of:
            self.place_word = None
        elif self.spaced:
            self.place_word = lazy_compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in longest_first) + r")(?!\w)")
        else:
            edges = [script.word_edges(w, language) for w in longest_first]
            self.place_word = lazy_compile("(?:" + "|".join(before + re.escape(w) + after for w, (before, after)
                                                          in zip(longest_first, edges, strict=True)) + ")")
        # "X, where ...": the relative word, then a space where the language writes one.
        space_after = r"\s" if self.spaced else ""
        self.place_relative = (lazy_compile(r"\s*(?:" + cues_of(data.place_relatives).pattern + ")" + space_after,
                                          re.IGNORECASE) if data.place_relatives else None)
        self.base_variants = frozenset(w.casefold() for w in data.base_variants)

    @cached_property
    def any_cue(self) -> re.Pattern[str]:
        """Where any fact, weak or scope cue matches whole (``any_cue_pattern``); built when first asked: where
        words are spaced the frames ask ``any_cue_at`` instead."""
        return any_cue_pattern(self._every_cue, self.language)

    def fits(self, fact_id: str, dimension: ValueDimension | None) -> bool:
        """Whether a value of ``dimension`` may be a value of the fact ``fact_id``."""
        known = catalogue.fact(fact_id)
        return known is not None and catalogue.fits(known, dimension)

    def fact(self, fact_id: str) -> Fact | None:
        """The catalogue entry of ``fact_id``."""
        return catalogue.fact(fact_id)


@cache
def frames(lang: str) -> CompiledFrames:
    """Compiled frame data for ``lang`` (English when the language has none)."""
    available = lang_data.available("frames")
    chosen = lang if lang in available else "en"
    return CompiledFrames(lang_data.load("frames", chosen), lang_data.load("facts", chosen), chosen)
