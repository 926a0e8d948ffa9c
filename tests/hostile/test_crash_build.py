"""``digest build`` killed with SIGKILL at random moments, and two builds at once.

After every kill, site/ must be exactly the old site or exactly the new one
(compared by a hash manifest of every file against two known good builds), and
a rerun must finish. The delays come from a seeded random generator, spread
over the length of one build, so the kills land in loading, rendering,
indexing and the swap. The whole process group is killed, as a power cut or
the OOM killer would.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digest import theme
from digest.lock import project_lock

from .tree import manifest

KILLS = 20
ARTICLES = 40
_GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"
DIGEST = [sys.executable, "-c", "from digest.cli import main; main()"]


def _generator():
    if not _GENERATOR.is_file():
        pytest.skip("benchmarks/generate.py not present")
    spec = importlib.util.spec_from_file_location("hostile_generate", _GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile_generate"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def _use_content(root: Path, folder: str) -> None:
    config = root / "digest.yaml"
    text = re.sub(r"(?m)^content_dir:.*\n", "", config.read_text(encoding="utf-8"))
    config.write_text(text + f"content_dir: {folder}\n", encoding="utf-8")


def _project(tmp_path: Path) -> Path:
    """A generated project with two content versions: content-a, and content-b edited."""
    root = tmp_path / "proj"
    _generator().generate(root, ARTICLES, seed=3)
    (root / "content").rename(root / "content-a")
    # a frozen copy of the theme: the known good builds must not see a theme edited meanwhile
    shutil.copytree(theme.BUILTIN / "default", root / "themes" / "default")
    shutil.copytree(root / "content-a", root / "content-b")
    for i, path in enumerate(sorted((root / "content-b").rglob("*.md"))):
        if i % 15 == 0:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\ntitle: ", "\ntitle: Updated ", 1), encoding="utf-8")
    return root


def _build(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DIGEST, "build", "-q", "-c", str(root / "digest.yaml"), *extra],
                          capture_output=True, text=True, timeout=300, check=False)


def _known_good(root: Path, folder: str, out: Path) -> dict[str, str]:
    _use_content(root, folder)
    result = _build(root, "--out", str(out))
    assert result.returncode == 0, result.stderr
    found = manifest(out)
    shutil.rmtree(out)
    return found


def test_killed_builds_leave_the_old_site_or_the_new_one_whole(tmp_path):
    root = _project(tmp_path)
    started = time.monotonic()
    good = {"a": _known_good(root, "content-a", tmp_path / "a"),
            "b": _known_good(root, "content-b", tmp_path / "b")}
    one_build = (time.monotonic() - started) / 2
    assert good["a"] != good["b"]
    _use_content(root, "content-a")
    assert _build(root).returncode == 0
    current = "a"
    rng = random.Random(20230816)
    outcomes = {"old": 0, "new": 0}
    for _ in range(KILLS):
        target = "b" if current == "a" else "a"
        _use_content(root, f"content-{target}")
        process = subprocess.Popen([*DIGEST, "build", "-q", "-c", str(root / "digest.yaml")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        time.sleep(rng.uniform(0.05, one_build * 1.6))
        with contextlib.suppress(ProcessLookupError):  # it may have finished first
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        now = manifest(root / "site")
        assert now in (good[current], good[target]), "site/ is neither the old nor the new site"
        outcomes["new" if now == good[target] and target != current else "old"] += 1
        current = target if now == good[target] else current
    _use_content(root, "content-b" if current == "a" else "content-a")
    result = _build(root)
    assert result.returncode == 0, result.stderr
    assert manifest(root / "site") == good["b" if current == "a" else "a"]
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".site.")]
    assert leftovers == [], "the finished run removes what killed runs left"
    print(f"\nbuild kills: {KILLS}, old site after kill: {outcomes['old']}, "
          f"new site: {outcomes['new']}, corrupt: 0")


def test_second_build_fails_fast_while_the_project_is_locked(tmp_path):
    root = tmp_path / "proj"
    _generator().generate(root, 5, seed=1)
    with project_lock(root, "build"):
        result = _build(root)
    assert result.returncode == 1
    assert "another digest run is using this project" in result.stderr
    assert not (root / "site").exists()
    assert _build(root).returncode == 0  # the lock is released with its holder


def test_two_builds_at_once_do_not_corrupt_the_site(tmp_path):
    root = _project(tmp_path)
    _use_content(root, "content-a")
    expected = _known_good(root, "content-a", tmp_path / "a")
    for _ in range(2):
        runs = [subprocess.Popen([*DIGEST, "build", "-q", "-c", str(root / "digest.yaml")],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
        results = [(p.wait(timeout=300), p.stderr.read()) for p in runs]
        for code, stderr in results:
            assert code == 0 or "another digest run is using this project" in stderr, stderr
        assert any(code == 0 for code, _ in results)
        assert manifest(root / "site") == expected
