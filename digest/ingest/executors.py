"""Where ingest's per-page work runs: this process, local worker processes, or a Dask cluster.

Ingest is a map over pages followed by one writer (see :mod:`digest.ingest.pipeline`). An
executor runs the map: ``fn(payload, shared)`` for every item that has work, and hands the
results back **in input order**, so the writer sees exactly the sequence a one-process run
sees and the store comes out byte for byte the same. Work in flight is bounded (a window of
a few tasks per worker): pages are read as results are consumed, so memory stays flat
however long the input is.

- :class:`SerialExecutor`: this process (what tiny inputs get anyway).
- :class:`ProcessExecutor`: forked local worker processes (the default); they inherit
  ``fn`` and ``shared`` (the config and learned chrome) instead of receiving them per page.
- :class:`DaskExecutor`: a ``dask.distributed`` cluster; ``shared`` is sent to each worker
  once (as the result of a task, so that it is recomputed if the workers holding it die).
  A worker lost mid-run is the scheduler's to handle: its tasks are run again on another
  worker, up to ``distributed.scheduler.allowed-failures`` times (default 3), after
  which the run stops with a clear error. Results only ever reach the writer whole.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TypeVar

from digest.parallel import default_workers
from digest.report import DigestError

T = TypeVar("T")
SCHEDULER_ENV = "DIGEST_DASK_SCHEDULER"
MIN_PARALLEL = 16  # fewer items than this run in this process: forking would cost more

Work = Callable[[Any, Any], Any]


class Executor(Protocol):
    def map(self, fn: Work, items: Iterable[T], work: Callable[[T], Any], shared: Any
            ) -> Iterator[tuple[T, Any]]:
        """``(item, fn(work(item), shared))`` in input order; ``(item, None)`` where
        ``work(item)`` is None (nothing to compute: it passes straight through)."""
        ...


class _Done:
    """A result computed at once, with a future's ``result()``."""

    def __init__(self, value: Any):
        self.value = value

    def result(self) -> Any:
        return self.value


def ordered(items: Iterable[T], work: Callable[[T], Any], submit: Callable[[Any], Any],
            window: int) -> Iterator[tuple[T, Any]]:
    """Submit work as items come, at most ``window`` tasks in flight; yield in input order."""
    pending: deque[tuple[T, Any]] = deque()
    in_flight = 0
    for item in items:
        payload = work(item)
        if payload is None:
            pending.append((item, None))
        else:
            pending.append((item, submit(payload)))
            in_flight += 1
        while pending and (pending[0][1] is None or in_flight >= window):
            head, task = pending.popleft()
            if task is not None:
                in_flight -= 1
            yield head, None if task is None else task.result()
    while pending:
        head, task = pending.popleft()
        yield head, None if task is None else task.result()


class SerialExecutor:
    """Everything in this process."""

    name = "one process"

    def map(self, fn: Work, items: Iterable[T], work: Callable[[T], Any], shared: Any
            ) -> Iterator[tuple[T, Any]]:
        return ordered(items, work, lambda payload: _Done(fn(payload, shared)), 1)


# What a forked worker runs: set in the worker by the pool's initializer (inherited, not
# pickled, under fork).
_ADOPTED: tuple[Work, Any] | None = None


def _adopt(fn: Work, shared: Any) -> None:
    global _ADOPTED
    _ADOPTED = (fn, shared)
    _die_with_parent()


