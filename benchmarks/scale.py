"""Scale benchmark: digest build against Hugo and Pelican on 1,000 / 10,000 / 100,000 articles.

For each N the generated corpus (benchmarks/generate.py) is written once into a
temporary folder, in digest's layout and laid out as a Hugo site and a Pelican
site. Then ``--runs`` rounds run interleaved (so drift on the machine hits every
tool alike), each round:

- digest cold        ``digest build --clean`` (ignores any cache)
- digest rebuild     ``digest build`` again, nothing changed
- digest one-changed ``digest build`` after one article's body was edited
- hugo cold          ``hugo`` into an emptied folder (Hugo has no incremental build)
- hugo + pagefind    ``hugo`` then ``pagefind`` over Hugo's output, the usual recipe for a
                     searchable Hugo site (a rebuild after an edit costs the same)
- pelican cold       ``pelican`` into an emptied folder

By default digest builds with the configuration a user has: search on (a
Pagefind index, see digest/search.py), compared with Hugo + Pagefind.
``--no-search`` adds ``search: false`` to digest.yaml and leaves Pagefind out
of Hugo's builds too: the comparison of the site builders alone.

Every build is a child process reaped with ``os.wait4``: wall time, CPU time
(user + sys of the child and the workers it reaped) and its peak RSS
(``ru_maxrss``: the largest single process). A sampler thread also sums the PSS
of the whole process tree every 100 ms (about 1 ms of CPU each), which is the
memory a multi-process build really holds. For the incremental scenarios the
output folder's files are compared before and after, to count those rewritten.

The result is a markdown table per N on stdout (medians over the runs, ratio to
Hugo's cold build); progress goes to stderr.

    python benchmarks/scale.py --n 1000 --n 10000 --runs 3
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (a sibling script, not a package)

DEFAULT_NS = (1000, 10000, 100000)
PELICAN_FALLBACK = Path("/tmp/pelican-venv/bin/pelican")
_WHERE_DIGEST = "import digest, pathlib; print(pathlib.Path(digest.__file__).parent)"


# --- measuring one child process ---------------------------------------------------------


@dataclass
class Measurement:
    wall: float
    cpu: float
    max_rss_mb: float  # largest single process (ru_maxrss)
    tree_mb: float  # peak summed PSS of the process tree, sampled
    returncode: int
    rewritten: int | None = None  # output files added or modified, incremental scenarios
    stderr_tail: str = ""
    busy: float = 0.0  # share of the machine's CPU other work used just before the build


def _children_of(root: int) -> list[int]:
    """``root`` and its descendants, from /proc/*/stat (no children file on every kernel)."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(parents.get(pid, ()))
    return tree


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeSampler(threading.Thread):
    """Polls the summed PSS of a process tree (PSS splits shared pages: forks count once)."""

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            total = sum(_pss_kb(p) for p in _children_of(self.pid))
            self.peak_kb = max(self.peak_kb, total)
            self.done.wait(self.interval)


def _cpu_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat."""
    with open("/proc/stat", encoding="ascii") as fh:
        values = [int(v) for v in fh.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


def machine_busy(seconds: float = 1.0) -> float:
    """Share of all cores busy over ``seconds``: work by others that would skew a build."""
    busy0, total0 = _cpu_ticks()
    time.sleep(seconds)
    busy1, total1 = _cpu_ticks()
    return (busy1 - busy0) / max(total1 - total0, 1)


def wait_until_quiet(limit: float, timeout: float) -> float:
    """Wait (up to ``timeout`` s) until other work uses less than ``limit`` of the CPUs."""
    deadline = time.monotonic() + timeout
    busy = machine_busy()
    while busy > limit and time.monotonic() < deadline:
        busy = machine_busy()
    return busy


def run_measured(
    cmd: list[str], cwd: Path, log: Path, quiet: tuple[float, float] = (1.0, 0.0)
) -> Measurement:
    """Run ``cmd`` to completion and measure it; its output goes to ``log``.

    ``quiet`` is (CPU share, timeout): first wait for the machine to be that idle.
    """
    busy = wait_until_quiet(*quiet)
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        sampler.done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    tail = "" if proc.returncode == 0 else log.read_text(errors="replace")[-2000:]
    return Measurement(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss_mb=usage.ru_maxrss / 1024,
        tree_mb=sampler.peak_kb / 1024,
        returncode=proc.returncode,
        stderr_tail=tail,
        busy=busy,
    )


def snapshot(folder: Path) -> dict[str, int]:
    """mtime_ns of every file under ``folder``, to count what a build rewrote."""
    found: dict[str, int] = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            found[path] = os.stat(path).st_mtime_ns
    return found


def rewritten(before: dict[str, int], after: dict[str, int]) -> int:
    return sum(1 for path, mtime in after.items() if before.get(path) != mtime)


# --- the sites and scenarios -------------------------------------------------------------


@dataclass
class Scenario:
    tool: str
    name: str
    cmd: list[str]
    cwd: Path
    output: Path
    prepare: Callable[[int], None] = lambda run: None
    count_rewritten: bool = False
    results: list[Measurement] = field(default_factory=list)


def _empty(folder: Path) -> Callable[[int], None]:
    return lambda run: shutil.rmtree(folder, ignore_errors=True)


def _empty_digest(root: Path, site: Path) -> Callable[[int], None]:
    """A cold start as Hugo gets one: no output folder, no spare, no build cache."""

    def empty(run: int) -> None:
        for folder in [site, root / ".digest-cache", *root.glob(f".{site.name}.*")]:
            shutil.rmtree(folder, ignore_errors=True)

    return empty


def _edit_one(content: Path) -> Callable[[int], None]:
    """Each run appends a different sentence to the same article: a real content change."""
    folder = content / generate.TOPICS[0][0]
    weeks = sorted(p for p in folder.iterdir() if p.is_dir())
    article = sorted(weeks[len(weeks) // 2].glob("*.md"))[0]

    def edit(run: int) -> None:
        with open(article, "a", encoding="utf-8") as fh:
            fh.write(f"\nCorrection {run + 1}: an earlier version misstated a date.\n")

    return edit


def digest_command() -> list[str]:
    """The digest script installed for this Python, not a version manager's shim on PATH.

    pyenv's shim is a bash script that starts ``pyenv exec``: 50-80 ms a run
    that would be measured as digest's.
    """
    beside = Path(sys.executable).with_name("digest")
    return [str(beside) if beside.is_file() else shutil.which("digest") or str(beside)]


def digest_flags() -> str:
    result = subprocess.run(
        [*digest_command(), "build", "--help"], capture_output=True, text=True, check=False
    )
    return result.stdout


def digest_scenarios(root: Path, notes: list[str]) -> list[Scenario]:
    site = root / "site"
    base = [*digest_command(), "build", "--config", str(root / "digest.yaml"), "--out", str(site)]
    if "--quiet" in digest_flags():
        base.append("--quiet")
    scenarios = []
    if "--clean" in digest_flags():
        scenarios.append(Scenario("digest", "cold (--clean)", [*base, "--clean"], root, site,
                                  prepare=_empty_digest(root, site)))
    else:
        notes.append("digest cold: skipped, `digest build --clean` does not exist yet.")
    scenarios += [
        Scenario("digest", "rebuild, nothing changed", base, root, site, count_rewritten=True),
        Scenario(
            "digest", "rebuild, one article edited", base, root, site,
            prepare=_edit_one(root / "content"), count_rewritten=True,
        ),
    ]
    return scenarios


def hugo_site(root: Path, n: int, seed: int) -> Path:
    site = root / "hugo"
    generate.generate(site, n, seed, flavor="hugo")
    shutil.copy(HERE / "hugo" / "hugo.toml", site / "hugo.toml")
    shutil.copytree(HERE / "hugo" / "layouts", site / "layouts", dirs_exist_ok=True)
    return site


def hugo_scenarios(site: Path, hugo: str, pagefind: str | None) -> list[Scenario]:
    """Hugo's cold build, and with ``pagefind`` Hugo then Pagefind over its output."""
    out = site / "public"
    cmd = [hugo, "--quiet", "--ignoreCache", "--source", str(site), "--destination", str(out)]
    scenarios = [Scenario("hugo", "cold", cmd, site, out, prepare=_empty(out))]
    if pagefind:
        index = [pagefind, "--site", str(out), "--force-language", "en", "--silent"]
        both = ["sh", "-c", f"{shlex.join(cmd)} && {shlex.join(index)}"]
        scenarios.append(Scenario("hugo + pagefind", "cold", both, site, out,
                                  prepare=_empty(out)))
    return scenarios


def find_pagefind() -> str | None:
    """The pagefind binary digest itself would run (the pagefind[bin] package's, or PATH's)."""
    found = subprocess.run(
        [sys.executable, "-c", "from digest import search; print(search.executable() or '')"],
        capture_output=True, text=True, cwd=tempfile.gettempdir(),
    ).stdout.strip()
    return found or None


def pelican_site(root: Path, n: int, seed: int) -> Path:
    site = root / "pelican"
    generate.generate(site, n, seed, flavor="pelican")
    return site


def pelican_scenarios(site: Path, pelican: str) -> list[Scenario]:
    out = site / "output"
    conf = HERE / "pelican" / "pelicanconf.py"
    cmd = [pelican, str(site / "content"), "-s", str(conf), "-o", str(out), "-q"]
    return [Scenario("pelican", "cold", cmd, site, out, prepare=_empty(out))]


def find_pelican(given: str | None) -> str | None:
    for candidate in (given, shutil.which("pelican"), str(PELICAN_FALLBACK)):
        if candidate and Path(candidate).exists():
            return candidate
    return None


# --- running and reporting ---------------------------------------------------------------


def log(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def run_scenario(
    scenario: Scenario, run: int, logs: Path, quiet: tuple[float, float]
) -> Measurement:
    scenario.prepare(run)
    os.sync()  # the emptied folders' deletes and the corpus's writes reach the disk now, not
    # during the measured build (every tool alike)
    before = snapshot(scenario.output) if scenario.count_rewritten else {}
    tool = scenario.tool.replace(" + ", "+")
    name = f"{tool}-{scenario.name.split()[0].strip(',')}-{run}.log"
    result = run_measured(scenario.cmd, scenario.cwd, logs / name, quiet)
    if scenario.count_rewritten and result.returncode == 0:
        result.rewritten = rewritten(before, snapshot(scenario.output))
    scenario.results.append(result)
    status = "ok" if result.returncode == 0 else f"FAILED ({result.returncode})"
    log(
        f"  {scenario.tool} {scenario.name}: {result.wall:.2f} s wall, {result.cpu:.2f} s cpu, "
        f"{result.max_rss_mb:.0f} MB rss, {result.tree_mb:.0f} MB tree, "
        f"machine {result.busy:.0%} busy before  {status}"
    )
    return result


def prime(scenarios: list[Scenario], logs: Path) -> None:
    """One unmeasured digest build, so 'rebuild' always follows a finished build."""
    for scenario in scenarios:
        if scenario.tool == "digest" and scenario.count_rewritten:
            log("  digest: priming build (not measured)")
            run_measured(scenario.cmd, scenario.cwd, logs / "digest-prime.log")
            return


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summarise(scenario: Scenario) -> dict | None:
    ok = [m for m in scenario.results if m.returncode == 0]
    if not ok:
        return None
    counts = [m.rewritten for m in ok if m.rewritten is not None]
    return {
        "wall": median([m.wall for m in ok]),
        "best": min(m.wall for m in ok),
        "cpu": median([m.cpu for m in ok]),
        "rss": max(m.max_rss_mb for m in ok),
        "tree": max(m.tree_mb for m in ok),
        "rewritten": int(median(counts)) if counts else None,
        "runs": len(ok),
    }


def table(n: int, scenarios: list[Scenario], notes: list[str]) -> str:
    rows = {id(s): summarise(s) for s in scenarios}
    hugo = next((rows[id(s)] for s in scenarios if s.tool == "hugo" and rows[id(s)]), None)
    searchable = next((rows[id(s)] for s in scenarios
                       if s.tool == "hugo + pagefind" and rows[id(s)]), None)
    extra = " wall / (Hugo + Pagefind) |" if searchable else ""
    lines = [
        f"### N = {n:,}",
        "",
        "| tool | scenario | wall (s) | best wall (s) | CPU (s) | peak RSS (MB) "
        "| peak tree PSS (MB) | files rewritten | wall / Hugo |" + extra + " memory / Hugo "
        "| s per 1k articles |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        + (" ---: |" if searchable else "") + " ---: | ---: |",
    ]
    for s in scenarios:
        r = rows[id(s)]
        if r is None:
            tail = s.results[-1].stderr_tail.strip().splitlines()[-1:] if s.results else []
            lines.append(f"| {s.tool} | {s.name} | failed | | | | | | | | |"
                         + (" |" if searchable else ""))
            notes.append(f"{s.tool} {s.name} failed: {' '.join(tail)}")
            continue
        ratio = f"{r['wall'] / hugo['wall']:.2f}x" if hugo else "n/a"
        mem = f"{max(r['rss'], r['tree']) / max(hugo['rss'], hugo['tree']):.2f}x" if hugo else "n/a"
        count = "" if r["rewritten"] is None else f"{r['rewritten']:,}"
        both = f" {r['wall'] / searchable['wall']:.2f}x |" if searchable else ""
        lines.append(
            f"| {s.tool} | {s.name} | {r['wall']:.2f} | {r['best']:.2f} | {r['cpu']:.2f} "
            f"| {r['rss']:.0f} "
            f"| {r['tree']:.0f} | {count} | {ratio} |{both} {mem} "
            f"| {r['wall'] / n * 1000:.3f} |"
        )
    lines.append("")
    lines += [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def bench_one(n: int, args: argparse.Namespace, work: Path) -> tuple[str, list[dict]]:
    root = work / f"n{n}"
    logs = root / "logs"
    notes: list[str] = []
    log(f"N = {n}: generating into {root}")
    started = time.perf_counter()
    generate.generate(root, n, args.seed, stories=args.stories)
    if args.stories:
        notes.append(f"--stories {args.stories}: that share of digest's articles carry a "
                     "`story:` id shared with others of their day (~3 a story).")
    pagefind = None if args.no_search else find_pagefind()
    if args.no_search:  # Hugo's and Pelican's sites have no search index either
        with open(root / "digest.yaml", "a", encoding="utf-8") as fh:
            fh.write("search: false\n")
        notes.append("--no-search: digest with `search: false`; Hugo and Pelican without "
                     "Pagefind: the site builders alone.")
    elif pagefind:
        notes.append("default configuration: digest with search on (its Pagefind index in "
                     "parts); Hugo + Pagefind: `hugo`, then `pagefind --site public` "
                     "(article bodies only, `data-pagefind-body`, as digest).")
    else:
        notes.append("pagefind is not installed (`pip install 'digest[search]'`): digest "
                     "built without search, and no Hugo + Pagefind row.")
    scenarios = digest_scenarios(root, notes)
    if "hugo" in args.tools:
        hugo = shutil.which("hugo")
        if hugo:
            scenarios += hugo_scenarios(hugo_site(root, n, args.seed), hugo, pagefind)
        else:
            notes.append("hugo: not installed (`apt-get install hugo`), skipped.")
    if "pelican" in args.tools:
        pelican = find_pelican(args.pelican)
        if pelican is None:
            notes.append("pelican: not installed (see README), skipped.")
        elif n > args.pelican_max_n:
            notes.append(f"pelican: skipped above N = {args.pelican_max_n:,} (--pelican-max-n).")
        else:
            scenarios += pelican_scenarios(pelican_site(root, n, args.seed), pelican)
    if "digest" not in args.tools:
        scenarios = [s for s in scenarios if s.tool != "digest"]
    notes.insert(0, f"corpus generated in {time.perf_counter() - started:.1f} s; "
                    f"{args.runs} interleaved runs: wall and CPU are medians, memory the "
                    "worst run.")
    logs.mkdir(parents=True, exist_ok=True)
    prime(scenarios, logs)
    for run in range(args.runs):
        log(f" run {run + 1}/{args.runs}")
        for scenario in scenarios:
            run_scenario(scenario, run, logs, (args.quiet_below, args.quiet_timeout))
    busy = [m.busy for s in scenarios for m in s.results]
    if busy:
        notes.append(
            f"other work on the machine in the second before each build: {min(busy):.0%} to "
            f"{max(busy):.0%} of {os.cpu_count()} cores (figures are comparable near 0%)."
        )
    raw = [
        {"n": n, "tool": s.tool, "scenario": s.name, "runs": [asdict(m) for m in s.results]}
        for s in scenarios
    ]
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return table(n, scenarios, notes), raw


def digest_package() -> str:
    """The folder of the digest package the builds import (PYTHONPATH may name a snapshot)."""
    return subprocess.run(
        [sys.executable, "-c", _WHERE_DIGEST], capture_output=True, text=True,
        cwd=tempfile.gettempdir(),  # as the builds run: not from this checkout's folder
    ).stdout.strip()


def byte_compile(package: str) -> None:
    """Compile the package's modules once, as a user's first run of digest does.

    Python caches bytecode on first import, unless PYTHONDONTWRITEBYTECODE is set (as on
    this project's machine): then every measured run would compile digest's ~40 modules
    (~40 ms) while Hugo is a binary and Pelican's venv holds its bytecode from pip.
    """
    if package:
        compileall.compile_dir(package, quiet=1)


def environment(where: str) -> str:
    """One line naming the machine and the exact digest and Hugo that were measured."""
    hugo = shutil.which("hugo")
    hugo_version = (
        subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1]
        if hugo else "not installed"
    )
    git = ["git", "-C", where or str(HERE)]
    commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run([*git, "status", "--porcelain", "."], capture_output=True, text=True)
    state = commit.stdout.strip() or "?"
    if dirty.stdout.strip():
        state += " with uncommitted changes"
    return (
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}, Hugo {hugo_version}; digest from {where} "
        f"(commit {state}).\n"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", help="articles (repeatable); "
                        "default 1000, 10000 and 100000")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs (default 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tools", default="digest,hugo,pelican",
                        help="comma-separated subset of digest,hugo,pelican")
    parser.add_argument("--pelican", help="pelican executable (default: PATH, then "
                        f"{PELICAN_FALLBACK})")
    parser.add_argument("--pelican-max-n", type=int, default=10000,
                        help="skip Pelican above this N (it needs ~1 minute per 10,000)")
    parser.add_argument("--workdir", type=Path, help="where to generate (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    parser.add_argument("--quiet-below", type=float, default=0.15, metavar="SHARE",
                        help="before each build, wait until other work uses less than this "
                        "share of the CPUs (default 0.15; 1 disables)")
    parser.add_argument("--quiet-timeout", type=float, default=120.0, metavar="S",
                        help="longest wait for a quiet machine before building anyway")
    parser.add_argument("--json", type=Path, help="also write every measurement here")
    parser.add_argument("--no-search", action="store_true",
                        help="digest with `search: false` and Hugo without Pagefind (by "
                        "default digest builds as configured, search on, against Hugo + "
                        "Pagefind)")
    parser.add_argument("--stories", type=float, default=0.0, metavar="SHARE",
                        help="this share of digest's articles in multi-article stories, as "
                        "ingest groups a real digest (default 0: every article a story of "
                        "its own)")
    args = parser.parse_args(argv)
    args.tools = {t.strip() for t in args.tools.split(",") if t.strip()}
    args.n = args.n or list(DEFAULT_NS)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="digest-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    where = digest_package()
    byte_compile(where)
    sys.stdout.write(environment(where) + "\n")
    raw: list[dict] = []
    for n in args.n:
        text, measurements = bench_one(n, args, work)
        raw += measurements
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    if not args.keep and args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
