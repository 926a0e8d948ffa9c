"""Tags: the digest's keywords a page speaks of, then the page's own tags; slugs, at most 5."""

from __future__ import annotations

from digest.config import Topic
from digest.ingest.tags import MAX_TAGS, derive_tags

TOPICS = (
    Topic("war", "War", ("drone", "missile", "air defence", "атака")),
    Topic("diplomacy", "Diplomacy", ("sanction", "санкції", "State Department", "talks")),
)


def test_keywords_named_in_the_title_or_twice_in_the_body_become_tags():
    body = "A drone hit a depot. Another drone was shot down. Talks were mentioned once."
    assert derive_tags(TOPICS, "Missile strike on Odesa", body) == ["missile", "drone"]


def test_strongest_keyword_first_ties_in_digest_yaml_order():
    body = "sanctions sanctions sanctions; drone drone; missile missile"
    assert derive_tags(TOPICS, "No keyword here", body) == ["sanction", "drone", "missile"]


def test_tags_are_ascii_slugs_in_any_language():
    tags = derive_tags(TOPICS, "Нові санкції після атака на порт",
                       "State Department said. The State Department added.")
    assert tags == ["ataka", "sanktsii", "state-department"]
    assert all(t.isascii() for t in tags)


def test_page_tags_follow_the_keywords_and_duplicates_collapse():
    tags = derive_tags(TOPICS, "Drone attack", "", ["Drone", "North Korea", "Росія", "🙂", "2023"])
    assert tags == ["drone", "north-korea", "rosiia"]


def test_never_more_than_five():
    page = [f"Tag number {i}" for i in range(20)]
    tags = derive_tags(TOPICS, "Missile, drone and air defence talks on sanctions", "", page)
    assert len(tags) == MAX_TAGS
    assert tags == ["drone", "missile", "air-defence", "sanction", "talks"]


def test_long_seo_phrases_are_not_tags():
    filler = "best cheap flights to kyiv and lviv this summer with free cancellation"
    assert derive_tags(TOPICS, "Nothing", "", [filler, "Kyiv"]) == ["kyiv"]


def test_no_match_no_tags():
    assert derive_tags(TOPICS, "Weather in Lviv", "Rain on Friday.") == []
