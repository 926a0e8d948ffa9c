"""Browser fixtures: digests built under a subpath, served on 127.0.0.1, and Debian's chromium.

Each site is built with ``base_url`` ``http://127.0.0.1:<port>/digest/`` and
served by a small threaded http.server that answers only under ``/digest/``,
the way GitHub Pages serves a project site, so a link that forgets the subpath
is a failed request. Chromium is Debian's (``/usr/bin/chromium``), driven by
Playwright for Python; Playwright's own browser download is never used.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from digest import config as config_mod
from digest.build import build
from digest.report import Reporter

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
PREFIX = "/digest/"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
# 200 keeps the suite fast; DIGEST_BROWSER_ARTICLES=2000 is the by-hand check of issue 5.
GENERATED_ARTICLES = int(os.environ.get("DIGEST_BROWSER_ARTICLES", "200"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves ``site`` under PREFIX only; anything else is a 404, like a Pages project site."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".json": "application/json", ".wasm": "application/wasm",
                      ".js": "text/javascript", ".svg": "image/svg+xml"}

    def __init__(self, *args, sites: dict[str, Path], **kwargs):
        self.sites = sites
        super().__init__(*args, directory="/nonexistent", **kwargs)

    def translate_path(self, path: str) -> str:
        for name, root in self.sites.items():
            prefix = f"/{name}{PREFIX}"
            if path.startswith(prefix):
                self.directory = str(root)
                return super().translate_path("/" + path[len(prefix):])
        return "/nonexistent/outside-the-base-path"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's name
        pass


@dataclass
class Served:
    """A built site and where the browser finds it."""

    name: str
    root: Path  # the site folder on disk
    url: str  # base URL, ending in /digest/
    project: Path

    def page_url(self, path: str) -> str:
        return self.url + path


class Server:
    """One http.server for every site of the session: ``/<name>/digest/...``."""

    def __init__(self) -> None:
        self.sites: dict[str, Path] = {}
        handler = functools.partial(_Handler, sites=self.sites)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def base_url(self, name: str) -> str:
        return f"{self.origin}/{name}{PREFIX}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    srv = Server()
    yield srv
    srv.close()


def build_site(server: Server, name: str, project: Path, out: Path) -> Served:
    url = server.base_url(name)
    config = config_mod.load(project / "digest.yaml", {"base_url": url})
    build(config, Reporter(quiet=True), out=out)
    server.sites[name] = out
    return Served(name, out, url, project)


def load_generator():
    script = REPO / "benchmarks" / "generate.py"
    if not script.is_file():
        pytest.skip("benchmarks/generate.py is not present")
    spec = importlib.util.spec_from_file_location("bench_generate", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def example_site(server: Server, tmp_path_factory: pytest.TempPathFactory) -> Served:
    """The example digest the repository ships, built under the subpath."""
    return build_site(server, "example", REPO, tmp_path_factory.mktemp("example") / "site")


@pytest.fixture(scope="session")
def generated_site(server: Server, tmp_path_factory: pytest.TempPathFactory) -> Served:
    """A generated digest of GENERATED_ARTICLES articles over many weeks and topics."""
    project = tmp_path_factory.mktemp("generated")
    load_generator().generate(project, GENERATED_ARTICLES)
    return build_site(server, "generated", project, project / "site")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's browser bundle, as the axe-playwright-python wheel ships it."""
    package = pytest.importorskip("axe_playwright_python")
    path = Path(package.__file__).parent / "axe.min.js"
    if not path.is_file():
        pytest.skip(f"axe.min.js is not in {path.parent}")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
