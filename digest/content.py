"""The content store: ``content/<topic>/<YYYY>-W<WW>/<slug>.md`` files read into Articles.

Loading never stops at the first bad file. Every problem (bad YAML, a missing
key, a topic or week that disagrees with the folder, a duplicate id) is
collected with its file and line, so that one run shows the editor everything
to fix. Build then refuses to write a site while any error remains.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import operator
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest import urls
from digest.config import SLUG_RE, Config
from digest.fingerprint import UNIT
from digest.frontmatter import Document, FrontMatterError, parse
from digest.report import Problem

WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
REVIEW_DIR = "_review"  # content/_review/: undated articles kept out of the site (digest.review)
KNOWN_KEYS = (
    "title", "date", "topic", "source", "source_url", "author", "lang", "summary", "tags",
    "attribution", "draft", "id", "raw", "raw_sha256", "date_source", "updated", "review",
    "story",
)
STORY_MAX = 120  # characters of a story id: it is a folder name and part of every story URL
WORDS_PER_MINUTE = 230


class _once:  # noqa: N801 (a decorator, like the functools.cached_property it stands for)
    """A property computed on first use and kept in the instance's ``__dict__``.

    ``functools.cached_property`` takes a lock on every first use (Python 3.11): 0.3 s
    over 100,000 articles' paths, where this costs a dictionary store.
    """

    def __init__(self, fn: Any) -> None:
        self.fn, self.name, self.__doc__ = fn, fn.__name__, fn.__doc__

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


@dataclass
class Article:
    """One article as templates and feeds see it. Plain data; ``html`` is filled by render."""

    file: str  # the source file as messages name it: relative to the project root, '/'
    topic: str
    week: str  # ISO week id, e.g. "2023-W33"
    slug: str
    title: str
    date: dt.datetime
    body: str
    id: str
    source: str | None = None
    source_url: str | None = None
    author: str | None = None
    lang: str | None = None
    summary: str | None = None
    tags: list[str] = field(default_factory=list)
    attribution: str | None = None
    draft: bool = False
    updated: dt.datetime | None = None
    story: str | None = None  # the story (one event, many outlets) it belongs to; see stories.py
    extra: dict[str, Any] = field(default_factory=dict)
    html: str = ""
    words: int = 0  # body length, kept so a cached article needs no body
    fingerprint: str = ""  # hash of the source file: page keys and the cache compare it
    day_only: bool = False  # 'date: 2023-08-23': a day without a time; ``date`` is its midnight

    @property
    def shown_date(self) -> dt.date | dt.datetime:
        """What pages show and JSON-LD states: the day alone when no time is known, so a
        date-only article never shows a made-up "00:00"."""
        return self.date.date() if self.day_only else self.date

    @_once
    def path(self) -> str:
        """Site path of the article page (see :mod:`digest.urls`); pages, feeds and keys ask
        for it ~80,000 times in a 10,000-article build, so it is made once."""
        return urls.article(self.topic, self.week, self.slug)

    @_once
    def card_key(self) -> str:
        """What any view of the article depends on (its card in a list, its feed item), as
        one key text: its page's path and its source file's hash (the id is in the file,
        or made from the path). 300,000 of them are in a 100,000-article site's keys (its
        issue, topic page and feed), so it is made once."""
        return f"{self.path}{UNIT}{self.fingerprint}"

    @_once
    def stamp(self) -> float:
        """``date`` as a POSIX timestamp, the key articles and stories sort by (see
        :data:`CHRONOLOGICAL`); asked for several times per article in a build."""
        return self.date.timestamp()

    @property
    def reading_minutes(self) -> int:
        words = self.words or len(self.body.split())
        return max(1, round(words / WORDS_PER_MINUTE))


# Sort key of articles: by date with a stable tie-break (the id), so equal dates never reorder.
# The date as a POSIX timestamp, not the datetime: two aware datetimes with different tzinfo
# objects (every date read back from the cache has its own) ask both for their UTC offset on
# each comparison, which made sorting 100,000 articles take 1.7 s of a one-edit rebuild. Every
# date is aware, and a float keeps microseconds apart for any date near today, so the order
# is the datetimes' own. An attrgetter: made in C, no Python call per article.
CHRONOLOGICAL: Callable[[Article], tuple[float, str]] = operator.attrgetter("stamp", "id")


def week_id(date: dt.datetime, tz: dt.tzinfo) -> str:
    """ISO 8601 week of ``date`` as seen in the digest's timezone: ``2023-W33``."""
    year, week, _ = date.astimezone(tz).isocalendar()
    return f"{year}-W{week:02d}"


def derived_id(topic: str, slug: str) -> str:
    """Fallback id for a hand-made file without one (``digest check`` suggests writing it)."""
    digest = hashlib.sha256(f"{topic}/{slug}".encode()).hexdigest()[:16]
    return f"urn:digest:{digest}"


