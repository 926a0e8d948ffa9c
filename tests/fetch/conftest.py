"""A project whose ``fetch.sources`` point at the test news site on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from tests.fetch.newssite import NewsSite
from tests.fetch.scripted import Scripted

DELAY = 0.1


@pytest.fixture
def site() -> Iterator[NewsSite]:
    news = NewsSite(huge_bytes=3_000_000).start()
    yield news
    news.stop()


@pytest.fixture
def server() -> Iterator[Callable[[dict], Scripted]]:
    """Starts scripted servers (``server(routes)``) and stops them all after the test."""
    servers: list[Scripted] = []

    def start(routes: dict) -> Scripted:
        servers.append(Scripted(routes))
        return servers[-1]

    yield start
    for s in servers:
        s.stop()


@dataclass
class Run:
    code: int
    report: dict
    stderr: str


def write_config(root: Path, site: NewsSite, *, private: bool = True, extra: str = "") -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "digest.yaml").write_text(
        "title: Test Digest\nbase_url: https://example.github.io/digest/\n"
        "timezone: Europe/Kyiv\n"
        "fetch:\n"
        f"  sources: [{site.url('/feed.xml')}, {site.url('/sitemap.xml')}]\n"
        f"  per_host_delay: {DELAY}\n"
        "  max_bytes: 500000\n"
        "  retries: 1\n"
        f"  allow_private_addresses: {'true' if private else 'false'}\n" + extra,
        encoding="utf-8")


def run_fetch(root: Path, *args: str) -> Run:
    """``digest fetch --json`` in ``root``, as a user runs it."""
    result = CliRunner().invoke(main, ["fetch", "--json", "-c", str(root / "digest.yaml"), *args])
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    return Run(result.exit_code, report, result.stderr)


def files(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under raw/ and content/ with its bytes and modification time."""
    out = {}
    for folder in ("raw", "content"):
        for p in sorted((root / folder).rglob("*")):
            if p.is_file():
                out[p.relative_to(root).as_posix()] = (p.read_bytes(), p.stat().st_mtime_ns)
    return out
