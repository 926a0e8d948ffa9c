"""Weekly issues: the stories of one ISO week, in topic sections.

An issue is what the home page and ``/weeks/<id>/`` show. Sections follow the
order of ``topics`` in digest.yaml, then any other topic alphabetically. Each
story sits once, in its topic's section, with that week's articles of it
(:mod:`digest.stories`); stories in a section are newest first, ties by guid,
which for single-article stories is the articles' old order (newest first, id).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from dataclasses import dataclass, field

from digest import urls
from digest.config import Config, Topic
from digest.content import CHRONOLOGICAL, Article
from digest.stories import Entry, Story, entry
from digest.stories import newest_first as stories_newest_first


@dataclass
class Section:
    topic: Topic
    articles: list[Article]  # of the section's stories, newest first
    stories: list[Entry] = field(default_factory=list)  # each story once, newest first


@dataclass
class Issue:
    id: str  # "2023-W33"
    sections: list[Section]
    previous: Issue | None = None
    next: Issue | None = None

    @property
    def path(self) -> str:
        return urls.week(self.id)

    @property
    def articles(self) -> list[Article]:
        return [a for s in self.sections for a in s.articles]

    @property
    def count(self) -> int:
        return sum(len(s.articles) for s in self.sections)

    @property
    def story_count(self) -> int:
        """Stories in this issue (each once); equals ``count`` when no article shares one."""
        return sum(len(s.stories) for s in self.sections)

    @property
    def monday(self) -> dt.date:
        year, week = self.id.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    @property
    def newest(self) -> dt.datetime:
        """The newest article's date (the first of equal ones, as ``max`` of the dates gives;
        compared as timestamps: asking two zones for their offsets costs more)."""
        return max(self.articles, key=_STAMP).date


_STAMP = operator.attrgetter("stamp")


def topic_order(config: Config, slugs: set[str]) -> list[Topic]:
    """Configured topics first in their order, then the others alphabetically."""
    configured = [t for t in config.topics if t.slug in slugs]
    known = {t.slug for t in configured}
    return configured + [config.topic(s) for s in sorted(slugs - known)]


def newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=CHRONOLOGICAL, reverse=True)


def build_issues(stories: list[Story], config: Config) -> list[Issue]:
    """All issues, oldest first, linked to their neighbours.

    ``stories`` are :func:`digest.stories.group` of the articles, grouped once per build.
    A story is in the issue of each week it has articles in, with that week's articles.
    """
    by_week: dict[str, dict[Story, list[Article]]] = defaultdict(dict)
    for story in stories:
        if len(story.articles) == 1:  # most stories: the story's own list, whole, as is
            by_week[story.articles[0].week][story] = story.articles
            continue
        for a in story.articles:
            by_week[a.week].setdefault(story, []).append(a)
    issues = []
    for week_id in sorted(by_week):
        by_topic: dict[str, list[Entry]] = defaultdict(list)
        for story, shown in by_week[week_id].items():
            whole = len(shown) == len(story.articles)  # then the story's own lead
            by_topic[story.topic].append(
                entry(story, story.articles if whole else shown, config.language))
        sections = []
        for t in topic_order(config, set(by_topic)):
            entries = stories_newest_first(by_topic[t.slug])
            shown = [e.lead for e in entries] if all(len(e.articles) == 1 for e in entries) \
                else newest_first([a for e in entries for a in e.articles])  # singles: sorted
            sections.append(Section(t, shown, entries))
        issues.append(Issue(week_id, sections))
    for older, newer in zip(issues, issues[1:], strict=False):
        older.next, newer.previous = newer, older
    return issues


def by_topic(articles: list[Article], config: Config) -> list[tuple[Topic, list[Article]]]:
    """Each topic with its articles, newest first; ``articles`` are oldest first, as
    :func:`digest.store.read` gives them (ids are unique, so reversed is newest first)."""
    groups: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        groups[a.topic].append(a)
    return [(t, groups[t.slug][::-1]) for t in topic_order(config, set(groups))]


def story_topics(stories: list[Story], config: Config) -> dict[str, list[Entry]]:
    """Each topic's stories (whole), newest first: a story is listed under its topic only."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for story in stories:
        groups[story.topic].append(entry(story, story.articles, config.language))
    return {slug: stories_newest_first(items) for slug, items in groups.items()}
