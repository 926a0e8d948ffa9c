"""The ingest report's rows: one per page, kept on disk, not in memory.

A run over an archive reports on every page it read (what was written, skipped, failed,
and each article's story), and a month of CC-NEWS has millions of them: held as objects,
the report alone would grow the process by hundreds of bytes a page. So :class:`Results`
keeps them as rows of sqlite's private temporary file (:class:`digest.ingest.ledger.Ledger`
with no path: deleted when closed), and gives them back as :class:`FileResult` objects,
in the order they were appended, one at a time as they are iterated. The report outlives
the run's own ledger (the caller prints it), so it has its own file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO, overload

from digest.ingest.ledger import Ledger


@dataclass(slots=True)
class FileResult:
    """What happened to one input file (or one archive record)."""

    file: str
    status: str  # "written", "review" (kept in content/_review/), "skipped", "failed"
    reason: str | None = None
    article: str | None = None  # content path written (or that would be, in a dry run)
    backup: str | None = None
    story: str | None = None  # the article's story id, as the run ends
    warnings: list[str] = field(default_factory=list)


# Indexed by article from the start, for set_story at the end of the run: made then, sqlite
# would sort every row for it, with another page cache's worth of memory.
_SCHEMA = """
CREATE TABLE result (n INTEGER PRIMARY KEY, file TEXT, status TEXT, reason TEXT,
    article TEXT, backup TEXT, story TEXT, warnings TEXT);
CREATE INDEX result_article ON result (article);
"""
_COLUMNS = "file, status, reason, article, backup, story, warnings"
CACHE_KB = 1024  # rows are appended and read in order: a small page cache does


class Results:
    """A list of :class:`FileResult` on disk: append, len, index, iterate (a result is read
    back as a new object; change a stored one through :meth:`set_story`)."""

    def __init__(self, results: list[FileResult] | None = None):
        self._ledger: Ledger | None = None
        self._size = 0
        for result in results or ():
            self.append(result)

    @property
    def _db(self) -> Any:
        if self._ledger is None:
            self._ledger = Ledger(cache_kb=CACHE_KB)
            self._ledger.db.executescript(_SCHEMA)
        return self._ledger.db

    def append(self, result: FileResult) -> None:
        self._db.execute("INSERT INTO result VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (self._size, result.file, result.status, result.reason,
                          result.article, result.backup, result.story,
                          json.dumps(result.warnings, ensure_ascii=False)
                          if result.warnings else None))
        self._size += 1

    def set_story(self, article: str, story: str) -> None:
        """The final story of the result that wrote ``article``."""
        self._db.execute("UPDATE result SET story = ? WHERE article = ?", (story, article))

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[FileResult]:
        if not self._size:
            return
        for row in self._db.execute(f"SELECT {_COLUMNS} FROM result ORDER BY n"):  # noqa: S608
            yield _result(row)

    @overload
    def __getitem__(self, i: int) -> FileResult: ...
    @overload
    def __getitem__(self, i: slice) -> list[FileResult]: ...

    def __getitem__(self, i: int | slice) -> FileResult | list[FileResult]:
        if isinstance(i, slice):
            return list(self)[i]
        n = i + self._size if i < 0 else i
        if not 0 <= n < self._size:
            raise IndexError(i)
        row = self._db.execute(f"SELECT {_COLUMNS} FROM result WHERE n = ?",  # noqa: S608
                               (n,)).fetchone()
        return _result(row)

    def count(self, status: str) -> int:
        """How many results have ``status``."""
        if not self._size:
            return 0
        return self._db.execute("SELECT count(*) FROM result WHERE status = ?",
                                (status,)).fetchone()[0]

    def with_status(self, status: str) -> Iterator[FileResult]:
        if not self._size:
            return
        for row in self._db.execute(f"SELECT {_COLUMNS} FROM result "  # noqa: S608
                                    "WHERE status = ? ORDER BY n", (status,)):
            yield _result(row)

    def write_json(self, out: TextIO, indent: str) -> None:
        """Each result as ``json.dumps(asdict(r), ensure_ascii=False, indent=2)`` would
        give it inside a list indented by ``indent``, separated by commas."""
        for i, result in enumerate(self):
            text = json.dumps(asdict(result), ensure_ascii=False, indent=2)
            out.write(("," if i else "") + "\n" + "\n".join(indent + line
                                                           for line in text.split("\n")))

    def close(self) -> None:
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None
            self._size = 0


def _result(row: tuple) -> FileResult:
    file, status, reason, article, backup, story, warnings = row
    return FileResult(file, status, reason, article, backup, story,
                      json.loads(warnings) if warnings else [])
