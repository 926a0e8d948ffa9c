"""``digest fetch``: sources -> article URLs -> pages in raw/ -> ingest, with a report of every URL.

Sources (``fetch.sources`` and URLs given on the command line) are read first, each
recognised by its content; the article pages they list are normalised, de-duplicated and
fetched host by host (the host ready soonest goes next, so one slow host does not hold the
others up), at most ``fetch.max_pages`` per run. Every URL ends in the report as written,
unchanged, skipped (robots.txt, not http(s), a duplicate, over the cap), blocked (401/402/
403/451, consent and paywall pages), refused (a private address) or failed; the run goes on
and the caller exits 1 when anything was blocked, refused or failed. Then the written pages
are ingested exactly as ``digest ingest`` would.
"""

from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from digest import __version__
from digest.config import Config
from digest.fetch.blocked import interstitial
from digest.fetch.charset import as_saved
from digest.fetch.client import Client, FetchFailed, Response, validators_of
from digest.fetch.sources import NotASource, recognise
from digest.fetch.state import State, lock
from digest.fetch.store import RawFolder
from digest.fetch.urls import BadURL, host_key, normalise
from digest.ingest.decode import NotTextError, decode
from digest.report import DigestError, Reporter

STATUSES = ("written", "unchanged", "would fetch", "skipped", "blocked", "refused", "failed")
FAILURES = ("blocked", "refused", "failed")
MAX_SITEMAP_DEPTH = 2
MAX_CHILD_SITEMAPS = 50
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
SOURCE_ACCEPT = ("application/rss+xml,application/atom+xml,application/feed+json,"
                 "application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.8,*/*;q=0.5")


@dataclass
class FetchResult:
    url: str
    status: str
    reason: str | None = None
    file: str | None = None  # the raw file written (or kept), relative to the project
    source: str | None = None  # the feed or sitemap that listed it
    kind: str | None = None  # for sources: feed, sitemap, sitemap index, page


@dataclass
class FetchReport:
    results: list[FetchResult] = field(default_factory=list)
    dry_run: bool = False
    requests: int = 0
    ingest: Any = None  # the IngestReport of the pages written, when ingested

    def with_status(self, status: str) -> list[FetchResult]:
        return [r for r in self.results if r.status == status]

    @property
    def failed(self) -> bool:
        ingest_failed = self.ingest is not None and bool(self.ingest.failed)
        return ingest_failed or any(r.status in FAILURES for r in self.results)

    def counts(self) -> dict[str, int]:
        return {s: len(self.with_status(s)) for s in STATUSES}

    def as_dict(self) -> dict[str, Any]:
        return {"dry_run": self.dry_run, "requests": self.requests, "counts": self.counts(),
                "results": [asdict(r) for r in self.results],
                "ingest": self.ingest.as_dict() if self.ingest is not None else None}

    def summary(self) -> str:
        counts = self.counts()
        shown = ", ".join(f"{n} {s}" for s, n in counts.items() if n or s == "written")
        line = f"fetch: {shown} ({self.requests} requests)"
        if self.ingest is not None:
            kept = len(self.ingest.review)
            line += (f"; ingest: wrote {len(self.ingest.written)}"
                     + (f", kept for review {kept}" if kept else "")
                     + f", skipped {len(self.ingest.skipped)}, failed {len(self.ingest.failed)}")
        return line


def user_agent(config: Config) -> str:
    """Names digest and the digest it collects for, so a site owner knows whom to ask."""
    return config.fetch.user_agent or f"digest/{__version__} (+{config.base_url})"


