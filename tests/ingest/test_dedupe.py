"""The same page twice, the same text, or a syndicated near-copy is recognised as not new."""

from __future__ import annotations

import hashlib
import random

from digest.ingest.dedupe import DedupeIndex, fingerprint, resemblance

STORY = (
    "The US Department of State has reported that Russia is determined to increase military "
    "cooperation with North Korea. Patel said North Korea continues to provide military support "
    "to Russia in its aggressive war against Ukraine. In addition, Russian Defence Minister "
    "Sergei Shoigu visited North Korea to persuade Pyongyang to sell more weapons. Patel added "
    "that any security cooperation or weapons trade between North Korea and Russia would violate "
    "a number of UN Security Council resolutions. The United States will not hesitate to impose "
    "sanctions against North Korea for supplying weapons to the Russian Federation."
)
OTHER = (
    "Heavy rain flooded the streets of Odesa on Tuesday evening, leaving several districts "
    "without electricity. City officials said repair crews worked through the night and most "
    "homes had power again by morning. Forecasters expect more storms along the Black Sea coast "
    "later this week, and residents were asked to avoid low-lying roads near the port."
)


def test_same_raw_file_names_the_original():
    index = DedupeIndex()
    index.add("raw/a.txt", STORY, raw_sha256="abc")
    dup = index.check("anything", raw_sha256="abc")
    assert dup is not None and dup.original == "raw/a.txt"
    assert "duplicate of raw/a.txt" in dup.reason()


def test_same_text_with_different_markup_and_spacing():
    index = DedupeIndex()
    index.add("content/x.md", STORY)
    reformatted = "> " + STORY.replace(". ", ".\n\n").upper()
    dup = index.check(reformatted)
    assert dup is not None and dup.kind == "same text" and dup.original == "content/x.md"


def test_syndicated_copy_with_small_edits_is_a_near_duplicate():
    index = DedupeIndex()
    index.add("content/original.md", STORY)
    copy = STORY.replace("Patel added", "The spokesman added").replace(
        "on Tuesday", "on Wednesday") + " Reuters contributed to this report."
    dup = index.check(copy)
    assert dup is not None and dup.kind == "near-duplicate"
    assert dup.original == "content/original.md"
    assert 0.8 <= dup.similarity < 1.0
    assert "near-duplicate of content/original.md" in dup.reason()


def test_different_stories_are_new():
    index = DedupeIndex()
    index.add("content/original.md", STORY)
    assert index.check(OTHER) is None
    half = " ".join(STORY.split()[: len(STORY.split()) // 2]) + " " + OTHER
    assert index.check(half) is None


def test_ignored_labels_do_not_count():
    index = DedupeIndex()
    index.add("content/original.md", STORY, raw_sha256="abc")
    assert index.check(STORY, "abc", ignore=frozenset({"content/original.md"})) is None


def test_short_bodies_are_never_duplicates_by_text():
    # two different pages whose cleaned bodies came out as the same sidebar
    sidebar = ("Most read: Kyiv metro hours change. Weather: rain expected on Friday. "
               "Subscribe to our daily briefing for the headlines.")
    index = DedupeIndex()
    index.add("a", sidebar)
    assert index.check(sidebar) is None
    assert index.check(sidebar.upper()) is None


def test_the_same_file_is_a_duplicate_however_short():
    index = DedupeIndex()
    index.add("raw/a.txt", "Short note.", raw_sha256="abc")
    assert index.check("Short note.", raw_sha256="abc") is not None


def test_the_reason_names_the_originals_other_file_too():
    index = DedupeIndex()
    index.add("raw/a.txt", STORY, "abc", note="article content/war/2023-W33/x.md")
    dup = index.check(STORY)
    assert dup is not None
    assert dup.reason() == ("duplicate of raw/a.txt (same article text; "
                            "article content/war/2023-W33/x.md)")


def _random_story(rng: random.Random) -> str:
    return " ".join(f"w{rng.randrange(20000)}" for _ in range(120)) + "."


def test_near_copies_are_found_among_thousands_of_articles():
    # 700 articles: enough sketch hashes that the index keeps them as merged sorted runs
    # as well as recent ones; a copy of an early, a middle and the latest article is
    # each traced to its own original, by sha, by text and by resemblance
    rng = random.Random(7)
    stories = [_random_story(rng) for _ in range(700)]
    index = DedupeIndex()
    for i, story in enumerate(stories):
        index.add(f"content/{i}.md", story, raw_sha256=hashlib.sha256(story.encode()).hexdigest())
    for i in (3, 350, 699):
        words = stories[i].split()
        edited = " ".join(words[:60] + ["changed"] + words[61:])
        near = index.check(edited)
        assert near is not None and near.kind == "near-duplicate"
        assert near.original == f"content/{i}.md"
        assert index.check(stories[i].upper()).original == f"content/{i}.md"
        same = index.check("x", hashlib.sha256(stories[i].encode()).hexdigest())
        assert same is not None and same.kind == "same file" and same.original == f"content/{i}.md"
    assert index.check(_random_story(rng)) is None


def test_a_copy_is_a_near_duplicate_exactly_when_it_resembles_its_original_enough():
    # copies edited more and more, around the threshold: the index names the most similar
    # stored article whenever one resembles the copy at 0.8 or more, as a comparison with
    # every stored article would
    rng = random.Random(11)
    stored = [_random_story(rng) for _ in range(30)]
    index = DedupeIndex()
    for i, story in enumerate(stored):
        index.add(f"content/{i}.md", story)
    sketches = {f"content/{i}.md": fingerprint(s).sketch for i, s in enumerate(stored)}
    near = far = 0
    for n in range(200):
        words = stored[n % len(stored)].split()
        for _ in range(rng.randrange(1, 12)):
            words[rng.randrange(len(words))] = f"x{rng.randrange(10**6)}"
        printed = fingerprint(" ".join(words))
        best = max((resemblance(printed.sketch, s), label) for label, s in sketches.items())
        found = index.check(printed)
        if best[0] >= 0.8:
            near += 1
            assert found is not None and found.similarity == best[0]
        else:
            far += 1
            assert found is None
    assert near > 30 and far > 30  # both sides of the threshold were tried
