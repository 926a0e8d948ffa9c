"""Executors: results in input order, bounded work in flight, a dead worker is an error."""

from __future__ import annotations

import itertools
import os

import pytest

from digest.ingest.executors import ProcessExecutor, SerialExecutor, ordered
from digest.report import DigestError


class _Now:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def _square(x: int, shared: int) -> tuple[int, int]:
    return x * x + shared, os.getpid()


def _die_on_five(x: int, shared: None) -> int:
    if x == 5:
        os._exit(3)
    return x


def test_ordered_reads_the_input_only_a_window_ahead():
    read = []

    def endless():
        for i in itertools.count():
            read.append(i)
            yield i

    results = ordered(endless(), lambda i: None if i % 3 == 0 else i, _Now, window=4)
    first = list(itertools.islice(results, 10))
    assert [item for item, _ in first] == list(range(10))
    assert [r for _, r in first] == [None if i % 3 == 0 else i for i in range(10)]
    assert len(read) <= 10 + 4 + 2  # at most a window (and the pass-throughs) ahead


def test_local_processes_keep_input_order_and_do_the_work_elsewhere():
    out = list(ProcessExecutor(workers=2, min_items=4).map(
        _square, range(40), lambda x: x if x % 7 else None, 1))
    assert [item for item, _ in out] == list(range(40))
    assert [r[0] if r else None for _, r in out] == [
        x * x + 1 if x % 7 else None for x in range(40)]
    assert os.getpid() not in {r[1] for _, r in out if r}


def test_tiny_inputs_stay_in_this_process():
    out = list(ProcessExecutor(workers=2, min_items=16).map(_square, range(5), int, 0))
    assert {r[1] for _, r in out} == {os.getpid()}
    assert list(SerialExecutor().map(_square, [3], int, 0)) == [(3, (9, os.getpid()))]


def test_a_local_worker_that_dies_stops_the_run_with_a_clear_error():
    results = ProcessExecutor(workers=2, min_items=2).map(_die_on_five, range(20), int, None)
    with pytest.raises(DigestError, match="worker process died"):
        list(results)
