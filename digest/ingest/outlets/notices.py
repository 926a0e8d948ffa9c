"""Which lines of a page are copyright notices, and how much each one says.

A notice is read three ways: :mod:`.copyright` takes the registry outlet its holder names,
:mod:`.unregistered` a holder the registry does not know, and :mod:`.order` weighs a weak
signal against it. All of them find the notices and judge their strength here, the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.ingest.chrome import RIGHTS_RESERVED

_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|" + RIGHTS_RESERVED, re.I)
_PHOTO = re.compile(r"\b(?:photo|photos|image|images|фото|світлина|picture|getty|shutterstock"
                    r"|epa|video|відео|видео|illustration|ілюстрац|иллюстрац)\b", re.I)
_MARKS = ("©", "(c)", "copyright", "rights reserved", "права з", "права за")
_RIGHTS = re.compile(RIGHTS_RESERVED, re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def notices(lines: Sequence[str]) -> list[str]:
    """The lines that carry a copyright mark, found with one scan of the whole page."""
    text = "\n".join(lines)
    low = text.lower()
    if len(low) != len(text):  # a rare letter that lowers to two; read line by line
        return [line for line in lines if any(mark in line.lower() for mark in _MARKS)]
    found: dict[int, str] = {}  # line start -> line, to keep the page's order
    for mark in _MARKS:
        at = low.find(mark)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            found[start] = text[start:end]
            at = low.find(mark, end)
    return [found[k] for k in sorted(found)]


def _notice(text: str) -> int:
    """2 for a full notice (rights reserved, a year), 1 for a bare "© Name", 0 for none."""
    mark = _COPYRIGHT.search(text) if len(text) <= 400 else None
    if mark is None or _PHOTO.search(text[max(0, mark.start() - 40): mark.end() + 25]):
        return 0
    rights = _RIGHTS.search(text)
    if mark.start() > 20 and not rights:
        return 0
    return 2 if rights or _YEAR.search(text) else 1
