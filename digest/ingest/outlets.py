"""Which outlet published a page: a registry of news outlets and one small function per signal.

The registry (``data/outlets.json``, compiled by hand; see its ``about``) knows several hundred
outlets by name, other spellings (English, Ukrainian, Russian, short names) and web domains,
with the timezone of their datelines. ``sources:`` in digest.yaml extends it: a user's entry
with the same name or a shared domain replaces the registry's (its name, timezone and domains
win; the registry's spellings are kept).

Names are found by token n-grams (a dict lookup per word, longest name first), so a page is
read once whatever the registry's size. A short all-capitals name ("UP", "AP", "ТАСС") only
matches in capitals as a whole word; names that are common words ("The Hill", "Metro", "El
País": "the country") only in a case written in the registry ("El País" or "EL PAÍS", never
"El país").

Signals, strongest first (:func:`from_text` for text dumps, :func:`from_html` for HTML): the
byline's name; the page's own URL (and an HTML page's canonical link, site name, JSON-LD
publisher); the page's chrome — a copyright notice, "Follow <Outlet> on ...", a promo in
which the outlet speaks of itself ("<Outlet> is …; follow us"), a "<Outlet> news desk" line,
an author's bio, a masthead line; the newsroom's tag on its lead ("…, інформує Цензор.НЕТ.",
"передає кореспондент Укрінформу"); the agency the lead's dateline credits; the site in a
title's tail ("… | Outlet"); an outlet's reference to its own earlier report. An outlet the
article only *cites* ("according to Reuters", "повідомляє Reuters", a headline ending "–
NYT") is not its publisher: mentions count only when the chrome and a citation agree.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from importlib import resources
from urllib.parse import urlsplit

from digest.config import Source
from digest.ingest.chrome import RIGHTS_RESERVED

_WORD = re.compile(r"\w+")
_CAPS_MAX = 5  # "UP", "AP", "TASS", "ТАСС", "SCMP": capitals only
# Words too common to tell a name's line apart ("BBC News" is looked for by "bbc").
_COMMON = frozenset(_WORD.findall(
    "the news daily times post press radio tv media agency channel online info com net org ru ua"
    " by uk co kz md ge lt lv ee pl de fr it es in of and new world international journal review"
    " today herald la le el di"))
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile)\.")


Mentions = list[tuple[str, list[tuple[Source, int, int]]]]  # lines and the outlets they name


@dataclass(frozen=True)
class Found:
    """An outlet and the signal that named it (``Extraction.outlet_source``)."""

    name: str
    signal: str
    source: Source | None = None


@dataclass(frozen=True)
class _Key:
    source: Source
    exact: frozenset[str] | None  # the spellings a match must have, or None for any case


class Registry:
    """Outlets by domain and by name; built once per set of digest.yaml ``sources``."""

    def __init__(self, entries: Iterable[tuple[Source, bool]]) -> None:
        self.sources: list[Source] = []
        self._domains: dict[str, Source] = {}
        self._names: dict[tuple[str, ...], _Key] = {}
        self._squashed: dict[str, Source] = {}
        self._first: set[str] = set()
        # one telling word of each name -> the words of the names it stands for
        self._anchors: dict[str, list[frozenset[str]]] = {}
        self._anchors_exact: dict[str, list[frozenset[str]]] = {}  # names of one case only
        self._exact_folded: dict[str, set[str]] = {}  # their anchors by casefolded word
        self._common: set[tuple[str, ...]] = set()  # one-word names that are common words
        self._longest = 1
        for source, exact_case in entries:
            self._add(source, exact_case)

    def _add(self, source: Source, exact_case: bool) -> None:
        self.sources.append(source)
        for domain in source.domains:
            self._domains.setdefault(_bare(domain), source)
        for name in (source.name, *source.aliases, *(_bare(d) for d in source.domains)):
            tokens = tuple(_WORD.findall(name))
            if not tokens:
                continue
            key = tuple(t.casefold() for t in tokens)
            caps = name.isupper() and len("".join(tokens)) <= _CAPS_MAX
            exact = " ".join(tokens) if caps or exact_case else None
            if exact_case and not caps and len(key) == 1:
                self._common.add(key)
            known = self._names.get(key)
            if known is None:
                self._names[key] = _Key(source, None if exact is None else frozenset((exact,)))
            elif known.source is source and known.exact is not None and exact is not None:
                self._names[key] = _Key(source, known.exact | {exact})  # "El País", "EL PAÍS"
            self._first.add(key[0])
            anchor = max(range(len(key)), key=lambda j: (key[j] not in _COMMON, len(key[j])))
            if exact is None:
                self._anchors.setdefault(key[anchor], []).append(frozenset(key))
            else:
                self._anchors_exact.setdefault(tokens[anchor], []).append(frozenset(key))
                self._exact_folded.setdefault(key[anchor], set()).add(tokens[anchor])
            self._longest = max(self._longest, len(key))
            if exact is None and "." not in name:
                self._squashed.setdefault("".join(key), source)

    # --- by URL ---------------------------------------------------------------------------
    def for_host(self, host: str) -> Source | None:
        """The outlet serving ``host``: the longest registered domain it equals or ends with."""
        labels = _bare(host).split(".")
        for i in range(len(labels) - 1):
            found = self._domains.get(".".join(labels[i:]))
            if found:
                return found
        return None

    def for_url(self, url: str | None) -> Source | None:
        return self.for_host(host(url)) if url else None

    # --- by name --------------------------------------------------------------------------
    def find(self, text: str) -> list[tuple[Source, int, int]]:
        """Every outlet named in ``text``, left to right, longest name first at each word."""
        words = list(_WORD.finditer(text))
        folded = [w.group().casefold() for w in words]
        out: list[tuple[Source, int, int]] = []
        i = 0
        while i < len(words):
            hit = self._match_at(words, folded, i) if folded[i] in self._first else None
            if hit is None:
                i += 1
                continue
            source, n = hit
            out.append((source, words[i].start(), words[i + n - 1].end()))
            i += n
        return out

    def mentions(self, lines: Sequence[str]) -> Mentions:
        """Each line that names an outlet, with its names (see :meth:`find`).

        One pass over the whole page finds which telling words of names occur in it at all
        (a set intersection); only the lines holding one are then read word by word, so the
        cost hardly depends on the registry's size."""
        text = "\n".join(lines)
        folded = text.casefold()
        words = set(_WORD.findall(folded))
        present = _present(self._anchors, words)
        exact = [a for f in self._exact_folded.keys() & words for a in self._exact_folded[f]
                 if a in text and any(name <= words for name in self._anchors_exact[a])]
        if not present and not exact:
            return []
        out = []
        for line, low in zip(lines, folded.split("\n"), strict=False):
            if any(a in low for a in present) or any(a in line for a in exact):
                hits = self.find(line)
                if hits:
                    out.append((line, hits))
        return out

    def _match_at(self, words: list[re.Match[str]], folded: list[str],
                  i: int) -> tuple[Source, int] | None:
        for n in range(min(self._longest, len(words) - i), 0, -1):
            key = self._names.get(tuple(folded[i:i + n]))
            if key is None:
                continue
            if key.exact is None or " ".join(w.group() for w in words[i:i + n]) in key.exact:
                return key.source, n
        return None

    def common(self, name: str) -> bool:
        """Whether ``name`` is a one-word registry name that is also a common word ("Metro",
        "Bild", "Fortune"), which a longer name may begin with ("Metro Atlanta")."""
        return tuple(w.casefold() for w in _WORD.findall(name)) in self._common

    def first(self, text: str) -> Source | None:
        hits = self.find(text)
        return hits[0][0] if hits else None

    def exactly(self, text: str) -> Source | None:
        """The outlet ``text`` is the name of, and nothing more ("Kyiv Post", "BBC News")."""
        tokens = _WORD.findall(text)
        if not tokens or len(tokens) > self._longest:
            return None
        key = self._names.get(tuple(t.casefold() for t in tokens))
        if key is None or (key.exact is not None and " ".join(tokens) not in key.exact):
            return None
        return key.source

    def named(self, text: str) -> Source | None:
        """The outlet ``text`` is: its name, an alias or one of its domains ("Kyiv Post",
        "kyivpost.com", "www.rferl.org"), as a person names the outlet a page came from."""
        return self.exactly(text) or (self.for_host(text) if "." in text else None)

    def squashed(self, text: str) -> Source | None:
        """The outlet a one-word site name spells without its spaces ("usatoday", "KyivPost")."""
        word = text.strip()
        return self._squashed.get(word.casefold()) if _WORD.fullmatch(word) else None

    def handle(self, handle: str) -> Source | None:
        """The outlet a social-media handle is made of ("@KyivPost", "@Kyivpost_official")."""
        head = handle.lstrip("@").split("_")[0].casefold()
        return self._squashed.get(head)


