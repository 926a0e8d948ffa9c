"""Dates as news pages print them, in the languages of Europe (``LANGUAGES``) and of the
world (``WORLD_LANGUAGES``, only in full dates), and in the figures of Chinese, Japanese and
Korean pages.

Pages write "Wednesday, 16 August 2023, 09:27", "December 28, 2022 1:30 AM",
"August 19, 2023 — 01:31 am EDT", "06.09.2023, 10:07", "Суббота, 9 июля 2022, 00:45",
"22 декабря 202315:51" (date and time glued), "Сер 3, 2023", "sexta-feira, 22 de outubro
de 2010 às 20:13", "3. März 2021 um 10:15" or "2023. augusztus 22." or "2016.12.01",
"Posted on Oktober 27, 2015", "ngày 18 tháng 11 năm 2019", "١٨ نوفمبر ٢٠١٩" (digits of any
script), "2019年11月18日 10:30", "2019년 11월 18일 오후 3:20" or "2019. 11. 18.". The month and
weekday names come from the CLDR data Babel ships, so every language reads the forms its
own dates print (the genitive "серпня", "sierpnia", "αυγούστου"). :func:`find_date`
finds the first such date in a line, with the time printed next to it and an
explicit zone abbreviation when there is one; :func:`to_datetime` makes it aware,
in the zone the page states or else the outlet's zone (a wall-clock time on a
Kyiv site is Kyiv time, with the summer/winter offset zoneinfo knows).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain
from zoneinfo import ZoneInfo

from digest.ingest import cldr
from digest.ingest.cldr import LANGUAGES, WORLD_LANGUAGES

# The languages read first, whose short forms were checked on the news corpus: their
# abbreviations are read without a year ("Aug 24", "23 авг"); another language's only in
# a full date, as "3 mag", "1 set", "2 ara" are Italian, Portuguese and Turkish months
# but also counts of magazines and sets, and Turkish "ara" is "between". And only their
# names are read before the day ("August 22, 2023", "Сер 3, 2023"), an order that among
# LANGUAGES only English writes.
_HOME = ("en", "uk", "ru")

# Forms pages print that CLDR lacks: three-letter Ukrainian and Russian abbreviations
# ("Сер 3, 2023", "23 ноя") and the English "Sept".
_MORE_MONTH_NAMES: dict[int, str] = {
    2: "фев", 4: "кві", 5: "тра", 6: "чер", 8: "сер", 9: "sept сен", 10: "жов",
    11: "лис ноя", 12: "гру",
}
# Abbreviations that are common words ("1 out of 5", "iPhone 11 Pro", French "des", "led",
# the name Ian, "Ag"), found next to numbers in the corpus or likely to be:
# a month only written with the abbreviation's dot, "22 out. 2010" (Portuguese October),
# "3 des. 2021" (Catalan, Norwegian December).
_DOT_ONLY = frozenset({"ag", "des", "ian", "led", "out", "pro"})
# Finnish abbreviations are the bare stems "joulu" (Christmas), "kesä" (summer), "tammi"
# (oak) ..., which Finnish dates never print ("3. heinäkuuta 2021"): not read.
_NO_ABBREVIATIONS = ("fi",)
# A name that is a month only in lower case when no year follows it: the French and Swedish
# "3 mars", not "the 2 Mars rovers".
_LOWER_CASE_ONLY = frozenset({"mars"})


_CLDR = cldr.load()  # CLDR's names of LANGUAGES and WORLD_LANGUAGES, shipped with the package


_ARTICLE = re.compile(r"^(?:de\s+|d['’])")


def _month_names(width: str, languages: tuple[str, ...]) -> dict[str, int]:
    """CLDR's month names of ``width`` ("wide", "abbreviated") in ``languages``, lower case:
    the form a date prints (the genitive "серпня", "sierpnia") and the stand-alone one,
    without an abbreviation's dot or the Catalan "de gener", "d’abril" article (the
    patterns read it, see ``_OF``); and with the letter a language's dates glue to the
    month (Hebrew "18 בנובמבר 2019": ב, "in")."""
    names: dict[str, int] = {}
    for language in languages:
        glued = _glued(language)
        for context in cldr.CONTEXTS:
            for month, name in _CLDR[language]["months"][width][context].items():
                name = _ARTICLE.sub("", name.lower()).rstrip(".")
                names[name] = int(month)
                if glued:
                    names[glued + name] = int(month)
    return names


def _glued(language: str) -> str:
    """The letters the language's long date writes glued before the month, or ""."""
    m = re.search(r"(?<![A-Za-z])([^\W\dA-Za-z_]+)MMMM", _CLDR[language]["long_date"])
    return m.group(1) if m else ""


