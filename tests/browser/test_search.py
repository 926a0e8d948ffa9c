"""Search in the browser: a word from an article's body finds that article, under the subpath."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from digest.frontmatter import dump, parse

from .conftest import Served, build_site

pytestmark = pytest.mark.browser
WORD = re.compile(r"[A-Za-z]{6,}")


def rare_words(project: Path) -> tuple[str, str]:
    """(query, title): two words of one article's body that few other articles share.

    The generated corpus draws on a small vocabulary, so at 2,000 articles no
    single word is rare; a pair of them narrows the results to a handful.
    """
    bodies = {}
    for path in sorted((project / "content").rglob("*.md")):
        doc = parse(path.read_text(encoding="utf-8"))
        bodies[doc.meta["title"]] = {w.lower() for w in WORD.findall(doc.body)}
    frequency = Counter(w for words in bodies.values() for w in words)
    first = min(frequency, key=lambda w: (frequency[w], w))
    title = next(t for t, words in sorted(bodies.items()) if first in words)
    sharing = [words for words in bodies.values() if first in words]
    second = min(sorted(bodies[title] - {first}),
                 key=lambda w: sum(w in words for words in sharing))
    return f"{first} {second}", title


# Results are listed first as placeholders, each filled in once its page's data has
# loaded (one request a result, across the index's parts), so reading the links as soon
# as the first appears misses the slower ones: wait until more than `shown` are listed
# and every listed result has its link.
SETTLED = """shown => {
  const listed = document.querySelectorAll('.pagefind-ui__result');
  const linked = document.querySelectorAll('.pagefind-ui__result .pagefind-ui__result-link');
  return listed.length > shown && linked.length === listed.length;
}"""


def _search(browser, site: Served, start: str, query: str):
    if not (site.root / "pagefind" / "pagefind-ui.js").is_file():
        pytest.skip("the site was built without search (pagefind is not installed)")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.url} HTTP {r.status}")
            if r.status >= 400 else None)
    page.goto(site.page_url(start))
    page.fill("#q", query)
    page.press("#q", "Enter")  # the header form: a plain GET to the search page
    page.wait_for_function(SETTLED, arg=0, timeout=15_000)
    more = page.locator(".pagefind-ui__button")  # "Load more results", 5 at a time
    for _ in range(40):
        if not more.is_visible():
            break
        shown = page.locator(".pagefind-ui__result-link").count()
        more.click()
        page.wait_for_function(SETTLED, arg=shown, timeout=15_000)
    titles = page.eval_on_selector_all(".pagefind-ui__result-link",
                                       "links => links.map(a => [a.textContent, a.href])")
    context.close()
    return titles, errors


def test_header_search_finds_an_article_by_a_word_of_its_body(browser, generated_site):
    query, title = rare_words(generated_site.project)
    results, errors = _search(browser, generated_site, "", query)
    assert title in [t for t, _ in results]
    for _, href in results:
        assert href.startswith(generated_site.url)  # results link under /digest/
        target = href[len(generated_site.url):]
        assert (generated_site.root / target / "index.html").is_file(), href
    assert errors == []


def test_search_finds_the_example_article(browser, example_site):
    results, errors = _search(browser, example_site, "weeks/", "Shoigu")
    assert [t for t, _ in results] == ["Russia seeks to increase military cooperation with "
                                       "North Korea"]
    assert errors == []


ARCHIVE_CONFIG = """\
title: Archive Digest
base_url: https://example.github.io/digest/
timezone: Europe/Kyiv
topics:
  - slug: war
    title: War
