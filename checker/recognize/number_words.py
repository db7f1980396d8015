"""Numbers written in words: "twenty-five", "quatre-vingt-dix-sept", "a hundred", "two thirds", "3 hundred and 21".

Read with a small state machine of our own rather than text2num: text2num reads "hundreds of" as
100, has no fractions, and gives no spans, all of which we need. The words are language data
(``checker/lang/<lang>/numbers.toml``), compiled once per language (``compiled_words``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker.recognize.lazy import lazy_compile
from checker.recognize.number_data import NumberMatch, NumbersData, data
from checker.recognize.number_gate import gate_pattern, gate_words, weak_gate, word_trie

_AND_HALF = re.compile(r"\s+(?:et|and)\s+(?:a\s+|one\s+|un\s+)?(demi|half)\b", re.IGNORECASE)
_OF_A_SCALE = re.compile(r"[\s-]+(?:of\s+a\s+|a\s+)?([^\W\d_]+)")
_A_SCALE = re.compile(r"[\s-]+(?:a\s+)?([^\W\d_]+)")
_GLUED_AFTER_DIGITS = re.compile(r"[.,]\d|[^\W\d_]")
_GAP = re.compile(r"[\s\-\u2010\u2011\u2013]{1,4}")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str  # lower-cased letters, a run of digits, or "#" for digits that cannot join number words


@dataclass(frozen=True)
class NumberWords:
    """The number words of a language, compiled once: sets for lookups, one regex to find candidates."""

    data: NumbersData
    starters: frozenset[str]
    numberish: frozenset[str]  # words that may continue a number
    candidates: re.Pattern[str]  # on the lower-cased text: no case folding, no lookbehind, so a fast scan
    candidates_folded: re.Pattern[str]  # for texts whose lower-cased form has another length ("İ")
    joiner: re.Pattern[str] | None
    ordinals: dict[str, float]  # every denominator word: fractions and compound-only ordinals
    gate: re.Pattern[str]  # on the lower-cased text: a word without which no number in words is read
    strong: frozenset[str]  # those words (see ``gate_words``), but for denominators
    weak: frozenset[str]  # denominators: they need an article, a connector or a digit before them
    weak_gate: re.Pattern[str]  # on the lower-cased text: a denominator with what it needs before it
    lone: frozenset[str]  # articles that are "one", read alone only before a fraction joiner
    lone_next: frozenset[str]  # the words after which they are read: fraction joiners, decimal points
    articles: frozenset[str]  # articles read only before a number word, a digit or a fraction joiner
    after_article: frozenset[str]  # the words that may follow one of them in a number


@cache
def compiled_words(lang: str) -> NumberWords:
    """The number words of ``lang`` compiled once (``NumberWords``)."""
    d = data(lang)
    starters = frozenset(d.cardinals) | set(d.hundreds) | set(d.scales) | set(d.articles) \
        | set(d.negatives) | set(d.fractions) | set(d.nouns)
    ordinals = {**d.compound_ordinals, **d.fractions}
    numberish = starters | set(d.connectors) | set(d.points) | set(ordinals)
    letters = r"[^\W\d_]"
    multipliers = word_trie(sorted(set(d.hundreds) | set(d.scales)))
    # Where a number may start: a number word, or up to three digits before a multiplier ("3 hundred and 21").
    # Every alternative starts with a literal character, which lets the regex engine skip ahead to the
    # characters that can start one; the word boundary before a word is checked by the caller.
    words = word_trie(sorted(starters))
    digits = "|".join(rf"{c}(?<![\w.,]{c})\d{{0,2}}(?=[ \u00a0]{{1,2}}(?:{multipliers})(?!{letters}))"
                      for c in "123456789")
    candidates = lazy_compile(rf"(?:{words[3:-1] if words.startswith('(?:') else words}|{digits})(?!{letters})")
    candidates_folded = lazy_compile(rf"(?<!{letters})(?:{words}|{digits})(?!{letters})", re.IGNORECASE)
    joiner = None
    if d.fraction_joiners:
        alternation = "|".join(r"\s+".join(map(re.escape, j.split())) for j in d.fraction_joiners)
        joiner = lazy_compile(r"\s+(?:" + alternation + r")\s+", re.IGNORECASE)
    needed, lone, lone_next = gate_words(d)
    weak = (frozenset(ordinals) - set(d.cardinals) - set(d.hundreds) - set(d.scales) - set(d.nouns)) & needed
    articles = frozenset(d.articles) - set(d.negatives) - set(d.hundreds) - set(d.scales) - set(d.nouns) \
        - set(ordinals)
    after_article = numberish | {j.split()[0].lower() for j in d.fraction_joiners if j.split()}
    return NumberWords(d, frozenset(starters), frozenset(numberish), candidates, candidates_folded, joiner,
                  ordinals, gate_pattern(needed, lone, lone_next), needed - weak, weak, weak_gate(d, weak), lone,
                  lone_next, articles, frozenset(after_article))


_TENS = frozenset((20, 30, 40, 50, 60, 70, 80, 90))
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_PREV_WORD = re.compile(r"([^\W\d_]+)[\W\d_]*\Z")
_NEXT_TOKEN = re.compile(r"[\W_]*([^\W\d_]+|\d+)")  # the next token of ``_window`` (between: no token)
_SCALE_AFTER = re.compile(r"[\s-]{1,3}(?:of\s+a\s+|a\s+)?([^\W\d_]+)", re.IGNORECASE)


def _window(text: str, pos: int, w: NumberWords) -> list[_Token]:
    """The tokens of the number that may start at ``pos``, and two more to look ahead."""
    toks: list[_Token] = []
    ahead = 0
    for m in _TOKEN.finditer(text, pos):
        if toks and m.start() - toks[-1].end > 8:
            break
        word = m.group()
        if word[0].isdigit():
            s, e = m.span()
            # digits join number words only as a whole small integer: not "1.5", "3rd", "007"
            glued = (s and text[s - 1] in ".,") or _GLUED_AFTER_DIGITS.match(text, e)
            if len(word) > 3 or word[0] == "0" or glued:
                word = "#"
        else:
            word = word.lower()
        toks.append(_Token(m.start(), m.end(), word))
        if word not in w.numberish and not word.isdigit():
            ahead += 1
        if ahead == 2 or len(toks) > 24:
            break
    return toks


def find_words(text: str, low: str, w: NumberWords) -> list[NumberMatch]:
    """The numbers written in words in ``text`` (``low``: its lower-cased form), left to right."""
    d = w.data
    out: list[NumberMatch] = []
    taken = 0
    folded = len(low) == len(text)
    for cand in (w.candidates.finditer(low) if folded else w.candidates_folded.finditer(text)):
        if cand.start() < taken or (folded and cand.start() and text[cand.start() - 1].isalpha()):
            continue
        if folded and cand.group() in w.articles and _article_alone(text, cand.end(), w):
            continue
        tokens = _window(text, cand.start(), w)
        if not tokens:
            continue
        parsed = _read_fraction(text, tokens, 0, d, w) or _parse_words(text, tokens, 0, d)
        if parsed is None:
            continue
        j, value, scaled = parsed
        start, end = tokens[0].start, tokens[j - 1].end
        taken = end
        if _is_ordinal(text, tokens, j, w):
            continue  # "twenty-fifth", "the twenty first time": an ordinal, not a count
        prev = _PREV_WORD.search(text, max(0, start - 40), start)
        if not _is_lone_pronoun(tokens, j, prev.group(1).lower() if prev else "", d):
            out.append(NumberMatch(start, end, value, words=True, scaled=scaled))
    return out


def _article_alone(text: str, end: int, w: NumberWords) -> bool:
    """Whether the article ending at ``end`` starts no number: the next token cannot follow it in one.

    An article is read as "one" only before a number word, a digit or a connector ("a hundred", "a 20
    first", "a half"); an article that is also "one" ("un") only before a fraction joiner ("un sur").
    Telling so from the next token spares building the window of the most common words of a text.
    """
    nxt = _NEXT_TOKEN.match(text, end)
    if nxt is None or nxt.start(1) - end > 8:  # the window ends with the article (see ``_window``)
        return True
    word = nxt.group(1)
    return not word[0].isdecimal() and word.lower() not in w.after_article


def _is_ordinal(text: str, tokens: list[_Token], j: int, w: NumberWords) -> bool:
    """Whether the number read up to token ``j`` is the head of a compound ordinal ("twenty" + "-fifth")."""
    k = j
    if k + 1 < len(tokens) and tokens[k].word in w.data.connectors:
        k += 1  # "vingt et unième"
    if k >= len(tokens) or not _is_singular(tokens[k].word, w):
        return False
    return w.data.cardinals.get(tokens[j - 1].word, 0) in _TENS \
        and all(_GAP.fullmatch(text[tokens[x - 1].end:tokens[x].start]) for x in range(j, k + 1))


def _is_singular(word: str, w: NumberWords) -> bool:
    """Whether ``word`` is a singular ordinal that has a distinct plural ("fifth" / "fifths")."""
    return word in w.ordinals and word + "s" in w.ordinals


def _is_lone_pronoun(tokens: list[_Token], j: int, prev: str, d: NumbersData) -> bool:
    if j != 1:
        return False
    word = tokens[0].word
    if word in d.articles:
        following = [t.word for t in tokens[j:j + 2]]
        return not any(" ".join(following[:len(f.split())]) == f for f in d.fraction_joiners)
    return bool(d.cardinals.get(word) == 1 and prev in d.pronoun_after)


def _composable(big: float, small: float) -> bool:
    """Whether ``small`` may follow ``big`` inside one group of number words ("thirty" + "five")."""
    base = 100 if small > 10 else 10
    return big % base == 0 and big >= base


def _fraction_split(vals: list[float], seps: list[bool]) -> int:
    """Where the denominator of a written fraction starts: the words before it are the numerator.

    ``vals`` are the values of the words, the last one the ordinal; ``seps`` marks connectors ("and").
    The words before the ordinal join its denominator while they compose with it like the words of
    one number, from right to left: "one | twenty-fifth", "one hundred | thirty fifths", "one | one
    hundred fifth", "ninety-five hundred | fifths" (a multiplier ends the numerator), "one hundred
    thirty two | fifths" (a unit cannot precede a unit ordinal). This is the reading of the
    Recognizers-Text grammar, which the outside suite follows.
    """
    n = len(vals)
    cur = vals[-1]
    round_v = 1.0
    idx = n - 2
    while idx >= 0:
        if seps[idx]:
            idx -= 1
            continue
        prev, cur = cur, vals[idx]
        if not ((prev >= 100 and prev > cur) or (prev < 100 and _composable(cur, prev))):
            return idx + 1
        if prev < 100:
            if cur < round_v:
                return idx + 1
            round_v = cur
        if idx == 0:
            # the whole run composes: the numerator ends after a multiplier ("one hundred | thirty fifths")
            for s in range(1, n - 1):
                if vals[s] >= 100 and not seps[s + 1] and vals[s + 1] < 100:
                    return s + 1
            return n - 1
        idx -= 1
    return 1


def _plain_value(vals: list[float]) -> float:
    total = current = 0.0
    for v in vals:
        if v == 100:
            current = (current or 1.0) * 100
        elif v >= 1000:
            total += (current or 1.0) * v
            current = 0.0
        else:
            current += v
    return total + current


def _span_value(text: str, tokens: list[_Token], lo: int, hi: int, d: NumbersData) -> float | None:
    """The value of tokens [lo, hi) when they are exactly one number ("a" alone counts as one)."""
    if hi - lo == 1 and tokens[lo].word in d.articles:
        return 1.0
    parsed = _parse_words(text, tokens, lo, d, stop=hi)
    if parsed is None or parsed[0] != hi:
        return None
    return parsed[1]


def _read_fraction(text: str, tokens: list[_Token], i: int, d: NumbersData,
                   w: NumberWords) -> tuple[int, float, bool] | None:
    """A fraction written in words from token ``i``, with a compound denominator.

    "three twenty-firsts", "one hundred thirty fifths", "two and fifty-four hundredths", "a trillionth".
    None when the run of number words does not end with an ordinal, or when the ordinal multiplies a
    scale ("two thirds of a million": read by ``_parse_words``).
    """
    sign = 1.0
    a = i
    if tokens[a].word in d.negatives:
        sign, a = -1.0, a + 1
    k = a
    while True:
        if k >= len(tokens) or k - a > 16:
            return None
        if k > a and not _GAP.fullmatch(text[tokens[k - 1].end:tokens[k].start]):
            return None
        word = tokens[k].word
        if word in w.ordinals:
            break
        if word in d.connectors:
            if k == a or tokens[k - 1].word in d.connectors:
                return None
        elif word in d.articles and word not in d.cardinals:
            if k != a and tokens[k - 1].word not in d.connectors:
                return None
        elif not (word in d.cardinals or word in d.hundreds or word in d.scales or word.isdigit()):
            return None
        k += 1
    f = k
    if f == a:
        return None  # a lone "half": "half a million" is read by _parse_words
    after = _SCALE_AFTER.match(text, tokens[f].end)
    if after and (after.group(1).lower() in d.scales or after.group(1).lower() in d.nouns):
        return None
    # the words before the ordinal, a hyphenated ten and unit taken as one word ("ninety-five")
    entries: list[tuple[float, bool, int]] = []  # value, is a connector, first token
    t = a
    while t < f:
        word = tokens[t].word
        if word in d.connectors:
            entries.append((0.0, True, t))
            t += 1
            continue
        v = float(word) if word.isdigit() else float(d.cardinals[word]) if word in d.cardinals \
            else 1.0 if word in d.articles else 100.0 if word in d.hundreds else d.scales[word]
        unit = d.cardinals.get(tokens[t + 1].word) if t + 1 < f else None
        if 20 <= v < 100 and v % 10 == 0 and not word.isdigit() and unit is not None and 0 < unit < 10 \
                and "-" in text[tokens[t].end:tokens[t + 1].start]:
            entries.append((v + unit, False, t))
            t += 2
            continue
        entries.append((v, False, t))
        t += 1
    ordinal_word = tokens[f].word
    ordinal = w.ordinals[ordinal_word]
    vals = [e[0] for e in entries] + [ordinal]
    seps = [e[1] for e in entries] + [False]
    # "fifty-four hundredths", "a hundred trillionths": a scale ordinal is the whole denominator
    split = len(entries) if ordinal >= 100 else _fraction_split(vals, seps)
    if not 0 < split <= len(entries):
        return None
    denominator = entries[split:]
    if denominator and denominator[0][1]:
        return None
    if denominator:
        prefix = _plain_value([e[0] for e in denominator if not e[1]])
        if prefix < 10:
            return None
        denom = prefix + ordinal
    elif ordinal_word in d.compound_ordinals:
        return None  # "first", "second" are fractions only inside a compound ("twenty-firsts")
    else:
        denom = ordinal
    numerator = entries[:split]
    joints = [x for x, e in enumerate(numerator) if e[1]]
    whole: float | None = None
    last_scale = 0.0
    end_tok = entries[split][2] if split < len(entries) else f
    if joints:
        x = joints[-1]
        whole = _span_value(text, tokens, a, numerator[x][2], d) if x > 0 else None
        if whole is None:
            return None
        last_scale = numerator[x - 1][0] if numerator[x - 1][0] >= 1000 else 0.0
        lo = numerator[x][2] + 1
        num = _span_value(text, tokens, lo, end_tok, d) if lo < end_tok else 1.0  # "un million et demi"
    else:
        num = _span_value(text, tokens, a, end_tok, d)
    if num is None or num <= 0:
        return None
    if _is_singular(ordinal_word, w) and num != 1 and (
            d.singular_needs_one or d.cardinals.get(tokens[f - 1].word, 0) in _TENS):
        return None  # "two fifth graders", "vingt-cinquième" are no fractions; "one fifth" is
    if whole is None:
        value = num / denom
    elif num < denom:
        # "two and three quarters"; after a scale, the fraction is of the scale: "five billion and a half"
        value = whole + num / denom * (last_scale or 1.0)
    else:
        value = (whole + num) / denom  # "one hundred and thirty fifths": 130 / 5
    return f + 1, sign * value, bool(last_scale)


def _parse_words(text: str, tokens: list[_Token], i: int, d: NumbersData,
                 stop: int | None = None) -> tuple[int, float, bool] | None:
    """Read a number written in words from token ``i`` (before ``stop``): (end token, value, scaled) or None.

    Small integers in digits join the words around a multiplier: "3 hundred and 21", "4 thousand 3 hundred".
    """
    limit = len(tokens) if stop is None else min(stop, len(tokens))
    total = 0.0
    current = 0.0
    last: str | None = None  # kind of the last number word: unit, teen, ten, hundred, scale
    last_value = 0.0
    last_scale = float("inf")
    sign = 1.0
    article = False
    pending_connector = False
    group_start = 0.0  # the value of ``current`` when the last connector was read
    connected = False
    best: tuple[int, float, bool] | None = None
    scaled = False
    last_group = -1.0  # the value of a first scale group, which a larger scale may still multiply
    k = i
    while k < limit:
        tok = tokens[k]
        if k > i:
            gap = text[tokens[k - 1].end:tok.start]
            if not _GAP.fullmatch(gap):
                break
        w = tok.word
        if w in d.negatives and k == i:
            sign = -1.0
            k += 1
            continue
        if w in d.articles and not article and (last is None or pending_connector):
            # an article is "one" only before a hundred, a scale, a noun or a fraction
            nxt = tokens[k + 1].word if k + 1 < len(tokens) else ""
            multiplier = nxt in d.hundreds or nxt in d.scales or nxt in d.nouns
            if nxt in d.fractions or (last is None and multiplier):
                article = True
                k += 1
                continue
            if w not in d.cardinals:
                break
        if w.isdigit():
            v = float(w)
            nxt = tokens[k + 1].word if k + 1 < limit else ""
            multiplied = nxt in d.hundreds or nxt in d.scales
            if last is None:
                ok = multiplied and not article
            elif pending_connector:
                ok = last in ("hundred", "scale") and (0 < v < 100 or multiplied)
            else:
                ok = last == "scale" and multiplied
            if not ok:
                break
            current += v
            last, last_value = "digits", v
            pending_connector = False
            best = (k + 1, sign * (total + current), scaled)
            k += 1
            continue
        if w in d.connectors:
            if last in ("hundred", "scale") or (last == "ten" and d.connector_after_tens) \
                    or (last is not None and k + 2 < len(tokens) and tokens[k + 2].word in d.fractions):
                pending_connector = True
                connected = True
                group_start = current
                k += 1
                continue
            break
        if w in d.cardinals:
            v = float(d.cardinals[w])
            kind = "unit" if v < 10 else "teen" if v < 20 else "ten"
            if w in d.multiplying_tens and last == "unit" and not pending_connector:
                current += last_value * v - last_value
                last, last_value = "ten", last_value * v
                best = (k + 1, sign * (total + current), scaled)
                k += 1
                continue
            if last is None or last in ("hundred", "scale"):
                ok = True
            elif last == "ten":
                ok = (kind == "unit" and v > 0 and last_value % 10 == 0) or (
                    kind == "teen" and d.connector_after_tens and last_value in (60.0, 80.0))
            elif last == "teen":
                # "dix-sept", "soixante-dix-sept", "quatre-vingt-dix-neuf"
                ok = d.connector_after_tens and kind == "unit" and v > 0 and last_value == 10 \
                    and current % 100 in (10, 70, 90)
            elif article and last is None:
                ok = True
            else:
                ok = False
            if pending_connector:
                ok = True
            if not ok:
                break
            if kind == "unit" and v == 1 and article:
                break
            current += v
            last, last_value = kind, v
            pending_connector = False
            best = (k + 1, sign * (total + current), scaled)
            k += 1
            continue
        if w in d.hundreds:
            if current >= 100 or last == "hundred":
                break
            current = (current or 1.0) * 100.0
            last, last_value = "hundred", 100.0
            pending_connector = False
            article = False
            best = (k + 1, sign * (total + current), scaled)
            k += 1
            continue
        if w in d.scales or w in d.nouns:
            s = d.scales.get(w) or d.nouns.get(w) or 1.0
            if s >= last_scale:
                # "three lakh crore", "two thousand million": a larger scale multiplies a lone group
                if last != "scale" or current or total != last_group:
                    break
                total *= s
                last_value, last_scale = s, s
                best = (k + 1, sign * total, scaled)
                k += 1
                continue
            last_group = (current or 1.0) * s if total == 0 else -1.0
            total += (current or 1.0) * s
            current = 0.0
            last, last_value, last_scale = "scale", s, s
            pending_connector = False
            article = False
            scaled = True
            best = (k + 1, sign * total, scaled)
            # "un million et demi", "one million and a half"
            k += 1
            half = _AND_HALF.match(text[tok.end:tok.end + 20])
            if half:
                total += 0.5 * s
                end = tok.end + half.end()
                while k < len(tokens) and tokens[k].start < end:
                    k += 1
                return k, sign * total, scaled
            continue
        if w in d.fractions and (last is not None or article):
            denom = d.fractions[w]
            grouped = connected
            numerator = 1.0 if article and (current - group_start if grouped else current) == 0 else \
                (current - group_start if grouped else current)
            if numerator <= 0 or numerator >= 100 or (
                    numerator != 1 and _singular(w, d) and (d.singular_needs_one or last == "ten")):
                break
            whole = total + (group_start if grouped else 0.0)
            frac = numerator / denom
            k += 1
            # "half a million", "a quarter million", "two thirds of a million", "and three quarters million"
            m = _OF_A_SCALE.match(text[tok.end:tok.end + 24])
            scale_word = m.group(1).lower() if m else ""
            if scale_word in d.scales or scale_word in d.nouns:
                factor = d.scales.get(scale_word) or d.nouns[scale_word]
                end = tok.end + m.end() if m else tok.end
                while k < len(tokens) and tokens[k].start < end:
                    k += 1
                after_scale = connected and group_start == 0 and total > 0
                value = (total + frac * factor) if after_scale else (whole + frac) * factor
                return k, sign * value, True
            if grouped and group_start == 0 and total > 0 and last_scale < float("inf"):
                # "five billion and three quarters": a fraction of the scale
                return k, sign * (total + frac * last_scale), scaled
            return k, sign * (whole + frac), scaled
        if w in d.fractions and last is None and not article and k == i:
            # "half million", "quarter million", "half a dozen"
            m = _A_SCALE.match(text[tok.end:tok.end + 24])
            scale_word = m.group(1).lower() if m else ""
            half_factor = d.scales.get(scale_word) or d.nouns.get(scale_word)
            if m and half_factor:
                end = tok.end + m.end()
                k += 1
                while k < len(tokens) and tokens[k].start < end:
                    k += 1
                return k, sign * half_factor / d.fractions[w], True
            break
        if w in d.points and last is not None and last != "scale":
            digits = _decimal_words(text, tokens, k + 1, d)
            if digits is None:
                break
            j, frac = digits
            return j, sign * (total + current + frac), scaled
        break
    if best is None:
        return None
    return best


def _singular(word: str, d: NumbersData) -> bool:
    return word + "s" in d.fractions or word + "s" in d.compound_ordinals


def _decimal_words(text: str, tokens: list[_Token], k: int, d: NumbersData) -> tuple[int, float] | None:
    """The digits after "point": "zero three" -> .03, "seventy-one" -> .71."""
    digits = ""
    j = k
    while j < len(tokens) and d.cardinals.get(tokens[j].word) is not None \
            and _GAP.fullmatch(text[tokens[j - 1].end:tokens[j].start]):
        v = d.cardinals[tokens[j].word]
        unit_next = j + 1 < len(tokens) and 0 < d.cardinals.get(tokens[j + 1].word, 0) < 10
        if v >= 20 and v % 10 == 0 and unit_next \
                and _GAP.fullmatch(text[tokens[j].end:tokens[j + 1].start]):
            digits += str(v + d.cardinals[tokens[j + 1].word])
            j += 2
            continue
        digits += str(v)
        j += 1
    if not digits:
        return None
    return j, float("0." + digits)
