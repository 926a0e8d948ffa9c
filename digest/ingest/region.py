"""Where in a dump the article is: the region of lines its body is taken from.

The main region is the contiguous run of lines with the largest total weight
(:func:`weight`: good lines weigh their word count, the others cost a little), the
densest-block idea of boilerpipe and jusText (:func:`main_region`; when that run is other
stories' cards under a heading of end matter, the article above them: :func:`_above_cards`).
A page's shape can fool the sum, so the region's edges are then set right: the end matter
it ran across (a footer, "related" and comment headings: :func:`split_at_end_matter`), a bit
of prose past the chrome below the article (:func:`drop_trailing_island`), the lead
paragraph share buttons parted from the rest (:func:`reach_lead`), other stories' headlines
and teasers below the article (:func:`drop_trailing_headlines`) and the few short lines
under its last paragraph (:func:`drop_trailing_labels`), and at its head a picture's
caption (:func:`drop_head_captions`) and the standfirst (:func:`drop_standfirst`). Once the
byline is read, the box about the author under the article goes (:func:`drop_author_box`,
for HTML pages too). The lists the article owns are :mod:`digest.ingest.articlelists`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from digest.ingest import headline
from digest.ingest.chrome import RIGHTS_RESERVED
from digest.ingest.dumplines import BAD, BARRIER, GOOD, SHORT, TABLE, Line, _date_only, _prose
from digest.ingest.linemarks import (
    _BULLET,
    _PARAGRAPH,
    _comment_head,
    _gapped,
    _resumed_at,
    _teaser,
)


def weight(ln: Line) -> float:
    """A line's contribution to its region: prose adds, everything else costs."""
    if ln.slide:
        return 0.0  # a gallery set into the page: as if it were not there
    if ln.kind == GOOD:
        return float(ln.tokens)
    if ln.kind == BARRIER:
        return -15.0 if ln.boxed else -40.0
    if ln.kind == TABLE:
        return ln.tokens * 0.5
    if ln.learned or ln.inline:
        return -2.0  # inserts (promos, credits) sit inside articles; dropped anyway
    if ln.kind == BAD:
        return -12.0 - min(ln.tokens, 10) * 0.5
    if ln.punct and ln.gap_before and ln.tokens >= 4:
        return ln.tokens * 0.1  # a short paragraph of its own: a sentence or two of the article
    return -0.5 - min(ln.tokens, 12) * 0.1


_MIN_REGION = 8.0  # less prose than one sentence: the page has no article by the usual signs


def main_region(lines: list[Line]) -> tuple[int, int]:
    """The ``[start, end)`` run of lines with the largest total weight.

    A page whose text has no sentence-like prose at all (a score table, a recipe, a
    page in a language without a stopword list) would give no region; then the
    short lines count for their words too, so that its densest text block is kept
    rather than nothing.
    """
    best, span = _densest(lines, weight)
    if best < _MIN_REGION:
        relaxed, relaxed_span = _densest(lines, _relaxed_weight)
        if relaxed > best:
            return relaxed_span
    return _above_cards(lines, _before_end_matter(lines, best, span))


_EARLY_SHARE = 0.4  # of the densest run's weight, that an article above end matter has
_EARLY_MIN = 30.0  # weight of prose (words) an article above end matter has at least
_EARLY_NEAR = 10  # lines at most between that article's end and the end matter's heading


def _before_end_matter(lines: list[Line], best: float, span: tuple[int, int]) -> tuple[int, int]:
    """The article above the page's end matter, when the densest run lies below it.

    Comments, a reader's forum, "more stories" with their teasers or a long footer can hold
    more prose than a short article; but they follow it. When a heading of end matter (a
    comment section's, a "related" heading the article does not resume under, a copyright
    footer) stands above the densest run, and right above that heading (within
    :data:`_EARLY_NEAR` lines) ends a run of real weight (a paragraph or two, and a good
    share of the densest run's), that run is the article."""
    gapped = _gapped(lines)
    need = max(_EARLY_MIN, _EARLY_SHARE * best)
    # Kadane's run over the lines above each heading, in one pass (as in _densest)
    above, above_span, total, start = 0.0, (0, 0), 0.0, 0
    for at in range(span[0]):
        ln = lines[at]
        if (above >= need and at - above_span[1] <= _EARLY_NEAR
                and (_is_footer(ln) or _comment_head(ln) or (
                    ln.kind == BARRIER and _resumed_at(lines, at, gapped) is None))):
            return above_span
        if total <= 0:
            total, start = 0.0, at
        total += weight(ln)
        if total > above:
            above, above_span = total, (start, at + 1)
    return span


