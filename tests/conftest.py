"""Shared fixtures: small digests built in tmp_path, and the evaluation corpus when present."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from digest import config as config_mod
from digest import frontmatter
from digest.build import build
from digest.report import Reporter

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIGEST_SHARED", REPO.parent / "shared"))
KYIV = dt.timezone(dt.timedelta(hours=3))


@functools.cache
def benchmark_generator() -> ModuleType:
    """``benchmarks/generate.py`` (a script, not part of the package) as a module."""
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "benchmarks/generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module

CONFIG = """\
title: Test Digest
description: A digest for tests.
base_url: https://example.github.io/digest/
timezone: Europe/Kyiv
topics:
  - slug: war
    title: War
  - slug: diplomacy
    title: Diplomacy
"""


class Project:
    """A digest project on disk: write articles, build, read the output."""

    def __init__(self, root: Path, config_text: str = CONFIG):
        self.root = root
        (root / "content").mkdir(parents=True, exist_ok=True)
        (root / "digest.yaml").write_text(config_text, encoding="utf-8")

    @property
    def site(self) -> Path:
        return self.root / "site"

    def article(
        self,
        slug: str,
        *,
        topic: str = "war",
        date: dt.datetime | None = None,
        body: str = "A paragraph of the article.\n\nAnother paragraph.",
        week: str | None = None,
        **meta: object,
    ) -> Path:
        date = date or dt.datetime(2023, 8, 16, 9, 27, tzinfo=KYIV)
        year, number, _ = date.isocalendar()
        week = week or f"{year}-W{number:02d}"
        data = {"title": f"Title of {slug}", "date": date, "topic": topic, **meta}
        path = self.root / "content" / topic / week / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(frontmatter.dump(data, body), encoding="utf-8")
        return path

    def add_config(self, yaml_lines: str) -> None:
        """Append settings to the project's digest.yaml (``"per_page: 2\n"``)."""
        with (self.root / "digest.yaml").open("a", encoding="utf-8") as f:
            f.write(yaml_lines)

    def config(self, **overrides: object) -> config_mod.Config:
        return config_mod.load(self.root / "digest.yaml", overrides)

    def build(self, reporter: Reporter | None = None, **options: object):
        base_url = options.pop("base_url", None)
        return build(self.config(base_url=base_url), reporter or Reporter(quiet=True), **options)

    def files(self, folder: Path | None = None) -> dict[str, bytes]:
        """Every file below the site (or ``folder``) by relative path, with its bytes."""
        folder = folder or self.site
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "proj")


@pytest.fixture
def shared_corpus() -> Path:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"evaluation corpus not present at {corpus} "
                    "(a user's checkout lacks ../shared)")
    return corpus
