"""Pages a browser saved as one file (MHTML, "Webpage, Single File"; Safari's web archive) are
ingested as their HTML, with the address they were saved from as the article's URL and
outlet."""

from __future__ import annotations

import functools
import hashlib
import http.server
import plistlib
import quopri
import threading
from pathlib import Path

import pytest

from digest import frontmatter
from digest.config import Config, Topic
from digest.ingest.pipeline import ingest
from digest.report import Reporter

CHROMIUM = Path("/usr/bin/chromium")
HEADLINE = "Harbour bridge to close for repairs over the summer"
PARAGRAPHS = [
    "The city’s main harbour bridge will close to traffic from June until the end of August, "
    "the transport department said on Tuesday, while engineers replace its deck.",
    "Buses will be rerouted over the upper crossing, and the ferry service will run every ten "
    "minutes at rush hour, the department added in a statement on Tuesday.",
]


def page_html() -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta property='article:published_time' content='2019-11-19T06:00:00+02:00'>"
            f"<title>{HEADLINE} | Kyiv Post</title></head><body><nav><a href='/'>Home</a>"
            f"</nav><article><h1>{HEADLINE}</h1><p>By Jane Roe</p>{paragraphs}</article>"
            "<img src='bridge.png' alt='The bridge'></body></html>")


def saved_as_mhtml(html: str, location: str) -> bytes:
    """What Chrome's "Webpage, Single File" writes: a MIME message, the page quoted-printable."""
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    boundary = "----MultipartBoundary--abc----"
    return (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {location}\r\n"
            "Subject: =?utf-8?Q?Harbour=20bridge?=\r\nDate: Tue, 8 Dec 2026 04:12:21 +0000\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
            f"\tboundary=\"{boundary}\"\r\n\r\n\r\n--{boundary}\r\nContent-Type: text/html\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            f"Content-Location: {location}\r\n\r\n{body}\r\n--{boundary}\r\n"
            "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Location: https://www.kyivpost.com/bridge.png\r\n\r\niVBORw0KGgo=\r\n"
            f"--{boundary}--\r\n").encode("ascii")


def run(root: Path):
    config = Config(root=root, timezone="Europe/Kyiv", topics=(Topic("city", "City", ("bridge",)),))
    return ingest([root / "raw"], config, Reporter(quiet=True))


def the_article(root: Path) -> frontmatter.Document:
    [path] = sorted((root / "content").rglob("*.md"))
    return frontmatter.parse(path.read_text(encoding="utf-8"))


def test_a_page_saved_as_one_file_is_its_article_from_the_address_it_was_saved_from(tmp_path):
    (tmp_path / "raw").mkdir()
    saved = saved_as_mhtml(page_html(), "https://www.kyivpost.com/post/12345")
    (tmp_path / "raw" / "bridge.mhtml").write_bytes(saved)
    report = run(tmp_path)
    assert [r.status for r in report.results] == ["written"]
    article = the_article(tmp_path)
    assert article.meta["title"] == HEADLINE
    assert article.meta["source_url"] == "https://www.kyivpost.com/post/12345"
    assert article.meta["source"] == "Kyiv Post"  # the registry knows the host
    assert str(article.meta["date"]).startswith("2019-11-19")  # the page's, not the saving's
    assert article.meta["raw_sha256"] == hashlib.sha256(saved).hexdigest()  # the file's
    assert "engineers replace its deck" in article.body and "’" in article.body
    assert run(tmp_path).results[0].status == "skipped"  # the same file again


def test_an_mhtml_file_without_a_page_fails_clearly_and_the_run_goes_on(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "notes.mht").write_text("just some notes, no MIME here\n")
    (tmp_path / "raw" / "bridge.mhtml").write_bytes(
        saved_as_mhtml(page_html(), "https://www.kyivpost.com/post/12345"))
    report = run(tmp_path)
    status = {r.file.split("/")[-1]: r for r in report.results}
    assert status["bridge.mhtml"].status == "written"
    assert status["notes.mht"].status == "failed"
    assert "not an MHTML page" in status["notes.mht"].reason


