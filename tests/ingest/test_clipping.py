"""Articles clipped as Markdown (Obsidian Web Clipper, MarkDownload): ingested with the title,
address, publication date and author their front matter gives, never the clipping's date."""

from __future__ import annotations

from pathlib import Path

from digest import frontmatter
from digest.config import Config, Topic
from digest.ingest.pipeline import ingest
from digest.markdown import render
from digest.report import Reporter

LEAD = ("Ukrainian air defence shot down all the drones Russia launched overnight, the Air "
        "Force said on Sunday morning in its regular update on the attack.")
MORE = ("The drones were launched from Kursk Oblast and from the occupied Crimea, the "
        "statement added, and most of them were destroyed over the south of the country.")
TITLE = "Ukraine downs all 11 Russian drones launched overnight"


def clipping(front: str, body: str | None = None) -> str:
    text = body if body is not None else (
        f"{LEAD}\n\n![A drone over Kyiv](https://example.org/drone.jpg)\n\n{MORE}\n\n"
        "Russia has stepped up its attacks in recent weeks, "
        "[officials said](https://example.org/report).\n")
    return f"---\n{front}---\n{text}"


OBSIDIAN = ('title: "Ukraine downs all 11 Russian drones launched overnight"\n'
            'source: "https://kyivindependent.com/ukraine-downs-all-11-drones/"\n'
            'author:\n  - "[[Dmytro Basmat]]"\npublished: 2024-08-19\ncreated: 2024-08-21\n'
            'description: "Ukraine\'s air defence shot down all 11 drones."\n'
            'tags:\n  - "clippings"\n')


def run(root: Path):
    config = Config(root=root, timezone="Europe/Kyiv",
                    topics=(Topic("war", "War", ("drone",)),))
    return ingest([root / "raw"], config, Reporter(quiet=True))


def articles(root: Path) -> list[frontmatter.Document]:
    return [frontmatter.parse(p.read_text(encoding="utf-8"))
            for p in sorted((root / "content").rglob("*.md"))]


def test_a_clipping_is_its_article_with_what_its_front_matter_says(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "drones.md").write_text(clipping(OBSIDIAN), encoding="utf-8")
    report = run(tmp_path)
    assert [r.status for r in report.results] == ["written"]
    [article] = articles(tmp_path)
    assert article.meta["title"] == TITLE
    assert article.meta["source_url"] == "https://kyivindependent.com/ukraine-downs-all-11-drones/"
    assert article.meta["source"] == "Kyiv Independent"  # the registry knows the host
    assert str(article.meta["date"]) == "2024-08-19"  # published, not clipped; no made-up time
    assert article.meta["author"] == "Dmytro Basmat"
    paragraphs = [p.strip() for p in article.body.split("\n\n") if p.strip()]
    assert paragraphs[:2] == [LEAD, MORE]
    assert "Russia has stepped up its attacks in recent weeks, officials said." in paragraphs
    assert "clippings" not in article.meta.get("tags", [])  # the reader's tag is no topic


def test_a_clipping_without_a_publication_date_waits_for_review(tmp_path):
    (tmp_path / "raw").mkdir()
    front = OBSIDIAN.replace("published: 2024-08-19\n", "")
    (tmp_path / "raw" / "drones.md").write_text(clipping(front), encoding="utf-8")
    assert [r.status for r in run(tmp_path).results] == ["review"]
    [article] = articles(tmp_path)
    assert article.meta["date"] is None  # the day it was clipped is no evidence


def test_a_clipping_without_front_matter_takes_its_heading_for_the_title(tmp_path):
    (tmp_path / "raw").mkdir()
    body = f"# {TITLE}\n\n{LEAD}\n\n{MORE}\n"
    (tmp_path / "raw" / "drones.md").write_text(body, encoding="utf-8")
    run(tmp_path)
    [article] = articles(tmp_path)
    assert article.meta["title"] == TITLE
    assert article.body.strip().startswith(LEAD)  # the headline is not repeated as text


def test_front_matter_that_cannot_be_read_fails_the_clipping_by_line(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "bad.md").write_text(clipping('title: "unclosed\nsource: x\n'),
                                             encoding="utf-8")
    (tmp_path / "raw" / "drones.md").write_text(clipping(OBSIDIAN), encoding="utf-8")
    results = {r.file.split("/")[-1]: r for r in run(tmp_path).results}
    assert results["drones.md"].status == "written"  # the run goes on
    assert results["bad.md"].status == "failed"
    assert "line" in results["bad.md"].reason and "front matter" in results["bad.md"].reason


def test_an_article_digest_wrote_is_not_ingested_again_as_a_clipping(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "drones.md").write_text(clipping(OBSIDIAN), encoding="utf-8")
    run(tmp_path)
    [written] = sorted((tmp_path / "content").rglob("*.md"))
    copy = tmp_path / "again"
    copy.mkdir()
    (copy / "article.md").write_text(written.read_text(encoding="utf-8"), encoding="utf-8")
    config = Config(root=tmp_path, timezone="Europe/Kyiv")
    report = ingest([copy], config, Reporter(quiet=True))
    assert [r.status for r in report.results] == ["failed"]
    assert "never content/" in report.results[0].reason


def test_raw_html_in_a_clipping_is_text_never_markup(tmp_path):
    (tmp_path / "raw").mkdir()
    body = (f"{LEAD}\n\n<script>alert(1)</script><img src=x onerror=alert(2)>\n\n{MORE}\n\n"
            "[a link](javascript:alert(3))\n")
    (tmp_path / "raw" / "drones.md").write_text(clipping(OBSIDIAN, body), encoding="utf-8")
    run(tmp_path)
    [article] = articles(tmp_path)
    shown = render(article.body)  # what digest build puts on the article's page
    assert "<script" not in shown and "<img" not in shown and 'href="javascript' not in shown
    assert LEAD in shown


def test_a_run_given_the_project_folder_passes_over_the_store_and_the_site(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "drones.md").write_text(clipping(OBSIDIAN), encoding="utf-8")
    run(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(f"<html><h1>{TITLE}</h1><p>{LEAD}</p></html>")
    config = Config(root=tmp_path, timezone="Europe/Kyiv")
    report = ingest([tmp_path], config, Reporter(quiet=True))
    own = [r for r in report.results if "digest's own output" in (r.reason or "")]
    assert sorted(r.file.split("/")[0] for r in own) == ["content", "site"]
    assert all(r.status == "skipped" for r in report.results)  # nothing failed, nothing new


def test_markdownloads_template_gives_the_title_from_its_heading_and_drops_its_excerpt(tmp_path):
    # MarkDownload's default: front matter without a title or a publication date, the page's
    # title as a heading, the page's description quoted under "## Excerpt", then a rule
    front = ("created: 2024-08-21T10:12:03 (UTC +03:00)\ntags: [drones]\n"
             "source: https://kyivindependent.com/ukraine-downs-all-11-drones/\n"
             "author: Dmytro Basmat\n")
    body = (f"\n# {TITLE}\n\n> ## Excerpt\n> Ukraine's air defence shot down all 11 drones.\n\n"
            f"---\n{LEAD}\n\n{MORE}\n")
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "drones.md").write_text(clipping(front, body), encoding="utf-8")
    assert [r.status for r in run(tmp_path).results] == ["review"]  # no publication date
    [article] = articles(tmp_path)
    assert article.meta["title"] == TITLE
    assert [p.strip() for p in article.body.split("\n\n") if p.strip()] == [LEAD, MORE]
