"""The ``copyright`` signal: the registry outlet a page's copyright notice holds.

Most of this module says what is *not* the holder: a picture's credit, a label, a parent
company, another site's address, a registry name that only ends or begins a longer name
("© 2023 Detroit Metro Times" is not the registry's Metro). :mod:`.order` asks
:func:`_in_longer_name` again to give such a page the notice's whole name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from digest.ingest.outlets.notices import _notice, notices
from digest.ingest.outlets.registry import Found, Registry, _bare
from digest.ingest.outlets.words import (
    _COMPANY,
    _NAME_JOINERS,
    _PARENT,
    _TOKEN,
    _WORD,
    _capitalised,
)

# A company that publishes under several names ("Vox Media", "CBS Interactive"): never the outlet.
_GROUP = re.compile(r"^[\s,.]*(?:media|interactive|digital|networks?|brands|studios|publishing"
                    r"|communications|holdings?|enterprises)\b", re.I)
_DOMAIN_HOLDER = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
                            r"((?:[\w-]+\.)+[a-z]{2,6})\b", re.I)


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
