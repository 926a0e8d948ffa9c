"""The article's own lists, which the search for its region takes for menus.

Packed runs of short lines count as chrome while the region is sought (a menu looks the
same), and a list's short lines cost more than they weigh. Once the region is known,
:func:`restore_lists` gives the article a run that stands between its sentences, and
:func:`attach_list` extends the region over the list its last line announces, or a schedule
of parallel items right below it.
"""

from __future__ import annotations

import re

from digest.ingest.chrome import is_chrome_phrase
from digest.ingest.dumplines import BAD, BARRIER, GOOD, SHORT, TABLE, Line, _announces
from digest.ingest.linemarks import _RUN

_LIST_MAX = 12  # the longest run kept as the article's own list


def restore_lists(lines: list[Line], start: int, end: int) -> None:
    """A packed run of short lines inside the article, between its sentences, is its list.

    Runs count as chrome while the region is sought (menus look the same); once the
    region is known, a run that sits between sentences of the article is the article's
    own list (items, schedules, specifications) and stays. The sentence before it may be
    a short one ("Because once you understand it …")."""
    i = start + 1
    while i < end - 1:
        if not lines[i].listed:
            i += 1
            continue
        j = i
        while j < end and lines[j].listed:
            j += 1
        if j < end and _sentence(lines[i - 1]) and _sentence(lines[j]) and j - i <= _LIST_MAX:
            for ln in lines[i:j]:
                ln.kind = SHORT
        i = j


def _sentence(ln: Line) -> bool:
    """Article prose, or a short sentence of it (punctuated, not chrome)."""
    return ln.kind == GOOD or (ln.kind == SHORT and ln.punct)


_LIST_LONGEST = 60  # the longest list attached below the article's last line
# A numbered item: "1) ...", "2. ...", "3a etapa: ...", the number then the item's words.
_NUMBERED = re.compile(r"^(\d{1,3})(?:[.)]|[a-zºª°]?)\s+\w")


def attach_list(lines: list[Line], start: int, end: int) -> int:
    """The region's new end: the list the article's last line announces is the article's.

    The densest run stops where the article's list starts, as the list's short lines
    cost more than they weigh. A lead-in ending in a colon ("... tour dates:") says they
    belong to it; so does a list of parallel items (dates, numbered entries: a schedule,
    results) right below the article or below a heading of its own. The list is the
    packed run, or items numbered 1, 2, 3 ... apart by gaps (each with a line or two of
    its own: a link, a price)."""
    last = end - 1
    if not start <= last < len(lines) - 1 or lines[last].kind not in (GOOD, SHORT):
        return end
    if _announces(lines[last]):
        stop = _list_end(lines, last + 1)
        return _keep_list(lines, last + 1, stop) if stop - last > 2 else end
    first = last + 1
    if _heading(lines[first]) and first + 1 < len(lines):
        first += 1
    stop = _list_end(lines, first)
    if stop - first >= _RUN and _parallel(lines[first:stop]):
        return _keep_list(lines, last + 1, stop)
    shaped = _shaped_end(lines, first, stop)
    if shaped is not None:
        return _keep_list(lines, last + 1, shaped)
    return _card_list(lines, last + 1, end)


_CARD_HEAD = 3  # short lines at most over a card's list (its title, "Print", "Ingredients")
_CARD_HEAD_WORDS = 6  # words of each


def _card_list(lines: list[Line], first: int, end: int) -> int:
    """The region's new end: with a card under the article that lists amounts (a recipe's
    "Ingredients": "8-9 ripe pears", "1 tsp cinnamon") below a few short lines of its own
    (its title, its label), and the rest of the card's block. Its chrome ("Print") stays
    out."""
    for at in range(first + 1, min(first + _CARD_HEAD + 1, len(lines))):
        above = lines[at - 1]
        if above.punct or above.tokens > _CARD_HEAD_WORDS or above.kind == BARRIER:
            return end
        stop = _list_end(lines, at)
        items = next((i for i in range(at, stop) if not _amount(lines[i])), stop)
        if items - at >= _RUN:
            # the rest of the card's block goes with it ("Instructions" and its steps), up
            # to its chrome (a credit, "You may also like")
            stop = next((i for i in range(items, stop) if lines[i].kind == BARRIER
                         or is_chrome_phrase(lines[i].text)), stop)
            for ln in lines[first:stop]:
                if not is_chrome_phrase(ln.text):
                    ln.kind = SHORT
            return stop
    return end


