"""The outlet's own labels become Markdown; everything else is escaped to stay text.

* a ``Quote:`` paragraph becomes a blockquote (the label is kept: it is the outlet's
  words, and a quote running over several paragraphs stays quoted until its closing
  quotation mark);
* a ``Background`` / ``Background:`` line on its own becomes a ``## `` heading;
* ``•`` (and dash) lines become ``- `` list items;
* ``Details:`` stays an ordinary paragraph.

Scraped text is rendered as Markdown later, so a line that Markdown would read as
syntax ("# 1", "1. ", "> ", "<div", "---", "* ") gets a backslash in front.
:func:`plain` undoes both, giving back the input line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_HEADINGS = re.compile(
    r"^(?:background|context|reminder|передісторія|довідка|контекст|предыстория|справка"
    r"|напомним)\s*:?$",
    re.I,
)
_QUOTE = re.compile(r"^(?:quote|пряма мова|прямая речь|цитата)\s*:", re.I)
_BULLET = re.compile(r"^(?:[•·▪◦●]\s*|[\-–—*]\s+)")
_SPECIAL = re.compile(r"^(?:#|>|<|\+\s|\*|=+\s*$|_{3,}|`{3}|~{3}|\d{1,9}[.)](?:\s|$)|\|)")
_OPEN = "\"“«„"
_CLOSE = "\"”»“"


def to_markdown(lines: Sequence[str]) -> str:
    """Body lines (stripped input lines) as Markdown paragraphs separated by blank lines."""
    out: list[str] = []
    quoting = False
    for text in lines:
        if _QUOTE.match(text):
            out.append("> " + escape_inline_start(text))
            quoting = _unclosed(text)
        elif quoting:
            out.append("> " + escape(text))
            quoting = _unclosed(text, opened=True)
        elif _HEADINGS.match(text):
            out.append("## " + text.rstrip(":").strip())
        elif _BULLET.match(text) and len(text) > 2:
            out.append("- " + escape(_BULLET.sub("", text, count=1)))
        else:
            out.append(escape(text))
    return _join(out)


def _join(blocks: list[str]) -> str:
    """Paragraphs apart by a blank line; consecutive list items form one tight list."""
    text = ""
    for i, block in enumerate(blocks):
        if i:
            tight = block.startswith("- ") and blocks[i - 1].startswith("- ")
            text += "\n" if tight else "\n\n"
        text += block
    return text + ("\n" if blocks else "")


_ESCAPED = re.compile(r"^\d{0,9}\\")  # where :func:`plain` takes a backslash away


def escape(text: str) -> str:
    """Backslash-escape a line start that Markdown would read as syntax.

    A line that already has a backslash where an escape would go gets one more, so
    that :func:`plain` is the exact inverse and never eats the page's own backslash."""
    if _SPECIAL.match(text) or re.match(r"^[-–—]{3,}\s*$", text) or _ESCAPED.match(text):
        m = re.match(r"^\d{1,9}", text)
        if m:
            return text[: m.end()] + "\\" + text[m.end():]
        return "\\" + text
    return text


def escape_inline_start(text: str) -> str:
    return escape(text)


def _unclosed(text: str, opened: bool = False) -> bool:
    """Whether a quotation is still open at the end of this paragraph."""
    count = sum(text.count(c) for c in '"') + sum(text.count(c) for c in "“”«»„")
    if opened:
        return count % 2 == 0
    return count % 2 == 1


def plain(line: str) -> str:
    """The input text of one Markdown body line: markers and escapes removed."""
    for marker in ("> ", "- ", "## "):
        if line.startswith(marker):
            line = line[len(marker):]
            break
    return re.sub(r"^(\d{0,9})\\", r"\1", line, count=1)
