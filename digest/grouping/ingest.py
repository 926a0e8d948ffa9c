"""The story step of ``digest ingest``: load the store into the index, then group each page.

Ingest calls :meth:`IngestStories.add_stored` for every article it reads at the start (the
store), then :meth:`IngestStories.assign` for each page it writes, in input order; so a page
meets the store and the earlier pages of the same run. Features come from the extracted
title, body, language and date only (:func:`digest.grouping.features.extract`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from digest.grouping import record
from digest.grouping.assign import group
from digest.grouping.features import Features, extract
from digest.grouping.index import StoryIndex, day_of


class IngestStories:
    """Story ids for one ingest run; ids are recorded as written unless ``dry_run``."""

    def __init__(self, root: Path, default_lang: str, dry_run: bool):
        self.root, self.default_lang, self.dry_run = Path(root), default_lang, dry_run
        self.index = StoryIndex()
        self.record = record.load(self.root)
        self._unassigned: list[tuple[Any, ...]] = []

    def add_stored(self, meta: dict[str, Any], body: str, relative: str) -> None:
        """An article already in content/: indexed with its story (grouped if it has none)."""
        key = record.article_key(meta, relative)
        title = meta.get("title") if isinstance(meta.get("title"), str) else ""
        lang = meta.get("lang") if isinstance(meta.get("lang"), str) else self.default_lang
        day = day_of(meta.get("date"), meta.get("date_source"))
        features = extract(title, body, lang)
        story = meta.get("story")
        slug = Path(relative).stem
        if story is None or story == "":
            self._unassigned.append((key, features, day, lang, slug))
        else:
            group(self.index, key, features, day, lang, slug, fixed=str(story))

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
        title = meta.get("title") if isinstance(meta.get("title"), str) else ""
        lang = meta.get("lang") if isinstance(meta.get("lang"), str) else self.default_lang
        day = day_of(meta.get("date"), meta.get("date_source"))
        features = features or extract(title, body, lang)
        if key in self.index.entries:
            self.index.remove(key)  # --force re-ingest: the old copy must not match itself
        fixed = str(kept) if kept not in (None, "") else None
        story = group(self.index, key, features, day, lang, Path(relative).stem, fixed=fixed)
        if not self.dry_run and fixed is None:
            record.append(self.root, key, story)
            self.record[key] = story
        return story
