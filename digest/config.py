"""digest.yaml: a declared schema that collects every error, then reports them at once.

Each top-level key is an :class:`Option` with a type, a default and a one-line
meaning (the README's configuration reference is written from the same list).
Loading never stops at the first problem: a user fixing a config wants to see
every wrong key in one run.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from digest.fetch.settings import FetchSettings
from digest.fetch.settings import parse as parse_fetch
from digest.frontmatter import FrontMatterError, load_mapping
from digest.options import Option, problem
from digest.report import DigestError, Problem

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DEFAULT_BASE_URL = "http://localhost:8000/"


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """A known outlet: its display name, other spellings, the timezone of its datelines and its
    web domains (digest.yaml ``sources`` and the shipped registry,
    digest/ingest/outlets/registry.py)."""

    name: str
    aliases: tuple[str, ...] = ()
    timezone: str | None = None
    domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    title: str = "News digest"
    description: str = "A weekly digest of the news."
    base_url: str = DEFAULT_BASE_URL
    language: str = "en"
    timezone: str = "UTC"
    theme: str = "default"
    topics: tuple[Topic, ...] = ()
    default_topic: str = "general"
    sources: tuple[Source, ...] = ()
    feed_limit: int = 50
    feed_max_bytes: int = 900_000
    per_page: int = 20
    cname: str | None = None
    search: bool = True
    content_dir: str = "content"
    output_dir: str = "site"
    raw_dir: str = "raw"
    fetch: FetchSettings = FetchSettings()
    languages: tuple[str, ...] = ()
    only_matching: bool = False
    root: Path = field(default=Path("."), compare=False)
    path: Path | None = field(default=None, compare=False)

    def topic(self, slug: str) -> Topic:
        """The configured topic, or one titled from its slug for topics not in the config."""
        for t in self.topics:
            if t.slug == slug:
                return t
        return Topic(slug, slug.replace("-", " ").capitalize())

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


def _url(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "must be an absolute http(s) URL such as https://user.github.io/repo/"
    if parts.query or parts.fragment:
        return "must not carry a query or fragment"
    return None


def _tz(value: str) -> str | None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return "must be an IANA timezone name such as Europe/Kyiv or UTC"
    return None


def _slug(value: str) -> str | None:
    return None if SLUG_RE.match(value) else "must be a slug: lowercase a-z, 0-9 and '-'"


def _positive(value: int) -> str | None:
    return None if value > 0 else "must be a positive whole number"


def _relative_dir(value: str) -> str | None:
    p = Path(value)
    if p.is_absolute() or ".." in p.parts or not value.strip():
        return "must be a folder inside the project (relative, without '..')"
    return None


def _languages(value: list) -> str | None:
    if all(isinstance(v, str) and v.strip() for v in value):
        return None
    return "must be a list of language tags such as [en, uk]"


OPTIONS: tuple[Option, ...] = (
    Option("title", str, "the digest's name, shown on every page and in feeds"),
    Option("description", str, "one sentence about the digest, for feeds and meta tags"),
    Option("base_url", str, "where the site is published, may carry a subpath", _url),
    Option("language", str, "BCP 47 language of the digest, e.g. en or uk"),
    Option("timezone", str, "IANA timezone that decides each article's ISO week", _tz),
    Option("theme", str, "name of the theme; themes/<name>/ in the project overrides it", _slug),
    Option("topics", list, "list of topics: slug, title, keywords (any language)"),
    Option("default_topic", str, "topic for ingested pages that match no keywords", _slug),
    Option("sources", list, "outlets to add to or override in the shipped registry: name, "
                            "aliases, timezone, domains"),
    Option("feed_limit", int, "most items in each feed", _positive),
    Option("feed_max_bytes", int, "byte budget of each feed; older items are dropped", _positive),
    Option("per_page", int, "articles per topic page", _positive),
    Option("cname", (str, type(None)), "custom domain written to CNAME for GitHub Pages"),
    Option("search", bool, "build a Pagefind full-text search index (when pagefind is installed)"),
    Option("content_dir", str, "folder of the article store", _relative_dir),
    Option("output_dir", str, "folder the site is built into", _relative_dir),
    Option("raw_dir", str, "folder of raw scraped pages", _relative_dir),
    Option("fetch", (dict, type(None)), "what `digest fetch` reads and how (see fetch.* keys)"),
    Option("languages", list, "languages ingest keeps with only_matching (default: language)",
           _languages),
    Option("only_matching", bool, "ingest keeps only pages in the digest's languages that "
           "match a topic's keywords"),
)
_BY_KEY = {o.key: o for o in OPTIONS}


def load(path: Path | str = "digest.yaml", overrides: dict[str, Any] | None = None) -> Config:
    """Load and validate a config file; a missing file gives the defaults.

    ``overrides`` (e.g. ``--base-url``) are validated like file values.
    Raises :class:`DigestError` listing every problem found.
    """
    path = Path(path)
    raw: dict[str, Any] = {}
    problems: list[Problem] = []
    lines: dict[str, int] = {}
    if path.exists():
        raw, lines = _read(path)
    raw = {**raw, **{k: v for k, v in (overrides or {}).items() if v is not None}}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        problem = _check_key(key, value)
        if problem:
            problems.append(Problem("error", problem, str(path), lines.get(key), _allowed(key)))
            continue
        values[key] = value
    topics = _topics(values.pop("topics", []), path, lines.get("topics"), problems)
    sources = _sources(values.pop("sources", []), path, lines.get("sources"), problems)
    fetch = parse_fetch(values.pop("fetch", None), str(path), _text(path), lines.get("fetch"),
                        problems)
    if problems:
        raise DigestError(problems)
    if "languages" in values:
        values["languages"] = tuple(values["languages"])
    if "base_url" in values and not values["base_url"].endswith("/"):
        values["base_url"] += "/"
    return Config(**values, topics=topics, sources=sources, fetch=fetch, root=path.parent,
                  path=path)


def _text(path: Path) -> str:
    """The file's text, for the lines of nested keys (read only when a section is present)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _read(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not valid UTF-8 (byte {exc.start})"
        raise DigestError([Problem("error", msg, str(path), None, "save it as UTF-8")]) from None
    try:
        return load_mapping(text, first_line=1)
    except FrontMatterError as exc:
        raise DigestError([Problem("error", exc.message, str(path), exc.line, exc.hint)]) from None


