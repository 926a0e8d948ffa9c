"""Generate N synthetic news articles in digest's content format, deterministically.

The scale benchmark needs a corpus of any size that looks like the real store:
front matter as DESIGN.md describes it, bodies of 500-900 words with the Markdown
constructs a cleaned news page has (paragraphs, a quote, a list, links, emphasis,
now and then a table), spread over the 52 ISO weeks of 2023 and 8 topics.

All text comes from the fixed vocabulary below (no external text), and every
choice comes from one seeded ``random.Random``, so the same ``n`` and ``seed``
give byte-identical files. Articles are written as they are made (only the set of
used paths is kept), so 100,000 articles fit in a few dozen MB.

The same articles can be written in two other layouts for the comparison builds:
``flavor="hugo"`` adds the ``weeks``/``topics`` taxonomy keys Hugo needs to build
weekly and topic pages, ``flavor="pelican"`` writes Pelican's ``Key: value``
metadata header instead of YAML.

With ``stories=SHARE`` (``--stories``), that share of the articles carry a ``story:`` id
shared with other articles of the same day (about three a story, as ingest would group
reports of one event), so a build makes story pages, coverage lines and one feed item a
story as it does for a real digest. The ids come from an RNG of their own: the articles
themselves are the same with or without stories.

    python benchmarks/generate.py OUT --n 10000 [--seed 0] [--flavor digest] [--stories 0.4]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import re
import sys
import time
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TIMEZONE = "Europe/Kyiv"
BASE_URL = "https://example.github.io/digest/"
YEAR = 2023  # 2023-01-02 is Monday of ISO week 1; 2023-12-31 is Sunday of week 52
WEEKS = 52
FLAVORS = ("digest", "hugo", "pelican")

TOPICS: tuple[tuple[str, str], ...] = (
    ("diplomacy", "Diplomacy"),
    ("defence", "Defence and security"),
    ("economy", "Economy"),
    ("energy", "Energy"),
    ("politics", "Politics"),
    ("society", "Society"),
    ("technology", "Technology"),
    ("culture", "Culture"),
)

# Invented outlets, so the corpus cannot be mistaken for real reporting.
OUTLETS: tuple[tuple[str, str], ...] = (
    ("Kyiv Ledger", "kyivledger.example"),
    ("Dnipro Herald", "dniproherald.example"),
    ("Lviv Morning Post", "lvivpost.example"),
    ("Black Sea Wire", "blackseawire.example"),
    ("Eastern Courier", "easterncourier.example"),
    ("Carpathian Review", "carpathianreview.example"),
    ("Odesa Daily Bulletin", "odesabulletin.example"),
    ("Continental Dispatch", "continentaldispatch.example"),
    ("Harbour Street Journal", "harbourstreet.example"),
    ("Northern Observer", "northernobserver.example"),
    ("Steppe Gazette", "steppegazette.example"),
    ("Capital Newsroom", "capitalnewsroom.example"),
)

PEOPLE: tuple[str, ...] = (
    "Olena Marchenko", "Taras Hrytsenko", "Iryna Bondar", "Mykola Savchuk", "Anna Kovalenko",
    "Petro Lysenko", "Daria Melnyk", "Andriy Tkachenko", "Sofia Romanenko", "Yurii Kravets",
    "Martin Keller", "Claire Dubois", "James Whitfield", "Ewa Nowak", "Lukas Berger",
    "Ingrid Halvorsen", "Marco Bellini", "Helena Costa", "Tomas Novak", "Ruth Adler",
)

ROLES: tuple[str, ...] = (
    "the foreign minister", "a deputy prime minister", "the head of the regional administration",
    "a spokesperson for the ministry", "the chair of the parliamentary committee",
    "an economist at a Kyiv think tank", "the mayor", "a senior energy official",
    "the director of the national agency", "an adviser to the government",
)

SUBJECTS: tuple[str, ...] = (
    "Government", "Parliament", "Ministry", "Regional council", "Central bank", "Grid operator",
    "Delegation", "Coalition partners", "City council", "Border service", "Energy regulator",
    "Defence ministry", "Trade mission", "Donor conference", "Rail operator", "Court",
    "Statistics office", "Health ministry", "Port authority", "Research institute",
)

VERBS: tuple[str, ...] = (
    "approves", "announces", "rejects", "expands", "signs", "delays", "reviews", "backs",
    "launches", "extends", "suspends", "unveils", "debates", "secures", "doubles", "cuts",
)

OBJECTS: tuple[str, ...] = (
    "reconstruction plan", "grain corridor deal", "budget amendment", "winter energy package",
    "air defence funding", "sanctions list", "housing programme", "export quotas",
    "digital services law", "power line repairs", "loan guarantee", "school repair fund",
    "border crossing upgrade", "cultural heritage register", "drone production contract",
    "pension indexation", "anti-corruption reform", "refugee support scheme",
    "broadband rollout", "fuel price cap",
)

QUALIFIERS: tuple[str, ...] = (
    "after talks in Brussels", "ahead of winter", "for frontline regions", "despite objections",
    "with EU partners", "in second reading", "for small businesses", "amid power outages",
    "for the coming year", "after a public consultation", "under new rules",
    "in western regions", "with donor support", "for displaced families", "at record pace",
)

PLACES: tuple[str, ...] = (
    "Kyiv", "Lviv", "Odesa", "Kharkiv", "Dnipro", "Zaporizhzhia", "Vinnytsia", "Chernihiv",
    "Poltava", "Mykolaiv", "Brussels", "Warsaw", "Berlin", "Vilnius", "Chisinau", "Geneva",
)

TAGS: tuple[str, ...] = (
    "sanctions", "reconstruction", "energy-grid", "eu-accession", "budget", "agriculture",
    "exports", "air-defence", "humanitarian-aid", "reforms", "corruption", "education",
    "healthcare", "infrastructure", "culture", "technology", "banking", "housing",
    "transport", "elections", "refugees", "labour-market", "nato", "trade",
)

_WORD_TEXT = """
    the a of to in and for on with that by from at as is was will would has have had
    be been are were said says according officials government ministry minister plan
    programme support funding budget reform law draft parliament committee vote session
    region regional city residents families schools hospitals roads bridges power grid
    energy supply outages repairs winter heating gas electricity prices tariffs inflation
    economy growth exports imports grain harbour port shipments corridor partners allies
    donors loan grant billion million hryvnia euros dollars percent year month week
    quarter forecast data survey report analysts experts observers critics opposition
    coalition agreement talks meeting summit delegation visit statement decision
    proposal amendment deadline timetable procedure review audit oversight transparency
    agency office council court ruling appeal case investigation prosecutors police
    border crossing checkpoint trade customs transport rail trains freight airport
    military defence security drones equipment production factories contracts workers
    wages jobs employment pensions benefits housing reconstruction damaged destroyed
    rebuilt restored modernised expanded launched approved adopted signed announced
    confirmed expected planned proposed discussed delayed postponed extended
    continued increased reduced remained reached exceeded public private local national
    international european new first second third largest several many most other
    additional further key important major significant recent current previous next
    early late long short quickly slowly fully partly again also still already only
    however meanwhile therefore although while because since after before during
