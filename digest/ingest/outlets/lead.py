"""The signals in an article's opening paragraphs: ``tag`` (a newsroom's tag on its own lead:
"…, інформує Цензор.НЕТ."), ``wire`` (the agency a dateline credits: "KYIV (Reuters) –") and
``earlier`` (an outlet's reference to its own earlier report).

Each tells how a newsroom writes of itself from how an article cites another outlet ("…,
повідомляє Reuters.", "as Reuters reported earlier"), which names no publisher.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.config import Source
from digest.ingest.outlets.registry import Found, Registry
from digest.ingest.outlets.words import _WORD

# A newsroom's tag on its own lead: "…, інформує Цензор.НЕТ.", "…, — передає кореспондент
# Укрінформу.", "…, сообщает корреспондент ТАСС.", "…, an Ukrinform correspondent reports."
_SELF_VERB = (r"(?:[,—–]|\s-)\s*(?:[—–-]\s*)?(?:(?:інформує|информирует)\s+"
              r"|(?:передає|повідомляє|інформує|пише|сообщает|передает|информирует|пишет)\s+"
              r"(?:власний\s+|власна\s+|собственный\s+|специальный\s+|спеціальний\s+)?"
              r"(?:кореспондент\w*|корреспондент\w*|спецкор\w*)\s+"
              r"|reports\s+(?:an?\s+|the\s+)?(?:correspondent|reporter)\s+(?:(?:of|for)\s+)?)")
_TAG_BEFORE = re.compile(_SELF_VERB + r"[«\"“]?$", re.I)
_EN_CORRESPONDENT = re.compile(r"^(?:'s|’s)?\s+(?:correspondent|reporter)\s+(?:in\s+[\w ]{2,30}?"
                               r"\s+)?reports\s*[.!]?(?:\s|$)", re.I)
_EN_CORR_BEFORE = re.compile(r"(?:[,—–]|\s-)\s*(?:an?\s+|the\s+)?$", re.I)
_TAG_END = re.compile(r"^[»\"”]?\s*[.!]?(?:\s|$)")
_ENDINGS = ("ові", "еві", "ому", "ого", "ою", "ої", "ій", "ом", "ем", "у", "ю", "а", "я", "і",
            "и", "е")


def newsroom_tag(lead: Sequence[str], reg: Registry) -> Found | None:
    """The outlet a lead paragraph's closing tag names as its own newsroom.

    Only forms an outlet writes of itself count: the verb "інформує"/"информирует" or a
    correspondent ("передає кореспондент Укрінформу", "an Ukrinform correspondent reports"),
    after a comma or dash and closing the sentence. A bare "…, повідомляє Reuters." or
    "according to Reuters" is how an article cites another outlet, and is not read here."""
    for text in lead[:3]:
        if len(text) > 1500 or not _TAG_HINT.search(text):
            continue
        for m in _TAG_WORD.finditer(text):
            if not _TAG_BEFORE.search(text[max(0, m.start() - 80):m.end()]):
                continue
            found = _name_at(text[m.end():m.end() + 60], reg)
            if found and _TAG_END.match(found[1]):
                return Found(found[0].name, "tag", found[0])
        for source, start, end in reg.find(text):
            if _EN_CORRESPONDENT.match(text[end:end + 60]) and _EN_CORR_BEFORE.search(
                    text[max(0, start - 8):start]):
                return Found(source.name, "tag", source)
    return None


_TAG_WORD = re.compile(r"(?:інформує|информирует|кореспондент\w*|корреспондент\w*|спецкор\w*"
                       r"|correspondent|reporter)\s+(?:(?:of|for)\s+)?", re.I)
_TAG_HINT = re.compile(r"інформує|информирует|кореспондент|корреспондент|спецкор"
                       r"|correspondent|reporter", re.I)


def _name_at(text: str, reg: Registry) -> tuple[Source, str] | None:
    """The outlet named at the start of ``text``, in any grammatical case ("Укрінформу",
    "Інтерфакс-України"), and the text after it."""
    text = text.lstrip("«\"“ ")
    words = list(_WORD.finditer(text))[:4]
    for n in range(len(words), 0, -1):
        end = words[n - 1].end()
        for variant in _inflections(text[:end]):
            named = reg.exactly(variant)
            if named:
                return named, text[end:]
    return None


def _inflections(phrase: str) -> list[str]:
    """``phrase`` as printed, then with its last word's case ending dropped or made nominative."""
    out = [phrase]
    for ending in _ENDINGS:
        if phrase.endswith(ending) and len(phrase) > len(ending) + 3:
            stem = phrase[: -len(ending)]
            out += [stem, stem + "а", stem + "я"]
    return out


