"""Is a page for this digest? ``--only-matching`` (config ``only_matching``) keeps only pages
in one of the digest's languages that match at least one topic's keywords.

An archive of the world's news (a CC-NEWS month) is mostly pages no digest wants; without
this every one of them would become an article under ``default_topic``. The test is the
one topic choice uses (:func:`digest.ingest.topic.score_topics`, word-prefix keywords in any
language), and the page's language is what extraction found, else a guess from its text.
"""

from __future__ import annotations

from digest.config import Config
from digest.ingest.lang import detect


def primary(tag: str) -> str:
    """``en`` of ``en-GB``: languages are compared by their primary subtag."""
    return tag.replace("_", "-").split("-")[0].strip().lower()


def wanted_languages(config: Config) -> frozenset[str]:
    """The digest's languages: ``languages`` when given, else ``language``."""
    return frozenset(primary(tag) for tag in (config.languages or (config.language,)))


def has_keywords(config: Config) -> bool:
    return any(topic.keywords for topic in config.topics)


def unwanted(config: Config, topic: str | None, body: str, lang: str | None) -> str | None:
    """Why the page is not kept (a short reason the report counts), or None to keep it;
    ``topic`` is the one its keywords chose (:func:`digest.ingest.topic.score_topics`)."""
    found = primary(lang or detect(body) or config.language)
    if found not in wanted_languages(config):
        return f"language {found}"
    if topic is None:
        return "no topic keyword"
    return None
