"""The ``masthead`` signal: a chrome line that is only a registry outlet's name (the logo's
text), and the menus that make such a line a section, a topic or a sister brand instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from digest.config import Source
from digest.ingest.outlets.registry import Found, Registry
from digest.ingest.outlets.words import _COMMON, _DOMAIN, _GENERIC, _WORD

_LOGO = re.compile(r"(?i)\blogo\b|^home\s*[-|]?\s*")
_GLUED = re.compile(r"^(.{3,40}?[a-z\u0430-\u044f])(?=[A-Z\u0410-\u042f][a-z\u0430-\u044f]+"
                    r"(?:\s[A-Z\u0410-\u042f][\w'’-]+){0,2}$)")


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
