"""The story index: articles by day, so a new article meets only its neighbours.

A new article is compared with the articles that share at least one *distinctive* feature
with it and whose day is within :data:`WINDOW_DAYS` of its own (an event is reported within
a few days); never with the whole store. Articles are kept by day, so a lookup touches only
the days of the window: the keys of their articles are read in one numpy pass from the flat
arrays that hold every indexed article's keys as feature numbers (:class:`FeatureTable`).
Articles without a reliable date (no date, or one guessed from the file's modification
time) sit in an "undated" bucket: they are looked up by every query, and they look up every
day, but only through distinctive features.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import sys
from array import array
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from digest.grouping.features import Features

WINDOW_DAYS = 2
# A feature held by more than this share of the store (and more than MIN_COMMON articles)
# is not used to find candidates: "Ukraine" in a digest about Ukraine names no event.
COMMON_SHARE = 0.05
MIN_COMMON = 20
# The most articles one lookup scores in full: those sharing the most distinctive weight.
# An article sharing less than the 50th best cannot reach the thresholds in practice, and the
# bound keeps a lookup's cost flat however dense the window (10,000 articles a year).
MAX_CANDIDATES = 50
# A lookup sums the shared weight of this many of its window's dated articles in one numpy
# pass (~150 keys each: a few MB of temporary arrays at most).
SCAN_ARTICLES = 512
# A story of this many members keeps them by day too (see StoryIndex._story_days).
STORY_DAYS_FROM = 8
# Date sources that only say when the page was saved or served (the file's modification
# time, the fetch time, HTTP Last-Modified), not when the event was reported: undated here.
WEAK_DATE_SOURCES = frozenset({"mtime", "text+mtime", "fetched", "http"})


@dataclass(slots=True)
class Entry:
    """One article as the index knows it; ``key`` identifies it (its id, else its path).

    Once added, ``features`` is the index's :class:`Packed` copy of them."""

    key: str
    story: str
    day: dt.date | None
    lang: str
    features: Features | Packed
    number: int = -1  # its number in the index (set when added)


class Packed:
    """An indexed article's features as the index keeps them, for as long as it lives.

    What grouping reads of a stored article is its keys (all, or the portable ones), the
    headline's keys and the alphabet; a :class:`Features` keeps seven sets for that, each
    with its own copies of the key strings (as a worker sent them). Here the keys are the
    index's feature numbers (:class:`FeatureTable`), portable keys first, each part sorted
    by name, and the headline's few keys likewise, stored in the table's two flat arrays
    of all packed articles' keys (4 bytes a key, no array or set per article): this object
    only says which pack (row of :attr:`FeatureTable.bounds`) is the article's. Portable
    keys (``d:``, ``n:``) sort before words (``w:``), so the keys are in name order. The
    similarity reads the numbers in bulk; the names are looked up when an article is
    looked up by them.
    """

    __slots__ = ("_table", "pack", "script")

    def __init__(self, features: Features, table: FeatureTable):
        portable = sorted(features.keyset(cross_language=True))
        words = sorted(features.keyset() - features.keyset(cross_language=True))
        title = sorted(features.title & features.keyset())
        title_portable = [k for k in title if k in features.portable]
        self._table = table
        self.pack = table.store(table.ids(portable + words), len(portable),
                                table.ids(title_portable + [k for k in title
                                                            if k not in features.portable]),
                                len(title_portable))
        self.script = features.script

    @property
    def ids(self) -> np.ndarray:
        """All keys as feature numbers (a view of the table's array)."""
        start, _, end = self._table.key_bounds(self.pack)
        return self._table.keys[start:end]

    @property
    def title_ids(self) -> np.ndarray:
        """The headline's keys as feature numbers."""
        start, _, end = self._table.title_bounds(self.pack)
        return self._table.heads[start:end]

    @property
    def title(self) -> frozenset[str]:
        """The keys the headline carries (they weigh more)."""
        return frozenset(map(self._table.names.__getitem__, self.title_ids.tolist()))

    def keyset(self, cross_language: bool = False) -> tuple[str, ...]:
        """All keys, or only those that can match an article in another language."""
        return tuple(map(self._table.names.__getitem__, self.key_ids(cross_language).tolist()))

    def key_ids(self, cross_language: bool = False) -> np.ndarray:
        """:meth:`keyset` as feature numbers."""
        start, portable, end = self._table.key_bounds(self.pack)
        return self._table.keys[start:portable if cross_language else end]


