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
