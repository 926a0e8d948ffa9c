"""The build cache in ``.digest-cache/``: what the last build read and wrote.

A rebuild should cost what changed, not what exists. The cache keeps, for
each content file, its stat signature, its sha256 and the validated article
fields; each article's rendered HTML in an append-only pack file; and, for
each output (page, feed, index part), the key of the inputs it was made from
(see :mod:`digest.outputs`). A file whose stat signature matches is not read
again; an output whose key matches is not made again (the old file is kept,
mtime and all: :mod:`digest.plan`).

The cache is an optimisation only: it is versioned by digest's version and a
schema number, a build with ``--clean`` ignores it, and the output is
byte-identical with and without it. It is JSON, never pickle: a cloned
repository could carry a crafted cache, and loading it must not run code.

Each entry is one JSON list, its article's fields in a fixed order (:data:`_ROW`),
not an object naming them: at 100,000 articles the names were most of what a
rebuild decoded, and a list's values go straight into the Article's attributes.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import re
import tempfile
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from digest import __version__
from digest.content import Article
from digest.fingerprint import fingerprint

CACHE_DIR = ".digest-cache"
SCHEMA = 3  # 2: Article.story; 3: entries as lists
_INDEX = "build.json"  # pages, files and keys of the last build
_ENTRIES = "entries.json"  # the articles as of one pack generation
_JOURNAL = "entries.log"  # changes since: one JSON line per changed or removed entry
_JOURNAL_LIMIT = 2000  # lines before the journal is folded into entries.json
_STATE = "state.json"  # small: what the nothing-changed check reads
_PACK = "html-{}.pack"  # a new generation on every compaction; the index names its pack
# An entry, as a JSON list and in memory: name, mtime_ns, size, HTML offset, HTML length,
# then the article's fields in _ROW order and the timestamp of its date (the order
# articles sort in, :attr:`Article.stamp`). The file is the entry's name; the body stays
# in content/ and the HTML in the pack; the dates are ISO 8601 text.
_ROW = tuple(f.name for f in fields(Article) if f.name not in ("file", "body", "html"))
_HEAD = 5  # name, signature, html
_LENGTH = _HEAD + len(_ROW) + 1
_DATE, _UPDATED = _HEAD + _ROW.index("date"), _HEAD + _ROW.index("updated")
_OFFSET, _END = 3, 5  # an entry's HTML in the pack: entry[_OFFSET:_END] is (offset, length)
_FIELDS = (*_ROW, "stamp")  # an entry's items from _HEAD on
_new = Article.__new__
Entry = list  # one entry, as above


def _entry(name: str, signature: tuple[int, int], a: Article, html: tuple[int, int]) -> Entry:
    row = [name, *signature, *html, *(getattr(a, f) for f in _ROW), a.stamp]
    row[_DATE] = a.date.isoformat()
    row[_UPDATED] = a.updated.isoformat() if a.updated is not None else None
    return row


def _article_from_row(row: Entry) -> Article:
    """The Article of an entry (a fresh object: the build changes its ``html``)."""
    if len(row) != _LENGTH:
        raise ValueError("not an entry of this schema")
    article = _new(Article)
    data = dict(zip(_FIELDS, row[_HEAD:], strict=True))  # the fields, then the stamp
    data["file"] = row[0]
    data["body"] = data["html"] = ""
    data["date"] = dt.datetime.fromisoformat(row[_DATE])
    if row[_UPDATED] is not None:
        data["updated"] = dt.datetime.fromisoformat(row[_UPDATED])
    if not isinstance(data["stamp"], float):
        raise TypeError("not a timestamp")
    article.__dict__ = data
    return article


def _html(row: Entry) -> tuple[int, int]:
    """(offset, length) of the entry's HTML in the pack."""
    return row[_OFFSET], row[_OFFSET + 1]