def _unambiguous(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Each name with its number, but a name two languages give different numbers."""
    found: dict[str, set[int]] = {}
    for name, number in pairs:
        found.setdefault(name, set()).add(number)
    return {name: next(iter(numbers)) for name, numbers in sorted(found.items())
            if len(numbers) == 1}


def _table(*tables: dict[str, int]) -> dict[str, int]:
    """The names of ``tables`` but those two languages give different months; one in
    ``_DOT_ONLY`` with its dot ("out.")."""
    return _unambiguous((name + "." if name in _DOT_ONLY else name, month)
                        for table in tables for name, month in table.items())


def _words(names: Iterable[str]) -> str:
    """A regex matching any of ``names``, the longest it can ("marca" before "mar").

    Written as a tree of shared beginnings ("mar(?:ca|zo|s)?"): the regex engine tries
    an alternation's branches one by one, and hundreds of names tried at every word
    would make reading a page's dates several times slower."""
    tree: dict[str, dict] = {}
    for name in names:
        node = tree
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _branches(rest) for char, rest in sorted(node.items()) if char]
    if not branches:
        return ""
    group = "(?:" + "|".join(branches) + ")"
    if "" in node:
        return group + "?"  # greedy: the longer name first
    return branches[0] if len(branches) == 1 else group


def _year_first(language: str) -> bool:
    """The language's long date writes year, month, day ("2023. augusztus 22.")."""
    pattern = re.sub(r"'[^']*'", "", _CLDR[language]["long_date"])
    return 0 <= pattern.find("y") < pattern.find("M") < pattern.find("d")


_MORE = {n: m for m, names in _MORE_MONTH_NAMES.items() for n in names.split()}
_ALL = LANGUAGES + WORLD_LANGUAGES
_ABBREVIATING = tuple(lang for lang in _ALL if lang not in _NO_ABBREVIATIONS)
MONTHS: dict[str, int] = _table(_month_names("wide", _ALL),
                                _month_names("abbreviated", _ABBREVIATING), _MORE)
_HOME_NAMES = _table(_month_names("wide", _HOME), _month_names("abbreviated", _HOME), _MORE)
_YEARLESS = _table(_month_names("wide", LANGUAGES), _HOME_NAMES)
_YEAR_FIRST = _table(*(_month_names(w, tuple(lang for lang in _ALL if _year_first(lang)))
                       for w in ("wide", "abbreviated")))
# The vowel signs and viramas of Indic scripts, which are no word characters to ``re``
# ("আগস্ট", Bengali August).
_MARKS = "".join(sorted({c for n in MONTHS for c in n if unicodedata.category(c)[0] == "M"
                         and not re.match(r"\w", c)}))
_LETTERS = r"(?:[^\W\d_]|[" + _MARKS + "])+"
# Any language's wide name may stand before the day when ", year" follows ("Oktober 27,
# 2015": WordPress prints its English order with the site's month names, and so do pages in
# other scripts, "আগস্ট ২৯, ২০২০"), but a short one ("Mac 10, 2019": Malay March, or a
# computer).
_ANY_FIRST = {name for name in _month_names("wide", _ALL)
              if len(name) > 3 and re.fullmatch(_LETTERS + "(?: " + _LETTERS + ")*", name)
              and name not in _LOWER_CASE_ONLY} - _HOME_NAMES.keys()
