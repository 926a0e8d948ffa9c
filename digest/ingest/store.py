"""Write articles into content/ without ever losing an editor's work or leaving half a file.

Rules this module enforces, because content/ is hand-edited and under git:

- a path is built only from sanitised parts (a topic slug, an ISO week, an ASCII slug) and is
  checked to resolve inside content/ (a symlinked folder pointing elsewhere is refused);
- an existing article is never overwritten; ``force`` replaces it only after copying it to
  ``.digest/backups/``;
- every write goes to a temporary file in the same folder, is fsynced, then renamed over the
  target, so a crash leaves either the old file or the new one; temporary files a killed run
  left behind are removed by the next run;
- one ingest at a time per project (an exclusive lock on ``.digest/ingest.lock``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest import atomic, frontmatter
from digest.atomic import TMP_SUFFIX
from digest.config import SLUG_RE, Config
from digest.content import REVIEW_DIR
from digest.lock import held
from digest.report import DigestError

KEY_ORDER = (
    "title", "date", "review", "topic", "source", "source_url", "author", "lang", "summary", "tags",
    "attribution", "draft", "id", "story", "raw", "raw_sha256", "date_source",
)

STATE_DIR = ".digest"


class UnsafePathError(DigestError):
    """A computed path would leave content/ (a bad slug, ``..``, or a symlink outside)."""


@dataclass(frozen=True)
class StoredArticle:
    """An article already in content/, as far as ingest needs to know it."""

    path: Path
    meta: dict[str, Any]
    body: str


def article_id(raw_sha256: str) -> str:
    """The stable identity feeds use as guid: set once from the raw page, never changed."""
    return f"urn:digest:{raw_sha256[:16]}"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def iso_week(date: dt.datetime, tz: dt.tzinfo) -> str:
    """``YYYY-Www`` of the date as seen in the digest's timezone (a week is a local notion)."""
    local = date.astimezone(tz) if date.tzinfo else date.replace(tzinfo=tz)
    year, week, _ = local.isocalendar()
    return f"{year}-W{week:02d}"


