"""The story index: articles by day, so a new article meets only its neighbours.

A new article is compared with the articles that share at least one *distinctive* feature
with it and whose day is within :data:`WINDOW_DAYS` of its own (an event is reported within
a few days); never with the whole store. Articles are kept by day, so a lookup touches only
the days of the window: the keys of their articles (feature numbers, :class:`FeatureTable`)
are read in one numpy pass per day. The articles live on disk, in the run's ledger
(:mod:`digest.ingest.ledger`), with the most recently read days cached in memory, so the
index's memory does not grow with the articles it holds.
Articles without a reliable date (no date, or one guessed from the file's modification
time) sit in an "undated" bucket: they are looked up by every query, and they look up every
day, but only through distinctive features.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import sqlite3
import sys
from collections import OrderedDict, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from digest.grouping.features import Features, extract
from digest.ingest.ledger import Ledger

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


class Keys(NamedTuple):
    """An article's features by name, before the index numbers them: the keys in the order
    :class:`Packed` keeps them (portable ones first, each part by name), a key a line, how
    many are portable, and the headline's likewise.

    What a worker sends for a page (two strings, where :class:`Features` is seven sets of
    strings to pickle and rebuild in the writer), and what a page that waits for the end of
    the run keeps in the ledger: the index numbers features only for the articles it groups,
    so a run whose pages come out of date order builds its feature table (numbers, their
    names in memory, an array slot each) in the end-of-run pass, not while it writes.
    """

    portable: int
    names: str
    title_portable: int
    title_names: str
    script: str

    @classmethod
    def of(cls, features: Features) -> Keys:
        keys, portable, title, title_portable = _in_order(features)
        return cls(portable, "\n".join(keys), title_portable, "\n".join(title),
                   features.script)


def page_keys(title: str, body: str, lang: str | None = None) -> Keys:
    """:func:`digest.grouping.features.extract`, as :class:`Keys` (what a worker sends)."""
    return Keys.of(extract(title, body, lang))


class Packed:
    """An indexed article's features as the index keeps them, for as long as it lives.

    What grouping reads of a stored article is its keys (all, or the portable ones), the
    headline's keys and the alphabet; a :class:`Features` keeps seven sets for that, each
    with its own copies of the key strings (as a worker sent them). Here the keys are the
    index's feature numbers (:class:`FeatureTable`) in one flat array, portable keys first,
    each part sorted by name, and the headline's few keys likewise (4 bytes a key).
    Portable keys (``d:``, ``n:``) sort before words (``w:``), so the keys are in name
    order. The same arrays are the article's row in the ledger (:meth:`row`, :meth:`load`),
    so an article read back from disk compares exactly as the one added. The similarity
    reads the numbers in bulk; the names are looked up when an article is looked up by them.
    """

    __slots__ = ("_table", "ids", "portable", "title_ids", "title_portable", "script")

    def __init__(self, table: FeatureTable, ids: np.ndarray, portable: int,
                 title_ids: np.ndarray, title_portable: int, script: str):
        self._table = table
        self.ids, self.portable = ids, portable  # all keys as feature numbers
        self.title_ids, self.title_portable = title_ids, title_portable  # the headline's
        self.script = script

    @classmethod
    def of(cls, features: Features, table: FeatureTable) -> Packed:
        keys, portable, title, title_portable = _in_order(features)
        return cls(table, table.ids(keys), portable, table.ids(title), title_portable,
                   features.script)

    @classmethod
    def numbered(cls, table: FeatureTable, keys: Keys) -> Packed:
        """The article whose features are ``keys``, its keys numbered (new ones now)."""
        return cls(table, table.ids(keys.names.split("\n") if keys.names else []),
                   keys.portable,
                   table.ids(keys.title_names.split("\n") if keys.title_names else []),
                   keys.title_portable, sys.intern(keys.script))

    def row(self) -> tuple[int, bytes, int, bytes, str]:
        """The arrays as a ledger row stores them (:meth:`load` reads it back)."""
        return (self.portable, self.ids.tobytes(), self.title_portable,
                self.title_ids.tobytes(), self.script)

    @classmethod
    def load(cls, table: FeatureTable, portable: int, ids: bytes, title_portable: int,
             title_ids: bytes, script: str) -> Packed:
        return cls(table, np.frombuffer(ids, np.int32), portable,
                   np.frombuffer(title_ids, np.int32), title_portable, sys.intern(script))

    @property
    def title(self) -> frozenset[str]:
        """The keys the headline carries (they weigh more)."""
        return frozenset(self._table.names(self.title_ids.tolist()))

    def keyset(self, cross_language: bool = False) -> tuple[str, ...]:
        """All keys, or only those that can match an article in another language."""
        return tuple(self._table.names(self.key_ids(cross_language).tolist()))

    def key_ids(self, cross_language: bool = False) -> np.ndarray:
        """:meth:`keyset` as feature numbers."""
        return self.ids[:self.portable] if cross_language else self.ids

    def title_key_ids(self, cross_language: bool = False) -> np.ndarray:
        """The headline's keys as feature numbers (``cross_language``: the portable ones)."""
        return self.title_ids[:self.title_portable] if cross_language else self.title_ids


