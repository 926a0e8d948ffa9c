"""Which story a new article joins: the best-matching story near its date, or a new one.

Similarity of two articles is the cosine of their IDF-weighted feature sets (a headline's
features count :data:`TITLE_BOOST` times), over the features both languages can share:
all of them within one language, only names and numbers across languages. A story's score
is the *average* similarity of the new article to the story's members in the date window,
each taken relative to its pair's threshold (:data:`THRESHOLD`, or :data:`CROSS_THRESHOLD`
across languages, where fewer features can match); average link: a chain of articles each
like the next cannot drag unrelated ones together. The article joins the best story
scoring at least 1 (ties: the smaller id), else starts its own, named by its date and slug.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Container

import numpy as np

from digest.grouping.features import Features
from digest.grouping.index import Entry, Packed, StoryIndex, gather

THRESHOLD = 0.22
CROSS_THRESHOLD = 0.14
TITLE_BOOST = 2.0
_BOOST_EXTRA = TITLE_BOOST * TITLE_BOOST - 1.0  # a headline key's square, less the one counted
ID_MAX = 110  # the site takes story ids of up to 120 characters; room for a "-NN" suffix


def story_id(day: dt.date | None, slug: str, taken: Container[str]) -> str:
    """``YYYY-MM-DD-<slug>`` (just the slug when undated), made unique with ``-2``, ``-3``...

    At most :data:`ID_MAX` characters (cut at a hyphen): the id names the story's page.
    """
    base = f"{day.isoformat()}-{slug}" if day is not None else slug
    if len(base) > ID_MAX:
        base = base[:ID_MAX].rsplit("-", 1)[0].rstrip("-") or base[:ID_MAX]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _vector(index: StoryIndex, features: Features | Packed, cross: bool
            ) -> tuple[list[int | None], list[float]]:
    """The features' numbers (None: one the index never met) and weights (IDF, times
    TITLE_BOOST in the headline), in the order of the features' key set."""
    base, logdf = index.idf_base(), index.table.logdf
    if isinstance(features, Packed):
        numbers: list[int | None] = features.key_ids(cross).tolist()
        title = set(features.title_ids.tolist())
        marked = [n in title for n in numbers]
    else:
        keys = list(features.keyset(cross))
        numbers = index.table.lookup(keys)
        marked = [f in features.title for f in keys]
    weights = []
    for n, in_title in zip(numbers, marked, strict=True):
        w = base - (logdf.item(n) if n is not None else 0.0)  # index.idf(f)
        weights.append(w * TITLE_BOOST if in_title else w)
    return numbers, weights


