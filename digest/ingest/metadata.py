"""Metadata of a text dump: title, date, outlet, author, attribution, language, summary.

News pages put their metadata in a few recognisable shapes around the article:

* the headline, then a dateline, often with the byline glued to it
  ("European PravdaWednesday, 16 August 2023, 09:27", "by Dmytro Basmat August 19,
  2024 7:19 AM"), sometimes the headline again (image alt text, sentence case);
* a source line in the article ("Source: ...", "Джерело: ...", "Источник: ...",
  "За матеріалами - ..."), which is metadata, not body;
* in stored copies a leading `` date YYYY-MM-DD`` line that is a hint, not the dateline.

The title is the headline-like line nearest above the first dateline that follows a
headline (a site's own "today" line above the headline is not the article's date);
with no dateline, the last headline-like line above the article. Dates fall back from
the dateline to the URL path, the leading date hint, then a full date in the text.
The outlet is a known outlet (``digest.yaml`` ``sources`` and the shipped registry, see
:mod:`digest.ingest.outlets`) named by the byline, the URL, the page's chrome (copyright,
masthead, "Follow ... on") or the agency credited in the lead ("(Reuters) -"); else the
credit or byline as printed, else the bare domain.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from digest.config import Config, Source
from digest.ingest import dates, headline, outlets
from digest.ingest.chrome import is_chrome_phrase, normalize
from digest.ingest.lang import ALL_STOPWORDS, detect, words
from digest.ingest.model import Extraction
from digest.ingest.pages import Provenance

if TYPE_CHECKING:
    from digest.ingest.textdump import Line

_HINT_RE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$")
_ATTRIBUTION_RE = re.compile(
    r"^(?:source|sources|джерело|джерела|источник|источники|за матеріалами|по материалам"
    r"|за інформацією|по информации)\s*(?::|\s[-–—])\s*\S",
    re.I,
)
_WEEKDAYS = re.compile(r"(?:" + "|".join(map(re.escape, sorted(dates.WEEKDAYS, key=len,
                                                                 reverse=True)))
                       + r")\.?,?\s*$", re.I)
# "Published on", "Publié le", "Publicado em", "publiziert am" ... before a dateline: not a name
_BYLINE_NOISE = re.compile(
    r"\(@\w+\)|[|,:;]|\b(?:published|updated|опубліковано|оновлено|опубликовано|обновлено"
    r"|publié|mis à jour|publicado|atualizado|actualizado|pubblicato|aggiornato|publiziert"
    r"|veröffentlicht|aktualisiert|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano"
    r"|publicerad|uppdaterad|publiceret|opdateret|publisert|oppdatert|yayınlanma|güncelleme"
    r")\b(?:\s+(?:on|at|le|em|el|il|am|op|den|o|в|о)\b)?", re.I)
_BY = re.compile(r"^(?:by|від|автор|author)\s*:?\s*", re.I)
# A comma between two capitalised names of a byline ("By Jane Roe , John Doe on ...").
_NAMES_COMMA = re.compile(r"(?<=\w)\s*,\s*(?=[A-ZА-ЯІЇЄҐ][\w'’-]+\s+[A-ZА-ЯІЇЄҐ])")
_ON_END = re.compile(r"\s+(?:on|at)$", re.I)
# "By", "Par", "Por", "Von" ... before a name in front of the dateline on its line (only
# there: a line of its own starting "Von Trier", "Por qué" is a headline)
_BY_IN_DATELINE = re.compile(r"^(?:by|від|автор|author|par|por|di|von|door|av|af|przez)\s*:?\s+",
                             re.I)
_WIRE_CAPS = re.compile(r"^[^\n]{0,40}?\.\s*([A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ\-]{4,}(?:\s[A-ZА-ЯІЇЄҐ]+)?)"
                        r"\s*[–—-]\s")
_ORG_WORDS = re.compile(
    r"\b(?:news|press|pravda|post|times|agency|journal|tv|radio|media|independent|daily"
    r"|herald|gazette|tribune|telegraph|guardian|service|network|desk|online|info|новини"
    r"|новости|правда|агентство)\b",
    re.I,
)
_ACRONYM = re.compile(r"^[A-Z]{2,5}\b")
_SUBDOMAINS = re.compile(r"^(?:www\d?|m|amp|en|eng|news|mobile)\.")


@dataclass
class Header:
    """What :func:`read_header` found, and which input lines it consumed."""

    extraction: Extraction
    used: set[int] = field(default_factory=set)


def split_date_hint(raw_lines: list[str]) -> tuple[dt.date | None, list[str]]:
    """Take the stored copy's leading `` date YYYY-MM-DD`` off the first line.

    The rest of that line (a section label, sometimes the headline) stays in place.
    """
    if not raw_lines:
        return None, raw_lines
    m = _HINT_RE.match(raw_lines[0])
    if not m:
        return None, raw_lines
    try:
        day = dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None, raw_lines
    return day, [m.group(2), *raw_lines[1:]]


def source_for_host(url: str | None, config: Config) -> Source | None:
    """The outlet serving ``url``: a digest.yaml source or a registry outlet (longest domain)."""
    return outlets.registry(config.sources).for_url(url)


def outlet_from_url(url: str | None, config: Config) -> str | None:
    """The outlet serving ``url``: a known outlet, else the bare domain."""
    source = source_for_host(url, config)
    if source:
        return source.name
    name = _SUBDOMAINS.sub("", outlets.host(url))
    return name or None


def source_named(text: str, config: Config) -> Source | None:
    """The known outlet ``text`` names first (whole words; short capitals only in capitals)."""
    return outlets.registry(config.sources).first(text) if text else None


def outlet_zone(url: str | None, outlet: str | None, config: Config) -> dt.tzinfo:
    """The timezone of a page's datelines: its outlet's (by the URL's host, else the outlet
    named), else digest.yaml's ``timezone``."""
    source = source_for_host(url, config) or (source_named(outlet, config) if outlet else None)
    return dates.zone(source.timezone if source else None, config.timezone)


def source_mentioned(lines: Sequence[str], config: Config) -> Source | None:
    """The known outlet named most often in ``lines`` (a page's chrome: its logo line,
    "Follow Ukrainska Pravda on Twitter!", the copyright notice); ties go to the one named
    first. Names match as whole words; a short all-capitals alias ("UP") only in capitals."""
    hits = [hit for _, found in outlets.registry(config.sources).mentions(lines) for hit in found]
    if not hits:
        return None
    counts = Counter(source.name for source, _, _ in hits)
    top = max(counts.values())
    return next(source for source, _, _ in hits if counts[source.name] == top)


def is_headline(text: str) -> bool:
    """Looks like a headline: a few words, not chrome, not a sentence-long paragraph."""
    if len(text) > 250 or is_chrome_phrase(text) or text.endswith((":", "»", "›")):
        return False
    if headline.spaceless(text):  # Chinese or Japanese, written without spaces
        return headline.word_count(text) >= 4
    toks = re.findall(r"\w+", text)
    return len(toks) >= 3 and sum(len(t) >= 4 for t in toks) >= 2