def find_files(content_dir: Path, problems: list[Problem] | None = None) -> list[str]:
    """Every ``.md`` file below ``content_dir`` (as path strings), sorted, without following
    symlinked folders.

    A symlinked folder is skipped (it could lead anywhere, or loop); with ``problems``
    given, each one skipped is reported there, so its articles do not vanish silently.
    Strings, not Paths: at 10,000 files the Path objects alone cost a rebuild 0.1 s.
    ``content/_review/`` is not walked: its undated articles are not (yet) part of the site.
    """
    found: list[str] = []
    top = str(content_dir)
    for dirpath, dirnames, filenames in os.walk(content_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and not (d == REVIEW_DIR and dirpath == top))
        if problems is not None:
            for name in dirnames:
                link = os.path.join(dirpath, name)
                if os.path.islink(link):
                    problems.append(Problem(
                        "warning", "symlinked folder; skipped, its articles are not read",
                        os.path.relpath(link, content_dir.parent),
                        hint="copy the folder into content/ instead of linking it"))
        folder = dirpath if dirpath.endswith(os.sep) else dirpath + os.sep  # os.path.join's
        found.extend([folder + f for f in sorted(filenames) if f.endswith(".md")])  # result
    return found


def display_name(file: Path, config: Config) -> str:
    """How messages and the cache name a file: relative to the project root when inside it."""
    try:
        return file.relative_to(config.root).as_posix()
    except ValueError:
        return str(file)


def load_file(file: Path, config: Config, problems: list[Problem],
              name: str | None = None) -> Article | None:
    """Read one file; append problems and return None when it cannot become an Article.

    ``name`` is how messages name the file (:func:`display_name` when not given). A build
    calls this 10,000 times, so the checks cost one ``lstat`` and string operations.
    """
    name = name or display_name(file, config)
    path = str(file)
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            content_dir = (config.root / config.content_dir).resolve()
            if not file.resolve().is_relative_to(content_dir):
                problems.append(Problem(
                    "error", "symlink points outside the content folder; skipped", name,
                    hint="copy the file into content/ instead of linking it"))
                return None
            st = os.stat(path)
    except OSError as exc:
        problems.append(Problem("error", f"cannot read: {exc.strerror}", name))
        return None
    if not stat.S_ISREG(st.st_mode):  # a FIFO or device would block the read forever
        problems.append(Problem("error", "not a regular file; skipped", name,
                                hint="articles are plain text files"))
        return None
    where = layout(path, str(config.root / config.content_dir))
    if isinstance(where, str):
        problems.append(Problem("error", where, name,
                                hint="articles live at content/<topic>/<YYYY>-W<WW>/<slug>.md"))
        return None
    folder_topic, folder_week, slug = where
    try:
        text = _read_text(path, st.st_size)
    except UnicodeDecodeError as exc:
        problems.append(Problem("error", f"not valid UTF-8 (byte {exc.start})", name,
                                hint="save the file as UTF-8"))
        return None
    except OSError as exc:
        problems.append(Problem("error", f"cannot read: {exc.strerror}", name))
        return None
    try:
        doc = parse(text)
    except FrontMatterError as exc:
        problems.append(Problem("error", exc.message, name, exc.line, exc.hint))
        return None
    article = to_article(doc, name, (folder_topic, folder_week, slug), config, problems)
    if article is not None:
        article.words = len(doc.body.split())
        article.fingerprint = hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
    return article


def _read_text(path: str, size: int) -> str:
    """The file's text, newlines as ``open()`` in text mode gives them.

    Raw calls: a text-mode ``open()`` also asks whether the file is a terminal and
    where it stands (four more system calls per file, 40,000 at 10,000 articles).
    """
    fd = os.open(path, os.O_RDONLY)
    try:
        data = os.read(fd, size + 1)  # a regular file reads short only at its end
        if len(data) > size:  # it grew since it was stat'ed
            chunks = [data]
            while chunk := os.read(fd, 1 << 16):
                chunks.append(chunk)
            data = b"".join(chunks)
    finally:
        os.close(fd)
    text = data.decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def layout(path: str, content_dir: str) -> tuple[str, str, str] | str:
    """(topic, week, slug) of a content file's path, or what is wrong with the path."""
    base = content_dir.rstrip(os.sep) + os.sep
    if not path.startswith(base):
        return "not in the content folder"
    parts = path[len(base):].split(os.sep)
    if len(parts) != 3:
        return "not in a <topic>/<YYYY>-W<WW>/ folder"
    topic, week, name = parts
    slug = name[:-3]
    if not SLUG_RE.match(topic):
        return f"topic folder {topic!r} is not a slug (lowercase a-z, 0-9 and '-')"
    if not WEEK_RE.match(week):
        return f"week folder {week!r} is not an ISO week such as 2023-W33"
    if not SLUG_RE.match(slug):
        return f"file name {name!r} is not a slug (lowercase a-z, 0-9 and '-') followed by .md"
    return topic, week, slug


