"""Pages that stand in for an article: cookie-consent walls and paywalls.

A consent wall or a "subscribe to continue reading" page answers 200 and looks like a page,
and an extractor will happily turn its three paragraphs about cookies into an "article".
:func:`interstitial` names such a page so fetch reports it as blocked instead of ingesting
it. The signals are general, not per-site: a consent host or path (``consent.*``,
``/consent``), consent or paywall wording with hardly any article text beside it, or
``isAccessibleForFree: false`` together with paywall wording.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

CONSENT = re.compile(
    r"accept all|reject all|manage (your )?(cookie|privacy)|we value your privacy|"
    r"before you continue|cookie (settings|preferences|policy)|consent to (the )?use|"
    r"your privacy choices|we and our partners|прийняти вс|погоджуюсь|принять вс|"
    r"alle akzeptieren|tout accepter",
    re.IGNORECASE,
)
PAYWALL = re.compile(
    r"subscribe (now )?to (continue|read|keep reading)|to continue reading|"
    r"already a subscriber|subscribers? only|exclusive(ly)? for subscribers|"
    r"sign in to (continue|read)|create a free account to|this article is for subscribers|"
    r"передплат\w* щоб|оформіть передплату|оформите подписку|только для подписчиков|"
    r"jetzt abonnieren|réservé aux abonnés",
    re.IGNORECASE,
)
_NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?false"?', re.IGNORECASE)
_CONSENT_PATH = {"consent", "cookie-consent", "cookiewall", "cookie-wall", "privacy-gate",
                 "paywall", "gdpr"}
ARTICLE_TEXT = 400  # characters of plain paragraphs an article has at the very least


def interstitial(html: str, url: str) -> str | None:
    """Why this page is a consent or paywall page, or None when it may be an article."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    first = parts.path.strip("/").split("/", 1)[0].lower()
    if host.startswith(("consent.", "guce.")) or first in _CONSENT_PATH:
        return f"a consent or paywall page ({host}/{first})"
    text, paragraphs = _text(html)
    consent, paywall = CONSENT.search(text), PAYWALL.search(text)
    if paywall and _NOT_FREE.search(html):
        return f"a paywall (the page says isAccessibleForFree: false and {paywall.group(0)!r})"
    wording = consent or paywall
    if wording and paragraphs < ARTICLE_TEXT:
        kind = "cookie-consent wall" if consent else "paywall"
        return f"a {kind} ({wording.group(0)!r} and almost no article text)"
    return None


def _text(html: str) -> tuple[str, int]:
    """The page's visible text, and how much of it is in plain paragraphs (80+ characters,
    no consent or paywall wording) — what an article is made of."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html[:2_000_000])
    except (etree.ParserError, ValueError):
        return "", 0
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    plain = 0
    for p in root.iter("p"):
        words = " ".join(p.text_content().split())
        if len(words) >= 80 and not CONSENT.search(words) and not PAYWALL.search(words):
            plain += len(words)
    return " ".join(root.text_content().split()), plain
