"""Weekly issues: the articles of one ISO week, in topic sections.

An issue is what the home page and ``/weeks/<id>/`` show. Sections follow the
order of ``topics`` in digest.yaml, then any other topic alphabetically;
articles in a section are newest first with the id as tie-break.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from digest import urls
from digest.config import Config, Topic
from digest.content import CHRONOLOGICAL, Article


@dataclass
class Section:
    topic: Topic
    articles: list[Article]


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
    def monday(self) -> dt.date:
        year, week = self.id.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    @property
    def newest(self) -> dt.datetime:
        return max(a.date for a in self.articles)


def topic_order(config: Config, slugs: set[str]) -> list[Topic]:
    """Configured topics first in their order, then the others alphabetically."""
    configured = [t for t in config.topics if t.slug in slugs]
    known = {t.slug for t in configured}
    return configured + [config.topic(s) for s in sorted(slugs - known)]


def newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=CHRONOLOGICAL, reverse=True)


def build_issues(articles: list[Article], config: Config) -> list[Issue]:
    """All issues, oldest first, linked to their neighbours."""
    by_week: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_week[a.week].append(a)
    issues = []
    for week_id in sorted(by_week):
        week_articles = by_week[week_id]
        by_topic: dict[str, list[Article]] = defaultdict(list)
        for a in week_articles:
            by_topic[a.topic].append(a)
        sections = [
            Section(t, newest_first(by_topic[t.slug])) for t in topic_order(config, set(by_topic))
        ]
        issues.append(Issue(week_id, sections))
    for older, newer in zip(issues, issues[1:], strict=False):
        older.next, newer.previous = newer, older
    return issues


def by_topic(articles: list[Article], config: Config) -> list[tuple[Topic, list[Article]]]:
    """Each topic with its articles, newest first."""
    groups: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        groups[a.topic].append(a)
    return [(t, newest_first(groups[t.slug])) for t in topic_order(config, set(groups))]
