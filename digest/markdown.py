"""Article bodies: Markdown to HTML with markdown-it-py, safe for scraped text.

CommonMark plus tables and strikethrough. Raw HTML in a body is *escaped*,
never passed through (``html: False``), and markdown-it's link validation
drops ``javascript:``, ``vbscript:``, ``file:`` and non-image ``data:`` URLs.
Rendering is the slow part of a build, so :func:`render_many` spreads it over
the machine's cores.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache

from markdown_it import MarkdownIt

# Below this many bodies, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    return md


def render(text: str) -> str:
    """One body to HTML."""
    return _parser().render(text)


def _render_chunk(texts: list[str]) -> list[str]:
    md = _parser()
    return [md.render(t) for t in texts]


def render_many(texts: list[str], workers: int | None = None) -> list[str]:
    """Render many bodies, in parallel processes when there are enough to pay off."""
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(texts) < PARALLEL_THRESHOLD:
        return _render_chunk(texts)
    size = max(50, len(texts) // (workers * 4))
    chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [html for part in pool.map(_render_chunk, chunks) for html in part]
