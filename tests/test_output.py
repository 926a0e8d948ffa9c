"""Site output helpers: the hard-linked copy that double buffering relies on."""

import os

from digest.output import link_copy


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
