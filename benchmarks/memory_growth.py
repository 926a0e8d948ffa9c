"""What the ingest client keeps per written article: tracemalloc snapshots, diffed.

    python3 benchmarks/memory_growth.py --pages 3300 --at 1000,3000
    python3 benchmarks/memory_growth.py --archive /tmp/arch/archive-3300.warc.gz --at 1000,3000
    python3 benchmarks/memory_growth.py --pages 5000 --at 1000,3000 --end

Ingests a generated WARC archive (``benchmarks/archive.py``'s) in this process, its pages
analysed by 2 forked local workers (the default executor), and starts tracing the client's
allocations once the workers are forked, so only the reader and single writer are traced.
When the run has written the first count of ``--at`` articles a snapshot is taken, and at
the second another; the difference, by file and line, is what grows with the articles
written between them (a steady run keeps nothing else). Also printed: the client's
resident memory at each point.

``--end`` also traces the end-of-run pass (the run's stories grouped again in date order,
their ``story:`` lines rewritten, then the ``--json`` report written to nowhere): what it
allocates on top of the write phase at its traced peak (a snapshot is taken whenever the
traced memory reaches a new high, every :data:`SAMPLE_EVERY` articles grouped or moved),
by file and line, per article of the run; with the client's peak RSS and sqlite's own
high-water mark (its allocations are not Python's, so tracemalloc misses them).
"""

from __future__ import annotations

import argparse
import ctypes
import resource
import sys
import tempfile
import tracemalloc
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))
SAMPLE_EVERY = 250  # articles grouped or moved between two looks at the traced memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=3300)
    parser.add_argument("--archive", type=Path, help="an archive made before (else one is)")
    parser.add_argument("--at", default="1000,3000", help="two counts of articles written")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--end", action="store_true", help="also trace the end-of-run pass")
    args = parser.parse_args()
    first, second = (int(x) for x in args.at.split(","))

    import shutil

    import archive as bench

    from digest import config as config_mod
    from digest.ingest import pipeline
    from digest.report import Reporter

    with tempfile.TemporaryDirectory(prefix="digest-growth-") as tmp:
        work = Path(tmp)
        path = args.archive or bench.make_archive(work / "archive.warc.gz", args.pages)
        project = work / "project"
        project.mkdir()
        shutil.copy(REPO / "digest.yaml", project / "digest.yaml")
        config = config_mod.load(project / "digest.yaml")
        settle = pipeline._settle
        state = {"written": 0, "snaps": {}}
        me = psutil.Process()

        def traced(run, job, analysed, report):
            if not tracemalloc.is_tracing():
                tracemalloc.start(1)  # the workers are forked by now
            result = settle(run, job, analysed, report)
            if result is not None and result.status in ("written", "review"):
                state["written"] += 1
                n = state["written"]
                if n in (first, second):
                    state["snaps"][n] = (tracemalloc.take_snapshot(), me.memory_info().rss)
                    print(f"# {n} articles: client RSS {me.memory_info().rss / 1e6:.0f} MB, "
                          f"traced {tracemalloc.get_traced_memory()[0] / 1e6:.1f} MB",
                          flush=True)
            return result

        pipeline._settle = traced
        end = EndOfRun(state) if args.end else None
        report = pipeline.ingest([path], config, Reporter(quiet=True))
        print(f"# end: {state['written']} articles, client RSS "
              f"{me.memory_info().rss / 1e6:.0f} MB, traced "
              f"{tracemalloc.get_traced_memory()[0] / 1e6:.1f} MB")
        snaps = state["snaps"]
        if first not in snaps or second not in snaps:
            raise SystemExit("the run wrote too few articles for --at")
        (a, rss_a), (b, rss_b) = snaps[first], snaps[second]
        grown = b.compare_to(a, "lineno")
        n = second - first
        total = sum(s.size_diff for s in grown)
        print(f"traced growth {first} -> {second} articles: {total / 1e6:.2f} MB, "
              f"{total / n:.0f} bytes per article; RSS {(rss_b - rss_a) / 1e6:.1f} MB, "
              f"{(rss_b - rss_a) / n:.0f} bytes per article")
        for stat in grown[:args.top]:
            frame = stat.traceback[0]
            where = frame.filename.replace(str(REPO) + "/", "")
            print(f"{stat.size_diff / n:8.0f} B/article {stat.count_diff / n:6.2f} blocks/article"
                  f"  {where}:{frame.lineno}")
        if end is not None:
            end.report_json(report)
            end.show(state["written"], args.top)


