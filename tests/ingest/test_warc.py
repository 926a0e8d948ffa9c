"""WARC archives in: HTML 200 responses become articles, every other record is counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest import frontmatter
from digest.config import Config, Topic
from digest.ingest.cli import ingest as ingest_command
from digest.ingest.executors import SerialExecutor
from digest.ingest.pipeline import ingest
from digest.report import Reporter
from tests.ingest.warcs import Archive, article_html, mixed_archive

pytest.importorskip("warcio")

PASSED_OVER = {"HTTP 404": 1, "not HTML (image/png)": 1, "request record": 3,
               "revisit record": 1}


def _articles(root: Path) -> dict[str, frontmatter.Document]:
    return {p.relative_to(root).as_posix(): frontmatter.parse(p.read_text(encoding="utf-8"))
            for p in sorted((root / "content").rglob("*.md"))}


def _truncated_tail(archive: Archive) -> str:
    """Add a last page (the caller cuts it short); its record id."""
    return archive.response("https://news.example.org/world/cut-short",
                            article_html("A story cut short", 99))


def test_html_responses_become_articles_and_other_records_are_counted(tmp_path):
    archive, made = mixed_archive()
    cut = _truncated_tail(archive)
    archive.write(tmp_path / "raw" / "crawl.warc.gz", truncate=200)
    report = ingest([tmp_path / "raw"], Config(root=tmp_path), Reporter(quiet=True),
                    executor=SerialExecutor())
    assert len(report.written) == 3
    assert dict(report.passed_over) == PASSED_OVER
    assert [r.file for r in report.failed] == [f"raw/crawl.warc.gz#{cut}"]
    assert "truncated record" in report.failed[0].reason
    docs = _articles(tmp_path)
    by_raw = {doc.meta["raw"]: doc for doc in docs.values()}
    for url, rid in made:
        doc = by_raw[f"raw/crawl.warc.gz#{rid}"]
        assert doc.meta["source_url"] == url
        assert "Report" in doc.body and "Home" not in doc.body


def test_warc_date_is_the_weakest_date_evidence(tmp_path):
    archive = Archive(gzip=False)
    archive.response("https://news.example.org/world/undated",
                     article_html("An undated story", 5, date=None),
                     date="2023-08-17T10:00:00Z")
    archive.write(tmp_path / "raw" / "a.warc")
    report = ingest([tmp_path / "raw"], Config(root=tmp_path), Reporter(quiet=True),
                    executor=SerialExecutor())
    (written,) = report.written
    doc = next(iter(_articles(tmp_path).values()))
    assert doc.meta["date"].isoformat() == "2023-08-17T10:00:00+00:00"
    assert doc.meta["date_source"] == "warc"
    assert any("WARC record" in w for w in written.warnings)


def test_the_http_header_charset_decodes_a_page_that_declares_none(tmp_path):
    title = "Ракети збили над Києвом"
    paragraphs = [f"Сили протиповітряної оборони знищили {n} ракет над столицею вночі, "
                  "повідомили у міській військовій адміністрації. Уламки впали на кількох "
                  "вулицях, постраждалих немає, тривають роботи з ліквідації наслідків."
                  for n in range(5, 10)]
    page = article_html(title, 1, paragraphs=paragraphs, charset="cp1251", meta_charset=False,
                        lang="uk")
    archive = Archive()
    archive.response("https://news.example.org/kyiv", page,
                     content_type="text/html; charset=windows-1251")
    archive.write(tmp_path / "raw" / "uk.warc.gz")
    ingest([tmp_path / "raw"], Config(root=tmp_path, language="uk"), Reporter(quiet=True),
           executor=SerialExecutor())
    (doc,) = _articles(tmp_path).values()
    assert doc.meta["title"] == title
    assert "протиповітряної" in doc.body


def test_a_corrupt_gzip_member_is_reported_and_the_rest_is_read(tmp_path):
    archive, made = mixed_archive()
    path = archive.write(tmp_path / "raw" / "c.warc.gz")
    data = path.read_bytes()
    first_response = data.find(b"\x1f\x8b\x08", 1)  # each record is a gzip member
    path.write_bytes(data[: first_response + 20] + b"\xff" * 40 + data[first_response + 60:])
    report = ingest([path], Config(root=tmp_path), Reporter(quiet=True),
                    executor=SerialExecutor())
    assert len(report.failed) == 1 and "corrupt record" in report.failed[0].reason
    assert len(report.written) == 2  # the first page lost its record; the others are read


def test_reingesting_an_archive_finds_every_page_already_ingested(tmp_path):
    archive, _ = mixed_archive()
    archive.write(tmp_path / "raw" / "a.warc.gz")
    config = Config(root=tmp_path)
    ingest([tmp_path / "raw"], config, Reporter(quiet=True), executor=SerialExecutor())
    again = ingest([tmp_path / "raw"], config, Reporter(quiet=True), executor=SerialExecutor())
    assert not again.written and len(again.skipped) == 3
    assert all(r.reason.startswith("already ingested as content/") for r in again.skipped)


def test_only_matching_keeps_the_digests_languages_and_topics(tmp_path):
    archive = Archive()
    archive.response("https://a.example.org/1", article_html("Air defence over Kyiv", 1))
    archive.response("https://a.example.org/2", article_html("Football results", 2,
                     paragraphs=[f"The match ended {n} to one after a late goal by the home "
                                 "side, and the coach praised the players for their effort "
                                 "in a difficult season with many injuries." for n in range(5)]))
    archive.response("https://a.example.org/3", article_html("Défense aérienne à Kyiv", 3,
                     lang="fr", paragraphs=[f"Les systèmes de défense aérienne ont été "
                                            f"déployés près de la capitale, numéro {n}, selon "
                                            "les responsables qui ont parlé aux journalistes "
                                            "mercredi." for n in range(5)]))
    archive.write(tmp_path / "raw" / "world.warc.gz")
    config = Config(root=tmp_path, only_matching=True,
                    topics=(Topic("war", "War", ("air defence", "défense aérienne")),))
    report = ingest([tmp_path / "raw"], config, Reporter(quiet=True), executor=SerialExecutor())
    assert [r.file.split("#")[0] for r in report.written] == ["raw/world.warc.gz"]
    assert dict(report.filtered) == {"language fr": 1, "no topic keyword": 1}
    both = Config(root=tmp_path / "b", only_matching=True, languages=("en", "fr"),
                  topics=config.topics)
    again = ingest([tmp_path / "raw"], both, Reporter(quiet=True), executor=SerialExecutor())
    assert len(again.written) == 2 and dict(again.filtered) == {"no topic keyword": 1}


def test_only_matching_without_keywords_is_a_clear_error(tmp_path):
    (tmp_path / "digest.yaml").write_text("only_matching: true\ntopics: [war]\n")
    result = CliRunner().invoke(ingest_command, ["-c", str(tmp_path / "digest.yaml"),
                                                 str(tmp_path)])
    assert result.exit_code == 1
    assert "no topic in the config has any" in result.output


def test_the_cli_reports_counts_per_reason_and_fails_on_a_broken_record(tmp_path):
    archive, _ = mixed_archive()
    _truncated_tail(archive)
    archive.write(tmp_path / "raw" / "a.warc.gz", truncate=200)
    (tmp_path / "raw" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "digest.yaml").write_text("title: T\n")
    args = ["-c", str(tmp_path / "digest.yaml"), "--jobs", "1"]
    result = CliRunner().invoke(ingest_command, [*args, "--json", str(tmp_path / "raw")])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["counts"] == {"written": 3, "review": 0, "skipped": 1, "failed": 1}
    assert report["passed_over"] == PASSED_OVER
    assert ".warc.gz" in next(f["reason"] for f in report["files"]
                              if f["file"] == "raw/notes.pdf")
    again = CliRunner().invoke(ingest_command, [*args, "-n", str(tmp_path / "raw")])
    assert "archive records passed over: 1 HTTP 404, 1 not HTML (image/png), " \
           "3 request record, 1 revisit record" in again.output
