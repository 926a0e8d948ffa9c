"""The build cache: a rebuild does only what changed, and the output never depends on it."""

import dataclasses
import datetime as dt
import json
import shutil

from conftest import KYIV, Project

from digest import store
from digest.cache import BuildCache
from digest.report import Reporter


def populate(project, n=30):
    for i in range(n):
        project.article(f"story-{i}", topic="war" if i % 3 else "diplomacy",
                        date=dt.datetime(2023, 8, 1 + i % 28, 9, i % 60, tzinfo=KYIV),
                        body=f"Paragraph {i}.\n\nAnother paragraph of story {i}.")


def mtimes(project):
    return {p: (project.site / p).stat().st_mtime_ns for p in project.files()}


def test_cached_rebuild_after_an_edit_equals_a_clean_build(project, tmp_path):
    populate(project)
    project.build()
    path = project.root / "content/war/2023-W31/story-1.md"
    path.write_text(path.read_text().replace("Paragraph 1.", "Paragraph one, edited."))
    project.build()
    cached = project.files()
    shutil.rmtree(project.root / ".digest-cache")
    project.build(out=tmp_path / "clean", clean=True)
    assert cached == project.files(tmp_path / "clean")
    page = project.site / "war/2023-W31/story-1/index.html"
    assert "Paragraph one, edited." in page.read_text()


def test_nothing_changed_means_nothing_is_done(project):
    populate(project)
    project.build()
    before = mtimes(project)
    result = project.build()
    assert result.up_to_date
    assert mtimes(project) == before


def test_one_changed_body_rewrites_only_its_pages_and_feeds(project):
    populate(project)
    project.build()
    before = mtimes(project)
    path = project.root / "content/war/2023-W31/story-1.md"
    path.write_text(path.read_text().replace("Paragraph 1.", "Paragraph one, edited."))
    reporter = Reporter(quiet=True)
    result = project.build(reporter)
    after = mtimes(project)
    changed = sorted(p for p in after if after[p] != before.get(p))
    assert result.rendered <= 4
    assert "war/2023-W31/story-1/index.html" in changed
    other_articles = [p for p in changed if p.endswith("index.html") and "story-1/" not in p
                      and not p.startswith(("topics/", "weeks/", "index.html", "pagefind"))]
    assert other_articles == []


def test_feeds_not_showing_the_edited_article_are_kept(project):
    project.add_config("feed_limit: 5\n")
    populate(project)
    project.build()
    before = mtimes(project)
    old = project.root / "content/war/2023-W31/story-1.md"  # 1 August: not among the newest 5
    old.write_text(old.read_text().replace("Paragraph 1.", "Paragraph one, edited."))
    project.build()
    after = mtimes(project)
    for feed in ("feed.xml", "atom.xml", "feed.json", "topics/war/feed.xml"):
        assert after[feed] == before[feed], feed
    new = project.root / "content/war/2023-W34/story-26.md"  # 27 August: among the newest
    new.write_text(new.read_text().replace("Paragraph 26.", "Paragraph twenty-six, edited."))
    project.build()
    for feed in ("feed.xml", "atom.xml", "feed.json", "topics/war/feed.xml"):
        assert "twenty-six, edited" in (project.site / feed).read_text(), feed


def test_a_changed_title_updates_neighbours_and_lists(project):
    populate(project)
    project.build()
    path = project.root / "content/war/2023-W31/story-1.md"
    path.write_text(path.read_text().replace("title: Title of story-1", "title: Renamed story"))
    project.build()
    for page in project.site.rglob("index.html"):
        assert "Title of story-1<" not in page.read_text(), page


def test_a_template_change_rerenders_every_page(project):
    populate(project, 6)
    project.build()
    override = project.root / "themes/default/templates/_card.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p class=custom>{{ item.title }}</p>\n")
    project.build()
    assert "class=custom" in (project.site / "topics/war/index.html").read_text()


def test_an_edited_template_is_read_again_by_the_next_build(project):
    """Templates are not re-checked within a build; the next build (or serve's) sees the edit."""
    populate(project, 6)
    override = project.root / "themes/default/templates/_card.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p class=first>{{ item.title }}</p>\n")
    project.build()
    override.write_text("<p class=second>{{ item.title }}</p>\n")
    project.build()
    page = (project.site / "topics/war/index.html").read_text()
    assert "class=second" in page and "class=first" not in page


