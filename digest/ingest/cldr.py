"""The CLDR month and weekday names dates are read in, shipped as ``data/cldr_dates.json``.

:mod:`digest.ingest.dates` reads dates in the languages of its ``LANGUAGES``, with the
names CLDR gives them. Asking Babel for them at import loaded 28 locales' whole data into
every ingest process: 0.37 s and ~35 MB each, kept for the run, for a few hundred words.
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
# would make dates out of prose, scripts with numeral dates ("2023年8月22日") need patterns
# of their own, and a table of every locale's names would make each pattern a regex of
# thousands of words. Left out of Europe: Croatian, whose "listopad", "srpanj" and "lipanj"
# are October, July and June where Czech and Polish "listopad", "srpen" and "lipiec" are
# November, August and July (the page's language is not known when its date is read);
# Latvian and Basque, whose dates ("2023. gada 22. augustā") the patterns do not read.
LANGUAGES = ("en", "uk", "ru", "be", "bg", "ca", "cs", "da", "de", "el", "es", "et", "fi",
             "fr", "hu", "it", "lt", "nb", "nl", "pl", "pt", "ro", "sk", "sl", "sq", "sr",
             "sv", "tr")
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
    target.write_text(render(extract(LANGUAGES)), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
