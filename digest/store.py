"""Reading the content store for a build: every file listed and stat'ed, only changed ones read.

A file whose stat signature matches the build cache comes back as the cached
Article (its HTML stays in the cache's pack until a page or feed needs it).
Every other file is read, validated and rendered to HTML in forked workers
(:mod:`digest.parallel`), and remembered in the cache for the next build.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from digest import markdown
from digest.cache import BuildCache
from digest.config import Config
from digest.content import (
    CHRONOLOGICAL,
    Article,
    check_unique_ids,
    display_name,
    find_files,
    load_file,
)
from digest.parallel import fork_map
from digest.report import Problem, Reporter


@dataclass(frozen=True)
class Source:
    """One content file: its path, how it is named in messages, its stat signature."""

    path: str
    name: str
    signature: tuple[int, int]  # (mtime_ns, size); size -1: a symlink or unreadable

    @property
    def file(self) -> Path:
        return Path(self.path)

    @property
    def cacheable(self) -> bool:
        """A regular file whose stat signature tells when it changes (never a symlink)."""
        return self.signature[1] >= 0


def scan(config: Config) -> tuple[list[Source], list[Problem]]:
    """List every content file with its stat signature (no file is read)."""
    content_dir = config.root / config.content_dir
    if not content_dir.is_dir():
        return [], [Problem(
            "warning", "no content folder; the site will be empty", str(content_dir),
            hint="run 'digest ingest raw/' or add content/<topic>/<YYYY>-W<WW>/<slug>.md",
        )]
    sources = []
    problems: list[Problem] = []
    walked, named = str(content_dir), display_name(content_dir, config)
    for path in find_files(content_dir, problems):
        try:
            st = os.lstat(path)
            signature = (0, -1) if stat.S_ISLNK(st.st_mode) else (st.st_mtime_ns, st.st_size)
        except OSError:
            signature = (0, -1)  # read below, which reports why it cannot be
        sources.append(Source(path, named + path[len(walked):], signature))
    return sources, problems


def read(sources: list[Source], config: Config, cache: BuildCache, *, drafts: bool,
         workers: int | None = None, reporter: Reporter | None = None,
         keep_html: bool = False) -> tuple[list[Article], list[Problem]]:
    """Articles of every source, sorted, drafts only if asked; problems of all of them."""
    articles: list[Article] = []
    fresh: list[Source] = []
    for source in sources:
        cached = cache.article(source.name, source.signature) if source.cacheable else None
        if cached is None:
            fresh.append(source)
        else:
            articles.append(cached)

    spool = cache.spool() if fresh else None  # made before the workers fork: they share it

    def load_one(source: Source) -> tuple[Article | None, list[Problem], str, tuple[int, int]]:
        """Runs in a worker: the HTML goes to the cache's spool, only where it is comes back."""
        problems: list[Problem] = []
        article = load_file(source.file, config, problems, source.name)
        html, spooled = "", (0, 0)
        if article is not None:
            html = markdown.render(article.body)
            article.body = ""  # rendered: the Markdown need not travel back nor stay in memory
            if source.cacheable and spool is not None:
                spooled = spool.append(html)
                if not keep_html:
                    html = ""  # the build reads it back from the cache when a page needs it
        return article, problems, html, spooled

    problems: list[Problem] = []
    with (reporter or Reporter(quiet=True)).progress(len(fresh), "reading articles") as bar:
        loaded = fork_map(load_one, fresh, workers=workers, advance=bar.advance)
    for source, (article, found, html, spooled) in zip(fresh, loaded, strict=True):
        problems.extend(found)
        if article is not None:
            articles.append(article)
            article.html = html
            if source.cacheable:
                cache.remember(source.name, source.signature, article, spooled)
    cache.keep_only({s.name for s in sources})
    if not drafts:
        articles = [a for a in articles if not a.draft]
    check_unique_ids(articles, problems)
    articles.sort(key=CHRONOLOGICAL)
    return articles, problems


def load(config: Config, *, drafts: bool = False, workers: int | None = None,
         ) -> tuple[list[Article], list[Problem]]:
    """Read and validate every article, without the build cache (``digest check``, tests)."""
    sources, problems = scan(config)
    scratch = BuildCache(config.root / ".digest-cache", "")  # in memory only: never saved
    articles, found = read(sources, config, scratch, drafts=drafts, workers=workers,
                           keep_html=True)
    return articles, problems + found