class FeatureTable:
    """Every feature the index has met, numbered, with its document frequency and
    ``log(1 + df)`` per number; and every packed article's keys (:class:`Packed`).

    The similarity of a new article to its neighbours (:meth:`digest.grouping.assign._Query.
    similarities`) is a sum over each neighbour's few hundred keys, the story step's hottest
    loop; with the keys as numbers and their ``log(1 + df)`` in an array, it is a handful
    of numpy operations per lookup instead of a Python loop per neighbour. ``df`` counts
    the indexed articles holding each feature, ``logdf`` holds ``math.log(1 + df)`` (0 for a
    feature no indexed article has); ``scratch`` is a zeroed array of the same length for
    a query's weights.

    The packed articles' keys are two flat arrays, ``keys`` (all keys of each article, one
    after the other) and ``heads`` (their headline keys); ``bounds`` has one row per pack:
    where its keys start, end their portable part and end, and the same for its headline
    keys (compressed sparse rows). An article keeps its pack however often the index adds
    and removes it; a pack is kept for as long as the table lives.
    """

    def __init__(self) -> None:
        self.number: dict[str, int] = {}
        self.names: list[str] = []  # number -> the one string of the feature
        self.logdf = np.zeros(1024)
        self.scratch = np.zeros(1024)
        self.wanted = np.zeros(1024, bool)  # True where ``scratch`` holds a query's weight
        self.df = np.zeros(1024, np.int32)
        self._logs = np.zeros(0)  # math.log(1 + k) for k = 0, 1, ...
        self.keys = np.zeros(1 << 16, np.int32)
        self.heads = np.zeros(1 << 12, np.int32)
        self.bounds = np.zeros((1024, 6), np.int64)
        self._sizes = [0, 0, 0]  # used lengths of keys, heads and bounds

    def ids(self, keys: list[str]) -> np.ndarray:
        """The numbers of ``keys``, numbering new ones."""
        number, names = self.number, self.names
        for key in keys:
            if key not in number:
                number[key] = len(names)
                names.append(key)
        if len(names) > len(self.logdf):
            self._grow(len(names))
        return np.fromiter(map(number.__getitem__, keys), np.int32, len(keys))

    def _grow(self, needed: int) -> None:
        size = len(self.logdf)
        while size < needed:
            size *= 2
        for name in ("logdf", "scratch", "wanted", "df"):
            setattr(self, name, _grown(getattr(self, name), size))

    def store(self, keys: np.ndarray, portable: int, heads: np.ndarray,
              heads_portable: int) -> int:
        """Append one article's keys and headline keys; its pack number."""
        nkeys, nheads, pack = self._sizes
        if nkeys + len(keys) > len(self.keys):
            self.keys = _grown(self.keys, _enough(len(self.keys), nkeys + len(keys)))
        if nheads + len(heads) > len(self.heads):
            self.heads = _grown(self.heads, _enough(len(self.heads), nheads + len(heads)))
        if pack >= len(self.bounds):
            self.bounds = _grown(self.bounds, _enough(len(self.bounds), pack + 1))
        self.keys[nkeys:nkeys + len(keys)] = keys
        self.heads[nheads:nheads + len(heads)] = heads
        self.bounds[pack] = (nkeys, nkeys + portable, nkeys + len(keys),
                             nheads, nheads + heads_portable, nheads + len(heads))
        self._sizes = [nkeys + len(keys), nheads + len(heads), pack + 1]
        return pack

    def key_bounds(self, pack: int) -> tuple[int, int, int]:
        """Where the pack's keys start, end their portable part, and end."""
        start, portable, end = self.bounds[pack, :3].tolist()
        return start, portable, end

    def title_bounds(self, pack: int) -> tuple[int, int, int]:
        """The same for its headline keys."""
        start, portable, end = self.bounds[pack, 3:].tolist()
        return start, portable, end

    def gather(self, packs: np.ndarray, cross: bool, title: bool) -> tuple[np.ndarray,
                                                                          np.ndarray]:
        """The keys (``title``: the headline's keys) of the ``packs``, one article after the
        other, each in its own order (``cross``: the portable ones only); and for each key,
        the place of its article in ``packs``."""
        column = 3 if title else 0
        rows = self.bounds[packs]
        starts, ends = rows[:, column], rows[:, column + (1 if cross else 2)]
        lengths = ends - starts
        place = np.repeat(np.arange(len(packs)), lengths)
        before = np.cumsum(lengths) - lengths  # where each article's run starts in the result
        flat = np.arange(int(lengths.sum())) + np.repeat(starts - before, lengths)
        return (self.heads if title else self.keys)[flat], place

    def count(self, ids: np.ndarray, delta: int) -> None:
        """An article holding ``ids`` (each once) was indexed (``delta`` 1) or removed (-1):
        its features' ``df`` and ``logdf``."""
        df = self.df
        df[ids] += delta
        counts = df[ids]
        top = int(counts.max()) if len(counts) else 0
        if top >= len(self._logs):
            # the logs math.log gives (numpy's log may differ in the last bit)
            more = [math.log(1 + k) for k in range(len(self._logs), 2 * top + 2)]
            self._logs = np.concatenate([self._logs, more])
        self.logdf[ids] = self._logs[counts]


