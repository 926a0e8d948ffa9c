"""Search: a Pagefind index when pagefind is installed; a clean site without it, never a failure."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import re
import stat
import tomllib
from pathlib import Path

import pytest
from conftest import KYIV, REPO

from digest import search
from digest.report import DigestError, Reporter

BODY = "The delegation discussed the quince harvest in Zakarpattia.\n\nAnother paragraph."


def _reporter() -> Reporter:
    return Reporter(stream=io.StringIO())


def _pages(project) -> list[str]:
    return [p.read_text() for p in project.site.rglob("*.html")]


@pytest.fixture
def with_pagefind():
    if search.executable() is None:
        pytest.skip("pagefind is not installed (pip install 'pagefind[bin]')")


def test_index_and_search_page_are_built_under_the_subpath(project, with_pagefind):
    project.article("quince", body=BODY)
    project.article("other", body="Nothing to see.")
    reporter = _reporter()
    project.build(reporter)
    bundle = project.site / "pagefind"
    assert (bundle / "pagefind-ui.js").is_file() and (bundle / "pagefind.js").is_file()
    assert any(bundle.glob("2023/index/*.pf_index"))  # one part: the articles of 2023
    assert (bundle / "2023/wasm.en.pagefind").is_file()  # the primary part loads it from there
    page = (project.site / "search/index.html").read_text()
    assert 'data-base="/digest/"' in page  # results link under the base path
    assert 'data-parts="2023"' in page
    assert 'src="../pagefind/pagefind-ui.js"' in page
    home = (project.site / "index.html").read_text()
    assert 'action="search/"' in home and 'name="q"' in home
    article = (project.site / "war/2023-W33/quince/index.html").read_text()
    assert "data-pagefind-body" in article
    assert "search skipped" not in reporter.stream.getvalue()
    assert "search/" not in (project.site / "sitemap.xml").read_text().replace(
        "/digest/search/", "")  # the search page is not a page to index


def test_the_search_page_has_its_canonical_link_like_every_other_page(project, with_pagefind):
    project.article("quince", body=BODY)
    project.build()
    canonical = re.compile(r'<link rel="canonical" href="([^"]*)"')
    page = (project.site / "search/index.html").read_text()
    assert canonical.findall(page) == ["https://example.github.io/digest/search/"]
    assert '<meta name="robots" content="noindex">' in page  # linked to, never indexed
    for html in project.site.rglob("*.html"):
        if html.name != "404.html":
            assert len(canonical.findall(html.read_text())) == 1, html


def test_a_plain_install_has_search_pagefind_is_a_dependency():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert any(dep.startswith("pagefind[bin]") for dep in project["dependencies"])
    assert project["optional-dependencies"]["search"] == []  # old instructions still install


def test_index_is_byte_identical_and_kept_on_rebuild(project, with_pagefind, tmp_path):
    for i in range(6):
        project.article(f"a{i}", topic="war" if i % 2 else "diplomacy", body=f"Word{i} {BODY}")
    project.build(out=tmp_path / "one")
    project.build(out=tmp_path / "two")
    one, two = (project.files(tmp_path / n / "pagefind") for n in ("one", "two"))
    assert one == two
    before = os.stat(tmp_path / "one/pagefind/2023/pagefind-entry.json").st_ino
    project.build(out=tmp_path / "one")
    assert os.stat(tmp_path / "one/pagefind/2023/pagefind-entry.json").st_ino == before


def _stamps(folder) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every file below ``folder``."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _three_years(project) -> None:
    for year in (2021, 2022, 2023):
        for i in range(3):
            project.article(f"y{year}-{i}", body=f"Word{year}x{i} {BODY}",
                            date=dt.datetime(year, 5, 10 + i, 9, tzinfo=KYIV))


def test_an_edit_reindexes_only_its_part_and_equals_a_clean_build(project, with_pagefind,
                                                                   tmp_path):
    _three_years(project)
    reporter = Reporter(stream=io.StringIO(), verbose=True)
    project.build(reporter)
    assert "3 index parts, 3 indexed" in reporter.stream.getvalue()
    bundle = project.site / "pagefind"
    assert sorted(p.name for p in bundle.iterdir() if p.is_dir()) == ["2021", "2022", "2023"]
    before = _stamps(bundle)
    edited = project.article("y2022-1", body="A corrected paragraph about quinces.",
                             date=dt.datetime(2022, 5, 11, 9, tzinfo=KYIV))
    assert edited.is_file()
    reporter = Reporter(stream=io.StringIO(), verbose=True)
    project.build(reporter)
    assert "3 index parts, 1 indexed (2022)" in reporter.stream.getvalue()
    after = _stamps(bundle)
    changed = {p for p in after if before.get(p) != after[p]}
    assert changed and all(p.startswith("2022/") for p in changed)
    assert {p for p in before if not p.startswith("2022/")} <= set(after)
    # The same inputs built from nothing give the same site, byte for byte.
    project.build(out=tmp_path / "clean", clean=True)
    assert project.files(tmp_path / "clean") == project.files()


def test_a_chain_of_edits_in_different_parts_and_a_deletion_equals_clean_builds(
        project, with_pagefind, tmp_path):
    """Each rebuild starts from the file list the one before left (a re-indexed part's
    files get new names): after every step the site is a clean build's, byte for byte, and
    the edit is found in its part's index."""
    _three_years(project)
    project.build()
    steps = [
        lambda: project.article("y2021-0", body="Persimmons arrived in Uzhhorod.",
                                date=dt.datetime(2021, 5, 10, 9, tzinfo=KYIV)),
        lambda: project.article("y2023-2", title="A new title", body=f"Word2023x2 {BODY}",
                                date=dt.datetime(2023, 5, 12, 9, tzinfo=KYIV)),
        lambda: (project.root / "content/war/2022-W19/y2022-1.md").unlink(),
    ]
    for number, step in enumerate(steps):
        step()
        project.build()
        clean = tmp_path / f"clean{number}"
        project.build(out=clean, clean=True)
        assert project.files(clean) == project.files(), number
    words, _ = _index_of(project.site / "pagefind/2021")
    assert "persimmon" in words  # stemmed
    _, pages = _index_of(project.site / "pagefind/2022")
    assert len(pages) == 2 and not (project.site / "war/2022-W19/y2022-1").exists()