# And a European language's abbreviation before the day, when ", year" follows: "Okt 13,
# 2022", "abr. 22, 2022" (a site's English order with its own short names); but those that
# are English words too ("Set 3, 2020", "Mag 5, 2019") and the Turkish "ara" ("between").
_ABBREVIATION_FIRST = {name for name in _month_names("abbreviated", LANGUAGES)
                       if len(name) >= 3 and re.fullmatch(r"[a-zà-ɏ]+", name)
                       and name not in {"set", "mag", "gen", "lip", "bal", "ara"}
                       } - _HOME_NAMES.keys() - _LOWER_CASE_ONLY - _ANY_FIRST
_MONTH = "(?P<mon>" + _words(MONTHS) + r")\.?"
_YEARLESS_MONTH = "(?P<mon>" + _words(_YEARLESS.keys() & MONTHS.keys()) + r")\.?"
_MONTH_FIRST = "(?P<mon>" + _words(_HOME_NAMES.keys() & MONTHS.keys()) + r")\.?"
_ANY_MONTH_FIRST = ("(?P<mon>" + _words((_HOME_NAMES.keys() | _ANY_FIRST | _ABBREVIATION_FIRST)
                                         & MONTHS.keys())
                    + r")(?P<dot>\.)?")
_YEAR_FIRST_MONTH = "(?P<mon>" + _words(_YEAR_FIRST.keys() & MONTHS.keys()) + r")\.?"

# Zone abbreviations news sites print after a time, with their UTC offsets in hours.
ZONES: dict[str, float] = {
    "utc": 0, "gmt": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
    "edt": -4, "est": -5, "cdt": -5, "cst": -6, "mdt": -6, "mst": -7, "pdt": -7, "pst": -8,
    "kst": 9, "jst": 9, "ist": 5.5, "hkt": 8, "sgt": 8, "pkt": 5, "ict": 7,
    "wib": 7, "wita": 8, "wit": 9,
}
# "GMT+7", "(UTC+05:30)", or one of ZONES
_ZONE = (r"(?:\s*\(?(?:(?P<gmt>utc|gmt)\s?(?P<sign>[+−-])\s?(?P<zh>1[0-4]|0?\d)"
         r"(?::?(?P<zm>[0-5]\d))?(?!\d)|(?P<zone>" + "|".join(sorted(ZONES, key=len, reverse=True))
         + r")\b))?")
_AMPM = r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?)(?![a-z]))?"
# Korean, Japanese and Chinese write "afternoon" before the time: "오후 3:20", "午後3時20分".
_PM_BEFORE = {"오후": "pm", "午後": "pm", "下午": "pm", "오전": "am", "午前": "am", "上午": "am"}
_TIME = (r"(?<![\d:])(?:(?P<pre>" + "|".join(_PM_BEFORE) + r")\s*)?(?P<h>[01]?\d|2[0-3])"
         r"(?:[:.h](?P<mi>[0-5]\d)(?![\d:.]\d)|\s?[時时시点點]\s?(?P<mk>[0-5]?\d)\s?[分분])"
         + _AMPM + _ZONE)

