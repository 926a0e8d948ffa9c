"""One incremental executor for every file the build writes.

Each file (or group of files made together, such as a feed's RSS and Atom) is an
:class:`Output`: its site paths, a key naming every input it is made from, and a
function that makes its bytes. The :class:`Executor` is the only place that decides,
per output, to keep the old file (same key as the last build, and the old file is
there) or make a new one; the only place that reads articles' cached HTML for the
makers that show it; and the only place that runs makers in the worker pool. What
an output depends on is said once, in its key (:mod:`digest.outputs` lists them).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from digest.cache import BuildCache
from digest.content import Article
from digest.output import SiteWriter
from digest.parallel import fork_map
from digest.report import DigestError, Problem, Reporter


@dataclass(slots=True)
class Output:
    """Files made together by ``make`` (bytes for each of ``paths``, in order).

    Equal keys mean equal bytes, so a rebuild keeps a file whose key is unchanged.
    ``key=None``: always made (cheap files; an unchanged one still keeps its old
    file, as :meth:`SiteWriter.write` links identical bytes). ``shows``: articles
    whose HTML the maker reads from ``Article.html``, which the executor fills in
    from the build cache just before and empties after (10,000 bodies never sit in
    memory). ``pooled``: made in the worker pool (pages); the others are made in
    this process while the pool works.
    """

    paths: tuple[str, ...]
    key: str | None
    make: Callable[[], tuple[bytes, ...]]
    shows: tuple[Article, ...] = ()
    pooled: bool = False


class Executor:
    """Keeps or makes outputs into a :class:`SiteWriter`; remembers every output's key."""

    def __init__(self, writer: SiteWriter, cache: BuildCache, reporter: Reporter,
                 workers: int | None = None):
        self.writer = writer
        self.cache = cache
        self.reporter = reporter
        self.workers = workers
        self.keys: dict[str, str] = {}  # site path -> key, for the next build's cache

    def run(self, outputs: list[Output], fork: bool = True) -> list[Output]:
        """Keep the unchanged outputs, make the others; returns the ones made.

        Pooled outputs are made in forked workers, which stage their files
        themselves; the others are made here meanwhile. ``fork=False``: all
        in this process (while threads run, as the search index's do, no
        process is forked). A maker's problem (a template error) stops the
        build with the first one, in plan order.
        """
        todo = [o for o in outputs if not self._kept(o)]
        pooled = [o for o in todo if o.pooled]
        here = [o for o in todo if not o.pooled]
        if not pooled:
            self._make_here(here)
            return todo
        with self.reporter.progress(len(pooled), "rendering pages") as bar:
            results = fork_map(self._stage, pooled, workers=self.workers if fork else 1,
                               advance=bar.advance, meanwhile=lambda: self._make_here(here))
        problems = [p for _, found in results for p in found]
        if problems:
            raise DigestError(problems[:1])
        for output, (changed, _) in zip(pooled, results, strict=True):
            for path, differs in zip(output.paths, changed, strict=True):
                self.writer.record(path, differs)
        return todo

    def keep_files(self, key_path: str, key: str, paths: list[str]) -> bool:
        """Keep ``paths``, made together outside :meth:`run`, when the key the last build
        recorded under ``key_path`` is ``key`` (a search index part: Pagefind names its
        files, so they are known only from the last build's list)."""
        return bool(paths) and self.cache.pages.get(key_path) == key and all(
            self.writer.keep(p) for p in paths)

    def _kept(self, output: Output) -> bool:
        """Record the output's key for the next build; whether it keeps its old files (it
        is unchanged: not made, not rewritten)."""
        key, paths = output.key, output.paths
        if key is None:
            return False
        keys, pages, keep = self.keys, self.cache.pages, self.writer.keep
        if len(paths) == 1:  # a page: 100,000 of them at scale, without generators
            path = paths[0]
            keys[path] = key
            return pages.get(path) == key and keep(path)
        for path in paths:
            keys[path] = key
        return all(pages.get(p) == key for p in paths) and all(keep(p) for p in paths)

    def _stage(self, output: Output) -> tuple[tuple[bool, ...], list[Problem]]:
        """Runs in a worker: make and stage the files; (which differ from the old site's,
        problems). The bookkeeping is done by :meth:`run`, in this process."""
        try:
            with self.html(output.shows):
                data = output.make()
        except DigestError as exc:
            return (), exc.problems
        stage = self.writer.stage_file
        return tuple(stage(p, d) for p, d in zip(output.paths, data, strict=True)), []

    def _make_here(self, outputs: list[Output]) -> None:
        for output in outputs:
            with self.html(output.shows):
                data = output.make()
            for path, content in zip(output.paths, data, strict=True):
                self.writer.write(path, content)

    @contextlib.contextmanager
    def html(self, articles: tuple[Article, ...]) -> Iterator[None]:
        """Fill in the cached HTML of ``articles`` that have none; empty it again after."""
        missing = [a for a in articles if not a.html]
        if missing:
            found = self.cache.html([a.file for a in missing])
            for a in missing:
                a.html = found.get(a.file, "")
        try:
            yield
        finally:
            for a in missing:
                a.html = ""
