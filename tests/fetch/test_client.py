"""The polite client against scripted answers: redirects, robots.txt, caps and retries."""

from __future__ import annotations

import email.utils
import time

import pytest

from digest.fetch.client import Client, FetchFailed, retry_after
from digest.fetch.settings import FetchSettings

HTML = {"Content-Type": "text/html"}


def client(**settings) -> Client:
    values = {"per_host_delay": 0.05, "allow_private_addresses": True, "retries": 1, **settings}
    return Client(FetchSettings(**values), "digest/test")


def test_redirects_are_followed_bounded_and_each_hop_checked(server):
    s = server({"/robots.txt": (404, {}, b""),
                "/a": (301, {"Location": "/b"}, b""), "/b": (302, {"Location": "/c"}, b""),
                "/c": (200, HTML, b"<html>ok</html>"),
                "/loop": (302, {"Location": "/loop"}, b""),
                "/ftp": (302, {"Location": "ftp://127.0.0.1/x"}, b"")})
    c = client(max_redirects=3)
    response = c.get(s.url("/a"))
    assert response.final_url == s.url("/c") and response.body == b"<html>ok</html>"
    with pytest.raises(FetchFailed, match="more than 3 redirects"):
        c.get(s.url("/loop"))
    with pytest.raises(FetchFailed, match="ftp") as err:
        c.get(s.url("/ftp"))
    assert err.value.kind == "refused"


def test_a_declared_length_over_the_cap_is_not_downloaded(server):
    s = server({"/robots.txt": (404, {}, b""), "/big": (200, HTML, b"x" * 20_000)})
    with pytest.raises(FetchFailed, match="max_bytes") as err:
        client(max_bytes=10_000).get(s.url("/big"))
    assert err.value.kind == "failed"


def test_robots_crawl_delay_wins_when_larger(server):
    s = server({"/robots.txt": (200, {}, b"User-agent: *\nCrawl-delay: 0.3\n"),
                "/a": (200, HTML, b"a"), "/b": (200, HTML, b"b")})
    c = client()
    c.get(s.url("/a"))
    c.get(s.url("/b"))
    times = [t for t, _, _ in s.hits]
    assert c.delay_of(s.url("/a")) == 0.3
    assert times[2] - times[1] >= 0.3


def test_robots_txt_for_digest_is_obeyed(server):
    s = server({"/robots.txt": (200, {}, b"User-agent: digest\nDisallow: /\n\n"
                                         b"User-agent: *\nAllow: /\n"),
                "/a": (200, HTML, b"a")})
    with pytest.raises(FetchFailed) as err:
        client().get(s.url("/a"))
    assert err.value.kind == "robots" and s.paths() == ["/robots.txt"]


def test_a_robots_txt_that_errors_stops_the_host(server):
    s = server({"/robots.txt": (500, {}, b""), "/a": (200, HTML, b"a")})
    with pytest.raises(FetchFailed, match="robots.txt could not be read"):
        client(retries=0).get(s.url("/a"))
    assert "/a" not in s.paths()


def test_a_retry_after_too_long_is_not_waited_for(server):
    s = server({"/robots.txt": (404, {}, b""),
                "/busy": (503, {"Retry-After": "3600"}, b"")})
    start = time.monotonic()
    with pytest.raises(FetchFailed, match="3600"):
        client().get(s.url("/busy"))
    assert s.paths().count("/busy") == 1 and time.monotonic() - start < 60


def test_retry_after_reads_seconds_and_dates():
    assert retry_after("7") == 7.0
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= retry_after(later) <= 31
    assert retry_after("soon") is None


def test_conditional_headers_are_sent_and_a_304_returned(server):
    def page(headers):
        if headers.get("if-none-match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {**HTML, "ETag": '"v1"'}, b"<html>v1</html>"

    s = server({"/robots.txt": (404, {}, b""), "/p": page})
    c = client()
    first = c.get(s.url("/p"))
    assert first.status == 200 and first.headers["etag"] == '"v1"'
    second = c.get(s.url("/p"), {"etag": '"v1"', "last_modified": "Wed, 16 Aug 2023 06:27:00 GMT"})
    assert second.status == 304
    assert s.hits[-1][2]["if-modified-since"] == "Wed, 16 Aug 2023 06:27:00 GMT"


def test_blocked_statuses_are_blocked(server):
    s = server({"/robots.txt": (404, {}, b""), "/x": (403, {}, b""), "/y": (402, {}, b"")})
    for path in ("/x", "/y"):
        with pytest.raises(FetchFailed) as err:
            client().get(s.url(path))
        assert err.value.kind == "blocked"


def test_one_connection_is_kept_alive_per_host(server):
    s = server({"/robots.txt": (404, {}, b""), "/a": (200, HTML, b"a"), "/b": (200, HTML, b"b")})
    ports = []
    original = s.server.RequestHandlerClass.do_GET

    def spy(handler):
        ports.append(handler.client_address[1])
        original(handler)

    s.server.RequestHandlerClass.do_GET = spy
    c = client()
    c.get(s.url("/a"))
    c.get(s.url("/b"))
    assert len(set(ports)) == 1 and len(ports) == 3
