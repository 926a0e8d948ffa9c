"""``digest build``: load everything and validate it, then render, then write.

The function below reads top to bottom like the pipeline in DESIGN.md. Nothing
is written until every input has loaded without error; the site is then
written beside the old one and swapped in whole (:mod:`digest.output`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from digest import charts, feeds, jsonfeed, markdown, search, sitemap, theme, urls
from digest.config import Config
from digest.content import Article
from digest.content import load as load_content
from digest.issues import Issue, build_issues, by_topic
from digest.lock import project_lock
from digest.output import SiteWriter, check_output_dir
from digest.render import Renderer, SiteInfo, TopicInfo, render_pages
from digest.report import DigestError, Reporter


@dataclass
class BuildResult:
    out: Path
    articles: int
    pages: int
    files: int
    written: int  # files whose bytes changed
    unchanged: int  # files kept as they were (same bytes, same mtime)


def build(
    config: Config,
    reporter: Reporter,
    *,
    out: Path | None = None,
    drafts: bool = False,
    strict: bool = False,
) -> BuildResult:
    """Build the site of ``config`` into ``out`` (default: the config's output_dir)."""
    out = out or config.root / config.output_dir
    check_output_dir(out, _protected(config))
    with project_lock(config.root, "build"):
        # 1. Load and validate: collect every problem before giving up.
        articles, problems = load_content(config, drafts=drafts)
        for p in problems:
            reporter.add(p)
        if reporter.errors or (strict and reporter.warnings):
            raise DigestError(reporter.errors or reporter.warnings)
        env = theme.environment(config)
        statics = theme.static_files(config)

        # 2. Render: each body once, reused by every page and feed that shows it.
        for article, html in zip(articles, markdown.render_many([a.body for a in articles]),
                                 strict=True):
            article.html = html
        issues = build_issues(articles, config)
        renderer = Renderer(env, config, _site_info(articles, issues, config))
        renderer.site.search = search.available(reporter)
        writer = SiteWriter(out)
        try:
            pages = _write_pages(writer, renderer, articles, issues, config)
            pages = _write_search(writer, renderer, articles, issues, config, reporter, pages)
            for path, data in feeds.build_feeds(articles, issues, config).items():
                writer.write(path, data)
            writer.write(urls.FEED_JSON, jsonfeed.build(articles, config))
            _write_extras(writer, config, statics, pages, articles)
            # 3. Swap the finished site in.
            writer.commit()
        except BaseException:
            writer.abort()
            raise
    files = writer.written + writer.linked
    reporter.info(
        f"built {len(articles)} articles into {out}: {len(pages)} pages, {files} files "
        f"({writer.written} changed)"
    )
    return BuildResult(out, len(articles), len(pages), files, writer.written, writer.linked)


def _protected(config: Config) -> list[Path]:
    root = config.root
    return [root, root / config.content_dir, root / config.raw_dir, root / "themes"]


def _site_info(articles: list[Article], issues: list[Issue], config: Config) -> SiteInfo:
    topics = [TopicInfo(t, items) for t, items in by_topic(articles, config)]
    return SiteInfo(config.title, config.description, config.language, config.base_url,
                    topics, issues, len(articles),
                    charts=charts.site_charts(issues, [t.topic for t in topics]))


def _write_pages(writer: SiteWriter, renderer: Renderer, articles: list[Article],
                 issues: list[Issue], config: Config) -> list[str]:
    paths = []
    try:
        for path, html in render_pages(renderer, articles, issues, config):
            writer.write(urls.output_file(path), html.encode())
            paths.append(path)
    except jinja2.TemplateError as exc:
        raise DigestError([theme.template_problem(exc, config)]) from None
    return paths


def _write_search(writer: SiteWriter, renderer: Renderer, articles: list[Article],
                  issues: list[Issue], config: Config, reporter: Reporter,
                  pages: list[str]) -> list[str]:
    """Index the staged pages, then add the search page (not in the sitemap: nothing to index).

    When indexing fails the pages are rendered again without the search form,
    so no page offers a search that does not exist. Staged pages are unlinked
    first: a staged file may be a hard link to the live site's file.
    """
    if not renderer.site.search:
        return pages
    if search.index(writer, config, reporter):
        path, html = search.page(renderer)
        writer.write(urls.output_file(path), html.encode())
        return pages
    renderer.site.search = False
    for path in pages:
        (writer.stage / urls.output_file(path)).unlink(missing_ok=True)
    return _write_pages(writer, renderer, articles, issues, config)


def _write_extras(writer: SiteWriter, config: Config, statics: dict[str, Path],
                  pages: list[str], articles: list[Article]) -> None:
    site = urls.Site(config.base_url)
    for path, source in statics.items():
        writer.copy(path, source)
    modified = {a.path: (a.updated or a.date) for a in articles}
    entries = [(p, modified.get(p)) for p in pages if p != urls.NOT_FOUND]
    writer.write(urls.SITEMAP, sitemap.sitemap(entries, site))
    writer.write(urls.ROBOTS, sitemap.robots(site))
    writer.write(".nojekyll", b"")
    if config.cname:
        writer.write("CNAME", f"{config.cname}\n".encode())
