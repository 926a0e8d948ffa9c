"""``digest check --site``: the built site as a visitor and a feed reader would meet it.

Every internal ``href``/``src`` of every HTML page must resolve to a file of
the site, every feed and the OPML must parse, and every sitemap ``<loc>`` and
feed link must point at a page that exists. Links are found with one regular
expression rather than an HTML parser: the check runs in CI on 10,000-page
sites, and a regex pass is an order of magnitude faster than ``html.parser``
while reading the same attributes (quoted either way, or bare).

A URL is *internal* when it is relative, absolute from the base path
(``/repo/...``), or absolute under ``base_url``. A root-absolute path outside
the base path is an error of its own: it works on a local server and breaks
on a GitHub Pages project site, the most common theming mistake.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from digest import urls
from digest.report import Reporter, count

LINK_RE = re.compile(
    r"""<[a-zA-Z][^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
)
CANONICAL_RE = re.compile(r'<link rel="canonical" href="([^"]*)"')
SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "#")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_SAME = 1  # occurrences of one broken target reported in full; the rest are counted


@dataclass
class Broken:
    """Every place that links to one missing target."""

    target: str
    places: list[tuple[str, int | None]] = field(default_factory=list)


@dataclass
class SiteChecker:
    site: Path
    base_url: str
    reporter: Reporter
    files: set[str] = field(default_factory=set)
    broken: dict[str, Broken] = field(default_factory=dict)
    links_checked: int = 0

    def __post_init__(self) -> None:
        self.base_path = urls.Site(self.base_url).base_path
        self.base = self.base_url if self.base_url.endswith("/") else self.base_url + "/"

    # Resolving URLs -------------------------------------------------------------

    def internal_path(self, url: str, page_dir: str) -> str | None:
        """The site path ``url`` points at, ``None`` when external; raises ValueError if outside."""
        if url.startswith(SKIP_SCHEMES) or not url:
            return None
        if url.startswith(("http://", "https://", "//")):
            if url.startswith("//"):
                url = urlsplit(self.base).scheme + ":" + url
            if not url.startswith(self.base):
                return None
            path = urlsplit(url[len(self.base):]).path
        elif url.startswith("/"):
            path = urlsplit(url).path
            if not (path + "/").startswith(self.base_path):
                raise ValueError(f"is absolute from the host root, outside the base path "
                                 f"{self.base_path}")
            path = path[len(self.base_path):]
        else:
            path = urlsplit(url).path
            if not path:
                return None  # "?query" or "#fragment" on the same page
            path = posixpath.join(page_dir, path)
        path = unquote(path)
        slash = path.endswith("/") or path in ("", ".")
        path = posixpath.normpath(path) if path else "."
        if path == ".." or path.startswith("../"):
            raise ValueError("climbs above the site root")
        path = "" if path == "." else path
        return path + "/" if slash and path else path

    def exists(self, path: str) -> bool:
        if path == "" or path.endswith("/"):
            return urls.output_file(path) in self.files
        return path in self.files or f"{path}/index.html" in self.files

    def link(self, url: str, page_dir: str, file: str, line_of) -> None:
        """Check one link found in ``file``; ``line_of()`` computes its line only when needed."""
        try:
            path = self.internal_path(url, page_dir)
        except ValueError as exc:
            self.reporter.error(f"link {url!r} {exc}", file, line_of(),
                                hint="use the template's url() for links inside the site")
            return
        if path is None:
            return
        self.links_checked += 1
        if not self.exists(path):
            entry = self.broken.setdefault(path, Broken(path))
            entry.places.append((file, line_of() if len(entry.places) < MAX_SAME else None))

    # Pages, feeds, sitemap --------------------------------------------------------

    def html_page(self, rel: str) -> None:
        text = (self.site / rel).read_text(encoding="utf-8", errors="replace")
        page_dir = posixpath.dirname(rel)
        name = self._name(rel)
        for m in LINK_RE.finditer(text):
            raw = m.group(1) if m.group(1) is not None else m.group(2) or m.group(3) or ""
            url = html.unescape(raw.strip())
            start = m.start()
            self.link(url, page_dir, name, lambda s=start, t=text: t.count("\n", 0, s) + 1)

    def xml_file(self, rel: str) -> None:
        name = self._name(rel)
        try:
            root = ET.parse(self.site / rel).getroot()
        except ET.ParseError as exc:
            self.reporter.error(f"not well-formed XML: {exc}", name, exc.position[0],
                                hint="a feed reader will reject it; check the template")
            return
        for url in _xml_links(root):
            self.link(url, posixpath.dirname(rel), name, lambda: None)

    def report_broken(self) -> None:
        for entry in self.broken.values():
            file, line = entry.places[0]
            more = len(entry.places) - 1
            also = f" (and {count(more, 'more link')} to it)" if more else ""
            target = self.base_path + entry.target
            self.reporter.error(f"broken link to {target}{also}", file, line,
                                hint=f"no file {self._name(urls.output_file(entry.target))}")

    def _name(self, rel: str) -> str:
        return str(self.site / rel)


