"""Article bodies: Markdown to HTML with markdown-it-py, safe for scraped text.

CommonMark plus tables and strikethrough. Raw HTML in a body is *escaped*,
never passed through (``html: False``), and markdown-it's link validation
drops ``javascript:``, ``vbscript:``, ``file:`` and non-image ``data:`` URLs.
Rendering is the slow part of a first build; :mod:`digest.store` calls
:func:`render` in forked workers, and the build cache keeps the result.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported only when a body changed

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    return md


def render(text: str) -> str:
    """One body to HTML."""
    return _parser().render(text)
