"""The CLDR month and weekday names dates are read in, shipped as ``data/cldr_dates.json``.

:mod:`digest.ingest.dates` reads dates in the languages of ``LANGUAGES`` and
``WORLD_LANGUAGES``, with the names CLDR gives them. Asking Babel for them at import loaded
every locale's whole data into every ingest process (28 locales: 0.37 s and ~35 MB each,
kept for the run) for a few hundred words.
So the words are extracted once, by this module, into a small file in the package, and
read from there; Babel stays the source (``python3 -m digest.ingest.cldr`` writes the file
again from the installed Babel, and a test says when the two differ).
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

# The languages whose month and weekday names are read, from Babel's CLDR data (shipped in
# its wheel, nothing is downloaded; extracted into DATA): English, Ukrainian and Russian,
# which the project has always read, the other languages of Europe the outlets users follow
# write in, and Turkish.
# Not every CLDR locale: names that are ordinary words elsewhere ("mac", "ago", "dis", "mei")
# would make dates out of prose, and a table of every locale's names would make each
# pattern a regex of thousands of words. Left out of Europe: Croatian, whose "listopad",
# "srpanj" and "lipanj" are October, July and June where Czech and Polish "listopad",
# "srpen" and "lipiec" are November, August and July (the page's language is not known
# when its date is read); Latvian and Basque, whose dates ("2023. gada 22. augustā") the
# patterns do not read.
LANGUAGES = ("en", "uk", "ru", "be", "bg", "ca", "cs", "da", "de", "el", "es", "et", "fi",
             "fr", "hu", "it", "lt", "nb", "nl", "pl", "pt", "ro", "sk", "sl", "sq", "sr",
             "sv", "tr")
# The languages of the rest of the world whose month names are read only in a full date
# (day, month and year; the wide name also before the day when ", year" follows it, as
# WordPress prints "Oktober 27, 2015" in any language), never without a year: nobody
# checked their names against prose ("Mac" is Malay March and a computer, "Mei" May and
# a name). None gives a name another language read here gives a different month (a
# test says so). Indonesian, Malay, Vietnamese ("18 tháng 11 năm 2019"), Filipino,
# Swahili, Afrikaans, Galician, Icelandic, Macedonian, Maltese, Bosnian, Azerbaijani,
# Uzbek, Georgian, Armenian, Hebrew ("18 בנובמבר 2019"), Arabic and Persian
# (Gregorian months; the Hijri and Solar Hijri years, 1441, 1398, are never read as
# years), Urdu, Hindi, Bengali, Tamil, Thai (Gregorian years only: a Buddhist-era year,
# 2562, is no year here) and Welsh. Chinese, Japanese and Korean dates are figures
# ("2019年11月18日", "2019년 11월 18일"), read by patterns of their own.
# Left out: Turkmen, Hausa and Zulu, whose short names are English or Spanish words
# ("few", "sat", "mas"); Kazakh, whose dates put the year before the day ("2019 ж. 18
# қараша", a pattern of its own) and whose "там." (August) is Russian "there"; Kyrgyz,
# whose names are Russian's; Somali, Pashto, Nepali, Amharic, Yoruba and Irish, for want
# of pages to check them on; Lao, Khmer, Burmese and Sinhala, which write no spaces
# between words; Croatian, Latvian and Basque as above.
WORLD_LANGUAGES = ("id", "ms", "vi", "fil", "sw", "af", "gl", "is", "mk", "mt", "bs", "az",
                   "uz", "ka", "hy", "he", "ar", "fa", "ur", "hi", "bn", "ta", "th", "cy")
DATA = "data/cldr_dates.json"
WIDTHS = ("wide", "abbreviated")
CONTEXTS = ("format", "stand-alone")


def load() -> dict[str, Any]:
    """The shipped names: ``{language: {"months": {width: {context: {n: name}}},
    "days": {context: {n: name}}, "long_date": pattern}}`` (numbers as JSON keys, text)."""
    return json.loads(resources.files("digest.ingest").joinpath(DATA).read_text("utf-8"))


def extract(languages: tuple[str, ...]) -> dict[str, Any]:
    """The names of ``languages`` as the installed Babel's CLDR data gives them."""
    import babel
    from babel.dates import get_date_format, get_day_names, get_month_names

    table: dict[str, Any] = {"babel": babel.__version__}
    for language in languages:
        table[language] = {
            "months": {width: {context: dict(get_month_names(width, context, language))
                               for context in CONTEXTS} for width in WIDTHS},
            "days": {context: dict(get_day_names("wide", context, language))
                     for context in CONTEXTS},
            "long_date": get_date_format("long", language).pattern,
        }
    return json.loads(json.dumps(table))  # the numbers as the file holds them: text keys


def render(table: dict[str, Any]) -> str:
    return json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> int:
    """Write the shipped file again from the installed Babel."""
    target = Path(__file__).parent / DATA
    target.write_text(render(extract(LANGUAGES + WORLD_LANGUAGES)), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