_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º)?"  # "22nd", "1er mars", "1º de maio"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
# The words some languages print between day, month and year: "22 de outubro de 2010",
# "3 d’abril del 2021", "3. März 2021"; and after the year: "3 marca 2021 r.", "2023 г.",
# "24 серпня 2023 року".
# And the Maltese "18 ta’ Novembru 2019", Vietnamese "18 tháng 11 năm 2019", the Thai era
# "ค.ศ." (AD), the Uzbek and English "18-noyabr, 2019", "18-Nov-2019" (in a full date only).
_OF = r"\.?\s+(?:(?:de|del)\s+|d['’]\s*|ta['’]\s+)?"
_OF_YEAR = r"(?:,?\s+(?:(?:de|del|năm|ค\.ศ\.)\s+)?|-)"
_YEAR_WORD = r"(?:\s?(?:г|р|r)\.|\s+(?:року|года|roku)\b)?"
_DATE_PATTERNS = [
    re.compile(r"(?<!\d)" + _YEAR + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<![\w])" + _DAY + r"(?:" + _OF + "|(?P<hy>-))" + _MONTH + _OF_YEAR + _YEAR
               + _YEAR_WORD, re.I),
    # the month first: "August 22, 2023", "Сер 3, 2023"; "Oktober 27, 2015" (see _ANY_FIRST);
    # the words' shape is looked at before the hundreds of names are tried
    re.compile(r"(?<![\w])(?=[\w" + _MARKS + r"]++\.?\s+[0-3]?\d)" + _ANY_MONTH_FIRST
               + r"\s+" + _DAY + r"(?P<comma>,)?\s+" + _YEAR, re.I),
    # "06.09.2023", "22/08/2023", and the Czech, Slovak and Serbian "22. 8. 2023"; Arabic
    # pages put a right-to-left mark before the slash ("18\u200f/11\u200f/2019")
    # (and the American order, month first, when the day shows it: "08/22/2023", "11.14.2019")
    re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\u200f?(?:\.\s?|[/-])(?P<m>[0-3]?\d)\u200f?"
               r"(?:\.\s?|[/-])" + _YEAR),
    # a two-figure year: "19.10.19, 18:56", "01.01.23 um 08:35" (day and month in two
    # figures each, as German pages print them); with slashes only when the order shows,
    # "30/10/23" (day first) or "10/30/23" (month first), never "11/08/23"
    re.compile(r"(?<![\d.,/])(?P<d>[0-3]\d)(?P<sep2>[./])(?P<m>[0-3]\d)(?P=sep2)(?P<y2>\d\d)"
               r"(?!\d|[./]\d)"),
    # the month a word between slashes: "29 / Dezember / 2022", "29/Dez/2022"
    re.compile(r"(?<![\w/])" + _DAY + r"\s*/\s*" + _MONTH + r"\s*/\s*" + _YEAR + r"(?![\w/])",
               re.I),
    # or between dots: "21.dez.2018" (Folha de S.Paulo), "5.Jan.2019"
    re.compile(r"(?<![\w.])(?P<d>[0-3]?\d)\.(?P<mon>" + _words(MONTHS) + r")\." + _YEAR
               + r"(?![\w]|\.\d)", re.I),
    # the year first in figures, as East Asian pages print it: "2016.12.01", "2016/12/01"
    # (never inside a URL's path or a version number: "/2016/12/01/", "2016.12.01.3")
    re.compile(r"(?<![\w./])" + _YEAR + r"(?P<sep>[./])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)"
               r"(?![\w/]|\.\d)"),
    # Hungarian, Lithuanian and Armenian: "2023. augusztus 22.", "2023 m. rugpjūčio 22 d.",
    # "2019 թ. նոյեմբերի 18"
    re.compile(r"(?<![\w.])" + _YEAR + r"(?:\.|\s?[mթ]\.)\s+" + _YEAR_FIRST_MONTH + r"\s+"
               + r"(?P<d>[0-3]?\d)(?:\.|\s?d\.)?(?!\d)", re.I),
    # Chinese, Japanese and Korean, year, month and day each marked: "2019年11月18日",
    # "2019년 11월 18일"; or Korean "2019. 11. 18.", a dot after each figure, the year first
    # (as Hungarian's "2023. 08. 22."; no language writes the day between them)
    re.compile(r"(?<![\d.])" + _YEAR + r"(?:\s?[年년]\s?(?P<m>[01]?\d)\s?[月월]\s?(?P<d>[0-3]?\d)"
               r"\s?[日일]|\.\s(?P<m2>[01]?\d)\.\s(?P<d2>[0-3]?\d)\.(?!\d))"),
    # the year's last two figures after an apostrophe: "14 January '15", "Jan. 14, '15"
    re.compile(r"(?<![\w])" + _DAY + _OF + _MONTH + r",?\s+['’‘](?P<y2>\d\d)(?![\d'’])", re.I),
    re.compile(r"(?<![\w])" + _MONTH_FIRST + r"\s+" + _DAY + r",?\s+['’‘](?P<y2>\d\d)(?![\d'’])",
               re.I),
]
_FIGURES = _DATE_PATTERNS[3]  # day, month and year in figures: "06.09.2023", "22/08/2023"
_TIME_RE = re.compile(_TIME, re.I)
_GLUED_TIME_RE = re.compile(_TIME.removeprefix(r"(?<![\d:])"), re.I)  # "202315:51"
_NEAR = 30  # characters between a date and its time
# What may stand between a date and the time after it (besides commas, bars, dashes and a
# slash: "6. November 2023 / 09:18 Uhr"): "at", "о", "в", "um", "à", "às",
# "a las", "alle ore", "om", "o", "v", "kl.", "klo", "saat", "lúc", "pukul", "jam", and the
# weekday East Asian pages print after the date: "2019年11月18日(月) 10:30", "(월)".
_TIME_AFTER = re.compile(r"[\s,|/—–\-]*(?:(?:at|о|в|um|à|às|a\s+las?|alle|ore|om|o|v|kl\.?|klo"
                         r"|saat|lúc|pukul|jam|[(（][月火水木金土日월화수목금토일][)）]|,)"
                         r"[\s,|/—–\-]*){0,2}", re.I)