_HEADED = 3  # lines at most between a heading of end matter and the story cards under it
_CARDS = 3  # paragraphs that open the run, of which all but one are cards' teasers
_CARD_LEAD = 15.0  # weight (words of prose) of the lead an article above the cards has


def _above_cards(lines: list[Line], span: tuple[int, int]) -> tuple[int, int]:
    """The article above a list of other stories' cards that outweighed it.

    A paywalled or short article weighs less than the cards under its end matter's heading
    ("Weitere Artikel", then kicker, headline and teaser for each story): when the densest
    run opens with cards' teasers (two of its first three paragraphs) right under such a
    heading (within :data:`_HEADED` lines), the densest run above the heading is the
    article, if it holds a lead's worth of prose."""
    opening = [i for i in range(span[0], min(span[1], span[0] + _CARDS * 3))
               if lines[i].kind == GOOD][:_CARDS]
    if len(opening) < _CARDS or sum(_teaser(lines, i) for i in opening) < _CARDS - 1:
        return span
    heading = next((at for at in range(span[0] - 1, max(-1, span[0] - 1 - _HEADED), -1)
                    if lines[at].kind == BARRIER), None)
    if heading is None:
        return span
    above, above_span = _densest(lines[:heading], weight)
    return above_span if above >= _CARD_LEAD else span


def _relaxed_weight(ln: Line) -> float:
    if ln.kind == SHORT:
        return ln.tokens * 0.5 - 1.0
    return weight(ln)


def _densest(lines: list[Line], weigh: Callable[[Line], float]) -> tuple[float, tuple[int, int]]:
    """Kadane's maximum-sum run over the lines' weights."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, ln in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += weigh(ln)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best, best_span


# A page's footer: "© 2019 Example Media. All rights reserved." (a picture's "© Agency" is not).
_FOOTER = re.compile(r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:copyright\s*)?\d{4}|" + RIGHTS_RESERVED,
                     re.I)


def split_at_end_matter(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """The region without the page's end matter that it ran across.

    A copyright notice is the page's footer, and whatever teasers come after it; a
    "related"/"more" heading is end matter when the article does not resume right below
    it (a box of two or three links inside an article is followed by its next
    paragraph). Such a line splits the region, and the side with more prose is the
    article: dumps put a page's footer, or a gallery's captions, above it too. A "related"
    or comments heading right below a run of prose that has a good share of what follows
    (as :func:`_before_end_matter` weighs it) ends the article there: teasers and comments
    may well outweigh a short article, and they follow it."""
    prose, last = 0, start
    for i in range(start, end):
        ln = lines[i]
        if _ends_matter(lines, start, i):
            after = _story_prose(lines, i + 1, end)
            if prose >= after or (not _is_footer(ln) and i - last <= _EARLY_NEAR
                                  and prose >= max(_EARLY_MIN, _EARLY_SHARE * after)):
                return start, i
            start, prose = _best_start(lines, i + 1, end), 0
        elif ln.kind == GOOD:
            prose, last = prose + ln.tokens, i + 1
    return start, end


def _best_start(lines: list[Line], lo: int, end: int) -> int:
    """Where in ``[lo, end)`` the densest run that ends at ``end`` starts."""
    best, total, at = float("-inf"), 0.0, lo
    for i in range(end - 1, lo - 1, -1):
        total += weight(lines[i])
        if total >= best:
            best, at = total, i
    return at


def _ends_matter(lines: list[Line], start: int, at: int) -> bool:
    ln = lines[at]
    return _is_footer(ln) or (
        ln.kind == BARRIER and _resumed_at(lines, at, _gapped(lines[start:at])) is None)


_CHROME_RUN = 3  # chrome lines in a row that part the article from what follows
_ISLAND_SHARE = 0.25  # of the article's prose, at most, in what follows such a run


def drop_trailing_island(lines: list[Line], start: int, end: int) -> int:
    """The region's new end: without the bit of prose below the last run of chrome lines.

    The article's end is often followed by share buttons, tags or a "related" list, and
    then a promo, an author's note or a teaser that the region ran on to: a small block
    (at most :data:`_ISLAND_SHARE` of the prose above) past :data:`_CHROME_RUN` chrome
    lines in a row. Credits and stamps (chrome inside articles too) do not part it."""
    cut, run = None, 0
    for i in range(start, end):
        ln = lines[i]
        if ln.kind in (BAD, BARRIER) and not ln.inline and not ln.learned:
            run += 1
            if run >= _CHROME_RUN:
                cut = i + 1
        else:
            run = 0
    if cut is None:
        return end
    after = _prose(lines[cut:end])
    if 0 < after <= _ISLAND_SHARE * _prose(lines[start:cut]):
        return cut
    return end


_LEAD_GAP = 8  # chrome lines at most between the lead and the article's next paragraph
_LEAD_MIN = 15  # words of a lead paragraph


def reach_lead(lines: list[Line], start: int, end: int) -> int:
    """The region's new start: with the lead paragraph that share buttons, a stamp or a
    picture's credit part from the rest of the article (they cost more than it weighs)."""
    if not start < end or lines[start].kind != GOOD:
        return start
    i = start - 1
    while i >= 0 and start - i <= _LEAD_GAP and lines[i].kind == BAD and lines[i].tokens <= 12:
        i -= 1
    if 0 <= i < start - 1 and lines[i].kind == GOOD and lines[i].tokens >= _LEAD_MIN:
        return i
    return start


