"""`digest ingest` end to end on real files: what is written, skipped and failed, and why."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import SHARED

from digest import frontmatter, progress
from digest.config import Config, Source, Topic
from digest.ingest.cli import ingest as ingest_command
from digest.ingest.pipeline import ingest
from digest.report import Reporter

SEED = SHARED / "corpus" / "news" / "000_124f943da4d3affc.txt"

LEAD = [
    "Ukrainian officials said on Wednesday that the new air defence systems delivered by "
    "partners have already been deployed near the capital.",
    "The minister told reporters that the systems would protect critical infrastructure during "
    "the coming winter, when attacks are expected to intensify.",
    "According to him, several more batteries are due to arrive before the end of the year, and "
    "crews have completed their training abroad.",
]
OTHER = [
    "Heavy rain flooded the streets of Odesa on Tuesday evening, leaving several districts "
    "without electricity for most of the night.",
    "City officials said repair crews worked through the night and most homes had power again "
    "by morning, though some streets stayed closed.",
]
RU = [
    "Министр обороны заявил в среду, что новые системы противовоздушной обороны уже развернуты "
    "вблизи столицы.",
    "По его словам, до конца года прибудут еще несколько батарей, а экипажи завершили "
    "подготовку за границей.",
]
UK = [
    "Міністр оборони заявив у середу, що нові системи протиповітряної оборони вже розгорнуті "
    "поблизу столиці.",
    "За його словами, до кінця року прибудуть ще кілька батарей, а екіпажі завершили "
    "підготовку за кордоном.",
]


def dump(title: str, paragraphs: list[str], dateline: str = "Wednesday, 16 August 2023, 09:27"):
    """A text dump shaped like a scraped news page: menu, headline, dateline, body, chrome."""
    return (
        "Home News Politics\nSupport Us\n\n" + title + "\n\n" + dateline + "\n\n"
        + "\n\n".join(paragraphs) + "\n\nAll News\nAdvertisement:\n"
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "raw").mkdir()
    return tmp_path


def config(root: Path, **kw) -> Config:
    return Config(
        root=root,
        timezone="Europe/Kyiv",
        topics=(Topic("war", "War", ("air defence", "missile", "ППО", "ПВО")),
                Topic("diplomacy", "Diplomacy", ("cooperation", "sanction"))),
        default_topic="general",
        sources=(Source("European Pravda", ("Ukrainska Pravda",), "Europe/Kyiv",
                        ("pravda.com.ua",)),),
        **kw,
    )


def run(root: Path, *paths, **kw):
    reporter = Reporter(quiet=True)
    report = ingest([root / p for p in paths] or [root / "raw"], config(root), reporter, **kw)
    return report


def articles(root: Path) -> list[Path]:
    content = root / "content"
    return sorted(content.rglob("*.md")) if content.exists() else []


def read(path: Path) -> frontmatter.Document:
    return frontmatter.parse(path.read_text(encoding="utf-8"))


def test_a_page_becomes_an_article_in_its_topic_and_week(project):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence near Kyiv", LEAD))
    report = run(project)
    assert [r.status for r in report.results] == ["written"]
    [path] = articles(project)
    assert path.relative_to(project).as_posix() == (
        "content/war/2023-W33/ukraine-deploys-new-air-defence-near-kyiv.md")
    assert report.results[0].article == path.relative_to(project).as_posix()
    doc = read(path)
    assert doc.meta["title"] == "Ukraine deploys new air defence near Kyiv"
    assert doc.meta["date"] == dt.datetime(2023, 8, 16, 9, 27,
                                           tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert doc.meta["raw"] == "raw/a.txt"
    assert doc.meta["id"] == "urn:digest:" + doc.meta["raw_sha256"][:16]
    assert "Support Us" not in doc.body and LEAD[0] in doc.body


@pytest.mark.corpus
def test_the_seed_page_gives_the_expected_article(project):
    if not SEED.exists():
        pytest.skip(f"../shared/corpus not present: {SEED}")
    (project / "raw" / SEED.name).write_bytes(SEED.read_bytes())
    report = run(project)
    assert report.written and not report.failed
    [path] = articles(project)
    assert path.relative_to(project / "content").as_posix() == (
        "diplomacy/2023-W33/russia-seeks-to-increase-military-cooperation-with-north-korea.md")
    doc = read(path)
    meta = doc.meta
    assert list(meta)[:3] == ["title", "date", "topic"]
    assert meta["title"] == "Russia seeks to increase military cooperation with North Korea"
    assert meta["date"].isoformat() == "2023-08-16T09:27:00+03:00"
    assert meta["source"] == "European Pravda"
    assert meta["attribution"].startswith("Source: Vedant Patel, Principal Deputy Spokesperson")
    assert meta["raw"] == f"raw/{SEED.name}"
    assert meta["id"] == "urn:digest:" + meta["raw_sha256"][:16]
    assert meta["lang"] == "en" and meta["draft"] is False
    assert meta["date_source"] == "dateline"
    assert '> Quote: "I will also note' in doc.body
    assert "## Background" in doc.body
    assert "- The US Department of State reported" in doc.body
    for chrome in ("Support Us", "Advertisement", "RECENT NEWS", "Follow Ukrainska Pravda",
                   "Source: Vedant"):
        assert chrome not in doc.body


def test_the_same_page_twice_is_written_once_and_names_the_original(project):
    text = dump("Ukraine deploys new air defence near Kyiv", LEAD)
    (project / "raw" / "a.txt").write_text(text)
    (project / "raw" / "b.txt").write_text(text)
    report = run(project)
    assert [r.status for r in report.results] == ["written", "skipped"]
    assert report.results[1].reason == (
        "duplicate of raw/a.txt (same file contents; "
        "article content/war/2023-W33/ukraine-deploys-new-air-defence-near-kyiv.md)")
    assert len(articles(project)) == 1


def test_two_pages_whose_short_bodies_came_out_identical_are_both_written(project):
    # the cleaner kept only the site's sidebar from two different stories
    sidebar = ["Kyiv metro changes its hours from Monday, the city council said today.",
               "Rain is expected on Friday and the weekend should be warm and dry."]
    (project / "raw" / "a.txt").write_text(dump("Talks on grain exports resume in Istanbul",
                                                sidebar))
    (project / "raw" / "b.txt").write_text(dump("Drone attack damages port in Izmail", sidebar))
    report = run(project)
    assert [r.status for r in report.results] == ["written", "written"]
    assert len(articles(project)) == 2


def test_a_duplicate_of_an_article_already_in_content_names_it_and_its_raw_page(project):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence", LEAD))
    run(project)
    (project / "raw" / "b.txt").write_text(dump("Same story, other outlet", LEAD, "16.08.2023"))
    [result] = run(project, "raw/b.txt").results
    assert result.status == "skipped"
    assert result.reason == ("duplicate of content/war/2023-W33/ukraine-deploys-new-air-defence.md"
                             " (same article text; from raw/a.txt)")


def test_a_syndicated_copy_with_small_edits_is_a_near_duplicate(project):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence", LEAD))
    edited = [LEAD[0].replace("on Wednesday", "on Wednesday morning"), *LEAD[1:],
              "Reuters contributed to this report."]
    (project / "raw" / "b.txt").write_text(dump("Kyiv gets new air defence systems", edited))
    report = run(project)
    assert [r.status for r in report.results] == ["written", "skipped"]
    assert report.results[1].reason.startswith("near-duplicate of raw/a.txt")


def test_reingest_never_overwrites_an_edited_article(project):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence", LEAD))
    run(project)
    [path] = articles(project)
    edited = path.read_text(encoding="utf-8").replace(LEAD[1], "An editor rewrote this.")
    path.write_text(edited, encoding="utf-8")
    report = run(project)
    assert report.results[0].status == "skipped"
    assert report.results[0].reason == f"already ingested as {path.relative_to(project).as_posix()}"
    assert path.read_text(encoding="utf-8") == edited


def test_force_replaces_but_keeps_a_backup_and_the_editors_topic(project):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence", LEAD))
    run(project)
    [path] = articles(project)
    edited = path.read_text(encoding="utf-8").replace("topic: war", "topic: diplomacy")
    path.write_text(edited, encoding="utf-8")
    report = run(project, force=True)
    [result] = report.results
    assert result.status == "written" and result.backup
    assert (project / result.backup).read_text(encoding="utf-8") == edited
    [new_path] = articles(project)
    assert new_path.parent.parent.name == "diplomacy"  # front matter wins over keywords
    assert read(new_path).meta["id"] == read(project / result.backup).meta["id"]


def test_dry_run_writes_nothing_but_reports_the_paths(project):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence", LEAD))
    (project / "raw" / "b.txt").write_text(dump("Ukraine deploys new air defence", OTHER))
    report = run(project, dry_run=True)
    assert [r.article for r in report.results] == [
        "content/war/2023-W33/ukraine-deploys-new-air-defence.md",
        "content/war/2023-W33/ukraine-deploys-new-air-defence-2.md",  # claimed, not written
    ]
    assert not (project / "content").exists()


def test_same_titles_get_unique_slugs(project):
    (project / "raw" / "a.txt").write_text(dump("Air defence update", LEAD))
    other = [*OTHER, "Missile debris fell."]
    (project / "raw" / "b.txt").write_text(dump("Air defence update", other))
    run(project)
    names = [p.name for p in articles(project)]
    assert names == ["air-defence-update-2.md", "air-defence-update.md"]


RU_TITLE, RU_SLUG = "Щит над столицей: новые системы ПВО", "shchit-nad-stolitsey-novye-sistemy-pvo"
UK_TITLE, UK_SLUG = "Щит над столицею: нові системи ППО", "shchyt-nad-stolytseiu-novi-systemy-ppo"


@pytest.mark.parametrize(
    ("encoding", "paragraphs", "title", "slug"),
    [
        ("cp1251", RU, RU_TITLE, RU_SLUG),
        ("koi8_r", RU, RU_TITLE, RU_SLUG),
        ("utf-16-le", UK, UK_TITLE, UK_SLUG),
        ("cp1251", UK, UK_TITLE, UK_SLUG),
    ],
)
def test_undeclared_cyrillic_encodings(project, encoding, paragraphs, title, slug):
    text = dump(title, paragraphs, "16.08.2023 09:27")
    (project / "raw" / "page.txt").write_bytes(text.encode(encoding))
    report = run(project)
    assert report.results[0].status == "written", report.results[0]
    [path] = articles(project)
    assert path.name == f"{slug}.md"
    doc = read(path)
    assert doc.meta["title"] == title
    assert paragraphs[0] in doc.body


def test_mojibake_is_repaired_and_reported(project):
    text = dump("Щит над столицей: новые системы ПВО", RU, "16.08.2023 09:27")
    (project / "raw" / "page.txt").write_text(text.encode("utf-8").decode("cp1251"), "utf-8")
    report = run(project)
    [result] = report.results
    assert result.status == "written"
    assert any("mojibake" in w for w in result.warnings)
    assert RU[0] in read(project / result.article).body


def test_failures_and_skips_do_not_stop_the_run(project):
    raw = project / "raw"
    (raw / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "notes.pdf").write_bytes(b"%PDF")
    (raw / "sub").mkdir()
    (raw / "sub" / "good.txt").write_text(dump("Ukraine deploys new air defence", LEAD))
    report = run(project)
    by_file = {r.file: r for r in report.results}
    assert by_file["raw/binary.txt"].status == "failed"
    assert "not text" in by_file["raw/binary.txt"].reason
    assert by_file["raw/empty.txt"].status == "skipped"
    assert by_file["raw/empty.txt"].reason == "no article found"
    assert by_file["raw/notes.pdf"].status == "skipped"
    assert "not a page" in by_file["raw/notes.pdf"].reason
    assert by_file["raw/sub/good.txt"].status == "written"


FUTURE = dt.datetime(2030, 6, 1, 12, 0, tzinfo=dt.UTC).timestamp()  # a copy made "later"


def test_a_page_without_a_date_is_kept_for_review_never_dated_by_the_file_time(project):
    path = project / "raw" / "a.txt"
    path.write_text(dump("Ukraine deploys new air defence", LEAD, "By staff"))
    os.utime(path, (FUTURE, FUTURE))
    [result] = run(project).results
    assert result.status == "review"
    assert result.article == "content/_review/ukraine-deploys-new-air-defence.md"
    assert "no date on the page" in result.reason and "date:" in result.reason
    doc = read(project / result.article)
    assert doc.meta["date"] is None and "no date on the page" in doc.meta["review"]
    assert doc.meta["topic"] == "war" and LEAD[0] in doc.body  # nothing of the page is lost
    assert "2030" not in (project / result.article).read_text()


NO_HEADLINE = "Wednesday, 16 August 2023, 09:27\n\n" + "\n\n".join(LEAD) + "\n"
PROVISIONAL = ("content/_review/ukrainian-officials-said-on-wednesday-that-the-new-air-defence-"
               "systems-delivered.md")


def test_a_page_without_a_headline_is_kept_for_review_never_titled_by_its_lead(project):
    (project / "raw" / "a.txt").write_text(NO_HEADLINE)
    [result] = run(project).results
    assert result.status == "review"
    assert result.article == PROVISIONAL  # named after its first words, for now
    assert result.reason.startswith("no headline found on the page")
    assert "add 'title: ...'" in result.reason
    doc = read(project / result.article)
    assert doc.meta["title"] is None  # never the lead sentence
    assert doc.meta["date"] == dt.datetime(2023, 8, 16, 9, 27,
                                           tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert doc.meta["review"] == result.reason and LEAD[0] in doc.body
    assert [p.relative_to(project).as_posix() for p in articles(project)] == [PROVISIONAL]


SLOGANED = "Fresh Thinking For Curious Minds\n\nHome | World | Politics\n\n" + NO_HEADLINE


def test_a_site_slogan_above_the_article_is_no_headline_the_page_waits_for_review(project):
    # Shaped as a headline and standing above the article, but not one word of it comes again
    # in the article: the site's slogan, not the story's headline. Never published as its title.
    (project / "raw" / "a.txt").write_text(SLOGANED)
    [result] = run(project).results
    assert result.status == "review" and result.article == PROVISIONAL
    assert result.reason.startswith("no headline found on the page")
    doc = read(project / result.article)
    assert doc.meta["title"] is None and LEAD[0] in doc.body


def test_the_same_page_with_its_headline_in_the_slogans_place_is_published(project):
    (project / "raw" / "a.txt").write_text(SLOGANED.replace(
        "Fresh Thinking For Curious Minds", "Air Defence Systems Deployed Near The Capital"))
    [result] = run(project).results
    assert result.status == "written"
    assert read(project / result.article).meta["title"] == (
        "Air Defence Systems Deployed Near The Capital")


SLIDES = [("Harbour ferries return after the storm",
           "The first boats left the northern quay on Monday morning after a week in port."),
          ("Farmers count the cost of a wet summer",
           "Harvests in the south fell by a third, the growers' union said on Friday."),
          ("Museum reopens its restored great hall",
           "Visitors queued around the square for the first look at the painted ceiling."),
          ("City council approves the new tram line",
           "Construction of the eleven-kilometre line is due to start next spring.")]
SPONSORED = ("World is sponsored by\nWorld is sponsored by\n"
             "Air Defence Systems Deployed Near The Capital\n16 August 2023\n\n"
             + "\n\n".join(LEAD) + "\n\nWorld news in pictures\n"
             + "".join(f"{n}/4 {title}\n{caption}\n" for n, (title, caption)
                       in enumerate(SLIDES, 1)))


def test_a_sponsor_label_and_a_gallery_of_other_stories_stay_out_of_the_article(project):
    # a section's sponsor on top of the head, a gallery of other stories under the article:
    # the published article has its own headline and its own text only
    (project / "raw" / "a.txt").write_text(SPONSORED)
    [result] = run(project).results
    assert result.status == "written"
    doc = read(project / result.article)
    assert doc.meta["title"] == "Air Defence Systems Deployed Near The Capital"
    assert all(line in doc.body for line in LEAD)
    assert not any(title in doc.body or caption in doc.body for title, caption in SLIDES)


def test_a_page_with_neither_headline_nor_date_gives_both_reasons_in_one_line(project):
    (project / "raw" / "a.txt").write_text("\n\n".join(LEAD) + "\n")
    [result] = run(project).results
    assert result.status == "review" and result.article == PROVISIONAL
    doc = read(project / result.article)
    assert doc.meta["title"] is None and doc.meta["date"] is None
    assert re.fullmatch(r"no date on the page .*; and no headline found on the page .*",
                        doc.meta["review"])


def test_a_page_without_a_headline_ingested_again_is_already_ingested(project):
    (project / "raw" / "a.txt").write_text(NO_HEADLINE)
    run(project)
    [again] = run(project).results
    assert again.status == "skipped" and again.reason == f"already ingested as {PROVISIONAL}"
    assert len(articles(project)) == 1


def test_a_date_without_a_year_takes_the_pages_year_never_the_file_time(project):
    path = project / "raw" / "a.txt"
    lead = ["Danish filmmaker Lars von Trier defended himself on Thursday, August 24, after a "
            "controversial post caused a stir in the press and among politicians.", *LEAD[1:]]
    path.write_text(dump("Von Trier defends his post", lead, "By staff")
                    + "© 2025 Example Media. All rights reserved.\n")
    os.utime(path, (FUTURE, FUTURE))
    [result] = run(project).results
    assert result.status == "written"
    doc = read(project / result.article)
    # the one Thursday, August 24 within three years before the 2025 notice
    assert doc.meta["date"] == dt.date(2023, 8, 24)
    assert doc.meta["date_source"] == "text+copyright"
    assert "/2023-W34/" in result.article


_YEARLESS_LEAD = [
    "Danish filmmaker Lars von Trier defended himself on Thursday, August 24, after a "
    "controversial post caused a stir in the press and among politicians.", *LEAD[1:]]


@pytest.mark.parametrize("title, lead, stamp, said", [
    pytest.param("Von Trier defends his post", _YEARLESS_LEAD, "By staff",
                 ['"Thursday, August 24" without a year', "date: YYYY-08-24"],
                 id="a date without a year and no evidence of the year"),
    pytest.param("Ukraine deploys new air defence", LEAD, "By staff | 11/01/2021",
                 ["2021-01-11 (day first) or 2021-11-01 (month first)",
                  "add 'date: 2021-01-11' or 'date: 2021-11-01'"],
                 id="a date that reads both ways, with both readings"),
])
def test_a_page_whose_date_is_unsure_is_kept_for_review_saying_what_to_add(
        project, title, lead, stamp, said):
    path = project / "raw" / "a.txt"
    path.write_text(dump(title, lead, stamp))
    os.utime(path, (FUTURE, FUTURE))  # the file's time is never the page's date
    [result] = run(project).results
    assert result.status == "review"
    assert all(words in result.reason for words in said), result.reason


def test_a_date_that_reads_both_ways_is_read_as_the_pages_other_dates_show(project):
    path = project / "raw" / "a.txt"
    path.write_text(dump("Ukraine deploys new air defence", LEAD, "By staff | 11/01/2021")
                    + "Comment by Anna, 11/14/2021\n")
    [result] = run(project).results
    assert result.status == "written"
    assert read(project / result.article).meta["date"] == dt.date(2021, 11, 1)


def test_a_fetch_time_never_dates_a_page(project):
    path = project / "raw" / "a.txt"
    path.write_text(dump("Ukraine deploys new air defence", LEAD, "By staff"))
    (project / "raw" / "a.txt.provenance.json").write_text(json.dumps(
        {"url": "https://news.example.org/world/a", "fetched": "2030-06-01T12:00:00+00:00"}))
    [result] = run(project).results
    assert result.status == "review"
    assert "it was fetched on 2030-06-01, which is not when it was published" in result.reason


def test_fresh_copies_of_the_corpus_are_dated_by_their_pages_or_kept_for_review(
        project, shared_corpus):
    news = shared_corpus / "news"
    for page in sorted(news.glob("*.txt")):
        copy = project / "raw" / page.name
        copy.write_bytes(page.read_bytes())
        os.utime(copy, (FUTURE, FUTURE))
    for result in run(project).results:
        gold = json.loads((news / Path(result.file).name.replace(".txt", ".gold.json"))
                          .read_text(encoding="utf-8"))
        date = read(project / result.article).meta["date"]
        if result.status == "review":
            assert date is None and result.file.endswith(("007_027621619fbdb9f1.txt",
                                                          "028_0b3a1a30a8e13b42.txt",
                                                          "041_1515089992ea7710.txt"))
        else:  # the gold's day (its wall-clock day when it shows a time)
            assert result.status == "written" and gold["date"][:10] == str(date)[:10], result


def test_a_date_after_the_ingest_day_is_kept_for_review_not_put_on_top(project):
    (project / "raw" / "a.txt").write_text(
        dump("Ukraine deploys new air defence", LEAD, "Wednesday, 16 August 2090, 09:27"))
    [result] = run(project).results
    assert result.status == "review"
    assert "2090-08-16T09:27:00+03:00 (from the dateline) is after the day it was ingested" \
        in result.reason
    assert "date_source" not in read(project / result.article).meta


def test_the_corpus_page_with_a_year_less_date_is_not_dated_by_a_fresh_copy(project):
    source = SHARED / "corpus" / "news" / "007_027621619fbdb9f1.txt"
    if not source.exists():
        pytest.skip(f"evaluation corpus not present at {source.parent}")
    path = project / "raw" / source.name
    path.write_bytes(source.read_bytes())
    os.utime(path, (FUTURE, FUTURE))
    [result] = run(project).results
    assert result.status == "review"  # "Thursday, August 24": 2017? 2023? 2028? the page never says
    assert "2030" not in (project / result.article).read_text()


def test_a_date_hint_line_is_the_first_fallback(project):
    (project / "raw" / "a.txt").write_text(
        " date 2023-08-16 All Sections\n" + dump("Ukraine deploys new air defence", LEAD, "x"))
    [result] = run(project).results
    doc = read(project / result.article)
    assert doc.meta["date"] == dt.date(2023, 8, 16)  # a day: no made-up time
    assert doc.meta["date_source"] in ("hint", "meta")


def test_forced_topic(project):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence", LEAD))
    run(project, topic="culture")
    [path] = articles(project)
    assert path.parent.parent.name == "culture"
    assert read(path).meta["topic"] == "culture"


def test_raw_files_outside_the_project_are_named_by_file_name(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "page.txt"
    outside.write_text(dump("Ukraine deploys new air defence", LEAD))
    report = ingest([outside], config(project), Reporter(quiet=True))
    assert read(project / report.results[0].article).meta["raw"] == "page.txt"


def test_html_pages_are_ingested(project):
    html = (
        "<html lang='en'><head><title>Air defence arrives | Kyiv Daily</title>"
        "<meta property='og:site_name' content='Kyiv Daily'>"
        "<meta property='article:published_time' content='2023-08-16T09:27:00+03:00'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><h1>Air defence arrives</h1>"
        + "".join(f"<p>{p}</p>" for p in LEAD)
        + "</article><footer>© Kyiv Daily</footer></body></html>"
    )
    (project / "raw" / "page.html").write_text(html)
    [result] = run(project).results
    assert result.status == "written", result
    doc = read(project / result.article)
    assert doc.meta["title"] == "Air defence arrives"
    assert doc.meta["source"] == "Kyiv Daily"
    assert doc.meta["date"].isoformat() == "2023-08-16T09:27:00+03:00"
    assert LEAD[2] in doc.body and "Home" not in doc.body


def test_a_site_the_registry_lacks_is_the_articles_source_by_its_own_lines(project):
    # a dump saved from a small site: its masthead prints its web address, its menu "X
    # Home", its footer a notice; nothing else names it
    page = ("GadgetWire.com\nGadget Wire Home\nReviews\n\n" + dump("Air defence arrives", LEAD)
            + "Gadget Wire may receive a commission on purchases made through our links.\n")
    (project / "raw" / "a.txt").write_text(page)
    [result] = run(project).results
    assert result.status == "written", result
    assert read(project / result.article).meta["source"] == "Gadget Wire"


def printed_html(stamp: str = "<p class='byline'>By Jane Doe | 16 August 2023, 09:27</p>"):
    """An HTML page with no machine-readable date, that prints ``stamp`` under its headline."""
    return ("<html lang='en'><head><title>Air defence arrives | Kyiv Daily</title></head>"
            "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            "<article><h1>Air defence arrives</h1>" + stamp
            + "".join(f"<p>{p}</p>" for p in LEAD)
            + "</article><footer>© Kyiv Daily</footer></body></html>")


def test_an_html_page_that_only_prints_its_dateline_is_published_with_it(project):
    (project / "raw" / "page.html").write_text(printed_html())
    [result] = run(project).results
    assert result.status == "written", result
    doc = read(project / result.article)
    assert doc.meta["date"].isoformat() == "2023-08-16T09:27:00+03:00"
    assert doc.meta["date_source"] == "dateline"
    assert "review" not in doc.meta


def test_an_html_page_whose_only_date_is_in_its_prose_waits_for_review(project):
    (project / "raw" / "page.html").write_text(printed_html(
        "<p>On 24 February 2022, everything changed.</p>"))
    [result] = run(project).results
    assert result.status == "review"
    assert read(project / result.article).meta["date"] is None


def test_a_date_hint_outranks_the_dateline_an_html_page_prints(project):
    (project / "raw" / "page.html").write_text(" date 2023-08-15\n" + printed_html())
    [result] = run(project).results
    doc = read(project / result.article)
    assert (doc.meta["date"], doc.meta["date_source"]) == (dt.date(2023, 8, 15), "hint")


def test_cli_json_report_and_exit_code(project):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence", LEAD))
    (project / "raw" / "bad.txt").write_bytes(bytes(range(256)) * 8)
    (project / "digest.yaml").write_text("timezone: Europe/Kyiv\n")
    result = CliRunner().invoke(
        ingest_command, ["--json", "-c", str(project / "digest.yaml"), str(project / "raw")])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["counts"] == {"written": 1, "review": 0, "skipped": 0, "failed": 1}
    assert {f["file"]: f["status"] for f in report["files"]} == {
        "raw/a.txt": "written", "raw/bad.txt": "failed"}


def test_cli_defaults_to_raw_dir_and_succeeds(project, monkeypatch):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence", LEAD))
    (project / "digest.yaml").write_text("timezone: Europe/Kyiv\n")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(ingest_command, ["--dry-run"])
    assert result.exit_code == 0, result.output
    assert "would write 1" in result.stderr
    assert not (project / "content").exists()


def test_learn_chrome_writes_the_reviewable_file_and_uses_it(project):
    promo = "Read our weekly newsletter every Friday morning in your inbox for free."
    for i, paras in enumerate((LEAD, OTHER, RU)):
        text = f"url https://www.example-news.com/2023/08/1{i}/story-{i}\n" + dump(
            f"Story number {i} of the week", [*paras, promo])
        (project / "raw" / f"{i}.txt").write_text(text)
    report = run(project, learn_chrome=True)
    assert len(report.written) == 3
    learned = (project / "ingest-chrome.yaml").read_text(encoding="utf-8")
    assert "example-news.com" in learned and "weekly newsletter" in learned
    for path in articles(project):
        assert "weekly newsletter" not in read(path).body


def test_tags_come_from_matched_keywords_and_the_pages_own_tags(project):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence", LEAD))
    html = (
        "<html lang='en'><head><title>Sanctions talks</title>"
        "<meta property='article:tag' content='North Korea'>"
        "<meta property='article:tag' content='Росія'>"
        "<meta name='keywords' content='a, b, c, d, e, f, g'>"
        "<meta property='article:published_time' content='2023-08-16T09:27:00+03:00'>"
        "</head><body><article><h1>Sanctions talks</h1>"
        + "".join(f"<p>{p}</p>" for p in OTHER)
        + "</article></body></html>"
    )
    (project / "raw" / "b.html").write_text(html)
    dumped, page = (read(project / r.article).meta["tags"] for r in run(project).results)
    assert dumped == ["air-defence"]
    assert page == ["sanction", "north-korea", "rosiia"]


def test_force_keeps_the_editors_tags(project):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence", LEAD))
    run(project)
    [path] = articles(project)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "tags: [air-defence]", "tags: [kyiv, patriot]"), encoding="utf-8")
    run(project, force=True)
    assert read(path).meta["tags"] == ["kyiv", "patriot"]


PROMO = "Our weekly letter from Kyiv arrives every Friday morning, written by the editors."


def _bylined_dumps(project: Path) -> None:
    """Three dumps without a URL line whose byline names a digest.yaml source."""
    for i, paras in enumerate((LEAD, OTHER, RU)):
        (project / "raw" / f"{i}.txt").write_text(dump(
            f"Story number {i} of the week", [*paras, PROMO],
            f"European PravdaWednesday, 1{i} August 2023, 09:27"))


def test_dumps_without_a_url_learn_chrome_under_the_outlet_their_byline_names(project):
    _bylined_dumps(project)
    report = run(project, learn_chrome=True)
    assert len(report.written) == 3
    learned = yaml.safe_load((project / "ingest-chrome.yaml").read_text(encoding="utf-8"))
    assert list(learned) == ["European Pravda"]
    assert PROMO.casefold() in learned["European Pravda"]["lines"]
    for path in articles(project):
        assert PROMO not in read(path).body


def test_ingest_uses_the_chrome_file_by_default(project):
    _bylined_dumps(project)
    [plain] = run(project, "raw/0.txt").results
    assert PROMO in read(project / plain.article).body  # a sentence: only learning drops it
    (project / "ingest-chrome.yaml").write_text(
        f"European Pravda:\n  pages: 3\n  lines:\n  - {PROMO.lower()}\n", encoding="utf-8")
    (project / "digest.yaml").write_text(
        "timezone: Europe/Kyiv\nsources:\n  - name: European Pravda\n", encoding="utf-8")
    result = CliRunner().invoke(
        ingest_command, ["-c", str(project / "digest.yaml"), str(project / "raw" / "1.txt")])
    assert result.exit_code == 0, result.output
    [written] = [p for p in articles(project) if "story-number-1" in p.name]
    assert PROMO not in read(written).body


def test_relearning_gives_the_same_chrome_file(project):
    _bylined_dumps(project)
    run(project, learn_chrome=True, dry_run=False)
    first = (project / "ingest-chrome.yaml").read_bytes()
    run(project, learn_chrome=True, dry_run=False)
    assert (project / "ingest-chrome.yaml").read_bytes() == first


def test_a_pages_headline_listed_by_other_pages_is_not_learned_as_chrome(project):
    related = "Story number 1 of the week"
    for i, paras in enumerate((LEAD, OTHER, RU)):
        (project / "raw" / f"{i}.txt").write_text(dump(
            f"Story number {i} of the week", [*paras, PROMO],
            f"European PravdaWednesday, 1{i} August 2023, 09:27") + f"Recent news\n{related}\n")
    run(project, learn_chrome=True)
    learned = yaml.safe_load((project / "ingest-chrome.yaml").read_text(encoding="utf-8"))
    assert PROMO.casefold() in learned["European Pravda"]["lines"]
    assert related.casefold() not in learned["European Pravda"]["lines"]


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as a user's console does."""

    def isatty(self) -> bool:
        return True


