"""Per-article story features: a pure function of (title, body, lang), so any worker can compute it.

An event is told with the same specific names and numbers in every outlet and language, so the
features are language-independent keys:

- ``n:`` names: capitalised words (Latin or Cyrillic) that the text never writes in lower case
  (so "The", "Він" at a sentence start are not names), transliterated to ASCII with
  ``anyascii`` and reduced to a consonant skeleton (first letter, then consonants, repeats
  collapsed, at most 5 letters): "Zelensky", "Зеленський" and "Зеленского" all give ``slnsk``,
  "Crimea", "Крим" and "Криму" give ``krm``. Spelling differences between
  transliterations live mostly in vowels and endings, which the skeleton drops; the few
  consonants they spell apart are merged (g/h: Shmyhal, Шмыгаль; z/s/ts: Scholz, Шольц,
  Israel, Ізраїль), and Cyrillic adjective endings ("Залужного") are cut first.
- ``d:`` numbers of two or more digits, with a letter prefix kept ("F-16" -> ``f16``, "880").
- ``w:`` ordinary words (5+ letters, first 6 ASCII letters): they only ever match within one
  language, and carry same-language pairs whose names are few.

A handful of words that no transliteration turns into the English form (США -> US, ...) come
from :data:`LEXICON`, and a score of countries' Ukrainian and Russian names (Польща, Угорщина)
from ``_EXONYM_STEMS``, both shipped here and keyed as the English form is; everything else is
spelling, not vocabulary.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

LEAD_CHARS = 3000  # an event is named in the title and the lead; long tails add noise
SCRIPT_SAMPLE = 1000  # letters enough to tell the alphabet
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_VOWELS = frozenset("aeiouy")
# Spellings of one sound across transliterations. "g" and "h" are one: Ukrainian writes
# Shmyhal what Russian writes Шмыгаль (Shmygal); "sch", "ts" and "tz" are German and
# Cyrillic spellings of "sh" and "z" (Scholz, Шольц), and "s" and "z" are one (Israel, Ізраїль).
_DIGRAPHS = (("dzh", "j"), ("sch", "sh"), ("kh", "h"), ("zh", "j"), ("ph", "f"), ("ck", "k"),
             ("w", "v"), ("tz", "z"), ("ts", "z"), ("z", "s"), ("c", "k"), ("q", "k"), ("x", "ks"),
             ("g", "h"), ("'", ""), ("’", ""), ("-", ""))
# Words whose usual transliteration does not become the English name (names of countries and
# bodies abbreviated differently); keys are lower-case as written, values the English form.
_LEXICON_EN = {
    "сша": "US", "штатів": "US", "штати": "US", "штатах": "US", "штатов": "US",
    "сполучених": "US", "соединенных": "US",
    "оон": "UN", "нато": "NATO", "єс": "EU", "ес": "EU", "мзс": "MFA", "мид": "MFA",
    "зсу": "AFU", "всу": "AFU", "рнбо": "NSDC", "рнбо's": "NSDC", "снбо": "NSDC",
    "мвф": "IMF", "магате": "IAEA", "фсб": "FSB", "сбу": "SBU", "гур": "HUR",
    "білий": "White", "белый": "White", "білого": "White", "белого": "White",
}
# Countries whose Ukrainian and Russian names are not their English name transliterated,
# by stem and case ending ("Польщі", "Польшу" -> Poland; "Франциск" is no France).
_EXONYM_STEMS = {
    "німеччин": "Germany", "германи": "Germany", "угорщин": "Hungary", "венгри": "Hungary",
    "польщ": "Poland", "польш": "Poland", "туреччин": "Turkey", "турци": "Turkey",
    "британі": "Britain", "британи": "Britain", "франці": "France", "франци": "France",
    "японі": "Japan", "япони": "Japan", "швеці": "Sweden", "швеци": "Sweden",
    "фінлянді": "Finland", "финлянди": "Finland", "нідерланд": "Netherlands",
    "нидерланд": "Netherlands",
}
_EXONYM = re.compile("^(" + "|".join(_EXONYM_STEMS) + r")(?:[аяуюеєиіїой]{1,2}|ах|ів|ам|ами)?$")
NAME, NUMBER, WORD = "n:", "d:", "w:"
# A Cyrillic name's case endings that no transliteration of its nominative has
# ("Залужного", "Навальному" -> "Залужн", "Навальн").
_CASE_ENDING = re.compile(r"(?<=\w{3})(?:ого|его|ому|ему|ими|ыми)$")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Features:
    """The keys of one article; ``names`` and ``numbers`` carry across languages."""

    names: frozenset[str]
    numbers: frozenset[str]
    words: frozenset[str]
    title: frozenset[str]  # the keys the headline carries (they weigh more)
    script: str = "latin"  # the alphabet most letters are in: "latin", "cyrillic" or "other"
    portable: frozenset[str] = frozenset()  # names | numbers, kept (lookups are hot)
    every: frozenset[str] = frozenset()  # names | numbers | words

    def keyset(self, cross_language: bool = False) -> frozenset[str]:
        """All keys, or only those that can match an article in another language."""
        return self.portable if cross_language else self.every


def extract(title: str, body: str, lang: str | None = None) -> Features:
    """Features of one article (``lang`` is accepted for a future per-language rule)."""
    del lang
    text = unicodedata.normalize("NFC", f"{title or ''}\n{(body or '')[:LEAD_CHARS]}")
    tokens = _TOKEN.findall(text)
    lower = {t for t in tokens if t[:1].islower()}
    head = _keys(_TOKEN.findall(unicodedata.normalize("NFC", title or "")), lower)
    names, numbers, words = _keys(tokens, lower)
    portable = frozenset(names | numbers)
    return Features(frozenset(names), frozenset(numbers), frozenset(words),
                    frozenset().union(*head), script_of(text), portable,
                    portable | frozenset(words))


def script_of(text: str) -> str:
    """The alphabet most letters of ``text`` are in (a page's own, whatever its lang tag)."""
    sample = text[:SCRIPT_SAMPLE]
    latin, cyrillic = len(_LATIN.findall(sample)), len(_CYRILLIC.findall(sample))
    if not latin and not cyrillic:
        return "other"
    return "latin" if latin >= cyrillic else "cyrillic"


def _keys(tokens: list[str], lower: set[str]) -> tuple[set[str], set[str], set[str]]:
    """(names, numbers, words) of tokens; ``lower``: the words the text writes in lower case."""
    names: set[str] = set()
    numbers: set[str] = set()
    words: set[str] = set()
    for token in tokens:
        low = token.lower()
        if _DIGIT.search(token):
            number = _number(token)
            if number:
                numbers.add(NUMBER + number)
        elif low in LEXICON:
            names.add(LEXICON[low])
        elif token[:1].isupper() and (exonym := _EXONYM.match(low)):
            names.add(_english(_EXONYM_STEMS[exonym.group(1)]))
        elif token[:1].isupper() and low not in lower:
            key = skeleton(token)
            if key:
                names.add(NAME + key)
        elif len(token) >= 5:
            words.add(_word(low))
    return names, numbers, words


@functools.lru_cache(maxsize=65536)
def _word(low: str) -> str:
    return WORD + anyascii(low)[:6]


@functools.lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """First letter, then consonants (repeats collapsed), at most 5: a spelling-free name key.

    Acronyms (all capitals, up to 5 letters: NASA, ESA, МВФ) are kept whole, lower-cased.
    """
    ascii_word = anyascii(word)
    if ascii_word.isupper() and 2 <= len(ascii_word) <= 5:
        return ascii_word.lower()
    if _CYRILLIC.match(word):
        ascii_word = anyascii(_CASE_ENDING.sub("", word.lower()))
    s = ascii_word.lower()
    for old, new in _DIGRAPHS:
        s = s.replace(old, new)
    s = "".join(ch for ch in s if ch.isalpha())
    if (s[:1] == "y" and s[1:2] in _VOWELS) or s[:2] == "ie":  # Yevgeny / Evgeniy, Єрмак
        s = s[1:]
    if len(s) < 2:
        return ""
    out = s[0]
    for ch in s[1:]:
        if ch in _VOWELS or ch == out[-1]:
            continue
        out += ch
    return out[:5] if len(out) >= 2 else ""


def _english(name: str) -> str:
    """The key an English name has in an English text: "NATO" -> ``n:nato``."""
    return NAME + skeleton(name)


# Each lexicon word's key is the key of its English form, so "США" meets "US", "НАТО" meets
# "NATO", and "Білий" meets "White" as the English text itself gives them.
LEXICON = {word: _english(english) for word, english in _LEXICON_EN.items()}


def _number(token: str) -> str:
    """``F-16`` -> ``f16``, ``880`` -> ``880``; one-digit numbers say nothing about an event."""
    s = anyascii(token).lower().replace("-", "").replace("'", "")
    digits = sum(ch.isdigit() for ch in s)
    return s if digits >= 2 else ""