def to_article(
    doc: Document,
    name: str,
    where: tuple[str, str, str],
    config: Config,
    problems: list[Problem],
) -> Article | None:
    """The Article of a parsed file at ``where`` (topic, week, slug), or None with its
    problems appended; :mod:`digest.review` asks the same of a file before moving it there."""
    meta = doc.meta
    before = len(problems)

    def bad(key: str, message: str, hint: str | None = None) -> None:
        problems.append(Problem("error", message, name, doc.key_lines.get(key, 2), hint))

    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        bad("title", "'title' is required and must be text", "add 'title: ...' to the front matter")
    date, day_only = parse_date(meta.get("date"), config.tz, bad)
    topic = meta.get("topic")
    if not isinstance(topic, str):
        bad("topic", "'topic' is required and must be text", f"add 'topic: {where[0]}'")
    elif topic != where[0]:
        # never build a path from a value that is not a slug ("../../outside" would be echoed)
        move = f"move the file to content/{topic}/ or " if SLUG_RE.match(topic) else (
            "a topic is a slug (lowercase a-z, 0-9 and '-') naming the article's folder: ")
        bad("topic", f"topic {topic!r} does not match the folder {where[0]!r}",
            f"{move}set 'topic: {where[0]}'")
    if date is not None:
        expected = week_id(date, config.tz)
        if expected != where[1]:
            bad("date", f"date {date.isoformat()} is in week {expected}, but the file is in "
                f"folder {where[1]}", f"move the file to content/{where[0]}/{expected}/")
    fields = _optional_fields(meta, bad)
    if len(problems) > before or date is None:
        return None
    extra = {k: v for k, v in meta.items() if k not in KNOWN_KEYS}
    return Article(
        file=name, topic=where[0], week=where[1], slug=where[2], title=title.strip(),
        date=date, body=doc.body, id=fields.pop("id") or derived_id(where[0], where[2]),
        extra=extra, day_only=day_only, **fields,
    )


DATE_HINT = ("write the day, 2023-08-16, or the day with a time and UTC offset, "
             "2023-08-16T09:27:00+03:00")


def parse_date(value: Any, tz: dt.tzinfo, bad) -> tuple[dt.datetime | None, bool]:
    """The article's date and whether it is a day only (``date: 2023-08-16``).

    A day only is placed at its midnight in the digest's timezone: its week is that day's
    week, and feeds (which need a full date-time) sort it at the start of that day."""
    if value is None:
        bad("date", "'date' is required", DATE_HINT)
        return None, False
    if isinstance(value, str):
        try:
            value = (dt.date.fromisoformat(value) if len(value.strip()) == 10
                     else dt.datetime.fromisoformat(value))
        except ValueError:
            bad("date", f"'date' {value!r} is not a valid date", DATE_HINT)
            return None, False
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            bad("date", "'date' has a time but no UTC offset", DATE_HINT)
            return None, False
        return value, False
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(0, 0), tzinfo=tz), True
    bad("date", f"'date' must be a date, not {type(value).__name__}", DATE_HINT)
    return None, False


def _text(meta: dict[str, Any], key: str, bad) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        bad(key, f"{key!r} must be text, not {type(value).__name__}")
        return None
    return str(value)


def _optional_fields(meta: dict[str, Any], bad) -> dict[str, Any]:
    fields: dict[str, Any] = {
        k: _text(meta, k, bad)
        for k in ("source", "source_url", "author", "lang", "summary", "attribution", "id")
    }
    tags = meta.get("tags", [])
    if tags is None:
        tags = []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list) or not all(isinstance(t, str | int) for t in tags):
        bad("tags", "'tags' must be a list of text", "write 'tags: [one, two]'")
        tags = []
    fields["tags"] = [str(t) for t in tags]
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        bad("draft", "'draft' must be true or false")
    fields["draft"] = draft is True
    updated = meta.get("updated")
    if updated is not None and not (isinstance(updated, dt.datetime) and updated.tzinfo):
        bad("updated", "'updated' must be a date with time and offset")
        updated = None
    fields["updated"] = updated
    fields["story"] = _story(meta.get("story"), bad)
    url = fields["source_url"]
    if url is not None and not url.startswith(("http://", "https://")):
        bad("source_url", "'source_url' must be an http(s) URL")
    return fields


def _story(value: Any, bad) -> str | None:
    """The story id: a slug, because it names the story's page, ``stories/<id>/``."""
    if value is None:
        return None
    hint = ("a story id is a slug (lowercase a-z, 0-9 and '-'), e.g. "
            "'story: 2023-08-24-lars-von-trier-f16-post'; remove the key to let the article "
            "stand alone")
    if not isinstance(value, str):
        bad("story", f"'story' must be text, not {type(value).__name__}", hint)
    elif len(value) > STORY_MAX:
        bad("story", f"story id {value[:40] + '…'!r} is longer than {STORY_MAX} characters",
            hint)
    elif not SLUG_RE.match(value):
        bad("story", f"story id {value!r} is not a slug", hint)
    else:
        return value
    return None


def check_unique_ids(articles: list[Article], problems: list[Problem]) -> None:
    seen: dict[str, Article] = {}
    for a in articles:
        first = seen.setdefault(a.id, a)
        if first is not a:
            problems.append(Problem("error", f"id {a.id!r} is already used by {first.file}",
                                    a.file, hint="every article needs its own id"))
