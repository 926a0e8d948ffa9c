"""Pages with provenance: a fetched page's URL and HTTP date reach the article."""

from __future__ import annotations

import json
from pathlib import Path

from digest import frontmatter
from digest.config import Config
from digest.ingest.pages import provenance_path, read_provenance
from digest.ingest.pipeline import ingest
from digest.report import Reporter

BODY = (
    "Ukrainian officials said on Wednesday that the new air defence systems delivered by "
    "partners have already been deployed near the capital and are on duty.\n\n"
    "The minister told reporters that the systems would protect critical infrastructure during "
    "the coming winter, when attacks are expected to intensify.\n\n"
    "According to him, several more batteries are due to arrive before the end of the year, "
    "and crews have completed their training abroad."
)


def _page(root: Path, name: str, provenance: object) -> Path:
    page = root / "raw" / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"Air defence systems deployed near Kyiv, officials say\n\n{BODY}\n",
                    encoding="utf-8")
    provenance_path(page).write_text(json.dumps(provenance), encoding="utf-8")
    return page


def test_provenance_gives_the_url_and_the_weakest_date(tmp_path):
    _page(tmp_path, "a.txt", {
        "url": "https://news.example.org/a?utm_source=x",
        "final_url": "https://news.example.org/world/a",
        "last_modified": "Wed, 16 Aug 2023 06:27:00 GMT", "status": 200,
    })
    config = Config(root=tmp_path)
    report = ingest([tmp_path / "raw"], config, Reporter(quiet=True))
    assert [r.status for r in report.results] == ["written"]  # the .provenance.json is no page
    meta = frontmatter.parse(Path(tmp_path / report.written[0].article).read_text()).meta
    assert meta["source_url"] == "https://news.example.org/world/a"
    assert meta["date"].isoformat() == "2023-08-16T06:27:00+00:00"
    assert meta["date_source"] == "http"


def test_a_broken_provenance_file_fails_its_page_by_name(tmp_path):
    _page(tmp_path, "b.txt", ["not", "an", "object"])
    report = ingest([tmp_path / "raw"], Config(root=tmp_path), Reporter(quiet=True))
    assert [r.status for r in report.results] == ["failed"]
    assert "b.txt.provenance.json" in report.failed[0].reason
    assert not (tmp_path / "content").exists()


def test_only_http_urls_are_taken_from_provenance(tmp_path):
    page = _page(tmp_path, "c.html", {"url": "file:///etc/passwd",
                                      "fetched": "2023-08-16T09:30:00Z"})
    prov = read_provenance(page)
    assert prov.url is None
    assert prov.date is not None and prov.date.isoformat() == "2023-08-16T09:30:00+00:00"
    assert prov.date_kind == "fetched"


def test_the_files_a_browser_saved_with_a_page_are_not_pages(tmp_path):
    # "Webpage, Complete": News.html and News_files/ with pictures, scripts and the HTML of
    # an ad's frame; a folder named like that with no page beside it is read as any other
    raw = tmp_path / "raw"
    (raw / "News_files").mkdir(parents=True)
    (raw / "News.html").write_text(
        "<html><head><title>Talks continue</title></head><body><article><h1>Talks continue"
        "</h1><p>" + " ".join(["The talks continued on Monday in the capital."] * 8)
        + "</p></article></body></html>", encoding="utf-8")
    frame = ("<html><body><p>" + " ".join(["Buy the new phone today at a special price."] * 8)
             + "</p></body></html>")
    (raw / "News_files" / "ad.html").write_text(frame, encoding="utf-8")
    (raw / "News_files" / "app.js").write_text("alert(1)", encoding="utf-8")
    (raw / "Other_files").mkdir()
    (raw / "Other_files" / "page.html").write_text(frame.replace("phone", "car"),
                                                   encoding="utf-8")
    report = ingest([raw], Config(root=tmp_path, timezone="Europe/Kyiv"), Reporter(quiet=True))
    status = {r.file: (r.status, r.reason or "") for r in report.results}
    assert status["raw/News_files/ad.html"] == (
        "skipped", "saved with News.html (its pictures, scripts and embeds): not a page")
    assert status["raw/News_files/app.js"][0] == "skipped"
    assert status["raw/News.html"][0] in ("written", "review")
    assert status["raw/Other_files/page.html"][0] in ("written", "review")  # no page beside it