def _present(anchors: dict[str, list[frozenset[str]]], words: set[str]) -> list[str]:
    """The anchors of the names all of whose words occur among ``words``."""
    return [a for a in anchors.keys() & words if any(name <= words for name in anchors[a])]


def host(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _bare(domain: str) -> str:
    return _HOST_PREFIX.sub("", domain.strip().lower().rstrip("."))


@lru_cache(maxsize=1)
def _shipped() -> tuple[tuple[Source, bool], ...]:
    """The registry file: (source, exact_case) per outlet (country and languages are data for
    editors and other tools; ingest reads the language from the page itself)."""
    text = resources.files("digest.ingest").joinpath("data/outlets.json").read_text("utf-8")
    out = []
    for item in json.loads(text)["outlets"]:
        source = Source(item["name"], tuple(item.get("aliases", ())), item.get("timezone"),
                        tuple(item.get("domains", ())))
        out.append((source, bool(item.get("exact_case"))))
    return tuple(out)


@lru_cache(maxsize=8)
def registry(sources: tuple[Source, ...] = ()) -> Registry:
    """The shipped registry with the user's ``sources`` merged in (theirs win)."""
    return Registry(merge(sources, _shipped()))


def merge(user: Sequence[Source], shipped: Sequence[tuple[Source, bool]]
          ) -> list[tuple[Source, bool]]:
    """The user's sources first; a shipped outlet with the same name or a shared domain is
    folded into the user's entry (the user's name, timezone and domains; both spellings)."""
    taken: dict[int, Source] = {}
    for i, (entry, _) in enumerate(shipped):
        for mine in user:
            if _same(mine, entry):
                taken[i] = mine
                break
    merged: list[tuple[Source, bool]] = []
    for mine in user:
        extra = [entry for i, (entry, _) in enumerate(shipped) if taken.get(i) is mine]
        aliases = list(dict.fromkeys(
            [*mine.aliases, *(n for e in extra for n in (e.name, *e.aliases))]))
        domains = list(dict.fromkeys([*mine.domains, *(d for e in extra for d in e.domains)]))
        timezone = mine.timezone or next((e.timezone for e in extra if e.timezone), None)
        aliases = [a for a in aliases if a != mine.name]
        merged.append((Source(mine.name, tuple(aliases), timezone, tuple(domains)), False))
    merged += [pair for i, pair in enumerate(shipped) if i not in taken]
    return merged


def _same(mine: Source, entry: Source) -> bool:
    if mine.name.casefold() == entry.name.casefold():
        return True
    return bool({_bare(d) for d in mine.domains} & {_bare(d) for d in entry.domains})


# --- signals in a page's text ---------------------------------------------------------------

_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|" + RIGHTS_RESERVED, re.I)
_PHOTO = re.compile(r"\b(?:photo|photos|image|images|фото|світлина|picture|getty|shutterstock"
                    r"|epa|video|відео|видео|illustration|ілюстрац|иллюстрац)\b", re.I)
_MARKS = ("©", "(c)", "copyright", "rights reserved", "права з", "права за")
_RIGHTS = re.compile(RIGHTS_RESERVED, re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_COMPANY = re.compile(r"^[\s,.]*(?:media|company|llc|inc|interactive|group|holdings?|networks?"
                      r"|communications|publishing|digital|corporation|corp|brands|enterprises"
                      r"|studios)\b",
                      re.I)
# A company that publishes under several names ("Vox Media", "CBS Interactive"): never the outlet.
_GROUP = re.compile(r"^[\s,.]*(?:media|interactive|digital|networks?|brands|studios|publishing"
                    r"|communications|holdings?|enterprises)\b", re.I)
_STAFF = re.compile(r"(?:reporter|writer|correspondent|editor|journalist|columnist|contributor"
                    r"|producer|reporting|кореспондент|корреспондент|журналіст|журналист"
                    r"|редактор|оглядач|обозреватель)\s+(?:at|for|with|of|в|у)\s+(?:the\s+)?$",
                    re.I)
_LOGO = re.compile(r"(?i)\blogo\b|^home\s*[-|]?\s*")
_GLUED = re.compile(r"^(.{3,40}?[a-z\u0430-\u044f])(?=[A-Z\u0410-\u042f][a-z\u0430-\u044f]+"
                    r"(?:\s[A-Z\u0410-\u042f][\w'’-]+){0,2}$)")
_DOMAIN_HOLDER = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
                            r"((?:[\w-]+\.)+[a-z]{2,6})\b", re.I)
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
_TITLE_TAIL = re.compile(r"\s(?:\||//|::)\s*([^|]{2,60}?)\s*$")
_DASH_TAIL = re.compile(r"\s[–—-]{1,2}\s*([^–—]{2,60}?)\s*$")
_ATTRIBUTION = re.compile(r"^(?:source|sources|джерело|джерела|источник|источники|за матеріалами"
                          r"|по материалам)\s*[:–—-]", re.I)
_QUOTES = re.compile(r"[\"“”«»]")
_DASH_END = re.compile(r"\s[–—-]{1,2}\s*$")
_CITED_HINT = re.compile(r"according|report|told|said|citing|cited|за даними|за інформацією"
                         r"|повідом|пише|по данным|по информации|сообща|пишет", re.I)
_CITED = re.compile(r"(?:according to|as reported by|reported by|reports|told|said|citing|cited"
                    r"|за даними|за інформацією|як повідомляє|як повідомило|повідомляє|пише"
                    r"|по данным|по информации|как сообщает|сообщает|пишет)\s+(?:the\s+)?$",
                    re.I)


def copyright_line(lines: Sequence[str], reg: Registry, company: bool = False,
                   marked: Sequence[str] | None = None, footer: Iterable[str] | None = None,
                   host: str = "") -> Found | None:
    """The outlet a copyright notice names as its holder ("© 2023 Kyiv Post"), nearest the end.

    Only a notice counts: the mark opens the line, or the line says "All rights reserved". A
    photo credit ("Photo: © Reuters", "… 2019. © Reuters / David Mercado") names the picture's
    agency, and a parent company ("© 2019 Vox Media, LLC", "CBS Interactive") is not one of
    its outlets. A holder that is a domain name ("© 2023 bin.ua") is the site itself; in a
    bare notice ("© www.photos.example", no year, no "All rights reserved") only below the
    article (``footer``, the lines after it, when given) and never another site's than the
    page's own ``host``: above or inside the article, or on another site's page, it is a
    picture's or a widget's credit.

    A company named after an outlet ("© 2019 The New York Times Company") is weaker evidence,
    taken with ``company`` after the page's masthead and promos; a group that publishes under
    several names ("Vox Media, LLC", "CBS Interactive") is never taken."""
    best: tuple[int, Found] | None = None
    for text in reversed(notices(lines) if marked is None else marked):
        strength = _notice(text)
        if not strength or (best and best[0] >= strength):
            continue
        found = _holder(text, reg, company)
        if found and found.source is None and (
                (strength == 1 and footer is not None and text not in footer)
                or (host and not _same_site(found.name, host))):
            continue  # "© www.photos.example" under a picture: a credit
        if found:
            best = (strength, found)
    return best[1] if best else None


def _same_site(domain: str, host_name: str) -> bool:
    mine, theirs = _bare(domain), _bare(host_name)
    return mine == theirs or mine.endswith("." + theirs) or theirs.endswith("." + mine)


def notices(lines: Sequence[str]) -> list[str]:
    """The lines that carry a copyright mark, found with one scan of the whole page."""
    text = "\n".join(lines)
    low = text.lower()
    if len(low) != len(text):  # a rare letter that lowers to two; read line by line
        return [line for line in lines if any(mark in line.lower() for mark in _MARKS)]
    found: dict[int, str] = {}  # line start -> line, to keep the page's order
    for mark in _MARKS:
        at = low.find(mark)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            found[start] = text[start:end]
            at = low.find(mark, end)
    return [found[k] for k in sorted(found)]


def _notice(text: str) -> int:
    """2 for a full notice (rights reserved, a year), 1 for a bare "© Name", 0 for none."""
    mark = _COPYRIGHT.search(text) if len(text) <= 400 else None
    if mark is None or _PHOTO.search(text[max(0, mark.start() - 40): mark.end() + 25]):
        return 0
    rights = _RIGHTS.search(text)
    if mark.start() > 20 and not rights:
        return 0
    return 2 if rights or _YEAR.search(text) else 1


def _holder(text: str, reg: Registry, company: bool) -> Found | None:
    for source, start, end in reg.find(text):
        after = text[end:end + 30]
        if after.lstrip().startswith(("/", ":")) or text[:start].rstrip().endswith("/"):
            continue  # "© Reuters / David Mercado", "© APA/AP": a picture's credits;
            # "© Bild: Jane Roe": a label ("Bild" is German for "picture")
        if _in_longer_name(text, start) or (reg.common(text[start:end])
                                            and _name_goes_on(text, end)):
            continue  # "© 2023 Detroit Metro Times", "© The Nassau Guardian", "… for Metro
            # Atlanta": another name
        corporate = _COMPANY.match(after)
        if corporate and _another_name(text[end + corporate.end():]):
            continue  # "© ABC, Inc., KGO-TV San Francisco": a parent and its station
        if not corporate or (company and not _GROUP.match(after)):
            return Found(source.name, "copyright", source)
    holder = _DOMAIN_HOLDER.search(text)
    return Found(holder.group(1).lower(), "copyright") if holder else None


# Words that follow a holder's name in a notice without being part of it.
_NOTICE_WORDS = frozenset(_WORD.findall(
    "all alle todos todas tous tutti rights reserved derechos droits rechte diritti copyright"
    " terms privacy policy impressum datenschutz contact kontakt about powered designed"
    " developed sitemap site"))
_NOT_PART = frozenset(("the", "copyright", "by"))
# Small words inside a name, between its capitalised ones ("Trinidad and Tobago Newsday",
# "Recht am Bild", "The Times of Israel").
_NAME_JOINERS = frozenset(_WORD.findall(
    "of and the for on in am an de del la le el du da di y et und van von"))
_TOKEN = re.compile(r"[^\s]+")


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and token[-1:].isalnum()


def _in_longer_name(text: str, start: int) -> bool:
    """Whether the name at ``text[start:]`` ends a longer name: a capitalised word right
    before it (across "of", "and", "am" …), with no punctuation between ("Detroit Metro
    Times", "The Nassau Guardian", "Trinidad and Tobago Newsday", "Recht am Bild GbR") —
    not "The", "Copyright" or a company's form ("SA LA NACION")."""
    head = text[:start]
    before = _TOKEN.findall(head) if head[-1:].isspace() else []
    if len(before) >= 2 and before[-1] in _NAME_JOINERS:
        before = before[:-1]
    word = before[-1] if before else ""
    folded = word.casefold()
    return _capitalised(word) and folded not in _NOT_PART and folded not in _PARENT


def _name_goes_on(text: str, end: int) -> bool:
    """Whether capitalised words go on after the name ending at ``end`` ("Metro Atlanta"),
    other than a notice's words and a company's ("The Atlantic Monthly Group": the outlet's
    company, as "The New York Times Company")."""
    run = []
    for token in _TOKEN.findall(text[end:]) if text[end:end + 1].isspace() else ():
        word = token.strip(".,;:|()")
        if not _capitalised(word) or word.casefold() in _NOTICE_WORDS:
            break
        run.append(word.casefold())
        if word != token.rstrip(")"):
            break
    return bool(run) and run[-1] not in _PARENT and not _COMPANY.match(run[-1])


def _another_name(rest: str) -> bool:
    """Whether a notice's text after a company ("ABC, Inc.") names another holder in the same
    sentence (", KGO-TV San Francisco"): the company is its parent."""
    sentence = re.split(r"\.\s|\||$", rest, maxsplit=1)[0]
    for word in _TOKEN.findall(sentence):
        word = word.strip(".,;:()")
        if (_capitalised(word) and word.casefold() not in _NOTICE_WORDS
                and not _COMPANY.match(word) and not _GROUP.match(word)):
            return True
    return False


def masthead(lines: Sequence[str], reg: Registry,
             named_lines: set[str] | None = None, listed: set[str] | None = None
             ) -> Found | None:
    """A chrome line that is just an outlet's name (the logo's text, a footer's name line).

    Several names (a publisher's list of sister brands) count by how often each stands alone;
    a tie is no evidence. ``named_lines``, when given, are the only lines that name an outlet
    at all (from :meth:`Registry.mentions`), so the others are not read twice."""
    votes: Counter[str] = Counter()
    by_name: dict[str, Source] = {}
    apart: set[str] = set()  # the names of a line that stands apart from menus
    for text in lines:
        if len(text) > 60 or ":" in text:
            continue  # "(Bild: )": a label, not a name
        named = None
        if named_lines is None or text in named_lines:
            named = reg.exactly(_LOGO.sub(" ", text))
        named = named or _card(text, reg)
        if named:
            votes[named.name] += 1
            by_name[named.name] = named
            if listed is None or text not in listed:
                apart.add(named.name)
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    if ranked[0][0] not in apart:
        return None  # only an item of one menu: a section, a topic or a sister brand
    return Found(ranked[0][0], "masthead", by_name[ranked[0][0]])


_ITEM_END = re.compile(r"[.!?:,;]$")


def _item(text: str) -> bool:
    """A short line a menu or a list is made of ("Sport", "Basel & Region", "GLAMOUR")."""
    return len(text) <= 40 and len(text.split()) <= 5 and not _ITEM_END.search(text)


def menu_items(lines: Sequence[str], gaps: Sequence[bool]) -> set[str]:
    """The lines that stand only inside one menu or list: a short item with an item right
    above and right below it, no blank line between ("Report / Mash / Wetter", "VOGUE / GQ /
    GLAMOUR", "Fisheries / Foreign Affairs / Gender Affairs"), in one place on the page (a
    menu repeated word for word, for phones and for desktops, is one place). A name there is
    a section, a topic or a sister brand. A logo opens or closes such a run or stands apart;
    a site's own name also recurs in menus of its own, in other places ("DER SPIEGEL" in
    the header and in the footer) or among its editions ("Al Jazeera Arabic / Al Jazeera
    English / Al Jazeera Mubasher"); a web address is the site's own link
    ("HoustonChronicle.com"), unless it is one of a list of addresses (a publisher's sites:
    "gazetaprawna.pl / forsal.pl / …")."""
    if len(gaps) != len(lines):
        return set()
    places: dict[str, set[tuple[str, str]]] = {}
    alone: set[str] = set()
    item = [_item(text) for text in lines]
    runs, run = [], 0  # runs of items with no blank line between
    for i in range(len(lines)):
        run += i == 0 or gaps[i] or not item[i] or not item[i - 1]
        runs.append(run)
    address = [item[i] and bool(_DOMAIN.fullmatch(text.strip())) for i, text in enumerate(lines)]
    addresses = Counter(runs[i] for i in range(len(lines)) if address[i])
    for i, text in enumerate(lines):
        inside = (0 < i < len(lines) - 1 and not gaps[i] and not gaps[i + 1] and item[i]
                  and item[i - 1] and item[i + 1]
                  and not _family(text, lines[i - 1]) and not _family(text, lines[i + 1]))
        if address[i]:
            inside = addresses[runs[i]] >= 2  # a list of a publisher's sites
        if inside:
            places.setdefault(text, set()).add((lines[i - 1] if i else "",
                                                lines[i + 1] if i + 1 < len(lines) else ""))
        else:
            alone.add(text)
    return {text for text, where in places.items() if len(where) == 1} - alone


def _family(text: str, other: str) -> bool:
    """Whether two lines open with the same telling word of a name ("Al Jazeera English", "Al
    Jazeera Arabic"; not "Foreign Affairs", "Gender Affairs"): editions of one brand."""
    for mine, theirs in zip(_WORD.findall(text.casefold()), _WORD.findall(other.casefold()),
                            strict=False):
        if mine != theirs:
            return False
        if len(mine) >= 4 and mine not in _COMMON and mine not in _GENERIC:
            return True
    return False


def _card(text: str, reg: Registry) -> Source | None:
    """A story card's label glued to its author by the page's text dump:
    "The Kyiv IndependentDaria Shulzhenko" (the outlet, then one to three capitalised words)."""
    m = _GLUED.match(text)
    return reg.exactly(m.group(1)) if m else None


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


def title_tail(title: str | None, reg: Registry, dashes: bool = True) -> Found | None:
    """The site a page title ends with: "Headline | Outlet", "Headline – Outlet".

    In a page's ``<title>`` the tail is the site; in a text dump's headline a dashed tail is
    usually the source the outlet cites ("… — Suspilne"), so dumps pass ``dashes=False``."""
    if not title:
        return None
    patterns = (_TITLE_TAIL, _DASH_TAIL) if dashes else (_TITLE_TAIL,)
    for pattern in patterns:
        m = pattern.search(title)
        named = reg.exactly(m.group(1)) if m else None
        if named:
            return Found(named.name, "title", named)
    return None


def agreed(chrome: Mentions, body: Mentions, titles: Sequence[str],
           reg: Registry) -> Found | None:
    """Weak evidence that counts only when both kinds agree on one outlet: a name in the chrome
    (not a "Source:" line) and a citation in the article ("as reported by <Outlet>", a dashed
    tail on the headline). Either alone is what an article citing another outlet shows."""
    cited: dict[str, Source] = {}
    for text in titles:  # "… — Suspilne" on a headline cites, like "according to"
        m = _DASH_TAIL.search(text)
        named = reg.exactly(m.group(1)) if m else None
        if named:
            cited[named.name] = named
    for text, hits in body:
        if _CITED_HINT.search(text):
            for source, start, _ in hits:
                if _CITED.search(text[max(0, start - 30): start]):
                    cited[source.name] = source
    if not cited:
        return None
    seen: set[str] = set()
    for text, hits in chrome:
        if len(text) > 80 or text in titles or _ATTRIBUTION.match(text) or _QUOTES.search(text):
            continue  # a list of sources or a related headline cites too
        for source, start, _ in hits:
            if source.name in cited and not _DASH_END.search(text[max(0, start - 6):start]):
                seen.add(source.name)
    if len(seen) != 1:
        return None
    name = seen.pop()
    return Found(name, "agreed", cited[name])


# --- an outlet the registry does not know: the name the page's chrome calls itself ----------

# One word of a name: a capital or a digit first ("SlashGear", "Snopes.com", "80/90"), or a
# lower-case prefix before a capital ("iMore"); a few joining words inside ("Friends of …").
_NAME_WORD = r"(?:[A-ZА-ЯІЇЄҐ0-9][\w'’&./+-]*|[a-z]{1,2}[A-Z][\w'’&./+-]*)"
_NAME = (rf"(?:[Tt]he\s+)?{_NAME_WORD}(?:\s+(?:(?:of|and|&|de|du|da|do|di|la|del)\s+)?"
         rf"{_NAME_WORD}){{0,4}}")
_N = rf"(?P<name>{_NAME})"
_AFTER = r"(?=$|[\s.,!:;?|—–-])"
# Lines in which a site speaks of itself, by kind: two lines of different kinds must agree.
_SELF_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in (
        ("search", rf"^(?:Search|Пошук на|Пошук по|Поиск по|Поиск на)\s+{_N}\s*$"),
        ("back", rf"^(?:Back to|Return to|Повернутися на|Вернуться на)\s+{_N}\s*$"),
        ("support", rf"^(?:Support|Donate to|Підтримайте|Поддержите)\s+{_N}{_AFTER}"),
        ("shop", rf"^(?:Shop|Store)\s+{_N}\s*$"),
        ("subscribe", rf"(?i:^|[.!]\s+|click here to\s+)(?i:subscribe to|підпишіться на"
                      rf"|підписуйтесь на|подпишитесь на|подписывайтесь на)\s+{_N}{_AFTER}"),
        ("advertise", rf"^(?:Advertise (?:with|on|in)|Реклама на|Реклама в)\s+{_N}\s*$"),
        ("popular", rf"^(?:Popular|Most Popular|Trending|Also|Only)\s+on\s+{_N}\s*$"),
        ("about", rf"^(?:About|Про|О)\s+{_N}\s*$"),
        ("delivered", rf"^Get\s+{_N}\s+delivered\b"),
        ("newsletter", rf"^(?:(?i:sign up for|get)\s+)?(?:[Tt]he\s+)?{_N}(?:’s|'s)?\s+"
                       rf"(?i:newsletters?)"
                       rf"(?:\s*$|\s+[a-z])"),
        ("follow", rf"^(?:Follow|Стежте за|Следите за)\s+{_N}\s+(?:on|in|у|в|на)\s+"),
    ))
