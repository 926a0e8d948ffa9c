"""``digest ingest`` killed at random moments; an editor's work never lost to a re-ingest.

After every SIGKILL, every ``.md`` in content/ must parse with its required keys
(no half-written article), and a rerun must finish the work: every page ends up
ingested exactly once. Re-ingesting a page whose article an editor changed (or
moved to another topic) leaves the edit alone; only ``--force`` replaces it, and
it keeps the edited version in ``.digest/backups/``.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from digest import frontmatter

from .test_ingest_inputs import dump

KILLS = 20
PAGES = 60
DIGEST = [sys.executable, "-c", "from digest.cli import main; main()"]
_WORD_TEXT = ("minister talks agreement energy grain exports delegation parliament budget "
         "sanctions embassy region officials schedule reporters capital border aid "
         "government committee council mayor museum school hospital railway harbour")
WORDS = _WORD_TEXT.split(" ")


def _pages(raw: Path, n: int, seed: int) -> None:
    """``n`` distinct text dumps (different words, so dedupe keeps each one)."""
    rng = random.Random(seed)
    raw.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paras = []
        for _ in range(6):
            words = [rng.choice(WORDS) for _ in range(rng.randint(25, 40))]
            paras.append(f"The {' '.join(words)} in report {i}, officials said.")
        title = f"Report {i}: " + " ".join(rng.choice(WORDS) for _ in range(6))
        day = 14 + i % 5
        (raw / f"page-{i:03d}.txt").write_text(dump(title, paras, f"{day} August 2023, 09:27"),
                                               encoding="utf-8")


def _ingest(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DIGEST, "ingest", "-c", str(root / "digest.yaml"), *extra],
                          capture_output=True, text=True, timeout=300, check=False)


def _articles_are_whole(content: Path) -> int:
    count = 0
    for path in content.rglob("*.md"):
        doc = frontmatter.parse(path.read_text(encoding="utf-8"))
        assert {"title", "date", "topic", "id", "raw_sha256"} <= doc.meta.keys(), path
        assert doc.body.strip(), path
        count += 1
    return count


def test_killed_ingests_leave_only_whole_articles_and_a_rerun_finishes(sandbox):
    root = sandbox.root
    _pages(root / "raw", PAGES, seed=5)
    started = time.monotonic()
    reference = sandbox.tmp / "reference"
    (reference / "content").mkdir(parents=True)
    (reference / "digest.yaml").write_text((root / "digest.yaml").read_text())
    (reference / "raw").symlink_to(root / "raw")
    assert _ingest(reference, str(reference / "raw")).returncode == 0
    one_run = time.monotonic() - started
    expected = _articles_are_whole(reference / "content")
    assert expected == PAGES
    rng = random.Random(1608)
    counts: list[int] = []
    for _ in range(KILLS):
        process = subprocess.Popen([*DIGEST, "ingest", "-q", "-c", str(root / "digest.yaml")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        # short delays: each run only adds what the previous ones did not finish
        time.sleep(rng.uniform(0.05, one_run / 4))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        counts.append(_articles_are_whole(sandbox.content))
    result = _ingest(root)
    assert result.returncode == 0, result.stderr
    assert _articles_are_whole(sandbox.content) == expected  # each page once, none twice
    assert not list(sandbox.content.rglob("*.digest-tmp"))
    print(f"\ningest kills: {KILLS}, partial articles: 0, articles after each kill: {counts}, "
          f"after the rerun: {expected}/{PAGES}")


def test_two_ingests_at_once_do_not_write_a_page_twice(sandbox):
    root = sandbox.root
    _pages(root / "raw", 15, seed=9)
    runs = [subprocess.Popen([*DIGEST, "ingest", "-q", "-c", str(root / "digest.yaml")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in runs]
    for code, stderr in results:
        assert code == 0 or "is running in this project" in stderr or "another digest run" in \
            stderr, stderr
    assert _articles_are_whole(sandbox.content) == 15


def test_editors_work_survives_reingest_and_force_keeps_a_backup(sandbox):
    root = sandbox.root
    _pages(root / "raw", 1, seed=2)
    assert _ingest(root).returncode == 0
    [article] = sandbox.content.rglob("*.md")
    doc = frontmatter.parse(article.read_text(encoding="utf-8"))
    edited = frontmatter.dump({**doc.meta, "title": "Edited " + doc.meta["title"]},
                              doc.body + "\n\nAn editor's own paragraph.")
    article.write_text(edited, encoding="utf-8")

    again = _ingest(root)
    assert again.returncode == 0, again.stderr
    assert article.read_text(encoding="utf-8") == edited
    assert list(sandbox.content.rglob("*.md")) == [article]

    # the editor moves it to another topic: still the same article, still not re-made
    moved_dir = sandbox.content / "diplomacy" / article.parent.name
    moved_dir.mkdir(parents=True)
    moved = moved_dir / article.name
    article.rename(moved)
    moved.write_text(edited.replace("\ntopic: war\n", "\ntopic: diplomacy\n", 1)
                     .replace("\ntopic: general\n", "\ntopic: diplomacy\n", 1), encoding="utf-8")
    kept = moved.read_text(encoding="utf-8")
    assert _ingest(root).returncode == 0
    assert list(sandbox.content.rglob("*.md")) == [moved]
    assert moved.read_text(encoding="utf-8") == kept

    forced = _ingest(root, "--force")
    assert forced.returncode == 0, forced.stderr
    backups = list((root / ".digest" / "backups").rglob("*"))
    assert any(b.is_file() and b.read_text(encoding="utf-8") == kept for b in backups)
    [replaced] = sandbox.content.rglob("*.md")
    assert "Edited" not in replaced.read_text(encoding="utf-8")


def test_an_edit_that_broke_the_yaml_is_not_duplicated_by_reingest(sandbox):
    root = sandbox.root
    _pages(root / "raw", 1, seed=4)
    assert _ingest(root).returncode == 0
    [article] = sandbox.content.rglob("*.md")
    broken = article.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Talks: ", 1)
    article.write_text(broken, encoding="utf-8")  # ': ' unquoted: invalid YAML, mid-edit
    assert _ingest(root).returncode == 0
    assert list(sandbox.content.rglob("*.md")) == [article]
    assert article.read_text(encoding="utf-8") == broken
