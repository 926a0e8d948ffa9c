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

from digest.grouping.features import Features
from digest.grouping.index import Entry, Packed, StoryIndex

THRESHOLD = 0.22
CROSS_THRESHOLD = 0.14
TITLE_BOOST = 2.0
ID_MAX = 110  # the site takes story ids of up to 120 characters; room for a "-NN" suffix


def story_id(day: dt.date | None, slug: str, taken: set[str] | dict) -> str:
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


def _vector(index: StoryIndex, features: Features | Packed, cross: bool,
            idf: dict[str, float]) -> dict[str, float]:
    """Feature -> weight (IDF, times TITLE_BOOST in the headline); ``idf``: a lookup cache."""
    title = features.title
    base, log_df = index.idf_base(), index.log_df
    out = {}
    for f in features.keyset(cross):
        w = idf.get(f)
        if w is None:
            w = idf[f] = base - log_df.get(f, 0.0)  # index.idf(f)
        out[f] = w * TITLE_BOOST if f in title else w
    return out


def _cosine(index: StoryIndex, query: dict[str, float], norm: float,
            other: Features | Packed, cross: bool) -> float:
    """Cosine of a weighted query and another article's features, in one pass over them."""
    title = other.title
    dot = squares = 0.0
    base, log_df_get, query_get, boost = index.idf_base(), index.log_df.get, query.get, TITLE_BOOST
    for f in other.keyset(cross):
        w = base - log_df_get(f, 0.0)
        if f in title:
            w *= boost
        squares += w * w
        q = query_get(f)
        if q is not None:
            dot += q * w
    return dot / (norm * math.sqrt(squares)) if dot else 0.0


class _Query:
    """One article's weights in both comparison modes, computed once per lookup."""

    def __init__(self, index: StoryIndex, entry: Entry):
        self.index, self.entry, self.idf = index, entry, {}
        self._vectors: dict[bool, tuple[dict[str, float], float]] = {}

    def similarity(self, other: Entry, cross: bool | None = None) -> float:
        """Cosine with ``other`` (``cross``: :func:`cross_language` of the two, if known)."""
        if cross is None:
            cross = cross_language(self.entry, other)
        pair = self._vectors.get(cross)
        if pair is None:
            vector = _vector(self.index, self.entry.features, cross, self.idf)
            pair = self._vectors[cross] = vector, math.sqrt(sum(w * w for w in vector.values()))
        vector, norm = pair
        if not norm:
            return 0.0
        return _cosine(self.index, vector, norm, other.features, cross)

    def relative(self, other: Entry) -> float:
        """Similarity relative to the pair's threshold (:data:`THRESHOLD`, or
        :data:`CROSS_THRESHOLD` across languages)."""
        cross = cross_language(self.entry, other)
        return self.similarity(other, cross) / (CROSS_THRESHOLD if cross else THRESHOLD)


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
    """Cosine of the two articles' weighted features that their languages can share."""
    return _Query(index, a).similarity(b)


def best_story(index: StoryIndex, entry: Entry) -> tuple[str | None, float]:
    """The story the article should join (or None) and its score (1.0: at the threshold)."""
    stories: set[str] = {index.entries[k].story for k in index.candidates(entry.features,
                                                                          entry.day)}
    scores: dict[str, float] = {}
    query = _Query(index, entry)  # the index does not change during one lookup
    entries, in_window, day = index.entries, index.in_window, entry.day
    for story in sorted(stories):
        near = [m for m in map(entries.__getitem__, index.members[story]) if in_window(m, day)]
        # each similarity relative to its pair's threshold, so a story told in two languages
        # is judged by the same bar for each of its members
        sims = [query.relative(m) for m in near]
        if not sims:
            continue
        score = sum(sims) / len(sims)
        if score >= 1.0:
            scores[story] = score
    if not scores:
        return None, 0.0
    story = min(scores, key=lambda s: (-scores[s], s))
    return story, scores[story]


def group(index: StoryIndex, key: str, features: Features, day: dt.date | None, lang: str,
          slug: str, fixed: str | None = None) -> str:
    """Add an article to the index and return its story (``fixed``: an id kept as it is)."""
    entry = Entry(key, "", day, lang, features)
    if fixed is not None:
        entry.story = fixed
    else:
        story, _ = best_story(index, entry)
        entry.story = story or story_id(day, slug, index.members)
    index.add(entry)
    return entry.story


def clusters(index: StoryIndex) -> dict[str, list[str]]:
    """Story -> member keys, sorted (for reports and tests)."""
    out: dict[str, list[str]] = defaultdict(list)
    for key, entry in sorted(index.entries.items()):
        out[entry.story].append(key)
    return dict(out)