# The first words the kinds above open a line with, and the words they hold anywhere: lines
# with neither are not read further (a page has hundreds of lines and few of these).
_SELF_FIRST = frozenset(_WORD.findall(
    "search back return support donate shop store advertise popular most trending also only"
    " about get sign follow subscribe click the пошук поиск повернутися вернуться підтримайте"
    " поддержите реклама про о стежте следите підпишіться підписуйтесь подпишитесь"
    " подписывайтесь"))
_SELF_ANYWHERE = ("subscri", "newsletter", "підпи", "подпи")
# What a holder or a name must not be.
_PLATFORMS = frozenset(_WORD.findall(
    "facebook twitter x google apple youtube telegram instagram linkedin reddit flipboard tiktok"
    " whatsapp spotify podcasts podcast pinterest snapchat viber threads mastodon bluesky tumblr"
    " medium substack patreon amazon alexa rss feedly vk vkontakte вконтакте одноклассники"
    " телеграм фейсбук ютуб інстаграм инстаграм твіттер твиттер дзен яндекс smartnews msn yahoo"
    " stitcher soundcloud iheartradio tunein discord twitch kindle roku email newsbreak"
    " itunes wordpress blogger disqus"))
_PARENT = frozenset(_WORD.findall(
    "media llc inc ltd limited network networks company companies group corporation corp"
    " holdings publishing publications communications enterprises gmbh plc co pvt partners brands"
    " studios interactive foundation trust ag sa srl bv oy ab pty"
    " medien verlag gruppe kg se grupo ediciones editora éditions edizioni"
    " тов прат пат ат ооо оао зао пао ао"))
