"""The polite HTTP client: every request ``digest fetch`` sends goes through :class:`Client`.

Built on requests (already in every environment digest runs in, through trafilatura's
stack; a Session keeps one HTTP/1.1 keep-alive connection per host, gives connect/read
timeouts and streams bodies). Around it, what a well-behaved crawler owes a site:

- robots.txt read first on each host (protego) and obeyed; its Crawl-delay honoured;
- one request at a time per host, ``per_host_delay`` after the previous response ended;
- 429/503 ``Retry-After`` waited out, other 5xx and timeouts retried with a growing backoff,
  at most ``retries`` times;
- redirects followed here, hop by hop, so each hop's scheme, address and robots.txt are
  checked again;
- a body read in chunks and abandoned past ``max_bytes`` (counted after decompression);
- hosts resolving to private addresses refused before anything is sent (:mod:`.guard`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests
from protego import Protego

from digest.fetch import guard
from digest.fetch.settings import FetchSettings
from digest.fetch.urls import BadURL, host_key, normalise, robots_url
from digest.ingest.pages import http_date

REDIRECTS = (301, 302, 303, 307, 308)
BLOCKED = {401: "needs a login", 402: "behind a paywall", 403: "forbidden",
           451: "unavailable for legal reasons"}
MAX_RETRY_AFTER = 120.0  # seconds; a server asking for longer is tried again next run
MAX_CRAWL_DELAY = 60.0
MAX_ROBOTS_BYTES = 500_000  # what Google reads of a robots.txt
CHUNK = 64 * 1024
DRAIN_BYTES = 64 * 1024


class FetchFailed(Exception):
    """A URL that could not be fetched; ``kind`` says how the report files it.

    ``failed``: an error (HTTP status, network, too large); ``blocked``: the server refused
    us (401/402/403/451); ``refused``: we would not ask (scheme, private address);
    ``robots``: robots.txt disallows it."""

    def __init__(self, kind: str, message: str, status: int | None = None):
        super().__init__(message)
        self.kind, self.status = kind, status


@dataclass
class Response:
    url: str  # as requested (normalised)
    final_url: str  # after redirects
    status: int  # 200 or 304
    headers: Mapping[str, str]
    body: bytes
    fetched: dt.datetime  # when the response arrived (UTC)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass
class _Host:
    delay: float
    next_at: float = 0.0  # monotonic time of the earliest next request
    robots: Protego | None = None
    robots_problem: str | None = None  # robots.txt unavailable: nothing is fetched
    robots_read: bool = False


@dataclass
class Client:
    settings: FetchSettings
    user_agent: str
    # Validators and cached robots.txt by URL; a mapping the caller persists (see .state).
    robots_cache: dict[str, dict] = field(default_factory=dict)
    sleep: Callable[[float], None] = time.sleep
    requests_sent: int = 0

    def __post_init__(self) -> None:
        self._hosts: dict[str, _Host] = {}
        self._session = requests.Session()
        self._session.trust_env = False  # no proxies or .netrc from the environment: the
        # address check must see the real peer, and no stored password is ever sent
        adapter_cls = (requests.adapters.HTTPAdapter if self.settings.allow_private_addresses
                       else guard.GuardedAdapter)
        adapter = adapter_cls(pool_connections=32, pool_maxsize=1, max_retries=0)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers.update({"User-Agent": self.user_agent,
                                      "Accept-Language": "*"})

    def close(self) -> None:
        self._session.close()

    # -- the one public request ---------------------------------------------------------
    def get(self, url: str, validators: Mapping[str, str] | None = None, *,
            robots: bool = True, accept: str = "*/*") -> Response:
        """GET ``url`` (normalised), following redirects; 200 or 304, else FetchFailed."""
        current, hops = url, 0
        headers = {"Accept": accept, **_conditional(validators)}
        while True:
            self._admit(current, robots)
            response = self._send(current, headers)
            if response.status not in REDIRECTS:
                response.url = url
                return response
            hops += 1
            current = self._next_hop(current, response, hops)

    def delay_of(self, url: str) -> float:
        return self._host(url).delay

    def ready_at(self, url: str) -> float:
        """Monotonic time the URL's host accepts its next request (for scheduling)."""
        return self._host(url).next_at

    # -- checks before a request --------------------------------------------------------
    def _admit(self, url: str, robots: bool) -> None:
        parts = urlsplit(url)
        if not self.settings.allow_private_addresses:
            try:
                guard.check_host(parts.hostname or "", parts.port or _port(parts.scheme))
            except guard.RefusedAddress as exc:
                raise FetchFailed("refused", str(exc)) from None
            except OSError as exc:
                raise FetchFailed("failed", str(exc)) from None
        if robots:
            self._obey_robots(url)

    def _obey_robots(self, url: str) -> None:
        host = self._host(url)
        if not host.robots_read:
            host.robots_read = True
            self._read_robots(url, host)
        if host.robots_problem:
            raise FetchFailed("robots", host.robots_problem)
        if host.robots is not None and not host.robots.can_fetch(url, "digest"):
            raise FetchFailed("robots", "disallowed by the site's robots.txt; not requested")

    def _read_robots(self, url: str, host: _Host) -> None:
        """RFC 9309: a 4xx robots.txt allows everything; a 5xx or no answer, nothing."""
        where = robots_url(url)
        cached = self.robots_cache.get(where, {})
        try:
            response = self.get(where, cached, robots=False, accept="text/plain")
        except FetchFailed as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return
            host.robots_problem = (f"robots.txt could not be read ({exc}); nothing is fetched "
                                   "from this host until it can")
            return
        if response.status == 304 and "text" in cached:
            text = cached["text"]
        else:
            text = response.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
            self.robots_cache[where] = {**validators_of(response.headers), "text": text}
        host.robots = Protego.parse(text)
        crawl_delay = host.robots.crawl_delay("digest")
        if crawl_delay:
            host.delay = max(host.delay, min(float(crawl_delay), MAX_CRAWL_DELAY))

    def _next_hop(self, current: str, response: Response, hops: int) -> str:
        location = response.headers.get("location")
        if not location:
            raise FetchFailed("failed", f"redirect ({response.status}) without a Location",
                              response.status)
        if hops > self.settings.max_redirects:
            raise FetchFailed("failed", f"more than {self.settings.max_redirects} redirects")
        try:
            return normalise(location, base=current)
        except BadURL as exc:
            raise FetchFailed("refused", f"redirected to {location[:200]}: {exc}") from None

    # -- sending, pacing, retrying ------------------------------------------------------
    def _host(self, url: str) -> _Host:
        key = host_key(url)
        if key not in self._hosts:
            self._hosts[key] = _Host(delay=float(self.settings.per_host_delay))
        return self._hosts[key]

    def _send(self, url: str, headers: dict[str, str]) -> Response:
        host = self._host(url)
        retries = self.settings.retries
        for attempt in range(retries + 1):
            self._wait(host)
            try:
                response = self._once(url, headers, host, attempt)
            except _Retry as retry:
                if attempt == retries or retry.wait > MAX_RETRY_AFTER:
                    raise FetchFailed("failed", f"{retry.reason}; gave up after "
                                      f"{attempt + 1} attempts", retry.status) from None
                host.next_at = max(host.next_at, time.monotonic() + retry.wait)
                continue
            return response
        raise AssertionError("unreachable")

    def _wait(self, host: _Host) -> None:
        pause = host.next_at - time.monotonic()
        if pause > 0:
            self.sleep(pause)

    def _once(self, url: str, headers: dict[str, str], host: _Host, attempt: int) -> Response:
        """One request; the host's next slot is set from when its response ended."""
        timeout = self.settings.timeout
        backoff = (host.delay or 0.5) * 2 ** attempt
        try:
            self.requests_sent += 1
            raw = self._session.get(url, headers=headers, stream=True, allow_redirects=False,
                                    timeout=(timeout, timeout))
        except guard.RefusedAddress as exc:
            raise FetchFailed("refused", str(exc)) from None
        except (requests.Timeout, requests.ConnectionError) as exc:
            host.next_at = time.monotonic() + host.delay
            raise _Retry(f"no answer ({_short(exc)})", backoff) from None
        except requests.RequestException as exc:
            host.next_at = time.monotonic() + host.delay
            raise FetchFailed("failed", _short(exc)) from None
        try:
            return self._answer(url, raw, backoff)
        finally:
            _drain(raw)
            raw.close()
            host.next_at = max(host.next_at, time.monotonic() + host.delay)

    def _answer(self, url: str, raw: requests.Response, backoff: float) -> Response:
        status = raw.status_code
        fetched = dt.datetime.now(dt.UTC).replace(microsecond=0)
        if status == 429 or status >= 500:
            after = retry_after(raw.headers.get("retry-after"))
            reason = f"HTTP {status} {raw.reason or ''}".strip()
            if after is not None and after > MAX_RETRY_AFTER:
                reason += f" (asked to wait {after:.0f} s; try a later run)"
            raise _Retry(reason, backoff if after is None else after, status)
        if status in BLOCKED:
            raise FetchFailed("blocked", f"HTTP {status} ({BLOCKED[status]})", status)
        if status in REDIRECTS or status == 304:
            return Response(url, url, status, raw.headers, b"", fetched)
        if status != 200:
            raise FetchFailed("failed", f"HTTP {status} {raw.reason or ''}".strip(), status)
        body = self._body(raw)
        return Response(url, url, status, raw.headers, body, fetched)

    def _body(self, raw: requests.Response) -> bytes:
        cap = self.settings.max_bytes
        declared = raw.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchFailed("failed", f"too large: {_mb(int(declared))} declared, over "
                              f"fetch.max_bytes ({_mb(cap)}); not downloaded")
        deadline = time.monotonic() + 4 * self.settings.timeout
        data = bytearray()
        try:
            for chunk in raw.iter_content(CHUNK):  # decompressed; marks the body consumed
                data += chunk
                if len(data) > cap:
                    raise FetchFailed("failed", f"too large: over fetch.max_bytes "
                                      f"({_mb(cap)}); abandoned after {_mb(len(data))}")
                if time.monotonic() > deadline:
                    raise FetchFailed("failed", "too slow: the body took more than "
                                      f"{4 * self.settings.timeout:.0f} s; abandoned")
        except FetchFailed:
            raise
        except Exception as exc:  # urllib3's ProtocolError, DecodeError, ReadTimeoutError
            raise FetchFailed("failed", f"the body broke off ({_short(exc)})") from None
        return bytes(data)