@dataclass
class BuildCache:
    folder: Path
    key: str  # digest version + schema + everything every page depends on
    entries: dict[str, Entry] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  # output's site path -> input key
    inputs: str = ""  # fingerprint of every input: equal means nothing to do
    output: str = ""  # signature of the site folder the cache describes
    generation: int = 0
    files: list[str] | None = None  # every file of the site the cache describes
    changed: list[str] | None = None  # what the build that made that site changed
    _pack_size: int = 0
    loaded: bool = False  # read from disk (else fresh: its pack starts a new generation)
    _spool: Spool | None = None  # HTML remembered by this build, not yet in the pack
    _dirty: set[str] = field(default_factory=set)  # entries changed or removed since loading
    _journal_lines: int = 0

    # Reading ---------------------------------------------------------------
    @classmethod
    def load(cls, root: Path, key: str) -> BuildCache:
        """The cache for ``key``; an empty one when missing, unreadable or for another key."""
        folder = root / CACHE_DIR
        empty = cls(folder, key)
        if folder.is_symlink():
            return empty  # planted elsewhere: never read or write through it (see save)
        try:
            data = json.loads((folder / _INDEX).read_text(encoding="utf-8"))
            base = json.loads((folder / _ENTRIES).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("key") != key or base.get("key") != key:
                return empty
            generation = int(base["generation"])
            pack_size = (folder / _PACK.format(generation)).stat().st_size
            entries = {row[0]: row for row in base["entries"]}
            lines = _replay(folder / _JOURNAL, generation, entries)
            if any(e[_OFFSET] + e[_OFFSET + 1] > pack_size for e in entries.values()):
                return empty  # a truncated pack: start over rather than serve wrong HTML
            inputs, output = cls.peek(root, key)
            cache = cls(folder, key, entries, dict(data["pages"]), inputs, output,
                        generation, data.get("files"), data.get("changed"),
                        pack_size)
            cache._journal_lines = lines
            cache.loaded = True
            return cache
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return empty

    @staticmethod
    def peek(root: Path, key: str) -> tuple[str, str]:
        """(inputs, output) of the last build with ``key``, without loading the whole cache."""
        folder = root / CACHE_DIR
        try:
            if folder.is_symlink():
                return "", ""
            data = json.loads((folder / _STATE).read_text(encoding="utf-8"))
            if data.get("key") == key:
                return str(data["inputs"]), str(data["output"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        return "", ""

    def article(self, name: str, signature: tuple[int, int]) -> Article | None:
        """The cached article of content file ``name`` when the file has not changed."""
        entry = self.entries.get(name)
        if entry is None or entry[1] != signature[0] or entry[2] != signature[1] or \
                entry[0] != name:
            return None
        try:
            return _article_from_row(entry)
        except (TypeError, ValueError):
            return None

    def html(self, names: list[str]) -> dict[str, str]:
        """Cached HTML of the given content files, read in offset order.

        HTML remembered by this build is still in the spool (offsets past the
        pack's end). Reads use ``pread``, so forked workers may call this too.
        """
        wanted = sorted((_html(self.entries[n]), n) for n in names if n in self.entries)
        out: dict[str, str] = {}
        if not wanted:
            return out
        pack_path = self.folder / _PACK.format(self.generation)
        pack = os.open(pack_path, os.O_RDONLY) if wanted[0][0][0] < self._pack_size else None
        try:
            for (offset, length), name in wanted:
                if offset >= self._pack_size and self._spool is not None:
                    data = os.pread(self._spool.fd, length, offset - self._pack_size)
                elif pack is not None:
                    data = os.pread(pack, length, offset)
                else:
                    continue
                out[name] = data.decode("utf-8")
        finally:
            if pack is not None:
                os.close(pack)
        return out

    # Writing ---------------------------------------------------------------
    def spool(self) -> Spool:
        """Where this build's rendered HTML goes until :meth:`save` appends it to the pack.

        The spool is an anonymous temporary file: a build that fails or is killed
        leaves nothing behind. Forked workers write into it directly (see :class:`Spool`).
        """
        if self._spool is None:
            self._spool = Spool()
        return self._spool

    def remember(self, name: str, signature: tuple[int, int], article: Article,
                 spooled: tuple[int, int]) -> None:
        """Cache one article whose HTML is in the spool at ``spooled`` (offset, length)."""
        offset, length = spooled
        self.entries[name] = _entry(name, signature, article, (self._pack_size + offset, length))
        self._dirty.add(name)

    def _write_spool(self) -> None:
        """Append the spooled HTML to the pack; a fresh cache starts a new generation file.

        A fresh cache counted its offsets from an empty pack, so it must never
        append to a pack another build left behind.
        """
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW
        if not self.loaded:
            self.generation = _next_generation(self.folder)
            flags |= os.O_TRUNC
        fd = os.open(self.folder / _PACK.format(self.generation), flags, 0o644)
        try:
            if os.fstat(fd).st_size != self._pack_size:  # bytes no index refers to
                os.ftruncate(fd, self._pack_size)
            if self._spool is not None:
                _copy(self._spool.fd, fd, self._spool.size)
                self._pack_size += self._spool.size
        finally:
            os.close(fd)
            if self._spool is not None:
                self._spool.close()
                self._spool = None

    def keep_only(self, names: set[str]) -> None:
        for gone in set(self.entries) - names:
            del self.entries[gone]
            self._dirty.add(gone)

    def save(self) -> None:
        """Write the index atomically after the pack; compact when most of the pack is garbage.

        A run killed before the index is replaced leaves the old index, which
        only refers to bytes that were already in its own pack generation.
        """
        if self.folder.is_symlink():
            return  # a planted link must not make the build write outside the project
        self.folder.mkdir(exist_ok=True)
        _replace(self.folder / ".gitignore", b"*\n")
        self._write_spool()
        live = sum(e[_OFFSET + 1] for e in self.entries.values())
        compacted = self._pack_size > 2 * live + (1 << 20)
        if compacted:
            self._compact()
        if compacted or not self.loaded or self._journal_lines + len(self._dirty) > \
                _JOURNAL_LIMIT or not (self.folder / _ENTRIES).exists():
            self._write_entries()
        elif self._dirty:
            self._append_journal()
        self._dirty = set()
        self.loaded = True
        index = {
            "key": self.key, "pages": self.pages,
            "files": self.files, "changed": self.changed,
        }
        _replace(self.folder / _INDEX, json.dumps(index, separators=(",", ":")).encode())
        state = {"key": self.key, "inputs": self.inputs, "output": self.output}
        _replace(self.folder / _STATE, json.dumps(state).encode())
        for stale in self.folder.glob(_PACK.format("*")):
            if stale.name != _PACK.format(self.generation):
                stale.unlink(missing_ok=True)

    def _write_entries(self) -> None:
        """Fold everything into entries.json for the current pack generation; empty the journal."""
        base = {"key": self.key, "generation": self.generation,
                "entries": [e for _, e in sorted(self.entries.items())]}
        _replace(self.folder / _ENTRIES, json.dumps(base, separators=(",", ":")).encode())
        _replace(self.folder / _JOURNAL, b"")
        self._journal_lines = 0

    def _append_journal(self) -> None:
        """Append this build's changed entries: a one-article rebuild writes one line, not 12 MB."""
        lines = []
        for name in sorted(self._dirty):
            entry = self.entries.get(name)
            lines.append(json.dumps([self.generation, name, entry], separators=(",", ":")))
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW
        fd = os.open(self.folder / _JOURNAL, flags, 0o644)
        with os.fdopen(fd, "a", encoding="utf-8") as journal:
            journal.write("".join(line + "\n" for line in lines))
        self._journal_lines += len(lines)

    def _compact(self) -> None:
        """Copy the live HTML into a new pack generation, in name order."""
        names = sorted(self.entries)
        old = self.html(names)
        chunks, offset = [], 0
        for name in names:
            data = old[name].encode("utf-8")
            self.entries[name][_OFFSET:_END] = offset, len(data)
            chunks.append(data)
            offset += len(data)
        self.generation += 1
        _replace(self.folder / _PACK.format(self.generation), b"".join(chunks))
        self._pack_size = offset


class Spool:
    """An anonymous temporary file that this process or any forked worker appends HTML to.

    Offsets come from a counter in shared memory, so workers write side by side with
    ``pwrite`` and send back only (offset, length): the HTML does not travel back
    through a pipe to be written by the build process (60 MB at 10,000 articles).
    A build that fails or is killed leaves nothing behind.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="digest-html-")  # noqa: SIM115 - closed by close()
        self.fd = self._file.fileno()
        self._end = multiprocessing.Value("q", 0)  # shared with workers forked later

    @property
    def size(self) -> int:
        """Bytes appended so far, by every process."""
        return self._end.value

    def close(self) -> None:
        self._file.close()

    def append(self, html: str) -> tuple[int, int]:
        """Write ``html``; returns where it is (offset, length in bytes)."""
        data = html.encode("utf-8")
        with self._end.get_lock():
            offset = self._end.value
            self._end.value = offset + len(data)
        written = 0
        while written < len(data):
            written += os.pwrite(self.fd, data[written:], offset + written)
        return offset, len(data)


def _copy(source: int, target: int, length: int) -> None:
    """Copy the first ``length`` bytes of file ``source`` to the end of ``target``."""
    offset = 0
    while offset < length:
        chunk = os.pread(source, min(1 << 20, length - offset), offset)
        if not chunk:
            raise OSError(f"build cache spool ended at {offset} of {length} bytes")
        os.write(target, chunk)
        offset += len(chunk)


def _next_generation(folder: Path) -> int:
    numbers = [int(m.group(1)) for p in folder.glob(_PACK.format("*"))
               if (m := re.fullmatch(r"html-(\d+)\.pack", p.name))]
    return max(numbers, default=-1) + 1


def _replay(journal: Path, generation: int, entries: dict[str, Any]) -> int:
    """Apply the journal's lines for ``generation`` to ``entries``; returns the line count.

    A line cut short by a killed run ends the replay: what it would have said
    is simply not cached, so that file is read again.
    """
    try:
        text = journal.read_text(encoding="utf-8")
    except FileNotFoundError:
        return 0
    count = 0
    for line in text.splitlines():
        try:
            line_generation, name, entry = json.loads(line)
        except (ValueError, TypeError):
            break
        count += 1
        if line_generation != generation:
            continue
        if entry is None:
            entries.pop(name, None)
        else:
            entries[name] = entry
    return count


def _replace(path: Path, data: bytes) -> None:
    """Write a file whole under a temporary name, then rename it over ``path`` (even a link)."""
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def cache_key(*parts: object) -> str:
    return fingerprint(__version__, SCHEMA, *parts)