def fetch(config: Config, reporter: Reporter, urls: list[str] | tuple[str, ...] = (), *,
          dry_run: bool = False, ingest: bool = True) -> FetchReport:
    """Fetch every source and the pages they list into raw/, then ingest what was written."""
    sources = list(dict.fromkeys([*config.fetch.sources, *urls]))
    if not sources:
        where = config.path or "digest.yaml"
        raise DigestError(f"nothing to fetch: list feed, sitemap or page URLs under "
                          f"fetch.sources in {where}, or give them on the command line")
    root = Path(config.root).resolve()
    report = FetchReport(dry_run=dry_run)
    with lock(root):
        state = State.load(root)
        client = Client(config.fetch, user_agent(config), robots_cache=state.robots)
        run = _Run(config, reporter, report, state, client, RawFolder(config), dry_run)
        try:
            for source in sources:
                run.source(source, None, 0)
            run.pages()
        finally:
            client.close()
            report.requests = client.requests_sent
        if not dry_run:
            state.save(root)
    if ingest and not dry_run and run.written:
        from digest.ingest.pipeline import ingest as run_ingest

        report.ingest = run_ingest(run.written, config, reporter)
    return report


@dataclass
class _Run:
    config: Config
    reporter: Reporter
    report: FetchReport
    state: State
    client: Client
    raw: RawFolder
    dry_run: bool
    seen: set[str] = field(default_factory=set)
    queue: dict[str, deque[tuple[str, str]]] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    finals: dict[str, str] = field(default_factory=dict)  # final URL -> URL it was asked as
    requested: int = 0

    # -- results --------------------------------------------------------------------------
    def record(self, result: FetchResult) -> None:
        self.report.results.append(result)
        where = f" (listed in {result.source})" if result.source else ""
        if result.status in FAILURES:
            self.reporter.error(f"{result.status}: {result.reason}{where}", file=result.url)
        elif result.status == "written":
            self.reporter.info(f"fetched {result.url} into {result.file}")
        elif result.status == "skipped":
            self.reporter.info(f"skipped {result.url}: {result.reason}{where}")
        else:
            self.reporter.debug(f"{result.status} {result.url}"
                                + (f": {result.reason}" if result.reason else ""))

    def failure(self, url: str, exc: FetchFailed, source: str | None) -> None:
        status = {"robots": "skipped"}.get(exc.kind, exc.kind)
        self.record(FetchResult(url, status, str(exc), source=source))

    # -- sources --------------------------------------------------------------------------
    def source(self, given: str, parent: str | None, depth: int) -> None:
        try:
            url = normalise(given)
        except BadURL as exc:
            self.record(FetchResult(given, "failed" if parent is None else "skipped", str(exc),
                                    source=parent))
            return
        if url in self.seen:
            return
        self.seen.add(url)
        known = self.state.sources.get(url, {})
        try:
            response = self.client.get(url, known, accept=SOURCE_ACCEPT)
        except FetchFailed as exc:
            self.failure(url, exc, parent)
            return
        if response.status == 304 and known.get("kind"):
            kind, links = known["kind"], [u for u in known.get("links", []) if isinstance(u, str)]
            if kind == "page":
                self.record(FetchResult(url, "unchanged", "not modified (304)",
                                        known.get("file"), parent, "page"))
                return
        else:
            found = self._recognise(url, response, parent)
            if found is None:
                return
            kind, links = found
        self.reporter.info(f"{url}: a {kind} listing {len(links)} URLs")
        self.report.results.append(FetchResult(url, "read", None, None, parent, kind))
        if kind == "sitemap index":
            for link in links[:MAX_CHILD_SITEMAPS] if depth < MAX_SITEMAP_DEPTH else []:
                self.source(link, url, depth + 1)
            return
        for link in links:
            self.enqueue(link, url)

    def _recognise(self, url: str, response: Response,
                   parent: str | None) -> tuple[str, list[str]] | None:
        try:
            found = recognise(response.body, response.content_type, response.final_url,
                              self.config.fetch.max_bytes)
        except NotASource as exc:
            self.record(FetchResult(url, "failed", str(exc), source=parent))
            return None
        if found.kind == "page":
            self.seen.add(url)
            self.state.sources[url] = {**validators_of(response.headers), "kind": "page"}
            self.save_page(url, response, parent)
            self.state.sources[url]["file"] = self.state.pages.get(url, {}).get("file")
            return None
        links: list[str] = []
        for link in found.links:
            try:
                links.append(normalise(link, base=response.final_url))
            except BadURL as exc:
                self.record(FetchResult(link[:500], "skipped", str(exc), source=url))
        links = list(dict.fromkeys(links))
        self.state.sources[url] = {**validators_of(response.headers), "kind": found.kind,
                                   "links": links}
        return found.kind, links

    # -- pages ----------------------------------------------------------------------------
    def enqueue(self, url: str, source: str) -> None:
        if url in self.seen:
            return
        self.seen.add(url)
        self.queue.setdefault(host_key(url), deque()).append((url, source))

    def pages(self) -> None:
        """Fetch the queued pages, always from the host that is ready soonest."""
        total = sum(len(q) for q in self.queue.values())
        limit = self.config.fetch.max_pages
        with self.reporter.progress(total, "fetching pages") as bar:
            while self.queue:
                host = min(self.queue, key=lambda h: self.client.ready_at(self.queue[h][0][0]))
                url, source = self.queue[host].popleft()
                if not self.queue[host]:
                    del self.queue[host]
                if self.requested >= limit:
                    self.record(FetchResult(url, "skipped", f"over fetch.max_pages ({limit}); "
                                            "left for the next run", source=source))
                elif self.dry_run:
                    again = "asked again if changed" if url in self.state.pages else "new"
                    self.record(FetchResult(url, "would fetch", again, source=source))
                else:
                    self.page(url, source)
                bar.advance()

    def page(self, url: str, source: str | None) -> None:
        known = self.state.pages.get(url, {})
        self.requested += 1
        try:
            response = self.client.get(url, known, accept=PAGE_ACCEPT)
        except FetchFailed as exc:
            self.failure(url, exc, source)
            return
        if response.status == 304:
            self.record(FetchResult(url, "unchanged", "not modified (304)", known.get("file"),
                                    source))
            return
        self.save_page(url, response, source)

    def save_page(self, url: str, response: Response, source: str | None) -> None:
        """Check the page is an article page, then write it (unless it is there already)."""
        first = self.finals.setdefault(response.final_url, url)
        if first != url:
            self.record(FetchResult(url, "skipped", f"redirects to {response.final_url}, "
                                    f"already fetched as {first}", source=source))
            return
        body, charset = as_saved(response.body, response.content_type)
        problem = self._not_an_article(body, response)
        if problem is not None:
            status, reason = problem
            self.record(FetchResult(url, status, reason, source=source))
            return
        path = self.raw.target(response.final_url)
        rel = self.raw.relative(path)
        entry = {**validators_of(response.headers), "file": rel,
                 "sha256": hashlib.sha256(body).hexdigest()}
        if path.exists():
            same = path.read_bytes() == body
            reason = None if same else ("the server's copy changed since it was fetched; the "
                                        "first copy is kept (delete it to fetch again)")
            self.state.pages[url] = entry
            self.record(FetchResult(url, "unchanged", reason, rel, source))
            return
        if self.dry_run:
            self.record(FetchResult(url, "would fetch", "new", rel, source))
            return
        try:
            self.raw.write(path, body, response, charset)
        except (OSError, DigestError) as exc:
            self.record(FetchResult(url, "failed", f"cannot write {rel}: {exc}", source=source))
            return
        self.state.pages[url] = entry
        self.written.append(path)
        self.record(FetchResult(url, "written", None, rel, source))

    def _not_an_article(self, body: bytes, response: Response) -> tuple[str, str] | None:
        content_type = response.content_type.split(";")[0].strip().lower()
        if content_type and "html" not in content_type:  # a PDF, an image, a text file
            return "skipped", f"not a page ({content_type})"
        try:
            text = decode(body).text
        except NotTextError as exc:
            return "skipped", str(exc)
        why = interstitial(text, response.final_url)
        return ("blocked", why) if why else None
