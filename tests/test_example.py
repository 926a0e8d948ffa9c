"""The example digest the repository ships: content/ is exactly what ingest makes of raw/."""

import shutil

from conftest import REPO

from digest import config
from digest.ingest.pipeline import ingest
from digest.report import Reporter


def test_example_content_is_what_ingest_writes_from_raw(tmp_path):
    shutil.copy(REPO / "digest.yaml", tmp_path / "digest.yaml")
    shutil.copytree(REPO / "raw", tmp_path / "raw")
    cfg = config.load(tmp_path / "digest.yaml")
    ingest([tmp_path / "raw"], cfg, Reporter(quiet=True))
    made = {p.relative_to(tmp_path / "content"): p.read_bytes()
            for p in (tmp_path / "content").rglob("*.md")}
    shipped = {p.relative_to(REPO / "content"): p.read_bytes()
               for p in (REPO / "content").rglob("*.md")}
    assert made == shipped


def test_example_article_has_the_seed_metadata():
    text = next((REPO / "content").rglob("*.md")).read_text()
    for line in ("title: Russia seeks to increase military cooperation with North Korea",
                 "date: 2023-08-16T09:27:00+03:00", "source: European Pravda",
                 "attribution: 'Source: Vedant Patel", "> Quote:", "## Background",
                 "- In June, North Korean leader"):
        assert line in text, line
    for chrome in ("Support Us", "Advertisement", "RECENT NEWS", "Follow Ukrainska Pravda"):
        assert chrome not in text, chrome
