"""``digest stories``: group the whole store again (after the method changed), keep hand-set ids.

Articles are grouped in date order (undated ones last) exactly as ingest groups new pages,
with every hand-set ``story:`` pinned first. A resulting story keeps the id most of its
articles already carried (so a regroup that changes nothing renames nothing); a new story is
named by its first article's date and slug. Only the ``story:`` line of a changed file is
rewritten (atomically); ``.digest/stories.tsv`` is rewritten to match.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest.config import Config
from digest.grouping import record
from digest.grouping.assign import group
from digest.grouping.features import extract
from digest.grouping.index import StoryIndex, order_key, read_meta
from digest.ingest.store import Store, atomic_write
from digest.report import Reporter, count


@dataclass
class Move:
    """One article whose story changes."""

    path: str
    old: str | None
    new: str


@dataclass
class RegroupReport:
    articles: int = 0
    stories: int = 0
    multi: int = 0  # stories of two or more articles
    hand_set: int = 0
    moves: list[Move] = field(default_factory=list)
    dry_run: bool = False


@dataclass
class _Item:
    key: str
    path: Path
    relative: str
    meta: dict[str, Any]
    body: str
    hand: str | None  # the editor's story id, kept as it is

    def when(self, tz: dt.tzinfo) -> tuple[bool, float, str]:
        """Sort key: dated articles first, by time; then by key (ties)."""
        return order_key(self.meta, self.key, tz)


def regroup(config: Config, reporter: Reporter, *, dry_run: bool = False) -> RegroupReport:
    """Regroup every article; write changed ``story:`` lines unless ``dry_run``."""
    store = Store(config)
    if dry_run:
        return _regroup(store, reporter, dry_run=True)
    with store.lock():
        return _regroup(store, reporter, dry_run=False)


def _regroup(store: Store, reporter: Reporter, *, dry_run: bool) -> RegroupReport:
    assigned = record.load(store.root)
    items = _items(store, assigned)
    index = StoryIndex()
    ordered = sorted(items, key=lambda it: (it.hand is None, *it.when(store.config.tz)))
    story_of: dict[str, str] = {}
    for it in ordered:
        title, lang, day = read_meta(it.meta, store.config.language)
        features = extract(title, it.body, lang)
        story_of[it.key] = group(index, it.key, features, day, lang, it.path.stem, fixed=it.hand)
    names = _names(ordered, story_of)
    report = RegroupReport(articles=len(items), dry_run=dry_run,
                           hand_set=sum(it.hand is not None for it in items))
    sizes = Counter(names[s] for s in story_of.values())
    report.stories, report.multi = len(sizes), sum(n > 1 for n in sizes.values())
    new_record: dict[str, str] = {}
    for it in sorted(items, key=lambda it: it.relative):
        if it.hand is not None:
            continue
        new = names[story_of[it.key]]
        new_record[it.key] = new
        old = it.meta.get("story")
        old = None if old in (None, "") else str(old)
        if old != new:
            report.moves.append(Move(it.relative, old, new))
            if not dry_run and not _write_line(it, new, reporter):
                # the file keeps its old id: record that one, or it would look hand-set
                new_record.pop(it.key)
                if old is not None:
                    new_record[it.key] = old
    if not dry_run:
        record.rewrite(store.root, new_record)
    _tell(reporter, report)
    return report


def _items(store: Store, assigned: dict[str, str]) -> list[_Item]:
    items = []
    for article in store.articles():
        if "title" not in article.meta:
            continue  # an unreadable file: `digest check` names it; nothing to regroup
        relative = store.relative(article.path)
        key = record.article_key(article.meta, relative)
        hand = record.hand_set(article.meta, key, assigned)
        items.append(_Item(key, article.path, relative, article.meta, article.body, hand))
    return items


def _names(ordered: list[_Item], story_of: dict[str, str]) -> dict[str, str]:
    """Final id per grouped story: the hand-set id, else an id its members already had.

    An old id goes to the story holding most of its articles (ties: the story whose first
    article comes first), so renaming follows the bulk of the coverage; a story left without
    one keeps the fresh date-and-slug id.
    """
    fixed = {it.hand for it in ordered if it.hand is not None}
    members: dict[str, list[_Item]] = {}
    for it in ordered:
        members.setdefault(story_of[it.key], []).append(it)
    names: dict[str, str] = {s: s for s in fixed}
    used = set(fixed)
    claims = []
    for position, (story, its) in enumerate(members.items()):
        if story in fixed:
            continue
        olds = Counter(str(it.meta["story"]) for it in its
                       if it.meta.get("story") not in (None, ""))
        claims += [(-n, position, old, story) for old, n in olds.items()]
    for _, _, old, story in sorted(claims):
        if story not in names and old not in used:
            names[story] = old
            used.add(old)
    for story in members:
        if story not in names:
            name, n = story, 2
            while name in used:
                name, n = f"{story}-{n}", n + 1
            names[story] = name
            used.add(name)
    return names


def _write_line(it: _Item, story: str, reporter: Reporter) -> bool:
    """Set the file's ``story:`` line; False (and an error naming the file) when it failed."""
    try:
        text = it.path.read_text(encoding="utf-8")
        atomic_write(it.path, record.set_story_line(text, story))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        reporter.error(f"could not write its story ({exc}); fix the file or its folder's "
                       "permissions and run 'digest stories' again", file=it.relative)
        return False
    return True


def _tell(reporter: Reporter, report: RegroupReport) -> None:
    verb = "would move" if report.dry_run else "moved"
    for move in report.moves:
        reporter.info(f"{verb} {move.path}: {move.old or '(no story)'} -> {move.new}")
    stories = "1 story" if report.stories == 1 else f"{report.stories} stories"
    reporter.info(
        f"stories: {count(report.articles, 'article')} in {stories} "
        f"({report.multi} of two or more articles); {verb} {count(len(report.moves), 'article')}"
        f"; kept {count(report.hand_set, 'hand-set id')}"
        + (" (dry run: nothing written)" if report.dry_run else ""))
