"""End to end: a small digest built in tmp_path, through the function and the CLI."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from conftest import KYIV, REPO

from digest import __version__
from digest.report import DigestError, Reporter


def three_weeks(project):
    project.article("drones", topic="war", date=dt.datetime(2023, 8, 1, 8, 0, tzinfo=KYIV))
    project.article("talks", topic="diplomacy", source="Outlet",
                    date=dt.datetime(2023, 8, 9, 12, 0, tzinfo=KYIV))
    project.article("front", topic="war", summary="The lead.",
                    date=dt.datetime(2023, 8, 16, 9, 27, tzinfo=KYIV))


def test_build_writes_every_page_of_the_design(project):
    three_weeks(project)
    project.build()
    files = project.files()
    for path in (
        "index.html", "weeks/index.html", "weeks/2023-W31/index.html", "weeks/2023-W33/index.html",
        "topics/index.html", "topics/war/index.html", "topics/diplomacy/index.html",
        "war/2023-W33/front/index.html", "diplomacy/2023-W32/talks/index.html", "404.html",
        "feed.xml", "atom.xml", "weeks/feed.xml", "weeks/atom.xml", "topics/war/feed.xml",
        "topics/war/atom.xml", "feeds.opml", "sitemap.xml", "robots.txt", ".nojekyll",
        "static/style.css",
    ):
        assert path in files, path
    assert "CNAME" not in files
    home = files["index.html"].decode()
    assert "Title of front" in home and "Title of drones" not in home  # the latest issue only
    assert b"Sitemap: https://example.github.io/digest/sitemap.xml" in files["robots.txt"]


def test_article_page_shows_title_outlet_date_attribution_body_tags_and_neighbours(project):
    three_weeks(project)
    project.article("later", topic="war", date=dt.datetime(2023, 8, 17, 9, 0, tzinfo=KYIV),
                    source="European Pravda", attribution="Source: a briefing",
                    tags=["north-korea"], body="Body with **bold**.")
    project.build()
    page = (project.site / "war/2023-W33/later/index.html").read_text()
    for expected in ("Title of later", "European Pravda", "17 August 2023, 09:00",
                     "Source: a briefing", "<strong>bold</strong>", "north-korea",
                     'href="../../../war/2023-W33/front/"'):
        assert expected in page, expected


def test_topic_pages_are_paginated_newest_first(project):
    project.add_config("per_page: 2\n")
    for day in range(1, 6):
        project.article(f"a{day}", date=dt.datetime(2023, 8, day, 9, 0, tzinfo=KYIV))
    project.build()
    first = (project.site / "topics/war/index.html").read_text()
    assert first.index("Title of a5") < first.index("Title of a4")
    assert "Title of a3" not in first
    assert (project.site / "topics/war/page/3/index.html").is_file()


def test_two_builds_are_byte_identical(project, tmp_path):
    three_weeks(project)
    project.build(out=tmp_path / "one")
    project.build(out=tmp_path / "two")
    assert project.files(tmp_path / "one") == project.files(tmp_path / "two")


def test_unchanged_files_keep_their_mtime_on_rebuild(project):
    three_weeks(project)
    project.build()
    feed = project.site / "feed.xml"
    old_time = feed.stat().st_mtime_ns
    os.utime(feed, ns=(old_time - 10**9, old_time - 10**9))
    project.build()
    assert feed.stat().st_mtime_ns == old_time - 10**9


def test_broken_front_matter_names_file_and_line_and_keeps_the_old_site(project):
    three_weeks(project)
    project.build()
    before = project.files()
    bad = project.article("bad")
    bad.write_text("---\ntitle: ok\ndate: [\n---\n")
    reporter = Reporter(quiet=True)
    with pytest.raises(DigestError):
        project.build(reporter)
    assert [(p.file, p.line) for p in reporter.errors] == [("content/war/2023-W33/bad.md", 4)]
    assert project.files() == before
    assert [p.name for p in project.root.iterdir() if p.name.startswith(".site")] == []


def test_template_error_in_a_project_override_names_the_template_and_keeps_the_site(project):
    three_weeks(project)
    project.build()
    before = project.files()
    override = project.root / "themes/default/templates/article.html"
    override.parent.mkdir(parents=True)
    override.write_text("{% extends 'base.html' %}\n{% block main %}\n{{ article.nope }}\n"
                        "{% endblock %}\n")
    with pytest.raises(DigestError) as err:
        project.build()
    problem = err.value.problems[0]
    assert problem.file.endswith("themes/default/templates/article.html") and problem.line == 3
    assert project.files() == before


def test_a_template_edited_between_builds_shows_at_once(project):
    """Compiled templates are kept between builds; an edited one must not be served stale."""
    three_weeks(project)
    override = project.root / "themes/default/templates/article.html"
    override.parent.mkdir(parents=True)
    template = "{% extends 'base.html' %}\n{% block main %}<p>{}</p>{% endblock %}\n"
    page = project.site / "war/2023-W33/front/index.html"
    for edition in ("First edition", "Other edition"):
        override.write_text(template.replace("{}", edition))
        project.build()
        assert f"<p>{edition}</p>" in page.read_text()


def test_project_theme_file_overrides_the_default(project):
    three_weeks(project)
    css = project.root / "themes/default/static/style.css"
    css.parent.mkdir(parents=True)
    css.write_text("body { color: rebeccapurple; }\n")
    project.build()
    assert (project.site / "static/style.css").read_text() == "body { color: rebeccapurple; }\n"


def test_raw_html_in_content_is_escaped(project):
    project.article("x", title="<b>t</b>", body="<script>alert(1)</script>\n\n[a](javascript:x)")
    project.build()
    page = (project.site / "war/2023-W33/x/index.html").read_text()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert 'href="javascript:' not in page
    assert "&lt;b&gt;t&lt;/b&gt;" in page


def test_output_folder_that_is_not_a_site_is_refused(project):
    three_weeks(project)
    mine = project.root / "notes"
    mine.mkdir()
    (mine / "keep.txt").write_text("mine")
    with pytest.raises(DigestError, match="does not look like a digest site"):
        project.build(out=mine)
    with pytest.raises(DigestError, match="would replace"):
        project.build(out=project.root / "content")
    assert (mine / "keep.txt").read_text() == "mine"


def test_cname_and_drafts(project):
    project.add_config("cname: news.example.org\n")
    project.article("draft", draft=True)
    project.article("public")
    project.build()
    assert (project.site / "CNAME").read_text() == "news.example.org\n"
    assert not (project.site / "war/2023-W33/draft").exists()
    project.build(drafts=True)
    assert (project.site / "war/2023-W33/draft/index.html").exists()


def run_cli(project, *args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "digest", *args], cwd=project.root, capture_output=True,
        text=True, env={**os.environ, **(env or {})}, timeout=120,
    )


def test_cli_builds_with_base_url_from_the_environment(project):
    three_weeks(project)
    result = run_cli(project, "build", env={"DIGEST_BASE_URL": "https://other.example/news/"})
    assert result.returncode == 0, result.stderr
    assert "built 3 articles" in result.stderr
    assert "https://other.example/news/feed.xml" in (project.site / "feed.xml").read_text()
    quiet = run_cli(project, "build", "--quiet", "--base-url", "https://x.example/")
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_cli_error_is_one_message_per_problem_and_exit_1(project):
    three_weeks(project)
    (project.root / "content/war/2023-W33/front.md").write_text("---\ntitle: [\n---\n")
    (project.root / "digest.yaml").write_text("title: ok\n")
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert "content/war/2023-W33/front.md:3: invalid YAML" in result.stderr
    assert "Traceback" not in result.stderr
    bad_config = run_cli(project, "build", "--base-url", "nope")
    assert bad_config.returncode == 1 and "base_url" in bad_config.stderr


def test_the_example_digest_builds(tmp_path):
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "digest", "build", "--out", str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"built 1 article into {out}: 8 pages" in result.stderr  # singular for one
    page = next(out.glob("diplomacy/2023-W33/*/index.html")).read_text()
    assert "Russia seeks to increase military cooperation with North Korea" in page
    assert "European Pravda" in page


def test_the_program_exits_with_its_commands_code_and_output(project):
    """The program skips Python's teardown (os._exit): piped output must still all arrive."""
    three_weeks(project)
    version = run_cli(project, "--version")
    assert (version.returncode, version.stdout) == (0, f"digest, version {__version__}\n")
    assert run_cli(project, "nosuch").returncode == 2  # click's usage error keeps its code
    built = run_cli(project, "build")
    assert built.returncode == 0
    assert built.stderr.rstrip().splitlines()[-1].startswith("built 3 articles")


def test_cli_jobs_and_verbose_timings(project):
    three_weeks(project)
    result = run_cli(project, "build", "--jobs", "1", "--verbose")
    assert result.returncode == 0, result.stderr
    for phase in ("scan:", "read:", "plan:", "make:", "search:", "swap:", "cache:"):
        assert phase in result.stderr, phase
    assert run_cli(project, "build", "--jobs", "0").returncode == 2  # click rejects it
