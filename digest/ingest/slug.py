"""ASCII slugs from titles in any script: the only part of a content path made from page text.

Ukrainian and Russian are transliterated by their own systems (the two languages share letters
that read differently: Г is h in Ukrainian, g in Russian), so a Kyiv editor and a reader of the
URL see the spelling they expect. Other scripts go through anyascii. A slug holds only
``[a-z0-9-]``, so it can never carry ``/``, ``..`` or anything a file system treats specially.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from anyascii import anyascii

MAX_LENGTH = 80
FALLBACK = "article"

# Ukrainian: the official national system (Cabinet of Ministers resolution 55, 2010).
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "ъ": "", "ы": "y", "э": "e", "ё": "io",
}
# At the start of a word these letters take their y- forms (Єнакієве -> Yenakiieve).
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# Russian: a BGN/PCGN-like system without diacritics.
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}
_APOSTROPHES = re.compile("['’ʼ`´‘]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_UK_ONLY = set("іїєґІЇЄҐ")
_RU_ONLY = set("ыэёъЫЭЁЪ")


def slugify(text: str, lang: str | None = None, max_length: int = MAX_LENGTH) -> str:
    """A lowercase ASCII slug of ``text``; ``lang`` picks the Cyrillic system (uk or ru)."""
    text = _APOSTROPHES.sub("", text)
    system = _cyrillic_system(text, lang)
    if system:
        text = _transliterate(text, system)
    slug = _NOT_SLUG.sub("-", anyascii(text).lower()).strip("-")
    return _shorten(slug, max_length) or FALLBACK


def _cyrillic_system(text: str, lang: str | None) -> str | None:
    if not any("\u0400" <= ch <= "\u04ff" for ch in text):
        return None
    primary = (lang or "").lower().split("-")[0]
    if primary in ("uk", "ru"):
        return primary
    chars = set(text)
    if chars & _UK_ONLY and not chars & _RU_ONLY:
        return "uk"
    return "ru"


def _transliterate(text: str, system: str) -> str:
    table = _UK if system == "uk" else _RU
    out: list[str] = []
    previous = ""
    for ch in text:
        low = ch.lower()
        if system == "uk" and low == "г" and previous.lower() == "з":
            latin = "gh"  # зг -> zgh, so it is not read as "zh"
        elif system == "uk" and low in _UK_INITIAL and not previous.isalpha():
            latin = _UK_INITIAL[low]
        else:
            latin = table.get(low)
        out.append(ch if latin is None else latin)  # the slug is lowercased afterwards
        previous = ch
    return "".join(out)


def _shorten(slug: str, max_length: int) -> str:
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    if "-" in cut:
        cut = cut[: cut.rindex("-")]
    return cut[:max_length].strip("-")


def unique_slug(folder: Path, slug: str, taken: Collection[str] = ()) -> str:
    """``slug``, or ``slug-2``, ``slug-3``... so that ``folder/<slug>.md`` is new.

    ``taken`` holds slugs already claimed in this run (a dry run writes nothing, yet two
    pages with the same title must still get different names).
    """
    candidate, n = slug, 1
    while candidate in taken or (folder / f"{candidate}.md").exists():
        n += 1
        suffix = f"-{n}"
        candidate = _shorten(slug, MAX_LENGTH - len(suffix)) + suffix
    return candidate
