"""The run's ledger: what a run remembers of every article is on disk, and answers the same.

A run whose story index reads every day back from disk (a cache of one day) writes the
same content/, record and report as one that holds them in memory, across two runs too;
a ledger file left by a killed run, or a damaged one, is replaced, and the killed run left
only whole articles.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digest import frontmatter
from digest.atomic import TMP_SUFFIX
from digest.config import Config, Topic
from digest.ingest import ledger
from digest.ingest.executors import SerialExecutor
from digest.ingest.pipeline import ingest
from digest.report import Reporter
from tests.ingest.warcs import article_html

REPO = Path(__file__).resolve().parents[2]
EVENTS = [
    ("Zelensky meets Rutte in Eindhoven over 18 F-16 jets", ["Zelensky", "Rutte"]),
    ("Odesa port hit by drones as Kuleba calls for air defence", ["Kuleba", "Odesa"]),
    ("Scholz and Macron discuss grain corridor with Erdogan", ["Scholz", "Erdogan"]),
    ("Blinken visits Kyiv with 175 million aid package", ["Blinken", "Kyiv"]),
]


def _pages(raw: Path, count: int, first: int = 0) -> None:
    """``count`` pages of four events over a fortnight, out of date order, plus a copy of
    one file and a near-copy of another (dedupe's three tests)."""
    raw.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + count):
        title, names = EVENTS[i % len(EVENTS)]
        day = dt.date(2023, 8, 1) + dt.timedelta(days=(i * 5) % 14)
        paragraphs = [f"{names[0]} and {names[1]} spoke on {day:%d %B}, report {i}, officials "
                      f"said after talks that lasted {10 + i} hours and covered item {i * 37}.",
                      *(f"{names[i % 2]} added detail number {i}-{k} about the plans of the "
                        f"partners, the schedule of deliveries and the cost of repairs."
                        for k in range(5))]
        html = article_html(f"{title} ({i})", i, date=f"{day.isoformat()}T10:{i % 60:02d}:00Z",
                            paragraphs=paragraphs)
        (raw / f"page-{i:03d}.html").write_bytes(html)
    (raw / f"page-{first:03d}-copy.html").write_bytes((raw / f"page-{first:03d}.html").read_bytes())
    near = (raw / f"page-{first + 1:03d}.html").read_text(encoding="utf-8")
    (raw / f"page-{first + 1:03d}-near.html").write_text(
        near.replace("officials said", "officials told reporters"), encoding="utf-8")


def _config(root: Path) -> Config:
    return Config(root=root, timezone="Europe/Kyiv", default_topic="general",
                  topics=(Topic("war", "War", ("F-16", "drones")),))


def _tree(root: Path) -> dict[str, bytes]:
    """Every file ingest wrote that a user keeps: content/ and the story record."""
    files = {p.relative_to(root).as_posix(): p.read_bytes()
             for p in sorted((root / "content").rglob("*")) if p.is_file()}
    files["stories.tsv"] = (root / ".digest" / "stories.tsv").read_bytes()
    return files


def _two_runs(root: Path) -> list[list[tuple]]:
    """Ingest the first pages, then all of them (so the first are already ingested): the
    reports, one line per page."""
    reports = []
    for paths in ([root / "raw/a"], [root / "raw/a", root / "raw/b"]):
        report = ingest(paths, _config(root), Reporter(quiet=True), executor=SerialExecutor())
        reports.append([(r.file, r.status, r.reason, r.article, r.story)
                        for r in report.results])
    return reports


def _project(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    _pages(root / "raw/a", 14)
    _pages(root / "raw/b", 14, first=14)
    return root


def test_a_run_that_reads_every_day_back_from_disk_writes_what_one_holding_them_does(
        tmp_path, monkeypatch):
    held = _project(tmp_path, "held")
    held_reports = _two_runs(held)
    monkeypatch.setattr("digest.grouping.index.CACHE_DAYS", 1)
    monkeypatch.setattr("digest.grouping.index.CACHE_ARTICLES", 0)
    read = _project(tmp_path, "read")
    assert _two_runs(read) == held_reports
    assert _tree(read) == _tree(held)
    statuses = [line[1] for report in held_reports for line in report]
    reasons = " ".join(str(line[2]) for report in held_reports for line in report)
    assert statuses.count("written") == 28
    assert "same file contents" in reasons and "near-duplicate" in reasons
    assert "already ingested" in reasons
    stories = {line[4] for report in held_reports for line in report if line[4]}
    assert len(stories) < 28  # the events' pages were grouped
    assert not (held / ".digest" / ledger.RUN_FILE).exists()


def test_a_damaged_ledger_left_in_the_project_is_replaced(tmp_path):
    clean = _project(tmp_path, "clean")
    _two_runs(clean)
    damaged = _project(tmp_path, "damaged")
    (damaged / ".digest").mkdir()
    (damaged / ".digest" / ledger.RUN_FILE).write_bytes(b"SQLite format 3\0" + b"\xff" * 4000)
    (damaged / ".digest" / f"{ledger.RUN_FILE}-journal").write_bytes(b"junk")
    _two_runs(damaged)
    assert _tree(damaged) == _tree(clean)
    assert not list((damaged / ".digest").glob(f"{ledger.RUN_FILE}*"))


def test_a_killed_run_leaves_whole_articles_and_the_next_run_goes_on(tmp_path):
    root = tmp_path / "project"
    _pages(root / "raw", 120)
    (root / "digest.yaml").write_text("title: T\ntimezone: Europe/Kyiv\n", encoding="utf-8")
    record = root / ".digest" / "stories.tsv"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-m", "digest", "ingest", "-q", "--jobs", "1",
                              "raw"], cwd=root, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while child.poll() is None and time.monotonic() < deadline:
        if record.exists() and record.read_bytes().count(b"\n") >= 10:
            child.send_signal(signal.SIGKILL)
            break
        time.sleep(0.01)
    child.wait()
    if child.returncode != -signal.SIGKILL:
        pytest.skip("the run ended before it could be killed")
    assert (root / ".digest" / ledger.RUN_FILE).exists()  # left by the killed run
    # an article being written may be left as a hidden temporary file, never as an article
    written = [p for p in (root / "content").rglob("*.md") if not p.name.startswith(".")]
    assert written
    for path in written:  # every article the killed run wrote is whole
        assert frontmatter.parse(path.read_text(encoding="utf-8")).meta["story"]
    config = Config(root=root, timezone="Europe/Kyiv")
    report = ingest([root / "raw"], config, Reporter(quiet=True), executor=SerialExecutor())
    again = {r.reason.removeprefix("already ingested as ") for r in report.results
             if r.reason and r.reason.startswith("already ingested as ")}
    assert again == {p.relative_to(root).as_posix() for p in written}
    assert len(list((root / "content").rglob("*.md"))) == 120  # the pages, less the copies
    assert not list((root / ".digest").glob(f"{ledger.RUN_FILE}*"))
    assert not list(root.rglob(f"*{TMP_SUFFIX}"))