# Digits of other scripts as ASCII ("١٨ نوفمبر ٢٠١٩", "２０１９年", "१८ नवंबर"), and the
# Arabic comma and the full-width colon, one character for one, so positions stay.
_DIGITS = {zero + n: str(n) for zero in (0x660, 0x6F0, 0x966, 0x9E6, 0xBE6, 0xE50, 0xFF10)
           for n in range(10)} | {ord("،"): ",", ord("："): ":"}


def _ascii_digits(text: str) -> str:
    return text if text.isascii() else text.translate(_DIGITS)


@dataclass(frozen=True)
class Found:
    """A date found in text; ``time`` and ``offset`` only when the text shows them."""

    date: dt.date
    time: dt.time | None
    offset: dt.timezone | None
    start: int
    end: int
    updated: bool = False  # labelled as the day the page was changed ("Updated Nov 13, 2019")
    # day and month in figures between slashes, both 12 or less ("11/01/2021"): November 1 on
    # a page that writes the month first, January 11 on one that writes the day first
    ambiguous: bool = False


# A machine's timestamp a page leaves in its text (a hidden "updated" microformat a theme
# prints without its style sheet): "Jane Roe2022-12-07T10:10:52+01:0025. Dezember 2022|".
_MACHINE_STAMP = re.compile(r"(?<!\d)(?:19|20)\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(?::[0-5]\d"
                            r"(?:[.,]\d+)?)?(?:Z|[+-][01]\d:?[0-5]\d)?")


def find_date(text: str) -> Found | None:
    """The earliest full date (day, month, year) in ``text``, with its time if printed; a
    date written for people before one a machine's timestamp glued to it states; a date
    glued to the name before it (:data:`_GLUED_NAME`)."""
    text = _ascii_digits(text)
    if not _TWO_FIGURES.search(text):
        return None
    if "T" in text and ":" in text and _MACHINE_STAMP.search(text):
        found = _find_date(_MACHINE_STAMP.sub(lambda m: " " * len(m[0]), text))
        if found is not None:
            return found
    found = _find_date(text)
    if _GLUED_NAME.search(text, 0, len(text) if found is None else found.start):
        glued = _find_date(_GLUED_LETTER.sub(" ", text))
        if glued is not None and (found is None or glued.start < found.start):
            return glued
    return found


# A name glued to the date after it, as a dump joins a byline's link and the time beside it
# ("Nicole Collignon22. Februar 2020", "By Jane RoeFebruary 22, 2020"): where a figure, or a
# capitalised word and a figure, follows a lower-case letter; the date is read as if that
# letter were a space (so positions stay).
_GLUE = r"(?:\d|[A-ZÀ-ÞА-ЯЁІЇЄҐ][^\W\d_]{2,}\.?\s+[0-3]?\d)"
_GLUED_NAME = re.compile(r"(?<=[a-zß-ÿа-яёіїєґ])" + _GLUE)  # the figures lead: found sooner
_GLUED_LETTER = re.compile(r"[a-zß-ÿа-яёіїєґ](?=" + _GLUE + ")")


