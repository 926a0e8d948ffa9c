"""What a source URL serves, recognised by its content: a feed, a sitemap, or a page.

An outlet's ``/rss`` may be Atom, its ``/news.xml`` a sitemap index, its ``feed.json`` a JSON
Feed, and a URL the user pasted an article: the bytes decide, not the name. Feeds are read by
feedparser (RSS 0.9x/1.0/2.0, Atom), JSON Feed by ``json``, sitemaps (with the news and image
extensions) by lxml. Everything here came from a server, so XML that declares entities or an
internal DTD subset is refused before any parser sees it (no billion laughs, no external
entities), lxml is told not to load DTDs, resolve entities or touch the network, and
feedparser gets a stream, never a string it could take for a file name or URL.
"""

from __future__ import annotations

import io
import json
import re
import zlib
from dataclasses import dataclass, field

_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|urlset|sitemapindex|html)\b",
                   re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


class NotASource(ValueError):
    """The bytes are none of the things fetch reads."""


@dataclass
class Found:
    kind: str  # "feed", "sitemap", "sitemap index" or "page"
    links: list[str] = field(default_factory=list)  # as written (relative links allowed)


def recognise(body: bytes, content_type: str, url: str, max_bytes: int) -> Found:
    """What ``body`` (served from ``url`` as ``content_type``) is, and the links it lists."""
    if body[:2] == b"\x1f\x8b":
        body = gunzip(body, max_bytes)
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return Found("feed", _json_feed(body))
    if _HTML_START.match(head) or ("html" in content_type.lower() and b"<?xml" not in head):
        return Found("page")
    root = _ROOT.search(head)
    if root is None:
        raise NotASource(f"not a feed, sitemap or HTML page (served as "
                         f"{content_type or 'no content type'})")
    if _ENTITY.search(body[:65536]):
        raise NotASource("XML that declares entities or a DTD subset is not read")
    name = root.group(1).decode("ascii").lower()
    if name == "html":
        return Found("page")
    if name in ("urlset", "sitemapindex"):
        return Found("sitemap" if name == "urlset" else "sitemap index", _sitemap(body))
    return Found("feed", _feed(body, content_type, url))


def gunzip(body: bytes, max_bytes: int) -> bytes:
    """A gzipped sitemap, inflated no further than ``max_bytes`` (a gzip bomb stops there)."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise NotASource(f"broken gzip data ({exc})") from None
    if len(data) > max_bytes:
        raise NotASource(f"over fetch.max_bytes ({max_bytes} bytes) once uncompressed")
    return data


def _json_feed(body: bytes) -> list[str]:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise NotASource(f"JSON that cannot be read ({exc})") from None
    if not (isinstance(data, dict) and isinstance(data.get("items"), list)
            and "jsonfeed" in str(data.get("version", ""))):
        raise NotASource("JSON that is not a JSON Feed (no version/items)")
    links = []
    for item in data["items"]:
        if isinstance(item, dict):
            link = item.get("url") or item.get("external_url")
            if isinstance(link, str):
                links.append(link)
    return links


def _feed(body: bytes, content_type: str, url: str) -> list[str]:
    import feedparser  # imported when a feed is met: it is slow to load

    parsed = feedparser.parse(io.BytesIO(body), response_headers={
        "content-type": content_type or "application/xml", "content-location": url})
    if parsed.bozo and not parsed.entries:
        raise NotASource(f"a feed that cannot be read ({parsed.get('bozo_exception')})")
    links = []
    for entry in parsed.entries:
        link = entry.get("link") or next(
            (lk.get("href") for lk in entry.get("links", []) if lk.get("href")), None)
        if isinstance(link, str):
            links.append(link)
    return links


def _sitemap(body: bytes) -> list[str]:
    """``<loc>`` of every ``<url>`` or ``<sitemap>``, newest ``lastmod`` first when given."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise NotASource(f"a sitemap that cannot be read ({exc})") from None
    entries: list[tuple[str, str]] = []
    for item in root:
        if not isinstance(item.tag, str):
            continue
        loc = modified = None
        for child in item.iter():
            local = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if local == "loc" and loc is None and child.getparent() is item:
                loc = (child.text or "").strip()
            elif local in ("lastmod", "publication_date") and child.text:
                modified = max(modified or "", child.text.strip())
        if loc:
            entries.append((modified or "", loc))
    # sorted() is stable under reverse=True: entries with the same lastmod keep file order
    return [loc for _, loc in sorted(entries, key=lambda entry: entry[0], reverse=True)]
