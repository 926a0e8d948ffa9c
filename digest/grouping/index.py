"""The story index: articles by feature and by day, so a new article meets only its neighbours.

A new article is compared with the articles that share at least one *distinctive* feature
with it and whose day is within :data:`WINDOW_DAYS` of its own (an event is reported within
a few days); never with the whole store. Postings are kept per feature and per day, so a
lookup touches only the days of the window. Articles without a reliable date (no date, or
one guessed from the file's modification time) sit in an "undated" bucket: they are looked
up by every query, and they look up every day, but only through distinctive features.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from array import array
from collections import Counter, defaultdict
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
    number: int = -1  # its place in the index's postings (set when added)


class Packed:
    """An indexed article's features as the index keeps them, for as long as it lives.

    What grouping reads of a stored article is its keys (all, or the portable ones), the
    headline's keys and the alphabet; a :class:`Features` keeps seven sets for that, each
    with its own copies of the key strings (as a worker sent them). Here the keys are the
    index's feature numbers (:class:`FeatureTable`) in a 4-byte array, portable keys first,
    each part sorted by name, and the headline's few keys likewise: ~4 bytes a key where a
    tuple of shared strings took 8 and the sets far more, which is the index's growth over
    an archive of 100,000 pages. The similarity reads the numbers in bulk; the names are
    looked up when an article is added, removed or looked up.
    """

    __slots__ = ("_table", "_portable", "_title_portable", "ids", "title_ids", "script")

    def __init__(self, features: Features, table: FeatureTable):
        portable = sorted(features.keyset(cross_language=True))
        words = sorted(features.keyset() - features.keyset(cross_language=True))
        self._table = table
        self.ids = table.ids(portable + words)
        self._portable = len(portable)
        title = sorted(features.title & features.keyset())
        title_portable = [k for k in title if k in features.portable]
        self.title_ids = table.ids(title_portable + [k for k in title
                                                     if k not in features.portable])
        self._title_portable = len(title_portable)
        self.script = features.script

    @property
    def title(self) -> frozenset[str]:
        """The keys the headline carries (they weigh more)."""
        return frozenset(map(self._table.names.__getitem__, self.title_ids.tolist()))

    def keyset(self, cross_language: bool = False) -> tuple[str, ...]:
        """All keys, or only those that can match an article in another language."""
        return tuple(map(self._table.names.__getitem__, self.key_ids(cross_language).tolist()))

    def key_ids(self, cross_language: bool = False) -> np.ndarray:
        """:meth:`keyset` as feature numbers."""
        return self.ids[:self._portable] if cross_language else self.ids

    def title_ids_in(self, cross_language: bool = False) -> np.ndarray:
        """The headline's keys among :meth:`keyset`, as feature numbers."""
        return self.title_ids[:self._title_portable] if cross_language else self.title_ids


