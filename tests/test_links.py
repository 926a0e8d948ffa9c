"""No broken internal link, stylesheet or feed link, under a subpath and at the root."""

import datetime as dt
import urllib.request

import pytest
from conftest import KYIV
from sitecheck import broken_links, serve


def populate(project):
    for day in range(1, 25, 3):
        topic = "war" if day % 2 else "diplomacy"
        project.article(f"story-{day}", topic=topic,
                        date=dt.datetime(2023, 8, day, 9, 0, tzinfo=KYIV))


@pytest.mark.parametrize("base_url", ["https://example.github.io/digest/", "https://example.org/"])
def test_no_broken_internal_links(project, base_url):
    populate(project)
    project.build(base_url=base_url)
    assert broken_links(project.site, base_url) == []


def test_served_under_a_subpath_every_link_answers(project, tmp_path):
    populate(project)
    root = tmp_path / "www"
    root.mkdir()
    with serve(root) as origin:
        project.build(base_url=origin + "digest/", out=root / "digest")
        assert broken_links(root / "digest", origin + "digest/") == []
        for path in ("digest/", "digest/weeks/", "digest/static/style.css", "digest/feed.xml"):
            with urllib.request.urlopen(origin + path) as response:
                assert response.status == 200


def test_404_page_links_work_from_any_depth(project):
    populate(project)
    project.build()
    html = (project.site / "404.html").read_text()
    assert 'href="/digest/static/style.css"' in html
    assert 'href="/digest/weeks/"' in html