def read_header(lines: Sequence[Line], start: int, end: int, hint: dt.date | None,
                url: str | None, config: Config, provenance: Provenance | None = None,
                ) -> Header:
    """Find title, dateline, byline and attribution around the article region."""
    head = Header(Extraction(body=""))
    ex = head.extraction
    date_at, found = _dateline(lines, start)
    title_at = _title_index(lines, start, date_at, outlets.registry(config.sources), end)
    if date_at is not None and found is not None and _today_line(lines, date_at, found):
        date_at, found = None, None  # the day the page was viewed: no evidence of publication
    if date_at is not None and found is not None:
        found = publication(lines, date_at, found)
    if title_at is not None:
        ex.title = cased_copy(lines, title_at) or headline.strip_label(lines[title_at].text)
        head.used.add(lines[title_at].index)
    elif date_at is not None and found is not None:
        rest = _after_date(lines[date_at].text, found)
        if is_headline(rest) and headline.not_a_headline(rest) is None:
            ex.title = rest
    if date_at is not None:
        head.used.add(lines[date_at].index)
    _drop_repeats(lines, start, end, ex.title, head.used)
    byline = _byline(lines, date_at, found, start)
    given = provenance.outlet if provenance else None
    source = _outlet(byline, lines, start, end, url, config, ex, given)
    tz = dates.zone(source.timezone if source and source.timezone else None, config.timezone)
    text_at = _set_date(ex, found, tz, url, hint, lines, start, end)
    if ex.date is None or text_at is not None:
        _set_yearless_date(ex, tz, url, hint, lines, start,
                           end if text_at is None else text_at, provenance,
                           stamped=text_at is not None and not _labelled_update(lines[text_at]))
    _attribution(lines, start, end, head)
    ex.lang = detect(" ".join(ln.text for ln in lines[start:end]) or (ex.title or ""))
    return head


def _dateline(lines: Sequence[Line], start: int) -> tuple[int | None, dates.Found | None]:
    """The date line under the article's headline, above its text (else the first date).

    Candidates are date lines under a headline-like line, down to the article's first line
    of prose (at most :data:`REGION_HEAD` lines into the region). The last one that stands
    alone wins: one printed before it belonged to another item (a ticker's or a dated
    quote over a fact check, the site's "today" over its menu), and the headline
    nearest the text is the article's. Three or more candidates a few lines apart in
    a run are a list of other stories, with their dates, never the article's own. When
    every candidate is in such a run, the first is taken. The dated lines of a box of
    other stories are never candidates: those under a "Read also" heading right under a
    candidate (:data:`LIST_GAP` lines; the box set between the article's head and its
    text), and two or more dated lines that follow such a heading each within
    :data:`LIST_GAP` lines of the one before ("Recent from Jane Roe" over her other
    stories).
    """
    dated: list[tuple[int, dates.Found]] = []  # every date line
    pairs: list[tuple[int, dates.Found]] = []  # those under a headline: the candidates
    seen_headline = False
    related = None  # a "Read also" heading right under a candidate
    boxes: list[list[int]] = []  # the dated lines following each "Read also" heading
    last = -1  # the line of the latest heading or of its box's latest dated line
    for i, ln in enumerate(lines[: start + REGION_HEAD]):
        if i >= start and ln.kind == "good":
            break
        heading = related_heading(ln)
        if related is None and heading and pairs and i - pairs[-1][0] <= LIST_GAP:
            related = len(pairs)
        if heading:
            boxes.append([])
            last = i
        found = dates.find_date(ln.text) if len(ln.text) < 160 else None
        if found is not None and _post_signed(ln.text, found):
            found = None  # an embedded post's signature
        if found is not None:
            if boxes and i - last <= LIST_GAP:
                boxes[-1].append(i)
                last = i
            if seen_headline:
                pairs.append((i, found))
                seen_headline = False
            dated.append((i, found))
        if is_headline(ln.text) and (found is None or len(_after_date(ln.text, found)) > 15):
            seen_headline = True
    pairs = pairs[:related]  # the dated headlines a "Read also" box lists after the head
    boxed = {at for box in boxes if len(box) >= 2 for at in box}
    pairs = [pair for pair in pairs if pair[0] not in boxed]
    first = next((pair for pair in dated if pair[0] not in boxed), (None, None))
    listed = _listed(pairs)
    alone = [pair for n, pair in enumerate(pairs) if n not in listed]
    if alone:
        return alone[-1]
    return pairs[0] if pairs else first


# Headings of the boxes of other stories a page sets under an article's head, in the
# languages of Europe ("Lesen Sie auch", "À lire aussi", "Te puede interesar" ...); the
# English, Ukrainian and Russian ones are the cleaner's barriers
# (:func:`digest.ingest.textdump.is_barrier`).
_RELATED = re.compile(
    r"^(?:das\s+)?(?:lesen\s+sie\s+auch|lies\s+auch|auch\s+interessant|mehr\s+zum\s+thema"
    r"|weitere\s+(?:artikel|beiträge|nachrichten)|ähnliche\s+(?:artikel|beiträge)"
    r"|verwandte\s+(?:artikel|beiträge)|könnte\s+(?:dich|sie|ihnen|dir)\s+auch\s+interessieren"
    r"|(?:à\s+)?lire\s+aussi|sur\s+le\s+même\s+sujet|articles?\s+(?:similaires|liés)"
    r"|lee\s+también|te\s+puede\s+interesar|noticias\s+relacionadas|más\s+noticias"
    r"|leggi\s+anche|potrebbe\s+interessarti|articoli\s+correlati|leia\s+também|veja\s+também"
    r"|notícias\s+relacionadas|lees\s+ook|meer\s+nieuws|czytaj\s+(?:też|także|również)"
    r"|zobacz\s+(?:też|także|również)|(?:recent|latest)\s+(?:stories\s+)?from\b.*"
    # and their comment sections: "3 Kommentare", "Schreibe einen Kommentar", a shop's
    # "Kundenbewertungen für ..." (customer reviews)
    r"|(?:customer\s+reviews|(?:kunden)?bewertungen|rezensionen)(?:\s+(?:for|für)\b.*)?"
    r"|(?:\d+\s+)?(?:kommentare?|commentaires?|comentarios?|commenti|comentários|reacties"
    r"|komentarze?)|(?:schreibe|hinterlasse)\s+einen\s+kommentar|kommentar\s+(?:verfassen|schreiben)"
    r"|laisser\s+un\s+commentaire|deja\s+un\s+comentario|lascia\s+un\s+commento"
    r"|deixe\s+um\s+comentário|laat\s+een\s+reactie\s+achter)[\s:.…!]*$", re.I)


def related_heading(ln: Line) -> bool:
    """A "related stories" or comments heading: the cleaner's barrier, or one of
    :data:`_RELATED`."""
    from digest.ingest.textdump import is_barrier  # textdump reads its head with this module

    return len(ln.text) < 60 and (is_barrier(ln.text) or bool(_RELATED.match(ln.text)))


# Lines at the top of the article region, before its first paragraph of prose, where the
# head may still stand: the region may open on a standfirst, a caption or a quoted claim,
# with the byline and the dateline under it.
REGION_HEAD = 4
LIST_GAP = 4  # lines between the dated items of a list of stories, at the most
LIST_ITEMS = 3  # dated headlines in a run that make a list (two may be a quote and the article)


def _listed(pairs: list[tuple[int, dates.Found]]) -> set[int]:
    """The candidates that are items of a list: runs of :data:`LIST_ITEMS` or more, each
    within :data:`LIST_GAP` lines of the one before."""
    listed: set[int] = set()
    run: list[int] = []
    for n, (at, _) in enumerate(pairs):
        if run and at - pairs[run[-1]][0] > LIST_GAP:
            listed.update(run if len(run) >= LIST_ITEMS else ())
            run = []
        run.append(n)
    listed.update(run if len(run) >= LIST_ITEMS else ())
    return listed


ABOVE_HEAD = 3  # lines above its headline where a page may print its dateline instead