_GENERIC = frozenset(_WORD.findall(
    "the us me our ours your you it this that here top home homepage page pages menu site website"
    " web search results result author authors newsletter newsletters email e mail all more news"
    " article articles story stories comments comment help faq contact terms privacy policy"
    " cookies cookie ads advertising jobs careers events event magazine print subscription"
    " subscribe subscribers account login log sign in up store shop today now latest previous"
    " next post posts blog video videos photos photo podcasts section category tag tags archive"
    " archives edition editions daily weekly morning evening free full digital alerts alert app"
    " apps rss feed feeds team staff editor editors editorial newsroom local national world"
    " a an this journalism reporting our mission info information see"
    " нас нам сайт сайту проект проекту редакцію редакции автора автор розсилку рассылку"))
# Kinds that agree without being independent: an author's box ("About Jane Roe", "Follow
# Jane Roe on Twitter"), a newsletter's own promos ("Subscribe to Morning Brief", "Morning
# Brief Newsletter", "Get Morning Brief delivered to your inbox").
# "Support X", "About X" and "Follow X" also name causes, topics and people ("Support
# Ukraine", "About Ukraine"): agreement needs one kind besides them.
_WEAK_KINDS = frozenset(("about", "support", "follow"))
_ONE_SOURCE = (frozenset(("about", "follow")),
               frozenset(("subscribe", "newsletter", "delivered")))
