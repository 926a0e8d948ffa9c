"""What the ingest client keeps per written article: tracemalloc snapshots, diffed.

    python3 benchmarks/memory_growth.py --pages 3300 --at 1000,3000
    python3 benchmarks/memory_growth.py --archive /tmp/arch/archive-3300.warc.gz --at 1000,3000

Ingests a generated WARC archive (``benchmarks/archive.py``'s) in this process, its pages
analysed by 2 forked local workers (the default executor), and starts tracing the client's
allocations once the workers are forked, so only the reader and single writer are traced.
When the run has written the first count of ``--at`` articles a snapshot is taken, and at
the second another; the difference, by file and line, is what grows with the articles
written between them (a steady run keeps nothing else). Also printed: the client's
resident memory at each point.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import tracemalloc
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=3300)
    parser.add_argument("--archive", type=Path, help="an archive made before (else one is)")
    parser.add_argument("--at", default="1000,3000", help="two counts of articles written")
    parser.add_argument("--top", type=int, default=25)
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
        pipeline.ingest([path], config, Reporter(quiet=True))
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


if __name__ == "__main__":
    main()
