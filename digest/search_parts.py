"""The search index in parts: which article pages each Pagefind index part holds.

One Pagefind process over the whole site holds ~0.25 MB per page (2.6 GB at
10,000 articles) and must run again for a one-word fix. So the index is made
of parts, each a separate Pagefind index of a bounded number of article pages
(at most :data:`LIMIT`), that the search page merges in the browser.

A part is a period of the archive, the coarsest that fits: an ISO year, else
its quarters (weeks 1-13, 14-26, 27-39, 40-53), else its weeks, else a week's
days, else a day split by a hash of the page path. The split is decided per
period, so adding articles to this week can only reshape this week's (or this
quarter's, or this year's) parts: old parts keep their pages, their key and
their files. A part's key is made of its articles' page paths and source-file
hashes (with the build key: configuration and theme); equal keys mean the
same pages, so a rebuild re-indexes only the parts whose key changed.

Article pages and story pages are indexed (Pagefind indexes the
``data-pagefind-body`` element of each page; a part without one would index
whole pages). Story pages are parts of their own (``stories``, split by a hash
of the path past the limit), keyed by their articles. The keys assume what
the default theme does: a page's ``data-pagefind-body`` shows its article (or
its story's articles) and topic only, nothing site-wide.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from digest.content import Article
from digest.fingerprint import fingerprint

LIMIT = 500  # pages per part: ~140 MB in Pagefind, ~0.7 s to index on one core
QUARTER_WEEKS = 13


@dataclass(frozen=True)
class Part:
    """One index part: a name (its folder under ``pagefind/``) and its pages."""

    name: str
    pages: tuple[tuple[str, object], ...]  # (site path, what its indexed text is made of)

    def key(self, build_key: str) -> str:
        """What the part's index files are made from: equal keys, equal files."""
        return fingerprint(build_key, self.name, self.pages)


def story_parts(pages: list[tuple[str, object]], limit: int = LIMIT) -> list[Part]:
    """The story pages' parts: ``stories``, or ``stories-h<n>`` past ``limit`` pages."""
    if not pages:
        return []
    if len(pages) <= limit:
        return [Part("stories", tuple(sorted(pages)))]
    return _hashed("stories", pages, limit)


def plan(articles: list[Article], limit: int = LIMIT) -> list[Part]:
    """The parts of the index, sorted by name, each of at most ``limit`` pages.

    The articles are grouped by week once; the coarser periods (a year, its quarters) are
    groups of weeks, sized from the weeks' lists (one pass over the articles, not one per
    level); only a week too large for one part is split by its articles' days.
    """
    by_week: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_week[article.week].append(article)
    parts: list[Part] = []
    for year, weeks in _grouped(by_week, _year_of).items():
        parts += _split_weeks(year, weeks, by_week, limit, (_quarter_of,))
    return sorted(parts, key=lambda p: p.name)


def _split_weeks(name: str, weeks: list[str], by_week: dict[str, list[Article]], limit: int,
                 levels: tuple[Callable[[str], str], ...]) -> list[Part]:
    """``weeks`` as one part when their articles fit, else split by the next level of
    periods; past the last level, each week on its own (:func:`_days`)."""
    if sum(len(by_week[w]) for w in weeks) <= limit:
        return [Part(name, _pages([a for w in weeks for a in by_week[w]]))]
    if not levels:
        return [part for w in weeks for part in _days(w, by_week[w], limit)]
    parts: list[Part] = []
    for sub, members in _grouped(weeks, levels[0]).items():
        parts += _split_weeks(sub, members, by_week, limit, levels[1:])
    return parts


def _grouped(weeks: Iterable[str], period: Callable[[str], str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for week in weeks:
        groups[period(week)].append(week)
    return groups


def _days(week: str, items: list[Article], limit: int) -> list[Part]:
    """A week's part, else its days' (``2023-W33-1`` is its Monday), else their hashes'."""
    if len(items) <= limit:
        return [Part(week, _pages(items))]
    days: dict[int, list[Article]] = defaultdict(list)
    for article in items:
        days[article.date.isoweekday()].append(article)
    parts: list[Part] = []
    for day, members in days.items():
        name = f"{week}-{day}"
        parts += [Part(name, _pages(members))] if len(members) <= limit else \
            _hashed(name, [(a.path, a.fingerprint) for a in members], limit)
    return parts


def _year_of(week: str) -> str:
    return week[:4]


def _quarter_of(week: str) -> str:
    """The quarter of ISO week ``week`` (``2023-W33``): weeks 1-13 are Q1, 40-53 Q4."""
    number = min(4, (int(week[6:]) - 1) // QUARTER_WEEKS + 1)
    return f"{week[:4]}-Q{number}"


def _pages(items: list[Article]) -> tuple[tuple[str, object], ...]:
    return tuple(sorted((a.path, a.fingerprint) for a in items))


def _hashed(name: str, items: list[tuple[str, object]], limit: int) -> list[Part]:
    """More than ``limit`` pages in one day (or stories): buckets by a hash of each path."""
    hashes = [(int.from_bytes(hashlib.blake2b(p[0].encode(), digest_size=8).digest(), "big"), p)
              for p in items]
    count = math.ceil(len(items) / limit)
    while True:  # a hash spreads unevenly: one more bucket until each fits
        buckets: dict[int, list[tuple[str, object]]] = defaultdict(list)
        for value, page in hashes:
            buckets[value % count].append(page)
        if max(len(b) for b in buckets.values()) <= limit:
            break
        count += 1
    return [Part(f"{name}-h{number}", tuple(sorted(members)))
            for number, members in sorted(buckets.items())]
