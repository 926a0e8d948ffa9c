"""The order the signals are tried in, strongest first: :func:`from_text` for a text dump,
:func:`from_html` for an HTML page.

A registry outlet named by a stronger signal wins over any weaker one; once one is found it
may still give way to what the page's copyright notice says (:func:`unless_held`,
:func:`in_own_name`). Only when no signal names a registry outlet is the name the chrome
agrees on taken (:mod:`.unregistered`), under its registry name when it turns out to be one
(:func:`named_itself`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.ingest.outlets.agreed import agreed
from digest.ingest.outlets.copyright import (
    _NOTICE_WORDS,
    _in_longer_name,
    copyright_line,
)
from digest.ingest.outlets.lead import (
    _credit,
    dateline_credit,
    earlier_report,
    newsroom_tag,
    wire,
)
from digest.ingest.outlets.markup import (
    _TITLE,
    _publisher,
    _unescape,
    canonical,
    footer_lines,
    visible_lines,
)
from digest.ingest.outlets.masthead import masthead, menu_items
from digest.ingest.outlets.notices import _YEAR, _notice, notices
from digest.ingest.outlets.promos import promo, self_promo, staff
from digest.ingest.outlets.registry import Found, Registry, host
from digest.ingest.outlets.titles import _DASH_TAIL, _TITLE_TAIL, title_tail
from digest.ingest.outlets.unregistered import (
    _NAME,
    _fits,
    _name_key,
    _notice_holder,
    self_named,
)
from digest.ingest.outlets.words import _COMMON, _GENERIC, _PARENT, _TOKEN, _WORD, _capitalised


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
