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
with no dateline, the last headline-like line above the article (the choice, and the
check that it is the story's, live in :mod:`digest.ingest.title`). Dates fall back from
the dateline to the URL path, the leading date hint, then a full date in the text.
The outlet is a known outlet (``digest.yaml`` ``sources`` and the shipped registry, see
:mod:`digest.ingest.outlets`) named by the byline, the URL, the page's chrome (copyright,
masthead, "Follow ... on") or the agency credited in the lead ("(Reuters) -"); else the
credit or byline as printed, else the bare domain.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from digest.config import Config, Source
from digest.ingest import dates, headline, outlets
from digest.ingest.chrome import ENTRY_META, normalize
from digest.ingest.dumplines import is_related_heading, related_boxes
from digest.ingest.lang import detect, words
from digest.ingest.model import Extraction
from digest.ingest.pages import Provenance
from digest.ingest.title import ATTRIBUTION_RE, HEAD_SPAN, cased_copy, is_headline, title_index

if TYPE_CHECKING:
    from digest.ingest.dumplines import Line

_HINT_RE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$")
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
_BY_IN_DATELINE = re.compile(rf"^(?:{headline.BY_WORDS}|di)\s*:?\s+", re.I)
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


def read_header(lines: Sequence[Line], start: int, end: int, hint: dt.date | None,
                url: str | None, config: Config, provenance: Provenance | None = None,
                ) -> Header:
    """Find title, dateline, byline and attribution around the article region."""
    head = Header(Extraction(body=""))
    ex = head.extraction
    date_at, found = _dateline(lines, start)
    title_at = title_index(lines, start, date_at, outlets.registry(config.sources), end)
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
    text_at, undecided = _set_date(ex, found, tz, url, hint, lines, start, end)
    if (ex.date is None and not undecided) or text_at is not None:
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
    every candidate is in such a run, the first is taken, unless it is itself an item of a
    list printed a story to a line (:func:`_listed_item`, "[ 26. Februar 2020 ] Title"):
    then none is the article's. The dated lines of a box of
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
    stop = min(start + REGION_HEAD, len(lines))
    for i, ln in enumerate(lines[:stop]):
        if i >= start and ln.kind == "good":
            stop = i
            break
        if (related is None and pairs and i - pairs[-1][0] <= LIST_GAP
                and is_related_heading(ln.text)):
            related = len(pairs)
        found = dates.find_date(ln.text) if len(ln.text) < 160 else None
        if found is not None and _post_signed(ln.text, found):
            found = None  # an embedded post's signature
        if found is not None:
            if seen_headline:
                pairs.append((i, found))
                seen_headline = False
            dated.append((i, found))
        if is_headline(ln.text) and (found is None or len(_after_date(ln.text, found)) > 15):
            seen_headline = True
    pairs = pairs[:related]  # the dated headlines a "Read also" box lists after the head
    at_dates = {i for i, _ in dated}
    boxed = {i for heading, last in related_boxes(lines, at_dates.__contains__, stop, LIST_GAP)
             for i in range(heading + 1, last + 1)}
    pairs = [pair for pair in pairs if pair[0] not in boxed]
    first = next((pair for pair in dated if pair[0] not in boxed), (None, None))
    listed = _listed(pairs)
    alone = [pair for n, pair in enumerate(pairs) if n not in listed]
    if alone:
        return alone[-1]
    if pairs and _listed_item(lines, pairs[0][0]):
        return None, None  # every candidate is an item of a list of stories
    return pairs[0] if pairs else first


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
              hint: dt.date | None, lines: Sequence[Line], start: int,
              end: int) -> tuple[int | None, bool]:
    """The dateline, else a date in the URL, the stored copy's hint, a full date in the text.

    Only a dateline can carry a time; every other source gives a day (``day_only``).
    Returns the index of the line a date in the text came from: a year-less date above it
    ("on Thursday, August 24" in the lead) is the article's, not one quoted further down.
    A date whose day and month could be either way round ("11/01/2021") is read in the
    order the page's other dates show; when none shows it the page's date is undecided (the
    second value, and a review reason naming the date): no weaker source (a caption's date
    further down) stands in for it."""
    order = functools.cache(lambda: _slash_order(lines, lines[start:end]))
    printed = found
    if found is not None:
        found = dates.settled(found, order)
        if found is not None:
            ex.date = dates.to_datetime(found, tz)
            ex.date_source = "updated" if found.updated else "dateline"
            ex.day_only = found.time is None
            return None, False
    day, at, source = dates.date_from_url(url), None, "url"
    if day is None and hint is not None:
        day, source = hint, "meta"
    if day is None and printed is None:
        at, day, printed = _date_in_text(lines, start, end, order)
    if day is not None:
        ex.date = dt.datetime.combine(day, dt.time(0, 0), tzinfo=tz)
        ex.date_source, ex.day_only = source if at is None else "text", True
        return at, False
    if printed is not None:
        ex.review.append(_reads_both_ways(printed))
    return None, printed is not None


