"""A/B: cold and one-edit builds of a generated corpus, alternating this checkout and another.

On a shared machine the load moves more between runs than a change moves the build; only
pairs measured side by side say whether a change made the build slower. Each round builds
cold (``--clean``, no output, no cache), builds once more (the first seeded build, which
makes the spare), appends a sentence to one article and measures that rebuild, for each
checkout in turn, the order swapped every round. Each checkout builds its own copy of the
corpus (``search: false``; ``--search``: as configured, the Pagefind index on).
Before each build it waits, as ``scale.py`` does, until other work leaves the machine
quiet (``--quiet-below``, at most ``--quiet-timeout`` seconds). Prints the medians of
wall and CPU time (the build's process tree).

    python benchmarks/ab_build.py --against /path/to/other-checkout [--n 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402 - a script beside this one
import scale  # noqa: E402 - a script beside this one

QUIET = (1.0, 0.0)  # (CPU share, timeout) to wait for before each build: main() sets it

Times = tuple[float, float]  # (wall, CPU) seconds


def project(root: Path, n: int, search: bool = False) -> Path:
    generate.generate(root, n)
    if not search:
        with (root / "digest.yaml").open("a", encoding="utf-8") as f:
            f.write("search: false\n")
    return root


def build(checkout: Path, root: Path, clean: bool) -> Times:
    cmd = [sys.executable, "-m", "digest", "build", "--config", str(root / "digest.yaml"),
           "--out", str(root / "site"), "--quiet", *(["--clean"] if clean else [])]
    scale.wait_until_quiet(*QUIET)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=root, env={**os.environ, "PYTHONPATH": str(checkout)}, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def empty(root: Path) -> None:
    for folder in [root / "site", root / ".digest-cache", *root.glob(".site.*")]:
        shutil.rmtree(folder, ignore_errors=True)


def edited(root: Path) -> Path:
    """The middle article of the first topic: the same one every round."""
    files = sorted((root / "content" / generate.TOPICS[0][0]).rglob("*.md"))
    return files[len(files) // 2]


def round_of(checkout: Path, root: Path, number: int) -> tuple[Times, Times]:
    empty(root)
    os.sync()
    cold = build(checkout, root, clean=True)
    build(checkout, root, clean=False)
    with edited(root).open("a", encoding="utf-8") as f:
        f.write(f"\nCorrection {number}: an earlier version misstated a date.\n")
    os.sync()
    return cold, build(checkout, root, clean=False)


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, required=True,
                        help="the other checkout (a folder holding digest/)")
    parser.add_argument("--n", type=int, default=10000, help="articles (default 10000)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--search", action="store_true",
                        help="build with search as configured (default: search: false)")
    parser.add_argument("--workdir", type=Path, help="where to build (default: a temp dir)")
    parser.add_argument("--quiet-below", type=float, default=0.15, metavar="SHARE",
                        help="before each build, wait until other work uses less than this "
                             "share of the CPUs (default 0.15; 1 disables)")
    parser.add_argument("--quiet-timeout", type=float, default=60.0, metavar="S",
                        help="longest wait for a quiet machine before building anyway")
    args = parser.parse_args(argv)
    global QUIET
    QUIET = (args.quiet_below, args.quiet_timeout)
    checkouts = {"this": HERE.parent, "other": args.against.resolve()}
    work = Path(tempfile.mkdtemp(prefix="digest-ab-", dir=args.workdir))
    try:
        roots = {name: project(work / name, args.n, args.search) for name in checkouts}
        for name, checkout in checkouts.items():  # the page cache warm for both
            build(checkout, roots[name], clean=True)
        times: dict[str, list[tuple[Times, Times]]] = {name: [] for name in checkouts}
        for number in range(args.rounds):
            order = list(checkouts) if number % 2 == 0 else list(reversed(checkouts))
            for name in order:
                times[name].append(round_of(checkouts[name], roots[name], number))
            sys.stderr.write(f"round {number + 1}/{args.rounds} done, "
                             f"load {os.getloadavg()[0]:.1f}\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name, rounds in times.items():
        for label, index in (("cold", 0), ("one edit", 1)):
            walls = [r[index][0] for r in rounds]
            cpus = [r[index][1] for r in rounds]
            sys.stdout.write(
                f"{name:5} {label:8} wall median {median(walls):.2f} s "
                f"({', '.join(f'{w:.2f}' for w in walls)}), CPU median {median(cpus):.2f} s "
                f"({', '.join(f'{c:.2f}' for c in cpus)})\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