class _Query:
    """One article's weights in both comparison modes, computed once per lookup (the index
    does not change during one)."""

    def __init__(self, index: StoryIndex, entry: Entry):
        self.index, self.entry = index, entry
        self._vectors: dict[bool, tuple[np.ndarray, np.ndarray, float]] = {}

    def _weights(self, cross: bool) -> tuple[np.ndarray, np.ndarray, float]:
        """(feature numbers, their weights, norm); features the index lacks count in the
        norm only (no other article has them)."""
        found = self._vectors.get(cross)
        if found is None:
            numbers, weights = _vector(self.index, self.entry.features, cross)
            norm = math.sqrt(sum(w * w for w in weights))
            known = [i for i, n in enumerate(numbers) if n is not None]
            found = self._vectors[cross] = (
                np.fromiter((numbers[i] for i in known), np.intp, len(known)),
                np.fromiter((weights[i] for i in known), np.float64, len(known)), norm)
        return found

    def relative(self, others: list[Entry]) -> list[float]:
        """Each similarity relative to its pair's threshold (:data:`THRESHOLD`, or
        :data:`CROSS_THRESHOLD` across languages), in the order of ``others``."""
        out = [0.0] * len(others)
        crosses = [cross_language(self.entry, o) for o in others]
        for cross, bar in ((False, THRESHOLD), (True, CROSS_THRESHOLD)):
            places = [i for i, c in enumerate(crosses) if c == cross]
            if places:
                sims = self.similarities([others[i] for i in places], cross)
                for i, sim in zip(places, sims, strict=True):
                    out[i] = sim / bar
        return out

    def similarities(self, others: list[Entry], cross: bool) -> list[float]:
        """Cosines with ``others`` (indexed articles) over the keys ``cross`` allows.

        An other article's weight for a key is ``base - log(1 + df)``, doubled in its
        headline; the sums over its keys run in numpy, one pass for all ``others``, read from
        each article's array of feature numbers (:class:`digest.grouping.index.Packed`), each
        in the article's key order.
        """
        ids, weights, norm = self._weights(cross)
        if not norm or not others:
            return [0.0] * len(others)
        table, base = self.index.table, self.index.idf_base()
        packs = [o.features for o in others]
        all_keys, seg = gather(packs, cross, False)
        all_heads, head_seg = gather(packs, cross, True)
        n = len(others)
        query = table.scratch
        query[ids] = weights
        try:
            w = base - table.logdf[all_keys]
            squares = np.bincount(seg, w * w, n)
            dot = np.bincount(seg, query[all_keys] * w, n)
            w = base - table.logdf[all_heads]
            squares += _BOOST_EXTRA * np.bincount(head_seg, w * w, n)
            dot += (TITLE_BOOST - 1.0) * np.bincount(head_seg, query[all_heads] * w, n)
        finally:
            query[ids] = 0.0
        return [d / (norm * math.sqrt(q)) if d and q > 0 else 0.0
                for d, q in zip(dot.tolist(), squares.tolist(), strict=True)]


def cross_language(a: Entry, b: Entry) -> bool:
    """Whether only names and numbers can match: different alphabets, or two languages of
    one non-Latin alphabet (uk and ru).

    Two Latin-script pages are compared on all features even when their ``lang`` differs:
    an outlet's site-wide ``<html lang>`` often mislabels a page (an English newsletter on
    a German domain), and comparing all features is the stricter test.
    """
    if a.features.script != b.features.script:
        return True
    return a.lang != b.lang and a.features.script != "latin"


def similarity(index: StoryIndex, a: Entry, b: Entry) -> float:
    """Cosine of the two articles' weighted features that their languages can share
    (``b`` indexed)."""
    return _Query(index, a).similarities([b], cross_language(a, b))[0]


def best_story(index: StoryIndex, entry: Entry) -> tuple[str | None, float]:
    """The story the article should join (or None) and its score (1.0: at the threshold)."""
    stories: set[str] = {e.story for e in index.candidates(entry.features, entry.day)}
    near = {story: members for story in sorted(stories)
            if (members := index.near(story, entry.day))}
    # each similarity relative to its pair's threshold, so a story told in two languages
    # is judged by the same bar for each of its members
    sims = iter(_Query(index, entry).relative([m for ms in near.values() for m in ms]))
    scores: dict[str, float] = {}
    for story, members in near.items():
        score = sum(next(sims) for _ in members) / len(members)
        if score >= 1.0:
            scores[story] = score
    if not scores:
        return None, 0.0
    story = min(scores, key=lambda s: (-scores[s], s))
    return story, scores[story]


def group(index: StoryIndex, key: str, features: Features, day: dt.date | None, lang: str,
          slug: str, fixed: str | None = None, new: bool = False) -> str:
    """Add an article to the index and return its story (``fixed``: an id kept as it is;
    ``new``: the caller knows the index holds no article ``key``)."""
    entry = Entry(key, "", day, lang, features)
    if fixed is not None:
        entry.story = fixed
    else:
        story, _ = best_story(index, entry)
        entry.story = story or story_id(day, slug, index.story_ids)
    index.add(entry, new=new)
    return entry.story


def clusters(index: StoryIndex) -> dict[str, list[str]]:
    """Story -> member keys, sorted (for reports and tests)."""
    out: dict[str, list[str]] = defaultdict(list)
    for key, story in index.stories():
        out[story].append(key)
    return dict(out)
