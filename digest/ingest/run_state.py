"""The writer's bookkeeping of one run, on disk: the slugs it gave, the store's raw pages.

Two things the single writer looks up for every page, and that grew with the articles
when kept in dicts: the slugs this run already gave in each folder (a dry run writes no
file, yet two pages with one title must get two names) and, for every stored article, its
raw page's sha256 with what ``--force`` keeps of it (a page ingested before is skipped).
Both are tables of the run's ledger (:mod:`digest.ingest.ledger`).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from digest.ingest.known import from_json, to_json
from digest.ingest.ledger import Ledger
from digest.ingest.store import StoredArticle

_CLAIMED = "CREATE TABLE claimed (folder TEXT, slug TEXT, PRIMARY KEY (folder, slug)) WITHOUT ROWID"
_STORED = "CREATE TABLE stored_raw (digest TEXT PRIMARY KEY, path TEXT, meta TEXT) WITHOUT ROWID"


class Claimed:
    """Folder -> the slugs this run gave there."""

    def __init__(self, ledger: Ledger):
        self.db = ledger.db
        self.db.execute(_CLAIMED)

    def taken(self, folder: Path) -> _Taken:
        """The slugs given in ``folder``, for ``in``."""
        return _Taken(self.db, str(folder))

    def add(self, folder: Path, slug: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO claimed VALUES (?, ?)", (str(folder), slug))


class _Taken:
    def __init__(self, db: sqlite3.Connection, folder: str):
        self.db, self.folder = db, folder

    def __contains__(self, slug: object) -> bool:
        return self.db.execute("SELECT 1 FROM claimed WHERE folder = ? AND slug = ?",
                               (self.folder, slug)).fetchone() is not None


class StoredByRaw:
    """Raw page sha256 -> the stored article made from it (the first one, by path): its
    path and the front matter a re-ingest keeps (a value JSON cannot hold stays in memory,
    as rare as a mapping in front matter)."""

    def __init__(self, ledger: Ledger):
        self.db = ledger.db
        self.db.execute(_STORED)
        self._odd: dict[str, StoredArticle] = {}

    def add(self, raw_sha: str, article: StoredArticle) -> None:
        if raw_sha in self._odd:
            return
        try:
            meta = json.dumps({k: to_json(v) for k, v in article.meta.items()},
                              ensure_ascii=False)
        except (TypeError, ValueError):
            if self.get(raw_sha) is None:
                self._odd[raw_sha] = article
            return
        self.db.execute("INSERT OR IGNORE INTO stored_raw VALUES (?, ?, ?)",
                        (raw_sha, str(article.path), meta))

    def get(self, raw_sha: str) -> StoredArticle | None:
        odd = self._odd.get(raw_sha)
        if odd is not None:
            return odd
        row = self.db.execute("SELECT path, meta FROM stored_raw WHERE digest = ?",
                              (raw_sha,)).fetchone()
        if row is None:
            return None
        meta = {k: from_json(v) for k, v in json.loads(row[1]).items()}
        return StoredArticle(Path(row[0]), meta, "")
