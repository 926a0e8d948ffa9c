"""``digest ingest``: raw pages in, articles in content/ out, and a report of every file.

Per page (:class:`digest.ingest.pages.RawPage`: a saved file, a fetched one with its
provenance, an archive record): read -> already ingested? -> decode -> extract (HTML or
text dump) -> date fallbacks -> topic -> duplicate? -> write. A page with no date on it is
never dated by a guess: it is written to ``content/_review/`` with the reason, for an
editor to date and publish (``digest review``). A problem with one page is recorded in the
report and the run goes on; the caller exits non-zero when anything failed (a page kept for
review did not).
The whole run holds the project's ingest lock, and starts by removing temporary files a
killed run left behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from digest.config import SLUG_RE, Config
from digest.ingest import chrome as chrome_mod
from digest.ingest import dates, metadata
from digest.ingest.decode import NotTextError, decode
from digest.ingest.dedupe import DedupeIndex
from digest.ingest.model import Extraction
from digest.ingest.pages import TEXT_SUFFIXES, RawPage, file_page, walk
from digest.ingest.slug import slugify, unique_slug
from digest.ingest.store import Store, StoredArticle, UnsafePathError, article_id, sha256
from digest.ingest.tags import derive_tags
from digest.ingest.topic import choose_topic
from digest.report import DigestError, Reporter

_URL_LINE_PREFIXES = ("url ", "url:", "source_url:")


@dataclass
class FileResult:
    """What happened to one input file."""

    file: str
    status: str  # "written", "review" (kept undated in content/_review/), "skipped", "failed"
    reason: str | None = None
    article: str | None = None  # content path written (or that would be, in a dry run)
    backup: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    dry_run: bool = False

    def _with(self, status: str) -> list[FileResult]:
        return [r for r in self.results if r.status == status]

    @property
    def written(self) -> list[FileResult]:
        return self._with("written")

    @property
    def review(self) -> list[FileResult]:
        return self._with("review")

    @property
    def skipped(self) -> list[FileResult]:
        return self._with("skipped")

    @property
    def failed(self) -> list[FileResult]:
        return self._with("failed")

    def as_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "counts": {s: len(self._with(s))
                       for s in ("written", "review", "skipped", "failed")},
            "files": [asdict(r) for r in self.results],
        }


class _Skip(Exception):
    """A file that is fine but not written (duplicate, already ingested, no article)."""


@dataclass
class _Run:
    config: Config
    store: Store
    reporter: Reporter
    dry_run: bool
    topic: str | None
    force: bool
    index: DedupeIndex
    by_raw: dict[str, StoredArticle]
    chrome: chrome_mod.ChromeModel
    claimed: set[Path] = field(default_factory=set)


def ingest(
    paths: Iterable[str | Path],
    config: Config,
    reporter: Reporter,
    *,
    dry_run: bool = False,
    topic: str | None = None,
    force: bool = False,
    learn_chrome: bool = False,
) -> IngestReport:
    """Ingest files and folders (recursively); see the module docstring for the steps.

    ``learn_chrome`` first relearns each outlet's repeated lines from the text dumps in
    ``paths`` and rewrites the project's chrome file (kept in memory only in a dry run).
    """
    paths = list(paths)
    store = Store(config)
    report = IngestReport(dry_run=dry_run)
    if topic is not None and not _is_slug(topic):
        raise DigestError(f"--topic {topic!r} is not a topic slug (lowercase a-z, 0-9 and '-')")
    with store.lock():
        if not dry_run:
            for leftover in store.clean_temporaries():
                reporter.debug(f"removed {store.relative(leftover)} left by an interrupted run")
        run = _start(config, store, reporter, dry_run, topic, force)
        if learn_chrome:
            run.chrome = relearn_chrome(paths, config, reporter, save=not dry_run)
        files = list(walk(paths))
        with reporter.progress(len(files), "ingesting pages") as bar:
            for path, reason in files:
                shown = _shown(path, store)
                if reason:
                    report.results.append(FileResult(shown, "skipped", reason))
                else:
                    report.results.append(_one(run, partial(file_page, path, shown), shown))
                    _tell(reporter, report.results[-1])
                bar.advance()
    return report


def _is_slug(value: str) -> bool:
    return bool(SLUG_RE.match(value))


def _start(config: Config, store: Store, reporter: Reporter, dry_run: bool, topic: str | None,
           force: bool) -> _Run:
    index = DedupeIndex()
    by_raw: dict[str, StoredArticle] = {}
    for article in store.articles():
        label = store.relative(article.path)
        raw_sha = article.meta.get("raw_sha256")
        raw_sha = raw_sha if isinstance(raw_sha, str) else None
        if raw_sha:
            by_raw.setdefault(raw_sha, article)
        raw = article.meta.get("raw")
        index.add(label, article.body, raw_sha, f"from {raw}" if isinstance(raw, str) else None)
    chrome_path = Path(config.root) / chrome_mod.CHROME_FILE
    try:
        learned = chrome_mod.load(chrome_path)
    except Exception as exc:  # noqa: BLE001 - a broken learned file must not stop ingest
        reporter.warning(f"ignoring the learned chrome file: {exc}", file=chrome_path)
        learned = chrome_mod.ChromeModel()
    return _Run(config, store, reporter, dry_run, topic, force, index, by_raw, learned)


def relearn_chrome(paths: Iterable[str | Path], config: Config, reporter: Reporter, *,
                   save: bool = True) -> chrome_mod.ChromeModel:
    """Learn the lines each outlet repeats across the given dumps; write the chrome file.

    Pages are grouped by the outlet the cleaner will look them up by
    (:func:`digest.ingest.textdump.chrome_key`: the outlet serving the URL a dump carries,
    else the outlet its byline or chrome names); a dump with neither teaches nothing. The
    pages' own headlines are never learned, even when another page lists them.
    """
    pairs: list[tuple[str, str]] = []
    titles: list[str] = []
    files = [path for path, reason in walk(paths)
             if not reason and path.suffix.lower() in TEXT_SUFFIXES]
    with reporter.progress(len(files), "learning chrome") as bar:
        for path in files:
            bar.advance()
            keyed = chrome_page(path, config)
            if keyed is not None:
                pairs.append((keyed[0], keyed[1]))
                titles.extend([keyed[2]] if keyed[2] else [])
    model = chrome_mod.learn(pairs, keep=titles)
    target = Path(config.root) / chrome_mod.CHROME_FILE
    if save:
        chrome_mod.save(model, target)
    reporter.info(f"learned chrome of {len(model.outlets)} outlets from {len(pairs)} pages"
                  + (f" into {target}" if save else ""))
    return model


def chrome_page(path: Path, config: Config) -> tuple[str, str, str | None] | None:
    """``(outlet key, text, headline)`` of one dump for learning, or None when it teaches nothing.

    The key is the one the cleaner will look the page up by: the outlet serving the URL the
    dump carries, else the outlet its byline or chrome names (a chrome-free first pass).
    """
    from digest.ingest.textdump import extract_text, page_key

    try:
        text = decode(file_page(path, path.name).read()).text
    except (OSError, NotTextError, ValueError):
        return None
    url = _url_hint(text)
    first = extract_text(text, url=url, config=config)  # chrome-free, as ingest's key
    outlet = metadata.outlet_from_url(url, config) or page_key(text, first, config)
    return (outlet, text, first.title) if outlet else None


def _shown(path: Path, store: Store) -> str:
    """The raw file as provenance: relative to the project root when inside it, else its name."""
    try:
        return path.resolve().relative_to(store.root).as_posix()
    except (ValueError, OSError):
        return path.name


def _tell(reporter: Reporter, result: FileResult) -> None:
    if result.status in ("written", "review"):
        if result.status == "written":
            reporter.info(f"wrote {result.article} from {result.file}")
        else:
            reporter.warning(f"kept for review as {result.article}: {result.reason}",
                             result.file, hint=REVIEW_HINT)
        for note in result.warnings:  # what an editor should check in that article
            reporter.info(f"  note: {note}")
    elif result.status == "skipped":
        reporter.info(f"skipped {result.file}: {result.reason}")
    else:
        reporter.error(f"failed: {result.reason}", file=result.file)


def _one(run: _Run, page: Callable[[], RawPage], shown: str) -> FileResult:
    """Ingest one page; ``page`` makes it (a provenance file that cannot be read is then
    this page's failure, reported under its name)."""
    result = FileResult(shown, "failed")
    try:
        _process(run, page(), result)
    except _Skip as skip:
        result.status, result.reason = "skipped", str(skip)
    except (OSError, NotTextError, UnsafePathError, DigestError, ValueError) as exc:
        result.status, result.reason = "failed", str(exc) or type(exc).__name__
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
        result.status, result.reason = "failed", f"unexpected error: {exc!r}"
    return result


def _process(run: _Run, page: RawPage, result: FileResult) -> None:
    data = page.read()
    raw_sha = sha256(data)
    existing = run.by_raw.get(raw_sha)
    if existing is not None and not run.force:
        raise _Skip(f"already ingested as {run.store.relative(existing.path)}")
    decoded = decode(data)
    if decoded.repaired:
        result.warnings.append("repaired mojibake (UTF-8 that had been read in a wrong encoding)")
    ex = _extract(run, page, decoded.text)
    result.warnings.extend(ex.warnings)
    if not ex.body.strip():
        raise _Skip("no article found")
    _fill_date(run, page, decoded.text, ex, result)
    _refuse_future(run, ex)
    _fill_title(ex, result)
    ignore = frozenset({run.store.relative(existing.path)}) if existing else frozenset()
    duplicate = run.index.check(ex.body, raw_sha, ignore)
    if duplicate is not None:
        raise _Skip(duplicate.reason())
    _write(run, ex, raw_sha, result, existing)
    run.index.add(result.file, ex.body, raw_sha, f"article {result.article}")


def _extract(run: _Run, page: RawPage, text: str) -> Extraction:
    url = page.url or _url_hint(text)
    if page.kind == "html":
        from digest.ingest.html import extract_html  # trafilatura loads slowly; only when needed

        return extract_html(text, url=url, config=run.config)
    from digest.ingest.textdump import extract_text

    # Only the page and what its fetcher recorded: never the file's modification time (a
    # copy made today is not news).
    return extract_text(text, url=url, config=run.config, chrome=run.chrome,
                        provenance=page.provenance)


def _url_hint(text: str) -> str | None:
    """A scraper's leading ``url ...`` line, when the dump carries one."""
    for line in text[:2000].splitlines()[:5]:
        low = line.strip().lower()
        for prefix in _URL_LINE_PREFIXES:
            if low.startswith(prefix):
                value = line.strip()[len(prefix):].strip()
                if value.startswith(("http://", "https://")):
                    return value.split()[0]
    return None


def _outlet_tz(run: _Run, ex: Extraction) -> dt.tzinfo:
    source = metadata.source_for_host(ex.source_url, run.config) or (
        metadata.source_named(ex.outlet, run.config) if ex.outlet else None
    )
    return dates.zone(source.timezone if source else None, run.config.timezone)


def _fill_date(run: _Run, page: RawPage, text: str, ex: Extraction, result: FileResult,
               ) -> None:
    """Dates the extractor left unset: the hint line, the URL path, the server's HTTP
    Last-Modified; else none at all (a fetch time is when the page was saved, not when it
    was published: it only bounds a year-less date).

    A day without a time is stored as that day (``day_only``: midnight in the digest's
    timezone, so its week is the day's own week). With no date evidence the article gets
    ``date_review``, the reason it goes to review instead of the site."""
    if ex.date is not None and ex.day_only:
        ex.date = dt.datetime.combine(ex.date.date(), dt.time(0, 0), tzinfo=run.config.tz)
        return
    if ex.date is not None and ex.date.tzinfo is None:
        ex.date = ex.date.replace(tzinfo=_outlet_tz(run, ex))
    if ex.date is not None:
        return
    hint, _ = metadata.split_date_hint(text.split("\n", 1)[:1])
    day, source = hint, "hint"
    if day is None:
        day, source = dates.date_from_url(ex.source_url), "url"
    if day is not None:
        ex.date = dt.datetime.combine(day, dt.time(0, 0), tzinfo=run.config.tz)
        ex.date_source, ex.day_only = source, True
    elif page.provenance.date is not None and page.provenance.date_kind == "http":
        ex.date = page.provenance.date.astimezone(_outlet_tz(run, ex)).replace(microsecond=0)
        ex.date_source = source = "http"
    else:
        ex.date_review = ex.date_review or _no_date(page)
        return
    result.warnings.append(f"no dateline on the page; used the {_DATE_FALLBACKS[source]}")


def _no_date(page: RawPage) -> str:
    fetched = page.provenance.date
    seen = (f"; it was fetched on {fetched.date().isoformat()}, which is not when it was "
            "published") if fetched is not None else ""
    return ("no date on the page (no dateline, no date in the URL or the text)" + seen
            + "; add 'date: YYYY-MM-DD' (or with a time and offset, 2023-08-16T09:27:00+03:00)")


def _refuse_future(run: _Run, ex: Extraction) -> None:
    """A date after the day of the ingest cannot be when the page was published (a typo, or
    a year read from a notice): the article goes to review rather than to the top of the
    site. The clock only rejects a date here; it never supplies one."""
    now = dt.datetime.now(run.config.tz)
    if ex.date is None or ex.date <= now + dt.timedelta(days=1):
        return
    shown = ex.date.date().isoformat() if ex.day_only else ex.date.isoformat()
    ex.date_review = (f"the page's date {shown} (from the {ex.date_source or 'page'}) is after "
                      "the day it was ingested; check it and write the right 'date:'")
    ex.date, ex.day_only, ex.date_source = None, False, None


_DATE_FALLBACKS = {
    "hint": "date hint at the top of the raw file",
    "url": "date in the page's URL",
    "http": "Last-Modified date its server sent",
}
REVIEW_HINT = "then run 'digest review --publish' to move it into the site"


def _fill_title(ex: Extraction, result: FileResult) -> None:
    if ex.title and ex.title.strip():
        return
    first = next((ln for ln in ex.body.splitlines() if ln.strip()), "")
    words = first.lstrip("#>-\\ ").split()
    title = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    ex.title = title or "Untitled"
    result.warnings.append("no title on the page; used the start of the article")


def _write(run: _Run, ex: Extraction, raw_sha: str, result: FileResult,
           existing: StoredArticle | None) -> None:
    old_topic = existing.meta.get("topic") if existing else None
    topic, why = choose_topic(
        run.config, ex.title or "", ex.body, forced=run.topic,
        existing=old_topic if isinstance(old_topic, str) and _is_slug(old_topic) else None,
    )
    if why == "default":
        result.warnings.append(f"no topic keyword matched; filed under {topic!r}")
    ex.tags = _tags(run, ex, existing)
    meta = _front_matter(run, ex, topic, raw_sha, result.file)
    folder = run.store.folder_for(topic, ex.date) if ex.date else run.store.review_folder()
    if existing is not None and existing.path.parent == folder:
        target = existing.path  # --force replaces in place
    else:
        taken = {p.stem for p in run.claimed if p.parent == folder}
        target = folder / f"{unique_slug(folder, slugify(ex.title or '', ex.lang), taken)}.md"
        run.store.check_inside(target)
    run.claimed.add(target)
    result.status, result.article = "written", run.store.relative(target)
    if ex.date is None:
        result.status, result.reason = "review", ex.date_review
    if run.dry_run:
        return
    backup = run.store.write(target, meta, ex.body, force=existing is not None)
    if existing is not None and existing.path != target:
        backup = run.store.remove(existing.path)
    if backup is not None:
        result.backup = run.store.relative(backup)


def _tags(run: _Run, ex: Extraction, existing: StoredArticle | None) -> list[str]:
    """The editor's tags on re-ingest (like the topic), else tags derived from the page."""
    kept = existing.meta.get("tags") if existing else None
    if isinstance(kept, list) and kept and all(isinstance(t, str) for t in kept):
        return kept
    return derive_tags(run.config.topics, ex.title or "", ex.body, ex.tags, ex.lang)


def _front_matter(run: _Run, ex: Extraction, topic: str, raw_sha: str, raw: str) -> dict:
    return {
        "title": ex.title,
        "date": ex.date.date() if ex.date and ex.day_only else ex.date,
        "review": ex.date_review if ex.date is None else None,
        "topic": topic,
        "source": ex.outlet,
        "source_url": ex.source_url,
        "author": ex.author,
        "lang": ex.lang or run.config.language,
        "summary": ex.summary,
        "tags": list(ex.tags),
        "attribution": ex.attribution,
        "draft": False,
        "id": article_id(raw_sha),
        "raw": raw,
        "raw_sha256": raw_sha,
        "date_source": ex.date_source,
    }
