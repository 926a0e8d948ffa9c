"""The incremental executor: an output whose key is unchanged keeps its old file and is not
made; a maker sees its articles' HTML from the build cache, which is emptied again after."""

from __future__ import annotations

import pytest

from digest import store
from digest.cache import BuildCache
from digest.output import SiteWriter
from digest.plan import Executor, Output
from digest.report import DigestError, Problem, Reporter


def _run(site, cache, outputs):
    writer = SiteWriter(site)
    executor = Executor(writer, cache, Reporter(quiet=True), workers=1)
    made = executor.run(outputs)
    writer.commit()
    writer.close()
    return executor, made


def test_a_maker_sees_the_cached_html_of_the_articles_it_shows(project, tmp_path):
    project.article("quince", body="The quince **harvest**.")
    config = project.config()
    sources, _ = store.scan(config)
    cache = BuildCache(tmp_path / "cache", "build")
    (article,), _ = store.read(sources, config, cache, drafts=False)
    assert article.html == ""  # read, rendered, put in the cache: not kept in memory
    seen = []

    def make() -> tuple[bytes]:
        seen.append(article.html)
        return (article.html.encode(),)

    _run(tmp_path / "site", cache, [Output(("a/index.html",), "one", make, (article,))])
    assert seen == ["<p>The quince <strong>harvest</strong>.</p>\n"]
    assert article.html == ""
    assert (tmp_path / "site/a/index.html").read_text() == seen[0]


def test_an_unchanged_key_keeps_the_old_file_and_a_changed_one_makes_it(tmp_path):
    site, cache = tmp_path / "site", BuildCache(tmp_path / "cache", "build")
    executor, _ = _run(site, cache, [Output(("feed.xml", "atom.xml"), "v1",
                                            lambda: (b"rss 1", b"atom 1"))])
    cache.pages = executor.keys
    assert cache.pages == {"feed.xml": "v1", "atom.xml": "v1"}

    def never() -> tuple[bytes, bytes]:
        raise AssertionError("an unchanged output is not made")

    _, made = _run(site, cache, [Output(("feed.xml", "atom.xml"), "v1", never)])
    assert made == [] and (site / "atom.xml").read_bytes() == b"atom 1"
    _, made = _run(site, cache, [Output(("feed.xml", "atom.xml"), "v2",
                                        lambda: (b"rss 2", b"atom 2"))])
    assert len(made) == 1 and (site / "atom.xml").read_bytes() == b"atom 2"


def test_a_makers_problem_stops_the_run_with_the_first_in_plan_order(tmp_path):
    def failing(number: int) -> Output:
        def make() -> tuple[bytes]:
            raise DigestError([Problem("error", f"template error {number}")])
        return Output((f"p{number}.html",), None, make, pooled=True)

    with pytest.raises(DigestError, match="template error 3"):
        _run(tmp_path / "site", BuildCache(tmp_path / "cache", "build"),
             [Output(("ok.html",), None, lambda: (b"ok",), pooled=True),
              failing(3), failing(7)])