_TLD = frozenset(("com", "net", "org", "co", "uk", "ru", "ua", "info", "io", "de", "fr", "br"))
_SUFFIX = frozenset(("magazine", "online", "newsletter", "newsletters"))
_NOTICE_STRIP = re.compile(r"©|\(c\)|\bcopyright\b|all rights reserved\.?|\b(?:19|20)\d\d\b"
                           r"(?:\s*[-–]\s*(?:19|20)\d\d\b)?", re.I)
_HOLDER_END = re.compile(r"\s*(?:[,|;]|\.\s|\s[-–—]\s|$)")


def self_named(lines: Sequence[str], title: str | None = None,
               author: str = "") -> Found | None:
    """The name the page's own chrome uses for itself, for an outlet the registry lacks.

    One line naming a site proves little: it may be a sister site, a platform, a person or
    what the article is about. A name counts only when at least two lines of different kinds
    agree on it — a copyright notice (a year or "All rights reserved") naming a holder, and
    the site's own menu and promo lines: "Search X", "Back to X", "Support X", "Subscribe to
    X", "Advertise with X", "Popular on X", "About X", "Get X delivered to your inbox", "X
    Newsletters", "Follow X on …" (and "Підтримайте X", "Подписывайтесь на X", …). Never a
    platform ("Follow us on Facebook"), a parent company ("© 2019 Vox Media, LLC", "… Inc.",
    "… Network"), a generic word ("About Us", "Back to Top"), the article's author or a name
    the headline speaks of. "Support X", "About X" and "Follow X" may name a cause, a topic
    or a person ("Support Ukraine", "About Ukraine"), so two of them alone are not enough
    (nor "Subscribe to X" with "X Newsletter" alone: a newsletter's promos). When two
    names qualify, the one more kinds agree on wins; a tie is no evidence. The name is
    written in the page's fullest spelling of it ("Quanta Magazine" over "About Quanta")."""
    votes: dict[str, dict[str, Counter[str]]] = {}  # key -> kind -> spellings
    marked = set(notices(lines))
    for text in dict.fromkeys(t.strip() for t in lines):
        if not text or len(text) > 300:
            continue
        for kind, name in _self_mentions(text, text in marked):
            key = _name_key(name)
            if key and _fits(name, key, title, author):
                votes.setdefault(key, {}).setdefault(kind, Counter())[name] += 1
                break  # one kind per line: a line is one piece of evidence
    agreed = sorted(((len(kinds), key) for key, kinds in votes.items()
                     if len(kinds) >= 2 and not kinds.keys() <= _WEAK_KINDS
                     and not any(kinds.keys() <= s for s in _ONE_SOURCE)),
                    reverse=True)
    if not agreed or (len(agreed) > 1 and agreed[0][0] == agreed[1][0]):
        return None
    spellings: Counter[str] = Counter()
    for counts in votes[agreed[0][1]].values():
        spellings.update(counts)
    name = max(spellings, key=lambda n: (len(n), spellings[n]))
    return Found(name, "chrome")