def test_a_new_year_adds_a_part_and_leaves_the_others(project, with_pagefind):
    _three_years(project)
    project.build()
    before = _stamps(project.site / "pagefind")
    project.article("today", body="Zucchini news.", date=dt.datetime(2024, 2, 1, tzinfo=KYIV))
    project.build()
    after = _stamps(project.site / "pagefind")
    for path, stamp in before.items():
        if path.startswith(("2021/", "2022/", "2023/index", "2023/fragment")):
            assert after[path] == stamp, path
    assert any(p.startswith("2024/index/") for p in after)
    assert 'data-parts="2021 2022 2023 2024"' in (project.site / "search/index.html").read_text()


def test_without_pagefind_the_build_succeeds_and_shows_no_search(project, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(project.root / "no-such-pagefind"))
    project.article("quince", body=BODY)
    reporter = _reporter()
    project.build(reporter)
    assert "search skipped: pagefind is not installed" in reporter.stream.getvalue()
    assert reporter.errors == []
    assert not (project.site / "pagefind").exists()
    assert not (project.site / "search").exists()
    for html in _pages(project):
        assert 'role="search"' not in html and "pagefind/" not in html


def test_a_failing_pagefind_is_a_warning_and_the_search_page_says_so(project, monkeypatch):
    fake = project.root / "broken-pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: index exploded' >&2\nexit 3\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    project.article("quince", body=BODY)
    reporter = _reporter()
    result = project.build(reporter)
    (warning,) = reporter.warnings
    assert warning.message == ("search skipped: pagefind failed: Error: index exploded "
                               "(index part 2023)")
    assert result.rendered == result.pages  # each page once: none again without the form
    assert not (project.site / "pagefind").exists()
    _assert_search_unavailable(project)


