"""Pelican settings for the scale benchmark: the generated corpus with digest's pages and feeds.

scale.py runs ``pelican CONTENT -s benchmarks/pelican/pelicanconf.py -o OUT`` on a copy of the
corpus written with ``generate.py --flavor pelican`` (Pelican's own metadata header, where the
week is the tag). Topics are categories; weeks are tags, so tag pages are the weekly issues.
"""

from pathlib import Path

_HERE = Path(__file__).resolve().parent

SITENAME = "Synthetic news digest"
SITEURL = "https://example.github.io/digest"
TIMEZONE = "Europe/Kyiv"
DEFAULT_LANG = "en"
THEME = str(_HERE / "theme")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False

ARTICLE_PATHS = [""]
PAGE_PATHS = []
STATIC_PATHS = []
ARTICLE_URL = "{category}/{week}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{week}/{slug}/index.html"
CATEGORY_URL = "topics/{slug}/"
CATEGORY_SAVE_AS = "topics/{slug}/index.html"
CATEGORIES_SAVE_AS = "topics/index.html"
TAG_URL = "weeks/{name}/"
TAG_SAVE_AS = "weeks/{name}/index.html"
TAGS_SAVE_AS = "weeks/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "categories"]
TEMPLATE_PAGES = {
    str(_HERE / "theme" / "templates" / "sitemap.xml"): "sitemap.xml",
    str(_HERE / "theme" / "templates" / "404.html"): "404.html",
}

DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"category": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_DOMAIN = SITEURL
FEED_ALL_RSS = "feed.xml"
FEED_ALL_ATOM = "atom.xml"
CATEGORY_FEED_RSS = "topics/{slug}/feed.xml"
CATEGORY_FEED_ATOM = None
TAG_FEED_RSS = None
TAG_FEED_ATOM = None
AUTHOR_FEED_RSS = None
AUTHOR_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = False

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
