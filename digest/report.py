"""One object through which every module reports to the user.

Library code never prints. It tells a :class:`Reporter` what happened (an
informational line, a warning or an error tied to a file and line) and the CLI
decides how to show it. Tests call the same functions with a Reporter and read
back ``reporter.problems`` instead of scraping stdout.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # pragma: no cover
    from digest.progress import Progress


def count(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``: a number with its noun, for messages."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@dataclass(frozen=True)
class Problem:
    """A user-facing problem: what is wrong, where, and what to do about it."""

    level: str  # "error" or "warning"
    message: str
    file: str | None = None
    line: int | None = None
    hint: str | None = None

    def location(self) -> str:
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        where = self.location()
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} ({self.hint})" if self.hint else text

    def as_dict(self) -> dict[str, object]:
        return {
            "level": self.level,
            "file": self.file,
            "line": self.line,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass
class Reporter:
    """Collects problems and shows progress lines.

    ``quiet`` hides informational lines (never errors); ``verbose`` shows
    debug lines. ``stream`` defaults to stderr so that stdout stays free for
    machine-readable output such as ``--json`` reports. ``remember`` False prints problems
    and counts them (:attr:`tally`) without keeping them: an ingest of an archive warns
    about every page it keeps for review, and its report holds them already.
    """

    quiet: bool = False
    verbose: bool = False
    stream: TextIO | None = None
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    remember: bool = True
    tally: Counter[str] = field(default_factory=Counter)  # problems by level

    def _out(self) -> TextIO:
        return self.stream if self.stream is not None else sys.stderr

    def info(self, message: str) -> None:
        if not self.quiet:
            print(message, file=self._out())

    def debug(self, message: str) -> None:
        if self.verbose:
            print(message, file=self._out())

    def warning(
        self,
        message: str,
        file: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> Problem:
        return self._add("warning", message, file, line, hint)

    def error(
        self,
        message: str,
        file: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> Problem:
        return self._add("error", message, file, line, hint)

    def add(self, problem: Problem) -> Problem:
        self.tally[problem.level] += 1
        if self.remember:
            self.problems.append(problem)
        print(f"{problem.level}: {problem}", file=self._out())
        return problem

    def _add(
        self,
        level: str,
        message: str,
        file: str | Path | None,
        line: int | None,
        hint: str | None,
    ) -> Problem:
        name = None if file is None else str(file)
        return self.add(Problem(level, message, name, line, hint))

    @contextlib.contextmanager
    def timed(self, phase: str) -> Iterator[None]:
        """Time a phase of the work; ``--verbose`` shows where a build spends its time."""
        start = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            self.timings[phase] = self.timings.get(phase, 0.0) + elapsed
            self.debug(f"{phase}: {elapsed:.2f} s")

    def progress(self, total: int | None, label: str) -> Progress:
        """A progress counter: a bar on a terminal after a second of work, else silent."""
        from digest.progress import Progress

        return Progress(self, total, label)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]


class DigestError(Exception):
    """A user error that stops a command; carries the problems that caused it."""

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem("error", problems)]
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
