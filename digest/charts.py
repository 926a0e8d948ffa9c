"""Inline SVG charts drawn at build time: weekly articles per topic, and per-topic sparklines.

People would rather glance at a picture of the last weeks than read counts, so
the home page carries a stacked bar chart (articles per topic per week, the 12
ISO weeks up to the latest issue) and each topic page a sparkline. They are
plain SVG strings: no JavaScript, nothing fetched, and the same input gives
the same bytes (integers and fixed-precision numbers only). Every chart has a
text alternative: ``role="img"`` with ``<title>`` and ``<desc>``, and the
home chart also a data table (see the ``_chart.html`` template).

Colours are fixed mid-tones that read on both the light and the dark page;
text and grid lines use ``currentColor``, so they follow the theme.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from digest.config import Topic
from digest.issues import Issue

WEEKS = 12
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1",
    "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#8c8c8c",
)

# Bar chart geometry, in viewBox units.
# Sized for the ~300 px column beside the issue, so 11-unit text stays ~11 px there.
WIDTH, HEIGHT = 300, 150
LEFT, RIGHT, TOP, BOTTOM = 24, 4, 8, 20
# Sparkline geometry.
SPARK_W, SPARK_H, SPARK_PAD = 120, 28, 3


@dataclass(frozen=True)
class Series:
    """One topic's counts over the chart's weeks, oldest first."""

    topic: Topic
    color: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class WeeklyCounts:
    """Articles per topic per week for the last ``WEEKS`` ISO weeks up to the latest issue."""

    weeks: tuple[str, ...]  # "2023-W33", oldest first; weeks without an issue included
    series: tuple[Series, ...]  # one per topic, in the site's topic order
    issues: frozenset[str]  # the weeks that have an issue page

    def total(self, index: int) -> int:
        return sum(s.counts[index] for s in self.series)

    @property
    def peak(self) -> int:
        return max((self.total(i) for i in range(len(self.weeks))), default=0)


def color(index: int) -> str:
    """The colour of the topic at ``index`` in the site's topic order."""
    return PALETTE[index % len(PALETTE)]


def week_ids(last: str, count: int = WEEKS) -> tuple[str, ...]:
    """The ``count`` ISO week ids ending with ``last``, oldest first (year boundaries included)."""
    year, week = last.split("-W")
    monday = dt.date.fromisocalendar(int(year), int(week), 1)
    ids = []
    for back in range(count - 1, -1, -1):
        y, w, _ = (monday - dt.timedelta(weeks=back)).isocalendar()
        ids.append(f"{y}-W{w:02d}")
    return tuple(ids)


def weekly_counts(issues: Sequence[Issue], topics: Sequence[Topic],
                  weeks: int = WEEKS) -> WeeklyCounts | None:
    """Counts for the chart; None when there is no issue yet (no chart is drawn)."""
    if not issues:
        return None
    ids = week_ids(issues[-1].id, weeks)
    position = {w: i for i, w in enumerate(ids)}
    table = {t.slug: [0] * len(ids) for t in topics}
    for issue in issues:
        i = position.get(issue.id)
        if i is None:
            continue
        for section in issue.sections:
            if section.topic.slug in table:
                table[section.topic.slug][i] += len(section.articles)
    series = tuple(Series(t, color(n), tuple(table[t.slug])) for n, t in enumerate(topics))
    return WeeklyCounts(ids, series, frozenset(i.id for i in issues))


def _ticks(peak: int) -> list[int]:
    """Up to three round grid values (0 included) that cover ``peak``."""
    if peak <= 0:
        return [0]
    if peak <= 4:
        step = 2 if peak > 2 else 1
        return list(range(0, peak + step, step))
    step = peak / 2
    magnitude = 10 ** (len(str(int(step))) - 1)
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= step)
    step = int(step) if step >= 1 else 1
    return [0, step, 2 * step] if 2 * step >= peak else [0, step, 2 * step, 3 * step]


