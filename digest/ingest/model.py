"""What extraction hands to the rest of ingest: a plain record, no behaviour.

Both extractors (text dumps: :mod:`digest.ingest.textdump`; HTML:
:mod:`digest.ingest.html`) return an :class:`Extraction`; the writer turns it
into front matter + Markdown (see DESIGN.md's content format).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Extraction:
    """One article as found on a raw page. ``body`` is Markdown (structure applied)."""

    body: str
    title: str | None = None
    date: dt.datetime | None = None  # timezone-aware when known
    # "dateline", "updated", "meta", "url", "text", "text+<kind>", "hint"
    date_source: str | None = None
    day_only: bool = False  # the page gives the day, not the time (``date`` is its midnight)
    # why it cannot be published yet and what an editor must add (no date, no headline):
    # any reason keeps the article in content/_review/ (see digest.review)
    review: list[str] = field(default_factory=list)
    outlet: str | None = None
    # which signal named the outlet (see digest.ingest.outlets): "byline", "url", "site",
    # "publisher", "copyright", "promo", "self" (a first-person promo), "staff", "masthead",
    # "tag" (a newsroom's tag on its lead), "wire" (an agency credited in the lead), "title",
    # "earlier" (a back-reference to its own report), "agreed"
    outlet_source: str | None = None
    author: str | None = None
    attribution: str | None = None  # e.g. "Source: ..." line, kept out of the body
    lang: str | None = None
    summary: str | None = None  # the lead, plain text
    source_url: str | None = None
    tags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
