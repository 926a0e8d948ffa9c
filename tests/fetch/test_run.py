"""``digest fetch`` against a news site on 127.0.0.1: what the user gets, what the server saw.

One module-wide run (the site, a first fetch, then a second one) keeps the suite fast; each
test asserts one behaviour on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from digest import frontmatter
from tests.fetch.conftest import DELAY, Run, files, run_fetch, write_config
from tests.fetch.newssite import ARTICLES, CP1251_PATH, CP1251_TITLE, GOOD, Hit, NewsSite


@dataclass
class Twice:
    site: NewsSite
    root: Path
    first: Run
    first_hits: list[Hit]
    first_files: dict
    second: Run
    second_hits: list[Hit]
    second_files: dict


@pytest.fixture(scope="module")
def twice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Twice]:
    site = NewsSite(huge_bytes=3_000_000).start()
    root = tmp_path_factory.mktemp("fetch") / "proj"
    write_config(root, site)
    first = run_fetch(root)
    first_hits, first_files = list(site.hits), files(root)
    site.hits.clear()
    second = run_fetch(root)
    yield Twice(site, root, first, first_hits, first_files, second, list(site.hits),
                files(root))
    site.stop()


def articles(root: Path) -> list[dict]:
    return [frontmatter.parse(p.read_text(encoding="utf-8")).meta
            for p in sorted((root / "content").rglob("*.md"))]


def results(run: Run, status: str) -> list[str]:
    return [r["url"] for r in run.report["results"] if r["status"] == status]


def test_every_good_page_is_ingested_exactly_once_with_its_source_url(twice):
    metas = articles(twice.root)
    urls = sorted(m["source_url"] for m in metas)
    assert urls == sorted(twice.site.url(p) for p in GOOD)
    titles = {m["source_url"]: m["title"] for m in metas}
    for path in GOOD[:-1]:
        assert titles[twice.site.url(path)] == ARTICLES[path][0]
    assert twice.first.report["ingest"]["counts"] == {"written": 5, "review": 0, "skipped": 0,
                                                      "failed": 0}


def test_the_301_is_ingested_under_the_url_it_ended_at(twice):
    metas = {m["source_url"]: m for m in articles(twice.root)}
    grain = metas[twice.site.url("/news/2023/08/17/grain-deal")]
    provenance = Path(twice.root, grain["raw"] + ".provenance.json").read_text()
    assert twice.site.url("/old/grain-deal") in provenance


def test_a_cp1251_page_without_a_declared_charset_reads_as_cyrillic(twice):
    metas = {m["source_url"]: m for m in articles(twice.root)}
    assert metas[twice.site.url(CP1251_PATH)]["title"] == CP1251_TITLE


def test_robots_txt_is_read_first_and_the_disallowed_path_never_requested(twice):
    paths = [h.path for h in twice.first_hits]
    assert paths[0] == "/robots.txt"
    assert not any(p.startswith("/private/") for p in paths + [h.path for h in
                                                                twice.second_hits])
    assert twice.site.url("/private/secret-memo") in results(twice.first, "skipped")


def test_a_page_listed_twice_with_tracking_parameters_or_a_fragment_is_fetched_once(twice):
    paths = [h.path for h in twice.first_hits]
    assert paths.count("/news/2023/08/16/drones-odesa") == 1
    assert not any("utm_" in p or "#" in p for p in paths)


def test_no_two_requests_to_the_host_closer_than_the_delay(twice):
    for hits in (twice.first_hits, twice.second_hits):
        gaps = [b.at - a.at for a, b in zip(hits, hits[1:], strict=False)]
        assert len(gaps) > 10
        assert min(gaps) >= DELAY


def test_the_429_is_retried_after_its_retry_after(twice):
    busy = [h.at for h in twice.first_hits if h.path == "/news/busy-story"]
    assert len(busy) == 2
    assert busy[1] - busy[0] >= 1.0  # the server said Retry-After: 1


def test_failures_and_blocks_are_reported_by_url_and_the_run_exits_1(twice):
    url = twice.site.url
    assert twice.first.code == 1
    assert set(results(twice.first, "failed")) == {url("/news/broken"), url("/news/huge")}
    assert set(results(twice.first, "blocked")) == {url("/news/censored"),
                                                     url("/news/consent-wall")}
    reasons = {r["url"]: r["reason"] for r in twice.first.report["results"]}
    assert "500" in reasons[url("/news/broken")]
    assert "451" in reasons[url("/news/censored")]
    assert "max_bytes" in reasons[url("/news/huge")]
    assert "consent" in reasons[url("/news/consent-wall")]
    for failed in ("/news/broken", "/news/huge", "/news/censored", "/news/consent-wall"):
        assert url(failed) in twice.first.stderr  # the log names each URL
    assert not any("consent" in (m.get("raw") or "") for m in articles(twice.root))


def test_the_500_is_retried_a_bounded_number_of_times(twice):
    assert [h.path for h in twice.first_hits].count("/news/broken") == 2  # 1 + retries: 1


def test_the_huge_page_is_abandoned_not_downloaded(twice):
    assert not any("huge" in name for name in twice.first_files)


def test_file_and_ftp_links_are_skipped_and_never_requested(twice):
    skipped = [r for r in twice.first.report["results"] if r["status"] == "skipped"]
    schemes = {r["reason"] for r in skipped if "scheme" in (r["reason"] or "")}
    assert any("file" in s for s in schemes) and any("ftp" in s for s in schemes)
    assert not any("archive.html" in h.path for h in twice.first_hits)


def test_the_user_agent_names_digest_and_the_digest_it_collects_for(twice):
    agents = {h.headers.get("user-agent") for h in twice.first_hits}
    assert agents == {"digest/0.1.0 (+https://example.github.io/digest/)"}


def test_pages_land_in_raw_with_their_provenance(twice):
    raw = sorted(n for n in twice.first_files if n.endswith(".html"))
    assert len(raw) == len(GOOD)
    assert all(n.startswith("raw/fetched/127.0.0.1_") for n in raw)
    for name in raw:
        assert name + ".provenance.json" in twice.first_files


def test_a_second_run_asks_conditionally_for_everything_and_writes_nothing(twice):
    fetched_before = {h.path for h in twice.first_hits} - {
        "/news/broken", "/news/censored", "/news/huge", "/news/consent-wall"}
    for hit in twice.second_hits:
        if hit.path in fetched_before:
            assert "if-none-match" in hit.headers, hit.path
    assert {h.path for h in twice.second_hits} >= fetched_before - {"/old/grain-deal"}
    assert twice.second_files == twice.first_files
    asked = [p if p != "/news/2023/08/17/grain-deal" else "/old/grain-deal" for p in GOOD]
    assert sorted(results(twice.second, "unchanged")) == sorted(map(twice.site.url, asked))
    assert results(twice.second, "written") == [] and twice.second.report["ingest"] is None


def test_without_allow_private_addresses_the_sources_are_refused_unasked(site, tmp_path):
    root = tmp_path / "proj"
    write_config(root, site, private=False)
    run = run_fetch(root)
    assert run.code == 1
    assert site.hits == []
    refused = results(run, "refused")
    assert set(refused) == {site.url("/feed.xml"), site.url("/sitemap.xml")}
    assert "allow_private_addresses" in run.stderr
    assert not (root / "raw").exists()


def test_a_dry_run_lists_the_pages_and_writes_nothing(site, tmp_path):
    root = tmp_path / "proj"
    write_config(root, site)
    run = run_fetch(root, "--dry-run")
    would = results(run, "would fetch")
    assert site.url("/news/2023/08/18/kyiv-budget") in would
    assert not any(h.path.startswith("/news/") for h in site.hits)
    assert not (root / "raw").exists() and not (root / "content").exists()
    assert not (root / ".digest" / "fetch-state.json").exists()


def test_no_ingest_only_downloads(site, tmp_path):
    root = tmp_path / "proj"
    write_config(root, site)
    run = run_fetch(root, "--no-ingest", site.url("/news/2023/08/18/kyiv-budget"))
    assert run.report["ingest"] is None
    assert list((root / "raw").rglob("*.html")) and not (root / "content").exists()