def test_deleted_article_disappears(project):
    populate(project, 6)
    project.build()
    (project.root / "content/war/2023-W31/story-1.md").unlink()
    project.build()
    assert not (project.site / "war/2023-W31/story-1").exists()
    assert "story-1/" not in (project.site / "sitemap.xml").read_text()


def test_a_corrupt_cache_is_ignored(project, tmp_path):
    populate(project, 6)
    project.build()
    for f in (project.root / ".digest-cache").iterdir():
        f.write_bytes(b"\x00garbage")
    path = project.root / "content/war/2023-W31/story-1.md"
    path.write_text(path.read_text().replace("Paragraph 1.", "Changed."))
    project.build()
    project.build(out=tmp_path / "clean", clean=True)
    assert project.files() == project.files(tmp_path / "clean")


def test_parallel_and_serial_builds_are_identical(project, tmp_path):
    populate(project, 240)  # above the threshold where work is forked
    project.build(out=tmp_path / "one", clean=True, workers=2)
    project.build(out=tmp_path / "two", clean=True, workers=1)
    assert project.files(tmp_path / "one") == project.files(tmp_path / "two")


def test_a_chain_of_rebuilds_stays_equal_to_clean_builds(project, tmp_path):
    """Each rebuild reuses the previous site as its staging folder; it must never drift."""
    populate(project, 12)
    project.build()
    project.build()  # the first seeded build: from here on the spare is in use
    steps = [
        lambda: (project.root / "content/war/2023-W31/story-1.md").write_text(
            (project.root / "content/war/2023-W31/story-1.md").read_text() + "\nMore.\n"),
        lambda: (project.root / "content/war/2023-W31/story-2.md").unlink(),
        lambda: project.article("brand-new", date=dt.datetime(2023, 8, 30, 9, 0, tzinfo=KYIV)),
        lambda: (project.root / "content/war/2023-W31/story-1.md").write_text(
            (project.root / "content/war/2023-W31/story-1.md").read_text().replace(
                "title: Title of story-1", "title: Back to one")),
        lambda: (project.root / "content/war/2023-W35/brand-new.md").unlink(),
    ]
    for number, step in enumerate(steps):
        step()
        project.build()
        twin = Project(tmp_path / f"twin-{number}", (project.root / "digest.yaml").read_text())
        shutil.copytree(project.root / "content", twin.root / "content", dirs_exist_ok=True)
        twin.build(clean=True)
        assert project.files() == twin.files(), f"step {number}"
        spare = project.root / ".site.spare"
        assert spare.is_dir()
        live_inodes = {p.relative_to(project.site): p.stat().st_ino
                       for p in project.site.rglob("*") if p.is_file()}
        assert live_inodes  # the spare shares file data with the live site, never its paths
        assert not any((spare / rel).is_symlink() for rel in live_inodes)


def test_a_clean_build_never_reuses_the_old_pack(project):
    """--clean starts a new pack generation; offsets into the old one would serve wrong HTML."""
    populate(project, 6)
    project.build()
    path = project.root / "content/war/2023-W31/story-1.md"
    path.write_text(path.read_text().replace("Paragraph 1.", "A much longer first paragraph, "
                                             "so that every offset after it moves."))
    project.build(clean=True)
    other = project.root / "content/war/2023-W31/story-2.md"
    other.write_text(other.read_text() + "\nA change elsewhere.\n")
    project.build()  # renders story-2, and the pages showing story-1 come from the cache
    page = (project.site / "war/2023-W31/story-1/index.html").read_text()
    assert "A much longer first paragraph" in page
    feed = (project.site / "feed.xml").read_text()
    assert "Paragraph 1." not in feed


def test_rebuilds_after_a_parallel_first_build_equal_clean_builds(project, tmp_path):
    """Forked workers share the cache's spool file; nothing they do may shift its offsets."""
    populate(project, 240)
    project.build(workers=2)
    for number in (5, 150):
        path = next((project.root / "content").rglob(f"story-{number}.md"))
        path.write_text(path.read_text() + f"\nEdit {number}.\n")
        project.build(workers=2)
    twin = Project(tmp_path / "twin", (project.root / "digest.yaml").read_text())
    shutil.copytree(project.root / "content", twin.root / "content", dirs_exist_ok=True)
    twin.build(clean=True, workers=1)
    assert project.files() == twin.files()


