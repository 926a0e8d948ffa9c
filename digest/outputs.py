"""Every file of the site as a :class:`~digest.plan.Output`: its paths, its key, its maker.

This is the one place that says what each file is made from. Pages are keyed by
:mod:`digest.render` (each page's own inputs, joined with the :func:`shell` every
page shows), feeds by :mod:`digest.feeds` and :mod:`digest.jsonfeed` (their items'
articles); every key is joined with the build key (configuration, theme, version),
so a change there makes every file again. Small files that are cheap to make
(sitemap, robots.txt, static files) have no key: they are made on every build, and
an unchanged one still keeps its old file (:meth:`digest.output.SiteWriter.write`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from digest import charts, feeds, jsonfeed, search, sitemap, theme, urls
from digest.content import Article
from digest.fingerprint import fingerprint
from digest.issues import Issue
from digest.plan import Output
from digest.render import (
    PageSpec,
    Renderer,
    SiteInfo,
    listing_specs,
    not_found_spec,
    searched_specs,
)
from digest.report import DigestError
from digest.stories import Story


@dataclass
class Plan:
    """What a build writes: its pages (the sitemap and the search index list them) and
    every output, pages first."""

    pages: list[PageSpec]
    outputs: list[Output]


def searched(renderer: Renderer, issues: list[Issue], build_key: str) -> Plan:
    """The pages the search index reads (story and article pages), planned and made
    first so the index starts while the others are planned and made."""
    renderer.shell = fingerprint(build_key, shell(renderer.site))
    specs = list(searched_specs(renderer, issues))
    return Plan(specs, [page(renderer, spec) for spec in specs])


def plan(renderer: Renderer, stories: list[Story], issues: list[Issue],
         articles: list[Article], statics: dict[str, Path], build_key: str,
         first: Plan | None = None) -> Plan:
    """Every output of the site; ``first``: its :func:`searched` pages, planned already."""
    first = first or searched(renderer, issues, build_key)
    listing = list(listing_specs(renderer, issues))
    last = not_found_spec(renderer)
    specs = [*listing, *first.pages, last]
    made = [page(renderer, spec) for spec in listing] + first.outputs + [page(renderer, last)]
    made += feed_outputs(stories, issues, renderer, build_key)
    made += files(renderer, statics, [s.path for s in specs], articles)
    return Plan(specs, made)


def page(renderer: Renderer, spec: PageSpec) -> Output:
    """One page, rendered in the worker pool; an article page shows its article's HTML."""
    def make() -> tuple[bytes]:
        try:
            return (renderer.render_spec(spec).encode(),)
        except jinja2.TemplateError as exc:
            raise DigestError([theme.template_problem(exc, renderer.config)]) from None

    shows = (spec.article,) if spec.article is not None else ()
    return Output((urls.output_file(spec.path),), spec.key, make, shows, pooled=True)


def shell(site: SiteInfo) -> tuple[object, ...]:
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


def feed_outputs(stories: list[Story], issues: list[Issue], renderer: Renderer,
                 build_key: str) -> list[Output]:
    """Each channel's RSS and Atom, the JSON Feed and the OPML list of them all."""
    config = renderer.config
    topics = [(t.topic, [e.story for e in t.stories]) for t in renderer.site.topics]
    newest = feeds.latest(reversed(stories), config.feed_limit)  # chosen once, newest first
    channels = feeds.channels(newest, issues, config, topics)
    made = [Output((f.rss, f.atom), fingerprint(build_key, f.key),
                   lambda f=f: f.render(config), f.shows) for f in channels]
    made.append(Output((urls.FEED_JSON,), fingerprint(build_key, jsonfeed.key(newest)),
                       lambda: (jsonfeed.build(newest, config),),
                       tuple(s.lead for s in newest)))
    listed = [f.channel for f in channels]
    made.append(Output((urls.OPML,), fingerprint(build_key, urls.OPML, listed),
                       lambda: (feeds.opml(config, listed),)))
    return made


def files(renderer: Renderer, statics: dict[str, Path], page_paths: list[str],
          articles: list[Article]) -> list[Output]:
    """Static files, sitemap.xml, robots.txt, .nojekyll and CNAME."""
    config = renderer.config
    site = urls.Site(config.base_url)
    made = [Output((path, ), None, lambda source=source: (source.read_bytes(),))
            for path, source in statics.items()]
    modified = {a.path: (a.updated or a.date) for a in articles}
    modified.update((s.path, s.modified) for s in renderer.site.stories)
    entries = [(p, modified.get(p)) for p in page_paths if p != urls.NOT_FOUND]
    made.append(Output((urls.SITEMAP,), None, lambda: (sitemap.sitemap(entries, site),)))
    made.append(Output((urls.ROBOTS,), None, lambda: (sitemap.robots(site),)))
    made.append(Output((".nojekyll",), None, lambda: (b"",)))
    if config.cname:
        made.append(Output(("CNAME",), None, lambda: (f"{config.cname}\n".encode(),)))
    return made


def search_page(renderer: Renderer, parts: list[str]) -> Output:
    """The search page over the index parts (made once the index is)."""
    return Output((urls.output_file(urls.SEARCH),), None,
                  lambda: (search.page(renderer, parts)[1].encode(),))
