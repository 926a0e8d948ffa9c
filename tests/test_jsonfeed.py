"""feed.json: a valid JSON Feed 1.1 with the site feed's items, absolute URLs, stable bytes."""

from __future__ import annotations

import datetime as dt
import json

from conftest import KYIV

from digest import jsonfeed
from digest.store import load


def _feed(project) -> dict:
    return json.loads((project.site / "feed.json").read_bytes())


def test_feed_json_has_the_required_members_and_absolute_urls(project):
    project.article("talks", topic="diplomacy", source="European Pravda", author="A. Writer",
                    summary="Talks in <Brussels> & more.", tags=["eu"], lang="uk",
                    body="See [the list](../other/) and [this](https://example.org/x).")
    project.build()
    feed = _feed(project)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Test Digest"
    assert feed["home_page_url"] == "https://example.github.io/digest/"
    assert feed["feed_url"] == "https://example.github.io/digest/feed.json"
    (item,) = feed["items"]
    assert item["url"] == "https://example.github.io/digest/diplomacy/2023-W33/talks/"
    assert item["id"].startswith("urn:digest:")  # the stable id, not the URL
    assert item["summary"] == "Talks in <Brussels> & more."
    assert item["date_published"] == "2023-08-16T09:27:00+03:00"  # RFC 3339, with offset
    assert item["authors"] == [{"name": "A. Writer"}]
    assert item["tags"] == ["diplomacy", "eu"]
    assert item["language"] == "uk"
    link = 'href="https://example.github.io/digest/diplomacy/2023-W33/other/"'
    assert link in item["content_html"]


def test_items_are_the_site_feeds_newest_first_and_capped(project):
    project.add_config("feed_limit: 3\n")
    for day in range(1, 6):
        project.article(f"a{day}", date=dt.datetime(2023, 8, day, 9, 0, tzinfo=KYIV))
    project.build()
    titles = [i["title"] for i in _feed(project)["items"]]
    assert titles == ["Title of a5", "Title of a4", "Title of a3"]


def test_bytes_are_stable_and_keys_sorted(project, tmp_path):
    project.article("one", summary="Київ — ще одна новина")
    project.build(out=tmp_path / "a")
    project.build(out=tmp_path / "b")
    one, two = (tmp_path / "a/feed.json").read_bytes(), (tmp_path / "b/feed.json").read_bytes()
    assert one == two
    data = json.loads(one)
    assert one.decode() == json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
    assert "Київ" in one.decode()  # readable UTF-8, not \\u escapes


def test_byte_budget_drops_the_oldest_items(project):
    project.add_config("feed_max_bytes: 6000\n")
    for day in range(1, 9):
        project.article(f"a{day}", date=dt.datetime(2023, 8, day, 9, 0, tzinfo=KYIV),
                        body="Words " * 200)
    articles_config = project.config()
    articles, _ = load(articles_config)
    assert all("Words Words" in a.html for a in articles)  # loading renders the bodies
    data = jsonfeed.build(articles, articles_config)
    items = json.loads(data)["items"]
    assert len(data) <= 6000 and 1 <= len(items) < 8
    assert items[0]["title"] == "Title of a8"


def test_feed_json_is_announced_on_pages_and_listed_in_opml(project):
    project.article("one")
    project.build()
    home = (project.site / "index.html").read_text()
    assert ('<link rel="alternate" type="application/feed+json" title="All articles (JSON Feed)" '
            'href="https://example.github.io/digest/feed.json">') in home
    assert 'xmlUrl="https://example.github.io/digest/feed.json"' in (
        project.site / "feeds.opml").read_text()