class _Retry(Exception):
    def __init__(self, reason: str, wait: float, status: int | None = None):
        super().__init__(reason)
        self.reason, self.wait, self.status = reason, wait, status


def _drain(raw: requests.Response) -> None:
    """Read a small unread body (an error page, a redirect) so its connection is kept alive;
    a large or unknown one is left, and closing drops the connection instead."""
    length = raw.headers.get("content-length", "")
    if raw._content_consumed or not length.isdigit() or int(length) > DRAIN_BYTES:  # noqa: SLF001
        return
    with contextlib.suppress(Exception):  # the connection is closed below either way
        for _ in raw.iter_content(CHUNK):
            pass


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = http_date(value)
    if when is None:
        return None
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _conditional(validators: Mapping[str, str] | None) -> dict[str, str]:
    headers = {}
    if validators and validators.get("etag"):
        headers["If-None-Match"] = validators["etag"]
    if validators and validators.get("last_modified"):
        headers["If-Modified-Since"] = validators["last_modified"]
    return headers


def validators_of(headers: Mapping[str, str]) -> dict[str, str]:
    out = {}
    for key, header in (("etag", "etag"), ("last_modified", "last-modified")):
        value = headers.get(header)
        if value and len(value) < 512 and "\n" not in value and "\r" not in value:
            out[key] = value
    return out


def _port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n} bytes"


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "…"
