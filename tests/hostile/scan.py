"""Look for injected markup in a built site the way a browser and a feed reader would.

A page is clean when parsing it finds only elements the theme and the Markdown
renderer produce, no ``on*`` event-handler attribute, no ``javascript:`` (or
``vbscript:``, ``data:text/html``) URL, and no ``<script>`` except JSON-LD blocks
that hold no ``<``. A feed is clean when it parses with ``bozo == 0`` and every
field a reader may show as HTML (RSS title/description/content:encoded, Atom
``type="html"``) is clean as a page fragment once its XML escaping is decoded.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import feedparser

# Every element the default theme and markdown-it (CommonMark + tables + strikethrough) emit.
_TAG_NAMES = (
    "html head meta title link body a header div nav ul ol li main footer p h1 h2 h3 h4 h5 h6 "
    "article section span time em strong code pre blockquote table thead tbody tr th td s del "
    "hr br img figure figcaption small abbr sup sub details summary label"
)  # the theme's own extras (search form, SVG charts...) are learned: see Baseline
ALLOWED_TAGS = frozenset(_TAG_NAMES.split(" "))
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "srcset",
                       "data", "background", "cite", "longdesc", "manifest", "ping"})
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|livescript|data:text/html|data:application)",
                         re.I)


def bad_url(value: str) -> bool:
    """True for a URL a browser would run as script (after stripping what browsers ignore)."""
    return bool(_BAD_SCHEME.match(_CONTROL.sub("", value)))


@dataclass
class Baseline:
    """What the theme itself puts in pages: learned from a build of harmless content."""

    tags: set[str] = field(default_factory=lambda: set(ALLOWED_TAGS))
    scripts: set[str] = field(default_factory=set)  # "src:<url>" or "inline:<text>"

    def learn(self, site: Path) -> Baseline:
        for path in site.rglob("*.html"):
            scanner = _Scanner(str(path), self, learning=True)
            scanner.feed(path.read_text(encoding="utf-8"))
        return self


class _Scanner(HTMLParser):
    def __init__(self, where: str, baseline: Baseline, learning: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.baseline = baseline
        self.learning = learning
        self.findings: list[str] = []
        self._script: str | None = None  # type of the open <script>, None when outside one
        self._inline: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if self.learning:
            self.baseline.tags.add(tag)
        if tag == "script":
            self._script = values.get("type", "")
            self._inline = []
            if "src" in values:
                self._known_script("src:" + values["src"])
        elif tag not in self.baseline.tags:
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
        if tag == "script" and self._script is not None:
            text = "".join(self._inline).strip()
            if self._script == "application/ld+json":
                if "<" in text:
                    self.findings.append(f"{self.where}: '<' inside a JSON-LD block")
            elif text:
                self._known_script("inline:" + text)
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._inline.append(data)

    def _known_script(self, signature: str) -> None:
        if self.learning:
            self.baseline.scripts.add(signature)
        elif signature not in self.baseline.scripts:
            self.findings.append(f"{self.where}: script not from the theme: {signature[:80]!r}")


def scan_html(text: str, where: str, baseline: Baseline | None = None) -> list[str]:
    """Findings for one HTML document or fragment (empty when clean)."""
    scanner = _Scanner(where, baseline or Baseline())
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


def scan_json_feed(data: bytes, where: str) -> list[str]:
    """JSON Feed: valid JSON; ``content_html`` clean as HTML; URLs not script URLs."""
    try:
        feed = json.loads(data)
    except ValueError as exc:
        return [f"{where}: not valid JSON: {exc}"]
    findings = []
    for item in feed.get("items", []):
        findings += scan_html(item.get("content_html", ""), f"{where} content_html")
        for key in ("url", "external_url", "image"):
            if bad_url(str(item.get(key, ""))):
                findings.append(f"{where}: script URL in {key}")
    return findings


def scan_site(site: Path, baseline: Baseline | None = None) -> tuple[list[str], int]:
    """(findings, number of files looked at) for every HTML page and feed of a built site.

    ``baseline`` holds the theme's own elements and scripts; without one, any script
    other than JSON-LD is a finding.
    """
    baseline = baseline or Baseline()
    findings: list[str] = []
    count = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.relative_to(site).parts[0] == "pagefind":
            continue  # pagefind/ is the search index the third-party tool writes
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if path.suffix == ".html":
            findings += scan_html(data.decode("utf-8"), rel, baseline)
        elif path.suffix == ".opml":
            findings += scan_opml(data, rel)
        elif path.suffix == ".xml" and path.name != "sitemap.xml":
            findings += scan_feed(data, rel)
        elif path.suffix == ".json" and path.stem.startswith("feed"):
            findings += scan_json_feed(data, rel)
        else:
            continue
        count += 1
    return findings, count


def scan_opml(data: bytes, where: str) -> list[str]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"{where}: not well-formed XML: {exc}"]
    return [f"{where}: script URL in outline" for e in root.iter("outline")
            if any(bad_url(e.get(k, "")) for k in ("xmlUrl", "htmlUrl"))]