def _assert_search_unavailable(project) -> None:
    """The search form leads to a page that says search is unavailable and offers the lists."""
    page = (project.site / "search/index.html").read_text()
    assert "Search is unavailable" in page and 'href="../weeks/"' in page
    assert "pagefind" not in page
    assert 'role="search"' in (project.site / "index.html").read_text()


def test_an_index_that_failed_is_made_by_the_next_build_without_rendering_pages(
        project, with_pagefind, monkeypatch):
    project.article("quince", body=BODY)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    project.build()
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    result = project.build()
    assert result.rendered == 0
    assert 'data-parts="2023"' in (project.site / "search/index.html").read_text()


def test_search_language_is_the_primary_subtag(project):
    project.add_config("language: uk-UA\n")
    assert search.language(project.config()) == "uk"


def test_one_failing_part_leaves_no_index_in_the_site(project, with_pagefind, monkeypatch):
    _three_years(project)
    project.build()  # a site with search, whose kept parts the next build must not leave
    fake = project.root / "pagefind-failing-on-2022"
    fake.write_text(f"""#!/bin/sh
case "$*" in
  *"/2022/site "*) echo "Error: no space left on device" >&2; exit 1;;
  *) exec {search.executable()} "$@";;
esac
""")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    project.article("y2022-1", body="An edit: the 2022 part is indexed again, and fails.",
                    date=dt.datetime(2022, 5, 11, 9, tzinfo=KYIV))
    reporter = _reporter()
    project.build(reporter)
    (warning,) = reporter.warnings
    assert warning.message == ("search skipped: pagefind failed: Error: no space left on "
                               "device (index part 2022)")
    assert not (project.site / "pagefind").exists()
    _assert_search_unavailable(project)


