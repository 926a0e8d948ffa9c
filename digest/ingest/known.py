"""What an ingest run knows of the articles already in content/, without re-reading them all.

Every run must know each stored article: its raw page's sha256 (a page ingested before is
skipped), its text's fingerprint (a copy republished elsewhere is a duplicate) and its story
features (a new page may join its story). Reading a file and computing both costs ~3 ms, so
a daily ``digest fetch`` into a 10,000-article store spent half a minute, and one into a
100,000-article store minutes, on articles that had not changed.

So what a run derives from each stored file is kept in ``.digest/ingest-cache.sqlite``, one
row per file, keyed by the file's path under content/, size and modification time: a row
whose file still has them is used as is; a file whose time changed but whose bytes did not
(a fresh git checkout, a CI run that restored the cache) is only hashed; any other file is
read again (and its row replaced). sqlite3 (in Python's standard library) rather than a
JSON file: a row changes in place, a run reads only the rows it needs, and a half-written
update is rolled back. The whole cache is dropped when the code or settings it was
computed with change (:func:`version`: this module's, the fingerprint's and the features'
source, the transliteration library's version, the digest's language and timezone).

The cache is digest's own, in the project's state folder (``.digest/``, not under git): a
file that is not a cache of this version is ignored and replaced, rows hold JSON only (never
pickle: a planted file must not run code), and a dry run reads it but never writes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata as package_metadata
from pathlib import Path
from typing import Any

from digest import frontmatter
from digest.config import Config
from digest.grouping import features as features_mod
from digest.grouping.features import Features
from digest.grouping.index import read_meta
from digest.ingest import dedupe
from digest.ingest.dedupe import Fingerprint
from digest.ingest.ledger import remove_database
from digest.ingest.store import STATE_DIR, Store, claim_of_unreadable

CACHE_FILE = "ingest-cache.sqlite"
SCHEMA = 1
# The front matter a run reads of a stored article: its identity and raw page (dedupe, the
# story record), title, language and date (stories), and what --force keeps (topic, tags).
KEYS = ("id", "title", "lang", "date", "date_source", "story", "raw", "raw_sha256", "topic",
        "tags")


@dataclass(frozen=True)
class Known:
    """One stored article as a run needs it. ``features`` is None for a file that cannot
    be parsed but still names its raw page (:func:`digest.ingest.store.claim_of_unreadable`)."""

    path: Path
    meta: dict[str, Any]  # the KEYS it has
    fingerprint: Fingerprint
    features: Features | None


def stored(store: Store, config: Config, *, write: bool = True) -> Iterator[Known]:
    """Every stored article in path order (as :meth:`Store.articles`), from the cache where
    its file is unchanged; the cache is brought up to date when ``write``."""
    if not store.content.is_dir():
        return
    with _Cache.open(store.root / STATE_DIR / CACHE_FILE, version(config), write) as cache:
        for path in store.article_files():
            try:
                stat = path.stat()
            except OSError:
                continue
            name, signature = path.relative_to(store.content).as_posix(), (
                stat.st_mtime_ns, stat.st_size)
            row = cache.row(name)
            known = _decode_row(path, row) if row and row[:2] == signature else None
            if known is None:
                known = _unchanged_or_read(cache, name, path, signature, row, config.language)
                if known is None:
                    continue
            cache.seen.add(name)
            yield known


def _unchanged_or_read(cache: _Cache, name: str, path: Path, signature: tuple[int, int],
                       row: tuple[int, int, str, str] | None, default_lang: str
                       ) -> Known | None:
    """A file whose time changed: its ``row`` still holds when its bytes are the same (a
    fresh git checkout, a copied project, a CI run), else it is read."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(data).hexdigest()
    known = _decode_row(path, row) if row and row[2] == digest else None
    if known is not None:
        cache.touch(name, signature)
        return known
    known = _read(path, data, default_lang)
    if known is not None and known.features is not None:
        cache.put(name, signature, digest, known)
    return known


