"""A fast path for the Markdown news bodies are made of, with markdown-it's exact output.

markdown-it-py spends ~0.7 ms on a 700-word body: most of a first build. Yet news
bodies are nearly all paragraphs with a little emphasis and a few links, plus an odd
heading, quotation, bullet list or table. This module renders that subset directly
(news bodies 5–7x faster in all) and hands every other block to markdown-it, so the HTML
is byte for byte what markdown-it alone would give. It never guesses:

- a document whose blocks could act on each other (a reference definition, a fence, an
  indented line, a list continued after a blank line, a tab or a carriage return) goes
  to markdown-it whole (:func:`render` returns None);
- otherwise each block (lines between blank lines) is rendered here when it is one of
  the simple forms below and its inline text is simple, and by markdown-it otherwise:
  such a block renders the same alone as in its document.

``tests/test_markdown_fast.py`` compares the two on generated and real documents; its
coverage test fails if the fast path stops taking ordinary news bodies.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it.common.utils import escapeHtml, isMdAsciiPunct, isPunctChar, isWhiteSpace

from digest.markdown import PLAIN_URL

# A line starting like this sends the whole document to markdown-it: it ties blocks
# together (indented code or list continuations, fences that may hold blank lines, link
# reference definitions, which act at a distance).
_TIES = re.compile(r" |(?:(?:[>*+-]|\d{1,9}[.)]) *)*(?:```|~~~|\[)")
_LIST_ITEM = re.compile(r"(?:[*+-]|\d{1,9}[.)])(?: |$)")  # lists merge over blank lines
_ODD_START = frozenset(" `~[>*+-0123456789")  # the first characters the two above need
# A line starting like this may open a block of its own (heading, quote, list, rule,
# setext underline, fence, table, HTML, reference): not plain paragraph text.
_BLOCK_START = re.compile(
    r"[#>+=_|`~<\[\-]|\d{1,9}[.)]|\*(?: |$)|\*[* ]*$"
    r"|:[|:\- ]*$"  # a table's delimiter row (the others start with | or -)
)
_HEADING = re.compile(r"(#{1,6}) (\S.*)\Z")
_SPECIAL = re.compile(r"[\\`*_~\[\]<&!]")  # inline characters that need a closer look
_ENTITY = re.compile(r"&(?:#|[A-Za-z0-9]+;)")  # may be a character reference
_DELIMITER_ROW = re.compile(r"\|(?: *:?-+:? *\|)+")
_ALIGN = {(False, False): "", (True, False): ' style="text-align:left"',
          (False, True): ' style="text-align:right"', (True, True): ' style="text-align:center"'}
_LINK = re.compile(r"\[([^\[\]\\`*_~<&!|\n]+)\]\(([^()\s\\<>\"]+)\)")


def render(text: str, markdown_it: Callable[[str], str]) -> str | None:
    """``markdown_it(text)``, faster; None when the document must go to markdown-it whole."""
    if "\r" in text or "\0" in text or "\t" in text:  # markdown-it's normalisation, tab stops
        return None
    out: list[str] = []
    pending: list[str] = []  # blocks for markdown-it, rendered together in one call
    after_list = False
    for block in text.split("\n\n"):
        block = block.strip("\n")
        if not block:
            continue
        lines = block.split("\n")
        has_list = False
        for number, line in enumerate(lines):
            if line[0] in _ODD_START:
                if _TIES.match(line):
                    return None
                if _LIST_ITEM.match(line):
                    if number == 0 and after_list:
                        return None  # it would join the list before it (a loose list)
                    has_list = True
        after_list = has_list
        html = _block(block, lines)
        if html is None:
            pending.append(block)
            continue
        if pending:
            out.append(markdown_it("\n\n".join(pending)))
            pending = []
        out.append(html)
    if pending:
        out.append(markdown_it("\n\n".join(pending)))
    return "".join(out)


def _block(block: str, lines: list[str]) -> str | None:
    """One block's HTML when it is a simple paragraph, heading, quotation, bullet list or table."""
    first = block[0]
    if first == "#":
        m = _HEADING.match(block)
        if m is None or "\n" in block or block.endswith("#") or m.group(2) != m.group(2).strip():
            return None
        inner = _inline(m.group(2))
        level = len(m.group(1))
        return None if inner is None else f"<h{level}>{inner}</h{level}>\n"
    if first == ">":
        if not all(line.startswith("> ") for line in lines):
            return None
        inner = _paragraph([line[2:] for line in lines])
        return None if inner is None else f"<blockquote>\n<p>{inner}</p>\n</blockquote>\n"
    if first == "-":
        if not all(line.startswith("- ") for line in lines):
            return None
        items = [_paragraph([line[2:]]) for line in lines]
        if any(item is None for item in items):
            return None
        return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n"
    if first == "|":
        return _table(lines)
    inner = _paragraph(lines)
    return None if inner is None else f"<p>{inner}</p>\n"