def _self_mentions(text: str, marked: bool = True) -> list[tuple[str, str]]:
    """(kind, name) for each self-reference ``text`` is: a notice's holder, a menu or promo.
    ``marked``: the line carries a copyright mark (see :func:`notices`)."""
    out = []
    if marked and _notice(text) == 2:
        holder = _notice_holder(text)
        if holder:
            out.append(("copyright", holder))
    first = _WORD.match(text[:12].lower())
    if (first and first.group() in _SELF_FIRST) or any(
            word in text.lower() for word in _SELF_ANYWHERE):
        for kind, pattern in _SELF_KINDS:
            m = pattern.search(text)
            if m:
                out.append((kind, _trim(m.group("name"))))
    return out


def _notice_holder(text: str) -> str | None:
    """The holder a copyright notice names ("© 2005-2019 SlashGear, All Rights Reserved." ->
    "SlashGear"), or None when it is a company ("Vox Media, LLC", "Spacenews, Inc.")."""
    rest = _NOTICE_STRIP.sub(" ", text).strip(" .,:-–—|")
    rest = re.sub(r"^(?:by\s+)?", "", rest, flags=re.I)
    end = _HOLDER_END.search(rest)
    holder, after = _trim(rest[:end.start()]), rest[end.start():end.start() + 30]
    if not holder or not re.fullmatch(_NAME, holder) or _COMPANY.match(after.lstrip(" ,")):
        return None
    return holder


def _trim(name: str) -> str:
    """A name without its trailing dots and a trailing "Newsletter" or "via Email"."""
    name = re.sub(r"(?:’s|'s)$", "", name.strip(" .,:;!?'’\""))
    name = re.sub(r"^the\s+", "", name)  # "About the BBC": the article is not the name's
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in ("newsletter", "newsletters", "via"):
        words.pop()
    return " ".join(words)


def _name_key(name: str) -> str:
    """What spellings of one name share: "The Paradigm", "Snopes.com", "Quanta Magazine" ->
    "paradigm", "snopes", "quanta"."""
    words = [w.casefold() for w in _WORD.findall(name)]
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[-1] in _TLD and "." in name:
        words = words[:-1]
    while len(words) > 1 and words[-1] in _SUFFIX:
        words = words[:-1]
    return " ".join(words)


def _fits(name: str, key: str, title: str | None, author: str) -> bool:
    """Whether ``name`` may be a site's name: not a platform, a parent company, a generic
    word, the author, or a name the headline speaks of."""
    words = key.split()
    folded = [w.casefold() for w in _WORD.findall(name)]
    if len(key) < 2 or not _PLATFORMS.isdisjoint(words) or folded[-1] in _PARENT:
        return False
    if all(w in _GENERIC or w.isdigit() for w in words):
        return False
    padded = f" {key} "
    for other in (title or "", author):
        if other and padded in " " + " ".join(_WORD.findall(other.casefold())) + " ":
            return False
    return True