def test_articles_from_the_cache_equal_the_files_read_again(project, tmp_path):
    """Every field an article can have comes back from the cache as read from its file."""
    populate(project, 4)
    project.article("full", date=dt.datetime(2023, 8, 17, 8, 5, 30, tzinfo=KYIV),
                    summary="A *summary*.", author="Olena", source="Kyiv Post",
                    source_url="https://example.org/a", lang="uk", tags=["energy", 7],
                    attribution="Said a minister", story="grid-repairs", review=None,
                    updated=dt.datetime(2023, 8, 18, 10, 0, tzinfo=dt.UTC),
                    mood="calm", ranking=[1, {"a": None}])
    project.article("same-story", date=dt.datetime(2023, 8, 17, 9, 0, tzinfo=KYIV),
                    story="grid-repairs", source="Other Outlet")
    project.article("day-only", date=dt.date(2023, 8, 19))
    project.article("drafted", draft=True, date=dt.datetime(2023, 8, 20, 9, 0, tzinfo=KYIV))
    project.build(drafts=True)
    edited = project.root / "content/war/2023-W31/story-1.md"
    edited.write_text(edited.read_text() + "\nAn edit.\n")
    project.build(drafts=True)  # every other article comes from the cache

    config = project.config()
    state = json.loads((project.root / ".digest-cache/state.json").read_text())
    cache = BuildCache.load(project.root, state["key"])
    assert cache.loaded and len(cache.entries) == 8
    sources, _ = store.scan(config)
    cached, _ = store.read(sources, config, cache, drafts=True)
    fresh, _ = store.load(config, drafts=True)
    assert [dataclasses.replace(a, html="") for a in cached] == \
        [dataclasses.replace(a, html="") for a in fresh]
    assert {a.slug for a in cached} >= {"full", "same-story", "day-only", "drafted"}

    project.build(out=tmp_path / "clean", clean=True, drafts=True)
    assert project.files() == project.files(tmp_path / "clean")


def test_a_cache_entry_of_another_shape_is_read_again(project, tmp_path):
    """A cache entry cut short (or from another version) is not used: its file is read."""
    populate(project, 6)
    project.build()
    entries = project.root / ".digest-cache/entries.json"
    data = json.loads(entries.read_text())
    data["entries"] = [row[:-1] for row in data["entries"]]
    entries.write_text(json.dumps(data))
    path = project.root / "content/war/2023-W31/story-1.md"
    path.write_text(path.read_text().replace("Paragraph 1.", "Changed."))
    project.build()
    project.build(out=tmp_path / "clean", clean=True)
    assert project.files() == project.files(tmp_path / "clean")
    assert "Changed." in (project.site / "war/2023-W31/story-1/index.html").read_text()


def test_an_edited_title_shows_everywhere_after_a_rebuild(project, tmp_path):
    """Its page, its neighbours', its story's page and the others of the story, its issue,
    its topic, the home page and every feed: no page or feed keeps the old title."""
    populate(project, 12)
    for n, topic in enumerate(("war", "diplomacy", "war")):
        project.article(f"told-{n}", topic=topic, story="one-event", source=f"Outlet {n}",
                        date=dt.datetime(2023, 8, 3, 10 + n, 0, tzinfo=KYIV))
    project.build()
    project.build()  # the site is now rebuilt in place (the spare copy in use)
    path = project.root / "content/war/2023-W31/told-0.md"
    path.write_text(path.read_text().replace("title: Title of told-0", "title: Renamed event"))
    project.build()
    site = project.files()
    old = [p for p, data in site.items() if b"Title of told-0" in data]
    assert old == []
    for page in ("stories/one-event/index.html", "war/2023-W31/told-2/index.html",
                 "weeks/2023-W31/index.html", "weeks/feed.xml", "feed.xml", "feed.json"):
        assert b"Renamed event" in site[page], page
    project.build(out=tmp_path / "clean", clean=True)
    assert site == project.files(tmp_path / "clean")
