"""Incremental builds over a generated corpus: whatever a rebuild keeps, its site equals a
cold build's byte for byte (pages, story pages, every feed, OPML, sitemap, static files)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

from conftest import REPO, Project


def _differential():
    spec = importlib.util.spec_from_file_location("bench_differential",
                                                  REPO / "benchmarks/differential.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_differential"] = module
    spec.loader.exec_module(module)
    return module


differential = _differential()


def _cold_twin(project: Project, folder: Path) -> dict[str, bytes]:
    """The site a cold build of the same content and configuration makes."""
    twin = Project(folder, (project.root / "digest.yaml").read_text())
    shutil.copytree(project.root / "content", twin.root / "content", dirs_exist_ok=True)
    twin.build(clean=True, workers=1)
    return twin.files()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_rebuilds_of_a_generated_corpus_equal_cold_builds(tmp_path):
    project = Project(tmp_path / "proj")
    differential.corpus(project.root, 260, search=False)  # past the threshold of forking
    files = sorted((project.root / "content").rglob("*.md"))
    project.build(workers=2)
    assert project.files() == _cold_twin(project, tmp_path / "cold-0")
    project.build(workers=2)  # nothing changed
    steps = [
        lambda: _edit(files[40], "\n---\n\n", "\n---\n\nA correction at the top.\n\n"),
        lambda: _edit(files[-1], "\ntitle: ", "\ntitle: Renamed "),  # the newest article
        lambda: _edit(files[8], "\ntopic:", "\nstory: s0\ntopic:"),  # joins a story
        lambda: files[15].unlink(),
    ]
    for number, step in enumerate(steps, start=1):
        step()
        project.build(workers=2)
        assert project.files() == _cold_twin(project, tmp_path / f"cold-{number}"), number
