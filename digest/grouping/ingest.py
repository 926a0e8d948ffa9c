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
the index's compact copy of its features (what the index would hold anyway), so memory stays
bounded by the index, not by the analysed pages. Features come from the extracted title,
body, language and date only (:func:`digest.grouping.features.extract`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.grouping import record
from digest.grouping.assign import group, story_id
from digest.grouping.features import Features, extract
from digest.grouping.index import Packed, StoryIndex, order_key, read_meta


@dataclass(slots=True)
class Placed:
    """One article of this run whose story digest chose: where it is, and its id so far."""

    key: str
    relative: str
    story: str
    order: tuple[bool, float, str]
    looked_up: bool = True  # grouped by this run (False: settled from a stopped run)


@dataclass(slots=True)
class Waiting:
    """One article of this run written with a provisional id, grouped in date order at the
    end (:meth:`IngestStories.settle_run`)."""

    key: str
    relative: str
    story: str  # the provisional id it was written with
    order: tuple[bool, float, str]
    features: Packed
    day: dt.date | None
    lang: str


class _Taken:
    """The ids in use: the index's stories and the provisional ids of waiting articles."""

    def __init__(self, index: StoryIndex, provisional: set[str]):
        self.index, self.provisional = index, provisional

    def __contains__(self, story: object) -> bool:
        return story in self.index.members or story in self.provisional


@dataclass(slots=True)
class Moved:
    """An article of this run whose final story differs from the one it was written with."""

    key: str
    relative: str
    old: str
    new: str


class IngestStories:
    """Story ids for one ingest run; ids are recorded as written unless ``dry_run``."""

    def __init__(self, root: Path, default_lang: str, dry_run: bool,
                 tz: dt.tzinfo = dt.UTC):
        self.root, self.default_lang, self.dry_run = Path(root), default_lang, dry_run
        self.tz = tz
        self.index = StoryIndex()
        written, unsettled = record.load_state(self.root)
        # the ids an unfinished run wrote: the only part of the record this run reads
        self._unsettled = {key: written[key] for key in unsettled}
        self._unassigned: list[tuple[Any, ...]] = []
        self._placed: dict[str, Placed] = {}  # this run's articles digest grouped, by key
        self._waiting: dict[str, Waiting] = {}  # this run's articles grouped at the end
        self._provisional: set[str] = set()  # the waiting articles' ids
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
        slug = Path(relative).stem
        if story is None or story == "":
            self._unassigned.append((key, features, day, lang, slug))
            return
        group(self.index, key, features, day, lang, slug, fixed=str(story))
        if self._unsettled.get(key) == str(story):
            # written by a run that stopped before it settled: this run settles it
            self._placed[key] = Placed(key, relative, str(story),
                                       order_key(meta, key, self.tz), looked_up=False)
            # its id was chosen out of date order: this run's pages wait for the end too
            self._in_order = False

    def _settle(self) -> None:
        """Articles written before stories existed: grouped in date order, in memory only."""
        pending = sorted(self._unassigned, key=lambda t: (t[2] is None, t[2] or dt.date.min,
                                                          t[0]))
        self._unassigned = []
        for key, features, day, lang, slug in pending:
            group(self.index, key, features, day, lang, slug)

    def assign(self, meta: dict[str, Any], body: str, relative: str,
               existing: dict[str, Any] | None = None,
               features: Features | None = None) -> str:
        """The story id a page is written with (``existing``: the article it replaces).

        Final when the page is grouped at once (pages arriving in date order, ids kept on
        ``--force``), else provisional until :meth:`settle_run`. ``features`` may come
        precomputed (``extract(title, body, lang)`` on a worker); the choice itself is
        sequential: it depends on the pages before.
        """
        self._settle()
        key = record.article_key(meta, relative)
        kept = existing.get("story") if existing else None
        title, lang, day = read_meta(meta, self.default_lang)
        features = features or extract(title, body, lang)
        if key in self.index.entries:
            self.index.remove(key)  # --force re-ingest: the old copy must not match itself
        self._placed.pop(key, None)
        gone = self._waiting.pop(key, None)
        if gone is not None:
            self._provisional.discard(gone.story)
        slug = Path(relative).stem
        if kept not in (None, ""):
            return group(self.index, key, features, day, lang, slug, fixed=str(kept))
        order = order_key(meta, key, self.tz)
        if self._in_order and (self._last is None or order > self._last):
            story = group(self.index, key, features, day, lang, slug)
            self._placed[key] = Placed(key, relative, story, order)
            self._last = order
        else:
            self._in_order = False
            story = story_id(day, slug, _Taken(self.index, self._provisional))
            self._provisional.add(story)
            self._waiting[key] = Waiting(key, relative, story, order,
                                         self.index.pack(features),
                                         *self.index.shared(day, lang))
        self.recorded(key, story)
        return story

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
        """Close the record (:meth:`finish` does; for a run that ends early)."""
        self._record.close()

    def settle_run(self) -> list[Moved]:
        """Group the waiting articles in date order; the run's articles whose story changes.

        Each meets the store and the run's earlier articles (in date order: dated by time,
        undated last, ties by key), exactly as ``digest stories`` would add them; a story
        made only of the run's articles is named after its first article in that order.
        The articles grouped at once that come after the earliest waiting one in date order
        (and all of a stopped run's) leave the index first and are grouped again with them;
        the rest met the index in the state date order gives, so they would get the same
        stories (files named by date cost no second pass). The caller writes the new ids
        and calls :meth:`recorded` for each one it wrote.
        """
        self._settle()
        placed, waiting = list(self._placed.values()), list(self._waiting.values())
        self._settling = bool(placed or waiting)
        self._placed, self._waiting, self._provisional = {}, {}, set()
        first = min((w.order for w in waiting), default=None)
        again = [p for p in placed
                 if not p.looked_up or (first is not None and p.order > first)]
        todo: list[Waiting] = []
        for p in again:
            e = self.index.entries[p.key]
            todo.append(Waiting(p.key, p.relative, p.story, p.order, e.features, e.day, e.lang))
            self.index.remove(p.key)
        todo += waiting
        del placed, waiting, again
        todo.sort(key=lambda w: w.order)
        todo.reverse()
        moved = []
        while todo:  # each let go once grouped: the index grows as the list shrinks
            w = todo.pop()
            story = group(self.index, w.key, w.features, w.day, w.lang, Path(w.relative).stem)
            if story != w.story:
                moved.append(Moved(w.key, w.relative, w.story, story))
        return sorted(moved, key=lambda m: m.relative)