def _in_order(features: Features) -> tuple[list[str], int, list[str], int]:
    """The keys as :class:`Packed` orders them (portable ones first, each part by name) and
    how many are portable; the headline's likewise. (A key holds no line break.)"""
    portable = sorted(features.keyset(cross_language=True))
    words = sorted(features.keyset() - features.keyset(cross_language=True))
    title = sorted(features.title & features.keyset())
    title_portable = [k for k in title if k in features.portable]
    return (portable + words, len(portable),
            title_portable + [k for k in title if k not in features.portable],
            len(title_portable))


def gather(packs: list[Packed], cross: bool, title: bool) -> tuple[np.ndarray, np.ndarray]:
    """The keys (``title``: the headline's keys) of the ``packs``, one article after the
    other, each in its own order (``cross``: the portable ones only); and for each key,
    the place of its article in ``packs``."""
    return _end_to_end([p.title_key_ids(cross) if title else p.key_ids(cross)
                        for p in packs])


def _end_to_end(parts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The arrays one after the other, and for each item the place of its array."""
    if not parts:
        return np.zeros(0, np.int32), np.zeros(0, np.int32)
    lengths = [len(part) for part in parts]
    # 4-byte places: a cached day keeps them beside its keys
    return np.concatenate(parts), np.repeat(np.arange(len(parts), dtype=np.int32), lengths)


class FeatureTable:
    """Every feature the index has met, numbered, with its document frequency and
    ``log(1 + df)`` per number.

    The similarity of a new article to its neighbours (:meth:`digest.grouping.assign._Query.
    similarities`) is a sum over each neighbour's few hundred keys, the story step's hottest
    loop; with the keys as numbers and their ``log(1 + df)`` in an array, it is a handful
    of numpy operations per lookup instead of a Python loop per neighbour. ``df`` counts
    the indexed articles holding each feature, ``logdf`` holds ``math.log(1 + df)`` (0 for a
    feature no indexed article has); ``scratch`` is a zeroed array of the same length for
    a query's weights: 21 bytes a feature in all.

    The features' names and numbers are rows of the ledger (a new headline number or name
    is met with almost every page of an archive, so a dict of them grew with the pages),
    with those recently used in memory: two dicts of at most :data:`NAMES_CACHED` names, the
    newer one filled as names are met (a name found in the older one moves up) and, when
    full, made the older one (plain dict lookups: this runs for every key of every page).
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        db.execute("CREATE TABLE story_feature (number INTEGER PRIMARY KEY, name TEXT UNIQUE)")
        self._recent: dict[str, int] = {}  # name -> number, the newer generation
        self._older: dict[str, int] = {}
        self.size = 0  # features numbered
        self.logdf = np.zeros(1024)
        self.scratch = np.zeros(1024)
        self.wanted = np.zeros(1024, bool)  # True where ``scratch`` holds a query's weight
        self.df = np.zeros(1024, np.int32)
        self._logs = np.zeros(0)  # math.log(1 + k) for k = 0, 1, ...

    def lookup(self, names: list[str]) -> list[int | None]:
        """The number of each of ``names``, None for one never met."""
        get = self._recent.get
        out = [get(name) for name in names]
        if None not in out:
            return out
        found: dict[str, int] = {}
        missing = []
        for name, got in zip(names, out, strict=True):
            if got is None and name not in found:
                older = self._older.get(name)
                if older is None:
                    missing.append(name)
                else:
                    found[name] = older
        found.update(_rows_in(self.db, "SELECT name, number FROM story_feature WHERE name",
                              missing))
        for name, number in found.items():
            self._remember(name, number)
        return [got if got is not None else found.get(name)
                for name, got in zip(names, out, strict=True)]

    def ids(self, keys: list[str]) -> np.ndarray:
        """The numbers of ``keys``, numbering new ones."""
        numbers = self.lookup(keys)
        new: dict[str, int] = {}
        for i, (key, number) in enumerate(zip(keys, numbers, strict=True)):
            if number is None:
                if key not in new:
                    new[key] = self.size
                    self.size += 1
                numbers[i] = new[key]
        if new:
            self.db.executemany("INSERT INTO story_feature VALUES (?, ?)",
                                [(number, key) for key, number in new.items()])
            for key, number in new.items():
                self._remember(key, number)
            if self.size > len(self.logdf):
                self._grow(self.size)
        return np.array(numbers, np.int32)

    def number(self, name: str) -> int | None:
        return self.lookup([name])[0]

    def names(self, numbers: list[int]) -> list[str]:
        """The names of feature ``numbers``, in their order."""
        found: dict[int, str] = {}
        unique = list(dict.fromkeys(numbers))
        found.update(_rows_in(self.db, "SELECT number, name FROM story_feature WHERE number",
                              unique))
        return [found[n] for n in numbers]

    def _remember(self, name: str, number: int) -> None:
        if len(self._recent) >= NAMES_CACHED:
            self._older, self._recent = self._recent, {}
        self._recent[name] = number

    def _grow(self, needed: int) -> None:
        size = len(self.logdf)
        while size < needed:
            size *= 2
        for name in ("logdf", "scratch", "wanted", "df"):
            old = getattr(self, name)
            grown = np.zeros(size, old.dtype)
            grown[:len(old)] = old
            setattr(self, name, grown)

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