"""
WORDS: tuple[str, ...] = tuple(_WORD_TEXT.split())

_SAFE_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ,.()'/:-]*$")


@dataclass(frozen=True)
class Article:
    """One generated article: what every flavor needs to write it out."""

    topic: str
    week: str  # "2023-W07"
    slug: str
    title: str
    date: dt.datetime  # aware, Europe/Kyiv
    source: str
    source_url: str
    author: str | None
    summary: str
    tags: tuple[str, ...]
    attribution: str
    id: str
    body: str
    story: str | None = None

    @property
    def relpath(self) -> str:
        return f"{self.topic}/{self.week}/{self.slug}.md"


class _Writer:
    """Builds one article's text from a shared seeded RNG (all randomness lives here)."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.tz = zoneinfo.ZoneInfo(TIMEZONE)
        self.start = dt.date.fromisocalendar(YEAR, 1, 1)

    def words(self, k: int) -> list[str]:
        return self.rng.choices(WORDS, k=k)

    def sentence(self, low: int = 9, high: int = 22) -> str:
        words = self.words(self.rng.randint(low, high))
        r = self.rng.random()
        if r < 0.08:
            i = self.rng.randrange(len(words))
            words[i] = f"*{words[i]}*"
        elif r < 0.12:
            i = self.rng.randrange(len(words))
            words[i] = f"**{words[i]}**"
        elif r < 0.17:
            words.insert(self.rng.randrange(len(words)), f"in {self.rng.choice(PLACES)}")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def link(self, domain: str) -> str:
        label = " ".join(self.words(self.rng.randint(2, 4)))
        path = "-".join(self.words(3))
        return f"[{label}](https://{domain}/news/{path}-{self.rng.randrange(10**6)}.html)"

    def paragraph(self, domain: str) -> str:
        sentences = [self.sentence() for _ in range(self.rng.randint(3, 6))]
        if self.rng.random() < 0.35:
            i = self.rng.randrange(len(sentences))
            sentences[i] = sentences[i][:-1] + f", see {self.link(domain)}."
        return " ".join(sentences)

    def quote(self) -> str:
        person = self.rng.choice(PEOPLE)
        said = self.sentence(12, 24)[:-1]
        return f'> "{said}," said {person}, {self.rng.choice(ROLES)}.'

    def bullet_list(self) -> str:
        items = [self.sentence(5, 12)[:-1] for _ in range(self.rng.randint(3, 6))]
        return "\n".join(f"- {item}" for item in items)

    def table(self) -> str:
        rows = ["| Indicator | 2022 | 2023 | Change |", "| --- | ---: | ---: | ---: |"]
        for _ in range(self.rng.randint(3, 6)):
            name = " ".join(self.words(2)).capitalize()
            a, b = self.rng.randint(10, 999), self.rng.randint(10, 999)
            rows.append(f"| {name} | {a} | {b} | {(b - a) / a:+.1%} |")
        return "\n".join(rows)

    def body(self, domain: str, target_words: int) -> str:
        """Paragraphs up to about ``target_words``, with the extra blocks placed among them."""
        kinds = ["quote", "list", "heading"]
        if self.rng.random() < 0.25:
            kinds.append("table")
        self.rng.shuffle(kinds)
        extras = [self._extra(kind) for kind in kinds]
        count = sum(block.count(" ") + 1 for block in extras)
        paragraphs: list[str] = []
        while count < target_words or len(paragraphs) < 3:
            para = self.paragraph(domain)
            paragraphs.append(para)
            count += para.count(" ") + 1
        if not any("](" in para for para in paragraphs):  # every article links somewhere
            paragraphs[-1] += f" Read the full statement at {self.link(domain)}."
        blocks = paragraphs[:2]
        rest = paragraphs[2:]
        slots = sorted(self.rng.randrange(len(rest) + 1) for _ in extras)
        for i, para in enumerate(rest):
            while slots and slots[0] == i:
                slots.pop(0)
                blocks.append(extras.pop())
            blocks.append(para)
        blocks.extend(reversed(extras))
        return "\n\n".join(blocks)

    def _extra(self, kind: str) -> str:
        if kind == "quote":
            return self.quote()
        if kind == "list":
            return self.bullet_list()
        if kind == "table":
            return self.table()
        return "## " + " ".join(self.words(self.rng.randint(2, 4))).capitalize()

    def date(self) -> dt.datetime:
        day = self.start + dt.timedelta(days=self.rng.randrange(WEEKS * 7))
        # 06:00-22:59 local: clear of the 03:00/04:00 daylight-saving switch.
        when = dt.time(self.rng.randint(6, 22), self.rng.randrange(60))
        return dt.datetime.combine(day, when, tzinfo=self.tz)

    def article(self, used: set[str]) -> Article:
        topic = self.rng.choice(TOPICS)[0]
        date = self.date()
        iso = date.isocalendar()
        week = f"{iso.year}-W{iso.week:02d}"
        title = (
            f"{self.rng.choice(SUBJECTS)} {self.rng.choice(VERBS)} "
            f"{self.rng.choice(OBJECTS)} {self.rng.choice(QUALIFIERS)}"
        )
        slug = _unique(used, topic, week, _slugify(title))
        outlet, domain = self.rng.choice(OUTLETS)
        person = self.rng.choice(PEOPLE)
        summary = self.sentence(18, 30)
        tags = tuple(sorted(self.rng.sample(TAGS, self.rng.randint(1, 4))))
        return Article(
            topic=topic,
            week=week,
            slug=slug,
            title=title,
            date=date,
            source=outlet,
            source_url=f"https://{domain}/news/{slug}-{self.rng.randrange(10**7)}.html",
            author=self.rng.choice(PEOPLE) if self.rng.random() < 0.6 else None,
            summary=summary,
            tags=tags,
            attribution=f"{person}, {self.rng.choice(ROLES)}",
            id=f"urn:digest:{self.rng.getrandbits(64):016x}",
            body=self.body(domain, self.rng.randint(500, 770)),
        )


