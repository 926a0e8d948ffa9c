"""Undated pages end to end: ingest keeps them for review, check lists them, build leaves them
out, and once an editor dates one, ``digest review --publish`` puts it in the site."""

from __future__ import annotations

import json
import re

import feedparser
import pytest
from click.testing import CliRunner
from conftest import Project

from digest import frontmatter
from digest.cli import main

LEAD = ("Danish filmmaker Lars von Trier defended himself on Thursday, August 24, after a "
        "controversial post about the air defence deliveries caused a stir in the press.")
PAGE = ("Home News Politics\n\nVon Trier defends his post on air defence\n\nBy staff\n\n"
        f"{LEAD}\n\nThe director said that he had only stated the obvious about the war and "
        "its cost, and that he would not delete the post.\n\nAll News\n")
UNDATED = ("Ukrainian forces recapture territory in the south\n\nThe Defense Forces of Ukraine "
           "recaptured some territories in the Tavria direction, the commander said.\n\n"
           "The Russian army lost 242 soldiers in the past day, he added on Telegram.\n")
REVIEW = "content/_review/von-trier-defends-his-post-on-air-defence.md"


def digest(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def proj(project: Project, monkeypatch) -> Project:
    monkeypatch.chdir(project.root)
    raw = project.root / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(PAGE, encoding="utf-8")
    return project


def _ingest():
    return digest("ingest", "raw")


def test_an_undated_page_is_kept_listed_left_out_then_published_once_dated(proj: Project):
    result = _ingest()
    assert result.exit_code == 0, result.output  # kept for review is not a failure
    assert f"kept for review as {REVIEW}" in result.output
    assert "kept for review 1" in result.output
    review = proj.root / REVIEW
    text = review.read_text()
    assert "\ndate: null\n" in text and LEAD in text  # nothing of the page is lost

    checked = digest("check")
    assert checked.exit_code == 0, checked.output
    assert f"{REVIEW}:3: kept for review, not in the site" in checked.output
    assert "add 'date: YYYY-08-24'" in checked.output

    built = digest("build")
    assert built.exit_code == 0, built.output
    assert "1 article kept for review in content/_review/ (not built)" in built.output
    site = proj.site
    assert not list(site.rglob("*von-trier*"))
    assert "von-trier" not in (site / "sitemap.xml").read_text()
    assert feedparser.parse(str(site / "feed.xml")).entries == []

    again = _ingest()  # the same raw page is already in the project, under review
    assert f"already ingested as {REVIEW}" in again.output
    assert len(list((proj.root / "content").rglob("*.md"))) == 1

    review.write_text(text.replace("date: null", "date: 2023-08-24"))
    published = digest("review", "--publish")
    assert published.exit_code == 0, published.output
    target = proj.root / "content/general/2023-W34/von-trier-defends-his-post-on-air-defence.md"
    assert not review.exists() and target.is_file()
    doc = frontmatter.parse(target.read_text())
    assert "review" not in doc.meta and doc.body.strip() == frontmatter.parse(text).body.strip()
    assert "review: published 1, 0 still waiting" in published.output

    built = digest("build")
    assert built.exit_code == 0 and "kept for review" not in built.output
    page = (site / "general/2023-W34/von-trier-defends-his-post-on-air-defence/index.html")
    assert '<time datetime="2023-08-24" data-pagefind-meta="date">24 August 2023</time>' in \
        page.read_text()
    [entry] = feedparser.parse(str(site / "feed.xml")).entries
    assert entry.title == "Von Trier defends his post on air defence"
    assert entry.published == "Thu, 24 Aug 2023 00:00:00 +0300"  # the start of that day
    assert "von-trier-defends-his-post-on-air-defence/" in (site / "sitemap.xml").read_text()
    assert "already ingested as content/general/2023-W34/" in _ingest().output
    assert digest("check").exit_code == 0


def test_publish_leaves_undated_and_invalid_files_where_they_are(proj: Project):
    (proj.root / "raw" / "b.txt").write_text(UNDATED, encoding="utf-8")
    assert _ingest().exit_code == 0
    review = proj.root / REVIEW
    review.write_text(review.read_text().replace("date: null", "date: 2023-08-24 14:00"))
    result = digest("review", "--publish")
    assert result.exit_code == 1
    assert f"{REVIEW}:3: 'date' has a time but no UTC offset" in result.output
    assert "still waiting: content/_review/ukrainian-forces-recapture-territory-in-the-south.md"\
        in result.output
    assert len(list((proj.root / "content/_review").glob("*.md"))) == 2
    listed = digest("review")
    assert "review: 2 articles kept for review" in listed.output


def test_a_published_file_never_overwrites_an_article(proj: Project):
    _ingest()
    review = proj.root / REVIEW
    target = proj.root / "content/general/2023-W34/von-trier-defends-his-post-on-air-defence.md"
    target.parent.mkdir(parents=True)
    target.write_text("hand-written\n")
    review.write_text(review.read_text().replace("date: null",
                                                 "date: 2023-08-24T10:00:00+03:00"))
    assert digest("review", "--publish").exit_code == 0
    assert target.read_text() == "hand-written\n"
    assert (target.parent / "von-trier-defends-his-post-on-air-defence-2.md").is_file()


def test_the_ingest_json_report_counts_articles_kept_for_review(proj: Project):
    result = digest("ingest", "--json", "raw")
    report = json.loads(result.stdout)
    assert report["counts"]["review"] == 1
    [entry] = report["files"]
    assert entry["status"] == "review" and entry["article"] == REVIEW
    assert re.search(r"without a year .* add 'date: YYYY-08-24'", entry["reason"])


HEADLESS = ("Wednesday, 16 August 2023, 09:27\n\n"
            "Ukrainian officials said on Wednesday that the new air defence systems delivered "
            "by partners have already been deployed near the capital.\n\n"
            "The minister told reporters that the systems would protect critical infrastructure "
            "during the coming winter.\n")
UNTITLED = ("content/_review/ukrainian-officials-said-on-wednesday-that-the-new-air-defence-"
            "systems-delivered.md")
HEADLINE = "Air defence systems deployed near Kyiv"


def test_a_page_without_a_headline_is_kept_listed_left_out_then_published_once_titled(
        proj: Project):
    (proj.root / "raw" / "a.txt").write_text(HEADLESS, encoding="utf-8")
    result = _ingest()
    assert result.exit_code == 0, result.output
    assert f"kept for review as {UNTITLED}: no headline found on the page" in result.output
    review = proj.root / UNTITLED
    text = review.read_text()
    assert text.startswith("---\ntitle: null\n")  # not the lead sentence

    checked = digest("check")
    assert checked.exit_code == 0, checked.output
    assert f"{UNTITLED}:2: kept for review, not in the site: no headline found" in \
        checked.output
    assert "add 'title: ...'" in checked.output

    built = digest("build")
    assert built.exit_code == 0, built.output
    assert "1 article kept for review in content/_review/ (not built)" in built.output
    assert not list(proj.site.rglob("*ukrainian-officials*"))
    assert feedparser.parse(str(proj.site / "feed.xml")).entries == []

    assert f"already ingested as {UNTITLED}" in _ingest().output

    refused = digest("review", "--publish")  # dated, but no headline: it stays
    assert refused.exit_code == 1
    assert f"{UNTITLED}:2: no 'title'" in refused.output and "add 'title: ...'" in refused.output
    assert review.is_file()

    review.write_text(text.replace("title: null", f"title: {HEADLINE}"))
    published = digest("review", "--publish")
    assert published.exit_code == 0, published.output
    target = proj.root / "content/general/2023-W33/air-defence-systems-deployed-near-kyiv.md"
    assert not review.exists() and target.is_file()  # named after its title now
    assert "review" not in frontmatter.parse(target.read_text()).meta

    built = digest("build")
    assert built.exit_code == 0 and "kept for review" not in built.output
    [entry] = feedparser.parse(str(proj.site / "feed.xml")).entries
    assert entry.title == HEADLINE
    page = proj.site / "general/2023-W33/air-defence-systems-deployed-near-kyiv/index.html"
    assert HEADLINE in page.read_text()
    assert digest("check").exit_code == 0


def test_a_page_with_neither_headline_nor_date_waits_for_both(proj: Project):
    (proj.root / "raw" / "a.txt").unlink()
    (proj.root / "raw" / "b.txt").write_text(HEADLESS.split("\n\n", 1)[1], encoding="utf-8")
    assert _ingest().exit_code == 0
    review = proj.root / UNTITLED
    text = review.read_text()
    assert "\ntitle: null\ndate: null\n" in text
    checked = digest("check")
    assert re.search(rf"{re.escape(UNTITLED)}:2: .*no date on the page.*; and no headline",
                     checked.output)
    review.write_text(text.replace("date: null", "date: 2023-08-16"))
    refused = digest("review", "--publish")
    assert refused.exit_code == 1 and f"{UNTITLED}:2: no 'title'" in refused.output
    review.write_text(review.read_text().replace("title: null", f"title: {HEADLINE}"))
    assert digest("review", "--publish").exit_code == 0
    assert (proj.root / "content/general/2023-W33/air-defence-systems-deployed-near-kyiv.md"
            ).is_file()


def test_build_counts_only_the_files_review_would_list(proj: Project, tmp_path):
    _ingest()
    outside = tmp_path / "elsewhere.md"
    outside.write_text("---\ntitle: not here\n---\n")
    (proj.root / "content" / "_review" / "linked.md").symlink_to(outside)
    built = digest("build")
    assert "1 article kept for review in content/_review/ (not built)" in built.output