def _last_paragraph(lines: list[Line], start: int, end: int, teasers: bool = True) -> int | None:
    """The region's last paragraph of the article going on (a story card's teaser counts
    only with ``teasers``), or None."""
    return next((i for i in range(end - 1, start - 1, -1)
                 if lines[i].kind == GOOD and lines[i].tokens >= _PARAGRAPH
                 and (teasers or not _card_teaser(lines, i))), None)


_TAIL_TITLES = 3  # headlines below the article's last paragraph that make a list of stories


def drop_trailing_headlines(lines: list[Line], start: int, end: int) -> int:
    """The region's new end: without the headlines of other stories (and their teasers) that
    follow the article's last paragraph, under no heading the cleaner knows."""
    last = _last_paragraph(lines, start, end, teasers=False)
    if last is None:
        return end
    tail = [i for i in range(last + 1, end)
            if lines[i].kind not in (BAD, BARRIER) and lines[i].tokens > 2]
    titles = sum(1 for i in tail if _card_title(lines[i]))
    cards = sum(1 for i in tail if _card_title(lines[i]) or _card_teaser(lines, i))
    tail = [lines[i] for i in tail]
    if (titles >= _TAIL_TITLES and 2 * cards >= len(tail)
            and not any(ln.text.endswith(":") for ln in tail)
            and _story_prose(lines, last + 1, end) < _prose(lines[start:last + 1]) * 0.5):
        return last + 1
    return end


_TAIL_LABELS = 3  # short lines at most below the article's last paragraph that are its end chrome


def drop_trailing_labels(lines: list[Line], start: int, end: int) -> int:
    """The region's new end: without the few short lines under the article's last paragraph
    that no sentence announces: the reporter's name in capitals, a section label, another
    story's headline ("JANIE HAR", "News", "Forecast: a break, but for how long?")."""
    last = _last_paragraph(lines, start, end)
    if last is None or lines[last].text.endswith(":"):
        return end
    after = [ln for ln in lines[last + 1:end] if ln.kind not in (BAD, BARRIER)]
    if 0 < len(after) <= _TAIL_LABELS and all(
            (ln.kind == SHORT or ln.text.endswith("?")) and ln.tokens < _PARAGRAPH
            and not ln.text.endswith((".", ":")) and not _BULLET.match(ln.text) for ln in after):
        return last + 1
    return end

_CARD_MAX = 50  # words of a story card's teaser at most


def _story_prose(lines: list[Line], lo: int, end: int) -> int:
    """The prose of ``[lo, end)`` that is not story cards' teasers."""
    return sum(ln.tokens for i, ln in enumerate(lines[lo:end], lo)
               if ln.kind == GOOD and not _card_teaser(lines, i))


def _card_teaser(lines: list[Line], at: int) -> bool:
    """A story card's teaser: a short paragraph under its own headline (not the first
    paragraph below a list of headlines)."""
    return (lines[at].kind == GOOD and lines[at].tokens <= _CARD_MAX and at > 0
            and _card_title(lines[at - 1]) and not (at > 1 and _card_title(lines[at - 2])))


def _card_title(ln: Line) -> bool:
    """A headline: a short line of several words without a sentence's punctuation."""
    return ln.kind == SHORT and not ln.punct and ln.tokens >= 3


def _is_footer(ln: Line) -> bool:
    return len(ln.text) < 300 and bool(_FOOTER.search(ln.text))


def drop_head_captions(lines: list[Line], start: int, end: int) -> None:
    """A photo's caption, a byline or a time stamp between the headline and the lead is
    not the article's first line.

    Only at the head of the article: further down, "is seen" or "pictured" is as likely
    to be the reporter's own sentence."""
    for ln in lines[start:end]:
        if ln.kind in (BAD, BARRIER):
            continue
        text = ln.text
        if ln.tokens > 60 or not (headline.is_caption(text) or headline.is_byline(text)
                                  or headline.is_timestamp(text)):
            return
        ln.kind = BAD


