"""Ingest on a real dask.distributed cluster on 127.0.0.1: the same content/ as a local run,
the work done in the workers' processes, a lost worker retried or a clear failure."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.config import Config, Topic
from digest.ingest.cli import ingest as ingest_command
from digest.ingest.executors import DaskExecutor, ProcessExecutor, SerialExecutor
from digest.ingest.pipeline import ingest
from digest.report import DigestError, Reporter
from tests.ingest.warcs import mixed_archive

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")
pytest.importorskip("warcio")

PAGES = 24
REPO = Path(__file__).resolve().parents[2]


def _config(root: Path) -> Config:
    return Config(root=root, timezone="Europe/Kyiv",
                  topics=(Topic("war", "War", ("air defence",)),))


def _project(root: Path) -> Path:
    archive, _ = mixed_archive(PAGES)
    archive.write(root / "raw" / "crawl.warc.gz", truncate=40)
    return root


def _content(root: Path) -> dict[str, bytes]:
    folder = root / "content"
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _unstoried(data: bytes | None) -> bytes | None:
    return None if data is None else re.sub(rb"(?m)^story: .*\n", b"", data)


def _run(root: Path, executor) -> object:
    return ingest([root / "raw"], _config(root), Reporter(quiet=True), executor=executor)


@pytest.fixture(scope="module")
def local_content(tmp_path_factory) -> dict[str, bytes]:
    """The store a one-process run makes of the test archive."""
    root = _project(tmp_path_factory.mktemp("local"))
    report = _run(root, SerialExecutor())
    assert len(report.written) == PAGES and len(report.failed) == 1
    return _content(root)


@pytest.fixture(scope="module")
def cluster():
    """Two one-thread worker processes and a scheduler, on 127.0.0.1; always shut down."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                  silence_logs=logging.ERROR) as local, \
            distributed.Client(local, set_as_default=False) as client:
        yield local, client


class KillOnce(distributed.WorkerPlugin):
    """Make a worker process exit as it starts its ``after``-th page; with ``marker`` only
    the first worker to get there (the marker file is created once), else every time while
    the folder ``armed`` is there. A worker armed so first leaves a file named after it (its
    id) in that folder, and dies only if it could: whoever takes the folder away (renames it,
    which is atomic) finds in it every worker that is dying or dead, and no other will die."""

    idempotent = False

    def __init__(self, after: int, marker: str | None = None, armed: str | None = None):
        self.after, self.marker, self.armed, self.started = after, marker, armed, 0
        self.worker_id = ""

    def setup(self, worker):
        self.worker_id = worker.id

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing" or not str(key).startswith("analyse"):
            return
        if self.armed is not None and not os.path.isdir(self.armed):
            return
        self.started += 1
        if self.started < self.after:
            return
        if self.marker is not None:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                return
        if self.armed is not None:
            try:
                os.close(os.open(os.path.join(self.armed, self.worker_id),
                                 os.O_CREAT | os.O_WRONLY))
            except FileNotFoundError:  # the folder was taken away meanwhile
                return
        os._exit(17)


def _wait_gone(client, workers: set[str], seconds: float = 120) -> None:
    """Wait until the scheduler no longer lists any of ``workers`` (ids): a worker's process
    can be dead a while before the scheduler has seen it go, and until then it still counts
    in ``wait_for_workers`` and can be given tasks."""
    def listed(dask_scheduler) -> set[str]:
        return {ws.server_id for ws in dask_scheduler.workers.values()}

    deadline = time.monotonic() + seconds
    while still := workers & client.run_on_scheduler(listed):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the scheduler still lists the dead workers {still}")
        time.sleep(0.1)


def test_the_same_archive_gives_the_same_content_locally_and_on_dask(
        tmp_path, local_content, cluster):
    local, client = cluster
    before = sum(client.run(lambda dask_worker: dask_worker.state.executed_count).values())
    root = _project(tmp_path)
    report = _run(root, DaskExecutor(local.scheduler_address))
    assert _content(root) == local_content
    assert dict(report.passed_over) == {"HTTP 404": 1, "not HTML (image/png)": 1,
                                        "request record": PAGES}
    assert len(report.failed) == 1 and "truncated" in report.failed[0].reason  # the revisit
    done = client.run(lambda dask_worker: (os.getpid(), dask_worker.state.executed_count))
    assert all(pid != os.getpid() for pid, _ in done.values())
    assert sum(n for _, n in done.values()) - before >= PAGES  # the workers analysed them


def test_local_processes_give_the_same_content(tmp_path, local_content):
    root = _project(tmp_path)
    _run(root, ProcessExecutor(workers=2, min_items=4))
    assert _content(root) == local_content


