"""Spread CPU-bound build work over the machine's cores with forked workers.

Markdown and Jinja2 are pure Python, so threads would not help. Worker
processes are forked *after* the build has loaded its data, so they inherit it
(templates compiled, articles in memory) instead of receiving it pickled; only
small chunk numbers go out and small results come back. Below a threshold, or
where fork is unavailable, the work runs in this process. :func:`in_child` runs
one piece of system-call-bound work in a forked process beside this one.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# What the forked workers run: set just before the pool forks, read in the children.
_TASK: tuple[Callable[[Any], Any], Sequence[Any], list[tuple[int, int]]] | None = None


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector in this process (workers keep theirs, see fork_map).

    A build holds tens of thousands of acyclic objects (articles, cache entries, page
    specs); each full collection walks all of them, and the collections come more
    often as they grow: 6 s of a 100,000-article build, against 0.3 s at 10,000.
    Garbage with cycles made meanwhile is collected when the pause ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _start_worker() -> None:
    gc.enable()  # a worker's own garbage (markdown-it, Jinja2) is collected as usual


def _run_chunk(index: int) -> list[Any]:
    assert _TASK is not None
    fn, items, bounds = _TASK
    start, stop = bounds[index]
    return [fn(item) for item in items[start:stop]]


def fork_map(fn: Callable[[T], R], items: Sequence[T], *, workers: int | None = None,
             min_items: int = 200, advance: Callable[[int], None] | None = None,
             meanwhile: Callable[[], None] | None = None) -> list[R]:
    """``[fn(x) for x in items]``, in forked worker processes when it pays off.

    Results come back in order. ``fn`` may be a closure: it is inherited, not
    pickled; its results must be picklable. ``advance(n)`` is called in this
    process as results arrive (for a progress bar). ``meanwhile()`` runs in
    this process while the workers work (it must not need their results).
    """
    global _TASK
    workers = workers or default_workers()
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if workers < 2 or len(items) < min_items or not forkable:
        if meanwhile is not None:
            meanwhile()
        results = []
        for x in items:
            results.append(fn(x))
            if advance is not None:
                advance(1)
        return results
    size = max(1, -(-len(items) // (workers * 4)))
    bounds = [(i, min(i + size, len(items))) for i in range(0, len(items), size)]
    _TASK = (fn, items, bounds)
    # What the workers inherit is frozen: their collections never walk it, so they never
    # touch (and copy) its memory pages; the Python docs recommend this before fork.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        results = []
        with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                 initializer=_start_worker) as pool:
            chunks = pool.map(_run_chunk, range(len(bounds)))  # all submitted: workers start
            if meanwhile is not None:
                meanwhile()
            for chunk in chunks:
                results.extend(chunk)
                if advance is not None:
                    advance(len(chunk))
        return results
    finally:
        _TASK = None
        gc.unfreeze()


def in_child(work: Callable[[], bool]) -> Callable[[], bool]:
    """Start ``work`` in a forked process; returns a function that waits for its result.

    For file system work that would otherwise run alone at the end of a build
    while this process does its own (saving the cache): the child's system
    calls and this process's Python then share the machine's cores. Runs
    ``work`` here, at once, where there is no ``fork``.
    """
    if not hasattr(os, "fork"):
        result = work()
        return lambda: result
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        code = 1
        try:
            code = 0 if work() else 1
        finally:
            os._exit(code)

    def wait() -> bool:
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

    return wait
