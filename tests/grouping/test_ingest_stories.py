"""Stories through `digest ingest` and `digest stories`, on real files in a real project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest import frontmatter
from digest.cli import main
from digest.config import Config, Topic
from digest.grouping import assign, record
from digest.grouping import regroup as regroup_mod
from digest.ingest.pipeline import ingest
from digest.report import Reporter

EN = ("Netherlands to send 18 F-16 jets to Ukraine, Zelensky says in Eindhoven", [
    "President Volodymyr Zelensky said on Sunday in Eindhoven that Ukraine will receive 18 F-16 "
    "fighter jets from the Netherlands once its pilots have been trained.",
    "Dutch Prime Minister Mark Rutte stood beside him at the Eindhoven air base and said the "
    "first jets could arrive within months, after Denmark also pledged aircraft.",
    "Rutte said the Netherlands owns 42 F-16 jets and is ready to hand them over.",
])
UK = ("Нідерланди передадуть Україні 18 винищувачів F-16, — Зеленський в Ейндговені", [
    "Президент Володимир Зеленський заявив у неділю в Ейндговені, що Україна отримає 18 "
    "винищувачів F-16 від Нідерландів після навчання пілотів.",
    "Прем'єр-міністр Нідерландів Марк Рютте на авіабазі в Ейндговені сказав, що перші літаки "
    "можуть прибути за кілька місяців, а Данія теж пообіцяла літаки.",
    "Рютте нагадав, що Нідерланди мають 42 винищувачі F-16.",
])
OTHER = ("Heavy rain floods the streets of Odesa overnight", [
    "Heavy rain flooded the streets of Odesa on Sunday evening, leaving several districts "
    "without electricity for most of the night.",
    "City officials said repair crews worked through the night and most homes had power again "
    "by morning, though some streets stayed closed.",
])


def dump(page: tuple[str, list[str]], dateline: str = "Sunday, 20 August 2023, 18:40") -> str:
    title, paragraphs = page
    return ("Home News Politics\nSupport Us\n\n" + title + "\n\n" + dateline + "\n\n"
            + "\n\n".join(paragraphs) + "\n\nAll News\nAdvertisement:\n")


def config(root: Path) -> Config:
    return Config(root=root, timezone="Europe/Kyiv", topics=(Topic("war", "War", ("F-16",)),),
                  default_topic="general")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, page in (("1-en.txt", EN), ("2-uk.txt", UK), ("3-other.txt", OTHER)):
        (raw / name).write_text(dump(page), encoding="utf-8")
    (tmp_path / "digest.yaml").write_text(
        "title: T\ntimezone: Europe/Kyiv\ntopics:\n  - slug: war\n    title: War\n"
        "    keywords: [F-16]\ndefault_topic: general\n", encoding="utf-8")
    return tmp_path


def run(root: Path, *names: str, **kw):
    paths = [root / "raw" / n for n in names] or [root / "raw"]
    return ingest(paths, config(root), Reporter(quiet=True), **kw)


def stories(root: Path) -> dict[str, str]:
    """raw file name -> story id, from the articles' front matter."""
    out = {}
    for path in sorted((root / "content").rglob("*.md")):
        meta = frontmatter.parse(path.read_text(encoding="utf-8")).meta
        out[Path(meta["raw"]).name] = meta.get("story")
    return out


def article(root: Path, raw_name: str) -> Path:
    for path in sorted((root / "content").rglob("*.md")):
        if f"raw: raw/{raw_name}" in path.read_text(encoding="utf-8"):
            return path
    raise AssertionError(raw_name)


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "ingest.lock" not in p.name}


def copy_project(source: Path, target: Path) -> Path:
    (target / "raw").mkdir(parents=True)
    for p in (source / "raw").iterdir():
        (target / "raw" / p.name).write_bytes(p.read_bytes())
    (target / "digest.yaml").write_bytes((source / "digest.yaml").read_bytes())
    return target


def content(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(root).items() if k.startswith("content/")}


def cli(root: Path, *args: str):
    return CliRunner().invoke(main, [*args, "--config", str(root / "digest.yaml")],
                              catch_exceptions=False)


