"""RSS 2.0, Atom and OPML: a pure function of the stories and issues.

Rules (see FEEDS.md): one item per story (:mod:`digest.stories`); items newest
first with the id as tie-break, capped at ``feed_limit`` and at a byte budget;
every date set explicitly (feedgen would use "now"); lastBuildDate/updated =
the newest item's date, so an unchanged digest gives byte-identical feeds
(stable ETags); every URL inside item HTML absolute, because feed readers
resolve relative ones inconsistently.

A story's item keeps the guid and the date of its *first* article (earliest,
ties by id): the guid is that article's ``id``, which never changes when URLs
do, and neither changes when more outlets cover the story, so no subscriber is
sent the same event twice and no reader re-sorts an item it has shown. The
item's ``updated`` is the newest change, its link the story page, its content
the lead article's, and it names the other outlets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from digest import __version__, urls
from digest.config import Config, Topic
from digest.content import CHRONOLOGICAL, Article
from digest.fingerprint import GROUP, RECORD, fingerprint

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator
from digest.issues import Issue, story_topics, topic_order
from digest.stories import Story, group

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_URL_ATTR = re.compile(r'(\s(?:href|src))="([^"]*)"')
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def xml_text(text: str | None) -> str:
    """Drop characters XML 1.0 forbids; one of them would make the whole feed unreadable."""
    return _XML_INVALID.sub("", text or "")


def rss_html(text: str | None) -> str:
    """Plain text for an RSS field that readers render as HTML (description; title in practice).

    RSS 2.0 never says whether title and description hold text or HTML, and most readers
    render them as HTML: a scraped '<' must still be '&lt;' once the XML layer is decoded,
    or a title could carry live script into a reader. Atom declares ``type="text"`` and
    gets the text as it is.
    """
    return escape(xml_text(text), quote=False)


def rss_title(text: str | None) -> str:
    """A title escaped for HTML-rendering readers only when it holds markup ('AT&T' stays)."""
    return rss_html(text) if "<" in (text or "") else xml_text(text)


def absolute_html(html: str, page_url: str) -> str:
    """Make every href/src in rendered HTML absolute against the page's URL."""
    return _URL_ATTR.sub(lambda m: f'{m.group(1)}="{urljoin(page_url, m.group(2))}"', html)


@dataclass(frozen=True)
class Item:
    """One feed item, whatever it stands for (an article or a weekly issue)."""

    id: str
    title: str
    url: str
    date: dt.datetime
    updated: dt.datetime
    summary: str
    html: str
    creator: str | None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    page_url: str
    rss_url: str
    atom_url: str
    json_url: str | None = None  # the site channel also has a JSON Feed (digest.jsonfeed)


def article_item(article: Article, site: urls.Site) -> Item:
    url = site.absolute(article.path)
    summary = article.summary or article.title
    html = absolute_html(article.html, url)
    if article.attribution:
        html += f"<p><em>{escape(article.attribution)}</em></p>"
    return Item(
        id=article.id, title=article.title, url=url, date=article.date,
        updated=article.updated or article.date, summary=summary, html=html,
        creator=article.author or article.source, categories=(article.topic, *article.tags),
    )


def story_item(story: Story, site: urls.Site) -> Item:
    """A story's item: the lead's content, the first article's guid and date (see above)."""
    item = article_item(story.lead, site)
    if not story.multi:
        return item
    others = story.others
    links = ", ".join(
        f'<a href="{escape(site.absolute(a.path))}">{escape(a.source or a.title)}</a>'
        + (f" ({escape(a.lang)})" if a.lang and a.lang != story.lead.lang else "")
        for a in others)
    names = list(dict.fromkeys(a.source or a.title for a in others))
    return dataclasses.replace(
        item, id=story.guid, url=site.absolute(story.path), date=story.first.date,
        updated=story.modified, summary=f"{item.summary} Also covered by: {', '.join(names)}.",
        html=f"{item.html}<p>Also covered by: {links}.</p>",
        categories=(story.topic, *story.lead.tags))