def _amount(ln: Line) -> bool:
    """An entry that starts with a figure: an amount ("1 tsp cinnamon", "8-9 ripe pears")."""
    return ln.tokens >= 2 and bool(_AMOUNT.match(ln.text))


_AMOUNT = re.compile(r"[\d½¼¾⅓⅔⅛]")


def _keep_list(lines: list[Line], first: int, stop: int) -> int:
    for ln in lines[first:stop]:
        ln.kind = SHORT
    return stop


def _heading(ln: Line) -> bool:
    """A short title line of the page's own (not chrome, not a sentence)."""
    return ln.kind == SHORT and not ln.punct and ln.gap_before and ln.tokens <= 12


_DIGIT = re.compile(r"\d")


def _parallel(items: list[Line]) -> bool:
    """Entries of one shape: nearly all of several words with a number in the first two
    (a date, a rank, a stage), as schedules and results are printed; menus are not."""
    shaped = sum(1 for ln in items
                 if ln.tokens >= 4 and _DIGIT.search(" ".join(ln.text.split()[:2])))
    return shaped >= 0.8 * len(items)


_PUNCT_ONLY = re.compile(r"[\w\s]+")
# an entry's separator between its name and its value ("Wales (Group E): Second appearance",
# "Kyiv – 12 °C"): share buttons ("Share on Facebook (Opens in new window)") have none
_SEPARATES = re.compile(r"[:–—=|]|(?<!\()-")


def _shape(ln: Line) -> str:
    """A line's punctuation in order: "England (Group A): 10th appearance" is "():"."""
    return _PUNCT_ONLY.sub("", ln.text)


def _shaped_end(lines: list[Line], first: int, stop: int) -> int | None:
    """The end of a list of entries of one form with a few words each ("England (Group A):
    10th appearance", "Wales (Group E): Second appearance"), a data list the article prints,
    without the lines after its last entry (a signature, a "follow" button). A menu's
    entries have no separator to share."""
    shapes = [_shape(ln) if ln.tokens >= 4 else "" for ln in lines[first:stop]]
    found = [shape for shape in shapes if _SEPARATES.search(shape)]
    if not found:
        return None
    common = max(sorted(set(found)), key=found.count)
    end = max(i for i, shape in enumerate(shapes) if shape == common) + 1
    entries = shapes[:end].count(common)
    return first + end if entries >= _RUN and entries >= 0.8 * end else None


def _list_end(lines: list[Line], first: int) -> int:
    """Where the list that starts at ``first`` ends (exclusive): the packed run, or numbered
    items on across gaps."""
    number = _item_number(lines[first].text)
    i = first + 1
    while i < len(lines) and i - first < _LIST_LONGEST and _item_like(lines[i]):
        if lines[i].gap_before and not _list_goes_on(lines, i, number):
            break
        if number is not None and _item_number(lines[i].text) == number + 1:
            number += 1
        i += 1
    return i


def _list_goes_on(lines: list[Line], at: int, number: int | None) -> bool:
    """Whether the line after a gap still belongs to the numbered list: item ``number + 1``
    starts there or within two lines, or it is a line of item ``number`` (its link, its
    price)."""
    if number is None:
        return False
    if _item_number(lines[at - 1].text) == number:
        return True
    return any(_item_number(ln.text) == number + 1 for ln in lines[at:at + 3])


def _item_number(text: str) -> int | None:
    m = _NUMBERED.match(text)
    return int(m.group(1)) if m else None


def _item_like(ln: Line) -> bool:
    """A line that can be a list item: text of the page's own, not a chrome phrase."""
    return ln.kind in (SHORT, GOOD, TABLE) or (ln.kind == BAD and ln.listed)
