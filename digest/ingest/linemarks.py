"""What a line's neighbours say about it: :func:`classify`.

A line on its own is often ambiguous: a short unpunctuated line may be a heading, a menu
entry or an item of the article's list. :func:`classify` judges each line by itself
(:mod:`digest.ingest.dumplines`), then by the shape of the lines around it: packed runs of
short lines are menus and link lists, rows of tab-separated cells are a table, whatever
follows a comment section's heading is comments, a repeated line is an echoed caption, a line
its picture's credit closes is the caption, a "related" heading the article's prose resumes
below is a box set into the article, and a gallery of stories is chrome
(:mod:`digest.ingest.galleries`). Whether the article's paragraphs go on below a heading
(:func:`_resumed_at`) is asked here first and again where the region meets the page's end
matter (:mod:`digest.ingest.region`).
"""

from __future__ import annotations

import re

from digest.ingest import headline
from digest.ingest.dumplines import (
    _COMMENT_WORDS,
    _END_WORDS,
    BAD,
    BARRIER,
    GOOD,
    SHORT,
    TABLE,
    Line,
    _announces,
    _kind,
)
from digest.ingest.galleries import _mark_galleries, set_aside

_BULLET = re.compile(r"^(?:[•·▪◦●\-–—*]|\d{1,2}[.)])\s")
_RUN = 3  # this many unpunctuated short lines in a row look like a menu or link list


def classify(lines: list[Line], learned: frozenset[str] = frozenset()) -> None:
    """Set each line's kind from its own features, then from its neighbours' shape."""
    nostop = _no_stopwords(lines)
    for ln in lines:
        ln.kind = _kind(ln, learned, nostop)
    _mark_link_runs(lines)
    _mark_tables(lines)
    _mark_comment_zone(lines)
    _mark_echoes(lines)
    _mark_credited_captions(lines)
    _mark_boxes(lines)
    _mark_galleries(lines)


# End matter: once the article has run, a comment section or a list of sources ends it.
_COMMENT_HEAD = re.compile(r"^(?:\d+\s+)?(?:comments?|responses?|replies)\b"
                           # a blog theme's count: "There are 13 comments", "There is 1 reply"
                           r"|^there (?:are|is) (?:\d+|no) (?:comments?|responses?|repl(?:y|ies))\b"
                           r"|^leave a (?:reply|comment)|^(?:коментарі|комментарии)\b"
                           # a count of comments on the quoted headline: 12 thoughts on “...”
                           # (never a sentence that quotes: 3 officials said "...")
                           r"|^\d+\s+(?:\w+\s+){0,2}(?:on|to)\s+[“\"«„].+[”\"»“]$"
                           r"|^(?:" + _COMMENT_WORDS + r")\s*[:?!]?$", re.I)
# What else only follows an article: its sources, the author's box, a prompt to rate it.
_END_HEAD = re.compile(r"^(?:sources|references|footnotes|bibliography|джерела|источники)\s*:?$"
                       r"|^(?:" + _END_WORDS + r")\s*[:?!.…]*$", re.I)


def _comment_head(ln: Line) -> bool:
    return _end_head(ln) or (len(ln.text) < 150
                             and bool(_COMMENT_HEAD.match(ln.text.strip("[]() "))))


def _end_head(ln: Line) -> bool:
    return len(ln.text) < 150 and bool(_END_HEAD.match(ln.text.strip("[]() ")))


_RUN_ON = 3  # paragraphs in a row right below a "Comments" link: the article going on


def _mark_comment_zone(lines: list[Line]) -> None:
    """Everything after a comment-section heading that follows the article is comments.

    Not a "Comments" link among the article's share buttons: the article's paragraphs
    go on right below it, one after another, where comments put a name, a date or a
    "Reply" between theirs."""
    prose = 0
    for i, ln in enumerate(lines):
        if prose >= 60 and (_end_head(ln) or (_comment_head(ln) and not _runs_on(lines, i + 1))):
            for rest in lines[i:]:
                rest.kind = BAD
            return
        if ln.kind == GOOD:
            prose += ln.tokens


def _runs_on(lines: list[Line], at: int) -> bool:
    below = lines[at:at + _RUN_ON]
    return len(below) == _RUN_ON and all(ln.kind == GOOD and ln.tokens >= _PARAGRAPH
                                         for ln in below)


_CARD_LINES = 6  # lines of a story card at most: a label, the headline twice, a teaser
_CARD_TEASER = 50  # words of its teaser at most
_CARD_AFTER = 2  # paragraphs of the article above a card set inside it, at least


def _mark_echoes(lines: list[Line]) -> None:
    """A line repeating one of the two lines before it is a caption or alt text echoed.

    Inside an article, a headline printed twice in one block (the picture's link and the
    title: "Business / Headline / Business / Headline / teaser") is a card for another
    story set into it: the whole block is the card, left out as a gallery of stories is."""
    paragraphs = 0
    for i in range(1, len(lines)):
        text = lines[i].text
        if text == lines[i - 1].text or (i > 1 and text == lines[i - 2].text):
            lines[i].kind = BAD
            if paragraphs >= _CARD_AFTER and not lines[i].punct and lines[i].tokens >= 3:
                _mark_card(lines, i)
        elif lines[i].kind == GOOD and lines[i].tokens >= _PARAGRAPH:
            paragraphs += 1