def _slugify(title: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", title.lower()).split()
    return "-".join(words[:9])


def _unique(used: set[str], topic: str, week: str, slug: str) -> str:
    """A slug not yet used in this topic/week folder (``-2``, ``-3`` ... on a clash)."""
    candidate, n = slug, 1
    while f"{topic}/{week}/{candidate}" in used:
        n += 1
        candidate = f"{slug}-{n}"
    used.add(f"{topic}/{week}/{candidate}")
    return candidate


STORY_SIZE = 3  # articles a generated story has on average


def articles(n: int, seed: int = 0, stories: float = 0.0) -> Iterator[Article]:
    """Yield ``n`` articles, one at a time, the same ones for the same ``seed``; with
    ``stories`` > 0 that share of them in stories (see the module's docstring)."""
    writer = _Writer(seed)
    picks = random.Random(f"stories-{seed}")
    per_day = max(1, round(stories * n / (WEEKS * 7) / STORY_SIZE))  # stories a day
    used: set[str] = set()
    for _ in range(n):
        article = writer.article(used)
        if stories > 0 and picks.random() < stories:
            day = article.date.date().isoformat()
            article = dataclasses.replace(article, story=f"{day}-event-{picks.randrange(per_day)}")
        yield article


def _yaml_str(value: str) -> str:
    """A YAML scalar for ``value``: plain when unambiguous, else JSON-quoted (valid YAML)."""
    if _SAFE_PLAIN.match(value) and not value.endswith(":") and ": " not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def to_markdown(article: Article, flavor: str = "digest") -> str:
    """The file text of ``article`` in the given flavor's front matter style."""
    if flavor == "pelican":
        return _pelican(article)
    a = article
    lines = [
        "---",
        f"title: {_yaml_str(a.title)}",
        f"date: {a.date.isoformat()}",
        f"topic: {a.topic}",
        f"source: {_yaml_str(a.source)}",
        f"source_url: {a.source_url}",
    ]
    if a.author:
        lines.append(f"author: {_yaml_str(a.author)}")
    lines += [
        "lang: en",
        f"summary: {_yaml_str(a.summary)}",
        f"tags: [{', '.join(a.tags)}]",
        f"attribution: {_yaml_str(a.attribution)}",
        "draft: false",
        f"id: {_yaml_str(a.id)}",
    ]
    if a.story:
        lines.append(f"story: {a.story}")
    if flavor == "hugo":  # taxonomy terms Hugo builds the weekly and topic pages from
        lines += [f"weeks: [{a.week}]", f"topics: [{a.topic}]"]
    lines += ["---", "", a.body, ""]
    return "\n".join(lines)


def _pelican(a: Article) -> str:
    """Pelican's Markdown metadata: the week is the tag, so tag pages are the weekly issues."""
    lines = [
        f"Title: {a.title}",
        f"Date: {a.date.isoformat()}",
        f"Category: {a.topic}",
        f"Tags: {a.week}",
        f"Slug: {a.slug}",
        f"Week: {a.week}",
        f"Summary: {a.summary}",
        f"Source: {a.source}",
        f"Keywords: {', '.join(a.tags)}",
    ]
    if a.author:
        lines.append(f"Authors: {a.author}")
    lines += ["", a.body, ""]
    return "\n".join(lines)


def config_yaml() -> str:
    """digest.yaml for the generated project."""
    lines = [
        "title: Synthetic news digest",
        "description: A generated corpus for digest's scale benchmark.",
        f"base_url: {BASE_URL}",
        "language: en",
        f"timezone: {TIMEZONE}",
        "topics:",
    ]
    for slug, title in TOPICS:
        lines += [f"  - slug: {slug}", f"    title: {title}"]
    return "\n".join(lines) + "\n"


def generate(root: Path, n: int, seed: int = 0, flavor: str = "digest",
             stories: float = 0.0) -> int:
    """Write ``n`` articles under ``root/content`` (and ``root/digest.yaml``); return n.

    Files are written as they are made; nothing but the used paths stays in memory.
    """
    if flavor not in FLAVORS:
        raise ValueError(f"unknown flavor {flavor!r}; choose one of {', '.join(FLAVORS)}")
    root = Path(root)
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    if flavor == "digest":
        (root / "digest.yaml").write_text(config_yaml(), encoding="utf-8")
    made: set[Path] = set()
    suffix = ".md"
    for article in articles(n, seed, stories):
        folder = content / article.topic / article.week
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        path = folder / (article.slug + suffix)
        path.write_text(to_markdown(article, flavor), encoding="utf-8")
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="project folder to write (content/, digest.yaml)")
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--flavor", choices=FLAVORS, default="digest")
    parser.add_argument("--stories", type=float, default=0.0, metavar="SHARE",
                        help="share of the articles in multi-article stories (default 0)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    generate(args.out, args.n, args.seed, args.flavor, args.stories)
    elapsed = time.perf_counter() - started
    sys.stderr.write(f"wrote {args.n} articles to {args.out / 'content'} in {elapsed:.1f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