def ordered_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Front matter keys in DESIGN.md's order, unknown keys after them, empty values dropped.

    ``tags`` stays even when empty: an editor sees where tags go, and the file keeps YAML's
    block style (a mapping of scalars only would be dumped on one flow-style line).
    """
    def keep(key: str, value: Any) -> bool:
        # an article under review shows the empty 'title:'/'date:' an editor is asked to fill in
        return key == "tags" or (key in ("title", "date") and bool(meta.get("review"))) or (
            value not in (None, "", []))

    known = {k: meta[k] for k in KEY_ORDER if k in meta and keep(k, meta[k])}
    rest = {k: v for k, v in meta.items() if k not in KEY_ORDER and keep(k, v)}
    if not isinstance(known.get("tags", []), list):
        known["tags"] = []
    return {**known, **rest}


class Store:
    """The content/ folder of one project."""

    def __init__(self, config: Config):
        self.config = config
        self.root = Path(config.root).resolve()
        self.content = (self.root / config.content_dir).resolve()
        self.state = self.root / STATE_DIR

    def article_files(self) -> Iterator[Path]:
        """Every article file in content/, in path order."""
        if not self.content.is_dir():
            return
        for path in sorted(self.content.rglob("*.md")):
            if path.is_file():  # a FIFO would block the read forever
                yield path

    def articles(self) -> Iterator[StoredArticle]:
        """Every readable article in content/; unreadable ones are build's and check's to report."""
        for path in self.article_files():
            try:
                doc = frontmatter.parse(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, frontmatter.FrontMatterError):
                claim = claim_of_unreadable(path)
                if claim is not None:
                    yield claim
                continue
            yield StoredArticle(path, doc.meta, doc.body)

    def review_folder(self) -> Path:
        """``content/_review/``: undated articles, out of the site, still seen by ingest."""
        folder = self.content / REVIEW_DIR
        self.check_inside(folder)
        return folder

    def folder_for(self, topic: str, date: dt.datetime) -> Path:
        """``content/<topic>/<YYYY>-W<WW>/``, refusing a topic that is not a slug."""
        if not SLUG_RE.match(topic):
            raise UnsafePathError(f"refusing to build a path from topic {topic!r}: not a slug")
        folder = self.content / topic / iso_week(date, self.config.tz)
        self.check_inside(folder)
        return folder

    def path_for(self, topic: str, date: dt.datetime, slug: str) -> Path:
        """``content/<topic>/<YYYY>-W<WW>/<slug>.md``, refusing anything that is not a slug."""
        if not SLUG_RE.match(slug):
            raise UnsafePathError(f"refusing to build a path from slug {slug!r}: not a slug")
        path = self.folder_for(topic, date) / f"{slug}.md"
        self.check_inside(path)
        return path

    def check_inside(self, path: Path) -> None:
        """Raise unless ``path`` (following symlinks of existing parts) stays in content/."""
        resolved = path.resolve()
        if not resolved.is_relative_to(self.content):
            raise UnsafePathError(f"refusing to write {path}: it resolves outside {self.content}")

    def relative(self, path: Path) -> str:
        """A path as the user knows it: relative to the project root."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def write(
        self, path: Path, meta: dict[str, Any], body: str, *, force: bool = False
    ) -> Path | None:
        """Write one article atomically; returns the backup made when ``force`` replaced one.

        Without ``force`` an existing file is left alone and :class:`FileExistsError` raised.
        """
        self.check_inside(path)
        backup = None
        if path.exists():
            if not force:
                raise FileExistsError(f"{self.relative(path)} already exists")
            backup = self.backup(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.check_inside(path)  # again: a folder may have been swapped for a symlink
        atomic_write(path, frontmatter.dump(ordered_meta(meta), body))
        return backup

    def backup(self, path: Path) -> Path:
        """Copy an article to ``.digest/backups/<same relative path>.<n>`` before replacing it."""
        rel = path.resolve().relative_to(self.content)
        folder = self.state / "backups" / rel.parent
        folder.mkdir(parents=True, exist_ok=True)
        n = 1
        while (folder / f"{rel.name}.{n}").exists():
            n += 1
        target = folder / f"{rel.name}.{n}"
        shutil.copy2(path, target)
        _fsync_file(target)
        return target

    def remove(self, path: Path) -> Path:
        """Move an article out of content/ (into the backups) when --force relocates it."""
        backup = self.backup(path)
        path.unlink()
        return backup

    def clean_temporaries(self) -> list[Path]:
        """Delete temporary files a killed run left in content/ (never a finished article)."""
        if not self.content.is_dir():
            return []
        leftovers = [p for p in self.content.rglob(f"*{TMP_SUFFIX}") if p.is_file()]
        for p in leftovers:
            p.unlink(missing_ok=True)
        return leftovers

    def lock(self) -> contextlib.AbstractContextManager[None]:
        """Hold the project's ingest lock; a second ingest fails at once with a clear message."""
        lock_path = self.state / "ingest.lock"
        return held(self.state, lock_path.name,
                    f"another 'digest ingest' is running in this project (lock {lock_path}); "
                    "wait for it to finish", what="ingest keeps its lock and backups")


_RAW_SHA_LINE = re.compile(r"^raw_sha256:[ \t]*['\"]?([0-9a-f]{64})\b", re.MULTILINE)


def claim_of_unreadable(path: Path) -> StoredArticle | None:
    """An article an editor's edit left unparseable still names its raw page.

    Without this, re-ingesting would not see it and write a second copy beside it
    (``...-2.md``), so the half-finished edit would end up duplicated in the site.
    """
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None
    m = _RAW_SHA_LINE.search(text)
    return StoredArticle(path, {"raw_sha256": m.group(1)}, "") if m else None


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers and crashes see the old or the new file."""
    atomic.write_bytes(path, text.encode("utf-8"))


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