# The days whose articles the index also keeps in memory (see StoryIndex): the most recently
# read, at most this many days and this many articles, the window being read included (a
# window denser than that is held in part, its other articles read from disk in batches).
CACHE_DAYS = 4 * WINDOW_DAYS + 8
CACHE_ARTICLES = 4096
NAMES_CACHED = 1 << 12  # feature names per generation of FeatureTable's cache (a name
# and its dict slot are ~110 bytes; a name missed is read from the ledger with its page's)
_SCHEMA = """
CREATE TABLE story_article (number INTEGER PRIMARY KEY, key TEXT UNIQUE, story TEXT,
    day INTEGER, lang TEXT, portable INTEGER, ids BLOB, title_portable INTEGER,
    title_ids BLOB, script TEXT);
CREATE INDEX story_article_story ON story_article (story, number);
CREATE INDEX story_article_day ON story_article (day, number);
CREATE TABLE story_undated (feature INTEGER, number INTEGER, PRIMARY KEY (feature, number))
    WITHOUT ROWID;
"""
_COLUMNS = "number, key, story, day, lang, portable, ids, title_portable, title_ids, script"
_BATCH = 900  # parameters in one IN (...) list


class _Day:
    """One day's indexed articles in memory, in the order added, and by story; their keys
    end to end (made when a lookup first reads them).

    A day may be held in part: its first articles, up to number ``upto``, and the rest left
    on disk (``complete`` False), when the window being read holds more articles than the
    cache may (:data:`CACHE_ARTICLES`); a lookup reads that rest from the ledger in batches.
    """

    __slots__ = ("entries", "stories", "_flat", "complete", "upto")

    def __init__(self, entries: list[Entry], complete: bool = True):
        self.entries = entries
        self.complete = complete
        self.upto = entries[-1].number if entries else -1  # the last number held
        self.stories: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            self.stories[entry.story].append(entry)
        self._flat: tuple[np.ndarray, np.ndarray] | None = None

    def add(self, entry: Entry) -> bool:
        """Hold a new article of the day (numbers only grow: still in the order added),
        unless the day is held in part (it is on disk); whether it is held."""
        if not self.complete:
            return False
        self.entries.append(entry)
        self.stories[entry.story].append(entry)
        self.upto = entry.number
        self._flat = None
        return True

    def remove(self, number: int) -> bool:
        """Forget an article removed from the index; whether it was held."""
        entry = next((e for e in self.entries if e.number == number), None)
        if entry is None:
            return False
        self.entries.remove(entry)
        members = self.stories[entry.story]
        members.remove(entry)
        if not members:
            del self.stories[entry.story]
        self._flat = None
        return True

    def keep(self, count: int) -> int:
        """Hold only the first ``count`` articles, the rest left on disk; how many it let go."""
        dropped = len(self.entries) - count
        if dropped <= 0:
            return 0
        self.entries = self.entries[:count]
        self.upto = self.entries[-1].number if self.entries else -1
        self.complete = False
        self.stories = defaultdict(list)
        for entry in self.entries:
            self.stories[entry.story].append(entry)
        self._flat = None
        return dropped

    def flat(self) -> tuple[np.ndarray, np.ndarray]:
        """All keys of the day's held articles, one article after the other, and for each
        key its article's place in :attr:`entries`."""
        if self._flat is None:
            self._flat = gather([e.features for e in self.entries], False, False)
        return self._flat


