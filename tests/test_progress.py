"""Progress bars: drawn on a terminal after the first second, never in logs or when quiet."""

from __future__ import annotations

import io

from digest import progress
from digest.report import Reporter


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as a user's console does."""

    def isatty(self) -> bool:
        return True


def run(reporter: Reporter, count: int = 50) -> int:
    with reporter.progress(count, "rendering pages") as bar:
        for _ in range(count):
            bar.advance()
    return bar.done


def test_not_a_terminal_prints_nothing(monkeypatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    log = io.StringIO()
    assert run(Reporter(stream=log)) == 50
    assert log.getvalue() == ""


def test_terminal_shows_a_bar_once_work_is_slow(monkeypatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    term = Terminal()
    run(Reporter(stream=term))
    assert "rendering pages" in term.getvalue()


def test_fast_work_shows_no_bar_even_on_a_terminal() -> None:
    term = Terminal()
    run(Reporter(stream=term))  # far below one second
    assert term.getvalue() == ""


def test_quiet_shows_no_bar(monkeypatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    term = Terminal()
    run(Reporter(stream=term, quiet=True))
    assert term.getvalue() == ""


def test_verbose_logs_a_one_line_summary() -> None:
    log = io.StringIO()
    run(Reporter(stream=log, verbose=True), 7)
    assert log.getvalue().startswith("rendering pages: 7 in ")