def version(config: Config) -> str:
    """What the cached rows were computed with: equal versions, equal rows."""
    parts = [str(SCHEMA), config.language, config.timezone, _package("anyascii")]
    for module in (features_mod, dedupe):
        parts.append(_source(module.__file__))
    parts.append(_source(__file__))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _source(file: str | None) -> str:
    try:
        return hashlib.sha256(Path(file or "").read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def _package(name: str) -> str:
    try:
        return package_metadata.version(name)
    except package_metadata.PackageNotFoundError:
        return "absent"


def _read(path: Path, data: bytes, default_lang: str) -> Known | None:
    """The article in ``path`` (whose bytes are ``data``), computed from its text as
    grouping reads it (:func:`read_meta`); None when it cannot be parsed and names no raw
    page."""
    try:
        doc = frontmatter.parse(data.decode("utf-8"))
    except (UnicodeDecodeError, frontmatter.FrontMatterError):
        claim = claim_of_unreadable(path)
        if claim is None:
            return None
        return Known(path, dict(claim.meta), dedupe.fingerprint(""), None)
    meta = {k: doc.meta[k] for k in KEYS if k in doc.meta}
    title, lang, _ = read_meta(meta, default_lang)
    return Known(path, meta, dedupe.fingerprint(doc.body),
                 features_mod.extract(title, doc.body, lang))


# --- the cache file ---------------------------------------------------------------------------


class _Cache:
    """The rows of one cache file; a no-op when the file cannot be used."""

    def __init__(self, db: sqlite3.Connection | None, write: bool) -> None:
        self.db, self.write = db, write
        self.seen: set[str] = set()

    @classmethod
    @contextlib.contextmanager
    def open(cls, file: Path, version: str, write: bool) -> Iterator[_Cache]:
        cache = cls(_connect(file, version, write), write)
        try:
            yield cache
            cache._finish()
        finally:
            if cache.db is not None:
                cache.db.close()

    def row(self, name: str) -> tuple[int, int, str, str] | None:
        """File ``name``'s row: (mtime_ns, size, sha256 of its bytes, JSON data)."""
        if self.db is None:
            return None
        try:
            return self.db.execute("SELECT mtime_ns, size, digest, data FROM known "
                                   "WHERE path = ?", (name,)).fetchone()
        except sqlite3.Error:
            return None

    def put(self, name: str, signature: tuple[int, int], digest: str, known: Known) -> None:
        if self.db is None or not self.write:
            return
        try:
            data = json.dumps(_encode(known), ensure_ascii=False, separators=(",", ":"))
            self.db.execute("INSERT OR REPLACE INTO known VALUES (?, ?, ?, ?, ?)",
                            (name, *signature, digest, data))
        except (sqlite3.Error, TypeError, ValueError):
            pass  # a value JSON cannot hold: the file is read again next time

    def touch(self, name: str, signature: tuple[int, int]) -> None:
        """The file's bytes are those of its row: its new (mtime, size) is recorded."""
        if self.db is not None and self.write:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("UPDATE known SET mtime_ns = ?, size = ? WHERE path = ?",
                                (*signature, name))

    def _finish(self) -> None:
        """Drop the rows of files that are gone, and commit."""
        if self.db is None or not self.write:
            return
        try:
            gone = [name for (name,) in self.db.execute("SELECT path FROM known")
                    if name not in self.seen]
            self.db.executemany("DELETE FROM known WHERE path = ?", [(n,) for n in gone])
            self.db.commit()
        except sqlite3.Error:
            pass


def _connect(file: Path, version: str, write: bool) -> sqlite3.Connection | None:
    """The cache for ``version``; emptied when it holds another version or is no cache."""
    if file.is_symlink() or file.parent.is_symlink() or not (write or file.is_file()):
        return None
    try:
        if write:
            file.parent.mkdir(exist_ok=True)
        db = sqlite3.connect(file if write else f"file:{file}?mode=ro", uri=not write)
    except (OSError, sqlite3.Error):
        return None
    try:
        if _version_of(db) != version:
            if not write:
                db.close()
                return None
            _reset(db, version)
        return db
    except sqlite3.Error:
        db.close()
        if write:
            remove_database(file)  # not a cache of ours, or damaged: start a new one
            return _connect(file, version, write) if not file.exists() else None
        return None


def _version_of(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute("SELECT value FROM info WHERE key = 'version'").fetchone()
    except sqlite3.OperationalError:
        return None  # a new file: no tables yet
    return row[0] if row else None


def _reset(db: sqlite3.Connection, version: str) -> None:
    db.executescript("DROP TABLE IF EXISTS known; DROP TABLE IF EXISTS info;"
                     "CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT);"
                     "CREATE TABLE known (path TEXT PRIMARY KEY, mtime_ns INTEGER, "
                     "size INTEGER, digest TEXT, data TEXT);")
    db.execute("INSERT INTO info VALUES ('version', ?)", (version,))
    db.commit()


# --- rows -------------------------------------------------------------------------------------


def _encode(known: Known) -> dict[str, Any]:
    f = known.features
    assert f is not None
    return {
        "meta": {k: to_json(v) for k, v in known.meta.items()},
        "text_hash": known.fingerprint.text_hash,
        "sketch": sorted(known.fingerprint.sketch),
        "features": [sorted(f.names), sorted(f.numbers), sorted(f.words), sorted(f.title),
                     f.script],
    }


def _decode_row(path: Path, row: tuple[int, int, str, str]) -> Known | None:
    """The article a row holds; None for a row this code cannot read (then the file is)."""
    try:
        return _decode(path, json.loads(row[3]))
    except (ValueError, TypeError, KeyError, AttributeError, IndexError):
        return None


def _decode(path: Path, row: dict[str, Any]) -> Known:
    # Keys are interned as extract()'s caches share them: an index holds one copy of each.
    names, numbers, words, title = (frozenset(map(sys.intern, keys))
                                    for keys in row["features"][:4])
    portable = names | numbers
    features = Features(names, numbers, words, title, row["features"][4], portable,
                        portable | words)
    fingerprint = Fingerprint(row["text_hash"], frozenset(row["sketch"]))
    meta = {k: from_json(v) for k, v in row["meta"].items()}
    return Known(path, meta, fingerprint, features)


def to_json(value: Any) -> Any:
    """A front matter value as JSON: dates tagged (YAML reads them as objects), the rest
    as is (json refuses anything else, and the file is then read again each time)."""
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        raise TypeError("a mapping in the front matter is not cached")
    return value


def from_json(value: Any) -> Any:
    if isinstance(value, dict):
        if "datetime" in value:
            return dt.datetime.fromisoformat(value["datetime"])
        return dt.date.fromisoformat(value["date"])
    if isinstance(value, list):
        return [from_json(v) for v in value]
    return value
