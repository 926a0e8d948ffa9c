"""Feeds as a real reader sees them: parsed with feedparser, checked against the site."""

import datetime as dt
import email.utils
from pathlib import Path

import feedparser
import pytest
from conftest import KYIV
from sitecheck import file_for

from digest import feeds
from digest.config import Config
from digest.content import Article

ORIGIN = "https://example.github.io/digest/"
FEEDS = ("feed.xml", "atom.xml", "weeks/feed.xml", "weeks/atom.xml", "topics/war/feed.xml",
         "topics/war/atom.xml", "topics/diplomacy/feed.xml", "topics/diplomacy/atom.xml")


@pytest.fixture
def built(project):
    for day in range(1, 9):
        project.article(f"war-{day}", date=dt.datetime(2023, 8, day, 9, 0, tzinfo=KYIV),
                        source="Outlet", summary=f"Lead {day}.",
                        body=f"Body {day} with a [relative link](/about/) and ![i](pic.png).")
    project.article("talks", topic="diplomacy", date=dt.datetime(2023, 8, 20, 9, 0, tzinfo=KYIV),
                    id="urn:digest:talks")
    project.build()
    return project


@pytest.mark.parametrize("name", FEEDS)
def test_every_feed_parses_cleanly_with_complete_entries(built, name):
    parsed = feedparser.parse((built.site / name).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.entries
    for entry in parsed.entries:
        assert entry.title and entry.link and entry.id
        assert entry.get("published_parsed") or entry.get("updated_parsed")
    self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_links == [ORIGIN + name]


@pytest.mark.parametrize("name", FEEDS)
def test_every_link_in_a_feed_is_absolute_and_exists_in_the_site(built, name):
    parsed = feedparser.parse((built.site / name).read_bytes())
    links = [parsed.feed.link] + [e.link for e in parsed.entries]
    for entry in parsed.entries:
        for content in entry.get("content", []):
            links += [part.split('"')[1] for part in content.value.split('href=')[1:]
                      if part.startswith('"') and ORIGIN in part.split('"')[1]]
    for link in links:
        assert link.startswith(ORIGIN), link
        target = file_for(built.site, link.split("#")[0], ORIGIN)
        assert target is not None and target.is_file(), link


def test_item_html_carries_full_content_with_absolute_urls(built):
    entries = feedparser.parse((built.site / "feed.xml").read_bytes()).entries
    entry = next(e for e in entries if e.title == "Title of war-8")
    html = entry.content[0].value
    assert 'href="https://example.github.io/about/"' in html
    assert 'src="https://example.github.io/digest/war/2023-W32/war-8/pic.png"' in html
    assert entry.summary == "Lead 8."


def test_guid_is_the_article_id_not_a_url(built):
    rss = (built.site / "feed.xml").read_text()
    assert '<guid isPermaLink="false">urn:digest:talks</guid>' in rss
    atom = feedparser.parse((built.site / "atom.xml").read_bytes())
    assert "urn:digest:talks" in [e.id for e in atom.entries]


def test_ids_survive_a_new_base_url_and_a_moved_article(built):
    before = {e.id for e in feedparser.parse((built.site / "feed.xml").read_bytes()).entries}
    talks = built.root / "content/diplomacy/2023-W33/talks.md"
    moved = built.root / "content/war/2023-W33/talks-renamed.md"
    moved.parent.mkdir(parents=True, exist_ok=True)
    moved.write_text(talks.read_text().replace("topic: diplomacy", "topic: war"))
    talks.unlink()
    built.build(base_url="http://other.example/x/")
    after = {e.id for e in feedparser.parse((built.site / "feed.xml").read_bytes()).entries}
    assert after == before


def test_last_build_date_is_the_newest_item_not_now(built):
    parsed = feedparser.parse((built.site / "feed.xml").read_bytes())
    stamp = (built.site / "feed.xml").read_text().split("<lastBuildDate>")[1].split("<")[0]
    assert email.utils.parsedate_to_datetime(stamp) == dt.datetime(2023, 8, 20, 9, 0, tzinfo=KYIV)
    assert parsed.entries[0].id == "urn:digest:talks"  # newest first


def article(n: int, day: int, size: int = 10) -> Article:
    return Article(file=Path(f"x/{n}.md"), topic="war", week="2023-W31", slug=f"a{n}",
                   title=f"A{n}", date=dt.datetime(2023, 8, day, tzinfo=KYIV), body="",
                   id=f"urn:digest:{n:03d}", html="<p>" + "x" * size + "</p>")


def test_item_limit_and_stable_tie_break():
    config = Config(feed_limit=3)
    items = [article(n, 1 + n % 2) for n in range(6)]
    out = feeds.build_feeds(items, [], config)
    ids = [e.id for e in feedparser.parse(out["feed.xml"]).entries]
    assert ids == ["urn:digest:005", "urn:digest:003", "urn:digest:001"]
    assert feeds.build_feeds(list(reversed(items)), [], config)["feed.xml"] == out["feed.xml"]


def test_feeds_stay_within_the_byte_budget():
    config = Config(feed_limit=50, feed_max_bytes=200_000)
    items = [article(n, 1 + n % 28, size=20_000) for n in range(50)]
    out = feeds.build_feeds(items, [], config)
    assert all(len(out[name]) <= 200_000 for name in ("feed.xml", "atom.xml"))
    assert len(feedparser.parse(out["feed.xml"]).entries) >= 5


def test_xml_invalid_characters_never_break_a_feed():
    bad = article(1, 1)
    bad.title = "Bell\x07 and \x00 null"
    bad.html = "<p>form\x0cfeed</p>"
    out = feeds.build_feeds([bad], [], Config())
    parsed = feedparser.parse(out["feed.xml"])
    assert parsed.bozo == 0 and parsed.entries[0].title == "Bell and  null"


def test_opml_lists_every_feed(built):
    opml = (built.site / "feeds.opml").read_text()
    for name in FEEDS:
        assert f'xmlUrl="{ORIGIN}{name}"' in opml


def test_every_page_links_its_feeds(built):
    for page in ("index.html", "topics/war/index.html", "war/2023-W32/war-8/index.html"):
        html = (built.site / page).read_text()
        assert f'type="application/rss+xml" title="All articles (RSS)" href="{ORIGIN}feed.xml"' \
            in html
    topic_page = (built.site / "topics/war/index.html").read_text()
    assert f'href="{ORIGIN}topics/war/feed.xml"' in topic_page


def test_a_feed_over_the_budget_keeps_the_newest_items_the_step_down_allows():
    """Items are dropped a quarter at a time (50, 37, 27, 20, 15, 11, 8): the first count
    that fits is kept, in both files, whatever the counts passed over on the way cost."""
    config = Config(feed_limit=50, feed_max_bytes=200_000)
    items = [article(n, 1 + n % 28, size=20_000) for n in range(50)]
    out = feeds.build_feeds(items, [], config)
    newest = sorted(items, key=lambda a: (a.date, a.id), reverse=True)[:8]
    for name in ("feed.xml", "atom.xml"):
        assert [e.id for e in feedparser.parse(out[name]).entries] == [a.id for a in newest]


def test_the_weekly_issues_feed_over_its_budget_keeps_the_newest_weeks(project):
    """Each item is a whole week; over the budget the oldest weeks go, as in every feed."""
    for week in range(12):
        for n in range(6):
            day = dt.datetime(2023, 6, 5, 9, n, tzinfo=KYIV) + dt.timedelta(weeks=week)
            project.article(f"w{week}-{n}", date=day,
                            title=f"A long headline number {n} of week {week} " + "x" * 120)
    project.add_config("feed_max_bytes: 12000\n")
    project.build()
    newest = [f"urn:digest:issue:2023-W{23 + week:02d}" for week in reversed(range(12))]
    for name in ("weeks/feed.xml", "weeks/atom.xml"):
        data = (project.site / name).read_bytes()
        ids = [e.id for e in feedparser.parse(data).entries]
        assert len(data) <= 12_000 and 1 <= len(ids) < 12
        assert ids == newest[: len(ids)]
    rss_ids = [e.id for e in feedparser.parse((project.site / "weeks/feed.xml").read_bytes())
               .entries]
    atom_ids = [e.id for e in feedparser.parse((project.site / "weeks/atom.xml").read_bytes())
                .entries]
    assert rss_ids == atom_ids
