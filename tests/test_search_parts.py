"""The index's parts: periods of the archive of bounded size, stable when articles are added."""

from __future__ import annotations

import datetime as dt

from digest.content import Article
from digest.search_parts import plan

UTC = dt.UTC


def _article(slug: str, day: dt.date, topic: str = "war") -> Article:
    year, week, _ = day.isocalendar()
    date = dt.datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
    return Article(file=f"content/{topic}/{slug}.md", topic=topic, week=f"{year}-W{week:02d}",
                   slug=slug, title=slug, date=date, body="", id=slug, fingerprint=slug)


def _year(year: int, per_week: int) -> list[Article]:
    start = dt.date.fromisocalendar(year, 1, 1)
    return [_article(f"a{year}-{w}-{i}", start + dt.timedelta(weeks=w, days=i % 7))
            for w in range(52) for i in range(per_week)]


def _names(parts) -> list[str]:
    return [p.name for p in parts]


def test_a_small_archive_is_one_part_per_year():
    articles = _year(2022, 1) + _year(2023, 2)
    parts = plan(articles, limit=200)
    assert _names(parts) == ["2022", "2023"]
    assert [len(p.pages) for p in parts] == [52, 104]


def test_a_large_year_splits_into_quarters_then_weeks_then_days_then_hashes():
    assert _names(plan(_year(2023, 3), limit=50)) == [f"2023-Q{q}" for q in (1, 2, 3, 4)]
    weeks = plan(_year(2023, 3), limit=20)
    assert _names(weeks)[:2] == ["2023-W01", "2023-W02"] and len(weeks) == 52
    busy = [_article(f"d{i}", dt.date(2023, 8, 14 + i % 2)) for i in range(30)]
    assert _names(plan(busy, limit=20)) == ["2023-W33-1", "2023-W33-2"]
    crowded = [_article(f"c{i}", dt.date(2023, 8, 14)) for i in range(50)]
    hashed = plan(crowded, limit=20)
    assert all(p.name.startswith("2023-W33-1-h") for p in hashed)
    assert sum(len(p.pages) for p in hashed) == 50


def test_no_part_exceeds_the_limit_and_every_article_is_in_exactly_one():
    articles = _year(2022, 2) + _year(2023, 9) + [_article(f"x{i}", dt.date(2023, 3, 1))
                                                  for i in range(120)]
    parts = plan(articles, limit=40)
    assert max(len(p.pages) for p in parts) <= 40
    paths = [path for p in parts for path, _ in p.pages]
    assert sorted(paths) == sorted(a.path for a in articles)


def test_adding_articles_to_one_week_keeps_every_other_part_and_its_key():
    articles = _year(2023, 3)
    before = {p.name: p.key("build") for p in plan(articles, limit=20)}
    later = articles + [_article(f"new{i}", dt.date(2023, 8, 16)) for i in range(30)]
    after = {p.name: p.key("build") for p in plan(later, limit=20)}
    changed = {n for n in before.keys() | after.keys() if before.get(n) != after.get(n)}
    assert changed and all(n.startswith("2023-W33") for n in changed)


def test_an_edited_article_changes_its_part_key_only():
    articles = _year(2023, 1)
    before = {p.name: p.key("build") for p in plan(articles, limit=13)}
    articles[20].fingerprint = "edited"
    after = {p.name: p.key("build") for p in plan(articles, limit=13)}
    assert [n for n in before if before[n] != after[n]] == ["2023-Q2"]


def test_each_period_is_split_only_as_far_as_it_must_be():
    """A year too large for one part: a quarter that fits stays whole, the others split into
    weeks, and only a week too large splits into its days."""
    start = dt.date.fromisocalendar(2023, 1, 1)
    quiet = [_article(f"q{i}", start + dt.timedelta(weeks=i % 13)) for i in range(10)]
    second = dt.date.fromisocalendar(2023, 14, 1)
    weeks = [_article(f"w{w}-{i}", second + dt.timedelta(weeks=w)) for w in range(13)
             for i in range(3)]
    busy = dt.date.fromisocalendar(2023, 20, 1)
    days = [_article(f"d{i}", busy + dt.timedelta(days=i % 3)) for i in range(30)]
    parts = plan(quiet + weeks + days, limit=20)
    names = _names(parts)
    assert names[0] == "2023-Q1" and len(parts[0].pages) == 10
    assert "2023-W14" in names and "2023-W20" not in names
    assert [n for n in names if n.startswith("2023-W20-")] == ["2023-W20-1", "2023-W20-2",
                                                               "2023-W20-3"]
    assert sum(len(p.pages) for p in parts) == 10 + 39 + 30
