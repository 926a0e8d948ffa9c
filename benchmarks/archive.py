"""Ingest of a WARC archive: pages per second on one process, local processes and a Dask
LocalCluster, peak memory against the archive's size, and the single writer's own cost.

    python benchmarks/archive.py                       # 20,000 pages; every executor
    python benchmarks/archive.py --pages 5000,20000 --executors serial
    python benchmarks/archive.py --pages 1000 --executors serial,local,dask --writer 500

The archive is generated from the evaluation corpus (``../shared/corpus``: the HTML pages
of extraction/dev and the news dumps, wrapped as HTML): page ``i`` is corpus page
``i mod n`` with the words of every text node shuffled by a seed and its title and URL
numbered, so no two pages are duplicates and every page is extracted for real. Each page is
a request record, then a 200 response; every 50th page also gets a 404 and a revisit.

Every run is ``digest ingest`` itself (a subprocess, the example ``digest.yaml``, default
settings), into a fresh project; the wall time, and the peak resident memory of its whole
process tree (sampled every 0.2 s with psutil) are measured. With ``--executors dask`` a
``dask.distributed.LocalCluster`` of 2 one-thread workers runs here and the workers' own
peak memory is reported apart. ``--writer N`` times the writer alone (reading the archive,
hashing, dedupe, topic, slug, atomic write) on N pages whose analysis was done beforehand:
the cost the one client pays per article, whatever the cluster's size.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from html import escape
from pathlib import Path

import psutil
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("DIGEST_SHARED", REPO.parent / "shared")) / "corpus"
_TEXT_NODE = re.compile(r">([^<]{60,})<")
_TITLE = re.compile(r"(<title[^>]*>)(.*?)(</title>)", re.IGNORECASE | re.DOTALL)
_CODE = re.compile(r"[{};=]")


def templates() -> list[bytes]:
    """The corpus pages as HTML: dev's HTML files, and each news dump wrapped line by line."""
    pages = [p.read_bytes() for p in sorted((CORPUS / "extraction/dev").glob("*.html"))]
    for dump in sorted((CORPUS / "news").glob("*.txt")):
        lines = [ln.strip() for ln in dump.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if not lines:
            continue
        body = "".join(f"<p>{escape(ln)}</p>" for ln in lines[1:])
        pages.append(f'<!doctype html><html><head><meta charset="utf-8"><title>'
                     f'{escape(lines[0])}</title></head><body><article><h1>{escape(lines[0])}'
                     f"</h1>{body}</article></body></html>".encode())
    if not pages:
        raise SystemExit(f"no corpus pages in {CORPUS}")
    return pages


def varied(template: bytes, index: int) -> bytes:
    """The template with every prose text node's words shuffled and its title numbered."""
    rng = random.Random(index)
    text = template.decode("utf-8", errors="replace")

    def shuffle(match: re.Match[str]) -> str:
        node = match.group(1)
        if _CODE.search(node):
            return match.group(0)  # scripts and styles stay as they are
        words = node.split()
        rest = words[1:]
        rng.shuffle(rest)
        return ">" + " ".join(words[:1] + rest) + "<"

    text = _TEXT_NODE.sub(shuffle, text)
    text = _TITLE.sub(lambda m: f"{m.group(1)}{m.group(2).strip()} ({index}){m.group(3)}",
                      text, count=1)
    return text.encode("utf-8")


def make_archive(path: Path, pages: int) -> Path:
    """Write the archive (gzipped records), streaming: one page in memory at a time."""
    bases = templates()
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(pages):
            url = f"https://news{i % 37}.example.org/2023/08/story-{i}.html"
            _write(writer, "request", url)
            _write(writer, "response", url, varied(bases[i % len(bases)], i))
            if i % 50 == 0:
                _write(writer, "response", url + "?missing", b"<html>gone</html>", "404 Not Found")
                _write(writer, "revisit", url)
    return path


def _write(writer: WARCWriter, kind: str, url: str, payload: bytes = b"",
           status: str = "200 OK") -> None:
    if kind == "request":
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        record = writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                           http_headers=http)
    elif kind == "revisit":
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_revisit_record(url, "sha1:AAAA", url, "2023-08-10T10:00:00Z",
                                              http_headers=http)
    else:
        http = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                           http_headers=http)
    writer.write_record(record)


MARKS = (1000, 2500, 5000, 10000, 20000, 50000, 100000)


class PeakMemory:
    """Peak resident memory of a process and its children, sampled in a thread.

    With ``written`` (how many articles the run has written so far), it also keeps the
    client's peak as the run passed each of :data:`MARKS` articles: how memory grows with
    the archive, in one run.
    """

    def __init__(self, pid: int, written: Callable[[], int] | None = None):
        self.root = psutil.Process(pid)
        self.peak = 0  # the whole tree
        self.own = 0  # the process itself (the client: reader and single writer)
        self.written = written
        self.at: dict[int, int] = {}  # articles written -> the client's peak until then
        self._next = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                own = _rss(self.root)
                tree = own + sum(_rss(p) for p in self.root.children(recursive=True))
                self.own, self.peak = max(self.own, own), max(self.peak, tree)
            except Exception:  # noqa: BLE001 - a failed sample must not end the sampling
                pass
            if self.written is not None and time.monotonic() >= self._next:
                self._next = time.monotonic() + 2  # reading the record costs a little
                done = self.written()
                for mark in MARKS:
                    if done >= mark and mark not in self.at:
                        self.at[mark] = self.own
            time.sleep(0.2)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def _written(project: Path) -> int:
    """Articles written so far: the story record gets one provisional line per article."""
    try:
        return (project / ".digest/stories.tsv").read_bytes().count(b"\tprovisional\n")
    except OSError:
        return 0


