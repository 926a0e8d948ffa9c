"""Articles a reader clipped as Markdown (``.md``): Obsidian Web Clipper, MarkDownload and the
like save a page's article with YAML front matter (``title``, ``source``, ``published``,
``author``) over its text in Markdown.

A clipping is already the article, without the page's chrome, so it is not cleaned as a dump;
it is read as the small HTML page it stands for: its Markdown rendered the way ``digest
build`` renders bodies (:mod:`digest.markdown`: raw HTML escaped, unsafe links dropped), its
title as the page's ``<title>`` and headline, its source address as the canonical URL (which
names the outlet when the registry knows the host), its ``published`` date as the page's
``article:published_time`` and its author as the page's author; then the HTML extractor
(:mod:`digest.ingest.html`) reads that page as it reads any other, so a clipping gets the
same checks and the same front matter. The front matter is read the one way digest reads
YAML (:func:`digest.frontmatter.load_mapping`: safe constructors, no aliases).

When the clipping was made (``created``, ``clipped``) is not when the article was published:
it dates nothing, and a clipping without a publication date waits for review. Without a
title in the front matter, a leading ``# Heading`` is the title; MarkDownload's quoted
"Excerpt" of the page's description over the text is left out. An article ``digest ingest``
itself wrote (``content/``, with its ``raw_sha256``) is refused: it is not a page.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any, NamedTuple

from digest import frontmatter
from digest.ingest.mhtml import is_web_address
from digest.markdown import render

SUFFIXES = (".md", ".markdown")
_TITLE_KEYS = ("title", "headline")
_URL_KEYS = ("source", "url", "link", "source_url", "original_url", "canonical", "href")
_DATE_KEYS = ("published", "date_published", "published_at", "publish_date", "pubdate", "date")
_AUTHOR_KEYS = ("author", "authors", "byline", "by")
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)
# MarkDownload's template quotes the page's description under "## Excerpt" above the text,
# then a rule: the clipper's summary, not the article's
_EXCERPT = re.compile(r"\A\s*>[ \t]*#{1,6}[ \t]*Excerpt[ \t]*\n(?:>.*(?:\n|\Z))*"
                      r"\s*(?:-{3,}[ \t]*\n)?", re.I)
_WIKILINK = re.compile(r"^\[\[(?:[^|\]]*\|)?([^\]]+)\]\]$")  # Obsidian's "[[Jane Roe]]"


class Clipped(NamedTuple):
    """The clipping as an HTML page, and the http(s) address it was clipped from."""

    html: str
    url: str | None


def to_page(text: str) -> Clipped:
    """The clipping as an HTML page for :func:`digest.ingest.html.extract_html`; ValueError
    naming the line for front matter that cannot be read, or for one of digest's own articles."""
    meta, body = _split(text)
    if "raw_sha256" in meta:
        raise ValueError("an article digest ingest wrote (it has raw_sha256), not a clipping: "
                         "give ingest the saved pages, never content/")
    title = _text(next((meta[k] for k in _TITLE_KEYS if k in meta), None))
    heading = _HEADING.match(body.lstrip())
    if title is None and heading is not None:
        title = heading.group(1).strip()
    if heading is not None and title is not None and heading.group(1).strip() == title:
        body = body.lstrip()[heading.end():]  # the headline once, as the page prints it
    body = _EXCERPT.sub("", body, count=1)
    url = next((u for u in (_text(meta.get(k)) for k in _URL_KEYS) if is_web_address(u)), None)
    published = next((d for d in (_date(meta.get(k)) for k in _DATE_KEYS) if d), None)
    author = _author(next((meta[k] for k in _AUTHOR_KEYS if k in meta), None))
    head = ["<meta charset='utf-8'>"]
    if title:
        head.append(f"<title>{html.escape(title)}</title>")
    if published:
        head.append(f"<meta property='article:published_time' content='{html.escape(published)}'>")
    if url:
        head.append(f"<link rel='canonical' href='{html.escape(url)}'>")
    if author:
        head.append(f"<meta name='author' content='{html.escape(author)}'>")
    headline = f"<h1>{html.escape(title)}</h1>" if title else ""
    return Clipped(f"<!doctype html><html><head>{''.join(head)}</head><body><article>"
                   f"{headline}{render(body)}</article></body></html>", url)


def _split(text: str) -> tuple[dict[str, Any], str]:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.startswith(("---\n", "---\r\n")):
        return {}, text
    try:
        doc = frontmatter.parse(text)
    except frontmatter.FrontMatterError as exc:
        where = f"line {exc.line}: " if exc.line else ""
        raise ValueError(f"{where}the clipping's front matter cannot be read: {exc.message}"
                         f"{'; ' + exc.hint if exc.hint else ''}") from None
    return {str(k).lower(): v for k, v in doc.meta.items()}, doc.body


def _text(value: object) -> str | None:
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None



def _date(value: object) -> str | None:
    """An ISO date or date-time, as YAML reads it or as text; None for anything else."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = _text(value)
    if text is None:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat() \
            if "T" in text or " " in text else dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _author(value: object) -> str | None:
    """One name or several ("Jane Roe, John Doe"), without Obsidian's link brackets."""
    names = value if isinstance(value, list) else [value]
    found = [_WIKILINK.sub(r"\1", t) for t in map(_text, names) if t]
    return ", ".join(found)[:200] or None
