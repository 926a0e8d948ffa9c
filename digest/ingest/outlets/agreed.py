"""The ``agreed`` signal, the weakest: an outlet named both in the page's chrome and in a
citation in its article. Either alone is what an article citing another outlet shows
("according to Reuters", a headline ending "– NYT"); only together do they name the
publisher.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.config import Source
from digest.ingest.outlets.registry import Found, Mentions, Registry
from digest.ingest.outlets.titles import _DASH_TAIL

_ATTRIBUTION = re.compile(r"^(?:source|sources|джерело|джерела|источник|источники|за матеріалами"
                          r"|по материалам)\s*[:–—-]", re.I)
_QUOTES = re.compile(r"[\"“”«»]")
_DASH_END = re.compile(r"\s[–—-]{1,2}\s*$")
_CITED_HINT = re.compile(r"according|report|told|said|citing|cited|за даними|за інформацією"
                         r"|повідом|пише|по данным|по информации|сообща|пишет", re.I)
_CITED = re.compile(r"(?:according to|as reported by|reported by|reports|told|said|citing|cited"
                    r"|за даними|за інформацією|як повідомляє|як повідомило|повідомляє|пише"
                    r"|по данным|по информации|как сообщает|сообщает|пишет)\s+(?:the\s+)?$",
                    re.I)


def agreed(chrome: Mentions, body: Mentions, titles: Sequence[str],
           reg: Registry) -> Found | None:
    """Weak evidence that counts only when both kinds agree on one outlet: a name in the chrome
    (not a "Source:" line) and a citation in the article ("as reported by <Outlet>", a dashed
    tail on the headline). Either alone is what an article citing another outlet shows."""
    cited: dict[str, Source] = {}
    for text in titles:  # "… — Suspilne" on a headline cites, like "according to"
        m = _DASH_TAIL.search(text)
        named = reg.exactly(m.group(1)) if m else None
        if named:
            cited[named.name] = named
    for text, hits in body:
        if _CITED_HINT.search(text):
            for source, start, _ in hits:
                if _CITED.search(text[max(0, start - 30): start]):
                    cited[source.name] = source
    if not cited:
        return None
    seen: set[str] = set()
    for text, hits in chrome:
        if len(text) > 80 or text in titles or _ATTRIBUTION.match(text) or _QUOTES.search(text):
            continue  # a list of sources or a related headline cites too
        for source, start, _ in hits:
            if source.name in cited and not _DASH_END.search(text[max(0, start - 6):start]):
                seen.add(source.name)
    if len(seen) != 1:
        return None
    name = seen.pop()
    return Found(name, "agreed", cited[name])
