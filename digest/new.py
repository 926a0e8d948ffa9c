"""``digest new "Title" --topic T``: a hand-written article, in the folder build expects.

The file lands at ``content/<topic>/<YYYY>-W<WW>/<slug>.md`` with the week
computed in the digest's timezone, so build never complains that it is in the
wrong folder. It gets a fresh random ``id`` at once: the id is what feed
readers remember, so it must be written down before the article is ever
published (a derived id would change if the file were renamed).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path

from digest import frontmatter
from digest.config import SLUG_RE, Config
from digest.content import display_name, week_id
from digest.ingest.slug import slugify
from digest.report import DigestError, Problem, Reporter

BODY = "Write the article here, in Markdown.\n"


def fresh_id() -> str:
    """A new article id in the same form ingest writes (``urn:digest:`` + 16 hex digits)."""
    return f"urn:digest:{secrets.token_hex(8)}"


def parse_date(text: str | None, config: Config) -> dt.datetime:
    """``--date``: an ISO date or date-time; missing parts come from the digest's timezone.

    ``2023-08-16`` is that day (written as a day; 09:00 here only places it in its
    week), ``2023-08-16T14:30`` is read in the digest's timezone, and an explicit offset
    is kept as written.
    """
    if text is None:
        return dt.datetime.now(config.tz).replace(second=0, microsecond=0)
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise DigestError([Problem(
            "error", f"--date {text!r} is not an ISO date",
            hint="write it as 2023-08-16 or 2023-08-16T09:27 or 2023-08-16T09:27:00+03:00",
        )]) from None
    if len(text.strip()) == 10:  # a bare date
        value = value.replace(hour=9)
    if value.tzinfo is None:
        value = value.replace(tzinfo=config.tz)
    return value


def new_article(
    config: Config,
    title: str,
    topic: str,
    reporter: Reporter,
    *,
    date: str | None = None,
    lang: str | None = None,
    draft: bool = False,
    body: str = BODY,
) -> Path:
    """Write the new article and return its path; refuse to overwrite an existing file."""
    title = title.strip()
    if not title:
        raise DigestError([Problem("error", "the title is empty", hint='digest new "A title"')])
    if not SLUG_RE.match(topic):
        raise DigestError([Problem(
            "error", f"topic {topic!r} is not a slug", hint="use lowercase a-z, 0-9 and '-'",
        )])
    known = [t.slug for t in config.topics]
    if known and topic not in known:
        reporter.warning(f"topic {topic!r} is not listed in the config's topics",
                         config.path, hint="known topics: " + ", ".join(known))
    when = parse_date(date, config)
    slug = slugify(title, lang or config.language)
    path = config.root / config.content_dir / topic / week_id(when, config.tz) / f"{slug}.md"
    day_only = date is not None and len(date.strip()) == 10  # a day: no made-up time
    meta: dict[str, object] = {"title": title, "date": when.date() if day_only else when,
                               "topic": topic}
    if lang and lang != config.language:
        meta["lang"] = lang
    meta.update({"tags": [], "draft": draft, "id": fresh_id()})
    _write_new(path, frontmatter.dump(meta, body), config)
    reporter.info(f"wrote {display_name(path, config)}")
    return path


def _write_new(path: Path, text: str, config: Config) -> None:
    """Create ``path`` exclusively: an existing article is never replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise DigestError([Problem(
            "error", "an article with this title already exists", display_name(path, config),
            hint="edit that file, or choose a different title",
        )]) from None
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)

