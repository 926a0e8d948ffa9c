"""A few tags per article, from what the page itself says.

Two sources, in this order:

1. the ``digest.yaml`` topic keywords the page speaks of (any topic's, not only the one it
   is filed under), strongest first: a keyword counts when the title names it or the body
   names it at least twice (one passing mention is not what a story is about);
2. the tags the page declares (HTML ``article:tag``, ``keywords``, ``news_keywords``), in
   the page's order.

Every tag is an ASCII slug (:func:`digest.ingest.slug.slugify`, so ``санкції`` is
``sanktsii``), tags are unique, and there are never more than :data:`MAX_TAGS`: a tag list
is for a reader's scan and a feed's categories, not an index of every word. The result
depends only on the page and digest.yaml, so re-ingesting gives the same list.
"""

from __future__ import annotations

from collections.abc import Iterable

from digest.config import Topic
from digest.ingest.slug import FALLBACK, slugify
from digest.ingest.topic import keyword_score

MAX_TAGS = 5
MIN_SCORE = 2  # a title mention (3), or two body mentions
MAX_LENGTH = 40  # a longer "tag" is a phrase of SEO filler, not a tag


def derive_tags(topics: Iterable[Topic], title: str, body: str, page_tags: Iterable[str] = (),
                lang: str | None = None) -> list[str]:
    """Up to :data:`MAX_TAGS` slug tags: matched keywords first, then the page's own tags."""
    found: dict[str, None] = {}
    for keyword in matched_keywords(topics, title, body):
        _add(found, keyword, lang)
    for tag in page_tags:
        _add(found, tag, lang)
    return list(found)[:MAX_TAGS]


def matched_keywords(topics: Iterable[Topic], title: str, body: str) -> list[str]:
    """The keywords the page speaks of, strongest first; ties keep digest.yaml's order."""
    title_folded, body_folded = title.casefold(), body.casefold()
    scored: dict[str, int] = {}
    for topic in topics:
        for keyword in topic.keywords:
            if keyword not in scored:
                scored[keyword] = keyword_score(keyword, title_folded, body_folded)
    order = {keyword: i for i, keyword in enumerate(scored)}
    strong = [k for k, score in scored.items() if score >= MIN_SCORE]
    return sorted(strong, key=lambda k: (-scored[k], order[k]))


def _add(found: dict[str, None], text: str, lang: str | None) -> None:
    if len(found) >= MAX_TAGS or len(text) > 4 * MAX_LENGTH:
        return
    if not any(ch.isalnum() for ch in text):
        return  # an emoji or punctuation: anyascii would spell it out as words
    slug = slugify(text, lang, max_length=4 * MAX_LENGTH)
    if slug == FALLBACK and text.strip().casefold() != FALLBACK:
        return
    if not 2 <= len(slug) <= MAX_LENGTH or slug.isdigit():
        return
    found.setdefault(slug, None)
