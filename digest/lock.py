"""One writer per project at a time.

Two ``digest`` runs writing the same project (a build in CI and an ingest, or
``serve`` and a manual build) would interleave their files. An advisory
``flock`` on ``.digest.lock`` in the project root makes the second one stop at
once with a clear message; the kernel releases it when the process dies, so a
killed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from digest.report import DigestError, Problem

LOCK_NAME = ".digest.lock"


@contextmanager
def project_lock(root: Path, what: str) -> Iterator[None]:
    path = root / LOCK_NAME
    try:
        # O_NOFOLLOW: the lock file is truncated below, and a '.digest.lock' symlink planted
        # in a cloned project must not make that truncate a file of the user's elsewhere.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as exc:
        raise DigestError([Problem(
            "error", f"cannot open the project lock: {exc.strerror}", str(path),
            hint="it must be a plain file (or absent); remove it if it is a symbolic link",
        )]) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "another process"
            raise DigestError([Problem(
                "error", f"another digest run is using this project ({holder})", str(path),
                hint="wait for it to finish, then run again",
            )]) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"digest {what}, pid {os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


@contextmanager
def held(folder: Path, name: str, busy: str, *, what: str) -> Iterator[None]:
    """An exclusive ``flock`` on ``folder/name`` for one command (ingest, fetch) at a time.

    ``folder`` (``.digest/``) and the lock file must be plain: a symbolic link planted in a
    cloned project would otherwise make the run create or write files where it points.
    ``busy`` is the message when another run holds the lock."""
    if folder.is_symlink():
        raise DigestError(f"{folder} is a symbolic link; {what} there: make it a plain folder "
                          "(or remove it)")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as exc:
        raise DigestError(f"{path}: cannot open the lock: {exc.strerror} (it must be a plain "
                          "file; remove it)") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DigestError(busy) from None
        yield
    finally:
        os.close(fd)
