"""Progress for long work: a rich bar on a terminal, nothing extra in CI logs.

A bar that flashes for 200 ms is noise, and one redrawn 10,000 times slows a
build, so a :class:`Progress` shows nothing for its first second, then redraws
at most :data:`REFRESH_PER_SECOND` times a second. When the stream is not a
terminal (CI, a pipe) or the reporter is quiet it only counts; the command's
own one-line summary is what the log keeps.

Usage, through the reporter so library code never touches the terminal::

    with reporter.progress(len(pages), "rendering pages") as bar:
        for page in pages:
            ...
            bar.advance()
"""

from __future__ import annotations

import time
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # pragma: no cover
    import rich.progress

    from digest.report import Reporter

DELAY = 1.0  # seconds of work before a bar appears
REFRESH_PER_SECOND = 10


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or stream-like objects without isatty
        return False


class Progress:
    """Counts work done; draws a rich bar only on a terminal and only after :data:`DELAY`."""

    def __init__(self, reporter: Reporter, total: int | None, label: str):
        self.reporter = reporter
        self.total = total
        self.label = label
        self.done = 0
        stream = reporter._out()
        self._stream = stream
        self._enabled = not reporter.quiet and is_terminal(stream)
        self._start = time.monotonic()
        self._next = self._start + DELAY
        self._bar: rich.progress.Progress | None = None
        self._task: rich.progress.TaskID | None = None

    def __enter__(self) -> Progress:
        return self

    def advance(self, amount: int = 1) -> None:
        """Count ``amount`` more items; cheap enough to call once per page."""
        self.done += amount
        if self._enabled:
            now = time.monotonic()
            if now >= self._next:
                self._draw(now)

    def _draw(self, now: float) -> None:
        self._next = now + 1 / REFRESH_PER_SECOND
        if self._bar is None:
            self._start_bar()
        assert self._bar is not None and self._task is not None
        self._bar.update(self._task, completed=self.done)
        self._bar.refresh()

    def _start_bar(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.progress import Progress as RichProgress

        console = Console(file=self._stream, stderr=True)
        self._bar = RichProgress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=console, auto_refresh=False, transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task(self.label, total=self.total, completed=self.done)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        seconds = time.monotonic() - self._start
        self.reporter.debug(f"{self.label}: {self.done} in {seconds:.2f} s")