def test_a_progress_bar_counts_the_pages_on_a_terminal_only(project, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)  # as if every page took seconds
    for i, paras in enumerate((LEAD, OTHER, RU)):
        (project / "raw" / f"{i}.txt").write_text(dump(f"Story number {i} of the week", paras))
    term, log = Terminal(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", term)  # the CLI's reporter writes to stderr
    ingest([project / "raw"], config(project), Reporter(), dry_run=True)
    shown = term.getvalue()
    assert "ingesting pages" in shown
    # what the terminal ends up showing: each page's line whole, above the bar, not glued to it
    screen = [line.rsplit("\r", 1)[-1] for line in ANSI.sub("", shown).split("\n")]
    for i in range(3):
        assert any(re.fullmatch(rf"wrote \S+ from raw/{i}\.txt", ln) for ln in screen), screen
    ingest([project / "raw"], config(project), Reporter(stream=log, verbose=True), dry_run=True)
    assert "━" not in log.getvalue()
    assert "ingesting pages: 3 in " in log.getvalue()  # the one-line summary instead


def test_the_report_notes_what_to_check_under_each_written_article(project):
    (project / "raw" / "a.txt").write_text(dump("Heavy rain floods the streets of Odesa", OTHER))
    log = io.StringIO()
    ingest([project / "raw"], config(project), Reporter(stream=log))
    lines = log.getvalue().splitlines()
    assert lines[0].startswith("wrote content/") and lines[0].endswith(" from raw/a.txt")
    assert "  note: no topic keyword matched; filed under 'general'" in lines[1:3]
    assert any(line.startswith("  note: the page names no outlet: ") for line in lines[1:3])


def test_the_report_says_what_was_kept_for_review_and_what_to_do(project):
    (project / "raw" / "a.txt").write_text(dump("Ukraine deploys new air defence", LEAD, "x"))
    log = io.StringIO()
    ingest([project / "raw"], config(project), Reporter(stream=log))
    first = log.getvalue().splitlines()[0]
    assert first.startswith("warning: raw/a.txt: kept for review as content/_review/")
    assert "no date on the page" in first and "digest review --publish" in first


# --- the outlet a page was saved from, named by the person who saved it ---------------------


def _source_of(project: Path, name: str) -> str | None:
    [path] = [p for p in articles(project) if read(p).meta["raw"].endswith(name)]
    return read(path).meta.get("source")


def test_a_folder_named_after_a_known_outlet_names_its_pages_outlet(project):
    for folder in ("kyivpost.com", "Kyiv Post", "misc"):
        (project / "raw" / folder).mkdir()
    (project / "raw" / "kyivpost.com" / "a.txt").write_text(dump("Air defence arrives", LEAD))
    (project / "raw" / "Kyiv Post" / "b.txt").write_text(dump("Odesa floods overnight", OTHER))
    (project / "raw" / "misc" / "c.txt").write_text(
        dump("Ministry reports new air defence batteries", LEAD[:2]))
    report = run(project)
    assert [r.status for r in report.results] == ["written"] * 3
    assert _source_of(project, "a.txt") == "Kyiv Post"  # by its domain
    assert _source_of(project, "b.txt") == "Kyiv Post"  # by its name
    assert _source_of(project, "c.txt") is None  # "misc" is no outlet: nothing guessed
    [unnamed] = [r for r in report.results if r.file.endswith("c.txt")]
    assert any(w.startswith("the page names no outlet: ") for w in unnamed.warnings)


def test_source_option_names_every_pages_outlet_but_not_over_a_known_url(project):
    (project / "raw" / "a.txt").write_text(dump("Air defence arrives", LEAD))
    (project / "raw" / "b.txt").write_text(
        "url https://www.kyivpost.com/post/1\n" + dump("Odesa floods overnight", OTHER))
    (project / "digest.yaml").write_text("timezone: Europe/Kyiv\n")
    result = CliRunner().invoke(ingest_command, [
        "-c", str(project / "digest.yaml"), "--source", "www.rferl.org", str(project / "raw")])
    assert result.exit_code == 0, result.output
    assert _source_of(project, "a.txt") == "RFE/RL"  # the registry's name for its domain
    assert _source_of(project, "b.txt") == "Kyiv Post"  # its own URL says where it is from


def test_source_option_takes_an_unknown_outlet_as_typed_and_says_how_to_describe_it(project):
    (project / "raw" / "a.txt").write_text(dump("Air defence arrives", LEAD))
    (project / "digest.yaml").write_text("timezone: Europe/Kyiv\n")
    result = CliRunner().invoke(ingest_command, [
        "-c", str(project / "digest.yaml"), "-s", "Odesa  Evening Herald", str(project / "raw")])
    assert result.exit_code == 0, result.output
    assert "'Odesa Evening Herald' is no outlet the registry" in result.stderr
    assert "add it under sources:" in result.stderr
    assert _source_of(project, "a.txt") == "Odesa Evening Herald"
    bad = CliRunner().invoke(ingest_command, [
        "-c", str(project / "digest.yaml"), "--source", "  ", str(project / "raw")])
    assert bad.exit_code == 1 and "error: --source" in bad.stderr and not articles(project)[1:]


def test_a_provenance_file_can_name_the_outlet_and_wins_over_the_folder(project):
    (project / "raw" / "kyivpost.com").mkdir()
    page = project / "raw" / "kyivpost.com" / "a.html"
    page.write_text("<html><head><title>Air defence arrives</title>"
                    '<meta property="article:published_time" content="2023-08-16T09:27:00+03:00">'
                    "</head><body><article>"
                    "<h1>Air defence arrives</h1><p>16 August 2023</p>"
                    + "".join(f"<p>{p}</p>" for p in LEAD) + "</article></body></html>")
    (project / "raw" / "kyivpost.com" / "a.html.provenance.json").write_text(
        json.dumps({"outlet": "Ukrinform"}))
    report = run(project)
    assert [r.status for r in report.results] == ["written"], report.results
    assert _source_of(project, "a.html") == "Ukrinform"


def test_a_regional_papers_head_gives_the_article_its_headline_and_date(project):
    # the headline, its picture's file name, the caption's title and text with its credit,
    # buttons, the author printed twice round "By", the date, then a box of videos, each a
    # title over its own date, between the head and the text
    head = ("Sections\nComments\nAir defence arrives near the capital\nair_defence.JPG\n"
            "Air defence batteries\nA launcher stands near the capital on Tuesday "
            "(Jane Roe/The Harbour Gazette)\nPrint\nJohn Doe | Harbour Gazette By John Doe | "
            "Harbour Gazette\nEmail the author | Follow on Twitter\n"
            "on August 16, 2023 at 9:27 AM, updated August 16, 2023 at 11:05 AM\n"
            "View/Post Comments\nRelated Video\nMinister visits the new air defence crews\n"
            "Tue, Aug 15 2023\nAir defence crews finish their training abroad\n"
            "Mon, Aug 14 2023\n\n")
    (project / "raw" / "a.txt").write_text(head + "\n\n".join(LEAD) + "\n")
    [result] = run(project).results
    assert result.status == "written", result
    doc = read(project / result.article)
    assert doc.meta["title"] == "Air defence arrives near the capital"
    assert doc.meta["date"].isoformat() == "2023-08-16T09:27:00+03:00"
    assert "Email the author" not in doc.body