def _table(lines: list[str]) -> str | None:
    """A table whose every row has its outer pipes and all the columns (no escaped pipes)."""
    if len(lines) < 2 or not _DELIMITER_ROW.fullmatch(lines[1]):
        return None
    marks = [cell.strip(" ") for cell in lines[1][1:-1].split("|")]
    aligns = [_ALIGN[mark.startswith(":"), mark.endswith(":")] for mark in marks]
    rows = []
    for number, line in enumerate(lines):
        if number == 1:
            continue
        if len(line) < 2 or line[0] != "|" or line[-1] != "|" or "\\" in line:
            return None
        cells = line[1:-1].split("|")
        if len(cells) != len(aligns):
            return None
        tag = "th" if number == 0 else "td"
        row = ["<tr>\n"]
        for cell, align in zip(cells, aligns, strict=True):
            content = cell.strip(" ")
            inner = _inline(content) if content and content == cell.strip() else None
            if inner is None:
                return None
            row.append(f"<{tag}{align}>{inner}</{tag}>\n")
        row.append("</tr>\n")
        rows.append("".join(row))
    body = f"<tbody>\n{''.join(rows[1:])}</tbody>\n" if len(rows) > 1 else ""
    return f"<table>\n<thead>\n{rows[0]}</thead>\n{body}</table>\n"


def _paragraph(lines: list[str]) -> str | None:
    """Inline HTML of lines that make one paragraph and nothing else."""
    for line in lines:
        if not line or line != line.strip() or _BLOCK_START.match(line):
            return None
    return _inline("\n".join(lines))


def _inline(src: str) -> str | None:
    """Inline HTML of text with plain runs, ``*``/``**`` emphasis, escapes and plain links."""
    out: list[str] = []
    openers: list[tuple[int, int]] = []  # (run length, index in out) of unmatched openers
    pos, end = 0, len(src)
    while True:
        m = _SPECIAL.search(src, pos)
        stop = m.start() if m else end
        if stop > pos:
            out.append(escapeHtml(src[pos:stop]))
        if m is None:
            break
        char, pos = m.group(), stop
        if char == "_" or char == "*":
            run = pos
            while run < end and src[run] == char:
                run += 1
            count = run - pos
            can_open, can_close = _flanking(src, pos, run, char == "*")
            if char == "_" and not (can_open or can_close):
                out.append(src[pos:run])  # inside a word: snake_case, @handle_name
                pos = run
                continue
            if count > 2 or char == "_" or (can_open and can_close):
                return None
            if can_close and openers:
                length, index = openers.pop()
                if length != count:
                    return None
                tag = "em" if count == 1 else "strong"
                out[index] = f"<{tag}>"
                out.append(f"</{tag}>")
            else:
                if can_open:
                    openers.append((count, len(out)))
                out.append(src[pos:run])
            pos = run
        elif char == "[":
            link = _LINK.match(src, pos)
            if link is None:
                return None
            url = link.group(2)
            if len(url) >= 256 or not PLAIN_URL.match(url) or not url.startswith(
                    ("http://", "https://", "/")) or ("&" in url and ";" in url):
                return None
            out.append(f'<a href="{escapeHtml(url)}">{escapeHtml(link.group(1))}</a>')
            pos = link.end()
        elif char == "\\":
            following = src[pos + 1:pos + 2]
            if not following or not isMdAsciiPunct(ord(following)):
                return None
            out.append(escapeHtml(following))
            pos += 2
        elif char == "&":
            if _ENTITY.match(src, pos):
                return None
            out.append("&amp;")
            pos += 1
        elif char == "<":  # an autolink needs a ':' or '@' before the next '>'
            close = src.find(">", pos)
            inside = src[pos + 1:close] if close > 0 else ""
            if ":" in inside or "@" in inside:
                return None
            out.append("&lt;")
            pos += 1
        elif (char == "]" or char == "!" and src[pos + 1:pos + 2] != "["
              or char == "~" and src[pos + 1:pos + 2] != "~" and src[pos - 1:pos] != "~"):
            out.append(char)
            pos += 1
        else:  # `code`, ~~strike~~, ![image]
            return None
    return "".join(out)


def _flanking(src: str, start: int, stop: int, in_words: bool) -> tuple[bool, bool]:
    """(can open, can close) of the ``*`` or ``_`` run ``src[start:stop]``, as markdown-it decides.

    ``in_words``: the run may open or close inside a word (``*`` may, ``_`` may not).
    """
    last = src[start - 1] if start > 0 else " "
    following = src[stop] if stop < len(src) else " "
    last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
    next_punct = isMdAsciiPunct(ord(following)) or isPunctChar(following)
    last_space = isWhiteSpace(ord(last))
    next_space = isWhiteSpace(ord(following))
    left = not (next_space or (next_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (next_space or next_punct)))
    if in_words:
        return left, right
    return left and (not right or last_punct), right and (not left or next_punct)