def _mark_card(lines: list[Line], at: int) -> None:
    """The packed block (no blank line inside) around ``at``, when it is short enough to be a
    story's card."""
    start = at
    while start > 0 and not lines[start].gap_before:
        start -= 1
    end = at + 1
    while end < len(lines) and not lines[end].gap_before:
        end += 1
    block = lines[start:end]
    if len(block) <= _CARD_LINES and all(ln.tokens <= _CARD_TEASER for ln in block):
        set_aside(block)


def _mark_boxes(lines: list[Line]) -> None:
    """A "related" heading that a paragraph of its own follows within a few lines heads a
    box of links set inside the article: it costs the article less to run across it.

    The paragraph stands under no headline of its own (a "most read" list may set a teaser
    under each entry)."""
    gapped = _gapped(lines)
    for i, ln in enumerate(lines):
        after = _resumed_at(lines, i, gapped) if ln.kind == BARRIER else None
        ln.boxed = after is not None and not _teaser(lines, after)


def _mark_credited_captions(lines: list[Line]) -> None:
    """A line that its picture's credit follows directly, closing the block, is the caption.

    A browser writes a figure's caption and credit one under the other with no gap, and a
    paragraph after them; article paragraphs are not credited."""
    for i in range(len(lines) - 1):
        ln, credit = lines[i], lines[i + 1]
        closes = i + 2 == len(lines) or lines[i + 2].gap_before
        if (ln.kind in (GOOD, SHORT) and credit.kind == BAD and not credit.gap_before and closes
                and (credit.inline or (credit.tokens <= 30 and headline.is_credit(credit.text)))):
            ln.kind, ln.inline = BAD, True


def _no_stopwords(lines: list[Line]) -> bool:
    """True for pages in a language without a stopword list (Korean, Marathi ...)."""
    long_lines = [ln for ln in lines if ln.tokens >= 8]
    if not long_lines:
        return False
    return sum(ln.stop for ln in long_lines) / len(long_lines) < 0.05


def _mark_link_runs(lines: list[Line]) -> None:
    """Short unpunctuated lines packed together without gaps are menus and link lists,
    unless a sentence of the page announces them ("Think about it:")."""
    i = 0
    while i < len(lines):
        j = i
        while (j < len(lines) and lines[j].kind != GOOD and not lines[j].punct
               and not _BULLET.match(lines[j].text)
               and (j == i or not lines[j].gap_before)):
            j += 1
        if j - i >= _RUN and not (i and _announces(lines[i - 1])):
            for ln in lines[i:j]:
                if ln.kind != BARRIER:
                    ln.listed = ln.kind == SHORT
                    ln.kind = BAD
        i = max(j, i + 1)


def _cells(ln: Line) -> int:
    return sum(1 for cell in ln.text.split("\t") if cell.strip()) if "\t" in ln.text else 0


def _mark_tables(lines: list[Line]) -> None:
    """Rows of a data table (a browser writes cells apart by tabs) are content.

    Standings, results and schedules carry no sentences; a run of rows with three or
    more filled cells each is a table the article shows, not a menu."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _cells(lines[j]) >= 3 and (j == i or not lines[j].gap_before):
            j += 1
        if j - i >= _RUN:
            for ln in lines[i:j]:
                ln.kind = TABLE
        i = max(j, i + 1)


_RESUME = 6  # lines below a heading within which an article's paragraphs go on
_PARAGRAPH = 15  # words of a paragraph that shows the article going on


def _resumed_at(lines: list[Line], at: int, gapped: bool) -> int | None:
    """The paragraph of prose that follows within a few lines of ``at`` (before another
    heading of end matter): a paragraph's length, set apart by a gap when the page's
    paragraphs are (a list's entries with their teasers are packed), and not story
    cards' teasers."""
    i = at + 1
    while i < min(len(lines), at + 1 + _RESUME):
        ln = lines[i]
        if ln.kind == GOOD and ln.tokens >= _PARAGRAPH and (ln.gap_before or not gapped):
            return None if _teaser(lines, i) and _teaser(lines, i + 2) else i
        if lines[i].kind == BARRIER:  # another box of links: count from its heading
            at = i
        i += 1
    return None


def _gapped(lines: list[Line]) -> bool:
    """Whether the page sets its paragraphs apart by blank lines (most of its prose does)."""
    prose = [ln for ln in lines if ln.kind == GOOD and ln.tokens >= _PARAGRAPH]
    return bool(prose) and sum(ln.gap_before for ln in prose) >= 0.7 * len(prose)


def _teaser(lines: list[Line], at: int) -> bool:
    """A story card's teaser: a short paragraph right under an unpunctuated headline."""
    if not 0 < at < len(lines) or lines[at].kind != GOOD or lines[at].tokens > 40:
        return False
    title = lines[at - 1]
    return title.kind == SHORT and not title.punct and title.tokens >= 3
