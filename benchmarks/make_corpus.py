"""Generate an invented news corpus with injected contradictions and traps, plus its gold file.

    python benchmarks/make_corpus.py N --seed S --out DIR [--conflict-rate R] [--inner-rate R]

Articles are grouped into stories (3-8 articles about one fictional company).
Each story has a set of true facts (founding date, first product launch,
investment, team size, yearly capacity, a partner's stake, a price, the chief
executive); every article states a few of them in varied wordings, precisions
and number formats, among distractor sentences with unrelated figures. Some
stories get one article that states a fact with a wrong value (a cross-document
contradiction), some articles contradict themselves (lead versus body), and
traps are planted: look-alike facts that are different facts (a second model's
launch, a rival's founding year, a capital increase next to an investment, a
partner's workforce, a copyright footer, a visit date).

``DIR/gold.toml`` follows the format of ``shared/gold/seeds.toml``: items with
``expect`` (conflict, agreement, no-conflict, either) and two sides quoted
exactly from the files. Output is deterministic for a given seed.

Everything here is invented: names are built from syllables, numbers are drawn
at random. The wording pools are written as wire copy is, not after the
extractor's rules.

Fixed generator defects (each changes the corpus of a given seed):

- Name stems (of the company, its partner and its rival) are unique in a
  corpus and never one letter apart. They used to be drawn with replacement
  from 560 stems, so different stories shared a company's name ("Zaris
  Motors" in one story, "Zaris Motors" or "Zaris Industries" in another):
  as far as the texts say, one company, while the gold called their facts
  unrelated.
- A plain-text article says "next year" only when its dateline gives the
  year ("PARIS, March 3, 2026 (Agency) -", now half of the datelines): with a
  year-less dateline and no metadata nobody can tell which year "next year"
  is, yet the gold expected it to agree with "in 2027".
- A team statement states the project team: "X now employs 760 engineers
  at its campus" (FR "emploie désormais ... sur son campus") was a team
  statement in the gold, yet it gives the campus headcount, which a project
  team of 190 does not contradict; it is now "X now has 760 engineers
  working on the project at its campus" ("compte désormais ... affectés au
  projet").
- People's names are unique in a corpus too, and never one letter apart
  (accents aside): with 3,640 possible names, two stories of 1,000 articles
  often shared a chief executive, whose site visits then met as one
  person's; at 10,000, "Anna Ravetti" and "Anna Bravetti" did the same.
- Two wrong statements of one fact in a story (the cross-document one and an
  article's inner one) are an "either" item: they contradict each other (or
  agree by chance), and a finding between them is no false conflict.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------- vocabulary

_SYL_A = ["Vor", "Tal", "Mer", "Quen", "Ost", "Bri", "Lum", "Zar", "Kel", "Dra", "Nov", "Pel", "Sar", "Ith",
          "Cor", "Fen", "Hal", "Jor", "Mav", "Rin", "Sol", "Tre", "Ulm", "Wex", "Yal", "Bel", "Cal", "Dor"]
_SYL_B = ["ane", "ix", "ora", "eth", "ion", "ault", "ivo", "ex", "en", "ara", "is", "ent", "oro", "yn",
          "alis", "ova", "un", "ik", "elle", "and"]
# Middle syllables (none, one or two): with them the stem space is large enough for the 5,000-odd
# names of 10,000 articles to be drawn without replacement, none a single letter away from another.
_SYL_M = [v + c for v in "aeiou" for c in "bdlmnrstv"]
_SUFFIX = ["Motors", "Systems", "Energy", "Robotics", "Aero", "Foods", "Pharma", "Mobility", "Telecom",
           "Batteries", "Devices", "Technologies", "Industries", "Marine"]
_PRODUCT = {  # suffix -> (English noun, French noun, capacity unit en, capacity unit fr)
    "Motors": ("car", "voiture", "vehicles", "véhicules"),
    "Mobility": ("vehicle", "véhicule", "vehicles", "véhicules"),
    "Systems": ("system", "système", "units", "unités"),
    "Energy": ("turbine", "turbine", "turbines", "turbines"),
    "Robotics": ("robot", "robot", "robots", "robots"),
    "Aero": ("aircraft", "appareil", "aircraft", "appareils"),
    "Foods": ("product", "produit", "tonnes", "tonnes"),
    "Pharma": ("drug", "médicament", "doses", "doses"),
    "Telecom": ("handset", "terminal", "handsets", "terminaux"),
    "Batteries": ("battery pack", "pack de batteries", "packs", "packs"),
    "Devices": ("device", "appareil", "devices", "appareils"),
    "Technologies": ("model", "modèle", "units", "unités"),
    "Industries": ("model", "modèle", "units", "unités"),
    "Marine": ("vessel", "navire", "vessels", "navires"),
}
_FEMININE_FR = frozenset({"voiture", "turbine"})
_FIRST_EN = ["Anna", "Marcus", "Leila", "Tomas", "Ingrid", "Rafael", "Noor", "Dmitri", "Claire", "Osman",
             "Hana", "Viktor", "Elena", "Pavel", "Sofia", "Kenji", "Amara", "Lucas", "Mirela", "Jonas"]
_FIRST_FR = ["Camille", "Julien", "Margaux", "Étienne", "Léa", "Mathis", "Inès", "Baptiste", "Chloé",
             "Aurélien", "Maëlle", "Théo", "Solène", "Grégoire", "Anaïs", "Rémi"]
_LAST_A = ["Var", "Kest", "Lind", "Mor", "Brav", "Hol", "Tes", "Quar", "Dun", "Rav", "Sel", "Orl", "Fars", "Gil"]
_LAST_B = ["enko", "ström", "ard", "elli", "ova", "ier", "sen", "ano", "etti", "ows", "ière", "aux", "berg"]
_CITY = ["Valbrune", "Port Ellis", "Norhaven", "Castelmoor", "Tervik", "Ardmere", "Lysenne", "Ostrava Nova",
         "Brightwell", "Saint-Orcel", "Kalvik", "Montferrand-sur-Lis", "Dunharrow", "Essling", "Marrowgate"]
_OUTLET_EN = ["Meridian Wire", "The Harbour Ledger", "Northgate Business Daily", "Capital Dispatch", "Signal Post"]
_OUTLET_FR = ["Agence Nord", "Le Courrier économique", "La Dépêche industrielle", "Journal de l'Estuaire"]
_BANK = ["Halvorsen Securities", "Brookmere Capital", "Ostend and Pryce", "Kepler Row Research"]
_CURRENCIES = ["EUR", "USD", "GBP", "CNY"]

_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
_MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
_MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
_QUARTERS_EN = ["first", "second", "third", "fourth"]
_QUARTERS_FR = ["premier", "deuxième", "troisième", "quatrième"]
_FR_SPACES = [" ", "\u00a0", "\u202f"]


# ---------------------------------------------------------------- records

@dataclass
class Statement:
    """One sentence of one article stating one fact (true, wrong or a trap)."""

    fact: str
    sentence: str
    article: str
    wrong: bool = False


@dataclass
class GoldItem:
    """One gold comparison: two quoted sides and the verdict a careful editor expects."""

    id: str
    expect: str
    why: str
    a: tuple[str, str]
    b: tuple[str, str]


@dataclass
class Article:
    """A generated file: its name, its full text, language and format."""

    name: str
    text: str
    lang: str
    fmt: str


@dataclass
class Corpus:
    """Articles and gold items of one generated corpus, with counts of what was injected."""

    articles: list[Article] = field(default_factory=list)
    gold: list[GoldItem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, key: str) -> None:
        """Add one to the tally of ``key``."""
        self.counts[key] = self.counts.get(key, 0) + 1


@dataclass
class Story:
    """The true facts of one story."""

    company: str
    product_en: str
    product_fr: str
    unit_en: str
    unit_fr: str
    city: str
    ceo: str
    partner: str
    rival: str
    founded: dt.date
    launch: tuple[int, int]
    investment: float
    currency: str
    team: int
    team_noun: tuple[str, str]
    capacity: int
    stake: int
    price: int
    base_date: dt.date
    # Names already given in the corpus, shared by every story (a wrong chief executive must be new too).
    people: set[str] = field(default_factory=set, repr=False)


# ---------------------------------------------------------------- number and date formats

def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1:] for i in range(len(word))]


def _name(rng: random.Random, used: set[str]) -> str:
    """A stem no other name of the corpus has, nor one a single letter away from it.

    ``used`` holds the stems drawn so far and all their one-letter deletions: a stem is within one
    edit (insertion, deletion, substitution) of a drawn one exactly when it or one of its own
    deletions is in that set. Two invented companies named alike would be, as far as the texts
    say, one company (or a typo of it), which the gold would wrongly call two.
    """
    for _ in range(10_000):
        middle = "".join(rng.choice(_SYL_M) for _ in range(rng.choice([0, 1, 1, 2])))
        stem = rng.choice(_SYL_A) + middle + rng.choice(_SYL_B)
        key = stem.lower()
        if key not in used and not any(d in used for d in _deletions(key)):
            used.add(key)
            used.update(_deletions(key))
            return stem
    raise RuntimeError("name space exhausted: add syllables")


def _person(rng: random.Random, lang: str, used: set[str]) -> str:
    """A person's name no other person of the corpus has, nor one a letter away (accents aside).

    Two stories must not share a chief executive, and "Anna Ravetti" / "Anna Bravetti" would read as
    one person's name with a typo.
    """
    for _ in range(10_000):
        first = rng.choice(_FIRST_FR if lang == "fr" and rng.random() < 0.7 else _FIRST_EN)
        middle = rng.choice(_SYL_M) if rng.random() < 0.5 else ""
        name = f"{first} {rng.choice(_LAST_A)}{middle}{rng.choice(_LAST_B)}"
        key = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
        if key not in used and not any(d in used for d in _deletions(key)):
            used.add(key)
            used.update(_deletions(key))
            return name
    raise RuntimeError("person names exhausted: add syllables")


def _int_en(rng: random.Random, n: int) -> str:
    return f"{n:,}" if n >= 1000 else str(n)


def _int_fr(rng: random.Random, n: int) -> str:
    if n < 1000:
        return str(n)
    return f"{n:,}".replace(",", rng.choice(_FR_SPACES))


def _decimal(x: float, lang: str) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def _money(rng: random.Random, amount: float, currency: str, lang: str) -> str:
    """An amount with a scale word or in full, in one of the currency styles of wire copy."""
    if amount >= 1e9:
        scaled, word_en, word_fr = amount / 1e9, "billion", "milliard"
    else:
        scaled, word_en, word_fr = amount / 1e6, "million", "million"
    num = _decimal(scaled, lang)
    if lang == "en":
        symbol = {"EUR": "€", "USD": "$", "GBP": "£", "CNY": ""}[currency]
        name = {"EUR": "euros", "USD": "dollars", "GBP": "pounds", "CNY": "yuan"}[currency]
        short = "bn" if word_en == "billion" else "m"
        styles = [f"{num} {word_en} {name}", f"{currency} {num} {word_en}"]
        if symbol:
            styles += [f"{symbol}{num} {word_en}", f"{symbol}{num}{short}"]
        if amount < 1e9:
            styles.append(f"{_int_en(rng, int(amount))} {name}")
        return rng.choice(styles)
    name = {"EUR": "euros", "USD": "dollars", "GBP": "livres sterling", "CNY": "yuans"}[currency]
    plural = word_fr + ("s" if scaled >= 2 else "")
    styles = [f"{num} {plural} d'{name}" if name[0] in "e" else f"{num} {plural} de {name}"]
    if currency == "EUR":
        styles.append(f"{num} {plural} d’euros")
    if amount < 1e9:
        styles.append(f"{_int_fr(rng, int(amount))} {name}")
    return rng.choice(styles)


def _price(rng: random.Random, amount: int, currency: str, lang: str) -> str:
    if lang == "en":
        symbol = {"EUR": "€", "USD": "$", "GBP": "£", "CNY": ""}[currency]
        name = {"EUR": "euros", "USD": "dollars", "GBP": "pounds", "CNY": "yuan"}[currency]
        options = [f"{_int_en(rng, amount)} {name}"]
        if symbol:
            options.append(f"{symbol}{_int_en(rng, amount)}")
        return rng.choice(options)
    name = {"EUR": "euros", "USD": "dollars", "GBP": "livres", "CNY": "yuans"}[currency]
    return rng.choice([f"{_int_fr(rng, amount)} {name}", f"{_int_fr(rng, amount)} {name} TTC"])


def _day(rng: random.Random, d: dt.date, lang: str) -> str:
    if lang == "en":
        month, short = _MONTHS_EN[d.month - 1], _MONTHS_AP[d.month - 1]
        return rng.choice([f"{month} {d.day}, {d.year}", f"{d.day} {month} {d.year}", f"{short} {d.day}, {d.year}"])
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {_MONTHS_FR[d.month - 1]} {d.year}"


def _when(rng: random.Random, lang: str, precision: str, year: int, month: int = 1, day: int = 1,
          ref: dt.date | None = None) -> str:
    """A time phrase with its preposition ("in June 2027", "le 3 mars 2014", "next year")."""
    if precision == "day":
        d = dt.date(year, month, day)
        return ("on " if lang == "en" else "le ") + _day(rng, d, lang)
    if precision == "month":
        if lang == "en":
            return "in " + rng.choice([f"{_MONTHS_EN[month - 1]} {year}", f"{_MONTHS_EN[month - 1]} of {year}"])
        return "en " + f"{_MONTHS_FR[month - 1]} {year}"
    if precision == "quarter":
        q = (month - 1) // 3
        if lang == "en":
            return rng.choice([f"in the {_QUARTERS_EN[q]} quarter of {year}", f"in Q{q + 1} {year}"])
        return f"au {_QUARTERS_FR[q]} trimestre {year}"
    if precision == "relative-year":
        return rng.choice(["next year", "some time next year"]) if lang == "en" else rng.choice(
            ["l'année prochaine", "l'an prochain"])
    if precision == "relative-month":
        return (f"in {_MONTHS_EN[month - 1]} next year" if lang == "en"
                else f"en {_MONTHS_FR[month - 1]} de l'année prochaine")
    return ("in " if lang == "en" else "en ") + str(year)


def _first_fr(noun: str) -> str:
    """"premier X" or "première X", as French gender wants."""
    return ("première " if noun in _FEMININE_FR else "premier ") + noun


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- fact sentences

Render = Callable[[random.Random, Story, str, dict[str, object]], str]


def _founded(rng: random.Random, s: Story, lang: str, v: dict[str, object]) -> str:
    d: dt.date = v["date"]  # type: ignore[assignment]
    when = _when(rng, lang, str(v["precision"]), d.year, d.month, d.day)
    if lang == "en":
        return rng.choice([
            f"{s.company} was founded {when} in {s.city}.",
            f"{_cap(when)}, {s.company} was set up in {s.city} by a group of former engineers.",
            f"{s.company}, which was established {when}, has grown quickly since.",
            f"The company, founded {when}, is based in {s.city}." if v.get("pronoun") else
            f"Based in {s.city}, {s.company} was founded {when}.",
            f"{s.company} was incorporated {when} and listed its shares four years later.",
        ])
    return rng.choice([
        f"{s.company} a été fondée {when} à {s.city}.",
        f"Fondée {when}, {s.company} a son siège à {s.city}.",
        f"{_cap(when)}, {s.company} a été créée à {s.city} par d'anciens ingénieurs.",
        f"Créée {when}, la société {s.company} emploie aujourd'hui des équipes sur trois sites.",
    ])


def _launch(rng: random.Random, s: Story, lang: str, v: dict[str, object]) -> str:
    when = _when(rng, lang, str(v["precision"]), int(v["year"]), int(v["month"]))  # type: ignore[call-overload]
    p_en, p_fr = s.product_en, s.product_fr
    fem = p_fr in _FEMININE_FR
    le, son, du = ("La", "sa", "de la") if fem else ("Le", "son", "du")
    if lang == "en":
        return rng.choice([
            f"{s.company} plans to launch its first {p_en} {when}.",
            f"The first {p_en} from {s.company} is scheduled to go on sale {when}, the company said.",
            f"{_cap(when)}, {s.company} will release its first {p_en}, executives told reporters.",
            f"{s.company} said its first {p_en} would hit the market {when}.",
            f"Its first {p_en}, developed in {s.city}, is due to be launched {when}." if v.get("pronoun") else
            f"{s.company}'s first {p_en}, developed in {s.city}, is due to be launched {when}.",
            f"According to the company, the first {p_en} of {s.company} is expected to debut {when}.",
        ])
    return rng.choice([
        f"{s.company} prévoit de lancer {son} {_first_fr(p_fr)} {when}.",
        f"{le} {_first_fr(p_fr)} de {s.company} doit être commercialisé {when}, a précisé la direction.",
        f"{_cap(when)}, {s.company} lancera {son} {_first_fr(p_fr)}.",
        f"Selon {s.company}, la sortie {du} {_first_fr(p_fr)} est prévue {when}.",
    ])


def _investment(rng: random.Random, s: Story, lang: str, v: dict[str, object]) -> str:
    m = _money(rng, float(v["amount"]), s.currency, lang)  # type: ignore[arg-type]
    if lang == "en":
        return rng.choice([
            f"{s.company} will invest {m} in a new plant near {s.city}.",
            f"The {s.city} site represents an investment of {m} by {s.company}.",
            f"{s.company} said it had invested {m} in the project so far.",
            f"In total, {s.company} is investing {m} in the factory, which will open in stages.",
            f"The project, backed by an investment of {m} from {s.company}, was approved by regulators.",
        ])
    return rng.choice([
        f"{s.company} va investir {m} dans une nouvelle usine près de {s.city}.",
        f"Le site de {s.city} représente un investissement de {m} pour {s.company}.",
        f"Au total, {s.company} a investi {m} dans le projet.",
    ])


def _team_amount(rng: random.Random, lang: str, style: str, n: int, bound: int) -> str:
    """A head count, exact or hedged ("about 240", "more than 200", "près de 250")."""
    fmt = _int_en if lang == "en" else _int_fr
    words = {"about": ("about", "environ"), "some": ("some", "quelque"), "more": ("more than", "plus de"),
             "nearly": ("nearly", "près de")}
    if style == "exact":
        return fmt(rng, n)
    word = words[style][0 if lang == "en" else 1]
    return f"{word} {fmt(rng, bound if style in ('more', 'nearly') else n)}"


def _team(rng: random.Random, s: Story, lang: str, v: dict[str, object]) -> str:
    n = int(v["n"])  # type: ignore[call-overload]
    style = str(v.get("style", "exact"))
    noun_en, noun_fr = s.team_noun
    if lang == "en":
        amount = _team_amount(rng, lang, style, n, int(v.get("bound", n)))  # type: ignore[call-overload]
        return rng.choice([
            f"A team of {amount} {noun_en} is working on the project at {s.company}.",
            f"{s.company} has assembled a team of {amount} {noun_en} in {s.city}.",
            f"{s.company} now has {amount} {noun_en} working on the project at its {s.city} campus.",
            f"At {s.company}, {amount} {noun_en} work on the programme, a spokesperson said.",
        ])
    amount = _team_amount(rng, lang, style, n, int(v.get("bound", n)))  # type: ignore[call-overload]
    return rng.choice([
        f"Une équipe de {amount} {noun_fr} travaille sur le projet chez {s.company}.",
        f"{s.company} a réuni une équipe de {amount} {noun_fr} à {s.city}.",
        f"{s.company} compte désormais {amount} {noun_fr} "
        f"{'affectées' if noun_fr == 'personnes' else 'affectés'} au projet sur son campus de {s.city}.",
    ])


def _capacity(rng: random.Random, s: Story, lang: str, v: dict[str, object]) -> str:
    n = int(v["n"])  # type: ignore[call-overload]
    if lang == "en":
        num = _int_en(rng, n)
        return rng.choice([
            f"The {s.company} plant will have an annual capacity of {num} {s.unit_en}.",
            f"Once complete, the factory will be able to produce {num} {s.unit_en} a year, {s.company} said.",
            f"{s.company} puts the site's capacity at {num} {s.unit_en} per year.",
        ])
    num = _int_fr(rng, n)
    return rng.choice([
        f"L'usine de {s.company} aura une capacité annuelle de {num} {s.unit_fr}.",
        f"À terme, le site de {s.company} aura une capacité de {num} {s.unit_fr} par an.",
    ])


def _stake(rng: random.Random, s: Story, lang: str, v: dict[str, object]) -> str:
    p = int(v["p"])  # type: ignore[call-overload]
    if lang == "en":
        pct = rng.choice([f"{p}%", f"{p} percent", f"{p} per cent"])
        return rng.choice([
            f"{s.partner} holds a {pct} stake in {s.company}.",
            f"{s.partner}, which owns {pct} of {s.company}, declined to comment.",
            f"{s.company} is {pct}-owned by {s.partner}, filings show." if "%" in pct else
            f"{s.partner} owns {pct} of {s.company}, according to filings.",
        ])
    sp = rng.choice([" ", "\u00a0", "\u202f"])
    pct = rng.choice([f"{p}{sp}%", f"{p} pour cent"])
    return rng.choice([
        f"{s.partner} détient {pct} du capital de {s.company}.",
        f"{s.partner}, qui détient une participation de {pct} dans {s.company}, n'a pas souhaité commenter.",
    ])


def _price_sentence(rng: random.Random, s: Story, lang: str, v: dict[str, object]) -> str:
    pr = _price(rng, int(v["amount"]), s.currency, lang)  # type: ignore[call-overload]
    if lang == "en":
        return rng.choice([
            f"The first {s.product_en} from {s.company} will be priced at {pr}.",
            f"{s.company} said prices would start at {pr}.",
            f"Priced from {pr}, the {s.product_en} targets buyers in the mid-range.",
        ])
    return rng.choice([
        f"{'La' if s.product_fr in _FEMININE_FR else 'Le'} {_first_fr(s.product_fr)} de {s.company} sera vendu "
        f"à partir de {pr}.",
        f"{s.company} annonce un prix de {pr} pour {_first_fr(s.product_fr)}.",
    ])


def _ceo(rng: random.Random, s: Story, lang: str, v: dict[str, object]) -> str:
    who = str(v["person"])
    if lang == "en":
        return rng.choice([
            f"\u201cWe are ahead of schedule,\u201d said {who}, the chief executive of {s.company}.",
            f"{who}, CEO of {s.company}, told analysts the plan was on track.",
            f"{s.company} chief executive {who} said demand remained strong.",
            f"Speaking in {s.city}, {who}, the CEO of {s.company}, said the group would keep hiring.",
        ])
    return rng.choice([
        f"\u00ab Nous sommes en avance \u00bb, a déclaré {who}, PDG de {s.company}.",
        f"{who}, directeur général de {s.company}, a indiqué que le calendrier était tenu.",
        f"Le PDG de {s.company}, {who}, a confirmé la stratégie du groupe.",
    ])


RENDER: dict[str, Render] = {
    "founded": _founded, "launch": _launch, "investment": _investment, "team": _team,
    "capacity": _capacity, "stake": _stake, "price": _price_sentence, "ceo": _ceo,
}


# ---------------------------------------------------------------- traps and distractors

def _trap(rng: random.Random, kind: str, s: Story, lang: str) -> tuple[str, str, str]:
    """A look-alike sentence: (sentence, the fact it looks like, why it is a different fact).

    Its figures are fixed per story and kind, so that two articles of a story planting the same
    trap agree with each other: a trap must not be an unlisted contradiction.
    """
    wording, rng = rng, random.Random(f"{s.company}/{kind}")
    if kind == "second-model":
        y = s.launch[0] + rng.randint(1, 2)
        when = _when(wording, lang, "year", y)
        text = (f"A second {s.product_en} from {s.company} is expected to follow {when}." if lang == "en"
                else f"{'Une' if s.product_fr in _FEMININE_FR else 'Un'} deuxième {s.product_fr} de {s.company} "
                     f"devrait suivre {when}.")
        return text, "launch", "The second model's launch is not the first model's."
    if kind == "rival-founded":
        y = s.founded.year - rng.randint(3, 15)
        text = (f"Its larger rival {s.rival}, founded in {y}, still dominates the home market." if lang == "en"
                else f"Son grand concurrent {s.rival}, fondé en {y}, domine toujours le marché intérieur.")
        return text, "founded", "A rival's founding year is not the company's."
    if kind == "capital-increase":
        factor = rng.choice([0.2, 0.25, 0.4])
        m = _money(wording, s.investment * factor, s.currency, lang)
        text = (f"{s.partner} will also inject a further {m} into {s.company} through a capital increase."
                if lang == "en" else
                f"{s.partner} procédera en outre à une augmentation de capital de {m} dans {s.company}.")
        return text, "investment", "A capital increase is not the plant investment."
    if kind == "partner-workforce":
        n = rng.choice([8_000, 12_500, 23_000, 41_000, 65_000])
        text = (f"{s.partner} employs about {_int_en(rng, n)} people worldwide." if lang == "en"
                else f"{s.partner} emploie environ {_int_fr(rng, n)} personnes dans le monde.")
        return text, "team", "The partner's whole workforce is not the project team."
    if kind == "visit":
        d = s.base_date - dt.timedelta(days=rng.randint(20, 200))
        when = _when(wording, lang, "day", d.year, d.month, d.day)
        text = (f"{_cap(when)}, {s.ceo} visited the {s.city} site with local officials." if lang == "en"
                else f"{_cap(when)}, {s.ceo} a visité le site de {s.city} avec des élus locaux.")
        return text, "launch", "A site visit date is not the launch date."
    raise ValueError(kind)


TRAP_KINDS = ["second-model", "rival-founded", "capital-increase", "partner-workforce", "visit"]


_BG_EN_SUBJ = ["Industry observers", "Union representatives", "Local suppliers", "Several investors",
               "Consumer groups", "Rival executives", "Economists", "Regional planners", "Dealers", "Engineers"]
_BG_EN_VERB = ["have questioned", "broadly welcomed", "are watching closely", "remain cautious about",
               "have long called for", "expressed doubts about", "are still assessing", "praised"]
_BG_EN_OBJ = ["the pace of the expansion", "the choice of site", "the company's reliance on imported parts",
              "the financing of the project", "the timetable set out by management", "the hiring plans",
              "the shift towards software", "the terms agreed with the partner", "the impact on smaller firms"]
_BG_EN_TAIL = ["", ", though few expect a change of course", ", citing the tight labour market",
               " as the sector consolidates", ", according to people familiar with the matter",
               ", in a market still dominated by established players"]
_BG_FR_SUBJ = ["Les observateurs du secteur", "Les syndicats", "Les fournisseurs locaux", "Plusieurs investisseurs",
               "Les associations de consommateurs", "Les économistes", "Les concessionnaires", "Les élus"]
_BG_FR_VERB = ["s'interrogent sur", "saluent", "observent de près", "restent prudents quant à",
               "réclament depuis longtemps", "émettent des doutes sur"]
_BG_FR_OBJ = ["le rythme de l'expansion", "le choix du site", "la dépendance aux composants importés",
              "le financement du projet", "le calendrier fixé par la direction", "les projets d'embauche",
              "les termes de l'accord avec le partenaire"]
_BG_FR_TAIL = ["", ", même si peu s'attendent à un changement de cap", ", dans un marché du travail tendu",
               ", selon des sources proches du dossier", " alors que le secteur se consolide"]


def _background(rng: random.Random, lang: str) -> str:
    """A sentence of context without figures, assembled from parts so that long articles do not repeat."""
    if lang == "en":
        return (f"{rng.choice(_BG_EN_SUBJ)} {rng.choice(_BG_EN_VERB)} {rng.choice(_BG_EN_OBJ)}"
                f"{rng.choice(_BG_EN_TAIL)}.")
    return f"{rng.choice(_BG_FR_SUBJ)} {rng.choice(_BG_FR_VERB)} {rng.choice(_BG_FR_OBJ)}{rng.choice(_BG_FR_TAIL)}."


def _distractor(rng: random.Random, s: Story, lang: str) -> str:
    """A sentence with unrelated figures, as wire copy carries them."""
    # Figures about one thing stay the same within a story (only share moves vary, day by day):
    # a distractor must not be an unlisted contradiction.
    fixed = random.Random(s.company)
    pct = fixed.choice([1.4, 2.7, 3.1, 4.8, 6.5, 12, 18, 27])
    yr = s.base_date.year + fixed.choice([3, 4, 5])
    n = fixed.choice([40, 75, 120, 300, 2_400, 15_000])
    bank = fixed.choice(_BANK)
    move = rng.choice([0.4, 1.1, 1.4, 2.7, 3.1, 4.8, 6.5])
    if lang == "en":
        return rng.choice([
            f"Shares of {s.partner} rose {_decimal(move, 'en')}% in early trading.",
            f"Analysts at {bank} expect the wider market to grow by {_decimal(pct, 'en')} percent a year until {yr}.",
            f"As part of the deal with {s.company}, the regional government has promised to train "
            f"{_int_en(rng, n)} technicians by {yr}.",
            f"Industry sales fell {_decimal(pct, 'en')}% last quarter, according to a trade group.",
            "Competition in the segment has intensified, with several newcomers cutting prices.",
            f"The announcement comes as {s.rival} struggles with supply problems.",
            "Executives declined to give a detailed timetable for exports.",
            f"{s.city} officials welcomed the decision, citing new jobs for the region.",
            "The move follows months of negotiations with suppliers and local authorities.",
            f"An open day at the {s.company} site drew some {_int_en(rng, n * 3)} visitors.",
        ])
    return rng.choice([
        f"L'action {s.partner} a progressé de {_decimal(move, 'fr')}\u00a0% en début de séance.",
        f"Les analystes de {bank} tablent sur une croissance du marché de {_decimal(pct, 'fr')} % par an d'ici {yr}.",
        f"Dans le cadre de l'accord avec {s.company}, la région s'est engagée à former {_int_fr(rng, n)} "
        f"techniciens d'ici {yr}.",
        "La concurrence s'est intensifiée dans ce segment, plusieurs nouveaux venus ayant baissé leurs prix.",
        f"Cette annonce intervient alors que {s.rival} fait face à des difficultés d'approvisionnement.",
        "La direction n'a pas donné de calendrier précis pour les exportations.",
        f"Les élus de {s.city} ont salué la décision, synonyme d'emplois pour la région.",
        "Cette décision fait suite à plusieurs mois de négociations avec les fournisseurs.",
    ])


# ---------------------------------------------------------------- stories

def _round_money(x: float) -> float:
    if x >= 1e9:
        return round(x / 1e8) * 1e8
    return max(1e6, round(x / 1e6) * 1e6)


def _new_story(rng: random.Random, used: set[str]) -> Story:
    suffix = rng.choice(_SUFFIX)
    company = f"{_name(rng, used)} {suffix}"
    product = _PRODUCT[suffix]
    base = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 640))
    founded = dt.date(rng.randint(1995, 2020), rng.randint(1, 12), rng.randint(1, 28))
    team = rng.choice([35, 48, 60, 85, 120, 140, 180, 240, 320, 450, 760, 1_200, 1_800])
    partner = f"{_name(rng, used)} {rng.choice(['Group', 'Holdings', 'Capital', 'Partners'])}"
    rival = f"{_name(rng, used)} {suffix}"
    return Story(
        company=company, product_en=product[0], product_fr=product[1], unit_en=product[2], unit_fr=product[3],
        city=rng.choice(_CITY), ceo=_person(rng, rng.choice(["en", "fr"]), used), people=used,
        partner=partner, rival=rival, founded=founded,
        launch=(base.year + rng.choice([1, 2]), rng.randint(1, 12)),
        investment=rng.choice([45e6, 80e6, 150e6, 320e6, 600e6, 1.2e9, 2.5e9, 4e9]),
        currency=rng.choice(_CURRENCIES), team=team,
        team_noun=rng.choice([("engineers", "ingénieurs"), ("people", "personnes"), ("employees", "salariés")]),
        capacity=rng.choice([20_000, 50_000, 120_000, 150_000, 300_000, 500_000]),
        stake=rng.choice([15, 20, 25, 30, 35, 40, 45, 49]),
        price=rng.choice([19_900, 28_500, 34_000, 42_000, 55_000, 79_900]),
        base_date=base,
    )


def _true_value(rng: random.Random, s: Story, fact: str, ref: dt.date | None) -> dict[str, object]:
    """A truthful statement of ``fact`` at a random precision or vagueness."""
    if fact == "founded":
        return {"date": s.founded, "precision": rng.choice(["day", "day", "month", "year"])}
    if fact == "launch":
        y, m = s.launch
        choices = ["month", "month", "year", "quarter"]
        if ref is not None and ref.year == y - 1:
            choices += ["relative-month", "relative-year"]
        return {"year": y, "month": m, "precision": rng.choice(choices)}
    if fact == "investment":
        return {"amount": s.investment}
    if fact == "team":
        style = rng.choice(["exact", "exact", "about", "some", "more", "nearly"])
        n = s.team
        if style == "more":
            step = 10 ** max(1, len(str(n)) - 1)
            bound = (n - 1) // step * step
            if bound <= 0 or bound == n:
                style = "exact"
            return {"n": n, "style": style, "bound": bound}
        if style == "nearly":
            step = 10 ** max(1, len(str(n)) - 1)
            bound = -(-(n + 1) // step) * step
            if n < 0.9 * bound:
                style = "about"
            return {"n": n, "style": style, "bound": bound}
        return {"n": n, "style": style}
    if fact == "capacity":
        return {"n": s.capacity}
    if fact == "stake":
        return {"p": s.stake}
    if fact == "price":
        return {"amount": s.price}
    if fact == "ceo":
        return {"person": s.ceo}
    raise ValueError(fact)


def _wrong_value(rng: random.Random, s: Story, fact: str) -> tuple[dict[str, object], str]:
    """A statement of ``fact`` whose value no truthful statement can share, and why."""
    if fact == "founded":
        d = s.founded.replace(year=s.founded.year - rng.randint(2, 6))
        return {"date": d, "precision": rng.choice(["day", "year"])}, f"founded in {d.year}, not {s.founded.year}"
    if fact == "launch":
        y = s.launch[0] + rng.choice([1, 2])
        m = rng.randint(1, 12)
        return {"year": y, "month": m, "precision": rng.choice(["month", "year"])}, f"launch in {y}, not {s.launch[0]}"
    if fact == "investment":
        amount = _round_money(s.investment * rng.choice([0.3, 2.5, 4.0]))
        return {"amount": amount}, f"investment {amount:g} instead of {s.investment:g}"
    if fact == "team":
        n = max(5, s.team // rng.choice([3, 4]))
        return {"n": n, "style": "exact"}, f"team of {n}, not {s.team}"
    if fact == "capacity":
        n = s.capacity * rng.choice([2, 3]) if rng.random() < 0.5 else s.capacity // rng.choice([2, 4])
        return {"n": n}, f"capacity {n}, not {s.capacity}"
    if fact == "stake":
        p = s.stake + rng.choice([11, 16, 21]) if s.stake < 40 else s.stake - rng.choice([11, 19])
        return {"p": p}, f"stake {p}%, not {s.stake}%"
    if fact == "price":
        amount = int(s.price * rng.choice([1.5, 0.6]) // 100 * 100)
        return {"amount": amount}, f"price {amount}, not {s.price}"
    if fact == "ceo":
        other = _person(rng, "en", s.people)
        return {"person": other}, f"{other} named chief executive instead of {s.ceo}"
    raise ValueError(fact)


FACTS = ["founded", "launch", "investment", "team", "capacity", "stake", "price", "ceo"]


# ---------------------------------------------------------------- article assembly

def _wrap(rng: random.Random, lang: str, fmt: str, title: str, paragraphs: list[str], date: dt.date | None,
          city: str, outlet: str, footer_year: int, year_in_dateline: bool = False) -> str:
    body = "\n\n".join(paragraphs)
    footer = (f"© {footer_year} {outlet}. All rights reserved." if lang == "en"
              else f"© {footer_year} {outlet}. Tous droits réservés.")
    if fmt == "txt":
        if date is not None:
            month = _MONTHS_EN[date.month - 1] if lang == "en" else _MONTHS_FR[date.month - 1]
            stamp = f"{month} {date.day}" if lang == "en" else f"{date.day} {month}"
            if year_in_dateline:
                stamp += f", {date.year}" if lang == "en" else f" {date.year}"
            body = f"{city.upper()}, {stamp} ({outlet}) - " + body
        return f"{title}\n\n{body}\n\n{footer}\n"
    if fmt == "md-toml":
        head = f'+++\ntitle = "{title}"\ndate = {date.isoformat() if date else "2026-01-01"}\nlang = "{lang}"\n' \
               f'source = "{outlet}"\n+++\n'
        return f"{head}\n# {title}\n\n{body}\n"
    if fmt == "md-yaml":
        head = f'---\ntitle: "{title}"\ndate: {date.isoformat() if date else "2026-01-01"}\nlanguage: {lang}\n' \
               f'tags: [business, industry]\n---\n'
        return f"{head}\n{title}\n{'=' * len(title)}\n\n{body}\n"
    paras = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    meta = (f'<meta property="article:published_time" content="{date.isoformat()}T07:30:00Z">' if date else "")
    nav = "Accueil | Économie | Industrie" if lang == "fr" else "Home | Business | Industry"
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n{meta}\n'
            f'</head>\n<body>\n<header><nav>{nav}</nav></header>\n<article>\n<h1>{title}</h1>\n{paras}\n'
            f'</article>\n<footer><p>{footer}</p></footer>\n</body>\n</html>\n')


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(sentences):
        k = rng.choice([1, 2, 2, 3])
        out.append(" ".join(sentences[i:i + k]))
        i += k
    return out


def _title(rng: random.Random, s: Story, lang: str) -> str:
    if lang == "en":
        return rng.choice([f"{s.company} steps up plans in {s.city}", f"{s.company} sets out timetable",
                           f"What we know about {s.company}'s expansion", f"{s.company} bets on new factory"])
    return rng.choice([f"{s.company} accélère à {s.city}", f"{s.company} précise son calendrier",
                       f"Ce que l'on sait du projet de {s.company}"])


# ---------------------------------------------------------------- Chinese stories
#
# Invented like the others: company names from syllables, figures drawn at random. A Chinese story's
# articles are all in Chinese (simplified or traditional), with its own facts; they carry no gold items
# yet (the Chinese cues of the fact catalogue come with issue 15's second half), so they measure speed
# and memory, and that nothing breaks on them.

_ZH_SYL = ["华", "东", "新", "瑞", "腾", "安", "远", "星", "博", "恒", "泰", "嘉", "凯", "航", "宇", "晟", "峰", "蓝",
           "天", "卓", "鼎", "诚", "和", "众", "力", "川", "岳", "明", "联", "盛"]
_ZH_TRADE = {"科技": ("机器人", "台"), "能源": ("风机", "台"), "汽车": ("电动车", "辆"), "医药": ("疫苗", "剂"),
             "电子": ("芯片", "片"), "航空": ("无人机", "架")}
_ZH_CITY = ["示例市", "东岚市", "北湾市", "青禾市", "南屿市", "西岭市"]
_ZH_OUTLET = ["东方商业报", "华夏财经网", "新桥日报", "晨星新闻社"]
_ZH_SURNAME = ["王", "李", "张", "刘", "陈", "杨", "赵", "周", "吴", "孙"]
_ZH_GIVEN = ["明", "华", "伟", "芳", "强", "静", "磊", "洋", "敏", "杰", "婷", "涛", "勇", "丽", "军", "平"]
_ZH_BACKGROUND = [
    "业内人士认为,新能源领域的竞争正在加剧。",
    "分析人士指出,市场需求仍存在不确定性。",
    "该地区近年来吸引了多家制造企业落户。",
    "当地政府表示将继续优化营商环境。",
    "有专家提醒,原材料价格波动可能影响项目进度。",
    "消费者对新产品的关注度持续上升。",
]
# Simplified -> traditional for the characters of these templates that differ: a traditional article of its own.
_ZH_TRADITIONAL = str.maketrans(
    "华东远腾宇岳联盛团亿万员级厂产业资计划将于发布会达总经长线车辆机电药剂机芯脑飞航"
    "术报网闻社为门场业内认争加剧场该区吸引企业当继续优营环经专提醒材价动项进费关续条"
    "与这书设东们",
    "華東遠騰宇嶽聯盛團億萬員級廠產業資計劃將於發佈會達總經長線車輛機電藥劑機芯腦飛航"
    "術報網聞社為門場業內認爭加劇場該區吸引企業當繼續優營環經專提醒材價動項進費關續條"
    "與這書設東們")


def _zh_name(rng: random.Random, used: set[str], syllables: int = 2) -> str:
    for _ in range(10_000):
        name = "".join(rng.choice(_ZH_SYL) for _ in range(syllables))
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError("Chinese names exhausted")


def _zh_amount(rng: random.Random, yuan: float) -> str:
    """A yuan amount as Chinese copy writes it: 亿元 or 万元, digits or a decimal."""
    if yuan >= 1e8:
        return f"{_decimal(yuan / 1e8, 'en')}亿元"
    return f"{_decimal(yuan / 1e4, 'en')}万元"


def _zh_story(rng: random.Random, corpus: Corpus, number: int, size: int, used: set[str]) -> None:
    trade = rng.choice(sorted(_ZH_TRADE))
    product, measure = _ZH_TRADE[trade]
    company = _zh_name(rng, used) + trade
    city = rng.choice(_ZH_CITY)
    ceo = rng.choice(_ZH_SURNAME) + rng.choice(_ZH_GIVEN) + rng.choice(["", *_ZH_GIVEN])
    founded = dt.date(rng.randint(1995, 2020), rng.randint(1, 12), rng.randint(1, 28))
    base = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
    launch = (base.year + rng.choice([0, 1]), rng.randint(1, 12))
    investment = rng.randint(5, 400) * 1e7
    team = rng.randint(40, 900)
    capacity = rng.randint(2, 90) * 1e4
    price = rng.randint(8, 60) * 1e4
    for k in range(size):
        traditional = rng.random() < 0.3
        fmt = rng.choice(["txt", "md-yaml", "html"])
        ext = {"txt": "txt", "md-yaml": "md", "html": "html"}[fmt]
        name = f"z{number:05d}_{k}.{ext}"
        date = base + dt.timedelta(days=rng.randint(0, 20))
        outlet = rng.choice(_ZH_OUTLET)
        # Last year's growth is one fact of the company: every article of the story gives the same figure.
        fixed = random.Random(company)
        growth = f"{fixed.randint(3, 60)}.{fixed.randint(0, 9)}"
        facts = [
            f"{company}成立于{founded.year}年{founded.month}月{founded.day}日,总部位于{city}。",
            rng.choice([f"首款{product}将于{launch[0]}年{launch[1]}月上市。",
                        f"公司计划{launch[0]}年{launch[1]}月底前开始交付首款{product}。"]),
            rng.choice([f"该项目总投资约{_zh_amount(rng, investment)}。",
                        f"{company}宣布投资{_zh_amount(rng, investment)}建设新工厂。"]),
            rng.choice([f"研发团队目前有{team}名工程师。", f"研发团队超过{team}人。",
                        f"目前约有{team}名员工参与该项目。"]),
            f"新工厂年产能预计达到{_decimal(capacity / 1e4, 'en')}万{measure}{product}。",
            rng.choice([f"新产品售价{_zh_amount(rng, price)}起。", f"起售价约为{_zh_amount(rng, price)}。"]),
            f"{company}董事长{ceo}表示,项目进展顺利。",
            f"去年{company}营收同比增长{growth}%。",
        ]
        chosen = rng.sample(facts, rng.randint(3, 6))
        extra = [rng.choice(_ZH_BACKGROUND) for _ in range(rng.choice([2, 4, 8, 12, 20]))]
        sentences = chosen[:1] + rng.sample(chosen[1:] + extra, len(chosen) - 1 + len(extra))
        paragraphs = ["".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        title = rng.choice([f"{company}加快在{city}布局", f"{company}公布新工厂时间表", f"{company}发布首款{product}"])
        lead = f"{outlet}{city}{date.month}月{date.day}日电 "
        footer = rng.choice([f"(责任编辑:{rng.choice(_ZH_SURNAME)}{rng.choice(_ZH_GIVEN)})",
                             f"版权所有 © {date.year} {outlet}"])
        if fmt == "txt":
            text = f"{title}\n\n{lead}" + "\n\n".join(paragraphs) + f"\n\n{footer}\n"
        elif fmt == "md-yaml":
            language = "zh-TW" if traditional else "zh-CN"
            text = (f'---\ntitle: "{title}"\ndate: {date.isoformat()}\nlang: {language}\n---\n\n'
                    + "\n\n".join(paragraphs) + f"\n\n{footer}\n")
        else:
            paras = "\n".join(f"<p>{p}</p>" for p in paragraphs)
            text = (f'<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
                    f'<meta property="article:published_time" content="{date.isoformat()}T08:00:00+08:00">\n</head>\n'
                    f'<body>\n<article>\n<h1>{title}</h1>\n{paras}\n</article>\n<footer><p>{footer}</p></footer>\n'
                    f'</body>\n</html>\n')
        if traditional:
            text = text.translate(_ZH_TRADITIONAL)
        corpus.articles.append(Article(name, text, "zh", fmt))
        corpus.count("zh-articles")


def generate(n: int, seed: int, conflict_rate: float = 0.5, inner_rate: float = 0.12,
             trap_rate: float = 0.5, zh_rate: float = 0.0) -> Corpus:
    """A corpus of ``n`` articles; the same ``seed`` gives the same corpus, byte for byte.

    ``zh_rate``: the share of stories written in Chinese (0 keeps the corpora of earlier runs as they were).
    """
    rng = random.Random(seed)
    corpus = Corpus()
    used: set[str] = set()
    story_no = 0
    while len(corpus.articles) < n:
        size = min(rng.randint(3, 8), n - len(corpus.articles))
        if zh_rate and rng.random() < zh_rate:
            _zh_story(rng, corpus, story_no, size, used)
            story_no += 1
            continue
        _story(rng, corpus, _new_story(rng, used), story_no, size, conflict_rate, inner_rate, trap_rate)
        story_no += 1
    corpus.counts["stories"] = story_no
    corpus.counts["articles"] = len(corpus.articles)
    return corpus


def _story(rng: random.Random, corpus: Corpus, s: Story, number: int, size: int, conflict_rate: float,
           inner_rate: float, trap_rate: float) -> None:
    statements: list[Statement] = []
    wrong_fact = rng.choice(FACTS) if size >= 2 and rng.random() < conflict_rate else None
    wrong_article = rng.randint(1, size - 1) if wrong_fact else -1
    traps: list[tuple[Statement, str, str]] = []
    for k in range(size):
        lang = "fr" if rng.random() < 0.35 else "en"
        fmt = rng.choice(["txt", "txt", "md-toml", "md-yaml", "html", "html"])
        ext = {"txt": "txt", "md-toml": "md", "md-yaml": "md", "html": "html"}[fmt]
        name = f"s{number:05d}_{k}.{ext}"
        date = s.base_date + dt.timedelta(days=rng.randint(0, 20))
        # A plain-text article without a dateline has no date of its own: no relative phrases then.
        has_date = fmt != "txt" or rng.random() < 0.6
        dated = date if has_date else None
        # A dateline gives the year only sometimes ("PARIS, March 3 (Agency) -"): relative phrases
        # ("next year") only where the article itself says which year it was written in.
        year_in_dateline = fmt == "txt" and rng.random() < 0.5
        ref = dated if fmt != "txt" or year_in_dateline else None
        facts = rng.sample(FACTS, rng.randint(3, 6))
        if k == wrong_article and wrong_fact is not None and wrong_fact not in facts:
            facts[rng.randrange(len(facts))] = wrong_fact
        pronoun_ok = True
        body: list[Statement] = []
        for fact in facts:
            wrong = k == wrong_article and fact == wrong_fact
            if wrong:
                value, why = _wrong_value(rng, s, fact)
                s_why = why
            else:
                value = _true_value(rng, s, fact, ref)
                s_why = ""
            value["pronoun"] = pronoun_ok and rng.random() < 0.2
            st = Statement(fact, RENDER[fact](rng, s, lang, value), name, wrong)
            if wrong:
                st.fact = f"{fact}|{s_why}"
            body.append(st)
        inner: Statement | None = None
        if rng.random() < inner_rate and k != wrong_article:
            fact = rng.choice([f for f in facts if f in ("team", "launch", "investment", "capacity")] or ["team"])
            value, why = _wrong_value(rng, s, fact)
            inner = Statement(f"{fact}|{why}", RENDER[fact](rng, s, lang, value), name, True)
            if not any(b.fact == fact for b in body):
                body.insert(0, Statement(fact, RENDER[fact](rng, s, lang, _true_value(rng, s, fact, ref)), name))
        sentences = [b.sentence for b in body]
        length = rng.choice([2, 4, 8, 12, 20, 32, 48])
        extra = [_distractor(rng, s, lang) if rng.random() < 0.3 else _background(rng, lang) for _ in range(length)]
        article_traps: list[Statement] = []
        if rng.random() < trap_rate:
            kind = rng.choice(TRAP_KINDS)
            text, looks_like, why = _trap(rng, kind, s, lang)
            trap_st = Statement(f"trap:{kind}", text, name)
            article_traps.append(trap_st)
            traps.append((trap_st, looks_like, why))
        mixed = sentences[1:] + extra + [t.sentence for t in article_traps]
        rng.shuffle(mixed)
        ordered = sentences[:1] + mixed
        if inner is not None:
            ordered.append(inner.sentence)
        seen: set[str] = set()
        ordered = [x for x in ordered if not (x in seen or seen.add(x))]  # type: ignore[func-returns-value]
        outlet = rng.choice(_OUTLET_EN if lang == "en" else _OUTLET_FR)
        footer_year = date.year - rng.choice([0, 1, 2])
        text = _wrap(rng, lang, fmt, _title(rng, s, lang), _paragraphs(rng, ordered), dated, s.city, outlet,
                     footer_year, year_in_dateline)
        corpus.articles.append(Article(name, text, lang, fmt))
        statements.extend(body)
        if inner is not None:
            statements.append(inner)
        statements.extend(article_traps)
        if fmt != "md-toml" and fmt != "md-yaml":
            statements.append(Statement("footer", f"© {footer_year} {outlet}.", name))
    _gold(rng, corpus, s, number, statements, traps)


def _gold(rng: random.Random, corpus: Corpus, s: Story, number: int, statements: list[Statement],
          traps: list[tuple[Statement, str, str]]) -> None:
    def true_of(fact: str) -> list[Statement]:
        return [st for st in statements if st.fact == fact and not st.wrong]

    contradicted: set[str] = set()
    for st in [x for x in statements if x.wrong]:
        fact, why = st.fact.split("|", 1)
        contradicted.add(fact)
        truths = true_of(fact)
        if not truths:
            continue
        same_doc = [t for t in truths if t.article == st.article]
        other_doc = [t for t in truths if t.article != st.article]
        primary = same_doc[0] if same_doc else other_doc[0]
        kind = "inner" if same_doc else "cross"
        corpus.count(f"conflict:{kind}:{fact}")
        tag = f"s{number:05d}-{fact}-{kind}-{st.article.split('_')[1].split('.')[0]}"
        corpus.gold.append(GoldItem(tag, "conflict", f"{s.company}: {why}", (primary.article, primary.sentence),
                                    (st.article, st.sentence)))
        # Every other truthful statement disagrees with the wrong one too; any verdict on those is accepted.
        for j, t in enumerate(x for x in truths if x is not primary):
            corpus.gold.append(GoldItem(f"{tag}-also{j}", "either", "same contradiction, another statement",
                                        (t.article, t.sentence), (st.article, st.sentence)))
    # Two wrong statements of one fact (a story's cross-document one and an article's inner one)
    # disagree with each other too, or happen to agree: any verdict on them is accepted.
    wrongs = [x for x in statements if x.wrong]
    for i, first in enumerate(wrongs):
        for j, second in enumerate(wrongs[i + 1:]):
            if first.fact.split("|")[0] == second.fact.split("|")[0] and first.sentence != second.sentence:
                corpus.gold.append(GoldItem(f"s{number:05d}-{first.fact.split('|')[0]}-wrong-pair-{i}-{j}", "either",
                                            "two wrong statements of one fact", (first.article, first.sentence),
                                            (second.article, second.sentence)))
    for fact in FACTS:
        if fact in contradicted:
            continue
        truths = true_of(fact)
        docs = sorted({t.article for t in truths})
        if len(docs) >= 2:
            a = next(t for t in truths if t.article == docs[0])
            b = next(t for t in truths if t.article == docs[1])
            corpus.count(f"agreement:{fact}")
            corpus.gold.append(GoldItem(f"s{number:05d}-{fact}-agree", "agreement",
                                        f"{s.company}: the same {fact} fact in two sources",
                                        (a.article, a.sentence), (b.article, b.sentence)))
    for trap, looks_like, why in traps:
        truths = true_of(looks_like)
        if not truths:
            continue
        corpus.count(f"trap:{trap.fact.split(':')[1]}")
        corpus.gold.append(GoldItem(f"s{number:05d}-{trap.fact.replace(':', '-')}-{trap.article}", "no-conflict",
                                    why, (trap.article, trap.sentence), (truths[0].article, truths[0].sentence)))
    footers = [st for st in statements if st.fact == "footer"]
    founded = true_of("founded")
    if footers and founded:
        corpus.count("trap:footer")
        f = footers[0]
        corpus.gold.append(GoldItem(f"s{number:05d}-trap-footer", "no-conflict",
                                    "A copyright year is not a claim.", (f.article, f.sentence),
                                    (founded[0].article, founded[0].sentence)))


# ---------------------------------------------------------------- output

def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def gold_toml(corpus: Corpus) -> str:
    """The gold file text, in the format of shared/gold/seeds.toml."""
    lines = ["# Generated by benchmarks/make_corpus.py: injected contradictions, agreements and traps.", ""]
    for item in corpus.gold:
        lines += [
            "[[item]]", f"id = {_toml_str(item.id)}", f"expect = {_toml_str(item.expect)}",
            f"why = {_toml_str(item.why)}",
            f"a = {{ file = {_toml_str(item.a[0])}, quote = {_toml_str(item.a[1])} }}",
            f"b = {{ file = {_toml_str(item.b[0])}, quote = {_toml_str(item.b[1])} }}", "",
        ]
    return "\n".join(lines)


def write(corpus: Corpus, out: Path, gold_name: str = "gold.toml") -> None:
    """Write the articles into ``out`` (emptied first) and the gold file beside them."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for article in corpus.articles:
        (out / article.name).write_text(article.text, encoding="utf-8")
    (out / gold_name).write_text(gold_toml(corpus), encoding="utf-8")


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--conflict-rate", type=float, default=0.5, help="share of stories with a cross-document conflict")
    ap.add_argument("--inner-rate", type=float, default=0.12, help="share of articles contradicting themselves")
    ap.add_argument("--zh-rate", type=float, default=0.0, help="share of stories written in Chinese")
    args = ap.parse_args()
    corpus = generate(args.n, args.seed, args.conflict_rate, args.inner_rate, zh_rate=args.zh_rate)
    write(corpus, args.out)
    size = sum(len(a.text) for a in corpus.articles)
    print(f"{len(corpus.articles)} articles, {corpus.counts['stories']} stories, {size / 1e6:.2f} MB, "
          f"{len(corpus.gold)} gold items -> {args.out}")
    for key in sorted(corpus.counts):
        if ":" in key:
            print(f"  {key}: {corpus.counts[key]}")


if __name__ == "__main__":
    main()