def _today_line(lines: Sequence[Line], at: int, found: dates.Found) -> bool:
    """Date line ``at`` is the site's masthead "today" line ("Wed, Nov 20, 2019" over the
    menu), printed on every page on the day it is viewed: no headline stands above it, none
    follows it on its line, and the first headline below it is more than
    :data:`ABOVE_HEAD` lines down (past the menu). A page that prints its own date over its
    headline prints it right over it. Such a line says when the page was seen, not when the
    article was published, so it is no evidence of the article's date."""
    if len(_after_date(lines[at].text, found)) > 15:
        return False  # "23.08.2023 | Headline": the headline's own date
    if any(is_headline(ln.text) for ln in lines[:at]):
        return False
    below = lines[at + 1: at + 1 + ABOVE_HEAD]
    return not any(is_headline(ln.text) for ln in below)


def dateline_near(lines: Sequence[Line], title_at: int, start: int) -> dates.Found | None:
    """The dateline of a page whose headline is line ``title_at`` and whose article begins
    at line ``start`` (an HTML page's visible lines), by the rule that finds a dump's
    dateline (:func:`_dateline`: a short date line under a headline, above the article).

    Only around the headline: first in the lines from the headline down to the article
    (at most :data:`HEAD_SPAN` of them; not past a "Related stories" heading, nor into
    the article past a sentence: a stamp the extractor left at its top counts, a short
    sentence with a date does not); else in the :data:`ABOVE_HEAD` lines above the
    headline (a date printed over it). Never the date inside the headline itself, nor one
    in the page's menus, lists of stories, prose or footer."""
    if not 0 <= title_at < start <= len(lines):
        return None
    hi = min(start + 2, title_at + 1 + HEAD_SPAN, len(lines))
    hi = next((i for i in range(title_at + 1, hi) if lines[i].kind == "barrier"
               or (i >= start and headline.is_sentence(lines[i].text))), hi)
    at, found = _dateline(lines[title_at:hi], start - title_at)
    if found is not None and at > 0:
        return publication(lines, title_at + at, found)
    lo = max(0, title_at - ABOVE_HEAD)
    at, found = _dateline(lines[lo:title_at + 1], title_at + 1 - lo)
    return publication(lines, lo + at, found) if found is not None and lo + at < title_at \
        else None


# The labels a page prints before the date it was changed, and before the date it was first
# published ("Updated Nov 13, 2019", "Posted: 18 Nov 2019", "Original Nov. 19, 2019").
_UPDATE_LABEL = re.compile(
    r"\b(?:updated|last\s+updated|modified|оновлено|обновлено|mis\s+à\s+jour|actualizado"
    r"|atualizado|aggiornato|aktualisiert|bijgewerkt|zaktualizowano|uppdaterad|opdateret"
    r"|oppdatert|güncellendi|güncelleme)\b", re.I)
_PUBLISH_LABEL = re.compile(
    r"\b(?:published|posted|original|first\s+published|опубліковано|опубликовано|publié"
    r"|publicado|pubblicato|veröffentlicht|publiziert|gepubliceerd|opublikowano|publicerad"
    r"|publiceret|publisert|yayınlanma)\b", re.I)
_LABEL_AROUND = 2  # lines either side of a dateline where a page prints its other stamp


def _label(before: str) -> str | None:
    """The stamp label nearest before a date ("updated", "published"), or None."""
    last = max(((m.end(), kind) for kind, rx in (("updated", _UPDATE_LABEL),
                                                 ("published", _PUBLISH_LABEL))
                for m in rx.finditer(before)), default=None)
    return last[1] if last else None


def _dates_in(text: str) -> list[tuple[dates.Found, str | None]]:
    """Every full date on a line, each with the label printed before it (after the date
    before it): "By Al Root Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019"."""
    out: list[tuple[dates.Found, str | None]] = []
    pos = 0
    while pos < len(text) and (found := dates.find_date(text[pos:])) is not None:
        found = replace(found, start=found.start + pos, end=found.end + pos)
        out.append((found, _label(text[pos:found.start])))
        pos = max(found.end, pos + 1)
    return out


def publication(lines: Sequence[Line], at: int, found: dates.Found) -> dates.Found:
    """The publication date of dateline ``at`` (whose first date is ``found``). A date
    labelled as the page's update ("Updated Nov 13, 2019, 10:28am EST") gives way to one
    labelled as its publication on the same line ("… / Original Nov. 19, 2019 8:02 am ET")
    or on a stamp line next to it ("Updated: 18 Nov 2019 9:38 pm" over "Posted: 18 Nov
    2019 8:11 pm"). With none, the update's date stands, marked ``updated``: it is the only
    date the page gives, the day the article last changed; it was published that day or
    before."""
    text = lines[at].text
    if _label(text[:found.start]) != "updated":
        return found
    for other, label in _dates_in(text)[1:]:
        if label == "published":
            return other
    for i in range(max(0, at - _LABEL_AROUND), min(len(lines), at + 1 + _LABEL_AROUND)):
        near = lines[i].text
        if i != at and len(near) < 160:
            first = next(iter(_dates_in(near)), None)
            if first is not None and first[1] == "published":
                return first[0]
    return replace(found, updated=True)


def _after_date(text: str, found: dates.Found) -> str:
    return text[found.end:].strip(" \t|-–—,.")


_TITLE_REACH = 24  # lines above the article searched for its headline (bylines, shares ...)
_LIST_RUN = 3  # this many headline-shaped lines in a row are a list of other stories
HEAD_SPAN = 12  # lines a headline may stand above its dateline (byline, standfirst, shares ...)


def _title_index(lines: Sequence[Line], start: int, date_at: int | None,
                 reg: outlets.Registry, end: int | None = None) -> int | None:
    """The line of the page's headline, or None: never one of the lines that stack around a
    headline (standfirst, caption, credit, byline, promo, kicker, breadcrumb, date: see
    :mod:`digest.ingest.headline`) nor a line of a menu or of a list of other stories.

    Three places are looked at, by where a page prints its head:

    * the nearest title-shaped line above the article (a run of them is a list of stories,
      of which only the last line can be the headline; a list between the dateline and the
      article sends the search above the dateline);
    * the one that opens the stack ending at the dateline (or, without one, at the byline or
      time stamp nearest above the article): it wins over a line between the dateline and
      the article (a caption, a tag, a video's title) unless only that line is printed twice;
      but a line right on top of the dateline yields to a headline right under it that has
      its own byline (that page prints its date above the head, under a menu);
    * a headline with its byline or date right below it, right under the dateline or among
      the article's first lines: it wins over a pick that no byline, date or article
      follows (a menu's item).

    A standfirst without its full stop or a caption right under the headline gives way to it
    (:func:`_headline_over_standfirst`).

    The pick must share a word with the article (:func:`_borne_out`), else the nearest
    title-shaped line that does takes its place, or the page has no title."""
    ok = _TitleShaped(lines, reg)
    near = _nearest_title(ok, start, date_at)
    if (near is not None and date_at is not None and near < date_at < start
            and date_at - near > HEAD_SPAN and not _echoed(lines, near, start)):
        near = None  # a menu's item, a long way above the date: the headline stands near it
    if near is not None:
        near = _headline_over_standfirst(ok, lines, near, start)
    anchor = _anchor(lines, start, date_at)
    above = _above_anchor(ok, lines, anchor)
    under = _under_dateline(ok, lines, start, date_at)
    if above is not None and under is not None and above + 1 == anchor:
        above = None  # a line right on top of the date, with nothing of a head's: a menu's
    if above is not None:
        above = _headline_over_standfirst(ok, lines, above, start)
        if (near is None or near < above or not _echoed(lines, near, start)
                or _echoed(lines, above, start)):
            near = above
    head = under if under is not None else _region_head(ok, lines, start)
    if head is not None and (near is None or not _heads(lines, near, start)):
        near = head
    if near is not None and _names_stacked(ok, lines, near):
        return None
    return _borne_out(ok, lines, None if near is None else _first_showing(lines, near), start,
                      len(lines) if end is None else end)