class FeatureTable:
    """Every feature the index has met, numbered, with ``log(1 + df)`` per number.

    The similarity of a new article to its neighbours (:func:`digest.grouping.assign.
    cosines`) is a sum over each neighbour's few hundred keys, the story step's hottest
    loop; with the keys as numbers and their ``log(1 + df)`` in an array, it is a handful
    of numpy operations per lookup instead of a Python loop per neighbour. ``logdf`` holds
    the values :attr:`StoryIndex.log_df` holds (0 for a feature no indexed article has);
    ``scratch`` is a zeroed array of the same length for a query's weights.
    """

    def __init__(self) -> None:
        self.number: dict[str, int] = {}
        self.names: list[str] = []  # number -> the one string of the feature
        self.logdf = np.zeros(1024)
        self.scratch = np.zeros(1024)

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
        for name in ("logdf", "scratch"):
            grown = np.zeros(size)
            grown[:len(getattr(self, name))] = getattr(self, name)
            setattr(self, name, grown)


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
    """Inverted index feature -> day -> article keys, with document frequencies for IDF.

    A posting is the article's number (4 bytes in a flat array, where a key in a list
    costs 8 and its list more): ``_keys`` turns numbers back into keys. An article gets a
    new number each time it is added, so the postings of a day keep the order of arrival.
    """

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.members: dict[str, list[str]] = defaultdict(list)  # story -> keys, in order added
        # story -> day -> keys, in order added: a story's members near a date, read without
        # looking at all of them (a story of an archive can hold hundreds)
        self._story_days: dict[str, dict[dt.date | None, list[str]]] = defaultdict(
            lambda: defaultdict(list))
        self._postings: dict[str, dict[dt.date | None, array]] = defaultdict(
            lambda: defaultdict(_numbers))
        self._keys: list[str] = []  # article number -> key
        self._df: Counter[str] = Counter()
        self.log_df: dict[str, float] = {}  # log(1 + df) per feature, kept as df changes
        self.looked_at: set[dt.date | None] = set()  # days the last lookup touched (for tests)
        self.table = FeatureTable()  # one string and number per feature

    def pack(self, features: Features | Packed) -> Packed:
        """The compact copy of an article's features the index keeps (see :class:`Packed`)."""
        return features if isinstance(features, Packed) else Packed(features, self.table)

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: Entry) -> None:
        """Add an article (replacing one with the same key)."""
        if entry.key in self.entries:
            self.remove(entry.key)
        entry.features = self.pack(entry.features)
        entry.number = len(self._keys)
        self._keys.append(entry.key)
        self.entries[entry.key] = entry
        self.members[entry.story].append(entry.key)
        self._story_days[entry.story][entry.day].append(entry.key)
        postings, df, log_df, log = self._postings, self._df, self.log_df, math.log
        day, number = entry.day, entry.number
        values = []
        for feature in entry.features.keyset():
            postings[feature][day].append(number)
            count = df[feature] + 1
            df[feature] = count
            value = log_df[feature] = log(1 + count)
            values.append(value)
        self.table.logdf[entry.features.ids] = values

    def remove(self, key: str) -> None:
        entry = self.entries.pop(key)
        self.members[entry.story].remove(key)
        self._story_days[entry.story][entry.day].remove(key)
        if not self.members[entry.story]:
            del self.members[entry.story]
            del self._story_days[entry.story]
        values = []
        for feature in entry.features.keyset():
            self._postings[feature][entry.day].remove(entry.number)
            self._df[feature] -= 1
            value = self.log_df[feature] = math.log(1 + self._df[feature])
            values.append(value)
        self.table.logdf[entry.features.ids] = values

    def idf(self, feature: str) -> float:
        """Smoothed inverse document frequency over the indexed articles."""
        return self.idf_base() - self.log_df.get(feature, 0.0)

    def idf_base(self) -> float:
        """``log(1 + n) + 1``: an IDF is this minus ``log(1 + df)`` (:attr:`log_df`)."""
        return math.log(1 + len(self.entries)) + 1.0

    def distinctive(self, feature: str) -> bool:
        return self._df[feature] <= max(MIN_COMMON, COMMON_SHARE * len(self.entries))

    def days(self, day: dt.date | None) -> list[dt.date | None] | None:
        """The day buckets a query on ``day`` reads; None means every bucket (undated query)."""
        if day is None:
            return None
        window = [day + dt.timedelta(days=d) for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1)]
        return [*window, None]

    def candidates(self, features: Features | Packed, day: dt.date | None) -> list[str]:
        """Keys of the articles in the window that share the most distinctive weight with
        ``features`` (at most :data:`MAX_CANDIDATES`; ties by key), sorted by key."""
        buckets = self.days(day)
        limit = max(MIN_COMMON, COMMON_SHARE * len(self.entries))  # see :meth:`distinctive`
        base, log_df, df, postings = self.idf_base(), self.log_df, self._df, self._postings
        shared: dict[int, float] = {}
        add = shared.get
        looked_at: set[dt.date | None] = set()
        for feature in sorted(features.keyset()):
            by_day = postings.get(feature)
            if by_day is None or df[feature] > limit:
                continue
            weight = base - log_df.get(feature, 0.0)  # :meth:`idf`
            for bucket in (buckets if buckets is not None else list(by_day)):
                numbers = by_day.get(bucket)
                if numbers:
                    looked_at.add(bucket)
                    for number in numbers:
                        shared[number] = add(number, 0.0) + weight
        self.looked_at = looked_at
        keys = self._keys
        best = heapq.nsmallest(MAX_CANDIDATES, shared, key=lambda n: (-shared[n], keys[n]))
        return sorted(keys[n] for n in best)

    def near(self, story: str, day: dt.date | None) -> list[Entry]:
        """The story's members within the window of ``day`` (all of them when it is None;
        undated members always), in the order they were added."""
        entries = self.entries
        if day is None:
            return [entries[k] for k in self.members[story]]
        by_day = self._story_days[story]
        found = [entries[k] for d in self.days(day) or () for k in by_day.get(d, ())]
        found.sort(key=lambda e: e.number)
        return found
