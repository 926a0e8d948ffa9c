"""The story step of ``digest ingest``: load the store into the index, then group each page.

Ingest calls :meth:`IngestStories.add_stored` for every article it reads at the start (the
store), then :meth:`IngestStories.assign` for each page it writes, in input order: that id
is *provisional* (each article is written with it and recorded, so a run stopped half-way
leaves every article with an id digest wrote). At the end, :meth:`IngestStories.settle_run`
groups the run's new articles again, in date order (the order ``digest stories`` uses),
against the store: incremental grouping depends on the order articles arrive, and file-name
order is an accident, so one run gives the same stories however its files were ordered.
Only the run's articles whose id digest chose move; the store's articles and ids set by
hand (or kept on ``--force``) stay. What that pass keeps per article is its key, path, sort
key and provisional id (the features are the index's own), so memory stays bounded by the
index, not by the analysed pages. Features come from the extracted title, body, language
and date only (:func:`digest.grouping.features.extract`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.grouping import record
from digest.grouping.assign import group
from digest.grouping.features import Features, extract
from digest.grouping.index import StoryIndex, order_key, read_meta


@dataclass(slots=True)
class Placed:
    """One article of this run whose story digest chose: where it is, and its id so far."""

    key: str
    relative: str
    story: str
    order: tuple[bool, float, str]
    looked_up: bool = True  # grouped by this run (False: settled from a stopped run)


@dataclass
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
        self._settling = False

    def add_stored(self, meta: dict[str, Any], body: str, relative: str) -> None:
        """An article already in content/: indexed with its story (grouped if it has none)."""
        key = record.article_key(meta, relative)
        title, lang, day = read_meta(meta, self.default_lang)
        features = extract(title, body, lang)
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
        """The story of a page being written (``existing``: the article it replaces).

        ``features`` may come precomputed (``extract(title, body, lang)`` on a worker);
        the choice itself is sequential: it depends on the pages written before.
        """
        self._settle()
        key = record.article_key(meta, relative)
        kept = existing.get("story") if existing else None
        title, lang, day = read_meta(meta, self.default_lang)
        features = features or extract(title, body, lang)
        if key in self.index.entries:
            self.index.remove(key)  # --force re-ingest: the old copy must not match itself
        fixed = str(kept) if kept not in (None, "") else None
        story = group(self.index, key, features, day, lang, Path(relative).stem, fixed=fixed)
        self._placed.pop(key, None)
        if fixed is None:
            self._placed[key] = Placed(key, relative, story, order_key(meta, key, self.tz))
            self.recorded(key, story)
        return story

    def recorded(self, key: str, story: str) -> None:
        """Note that digest wrote ``story`` for the article (unless this is a dry run); it is
        provisional until :meth:`finish`."""
        if not self.dry_run:
            record.append(self.root, key, story, provisional=True)

    def finish(self) -> None:
        """The run has written its settled ids: mark them final in the record."""
        if not self.dry_run and self._settling:
            record.mark_settled(self.root)

    def settle_run(self) -> list[Moved]:
        """Group this run's articles again in date order; the ones whose story changes.

        They leave the index first, then come back one by one in date order (dated by
        time, undated last, ties by key), each meeting the store and the run's earlier
        articles, exactly as ``digest stories`` would add them. A story made only of the
        run's articles is named after its first article in that order. The articles that
        arrived in date order before the first one that did not are left as they are: the
        index met them in the same state, so they would get the same stories (files named
        by date cost no second pass). The caller writes the new ids and calls
        :meth:`recorded` for each one it wrote.
        """
        self._settle()
        arrived = list(self._placed.values())  # in the order they were grouped
        placed = sorted(arrived, key=lambda p: p.order)
        self._settling = bool(placed)
        self._placed = {}
        placed = placed[_same_start(arrived, placed):]
        entries = {p.key: self.index.entries[p.key] for p in placed}
        for p in placed:
            self.index.remove(p.key)
        moved = []
        for p in placed:
            e = entries[p.key]
            story = group(self.index, p.key, e.features, e.day, e.lang, Path(p.relative).stem)
            if story != p.story:
                moved.append(Moved(p.key, p.relative, p.story, story))
        return sorted(moved, key=lambda m: m.relative)


def _same_start(arrived: list[Placed], ordered: list[Placed]) -> int:
    """How many articles at the start were grouped in date order already (0 when some came
    from a stopped run: their ids were chosen against another store)."""
    if not all(p.looked_up for p in arrived):
        return 0
    n = 0
    while n < len(arrived) and arrived[n] is ordered[n]:
        n += 1
    return n