_TWO_FIGURES = re.compile(r"\d\D*\d")  # a day and a year at the least


def _find_date(text: str) -> Found | None:
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
    ambiguous = (m.re is _FIGURES and "/" in m.group(0) and day.day <= 12 and day.month <= 12
                 and day.day != day.month)
    return Found(day, time, offset, min(start, m.start()), max(end, m.end()),
                 ambiguous=ambiguous)


_SLASHED = re.compile(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/(?:19|20)\d\d(?![\d/])")


def slash_order(texts: Iterable[str]) -> str | None:
    """The order a page writes day and month between slashes, where one of its dates shows
    it ("22/08/2023": "dmy"; "08/22/2023": "mdy"), or None when none does (or both do)."""
    orders = set()
    for text in texts:
        if "/" in text:
            for first, second in _SLASHED.findall(text):
                if int(first) > 12 >= int(second):
                    orders.add("dmy")
                elif int(second) > 12 >= int(first):
                    orders.add("mdy")
    return orders.pop() if len(orders) == 1 else None


def settled(found: Found, order: Callable[[], str | None]) -> Found | None:
    """``found`` with its day and month in the page's order (``order()``: "dmy", "mdy" or
    None, asked only for a date that reads both ways); None for such a date on a page whose
    dates never show the order: read either way, it would be a guess."""
    if not found.ambiguous:
        return found
    order = order()
    if order == "dmy":
        return dataclasses.replace(found, ambiguous=False)
    if order == "mdy":
        date = found.date.replace(month=found.date.day, day=found.date.month)
        return dataclasses.replace(found, date=date, ambiguous=False)
    return None


def _to_date(m: re.Match[str]) -> dt.date | None:
    if not _well_placed(m):
        return None
    groups = m.groupdict()
    if groups.get("m2"):  # Korean "2019. 11. 18."
        groups["m"], groups["d"] = groups["m2"], groups["d2"]
    month = MONTHS.get(groups["mon"].lower()) if groups.get("mon") else int(groups["m"])
    day = int(groups["d"])
    if groups.get("y2"):  # "19.10.19": 2019; "17.11.98": 1998
        year = int(groups["y2"]) + (2000 if int(groups["y2"]) < 70 else 1900)
        if groups.get("sep2") == "/" and month <= 12 and day <= 12:
            return None  # "11/08/23": the 11th of August or November 8, the page does not say
    else:
        year = int(groups["y"])
    if month and month > 12 and day <= 12 and not groups.get("sep"):
        month, day = day, month  # US order: 08/22/2023, 11.14.2019
    try:
        date = dt.date(year, month or 0, day)
    except ValueError:
        return None
    if groups.get("wd2") and WEEKDAYS.get(groups["wd2"].lower()) != date.weekday():
        return None
    return date


def _well_placed(m: re.Match[str]) -> bool:
    """A month name before the day is read in any language with the year after the day: a
    full name without a dot ("Oktober 25 2023", "Oktober 27, 2015"), an abbreviation only
    with the comma ("Okt 13, 2022", "abr. 22, 2022"; "Okt. 27 2015" stays unread: a home
    language's name, "Aug. 27 2015", is read); "18-Nov-2019" never inside a longer run of
    words tied by hyphens, as an image's file name is ("...-London-14-Nov-2019-small.jpg")."""
    groups = m.groupdict()
    if "comma" in groups:
        name = groups["mon"].lower()
        if name in _ABBREVIATION_FIRST:
            return bool(groups["comma"])
        return name in _HOME_NAMES or (name in _ANY_FIRST and not groups["dot"])
    if groups.get("hy"):
        before, after = m.string[max(0, m.start() - 1):m.start()], m.string[m.end():m.end() + 1]
        return before not in ("-", "/") and after not in ("-", "/", "_")
    return True


def _time_near(text: str, start: int, end: int) -> tuple[dt.time | None, dt.timezone | None,
                                                          int, int]:
    after = _GLUED_TIME_RE.match(text, end) or _TIME_RE.search(text, end, end + _NEAR)
    if after and _TIME_AFTER.fullmatch(text, end, after.start()):
        return (*_time_of(after), start, after.end())
    before = None
    for m in _TIME_RE.finditer(text, max(0, start - _NEAR), start):
        before = m
    if before and re.fullmatch(r"[\s,|—–\-]*", text[before.end():start]):
        return (*_time_of(before), before.start(), end)
    return None, None, start, end


def _time_of(m: re.Match[str]) -> tuple[dt.time, dt.timezone | None]:
    hour, minute = int(m["h"]), int(m["mi"] or m["mk"])
    ampm = (m["ampm"] or "").replace(".", "").replace(" ", "").lower()
    ampm = ampm or _PM_BEFORE.get(m["pre"] or "", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return dt.time(hour, minute), _offset(m)


def _offset(m: re.Match[str]) -> dt.timezone | None:
    """The zone printed after a time: an abbreviation of ZONES or "GMT+7", "UTC+05:30"."""
    if m["zone"]:
        return dt.timezone(dt.timedelta(hours=ZONES[m["zone"].lower()]))
    if m["gmt"]:
        sign = -1 if m["sign"] in "−-" else 1
        return dt.timezone(sign * dt.timedelta(hours=int(m["zh"]), minutes=int(m["zm"] or 0)))
    return None


# Weekday forms CLDR lacks: English abbreviations ("Thu, August 24") and the Ukrainian
# apostrophe typed as ' (CLDR writes п’ятниця).
_MORE_WEEKDAY_NAMES: dict[int, str] = {
    0: "mon", 1: "tue tues", 2: "wed", 3: "thu thurs", 4: "fri п'ятниця", 5: "sat", 6: "sun",
}


def _weekday_names() -> dict[str, int]:
    """Weekday names (wide: an abbreviation is too often a word, "so", "di", "ma") in
    LANGUAGES, lower case, and ``_MORE_WEEKDAY_NAMES``; one two languages give different
    days is left out."""
    shipped = ((name.lower(), int(day)) for language in LANGUAGES
               for context in cldr.CONTEXTS
               for day, name in _CLDR[language]["days"][context].items())
    more = ((name, day) for day, names in _MORE_WEEKDAY_NAMES.items() for name in names.split())
    return _unambiguous(chain(shipped, more))


WEEKDAYS: dict[str, int] = _weekday_names()
# A blog theme's date badge, the weekday between the day and the month: "31 Donnerstag Okt
# 2019" (read only when the weekday is the date's own)
_DATE_PATTERNS.append(re.compile(r"(?<![\w.:/-])" + _DAY + r"\s+(?P<wd2>" + _words(WEEKDAYS)
                                 + r")\.?,?\s+" + _MONTH + r",?\s+" + _YEAR + r"(?!\d)", re.I))
_WEEKDAY = r"(?:(?P<wd>" + _words(WEEKDAYS) + r")\.?,?\s+)?"
_NO_YEAR = r"(?!,?\s*(?:(?:de|del)\s+)?(?:19|20)\d\d)(?![\d:])"
_PARTIAL_PATTERNS = [
    re.compile(r"(?<![\w'’:./-])" + _WEEKDAY + _DAY + _OF + _YEARLESS_MONTH + r"(?!\w)"
               + _NO_YEAR, re.I),
    re.compile(r"(?<![\w'’])" + _WEEKDAY + _MONTH_FIRST + r"\s+" + _DAY + r"(?!\w)" + _NO_YEAR,
               re.I),
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
    text = _ascii_digits(text)
    best: Partial | None = None
    for pattern in _PARTIAL_PATTERNS:
        for m in pattern.finditer(text):
            month, day = MONTHS.get(m["mon"].lower(), 0), int(m["d"])
            if m["mon"].lower() in _LOWER_CASE_ONLY and not m["mon"].islower():
                continue
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
