"""fork_map and in_child: build work spread over forked processes, the parent working meanwhile."""

import os

import pytest

from digest.parallel import fork_map, in_child


def square_with_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_back_in_order(workers):
    results = fork_map(square_with_pid, list(range(500)), workers=workers)
    assert [r for r, _ in results] == [x * x for x in range(500)]
    pids = {pid for _, pid in results}
    assert (pids == {os.getpid()}) == (workers == 1)  # two workers: never this process


@pytest.mark.parametrize("workers", [1, 2])
def test_meanwhile_runs_here_before_results_are_taken(workers):
    events: list[str] = []
    results = fork_map(square_with_pid, list(range(500)), workers=workers,
                       advance=lambda n: events.append("result"),
                       meanwhile=lambda: events.append(f"meanwhile in {os.getpid()}"))
    assert events[0] == f"meanwhile in {os.getpid()}" and events.count(events[0]) == 1
    assert len(results) == 500


def fails_on_seven(x: int) -> int:
    if x == 7:
        raise ValueError("seven")
    return x


@pytest.mark.parametrize("workers", [1, 2])
def test_errors_of_the_work_and_of_meanwhile_reach_the_caller(workers):
    with pytest.raises(ValueError, match="seven"):
        fork_map(fails_on_seven, list(range(300)), workers=workers)

    def broken() -> None:
        raise RuntimeError("meanwhile failed")

    with pytest.raises(RuntimeError, match="meanwhile failed"):
        fork_map(square_with_pid, list(range(300)), workers=workers, meanwhile=broken)


def test_in_child_runs_the_work_in_another_process_and_reports_its_result(tmp_path):
    def work(name: str, result: bool) -> bool:
        (tmp_path / name).write_text(str(os.getpid()))
        return result

    assert in_child(lambda: work("ok", True))()
    assert not in_child(lambda: work("no", False))()
    assert not in_child(lambda: 1 / 0)()  # an exception in the child is a failure, not a hang
    assert (tmp_path / "ok").read_text() != str(os.getpid())
    assert (tmp_path / "no").exists()
