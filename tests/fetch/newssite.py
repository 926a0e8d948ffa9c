"""A small news site on 127.0.0.1 for fetch tests (and benchmarks/fetch_check.py).

It serves what real outlets serve and what goes wrong with them: robots.txt with a
disallowed /private/ path, an RSS feed and a news sitemap listing real-looking articles, a
duplicate with utm parameters and a fragment, a 301, a 429 with Retry-After, a 500, a 451,
a consent wall, a page far over the byte cap (streamed, never built in memory), a cp1251
page that declares no charset, file:// and ftp:// links, and ETag/Last-Modified validators
answered with 304s. Every request is recorded with its arrival time (server side) and
headers, so tests assert on what the server saw.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Wed, 16 Aug 2023 06:27:00 GMT"

ARTICLES = {
    "/news/2023/08/16/drones-odesa": (
        "Russian drones strike grain terminals in Odesa region overnight",
        "2023-08-16T09:27:00+03:00", "Olena Kovalenko",
        ["Russian forces launched a wave of attack drones at the Odesa region overnight, "
         "damaging grain storage facilities and a warehouse at one of the Danube ports, the "
         "regional military administration said on Wednesday morning.",
         "Air defence units shot down thirteen of the fifteen Shahed drones that approached "
         "from the Black Sea, according to the Air Force. Firefighters worked for several "
         "hours to put out the fires at the terminal.",
         "No casualties were reported. The governor said the strike was the fourth on port "
         "infrastructure in the region this month and called it an attempt to choke "
         "Ukraine's grain exports after Moscow left the Black Sea grain deal.",
         "Shipping companies said two vessels waiting to load at the port had been moved "
         "downstream as a precaution while engineers inspected the damaged berths."]),
    "/news/2023/08/17/grain-deal": (
        "Turkey proposes talks on reviving the Black Sea grain corridor",
        "2023-08-17T14:05:00+03:00", "Mehmet Yilmaz",
        ["Turkey's foreign minister said on Thursday that Ankara had proposed new talks on "
         "restoring safe passage for grain ships leaving Ukrainian ports, a month after "
         "Russia withdrew from the agreement brokered by the United Nations.",
         "Speaking at a press conference in Ankara, the minister said consultations with both "
         "sides were continuing and that a technical meeting could take place in Istanbul "
         "as early as next month.",
         "Ukraine has since opened a temporary corridor along the western coast of the Black "
         "Sea, and the first container ship left Odesa through it this week despite Russian "
         "warnings that vessels heading to Ukrainian ports could be treated as military "
         "targets."]),
    "/news/2023/08/18/kyiv-budget": (
        "Kyiv city council moves funds from road repairs to air defence",
        "2023-08-18T11:40:00+03:00", "Iryna Shevchenko",
        ["The Kyiv city council voted on Friday to move almost two billion hryvnias from "
         "planned road repairs and new public spaces to the needs of the armed forces and "
         "the city's air defence.",
         "The decision follows weeks of criticism after residents discovered that the city "
         "was spending money on paving stones and a stadium renovation while the army asked "
         "volunteers for drones and vehicles.",
         "The mayor said the capital would also fund shelters in schools and hospitals and "
         "that the remaining infrastructure projects would be reviewed one by one before "
         "the end of the year."]),
    "/news/busy-story": (
        "IMF approves the next tranche of Ukraine's loan programme",
        "2023-08-19T08:15:00+03:00", "Staff reporter",
        ["The International Monetary Fund's executive board approved the disbursement of "
         "about nine hundred million dollars to Ukraine after the second review of its "
         "four-year lending programme.",
         "The fund said Ukraine had met all quantitative performance criteria and structural "
         "benchmarks despite the war, and praised the central bank for bringing inflation "
         "down faster than expected.",
         "The finance minister said the money would go to the budget to cover pensions, "
         "salaries of teachers and doctors, and other social spending while military "
         "spending is financed from domestic revenues."]),
}
CP1251_PATH = "/uk/novyny/koshtorys"
CP1251_TITLE = "Уряд спрямував додаткові кошти на відновлення енергетики"
CP1251_BODY = [
    "Кабінет міністрів ухвалив рішення спрямувати додаткові кошти з резервного фонду "
    "державного бюджету на відновлення енергетичної інфраструктури перед зимою.",
    "За словами прем'єр-міністра, гроші підуть на ремонт підстанцій, захист об'єктів "
    "енергетики та закупівлю обладнання для теплових електростанцій у постраждалих регіонах.",
    "Міністерство енергетики має звітувати про використання коштів щомісяця, а перші "
    "роботи розпочнуться вже наступного тижня.",
]


def article_html(base: str, path: str, title: str, date: str, author: str,
                 paragraphs: list[str], charset_meta: bool = True, lang: str = "en") -> str:
    body = "\n".join(f"      <p>{p}</p>" for p in paragraphs)
    meta = '<meta charset="utf-8">\n  ' if charset_meta else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  {meta}<title>{title} | Test News</title>
  <link rel="canonical" href="{base}{path}">
  <meta property="og:title" content="{title}">
  <meta property="og:site_name" content="Test News">
  <meta property="article:published_time" content="{date}">
  <meta name="author" content="{author}">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/world/">World</a></nav>
  </header>
  <main>
    <article>
      <h1>{title}</h1>
      <p class="byline">By {author}, <time datetime="{date}">{date[:10]}</time></p>
{body}
    </article>
  </main>
  <footer><p>© Test News. All rights reserved.</p></footer>
</body>
</html>
"""


