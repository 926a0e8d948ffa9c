"""What an HTML page's markup states about its site, read with bounded patterns rather than a
parser (a hostile page must not make a search quadratic): its canonical link, ``<title>``,
JSON-LD publisher, and its visible text line by line, menus and footer included, for the
signals that read a page's chrome.
"""

from __future__ import annotations

import re
from html import unescape

# Bounded: a hostile page of "<link<link..." must not make a search quadratic.
_CANONICAL = re.compile(r"""<link\b[^<>]{0,1000}?\brel\s*=\s*["']?canonical\b[^<>]{0,1000}>""",
                        re.I)
_HREF = re.compile(r"""\bhref\s*=\s*["']([^"']+)["']""", re.I)
_TITLE = re.compile(r"<title\b[^<>]{0,200}>([^<]{0,2000})</title>", re.I)
_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]{0,2000}?"name"\s*:\s*"([^"]{2,80})"')
_TAG = re.compile(r"<[^<>]{0,2000}>")


def canonical(html: str) -> str | None:
    m = _CANONICAL.search(html)
    href = _HREF.search(m.group(0)) if m else None
    value = _unescape(href.group(1)) if href else ""
    return value if value.startswith(("http://", "https://")) else None


def _publisher(html: str) -> str | None:
    m = _PUBLISHER.search(html)
    return _unescape(m.group(1)) if m else None


def footer_lines(html: str, size: int = 60_000) -> list[str]:
    """The visible text of the page's last ``size`` characters, one line per element."""
    return visible_lines(html[-size:])


def visible_lines(html: str) -> list[str]:
    """The visible text of ``html``, one line per element (menus and footer included)."""
    text = _TAG.sub("\n", _without_code(html))
    return [" ".join(_unescape(x).split()) for x in text.splitlines() if x.strip()]


def _without_code(html: str) -> str:
    """``html`` without its scripts and styles (found with str.find: no regex backtracking)."""
    low = html.lower()
    out, at = [], 0
    while True:
        start = min((i for i in (low.find("<script", at), low.find("<style", at)) if i >= 0),
                    default=-1)
        if start < 0:
            return "".join([*out, html[at:]])
        out.append(html[at:start])
        tag = "</script" if low.startswith("<script", start) else "</style"
        end = low.find(tag, start)
        if end < 0:
            return "".join(out)
        close = low.find(">", end)
        at = close + 1 if close >= 0 else len(html)


def _unescape(text: str) -> str:
    return " ".join(unescape(text).split())
