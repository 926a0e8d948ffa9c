import datetime as dt

from conftest import KYIV

from digest import content, store


def errors(project):
    _, problems = store.load(project.config())
    return [p for p in problems if p.level == "error"]


def test_valid_articles_load_sorted_with_defaults(project):
    project.article("b", date=dt.datetime(2023, 8, 17, 10, 0, tzinfo=KYIV))
    project.article("a", tags=["x"], source="Outlet", id="urn:digest:1")
    articles, problems = store.load(project.config())
    assert problems == []
    assert [a.slug for a in articles] == ["a", "b"]
    assert articles[0].id == "urn:digest:1" and articles[0].tags == ["x"]
    assert articles[1].id.startswith("urn:digest:")  # derived from the path


def test_articles_sort_by_instant_whatever_offset_their_dates_carry(project):
    utc, minus5 = dt.UTC, dt.timezone(dt.timedelta(hours=-5))
    # 10:00 in Kyiv (07:00 UTC), then 08:00 UTC, then 04:00 at UTC-5 (09:00 UTC)
    project.article("late", date=dt.datetime(2023, 8, 17, 4, 0, tzinfo=minus5))
    project.article("early", date=dt.datetime(2023, 8, 17, 10, 0, tzinfo=KYIV))
    project.article("middle", date=dt.datetime(2023, 8, 17, 8, 0, tzinfo=utc))
    # the same instant written with two offsets: the id breaks the tie
    project.article("tie-b", date=dt.datetime(2023, 8, 18, 12, 0, tzinfo=utc), id="urn:x:b")
    project.article("tie-a", date=dt.datetime(2023, 8, 18, 7, 0, tzinfo=minus5), id="urn:x:a")
    articles, problems = store.load(project.config())
    assert problems == []
    assert [a.slug for a in articles] == ["early", "middle", "late", "tie-a", "tie-b"]

def test_all_errors_are_collected_with_file_and_line(project):
    bad = project.root / "content/war/2023-W33/bad.md"
    bad.parent.mkdir(parents=True)
    bad.write_text("---\ntitle: ok\ndate: 2023-08-16 09:27\ntopic: war\n---\nbody\n")
    other = project.root / "content/war/2023-W33/other.md"
    other.write_text("---\ntitle: [unclosed\n---\n")
    project.article("good")
    found = errors(project)
    assert {(p.file, p.line) for p in found} == {
        ("content/war/2023-W33/bad.md", 3),
        ("content/war/2023-W33/other.md", 3),
    }
    assert any("no UTC offset" in p.message for p in found)


def test_topic_and_week_must_match_the_folder(project):
    project.article("moved", topic="war", week="2023-W40")
    path = project.article("wrong-topic", topic="war")
    path.write_text(path.read_text().replace("topic: war", "topic: diplomacy"))
    messages = [p.message for p in errors(project)]
    assert any("is in week 2023-W33, but the file is in folder 2023-W40" in m for m in messages)
    assert any("topic 'diplomacy' does not match the folder 'war'" in m for m in messages)


def test_required_keys_and_types(project):
    path = project.article("x", tags="fine")
    path.write_text("---\ntopic: war\ntags: {a: 1}\ndraft: maybe\n---\n")
    messages = " ".join(p.message for p in errors(project))
    for expected in ("'title' is required", "'date' is required", "'tags' must be a list",
                     "'draft' must be true or false"):
        assert expected in messages


def test_a_day_without_time_is_a_date_only_article_at_the_start_of_that_day(project):
    path = project.article("x")
    path.write_text(path.read_text().replace("2023-08-16T09:27:00+03:00", "2023-08-16"))
    articles, problems = store.load(project.config())
    assert not [p for p in problems if p.level == "error"]
    (article,) = articles
    assert article.day_only and article.shown_date == dt.date(2023, 8, 16)
    assert article.date == dt.datetime(2023, 8, 16, tzinfo=project.config().tz)


def test_duplicate_ids_are_errors(project):
    project.article("a", id="urn:digest:same")
    project.article("b", id="urn:digest:same")
    assert "already used by" in errors(project)[0].message


def test_drafts_are_left_out_unless_asked(project):
    project.article("d", draft=True)
    assert store.load(project.config())[0] == []
    assert len(store.load(project.config(), drafts=True)[0]) == 1


def test_week_is_taken_in_the_digest_timezone():
    sunday_late_utc = dt.datetime(2023, 8, 20, 22, 30, tzinfo=dt.UTC)  # Monday 01:30 in Kyiv
    assert content.week_id(sunday_late_utc, KYIV) == "2023-W34"
    assert content.week_id(sunday_late_utc, dt.UTC) == "2023-W33"


def test_files_outside_the_layout_are_reported(project):
    (project.root / "content/stray.md").write_text("---\ntitle: x\n---\n")
    assert "not in a <topic>/<YYYY>-W<WW>/ folder" in errors(project)[0].message


def test_windows_and_old_mac_line_endings_read_like_unix_ones(project):
    project.article("unix", body="First line\nsecond line.\n\nNext paragraph.\n")
    unix = project.root / "content/war/2023-W33/unix.md"
    text = unix.read_text(encoding="utf-8")
    (unix.parent / "dos.md").write_bytes(text.replace("\n", "\r\n").encode())
    (unix.parent / "mac.md").write_bytes(text.replace("\n", "\r").encode())
    articles, problems = store.load(project.config())
    assert problems == []
    assert {a.slug for a in articles} == {"unix", "dos", "mac"}
    assert len({(a.title, a.html, a.words) for a in articles}) == 1