_BODY_WORDS = 6  # a line of the article this long (in words) is its prose, not a control
_LEAD = 3  # lines of prose that open an article: its lead, which the headline sums up
_TOLD = 20  # words of its own the article needs for a headline to be checked against it


def _borne_out(ok: _TitleShaped, lines: Sequence[Line], at: int | None, start: int,
               end: int) -> int | None:
    """Line ``at``, when its words are the story's: a headline names what the article
    reports, so one of its words (or their stem) comes again in the article's lead (its first
    three lines of prose), or two of them further down. A line that shares less is something
    else the head prints (a menu's item, a button, an author's bare name, a site's slogan);
    the nearest title-shaped line above the article (else among its first lines) that is
    the story's beyond doubt takes its place: two of its words at least, and two in five,
    come again in the prose (a menu's or a footer's line shares one word by chance; a
    headline in capitals may stand in). A page without a pick (``at`` None) gets such a
    stand-in too. A pick shaped as a person's name ("Jane Doe Roe", see
    :func:`_name_shaped`) must be the story's beyond doubt itself: the article may name the
    author, or a person of whom a headline of names only would say nothing. None when no
    line does: the page waits for review rather than carry a title that is not its own.
    An article with too few words of its own to tell keeps the pick."""
    if at is not None and _echoed(lines, at, start):
        return at  # printed twice in the page's head: the headline, whatever the article says
    prose = _Prose(lines, start, end)
    if not prose.tells():
        return at

    def shared(i: int, lead: int | None = None) -> tuple[int, int]:
        title = headline.stems(lines[i].text)
        return len(title & prose.told(i, lead)), len(title)

    def sure(i: int) -> bool:  # the story's beyond doubt
        n, of = shared(i)
        return n >= _STAND_IN and n >= _STAND_IN_SHARE * of

    def told(i: int) -> bool:  # in the lead, or twice in the article
        return shared(i, _LEAD)[0] >= 1 or shared(i)[0] >= _STAND_IN

    if at is not None and (sure(at) if _name_shaped(lines[at].text) else told(at)):
        return at

    def tells(i: int) -> bool:  # a stand-in must be the story's beyond doubt
        return ((ok[i] and ok.run(i, max(0, start - _STAND_IN_REACH), start) < _LIST_RUN)
                or _caps_headline(lines[i].text)) and sure(i)

    spots = [i for i in [*range(start - 1, max(-1, start - 1 - _STAND_IN_REACH), -1),
                         *range(start, min(start + _HEAD_LINES, end))] if i != at]
    found = next((i for i in spots if tells(i)), None)
    if found is None:  # an exclamation only when no other line is the story's
        found = next((i for i in spots if _exclaimed(lines[i].text) and sure(i)), None)
    if found is None:
        return at if at is not None and _heads(lines, at) else None
    return _first_showing(lines, found)


class _Prose:
    """The article's lines of prose (:data:`_BODY_WORDS` words or more) and their words'
    stems, read only as far as a question needs: most headlines are told by the lead."""

    def __init__(self, lines: Sequence[Line], start: int, end: int):
        self.lines = lines
        self._rows = ((i, normalize(lines[i].text), headline.stems(lines[i].text))
                      for i in range(start, end)
                      if lines[i].kind != "barrier" and len(words(lines[i].text)) >= _BODY_WORDS)
        self.read: list[tuple[int, str, set[str]]] = []

    def _upto(self, n: int | None) -> None:
        while n is None or len(self.read) < n:
            row = next(self._rows, None)
            if row is None:
                return
            self.read.append(row)

    def tells(self) -> bool:
        """Whether the article has :data:`_TOLD` words of its own to check a headline by."""
        seen: set[str] = set()
        n = 0
        while len(seen) < _TOLD:
            n += 1
            self._upto(n)
            if len(self.read) < n:
                return False
            seen |= self.read[n - 1][2]
        return True

    def told(self, i: int, lead: int | None) -> set[str]:
        """The stems of the first ``lead`` lines of prose (all when None), leaving out line
        ``i`` and lines that print its text: a line is no evidence for itself."""
        key = normalize(self.lines[i].text)
        out: set[str] = set()
        taken, n = 0, 0
        while lead is None or taken < lead:
            n += 1
            self._upto(n)
            if len(self.read) < n:
                break
            j, other, own = self.read[n - 1]
            if j != i and other != key:
                out |= own
                taken += 1
        return out


def _caps_headline(text: str) -> bool:
    """A headline styled in capitals, as a kicker is, but of a headline's length
    (:data:`_ECHO_WORDS` words; a section's name is shorter): it stands in for a rejected
    pick only when it is the story's beyond doubt."""
    return (headline.not_a_headline(text) == "kicker" and is_headline(text)
            and len(_words(text)) >= _ECHO_WORDS and "." not in text)  # not "RUIN. LOVE."


def _exclaimed(text: str) -> bool:
    """A short headline that exclaims ("Endlich mehr Tempo wagen!"), shaped as a promo's
    call ("Jetzt testen!"): it stands in only as the story's beyond doubt, and only when
    no other line is."""
    return (text.endswith("!") and headline.not_a_headline(text) == "promo"
            and headline._PROMO.search(text) is None and len(_words(text)) >= 2
            and not is_chrome_phrase(text))


_STAND_IN = 2  # words a line that stands in for a rejected pick shares with the article
_STAND_IN_SHARE = 0.4  # ... and the share of its own words they are
_STAND_IN_REACH = 12  # lines above the article a stand-in is looked for in (its head's stack)


def _names_stacked(ok: _TitleShaped, lines: Sequence[Line], at: int) -> bool:
    """Line ``at`` signs the date below it as a byline does (a bare name, :func:`_signs`),
    and the title-shaped line above it is shaped as a name too ("Miguel Bernal North Diving /
    Ben Patton Trinity / Posted: Feb 16, 2018"): a slideshow's captions or a list of people,
    in which no line can be told for the headline. The page waits for review instead."""
    return at >= 1 and _signs(lines, at) and ok[at - 1] and _name_shaped(lines[at - 1].text)


def _nearest_title(ok: _TitleShaped, start: int, date_at: int | None) -> int | None:
    """The nearest title-shaped line above the article, passing over lists of stories."""
    limit = start
    if date_at is not None and (date_at >= start or (
            start - date_at <= _TITLE_REACH and _has_list(ok, date_at + 1, start))):
        limit = date_at
    for i in range(min(limit, len(ok.lines)) - 1, max(-1, limit - 1 - _TITLE_REACH), -1):
        if ok[i] and not (i + 1 < limit and ok[i + 1] and ok.run(i, 0, limit) >= _LIST_RUN):
            return i
    return None


_STACK = 3  # lines a headline's stack puts between it and its dateline (standfirst, byline ...)
_HANDLE = re.compile(r"^@\w+$")
_BY_LABEL = re.compile(r"^(?:by|від|автор)\s*:?$", re.I)


def _anchor(lines: Sequence[Line], start: int, date_at: int | None) -> int | None:
    """The line a headline's stack ends with above the article: the dateline, else the
    nearest byline or time stamp ("By ...", "1 day ago")."""
    if date_at is not None:
        return date_at if date_at < start else None
    for i in range(start - 1, max(-1, start - 1 - _TITLE_REACH), -1):
        if _stamp_or_byline(lines[i].text):
            return i
    return None