def _date_in_text(lines: Sequence[Line], start: int, end: int,
                  order: Callable[[], str | None]
                  ) -> tuple[int | None, dt.date | None, dates.Found | None]:
    """The first date the article states (not an embedded post's signature, not a listed
    item's), else the signature under it, the page's stamp, an embedded post's date: its
    line, its day, and the date that reads both ways in its place when nothing settles it."""
    embedded = None  # the first date an embedded post is signed with
    for at in range(start, end):
        in_text = dates.find_date(lines[at].text)
        if in_text is None or not _stated(lines[at].text, in_text) or _listed_item(lines, at):
            continue
        read = dates.settled(in_text, order)
        if read is None:
            return None, None, in_text
        if not _post_signed(lines[at].text, read):
            return at, read.date, None
        embedded = embedded if embedded is not None else at
    at = _signature(lines, end)
    at = _page_stamp(lines, start) if at is None else at
    at = embedded if at is None else at  # the post was embedded that day or after
    if at is None:
        return None, None, None
    found = dates.find_date(lines[at].text)
    read = dates.settled(found, order)
    return (at, read.date, None) if read else (None, None, found)


def _reads_both_ways(found: dates.Found) -> str:
    day = found.date
    other = day.replace(month=day.day, day=day.month)
    return (f"the page's date reads both ways, {day.isoformat()} (day first) or "
            f"{other.isoformat()} (month first), and nothing on the page says which; add "
            f"'date: {day.isoformat()}' or 'date: {other.isoformat()}'")


# Languages whose pages may write the month first between slashes: American English, and
# German pages, which write dates with dots and take slashes from their software's defaults.
_MONTH_FIRST_LANGUAGES = frozenset({"en", "de"})


def _slash_order(lines: Sequence[Line], article: Sequence[Line]) -> str | None:
    return slash_order([ln.text for ln in lines], lambda: " ".join(ln.text for ln in article))


def slash_order(texts: Sequence[str], article: Callable[[], str]) -> str | None:
    """The page's order of day and month between slashes: as its own dates show it, else day
    first in a language whose pages never write the month first ("07/05/2022 20H06")."""
    shown = dates.slash_order(text for text in texts if len(text) < 2000)
    if shown is not None or not any("/" in text for text in texts):
        return shown
    lang = detect(article())
    return "dmy" if lang and lang not in _MONTH_FIRST_LANGUAGES else None


_ITEM_EDGE = " []|-–—·•,:()"


def _item(text: str) -> tuple[bool, str, str] | None:
    """The shape of a dated line of a list of stories, or None: a date at one end of the
    line and a headline's worth of words at the other ("[ 26. Februar 2020 ] Title of
    another story", "Title 23. Januar 2020", a teaser that ends on its story's date
    "... in a ceremony. (17.10.2016)"). The shape is where the date stands and the marks
    printed either side of it ("[ ", " ] "): a list prints each of its items alike."""
    if len(text) >= 300 or (found := dates.find_date(text)) is None:
        return None
    before, after = text[:found.start].strip(_ITEM_EDGE), text[found.end:].strip(_ITEM_EDGE)
    if (before and after) or len(before + after) <= 15:
        return None
    left = re.search(r"\W*$", text[:found.start]).group()
    right = re.match(r"\W*", text[found.end:]).group()
    return not before, re.sub(r"\s+", " ", left), re.sub(r"\s+", " ", right)


def _listed_item(lines: Sequence[Line], at: int) -> bool:
    """Line ``at`` is an item of a list of dated stories (:func:`_item`): one of
    :data:`LIST_ITEMS` or more lines of the same shape, each within :data:`LIST_GAP` lines
    of the one before. Their dates are the other stories', never the article's; a
    dateline of another shape next to them ("16. Mai 2019 Jane Roe" under a list of
    "[ 26. Februar 2020 ] Title") is not one of them."""
    shape = _item(lines[at].text)
    if shape is None:
        return False
    run = 1
    for step in (-1, 1):
        i, last = at + step, at
        while 0 <= i < len(lines) and abs(i - last) <= LIST_GAP:
            if _item(lines[i].text) == shape:
                run, last = run + 1, i
            i += step
    return run >= LIST_ITEMS


STAMP_WORDS = 4  # words a stamp line may print besides its date: a label, a name

ENTRY_CHARS = 400  # a longer line is prose, not a post's meta line


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
    blog prints its post's stamp under its box of related posts). A blog engine's line
    under the post (:data:`ENTRY_META`, "This entry was posted in News on 3 March 2021
    by Jane.") is such a stamp, however long its lists of categories and tags."""
    stamps: list[tuple[int, dt.date, str | None]] = []
    stop = next((i for i in range(start, len(lines)) if is_related_heading(lines[i].text)),
                len(lines))
    last = None  # the latest "Read also" heading, or its box's latest dated line
    for i, ln in enumerate(lines):
        if is_related_heading(ln.text):
            last = i
        entry = (len(ln.text) < ENTRY_CHARS and ENTRY_META.match(ln.text) is not None
                 and not _UPDATE_LABEL.search(ln.text))
        found = dates.find_date(ln.text) if len(ln.text) < 100 or entry else None
        if found is None or _post_signed(ln.text, found):
            continue
        if entry:  # a publication stamp, whatever its length
            stamps.append((i, found.date, "published"))
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
_BYLINE_OPENS = re.compile(rf"(?i:{headline.BY_WORDS}|di)\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*"
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
        if len(ln.text) < 400 and ATTRIBUTION_RE.match(ln.text):
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