def test_a_worker_killed_mid_run_is_retried(tmp_path, local_content, cluster):
    local, client = cluster
    marker = tmp_path / "killed"
    client.register_plugin(KillOnce(after=3, marker=str(marker)), name="kill-once")
    try:
        root = _project(tmp_path / "p")
        _run(root, DaskExecutor(local.scheduler_address))
    finally:
        client.wait_for_workers(1, timeout=120)
        with contextlib.suppress(OSError):  # the killed worker may still be restarting
            client.unregister_worker_plugin("kill-once")
    assert marker.exists()  # a worker did die
    assert _content(root) == local_content


def test_workers_dying_again_and_again_fail_clearly_with_nothing_half_written(
        tmp_path, local_content):
    """A cluster of its own, where the first death of a task's worker is final."""
    armed = tmp_path / "armed"
    armed.mkdir()
    root = _project(tmp_path / "p")
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                     silence_logs=logging.CRITICAL) as local, \
            distributed.Client(local, set_as_default=False) as client:
        client.register_plugin(KillOnce(after=6, armed=str(armed)), name="kill-always")
        client.wait_for_workers(2, timeout=120)  # else the run may find none yet and say so
        with pytest.raises(DigestError, match="run ingest again"):
            _run(root, DaskExecutor(local.scheduler_address))
        dead = {p.name for p in armed.rename(tmp_path / "disarmed").iterdir()}
        assert dead  # workers did die
        partial = _content(root) if (root / "content").exists() else {}
        assert not any(name.endswith(".digest-tmp") for name in partial)
        # whole articles, as the full run writes them but for their story: the ids a run
        # gives as it goes, before it settles them in date order at its end
        assert all(_unstoried(local_content.get(name)) == _unstoried(data)
                   for name, data in partial.items())
        assert len(partial) < len(local_content)
        # a worker that died as the first run ended may still be listed, and counted as a
        # worker, or given a task that fails at once (allowed-failures 0): wait until the
        # scheduler has seen all of them go, then for one that is alive
        _wait_gone(client, dead)
        client.wait_for_workers(1, timeout=120)
        _run(root, DaskExecutor(local.scheduler_address))  # again: it goes on where it stopped
    assert _content(root) == local_content


def test_a_run_waits_for_workers_still_starting_and_says_if_none_come(
        tmp_path, local_content):
    """Workers that join after the run has reached the scheduler (starting, or restarting
    under their nannies just after some died) are waited for; if none comes, it says so."""
    with distributed.LocalCluster(n_workers=0, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                  silence_logs=logging.ERROR) as local:
        with pytest.raises(DigestError, match="has no workers.*start some with `dask worker"):
            _run(_project(tmp_path / "none"),
                 DaskExecutor(local.scheduler_address, connect_timeout="1s"))
        root = _project(tmp_path / "p")
        local.scale(2)  # their processes start as the run does
        _run(root, DaskExecutor(local.scheduler_address, connect_timeout="120s"))
    assert _content(root) == local_content


def _dask_command() -> list[str]:
    found = shutil.which("dask")
    return [found] if found else [sys.executable, "-m", "dask"]


def _wait_for(path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} did not appear")
        time.sleep(0.2)


def test_the_cli_on_a_scheduler_and_workers_started_from_the_dask_command(
        tmp_path, local_content):
    """What a user runs: `dask scheduler`, two `dask worker`s, `digest ingest --executor dask`."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    info = tmp_path / "scheduler.json"
    started: list[subprocess.Popen] = []
    try:
        started.append(subprocess.Popen(
            [*_dask_command(), "scheduler", "--host", "127.0.0.1", "--port", "0",
             "--no-dashboard", "--scheduler-file", str(info)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        _wait_for(info)
        for _ in range(2):
            started.append(subprocess.Popen(
                [*_dask_command(), "worker", "--scheduler-file", str(info), "--host",
                 "127.0.0.1", "--nthreads", "1", "--nworkers", "1", "--no-dashboard"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        with distributed.Client(scheduler_file=str(info), set_as_default=False) as client:
            client.wait_for_workers(2, timeout=60)
            address = client.scheduler.address
        root = _project(tmp_path / "p")
        (root / "digest.yaml").write_text(
            "timezone: Europe/Kyiv\ntopics:\n  - slug: war\n    title: War\n"
            "    keywords: [air defence]\n", encoding="utf-8")
        result = CliRunner().invoke(
            ingest_command, ["-c", str(root / "digest.yaml"), "--executor", "dask",
                             str(root / "raw")], env={"DIGEST_DASK_SCHEDULER": address})
        assert result.exit_code == 1, result.output  # the truncated record
        assert f"wrote {PAGES}, skipped 0, failed 1" in result.output
        assert _content(root) == local_content
    finally:
        for process in reversed(started):
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