def _enough(size: int, needed: int) -> int:
    while size < needed:
        size *= 2
    return size


def _grown(old: np.ndarray, size: int) -> np.ndarray:
    """``old`` in an array of ``size`` rows, zeros after it."""
    grown = np.zeros((size, *old.shape[1:]), old.dtype)
    grown[:len(old)] = old
    return grown


def day_of(date: object, date_source: object = None) -> dt.date | None:
    """The article's day, or None when there is no date or it is only a guess."""
    if isinstance(date_source, str) and date_source in WEAK_DATE_SOURCES:
        return None
    if isinstance(date, dt.datetime):
        return date.date()
    if isinstance(date, dt.date):
        return date
    return None


def read_meta(meta: dict[str, Any], default_lang: str) -> tuple[str, str, dt.date | None]:
    """What grouping reads of an article's front matter: its title ("" when it has none),
    language (``default_lang`` when unset) and day (:func:`day_of`)."""
    title = meta.get("title") if isinstance(meta.get("title"), str) else ""
    lang = meta.get("lang") if isinstance(meta.get("lang"), str) else default_lang
    return title, lang, day_of(meta.get("date"), meta.get("date_source"))


def order_key(meta: dict[str, Any], key: str, tz: dt.tzinfo) -> tuple[bool, float, str]:
    """Where an article comes when articles are grouped in date order: dated ones first, by
    time (a date alone is its midnight in ``tz``), then undated ones; ties by key.

    Both ``digest stories`` and the end of ``digest ingest`` group in this order, so that a
    run's grouping does not depend on the order its files were given in.
    """
    day = day_of(meta.get("date"), meta.get("date_source"))
    if day is None:
        return (True, 0.0, key)
    date = meta.get("date")
    if not isinstance(date, dt.datetime):
        date = dt.datetime.combine(day, dt.time(0, 0))
    if date.tzinfo is None:
        date = date.replace(tzinfo=tz)
    return (False, date.timestamp(), key)


def _numbers() -> array:
    return array("i")