def _stamp_or_byline(text: str) -> bool:
    """A byline ("By Jane Doe", or its "By" alone on a line above the name) or a stamp."""
    return (headline.is_byline(text) or headline.is_timestamp(text)
            or _BY_LABEL.match(text) is not None)


def _above_anchor(ok: _TitleShaped, lines: Sequence[Line], anchor: int | None) -> int | None:
    """The title-shaped line right above the dateline (or byline), with at most a standfirst,
    a byline, a handle or a picture's credit between them. Lines between the dateline and
    the article (a photo's caption and credit, tags, a video's title) come after the headline
    on a page that prints its date below the headline."""
    if anchor is None:
        return None
    i = anchor - 1
    while i >= 0 and anchor - i <= _STACK and not ok[i]:
        if not _in_stack(lines[i].text):
            return None
        i -= 1
    return i if i >= 0 and ok[i] else None


_HEAD_LINES = 3  # the article's first lines that may still be its headline


def _under_dateline(ok: _TitleShaped, lines: Sequence[Line], start: int,
                    date_at: int | None) -> int | None:
    """A headline right under a dateline that tops the head, with its byline below it."""
    if date_at is None or date_at >= start:
        return None
    return _first_heading(ok, lines, range(date_at + 1, min(date_at + 3, start)))


def _region_head(ok: _TitleShaped, lines: Sequence[Line], start: int) -> int | None:
    """A headline among the article's first lines (the region took the head along), with
    its byline or date right below it."""
    return _first_heading(ok, lines, range(start, min(start + _HEAD_LINES, len(lines))))


def _first_heading(ok: _TitleShaped, lines: Sequence[Line], spots: range) -> int | None:
    return next((i for i in spots if ok[i] and _heads(lines, i)), None)


def _heads(lines: Sequence[Line], at: int, article: int | None = None) -> bool:
    """Line ``at`` is followed as a headline is: by a byline, a date or a time stamp (past at
    most a standfirst, a handle, a credit), or by the article when its first line ``article``
    is given; a menu's item is followed by the next item."""
    for j in range(at + 1, min(at + 1 + _STACK, len(lines))):
        text = lines[j].text
        if j == article or _stamp_or_byline(text) or _dated(text):
            return True
        if not (_in_stack(text) or (j == at + 1 and _standfirst_shaped(text, lines[at].text))):
            return False
    return False


def _standfirst_shaped(text: str, above: str) -> bool:
    """A standfirst printed without its full stop: a long line of ordinary words, not the
    line above printed again (a breadcrumb that ends with the headline, then the headline)."""
    return (len(words(text)) >= 12 and headline.not_a_headline(text) is None
            and not _in_order(_words(text), _words(above)))


def _in_stack(text: str) -> bool:
    """A line that sits between a headline and its dateline: standfirst, byline, an author's
    bare name, handle, picture credit or caption, time stamp."""
    return (headline.is_byline(text) or headline.is_caption(text) or headline.is_sentence(text)
            or bool(_HANDLE.match(text)) or _name_shaped(text) or headline.is_timestamp(text)
            or _names_outlet(text))


def _headline_over_standfirst(ok: _TitleShaped, lines: Sequence[Line], at: int,
                              start: int) -> int:
    """The line above ``at`` when both are title-shaped and ``at`` is what stacks under a
    headline: a caption (its picture's credit follows it), or a standfirst without its full
    stop when the upper line opens right under the breadcrumb trail, when the byline signs
    the two (:func:`_decked`), or when only the upper line is printed again on the page (a
    page repeats its headline in a sticky header, a breadcrumb or the URL, never its
    standfirst)."""
    up = at - 1
    while up >= 0 and _same(lines, up, at):
        up -= 1
    if up < 0 or not ok[up]:
        return up - 1 if _signed_above(ok, lines, at) else at
    if at + 1 < len(lines) and _credit_line(lines[at + 1].text):
        return up
    if _signs(lines, at) and not _name_shaped(lines[up].text) and (
            len(lines[up].text.split()) >= max(_SIGNED_HEAD, len(lines[at].text.split()) + 2)):
        return up  # a headline's length, not a menu's item ("Continue reading the main story")
    if (up >= 1 and headline.is_breadcrumb(lines[up - 1].text)
            and len(_words(lines[up].text)) >= _ECHO_WORDS and not _heads(lines, at)):
        return up  # the trail leads to the headline (not to a section's name: too short)
    if _decked(ok, lines, up, at) or _deck_shaped(ok, lines, up, at):
        return up
    return up if _echoed(lines, up, start) and not _echoed(lines, at, start) else at


_DECK_LONGER = 1.5  # times the headline's words a deck runs to at least


def _deck_shaped(ok: _TitleShaped, lines: Sequence[Line], up: int, at: int) -> bool:
    """Line ``at`` is the deck under headline ``up``, by their lengths: ``up`` stands alone
    (no title-shaped line right above it: not the last item of a list) with a headline's
    length (:data:`_SIGNED_HEAD` words; a kicker or a section's name is shorter), and ``at``
    runs half as long again: a deck spells out what the headline compresses."""
    if (up >= 1 and ok[up - 1]) or " | " in lines[up].text:
        return False  # a list's last item; a page's title parted by bars ("Best … | 2020")
    size = len(_words(lines[up].text))
    return size >= _SIGNED_HEAD and len(_words(lines[at].text)) >= _DECK_LONGER * size


def _decked(ok: _TitleShaped, lines: Sequence[Line], up: int, at: int) -> bool:
    """Lines ``up`` and ``at`` stack as a headline over its deck (a standfirst printed
    without its full stop), signed: the byline follows ``at`` (or its "By" alone, the name
    on the line below), and ``up`` stands alone (the
    line above it is no title, so ``up`` is not the last item of a menu or a list) with a
    headline's length (:data:`_SIGNED_HEAD` words). A page signs under its deck, never
    between the headline and the deck, so the upper line is the headline. Not under a
    breadcrumb trail: there the upper line may be the section's description, and the signed
    line the headline (the trail's own rule decides, above)."""
    if at + 1 >= len(lines) or not (headline.is_byline(lines[at + 1].text)
                                    or _BY_LABEL.match(lines[at + 1].text)):
        return False
    if up >= 1 and (ok[up - 1] or headline.is_breadcrumb(lines[up - 1].text)):
        return False
    return len(_words(lines[up].text)) >= _SIGNED_HEAD


def _signed_above(ok: _TitleShaped, lines: Sequence[Line], at: int) -> bool:
    """A byline right above line ``at`` signs the title-shaped line above it, and ``at``
    has no byline of its own: a page signs its headline, and a line printed under the byline
    is a photo's caption or a standfirst ("Headline / Jane DoeView More Articles / The car
    looks good even without its roof / November 20, 2019")."""
    if at < 2 or not headline.is_byline(lines[at - 1].text) or not ok[at - 2]:
        return False
    if at >= 3 and _stamp_or_byline(lines[at - 3].text):
        return False  # a list of stories, each signed: the last one's byline is not ``at``'s
    below = lines[at + 1].text if at + 1 < len(lines) else ""
    return not (headline.is_byline(below) or _BY_LABEL.match(below) or _name_shaped(below))


_SIGNED_HEAD = 6  # words of a headline above a name that signs the article (menu items are fewer)
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.-]*$")


