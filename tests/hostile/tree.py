"""Snapshots of a whole folder tree, to prove a run wrote nothing where it must not.

Symlinks are recorded as links (never followed), so a link pointing outside the
tree cannot hide a change behind it, and the targets outside are snapshotted
on their own by the tests that plant them.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def snapshot(root: Path) -> dict[str, str]:
    """Every path below ``root`` mapped to what it is: a file's hash, a link's target, a dir."""
    state: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        base = Path(dirpath)
        for name in dirnames + filenames:
            path = base / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                state[rel] = "link:" + os.readlink(path)
            elif path.is_dir():
                state[rel] = "dir"
            elif path.is_file():
                state[rel] = "file:" + hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                state[rel] = "other"
    return state


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    """Paths added, removed or modified between two snapshots."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def outside(paths: set[str], allowed: tuple[str, ...]) -> list[str]:
    """The changed paths that are not one of ``allowed`` nor below one of them."""
    return sorted(p for p in paths
                  if not any(p == a or p.startswith(a.rstrip("/") + "/") for a in allowed))


def manifest(site: Path) -> dict[str, str]:
    """Hash manifest of a built site's files (the same bytes give the same manifest)."""
    return {k: v for k, v in snapshot(site).items() if v != "dir"}
