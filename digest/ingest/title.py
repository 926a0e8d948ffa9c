"""Which line of a text dump is its headline.

A page's head stacks several title-shaped lines above the article: the site's name, a
section, a kicker, the headline, a standfirst, a byline, captions, a list of other stories.
The pick is the headline-shaped line nearest above the dateline (or the article), passed over
when it is a list's item, a deck under a standing headline or a name; it must then be the
story's: share words with the article's lead or be printed twice in the head
(:func:`_borne_out`), else the line above the article that is the story's beyond doubt stands
in, else there is no title and the page waits for review. :mod:`digest.ingest.headline`
says what a single line is; this module chooses among the page's lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from digest.ingest import dates, headline, outlets
from digest.ingest.chrome import is_chrome_phrase, normalize
from digest.ingest.dumplines import is_related_heading, related_boxes
from digest.ingest.lang import ALL_STOPWORDS, words

if TYPE_CHECKING:
    from digest.ingest.dumplines import Line

ATTRIBUTION_RE = re.compile(
    r"^(?:source|sources|джерело|джерела|источник|источники|за матеріалами|по материалам"
    r"|за інформацією|по информации)\s*(?::|\s[-–—])\s*\S",
    re.I,
)


def is_headline(text: str) -> bool:
    """Looks like a headline: a few words, not chrome, not a sentence-long paragraph."""
    if len(text) > 250 or is_chrome_phrase(text) or text.endswith(":") or (
            text.endswith(("»", "›")) and not text.startswith(("«", "‹"))):
        return False  # a label, or a link to the next post ("Next post title »"), not a quote
    if text.startswith(("«", "‹", "←")) and "»" not in text and "›" not in text:
        return False  # a link to the previous post ("« Previous post title"), not a quote
    if headline.spaceless(text):  # Chinese or Japanese, written without spaces
        return headline.word_count(text) >= 4
    toks = re.findall(r"\w+", text)
    return len(toks) >= 3 and sum(len(t) >= 4 for t in toks) >= 2


_TITLE_REACH = 24  # lines above the article searched for its headline (bylines, shares ...)
_LIST_RUN = 3  # this many headline-shaped lines in a row are a list of other stories
HEAD_SPAN = 12  # lines a headline may stand above its dateline (byline, standfirst, shares ...)


def title_index(lines: Sequence[Line], start: int, date_at: int | None,
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
    if near is not None:  # a deck the page repeats under its picture: where it first shows
        near = _headline_over_standfirst(ok, lines, _first_showing(lines, near), start)
    anchor = _anchor(lines, start, date_at)
    if anchor is not None:  # a head printed twice (a sticky copy): the first one's date
        anchor = _first_showing(lines, anchor)
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
    end = len(lines) if end is None else end
    found = _borne_out(ok, lines, None if near is None else _first_showing(lines, near), start,
                       end)
    if found is None:
        found = _round_the_date(lines, date_at, start)
    if found is None:
        found = _short_head(lines, date_at, start, end)
    if found is None:
        found = _sentence_head(lines, date_at, start, end)
    return found


_SHORT_HEAD_WORD = 4  # letters of the longest word a short headline has at least


def _short_shaped(text: str) -> bool:
    """A headline too short to look like one ("Ein Albtraum", "Koncesjonowana opozycja"):
    two words at least (a section's one-word name may stand anywhere), one of four letters
    or more, and no name, label, chrome or date."""
    return (len(text.split()) >= 2 and any(len(w) >= _SHORT_HEAD_WORD for w in words(text))
            and not is_chrome_phrase(text) and headline.not_a_headline(text) is None
            and not _name_shaped(text) and not _dated(text))


def _round_the_date(lines: Sequence[Line], date_at: int | None, start: int) -> int | None:
    """A short headline printed on both sides of the dateline (one or two lines above it,
    and again right above the article): a magazine's head and its sticky copy."""
    if date_at is None or not date_at < start <= date_at + 2:
        return None
    for above in range(max(0, date_at - 2), date_at):
        if (any(_same(lines, above, below) for below in range(date_at + 1, start))
                and _short_shaped(lines[above].text)):
            return above
    return None


def _short_head(lines: Sequence[Line], date_at: int | None, start: int,
                end: int) -> int | None:
    """A short headline right above its byline and dateline (at most a stack's lines
    between), one of whose words the article's lead repeats: the head of a page whose
    headline is two or three words."""
    if date_at is None or date_at >= start:
        return None
    prose = _Prose(lines, start, end)
    for i in range(date_at - 1, max(-1, date_at - 1 - _STACK), -1):
        text = lines[i].text
        if _short_shaped(text) and _heads(lines, i) and (
                not prose.tells() or headline.stems(text) & prose.told(i, _LEAD)):
            return i
        if not _in_stack(text):
            return None
    return None


_LONG_HEAD = 20  # words of the longest headline written as sentences


def _sentence_head(lines: Sequence[Line], date_at: int | None, start: int,
                   end: int) -> int | None:
    """A headline written as two sentences ("Wild goats ruled this island for a century. Now
    it is being reborn."), over its deck, a longer sentence, right above the dateline, and
    under a kicker or a menu (a short line that is no sentence): the head of a page no other
    line titles. The story's beyond doubt, as a stand-in is. (One sentence with its full stop
    there is a standfirst under a headline the page did not print as one.)"""
    if date_at is None or date_at < 3:
        return None
    at, deck, kicker = lines[date_at - 2].text, lines[date_at - 1].text, lines[date_at - 3].text
    size = len(words(at))
    if not (_SIGNED_HEAD <= size <= _LONG_HEAD and len(words(deck)) >= _DECK_LONGER * size
            and headline.two_sentences(at) and headline.is_sentence(deck)
            and len(words(kicker)) <= _DATED_HEAD and not headline.is_sentence(kicker)):
        return None
    prose = _Prose(lines, max(start, date_at + 1), end)
    return date_at - 2 if prose.tells() and _beyond_doubt(prose, lines, date_at - 2) else None


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

    def sure(i: int) -> bool:
        return _beyond_doubt(prose, lines, i)

    def told(i: int) -> bool:  # in the lead, or twice in the article
        return shared(i, _LEAD)[0] >= 1 or shared(i)[0] >= _STAND_IN

    top = None if at is None else _teased_under_deck(ok, lines, at)
    if top is not None and sure(top) and not sure(at):
        return _first_showing(lines, top)
    if at is not None and (sure(at) if _name_shaped(lines[at].text) else told(at)):
        return at

    def tells(i: int) -> bool:  # a stand-in must be the story's beyond doubt
        return ((ok[i] and (ok.run(i, max(0, start - _STAND_IN_REACH), start) < _LIST_RUN
                            or _stack_under_date(lines, i)))
                or _caps_headline(lines[i].text)) and sure(i) and not _other_story(
                    lines, i, start)  # a tag under "Tags:" names the story's subject, not it

    deeper = [i for i in range(start + _HEAD_LINES, min(start + _SHOWN_AGAIN_REACH, end))
              if _shown_again(lines, i)]
    spots = [i for i in [*range(start - 1, max(-1, start - 1 - _STAND_IN_REACH), -1),
                         *range(start, min(start + _HEAD_LINES, end)), *deeper] if i != at]
    found = next((i for i in spots if tells(i)), None)
    if found is None:  # an exclamation only when no other line is the story's
        found = next((i for i in spots if _exclaimed(lines[i].text) and sure(i)), None)
    if found is None:
        return at if at is not None and _heads(lines, at) else None
    return _first_showing(lines, found)


def _beyond_doubt(prose: _Prose, lines: Sequence[Line], i: int) -> bool:
    """Line ``i`` is the story's beyond doubt: two of its words at least, and two in five,
    come again in the article's prose (a menu's or a footer's line shares one by chance)."""
    title = headline.stems(lines[i].text)
    n = len(title & prose.told(i, None))
    return n >= _STAND_IN and n >= _STAND_IN_SHARE * len(title)


_TEASERS = 3  # title-shaped lines a box of other stories sets between a deck and the date


def _teased_under_deck(ok: _TitleShaped, lines: Sequence[Line], at: int) -> int | None:
    """The headline over its deck when line ``at`` is one of the teasers a page sets right
    under the deck ("Headline / Its deck, a sentence. / Other story / Other story / caption /
    byline / date"): up to :data:`_TEASERS` title-shaped lines, then a standfirst (a
    sentence of twelve words or more), then a title-shaped line."""
    j = at - 1
    while j >= 0 and ok[j] and at - j < _TEASERS:
        j -= 1
    if j < 1 or ok[j] or not ok[j - 1]:
        return None
    deck = lines[j].text
    return j - 1 if len(words(deck)) >= 12 and headline.is_sentence(deck) else None


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
            and not headline.has_promo_words(text) and len(_words(text)) >= 2
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
    """The nearest title-shaped line above the article, passing over lists of stories and
    the links under a "More on:" label."""
    limit = start
    if date_at is not None and (date_at >= start or (
            start - date_at <= _TITLE_REACH and _has_list(ok, date_at + 1, start))):
        limit = date_at
    for i in range(min(limit, len(ok.lines)) - 1, max(-1, limit - 1 - _TITLE_REACH), -1):
        if (ok[i] and not (i + 1 < limit and ok[i + 1] and ok.run(i, 0, limit) >= _LIST_RUN)
                and not _other_story(ok.lines, i, start)):
            return i
    return None


def _other_story(lines: Sequence[Line], at: int, start: int) -> bool:
    """Line ``at`` links to another story or names a tag: under a "More on:" or "Tags:"
    label, or an item of a box of other stories between the head and the article."""
    return _linked_under_label(lines, at) or _boxed(lines, at, start)


_BOX_GAP = 4  # lines between the dated items of a box of other stories, at the most


def _boxed(lines: Sequence[Line], at: int, start: int) -> bool:
    """Line ``at`` is an item of a box of other stories set between the head and the
    article ("Related Video", then each video's title over its date: see
    :func:`digest.ingest.dumplines.related_boxes`), at most :data:`_BOX_GAP` lines under
    its heading."""
    return any(heading < at < last and at - heading <= _BOX_GAP for heading, last
               in related_boxes(lines, lambda i: _dated(lines[i].text), start, _BOX_GAP))


def _linked_under_label(lines: Sequence[Line], at: int) -> bool:
    """Line ``at`` is a link under a label over more stories or tags ("MORE ON:",
    "Related:", "Mehr zum Thema:", "ETIQUETAS:"), one or two lines up (past a topic or a
    tag). Only a label with its colon: a heading without one ("Comments") may stand right
    above the headline."""
    return any(_list_label(lines[j].text) for j in range(max(0, at - 2), at))


def _list_label(text: str) -> bool:
    return text.rstrip().endswith(":") and (is_related_heading(text) or is_chrome_phrase(text))


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
    a byline, a handle, a picture's credit or a label (:data:`_HEAD_LABEL`) between them.
    Lines between the dateline and the article (a photo's caption and credit, tags, a
    video's title) come after the headline on a page that prints its date below the
    headline."""
    if anchor is None:
        return None
    i = anchor - 1
    while i >= 0 and anchor - i <= _STACK and not ok[i]:
        if not (_in_stack(lines[i].text) or _HEAD_LABEL.match(lines[i].text)):
            return None
        i -= 1
    return i if i >= 0 and ok[i] else None


# A label between a headline and its date: a share menu's ("Teile:", "Share:", "Partager :")
# or the one over a content system's article info ("Details", "Detalles": Joomla's)
_HEAD_LABEL = re.compile(r"^(?:share|share this|teile|teilen|partager|compartir|condividi"
                          r"|partilhar|udostępnij|поділитися|поделиться|details|detalles"
                          r"|détails|dettagli|detalhes|einzelheiten)\s*:?$", re.I)


_HEAD_LINES = 3  # the article's first lines that may still be its headline
_SHOWN_AGAIN_REACH = 6  # ... or this many, when the page prints the line a second time


def _shown_again(lines: Sequence[Line], at: int) -> bool:
    """The page prints line ``at`` a second time, elsewhere than right next to it (a teaser
    of the story in a list of the most read, a sticky header): the region may have taken a
    head along (a caption, a credit, a section, a date, then the headline), and a line that
    is the story's beyond doubt and shown twice is its headline, not a subheading."""
    key = normalize(lines[at].text)
    return any(abs(j - at) > 1 and normalize(ln.text) == key for j, ln in enumerate(lines))


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
    bare name, handle, picture credit or caption, time stamp, reading time."""
    return (headline.is_byline(text) or headline.is_caption(text) or headline.is_sentence(text)
            or bool(_HANDLE.match(text)) or _name_shaped(text) or headline.is_timestamp(text)
            or _names_outlet(text) or headline.is_read_time(text))


def _headline_over_standfirst(ok: _TitleShaped, lines: Sequence[Line], at: int,
                              start: int) -> int:
    """The line above ``at`` when both are title-shaped and ``at`` is what stacks under a
    headline: a caption (its picture's credit follows it), or a standfirst without its full
    stop when the upper line opens right under the breadcrumb trail, when the byline signs
    the two (:func:`_decked`), or when only the upper line is printed again on the page (a
    page repeats its headline in a sticky header, a breadcrumb or the URL, never its
    standfirst), or when a picture's file name stands between them (``at`` is the title of
    its caption)."""
    up = at - 1
    while up >= 0 and _same(lines, up, at):
        up -= 1
    pictured = up >= 1 and headline.is_picture_file(lines[up].text)
    if pictured:
        up -= 1
    while up >= 1 and _same(lines, up - 1, up):
        up -= 1  # the upper line printed twice in a row (a copy with soft hyphens): its first
    if up < 0 or not ok[up]:
        return up - 1 if not pictured and _signed_above(ok, lines, at) else at
    if pictured:
        return up
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


_DECK_LONGER = 1.5  # times the headline's words a deck runs to, whatever follows it
_DATED_HEAD = 3  # words of a headline right under its dateline, at least (a kicker is shorter)


def _deck_shaped(ok: _TitleShaped, lines: Sequence[Line], up: int, at: int) -> bool:
    """Line ``at`` is the deck under headline ``up``, by their lengths: ``up`` stands alone
    (no title-shaped line right above it: not the last item of a list) with a headline's
    length (:data:`_SIGNED_HEAD` words; a kicker or a section's name is shorter; right under
    the dateline, :data:`_DATED_HEAD`: the top of the head), and ``at``
    runs half as long again: a deck spells out what the headline compresses. Only a little
    longer will do, but not under a breadcrumb trail (there ``up`` may be the section's
    description) nor when a longer line still follows ``at`` in the same block (that is the
    deck, ``at`` the headline and ``up`` its kicker, a quote over the headline; the
    article's lead stands apart, after a blank line)."""
    if (up >= 1 and ok[up - 1]) or " | " in lines[up].text:
        return False  # a list's last item; a page's title parted by bars ("Best … | 2020")
    size, deck = len(_words(lines[up].text)), len(_words(lines[at].text))
    dated = up >= 1 and _dated(lines[up - 1].text)  # right under the dateline: the head's top
    if size < (_DATED_HEAD if dated else _SIGNED_HEAD) or deck <= size:
        return False
    if deck >= _DECK_LONGER * size:
        return True
    trail = up >= 1 and headline.is_breadcrumb(lines[up - 1].text)
    below = lines[at + 1] if at + 1 < len(lines) else None
    kicked = (below is not None and not below.gap_before and len(_words(below.text)) > deck
              and is_headline(below.text) and not headline.is_byline(below.text))
    return not trail and not kicked


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


# An author's name and the outlet or column they write for ("Jane Doe, The Harbour Post")
_NAME_AND_OUTLET = re.compile(
    rf"^{headline.FULL_NAME},\s+(?:The\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){{0,3}}$")


def _signs(lines: Sequence[Line], at: int) -> bool:
    """Line ``at`` is a byline by its shape and place: a name (maybe with its outlet's) right
    above the date or the time stamp, where a page signs its article under the headline."""
    if at + 1 >= len(lines) or not (_name_shaped(lines[at].text)
                                    or _NAME_AND_OUTLET.match(lines[at].text)):
        return False
    text = lines[at + 1].text
    return headline.is_timestamp(text) or _dated(text)


def _stack_under_date(lines: Sequence[Line], at: int) -> bool:
    """Line ``at`` opens a run of title-shaped lines right under the dateline (or a time
    stamp), past a quote printed as a kicker ("Er sagt: „…“"): a headline with its decks
    ("Iberojet's alliance with Air Europa …" / "The airline will offer …" / "Itineraries …
    from May 2"), not a list of other stories. A quote is the kicker, never the headline."""
    def dated(i: int) -> bool:
        return i >= 0 and (_dated(lines[i].text) or _stamp_or_byline(lines[i].text))

    if _QUOTE_END.search(lines[at].text):
        return False
    return dated(at - 1) or (at >= 2 and bool(_QUOTE_END.search(lines[at - 1].text))
                             and dated(at - 2))


_QUOTE_END = re.compile(r"[“”\"»«‘’']\s*$")  # a line that ends a quotation


def _dated(text: str) -> bool:
    """A short line that gives a date: the dateline under a headline's stack."""
    return len(text) < 160 and dates.find_date(text) is not None


def _credit_line(text: str) -> bool:
    """A picture's credit on a line of its own ("(Jane Doe / Associated Press)"), or closing
    its caption in parentheses ("Senator Roe at the hearing (Ed Murray/The Star-Ledger)")."""
    return (len(text) < 80 and headline.is_credit(text)) or headline.has_paren_credit(text)


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
    return re.findall(r"[^\W_]+", normalize(text))


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
            text = headline.unlabelled(self.lines[i].text)
            why = headline.not_a_headline(text)
            self.seen[i] = (is_headline(text) and not ATTRIBUTION_RE.match(text)
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