def _name_shaped(text: str) -> bool:
    """Two to five capitalised words and nothing else, no function word, no figure: an
    author's name, maybe with the outlet's ("Jane Doe", "Jane Doe Harbour Gazette")."""
    toks = text.split()
    return (2 <= len(toks) <= 5 and all(_NAME_WORD.match(t) for t in toks)
            and not any(c.isdigit() for c in text)
            and not any(w in ALL_STOPWORDS for w in words(text)))


def _signs(lines: Sequence[Line], at: int) -> bool:
    """Line ``at`` is a byline by its shape and place: a name right above the date or the
    time stamp, where a page signs its article under the headline."""
    if at + 1 >= len(lines) or not _name_shaped(lines[at].text):
        return False
    text = lines[at + 1].text
    return headline.is_timestamp(text) or _dated(text)


def _dated(text: str) -> bool:
    """A short line that gives a date: the dateline under a headline's stack."""
    return len(text) < 160 and dates.find_date(text) is not None


def _credit_line(text: str) -> bool:
    """A picture's credit on a line of its own ("(Jane Doe / Associated Press)")."""
    return len(text) < 80 and headline.is_credit(text)


def _same(lines: Sequence[Line], i: int, j: int) -> bool:
    return normalize(lines[i].text) == normalize(lines[j].text)


_HEAD_ECHO = 3  # a repeat of the headline among the article's first lines (alt text) counts
_ECHO_WORDS = 4  # a headline this long (in words) is recognised where the page prints it again
_ECHO_EXTRA = 12  # words a line may add around the headline it repeats (crumbs, a site, a URL)


def _echoed(lines: Sequence[Line], at: int, start: int) -> bool:
    """The page's head prints this headline a second time: as another line, inside a longer
    line (a breadcrumb, a "Headline | Site" title line, the URL's slug) or shortened (a
    teaser's title), all its words in the same order. Only above the article (and in its
    first lines, where alt text repeats the headline): a line repeated further down
    ("Continue reading the main story") is chrome, not a headline shown twice."""
    own = _words(headline.strip_label(lines[at].text))
    if len(own) < _ECHO_WORDS:
        return False
    for j, ln in enumerate(lines[: start + _HEAD_ECHO]):
        if j == at or len(ln.text) > 400 or _repeated_block(lines, at, j):
            continue
        other = _words(headline.strip_label(ln.text))
        if len(other) <= len(own) + _ECHO_EXTRA and _in_order(own, other) or (
                len(other) >= _ECHO_WORDS and len(other) * 3 >= len(own) * 2
                and _in_order(other, own)):
            return True
    return False


def _repeated_block(lines: Sequence[Line], at: int, j: int) -> bool:
    """Line ``j`` repeats ``at`` because a whole block is printed twice (a menu shown once
    for the desktop and once for the phone): their neighbours repeat too."""
    return _same(lines, at, j) and any(
        0 <= at + d < len(lines) and 0 <= j + d < len(lines) and j + d != at
        and at + d != j and _same(lines, at + d, j + d) for d in (-1, 1))


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _in_order(needle: list[str], hay: list[str]) -> bool:
    """Every word of ``needle`` in ``hay``, in the same order (others may come between)."""
    it = iter(hay)
    return all(word in it for word in needle)


class _TitleShaped:
    """Which lines may be a title, judged once and only when asked (the tests cost)."""

    def __init__(self, lines: Sequence[Line], reg: outlets.Registry):
        self.lines = lines
        self.reg = reg  # known outlets: a line that only names one is a masthead
        self.seen: dict[int, bool] = {}

    def __getitem__(self, i: int) -> bool:
        if i not in self.seen:
            text = self.lines[i].text
            why = headline.not_a_headline(text)
            self.seen[i] = (is_headline(text) and not _ATTRIBUTION_RE.match(text)
                            and (why is None or why == "kicker" and _caps_head(self.lines, i))
                            and not _names_outlet(text) and self.reg.exactly(text) is None)
        return self.seen[i]

    def run(self, at: int, lo: int, hi: int) -> int:
        """Length of the run of title-shaped lines through ``at`` within ``[lo, hi)``."""
        first = at
        while first > lo and self[first - 1]:
            first -= 1
        last = at
        while last + 1 < hi and self[last + 1]:
            last += 1
        return last - first + 1


_PEOPLE = re.compile(r"^(?:[A-Z][\w'’.-]+ ){1,3}(?:(?:and|&) (?:[A-Z][\w'’.-]+ ){1,3})?$")


def _names_outlet(text: str) -> bool:
    """A credit line: people's names, then the outlet they write for ("Charlie Wood, Business
    Insider", "Kevin Johnson and Kevin McCoy USA TODAY") — a byline, not a headline."""
    toks = text.split()
    reg = outlets.registry()
    for n in range(1, min(4, len(toks) - 1) + 1):
        people = " ".join(toks[:-n])
        joined = people.endswith(",") or " and " in people or " & " in people
        if joined and _PEOPLE.match(people.rstrip(",") + " ") and reg.exactly(" ".join(toks[-n:])):
            return True
    return False


def _has_list(ok: _TitleShaped, lo: int, hi: int) -> bool:
    return any(ok[i] and ok.run(i, lo, hi) >= _LIST_RUN for i in range(lo, hi))


_CAPS_HEAD = 5  # words of a headline in capitals told from a kicker (a section's name is shorter)


def _caps_head(lines: Sequence[Line], at: int) -> bool:
    """A line shaped as a kicker (short, in capitals) that is a headline styled in capitals:
    the page prints it in mixed case too, and it is longer than a section's name."""
    return len(_words(lines[at].text)) >= _CAPS_HEAD and cased_copy(lines, at) is not None


def cased_copy(lines: Sequence[Line], at: int) -> str | None:
    """Line ``at``, a headline in capitals (a style: the words are written in mixed case),
    as the page's head prints it in mixed case, whole or at the end of a longer line (a
    breadcrumb that ends with the headline); None when it is not in capitals, or is not
    printed otherwise, or is too short to tell from a section label."""
    text = lines[at].text
    cased = [c for c in text if c.lower() != c.upper()]
    if not cased or any(c.islower() for c in cased) or len(_words(text)) < _ECHO_WORDS:
        return None
    key = text.lower()
    for j in range(max(0, at - _TITLE_REACH), min(len(lines), at + _HEAD_ECHO + 1)):
        other = lines[j].text
        cut = len(other) - len(key)
        if j == at or cut < 0 or other.lower()[cut:] != key or not any(
                c.islower() for c in other[cut:]):
            continue
        if cut == 0 or not other[cut - 1].isalnum() or (
                other[cut - 1].islower() and other[cut].isupper()):
            return other[cut:]
    return None


def _first_showing(lines: Sequence[Line], at: int) -> int:
    """The headline where it first appears: a page repeats it below (alt text, a copy in
    sentence case), and the first showing is the one the page styles as its headline."""
    key = normalize(lines[at].text)
    for j in range(max(0, at - _TITLE_REACH), at):
        if normalize(lines[j].text) == key:
            return j
    return at


def _drop_repeats(lines: Sequence[Line], start: int, end: int, title: str | None,
                  used: set[int]) -> None:
    """Repeated headlines (image alt text, sentence case, "... - Photo") are not body."""
    if not title:
        return
    key = normalize(title)
    for ln in lines[: min(end, start + 6)]:
        text = normalize(ln.text)
        if text == key or (text.startswith(key) and len(text) - len(key) < 12):
            used.add(ln.index)


