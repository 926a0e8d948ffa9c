"""The ``title`` signal: the site a page title ends with ("Headline | Outlet", in HTML also
"Headline – Outlet"). On a text dump's headline a dashed tail is usually the source the
outlet cites, which :mod:`.agreed` reads as a citation.
"""

from __future__ import annotations

import re

from digest.ingest.outlets.registry import Found, Registry

_TITLE_TAIL = re.compile(r"\s(?:\||//|::)\s*([^|]{2,60}?)\s*$")
_DASH_TAIL = re.compile(r"\s[–—-]{1,2}\s*([^–—]{2,60}?)\s*$")


def title_tail(title: str | None, reg: Registry, dashes: bool = True) -> Found | None:
    """The site a page title ends with: "Headline | Outlet", "Headline – Outlet".

    In a page's ``<title>`` the tail is the site; in a text dump's headline a dashed tail is
    usually the source the outlet cites ("… — Suspilne"), so dumps pass ``dashes=False``."""
    if not title:
        return None
    patterns = (_TITLE_TAIL, _DASH_TAIL) if dashes else (_TITLE_TAIL,)
    for pattern in patterns:
        m = pattern.search(title)
        named = reg.exactly(m.group(1)) if m else None
        if named:
            return Found(named.name, "title", named)
    return None