def issue_item(issue: Issue, site: urls.Site) -> Item:
    parts = []
    for section in issue.sections:
        parts.append(f"<h2>{escape(section.topic.title)}</h2><ul>")
        for e in section.stories:
            a = e.lead
            outlet = f" — {escape(a.source)}" if a.source else ""
            more = ""
            if e.story.multi:
                names = ", ".join(dict.fromkeys(escape(o.source or o.title) for o in e.others))
                more = f" (also: {names})" if names else ""
                href = site.absolute(e.story.path)
            else:
                href = site.absolute(a.path)
            parts.append(f'<li><a href="{escape(href)}">{escape(a.title)}</a>{outlet}{more}</li>')
        parts.append("</ul>")
    count = issue.story_count
    what = f"{issue.count} articles" if count == issue.count else \
        f"{count} stories from {issue.count} articles"
    return Item(
        id=f"urn:digest:issue:{issue.id}", title=f"Week {issue.id}: {what}",
        url=site.absolute(issue.path), date=issue.newest, updated=issue.newest,
        summary=f"{what} from {issue.monday} to {issue.sunday}",
        html="".join(parts), creator=None,
    )


def article_inputs(chosen: list[Article]) -> str:
    """What a feed item shows of articles depends on: each one's card key, as one text
    (the weekly issues feed names 100,000 articles at that scale)."""
    return RECORD.join([a.card_key for a in chosen])


def _stories_inputs(stories: list[Story]) -> str:
    """:func:`article_inputs` of each story, as one text (most stories have one article)."""
    return GROUP.join([s.lead.card_key if len(s.articles) == 1 else article_inputs(s.articles)
                       for s in stories])


def story_inputs(chosen: list[Story]) -> list[tuple[object, ...]]:
    """What a story's item shows depends on: every article of it (lead, others, dates)."""
    return [(s.key, s.topic, article_inputs(s.articles)) for s in chosen]


def latest(stories: Iterable[Story], limit: int) -> list[Story]:
    """The ``limit`` newest stories by first article (:attr:`Story.order`), before any feed
    item is built: items cost HTML rewriting. Fastest given roughly newest first: the heap
    is full after ``limit`` stories and every later one is a single comparison."""
    return heapq.nlargest(limit, stories, key=_ORDER)


_ORDER = operator.attrgetter("order")


def newest(items: Iterable[Item], limit: int) -> list[Item]:
    """Newest first, stable tie-break on id, capped."""
    return sorted(items, key=lambda i: (i.date, i.id), reverse=True)[:limit]


def _generator(channel: Channel, items: list[Item], config: Config, self_url: str,
               rss: bool) -> FeedGenerator:
    from feedgen.feed import FeedGenerator  # imported when a feed changed: 30 ms of a rebuild

    title, text = (rss_title, rss_html) if rss else (xml_text, xml_text)
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.id(channel.atom_url)
    fg.title(title(channel.title))
    fg.description(text(channel.description) or text(channel.title))
    fg.subtitle(text(channel.description) or text(channel.title))
    fg.link(href=self_url, rel="self")
    fg.link(href=channel.page_url, rel="alternate")  # last: feedgen uses it as RSS <link>
    fg.language(config.language)
    fg.author({"name": xml_text(config.title)})
    fg.generator("digest", version=__version__)
    fg.docs("https://www.rssboard.org/rss-specification")
    stamp = max((i.updated for i in items), default=EPOCH)
    fg.updated(stamp)
    fg.lastBuildDate(max((i.date for i in items), default=EPOCH))
    for item in items:
        fe = fg.add_entry(order="append")
        fe.id(item.id)
        fe.title(title(item.title))
        fe.link(href=item.url, rel="alternate")
        fe.published(item.date)
        fe.updated(item.updated)
        fe.description(text(item.summary))
        fe.content(xml_text(item.html), type="html")
        if item.creator:
            fe.author({"name": xml_text(item.creator)})
            fe.dc.dc_creator(xml_text(item.creator))
        for term in item.categories:
            fe.category(term=xml_text(term))
    return fg


