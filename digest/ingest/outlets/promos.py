"""The signals in which an outlet speaks of itself or of its staff: ``promo`` ("Follow Kyiv Post
on Twitter", "Kyiv Independent news desk", "join @KyivPost"), ``self`` (a promo in the first
person plural: "<Outlet> is …; follow us") and ``staff`` (an author's bio: "a reporter for
NBC News").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.config import Source
from digest.ingest.outlets.registry import Found, Mentions, Registry
from digest.ingest.outlets.words import _CAPS_MAX, _NAME_JOINERS, _WORD

_STAFF = re.compile(r"(?:reporter|writer|correspondent|editor|journalist|columnist|contributor"
                    r"|producer|reporting|кореспондент|корреспондент|журналіст|журналист"
                    r"|редактор|оглядач|обозреватель)\s+(?:at|for|with|of|в|у)\s+(?:the\s+)?$",
                    re.I)
_PROMO_BEFORE = re.compile(
    r"(?:follow|subscribe to|support|join|download|stay with|donate to"
    r"|підписуйтесь на|підписуйтеся на|стежте за|читайте|підтримайте|приєднуйтесь до"
    r"|подписывайтесь на|следите за|поддержите|присоединяйтесь к)\s+(?:the\s+)?$", re.I)
_PROMO_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:[—–:-]\s*)?(?:(?:on|in|at|via|в|у|на)\s+"
    r"(?:twitter|telegram|facebook|instagram|x\b|google|youtube|viber|whatsapp|tiktok|threads"
    r"|linkedin|телеграм|фейсбук|ютуб)"
    r"|news\s*desk|newsletter|app\b|telegram|editorial team|newsroom|staff\b|or become)", re.I)
_PROMO_HINT = re.compile(
    r"follow|subscri|support|join|download|donate|stay with|desk|newsletter|newsroom|editorial"
    r"|become|\bapp\b|twitter|telegram|facebook|instagram|youtube|viber|whatsapp|tiktok|threads"
    r"|linkedin|google|\bx\b|підпис|стежте|читайте|підтрим|приєдн|подпис|следите|поддерж"
    r"|присоедин|телеграм|фейсбук|ютуб|\bstaff\b|@", re.I)
_STAFF_HINT = re.compile(r"reporter|writer|correspondent|editor|journalist|columnist|contributor"
                         r"|producer|reporting|кореспондент|корреспондент|журналіст|журналист"
                         r"|редактор|оглядач|обозреватель", re.I)
_PROMO_LINE = re.compile(r"\b(?:follow|join|subscribe|підпис|подпис|telegram|twitter)", re.I)
_HANDLE = re.compile(r"@(\w{3,40})")


def staff(mentions: Mentions) -> Found | None:
    """An author's bio line: "Phil Helsel is a reporter for NBC News", "Science writer at
    Gizmodo". Only short lines: in a long paragraph the phrase is more likely a quote."""
    for text, hits in mentions:
        if len(text) > 250 or not _STAFF_HINT.search(text):
            continue
        for source, start, _ in hits:
            if _STAFF.search(text[max(0, start - 40): start]):
                return Found(source.name, "staff", source)
    return None


def promo(mentions: Mentions, lines: Sequence[str], reg: Registry) -> Found | None:
    """An outlet's own calls to action and credits: "Follow Ukrainska Pravda on Twitter!",
    "Kyiv Independent news desk", "Підписуйтесь на УП в Telegram", "join @KyivPost"."""
    for text, hits in mentions:
        if len(text) > 300 or not _PROMO_HINT.search(text):
            continue
        for source, start, end in hits:
            if (_PROMO_BEFORE.search(text[max(0, start - 30): start])
                    or _PROMO_AFTER.match(text[end: end + 40])) and not _stands_for_another(
                        text[start:end], source, lines):
                return Found(source.name, "promo", source)
    for text in lines:
        if "@" in text and len(text) <= 300 and _PROMO_LINE.search(text):
            for handle in _HANDLE.findall(text):
                source = reg.handle(handle)
                if source:
                    return Found(source.name, "promo", source)
    return None


def _stands_for_another(spelled: str, source: Source, lines: Sequence[str]) -> bool:
    """Whether an acronym ("TOI") is spelled out on the page as a name that is not one of
    ``source``'s ("The Times of Israel", not "The Times of India"): the page's own."""
    if not (spelled.isupper() and spelled.isalpha() and 2 <= len(spelled) <= _CAPS_MAX):
        return False
    parts = []
    for i, letter in enumerate(spelled):
        joiners = sorted(j for j in _NAME_JOINERS if j[0] == letter.lower()) if i else []
        parts.append("(?:" + "|".join([rf"{letter}[\w'’-]*", *joiners]) + ")")
    own = {" ".join(_WORD.findall(n.casefold())) for n in (source.name, *source.aliases)}
    for m in re.finditer(r"\b" + r"\s+".join(parts) + r"\b", "\n".join(lines)):
        name = " ".join(_WORD.findall(m.group().casefold()))
        if name != spelled.casefold() and name not in own and f"the {name}" not in own:
            return True
    return False


# "follow us", "support us", "our newsletter": a line in which the outlet speaks of itself.
_WE_CALL = re.compile(
    r"\b(?:follow us|support us|join us|subscribe to (?:us|our)|our (?:newsletter|patrons?"
    r"|telegram|channel|app|podcast)|become (?:our|a) (?:patron|member|subscriber)"
    r"|підпиш\w* на нас|підпис\w* на нас|стежте за нами|підтримайте нас|приєднуйтесь до нас"
    r"|наш\w* (?:телеграм|telegram|канал|розсилк)|подпиш\w* на нас|подпис\w* на нас"
    r"|следите за нами|поддержите нас|присоединяйтесь к нам"
    r"|наш\w* (?:телеграм-канал|канал|рассылк))", re.I)
# what follows the outlet's name when it is the subject of a sentence about itself
_SELF_SUBJECT = re.compile(r"^\s*(?:is|are|brings|offers|[—–:-]|є|це|—\s*це|это|является"
                           r"|—\s*это)(?=\s)", re.I)


def self_promo(lines: Sequence[str], reg: Registry) -> Found | None:
    """A promo line in which the outlet names itself and speaks in the first person plural:
    "Ukrainska Pravda is the place where you will find … Follow us on Twitter, support us".

    The name must open a sentence of the line and be its subject ("<Outlet> is …", "<Outlet>
    — …"), and the call ("follow us", "our newsletter", "підтримайте нас") must come after
    it: a line that quotes another outlet and then asks to follow "us" does not qualify."""
    for text in lines:
        if len(text) > 300:
            continue
        call = _WE_CALL.search(text)
        if call is None:
            continue
        for source, start, end in reg.find(text[:call.start()]):
            opens = start == 0 or text[max(0, start - 2):start] in (". ", "! ", "? ")
            if opens and _SELF_SUBJECT.match(text[end:end + 20]):
                return Found(source.name, "self", source)
    return None
