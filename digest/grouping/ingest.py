"""The story step of ``digest ingest``: load the store into the index, then group each page.

Ingest calls :meth:`IngestStories.add_stored` for every article it reads at the start (the
store), then :meth:`IngestStories.assign` for each page it writes, in input order, and
:meth:`IngestStories.settle_run` at the end. The run's articles are grouped in date order
(the order ``digest stories`` uses) against the store, so one run gives the same stories
however its files were ordered (incremental grouping depends on the order articles arrive,
and file-name order is an accident), and each article is grouped **once**:

- while pages arrive in date order, each is grouped at once, and its id is final;
- from the first page that arrives out of date order on, pages wait: each is written with a
  *provisional* id (its own, as if it started a story: ``date-slug``, unique among the ids in
  use, recorded as provisional), and :meth:`settle_run` groups them in date order at the end.
  The pages grouped at once that come after the earliest waiting one in date order are
  grouped again there too (they met the index in another state than date order gives);
  the rest of them are left as they are.

A run stopped half-way leaves every article it wrote with an id digest wrote (recorded as
provisional): the next run groups those again together with its own articles. Only the
run's articles whose id digest chose move; the store's articles and ids set by hand (or
kept on ``--force``) stay. A waiting page keeps its key, path, sort key, provisional id and
its features by name (:class:`digest.grouping.index.Keys`, as the worker sent them: the
index numbers features only for the articles it groups), as a row of the run's ledger on disk
(:mod:`digest.ingest.ledger`), like the index itself: memory does not grow with the run.
Features come from the extracted title, body, language and date only
(:func:`digest.grouping.features.extract`).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.grouping import record
from digest.grouping.assign import group, story_id
from digest.grouping.features import Features, extract
from digest.grouping.index import Keys, Packed, StoryIndex, order_key, read_meta
from digest.ingest.ledger import Ledger

# story_run_order gives the end-of-run pass its date order as it reads (no sort of every
# waiting row: sqlite's sorter would take as much memory again as the ledger's page cache).
_SCHEMA = """
CREATE TABLE story_run (key TEXT PRIMARY KEY, relative TEXT, story TEXT, undated INTEGER,
    ts REAL, looked_up INTEGER, waiting INTEGER, again INTEGER DEFAULT 0, day INTEGER,
    lang TEXT, portable INTEGER, ids BLOB, title_portable INTEGER, title_ids BLOB,
    script TEXT, names TEXT, title_names TEXT);
CREATE INDEX story_run_waiting ON story_run (story) WHERE waiting;
CREATE INDEX story_run_order ON story_run (undated, ts, key) WHERE waiting;
CREATE INDEX story_run_again ON story_run (again) WHERE again;
CREATE TABLE story_moved (relative TEXT PRIMARY KEY, key TEXT, old TEXT, new TEXT)
    WITHOUT ROWID;
"""
# sqlite's page cache for the end-of-run pass (:meth:`IngestStories.settle_run`, after
# :meth:`Ledger.shrink`): the pass reads each waiting row once, in date order, and each day's
# articles about once (the index keeps the days it reads in memory), so sqlite's cache saves
# it little (its CPU at 10,000 pages is the same from 4096 KB down to 64 KB), while the
# write phase's pages, which nothing reads again, would hold the memory the pass needs.
PASS_CACHE_KB = 256
_WAITING = ("key, relative, story, day, lang, portable, ids, title_portable, title_ids, "
            "script, names, title_names")


def _stem(relative: str) -> str:
    """The slug of an article's path (``war/2023-W34/slug.md`` -> ``slug``), by ``os.path``
    string functions rather than ``Path(relative).stem``: pathlib interns every part of every
    path it parses, and a name interned for a moment leaves a slot behind in the
    interpreter's table of interned strings, which is rebuilt whole (a second table of as
    many slots as the run's file names, ~1 MB at 10,000 pages) once enough have piled up."""
    return os.path.splitext(os.path.basename(relative))[0]


