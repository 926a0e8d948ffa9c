"""The signal that names a page's outlet, in order: a dump's URL line, an HTML page's URL,
site name, publisher, title and footer; and the outlet digest ingest writes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.config import Config
from digest.ingest.html import extract_html
from digest.ingest.pipeline import ingest
from digest.report import Reporter
from tests.ingest.outlets.sample import EN, html_page, outlet_of, page


def test_a_dump_with_a_url_line_takes_the_outlet_of_its_host():
    assert outlet_of(page(EN), url="https://kyivindependent.com/some-story/") == (
        "Kyiv Independent", "url")


@pytest.mark.parametrize("head, foot, name, signal", [
    ('<link rel="canonical" href="https://kyivindependent.com/air-defence/">', "",
     "Kyiv Independent", "url"),
    ('<meta property="og:site_name" content="Meduza">', "", "Meduza", "site"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
     '{"@type": "Organization", "name": "Kyiv Post"}}</script>', "", "Kyiv Post", "publisher"),
    ("<title>Air defence systems deployed | Suspilne</title>", "", "Suspilne", "title"),
    ("<title>Air defence systems deployed</title>", "<p>© 2023 Hromadske</p>", "Hromadske",
     "copyright"),
])
def test_an_html_page_names_its_outlet(head, foot, name, signal):
    ex = extract_html(html_page(head, foot))
    assert (ex.outlet, ex.outlet_source) == (name, signal)


def test_a_site_name_that_only_contains_an_outlets_name_is_kept_as_printed():
    """NBC's Dallas station is not NBC News."""
    ex = extract_html(html_page('<meta property="og:site_name" content="NBC 5 Dallas-Fort Worth">'))
    assert (ex.outlet, ex.outlet_source) == ("NBC 5 Dallas-Fort Worth", "site")


def test_the_declared_site_name_wins_over_an_application_name_holding_the_title():
    head = ('<meta name="application-name" content="Anglers gather in Rostock - ANGLER WEEKLY">'
            '<meta property="og:site_name" content="ANGLER WEEKLY">')
    assert extract_html(html_page(head)).outlet == "ANGLER WEEKLY"
    alone = '<meta name="application-name" content="Angler Weekly">'
    assert extract_html(html_page(alone)).outlet == "Angler Weekly"


def test_ingest_writes_the_outlet_found_in_the_page_footer(tmp_path: Path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text(
        page(EN, bottom="© 2023 Kyiv Post. All rights reserved."), encoding="utf-8")
    config = Config(root=tmp_path, timezone="Europe/Kyiv")
    report = ingest([tmp_path / "raw"], config, Reporter(quiet=True))
    [written] = report.written
    front = (tmp_path / written.article).read_text(encoding="utf-8").split("---")[1]
    assert yaml.safe_load(front)["source"] == "Kyiv Post"