def test_every_article_gets_a_story_and_one_event_in_two_languages_is_one_story(project):
    run(project)
    ids = stories(project)
    assert set(ids) == {"1-en.txt", "2-uk.txt", "3-other.txt"}
    assert ids["1-en.txt"] == ids["2-uk.txt"] != ids["3-other.txt"]
    assert ids["1-en.txt"] == ("2023-08-20-netherlands-to-send-18-f-16-jets-to-ukraine-zelensky-"
                               "says-in-eindhoven")
    text = article(project, "1-en.txt").read_text(encoding="utf-8")
    assert text.index("\nid: ") < text.index("\nstory: ") < text.index("\nraw: ")


def test_same_store_and_input_give_the_same_ids(tmp_path, project):
    other = copy_project(project, tmp_path / "again")
    run(project)
    run(other)
    assert stories(project) == stories(other)
    assert content(project) == content(other)


def test_a_page_ingested_later_joins_the_story_in_the_store(project):
    run(project, "1-en.txt", "3-other.txt")
    run(project, "2-uk.txt")
    ids = stories(project)
    assert ids["2-uk.txt"] == ids["1-en.txt"] != ids["3-other.txt"]


def test_a_hand_set_id_survives_ingest_and_regrouping_and_new_coverage_joins_it(project):
    run(project, "1-en.txt", "3-other.txt")
    path = article(project, "1-en.txt")
    path.write_text(record.set_story_line(path.read_text(encoding="utf-8"), "dutch-f16s"),
                    encoding="utf-8")
    run(project, "2-uk.txt")
    assert stories(project)["2-uk.txt"] == "dutch-f16s"
    before = path.read_bytes()
    result = cli(project, "stories")
    assert result.exit_code == 0, result.output
    assert stories(project)["1-en.txt"] == "dutch-f16s" and path.read_bytes() == before
    assert stories(project)["2-uk.txt"] == "dutch-f16s"


def test_an_id_digest_never_wrote_is_hand_set_even_without_the_record(project):
    run(project, "3-other.txt")
    path = article(project, "3-other.txt")
    path.write_text(record.set_story_line(path.read_text(encoding="utf-8"), "odesa-floods"),
                    encoding="utf-8")
    (project / ".digest" / record.RECORD_FILE).unlink()
    cli(project, "stories")
    assert stories(project)["3-other.txt"] == "odesa-floods"


def test_regrouping_moves_articles_reports_it_and_touches_only_the_story_line(
        project, monkeypatch):
    monkeypatch.setattr(assign, "CROSS_THRESHOLD", 2.0)  # an older method: no cross-language
    run(project)
    ids = stories(project)
    assert ids["1-en.txt"] != ids["2-uk.txt"]
    monkeypatch.undo()
    uk = article(project, "2-uk.txt")
    edited = uk.read_text(encoding="utf-8").replace("\n---\n", "\nnote: checked by hand\n---\n",
                                                    1)
    uk.write_text(edited + "\nAn editor's closing line.\n", encoding="utf-8")
    before = uk.read_text(encoding="utf-8")

    result = cli(project, "stories")
    assert result.exit_code == 0, result.output
    assert f"{ids['2-uk.txt']} -> {ids['1-en.txt']}" in result.output
    assert "moved 1 article" in result.output
    after = uk.read_text(encoding="utf-8")
    assert after == before.replace(f"story: {ids['2-uk.txt']}", f"story: {ids['1-en.txt']}")
    assert stories(project)["2-uk.txt"] == ids["1-en.txt"]
    assert "0 articles" in cli(project, "stories").output  # nothing left to move


