"""Stories on the built site: each story once in issues, topics and feeds; a page per story.

Articles carry hand-written ``story:`` ids, as ingest writes them. Week 2023-W34 holds one
story told three times (European Pravda and Kyiv Post in English, Ukrainska Pravda in
Ukrainian; two filed under War, one under Diplomacy) and two stories of one article each.
"""

import datetime as dt
import re
import shutil

import feedparser
import pytest
from conftest import KYIV, Project

from digest import stories
from digest.config import Config
from digest.content import Article
from digest.report import DigestError, Reporter

STORY = "2023-08-24-lars-von-trier-f16-post"
STORY_PAGE = f"stories/{STORY}/"
ORIGIN = "https://example.github.io/digest/"


def when(day, hour=9, minute=0):
    return dt.datetime(2023, 8, day, hour, minute, tzinfo=KYIV)


def write_stories(project):
    project.article("trier-ep", topic="diplomacy", date=when(24, 10), source="European Pravda",
                    lang="en", story=STORY, id="urn:digest:trier-ep",
                    summary="Lars von Trier posted about F-16s.")
    project.article("trier-up", topic="war", date=when(24, 9), source="Ukrainska Pravda",
                    lang="uk", story=STORY, id="urn:digest:trier-up",
                    title="Ларс фон Трієр написав про F-16")
    project.article("trier-kp", topic="war", date=when(24, 12), source="Kyiv Post",
                    lang="en", story=STORY, id="urn:digest:trier-kp")
    project.article("alone", topic="war", date=when(23), source="Outlet", id="urn:digest:alone")
    project.article("talks", topic="diplomacy", date=when(22), source="Outlet",
                    id="urn:digest:talks", story="2023-08-22-talks")


@pytest.fixture
def built(project):
    write_stories(project)
    project.build()
    return project


def page(project, path):
    return (project.site / path / "index.html").read_text()


def section(html, topic):
    """The HTML of one topic section of an issue page."""
    start = html.index(f'<section class="topic-section" id="topic-{topic}"')
    return html[start:html.index("</section>", start)]


