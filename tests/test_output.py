"""Site output helpers: the hard-linked copies that double buffering relies on."""

import os

from digest.output import _make_spare, link_copy


def test_link_copy_links_every_file_and_makes_every_folder(tmp_path):
    src = tmp_path / "site"
    for rel in ("index.html", "a/index.html", "a/b/c/index.html", "static/style.css"):
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(rel)
    (src / "empty").mkdir()
    assert link_copy(src, tmp_path / "copy")
    copied = sorted(p.relative_to(tmp_path / "copy") for p in (tmp_path / "copy").rglob("*"))
    assert copied == sorted(p.relative_to(src) for p in src.rglob("*"))
    for rel in ("index.html", "a/b/c/index.html", "static/style.css"):
        assert os.path.samefile(src / rel, tmp_path / "copy" / rel)


def test_link_copy_refuses_an_existing_destination(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "copy").mkdir()
    assert not link_copy(tmp_path / "site", tmp_path / "copy")


def test_a_first_build_returns_with_its_spare_complete(project):
    """The spare is made in a child process while the cache is saved; build() waits for it."""
    for i in range(5):
        project.article(f"story-{i}", body=f"Paragraph {i}.")
    project.build()
    spare = project.root / ".site.spare"
    live = sorted(p.relative_to(project.site) for p in project.site.rglob("*"))
    assert sorted(p.relative_to(spare) for p in spare.rglob("*")) == live
    assert all(os.path.samefile(project.site / rel, spare / rel)
               for rel in live if (project.site / rel).is_file())
    assert [p.name for p in project.root.iterdir() if p.name.startswith(".site.")] == [
        ".site.spare"]


def test_a_spare_that_cannot_be_made_leaves_nothing_behind(tmp_path):
    assert not _make_spare(tmp_path / "missing-site", tmp_path / ".site.spare")
    assert list(tmp_path.iterdir()) == []
