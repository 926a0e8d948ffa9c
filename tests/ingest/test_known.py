"""A run knows the stored articles from the cache where their files did not change, exactly as
it would from the files themselves."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3

import pytest

from digest.config import Config
from digest.grouping.features import extract
from digest.ingest import known
from digest.ingest.dedupe import fingerprint
from digest.ingest.store import Store, article_id

KYIV = dt.timezone(dt.timedelta(hours=3))
BODY = ("Ukrainian air defence shot down eleven of the fourteen drones Russia launched at Odesa "
        "overnight, the Southern Defence Forces said on Wednesday. Debris damaged a warehouse "
        "in the port and two people were injured, regional governor Oleh Kiper wrote on "
        "Telegram. The attack lasted nearly three hours, and air raid sirens sounded across "
        "the region until the early morning.\n")


def config(root, **kw) -> Config:
    return Config(root=root, timezone=kw.pop("timezone", "Europe/Kyiv"), **kw)


def write(store: Store, slug: str, body: str = BODY, **extra) -> None:
    sha = (slug.encode().hex() * 64)[:64]
    meta = {"title": f"Drones over Odesa {slug}", "date": dt.datetime(2023, 8, 16, 9, 27,
                                                                      tzinfo=KYIV),
            "topic": "war", "lang": "en", "tags": ["drones", "Odesa"], "id": article_id(sha),
            "raw": f"raw/{slug}.txt", "raw_sha256": sha, **extra}
    store.write(store.path_for("war", meta["date"], slug), meta, body)


def fresh(path) -> tuple:
    """What a run derives from the file itself."""
    from digest import frontmatter

    doc = frontmatter.parse(path.read_text(encoding="utf-8"))
    return fingerprint(doc.body), extract(doc.meta["title"], doc.body)


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(config(tmp_path))
    write(s, "a")
    write(s, "b", BODY.replace("eleven", "twelve"), story="2023-08-16-odesa")
    return s


def test_the_cache_gives_what_the_files_give(store):
    first = list(known.stored(store, config(store.root)))
    assert (store.root / ".digest" / known.CACHE_FILE).is_file()
    second = list(known.stored(store, config(store.root)))
    assert [k.path for k in second] == [k.path for k in first] == sorted(
        store.content.rglob("*.md"))
    for k in second:
        assert (k.fingerprint, k.features) == fresh(k.path)
        assert k.meta["date"] == dt.datetime(2023, 8, 16, 9, 27, tzinfo=KYIV)
        assert k.meta["tags"] == ["drones", "Odesa"] and k.meta["raw"].startswith("raw/")
    assert [k.meta.get("story") for k in second] == [None, "2023-08-16-odesa"]


def _rows(store: Store) -> dict[str, dict]:
    with sqlite3.connect(store.root / ".digest" / known.CACHE_FILE) as db:
        return {p: json.loads(d) for p, d in db.execute("SELECT path, data FROM known")}


def test_an_unchanged_file_is_not_read_again_even_touched_and_an_edited_one_is(store):
    list(known.stored(store, config(store.root)))
    [a, b] = sorted(store.content.rglob("*.md"))
    # mark a's row: served from the cache, the mark shows
    with sqlite3.connect(store.root / ".digest" / known.CACHE_FILE) as db:
        name = a.relative_to(store.content).as_posix()
        [data] = db.execute("SELECT data FROM known WHERE path = ?", (name,)).fetchone()
        row = json.loads(data)
        row["meta"]["title"] = "from the cache"
        db.execute("UPDATE known SET data = ? WHERE path = ?", (json.dumps(row), name))
    b.write_text(b.read_text(encoding="utf-8").replace("Odesa overnight", "Kyiv overnight"),
                 encoding="utf-8")
    os.utime(b, ns=(b.stat().st_atime_ns, b.stat().st_mtime_ns + 1_000_000_000))
    os.utime(a, ns=(a.stat().st_atime_ns, a.stat().st_mtime_ns + 1_000_000_000))  # a checkout
    got = {k.path: k for k in known.stored(store, config(store.root))}
    assert got[a].meta["title"] == "from the cache"  # same bytes: the row holds
    assert got[b].features == fresh(b)[1] and "n:kv" in got[b].features.names  # read again


def test_rows_of_deleted_files_go_and_other_settings_start_over(store):
    list(known.stored(store, config(store.root)))
    [a, _] = sorted(store.content.rglob("*.md"))
    a.unlink()
    list(known.stored(store, config(store.root)))
    assert list(_rows(store)) == [p.relative_to(store.content).as_posix()
                                  for p in sorted(store.content.rglob("*.md"))]
    assert known.version(config(store.root)) != known.version(config(store.root, language="uk"))
    with sqlite3.connect(store.root / ".digest" / known.CACHE_FILE) as db:
        db.execute("UPDATE known SET data = 'not json'")
    list(known.stored(store, config(store.root, language="uk")))  # another version: rebuilt
    assert all(isinstance(r, dict) for r in _rows(store).values())


def test_a_damaged_cache_is_replaced_and_a_dry_run_writes_none(store):
    cache = store.root / ".digest" / known.CACHE_FILE
    assert [k.features for k in known.stored(store, config(store.root), write=False)] == [
        fresh(p)[1] for p in sorted(store.content.rglob("*.md"))]
    assert not cache.exists()  # a dry run reads a cache, never writes one
    cache.parent.mkdir(exist_ok=True)
    cache.write_bytes(b"this is not a database" * 100)
    assert len(list(known.stored(store, config(store.root)))) == 2
    assert len(_rows(store)) == 2


def test_an_unparseable_article_still_claims_its_raw_page(store):
    path = sorted(store.content.rglob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    [claim] = [k for k in known.stored(store, config(store.root)) if k.path == path]
    assert claim.features is None and claim.meta["raw_sha256"] in text
    assert path.relative_to(store.content).as_posix() not in _rows(store)  # read each time