# --- a name printed where an outlet may stand, when the registry does not know it -----------

# Words newsrooms name themselves with, in the languages the pages come in.
_OUTLET_WORD = re.compile(
    r"\b(?:news|press|presse|post|times|agency|agencia|agence|agentur|journal|tv|radio|media"
    r"|daily|herald|gazette|gazeta|tribune|tribuna|telegraph|guardian|service|network|online"
    r"|zeitung|nachrichten|magazin|magazine|revista|diario|giornale|noticias|nieuws|pravda"
    r"|новини|новости|правда|агентство|газета)\b", re.I)
# What a page prints around a byline or a dateline that is no name: a date's or a post's label,
# a menu ("Blog Home", "Startseite"), a picture's credit ("Foto aus …"), a staff credit.
_NOT_NAME_WORD = re.compile(
    r"\b(?:date|datum|fecha|posted|updated|published|modified|zuletzt|geändert|aktualisiert"
    r"|veröffentlicht|home|startseite|accueil|inicio|foto|fotos|photo|photos|bild|picture"
    r"|image|фото|staff|report|by|von|par|por)\b", re.I)
_SENTENCE_MARK = re.compile(r"[•|\"“”„«»?!:;…]|\.\.")
_ACRONYM_WORD = re.compile(r"[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ0-9&-]{1,5}|[a-z]{2,4}")
_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,6}", re.I)


def name_shaped(name: str) -> bool:
    """Whether ``name``, printed where a byline or a lead's dateline credit stands and known
    to no registry, has the shape of an outlet's name: one to four words, no sentence or
    list punctuation, no label or menu word ("Post date", "Blog Home", "Foto aus …"), and a
    newsroom's word ("India Post News Weekly", "AUTO ZEITUNG"), an acronym ("KXAN") or a web
    address. A person's name in capitals ("JANE ROE"), a place ("LA HABANA", "(Leipzig) -")
    or a product line is none."""
    text = " ".join(name.split())
    words = text.split()
    if not 1 <= len(words) <= 4 or len(text) > 40 or _SENTENCE_MARK.search(text):
        return False
    if _NOT_NAME_WORD.search(text):
        return False
    return bool(_OUTLET_WORD.search(text) or _DOMAIN.fullmatch(text)
                or (len(words) == 1 and _ACRONYM_WORD.fullmatch(text)))


# --- the order signals are tried in ---------------------------------------------------------

@dataclass
class TextPage:
    """What a text dump offers the outlet lookup; ``chrome`` is every line outside the article."""

    lines: Sequence[str]
    chrome: Sequence[str]
    body: Sequence[str]
    title: str | None = None
    byline: str = ""
    credit: str | None = None  # the agency in the lead's dateline, as printed
    url: str | None = None
    prose: Sequence[str] = ()  # the article's paragraphs: read only for citations
    author: str = ""  # the byline's person: never the site's name
    gaps: Sequence[bool] = ()  # per line of ``lines``: a blank line separates it from the last


def from_text(page: TextPage, reg: Registry) -> Found | None:
    """The outlet of a text dump by the first signal that names a known outlet.

    The byline's name comes first (an outlet's section byline, an agency's copy on an
    aggregator: "BBC News23-06-2025"), then the URL, then the page's own chrome, then the
    agency the lead credits, then weak evidence that agrees; last, for an outlet the
    registry does not know, the name the page's chrome agrees on (:func:`self_named`)."""
    named = reg.first(page.byline) if page.byline else None
    if named:
        return Found(named.name, "byline", named)
    by_url = reg.for_url(page.url)
    if by_url:
        return Found(by_url.name, "url", by_url)
    marked = notices(page.lines)
    last = max((i for i, text in enumerate(page.lines) if text in set(page.body[-1:])),
               default=-1)
    footer = set(page.lines[last + 1:]) if page.body else None
    found = copyright_line(page.lines, reg, marked=marked, footer=footer,
                           host=host(page.url))
    if found:
        return found
    # one pass over the page's short lines (chrome, bylines, promos); each signal reads its part
    chrome, closing, prose = set(page.chrome), set(page.body[-3:]), set(page.prose)
    every = reg.mentions([text for text in page.lines
                          if len(text) <= 300 and (text not in prose or text in closing)])
    in_chrome = [m for m in every if m[0] in chrome]
    found = (promo(every, page.lines, reg)
             or self_promo(page.chrome, reg)
             or staff([m for m in every if m[0] in chrome or m[0] in closing])
             or unless_held(masthead(page.chrome, reg, {m[0] for m in in_chrome},
                                     menu_items(page.lines, page.gaps)),
                            [text for text in marked if text in chrome], reg)
             or copyright_line(page.lines, reg, company=True, marked=marked, footer=footer,
                               host=host(page.url))
             or newsroom_tag(page.body[:3], reg)
             or wire(page.credit or dateline_credit(page.body[:2]), reg)
             or title_tail(page.title, reg, dashes=False)
             or earlier_report(page.prose, reg))
    if not found and in_chrome:
        found = agreed(in_chrome, reg.mentions(page.body), [page.title or ""], reg)
    if found:
        return in_own_name(found, marked, reg)
    own = [text for text in page.lines if text not in prose or text in closing]
    return named_itself(self_named(own, page.title, page.author), reg)


def unless_held(found: Found | None, marked: Sequence[str], reg: Registry) -> Found | None:
    """``found`` (a masthead line: weak), unless the page's full copyright notice holds
    another name the registry does not know ("© 2022, Hoy | Todos los derechos reservados"
    under an "El País" section label): the page has said whose it is."""
    if found is None:
        return None
    for text in reversed(marked):
        holder = _notice_holder(text) if _notice(text) == 2 else None
        if holder and _fits(holder, _name_key(holder), None, "") and not reg.find(holder):
            mine = _telling(holder)
            return found if mine & _telling(found.name) else None
    return found


def _telling(name: str) -> set[str]:
    return {w for w in _WORD.findall(name.casefold())
            if len(w) >= 3 and w not in _COMMON and w not in _GENERIC}


def in_own_name(found: Found, marked: Sequence[str], reg: Registry) -> Found:
    """``found``, or the longer name the page's copyright notice holds it in: a page whose
    notice reads "© 2023 Detroit Metro Times" and whose promo says "Subscribe to Metro Times"
    is the Detroit Metro Times, not the registry's Metro (:func:`copyright_line` passes such a
    notice by); "Guardian Business" on "© The Nassau Guardian" is its own section."""
    for text in reversed(marked):
        if not _notice(text):
            continue
        for source, start, end in reg.find(text):
            if source is found.source and _in_longer_name(text, start):
                name = _whole_name(text, start, end)
                if name:
                    return Found(name, "copyright")
    return found


