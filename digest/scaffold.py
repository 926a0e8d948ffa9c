"""``digest init DIR``: a new digest that builds at once and deploys to GitHub Pages.

The files it writes are kept as package data in ``digest/scaffold/`` so they
can be read and edited as files, not as strings in code. Dotfiles are stored
without their dot (``gitignore``, ``github/``) because packaging tools skip
hidden files. An existing digest is never overwritten unless asked: the
config and workflow are the user's own once written.
"""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path

from digest import __version__
from digest import config as config_mod
from digest.new import new_article
from digest.report import DigestError, Problem, Reporter

TEMPLATES = Path(__file__).parent / "scaffold"
# Destination in the new project -> template under digest/scaffold/.
FILES = {
    "digest.yaml": "digest.yaml",
    ".gitignore": "gitignore",
    "requirements.txt": "requirements.txt",
    "themes/README.md": "themes/README.md",
    ".github/workflows/pages.yml": "github/workflows/pages.yml",
}
FOLDERS = ("content", "raw", "themes")
PLACEHOLDER_REQUIREMENT = "digest @ git+https://github.com/OWNER/digest"


def scaffold(
    directory: Path,
    reporter: Reporter,
    *,
    title: str | None = None,
    force: bool = False,
    example: bool = True,
) -> list[Path]:
    """Write a new digest into ``directory``; returns the files written."""
    existing = [name for name in FILES if (directory / name).exists()]
    if existing and not force:
        what = "a digest" if "digest.yaml" in existing else "files"
        raise DigestError([Problem(
            "error", f"{directory} already holds {what}: {', '.join(existing)}", str(directory),
            hint="choose an empty folder, or pass --force to overwrite these files",
        )])
    name = _slug_name(directory)
    values = {
        "title": json.dumps(title or _title(name), ensure_ascii=False),
        "name": name,
        "requirement": requirement(),
    }
    written = []
    for dest, template in FILES.items():
        path = directory / dest
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_fill((TEMPLATES / template).read_text(encoding="utf-8"), values),
                        encoding="utf-8")
        written.append(path)
    for folder in FOLDERS:
        (directory / folder).mkdir(exist_ok=True)
    (directory / "raw" / ".gitkeep").touch()
    if example and not _has_articles(directory / "content"):
        written.append(_example(directory, reporter))
    reporter.info(f"created a digest in {directory}; next: cd {directory} && digest serve")
    return written


def requirement() -> str:
    """How CI should install digest: the Git URL digest was installed from, when known."""
    try:
        text = metadata.distribution("digest").read_text("direct_url.json")
        info = json.loads(text or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        info = {}
    vcs = info.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and info.get("url"):
        return f"digest @ git+{info['url']}@{vcs.get('commit_id', 'main')}"
    return f"{PLACEHOLDER_REQUIREMENT}  # replace OWNER (digest {__version__})"


def _fill(text: str, values: dict[str, str]) -> str:
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], text)


def _slug_name(directory: Path) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", directory.resolve().name.lower()).strip("-")
    return name or "digest"


def _title(name: str) -> str:
    return name.replace("-", " ").capitalize() if name != "digest" else "News digest"


def _has_articles(content: Path) -> bool:
    return any(content.rglob("*.md"))


def _example(directory: Path, reporter: Reporter) -> Path:
    config = config_mod.load(directory / "digest.yaml")
    body = (TEMPLATES / "welcome.md").read_text(encoding="utf-8")
    quiet = Reporter(quiet=True, stream=reporter.stream)
    return new_article(config, f"Welcome to {config.title}", config.default_topic, quiet,
                       body=body)