class StoryIds:
    """The story ids the index's articles carry, for ``in`` (:func:`assign.story_id`)."""

    def __init__(self, index: StoryIndex):
        self.db = index.db

    def __contains__(self, story: object) -> bool:
        return self.db.execute("SELECT 1 FROM story_article WHERE story = ? LIMIT 1",
                               (story,)).fetchone() is not None


class StoryIndex:
    """The indexed articles by day, with document frequencies for IDF.

    An article is its :class:`Entry` and a number (a new one each time it is added, so
    numbers give the order of arrival). Every article is a row of the ledger
    (:mod:`digest.ingest.ledger`: sqlite on disk; by default a private temporary file), so
    the index's memory does not grow with its articles: what stays in memory is the
    feature table (:class:`FeatureTable`: a number, a string and a document frequency per
    feature met) and a cache of the most recently read days (:data:`CACHE_DAYS`,
    :data:`CACHE_ARTICLES`, the window being read included: past that, the rest of the
    window is read from the ledger in batches at each lookup). Grouping in date order
    (``digest stories``, the end-of-run pass of ingest, an archive crawled day by day)
    reads each day from disk about once; a lookup on a cached day reads no row. The
    undated articles are found through a table of (feature, article) rows, read only for
    the query's distinctive features and only when there are undated articles.
    """

    def __init__(self, ledger: Ledger | None = None):
        self._ledger = ledger or Ledger()
        self._own = ledger is None
        self.db = self._ledger.db
        self.db.executescript(_SCHEMA)
        self.table = FeatureTable(self.db)  # feature numbers, names and df
        self.story_ids = StoryIds(self)
        self._size = 0
        self._next = 0  # the next article's number
        self._undated = 0  # how many indexed articles have no day
        self._cache: OrderedDict[dt.date, _Day] = OrderedDict()  # least recently read first
        self._cached = 0  # articles in the cache
        self._same: dict[dt.date, dt.date] = {}  # one date object per day
        self.looked_at: set[dt.date | None] = set()  # day buckets the last lookup read (tests)

    def close(self) -> None:
        """Close its ledger when it made its own."""
        if self._own:
            self._ledger.close()

    def pack(self, features: Features | Packed) -> Packed:
        """The compact copy of an article's features the index keeps (see :class:`Packed`)."""
        return features if isinstance(features, Packed) else Packed.of(features, self.table)

    def __len__(self) -> int:
        return self._size

    def shared(self, day: dt.date | None, lang: str) -> tuple[dt.date | None, str]:
        """The index's one object for ``day`` and one string for ``lang`` (a worker sends
        each article its own copies)."""
        return (day if day is None else self._same.setdefault(day, day)), sys.intern(lang)

    def get(self, key: str) -> Entry | None:
        """The indexed article ``key``, read back from the ledger."""
        row = self.db.execute(f"SELECT {_COLUMNS} FROM story_article WHERE key = ?",  # noqa: S608
                              (key,)).fetchone()
        return None if row is None else self._entry(row)

    def stories(self) -> Iterator[tuple[str, str]]:
        """(key, story) of every indexed article, by key."""
        yield from self.db.execute("SELECT key, story FROM story_article ORDER BY key")

    def add(self, entry: Entry, new: bool = False) -> None:
        """Add an article (replacing one with the same key, unless ``new`` says there is
        none: one statement less)."""
        if not new:
            self.discard(entry.key)
        entry.features = features = self.pack(entry.features)
        entry.number = self._next
        self._next += 1
        entry.day, entry.lang = self.shared(entry.day, entry.lang)
        self.db.execute("INSERT INTO story_article VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (entry.number, entry.key, entry.story, _ordinal(entry.day),
                         entry.lang, *features.row()))
        ids = features.ids
        if entry.day is None:
            self.db.executemany("INSERT INTO story_undated VALUES (?, ?)",
                                [(feature, entry.number) for feature in ids.tolist()])
            self._undated += 1
        elif (cached := self._cache.get(entry.day)) is not None and cached.add(entry):
            self._cached += 1
        self.table.count(ids, 1)
        self._size += 1

    def remove(self, key: str) -> None:
        if not self.discard(key):
            raise KeyError(key)

    def discard(self, key: str) -> bool:
        """Remove the article ``key`` if it is indexed; whether it was."""
        rows = self.db.execute("DELETE FROM story_article WHERE key = ? "
                               "RETURNING number, day, ids", (key,)).fetchall()
        if not rows:
            return False
        [(number, day, blob)] = rows
        ids = np.frombuffer(blob, np.int32)
        if day is None:
            self.db.executemany("DELETE FROM story_undated WHERE feature = ? AND number = ?",
                                [(feature, number) for feature in ids.tolist()])
            self._undated -= 1
        elif (cached := self._cache.get(dt.date.fromordinal(day))) is not None \
                and cached.remove(number):
            self._cached -= 1
        self.table.count(ids, -1)
        self._size -= 1
        return True

    def idf(self, feature: str) -> float:
        """Smoothed inverse document frequency over the indexed articles."""
        number = self.table.number(feature)
        return self.idf_base() - (float(self.table.logdf[number]) if number is not None
                                  else 0.0)

    def idf_base(self) -> float:
        """``log(1 + n) + 1``: an IDF is this minus ``log(1 + df)`` (``table.logdf``)."""
        return math.log(1 + self._size) + 1.0

    def common_limit(self) -> float:
        """The most articles a feature may be held by and still be distinctive: past it, a
        feature is too common to find an article's story by."""
        return max(MIN_COMMON, COMMON_SHARE * self._size)

    def days(self, day: dt.date | None) -> list[dt.date | None] | None:
        """The day buckets a query on ``day`` reads; None means every bucket (undated query)."""
        if day is None:
            return None
        window = [day + dt.timedelta(days=d) for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1)]
        return [*window, None]

    def candidates(self, features: Features | Packed, day: dt.date | None) -> list[Entry]:
        """The articles in the window that share the most distinctive weight with
        ``features`` (at most :data:`MAX_CANDIDATES`; ties by key), sorted by key.

        An article's shared weight is the sum of the IDFs of the distinctive features (held
        by at least one and at most :meth:`common_limit` of the indexed articles) it
        has in common with ``features``, added in name order. The dated articles of the
        window's days are read whole (those the cache does not hold, from the ledger in
        batches), their keys (in name order) in numpy passes; the undated ones through the
        rows of the query's distinctive features. Only the best found so far are kept
        between batches, so a lookup's memory does not grow with the window.
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
        have: dict[int, Entry] = {}
        named: dict[int, str] = {}
        try:
            found = (self._dated(day, have, named) if day is not None
                     else self._every_dated(named))
            found.update(self._undated_sharing(ids, named))
        finally:
            table.scratch[ids] = 0.0
            table.wanted[ids] = False
        best = _best(found, named)
        missing = [number for _, _, number in best if number not in have]
        have.update(self._entries(missing))
        return [have[number] for _, _, number in sorted(best, key=lambda b: b[1])]

    def _dated(self, day: dt.date, have: dict[int, Entry],
               named: dict[int, str]) -> dict[int, float]:
        """Number -> shared weight of the dated articles of ``day``'s window that share a
        distinctive feature (the table's ``scratch`` and ``wanted`` hold the query), the
        best of them (:func:`_prune`); each found article's key in ``named``, and the
        held ones in ``have``."""
        found: dict[int, float] = {}
        for when, bucket in self._window(day):
            keys, place = bucket.flat()
            for i, weight in self._shared(keys, place, len(bucket.entries)):
                entry = bucket.entries[i]
                found[entry.number] = weight
                have[entry.number] = entry
                named[entry.number] = entry.key
            _prune(found, named)
            if not bucket.complete:
                self._scan(self.db.execute(
                    "SELECT number, key, ids FROM story_article WHERE day = ? AND number > ? "
                    "ORDER BY number", (when.toordinal(), bucket.upto)), found, named)
        return found

    def _every_dated(self, named: dict[int, str]) -> dict[int, float]:
        """:meth:`_dated` for an undated query: every dated article, read from the ledger."""
        self.looked_at.update(self._date(day) for (day,) in self.db.execute(
            "SELECT DISTINCT day FROM story_article WHERE day IS NOT NULL"))
        found: dict[int, float] = {}
        self._scan(self.db.execute("SELECT number, key, ids FROM story_article "
                                   "WHERE day IS NOT NULL ORDER BY number"), found, named)
        return found

    def _scan(self, rows: sqlite3.Cursor, found: dict[int, float],
              named: dict[int, str]) -> None:
        """The shared weight of each article of ``rows`` (number, key, keys), read
        :data:`SCAN_ARTICLES` at a time, into ``found`` (pruned after each batch) and its key
        into ``named``."""
        while chunk := rows.fetchmany(SCAN_ARTICLES):
            keys, place = gather_blobs([row[2] for row in chunk])
            for i, weight in self._shared(keys, place, len(chunk)):
                found[chunk[i][0]] = weight
                named[chunk[i][0]] = chunk[i][1]
            _prune(found, named)

    def _shared(self, keys: np.ndarray, place: np.ndarray,
                count: int) -> list[tuple[int, float]]:
        """(place, shared weight) of each of ``count`` articles (``keys`` end to end, each
        key's article at ``place``) that holds one of the query's distinctive features
        (each article's weights added in its key order, however the articles are batched)."""
        table = self.table
        wanted = np.flatnonzero(table.wanted[keys])
        if not len(wanted):
            return []
        shared = np.bincount(place[wanted], table.scratch[keys[wanted]], count)
        hit = np.flatnonzero(shared)
        return list(zip(hit.tolist(), shared[hit].tolist(), strict=True))

    def _undated_sharing(self, ids: np.ndarray, named: dict[int, str]) -> dict[int, float]:
        """The same for the undated articles, through their rows, each feature's weight
        added in ``ids``' order (then by article number: the order they were added)."""
        if not self._undated:
            return {}
        self.looked_at.add(None)
        features = ids.tolist()
        weight = dict(zip(features, self.table.scratch[ids].tolist(), strict=True))
        place = {feature: i for i, feature in enumerate(features)}
        rows = list(_rows_in(self.db, "SELECT feature, number FROM story_undated WHERE feature",
                             features))
        rows.sort(key=lambda row: (place[row[0]], row[1]))
        shared: dict[int, float] = {}
        add = shared.get
        for feature, number in rows:
            shared[number] = add(number, 0.0) + weight[feature]
        named.update(_rows_in(self.db, "SELECT number, key FROM story_article WHERE number",
                              list(shared)))
        return shared

    def near(self, story: str, day: dt.date | None) -> list[Entry]:
        """The story's members within the window of ``day`` (all of them when it is None;
        undated members always), in the order they were added."""
        if day is None:
            return [self._entry(row) for row in self.db.execute(
                f"SELECT {_COLUMNS} FROM story_article WHERE story = ? "  # noqa: S608
                "ORDER BY number", (story,))]
        found: list[Entry] = []
        for when, bucket in self._window(day):
            found += bucket.stories.get(story, ())
            if not bucket.complete:
                found += [self._entry(row) for row in self.db.execute(
                    f"SELECT {_COLUMNS} FROM story_article WHERE story = ? "  # noqa: S608
                    "AND day = ? AND number > ?", (story, when.toordinal(), bucket.upto))]
        if self._undated:
            found += [self._entry(row) for row in self.db.execute(
                f"SELECT {_COLUMNS} FROM story_article WHERE story = ? "  # noqa: S608
                "AND day IS NULL", (story,))]
        found.sort(key=lambda e: e.number)
        return found

    @property
    def held(self) -> int:
        """How many articles the cache holds in memory (at most :data:`CACHE_ARTICLES`
        after a lookup, however many the window has)."""
        return self._cached

    def _window(self, day: dt.date) -> list[tuple[dt.date, _Day]]:
        """The days of ``day``'s window that hold articles, each cached whole or, past
        :data:`CACHE_ARTICLES` articles held for the window, in part (read from the ledger
        when not cached); then the cache trimmed to its bounds, the window kept."""
        window = (self.days(day) or [])[:-1]
        out = []
        room = CACHE_ARTICLES
        for d in window:
            bucket = self._day(d, room)
            room -= len(bucket.entries)
            if bucket.entries or not bucket.complete:
                out.append((d, bucket))
                self.looked_at.add(d)
        self._trim(window)
        return out

    def _day(self, day: dt.date, room: int) -> _Day:
        """The day's bucket, holding at most ``room`` articles (the first ones)."""
        bucket = self._cache.get(day)
        if bucket is not None and (bucket.complete or len(bucket.entries) >= room):
            self._cache.move_to_end(day)
            self._cached -= bucket.keep(room)
            return bucket
        if bucket is not None:  # held in part, and there is room for more of it now
            self._cached -= len(self._cache.pop(day).entries)
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM story_article WHERE day = ? "  # noqa: S608
                               "ORDER BY number LIMIT ?", (day.toordinal(), room + 1)).fetchall()
        bucket = _Day([self._entry(row) for row in rows[:room]], complete=len(rows) <= room)
        self._cache[day] = bucket
        self._cached += len(bucket.entries)
        return bucket

    def _trim(self, keep: list[dt.date | None]) -> None:
        for day in list(self._cache):
            if len(self._cache) <= CACHE_DAYS and self._cached <= CACHE_ARTICLES:
                return
            if day not in keep:
                self._cached -= len(self._cache.pop(day).entries)

    def _entries(self, numbers: list[int]) -> dict[int, Entry]:
        return {row[0]: self._entry(row) for row in _rows_in(
            self.db, f"SELECT {_COLUMNS} FROM story_article WHERE number", numbers)}

    def _entry(self, row: tuple) -> Entry:
        number, key, story, day, lang, *packed = row
        when, lang = self.shared(self._date(day), lang)
        return Entry(key, story, when, lang, Packed.load(self.table, *packed), number)

    def _date(self, ordinal: int | None) -> dt.date | None:
        return None if ordinal is None else self.shared(dt.date.fromordinal(ordinal), "")[0]


def _rows_in(db: sqlite3.Connection, select: str, values: list[Any]) -> Iterator[tuple]:
    """The rows of ``select`` (ending in a column) ``IN`` ``values``, :data:`_BATCH` values
    to a statement."""
    for start in range(0, len(values), _BATCH):
        part = values[start:start + _BATCH]
        yield from db.execute(f"{select} IN ({','.join('?' * len(part))})", part)


def _best(found: dict[int, float], named: dict[int, str]) -> list[tuple[float, str, int]]:
    """The :data:`MAX_CANDIDATES` found articles sharing the most weight (ties by key), as
    (-weight, key, number)."""
    return heapq.nsmallest(MAX_CANDIDATES, ((-weight, named[number], number)
                                            for number, weight in found.items()))


def _prune(found: dict[int, float], named: dict[int, str]) -> None:
    """Keep only the best of the articles found so far (:func:`_best`) once they are more
    than :data:`SCAN_ARTICLES`: a later batch can only push them down, never bring back
    one left out, so the candidates are the same, and a lookup holds a bounded number."""
    if len(found) <= SCAN_ARTICLES:
        return
    best = _best(found, named)
    found.clear()
    found.update((number, -weight) for weight, _, number in best)
    kept = {number: named[number] for _, _, number in best}
    named.clear()
    named.update(kept)


def _ordinal(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


def gather_blobs(blobs: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """:func:`gather` for keys as the ledger stores them."""
    return _end_to_end([np.frombuffer(blob, np.int32) for blob in blobs])


def _known(features: Features | Packed, table: FeatureTable) -> np.ndarray:
    """The numbers of the features the table has met (each once), in name order."""
    if isinstance(features, Packed):
        return features.ids.astype(np.intp)  # in name order already
    known = [n for n in table.lookup(sorted(features.keyset())) if n is not None]
    return np.array(known, np.intp)
