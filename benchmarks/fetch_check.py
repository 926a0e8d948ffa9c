"""Manual check of ``digest fetch`` on a local news site with a 60 MB page (issue 18).

Serves tests/fetch/newssite.py on 127.0.0.1 (robots.txt, an RSS feed and a news sitemap,
a utm duplicate, a 301, a 429 with Retry-After: 1, a 500, a 451, a consent wall, a cp1251
page, file:// and ftp:// links, 304s) with its huge page made 60 MB, then runs the real
``digest fetch`` (a subprocess, the default max_bytes of 5 MB, per_host_delay 0.3 s, the
example digest's settings otherwise) twice in a scratch project, and prints what the
server saw and the peak memory (max RSS) of each run::

    python3 benchmarks/fetch_check.py            # 60 MB page
    python3 benchmarks/fetch_check.py --huge-mb 200

The target is a peak under 300 MB: the 60 MB body is abandoned at max_bytes, never held.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fetch.newssite import GOOD, NewsSite  # noqa: E402

DELAY = 0.3


def run(root: Path) -> tuple[int, dict, float, float]:
    """``digest fetch --json`` in a child process: exit code, report, seconds, peak RSS MB."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen([sys.executable, "-m", "digest", "fetch", "--json"],
                                 cwd=root, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, in KiB
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        sys.stderr.write(err.read().decode("utf-8", "replace")[-4000:])
        report = json.loads(out.read() or b"{}")
    return os.waitstatus_to_exitcode(status), report, seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--huge-mb", type=int, default=60)
    args = parser.parse_args()
    site = NewsSite(huge_bytes=args.huge_mb * 1_000_000).start()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        example = (REPO / "digest.yaml").read_text(encoding="utf-8")
        (root / "digest.yaml").write_text(
            example + "fetch:\n"
            f"  sources: [{site.url('/feed.xml')}, {site.url('/sitemap.xml')}]\n"
            f"  per_host_delay: {DELAY}\n  allow_private_addresses: true\n", encoding="utf-8")
        code, report, seconds, peak = run(root)
        hits = list(site.hits)
        site.hits.clear()
        code2, report2, seconds2, peak2 = run(root)
        hits2 = list(site.hits)
    site.stop()
    gaps = [b.at - a.at for a, b in zip(hits, hits[1:], strict=False)]
    busy = [h.at for h in hits if h.path == "/news/busy-story"]
    conditional = all("if-none-match" in h.headers for h in hits2
                      if h.path not in ("/news/broken", "/news/censored", "/news/huge",
                                        "/news/consent-wall"))
    print(f"huge page: {args.huge_mb} MB; per_host_delay {DELAY} s")
    print(f"run 1: exit {code}, {seconds:.1f} s, peak RSS {peak:.0f} MB; "
          f"counts {report.get('counts')}; ingest {report.get('ingest', {}).get('counts')}")
    print(f"run 2: exit {code2}, {seconds2:.1f} s, peak RSS {peak2:.0f} MB; "
          f"counts {report2.get('counts')}")
    print(f"robots.txt first: {hits[0].path == '/robots.txt'}; /private/ requested: "
          f"{any(h.path.startswith('/private/') for h in hits + hits2)}")
    print(f"smallest gap between requests: {min(gaps):.3f} s; 429 retried after "
          f"{busy[1] - busy[0]:.2f} s")
    print(f"good pages written: {report['counts']['written']} of {len(GOOD)}; second run all "
          f"conditional: {conditional}, written {report2['counts']['written']}")
    print(f"peak memory under 300 MB: {max(peak, peak2) < 300}")


if __name__ == "__main__":
    main()
