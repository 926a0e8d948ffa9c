"""Stories: one news event told by several outlets, shown once.

Ingest writes ``story: <id>`` into each article's front matter; articles with the
same id are one story. An article without the key (hand-written, or from a store
older than stories) is a story of its own, and a story of one article looks
exactly as an article did before stories existed.

The rules, each deterministic (no set or dict order decides anything):

- **Lead**: the article shown for the story (issue and topic pages, feed item
  content). The first article in the digest's language, then the earliest, ties
  broken by id: a reader of an English digest reads the story in English when
  an outlet wrote it in English, and the earliest report is the one that broke
  the news, not a later rewrite.
- **First article**: the earliest (ties by id). Its ``id`` is the story's feed
  guid and its date the feed item's date, so neither moves as coverage grows.
- **Topic**: the topic most of its articles have; a tie goes to the lead's
  topic when it is among the tied, else to the first tied slug alphabetically.
- **Weeks**: a story appears in the issue of every ISO week it has articles in,
  with that week's articles (lead chosen among them by the same rule). So every
  article stays in the issue of its own week, as its page, the counts and the
  charts say, and a story that runs from Sunday into Monday is not hidden from
  the second week's readers. The coverage line and the story page tell the rest.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import Counter
from dataclasses import dataclass, field

from digest import urls
from digest.content import Article


def _primary(lang: str) -> str:
    return lang.split("-")[0].lower()


@dataclass(slots=True, eq=False)
class Story:
    """One event: its articles oldest first (date, then id), its lead and its topic."""

    key: str  # the front matter story id; for an article without one, its article id
    articles: list[Article]
    lead: Article
    topic: str
    named: bool  # the articles carry ``story: <key>``
    # (first date, guid): feeds sort by it. The date as a POSIX timestamp, as in
    # content.CHRONOLOGICAL: the same order, without asking two zones for their offsets
    # on every comparison (every cached date has a zone object of its own).
    order: tuple[float, str] = field(init=False)
    whole: tuple[str, Entry] | None = field(default=None, init=False, repr=False)  # see entry()

    def __post_init__(self) -> None:
        first = self.articles[0]
        self.order = (first.stamp, first.id)

    @property
    def id(self) -> str | None:
        """The story id as written in the front matter (None: an article on its own)."""
        return self.key if self.named else None

    @property
    def first(self) -> Article:
        return self.articles[0]

    @property
    def guid(self) -> str:
        """The feed guid: the first article's id, which later coverage never changes."""
        return self.articles[0].id

    @property
    def multi(self) -> bool:
        return len(self.articles) > 1

    @property
    def path(self) -> str:
        """The story page of a multi-article story, else the article page."""
        return urls.story(self.key) if self.multi else self.lead.path

    @property
    def others(self) -> list[Article]:
        return [a for a in self.articles if a is not self.lead]

    @property
    def modified(self) -> dt.datetime:
        return max(a.updated or a.date for a in self.articles)

    @property
    def weeks(self) -> list[str]:
        return sorted({a.week for a in self.articles})


@dataclass(slots=True, eq=False)
class Entry:
    """A story as one list shows it: the articles shown there and their lead.

    On a topic page that is the whole story; in a weekly issue, that week's articles.
    """

    story: Story
    articles: list[Article]  # oldest first
    lead: Article
    outlets: int  # distinct outlets among ``articles``
    languages: int  # distinct languages among ``articles``
    order: tuple[float, str] = field(init=False)  # (newest date shown, guid): lists sort by it

    def __post_init__(self) -> None:
        self.order = (self.articles[-1].stamp, self.story.order[1])

    @property
    def others(self) -> list[Article]:
        return [a for a in self.articles if a is not self.lead]

    @property
    def elsewhere(self) -> int:
        """Articles of the story not shown here (other weeks)."""
        return len(self.story.articles) - len(self.articles)


def lead_of(articles: list[Article], language: str) -> Article:
    """The first article in ``language``, else the earliest; ``articles`` are oldest first."""
    wanted = _primary(language)
    for a in articles:
        if _primary(a.lang or language) == wanted:
            return a
    return articles[0]


def topic_of(articles: list[Article], lead: Article) -> str:
    """The topic most articles have; ties: the lead's topic, then the first slug."""
    counts = Counter(a.topic for a in articles)
    best = max(counts.values())
    tied = sorted(t for t, n in counts.items() if n == best)
    return lead.topic if lead.topic in tied else tied[0]


def outlet_count(articles: list[Article]) -> int:
    """Distinct outlets; an article that names none counts as one of its own."""
    return len({a.source or f"\0{a.id}" for a in articles})


def language_count(articles: list[Article], language: str) -> int:
    return len({_primary(a.lang or language) for a in articles})


def entry(story: Story, articles: list[Article], language: str) -> Entry:
    """``story`` as shown with ``articles`` (oldest first, all of the story's or some).

    The whole story's entry is made once (its issue and its topic both list it), and
    the lists share it: nothing changes an entry once made."""
    whole = articles is story.articles
    if whole and story.whole is not None and story.whole[0] == language:
        return story.whole[1]
    if len(articles) == 1:
        made = Entry(story, articles, articles[0], 1, 1)
    else:
        lead = story.lead if whole else lead_of(articles, language)
        made = Entry(story, articles, lead, outlet_count(articles),
                     language_count(articles, language))
    if whole:
        story.whole = (language, made)
    return made


def group(articles: list[Article], language: str) -> list[Story]:
    """Every story of ``articles`` (sorted oldest first, as the store reads them), in the
    order of their first articles. One pass over the articles: no pair is ever compared."""
    members: dict[tuple[bool, str], list[Article]] = {}  # (named, key): a story id and an
    for a in articles:                                      # article id never mix
        key = (True, a.story) if a.story is not None else (False, a.id)
        items = members.get(key)  # not setdefault: a list made and dropped per article
        if items is None:
            members[key] = [a]
        else:
            items.append(a)
    stories = []
    for (named, key), items in members.items():
        if len(items) > 1:
            lead = lead_of(items, language)
            stories.append(Story(key, items, lead, topic_of(items, lead), named))
        else:
            stories.append(Story(key, items, items[0], items[0].topic, named))
    return stories


def newest_first(entries: list[Entry]) -> list[Entry]:
    """By the newest article shown, ties by the story's guid: singles sort as articles did."""
    return sorted(entries, key=_ORDER, reverse=True)


_ORDER = operator.attrgetter("order")
