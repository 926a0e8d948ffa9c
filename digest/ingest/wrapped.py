"""Text dumps wrapped at a fixed width, as text browsers write them, made one line a block.

``lynx -dump``, ``w3m -dump`` and ``links -dump`` break every paragraph into lines of at most
a set width (80 columns by default), where a browser's ``innerText`` writes one line a block.
The cleaner judges lines (:mod:`digest.ingest.dumplines`): a paragraph cut into 80-column
pieces reads as a column of short, unpunctuated lines, which is what a menu looks like, so
the article is lost. :func:`dump_lines` gives such a dump its blocks back first: a line the
browser broke because the next word would not fit is joined with the next one; a line that
ends short of the width (a menu's item, a heading, a paragraph's last line) ends its block.
A dump that is not wrapped (no width most lines reach) is returned as it is, line for line.

lynx's list of links ("References", then "1. https://…") also marks each link in the text
with its number ("[12]WeWork"); when the dump carries that list, the marks go.

No library does this: textwrap and the like wrap, and the unwrapping tools (``par``,
``fmt``) join every line of a block, menus included, where a text browser's width tells which
breaks it made. Pure text in, text out; nothing else of digest is imported.
"""

from __future__ import annotations

import re
import unicodedata

_WIDEST = 132  # columns a text browser is set to at the most
_NARROWEST = 70  # ... and at the least (80 by default; a plain-text RFC, 72)
_NEAR = 12  # columns from the width that a line the browser broke ends within, mostly
_FULL_SHARE = 0.3  # of the lines of prose length, that end near the width in a wrapped dump
_PROSE = 40  # columns of a line long enough to tell (a menu's items are shorter)
_MIN_FULL = 5  # lines ending near the width, at least: a few long lines are no wrapped dump
_LONGER = 0.1  # share of the lines that may run past the width (a URL, a <pre> block)
_SLACK = 2  # columns a browser may leave free at a line's end (lynx wraps a little early)
_MIN_JOINS = 5  # lines a wrapped dump's blocks run on to, at least
_WORDS = 4  # words of a line whose length counts (a long web address is not wrapped)
_LONGER_TEXT = 0.4  # share of the text in them (an innerText dump's is in its long lines)
_PAST = 0.01  # share of the lines that end just past the width (none, when it is a browser's)
# A list item's bullet or number (not "o", a word in Portuguese and Spanish: the item's
# indentation tells it apart from the text that goes on under the item before)
_MARKER = re.compile(r"^(\s*)([*+•◦▪#-]|\d{1,3}[.)])\s+")
_REFERENCES = re.compile(r"^\s*References\s*$")
_REFERENCE = re.compile(r"^\s*(\d+)\.\s+\S+:\S*\s*$")
_LINK_MARK = re.compile(r"\[(\d+)\]")


def dump_lines(text: str) -> list[str]:
    """The dump's lines, each block one line when a text browser wrapped it (module doc)."""
    lines = text.splitlines()
    width = wrap_width(lines)
    if width is None:
        return lines
    blocks = _unwrap(lines, width)
    if len(lines) - len(blocks) < _MIN_JOINS:
        return lines  # a page whose lines merely reach one length: its breaks are its own
    return _drop_link_marks(blocks)


def wrap_width(lines: list[str]) -> int | None:
    """The width the dump's lines were wrapped at, or None when they were not.

    A wrapped dump's lines of prose mostly end within a word's length of one width, none
    just past it, and few past it at all (a web address or a preformatted block the browser
    could not break), and those hold little of the text; an ``innerText`` dump writes a
    paragraph as one long line (most of its text is in lines past any width), and the
    lengths of its lines run on smoothly past any width. Lines of fewer than
    :data:`_WORDS` words (a web address) do not count."""
    counted = [ln for ln in lines if len(ln.split()) >= _WORDS]
    if sum(len(ln) > _WIDEST for ln in counted) > _LONGER * len(counted):
        return None  # past any width a browser wraps at (an innerText dump): no need to measure
    sizes = [columns(ln.rstrip().expandtabs()) for ln in counted]
    prose = [n for n in sizes if n >= _PROSE]
    for width in sorted({n for n in prose if _NARROWEST <= n <= _WIDEST}, reverse=True):
        full = sum(1 for n in prose if width - _NEAR <= n <= width)
        if full < _MIN_FULL or full < _FULL_SHARE * len(prose):
            continue
        past = sum(1 for n in sizes if width < n <= width + _NEAR)  # a browser's width is a wall
        longer = [n for n in sizes if n > width]
        if (past <= _PAST * len(sizes) and len(longer) <= _LONGER * len(sizes)
                and sum(longer) <= _LONGER_TEXT * sum(sizes)):
            return width
    return None


def columns(text: str) -> int:
    """The columns a text browser gives ``text``: two for a wide character (Chinese,
    Japanese, Korean), one for any other."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _unwrap(lines: list[str], width: int) -> list[str]:
    out: list[str] = []
    indent = -1  # the column a block's next line must start at to go on with it
    last = ""  # the block's last line as the dump printed it
    for line in lines:
        raw = line.rstrip().expandtabs()
        text = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        if (out and text and lead == indent and not _MARKER.match(raw)
                and not last.endswith(("...", "…"))  # an item cut short, not a line broken
                and width >= columns(last) > width - columns(text.split()[0]) - 1 - _SLACK):
            out[-1] = _joined(out[-1], text)
        else:
            out.append(line)
            marker = _MARKER.match(raw)
            indent = marker.end() if marker else lead
            if not text:
                indent = -1
        last = raw
    return out


def _joined(block: str, text: str) -> str:
    """The block with its next line: a word broken at its hyphen ("self-" / "dealing") is
    one word again."""
    if re.search(r"\w-$", block):
        return block + text
    return block + " " + text


def _drop_link_marks(lines: list[str]) -> list[str]:
    """Without lynx's link numbers ("[12]WeWork"), when the dump ends with their list."""
    at = next((i for i in range(len(lines) - 1, -1, -1) if _REFERENCES.match(lines[i])), None)
    if at is None:
        return lines
    numbers = {m.group(1) for ln in lines[at + 1:] if (m := _REFERENCE.match(ln))}
    if not numbers:
        return lines
    return [_LINK_MARK.sub(lambda m: "" if m.group(1) in numbers else m.group(0), ln)
            for ln in lines]