def _allowed(key: str) -> str:
    if key not in _BY_KEY:
        return "allowed keys: " + ", ".join(o.key for o in OPTIONS)
    return f"{key}: {_BY_KEY[key].meaning}"


def _check_key(key: str, value: Any) -> str | None:
    option = _BY_KEY.get(key)
    if option is None:
        return f"unknown key {key!r}"
    return problem(option, value, key)


def _str_list(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _topics(items: list, path: Path, line: int | None, problems: list[Problem]) -> tuple:
    topics: list[Topic] = []
    for i, item in enumerate(items):
        where = f"topics[{i}]"
        if isinstance(item, str):
            item = {"slug": item}
        if not isinstance(item, dict) or not isinstance(item.get("slug"), str):
            problems.append(Problem("error", f"{where} needs a 'slug'", str(path), line))
            continue
        unknown = set(item) - {"slug", "title", "keywords"}
        slug_problem = _slug(item["slug"])
        keywords = _str_list(item.get("keywords", []))
        bad_title = not isinstance(item.get("title", ""), str)
        if unknown or slug_problem or keywords is None or bad_title:
            detail = slug_problem or (
                f"unknown keys {sorted(unknown)}" if unknown else "keywords must be a list of text"
            )
            problems.append(
                Problem("error", f"{where} ({item['slug']!r}): {detail}", str(path), line,
                        "a topic has slug, title and keywords")
            )
            continue
        title = item.get("title") or item["slug"].replace("-", " ").capitalize()
        topics.append(Topic(item["slug"], title, keywords))
    slugs = [t.slug for t in topics]
    for dup in sorted({s for s in slugs if slugs.count(s) > 1}):
        problems.append(Problem("error", f"topic {dup!r} is listed twice", str(path), line))
    return tuple(topics)


def _sources(items: list, path: Path, line: int | None, problems: list[Problem]) -> tuple:
    sources: list[Source] = []
    for i, item in enumerate(items):
        where = f"sources[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            problems.append(Problem("error", f"{where} needs a 'name'", str(path), line))
            continue
        unknown = set(item) - {"name", "aliases", "timezone", "domains"}
        aliases = _str_list(item.get("aliases", []))
        domains = _str_list(item.get("domains", []))
        tz = item.get("timezone")
        tz_problem = _tz(tz) if isinstance(tz, str) else (None if tz is None else "must be text")
        if unknown or aliases is None or domains is None or tz_problem:
            detail = (
                f"unknown keys {sorted(unknown)}" if unknown
                else f"timezone {tz_problem}" if tz_problem
                else "aliases and domains must be lists of text"
            )
            problems.append(
                Problem("error", f"{where} ({item['name']!r}): {detail}", str(path), line,
                        "a source has name, aliases, timezone and domains")
            )
            continue
        sources.append(Source(item["name"], aliases, tz, domains))
    return tuple(sources)