_HEAD_LINES = 8  # lines at the region's top where a standfirst and its byline may stand
_STANDFIRST = 60  # prose words a standfirst (with a caption) runs to at most


def drop_standfirst(lines: list[Line], start: int, end: int) -> None:
    """The summary above the byline or the date is the standfirst, not the article.

    Pages print the headline, a sentence or two that sums the story up (a picture's
    caption), then the byline or the date; the article starts below them. A byline
    further down, or after more prose than a standfirst has, is not this."""
    prose, below = 0, None
    for i in range(start, min(end, start + _HEAD_LINES)):
        if _signs_the_head(lines[i].text):
            below = i
        elif lines[i].kind == GOOD:
            prose += lines[i].tokens
            if prose > _STANDFIRST:
                break
    if below is None:
        return
    for ln in lines[start:below + 1]:
        if ln.kind not in (BAD, BARRIER):
            ln.kind = BAD


def _signs_the_head(text: str) -> bool:
    """A byline, a time stamp or a date on its own: what stands between the standfirst and
    the article. Not an embedded post's signature ("— Name (@name) August 23, 2023")."""
    if text.startswith(("—", "–", "-")):
        return False
    return headline.is_byline(text) or headline.is_stamp_line(text) or _date_only(text)



_BOX_TAIL = 6  # body lines from the end where an author's box may start
_BOX_SHARE = 0.3  # of the article's prose above it, at most, that the box and what follows hold
# "About Jane Roe", "Über Moritz Bachmann", "Sobre Carlos Nadalim": the heading of a box
_ABOUT = re.compile(r"^(?:about|über|sobre|à propos de|a propos de|acerca de|over|o|su)\s+(.+?)"
                    r"\s*:?$", re.I)
_PERSON = re.compile(headline.FULL_NAME)
# what a biography says of its subject right after the name: "Jane Roe (@jroe) is ..."
_BIO_VERB = re.compile(r"^(?:\s*\([^)]{0,80}\))?,?\s+(?:is|was|has|joined|writes|covers|works|lives"
                       r"|ist|war|schreibt|arbeitet|lebt|beschäftigt sich|est|était|écrit|travaille"
                       r"|es|era|escribe|trabaja|é|foi|escreve|trabalha|è|scrive|lavora|jest"
                       r"|pisze)\b")
# a biography in the first person: "I am a writer, journalist, …"
_I_AM = re.compile(r"^(?:i am|i'm|i’m|ich bin|je suis|soy|sou|sono|jestem)\b", re.I)


def drop_author_box(lines: list[Line], author: str | None) -> list[Line]:
    """The body without the box about its author under the article: "About Jane Roe" (the
    byline's name) or a line of a name, over a paragraph on that person ("Jane is …", "I am a
    writer …"), or "Jane Roe (jane@example.com) is the editor of …" when the byline names
    her. A blog's or a magazine's end matter: what follows the box goes too; a box holding
    more than :data:`_BOX_SHARE` of the prose above it is taken for the article."""
    name = " ".join((author or "").split()).casefold()
    for at in range(max(1, len(lines) - _BOX_TAIL), len(lines)):
        if _opens_box(lines, at, name if len(name.split()) >= 2 else ""):
            above = sum(ln.tokens for ln in lines[:at] if ln.kind == GOOD)
            if sum(ln.tokens for ln in lines[at:]) <= _BOX_SHARE * above:
                return lines[:at]
            return lines
    return lines


def _opens_box(lines: list[Line], at: int, author: str) -> bool:
    text, nxt = lines[at].text, lines[at + 1] if at + 1 < len(lines) else None
    heading = not lines[at].punct and lines[at].tokens <= 8
    about = _ABOUT.match(text) if heading else None
    if about and nxt is not None:
        named = about.group(1)
        return named.casefold() == author or (
            _PERSON.fullmatch(named) is not None and _on_person(nxt.text, named))
    if heading and nxt is not None and nxt.kind == GOOD and _PERSON.fullmatch(text):
        return _on_person(nxt.text, text)
    return (bool(author) and lines[at].kind == GOOD and text.casefold().startswith(author)
            and _BIO_VERB.match(text[len(author):]) is not None)


def _on_person(text: str, name: str) -> bool:
    """A paragraph about ``name`` (a person's): led by the name or its first word and a verb
    a biography uses, or a biography in the first person."""
    if _I_AM.match(text):
        return True
    for lead in (name, name.split()[0]):
        if text.startswith(lead) and _BIO_VERB.match(text[len(lead):]):
            return True
    return False