def _byline(lines: Sequence[Line], date_at: int | None, found: dates.Found | None,
            start: int) -> str:
    """The name glued in front of the dateline, or a "by ..." line near it."""
    if date_at is not None and found is not None:
        before = lines[date_at].text[: found.start]
        before = _WEEKDAYS.sub("", before)
        before = _NAMES_COMMA.sub("\x00", before)  # "A , B": two names, kept apart
        before = _BY_IN_DATELINE.sub("", _BYLINE_NOISE.sub(" ", before).strip())
        before = before.strip(" ()-–—")
        before = re.sub(r"\s+\d{1,2}[:.]\d{2}$", "", before).strip()
        before = _ON_END.sub("", before)  # "By Jane Roe on Monday, ...": "on" is no name
        before = ", ".join(" ".join(name.split()) for name in before.split("\x00")
                           if name.strip())
        if before and not any(c.isdigit() for c in before):  # "4:00 am CST" is no name
            return before
    for ln in lines[max(0, start - 8): start]:
        if _BY.match(ln.text) and len(ln.text) < 80:
            return _BY.sub("", ln.text).strip()
    return ""


def _outlet(byline: str, lines: Sequence[Line], start: int, end: int, url: str | None,
            config: Config, ex: Extraction, given: str | None) -> Source | None:
    """The publisher: the outlet the page was saved from when its saver named it (``given``,
    see :mod:`digest.ingest.pages`) and no known outlet serves its URL; else by the signals
    of :func:`digest.ingest.outlets.from_text`; else an agency credited in the lead, an
    organisation's byline or the URL's host, as printed. An unregistered credit or byline is
    published only when it has the shape of an outlet's name (:func:`outlets.name_shaped`):
    a place ("(Leipzig) -"), a label ("Post date") or a person in capitals is no outlet, and
    none is written rather than a wrong one."""
    reg = outlets.registry(config.sources)
    if byline and not reg.first(byline) and not _is_org(byline) and all(
            len(name.split()) <= 4 for name in byline.split(", ")):
        ex.author = byline  # one person, or several names the byline lists ("A, B")
    named = given_outlet(given, [url], reg)
    if named:
        ex.outlet, ex.outlet_source = named.name, named.signal
        return named.source
    credit = _wire_credit(lines[start:end])
    page = outlets.TextPage(
        lines=[ln.text for ln in lines],
        chrome=[ln.text for i, ln in enumerate(lines) if not start <= i < end or ln.kind == "bad"],
        body=[ln.text for ln in lines[start:end] if ln.kind != "bad"],
        title=ex.title, byline=byline if ex.author is None else "", credit=credit, url=url,
        prose=[ln.text for ln in lines[start:end] if ln.kind == "good"], author=ex.author or "",
        gaps=[ln.gap_before for ln in lines])
    found = outlets.from_text(page, reg)
    if found:
        ex.outlet, ex.outlet_source = found.name, found.signal
        return found.source
    if credit and outlets.name_shaped(credit):
        ex.outlet, ex.outlet_source = credit, "wire"
    elif byline and ex.author is None and outlets.name_shaped(byline):
        ex.outlet, ex.outlet_source = byline, "byline"
    else:
        ex.outlet = outlet_from_url(url, config)
        ex.outlet_source = "url" if ex.outlet else None
    return None


def given_outlet(given: str | None, urls: Sequence[str | None], reg: outlets.Registry
                 ) -> outlets.Found | None:
    """The outlet a page's saver named (signal "given"), unless a known outlet serves one of
    the page's own URLs (an exact address outranks a label on a folder). A known outlet is
    written under its registry name; another name as given."""
    if not given or any(reg.for_url(url) for url in urls):
        return None
    known = reg.named(given)
    return outlets.Found(known.name if known else given, "given", known)


def _is_org(name: str) -> bool:
    return bool(_ORG_WORDS.search(name) or _ACRONYM.match(name))


def _wire_credit(region: Sequence[Line]) -> str | None:
    """An agency credited in the lead's dateline: "LJUBLJANA, March 28 (Xinhua) --"."""
    for ln in region[:3]:
        m = outlets.LEAD_CREDIT.match(ln.text) or _WIRE_CAPS.match(ln.text)
        if m:
            return m.group(1).strip()
    return None


def _set_date(ex: Extraction, found: dates.Found | None, tz: dt.tzinfo, url: str | None,
              hint: dt.date | None, lines: Sequence[Line], start: int, end: int) -> int | None:
    """The dateline, else a date in the URL, the stored copy's hint, a full date in the text.

    Only a dateline can carry a time; every other source gives a day (``day_only``).
    Returns the index of the line a date in the text came from: a year-less date above it
    ("on Thursday, August 24" in the lead) is the article's, not one quoted further down."""
    if found is not None:
        ex.date = dates.to_datetime(found, tz)
        ex.date_source = "updated" if found.updated else "dateline"
        ex.day_only = found.time is None
        return None
    day, at = dates.date_from_url(url), None
    source = "url"
    if day is None and hint is not None:
        day, source = hint, "meta"
    embedded = None  # the first date an embedded post is signed with
    if day is None:
        for at in range(start, end):
            in_text = dates.find_date(lines[at].text)
            if in_text is None or not _stated(lines[at].text, in_text):
                continue
            if _post_signed(lines[at].text, in_text):
                embedded = embedded if embedded is not None else at
            else:
                day, source = in_text.date, "text"
                break
        else:
            at = None
    if day is None and (signed := _signature(lines, end)) is not None:
        at, day, source = signed, dates.find_date(lines[signed].text).date, "text"
    if day is None and (stamped := _page_stamp(lines, start)) is not None:
        at, day, source = stamped, dates.find_date(lines[stamped].text).date, "text"
    if day is None and embedded is not None:  # the post was embedded that day or after
        at, day, source = embedded, dates.find_date(lines[embedded].text).date, "text"
    if day is not None:
        ex.date = dt.datetime.combine(day, dt.time(0, 0), tzinfo=tz)
        ex.date_source, ex.day_only = source, True
    return at if source == "text" and day is not None else None


STAMP_WORDS = 4  # words a stamp line may print besides its date: a label, a name


def _page_stamp(lines: Sequence[Line], start: int) -> int | None:
    """The line of the page's one stamp, wherever the page prints it: a short line that is
    a date (and time) with at most a label or a name (:data:`STAMP_WORDS` words: "8.
    November 2021", "Malte Welding | 29.07.2006 um 14:26", "erstellt von Jana —
    veröffentlicht 28.01.2022 06:00"). The page's stamps must all give one day; or, when
    they do not (a list of other stories, comments), the ones labelled as its publication
    ("Veröffentlicht: 22. August 2012") must, or else those that print nothing but the
    date and its time ("20:34 17.04.2020"; not "Ab dem 8. Oktober 2020 im Kino"). Never a
    stamp labelled as the page's update, an embedded post's, nor the site's "today" line
    over its menu, nor those listed under a "Related stories" heading (each within
    :data:`LIST_GAP` lines of the heading or of the one before); past the first such or
    comments heading after the article's start, only one labelled as the publication (a
    blog prints its post's stamp under its box of related posts)."""
    stamps: list[tuple[int, dt.date, str | None]] = []
    stop = next((i for i in range(start, len(lines)) if related_heading(lines[i])), len(lines))
    last = None  # the latest "Read also" heading, or its box's latest dated line
    for i, ln in enumerate(lines):
        if related_heading(ln):
            last = i
        found = dates.find_date(ln.text) if len(ln.text) < 100 else None
        if found is None or _post_signed(ln.text, found):
            continue
        label = _label(ln.text[:found.start])
        if label != "published" and last is not None and i - last <= LIST_GAP:
            last = i  # a story a box lists ("Recent from Jane Roe" over her other stories)
            continue
        rest = (ln.text[:found.start] + " " + ln.text[found.end:]).strip(" |-–—·•,:/()")
        if len(words(rest)) > STAMP_WORDS or any(c.isdigit() for c in rest):
            continue
        if label == "updated" or (i >= stop and label != "published") or _today_line(
                lines, i, found):
            continue
        stamps.append((i, found.date, "bare" if not rest and label is None else label))
    before = [s for s in stamps if s[0] < stop]
    for group in (before, [s for s in stamps if s[2] == "published"],
                  [s for s in before if s[2] == "bare"
                   and dates.find_date(lines[s[0]].text).time is not None]):
        if group and len({day for _, day, _ in group}) == 1:
            return group[0][0]
    return None


