"""``digest init``: a new digest builds and checks cleanly at once, and is never overwritten."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from digest.cli import main


def init(*args: str) -> object:
    return CliRunner().invoke(main, ["init", *args])


def test_init_then_build_and_check_cleanly(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "my-news"
    result = init(str(root))
    assert result.exit_code == 0, result.output
    for name in ("digest.yaml", ".gitignore", "themes/README.md", ".github/workflows/pages.yml",
                 "requirements.txt"):
        assert (root / name).is_file(), name
    assert (root / "raw").is_dir()
    [article] = (root / "content").rglob("*.md")
    assert "id: urn:digest:" in article.read_text()
    config = yaml.safe_load((root / "digest.yaml").read_text())
    assert config["title"] == "My news"
    assert "site/" in (root / ".gitignore").read_text()
    workflow = yaml.safe_load((root / ".github/workflows/pages.yml").read_text())
    assert set(workflow["jobs"]) == {"build", "deploy"}

    monkeypatch.chdir(root)
    runner = CliRunner()
    built = runner.invoke(main, ["build"])
    assert built.exit_code == 0, built.output
    assert "warning:" not in built.output and "error:" not in built.output
    assert (root / "site/index.html").is_file()
    checked = runner.invoke(main, ["check", "--site"])
    assert checked.exit_code == 0, checked.output
    assert "warning:" not in checked.output


def test_init_refuses_to_overwrite_an_existing_digest(tmp_path: Path) -> None:
    root = tmp_path / "d"
    assert init(str(root)).exit_code == 0
    (root / "digest.yaml").write_text("title: Mine\n")
    again = init(str(root))
    assert again.exit_code == 1
    assert "already holds a digest" in again.output and "--force" in again.output
    assert (root / "digest.yaml").read_text() == "title: Mine\n"
    forced = init(str(root), "--force", "--title", "Theirs")
    assert forced.exit_code == 0, forced.output
    assert yaml.safe_load((root / "digest.yaml").read_text())["title"] == "Theirs"
    assert len(list((root / "content").rglob("*.md"))) == 1  # content is never touched twice


def test_init_bare_writes_no_article_and_still_builds(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "bare"
    assert init(str(root), "--bare").exit_code == 0
    assert not list((root / "content").rglob("*.md"))
    monkeypatch.chdir(root)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0


def test_the_workflow_fetches_on_a_schedule_commits_back_then_builds(tmp_path: Path) -> None:
    root = tmp_path / "news"
    assert init(str(root), "--bare").exit_code == 0
    workflow = yaml.safe_load((root / ".github/workflows/pages.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert triggers["schedule"][0]["cron"] and "workflow_dispatch" in triggers
    assert workflow["permissions"]["contents"] == "write"
    assert workflow["concurrency"]["group"]
    runs = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    order = [next(i for i, r in enumerate(runs) if r.startswith(cmd))
             for cmd in ("digest fetch", "git config", "digest build")]
    assert order == sorted(order)
    assert "git add content raw" in runs[order[1]] and "git push" in runs[order[1]]
    # fetch's validators and ingest's cache come back before fetching, so an unchanged page
    # costs a 304 and the stored articles are only hashed, not read again
    cached = [step["with"]["path"] for step in workflow["jobs"]["build"]["steps"]
              if step.get("uses", "").startswith("actions/cache")]
    restored = next(i for i, step in enumerate(workflow["jobs"]["build"]["steps"])
                    if step.get("uses", "").startswith("actions/cache"))
    assert restored < order[0]
    assert cached[0].split() == [".digest/fetch-state.json", ".digest/ingest-cache.sqlite"]
    assert yaml.safe_load((root / "digest.yaml").read_text())["fetch"]["sources"] == []
