"""content/ is written atomically, inside itself only, and never over an editor's work."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from digest import frontmatter
from digest.config import Config
from digest.ingest.store import (
    KEY_ORDER,
    TMP_SUFFIX,
    Store,
    UnsafePathError,
    article_id,
    iso_week,
)
from digest.report import DigestError

KYIV = dt.timezone(dt.timedelta(hours=3))
DATE = dt.datetime(2023, 8, 16, 9, 27, tzinfo=KYIV)


def make_store(tmp_path, **kw) -> Store:
    return Store(Config(root=tmp_path, timezone=kw.pop("timezone", "Europe/Kyiv"), **kw))


def meta(**extra):
    base = {"raw_sha256": "ab" * 32, "title": "T", "topic": "war", "date": DATE,
            "id": article_id("ab" * 32), "lang": "en", "source": None, "tags": []}
    return {**base, **extra}


def test_iso_week_uses_the_digest_timezone():
    late_sunday_utc = dt.datetime(2023, 8, 20, 22, 30, tzinfo=dt.UTC)  # Monday 01:30 in Kyiv
    assert iso_week(late_sunday_utc, dt.UTC) == "2023-W33"
    assert iso_week(late_sunday_utc, dt.timezone(dt.timedelta(hours=3))) == "2023-W34"
    assert iso_week(dt.datetime(2021, 1, 1, 12, tzinfo=dt.UTC), dt.UTC) == "2020-W53"


def test_article_path_and_key_order(tmp_path):
    store = make_store(tmp_path)
    path = store.path_for("war", DATE, "some-title")
    assert path == (tmp_path / "content" / "war" / "2023-W33" / "some-title.md").resolve()
    store.write(path, meta(), "Body text.")
    doc = frontmatter.parse(path.read_text(encoding="utf-8"))
    order = [k for k in KEY_ORDER if k in doc.meta]
    assert list(doc.meta) == order
    assert "source" not in doc.meta  # empty values are left out
    assert doc.meta["id"] == "urn:digest:abababababababab"
    assert doc.meta["date"] == DATE
    assert doc.body == "Body text.\n"


@pytest.mark.parametrize(("topic", "slug"), [("../x", "a"), ("war", "../../etc"), ("/abs", "a"),
                                             ("war", "a/b"), ("War", "a")])
def test_paths_are_built_only_from_slugs(tmp_path, topic, slug):
    with pytest.raises(UnsafePathError):
        make_store(tmp_path).path_for(topic, DATE, slug)


def test_a_symlinked_folder_pointing_outside_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "war").symlink_to(outside, target_is_directory=True)
    store = make_store(tmp_path)
    with pytest.raises(UnsafePathError, match="outside"):
        store.path_for("war", DATE, "a")
    assert list(outside.iterdir()) == []


def test_existing_article_is_never_overwritten(tmp_path):
    store = make_store(tmp_path)
    path = store.path_for("war", DATE, "a")
    store.write(path, meta(), "Original.")
    path.write_text(path.read_text().replace("Original.", "Edited by hand."))
    with pytest.raises(FileExistsError):
        store.write(path, meta(), "New extraction.")
    assert "Edited by hand." in path.read_text()


def test_force_keeps_a_backup_first(tmp_path):
    store = make_store(tmp_path)
    path = store.path_for("war", DATE, "a")
    store.write(path, meta(), "First.")
    edited = path.read_text().replace("First.", "Edited.")
    path.write_text(edited)
    backup = store.write(path, meta(), "Second.", force=True)
    assert backup is not None and backup.read_text() == edited
    assert backup.is_relative_to(tmp_path / ".digest" / "backups")
    assert "Second." in path.read_text()
    second = store.write(path, meta(), "Third.", force=True)
    assert second != backup and "Second." in second.read_text()


def test_writes_leave_no_temporary_files(tmp_path):
    store = make_store(tmp_path)
    path = store.path_for("war", DATE, "a")
    store.write(path, meta(), "Body.")
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.md"]


def test_leftover_temporaries_of_a_killed_run_are_cleaned(tmp_path):
    store = make_store(tmp_path)
    folder = tmp_path / "content" / "war" / "2023-W33"
    folder.mkdir(parents=True)
    (folder / f".a.md.x1{TMP_SUFFIX}").write_text("---\ntitle: half")
    (folder / "kept.md").write_text("---\ntitle: x\n---\n")
    removed = store.clean_temporaries()
    assert [p.name for p in removed] == [f".a.md.x1{TMP_SUFFIX}"]
    assert sorted(p.name for p in folder.iterdir()) == ["kept.md"]


def test_articles_lists_readable_files_only(tmp_path):
    store = make_store(tmp_path)
    store.write(store.path_for("war", DATE, "a"), meta(), "Body.")
    broken = tmp_path / "content" / "war" / "broken.md"
    broken.write_text("no front matter")
    found = list(store.articles())
    assert [a.path.name for a in found] == ["a.md"]
    assert found[0].meta["raw_sha256"] == "ab" * 32


def test_a_second_ingest_cannot_take_the_lock(tmp_path):
    store = make_store(tmp_path)
    busy = "another 'digest ingest' is running"
    with store.lock(), pytest.raises(DigestError, match=busy), make_store(tmp_path).lock():
        pass
    with store.lock():  # released again
        pass


def test_articles_get_ordinary_file_permissions(tmp_path):
    store = make_store(tmp_path)
    path = store.path_for("war", DATE, "a")
    store.write(path, meta(), "Body.")
    mask = os.umask(0o022)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