def _xml_links(root: ET.Element) -> list[str]:
    """Links a feed reader or crawler follows: item links, sitemap locs, OPML feed URLs."""
    tag = root.tag
    if tag == "rss":
        return [e.text or "" for e in root.iterfind("channel/item/link")] + [
            e.text or "" for e in root.iterfind("channel/link")]
    if tag == f"{ATOM}feed":
        return [e.get("href", "") for e in root.iter(f"{ATOM}link")]
    if tag == f"{SITEMAP_NS}urlset":
        return [(e.text or "").strip() for e in root.iter(f"{SITEMAP_NS}loc")]
    if tag == "opml":
        return [e.get(k, "") for e in root.iter("outline") for k in ("xmlUrl", "htmlUrl")
                if e.get(k)]
    return []


def site_files(site: Path) -> set[str]:
    found: set[str] = set()
    for dirpath, _dirnames, filenames in os.walk(site):
        rel = os.path.relpath(dirpath, site)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found.update(prefix + f for f in filenames)
    return found


def check_site(site: Path, base_url: str, reporter: Reporter) -> SiteChecker | None:
    """Check the site built into ``site`` for ``base_url``; problems go to ``reporter``."""
    if not (site / "index.html").is_file():
        reporter.error("no built site here (no index.html)", str(site),
                       hint="run 'digest build' first, or pass --out")
        return None
    checker = SiteChecker(site, base_url, reporter, site_files(site))
    _check_built_for(checker)
    pages = sorted(f for f in checker.files if f.endswith(".html"))
    xml = sorted(f for f in checker.files if f.endswith((".xml", ".opml")))
    with reporter.progress(len(pages) + len(xml), "checking the site") as bar:
        for rel in pages:
            checker.html_page(rel)
            bar.advance()
        for rel in xml:
            checker.xml_file(rel)
            bar.advance()
    if "sitemap.xml" not in checker.files:
        reporter.error("no sitemap.xml", str(site), hint="run 'digest build' again")
    checker.report_broken()
    reporter.info(f"checked {len(pages)} pages, {len(xml)} feeds and sitemaps, "
                  f"{checker.links_checked} internal links: {len(checker.broken)} broken")
    return checker


def _check_built_for(checker: SiteChecker) -> None:
    """Warn when the site was built for another base URL (its links would all look external)."""
    head = (checker.site / "index.html").read_text(encoding="utf-8", errors="replace")[:4000]
    m = CANONICAL_RE.search(head)
    if m and not html.unescape(m.group(1)).startswith(checker.base):
        checker.reporter.warning(
            f"the site was built for {html.unescape(m.group(1))}, not {checker.base}",
            checker._name("index.html"),
            hint="pass the same --base-url (or DIGEST_BASE_URL) to build and check",
        )
