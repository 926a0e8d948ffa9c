"""Atomic site output: build beside the old site, then swap it in whole.

Pages are written into a staging folder next to the output folder. A file
whose bytes equal the old site's file is hard-linked from the old site
instead of written, so unchanged files keep their inode and mtime (rsync, the
Pages artifact and browsers' caches see them unchanged). When everything is
written, the staging folder and the old site are exchanged in one
``renameat2(RENAME_EXCHANGE)`` call: at every instant ``site/`` is either the
old site or the new one, whole. A failed or killed build leaves only a
staging folder, which the next run removes.

Double buffering keeps rebuilds proportional to what changed: after a swap
the previous site is kept as ``.site.spare/`` (hard links, so it costs
directory entries, not file data). The next build renames the spare into the
staging folder and brings it level with the live site by re-linking only the
files the last build changed (the build cache records them), instead of
copying 10,000 folders and deleting as many.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from digest.parallel import in_child
from digest.report import DigestError, Problem

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux); False where the call is unavailable."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


class SiteWriter:
    """Collects the new site's files in a staging folder; :meth:`commit` swaps it in."""

    def __init__(self, final: Path):
        self.final = final
        self.stage = final.parent / f".{final.name}.tmp-{os.getpid()}"
        self.old = final.parent / f".{final.name}.old-{os.getpid()}"
        self.spare = final.parent / f".{final.name}.spare"
        self.written = 0
        self.linked = 0
        self.seeded = False
        self.produced: set[str] = set()
        self.changed: list[str] = []  # paths whose bytes differ from the old site's, or removed
        self._previous: set[str] | None = None
        self._dirs: set[Path] = set()
        self._recover()
        self._has_old = self.final.is_dir()  # a first build compares with nothing
        self._folders: threading.Thread | None = None
        self._prefetched: list[str] = []
        self._spare_done: Callable[[], bool] | None = None
        self.stage.mkdir(parents=True)
        self._dirs.add(self.stage)

    def seed(self, files: list[str] | None = None, last_changed: list[str] | None = None) -> None:
        """Start the staging folder as a hard-linked copy of the old site.

        Then a page the build does not need to render is already in place, and
        :meth:`finish` removes what the new site no longer has. ``files`` (the
        old site's files) and ``last_changed`` (what the build that made it
        changed) come from the build cache; with them the spare is reused.
        """
        if not self.final.is_dir():
            return
        self.stage.rmdir()
        self._previous = set(files) if files is not None else None
        if last_changed is not None and files is not None and self.spare.is_dir():
            self.spare.rename(self.stage)
            self._level(last_changed)
        elif not link_copy(self.final, self.stage):
            shutil.rmtree(self.stage, ignore_errors=True)
            shutil.copytree(self.final, self.stage, copy_function=os.link)
        self.seeded = True

    def make_folders_async(self, folders: list[str]) -> None:
        """Create staging folders in a thread while this process waits on its workers.

        ``mkdir`` releases the GIL, so on a first build the 10,000 article folders
        cost no time on the critical path. Staging waits for the thread before it
        writes anything (:meth:`_parent`).
        """
        def make() -> None:
            made: set[Path] = set()
            for folder in folders:
                path = self.stage / folder
                with contextlib.suppress(OSError):
                    path.mkdir(parents=True, exist_ok=True)
                    made.add(path)
                    made.update(path.parents)
            self._dirs.update(made)

        self._prefetched = folders
        self._folders = threading.Thread(target=make, name="digest-folders", daemon=True)
        self._folders.start()

    def _wait_folders(self) -> None:
        if self._folders is not None:
            self._folders.join()
            self._folders = None

    def _drop_unused_folders(self) -> None:
        """Remove made-ahead folders that got no page (drafts, say)."""
        if not self._prefetched:  # only a first build makes folders ahead
            return
        used = {path.rpartition("/")[0] + "/" for path in self.produced}
        for folder in self._prefetched:
            if folder not in used:
                self._prune(self.stage / folder)

    def _level(self, paths: list[str]) -> None:
        """Make the staged spare equal to the live site at ``paths`` (the last build's changes)."""
        for path in paths:
            dest, live = self.stage / path, self.final / path
            with contextlib.suppress(FileNotFoundError):
                dest.unlink()
            if live.is_file():
                self._parent(dest)
                os.link(live, dest)
            else:
                self._prune(dest.parent)

    def _prune(self, folder: Path) -> None:
        """Remove ``folder`` and its parents inside the stage while they are empty."""
        while folder != self.stage and folder.is_relative_to(self.stage):
            try:
                folder.rmdir()
            except OSError:
                return
            self._dirs.discard(folder)
            folder = folder.parent

    def _recover(self) -> None:
        """Remove leftovers of killed runs; restore an old site a killed swap left aside."""
        parent = self.final.parent
        prefix = f".{self.final.name}."
        leftovers = sorted(p for p in parent.glob(prefix + "*")
                           if p.is_dir() and p != self.spare)
        if not self.final.exists():
            olds = [p for p in leftovers if p.name.startswith(prefix + "old-")]
            if olds:
                olds[-1].rename(self.final)
                leftovers.remove(olds[-1])
        for p in leftovers:
            _remove_tree(p)

    def _parent(self, dest: Path) -> None:
        """Create ``dest``'s folder; most pages need one new folder under a known one."""
        if self._folders is not None:
            self._wait_folders()
        parent = dest.parent
        if parent in self._dirs:
            return
        if parent.parent in self._dirs:
            with contextlib.suppress(FileExistsError):
                os.mkdir(parent)
        else:
            parent.mkdir(parents=True, exist_ok=True)
            self._dirs.update(parent.parents)
        self._dirs.add(parent)

    def write(self, path: str, data: bytes) -> None:
        """Stage ``data`` at site path ``path`` (hard-linked when the old file is identical)."""
        self.record(path, self.stage_file(path, data))

    def stage_file(self, path: str, data: bytes) -> bool:
        """Put ``data`` at ``path`` in the staging folder; True when it differs from the old site.

        Safe to call from forked workers (no bookkeeping here: see :meth:`record`).
        A staged file may be a hard link to the live site's file, so it is
        unlinked before writing, never written into.
        """
        dest = self.stage / path
        self._parent(dest)
        if not self._has_old:  # a first build: nothing to compare with
            try:
                _write_new(dest, data)
            except FileExistsError:  # staged earlier in this build
                dest.unlink()
                _write_new(dest, data)
            return True
        old = self.final / path
        try:
            same = old.stat().st_size == len(data) and old.read_bytes() == data
        except OSError:
            same = False
        with contextlib.suppress(FileNotFoundError):
            if same and os.path.samefile(old, dest):
                return False
            dest.unlink()
        if same:
            os.link(old, dest)
            return False
        _write_new(dest, data)
        return True

    def copy(self, path: str, source: Path) -> None:
        self.write(path, source.read_bytes())

    def record(self, path: str, changed: bool) -> None:
        self.produced.add(path)
        if changed:
            self.written += 1
            self.changed.append(path)
        else:
            self.linked += 1

    def keep(self, path: str) -> bool:
        """Keep the old site's file at ``path`` unchanged; False when there is none."""
        self.produced.add(path)
        if self.seeded and self._previous is not None and path in self._previous:
            self.linked += 1  # already staged (set lookup: no Path made for 10,000 kept pages)
            return True
        dest = self.stage / path
        if self.seeded and self._previous is None and dest.is_file():
            self.linked += 1
            return True
        self._parent(dest)
        try:
            os.link(self.final / path, dest)
        except OSError:
            return False
        self.linked += 1
        return True

    def finish(self) -> None:
        """Remove staged files the new site does not have (only a seeded stage has any)."""
        if not self.seeded:
            return
        if self._previous is not None:
            stale = list(self._previous - self.produced)
            self._previous.difference_update(stale)
            for path in sorted(stale):
                (self.stage / path).unlink(missing_ok=True)
                self.changed.append(path)
                self._prune((self.stage / path).parent)
            return
        for dirpath, _dirnames, filenames in os.walk(self.stage, topdown=False):
            rel = os.path.relpath(dirpath, self.stage)
            prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
            for name in filenames:
                if prefix + name not in self.produced:
                    os.unlink(os.path.join(dirpath, name))
            if prefix and not os.listdir(dirpath):
                os.rmdir(dirpath)

    def commit(self) -> None:
        """Swap the staged site in; the old one becomes the spare or is deleted.

        Keep the old site as the spare only when this build knows exactly how it
        differs from the new one (a seeded build: ``changed`` lists every
        difference). A first build into an empty folder copies the new site as
        its spare, so the first rebuild need not; the copy runs in a child
        process while the build saves its cache, and :meth:`close` waits for it.
        """
        self._wait_folders()
        self.finish()
        self._drop_unused_folders()
        if self.spare.exists():
            _remove_tree(self.spare)
        if not self.final.exists():
            self.stage.rename(self.final)
            self._spare_done = in_child(lambda: _make_spare(self.final, self.spare))
            return
        if _exchange(self.stage, self.final):
            retired = self.stage
        else:
            self.final.rename(self.old)
            self.stage.rename(self.final)
            retired = self.old
        if self.seeded:
            retired.rename(self.spare)
        else:
            _remove_tree(retired)

    def close(self) -> None:
        """Wait for the spare a first build is making (the caller saves its cache meanwhile).

        A spare appears under its own name only when complete, so a failed or
        killed copy leaves none and the next build copies the live site instead.
        """
        if self._spare_done is not None:
            self._spare_done()
            self._spare_done = None

    @property
    def spare_changes(self) -> list[str]:
        """Where the spare differs from the site just committed (the next build re-links these).

        A seeded build's spare is the old site: it differs where this build changed
        something. Any other build leaves no spare or an exact copy.
        """
        return self.changed if self.seeded else []

    def abort(self) -> None:
        self._wait_folders()
        self.close()
        _remove_tree(self.stage)


