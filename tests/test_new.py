"""``digest new``: a hand-written article in the folder build expects, with a fresh id."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from digest import config as config_mod
from digest import frontmatter, store
from digest.cli import main

CONFIG = "title: T\ntimezone: Europe/Kyiv\ntopics: [war, diplomacy]\n"


@pytest.fixture
def root(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "digest.yaml").write_text(CONFIG)
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new(*args: str):
    return CliRunner().invoke(main, ["new", *args])


def test_new_writes_a_valid_article_in_its_week_folder(root: Path) -> None:
    result = new("Talks in Geneva: day two", "--topic", "diplomacy",
                 "--date", "2023-08-20T23:30")
    assert result.exit_code == 0, result.output
    path = root / "content/diplomacy/2023-W33/talks-in-geneva-day-two.md"
    assert path.is_file()
    assert str(path.relative_to(root)) in result.output
    doc = frontmatter.parse(path.read_text())
    assert doc.meta["title"] == "Talks in Geneva: day two"
    assert doc.meta["date"].isoformat() == "2023-08-20T23:30:00+03:00"
    assert doc.meta["id"].startswith("urn:digest:") and len(doc.meta["id"]) == 27
    articles, problems = store.load(config_mod.load(root / "digest.yaml"))
    assert [a.title for a in articles] == ["Talks in Geneva: day two"] and not problems


def test_week_is_computed_in_the_digest_timezone(root: Path) -> None:
    # Sunday 23:30 UTC is already Monday in Kyiv: the next ISO week.
    assert new("Late news", "-t", "war", "--date", "2023-08-20T23:30:00+00:00").exit_code == 0
    assert (root / "content/war/2023-W34/late-news.md").is_file()


def test_a_bare_date_is_written_as_a_day_without_a_made_up_time(root: Path) -> None:
    assert new("Sunday news", "-t", "war", "--date", "2023-08-20").exit_code == 0
    path = root / "content/war/2023-W33/sunday-news.md"
    assert "\ndate: 2023-08-20\n" in path.read_text()
    [article], problems = store.load(config_mod.load(root / "digest.yaml"))
    assert article.day_only and not problems


def test_new_refuses_to_overwrite(root: Path) -> None:
    assert new("Same title", "-t", "war", "-d", "2023-08-16").exit_code == 0
    path = root / "content/war/2023-W33/same-title.md"
    path.write_text(path.read_text() + "\nEdited by hand.\n")
    again = new("Same title", "-t", "war", "-d", "2023-08-16")
    assert again.exit_code == 1
    assert "already exists" in again.output and "same-title.md" in again.output
    assert "Edited by hand." in path.read_text()


def test_cyrillic_titles_get_transliterated_slugs_and_ids_differ(root: Path) -> None:
    assert new("Обстріл Харкова", "-t", "war", "-d", "2023-08-16").exit_code == 0
    assert new("Другий обстріл", "-t", "war", "-d", "2023-08-16").exit_code == 0
    files = sorted((root / "content/war/2023-W33").glob("*.md"))
    assert [f.name for f in files] == ["druhyi-obstril.md", "obstril-kharkova.md"]
    ids = {frontmatter.parse(f.read_text()).meta["id"] for f in files}
    assert len(ids) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["X", "-t", "Bad Topic"], "is not a slug"),
        (["X", "-t", "war", "-d", "16/08/2023"], "is not an ISO date"),
        (["  ", "-t", "war"], "the title is empty"),
    ],
)
def test_bad_input_is_one_message(root: Path, args: list[str], message: str) -> None:
    result = new(*args)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_unknown_topic_warns_but_writes(root: Path) -> None:
    result = new("Grain deal", "-t", "economy", "-d", "2023-08-16")
    assert result.exit_code == 0
    assert "not listed" in result.output and "war, diplomacy" in result.output