# An outlet's back-reference to its own report: "As Kyiv Post reported earlier, …",
# "Як раніше повідомляла Українська правда, …", "Как ранее писал Коммерсантъ, …".
_EARLIER = re.compile(
    r"^(?:as\s+(?P<en>.{2,50}?)\s+(?:has\s+|had\s+)?(?:reported|wrote)\s+(?:earlier|previously)"
    r"|as\s+(?:reported|written)\s+(?:earlier|previously)\s+by\s+(?P<en2>.{2,50}?)"
    r"|як\s+(?:раніше|вже)\s+(?:повідомля|писа)\w*\s+(?P<uk>.{2,50}?)"
    r"|как\s+(?:ранее|уже)\s+(?:сообща|писа)\w*\s+(?P<ru>.{2,50}?))\s*,\s", re.I)
_CITED_KIND = re.compile(r"\b(?:видання|агентство|агентства|издание|газета|телеканал"
                         r"|the outlet|the newspaper|the agency|newspaper|outlet|agency)\b", re.I)


def earlier_report(prose: Sequence[str], reg: Registry) -> Found | None:
    """An outlet's reference to its own earlier report, opening a paragraph: "As Kyiv Post
    reported earlier, …", "Як раніше повідомляла Українська правда, …".

    Weak: another outlet's article may cite "as Reuters reported earlier" the same way. It
    counts only when the article names no other outlet at all, and not when the name comes
    with a kind ("видання Reuters", "the agency"), which is how a citation introduces it."""
    candidates: dict[str, Source] = {}
    for text in prose:
        m = _EARLIER.match(text)
        if not m:
            continue
        name = next(g for g in m.groups() if g)
        named = None if _CITED_KIND.search(name) else reg.exactly(name.strip("«»\"“” "))
        if named:
            candidates[named.name] = named
    if len(candidates) != 1:
        return None
    name, source = candidates.popitem()
    others = {s.name for text in prose for s, _, _ in reg.find(text)} - {name}
    return None if others else Found(name, "earlier", source)


_PAREN_CREDIT = re.compile(r"^[^()\n]{0,40}\(\s*([^()\n]{2,80}?)\s*\)\s*[:–—-]")
_SLASH_CREDIT = re.compile(r"^[^/\n]{3,60}?[.,]\s*/\s*([^/\n]{2,40}?)\s*/\.?\s")
_DASH_CREDIT = re.compile(r"^[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ -]{2,30},\s[^—–\n]{3,30}?\s[—–]\s"
                          r"([^.\n]{2,40})\.\s")


def dateline_credit(lead: Sequence[str]) -> str | None:
    """The credit of a lead's dateline: "Athens, (UrduPoint / Pakistan Point News - 21st Aug,
    2023 ) :", "KYIV (Reuters) -", "МОСКВА, 23 августа. /ТАСС/.", "МОСКВА, 23 авг — РИА
    Новости."."""
    for text in lead:
        for pattern in (_PAREN_CREDIT, _SLASH_CREDIT, _DASH_CREDIT):
            m = pattern.match(text)
            if m:
                return m.group(1)
    return None


def wire(credit: str | None, reg: Registry) -> Found | None:
    """The agency a lead's dateline credits ("KYIV (Reuters) –"), when the registry knows it."""
    if not credit:
        return None
    named = reg.first(credit)
    return Found(named.name, "wire", named) if named else None


# A wire credit in a lead's dateline: "LJUBLJANA, March 28 (Xinhua) --" (metadata reads text
# dumps' leads with it too).
LEAD_CREDIT = re.compile(r"^[^()\n]{0,60}?\(([A-Z][\w .&/-]{1,30})\)\s*[-–—]{1,2}\s")


def _credit(lead: Sequence[str]) -> str | None:
    for text in lead[:3]:
        m = LEAD_CREDIT.match(text)
        if m:
            return m.group(1)
    return None
