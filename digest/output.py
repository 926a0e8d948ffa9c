"""Atomic site output: build beside the old site, then swap it in whole.

Pages are written into a staging folder next to the output folder. A file
whose bytes equal the old site's file is hard-linked from the old site
instead of written, so unchanged files keep their inode and mtime (rsync, the
Pages artifact and browsers' caches see them unchanged). When everything is
written, the staging folder and the old site are exchanged in one
``renameat2(RENAME_EXCHANGE)`` call: at every instant ``site/`` is either the
old site or the new one, whole. A failed or killed build leaves only a
staging folder, which the next run removes.
"""

from __future__ import annotations

import ctypes
import os
import shutil
from pathlib import Path

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
        self.written = 0
        self.linked = 0
        self._dirs: set[Path] = set()
        self._recover()
        self.stage.mkdir(parents=True)

    def _recover(self) -> None:
        """Remove leftovers of killed runs; restore an old site a killed swap left aside."""
        parent = self.final.parent
        prefix = f".{self.final.name}."
        leftovers = sorted(p for p in parent.glob(prefix + "*") if p.is_dir())
        if not self.final.exists():
            olds = [p for p in leftovers if p.name.startswith(prefix + "old-")]
            if olds:
                olds[-1].rename(self.final)
                leftovers.remove(olds[-1])
        for p in leftovers:
            shutil.rmtree(p, ignore_errors=True)

    def _parent(self, dest: Path) -> None:
        parent = dest.parent
        if parent not in self._dirs:
            parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(parent)

    def write(self, path: str, data: bytes) -> None:
        """Stage ``data`` at site path ``path`` (hard-linked when the old file is identical)."""
        dest = self.stage / path
        self._parent(dest)
        old = self.final / path
        try:
            if old.stat().st_size == len(data) and old.read_bytes() == data:
                os.link(old, dest)
                self.linked += 1
                return
        except OSError:
            pass
        dest.write_bytes(data)
        self.written += 1

    def copy(self, path: str, source: Path) -> None:
        self.write(path, source.read_bytes())

    def commit(self) -> None:
        """Swap the staged site in; afterwards the old one is deleted."""
        if self.final.exists():
            if _exchange(self.stage, self.final):
                shutil.rmtree(self.stage)
                return
            self.final.rename(self.old)
            self.stage.rename(self.final)
            shutil.rmtree(self.old)
        else:
            self.stage.rename(self.final)

    def abort(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)


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
