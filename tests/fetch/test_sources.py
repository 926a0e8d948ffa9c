import gzip
import json

import pytest

from digest.fetch.sources import NotASource, recognise

BASE = "https://news.example/"


def test_rss_atom_and_json_feeds_are_recognised_by_content_not_name():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><link>https://news.example/a</link></item><item><link>/b</link></item></channel></rss>"""
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>t</title><entry><title>x</title><link href="https://news.example/c"/></entry></feed>"""
    jsonfeed = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "t",
                           "items": [{"id": "1", "url": "https://news.example/d"}]}).encode()
    assert recognise(rss, "text/plain", BASE, 10**6).links == ["https://news.example/a",
                                                                 "https://news.example/b"]
    assert recognise(atom, "", BASE, 10**6).links == ["https://news.example/c"]
    found = recognise(jsonfeed, "application/json", BASE, 10**6)
    assert (found.kind, found.links) == ("feed", ["https://news.example/d"])


def test_sitemaps_list_newest_first_and_an_index_lists_sitemaps():
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>https://news.example/old</loc><lastmod>2023-01-01</lastmod></url>
    <url><loc>https://news.example/new</loc><lastmod>2023-08-16</lastmod></url></urlset>"""
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://news.example/s1.xml</loc></sitemap></sitemapindex>"""
    assert recognise(urlset, "", BASE, 10**6).links == ["https://news.example/new",
                                                          "https://news.example/old"]
    found = recognise(gzip.compress(index), "application/gzip", BASE, 10**6)
    assert (found.kind, found.links) == ("sitemap index", ["https://news.example/s1.xml"])


def test_an_html_page_is_a_page():
    assert recognise(b"<!doctype html><html><body>x</body></html>", "", BASE, 10**6).kind == "page"


def test_xml_declaring_entities_is_refused_before_any_parser_sees_it():
    laughs = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">
    <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><link>&b;</link>
    </item></channel></rss>"""
    external = b"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">
    ]><urlset><url><loc>&x;</loc></url></urlset>"""
    for body in (laughs, external):
        with pytest.raises(NotASource, match="entities"):
            recognise(body, "application/xml", BASE, 10**6)


def test_a_gzip_bomb_stops_at_max_bytes():
    bomb = gzip.compress(b"<urlset>" + b" " * 5_000_000)
    with pytest.raises(NotASource, match="max_bytes"):
        recognise(bomb, "", BASE, 1_000_000)


def test_anything_else_is_named():
    with pytest.raises(NotASource, match="not a feed, sitemap or HTML page"):
        recognise(b"%PDF-1.4 ...", "application/pdf", BASE, 10**6)