def _render(channel: Channel, items: list[Item], config: Config) -> tuple[bytes, bytes]:
    """RSS and Atom bytes, dropping the oldest items until both fit the byte budget.

    A count of items whose HTML alone is over the budget is not rendered: the Atom
    file holds every item's HTML (escaped, so no shorter), so it could not fit. The
    weekly issues' items hold a whole week each (300 KB at 2,000 articles a week),
    and rendering every count on the way down took most of a rebuild's feed time.
    ``items`` may make its items when first asked (:class:`Made`): the items past
    the first whose HTML together is over the budget are never made.
    """
    budget = config.feed_max_bytes
    floor = [0]  # floor[n]: the least bytes the HTML of the first n items takes

    def over(n: int) -> bool:
        """Whether the first n items' HTML alone is over the budget."""
        while len(floor) <= n and floor[-1] <= budget:
            floor.append(floor[-1] + len(xml_text(items[len(floor) - 1].html)))
        return floor[min(n, len(floor) - 1)] > budget

    count = len(items)
    while True:
        if count > 1 and over(count):
            count = max(1, count * 3 // 4)
            continue
        chosen = list(items[:count])
        rss = _generator(channel, chosen, config, channel.rss_url, True).rss_str(pretty=True)
        atom = _generator(channel, chosen, config, channel.atom_url, False).atom_str(pretty=True)
        if max(len(rss), len(atom)) <= budget or count <= 1:
            return rss, atom
        count = max(1, count * 3 // 4)


class Made(Sequence[Item]):
    """``count`` items, each made by ``make(i)`` when first asked for, then kept."""

    def __init__(self, count: int, make: Callable[[int], Item]) -> None:
        self._count, self._make, self._made = count, make, []

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # type: ignore[override]
        stop = self._count if isinstance(index, slice) else index + 1
        if isinstance(index, slice):
            if index.step not in (None, 1) or (index.start or 0) < 0 or (
                    index.stop is not None and index.stop < 0):
                raise ValueError("only plain forward slices")
            stop = min(self._count, index.stop if index.stop is not None else self._count)
        elif not 0 <= index < self._count:
            raise IndexError(index)
        while len(self._made) < stop:
            self._made.append(self._make(len(self._made)))
        return self._made[index]


@dataclass(frozen=True)
class Feed:
    """One channel's RSS and Atom files, before any item is made.

    ``inputs`` names everything the files show (its stories' articles: ids, source
    files and paths); equal inputs give equal bytes, so a build may keep the old
    files (see :attr:`key`). ``shows``: the articles whose HTML the items carry.
    """

    channel: Channel
    rss: str  # site paths
    atom: str
    inputs: object
    shows: tuple[Article, ...]
    items: Callable[[], Sequence[Item]]

    @property
    def key(self) -> str:
        return fingerprint(self.channel, self.inputs)

    def render(self, config: Config) -> tuple[bytes, bytes]:
        """RSS and Atom bytes (the items' articles' HTML must be in ``Article.html``)."""
        return _render(self.channel, self.items(), config)


def channels(stories: list[Story] | list[Article], issues: list[Issue], config: Config,
             topics: list[tuple[Topic, list[Story]]] | None = None) -> list[Feed]:
    """Every RSS/Atom channel of the site: site-wide, weekly issues, then each topic.

    ``stories`` may be given as articles, which are grouped (:func:`digest.stories.group`).
    When ``topics`` is given, ``stories`` is read only for the site feed, so the newest
    ``feed_limit`` of them (:func:`latest`, as the build has them) will do.
    """
    stories = as_stories(stories, config)
    site = urls.Site(config.base_url)

    def story_feed(channel: Channel, chosen: list[Story], rss: str, atom: str) -> Feed:
        return Feed(channel, rss, atom, story_inputs(chosen), tuple(s.lead for s in chosen),
                    lambda: newest((story_item(s, site) for s in chosen), config.feed_limit))

    feeds = [story_feed(Channel(config.title, config.description, site.absolute(urls.HOME),
                                site.absolute(urls.FEED_RSS), site.absolute(urls.FEED_ATOM),
                                site.absolute(urls.FEED_JSON)),
                        latest(stories, config.feed_limit), urls.FEED_RSS, urls.FEED_ATOM)]
    chosen_issues = sorted(issues, key=lambda i: (i.newest, i.id), reverse=True)
    chosen_issues = chosen_issues[: config.feed_limit]
    feeds.append(Feed(
        Channel(f"{config.title}: weekly issues", f"Each weekly issue of {config.title}",
                site.absolute(urls.WEEKS), site.absolute(urls.WEEKS_FEED_RSS),
                site.absolute(urls.WEEKS_FEED_ATOM)),
        urls.WEEKS_FEED_RSS, urls.WEEKS_FEED_ATOM,
        # The files (a story's key and lead follow from its articles' front matter), per story:
        [(i.id, [(s.topic.slug, _stories_inputs([e.story for e in s.stories]))
                 for s in i.sections]) for i in chosen_issues],
        # Already newest first as newest() would sort their items (the item's date is the
        # issue's newest, its id the week's id after a fixed prefix), and no more than the
        # limit: each is made only if the byte budget could let it in (see _render).
        (), lambda: Made(len(chosen_issues), lambda n: issue_item(chosen_issues[n], site))))
    if topics is None:
        filed = story_topics(stories, config)
        topics = [(config.topic(slug), [e.story for e in filed[slug]])
                  for slug in (t.slug for t in topic_order(config, set(filed)))]
    for topic, items in topics:
        rss_path, atom_path = urls.topic_feed(topic.slug), urls.topic_feed(topic.slug, "atom")
        feeds.append(story_feed(Channel(f"{config.title}: {topic.title}",
                                        f"{topic.title} in {config.title}",
                                        site.absolute(urls.topic(topic.slug)),
                                        site.absolute(rss_path), site.absolute(atom_path)),
                                latest(items, config.feed_limit), rss_path, atom_path))
    return feeds


def build_feeds(stories: list[Story] | list[Article], issues: list[Issue], config: Config,
                topics: list[tuple[Topic, list[Story]]] | None = None) -> dict[str, bytes]:
    """Every feed file of the site by site path: each channel's RSS and Atom, and the OPML.

    A pure function of its arguments (the stories' articles carry their HTML).
    """
    out: dict[str, bytes] = {}
    feeds = channels(stories, issues, config, topics)
    for feed in feeds:
        out[feed.rss], out[feed.atom] = feed.render(config)
    out[urls.OPML] = opml(config, [feed.channel for feed in feeds])
    return out


def as_stories(items: list[Story] | list[Article], config: Config) -> list[Story]:
    """Stories as given, or the stories of articles (sorted oldest first here)."""
    if items and isinstance(items[0], Article):
        return group(sorted(items, key=CHRONOLOGICAL), config.language)  # type: ignore[arg-type]
    return items  # type: ignore[return-value]


_ATTR_BREAKS = str.maketrans({"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def quoteattr(value: str) -> str:
    """An XML attribute value in double quotes (xml.sax.saxutils imports urllib.request)."""
    return '"' + escape(value, quote=True).translate(_ATTR_BREAKS) + '"'


def opml(config: Config, channels: list[Channel]) -> bytes:
    """OPML 2.0 listing every feed, for importing all subscriptions at once."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{escape(xml_text(config.title))} feeds</title></head>",
        "  <body>",
    ]
    for c in channels:
        variants = [(c.title, c.rss_url, "rss"), (f"{c.title} (Atom)", c.atom_url, "atom")]
        if c.json_url:
            variants.append((f"{c.title} (JSON Feed)", c.json_url, "json"))
        for label, url, kind in variants:
            lines.append(
                f"    <outline type={quoteattr(kind)} text={quoteattr(xml_text(label))} "
                f"title={quoteattr(xml_text(label))} xmlUrl={quoteattr(url)} "
                f"htmlUrl={quoteattr(c.page_url)}/>"
            )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines).encode()
