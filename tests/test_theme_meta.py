"""What links, readers and crawlers read from a page: titles, cards, JSON-LD, feeds, budgets."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import feedparser
from conftest import KYIV

HOSTILE = 'Talks </script><script>alert("x")</script> & <b>more</b>'
ARTICLE = "diplomacy/2023-W33/talks/index.html"


class _Head(HTMLParser):
    """Collects <meta>, <link> and JSON-LD blocks, and the <html lang>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.scripts: list[dict[str, str]] = []
        self.jsonld: list[str] = []
        self.lang = ""
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "meta" and ("name" in a or "property" in a):
            self.meta.setdefault(a.get("name") or a["property"], a.get("content", ""))
        elif tag == "link":
            self.links.append(a)
        elif tag == "script":
            self.scripts.append(a)
            self._in_ld = a.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.jsonld.append(data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False


def head(path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _talks(project, **meta):
    values = dict(topic="diplomacy", source="European Pravda", summary="A summary of the talks.",
                  source_url="https://www.eurointegration.com.ua/eng/news/2023/08/16/1/",
                  author="A. Writer", tags=["eu", "sanctions"])
    values.update(meta)
    return project.article("talks", **values)


def test_article_page_has_title_description_canonical_and_cards(project):
    _talks(project)
    project.build()
    h = head(project.site / ARTICLE)
    url = "https://example.github.io/digest/diplomacy/2023-W33/talks/"
    html = (project.site / ARTICLE).read_text()
    assert "<title>Title of talks · Test Digest</title>" in html
    assert {"rel": "canonical", "href": url} in h.links
    assert h.meta["description"] == "A summary of the talks."
    assert h.meta["og:type"] == "article" and h.meta["og:url"] == url
    assert h.meta["og:title"] == "Title of talks" and h.meta["og:site_name"] == "Test Digest"
    assert h.meta["og:description"] == "A summary of the talks."
    assert h.meta["twitter:card"] == "summary" and h.meta["twitter:title"] == "Title of talks"
    assert h.meta["article:published_time"] == "2023-08-16T09:27:00+03:00"


def test_json_ld_news_article(project):
    _talks(project, updated=dt.datetime(2023, 8, 17, 10, 0, tzinfo=KYIV))
    project.build()
    (block,) = head(project.site / ARTICLE).jsonld
    ld = json.loads(block)
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "NewsArticle"
    assert ld["headline"] == "Title of talks"
    assert ld["datePublished"] == "2023-08-16T09:27:00+03:00"
    assert ld["dateModified"] == "2023-08-17T10:00:00+03:00"
    assert ld["publisher"] == {"@type": "Organization", "name": "European Pravda"}
    assert ld["isBasedOn"] == "https://www.eurointegration.com.ua/eng/news/2023/08/16/1/"
    assert ld["author"] == {"@type": "Person", "name": "A. Writer"}


def test_a_date_only_article_shows_the_day_without_a_made_up_time(project):
    _talks(project, date=dt.date(2023, 8, 16))
    project.article("timed", topic="diplomacy", date=dt.datetime(2023, 8, 16, 9, 27,
                                                                 tzinfo=KYIV))
    project.build()
    shown = '<time datetime="2023-08-16"'
    for page in (ARTICLE, "weeks/2023-W33/index.html", "topics/diplomacy/index.html",
                 "index.html"):
        html = (project.site / page).read_text()
        talks = html[html.index("Title of talks"):]
        assert shown in talks and "00:00" not in talks[:talks.index("</time>")], page
    h = head(project.site / ARTICLE)
    ld = json.loads(h.jsonld[0])
    assert ld["datePublished"] == "2023-08-16" and ld["dateModified"] == "2023-08-16"
    assert h.meta["article:published_time"] == "2023-08-16"
    # feeds need a full date-time: the start of that day in the digest's timezone, so on
    # one day the article with a time comes first (newest first)
    rss = feedparser.parse(str(project.site / "feed.xml"))
    assert [e.published for e in rss.entries] == ["Wed, 16 Aug 2023 09:27:00 +0300",
                                                  "Wed, 16 Aug 2023 00:00:00 +0300"]
    items = json.loads((project.site / "feed.json").read_text())["items"]
    assert items[1]["date_published"] == "2023-08-16T00:00:00+03:00"


def test_json_ld_cannot_be_broken_out_of(project):
    project.article("talks", topic="diplomacy", source=HOSTILE, summary=HOSTILE)
    (project.root / "content/diplomacy/2023-W33/talks.md").write_text(
        (project.root / "content/diplomacy/2023-W33/talks.md").read_text().replace(
            "title: Title of talks", "title: " + json.dumps(HOSTILE)))
    project.build()
    h = head(project.site / ARTICLE)
    (block,) = h.jsonld
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)["headline"] == HOSTILE
    assert [s.get("type") for s in h.scripts] == ["application/ld+json"]


def test_html_lang_follows_the_article(project):
    _talks(project, lang="uk")
    project.build()
    assert head(project.site / ARTICLE).lang == "uk"
    assert head(project.site / "index.html").lang == "en"


def test_every_page_links_the_site_feeds_and_nothing_comes_from_another_host(project):
    _talks(project)
    project.build()
    for page in project.site.rglob("*.html"):
        h = head(page)
        alternates = {link["type"] for link in h.links if link.get("rel") == "alternate"}
        assert {"application/rss+xml", "application/atom+xml",
                "application/feed+json"} <= alternates, page
        for link in h.links:
            if link.get("rel") in ("stylesheet", "icon"):
                assert not re.match(r"^(https?:)?//", link["href"]), (page, link)
        for script in h.scripts:
            assert not re.match(r"^(https?:)?//", script.get("src", "")), (page, script)


def test_home_page_shows_the_latest_issue_with_counts_and_a_chart(project):
    for i, topic in enumerate(["war", "war", "diplomacy"]):
        project.article(f"a{i}", topic=topic, source="Outlet", summary=f"Summary {i}.",
                        date=dt.datetime(2023, 8, 14 + i, 9, 0, tzinfo=KYIV))
    project.article("old", date=dt.datetime(2023, 8, 1, 9, 0, tzinfo=KYIV))
    project.build()
    home = (project.site / "index.html").read_text()
    assert "Week 33, 2023" in home
    assert re.search(r'id="h-war">.*?War</a> <span class="count"[^>]*>2</span>', home)
    assert re.search(r'id="h-diplomacy">.*?Diplomacy</a> <span class="count"[^>]*>1</span>', home)
    stamp = '<time datetime="2023-08-16T09:00:00+03:00"'
    for text in ("Summary 2.", "Outlet", "1 min read", stamp):
        assert text in home
    assert '<svg class="chart"' in home and 'role="img"' in home
    assert "<table>" in home  # the chart's numbers, for readers who cannot see it
    assert 'rel="prev" href="weeks/2023-W31/"' in home and 'href="weeks/"' in home
    topic = (project.site / "topics/war/index.html").read_text()
    assert '<svg class="spark"' in topic


def test_feeds_page_lists_every_feed_and_is_in_the_sitemap(project):
    _talks(project)
    project.article("front")
    project.build()
    page = (project.site / "feeds/index.html").read_text()
    for href in ("../feed.xml", "../atom.xml", "../feed.json", "../weeks/feed.xml",
                 "../topics/war/feed.xml", "../topics/diplomacy/atom.xml", "../feeds.opml"):
        assert f'href="{href}"' in page, href
    assert "https://example.github.io/digest/topics/war/feed.xml" in page  # to copy
    assert "<loc>https://example.github.io/digest/feeds/</loc>" in (
        project.site / "sitemap.xml").read_text()
    assert 'href="../feeds/"' in (project.site / "topics/index.html").read_text()


def test_article_page_html_and_css_fit_the_budget(project):
    body = "\n\n".join("A paragraph of a long news article with many words. " * 12
                       for _ in range(12))
    _talks(project, body=body)
    project.build()
    size = len((project.site / ARTICLE).read_bytes())
    size += len((project.site / "static/style.css").read_bytes())
    assert size < 50_000


def test_stylesheet_has_dark_and_print_styles(project):
    project.article("one")
    project.build()
    css = (project.site / "static/style.css").read_text()
    assert "@media (prefers-color-scheme: dark)" in css and "@media print" in css
    assert "@import" not in css and "url(" not in css  # no fonts or images fetched
