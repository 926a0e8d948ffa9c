"""Look for injected markup in a built site the way a browser and a feed reader would.

A page is clean when parsing it finds only elements the theme and the Markdown
renderer produce, no ``on*`` event-handler attribute, no ``javascript:`` (or
``vbscript:``, ``data:text/html``) URL, and no ``<script>`` except JSON-LD blocks
that hold no ``<``. A feed is clean when it parses with ``bozo == 0`` and every
field a reader may show as HTML (RSS title/description/content:encoded, Atom
``type="html"``) is clean as a page fragment once its XML escaping is decoded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser

# Every element the default theme and markdown-it (CommonMark + tables + strikethrough) emit.
_TAG_NAMES = (
    "html head meta title link body a header div nav ul ol li main footer p h1 h2 h3 h4 h5 h6 "
    "article section span time em strong code pre blockquote table thead tbody tr th td s del "
    "hr br img figure figcaption small abbr sup sub details summary label"
)
ALLOWED_TAGS = frozenset(_TAG_NAMES.split(" "))
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "srcset",
                       "data", "background", "cite", "longdesc", "manifest", "ping"})
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|livescript|data:text/html|data:application)",
                         re.I)


def bad_url(value: str) -> bool:
    """True for a URL a browser would run as script (after stripping what browsers ignore)."""
    return bool(_BAD_SCHEME.match(_CONTROL.sub("", value)))


class _Scanner(HTMLParser):
    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.findings: list[str] = []
        self._script: str | None = None  # type of the open <script>, None when outside one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            kind = values.get("type", "")
            if kind != "application/ld+json":
                self.findings.append(f"{self.where}: <script type={kind!r}>")
            self._script = kind
        elif tag not in ALLOWED_TAGS:
            self.findings.append(f"{self.where}: unexpected element <{tag}>")
        for name, value in values.items():
            if name.startswith("on"):
                self.findings.append(f"{self.where}: event handler {name}= on <{tag}>")
            if name in URL_ATTRS and bad_url(value):
                self.findings.append(f"{self.where}: script URL {value[:60]!r} in <{tag} {name}>")
            if name == "http-equiv" and value.lower() == "refresh":
                self.findings.append(f"{self.where}: meta refresh")
            if name == "style" and re.search(r"expression|url\s*\(", value, re.I):
                self.findings.append(f"{self.where}: active style {value[:60]!r}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._script = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None and "<" in data:
            self.findings.append(f"{self.where}: '<' inside a JSON-LD block: {data[:60]!r}")


def scan_html(text: str, where: str) -> list[str]:
    """Findings for one HTML document or fragment (empty when clean)."""
    scanner = _Scanner(where)
    scanner.feed(text)
    scanner.close()
    return scanner.findings


# Elements whose text a feed reader may render as HTML.
_RSS_HTML = {"title", "description", "{http://purl.org/rss/1.0/modules/content/}encoded"}
_ATOM = "{http://www.w3.org/2005/Atom}"


def scan_feed(data: bytes, where: str) -> list[str]:
    """Findings for one RSS/Atom file: parse errors, and injected markup in HTML fields."""
    findings: list[str] = []
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if parsed.bozo:
        findings.append(f"{where}: feedparser bozo: {parsed.get('bozo_exception')!r}")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [*findings, f"{where}: not well-formed XML: {exc}"]
    for element in root.iter():
        text = element.text or ""
        html = element.tag in _RSS_HTML or (
            element.tag.startswith(_ATOM) and element.get("type") in ("html", "xhtml")
        )
        if html and text:
            findings += scan_html(text, f"{where} <{element.tag}>")
        for name, value in element.attrib.items():
            if name in ("href", "src", "url", "xmlUrl", "htmlUrl") and bad_url(value):
                findings.append(f"{where}: script URL {value[:60]!r} in <{element.tag}>")
    return findings


def scan_site(site: Path) -> tuple[list[str], int]:
    """(findings, number of files looked at) for every HTML page and feed of a built site."""
    findings: list[str] = []
    count = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            findings += scan_html(path.read_text(encoding="utf-8"), rel)
            count += 1
        elif path.suffix in (".xml", ".opml") and path.name != "sitemap.xml":
            data = path.read_bytes()
            findings += scan_opml(data, rel) if path.suffix == ".opml" else scan_feed(data, rel)
            count += 1
    return findings, count


def scan_opml(data: bytes, where: str) -> list[str]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"{where}: not well-formed XML: {exc}"]
    return [f"{where}: script URL in outline" for e in root.iter("outline")
            if any(bad_url(e.get(k, "")) for k in ("xmlUrl", "htmlUrl"))]
