"""``digest fetch`` edge cases against scripted servers: caps, changed pages, redirects."""

from __future__ import annotations

import json

import pytest

from digest import config as config_mod
from digest.fetch.run import fetch
from digest.report import Reporter
from tests.fetch.newssite import ARTICLES, article_html

HTML = {"Content-Type": "text/html; charset=utf-8"}


def project(tmp_path, sources, **fetch_keys):
    root = tmp_path / "proj"
    root.mkdir()
    keys = {"sources": sources, "per_host_delay": 0.05, "allow_private_addresses": True,
            **fetch_keys}
    (root / "digest.yaml").write_text("base_url: https://example.org/d/\nfetch: "
                                      + json.dumps(keys) + "\n")
    return config_mod.load(root / "digest.yaml")


def page(s, path, key):
    title, date, author, paragraphs = ARTICLES[key]
    return article_html(s.url(""), path, title, date, author, paragraphs).encode()


def test_max_pages_caps_a_run_and_leaves_the_rest_for_the_next(server, tmp_path):
    keys = list(ARTICLES)
    routes = {"/robots.txt": (404, {}, b"")}
    links = []
    for i, key in enumerate(keys):
        routes[f"/p{i}"] = lambda h, i=i, key=key: (200, HTML, page(s, f"/p{i}", key))
        links.append(f"<item><link>/p{i}</link></item>")
    rss = f"<rss version='2.0'><channel><title>t</title>{''.join(links)}</channel></rss>"
    routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, rss.encode())
    s = server(routes)
    config = project(tmp_path, [s.url("/feed")], max_pages=2)
    report = fetch(config, Reporter(quiet=True), ingest=False)
    assert len(report.with_status("written")) == 2
    left = report.with_status("skipped")
    assert len(left) == len(keys) - 2 and all("max_pages" in r.reason for r in left)
    assert sum(p.startswith("/p") for p in s.paths()) == 2


def test_a_page_that_changed_on_the_server_keeps_its_first_copy(server, tmp_path):
    versions = [b""]  # what the server serves at /a, set once its URL is known
    s = server({"/robots.txt": (404, {}, b""),
                "/a": lambda h: (200, HTML, versions[0])})
    versions[0] = page(s, "/a", "/news/2023/08/16/drones-odesa")
    config = project(tmp_path, [s.url("/a")])
    first = fetch(config, Reporter(quiet=True), ingest=False)
    [written] = first.with_status("written")
    saved = (config.root / written.file).read_bytes()
    versions[0] = versions[0].replace(b"thirteen", b"fourteen")
    second = fetch(config, Reporter(quiet=True), ingest=False)
    [kept] = second.with_status("unchanged")
    assert "first copy is kept" in kept.reason
    assert (config.root / written.file).read_bytes() == saved


def test_two_urls_redirecting_to_one_page_save_it_once(server, tmp_path):
    s = server({"/robots.txt": (404, {}, b""),
                "/x": (301, {"Location": "/story"}, b""), "/y": (302, {"Location": "/story"}, b""),
                "/story": lambda h: (200, HTML, page(s, "/story", "/news/busy-story"))})
    config = project(tmp_path, [s.url("/x"), s.url("/y")])
    report = fetch(config, Reporter(quiet=True), ingest=False)
    assert [r.url for r in report.with_status("written")] == [s.url("/x")]
    [dup] = report.with_status("skipped")
    assert dup.url == s.url("/y") and "already fetched" in dup.reason
    provenance = json.loads(next((config.root / "raw").rglob("*.provenance.json")).read_text())
    assert provenance["final_url"] == s.url("/story") and provenance["status"] == 200


def test_a_source_that_is_neither_feed_sitemap_nor_page_fails_by_url(server, tmp_path):
    s = server({"/robots.txt": (404, {}, b""),
                "/file.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 x")})
    config = project(tmp_path, [s.url("/file.pdf")])
    report = fetch(config, Reporter(quiet=True), ingest=False)
    [failed] = report.with_status("failed")
    assert failed.url == s.url("/file.pdf") and report.failed


def test_nothing_to_fetch_says_where_to_list_sources(tmp_path):
    from digest.report import DigestError

    config = project(tmp_path, [])
    with pytest.raises(DigestError, match="fetch.sources"):
        fetch(config, Reporter(quiet=True))