def _rss(process: psutil.Process) -> int:
    try:
        return process.memory_info().rss
    except psutil.Error:
        return 0


def run_ingest(archive: Path, workdir: Path, args: list[str]) -> dict:
    """``digest ingest`` into a fresh project: wall time, peak memory, the report's counts."""
    project = workdir / "project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copy(REPO / "digest.yaml", project / "digest.yaml")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "digest", "ingest", "--json", "-c",
               str(project / "digest.yaml"), *args, str(archive)]
    start = time.perf_counter()
    with open(workdir / "report.json", "wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.DEVNULL)
        memory = PeakMemory(process.pid, partial(_written, project))
        process.wait()
    seconds = time.perf_counter() - start
    peak = memory.stop()
    report = json.loads((workdir / "report.json").read_text())
    pages = sum(report["counts"].values())
    return {"seconds": round(seconds, 1), "pages": pages,
            "pages_per_s": round(pages / seconds, 1), "written": report["counts"]["written"],
            "peak_mb": round(peak / 1e6), "client_peak_mb": round(memory.own / 1e6),
            "client_mb_at_written": {n: round(b / 1e6) for n, b in memory.at.items()},
            "passed_over": sum(report["passed_over"].values())}


def with_cluster(archive: Path, workdir: Path) -> dict:
    """The same, with ``--executor dask`` on a LocalCluster of 2 one-thread workers."""
    import logging

    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster, \
            Client(cluster, set_as_default=False) as client:
        pids = list(client.run(os.getpid).values())
        watchers = [PeakMemory(pid) for pid in pids]
        result = run_ingest(archive, workdir, ["--executor", "dask", "--scheduler",
                                               cluster.scheduler_address])
        result["workers_peak_mb"] = [round(w.stop() / 1e6) for w in watchers]
    return result


def writer_cost(workdir: Path, pages: int) -> dict:
    """Seconds per article of the single writer, its inputs analysed beforehand."""
    sys.path.insert(0, str(REPO))
    from digest import config as config_mod
    from digest.ingest import pipeline
    from digest.ingest.executors import SerialExecutor
    from digest.report import Reporter

    project = workdir / "writer"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copy(REPO / "digest.yaml", project / "digest.yaml")
    sample = workdir / "sample.warc.gz"
    make_archive(sample, pages)
    config = config_mod.load(project / "digest.yaml")
    analysed: dict[str, object] = {}

    class Replay(SerialExecutor):
        """Hands the writer the analyses made before, so only the writer is timed."""

        def map(self, fn, items, work, shared) -> Iterator:
            for item in items:
                page = work(item)
                yield item, None if page is None else analysed.pop(page.name)

    class Record(SerialExecutor):
        def map(self, fn, items, work, shared) -> Iterator:
            for item in items:
                page = work(item)
                if page is not None:
                    analysed[page.name] = fn(page, shared)
            return iter(())

    start = time.perf_counter()
    pipeline.ingest([sample], config, Reporter(quiet=True), dry_run=True, executor=Record())
    analyse_s = time.perf_counter() - start
    start = time.perf_counter()
    report = pipeline.ingest([sample], config, Reporter(quiet=True), executor=Replay())
    write_s = time.perf_counter() - start
    n = len(report.results)
    return {"pages": n, "analyse_ms_per_page": round(1000 * analyse_s / n, 1),
            "writer_ms_per_page": round(1000 * write_s / n, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default="20000", help="comma-separated archive sizes")
    parser.add_argument("--executors", default="serial,local,dask")
    parser.add_argument("--writer", type=int, default=0, help="time the writer on N pages")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="digest-archive-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for n in (int(x) for x in args.pages.split(",")):
        archive = workdir / f"archive-{n}.warc.gz"
        if not archive.exists():
            start = time.perf_counter()
            make_archive(archive, n)
            print(f"# made {archive} ({archive.stat().st_size / 1e6:.0f} MB) in "
                  f"{time.perf_counter() - start:.0f} s", flush=True)
        for kind in args.executors.split(","):
            if kind == "dask":
                result = with_cluster(archive, workdir)
            else:
                result = run_ingest(archive, workdir, ["--jobs", "1"] if kind == "serial" else [])
            result.update(executor=kind, archive_pages=n)
            results.append(result)
            print(json.dumps(result), flush=True)
    if args.writer:
        print(json.dumps({"writer": writer_cost(workdir, args.writer)}))
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
