"""Articles kept for review: ``content/_review/<slug>.md``, out of the site until complete.

Ingest never dates a page by a guess, nor titles it by its lead sentence. A page that shows
no date (or a day and month with nothing on the page giving the year), or no headline, is
written here with the whole article and a ``review:`` key saying why and what to add (both
reasons in that one line when both are missing; ``title: null`` and/or ``date: null``).
Build and feeds do not see these files (:func:`digest.content.find_files` skips the
folder); ingest does (its "already ingested" and duplicate checks read every file under
content/), so re-ingesting the same page does not write it again. ``digest check`` lists
each one with the line to fill in; once an editor has written a ``date:`` (and a
``title:``), :func:`publish` (``digest review --publish``) moves the file to
``content/<topic>/<YYYY>-W<WW>/<slug>.md``, the folder its topic and date call for,
without the ``review:`` line, and it builds like any other article. A file kept for want
of a headline was named after its first words, provisionally: it is published under a
name made from the title the editor wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from digest import content
from digest.config import SLUG_RE, Config
from digest.content import REVIEW_DIR, Article, display_name
from digest.frontmatter import FrontMatterError, parse
from digest.report import Problem, Reporter

PUBLISH_HINT = "once it is complete, run 'digest review --publish'"
NO_TITLE_MARK = "no headline found on the page"
NO_TITLE = (f"{NO_TITLE_MARK} (the file name is provisional, from its first words); "
            "add 'title: ...'")
_REQUIRED = ("title", "date")  # what ingest may leave empty; the order they are asked for


@dataclass
class Pending:
    """One file under review: why it waits, the line to edit, and (once complete) its article."""

    path: Path
    name: str  # as messages name it: content/_review/<slug>.md
    line: int  # the first empty 'title:'/'date:' line (else the 'review:' line, else 1)
    reason: str
    article: Article | None = None  # set when the file is titled, dated and otherwise valid
    problems: list[Problem] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # 'title', 'date': still to be written
    provisional: bool = False  # named after its first words, not its title


def folder(config: Config) -> Path:
    return config.root / config.content_dir / REVIEW_DIR


def files(config: Config) -> list[Path]:
    """The ``.md`` files waiting in ``content/_review/``, sorted (no symlinks followed)."""
    where = folder(config)
    if not where.is_dir() or where.is_symlink():
        return []
    return sorted(p for p in where.iterdir()
                  if p.name.endswith(".md") and p.is_file() and not p.is_symlink())


def pending(config: Config) -> list[Pending]:
    """Every file under review, each validated as the article it would become."""
    return [_read(path, config) for path in files(config)]


def _read(path: Path, config: Config) -> Pending:
    name = display_name(path, config)
    try:
        doc = parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return Pending(path, name, 1, f"cannot be read: {exc}")
    except FrontMatterError as exc:
        return Pending(path, name, exc.line or 1, f"front matter: {exc.message}")
    meta = doc.meta
    missing = [key for key in _REQUIRED if _empty(meta.get(key))]
    line = next((doc.key_lines[k] for k in missing if k in doc.key_lines), None)
    line = line or doc.key_lines.get("date") or doc.key_lines.get("review") or 1
    reason = meta.get("review")
    reason = reason if isinstance(reason, str) and reason.strip() else "kept for review"
    item = Pending(path, name, line, reason, missing=missing,
                   provisional=NO_TITLE_MARK in reason)
    if missing:
        return item
    topic = meta.get("topic")
    if not isinstance(topic, str) or not SLUG_RE.match(topic):
        item.problems.append(Problem("error", "'topic' must be a topic slug to publish it", name,
                                     doc.key_lines.get("topic", line),
                                     f"write 'topic: {config.default_topic}'"))
        return item
    day, _ = content.parse_date(meta.get("date"), config.tz, lambda *a: None)
    slug = _slug(path, meta) if item.provisional else path.name[:-3]
    slug = slug if SLUG_RE.match(slug) else "article"
    week = content.week_id(day, config.tz) if day is not None else "0000-W00"
    item.article = content.to_article(doc, name, (topic, week, slug), config, item.problems)
    return item


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _slug(path: Path, meta: dict) -> str:
    """The name an article kept for want of a headline gets once it has one: its title's."""
    from digest.ingest.slug import slugify

    lang = meta.get("lang")
    return slugify(str(meta.get("title")), lang if isinstance(lang, str) else None)


def _missing_title(item: Pending) -> Problem:
    return Problem("error", "no 'title': an article is published under its headline",
                   item.name, item.line, "add 'title: ...' (the page's headline), then publish")


def report(config: Config, reporter: Reporter) -> int:
    """``digest check``'s part: one warning per file under review, at the line to edit."""
    items = pending(config)
    for item in items:
        if item.article is not None:
            reporter.warning("complete and ready to publish; still kept out of the site",
                             item.name, item.line, hint="run 'digest review --publish'")
            continue
        for problem in item.problems:
            reporter.add(problem)
        if not item.problems:
            reporter.warning(f"kept for review, not in the site: {item.reason}", item.name,
                             item.line, hint=PUBLISH_HINT)
    return len(items)


def publish(config: Config, reporter: Reporter, *, dry_run: bool = False) -> list[Path]:
    """Move every titled, dated, valid file under review to its topic/week folder; return the
    new paths. Files still undated stay (and are listed); a dated file with no title, and
    invalid ones, stay and are reported as errors naming the line to fix."""
    from digest.ingest.store import Store, atomic_write

    store = Store(config)
    moved: list[Path] = []
    with store.lock():
        for item in pending(config):
            for problem in item.problems:
                reporter.add(problem)
            if item.missing == ["title"]:  # dated: only the headline keeps it out
                reporter.add(_missing_title(item))
                continue
            if item.article is None:
                if not item.problems:
                    reporter.info(f"still waiting: {item.name}:{item.line}: {item.reason}")
                continue
            target = _target(store, item.article)
            shown = store.relative(target)
            if dry_run:
                reporter.info(f"would publish {item.name} as {shown}")
                moved.append(target)
                continue
            text = _without_review(item.path.read_text(encoding="utf-8"))
            target.parent.mkdir(parents=True, exist_ok=True)
            store.check_inside(target)
            atomic_write(target, text)
            item.path.unlink()
            reporter.info(f"published {item.name} as {shown}")
            moved.append(target)
    return moved


def _target(store, article: Article) -> Path:
    """``content/<topic>/<week>/<slug>.md``, with ``-2``, ``-3`` ... when the name is taken."""
    base = store.content / article.topic / article.week
    slug, n = article.slug, 2
    while (base / f"{slug}.md").exists():
        slug, n = f"{article.slug}-{n}", n + 1
    target = base / f"{slug}.md"
    store.check_inside(target)
    return target


_REVIEW_KEY = re.compile(r"^review[ \t]*:.*\n(?:[ \t]+.*\n)*", re.MULTILINE)


def _without_review(text: str) -> str:
    """The file's text without its front matter's ``review:`` entry; nothing else changes."""
    head, sep, rest = text.partition("\n---\n") if text.startswith("---\n") else (text, "", "")
    if not sep:
        return text
    return _REVIEW_KEY.sub("", head + "\n", count=1).removesuffix("\n") + sep + rest


def waiting(config: Config) -> int:
    """How many files wait in ``content/_review/`` (build says so; it never reads them)."""
    return len(files(config))  # the same files review lists: no symlinks counted
