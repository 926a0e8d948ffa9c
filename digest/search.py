"""Full-text search: a Pagefind index built over the staged site, and the search page.

Pagefind (the ``pagefind[bin]`` package, a dependency: its wheel ships the binary) reads the
finished HTML and writes a static index that its own JavaScript queries in
the browser; nothing runs on a server. Build calls :func:`available` before
rendering, so the pages know whether to show a search form, and
:func:`index` after the pages are staged and before the swap.

Search is optional, never a reason to fail a build:
- pagefind is not installed: the build says "search skipped" and the pages
  have no search form (``site.search`` is false), so no box leads nowhere;
- pagefind fails: a warning, and build renders the pages again without it.

Only article bodies are indexed (``data-pagefind-body`` in article.html), all
in one language (``--force-language``): otherwise Pagefind splits the index
per ``<html lang>`` and an English search page would never find a Ukrainian
article. No ``data-pagefind-filter``: Pagefind 1.5 writes filter files in a
different order on each run, and the build must be byte-identical. The bundle
is written outside the staging folder and then staged file by file, so
unchanged index files keep their inode like every other file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from digest import urls
from digest.config import Config
from digest.output import SiteWriter
from digest.render import Renderer
from digest.report import Reporter

TIMEOUT = 600  # seconds; 10,000 articles index in well under a minute
INSTALL_HINT = "pip install 'pagefind[bin]>=1.1,<2' (a dependency of digest) to add search"


def executable() -> Path | None:
    """The pagefind binary: ``PAGEFIND_BINARY_PATH``, the pagefind package's, or one on PATH."""
    env = os.environ.get("PAGEFIND_BINARY_PATH")
    if env is not None:
        found: Path | None = Path(env)
    else:
        try:
            from pagefind.service import get_executable
        except ImportError:
            get_executable = None
        found = get_executable() if get_executable else None
        if found is None:
            which = shutil.which("pagefind_extended") or shutil.which("pagefind")
            found = Path(which) if which else None
    return found if found is not None and found.is_file() else None


def available(reporter: Reporter) -> bool:
    """Whether to build search; says so when it is skipped."""
    if executable() is None:
        reporter.info(f"search skipped: pagefind is not installed ({INSTALL_HINT})")
        return False
    return True


def language(config: Config) -> str:
    """The ISO 639-1 code Pagefind expects: ``en`` from ``en-GB``."""
    return config.language.split("-")[0].lower() or "en"


def run_pagefind(site: Path, output: Path, config: Config) -> subprocess.CompletedProcess[str]:
    binary = executable()
    if binary is None:
        raise FileNotFoundError("pagefind")
    command = [str(binary), "--site", str(site), "--output-path", str(output),
               "--force-language", language(config), "--silent"]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def index(writer: SiteWriter, config: Config, reporter: Reporter) -> bool:
    """Index the staged site and stage the bundle under ``pagefind/``; False on failure."""
    # Beside the staging folder, named like it, so the next build removes what a killed
    # run leaves behind (see SiteWriter._recover) instead of it piling up in /tmp.
    scratch = writer.stage.parent
    with tempfile.TemporaryDirectory(prefix=f".{writer.final.name}.pagefind-", dir=scratch) as tmp:
        output = Path(tmp) / "bundle"
        try:
            result = run_pagefind(writer.stage, output, config)
        except (OSError, subprocess.SubprocessError) as exc:
            return _failed(reporter, str(exc))
        if result.returncode != 0 or not (output / "pagefind-ui.js").is_file():
            lines = (result.stderr or result.stdout).strip().splitlines()
            return _failed(reporter, lines[-1] if lines else f"exit code {result.returncode}")
        files = sorted(p for p in output.rglob("*") if p.is_file())
        for path in files:
            writer.copy(urls.SEARCH_BUNDLE + path.relative_to(output).as_posix(), path)
    reporter.debug(f"search: indexed the site, {len(files)} index files")
    return True


def _failed(reporter: Reporter, why: str) -> bool:
    reporter.warning(f"search skipped: pagefind failed: {why}",
                     hint="the site is built without search; run with --verbose for details")
    return False


def page(renderer: Renderer) -> tuple[str, str]:
    """The search page: Pagefind's UI, told the base path so results link under a subpath."""
    site = urls.Site(renderer.config.base_url)
    page = renderer.page("search", urls.SEARCH, "Search",
                         f"Search every article of {renderer.config.title}.")
    return renderer.render("search.html", page, base_path=site.base_path,
                           bundle=urls.SEARCH_BUNDLE)
