"""The story index: a new article is compared only with articles in its date window."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.grouping import assign
from digest.grouping.features import extract
from digest.grouping.index import WINDOW_DAYS, Entry, Keys, Packed, StoryIndex, day_of, page_keys

DAY = dt.date(2023, 8, 22)
TEXT = ("Danilov says Ukraine will liberate Crimea", "Oleksii Danilov said Crimea will be "
        "liberated by military means, Secretary of the NSDC told Radio Liberty.")


def _filled() -> StoryIndex:
    index = StoryIndex()
    for offset in range(-8, 9):  # 18 articles: every feature stays distinctive
        day = DAY + dt.timedelta(days=offset)
        index.add(Entry(f"a{offset:+03d}", f"s{offset:+03d}", day, "en", extract(*TEXT)))
    index.add(Entry("undated", "s-undated", None, "en", extract(*TEXT)))
    return index


def test_a_lookup_reads_only_the_days_of_the_window_and_the_undated():
    index = _filled()
    found = index.candidates(extract(*TEXT), DAY)
    days = {e.day for e in found}
    assert days == {DAY + dt.timedelta(days=d) for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1)} \
        | {None}
    assert index.looked_at <= {DAY + dt.timedelta(days=d)
                               for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1)} | {None}


def test_an_article_never_joins_a_story_told_outside_its_window():
    index = StoryIndex()
    index.add(Entry("old", "2023-08-10-danilov", DAY - dt.timedelta(days=12), "en",
                    extract(*TEXT)))
    story = assign.group(index, "new", extract(*TEXT), DAY, "en", "danilov-says")
    assert story == "2023-08-22-danilov-says"
    again = assign.group(index, "next", extract(*TEXT), DAY + dt.timedelta(days=1), "en", "x")
    assert again == "2023-08-22-danilov-says"


def test_a_feature_most_articles_share_does_not_find_candidates():
    index = StoryIndex()
    for i in range(60):
        index.add(Entry(f"k{i:02d}", f"s{i:02d}", DAY, "en",
                        extract(f"Ukraine item {i}", f"Ukraine report number {i}{i}.")))
    query = extract("Ukraine", "Ukraine again.")
    assert index.candidates(query, DAY) == []


def test_a_date_guessed_from_the_file_time_counts_as_no_date():
    when = dt.datetime(2026, 12, 6, 4, 9, tzinfo=dt.UTC)
    for weak in ("mtime", "text+mtime", "fetched", "http"):
        assert day_of(when, weak) is None
    assert day_of(when, "meta") == dt.date(2026, 12, 6)
    assert day_of(None, None) is None


def test_story_ids_are_date_and_slug_made_unique():
    assert assign.story_id(DAY, "a-title", set()) == "2023-08-22-a-title"
    assert assign.story_id(DAY, "a-title", {"2023-08-22-a-title"}) == "2023-08-22-a-title-2"
    assert assign.story_id(None, "a-title", set()) == "a-title"


def test_a_long_slug_gives_an_id_of_at_most_id_max_characters_ending_at_a_word():
    slug = "-".join(["word"] * 60)
    made = assign.story_id(DAY, slug, set())
    assert len(made) <= assign.ID_MAX and made.endswith("word") and made.startswith("2023-08-22-")


@pytest.mark.parametrize("cached_days", [1, 16])  # days read from disk, or from memory
def test_only_a_storys_members_near_the_date_and_the_undated_judge_a_new_article(
        cached_days, monkeypatch):
    monkeypatch.setattr("digest.grouping.index.CACHE_DAYS", cached_days)
    index = StoryIndex()
    other = ("Grain corridor talks resume in Istanbul", "Negotiators from Turkey and the UN "
             "met in Istanbul about Black Sea grain shipments from Odesa.")
    for offset in (-30, -20, -10):  # the story's older members tell something else
        index.add(Entry(f"old{offset}", "long-story", DAY + dt.timedelta(days=offset), "en",
                        extract(*other)))
    index.add(Entry("near", "long-story", DAY, "en", extract(*TEXT)))
    index.add(Entry("undated", "long-story", None, "en", extract(*TEXT)))
    assert [e.key for e in index.near("long-story", DAY + dt.timedelta(days=1))] == \
        ["near", "undated"]
    assert len(index.near("long-story", None)) == 5  # an undated article meets every day
    story = assign.group(index, "new", extract(*TEXT), DAY + dt.timedelta(days=1), "en", "x")
    assert story == "long-story"


def test_an_indexed_article_keeps_its_keys_in_name_order_and_its_headline_and_alphabet():
    index = StoryIndex()
    other = extract("Обстріл Одеси вночі", "Російські дрони атакували порт Одеси 23 серпня.")
    for key, features in (("a", extract(*TEXT)), ("b", other)):
        index.add(Entry(key, key, DAY, "en", features))
    for key, features in (("a", extract(*TEXT)), ("b", other)):
        kept = index.get(key).features
        assert kept.keyset() == tuple(sorted(features.keyset()))
        assert kept.keyset(cross_language=True) == tuple(sorted(features.portable))
        assert kept.title == features.title & features.keyset()
        assert kept.script == features.script


def test_features_sent_by_name_compare_as_the_features_themselves():
    """What a worker sends (Keys) and a waiting page keeps is numbered into the same arrays
    as the features packed at once, so a page grouped in the end-of-run pass scores exactly
    as one grouped as it came."""
    index = StoryIndex()
    index.add(Entry("a", "s-a", DAY, "en", extract(*TEXT)))
    other = ("Obstril Odesy", "Russian drones struck the port of Odesa on 23 August; Danilov "
             "said the NSDC would meet. Дрони атакували Одесу.")
    sent = page_keys(*other)
    assert sent == Keys.of(extract(*other))
    numbered, packed = Packed.numbered(index.table, sent), Packed.of(extract(*other), index.table)
    assert numbered.keyset() == packed.keyset() and numbered.title == packed.title
    assert numbered.keyset(cross_language=True) == packed.keyset(cross_language=True)
    by_name = Entry("b", "", DAY, "en", numbered)
    at_once = Entry("b", "", DAY, "en", extract(*other))
    assert assign.similarity(index, by_name, index.get("a")) == pytest.approx(
        assign.similarity(index, at_once, index.get("a")))
    assert assign.similarity(index, at_once, index.get("a")) > 0
    empty = page_keys("", "")
    assert Packed.numbered(index.table, empty).keyset() == ()


def test_a_removed_article_is_no_candidate_and_no_longer_counts_until_added_again():
    index = StoryIndex()
    index.add(Entry("a", "s-a", DAY, "en", extract(*TEXT)))
    alone = index.idf("n:dnlv")
    index.add(Entry("b", "s-b", DAY, "en", extract(*TEXT)))
    both = index.idf("n:dnlv")
    assert _keys(index.candidates(extract(*TEXT), DAY)) == ["a", "b"]
    kept = index.get("b").features
    index.remove("b")
    assert _keys(index.candidates(extract(*TEXT), DAY)) == ["a"]
    assert index.idf("n:dnlv") == alone
    index.add(Entry("b", "s-b", DAY + dt.timedelta(days=1), "en", kept))
    assert _keys(index.candidates(extract(*TEXT), DAY)) == ["a", "b"]
    assert index.idf("n:dnlv") == both


def test_an_undated_query_reads_every_day_and_the_undated_through_distinctive_features():
    index = _filled()
    found = _keys(index.candidates(extract(*TEXT), None))
    assert found == sorted(["undated", *(f"a{d:+03d}" for d in range(-8, 9))])
    assert index.looked_at == {DAY + dt.timedelta(days=d) for d in range(-8, 9)} | {None}
    assert index.candidates(extract("Weather", "Sunny and warm in the west today."), None) == []


def test_the_candidates_do_not_depend_on_how_many_articles_one_pass_reads(monkeypatch):
    index = StoryIndex()
    for i in range(40):  # two names each (each name in 8 articles), over 8 days and undated
        names = f"{NAMES[i % 10]} and {NAMES[(3 * i + 1) % 10]}"
        day = DAY + dt.timedelta(days=i % 8 - 4) if i % 5 else None
        index.add(Entry(f"k{i:02d}", f"s{i:02d}", day, "en",
                        extract(f"Report {i}", f"{names} met on {i}{i}.")))
    query = extract("Meeting", ", ".join(NAMES[:6]) + " met.")
    whole = [_keys(index.candidates(query, DAY)), _keys(index.candidates(query, None))]
    monkeypatch.setattr("digest.grouping.index.SCAN_ARTICLES", 3)
    assert [_keys(index.candidates(query, DAY)), _keys(index.candidates(query, None))] == whole
    assert 0 < len(whole[0]) < len(whole[1])


def _dense(monkeypatch, cached: int) -> tuple[list[str], list[list[str]], StoryIndex]:
    """Forty articles grouped over three days (a window denser than ``cached`` articles),
    then a lookup on each day: the stories, the candidates and the index."""
    monkeypatch.setattr("digest.grouping.index.CACHE_ARTICLES", cached)
    index = StoryIndex()
    stories = []
    for i in range(40):
        names = f"{NAMES[i % 10]} and {NAMES[(3 * i + 1) % 10]}"
        stories.append(assign.group(index, f"k{i:02d}", extract(f"{names} meet", f"{names} met "
                                    f"in Kyiv on day {i % 3}."), DAY + dt.timedelta(days=i % 3),
                                    "en", f"slug-{i}"))
    query = extract("Meeting", ", ".join(NAMES[:6]) + " met.")
    found = [_keys(index.candidates(query, DAY + dt.timedelta(days=d))) for d in range(3)]
    return stories, found, index


def test_a_window_denser_than_the_cache_is_read_in_part_from_disk_with_the_same_stories(
        monkeypatch):
    stories, found, whole = _dense(monkeypatch, 4096)
    assert whole.held == 40
    assert len(set(stories)) < 40 and all(found)
    for cached in (0, 5):
        assert _dense(monkeypatch, cached)[:2] == (stories, found)
        assert _dense(monkeypatch, cached)[2].held <= cached


NAMES = ["Kuleba", "Blinken", "Stoltenberg", "Borrell", "Yermak", "Sullivan", "Scholz",
         "Macron", "Duda", "Orban"]


def _keys(entries: list[Entry]) -> list[str]:
    return [e.key for e in entries]
