"""A story told by several outlets, in Debian's chromium at a phone and a desktop width.

The weekly issue shows the story once: its lead's headline and the coverage line
with the other outlets, visible without scrolling sideways, with zero serious or
critical axe-core violations; the story page and an article page's "Also covered
by" list read as well.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import KYIV, Project

from .conftest import Served, Server, build_site
from .pages import VIEWPORTS, check_page, save_axe

pytestmark = pytest.mark.browser
STORY = "2023-08-24-lars-von-trier-f16-post"
LONG_TITLE = ("Ларс фон Трієр опублікував допис про винищувачі F-16 для України "
              "і закликав союзників поквапитися з постачанням")


@pytest.fixture(scope="module")
def story_site(server: Server, tmp_path_factory: pytest.TempPathFactory) -> Served:
    root = tmp_path_factory.mktemp("stories")
    project = Project(root / "proj")

    def when(day: int, hour: int) -> dt.datetime:
        return dt.datetime(2023, 8, day, hour, 0, tzinfo=KYIV)

    project.article("trier-ep", topic="diplomacy", date=when(24, 10), source="European Pravda",
                    lang="en", story=STORY, summary="The director posted about F-16 jets.",
                    title="Lars von Trier posts in support of F-16 deliveries to Ukraine")
    project.article("trier-up", topic="war", date=when(24, 9), source="Ukrainska Pravda",
                    lang="uk", story=STORY, title=LONG_TITLE)
    project.article("trier-kp", topic="war", date=when(24, 12), source="Kyiv Post", lang="en",
                    story=STORY, title="Danish director backs jets for Kyiv")
    project.article("alone", topic="war", date=when(23, 9), source="Outlet",
                    title="A story told once")
    return build_site(server, "stories", project.root, project.root / "site")


@pytest.mark.parametrize("mode", ["390-light", "1280-light", "1280-dark"])
def test_the_issue_shows_the_lead_and_coverage_line(browser, axe_source, screenshots,
                                                    story_site: Served, mode: str):
    viewport, scheme = VIEWPORTS[mode]
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(story_site.page_url("weeks/2023-W34/"))
        cards = tab.locator(".story-card")
        assert cards.count() == 1
        card = cards.first
        headline = card.locator(".card-title a")
        assert headline.inner_text() == "Lars von Trier posts in support of F-16 deliveries " \
            "to Ukraine"
        coverage = card.locator(".coverage a")
        assert coverage.is_visible() and coverage.inner_text() == \
            "Covered by 3 outlets in 2 languages"
        others = card.locator(".also li")
        assert others.count() == 2 and "Ukrainska Pravda" in others.first.inner_text()
        assert "Ukrainian" in others.first.inner_text()
        box, width = coverage.bounding_box(), viewport["width"]
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        coverage.click()
        tab.wait_for_url(story_site.page_url(f"stories/{STORY}/"))
        assert tab.locator(".timeline li").count() == 3
        tab.close()
        reports = [check_page(context, story_site, name, path, axe_source,
                              screenshots / f"stories-{name}-{mode}.png")
                   for name, path in (("issue", "weeks/2023-W34/"),
                                      ("story", f"stories/{STORY}/"),
                                      ("article", "war/2023-W34/trier-up/"),
                                      ("topic", "topics/war/"))]
    finally:
        context.close()
    save_axe(screenshots, f"stories-{mode}", reports)
    problems = [p for r in reports for p in r.problems()]
    assert problems == []