class StoryIndex:
    """The indexed articles by day, with document frequencies for IDF.

    An article is its :class:`Entry` and a number, its place in ``_keys`` (number -> key)
    and ``_packs`` (number -> its :class:`Packed` keys in the table); a day's articles are
    their numbers (4 bytes each in a flat array, in order of arrival). An article gets a new
    number each time it is added. A lookup reads the keys of the articles of its window's
    days from the table's flat arrays in one numpy pass (:meth:`candidates`), so the index
    keeps no posting list per feature and day: its memory is the articles' keys, ~4 bytes a
    key, and a few objects per article.
    """

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.members: dict[str, list[str]] = defaultdict(list)  # story -> keys, in order added
        # story -> day -> keys, in order added, for stories of STORY_DAYS_FROM members or
        # more: their members near a date, read without looking at all of them (a story of
        # an archive can hold hundreds; most hold one or two, and are read whole)
        self._story_days: dict[str, dict[dt.date | None, list[str]]] = {}
        self._same: dict[dt.date, dt.date] = {}  # one date object per day
        self._days: dict[dt.date, array] = defaultdict(_numbers)  # day -> numbers
        # feature number -> the undated articles holding it: every lookup reads the undated
        # bucket, and only through its query's distinctive features
        self._undated: dict[int, array] = defaultdict(_numbers)
        self._keys: list[str] = []  # article number -> key
        self._packs = array("i")  # article number -> its pack in the table
        self._scanned = array("i")  # pack -> the number of the dated article holding it, or -1
        self.looked_at: set[dt.date | None] = set()  # day buckets the last lookup read (tests)
        self.table = FeatureTable()  # one string and number per feature, the articles' keys

    def pack(self, features: Features | Packed) -> Packed:
        """The compact copy of an article's features the index keeps (see :class:`Packed`)."""
        return features if isinstance(features, Packed) else Packed(features, self.table)

    def __len__(self) -> int:
        return len(self.entries)

    def shared(self, day: dt.date | None, lang: str) -> tuple[dt.date | None, str]:
        """The index's one object for ``day`` and one string for ``lang`` (a worker sends
        each article its own copies)."""
        return (day if day is None else self._same.setdefault(day, day)), sys.intern(lang)

    def add(self, entry: Entry) -> None:
        """Add an article (replacing one with the same key)."""
        if entry.key in self.entries:
            self.remove(entry.key)
        entry.features = self.pack(entry.features)
        entry.number = len(self._keys)
        entry.day, entry.lang = self.shared(entry.day, entry.lang)
        self._keys.append(entry.key)
        self._packs.append(entry.features.pack)
        self.entries[entry.key] = entry
        members = self.members[entry.story]
        members.append(entry.key)
        by_day = self._story_days.get(entry.story)
        if by_day is not None:
            by_day[entry.day].append(entry.key)
        elif len(members) >= STORY_DAYS_FROM:
            by_day = self._story_days[entry.story] = defaultdict(list)
            for key in members:
                by_day[self.entries[key].day].append(key)
        ids = entry.features.ids
        if entry.day is None:
            undated, number = self._undated, entry.number
            for feature in ids.tolist():
                undated[feature].append(number)
        else:
            self._days[entry.day].append(entry.number)
            pack, scanned = entry.features.pack, self._scanned
            if pack >= len(scanned):
                scanned.extend(array("i", [-1]) * (pack + 1 - len(scanned)))
            scanned[pack] = entry.number
        self.table.count(ids, 1)

    def remove(self, key: str) -> None:
        entry = self.entries.pop(key)
        self.members[entry.story].remove(key)
        by_day = self._story_days.get(entry.story)
        if by_day is not None:
            by_day[entry.day].remove(key)
        if not self.members[entry.story]:
            del self.members[entry.story]
            self._story_days.pop(entry.story, None)
        ids = entry.features.ids
        if entry.day is None:
            undated = self._undated
            for feature in ids.tolist():
                undated[feature].remove(entry.number)
                if not undated[feature]:
                    del undated[feature]
        else:
            self._days[entry.day].remove(entry.number)
            self._scanned[entry.features.pack] = -1
        self.table.count(ids, -1)

    def idf(self, feature: str) -> float:
        """Smoothed inverse document frequency over the indexed articles."""
        number = self.table.number.get(feature)
        return self.idf_base() - (float(self.table.logdf[number]) if number is not None
                                  else 0.0)

    def idf_base(self) -> float:
        """``log(1 + n) + 1``: an IDF is this minus ``log(1 + df)`` (``table.logdf``)."""
        return math.log(1 + len(self.entries)) + 1.0

    def common_limit(self) -> float:
        """The most articles a feature may be held by and still be distinctive: past it, a
        feature is too common to find an article's story by."""
        return max(MIN_COMMON, COMMON_SHARE * len(self.entries))

    def days(self, day: dt.date | None) -> list[dt.date | None] | None:
        """The day buckets a query on ``day`` reads; None means every bucket (undated query)."""
        if day is None:
            return None
        window = [day + dt.timedelta(days=d) for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1)]
        return [*window, None]

    def candidates(self, features: Features | Packed, day: dt.date | None) -> list[str]:
        """Keys of the articles in the window that share the most distinctive weight with
        ``features`` (at most :data:`MAX_CANDIDATES`; ties by key), sorted by key.

        An article's shared weight is the sum of the IDFs of the distinctive features (held
        by at least one and at most :meth:`common_limit` of the indexed articles) it
        has in common with ``features``, added in name order. The dated articles of the
        window's days are read whole, their keys (in name order) in numpy passes; the
        undated ones through the postings of the query's distinctive features.
        """
        table = self.table
        limit = self.common_limit()
        ids = _known(features, table)
        df = table.df[ids]
        ids = ids[(df > 0) & (df <= limit)]  # in name order
        self.looked_at = set()
        if not len(ids):
            return []
        table.scratch[ids] = self.idf_base() - table.logdf[ids]  # :meth:`idf`
        table.wanted[ids] = True
        try:
            found = self._dated(day) if day is not None else self._every_dated()
            found.update(self._undated_sharing(ids))
        finally:
            table.scratch[ids] = 0.0
            table.wanted[ids] = False
        keys = self._keys
        best = heapq.nsmallest(MAX_CANDIDATES, ((-weight, keys[number])
                                                for number, weight in found.items()))
        return sorted(key for _, key in best)

    def _dated(self, day: dt.date) -> dict[int, float]:
        """Number -> shared weight of the dated articles of ``day``'s window that share a
        distinctive feature (the table's ``scratch`` and ``wanted`` hold the query)."""
        by_day = self._days
        buckets = [b for b in (self.days(day) or ())[:-1] if by_day.get(b)]
        self.looked_at.update(buckets)
        if not buckets:
            return {}
        numbers = np.concatenate([np.frombuffer(by_day[b], np.int32) for b in buckets])
        packs = np.frombuffer(self._packs, np.int32)[numbers]
        table, found = self.table, {}
        # a slice of the articles at a time: the pass's arrays stay small however dense
        # the window
        for start in range(0, len(numbers), SCAN_ARTICLES):
            keys, place = table.gather(packs[start:start + SCAN_ARTICLES], False, False)
            wanted = np.flatnonzero(table.wanted[keys])
            shared = np.bincount(place[wanted], table.scratch[keys[wanted]],
                                 min(SCAN_ARTICLES, len(numbers) - start))
            hit = np.flatnonzero(shared)
            found.update(zip(numbers[start + hit].tolist(), shared[hit].tolist(),
                             strict=True))
        return found

    def _every_dated(self) -> dict[int, float]:
        """:meth:`_dated` for an undated query: every dated article, read pack after pack
        in the table's order (its keys one run), :data:`SCAN_ARTICLES` times eight at a
        time."""
        table, found = self.table, {}
        self.looked_at.update(self._days)
        scanned = np.frombuffer(self._scanned, np.int32) if self._scanned else ()
        step = 8 * SCAN_ARTICLES
        for first in range(0, len(scanned), step):
            last = min(len(scanned), first + step)
            start, end = int(table.bounds[first, 0]), int(table.bounds[last - 1, 2])
            keys = table.keys[start:end]
            wanted = np.flatnonzero(table.wanted[keys])
            if not len(wanted):
                continue
            owner = np.searchsorted(table.bounds[first:last, 2] - start, wanted, "right")
            shared = np.bincount(owner, table.scratch[keys[wanted]], last - first)
            hit = np.flatnonzero(shared)
            numbers = scanned[first + hit]
            dated = numbers >= 0
            found.update(zip(numbers[dated].tolist(), shared[hit][dated].tolist(),
                             strict=True))
        return found

    def _undated_sharing(self, ids: np.ndarray) -> dict[int, float]:
        """The same for the undated articles, through their postings (in ``ids``' order)."""
        undated = self._undated
        if not undated:
            return {}
        self.looked_at.add(None)
        shared: dict[int, float] = {}
        add = shared.get
        for feature, weight in zip(ids.tolist(), self.table.scratch[ids].tolist(),
                                   strict=True):
            for number in undated.get(feature, ()):
                shared[number] = add(number, 0.0) + weight
        return shared

    def near(self, story: str, day: dt.date | None) -> list[Entry]:
        """The story's members within the window of ``day`` (all of them when it is None;
        undated members always), in the order they were added."""
        entries = self.entries
        if day is None:
            return [entries[k] for k in self.members[story]]
        by_day = self._story_days.get(story)
        if by_day is None:  # a small story: its members, in order added, filtered
            window = set(self.days(day) or ())
            return [e for k in self.members[story] if (e := entries[k]).day in window]
        found = [entries[k] for d in self.days(day) or () for k in by_day.get(d, ())]
        found.sort(key=lambda e: e.number)
        return found


def _known(features: Features | Packed, table: FeatureTable) -> np.ndarray:
    """The numbers of the features the table has met (each once), in name order."""
    if isinstance(features, Packed):
        return features.ids.astype(np.intp)  # in name order already
    number = table.number
    known = [number[f] for f in sorted(features.keyset()) if f in number]
    return np.array(known, np.intp)
