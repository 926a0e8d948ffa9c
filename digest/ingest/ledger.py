"""The run's ledger: what one ingest run remembers of every article until it ends, on disk.

Each page of a run is compared with every article before it: the store's and the run's
own (dedupe: :mod:`digest.ingest.dedupe`; stories: :mod:`digest.grouping.index` and
:mod:`digest.grouping.ingest`), and the run keeps the slugs it claimed and the raw pages
the store holds. Kept in memory, that grew a few KB per article, so a month of CC-NEWS
(millions of pages) would not fit in the one process that writes the store. So each of
those parts keeps its rows in one sqlite file (sqlite3 is in Python's standard library),
with only a bounded part in memory (sqlite's page cache, :data:`CACHE_KB`, and the story
index's cache of recent days).

Where: a run that writes uses ``.digest/ingest-run.sqlite``, on the project's disk beside
the ingest cache (a system temporary directory is often a RAM disk, which would put the
rows back in memory). It is scratch, not state: created empty by each run under the ingest
lock, never committed or synced (``journal_mode=OFF``, ``synchronous=OFF``: nothing needs
to survive a crash, since everything in it is derived again from content/, the ingest
cache and ``.digest/stories.tsv``), and deleted when the run ends. A file left by a killed
run, or a damaged one, is deleted unread by the next run. A dry run, ``digest stories``
and the library's own indexes (``StoryIndex()``, ``DedupeIndex()``) use sqlite's private
temporary file instead (deleted on close), so a dry run writes nothing in the project.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from digest.ingest.store import STATE_DIR

RUN_FILE = "ingest-run.sqlite"
CACHE_KB = 4096  # sqlite's page cache: what the ledger may hold in memory (it fills first)
_SIDE_FILES = ("", "-journal", "-wal", "-shm")


class Ledger:
    """One sqlite connection for a run's scratch tables; each module creates its own."""

    def __init__(self, path: Path | None = None, cache_kb: int | None = None):
        self.path = path
        cache_kb = CACHE_KB if cache_kb is None else cache_kb
        self.db = sqlite3.connect(str(path) if path is not None else "", isolation_level=None,
                                  check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute(f"PRAGMA cache_size=-{cache_kb}")
        self.db.execute("PRAGMA temp_store=FILE")
        self.db.execute("BEGIN")  # one transaction for the run: nothing is ever committed

    @classmethod
    def for_run(cls, root: Path, dry_run: bool) -> Ledger:
        """The ledger of an ingest run in ``root`` (see the module docstring for where)."""
        state = Path(root) / STATE_DIR
        if dry_run or state.is_symlink():
            return cls()
        path = state / RUN_FILE
        remove_database(path)  # a killed run's, or damaged: scratch, never read again
        try:
            state.mkdir(exist_ok=True)
            return cls(path)
        except (OSError, sqlite3.Error):
            return cls()

    def shrink(self, cache_kb: int) -> None:
        """Hold at most ``cache_kb`` of sqlite's pages in memory from now on; the pages over
        it are freed (for the run's next phase to reuse: the pages another phase wrote are
        read again only from the file)."""
        self.db.execute(f"PRAGMA cache_size=-{int(cache_kb)}")

    def close(self) -> None:
        """Close it and delete its file."""
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        if self.path is not None:
            remove_database(self.path)

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def remove_database(path: Path) -> None:
    """Delete the sqlite file ``path`` and any journal sqlite left beside it, so that a file
    made again in its place starts clean (the ledger, and the ingest cache of
    :mod:`digest.ingest.known` when it is damaged)."""
    for suffix in _SIDE_FILES:
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()
