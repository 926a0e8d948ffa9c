"""Every URL rule of the site, in one place.

Pages are addressed by *site paths*: ``""`` is the home page, ``"weeks/2023-W33/"``
an issue, ``"feed.xml"`` a file. A site path never starts with ``/``; a path
ending in ``/`` is a folder whose page is ``index.html``.

HTML pages link to each other with page-relative URLs, so a site works at the
host root, under a GitHub Pages subpath, and from ``digest serve`` alike. The
one exception is ``404.html``: GitHub Pages serves it at *any* missing path, so
relative links would resolve against the wrong folder; its links are absolute
from the base path (MkDocs makes the same special case). Feeds, sitemaps and
canonical links use absolute URLs built from ``base_url``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

NOT_FOUND = "404.html"
HOME = ""
WEEKS = "weeks/"
TOPICS = "topics/"
STORIES = "stories/"
FEED_RSS = "feed.xml"
FEED_ATOM = "atom.xml"
FEED_JSON = "feed.json"
FEEDS_PAGE = "feeds/"
SEARCH = "search/"
SEARCH_BUNDLE = "pagefind/"
WEEKS_FEED_RSS = "weeks/feed.xml"
WEEKS_FEED_ATOM = "weeks/atom.xml"
OPML = "feeds.opml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
STYLESHEET = "static/style.css"


def article(topic: str, week: str, slug: str) -> str:
    return f"{topic}/{week}/{slug}/"


def story(story_id: str) -> str:
    """The page of a multi-article story (its id is a slug, checked when the article loads)."""
    return f"{STORIES}{story_id}/"


def week(week_id: str) -> str:
    return f"{WEEKS}{week_id}/"


def topic(slug: str, page: int = 1) -> str:
    return f"{TOPICS}{slug}/" if page <= 1 else f"{TOPICS}{slug}/page/{page}/"


def topic_feed(slug: str, kind: str = "rss") -> str:
    return f"{TOPICS}{slug}/{'feed.xml' if kind == 'rss' else 'atom.xml'}"


def output_file(path: str) -> str:
    """The file that serves a site path: folders get their index.html."""
    return f"{path}index.html" if path == "" or path.endswith("/") else path


@dataclass(frozen=True)
class Site:
    """URL maker bound to a ``base_url`` such as ``https://user.github.io/repo/``."""

    base_url: str

    @property
    def base_path(self) -> str:
        """The base URL's path, always starting and ending with ``/`` (``/repo/``)."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    def absolute(self, path: str) -> str:
        """Absolute URL for feeds, sitemaps and canonical links."""
        base = self.base_url if self.base_url.endswith("/") else self.base_url + "/"
        return base + path

    def from_base(self, path: str) -> str:
        """URL absolute from the host root: ``/repo/weeks/``."""
        return self.base_path + path

    def relative(self, path: str, page: str) -> str:
        """URL of ``path`` as written in the page at site path ``page``.

        Relative URLs climb to the site root and go down again
        (``../../weeks/``): one string concatenation per link, which matters
        at 10,000 pages with dozens of links each. On ``404.html`` the URL is
        absolute from the base path instead (see module docstring).
        """
        if page == NOT_FOUND:
            return self.from_base(path)
        return (root_prefix(page) + path) or "./"


def root_prefix(page: str) -> str:
    """``"../"`` once per folder between the page at ``page`` and the site root."""
    return "../" * page.count("/")
