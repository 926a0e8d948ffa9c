"""Dates as news pages print them, in English, Ukrainian and Russian.

Pages write "Wednesday, 16 August 2023, 09:27", "December 28, 2022 1:30 AM",
"August 19, 2023 — 01:31 am EDT", "06.09.2023, 10:07", "Суббота, 9 июля 2022, 00:45",
"22 декабря 202315:51" (date and time glued) or "Сер 3, 2023". :func:`find_date`
finds the first such date in a line, with the time printed next to it and an
explicit zone abbreviation when there is one; :func:`to_datetime` makes it aware,
in the zone the page states or else the outlet's zone (a wall-clock time on a
Kyiv site is Kyiv time, with the summer/winter offset zoneinfo knows).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

_MONTH_NAMES: dict[int, str] = {
    1: "january jan січень січня січ январь января янв",
    2: "february feb лютий лютого лют февраль февраля фев",
    3: "march mar березень березня бер март марта мар",
    4: "april apr квітень квітня кві квіт апрель апреля апр",
    5: "may травень травня тра трав май мая",
    6: "june jun червень червня чер черв июнь июня июн",
    7: "july jul липень липня лип июль июля июл",
    8: "august aug серпень серпня сер серп август августа авг",
    9: "september sept sep вересень вересня вер сентябрь сентября сен сент",
    10: "october oct жовтень жовтня жов жовт октябрь октября окт",
    11: "november nov листопад листопада лис лист ноябрь ноября ноя",
    12: "december dec грудень грудня гру груд декабрь декабря дек",
}
MONTHS: dict[str, int] = {n: m for m, names in _MONTH_NAMES.items() for n in names.split()}
_MONTH = "(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# Zone abbreviations news sites print after a time, with their UTC offsets in hours.
ZONES: dict[str, float] = {
    "utc": 0, "gmt": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
    "edt": -4, "est": -5, "cdt": -5, "cst": -6, "mdt": -6, "mst": -7, "pdt": -7, "pst": -8,
    "kst": 9, "jst": 9, "ist": 5.5,
}
_ZONE = r"(?:\s*(?P<zone>" + "|".join(ZONES) + r")\b)?"
_AMPM = r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?)(?![a-z]))?"
_TIME = r"(?<![\d:])(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?![\d:.]\d)" + _AMPM + _ZONE

_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_DATE_PATTERNS = [
    re.compile(r"(?<!\d)" + _YEAR + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<![\w])" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR, re.I),
    re.compile(r"(?<![\w])" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),
    re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)[./-](?P<m>[01]?\d)[./-]" + _YEAR, re.I),
]
_TIME_RE = re.compile(_TIME, re.I)
_GLUED_TIME_RE = re.compile(_TIME.removeprefix(r"(?<![\d:])"), re.I)  # "202315:51"
_NEAR = 30  # characters between a date and its time


@dataclass(frozen=True)
class Found:
    """A date found in text; ``time`` and ``offset`` only when the text shows them."""

    date: dt.date
    time: dt.time | None
    offset: dt.timezone | None
    start: int
    end: int


def find_date(text: str) -> Found | None:
    """The earliest full date (day, month, year) in ``text``, with its time if printed."""
    best: tuple[int, dt.date, re.Match[str]] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            day = _to_date(m)
            if day is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), day, m)
                break
    if best is None:
        return None
    _, day, m = best
    time, offset, start, end = _time_near(text, m.start(), m.end())
    return Found(day, time, offset, min(start, m.start()), max(end, m.end()))


def _to_date(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    month = MONTHS.get(groups["mon"].lower()) if groups.get("mon") else int(groups["m"])
    day, year = int(groups["d"]), int(groups["y"])
    if month and month > 12 and day <= 12:  # US order 08/22/2023
        month, day = day, month
    try:
        return dt.date(year, month or 0, day)
    except ValueError:
        return None


def _time_near(text: str, start: int, end: int) -> tuple[dt.time | None, dt.timezone | None,
                                                          int, int]:
    after = _GLUED_TIME_RE.match(text, end) or _TIME_RE.search(text, end, end + _NEAR)
    if after and re.fullmatch(r"[\s,|—–\-]*(?:at|о|в|um|à|,)?[\s,|—–\-]*",
                              text[end:after.start()], re.I):
        return (*_time_of(after), start, after.end())
    before = None
    for m in _TIME_RE.finditer(text, max(0, start - _NEAR), start):
        before = m
    if before and re.fullmatch(r"[\s,|—–\-]*", text[before.end():start]):
        return (*_time_of(before), before.start(), end)
    return None, None, start, end


def _time_of(m: re.Match[str]) -> tuple[dt.time, dt.timezone | None]:
    hour, minute = int(m["h"]), int(m["mi"])
    ampm = (m["ampm"] or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    zone = m["zone"]
    offset = dt.timezone(dt.timedelta(hours=ZONES[zone.lower()])) if zone else None
    return dt.time(hour, minute), offset


_WEEKDAY_NAMES: dict[int, str] = {
    0: "monday mon понеділок понедельник", 1: "tuesday tue tues вівторок вторник",
    2: "wednesday wed середа среда", 3: "thursday thu thurs четвер четверг",
    4: "friday fri п'ятниця п’ятниця пятница", 5: "saturday sat субота суббота",
    6: "sunday sun неділя воскресенье",
}
WEEKDAYS: dict[str, int] = {n: d for d, names in _WEEKDAY_NAMES.items() for n in names.split()}
_WEEKDAY = r"(?:(?P<wd>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_NO_YEAR = r"(?!,?\s*(?:19|20)\d\d)(?![\d:])"
_PARTIAL_PATTERNS = [
    re.compile(r"(?<![\w'’:./-])" + _WEEKDAY + _DAY + r"\s+" + _MONTH + r"(?!\w)" + _NO_YEAR, re.I),
    re.compile(r"(?<![\w'’])" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?!\w)" + _NO_YEAR, re.I),
]


@dataclass(frozen=True)
class Partial:
    """A day and month printed without a year ("Thursday, August 24", "23 августа")."""

    month: int
    day: int
    weekday: int | None
    start: int
    end: int


def find_partial(text: str) -> Partial | None:
    """The earliest day-and-month date without a year in ``text`` (month written as a word)."""
    best: Partial | None = None
    for pattern in _PARTIAL_PATTERNS:
        for m in pattern.finditer(text):
            month, day = MONTHS.get(m["mon"].lower(), 0), int(m["d"])
            if not 1 <= month <= 12 or not 1 <= day <= 31 or (best and m.start() >= best.start):
                continue
            wd = WEEKDAYS.get(m["wd"].lower().rstrip(".,")) if m["wd"] else None
            best = Partial(month, day, wd, m.start(), m.end())
            break
    return best


@dataclass(frozen=True)
class Evidence:
    """What a page says about its own year, for a date it prints without one.

    ``kind`` names it in ``date_source`` ("url", "hint", "page", "copyright", and from a
    fetched page's provenance "http" or "fetched"); the article is taken to be published
    between ``first`` and ``last`` (a year in the URL: that whole year; the stored copy's
    date hint, another full date on the page, a provenance date: that day).
    ``strong`` evidence (the publisher's URL, the stored copy's date) gives the year even
    when the printed weekday does not fit it; weak evidence only with a fitting weekday.
    A ``bound`` (the copyright year, a provenance date: the page existed then) is never
    passed.
    """

    kind: str
    first: dt.date
    last: dt.date
    strong: bool = False
    bound: bool = False


WEEKDAY_WINDOW = 3  # years either side of weak evidence a printed weekday may pick from
STRONG_REACH = 31  # days: how far from strong evidence a weekday may move the date


def year_evidence(url_year: int | None, hint: dt.date | None, page: list[dt.date],
                  notice: int | None, sent: tuple[str, dt.date] | None = None,
                  ) -> list[Evidence]:
    """The page's evidence in the order it is trusted: the publisher's URL, the stored
    copy's date, other full dates on the page (ticker, related news, "updated" lines,
    comments), the copyright year, and last the date the page's fetcher recorded
    (``sent``: HTTP Last-Modified or the fetch time, a bound like the copyright year).
    Never the file's modification time nor today's date."""
    found: list[Evidence] = []
    if url_year:
        found.append(Evidence("url", dt.date(url_year, 1, 1), dt.date(url_year, 12, 31), True))
    if hint:
        found.append(Evidence("hint", hint, hint, True))
    found.extend(Evidence("page", day, day) for day in sorted(set(page)))
    if notice:
        found.append(Evidence("copyright", dt.date(notice, 1, 1), dt.date(notice, 12, 31),
                              bound=True))
    if sent:
        found.append(Evidence(sent[0], sent[1], sent[1], bound=True))
    return found


def resolve_year(partial: Partial, evidence: list[Evidence]) -> tuple[dt.date, str] | None:
    """Give a year-less date its year from the page's own evidence, and say which kind.

    Each kind in order (all the page's other dates count as one kind) proposes the date
    nearest to it, and only when one year is nearest. Strong evidence (URL, hint) gives
    its own year, or the one next to it across New Year ("December 28" in a January
    URL); a printed weekday only picks between those, and one that fits neither is taken
    as a slip. Weak evidence (other dates, the copyright year) with a printed weekday
    proposes the nearest year within ``WEEKDAY_WINDOW`` that the weekday fits, and is
    passed over when none does. None when nothing on the page gives the year.
    """
    for kind in dict.fromkeys(e.kind for e in evidence):
        group = [e for e in evidence if e.kind == kind]
        if group[0].strong:  # the weekday may only choose between years a few days apart
            day = _nearest(partial, group, partial.weekday, 1, STRONG_REACH)
            day = day or _nearest(partial, group, None, 1)
        else:
            day = _nearest(partial, group, partial.weekday,
                           WEEKDAY_WINDOW if partial.weekday is not None else 1)
        if day is not None:
            return day, kind
    return None


def _nearest(partial: Partial, group: list[Evidence], weekday: int | None, window: int,
             reach: int | None = None) -> dt.date | None:
    years = {y for e in group for y in range(e.first.year - window, e.last.year + window + 1)}
    scored: list[tuple[int, dt.date]] = []
    for year in sorted(years):
        day = _make(partial, year)
        if day is None or (weekday is not None and day.weekday() != weekday):
            continue
        if any(e.bound and day > e.last for e in group):
            continue
        distance = min(_distance(day, e) for e in group)
        if reach is None or distance <= reach:
            scored.append((distance, day))
    scored.sort()
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None  # no fitting year, or two equally near: the page does not decide
    return scored[0][1]


def _distance(day: dt.date, evidence: Evidence) -> int:
    if day < evidence.first:
        return (evidence.first - day).days
    return max(0, (day - evidence.last).days)


def _make(partial: Partial, year: int) -> dt.date | None:
    try:
        return dt.date(year, partial.month, partial.day)
    except ValueError:
        return None


_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)[^\n]{0,40}?(?:\d{4}\s*[-–—]\s*)?"
                             r"((?:19|20)\d\d)(?!\d)", re.I)


def copyright_year(text: str) -> int | None:
    """The (last) year of a copyright notice, an upper bound for the page's date."""
    m = _COPYRIGHT_YEAR.search(text)
    return int(m.group(1)) if m else None


_URL_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def year_from_url(url: str | None) -> int | None:
    """A year written in a URL path segment (/2023/, -2023-)."""
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2]
    m = _URL_YEAR.search(path)
    return int(m.group(1)) if m else None


def to_datetime(found: Found, tz: dt.tzinfo) -> dt.datetime:
    """An aware datetime: the printed zone if any, else ``tz`` (midnight when no time)."""
    zone = found.offset or tz
    return dt.datetime.combine(found.date, found.time or dt.time(0, 0), tzinfo=zone)


_URL_DATES = [
    re.compile(r"/(?P<y>20\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$|[-_])"),
    re.compile(r"/(?P<y>20\d\d)/(?P<m>[01]\d)(?P<d>[0-3]\d)/"),
    re.compile(r"(?<!\d)(?P<y>20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"/(?P<y>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)/"),
]


def date_from_url(url: str | None) -> dt.date | None:
    """A date written in a URL path (/2023/08/16/, /2022/0329/, 2023-08-16)."""
    if not url:
        return None
    for pattern in _URL_DATES:
        m = pattern.search(url)
        if m:
            try:
                return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    return None


def zone(name: str | None, default: str = "UTC") -> ZoneInfo:
    """A ZoneInfo for ``name``, falling back to ``default`` for unknown names."""
    try:
        return ZoneInfo(name or default)
    except (KeyError, ValueError):
        return ZoneInfo(default)
