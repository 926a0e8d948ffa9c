"""``digest build``: load everything and validate it, plan every output, make what
changed, index, then swap the new site in.

The function below reads top to bottom like the pipeline in DESIGN.md: load (scan
the content, read what changed, validate; nothing is written before every input has
loaded without error) -> plan (every file of the site as an output with a key,
:mod:`digest.outputs`) -> run (keep the unchanged, make the others, :mod:`digest.plan`)
-> index (search) -> commit (the site is written beside the old one and swapped in
whole, :mod:`digest.output`). With search on, plan and run go in two rounds: the
article and story pages first, then the index starts (its Pagefind processes run
beside the build) while the other outputs are planned and made.

A rebuild costs what changed (:mod:`digest.cache`): unchanged content files
are not read, unchanged outputs are not made (their old files are kept, mtime
and all), and when no input changed at all the build stops after one look at
the file system. ``clean=True`` ignores the cache; the output is the same.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from digest import charts, outputs, review, search, store, theme, urls
from digest.cache import BuildCache, cache_key
from digest.config import Config
from digest.content import REVIEW_DIR, Article, layout
from digest.fingerprint import fingerprint, text_fingerprint
from digest.issues import Issue, build_issues, by_topic, story_topics
from digest.lock import project_lock
from digest.output import SiteWriter, check_output_dir
from digest.parallel import gc_paused
from digest.plan import Executor, Output
from digest.render import PageSpec, Renderer, SiteInfo, TopicInfo, story_key
from digest.report import DigestError, Problem, Reporter, count
from digest.stories import Story, group


@dataclass
class BuildResult:
    out: Path
    articles: int
    pages: int
    files: int
    written: int  # files whose bytes changed
    unchanged: int  # files kept as they were (same bytes, same mtime)
    rendered: int = 0  # pages rendered (the others were unchanged and kept)
    up_to_date: bool = False  # nothing changed since the last build: nothing was done


def build(
    config: Config,
    reporter: Reporter,
    *,
    out: Path | None = None,
    drafts: bool = False,
    strict: bool = False,
    clean: bool = False,
    workers: int | None = None,
) -> BuildResult:
    """Build the site of ``config`` into ``out`` (default: the config's output_dir):
    load -> plan -> run -> index -> commit."""
    out = out or config.root / config.output_dir
    check_output_dir(out, _protected(config))
    with project_lock(config.root, "build"), gc_paused():
        # 1. Load and validate: collect every problem before giving up.
        with reporter.timed("scan"):
            env = theme.environment(config)
            statics = theme.static_files(config)
            with_search = config.search and search.available(reporter)
            key = cache_key(_config_key(config), theme.fingerprint(config), drafts, with_search,
                            out)
            sources, problems = store.scan(config)
            _tell_waiting(config, reporter)
            inputs = _inputs(key, sources)
        if not clean and not problems and BuildCache.peek(config.root, key) == (
                inputs, _signature(out)):
            reporter.info(f"{out} is up to date ({len(sources)} articles, nothing changed)")
            return BuildResult(out, len(sources), 0, 0, 0, 0, up_to_date=True)
        with reporter.timed("load cache"):
            cache = BuildCache(config.root / ".digest-cache", key) if clean else \
                BuildCache.load(config.root, key)
        if cache.output != _signature(out):
            cache.pages, cache.files, cache.changed = {}, None, None  # another site's
        writer = SiteWriter(out)
        executor = Executor(writer, cache, reporter, workers)
        try:
            # 2. Load: read what changed (the old site is staged meanwhile), validate.
            with reporter.timed("read"):
                articles = _load(writer, cache, sources, problems, config, drafts, strict,
                                 workers, reporter)
            with reporter.timed("stories"):
                stories = group(articles, config.language)
                issues = build_issues(stories, config)
                site = _site_info(articles, stories, issues, config,
                                  _searchable(with_search, articles, reporter))
                renderer = Renderer(env, config, site)
            # 3. Plan every output, 4. keep or make each, 5. index the staged pages.
            # The pages the index reads first: it runs while the others are planned and made.
            with reporter.timed("plan"):
                first = outputs.searched(renderer, issues, key)
            with reporter.timed("make"):
                made = executor.run(first.outputs) if site.search else []
            with contextlib.ExitStack() as indexing:
                with reporter.timed("search"):
                    finish_index = indexing.enter_context(
                        _indexing(executor, renderer, first, key, workers))
                with reporter.timed("plan"):
                    plan = outputs.plan(renderer, stories, issues, articles, statics, key, first)
                with reporter.timed("make"):
                    made += executor.run(_others(plan, first, site.search),
                                         fork=not site.search)
                with reporter.timed("search"):
                    index = finish_index()
            # 6. Commit: swap the finished site in, then remember what it was made of.
            with reporter.timed("swap"):
                writer.commit()
        except BaseException:
            writer.abort()
            raise
        with reporter.timed("cache"), contextlib.closing(writer):  # the spare is made meanwhile
            finished = index is not None or not site.search  # a failed index: try again
            _remember(cache, executor, index, inputs if finished else "", _signature(out))
    files = writer.written + writer.linked
    rendered = sum(1 for o in made if o.pooled)
    reporter.info(
        f"built {count(len(articles), 'article')} into {out}: {count(len(plan.pages), 'page')} "
        f"({rendered} rendered), {count(files, 'file')} ({writer.written} changed)"
    )
    return BuildResult(out, len(articles), len(plan.pages), files, writer.written,
                       writer.linked, rendered=rendered)


def _load(writer: SiteWriter, cache: BuildCache, sources: list[store.Source],
          problems: list[Problem], config: Config, drafts: bool, strict: bool,
          workers: int | None, reporter: Reporter) -> list[Article]:
    """Stage the old site while the changed content files are read; stop on any problem."""
    if cache.pages:
        writer.seed(cache.files, cache.changed)
    else:  # a first build: make the article folders while the workers read
        writer.make_folders_async(_article_folders(sources, config))
    articles, found = store.read(sources, config, cache, drafts=drafts, workers=workers,
                                 reporter=reporter)
    for p in problems + found:
        reporter.add(p)
    if reporter.errors or (strict and reporter.warnings):
        raise DigestError(reporter.errors or reporter.warnings)
    return articles


def _remember(cache: BuildCache, executor: Executor, index: search.Index | None,
              inputs: str, output: str) -> None:
    """Save what the new site was made of: every output's key, its files, what changed."""
    writer = executor.writer
    cache.pages = executor.keys
    cache.pages.update(index.keys if index is not None else {})
    cache.inputs, cache.output = inputs, output
    cache.files = _sorted_files(cache.files, writer.produced)
    cache.changed = writer.spare_changes
    cache.save()


def _sorted_files(old: list[str] | None, produced: set[str]) -> list[str]:
    """``sorted(produced)``, from the last build's sorted list when there is one: its files
    still produced, then the few new ones, sorted as two runs (Timsort merges them, where
    212,000 paths sorted afresh took ~0.1 s of a one-edit rebuild). A last list holding a
    path twice (a cache edited by hand) would make a longer list: then sorted afresh."""
    if old is None:
        return sorted(produced)
    files = [path for path in old if path in produced]
    files += produced.difference(files)
    files.sort()
    return files if len(files) == len(produced) else sorted(produced)


def _searchable(with_search: bool, articles: list[Article], reporter: Reporter) -> bool:
    """Whether the pages offer search: decided before they are rendered, never after."""
    if with_search and not articles:
        reporter.info("search skipped: no article to index")
        return False
    return with_search


def _others(plan: outputs.Plan, first: outputs.Plan, made: bool) -> list[Output]:
    """The outputs still to keep or make: all of them, or (``made``) all but ``first``'s."""
    if not made:
        return plan.outputs
    done = {id(o) for o in first.outputs}
    return [o for o in plan.outputs if id(o) not in done]


@contextlib.contextmanager
def _indexing(executor: Executor, renderer: Renderer, searched: outputs.Plan, key: str,
              workers: int | None) -> Iterator[Callable[[], search.Index | None]]:
    """Start the search index of the staged ``searched`` pages; yields a function that waits
    for it, stages it and makes the search page (None without search)."""
    site = renderer.site
    if not site.search:
        yield lambda: None
        return
    with search.indexing(executor, renderer.config, _indexed(searched.pages), _stories(site),
                         key, workers) as finish:
        def done() -> search.Index | None:
            index = finish()
            # Failed: the pages keep their search form, which leads to a page that says
            # search is unavailable; rendering every page again without it would double
            # the build.
            executor.run([outputs.search_page(renderer,
                                              index.parts if index is not None else [])])
            return index

        yield done


def _inputs(key: str, sources: list[store.Source]) -> str:
    """Fingerprint of the build key and every content file's name and stat signature, for
    the nothing-changed check, hashed as one text (half the time of a ``repr`` at 100,000
    files): a file name never holds a NUL."""
    fields = [key]
    for s in sources:
        fields += (s.name, str(s.signature[0]), str(s.signature[1]))
    return text_fingerprint(fields, "\0")


def _tell_waiting(config: Config, reporter: Reporter) -> None:
    """Articles kept for review are never built; say how many wait, so none is forgotten."""
    waiting = review.waiting(config)
    if waiting:
        reporter.info(f"{count(waiting, 'article')} kept for review in "
                      f"{config.content_dir}/{REVIEW_DIR}/ (not built): 'digest review' lists "
                      "them and what to add")


def _article_folders(sources: list[store.Source], config: Config) -> list[str]:
    """Output folders of the article pages, known from the file names alone."""
    base = str(config.root / config.content_dir)
    places = (layout(source.path, base) for source in sources)
    return [urls.article(*where) for where in places if not isinstance(where, str)]


def _protected(config: Config) -> list[Path]:
    root = config.root
    return [root, root / config.content_dir, root / config.raw_dir, root / "themes"]


def _config_key(config: Config) -> tuple[object, ...]:
    return tuple(getattr(config, f.name) for f in dataclasses.fields(config))


def _signature(out: Path) -> str:
    """Identity of the output folder as the last build left it (a swap gives a new inode)."""
    try:
        st, index = out.stat(), (out / "index.html").stat()
    except OSError:
        return ""
    return fingerprint(st.st_ino, st.st_mtime_ns, index.st_ino, index.st_mtime_ns)


def _site_info(articles: list[Article], stories: list[Story], issues: list[Issue],
               config: Config, with_search: bool) -> SiteInfo:
    filed = story_topics(stories, config)
    topics = [TopicInfo(t, items, filed.get(t.slug, [])) for t, items in by_topic(articles, config)]
    return SiteInfo(config.title, config.description, config.language, config.base_url,
                    topics, issues, len(articles), search=with_search,
                    charts=charts.site_charts(issues, [t.topic for t in topics]),
                    stories=[s for s in stories if s.multi])


def _indexed(specs: list[PageSpec]) -> list[Article]:
    """The articles whose pages the search index holds: every article page."""
    return [s.article for s in specs if s.article is not None]


def _stories(site: SiteInfo) -> list[tuple[str, object]]:
    """Story pages for the search index: path, and what their indexed text is made of."""
    return [(story.path, story_key(story)) for story in site.stories]


