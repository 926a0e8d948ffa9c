"""JSON Feed 1.1 (``feed.json``) for the whole site, written with the json module.

feedgen has no JSON Feed writer, so this module serialises the same items the
site's RSS and Atom feeds carry (:func:`digest.feeds.story_item`, one per story, newest
first by :func:`digest.feeds.newest`, capped at ``feed_limit`` and at the byte
budget) with ``json.dumps(sort_keys=True)``: the same digest gives the same
bytes, so the file's ETag only changes when an item does. Every URL is
absolute, ids are the stories' first articles' stable ids (never derived from a
URL), and dates are RFC 3339 with the article's own offset; an item's language
is its lead article's.
"""

from __future__ import annotations

import json
from typing import Any

from digest import urls
from digest.config import Config
from digest.content import Article
from digest.feeds import Item, as_stories, latest, newest, story_inputs, story_item, xml_text
from digest.fingerprint import fingerprint
from digest.stories import Story

VERSION = "https://jsonfeed.org/version/1.1"
MIME_TYPE = "application/feed+json"


def item_json(item: Item, lang: str | None) -> dict[str, Any]:
    """One JSON Feed item; optional members are left out rather than written empty."""
    data: dict[str, Any] = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "content_html": item.html,
        "summary": item.summary,
        "date_published": item.date.isoformat(),
        "date_modified": item.updated.isoformat(),
    }
    if item.creator:
        data["authors"] = [{"name": item.creator}]
    if item.categories:
        data["tags"] = list(item.categories)
    if lang:
        data["language"] = lang
    return data


def feed_json(config: Config, items: list[Item], langs: dict[str, str | None]) -> dict[str, Any]:
    site = urls.Site(config.base_url)
    return {
        "version": VERSION,
        "title": config.title,
        "description": config.description,
        "home_page_url": site.absolute(urls.HOME),
        "feed_url": site.absolute(urls.FEED_JSON),
        "language": config.language,
        "authors": [{"name": config.title}],
        "items": [item_json(i, langs.get(i.id)) for i in items],
    }


def _dumps(data: dict[str, Any]) -> bytes:
    # ensure_ascii=False keeps Cyrillic readable and small (json still escapes
    # control characters); xml_text drops lone surrogates and U+FFFE/U+FFFF,
    # which scraped pages sometimes carry and which cannot be encoded as UTF-8.
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1)
    return (xml_text(text) + "\n").encode()


def build(stories: list[Story] | list[Article], config: Config) -> bytes:
    """``feed.json``: the site feed's items, dropping the oldest until it fits the byte budget.

    ``stories`` may be all of them or only the newest ``feed_limit`` (the build passes
    those, already chosen): the feed is the same. Articles are grouped into stories.
    """
    site = urls.Site(config.base_url)
    chosen = latest(as_stories(stories, config), config.feed_limit)
    items = newest((story_item(s, site) for s in chosen), config.feed_limit)
    langs = {s.guid: s.lead.lang or config.language for s in chosen}
    while True:
        data = _dumps(feed_json(config, items, langs))
        if len(data) <= config.feed_max_bytes or len(items) <= 1:
            return data
        items = items[: max(1, len(items) * 3 // 4)]


def key(chosen: list[Story]) -> str:
    """What ``feed.json`` of the newest stories shows: their articles, their leads' languages
    (the configuration aside): equal keys, equal bytes."""
    return fingerprint(urls.FEED_JSON, story_inputs(chosen), [s.lead.lang for s in chosen])
