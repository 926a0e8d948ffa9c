"""The names of outlets the registry does not know.

Two questions, asked when no signal has found a registry outlet: what the page's own chrome
agrees to call its site (:func:`self_named`: a copyright notice's holder, "Search X",
"Subscribe to X", "About X", …), and whether a name printed where a byline or a lead's
dateline credit stands has the shape of an outlet's name (:func:`name_shaped`). Nothing here
reads the registry; :mod:`.order` looks a name found here up in it afterwards.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digest.ingest.outlets.notices import _notice, notices
from digest.ingest.outlets.registry import Found
from digest.ingest.outlets.words import _COMPANY, _DOMAIN, _GENERIC, _PARENT, _WORD

# One word of a name: a capital or a digit first ("SlashGear", "Snopes.com", "80/90"), or a
# lower-case prefix before a capital ("iMore"); a few joining words inside ("Friends of …").
_NAME_WORD = r"(?:[A-ZА-ЯІЇЄҐ0-9][\w'’&./+-]*|[a-z]{1,2}[A-Z][\w'’&./+-]*)"
_NAME = (rf"(?:[Tt]he\s+)?{_NAME_WORD}(?:\s+(?:(?:of|and|&|de|du|da|do|di|la|del)\s+)?"
         rf"{_NAME_WORD}){{0,4}}")
_N = rf"(?P<name>{_NAME})"
_AFTER = r"(?=$|[\s.,!:;?|—–-])"
# The networks a site asks to be followed on ("X auf Facebook"; "X" alone is no cue).
_NETWORKS = ("Facebook", "Twitter", "X", "Instagram", "YouTube", "LinkedIn", "TikTok",
             "Telegram", "Mastodon", "Threads", "Bluesky")


@dataclass(frozen=True)
class _Kind:
    """A kind of line in which a site speaks of itself. Its pattern is tried only on a line
    that opens with one of ``opens`` or holds one of ``holds`` (lower-cased): a page has
    hundreds of lines and few of these, and the cues stand beside the pattern they serve."""

    name: str
    pattern: re.Pattern[str]
    opens: tuple[str, ...] = ()
    holds: tuple[str, ...] = ()

    def named(self, text: str, lower: str) -> str | None:
        if not lower.startswith(self.opens) and not any(cue in lower for cue in self.holds):
            return None
        m = self.pattern.search(text)
        return _trim(m.group("name")) if m else None


def _kind(name: str, pattern: str, opens: str = "", holds: tuple[str, ...] = ()) -> _Kind:
    return _Kind(name, re.compile(pattern), tuple(opens.split("|")) if opens else (), holds)


# Lines in which a site speaks of itself, by kind: two lines of different kinds must agree.
_SELF_KINDS: tuple[_Kind, ...] = (
    _kind("search", rf"^(?:Search|Пошук на|Пошук по|Поиск по|Поиск на)\s+{_N}\s*$",
          "search|пошук|поиск"),
    _kind("back", rf"^(?:Back to|Return to|Повернутися на|Вернуться на)\s+{_N}\s*$",
          "back to|return to|повернутися|вернуться"),
    _kind("support", rf"^(?:Support|Donate to|Підтримайте|Поддержите)\s+{_N}{_AFTER}",
          "support|donate|підтримайте|поддержите"),
    _kind("shop", rf"^(?:Shop|Store|Sklep|Tienda|Boutique)\s+{_N}\s*$",
          "shop|store|sklep|tienda|boutique"),
    _kind("shop", rf"^{_N}[\s-](?:Shop|Store)\s*$", holds=("shop", "store")),
    _kind("subscribe", rf"(?i:^|[.!]\s+|click here to\s+)(?i:subscribe to|підпишіться на"
                       rf"|підписуйтесь на|подпишитесь на|подписывайтесь на)\s+{_N}{_AFTER}",
          holds=("subscri", "підпи", "подпи")),
    _kind("subscribe", rf"^{_N}\s+abonnieren\s*$", holds=("abonnieren",)),
    _kind("advertise", rf"^(?:Advertise (?:with|on|in)|Реклама на|Реклама в)\s+{_N}\s*$",
          "advertise|реклама"),
    _kind("popular", rf"^(?:Popular|Most Popular|Trending|Also|Only)\s+on\s+{_N}\s*$",
          "popular|most popular|trending|also|only"),
    _kind("about", rf"^(?:About|Про|О|Über|O|À propos de|Acerca de|Sobre)\s+"
                   rf"(?:(?:den|die|das|le|la|l')\s*)?[„“\"«]?{_N}[“”\"»]?\s*$",
          "about|про |о |über|o |à propos|acerca|sobre"),
    _kind("delivered", rf"^Get\s+{_N}\s+delivered\b", "get"),
    _kind("newsletter", rf"^(?:(?i:sign up for|get)\s+)?(?:[Tt]he\s+)?{_N}(?:’s|'s)?[\s-]+"
                        rf"(?i:newsletters?)(?:\s*[!.:]?\s*$|\s+[a-z])", holds=("newsletter",)),
    _kind("follow", rf"^(?:Follow|Стежте за|Следите за)\s+{_N}(?:\s+(?:on|in|у|в|на)\s+"
                    rf"|\s+online\b|\s*:\s*$)", "follow|стежте|следите"),
    _kind("follow", rf"^{_N}\s+(?:auf|on|bei|na|sur|en|su)\s+(?:{'|'.join(_NETWORKS)})\s*$",
          holds=tuple(n.lower() for n in _NETWORKS if len(n) > 1)),
    _kind("home", rf"^{_N}\s+(?i:homepage|home page|home|main menu|startseite)\s*$",
          holds=("home", "main menu", "startseite")),
    _kind("more", rf"^(?:More [Ff]rom|Elsewhere on|Latest from|Mehr von|Ещё от|Більше від)\s+"
                  rf"{_N}\s*(?:\.\.\.|…)?\s*$",
          "more from|elsewhere on|latest from|mehr von|ещё от|більше від"),
    _kind("commission", rf"^{_N}\s+(?:may|might|can|will)\s+(?:receive|earn|get|collect)\s+"
                        rf"(?:a\s+)?(?:small\s+)?(?:share|commission|compensation|affiliate)",
          holds=("share", "commission", "compensation", "affiliate")),
)
# Every kind's cues at once: a line with none of them is not read further.
_OPENS = tuple(cue for kind in _SELF_KINDS for cue in kind.opens)
_HOLDS = tuple(dict.fromkeys(cue for kind in _SELF_KINDS for cue in kind.holds))
# A web address standing alone on a line (the masthead's "CBSSports.com") or in a notice
# ("© 2019 Al Bawaba (www.albawaba.com)"): the site's own, when another line agrees.
_ADDRESS_LINE = re.compile(r"^(?:https?://)?(?:www\.)?(?P<name>(?:[\w-]+\.)+[a-z]{2,6})/?$",
                           re.I)
_ADDRESS = re.compile(r"(?<![@\w.])(?:https?://)?(?:www\.)?(?P<name>(?:[\w-]+\.)+"
                      r"(?:com|net|org|co|info|news|de|at|ch|fr|it|es|ru|ua|uk|br|pl)\b)"
                      r"(?![\w@/-])", re.I)
# A name standing alone on a line (a masthead's or a footer's logo text, "California Globe"):
# a site's own only when a notice or a promo of the site agrees (a weak kind, see below)
_BARE_NAME = re.compile(rf"^{_NAME}$")
# What a holder or a name must not be.
_PLATFORMS = frozenset(n.lower() for n in _NETWORKS) | frozenset(_WORD.findall(
    "google apple reddit flipboard"
    " whatsapp spotify podcasts podcast pinterest snapchat viber tumblr"
    " medium substack patreon amazon alexa rss feedly vk vkontakte вконтакте одноклассники"
    " телеграм фейсбук ютуб інстаграм инстаграм твіттер твиттер дзен яндекс smartnews msn yahoo"
    " stitcher soundcloud iheartradio tunein discord twitch kindle roku email newsbreak"
    " itunes wordpress blogger disqus"))
# Kinds that agree without being independent: an author's box ("About Jane Roe", "Follow
# Jane Roe on Twitter"), a newsletter's own promos ("Subscribe to Morning Brief", "Morning
# Brief Newsletter", "Get Morning Brief delivered to your inbox").
# "Support X", "About X", "Follow X" and "More from X" also name causes, topics and people
# ("Support Ukraine", "About Ukraine"): agreement needs one kind besides them.
_WEAK_KINDS = frozenset(("about", "support", "follow", "more"))
_ONE_SOURCE = (frozenset(("about", "follow")),
               frozenset(("subscribe", "newsletter", "delivered")))
_TLD = frozenset(("com", "net", "org", "co", "uk", "ru", "ua", "info", "io", "de", "fr", "br"))
_SUFFIX = frozenset(("magazine", "online", "newsletter", "newsletters"))
_NOTICE_STRIP = re.compile(r"©|\(c\)|\bcopyright\b|all rights reserved\.?|\b(?:19|20)\d\d\b"
                           r"(?:\s*[-–]\s*(?:19|20)\d\d\b)?", re.I)
_HOLDER_END = re.compile(r"\s*(?:[,|;]|\.\s|\s[-–—·•]\s|\s\(|$)"
                         r"|\s+(?i:developed|designed|powered|built|hosted|made)\s+(?i:by|with)\b")


def self_named(lines: Sequence[str], title: str | None = None,
               author: str = "") -> Found | None:
    """The name the page's own chrome uses for itself, for an outlet the registry lacks.

    One line naming a site proves little: it may be a sister site, a platform, a person or
    what the article is about. A name counts only when at least two lines of different kinds
    agree on it — a copyright notice (a year or "All rights reserved") naming a holder, the
    site's web address on a line of its own, and the site's own menu and promo lines:
    "Search X", "Back to X", "Support X", "Subscribe to X", "Advertise with X", "Popular on
    X", "About X", "Get X delivered to your inbox", "X Newsletters", "Follow X on …", "X
    Home", "More from X", "X may receive a commission", "Shop X" (and "Über X", "X
    abonnieren", "Sklep X", "Підтримайте X", "Подписывайтесь на X", …). A notice that prints
    its holder's own address ("© 2019 Al Bawaba (www.albawaba.com)") is two kinds in one
    line. A web address and the name it spells agree ("CBSSports.com", "CBS Sports Home").
    Never a platform ("Follow us on Facebook"), a parent company ("© 2019 Vox Media, LLC",
    "… Inc.", "… Network"), a generic word ("About Us", "Back to Top"), the article's author
    or a name the headline speaks of. "Support X", "About X", "Follow X" and "More from X"
    may name a cause, a topic, a section or a person ("Support Ukraine", "About Ukraine"),
    so two of them alone are not enough (nor "Subscribe to X" with "X Newsletter" alone: a
    newsletter's promos). When two names qualify, the one more kinds agree on wins; a tie is
    no evidence. The name is written in the page's fullest spelling of it ("Quanta
    Magazine" over "About Quanta"), never as its web address."""
    votes: dict[str, dict[str, Counter[str]]] = {}  # key -> kind -> spellings
    marked = set(notices(lines))
    for text in dict.fromkeys(t.strip() for t in lines):
        if not text or len(text) > 300:
            continue
        fitting = [(kind, name, _vote_key(name)) for kind, name in
                   _self_mentions(text, text in marked)
                   if _fits(name, _name_key(name), title, author)]
        # one kind per line: a line is one piece of evidence, unless it is a notice that
        # prints its holder's own web address ("© 2019 Al Bawaba (www.albawaba.com)")
        own_address = ({kind for kind, _, _ in fitting} == {"copyright", "address"}
                       and len({key for _, _, key in fitting}) == 1)
        for kind, name, key in fitting if own_address else fitting[:1]:
            votes.setdefault(key, {}).setdefault(kind, Counter())[name] += 1
    for kinds in votes.values():  # a bare name line agrees with a notice's holder only
        if "line" in kinds and "copyright" not in kinds:
            del kinds["line"]
    agreed = sorted(((len(kinds), key) for key, kinds in votes.items()
                     if len(kinds) >= 2 and not kinds.keys() <= _WEAK_KINDS
                     and not any(kinds.keys() <= s for s in _ONE_SOURCE)),
                    reverse=True)
    if not agreed or (len(agreed) > 1 and agreed[0][0] == agreed[1][0]):
        return None
    spellings: Counter[str] = Counter()
    for kind, counts in votes[agreed[0][1]].items():
        if kind != "address":  # "Al Bawaba", not "albawaba.com"
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
        for address in _ADDRESS.finditer(text) if holder else ():
            out.append(("address", address.group("name")))
    lower = text.lower()
    if lower.startswith(_OPENS) or any(cue in lower for cue in _HOLDS):
        for kind in _SELF_KINDS:
            name = kind.named(text, lower)
            if name is not None:
                out.append((kind.name, name))
    address = _ADDRESS_LINE.match(text) if "." in text else None
    if address:
        out.append(("address", address.group("name")))
    elif not out and _BARE_NAME.match(text):
        out.append(("line", _trim(text)))
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


def _vote_key(name: str) -> str:
    """The key votes for a name are counted under: its :func:`_name_key` without spaces, so
    that a web address and the name it spells agree ("CBSSports.com", "CBS Sports")."""
    return _name_key(name).replace(" ", "")


def _name_key(name: str) -> str:
    """What spellings of one name share: "The Paradigm", "Snopes.com", "Quanta Magazine" ->
    "paradigm", "snopes", "quanta"."""
    words = [w.casefold() for w in _WORD.findall(name)]
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _TLD and "." in name:
        words = words[:-1]
    if len(words) > 1 and words[0] == "www" and "." in name:
        words = words[1:]
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