def test_dry_run_shows_the_moves_and_writes_nothing(project, monkeypatch):
    monkeypatch.setattr(assign, "CROSS_THRESHOLD", 2.0)
    run(project)
    monkeypatch.undo()
    before = snapshot(project)
    result = cli(project, "stories", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would move" in result.output and "dry run" in result.output
    assert snapshot(project) == before


def test_ingest_dry_run_records_nothing(project):
    report = run(project, dry_run=True)
    assert [r.status for r in report.results] == ["written"] * 3
    assert not (project / ".digest" / record.RECORD_FILE).exists()
    assert not (project / "content").exists()


def test_set_story_line_changes_one_line_or_adds_it_after_the_id():
    text = "---\ntitle: A\nid: urn:digest:1\nraw: r\n---\n\nBody story: x\n"
    added = record.set_story_line(text, "2023-08-20-a")
    assert added == "---\ntitle: A\nid: urn:digest:1\nstory: 2023-08-20-a\nraw: r\n---\n\n" \
                    "Body story: x\n"
    assert record.set_story_line(added, "b") == added.replace("2023-08-20-a", "b")
    assert frontmatter.parse(record.set_story_line(text, "9 lives: \"x\"")).meta["story"] == \
        '9 lives: "x"'


def test_set_story_line_quotes_what_yaml_would_read_as_something_else():
    text = "---\ntitle: A\n---\n"
    for story in ("2023-08-20", "1234", "true", "2023-08-20-a-title"):
        assert frontmatter.parse(record.set_story_line(text, story)).meta["story"] == story


def test_a_file_that_cannot_be_written_is_named_and_keeps_its_recorded_id(project, monkeypatch):
    monkeypatch.setattr(assign, "CROSS_THRESHOLD", 2.0)
    run(project)
    monkeypatch.undo()
    uk = article(project, "2-uk.txt")
    before = uk.read_bytes()
    real_write = regroup_mod.atomic_write

    def refuse(path, text):  # a read-only file; chmod cannot stop root, who runs these tests
        if path == uk:
            raise PermissionError(13, "Permission denied", str(path))
        real_write(path, text)

    monkeypatch.setattr(regroup_mod, "atomic_write", refuse)
    result = cli(project, "stories")
    monkeypatch.undo()
    assert result.exit_code == 1
    assert uk.name in result.output and "could not write its story" in result.output
    assert uk.read_bytes() == before
    assert cli(project, "stories").exit_code == 0  # still digest's id, so it moves now
    assert stories(project)["2-uk.txt"] == stories(project)["1-en.txt"]


def test_one_page_per_run_gives_the_ids_of_one_run(tmp_path, project):
    other = copy_project(project, tmp_path / "again")
    run(project)
    for name in ("1-en.txt", "2-uk.txt", "3-other.txt"):
        run(other, name)
    assert stories(project) == stories(other)


# --- one run, files in any order ------------------------------------------------------------

EN_SLUG = "2023-08-20-netherlands-to-send-18-f-16-jets-to-ukraine-zelensky-says-in-eindhoven"


@pytest.fixture
def later_uk(project: Path) -> Path:
    """The project with the Ukrainian report half an hour after the English one."""
    (project / "raw" / "2-uk.txt").write_text(dump(UK, "Sunday, 20 August 2023, 19:10"),
                                              encoding="utf-8")
    return project


def test_one_run_groups_the_same_whatever_the_order_of_its_files(tmp_path, later_uk):
    other = copy_project(later_uk, tmp_path / "other")
    run(later_uk, "2-uk.txt", "3-other.txt", "1-en.txt")  # the later report first
    run(other, "1-en.txt", "3-other.txt", "2-uk.txt")
    ids = stories(later_uk)
    assert ids == stories(other)
    # the story is named after its first article in time, not the first file given
    assert ids["2-uk.txt"] == ids["1-en.txt"] == EN_SLUG != ids["3-other.txt"]
    assert content(later_uk) == content(other)  # byte for byte
    # as `digest stories` would group them: nothing to move, nothing taken for hand-set
    result = cli(later_uk, "stories", "--dry-run")
    assert "would move 0 articles" in result.output and "kept 0 hand-set ids" in result.output


def test_the_report_and_the_record_carry_the_final_ids(later_uk):
    report = run(later_uk, "2-uk.txt", "1-en.txt")
    assert {Path(r.file).name: r.story for r in report.results} == \
        {"2-uk.txt": EN_SLUG, "1-en.txt": EN_SLUG}
    assert {r["story"] for r in report.as_dict()["files"]} == {EN_SLUG}
    recorded = record.load(later_uk)
    assert sorted(recorded.values()) == [EN_SLUG, EN_SLUG]


def test_a_hand_set_id_in_the_store_is_untouched_when_earlier_coverage_arrives(later_uk):
    run(later_uk, "2-uk.txt")
    uk = article(later_uk, "2-uk.txt")
    uk.write_text(record.set_story_line(uk.read_text(encoding="utf-8"), "dutch-f16s"),
                  encoding="utf-8")
    before = uk.read_bytes()
    run(later_uk, "3-other.txt", "1-en.txt")  # the English report came half an hour earlier
    assert uk.read_bytes() == before
    ids = stories(later_uk)
    assert ids["1-en.txt"] == ids["2-uk.txt"] == "dutch-f16s" != ids["3-other.txt"]
    assert "kept 1 hand-set id" in cli(later_uk, "stories", "--dry-run").output


def test_an_ingest_dry_run_reports_the_final_ids_and_writes_nothing(tmp_path, later_uk):
    other = copy_project(later_uk, tmp_path / "other")
    dry = run(later_uk, "2-uk.txt", "3-other.txt", "1-en.txt", dry_run=True)
    real = run(other, "2-uk.txt", "3-other.txt", "1-en.txt")
    assert [r.story for r in dry.results] == [r.story for r in real.results]
    assert dry.results[0].story == EN_SLUG
    assert not (later_uk / "content").exists()
    assert not (later_uk / ".digest" / record.RECORD_FILE).exists()


def test_an_article_whose_new_id_cannot_be_written_keeps_its_first_one_as_digest_s(
        later_uk, monkeypatch):
    from digest import atomic

    real_replace = atomic._replace

    def refuse_rewrites(path, data):  # a file made read-only mid-run; chmod cannot stop root
        if path.exists():
            raise PermissionError(13, "Permission denied", str(path))
        real_replace(path, data)

    monkeypatch.setattr(atomic, "_replace", refuse_rewrites)
    reporter = Reporter(quiet=True)
    report = ingest([later_uk / "raw" / "2-uk.txt", later_uk / "raw" / "1-en.txt"],
                    config(later_uk), reporter)
    monkeypatch.setattr(atomic, "_replace", real_replace)
    uk = next(r for r in report.results if r.file.endswith("2-uk.txt"))
    assert uk.story != EN_SLUG and stories(later_uk)["2-uk.txt"] == uk.story
    assert any(uk.article in str(e) and "digest stories" in str(e) for e in reporter.errors)
    assert record.load(later_uk)[uk_key(later_uk)] == uk.story  # digest's id, not hand-set
    result = cli(later_uk, "stories")
    assert result.exit_code == 0 and "kept 0 hand-set ids" in result.output
    assert stories(later_uk)["2-uk.txt"] == stories(later_uk)["1-en.txt"]


def uk_key(root: Path) -> str:
    return frontmatter.parse(article(root, "2-uk.txt").read_text(encoding="utf-8")).meta["id"]


def test_the_json_report_of_a_dry_run_gives_each_file_its_final_story(later_uk):
    result = CliRunner().invoke(main, ["ingest", "--dry-run", "--json", "--config",
                                       str(later_uk / "digest.yaml"),
                                       str(later_uk / "raw" / "2-uk.txt"),
                                       str(later_uk / "raw" / "1-en.txt")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    files = json.loads(result.output)["files"]
    assert [f["story"] for f in files] == [EN_SLUG, EN_SLUG]
    assert not (later_uk / "content").exists()


class _StopsAfter:
    """Runs the pages in this process and stops the run (as Ctrl-C does) after ``n``."""

    def __init__(self, n: int):
        self.n = n

    def map(self, fn, items, work, shared):
        from digest.ingest.executors import SerialExecutor

        for done, pair in enumerate(SerialExecutor().map(fn, items, work, shared)):
            if done == self.n:
                raise KeyboardInterrupt
            yield pair


def test_a_run_stopped_half_way_leaves_digest_s_ids_and_the_next_run_settles_them(
        tmp_path, later_uk):
    whole = copy_project(later_uk, tmp_path / "whole")
    run(whole, "2-uk.txt", "1-en.txt", "3-other.txt")
    # the later report first: the English one arrives out of date order and waits
    with pytest.raises(KeyboardInterrupt):
        run(later_uk, "2-uk.txt", "1-en.txt", "3-other.txt", executor=_StopsAfter(2))
    written = stories(later_uk)
    assert set(written) == {"2-uk.txt", "1-en.txt"}
    assert all(written.values())  # every written article has an id, and digest wrote it
    assert "kept 0 hand-set ids" in cli(later_uk, "stories", "--dry-run").output
    run(later_uk, "2-uk.txt", "1-en.txt", "3-other.txt")  # goes on where it stopped
    assert content(later_uk) == content(whole)
    result = cli(later_uk, "stories", "--dry-run")
    assert "would move 0 articles" in result.output and "kept 0 hand-set ids" in result.output


def test_pages_in_date_order_are_grouped_as_they_come_and_never_moved(later_uk):
    report = run(later_uk, "1-en.txt", "2-uk.txt")
    assert [r.story for r in report.results] == [EN_SLUG, EN_SLUG]
    lines = (later_uk / ".digest" / record.RECORD_FILE).read_text(encoding="utf-8")
    assert lines.count(EN_SLUG) == 2  # each id written once: nothing regrouped