"""
YEARS = {  # one article a year: each year is a part of the index
    2019: "The old harbour of Xylocastro reopened after the storm.",
    2023: "A quiet week at the harbour; nothing else of note.",
    2026: "Today the harbour of Quokkaville counted its first ferry.",
}


def write_archive(root: Path, bodies: dict[int, str]) -> None:
    """One article a year (on 4 March), each in its year's folder of weeks."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "digest.yaml").write_text(ARCHIVE_CONFIG, encoding="utf-8")
    for year, body in bodies.items():
        date = dt.datetime(year, 3, 4, 10, tzinfo=dt.timezone(dt.timedelta(hours=2)))
        iso_year, week, _ = date.isocalendar()
        folder = root / "content" / "war" / f"{iso_year}-W{week:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"title": f"Harbour news of {year}", "date": date, "topic": "war"}
        (folder / f"harbour-{year}.md").write_text(dump(meta, body + "\n"), encoding="utf-8")


@pytest.fixture(scope="module")
def archive_site(server, tmp_path_factory) -> Served:
    """Three articles years apart, so the index has three parts (2019, 2023, 2026)."""
    root = tmp_path_factory.mktemp("archive")
    write_archive(root, YEARS)
    return build_site(server, "archive", root, root / "site")


def test_one_search_box_finds_words_from_the_oldest_and_the_newest_part(browser, archive_site):
    bundle = archive_site.root / "pagefind"
    assert sorted(p.name for p in bundle.iterdir() if p.is_dir()) == ["2019", "2023", "2026"]
    old, errors = _search(browser, archive_site, "", "Xylocastro")
    assert [t for t, _ in old] == ["Harbour news of 2019"]
    new, more_errors = _search(browser, archive_site, "weeks/", "Quokkaville")
    assert [t for t, _ in new] == ["Harbour news of 2026"]
    every, last_errors = _search(browser, archive_site, "", "harbour")
    assert sorted(t for t, _ in every) == [f"Harbour news of {y}" for y in sorted(YEARS)]
    for _, href in old + new + every:  # under the subpath, and the page is there
        assert href.startswith(archive_site.url)
        assert (archive_site.root / href[len(archive_site.url):] / "index.html").is_file()
    assert errors == more_errors == last_errors == []


def test_an_edited_article_is_found_by_its_new_word_after_a_rebuild(browser, server, tmp_path):
    root = tmp_path / "edited"
    write_archive(root, YEARS)
    site = build_site(server, "edited", root, root / "site")
    before = _stamps(site.root / "pagefind/2026")
    write_archive(root, {2019: YEARS[2019] + " A later note names the Pelagornis wreck."})
    build_site(server, "edited", root, root / "site")  # a rebuild: the cache is there
    results, errors = _search(browser, site, "", "Pelagornis")
    assert [t for t, _ in results] == ["Harbour news of 2019"]
    assert errors == []
    assert _stamps(site.root / "pagefind/2026") == before  # another part: untouched


def _stamps(folder: Path) -> dict[Path, tuple[int, int]]:
    return {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


RANKED = {  # the primary part (2019) mentions the ferry once; the last part, throughout
    2019: "The harbour log of Xylocastro notes a ferry, among many other boats and barges.",
    2023: "A quiet week at the harbour; nothing else of note.",
    2026: "Ferry, ferry, ferry: the ferry timetable, the ferry fares and the new ferry.",
}


def test_results_from_every_part_are_ranked_together(browser, server, tmp_path):
    root = tmp_path / "ranked"
    write_archive(root, RANKED)
    site = build_site(server, "ranked", root, root / "site")
    results, errors = _search(browser, site, "", "ferry")
    assert [t for t, _ in results] == ["Harbour news of 2026", "Harbour news of 2019"]
    assert errors == []


def test_search_says_it_is_unavailable_when_its_runtime_is_missing(browser, server, tmp_path):
    root = tmp_path / "broken"
    write_archive(root, YEARS)
    site = build_site(server, "broken", root, root / "site")
    (site.root / "pagefind" / "pagefind.js").unlink()
    context = browser.new_context()
    page = context.new_page()
    page.goto(site.page_url("search/?q=harbour"))
    note = page.wait_for_selector("#search .search-unavailable", timeout=15_000)
    assert note.text_content().startswith("Search is unavailable")
    context.close()
