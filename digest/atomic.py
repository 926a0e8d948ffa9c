"""One way to replace a file so that a reader or a crash sees the old file or the new one.

Used for articles in content/ (hand-edited, under git), raw pages fetched into raw/ and
fetch's own state: all of them must never be left half-written.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

# Temporary files are hidden (``.name.…``) so an ingest over the folder passes them over,
# and carry this suffix so the next run can recognise and remove what a killed run left.
TMP_SUFFIX = ".digest-tmp"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]")


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a fsynced temporary file in the same folder."""
    _replace(path, data)
    fsync_dir(path.parent)


def write_many(files: Iterable[tuple[Path, bytes]]) -> dict[Path, OSError]:
    """:func:`write_bytes` for each file, each folder fsynced once after all its renames.

    For a batch (a run's rewritten ``story:`` lines, often hundreds in a few week folders)
    this halves the fsyncs; a file's new bytes are durable before its rename, as one by
    one. Returns the files that could not be written, with why (the others are written).
    """
    failed: dict[Path, OSError] = {}
    folders: dict[Path, None] = {}
    for path, data in files:
        try:
            _replace(path, data)
        except OSError as exc:
            failed[path] = exc
        else:
            folders[path.parent] = None
    for folder in folders:
        fsync_dir(folder)
    return failed


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to a fsynced temporary file beside ``path``, then rename it over it."""
    fd, tmp = tempfile.mkstemp(
        dir=path.parent, prefix=f".{_SAFE_NAME.sub('_', path.name)}.", suffix=TMP_SUFFIX
    )
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; these are ordinary files
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: some filesystems refuse)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