def _describe(data: WeeklyCounts) -> str:
    totals = [data.total(i) for i in range(len(data.weeks))]
    busiest = max(range(len(totals)), key=lambda i: (totals[i], i))
    leaders = sorted((s for s in data.series if s.total), key=lambda s: -s.total)[:3]
    lead = ", ".join(f"{s.topic.title} {s.total}" for s in leaders)
    return (
        f"Stacked bars, one per week from {data.weeks[0]} to {data.weeks[-1]}: "
        f"{sum(totals)} articles in all, most in {data.weeks[busiest]} ({totals[busiest]}). "
        f"Largest topics: {lead or 'none'}."
    )


def bar_chart(data: WeeklyCounts, chart_id: str = "weekly-chart") -> str:
    """The home page's stacked bar chart as an inline ``<svg>`` string."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    ticks = _ticks(data.peak)
    top = max(ticks[-1], 1)
    slot = plot_w / len(data.weeks)
    bar = slot * 0.68
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">Articles per topic per week, last {len(data.weeks)} '
        f"weeks</title>",
        f'<desc id="{chart_id}-d">{escape(_describe(data))}</desc>',
        '<g class="grid">',
    ]
    for tick in ticks:
        y = TOP + plot_h - plot_h * tick / top
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text x="{LEFT - 5}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    parts.append("</g>")
    for i, week in enumerate(data.weeks):
        x = LEFT + slot * i + (slot - bar) / 2
        y = TOP + plot_h
        parts.append("<g>")
        for s in data.series:
            n = s.counts[i]
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{s.color}"><title>{week} · {escape(s.topic.title)}: {n}</title></rect>'
            )
        label = week.split("-W")[1]
        weight = ' font-weight="700"' if i == len(data.weeks) - 1 else ""
        parts.append(f'<text class="axis" x="{x + bar / 2:.1f}" y="{HEIGHT - 6}" '
                     f'text-anchor="middle"{weight}>{label}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def sparkline(series: Series, weeks: Sequence[str], peak: int | None = None) -> str:
    """A topic's weekly counts as a small line with its last point marked."""
    counts = series.counts
    top = max(peak if peak is not None else max(counts, default=0), 1)
    step = (SPARK_W - 2 * SPARK_PAD) / max(len(counts) - 1, 1)
    low = SPARK_H - SPARK_PAD
    points = [(SPARK_PAD + step * i, low - (low - SPARK_PAD) * n / top)
              for i, n in enumerate(counts)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    area = f"{SPARK_PAD},{low} {line} {points[-1][0]:.1f},{low}"
    last_x, last_y = points[-1]
    title = escape(f"{series.topic.title}: articles per week, {weeks[0]} to {weeks[-1]}")
    desc = escape(", ".join(str(n) for n in counts) + f"; {counts[-1]} in {weeks[-1]}")
    slug = escape(series.topic.slug)
    return (
        f'<svg class="spark" viewBox="0 0 {SPARK_W} {SPARK_H}" role="img" '
        f'aria-labelledby="spark-{slug}-t spark-{slug}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="spark-{slug}-t">{title}</title><desc id="spark-{slug}-d">{desc}</desc>'
        f'<polygon points="{area}" fill="{series.color}" fill-opacity="0.18"/>'
        f'<polyline points="{line}" fill="none" stroke="{series.color}" stroke-width="2" '
        f'stroke-linejoin="round" stroke-linecap="round"/>'
        f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="2.8" fill="{series.color}"/></svg>'
    )


@dataclass(frozen=True)
class SiteCharts:
    """What the templates get as ``site.charts``: ready SVG strings and the data behind them."""

    data: WeeklyCounts | None
    weekly: str  # the home page's bar chart ("" when there is no issue)
    sparklines: dict[str, str]  # topic slug -> sparkline SVG
    colors: dict[str, str]  # topic slug -> the topic's colour in every chart and legend

    def series(self, slug: str) -> Series | None:
        if self.data is None:
            return None
        return next((s for s in self.data.series if s.topic.slug == slug), None)


def site_charts(issues: Sequence[Issue], topics: Sequence[Topic]) -> SiteCharts:
    """Every chart of the site, computed once per build."""
    data = weekly_counts(issues, topics)
    if data is None:
        return SiteCharts(None, "", {}, {})
    sparks = {s.topic.slug: sparkline(s, data.weeks) for s in data.series}
    colors = {s.topic.slug: s.color for s in data.series}
    return SiteCharts(data, bar_chart(data), sparks, colors)