def _die_with_parent() -> None:
    """Ask Linux to end this worker when ``digest ingest`` dies (killed, say): a pool worker
    waits for work forever, and would outlive it."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown has to do
        pass


def _apply(payload: Any) -> Any:
    assert _ADOPTED is not None
    fn, shared = _ADOPTED
    return fn(payload, shared)


class ProcessExecutor:
    """Forked worker processes on this machine; this process for tiny inputs."""

    def __init__(self, workers: int | None = None, min_items: int = MIN_PARALLEL):
        self.workers = workers or default_workers()
        self.min_items = min_items
        self.name = f"{self.workers} local processes"

    def map(self, fn: Work, items: Iterable[T], work: Callable[[T], Any], shared: Any
            ) -> Iterator[tuple[T, Any]]:
        stream = iter(items)
        head = list(itertools.islice(stream, self.min_items))
        forkable = "fork" in multiprocessing.get_all_start_methods()
        if self.workers < 2 or len(head) < self.min_items or not forkable:
            yield from SerialExecutor().map(fn, itertools.chain(head, stream), work, shared)
            return
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(self.workers, mp_context=context, initializer=_adopt,
                                 initargs=(fn, shared)) as pool:
            def submit(payload: Any) -> Future:
                return pool.submit(_apply, payload)

            try:
                yield from ordered(itertools.chain(head, stream), work, submit,
                                   4 * self.workers)
            except BrokenProcessPool as exc:
                raise DigestError(
                    "a worker process died (killed, or out of memory) while analysing pages; "
                    "every article written so far is complete and nothing after it was "
                    "written: run ingest again to go on (written pages are skipped as "
                    "already ingested), or use --jobs 1 to see which page it was") from exc


class DaskExecutor:
    """Tasks on a ``dask.distributed`` cluster; this process only submits and writes.
    ``connect_timeout``: how long to wait for the scheduler, then for a first worker if it
    has none."""

    def __init__(self, address: str, window: int | None = None, connect_timeout: str = "20s"):
        self.address = address
        self.window = window
        self.connect_timeout = connect_timeout
        self.name = f"Dask cluster at {address}"

    def map(self, fn: Work, items: Iterable[T], work: Callable[[T], Any], shared: Any
            ) -> Iterator[tuple[T, Any]]:
        distributed = _distributed()
        try:
            client = distributed.Client(self.address, timeout=self.connect_timeout,
                                        set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise DigestError(f"cannot reach the Dask scheduler at {self.address} ({exc}); "
                              "start one (`dask scheduler`) or fix --scheduler") from exc
        with client:
            threads = _threads(client, self.connect_timeout)
            if threads == 0:
                raise DigestError(f"the Dask scheduler at {self.address} has no workers (none "
                                  f"came in {self.connect_timeout}); start some with "
                                  f"`dask worker {self.address}`")
            # A task, not scattered data: if every worker holding it dies, the scheduler
            # computes it again instead of losing it.
            remote = client.submit(_given, shared, pure=False)

            def submit(payload: Any) -> Any:
                return client.submit(fn, payload, remote, pure=False)

            try:
                yield from ordered(items, work, submit, self.window or max(8, 4 * threads))
            except distributed.KilledWorker as exc:
                raise DigestError(
                    f"Dask workers died running the same page again and again ({exc}); "
                    "every article written so far is complete and nothing after that page "
                    "was written: run ingest again to go on (written pages are skipped as "
                    "already ingested)") from exc
            except (OSError, CancelledError) as exc:  # futures lost with their workers
                raise DigestError(f"lost the Dask cluster at {self.address} ({exc}); every "
                                  "article written so far is complete: run ingest again to "
                                  "go on") from exc


def _threads(client: Any, timeout: str) -> int:
    """The cluster's worker threads; if it has no worker, after waiting up to ``timeout``
    for one: workers may be starting, or restarting under their nannies as they do just
    after some died, when the error of the run before says to run ingest again."""
    threads = sum(client.nthreads().values())
    if threads == 0:
        with contextlib.suppress(TimeoutError):
            client.wait_for_workers(1, timeout=timeout)
        threads = sum(client.nthreads().values())
    return threads


def _given(value: Any) -> Any:
    return value


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise DigestError("--executor dask needs dask.distributed: "
                          "pip install 'digest[archive]'") from exc
    return distributed


def make(kind: str, scheduler: str | None = None, jobs: int | None = None) -> Executor:
    """The executor the CLI's ``--executor``, ``--scheduler`` and ``--jobs`` ask for."""
    if kind == "dask":
        if not scheduler:
            raise DigestError(f"--executor dask needs --scheduler ADDRESS (or {SCHEDULER_ENV}),"
                              " e.g. tcp://127.0.0.1:8786")
        return DaskExecutor(scheduler)
    if jobs == 1:
        return SerialExecutor()
    return ProcessExecutor(jobs)