def test_an_address_that_is_not_the_web_is_no_url(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "bridge.mhtml").write_bytes(
        saved_as_mhtml(page_html(), "file:///home/user/bridge.html"))
    run(tmp_path)
    assert the_article(tmp_path).meta.get("source_url") is None


@pytest.mark.browser
def test_a_page_chromium_saved_as_one_file_is_ingested(tmp_path):
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    site = tmp_path / "site"
    site.mkdir()
    (site / "bridge.html").write_text(page_html(), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/bridge.html"
    try:
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(url)
            snapshot = page.context.new_cdp_session(page).send(
                "Page.captureSnapshot", {"format": "mhtml"})["data"]
            browser.close()
    finally:
        server.shutdown()
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "bridge.mhtml").write_text(snapshot, encoding="utf-8", newline="")
    report = run(tmp_path)
    assert [r.status for r in report.results] == ["written"]
    article = the_article(tmp_path)
    assert article.meta["title"] == HEADLINE
    assert article.meta["source_url"] == url
    assert [p.strip() for p in article.body.split("\n\n") if "harbour" in p or "Buses" in p] \
        == PARAGRAPHS


def test_a_hostile_mhtml_file_fails_its_page_not_the_run(tmp_path):
    # parts nested thousands deep make the MIME parser recurse past Python's limit
    nested = "".join(f'Content-Type: multipart/related; boundary="b{n}"\r\n\r\n--b{n}\r\n'
                     for n in range(3000))
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "deep.mhtml").write_bytes(
        f"MIME-Version: 1.0\r\n{nested}Content-Type: text/html\r\n\r\n<p>x</p>\r\n".encode())
    (tmp_path / "raw" / "bridge.mhtml").write_bytes(
        saved_as_mhtml(page_html(), "https://www.kyivpost.com/post/12345"))
    results = {r.file.split("/")[-1]: r for r in run(tmp_path).results}
    assert results["bridge.mhtml"].status == "written"
    assert results["deep.mhtml"].status == "failed"
    assert "cannot read the MHTML file" in results["deep.mhtml"].reason


def saved_as_webarchive(html: str, location: str) -> bytes:
    """What Safari's "Save As… Web Archive" writes: a binary property list."""
    return plistlib.dumps({
        "WebMainResource": {"WebResourceData": html.encode("utf-8"),
                            "WebResourceMIMEType": "text/html",
                            "WebResourceTextEncodingName": "UTF-8",
                            "WebResourceURL": location, "WebResourceFrameName": ""},
        "WebSubresources": [{"WebResourceData": b"\x89PNG", "WebResourceMIMEType": "image/png",
                             "WebResourceURL": "https://www.kyivpost.com/bridge.png"}],
    }, fmt=plistlib.FMT_BINARY)


def test_a_page_safari_saved_as_a_web_archive_is_its_article_from_its_address(tmp_path):
    (tmp_path / "raw").mkdir()
    saved = saved_as_webarchive(page_html(), "https://www.kyivpost.com/post/12345")
    (tmp_path / "raw" / "bridge.webarchive").write_bytes(saved)
    (tmp_path / "raw" / "broken.webarchive").write_bytes(b"bplist00" + bytes(40))
    results = {r.file.split("/")[-1]: r for r in run(tmp_path).results}
    assert results["bridge.webarchive"].status == "written"
    assert results["broken.webarchive"].status == "failed"  # the run goes on past it
    assert "cannot read the web archive" in results["broken.webarchive"].reason
    article = the_article(tmp_path)
    assert article.meta["title"] == HEADLINE
    assert article.meta["source_url"] == "https://www.kyivpost.com/post/12345"
    assert article.meta["source"] == "Kyiv Post"
    assert article.meta["raw_sha256"] == hashlib.sha256(saved).hexdigest()
    assert "engineers replace its deck" in article.body