SIGNATURE_LINES = 2  # lines under the article's last paragraph where it may be signed


def _signature(lines: Sequence[Line], end: int) -> int | None:
    """The line that signs the article under its last paragraph, with its date ("Written by
    Jane Roe on November 14, 2019", "Posted on 27 October 2015 by Admin"): a byline or a
    time stamp by its shape, within :data:`SIGNATURE_LINES` lines of the article's end and
    before any "Related stories" or comments heading. Some pages print their stamp there
    rather than under the headline; a date further down belongs to what follows (other
    stories, comments), and an embedded post's signature ("— Name (@handle) November 4,
    2019") dates the post, not the article."""
    for at in range(end, min(end + SIGNATURE_LINES, len(lines))):
        text = lines[at].text
        if lines[at].kind == "barrier":
            return None
        if text.startswith(("—", "–", "-")):
            continue
        if (len(text) < 160 and (headline.is_byline(text) or headline.is_timestamp(text))
                and dates.find_date(text) is not None):
            return at
    return None


PROSE_DATE_AT = 30  # characters into a sentence where a wire dateline's date may stand
_WIRE_AFTER = re.compile(r"[\s,]*(?:\([^()]{1,40}\)\s*)?[-–—]")  # "(Reuters) -", " —"
# A handle right before the date, or a word such as "on" between them: an embedded post's
# signature ("A post shared by Jane Roe (@janeroe) on Apr 21, 2019", "— Jane Roe (@janeroe)
# November 4, 2019"), not a byline's ("Jane Roe (@janeroe) Published August 22, 2023").
_HANDLE_BEFORE = re.compile(r"(?<![\w.])@\w{2,}\)?[\s,]*(?:\w{1,3}\s+)?$")


def _post_signed(text: str, found: dates.Found) -> bool:
    """The date signs an embedded post: the day of the post, which the article quotes that
    day or later; the article's date only when the page gives none other."""
    return _HANDLE_BEFORE.search(text, 0, found.start) is not None


def _stated(text: str, found: dates.Found) -> bool:
    """Whether a date in the article's text is the page's own: on a line that is not prose
    (a stamp, a byline) or opening one as a wire dateline ("KYIV, Aug 23, 2023 (Reuters) -
    ...") or as a byline ("By Jane Roe on 31. October, 2023 | 18 Comments. This post ...").
    A date inside a sentence dates what the sentence tells ("In this Dec. 12, 2006, file
    photo", a study, an earlier event), not the article."""
    if not headline.is_sentence(text):
        return True
    if found.start >= PROSE_DATE_AT:
        return False
    return (_WIRE_AFTER.match(text, found.end) is not None
            or _BYLINE_OPENS.fullmatch(text[:found.start].strip()) is not None)


# "By Jane Roe on", "Von Jana Beispiel am": a byline that opens a line before its date.
_BYLINE_OPENS = re.compile(r"(?i:by|von|par|por|door|di|av|af)\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*"
                           r"(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3}(?:\s*,|\s+(?:on|am|le|el|op|il|den))?")


def _labelled_update(ln: Line) -> bool:
    """The line's first date is labelled as the page's update ("Updated: 2 January 2024")."""
    found = dates.find_date(ln.text)
    return found is not None and _label(ln.text[:found.start]) == "updated"


def _set_yearless_date(ex: Extraction, tz: dt.tzinfo, url: str | None, hint: dt.date | None,
                       lines: Sequence[Line], start: int, end: int,
                       provenance: Provenance | None = None, stamped: bool = False) -> None:
    """A date printed without its year ("on Thursday, August 24", "вечером 23 августа").

    The year comes only from the page itself (:func:`dates.year_evidence`: the URL, the
    stored copy's date hint, other full dates on the page, the copyright notice, and last
    the date its fetcher recorded), and ``date_source`` says which: "text+url",
    "text+hint", "text+page", "text+copyright", "text+http", "text+fetched".
    With none, the date stays unset and ``review`` says what the editor must add (or,
    when a full date further down the text was found, that one stays). Against such a
    full date that is the page's stamp (``stamped``: a stamp, a byline, a wire dateline,
    not one labelled as an update), neither the headline's own year-less date nor one
    inside a sentence is read: they date what the headline announces ("... trial resumes
    on 18 May") or the sentence tells ("the hearing was set for 17 June"), not the page."""
    partial, printed = None, ""
    headline_key = normalize(ex.title) if stamped and ex.title else None
    for ln in lines[max(0, start - 3): min(end, start + 12)]:
        if stamped and (normalize(ln.text) == headline_key or headline.is_sentence(ln.text)):
            continue
        partial = dates.find_partial(ln.text) if len(ln.text) < 2000 else None
        if partial is not None:
            printed = ln.text[partial.start:partial.end].strip(" ,.")
            break
    if partial is None:
        return
    page = [f.date for ln in lines if len(ln.text) < 2000 and (f := dates.find_date(ln.text))]
    notice = next((y for ln in reversed(lines) if (y := dates.copyright_year(ln.text))), None)
    sent = (provenance.date_kind or "fetched", provenance.date.date()) \
        if provenance is not None and provenance.date is not None else None
    evidence = dates.year_evidence(dates.year_from_url(url), hint, page, notice, sent)
    resolved = dates.resolve_year(partial, evidence)
    if resolved is None and ex.date is not None:
        return  # the full date found lower in the text stands
    if resolved is None:
        ex.review.append(f'the page prints "{printed}" without a year and nothing on the page '
                         f"gives the year; add 'date: YYYY-{partial.month:02d}-{partial.day:02d}'")
        return
    day, kind = resolved
    ex.date = dt.datetime.combine(day, dt.time(0, 0), tzinfo=tz)
    ex.date_source, ex.day_only = f"text+{kind}", True
    if partial.weekday is not None and day.weekday() != partial.weekday:
        named = _WEEKDAY_NAMES[day.weekday()]
        ex.warnings.append(f'the page prints "{printed}", but {day.isoformat()} (year from the '
                           f"{_YEAR_FROM[kind]}) is a {named}; check the date")


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_YEAR_FROM = {"url": "URL", "hint": "date hint", "page": "page's other dates",
              "copyright": "copyright notice", "http": "server's Last-Modified date",
              "fetched": "time it was fetched"}


def _attribution(lines: Sequence[Line], start: int, end: int, head: Header) -> None:
    for ln in lines[max(0, start - 3): end]:
        if len(ln.text) < 400 and _ATTRIBUTION_RE.match(ln.text):
            head.extraction.attribution = ln.text
            head.used.add(ln.index)
            return


def summary(body: Sequence[str], limit: int = 400) -> str | None:
    """The lead paragraph as plain text, cut at a sentence end when it is long."""
    for text in body:
        if len(text) >= 40 and not text.startswith(("•", "-", "Quote:")):
            if len(text) <= limit:
                return text
            cut = max(text.rfind(". ", 0, limit), text.rfind("! ", 0, limit))
            return text[: cut + 1] if cut > 80 else text[:limit].rstrip() + "…"
    return None