def _write_new(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data``; it must not exist (a staged link is unlinked first)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _make_spare(site: Path, spare: Path) -> bool:
    """Copy ``site`` to ``spare`` under a temporary name, renamed only once complete."""
    making = spare.with_name(f"{spare.name}.tmp-{os.getpid()}")
    if link_copy(site, making):
        making.rename(spare)
        return True
    shutil.rmtree(making, ignore_errors=True)
    return False


def link_copy(source: Path, dest: Path, threads: int = 4) -> bool:
    """Make ``dest`` a copy of the folder tree ``source`` whose files are hard links.

    Costs one ``mkdir`` per folder and one ``link`` per file (``cp -al`` also
    stats and copies extended attributes of each). The top-level folders are
    copied in threads: the calls release the GIL, so a 10,000-page site is
    copied on every core. False (and ``dest`` partly made) on any error.
    """
    def copy(src: str, dst: str) -> None:
        os.mkdir(dst)
        with os.scandir(src) as entries:
            for entry in entries:
                target = os.path.join(dst, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    copy(entry.path, target)
                else:
                    os.link(entry.path, target, follow_symlinks=False)

    try:
        os.mkdir(dest)
        with os.scandir(source) as entries:
            tops = [(e.path, os.path.join(dest, e.name), e.is_dir(follow_symlinks=False))
                    for e in entries]
        with ThreadPoolExecutor(threads) as pool:
            done = [pool.submit(copy, src, dst) if is_dir else
                    pool.submit(os.link, src, dst, follow_symlinks=False)
                    for src, dst, is_dir in tops]
            for future in done:
                future.result()
    except OSError:
        return False
    return True


def _run(command: list[str]) -> bool:
    try:
        return subprocess.run(command, capture_output=True, check=False).returncode == 0
    except OSError:
        return False


def _remove_tree(path: Path) -> None:
    """Delete a folder tree; coreutils' rm is several times faster than shutil at 30,000 files."""
    if not (shutil.which("rm") and _run(["rm", "-rf", "--", str(path)])):
        shutil.rmtree(path, ignore_errors=True)


def check_output_dir(out: Path, protected: list[Path]) -> None:
    """Refuse an output folder that would replace the user's own files."""
    if out.is_symlink():
        # The swap would move the link aside and put a real folder in its place; a link
        # planted in a cloned project could also aim the build at any folder of the user's.
        raise DigestError([Problem(
            "error", f"the output folder {out} is a symbolic link (to {os.readlink(out)})",
            hint="digest replaces its output folder whole: remove the link, or pass the "
                 "real folder with --out",
        )])
    out_r = out.resolve()
    for p in protected:
        p_r = p.resolve()
        if out_r == p_r or p_r.is_relative_to(out_r):
            raise DigestError([Problem(
                "error", f"the output folder {out} would replace {p}",
                hint="choose another --out, such as site/",
            )])
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").exists():
        raise DigestError([Problem(
            "error", f"{out} exists and does not look like a digest site (no index.html)",
            hint="remove it or choose another --out; digest replaces its output folder whole",
        )])