def test_story_pages_are_a_part_of_their_own(project, with_pagefind):
    for year in (2022, 2023):
        project.article(f"talks{year}", body=f"Quince talks, round {year}.", story="quince-talks",
                        date=dt.datetime(year, 5, 10, 9, tzinfo=KYIV))
    project.build()
    assert 'data-parts="2022 2023 stories"' in (project.site / "search/index.html").read_text()
    entry = json.loads((project.site / "pagefind/stories/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1  # the one story page
    before = _stamps(project.site / "pagefind/stories")
    project.article("talks2022", body="Quince talks, round 2022.", story="quince-talks",
                    title="Quince talks open in Uzhhorod",
                    date=dt.datetime(2022, 5, 10, 9, tzinfo=KYIV))
    project.build()
    assert _stamps(project.site / "pagefind/stories") != before  # the story shows the title


def _index_of(part) -> tuple[set[str], dict[str, dict]]:
    """(the words an index part holds, its pages by URL: Pagefind's fragment of each)."""
    def read(path):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        return data[len(b"pagefind_dcd"):]
    chunks = b"".join(read(p) for p in sorted(part.glob("index/*.pf_index")))
    # Each word is a CBOR text string: a header byte 0x60 + its length, then its bytes.
    words = {m.group(2).decode() for m in re.finditer(rb"([\x61-\x77])([a-z]+)", chunks)
             if len(m.group(2)) == m.group(1)[0] - 0x60}
    pages = {}
    for path in sorted(part.glob("fragment/*.pf_fragment")):
        fragment = json.loads(read(path))
        pages[fragment["url"]] = fragment
    return words, pages


def _override_article_template(project, old: str, new: str) -> None:
    builtin = (REPO / "digest/themes/default/templates/article.html").read_text()
    assert old in builtin
    override = project.root / "themes/default/templates/article.html"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text(builtin.replace(old, new, 1))


def test_a_theme_meta_outside_the_body_is_indexed_with_the_page(project, with_pagefind):
    # A theme's data-pagefind-meta in the head: Pagefind is given the whole page.
    _override_article_template(project, "{% block head %}\n", '{% block head %}\n'
                               '<meta data-pagefind-meta="desk:Orchard desk" content="">\n')
    project.article("quince", body=BODY)
    project.article("other", body="Nothing to see.")
    project.build()
    words, pages = _index_of(project.site / "pagefind/2023")
    assert {"harvest", "zakarpattia"} <= words  # words of its body (stems, as searched)
    page = pages["/war/2023-W33/quince/"]
    assert "quince harvest in Zakarpattia" in page["content"]
    assert page["meta"]["desk"] == "Orchard desk"
    assert page["meta"]["title"] == "Title of quince"
    assert "Skip to content" not in page["content"]  # still only the body element's text
    assert pages["/war/2023-W33/other/"]["meta"]["desk"] == "Orchard desk"


def test_a_page_without_a_body_element_is_indexed_whole(project, with_pagefind):
    _override_article_template(project, '<article class="article" data-pagefind-body>',
                               '<article class="article">')
    project.article("quince", body=BODY)
    project.build()
    assert "data-pagefind-body" not in (
        project.site / "war/2023-W33/quince/index.html").read_text()
    words, pages = _index_of(project.site / "pagefind/2023")
    assert {"harvest", "zakarpattia"} <= words  # words of its body (stems, as searched)
    page = pages["/war/2023-W33/quince/"]
    assert "quince harvest in Zakarpattia" in page["content"]
    assert page["meta"]["title"] == "Title of quince"


def test_a_page_failing_while_the_index_is_made_keeps_the_old_site_and_no_scratch(
        project, with_pagefind, monkeypatch):
    """The index runs while the list pages are made; a template error there stops the build
    with the old site whole and nothing of the index left beside it."""
    _three_years(project)
    project.build()
    before = project.files()
    slow = project.root / "slow-pagefind"  # still indexing when the topic page fails
    slow.write_text(f'#!/bin/sh\nsleep 1\nexec {search.executable()} "$@"\n')
    slow.chmod(slow.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(slow))
    override = project.root / "themes/default/templates/topic.html"
    override.parent.mkdir(parents=True)
    override.write_text("{% extends 'base.html' %}\n{% block main %}\n{{ topic.nope.deeper }}\n"
                        "{% endblock %}\n")
    running = _children()  # a browser driver an earlier test of this worker started, say
    with pytest.raises(DigestError) as err:
        project.build()
    assert err.value.problems[0].file.endswith("themes/default/templates/topic.html")
    assert project.files() == before
    left = sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site."))
    assert left == [".site.spare"]  # no staging folder, no Pagefind scratch folder
    assert _children() - running == set()  # no Pagefind left to write into a removed folder


def _children() -> set[str]:
    """Processes this one started that are still running (Linux: /proc)."""
    tasks = Path("/proc/self/task")
    if not tasks.is_dir():
        pytest.skip("no /proc on this system")
    return {pid for task in tasks.iterdir()
            for pid in (task / "children").read_text().split()}


@pytest.mark.parametrize(("html", "kept"), [
    (b'<head><meta name="x" content="a > b"><title>T</title></head><body><p>Lead</p>'
     b'<main data-pagefind-body class="m">Words</main></body>',
     b'<main data-pagefind-body class="m">Words</main>'),
    (b'<body><div title="a<b" data-pagefind-body>Words</div></body>',
     b'<div title="a<b" data-pagefind-body>Words</div>'),
    (b"<body><section\ndata-pagefind-body>Yes</section></body>",
     b"<section\ndata-pagefind-body>Yes</section>"),
])
def test_pagefind_reads_the_page_cut_to_its_body_element(html, kept):
    cut = search.searched_part(html, "/digest/war/2023-W33/quince/")
    assert cut is not None and kept in cut
    assert b'data-pagefind-meta="url:/digest/war/2023-W33/quince/"' in cut
    assert cut.count(b"data-pagefind-body") == 1


@pytest.mark.parametrize("html", [
    b'<body><div data-pagefind-body><div>nested</div></div></body>',  # its end tag unknown
    b'<head><meta data-pagefind-meta="x"></head><main data-pagefind-body>W</main>',
    b"<body><p>data-pagefind-body, only mentioned</p></body>",
    b"<body><main data-pagefind-bodyguard>W</main></body>",  # another attribute
])
def test_a_page_that_cannot_be_cut_is_indexed_whole(html):
    assert search.searched_part(html, "/digest/x/") is None
