"""digest.atomic: files replaced whole, alone or in a batch."""

from __future__ import annotations

from digest import atomic


def test_a_batch_writes_every_file_it_can_and_names_the_one_it_could_not(tmp_path):
    week = tmp_path / "content" / "war" / "2023-W34"
    week.mkdir(parents=True)
    first, second = week / "a.md", week / "b.md"
    first.write_text("story: old\n", encoding="utf-8")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where a folder should be", encoding="utf-8")

    failed = atomic.write_many([(first, b"story: new\n"), (blocked / "c.md", b"x"),
                                (second, b"story: other\n")])

    assert list(failed) == [blocked / "c.md"]
    assert first.read_text(encoding="utf-8") == "story: new\n"
    assert second.read_text(encoding="utf-8") == "story: other\n"
    assert sorted(p.name for p in week.iterdir()) == ["a.md", "b.md"]  # no temporary left


def test_a_file_written_alone_replaces_the_old_one_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("old", encoding="utf-8")
    atomic.write_bytes(path, b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
