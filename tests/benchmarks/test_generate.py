"""The benchmark corpus generator: deterministic, and every file is a valid article."""

from __future__ import annotations

from pathlib import Path

from conftest import benchmark_generator

from digest.config import load
from digest.frontmatter import parse

generate_mod = benchmark_generator()

REQUIRED = {"title", "date", "topic", "source", "lang", "summary", "tags", "attribution", "id"}


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()
    }


def test_same_seed_gives_byte_identical_files(tmp_path):
    generate_mod.generate(tmp_path / "a", 20)
    generate_mod.generate(tmp_path / "b", 20)
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert len(first) == 21  # 20 articles and digest.yaml
    assert first == second


def test_another_seed_gives_other_articles(tmp_path):
    generate_mod.generate(tmp_path / "a", 20, seed=0)
    generate_mod.generate(tmp_path / "b", 20, seed=1)
    assert _tree(tmp_path / "a") != _tree(tmp_path / "b")


def test_every_article_parses_with_its_keys_in_its_topic_and_week_folder(tmp_path):
    generate_mod.generate(tmp_path, 20)
    files = sorted((tmp_path / "content").rglob("*.md"))
    assert len(files) == 20
    ids = set()
    for path in files:
        doc = parse(path.read_text(encoding="utf-8"))
        meta = doc.meta
        assert set(meta) >= REQUIRED, path
        topic, week = path.parent.parent.name, path.parent.name
        assert meta["topic"] == topic
        iso = meta["date"].isocalendar()
        assert week == f"{iso.year}-W{iso.week:02d}"
        assert meta["date"].utcoffset().total_seconds() in (7200, 10800)  # Europe/Kyiv
        assert meta["lang"] == "en"
        assert meta["id"].startswith("urn:digest:")
        assert isinstance(meta["tags"], list) and meta["tags"]
        assert 500 <= len(doc.body.split()) <= 900
        for mark in ("\n> ", "\n- ", "](https://", "## "):
            assert mark in doc.body, (path, mark)
        ids.add(meta["id"])
    assert len(ids) == 20


def test_digest_yaml_loads_with_eight_topics(tmp_path):
    generate_mod.generate(tmp_path, 1)
    config = load(tmp_path / "digest.yaml")
    assert config.base_url == "https://example.github.io/digest/"
    assert config.timezone == "Europe/Kyiv"
    assert len(config.topics) == 8 and all(t.title for t in config.topics)


def test_hugo_flavor_adds_taxonomies_to_the_same_articles(tmp_path):
    generate_mod.generate(tmp_path / "d", 5)
    generate_mod.generate(tmp_path / "h", 5, flavor="hugo")
    for path in (tmp_path / "d" / "content").rglob("*.md"):
        plain = parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(tmp_path / "d")
        hugo = parse((tmp_path / "h" / rel).read_text(encoding="utf-8"))
        assert hugo.body == plain.body
        taxonomies = {"weeks": [path.parent.name], "topics": [plain.meta["topic"]]}
        assert hugo.meta == {**plain.meta, **taxonomies}


def test_cli_writes_the_project(tmp_path):
    assert generate_mod.main([str(tmp_path), "--n", "3"]) == 0
    assert len(list((tmp_path / "content").rglob("*.md"))) == 3


def test_stories_group_articles_of_one_day_and_leave_the_articles_the_same(tmp_path):
    generate_mod.generate(tmp_path / "plain", 300)
    generate_mod.generate(tmp_path / "told", 300, stories=0.5)
    days: dict[str, set] = {}
    storied = 0
    for path in (tmp_path / "told" / "content").rglob("*.md"):
        told = parse(path.read_text(encoding="utf-8"))
        plain = parse((tmp_path / "plain" / path.relative_to(tmp_path / "told")).read_text(
            encoding="utf-8"))
        story = told.meta.pop("story", None)
        assert (told.meta, told.body) == (plain.meta, plain.body)
        if story:
            storied += 1
            days.setdefault(story, set()).add(told.meta["date"].date())
    assert 100 <= storied <= 200  # about half
    assert all(len(d) == 1 for d in days.values())  # a story's articles share their day
    assert storied > len(days)  # and some stories have several articles