class EndOfRun:
    """Traces the end-of-run pass: the story pass (``pipeline._settle_stories``) and the
    ``--json`` report. Hooks the pass's steps that run once per article (grouping one,
    recording a moved one's id) to snapshot the traced memory at each new high."""

    def __init__(self, state: dict) -> None:
        from digest.grouping import ingest as stories
        from digest.ingest import pipeline
        from digest.ingest.results import Results

        self.sqlite = _SqliteMemory()
        self.base: tracemalloc.Snapshot | None = None
        self.top: tracemalloc.Snapshot | None = None
        self.high = 0
        self.calls = 0
        self.active = False  # within the story pass
        self.figures: dict[str, float] = {}
        settle, group, set_story = pipeline._settle_stories, stories.group, Results.set_story

        def traced_pass(run, report) -> None:
            self._start("pass")
            self.active = True
            settle(run, report)
            self.active = False
            self._stop("pass")

        def traced_group(*args, **kwargs):
            self._sample()
            return group(*args, **kwargs)

        def traced_set_story(results, article: str, story: str) -> None:
            self._sample()
            set_story(results, article, story)

        pipeline._settle_stories = traced_pass
        stories.group = traced_group
        Results.set_story = traced_set_story

    def _start(self, name: str) -> None:
        self.figures[f"{name} rss before"] = _peak_rss()
        self.figures[f"{name} sqlite before"] = self.sqlite.used()
        self.sqlite.reset()
        tracemalloc.reset_peak()
        self.base, self.top, self.calls = tracemalloc.take_snapshot(), None, 0
        self.high = tracemalloc.get_traced_memory()[0]
        self.figures[f"{name} traced before"] = self.high

    def _stop(self, name: str) -> None:
        self.figures[f"{name} traced peak"] = tracemalloc.get_traced_memory()[1]
        self.figures[f"{name} rss peak"] = _peak_rss()
        self.figures[f"{name} sqlite peak"] = self.sqlite.high()

    def _sample(self) -> None:
        self.calls += 1
        if not self.active or self.calls % SAMPLE_EVERY:
            return
        now = tracemalloc.get_traced_memory()[0]
        if now > self.high:
            self.high, self.top = now, tracemalloc.take_snapshot()

    def report_json(self, report) -> None:
        """The ``--json`` report, written to nowhere (as ``digest ingest --json`` writes it)."""
        class Nowhere:
            def write(self, text: str) -> None:
                pass

        self._start("report")
        report.write_json(Nowhere())
        self._stop("report")
        report.results.close()

    def show(self, articles: int, top: int) -> None:
        f = self.figures
        for name in ("pass", "report"):
            grown = f[f"{name} traced peak"] - f[f"{name} traced before"]
            print(f"# {name}: traced peak +{grown / 1e6:.2f} MB ({grown / articles:.0f} bytes "
                  f"per article of the run); client peak RSS {f[f'{name} rss before'] / 1e6:.0f}"
                  f" -> {f[f'{name} rss peak'] / 1e6:.0f} MB; sqlite "
                  f"{f[f'{name} sqlite before'] / 1e6:.1f} MB, high-water "
                  f"{f[f'{name} sqlite peak'] / 1e6:.1f} MB")
        if self.base is None or self.top is None:
            return
        print("the story pass at its traced high, against its start, per article of the run:")
        for stat in self.top.compare_to(self.base, "lineno")[:top]:
            frame = stat.traceback[0]
            where = frame.filename.replace(str(REPO) + "/", "")
            print(f"{stat.size_diff / articles:8.0f} B/article "
                  f"{stat.count_diff / articles:6.2f} blocks/article  {where}:{frame.lineno}")


class _SqliteMemory:
    """sqlite's own allocations (page caches, sorters, statements), from its C library."""

    def __init__(self) -> None:
        import _sqlite3

        lib = ctypes.CDLL(_sqlite3.__file__)
        self._used, self._high = lib.sqlite3_memory_used, lib.sqlite3_memory_highwater
        self._used.restype = self._high.restype = ctypes.c_int64
        self._high.argtypes = [ctypes.c_int]

    def used(self) -> int:
        return self._used()

    def high(self) -> int:
        return self._high(0)

    def reset(self) -> None:
        self._high(1)


def _peak_rss() -> int:
    """The client's peak resident memory so far (the forked workers are not counted)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


if __name__ == "__main__":
    main()
