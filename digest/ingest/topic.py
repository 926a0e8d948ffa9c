"""Choose an article's topic from the keywords in digest.yaml.

Keywords are written by an editor in any language and matched as word prefixes, case-folded,
so ``sanction`` matches "Sanctions" and ``санкці`` matches "санкцій". A hit in the title counts
more than one in the body: a title says what the story is about, a body mentions much else.
The choice order is: ``--topic`` on the command line, then the topic already in the article's
front matter (an editor's decision is never undone by re-ingesting), then keywords, then the
configured default topic.
"""

from __future__ import annotations

import re
from functools import lru_cache

from digest.config import Config, Topic

TITLE_WEIGHT = 3
BODY_CAP = 5  # one keyword repeated all over a long body must not outweigh the title


def choose_topic(
    config: Config,
    title: str,
    body: str,
    *,
    forced: str | None = None,
    existing: str | None = None,
) -> tuple[str, str]:
    """Return ``(topic_slug, why)`` where ``why`` is "forced", "front matter", "keywords" or
    "default"."""
    if forced or existing:
        return decide_topic(config, None, forced=forced, existing=existing)
    return decide_topic(config, score_topics(config.topics, title, body))


def decide_topic(config: Config, scored: str | None, *, forced: str | None = None,
                 existing: str | None = None) -> tuple[str, str]:
    """:func:`choose_topic` with the keyword score already taken (``scored``: the best
    topic, or None), so that scoring can run with the per-page work, away from the writer."""
    if forced:
        return forced, "forced"
    if existing:
        return existing, "front matter"
    if scored:
        return scored, "keywords"
    return config.default_topic, "default"


def score_topics(topics: tuple[Topic, ...], title: str, body: str) -> str | None:
    """The topic with the highest keyword score, or None when no keyword matches.

    Ties go to the topic listed first in digest.yaml (the editor's order is a preference).
    """
    title_folded, body_folded = title.casefold(), body.casefold()
    best, best_score = None, 0
    for topic in topics:
        score = sum(keyword_score(k, title_folded, body_folded) for k in topic.keywords)
        if score > best_score:
            best, best_score = topic.slug, score
    return best


def keyword_score(keyword: str, title_folded: str, body_folded: str) -> int:
    """How strongly a page (case-folded title and body) speaks of ``keyword``; 0 if not at all."""
    pattern = _pattern(keyword)
    if pattern is None:
        return 0
    return (TITLE_WEIGHT * len(pattern.findall(title_folded))
            + min(BODY_CAP, len(pattern.findall(body_folded))))


@lru_cache(maxsize=1024)
def _pattern(keyword: str) -> re.Pattern[str] | None:
    """A keyword matches at the start of a word; a multi-word keyword matches its phrase."""
    words = keyword.casefold().split()
    if not words:
        return None
    phrase = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){phrase}")