def entries(project, name="feed.xml"):
    parsed = feedparser.parse((project.site / name).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed.entries


# The issue and topic pages ---------------------------------------------------------------

def test_the_issue_shows_the_story_once_with_its_lead_coverage_and_the_others(built):
    issue = page(built, "weeks/2023-W34/")
    assert issue.count('class="card story-card"') == 1
    # the lead: the first article in the digest's language (English), not the earlier Ukrainian
    assert issue.count("Title of trier-ep") == 1
    assert issue.count("Title of trier-kp") == 1  # once, among the others, not as a card
    assert "Covered by 3 outlets in 2 languages" in issue
    assert f'href="../../{STORY_PAGE}"' in issue
    card = issue[issue.index('class="card story-card"'):]
    card = card[:card.index("</article>")]
    for href, outlet, lang, time in (
        ("war/2023-W34/trier-up/", "Ukrainska Pravda", "Ukrainian", "24 August 2023, 09:00"),
        ("war/2023-W34/trier-kp/", "Kyiv Post", "English", "24 August 2023, 12:00"),
    ):
        item = card[card.index(f'href="../../{href}"'):]
        item = item[:item.index("</li>")]
        assert outlet in item and lang in item and time in item, item
    assert 'lang="uk">Ларс фон Трієр написав про F-16<' in card
    assert "5 articles on 3 stories in 2 topics" in issue


def test_a_story_sits_in_the_topic_most_of_its_articles_have(built):
    issue = page(built, "weeks/2023-W34/")
    assert "Title of trier-ep" in section(issue, "war")  # 2 of 3 are War; the lead is Diplomacy
    assert "trier" not in section(issue, "diplomacy")
    war, diplomacy = page(built, "topics/war/"), page(built, "topics/diplomacy/")
    assert war.count("Title of trier-ep") == 1 and "Covered by 3 outlets" in war
    assert "trier" not in diplomacy and "Title of talks" in diplomacy
    assert "2 stories from 4 articles" in war


def test_single_article_stories_look_as_articles_did(project, tmp_path):
    project.article("alone", topic="war", date=when(23), source="Outlet", id="urn:digest:alone")
    project.article("talks", topic="diplomacy", date=when(22), source="Outlet",
                    id="urn:digest:talks")
    project.build(out=tmp_path / "plain")
    project.article("talks", topic="diplomacy", date=when(22), source="Outlet",
                    id="urn:digest:talks", story="2023-08-22-talks")  # a story of one
    shutil.rmtree(project.root / ".digest-cache")
    project.build(out=tmp_path / "story")
    plain, story = project.files(tmp_path / "plain"), project.files(tmp_path / "story")
    assert plain == story
    assert not any(p.startswith("stories/") for p in story)


def test_a_tie_between_topics_goes_to_the_leads_topic(project):
    project.article("a", topic="diplomacy", date=when(24, 9), lang="uk", story="tie",
                    source="A")
    project.article("b", topic="war", date=when(24, 10), lang="en", story="tie", source="B")
    project.build()
    issue = page(project, "weeks/2023-W34/")
    assert "Title of b" in section(issue, "war")  # b leads (English): its topic wins the tie
    assert "topic-diplomacy" not in issue


# The story page and article pages --------------------------------------------------------

def test_the_story_page_names_every_article_as_a_timeline(built):
    html = page(built, STORY_PAGE)
    order = [html.index(f'href="../../{p}"') for p in (
        "war/2023-W34/trier-up/", "diplomacy/2023-W34/trier-ep/", "war/2023-W34/trier-kp/")]
    assert order == sorted(order)  # oldest first
    for text in ("Ukrainska Pravda", "European Pravda", "Kyiv Post", "Ukrainian", "English",
                 "24 August 2023, 09:00", "24 August 2023, 12:00",
                 "Lars von Trier posted about F-16s.", "Covered by 3 outlets in 2 languages",
                 "<h1>Title of trier-ep</h1>", 'href="../../weeks/2023-W34/"',
                 'href="../../topics/war/"', "data-pagefind-body"):
        assert text in html, text


def test_each_article_page_lists_the_others_and_links_the_story(built):
    for path, others in (
        ("war/2023-W34/trier-up/", ("trier-ep", "trier-kp")),
        ("diplomacy/2023-W34/trier-ep/", ("trier-up", "trier-kp")),
        ("war/2023-W34/trier-kp/", ("trier-up", "trier-ep")),
    ):
        html = page(built, path)
        aside = html[html.index('<aside class="also-covered"'):]
        aside = aside[:aside.index("</aside>")]
        assert "Also covered by" in aside
        for slug in others:
            assert f"/{slug}/" in aside, (path, slug)
        assert path not in aside
        assert f'href="../../../{STORY_PAGE}"' in aside
    assert "also-covered" not in page(built, "war/2023-W34/alone/")


def test_the_sitemap_lists_story_pages(built):
    sitemap = (built.site / "sitemap.xml").read_text()
    assert f"<loc>{ORIGIN}{STORY_PAGE}</loc><lastmod>2023-08-24T12:00:00+03:00</lastmod>" \
        in sitemap
    assert "stories/2023-08-22-talks/" not in sitemap  # a story of one has no page


def test_a_story_over_two_weeks_shows_each_weeks_articles_in_that_weeks_issue(built):
    built.article("trier-late", topic="war", date=when(28, 8), source="Reuters", lang="en",
                  story=STORY, id="urn:digest:trier-late")
    built.build()
    earlier, later = page(built, "weeks/2023-W34/"), page(built, "weeks/2023-W35/")
    assert "1 more article in other weeks" in earlier
    assert "Title of trier-late" not in earlier
    assert "Title of trier-late" in later and "2 articles in other weeks" not in later
    assert "3 more articles in other weeks" in later
    assert f'href="../../{STORY_PAGE}"' in later
    assert "Covered by 4 outlets in 2 languages" in page(built, STORY_PAGE)


# Feeds -----------------------------------------------------------------------------------

def test_feeds_carry_one_item_per_story(built):
    items = entries(built)
    assert [e.id for e in items] == ["urn:digest:trier-up", "urn:digest:alone",
                                     "urn:digest:talks"]
    story = items[0]
    assert story.link == ORIGIN + STORY_PAGE
    assert story.title == "Title of trier-ep"  # the lead's
    assert "Also covered by: Ukrainska Pravda, Kyiv Post" in story.summary
    assert "Also covered by:" in story.content[0].value
    assert story.published_parsed[:5] == (2023, 8, 24, 6, 0)  # the first article's date (UTC)
    links = re.findall(r'href="([^"]+)"', story.content[0].value.split("Also covered by")[1])
    assert links == [ORIGIN + "war/2023-W34/trier-up/", ORIGIN + "war/2023-W34/trier-kp/"]
    assert all((built.site / link[len(ORIGIN):] / "index.html").is_file() for link in links)
    for name in ("atom.xml", "topics/war/feed.xml", "topics/war/atom.xml"):
        ids = [e.id for e in entries(built, name)]
        assert ids.count("urn:digest:trier-up") == 1, name
        assert not {"urn:digest:trier-ep", "urn:digest:trier-kp"} & set(ids), name
    assert "urn:digest:trier-up" not in [e.id for e in entries(built, "topics/diplomacy/feed.xml")]
    weekly = entries(built, "weeks/feed.xml")[0]
    assert weekly.title == "Week 2023-W34: 3 stories from 5 articles"
    assert weekly.content[0].value.count("Title of trier") == 1


def test_the_json_feed_carries_one_item_per_story(built):
    import json

    items = json.loads((built.site / "feed.json").read_text())["items"]
    assert [i["id"] for i in items] == ["urn:digest:trier-up", "urn:digest:alone",
                                        "urn:digest:talks"]
    assert items[0]["url"] == ORIGIN + STORY_PAGE and items[0]["language"] == "en"


def test_a_guid_survives_new_coverage_and_the_rebuild_equals_a_clean_build(built, tmp_path):
    before = {e.id: e for e in entries(built)}
    mtimes = {p: (built.site / p).stat().st_mtime_ns for p in built.files()
              if not p.startswith("pagefind/")}  # the search index is rebuilt whole
    built.article("trier-r", topic="diplomacy", date=when(25, 8), source="Reuters", lang="en",
                  story=STORY, id="urn:digest:trier-r")
    built.build()
    after = entries(built)
    assert [e.id for e in after] == list(before)  # same guids, same order: nothing re-sent
    story = after[0]
    assert story.published == before["urn:digest:trier-up"].published
    assert "Reuters" in story.summary
    atom = entries(built, "atom.xml")[0]
    assert atom.id == "urn:digest:trier-up" and atom.updated.startswith("2023-08-25T08:00")
    changed = {p for p, t in mtimes.items() if (built.site / p).stat().st_mtime_ns != t}
    for path in (f"{STORY_PAGE}index.html", "war/2023-W34/trier-up/index.html",
                 "war/2023-W34/trier-kp/index.html", "diplomacy/2023-W34/trier-ep/index.html",
                 "weeks/2023-W34/index.html", "index.html", "topics/war/index.html",
                 "feed.xml", "atom.xml", "feed.json", "topics/war/feed.xml", "weeks/feed.xml"):
        assert path in changed, path
    assert "Reuters" in page(built, "war/2023-W34/trier-up/")
    cached = built.files()
    shutil.rmtree(built.root / ".digest-cache")
    built.build(out=tmp_path / "clean", clean=True)
    assert cached == built.files(tmp_path / "clean")


def test_an_article_leaving_its_story_updates_every_page_that_showed_it(built, tmp_path):
    built.build()
    built.article("trier-kp", topic="war", date=when(24, 12), source="Kyiv Post", lang="en",
                  id="urn:digest:trier-kp")  # its story id removed by hand
    (built.root / "content/war/2023-W34/trier-up.md").unlink()
    built.build()
    assert not (built.site / STORY_PAGE).exists()  # one article left: no story page
    assert "also-covered" not in page(built, "diplomacy/2023-W34/trier-ep/")
    assert "story-card" not in page(built, "weeks/2023-W34/")
    assert [e.id for e in entries(built)][:2] == ["urn:digest:trier-kp", "urn:digest:trier-ep"]
    cached = built.files()
    built.build(out=tmp_path / "clean", clean=True)
    assert cached == built.files(tmp_path / "clean")


def test_two_builds_with_stories_are_byte_identical(project, tmp_path):
    write_stories(project)
    project.build(out=tmp_path / "one")
    project.build(out=tmp_path / "two", clean=True)
    assert project.files(tmp_path / "one") == project.files(tmp_path / "two")


def test_feeds_with_stories_stay_within_the_byte_budget(project):
    project.add_config("feed_max_bytes: 6000\n")
    for i in range(12):
        for outlet in ("A", "B", "C"):
            project.article(f"s{i}-{outlet.lower()}", date=when(1 + i, 9 + "ABC".index(outlet)),
                            source=outlet, story=f"story-{i}", body="Words. " * 80)
    project.build()
    for name in ("feed.xml", "atom.xml", "feed.json", "topics/war/feed.xml"):
        assert len((project.site / name).read_bytes()) <= 6000, name
    ids = [e.id for e in entries(project)]
    assert ids and len(ids) == len(set(ids)) and len(ids) < 12


# The front matter key --------------------------------------------------------------------

@pytest.mark.parametrize("value", ["Not A Slug", "../up", 2023, "x" * 121])
def test_a_story_id_that_is_not_a_slug_is_an_error_with_file_and_line(project, value):
    project.article("ok", date=when(24))
    path = project.article("bad", date=when(24), story=value)
    reporter = Reporter(quiet=True)
    with pytest.raises(DigestError):
        project.build(reporter)
    [problem] = reporter.errors
    assert problem.file == "content/war/2023-W34/bad.md"
    line = path.read_text().splitlines().index(
        next(x for x in path.read_text().splitlines() if x.startswith("story:"))) + 1
    assert problem.line == line and "story" in problem.message and problem.hint


# The rules, on articles made in memory ---------------------------------------------------

def make(aid, day, hour, *, topic="war", lang=None, story="s"):
    date = when(day, hour)
    return Article(file=f"{aid}.md", topic=topic, week="2023-W34", slug=aid, title=aid,
                   date=date, body="", id=aid, lang=lang, story=story)


def test_the_lead_is_the_first_in_the_digests_language_then_the_earliest_by_id():
    uk = make("u", 24, 9, lang="uk")  # the earliest: the guid, but not in English
    en_a = make("a", 24, 10)  # no lang: the digest's language; ties with en_c, id first
    en_c = make("c", 24, 10, lang="en")
    [story] = stories.group([uk, en_a, en_c], "en")
    assert story.lead is en_a and story.first is uk and story.guid == "u"
    assert [a.id for a in story.others] == ["u", "c"]
    [story] = stories.group([uk, en_a, en_c], "uk-UA")
    assert story.lead is uk
    [story] = stories.group([uk, en_a, en_c], "de")  # no lang: in the digest's language
    assert story.lead is en_a
    [story] = stories.group([uk, en_c], "de")  # none in German: the earliest
    assert story.lead is uk
    assert story.path == "stories/s/"


def test_articles_without_a_story_stand_alone_even_when_an_id_looks_like_a_story():
    loose = make("s", 24, 9, story=None)  # its id equals the other articles' story id
    grouped = stories.group([loose, make("x", 24, 10), make("y", 24, 11)], "en")
    assert [len(s.articles) for s in grouped] == [1, 2]
    assert grouped[0].path == loose.path and grouped[1].path == "stories/s/"


def test_feeds_build_from_articles_groups_them_into_stories():
    from digest import feeds

    items = [make("x", 24, 9), make("y", 24, 10), make("z", 25, 9, story=None)]
    out = feeds.build_feeds(items, [], Config())
    ids = [e.id for e in feedparser.parse(out["feed.xml"]).entries]
    assert ids == ["z", "x"]


def test_every_kind_of_story_edit_rebuilds_as_a_clean_build_would(project, tmp_path):
    """Stories over weeks and topics; each edit changes a lead, a topic, a week or a guid."""
    for i in range(18):
        project.article(f"a{i}", topic="war" if i % 3 else "diplomacy",
                        date=when(14 + i % 14, 8 + i % 5), source=f"Outlet {i % 4}",
                        lang="uk" if i % 4 == 0 else "en", story=f"story-{i % 5}")
    edits = [
        lambda: project.article("new", topic="diplomacy", date=when(27, 23), source="New",
                                lang="en", story="story-1"),  # a later week, other topic
        lambda: project.article("a1", topic="war", date=when(15, 9), source="Outlet 1",
                                lang="uk", story="story-1"),  # the lead's language changes
        lambda: project.article("a5", topic="war", date=when(19, 8), source="Outlet 1",
                                lang="en", story="story-0", title="Retitled"),  # not a lead
        lambda: project.article("a2", topic="diplomacy", date=when(16, 10), source="Outlet 2",
                                lang="en", story="story-2"),  # a topic changes
        lambda: project.article("early", topic="war", date=when(7, 6), source="Early",
                                story="story-3"),  # an earlier first article: a new guid
        lambda: (project.root / "content/war/2023-W33/a4.md").unlink(),
    ]
    project.build()
    for step, edit in enumerate(edits):
        edit()
        result = project.build()
        if step in (1, 2):  # no count changed, so not every page shows a difference: few rendered
            assert 0 < result.rendered < result.pages / 2, result
        fresh = Project(tmp_path / f"clean-{step}")  # its own cache: this one stays warm
        shutil.copytree(project.root / "content", fresh.root / "content", dirs_exist_ok=True)
        fresh.build(clean=True)
        cached, clean = project.files(), fresh.files()
        assert cached == clean, (step, sorted(p for p in clean if cached.get(p) != clean[p]))


def test_a_date_only_article_in_a_story_shows_its_day_without_a_made_up_time(built):
    built.article("trier-day", topic="war", date=dt.date(2023, 8, 25), source="Dated Daily",
                  lang="en", story=STORY, id="urn:digest:trier-day")
    built.build()
    for path in ("weeks/2023-W34/", STORY_PAGE, "war/2023-W34/trier-up/"):
        html = page(built, path)
        assert "Dated Daily" in html and "25 August 2023<" in html, path
        assert ", 00:00<" not in html and "2023-08-25T00:00" not in html, path
