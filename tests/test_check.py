"""``digest check``: exit codes, file:line messages, JSON output, and the built-site checks."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import Project

from digest.cli import main


@pytest.fixture
def proj(project: Project, monkeypatch) -> Project:
    monkeypatch.chdir(project.root)
    return project


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def test_clean_project_passes(proj: Project) -> None:
    proj.article("one", id="urn:digest:0000000000000001")
    result = check()
    assert result.exit_code == 0, result.output
    assert "no errors, 0 warnings" in result.output


def test_article_without_id_is_a_warning_that_says_what_to_write(proj: Project) -> None:
    proj.article("one")
    result = check()
    assert result.exit_code == 0
    assert "content/war/2023-W33/one.md:2" in result.output
    assert "write it down: add 'id: urn:digest:" in result.output
    assert "no errors, 1 warning\n" in result.output  # one warning, not "1 warnings"
    assert check("--strict").exit_code == 1


def test_every_error_at_once_with_file_and_line(proj: Project) -> None:
    proj.article("good", id="urn:digest:0000000000000001")
    proj.article("wrong-topic", topic="war", id="urn:digest:0000000000000002")
    wrong = proj.root / "content/war/2023-W33/wrong-topic.md"
    wrong.write_text(wrong.read_text().replace("topic: war", "topic: diplomacy"))
    broken = proj.root / "content/war/2023-W33/broken.md"
    broken.write_text("---\ntitle: Broken\ndate: [2023\n---\nBody\n")
    result = check()
    assert result.exit_code == 1
    assert "content/war/2023-W33/wrong-topic.md:4: topic 'diplomacy' does not match" \
        in result.output
    assert "content/war/2023-W33/broken.md:" in result.output
    assert "2 errors" in result.output
    assert "Traceback" not in result.output


def test_bad_config_names_key_and_line(proj: Project) -> None:
    (proj.root / "digest.yaml").write_text("title: X\ntimezone: Mars/Olympus\nper_pag: 3\n")
    result = check()
    assert result.exit_code == 1
    assert "digest.yaml:2: 'timezone' must be an IANA timezone" in result.output
    assert "digest.yaml:3: unknown key 'per_pag'" in result.output


def test_json_format(proj: Project) -> None:
    proj.article("one")
    (proj.root / "content/war/2023-W33/bad.md").write_text("no front matter\n")
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["errors"] == 1 and report["warnings"] == 1
    error = next(p for p in report["problems"] if p["level"] == "error")
    assert error["file"] == "content/war/2023-W33/bad.md" and error["line"] == 1
    assert error["hint"]


def test_template_error_in_an_override_is_reported_by_check(proj: Project) -> None:
    templates = proj.root / "themes/default/templates"
    templates.mkdir(parents=True)
    (templates / "article.html").write_text("{% extends 'base.html' %}\n\n{% block main %\n")
    result = check()
    assert result.exit_code == 1
    assert "themes/default/templates/article.html:3: template syntax error" in result.output


# Built-site checks --------------------------------------------------------------------


@pytest.fixture
def built(proj: Project) -> Project:
    proj.article("one", id="urn:digest:0000000000000001")
    proj.article("two", id="urn:digest:0000000000000002", topic="diplomacy")
    proj.build()
    return proj


def test_built_site_passes(built: Project) -> None:
    result = check("--site")
    assert result.exit_code == 0, result.output
    assert "internal links: 0 broken" in result.output


def test_broken_link_is_named_with_page_and_line(built: Project) -> None:
    page = built.site / "war/2023-W33/one/index.html"
    text = page.read_text()
    page.write_text(text.replace("</main>", '<a href="../../../topics/nope/">x</a>\n</main>'))
    line = page.read_text().splitlines().index('<a href="../../../topics/nope/">x</a>') + 1
    result = check("--site")
    assert result.exit_code == 1
    assert f"{page.relative_to(built.root)}:{line}: broken link to /digest/topics/nope/" \
        in result.output


def test_root_absolute_link_outside_the_base_path_is_an_error(built: Project) -> None:
    page = built.site / "index.html"
    page.write_text(page.read_text().replace("</main>", '<a href="/weeks/">x</a></main>'))
    result = check("--site")
    assert result.exit_code == 1
    assert "'/weeks/' is absolute from the host root, outside the base path /digest/" \
        in result.output


def test_missing_page_breaks_links_and_sitemap_and_feeds(built: Project) -> None:
    shutil.rmtree(built.site / "diplomacy/2023-W33/two")
    result = check("--site")
    assert result.exit_code == 1
    assert "broken link to /digest/diplomacy/2023-W33/two/" in result.output
    assert "more links to it" in result.output  # one line per missing target, not per link


def test_feed_that_does_not_parse(built: Project) -> None:
    (built.site / "feed.xml").write_text("<rss><channel><item></channel></rss>")
    result = check("--site")
    assert result.exit_code == 1
    assert "site/feed.xml:1: not well-formed XML" in result.output


def test_site_built_for_another_url_is_flagged(built: Project) -> None:
    result = check("--site", "--base-url", "https://news.example.org/")
    assert "the site was built for https://example.github.io/digest/" in result.output


def test_no_built_site(proj: Project) -> None:
    result = check("--site")
    assert result.exit_code == 1
    assert "no built site here" in result.output and "digest build" in result.output
