"""``digest build``: load everything and validate it, then render, then write.

The function below reads top to bottom like the pipeline in DESIGN.md. Nothing
is written until every input has loaded without error; the site is then
written beside the old one and swapped in whole (:mod:`digest.output`).

A rebuild costs what changed (:mod:`digest.cache`): unchanged content files
are not read, unchanged pages are not rendered (their old files are kept, mtime
and all), and when no input changed at all the build stops after one look at
the file system. ``clean=True`` ignores the cache; the output is the same.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from digest import charts, feeds, jsonfeed, review, search, sitemap, store, theme, urls
from digest.cache import BuildCache, cache_key
from digest.config import Config
from digest.content import REVIEW_DIR, Article, layout
from digest.fingerprint import fingerprint
from digest.issues import Issue, build_issues, by_topic, story_topics
from digest.lock import project_lock
from digest.output import SiteWriter, check_output_dir
from digest.parallel import fork_map, gc_paused
from digest.render import PageSpec, Renderer, SiteInfo, TopicInfo, page_specs, story_key
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
    """Build the site of ``config`` into ``out`` (default: the config's output_dir)."""
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
            inputs = fingerprint(key, [(s.name, s.signature) for s in sources])
        if not clean and not problems and BuildCache.peek(config.root, key) == (
                inputs, _signature(out)):
            reporter.info(f"{out} is up to date ({len(sources)} articles, nothing changed)")
            return BuildResult(out, len(sources), 0, 0, 0, 0, up_to_date=True)
        cache = BuildCache(config.root / ".digest-cache", key) if clean else \
            BuildCache.load(config.root, key)
        if cache.output != _signature(out):
            cache.pages, cache.files, cache.changed = {}, None, None  # another site's
        writer = SiteWriter(out)
        try:
            with reporter.timed("stage"):
                if cache.pages:
                    writer.seed(cache.files, cache.changed)
                else:  # a first build: make the article folders while the workers read
                    writer.make_folders_async(_article_folders(sources, config))
            with reporter.timed("read"):
                articles, found = store.read(sources, config, cache, drafts=drafts,
                                             workers=workers, reporter=reporter)
            for p in problems + found:
                reporter.add(p)
            if reporter.errors or (strict and reporter.warnings):
                raise DigestError(reporter.errors or reporter.warnings)

            # 2. Render: each body once (cached across builds), each changed page once.
            stories = group(articles, config.language)
            issues = build_issues(stories, config)
            site = _site_info(articles, stories, issues, config, with_search)
            renderer = Renderer(env, config, site)
            feed_keys: dict[str, str] = {}

            def write_feeds() -> None:
                with reporter.timed("feeds"):
                    feed_keys.update(_write_feeds(writer, cache, key, stories, issues, site,
                                                 config))

            with reporter.timed("pages"):  # the feeds are written while the workers render
                specs, todo = _render_pages(writer, renderer, cache, key, issues, workers,
                                            reporter, meanwhile=write_feeds)
                writer.finish(".html")  # the search index must not see deleted pages
            with reporter.timed("search"):
                index = search.index(writer, config, reporter, _indexed(specs),
                                     _stories(site), cache.pages, cache.files, key,
                                     workers) if site.search else None
            if site.search and index is None:
                site.search = False  # no page may offer a search that does not exist
                specs, todo = _render_pages(writer, renderer, cache, key, issues, workers,
                                            reporter)
            if index is not None:
                path, html = search.page(renderer, index.parts)
                writer.write(urls.output_file(path), html.encode())
            with reporter.timed("sitemap"):
                _write_extras(writer, config, statics, [s.path for s in specs], articles,
                              site.stories)
            # 3. Swap the finished site in, then remember what it was made of.
            with reporter.timed("swap"):
                writer.commit()
        except BaseException:
            writer.abort()
            raise
        with reporter.timed("cache"), contextlib.closing(writer):  # the spare is made meanwhile
            cache.pages = {urls.output_file(s.path): s.key for s in specs if s.key is not None}
            cache.pages.update(feed_keys)
            cache.pages.update(index.keys if index is not None else {})
            cache.inputs, cache.output = inputs, _signature(out)
            cache.files = sorted(writer.produced)
            cache.changed = writer.spare_changes
            cache.save()
    files = writer.written + writer.linked
    reporter.info(
        f"built {count(len(articles), 'article')} into {out}: {count(len(specs), 'page')} "
        f"({len(todo)} rendered), {count(files, 'file')} ({writer.written} changed)"
    )
    return BuildResult(out, len(articles), len(specs), files, writer.written, writer.linked,
                       rendered=len(todo))


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


def _shell(site: SiteInfo) -> tuple[object, ...]:
    """What any page may show of the whole site: counts, issue list, charts, search."""
    return (
        site.article_count, site.search,
        tuple((t.slug, t.title, t.count) for t in site.topics),
        tuple((i.id, i.count) for i in site.issues),
        _charts_key(site.charts),
    )


def _charts_key(charts_: charts.SiteCharts | None) -> tuple[object, ...] | None:
    """The charts as drawn (their data holds a frozenset, whose repr order varies by process)."""
    if charts_ is None:
        return None
    data = charts_.data
    weeks = (data.weeks, sorted(data.issues), [s.counts for s in data.series]) if data else None
    return charts_.weekly, charts_.sparklines, charts_.colors, weeks


def _render_pages(writer: SiteWriter, renderer: Renderer, cache: BuildCache, key: str,
                  issues: list[Issue], workers: int | None,
                  reporter: Reporter, meanwhile: Callable[[], None] | None = None,
                  ) -> tuple[list[PageSpec], list[PageSpec]]:
    """Stage every page: unchanged ones kept from the old site, the others rendered.

    ``meanwhile()`` runs in this process while the workers render. Returns
    (all page specs, the ones rendered).
    """
    config = renderer.config
    renderer.shell = fingerprint(key, _shell(renderer.site))
    specs = list(page_specs(renderer, issues))
    todo = [s for s in specs if not _kept(s, cache, writer)]

    def render(spec: PageSpec) -> tuple[str, bool, Problem | None]:
        path = urls.output_file(spec.path)
        article = spec.article
        loaded = article is not None and not article.html
        if loaded:  # read the body's HTML from the cache now: 10,000 never sit in memory
            article.html = cache.html([article.file]).get(article.file, "")
        try:
            html = renderer.render_spec(spec)
        except jinja2.TemplateError as exc:
            return path, False, theme.template_problem(exc, config)
        finally:
            if loaded:
                article.html = ""
        return path, writer.stage_file(path, html.encode()), None

    with reporter.progress(len(todo), "rendering pages") as bar:
        results = fork_map(render, todo, workers=workers, advance=bar.advance,
                           meanwhile=meanwhile)
    errors = [problem for _, _, problem in results if problem is not None]
    if errors:
        raise DigestError(errors[:1])
    for path, changed, _ in results:
        writer.record(path, changed)
    return specs, todo


def _indexed(specs: list[PageSpec]) -> list[Article]:
    """The articles whose pages the search index holds: every article page."""
    return [s.article for s in specs if s.article is not None]


def _stories(site: SiteInfo) -> list[tuple[str, object]]:
    """Story pages for the search index: path, and what their indexed text is made of."""
    return [(story.path, story_key(story)) for story in site.stories]


def _kept(spec: PageSpec, cache: BuildCache, writer: SiteWriter) -> bool:
    """An unchanged page keeps its old file: not rendered, not rewritten."""
    path = urls.output_file(spec.path)
    return spec.key is not None and cache.pages.get(path) == spec.key and writer.keep(path)


def _write_feeds(writer: SiteWriter, cache: BuildCache, key: str, stories: list[Story],
                 issues: list[Issue], site: SiteInfo, config: Config) -> dict[str, str]:
    """Stage every feed whose inputs changed, keep the others; returns each feed's key."""
    feed_keys: dict[str, str] = {}

    def reuse(paths: tuple[str, ...], feed_key: str) -> bool:
        """Keep a feed whose inputs are unchanged (its key joined with the build's)."""
        full = fingerprint(key, feed_key)
        feed_keys.update((p, full) for p in paths)
        return all(cache.pages.get(p) == full for p in paths) and all(
            writer.keep(p) for p in paths)

    def prepare(chosen: list[Story]) -> None:
        _load_html(cache, [s.lead for s in chosen])

    topics = [(t.topic, [e.story for e in t.stories]) for t in site.topics]
    newest = feeds.latest(reversed(stories), config.feed_limit)  # chosen once, newest first
    for path, data in feeds.build_feeds(newest, issues, config, reuse, topics,
                                        prepare).items():
        writer.write(path, data)
    json_key = fingerprint(urls.FEED_JSON, feeds.story_inputs(newest),
                           [s.lead.lang for s in newest])
    if not reuse((urls.FEED_JSON,), json_key):
        prepare(newest)
        writer.write(urls.FEED_JSON, jsonfeed.build(newest, config))  # its items: these
    return feed_keys


def _load_html(cache: BuildCache, articles: list[Article]) -> None:
    """Fill in the cached HTML of articles a feed is about to show."""
    missing = [a for a in articles if not a.html]
    found = cache.html([a.file for a in missing])
    for a in missing:
        a.html = found.get(a.file, a.html)


def _write_extras(writer: SiteWriter, config: Config, statics: dict[str, Path],
                  pages: list[str], articles: list[Article], stories: list[Story]) -> None:
    site = urls.Site(config.base_url)
    for path, source in statics.items():
        writer.copy(path, source)
    modified = {a.path: (a.updated or a.date) for a in articles}
    modified.update((s.path, s.modified) for s in stories)
    entries = [(p, modified.get(p)) for p in pages if p != urls.NOT_FOUND]
    writer.write(urls.SITEMAP, sitemap.sitemap(entries, site))
    writer.write(urls.ROBOTS, sitemap.robots(site))
    writer.write(".nojekyll", b"")
    if config.cname:
        writer.write("CNAME", f"{config.cname}\n".encode())
