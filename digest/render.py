"""HTML pages: every page of the site as (site path, HTML text), from Articles and Issues.

Templates receive plain objects: ``site`` (the digest), ``page`` (this page's
path, title, description, language, canonical URL and feed links) and the
page's own data (``issue``, ``article``, ``articles``...). ``url(path)`` in a
template gives the right link for the page it is on (see :mod:`digest.urls`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import jinja2

from digest import urls
from digest.charts import SiteCharts
from digest.config import Config, Topic
from digest.content import Article
from digest.fingerprint import RECORD, fingerprint, text_fingerprint
from digest.issues import Issue
from digest.stories import Entry, Story, entry


@dataclass(frozen=True)
class FeedLink:
    title: str
    type: str  # MIME type
    path: str


@dataclass
class Page:
    path: str
    title: str
    description: str
    lang: str
    kind: str
    feeds: list[FeedLink]
    canonical: str = ""


@dataclass
class TopicInfo:
    topic: Topic
    articles: list[Article]  # whose topic this is, newest first
    stories: list[Entry] = field(default_factory=list)  # filed under this topic, newest first

    @property
    def slug(self) -> str:
        return self.topic.slug

    @property
    def title(self) -> str:
        return self.topic.title

    @property
    def path(self) -> str:
        return urls.topic(self.topic.slug)

    @property
    def count(self) -> int:
        return len(self.articles)


@dataclass
class Pager:
    number: int
    count: int
    previous: str | None
    next: str | None


@dataclass
class SiteInfo:
    """What every template sees as ``site``."""

    title: str
    description: str
    language: str
    base_url: str
    topics: list[TopicInfo]
    issues: list[Issue]
    article_count: int
    extra: dict[str, Any] = field(default_factory=dict)
    search: bool = False  # search is offered: templates show the search form
    charts: SiteCharts | None = None  # inline SVG charts (digest.charts)
    stories: list[Story] = field(default_factory=list)  # multi-article ones, oldest first


SITE_FEEDS = (
    FeedLink("All articles (RSS)", "application/rss+xml", urls.FEED_RSS),
    FeedLink("All articles (Atom)", "application/atom+xml", urls.FEED_ATOM),
    FeedLink("All articles (JSON Feed)", "application/feed+json", urls.FEED_JSON),
    FeedLink("Weekly issues (RSS)", "application/rss+xml", urls.WEEKS_FEED_RSS),
)


def topic_feeds(topic: Topic) -> list[FeedLink]:
    return [
        FeedLink(f"{topic.title} (RSS)", "application/rss+xml", urls.topic_feed(topic.slug)),
        FeedLink(f"{topic.title} (Atom)", "application/atom+xml",
                 urls.topic_feed(topic.slug, "atom")),
    ]


class Renderer:
    """Renders every page; holds the compiled templates and the site-wide context."""

    def __init__(self, env: jinja2.Environment, config: Config, site: SiteInfo):
        self.env = env
        self.config = config
        self.site = site
        self.links = urls.Site(config.base_url)
        links = self.links

        @jinja2.pass_context
        def url(context: jinja2.runtime.Context, path: str) -> str:
            return links.relative(path, context["page"].path)

        env.globals["url"] = url
        env.globals["abs_url"] = self.links.absolute
        self._templates: dict[str, jinja2.Template] = {}
        self.story_of = {a.id: story for story in site.stories for a in story.articles}
        self.shell = ""  # fingerprint of what every page shows (see digest.build)
        self.story_prints: dict[Story, str] = {}  # see _story_print

    def template(self, name: str) -> jinja2.Template:
        if name not in self._templates:
            self._templates[name] = self.env.get_template(name)
        return self._templates[name]

    def page(self, kind: str, path: str, title: str, description: str = "",
             lang: str | None = None, feeds: list[FeedLink] | None = None) -> Page:
        return Page(
            path=path, title=title, description=description or self.config.description,
            lang=lang or self.config.language, kind=kind, feeds=[*SITE_FEEDS, *(feeds or ())],
            canonical=self.links.absolute(path),
        )

    def render(self, template: str, page: Page, **data: Any) -> tuple[str, str]:
        html = self.template(template).render(site=self.site, page=page, **data)
        return page.path, html

    def spec(self, template: str, path: str, key: tuple[object, ...] | None,
             make: Callable[[], tuple[Page, dict[str, Any]]],
             article: Article | None = None) -> PageSpec:
        """A page to render later; ``key`` names every input beyond the site-wide shell.

        ``make`` builds the page's context only if the page is rendered: a
        rebuild that keeps 10,000 unchanged pages never pays for their contexts.
        """
        return PageSpec(path, template, make, article,
                        None if key is None else fingerprint(self.shell, template, *key))

    def text_spec(self, template: str, path: str, parts: list[str],
                  make: Callable[[], tuple[Page, dict[str, Any]]],
                  article: Article | None = None) -> PageSpec:
        """:meth:`spec` for a key of a fixed number of texts, hashed as one joined text
        (:func:`~digest.fingerprint.text_fingerprint`): a 100,000-article site has
        100,000 article pages."""
        return PageSpec(path, template, make, article,
                        text_fingerprint([self.shell, template, *parts]))

    def render_spec(self, spec: PageSpec) -> str:
        page, data = spec.make()
        return self.template(spec.template).render(site=self.site, page=page, **data)


@dataclass
class PageSpec:
    """One page before rendering. Equal keys mean equal HTML, so a rebuild may skip it."""

    path: str
    template: str
    make: Callable[[], tuple[Page, dict[str, Any]]]
    article: Article | None  # the article an article page shows (its HTML must be loaded)
    key: str | None  # None: always render


def story_key(story: Story) -> tuple[object, ...]:
    """What any view of a story depends on: its id, topic and every article's card
    (its page's key here, its search index part's in :mod:`digest.build`)."""
    return story.key, story.topic, tuple(a.card_key for a in story.articles)


def _story_print(renderer: Renderer, story: Story) -> str:
    """The fingerprint of :func:`story_key`, made once per story and build."""
    made = renderer.story_prints.get(story)
    if made is None:
        made = renderer.story_prints[story] = fingerprint(story_key(story))
    return made


def _entries_key(renderer: Renderer, entries: list[Entry]) -> str:
    """Stories in a list, as one text: each a single article's card, or the whole story
    (the coverage line counts and links the others, and says how many are in other weeks).
    Neither a card nor a fingerprint holds the character between them."""
    return RECORD.join([e.lead.card_key if len(e.story.articles) == 1 else
                        _story_print(renderer, e.story) for e in entries])


def _issue_key(renderer: Renderer, issue: Issue) -> tuple[object, ...]:
    neighbours = tuple((i.id, i.count) if i else None for i in (issue.previous, issue.next))
    sections = tuple((s.topic.slug, _entries_key(renderer, s.stories)) for s in issue.sections)
    return issue.id, neighbours, sections


def listing_specs(renderer: Renderer, issues: list[Issue]) -> Iterator[PageSpec]:
    """The home page, the issues, the topics and the feeds page: the site's pages are these,
    :func:`searched_specs`, then :func:`not_found_spec`, in that order (the sitemap's)."""
    yield from _home_and_issues(renderer, issues)
    yield from _topics(renderer)
    yield _feeds_page(renderer)


def searched_specs(renderer: Renderer, issues: list[Issue]) -> Iterator[PageSpec]:
    """The pages the search index holds: every story page, then every article page."""
    yield from _stories(renderer, issues)
    yield from _articles(renderer, issues)


def not_found_spec(renderer: Renderer) -> PageSpec:
    return renderer.spec("404.html", urls.NOT_FOUND, (), lambda: (
        renderer.page("404", urls.NOT_FOUND, "Page not found"), {}))


def _home_and_issues(renderer: Renderer, issues: list[Issue]) -> Iterator[PageSpec]:
    latest = issues[-1] if issues else None
    title = renderer.config.title
    yield renderer.spec("home.html", urls.HOME, _issue_key(renderer, latest) if latest else (),
                        lambda: (
        renderer.page("home", urls.HOME, title), {"issue": latest}))
    newest_first = list(reversed(issues))
    yield renderer.spec("weeks.html", urls.WEEKS, (), lambda: (
        renderer.page("weeks", urls.WEEKS, "All issues"), {"issues": newest_first}))
    for issue in issues:
        def make(issue: Issue = issue) -> tuple[Page, dict[str, Any]]:
            page = renderer.page("issue", issue.path, f"Week {issue.id}",
                                 f"{issue.count} articles from week {issue.id}")
            return page, {"issue": issue}

        yield renderer.spec("issue.html", issue.path, _issue_key(renderer, issue), make)


def _topics(renderer: Renderer) -> Iterator[PageSpec]:
    config = renderer.config
    topics = [(t.topic, t.stories) for t in renderer.site.topics]
    latest = tuple((t.slug, t.articles[0].card_key if t.articles else None)
                   for t in renderer.site.topics)  # the list links each topic's newest
    yield renderer.spec("topics.html", urls.TOPICS, latest, lambda: (
        renderer.page("topics", urls.TOPICS, "Topics"), {"topics": renderer.site.topics}))
    for topic, items in topics:
        count = max(1, math.ceil(len(items) / config.per_page))
        articles = sum(len(e.articles) for e in items)
        for number in range(1, count + 1):
            chunk = items[(number - 1) * config.per_page : number * config.per_page]
            path = urls.topic(topic.slug, number)

            def make(topic: Topic = topic, number: int = number, count: int = count,
                     chunk: list[Entry] = chunk, total: int = len(items),
                     articles: int = articles, path: str = path,
                     ) -> tuple[Page, dict[str, Any]]:
                pager = Pager(
                    number, count,
                    urls.topic(topic.slug, number - 1) if number > 1 else None,
                    urls.topic(topic.slug, number + 1) if number < count else None,
                )
                title = topic.title if number == 1 else f"{topic.title} (page {number})"
                what = f"{articles} articles" if total == articles else \
                    f"{total} stories from {articles} articles"
                page = renderer.page("topic", path, title, f"{what} on {topic.title}",
                                     feeds=topic_feeds(topic))
                return page, {"topic": topic, "stories": chunk, "pager": pager, "total": total,
                              "article_total": articles,
                              "articles": [e.lead for e in chunk]}

            key = (topic.slug, topic.title, number, count, len(items), articles,
                   _entries_key(renderer, chunk))
            yield renderer.spec("topic.html", path, key, make)


def _feeds_page(renderer: Renderer) -> PageSpec:
    """``/feeds/``: how to subscribe, with every feed of the site (each topic's too)."""
    def make() -> tuple[Page, dict[str, Any]]:
        page = renderer.page("feeds", urls.FEEDS_PAGE, "Feeds",
                             f"Follow {renderer.config.title} in a feed reader: every article, "
                             "the weekly issues, or one topic.")
        groups = [(t, topic_feeds(t.topic)) for t in renderer.site.topics]
        return page, {"site_feeds": list(SITE_FEEDS), "topic_groups": groups,
                      "weeks_atom": urls.WEEKS_FEED_ATOM, "opml": urls.OPML}

    return renderer.spec("feeds.html", urls.FEEDS_PAGE, (), make)


def _stories(renderer: Renderer, issues: list[Issue]) -> Iterator[PageSpec]:
    """``stories/<id>/``: each multi-article story's articles as a timeline."""
    issue_of = {i.id: i for i in issues}
    for story in renderer.site.stories:
        def make(story: Story = story) -> tuple[Page, dict[str, Any]]:
            config = renderer.config
            lead = story.lead
            page = renderer.page("story", story.path, lead.title, lead.summary or "")
            whole = entry(story, story.articles, config.language)
            return page, {"story": story, "entry": whole, "topic": config.topic(story.topic),
                          "issues": [issue_of[w] for w in story.weeks]}

        yield renderer.spec("story.html", story.path, story_key(story), make)


def _articles(renderer: Renderer, issues: list[Issue]) -> Iterator[PageSpec]:
    issue_of = {i.id: i for i in issues}
    story_of = renderer.story_of
    for info in renderer.site.topics:
        topic, chronological = info.topic, list(reversed(info.articles))
        for i, article in enumerate(chronological):
            previous = chronological[i - 1] if i > 0 else None
            following = chronological[i + 1] if i + 1 < len(chronological) else None
            story = story_of.get(article.id)

            def make(article: Article = article, topic: Topic = topic,
                     previous: Article | None = previous,
                     following: Article | None = following,
                     story: Story | None = story) -> tuple[Page, dict[str, Any]]:
                page = renderer.page("article", article.path, article.title,
                                     article.summary or "", article.lang, topic_feeds(topic))
                also = [a for a in story.articles if a is not article] if story else []
                return page, {"article": article, "topic": topic,
                              "issue": issue_of[article.week], "previous": previous,
                              "next": following, "story": story, "also": also}

            shown = "" if story is None else _story_print(renderer, story)  # never empty
            # Paths are never empty: an empty one stands for no neighbour.
            key = [topic.slug, topic.title, article.path, article.fingerprint, article.week,
                   "" if previous is None else previous.path,
                   "" if previous is None else previous.title,
                   "" if following is None else following.path,
                   "" if following is None else following.title, shown]
            yield renderer.text_spec("article.html", article.path, key, make, article)
