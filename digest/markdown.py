"""Article bodies: Markdown to HTML with markdown-it-py, safe for scraped text.

CommonMark plus tables and strikethrough. Raw HTML in a body is *escaped*,
never passed through (``html: False``), and markdown-it's link validation
drops ``javascript:``, ``vbscript:``, ``file:`` and non-image ``data:`` URLs.
Rendering was the slow part of a first build: :mod:`digest.markdown_fast` renders
the paragraphs, headings, quotations, lists and tables most news bodies are made of
directly (the same HTML; bodies 5–7x faster), :mod:`digest.store` calls
:func:`render` in forked workers, and the build cache keeps the result.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported only when a body changed

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.normalizeLink = _plain_links_as_they_are(md.normalizeLink)  # type: ignore[method-assign]
    return md


_PATH_CHAR = r"[A-Za-z0-9\-._~!$&'()*+,;=:]"
_QUERY = r"[A-Za-z0-9\-._~!$&'()*+,;=:/?]*"
# An http(s) or site-absolute URL that markdown-it's normalizeLink gives back unchanged:
# ASCII host labels, no user info ('@'), no percent-escapes, nothing to encode.
PLAIN_URL = re.compile(
    r"(?:https?://[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*(?::[0-9]{1,5})?)?"
    rf"(?:/(?!/){_PATH_CHAR}*(?:/{_PATH_CHAR}*)*)?(?:\?{_QUERY})?(?:#{_QUERY})?\Z"
)


def _plain_links_as_they_are(normalize: Callable[[str], str]) -> Callable[[str], str]:
    """markdown-it's link normaliser, skipped for URLs it would leave as they are.

    It parses, punycodes and re-encodes every URL: ~12 % of the Markdown time of a
    news body with a few links. Plain URLs (most of them) come back unchanged, which
    tests/test_markdown.py checks against the real normaliser.
    """
    def normalize_link(url: str) -> str:
        if len(url) < 256 and PLAIN_URL.match(url):
            return url
        return normalize(url)

    return normalize_link


def render(text: str) -> str:
    """One body to HTML: markdown-it's output, through its fast path where that applies."""
    from digest import markdown_fast  # imports markdown-it: only when a body changed

    md = _parser()
    html = markdown_fast.render(text, md.render)
    return md.render(text) if html is None else html
