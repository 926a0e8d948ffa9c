"""A sandbox per test: a project, a folder outside it, and a snapshot of both.

Every hostile test runs ``digest`` through its real command line (in-process,
through click's runner) inside ``tmp_path`` and then checks three things a user
relies on: the command did not crash (an exception other than the exit code),
it wrote nothing outside the folder it owns, and the built site holds no live
markup from the input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import CONFIG as SHARED_CONFIG

from digest.cli import main

from .scan import Baseline
from .tree import changed, outside, snapshot

CONFIG = SHARED_CONFIG.replace("title: Test Digest", "title: Hostile Digest").replace(
    "description: A digest for tests.", "description: Inputs that try to break things.")

GOOD = """\
---
title: A perfectly ordinary article
date: 2023-08-16T09:27:00+03:00
topic: war
id: urn:digest:good0000000000001
---
An ordinary paragraph.
"""


@dataclass
class Sandbox:
    """``tmp/proj`` (the project) and ``tmp/outside`` (must never change)."""

    tmp: Path
    before: dict[str, str] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.tmp / "proj"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def outside_dir(self) -> Path:
        return self.tmp / "outside"

    def write(self, rel: str, data: str | bytes) -> Path:
        """Write a file below the project, creating folders."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        path.write_bytes(data)
        return path

    def mark(self) -> None:
        """Take the 'before' snapshot of the whole tmp tree."""
        self.before = snapshot(self.tmp)

    def changes_outside(self, *allowed: str) -> list[str]:
        """Changed paths (relative to tmp) not below one of ``allowed`` (relative to tmp)."""
        return outside(changed(self.before, snapshot(self.tmp)), allowed)

    def run(self, *args: str) -> Result:
        """``digest ARGS`` in the project; fails the test on a crash (a non-exit exception)."""
        result = CliRunner().invoke(main, list(args), catch_exceptions=True,
                                    env={"COLUMNS": "200"})
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"digest {' '.join(args)} crashed: {result.exception!r}\n"
                                 f"{result.output}") from result.exception
        return result

    def build(self, *extra: str) -> Result:
        return self.run("build", "-c", str(self.root / "digest.yaml"), *extra)


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    box = Sandbox(tmp_path)
    box.write("digest.yaml", CONFIG)
    box.content.mkdir(parents=True, exist_ok=True)
    box.outside_dir.mkdir()
    (box.outside_dir / "secret.md").write_text(GOOD, encoding="utf-8")
    (box.outside_dir / "notes.txt").write_text("must stay as it is\n", encoding="utf-8")
    return box


@pytest.fixture(scope="session")
def theme_baseline(tmp_path_factory: pytest.TempPathFactory) -> Baseline:
    """The elements and scripts the default theme emits for harmless content."""
    box = Sandbox(tmp_path_factory.mktemp("baseline"))
    box.write("digest.yaml", CONFIG)
    box.write("content/war/2023-W33/good.md", GOOD)
    box.write("content/diplomacy/2023-W34/other.md", GOOD.replace("topic: war", "topic: diplomacy")
              .replace("2023-08-16", "2023-08-23").replace("0001", "0002"))
    result = box.build()
    assert result.exit_code == 0, result.output
    return Baseline().learn(box.site)
