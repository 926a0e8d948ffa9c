"""Differential check: two checkouts of digest must build the same bytes from the same inputs.

A refactoring of the build (what is kept, what is made, in which process) must not
change one byte of any site. This script builds the example digest and a generated
corpus (``generate.py``, with some articles joined into multi-article stories) with
this checkout's code and with another checkout's (``--against``), each in a fresh
folder, then compares every file of the two sites. Both builds run in subprocesses
with ``PYTHONPATH`` pointing at their checkout, so each imports its own ``digest``.

    python benchmarks/differential.py --against /path/to/main-checkout [--n 10000]

Exit status 0 when every site is byte-identical; otherwise the differing paths are
listed (at most 20 a site) and the status is 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402 - a script beside this one


def add_stories(content: Path, every: int = 7) -> int:
    """Join every ``every``-th article with the next one into a story (``story:`` key)."""
    files = sorted(content.rglob("*.md"))
    joined = 0
    for number in range(0, len(files) - 1, every):
        for path in files[number:number + 2]:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\ntopic:", f"\nstory: s{number}\ntopic:", 1),
                            encoding="utf-8")
        joined += 1
    return joined


def corpus(root: Path, n: int, search: bool) -> Path:
    """A generated project of ``n`` articles, some in stories."""
    generate.generate(root, n)
    add_stories(root / "content")
    if not search:
        with (root / "digest.yaml").open("a", encoding="utf-8") as f:
            f.write("search: false\n")
    return root


def example(root: Path, search: bool) -> Path:
    """A copy of the repository's example digest (its content and digest.yaml)."""
    root.mkdir(parents=True)
    shutil.copytree(REPO / "content", root / "content")
    text = (REPO / "digest.yaml").read_text(encoding="utf-8")
    (root / "digest.yaml").write_text(text + ("" if search else "search: false\n"),
                                      encoding="utf-8")
    return root


def build(checkout: Path, project: Path, out: Path) -> None:
    """``digest build --clean`` of ``project`` into ``out`` with ``checkout``'s code."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    cmd = [sys.executable, "-m", "digest", "build", "--config", str(project / "digest.yaml"),
           "--out", str(out), "--clean", "--quiet"]
    subprocess.run(cmd, cwd=project, env=env, check=True)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(one: dict[str, bytes], two: dict[str, bytes]) -> list[str]:
    """Paths present in only one site, or with other bytes."""
    return sorted(p for p in one.keys() | two.keys() if one.get(p) != two.get(p))


def compare(name: str, project: Path, checkouts: tuple[Path, Path]) -> bool:
    sites = []
    for number, checkout in enumerate(checkouts):
        # A copy each: a build writes its cache and spare beside the project.
        copy = project.with_name(f"{project.name}-{number}")
        shutil.copytree(project, copy)
        build(checkout, copy, copy / "site")
        sites.append(tree(copy / "site"))
    diff = differences(*sites)
    total = len(sites[0].keys() | sites[1].keys())
    status = "identical" if not diff else f"{len(diff)} of {total} files differ"
    sys.stdout.write(f"{name}: {total} files, {status}\n")
    for path in diff[:20]:
        sys.stdout.write(f"  {path}\n")
    return not diff


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, required=True,
                        help="the other checkout (a folder holding digest/)")
    parser.add_argument("--n", type=int, default=1000, help="generated articles (default 1000)")
    parser.add_argument("--search", action="store_true",
                        help="build with search as configured (default: search: false)")
    parser.add_argument("--workdir", type=Path, help="where to build (default: a temp dir)")
    args = parser.parse_args(argv)
    checkouts = (REPO, args.against.resolve())
    work = Path(tempfile.mkdtemp(prefix="digest-diff-", dir=args.workdir))
    try:
        same = compare("example", example(work / "example", args.search), checkouts)
        same &= compare(f"corpus of {args.n}", corpus(work / "corpus", args.n, args.search),
                        checkouts)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