CONSENT_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Before you continue</title></head><body><div class="consent"><h1>We value your privacy</h1>
<p>We and our partners store and access information on your device, such as cookies, and
process personal data to personalise ads and content.</p>
<button>Accept all</button> <button>Reject all</button> <a href="/privacy">Manage cookie
settings</a></div></body></html>
"""


@dataclass
class Hit:
    at: float  # time.monotonic() when the request arrived
    path: str
    headers: dict[str, str]


@dataclass
class NewsSite:
    """Serves the site; ``hits`` is every request it received, in order."""

    huge_bytes: int = 3_000_000
    hits: list[Hit] = field(default_factory=list)
    busy_left: int = 1  # 429s still to send for /news/busy-story
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> NewsSite:
        site = self

        class Handler(_Handler):
            news = site

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        with self.lock:
            return [h.path for h in self.hits]

    def record(self, path: str, headers: dict[str, str]) -> None:
        with self.lock:
            self.hits.append(Hit(time.monotonic(), path, headers))

    def feed(self) -> str:
        b = self.base
        links = [f"{b}/news/2023/08/16/drones-odesa",
                 f"{b}/news/2023/08/16/drones-odesa?utm_source=rss&amp;utm_medium=feed",
                 f"{b}/private/secret-memo", f"{b}/old/grain-deal", f"{b}/news/busy-story",
                 f"{b}/news/broken", f"{b}/news/censored", f"{b}/news/huge",
                 "file:///etc/passwd", "ftp://127.0.0.1/news/archive.html"]
        items = "\n".join(f"<item><title>Item {i}</title><link>{link}</link>"
                          f"<guid>{i}</guid></item>" for i, link in enumerate(links))
        return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test News</title><link>{b}/</link>
<description>Latest news</description>
{items}
</channel></rss>
"""

    def sitemap(self) -> str:
        b = self.base
        locs = [f"{b}/news/2023/08/18/kyiv-budget", f"{b}{CP1251_PATH}",
                f"{b}/news/2023/08/16/drones-odesa#comments", f"{b}/news/consent-wall"]
        urls = "\n".join(
            f"<url><loc>{loc}</loc><news:news><news:publication><news:name>Test News"
            f"</news:name><news:language>en</news:language></news:publication>"
            f"<news:publication_date>2023-08-18T11:40:00+03:00</news:publication_date>"
            f"<news:title>Story</news:title></news:news></url>" for loc in locs)
        return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{urls}
</urlset>
"""


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up mid-response (the byte cap) is expected here


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers
    news: NewsSite

    def log_message(self, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.news.record(self.path, {k.lower(): v for k, v in self.headers.items()})
        path = self.path.split("?", 1)[0]
        route = ROUTES.get(path)
        if route is not None:
            route(self)
        elif path in ARTICLES:
            title, date, author, paragraphs = ARTICLES[path]
            html = article_html(self.news.base, path, title, date, author, paragraphs)
            if path == "/news/busy-story" and self._busy():
                return
            self._cached(html.encode("utf-8"), "text/html; charset=utf-8")
        else:
            self._send(404, b"not found", "text/plain")

    def _busy(self) -> bool:
        with self.news.lock:
            if self.news.busy_left <= 0:
                return False
            self.news.busy_left -= 1
        self._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
        return True

    def _send(self, status: int, body: bytes, content_type: str,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _cached(self, body: bytes, content_type: str) -> None:
        """200 with validators, or 304 when the client's validators match."""
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag or (
                self.headers.get("If-None-Match") is None
                and self.headers.get("If-Modified-Since") == LAST_MODIFIED):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(200, body, content_type, {"ETag": etag, "Last-Modified": LAST_MODIFIED})


def _robots(h: _Handler) -> None:
    h._cached(b"User-agent: *\nDisallow: /private/\n", "text/plain")


def _feed(h: _Handler) -> None:
    h._cached(h.news.feed().encode("utf-8"), "application/rss+xml; charset=utf-8")


def _sitemap(h: _Handler) -> None:
    h._cached(h.news.sitemap().encode("utf-8"), "application/xml")


def _moved(h: _Handler) -> None:
    h._send(301, b"", "text/plain", {"Location": "/news/2023/08/17/grain-deal"})


def _broken(h: _Handler) -> None:
    h._send(500, b"internal error", "text/plain")


def _censored(h: _Handler) -> None:
    h._send(451, b"unavailable for legal reasons", "text/html")


def _consent(h: _Handler) -> None:
    h._cached(CONSENT_HTML.encode("utf-8"), "text/html; charset=utf-8")


def _cp1251(h: _Handler) -> None:
    html = article_html(h.news.base, CP1251_PATH, CP1251_TITLE, "2023-08-18T16:00:00+03:00",
                        "Оксана Мельник", CP1251_BODY, charset_meta=False, lang="uk")
    h._cached(html.encode("cp1251"), "text/html")  # no charset anywhere


def _huge(h: _Handler) -> None:
    """A page of ``huge_bytes`` streamed in chunks without a length: the client must stop."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"<p>" + b"filler text of a page that never ends " * 1600 + b"</p>\n"
    sent = 0
    try:
        h.wfile.write(b"<!DOCTYPE html><html><body>")
        while sent < h.news.huge_bytes:
            h.wfile.write(chunk)
            sent += len(chunk)
    except OSError:
        pass  # the client hung up, as it should
    h.close_connection = True


ROUTES = {
    "/robots.txt": _robots, "/feed.xml": _feed, "/sitemap.xml": _sitemap,
    "/old/grain-deal": _moved, "/news/broken": _broken, "/news/censored": _censored,
    "/news/consent-wall": _consent, CP1251_PATH: _cp1251, "/news/huge": _huge,
}

GOOD = ["/news/2023/08/16/drones-odesa", "/news/2023/08/17/grain-deal",
        "/news/2023/08/18/kyiv-budget", "/news/busy-story", CP1251_PATH]
