"""Topics come from the editor's keywords, in any language; front matter and --topic win."""

from __future__ import annotations

from digest.config import Config, Topic
from digest.ingest.topic import choose_topic

CONFIG = Config(
    topics=(
        Topic("diplomacy", "Diplomacy", ("diplomat", "embassy", "sanction", "санкці", "посол")),
        Topic("war", "War", ("missile", "shelling", "обстріл", "ракет", "front line")),
        Topic("economy", "Economy", ("econom", "inflation", "экономик")),
    ),
    default_topic="general",
)


def test_keywords_match_word_prefixes_case_insensitively():
    assert choose_topic(CONFIG, "New SANCTIONS announced", "") == ("diplomacy", "keywords")
    assert choose_topic(CONFIG, "Inflation slows", "") == ("economy", "keywords")


def test_keywords_do_not_match_inside_words():
    assert choose_topic(CONFIG, "Premissile", "") == ("general", "default")


def test_keywords_in_other_languages():
    assert choose_topic(CONFIG, "Нові санкції проти Росії", "")[0] == "diplomacy"
    assert choose_topic(CONFIG, "Ракетний обстріл Києва", "")[0] == "war"
    assert choose_topic(CONFIG, "Рост экономики", "")[0] == "economy"


def test_multi_word_keywords_match_the_phrase():
    assert choose_topic(CONFIG, "Along the front  line", "")[0] == "war"
    assert choose_topic(CONFIG, "The front door", "")[0] == "general"


def test_title_weighs_more_than_body():
    body = "A diplomat spoke. The embassy said nothing."
    assert choose_topic(CONFIG, "Missile strike on Odesa", body)[0] == "war"


def test_body_alone_decides_when_the_title_says_nothing():
    assert choose_topic(CONFIG, "Tuesday briefing", "The embassy confirmed")[0] == "diplomacy"


def test_default_topic_when_nothing_matches():
    assert choose_topic(CONFIG, "Weather", "Sunny") == ("general", "default")


def test_forced_topic_and_existing_front_matter_win():
    assert choose_topic(CONFIG, "Missile", "", forced="culture") == ("culture", "forced")
    assert choose_topic(CONFIG, "Missile", "", existing="economy") == ("economy", "front matter")
