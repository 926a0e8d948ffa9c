"""The ``fetch:`` section of digest.yaml: every key declared once, with type, default and check.

:func:`parse` is called by :func:`digest.config.load`; like the rest of the config it
collects every problem (naming the key and its line in the file) instead of stopping at
the first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlsplit

from digest.options import Option, problem
from digest.report import Problem

MB = 1_000_000


@dataclass(frozen=True)
class FetchSettings:
    """What ``digest fetch`` reads, and how politely. Defaults fit a daily CI run."""

    sources: tuple[str, ...] = ()
    per_host_delay: float = 1.0
    max_bytes: int = 5 * MB
    max_pages: int = 200
    timeout: float = 30.0
    retries: int = 2
    max_redirects: int = 5
    allow_private_addresses: bool = False
    user_agent: str | None = None  # None: digest/<version> (+<base_url>)
    folder: str = "fetched"  # under raw_dir


def _http_url(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "must be an absolute http(s) URL"
    return None


def _sources(value: list) -> str | None:
    for i, item in enumerate(value):
        if not isinstance(item, str):
            return f"item {i} must be a URL (text), not {type(item).__name__}"
        reason = _http_url(item)
        if reason:
            return f"item {i} ({item!r}) {reason}"
    return None


def _non_negative(value: float) -> str | None:
    return None if value >= 0 else "must not be negative"


def _positive(value: float) -> str | None:
    return None if value > 0 else "must be more than 0"


def _folder(value: str) -> str | None:
    if not re.fullmatch(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*", value):
        return "must be a folder inside raw_dir (letters, digits, '-', '_', '/')"
    return None


def _agent(value: str | None) -> str | None:
    if value is not None and (not value.strip() or any(c in value for c in "\r\n")):
        return "must be one line of text"
    return None


OPTIONS: tuple[Option, ...] = (
    Option("sources", list, "URLs of RSS/Atom/JSON feeds, sitemaps or article pages", _sources),
    Option("per_host_delay", (int, float), "seconds between two requests to one host "
           "(robots.txt's Crawl-delay wins when larger)", _non_negative),
    Option("max_bytes", int, "largest response read; a larger one is abandoned and reported",
           _positive),
    Option("max_pages", int, "most article pages requested in one run", _positive),
    Option("timeout", (int, float), "seconds to wait for a connection or for data", _positive),
    Option("retries", int, "retries after a timeout, 429 or 5xx", _non_negative),
    Option("max_redirects", int, "redirects followed per URL", _non_negative),
    Option("allow_private_addresses", bool, "fetch from loopback/private/link-local addresses "
           "(tests, intranets)"),
    Option("user_agent", (str, type(None)), "User-Agent sent (default: digest/<version> "
           "(+base_url))", _agent),
    Option("folder", str, "folder under raw_dir the pages are written to", _folder),
)
_BY_KEY = {o.key: o for o in OPTIONS}
assert set(_BY_KEY) == {f.name for f in fields(FetchSettings)}


def parse(value: Any, file: str, text: str, line: int | None,
          problems: list[Problem]) -> FetchSettings:
    """The ``fetch:`` mapping as settings; problems are appended, naming key and line."""
    if value is None:
        return FetchSettings()
    if not isinstance(value, dict):
        problems.append(Problem("error", f"'fetch' must be a mapping of keys, not "
                                f"{type(value).__name__}", file, line,
                                "fetch: {sources: [...], per_host_delay: 1.0, ...}"))
        return FetchSettings()
    values: dict[str, Any] = {}
    for key, item in value.items():
        reason = _check(str(key), item)
        if reason:
            hint = (f"fetch.{key}: {_BY_KEY[key].meaning}" if key in _BY_KEY
                    else "allowed keys: " + ", ".join(_BY_KEY))
            problems.append(Problem("error", reason, file, _line_of(text, str(key), line), hint))
        else:
            values[key] = tuple(item) if key == "sources" else item
    return FetchSettings(**values)


def _check(key: str, value: Any) -> str | None:
    if key not in _BY_KEY:
        return f"unknown key 'fetch.{key}'"
    return problem(_BY_KEY[key], value, f"fetch.{key}")


def _line_of(text: str, key: str, section_line: int | None) -> int | None:
    """The line of ``key`` nested under ``fetch:`` (the section's line when not found)."""
    if section_line is None:
        return None
    lines = text.splitlines()
    for number in range(section_line, len(lines)):  # lines after "fetch:" (1-based index)
        line = lines[number]
        if line.strip() and not line[0].isspace() and not line.lstrip().startswith("#"):
            break  # the next top-level key: the section ended
        if re.match(rf"\s+{re.escape(key)}\s*:", line):
            return number + 1
    return section_line