def _whole_name(text: str, start: int, end: int) -> str | None:
    """The capitalised run of words around ``text[start:end]`` ("The Nassau Guardian",
    "Trinidad and Tobago Newsday"), without a notice's or a company's words after it."""
    left = re.search(r"(?:(?:[Tt]he\s+)?(?:[A-ZÀ-ÞА-ЯІЇЄҐ][\w'’&-]*\s+(?:(?:of|and|am|de|del|la"
                     r"|le|du|da|di|y|et|und|van|von)\s+)?)+)$", text[:start])
    words = [text[left.start() if left else start:end]]
    for token in _TOKEN.findall(text[end:]) if text[end:end + 1].isspace() else ():
        word = token.rstrip(".,;:|")
        if (not _capitalised(word) or word.casefold() in _NOTICE_WORDS
                or word.casefold() in _PARENT or _YEAR.fullmatch(word)):
            break
        words.append(word)
        if word != token:
            break
    name = " ".join(" ".join(words).split())
    name = re.sub(r"^(?:Copyright|©)\s+", "", name)
    return name if re.fullmatch(_NAME, name) and _name_key(name) else None


def named_itself(found: Found | None, reg: Registry) -> Found | None:
    """A name the chrome agrees on, under its registry name when it is one ("About the BBC"
    and "© 2019 BBC" on a page no registry signal read)."""
    known = reg.named(found.name) if found else None
    return Found(known.name, found.signal, known) if found and known else found


# Bounded: a hostile page of "<link<link..." must not make a search quadratic.
_CANONICAL = re.compile(r"""<link\b[^<>]{0,1000}?\brel\s*=\s*["']?canonical\b[^<>]{0,1000}>""",
                        re.I)
_HREF = re.compile(r"""\bhref\s*=\s*["']([^"']+)["']""", re.I)
_TITLE = re.compile(r"<title\b[^<>]{0,200}>([^<]{0,2000})</title>", re.I)
_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]{0,2000}?"name"\s*:\s*"([^"]{2,80})"')
_TAG = re.compile(r"<[^<>]{0,2000}>")


@dataclass
class HtmlPage:
    """What an HTML page offers: its meta tags (see :func:`digest.ingest.html.read_head`)."""

    html: str
    url: str | None = None
    site: str | None = None  # og:site_name / application-name
    og_url: str | None = None
    lead: Sequence[str] = ()  # the article's first paragraphs


def from_html(page: HtmlPage, reg: Registry) -> Found | None:
    """The outlet of an HTML page: its URL (given, canonical, og:url), its declared site name
    or JSON-LD publisher, its ``<title>``'s tail, the footer's copyright, the newsroom's tag
    on its lead, the lead's agency; on a page that declares no site name, last, the name its
    chrome agrees on (:func:`self_named`)."""
    head = page.html[:300_000]
    for url in (page.url, canonical(head), page.og_url):
        by_url = reg.for_url(url)
        if by_url:
            return Found(by_url.name, "url", by_url)
    for name, signal in ((page.site, "site"), (_publisher(head), "publisher")):
        named = (reg.exactly(name) or reg.squashed(name)) if name else None
        if named:
            return Found(named.name, signal, named)
    title = _TITLE.search(head)
    footer = footer_lines(page.html)
    found = (title_tail(_unescape(title.group(1)) if title else None, reg)
             or copyright_line(footer, reg, host=_site_host(page)))
    if found or page.site:  # a site that names itself is not the agency its lead credits
        return found
    return (copyright_line(footer, reg, company=True, host=_site_host(page))
            or newsroom_tag(page.lead, reg)
            or wire(_credit(page.lead), reg)
            or named_itself(self_named(visible_lines(page.html), _headline(title)), reg))


def _site_host(page: HtmlPage) -> str:
    """The page's own web host: its URL's, canonical link's or og:url's."""
    for url in (page.url, canonical(page.html[:300_000]), page.og_url):
        if host(url):
            return host(url)
    return ""


def _headline(title: re.Match[str] | None) -> str | None:
    """The ``<title>`` without its site tail: the headline whose subject is no site name."""
    if title is None:
        return None
    text = _unescape(title.group(1))
    return _DASH_TAIL.sub("", _TITLE_TAIL.sub("", text))


def canonical(html: str) -> str | None:
    m = _CANONICAL.search(html)
    href = _HREF.search(m.group(0)) if m else None
    value = _unescape(href.group(1)) if href else ""
    return value if value.startswith(("http://", "https://")) else None


def _publisher(html: str) -> str | None:
    m = _PUBLISHER.search(html)
    return _unescape(m.group(1)) if m else None


def footer_lines(html: str, size: int = 60_000) -> list[str]:
    """The visible text of the page's last ``size`` characters, one line per element."""
    return visible_lines(html[-size:])


def visible_lines(html: str) -> list[str]:
    """The visible text of ``html``, one line per element (menus and footer included)."""
    text = _TAG.sub("\n", _without_code(html))
    return [" ".join(_unescape(x).split()) for x in text.splitlines() if x.strip()]


def _without_code(html: str) -> str:
    """``html`` without its scripts and styles (found with str.find: no regex backtracking)."""
    low = html.lower()
    out, at = [], 0
    while True:
        start = min((i for i in (low.find("<script", at), low.find("<style", at)) if i >= 0),
                    default=-1)
        if start < 0:
            return "".join([*out, html[at:]])
        out.append(html[at:start])
        tag = "</script" if low.startswith("<script", start) else "</style"
        end = low.find(tag, start)
        if end < 0:
            return "".join(out)
        close = low.find(">", end)
        at = close + 1 if close >= 0 else len(html)


def _unescape(text: str) -> str:
    return " ".join(unescape(text).split())


# A wire credit in a lead's dateline: "LJUBLJANA, March 28 (Xinhua) --" (metadata reads text
# dumps' leads with it too).
LEAD_CREDIT = re.compile(r"^[^()\n]{0,60}?\(([A-Z][\w .&/-]{1,30})\)\s*[-–—]{1,2}\s")


def _credit(lead: Sequence[str]) -> str | None:
    for text in lead[:3]:
        m = LEAD_CREDIT.match(text)
        if m:
            return m.group(1)
    return None