class _Taken:
    """The ids in use: the index's stories and the provisional ids of waiting articles."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __contains__(self, story: object) -> bool:
        return self.db.execute(
            "SELECT 1 FROM story_article WHERE story = ?1 UNION ALL "
            "SELECT 1 FROM story_run WHERE waiting AND story = ?1 LIMIT 1",
            (story,)).fetchone() is not None


@dataclass(slots=True)
class Moved:
    """An article of this run whose final story differs from the one it was written with."""

    key: str
    relative: str
    old: str
    new: str


class Moves:
    """The moves of :meth:`IngestStories.settle_run`, by path, read from the ledger as
    they are iterated (a run can move every one of its articles)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM story_moved").fetchone()[0]

    def __bool__(self) -> bool:
        return self.db.execute("SELECT 1 FROM story_moved LIMIT 1").fetchone() is not None

    def __iter__(self) -> Iterator[Moved]:
        for key, relative, old, new in self.db.execute(
                "SELECT key, relative, old, new FROM story_moved ORDER BY relative"):
            yield Moved(key, relative, old, new)


class IngestStories:
    """Story ids for one ingest run; ids are recorded as written unless ``dry_run``.

    The index and the run's own bookkeeping (each article's path, order and id, the
    waiting ones' features, the moves of the end-of-run pass) are rows of ``ledger``
    (:mod:`digest.ingest.ledger`; by default a private temporary file), so the memory a
    run takes does not grow with its articles.
    """

    def __init__(self, root: Path, default_lang: str, dry_run: bool,
                 tz: dt.tzinfo = dt.UTC, ledger: Ledger | None = None):
        self.root, self.default_lang, self.dry_run = Path(root), default_lang, dry_run
        self.tz = tz
        self._ledger = ledger or Ledger()
        self._own = ledger is None
        self.db = self._ledger.db
        self.db.executescript(_SCHEMA)
        self.index = StoryIndex(self._ledger)
        written, unsettled = record.load_state(self.root)
        # the ids an unfinished run wrote: the only part of the record this run reads
        self._unsettled = {key: written[key] for key in unsettled}
        del written
        self._unassigned: list[tuple[Any, ...]] = []
        self._last: tuple[bool, float, str] | None = None  # the latest grouped at once
        self._in_order = True  # no page has arrived out of date order yet
        self._settling = False
        self._record = record.Appender(self.root)

    def add_stored(self, meta: dict[str, Any], body: str, relative: str,
                   features: Features | None = None) -> None:
        """An article already in content/: indexed with its story (grouped if it has none).
        ``features`` may come precomputed (:mod:`digest.ingest.known` keeps them)."""
        key = record.article_key(meta, relative)
        title, lang, day = read_meta(meta, self.default_lang)
        features = features or extract(title, body, lang)
        story = meta.get("story")
        slug = _stem(relative)
        if story is None or story == "":
            self._unassigned.append((key, features, day, lang, slug))
            return
        group(self.index, key, features, day, lang, slug, fixed=str(story))
        if self._unsettled.get(key) == str(story):
            # written by a run that stopped before it settled: this run settles it
            self._place(key, relative, str(story), order_key(meta, key, self.tz),
                        looked_up=False)
            # its id was chosen out of date order: this run's pages wait for the end too
            self._in_order = False

    def _place(self, key: str, relative: str, story: str, order: tuple[bool, float, str],
               looked_up: bool = True, waiting: Keys | None = None,
               day: dt.date | None = None, lang: str | None = None) -> None:
        """Record one article of this run whose story digest chose: grouped (``looked_up``
        False: settled from a stopped run), or ``waiting`` with these features."""
        portable, names, title_portable, title_names, script = waiting or (None,) * 5
        self.db.execute("INSERT OR REPLACE INTO story_run VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, NULL, ?, NULL, ?, ?, ?)",
                        (key, relative, story, order[0], order[1], looked_up,
                         waiting is not None, None if day is None else day.toordinal(), lang,
                         portable, title_portable, script, names, title_names))

    def _settle(self) -> None:
        """Articles written before stories existed: grouped in date order, in memory only."""
        pending = sorted(self._unassigned, key=lambda t: (t[2] is None, t[2] or dt.date.min,
                                                          t[0]))
        self._unassigned = []
        for key, features, day, lang, slug in pending:
            group(self.index, key, features, day, lang, slug)

    def assign(self, meta: dict[str, Any], body: str, relative: str,
               existing: dict[str, Any] | None = None,
               features: Features | Keys | None = None) -> str:
        """The story id a page is written with (``existing``: the article it replaces).

        Final when the page is grouped at once (pages arriving in date order, ids kept on
        ``--force``), else provisional until :meth:`settle_run`. ``features`` may come
        precomputed (:func:`digest.grouping.index.page_keys` on a worker); the choice itself
        is sequential: it depends on the pages before.
        """
        self._settle()
        key = record.article_key(meta, relative)
        kept = existing.get("story") if existing else None
        title, lang, day = read_meta(meta, self.default_lang)
        features = features or extract(title, body, lang)
        if existing is not None:
            # --force re-ingest: the old copy must not match itself. (Without it, the key,
            # the raw page's id, is new: a page whose raw page the store or this run holds
            # is skipped before it gets here.)
            self.index.discard(key)
            self.db.execute("DELETE FROM story_run WHERE key = ?", (key,))
        slug = _stem(relative)
        if kept not in (None, ""):
            return group(self.index, key, self._numbered(features), day, lang, slug,
                         fixed=str(kept))
        order = order_key(meta, key, self.tz)
        if self._in_order and (self._last is None or order > self._last):
            story = group(self.index, key, self._numbered(features), day, lang, slug, new=True)
            self._place(key, relative, story, order)
            self._last = order
        else:
            self._in_order = False
            story = story_id(day, slug, _Taken(self.db))
            self._place(key, relative, story, order, day=day, lang=lang,
                        waiting=features if isinstance(features, Keys) else Keys.of(features))
        self.recorded(key, story)
        return story

    def _numbered(self, features: Features | Keys) -> Features | Packed:
        """Features to group now: :class:`Keys` numbered by the index."""
        return Packed.numbered(self.index.table, features) if isinstance(features, Keys) \
            else features

    def recorded(self, key: str, story: str) -> None:
        """Note that digest wrote ``story`` for the article (unless this is a dry run); it is
        provisional until :meth:`finish`."""
        if not self.dry_run:
            self._record.append(key, story, provisional=True)

    def finish(self) -> None:
        """The run has written its settled ids: mark them final in the record."""
        if not self.dry_run and self._settling:
            self._record.mark_settled()
        self.close()

    def close(self) -> None:
        """Close the record (:meth:`finish` does; for a run that ends early), and the
        ledger when it made its own."""
        self._record.close()
        if self._own:
            self._ledger.close()

    def settle_run(self) -> Moves:
        """Group the waiting articles in date order; the run's articles whose story changes.

        Each meets the store and the run's earlier articles (in date order: dated by time,
        undated last, ties by key), exactly as ``digest stories`` would add them; a story
        made only of the run's articles is named after its first article in that order.
        The articles grouped at once that come after the earliest waiting one in date order
        (and all of a stopped run's) leave the index first and are grouped again with them;
        the rest met the index in the state date order gives, so they would get the same
        stories (files named by date cost no second pass). The caller writes the new ids
        and calls :meth:`recorded` for each one it wrote. The articles are read from the
        ledger in date order, one at a time.
        """
        self._settle()
        db = self.db
        self._settling = db.execute("SELECT 1 FROM story_run LIMIT 1").fetchone() is not None
        first = db.execute("SELECT undated, ts, key FROM story_run WHERE waiting "
                           "ORDER BY undated, ts, key LIMIT 1").fetchone()
        db.execute("UPDATE story_run SET again = 1 WHERE NOT waiting AND (NOT looked_up"
                   + (" OR (undated, ts, key) > (?, ?, ?))" if first else ")"), first or ())
        while again := db.execute("SELECT key FROM story_run WHERE again LIMIT 512").fetchall():
            for (key,) in again:
                e = self.index.get(key)
                assert e is not None
                db.execute("UPDATE story_run SET again = 0, waiting = 1, day = ?, lang = ?, "
                           "portable = ?, ids = ?, title_portable = ?, title_ids = ?, "
                           "script = ? WHERE key = ?",
                           (None if e.day is None else e.day.toordinal(), e.lang,
                            *e.features.row(), key))
                self.index.remove(key)
        db.execute("DELETE FROM story_moved")
        todo = db.execute(f"SELECT {_WAITING} FROM story_run WHERE waiting "  # noqa: S608
                          "ORDER BY undated, ts, key")
        table = self.index.table
        for (key, relative, old, day, lang, portable, ids, title_portable, title_ids, script,
             names, title_names) in todo:
            when = None if day is None else dt.date.fromordinal(day)
            features = (Packed.load(table, portable, ids, title_portable, title_ids, script)
                        if ids is not None else  # it left the index for this pass
                        Packed.numbered(table, Keys(portable, names, title_portable,
                                                    title_names, script)))
            story = group(self.index, key, features, when, lang, _stem(relative), new=True)
            if story != old:
                db.execute("INSERT INTO story_moved VALUES (?, ?, ?, ?)",
                           (relative, key, old, story))
        db.execute("DELETE FROM story_run")
        return Moves(db)
