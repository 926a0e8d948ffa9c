"""Helpers that look at a built site the way a visitor's browser would."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class LinkParser(HTMLParser):
    """Collects every href/src and every id of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def parse_page(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_url(site: Path, file: Path, origin: str) -> str:
    """The URL a file is served at when ``site`` is served at ``origin`` (ending in '/')."""
    rel = file.relative_to(site).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return origin + rel


def file_for(site: Path, url: str, origin: str) -> Path | None:
    """The file that would answer ``url``, or None when the URL is not inside the site."""
    if not url.startswith(origin):
        return None
    rel = urlsplit(url).path[len(urlsplit(origin).path):]
    target = site / rel
    return target / "index.html" if rel == "" or rel.endswith("/") else target


def broken_links(site: Path, origin: str) -> list[str]:
    """Every internal link, stylesheet or fragment that does not resolve, as 'page -> link'."""
    broken = []
    host = "{0.scheme}://{0.netloc}".format(urlsplit(origin))
    for file in sorted(site.rglob("*.html")):
        parser = parse_page(file)
        here = page_url(site, file, origin)
        for link in parser.links:
            absolute = urljoin(here, link)
            if not absolute.startswith(host):
                continue  # another host: not ours to check
            target_url, _, fragment = absolute.partition("#")
            target = file_for(site, target_url, origin)
            if target is None or not target.is_file():
                broken.append(f"{file.relative_to(site)} -> {link}")
            elif fragment and target.suffix == ".html" and fragment not in parse_page(target).ids:
                broken.append(f"{file.relative_to(site)} -> {link} (no id {fragment!r})")
    return broken


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` over HTTP on a free loopback port; yields the origin URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
