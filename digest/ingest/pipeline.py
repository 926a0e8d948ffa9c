"""``digest ingest``: raw pages in, articles in content/ out, and a report of every page.

Ingest is a map over pages followed by a single writer:

- **Inputs, in order** (this process): files and folders are walked, archives read record by
  record (:mod:`digest.ingest.warc`); each page's bytes are read and hashed, and a page
  already ingested is skipped before any work is spent on it.
- **Per page** (:func:`analyse`, a pure function of the page, the config and the learned
  chrome, so it runs anywhere: here, in local worker processes, on a Dask cluster): decode
  -> extract (HTML or text dump) -> date and title fallbacks -> keyword topic and tags ->
  ``--only-matching`` -> dedupe fingerprint. Story features belong here too: per article,
  no shared state (sent by name, :class:`digest.grouping.index.Keys`).
- **The writer** (this process, in input order, whatever ran the map): duplicate? -> topic
  (``--topic``, an existing article's, else the keyword one) -> id -> slug -> write. Only
  it reads and changes the run's state (the dedupe index, the slugs taken), so a run gives
  the same content/ byte for byte on any executor.

A page with no date on it is never dated by a guess, nor a page with no headline titled by
its lead sentence: it is written to ``content/_review/`` with the reasons, for an editor to
complete and publish (``digest review``). A problem with one
page is recorded in the report and the run goes on; the caller exits non-zero when anything
failed (a page kept for review did not). The whole run holds the project's ingest lock,
and starts by removing temporary files a killed run left behind.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from digest import atomic
from digest.config import SLUG_RE, Config
from digest.grouping.index import Keys as StoryKeys
from digest.grouping.index import page_keys as story_keys
from digest.grouping.ingest import PASS_CACHE_KB, IngestStories, Moved, Moves
from digest.grouping.record import set_story_line
from digest.ingest import chrome as chrome_mod
from digest.ingest import dates, known, metadata, outlets, relevance, warc
from digest.ingest.decode import NotTextError, decode
from digest.ingest.dedupe import DedupeIndex, Fingerprint, fingerprint
from digest.ingest.executors import Executor, ProcessExecutor
from digest.ingest.ledger import Ledger
from digest.ingest.model import Extraction
from digest.ingest.pages import (
    MAX_OUTLET_CHARS,
    TEXT_SUFFIXES,
    Input,
    RawPage,
    file_page,
    is_archive,
    kind_of,
    opened,
    outlet_name,
    walk,
)
from digest.ingest.results import FileResult, Results
from digest.ingest.run_state import Claimed, StoredByRaw
from digest.ingest.slug import slugify, unique_slug
from digest.ingest.store import (
    Store,
    StoredArticle,
    UnsafePathError,
    article_id,
    sha256,
)
from digest.ingest.tags import derive_tags
from digest.ingest.topic import decide_topic, score_topics
from digest.report import DigestError, Reporter, count
from digest.review import NO_TITLE

_URL_LINE_PREFIXES = ("url ", "url:", "source_url:")
NO_OUTLET = ("the page names no outlet: set `source:` in the article, or ingest it with "
             "--source NAME or from a folder named after the outlet (raw/<its domain>/)")


@dataclass
class IngestReport:
    """Every page's result, plus what is only counted: archive records that are not pages
    (``passed_over``) and pages ``--only-matching`` dropped (``filtered``), by reason; an
    archive holds millions of those, and listing each would make memory grow with it. The
    results themselves are rows on disk (:class:`digest.ingest.results.Results`)."""

    results: Results = field(default_factory=Results)
    dry_run: bool = False
    passed_over: Counter[str] = field(default_factory=Counter)
    filtered: Counter[str] = field(default_factory=Counter)

    def _with(self, status: str) -> list[FileResult]:
        return list(self.results.with_status(status))

    def count(self, status: str) -> int:
        """How many pages ended with ``status`` (without reading them back)."""
        return self.results.count(status)

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

    def as_dict(self, files: bool = True) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "counts": {s: self.count(s) for s in ("written", "review", "skipped", "failed")},
            "passed_over": dict(sorted(self.passed_over.items())),
            "filtered": dict(sorted(self.filtered.items())),
            "files": [asdict(r) for r in self.results] if files else [],
        }

    def write_json(self, out: TextIO) -> None:
        """``json.dumps(self.as_dict(), ensure_ascii=False, indent=2)`` and a newline, written
        result by result (the report of an archive does not fit in memory as one string)."""
        head = json.dumps(self.as_dict(files=False), ensure_ascii=False, indent=2)
        if not len(self.results):
            out.write(head + "\n")
            return
        assert head.endswith('"files": []\n}')
        out.write(head[:-len("]\n}")])
        self.results.write_json(out, "    ")
        out.write("\n  ]\n}\n")


class _Skip(Exception):
    """A file that is fine but not written (duplicate, already ingested, no article)."""


@dataclass(frozen=True)
class Shared:
    """What the per-page work needs besides the page; sent to each worker once."""

    config: Config
    chrome: chrome_mod.ChromeModel
    only_matching: bool = False


@dataclass
class Analysed:
    """One page after the per-page work: all the writer needs, small enough to send back."""

    extraction: Extraction | None = None
    fingerprint: Fingerprint | None = None
    story_keys: StoryKeys | None = None  # what story grouping compares, by name
    topic: str | None = None  # the topic its keywords choose, if any
    tags: list[str] = field(default_factory=list)  # derived from keywords and the page
    warnings: list[str] = field(default_factory=list)  # for the editor, in the page's order
    skip: str | None = None  # fine, but no article in it
    failure: str | None = None
    dropped: str | None = None  # not for this digest (--only-matching), and why


@dataclass
class _Job:
    """One input in input order: a page to analyse, or an outcome known without analysis."""

    name: str
    page: RawPage | None = None  # with its bytes read
    raw_sha: str = ""
    existing: StoredArticle | None = None  # the article --force replaces
    result: FileResult | None = None
    passed_over: str | None = None  # an archive record that is no page, and why
    tell: bool = True


@dataclass
class _Run:
    config: Config
    store: Store
    reporter: Reporter
    dry_run: bool
    topic: str | None
    force: bool
    index: DedupeIndex
    by_raw: StoredByRaw
    chrome: chrome_mod.ChromeModel
    stories: IngestStories
    ledger: Ledger
    claimed: Claimed  # the slugs this run gave, by folder
    source: str | None = None  # --source: the outlet of every page
    folder_outlets: dict[tuple[str, ...], str | None] = field(default_factory=dict)


def ingest(
    paths: Iterable[str | Path],
    config: Config,
    reporter: Reporter,
    *,
    dry_run: bool = False,
    topic: str | None = None,
    force: bool = False,
    learn_chrome: bool = False,
    only_matching: bool | None = None,
    executor: Executor | None = None,
    source: str | None = None,
) -> IngestReport:
    """Ingest files, folders (recursively) and WARC archives; see the module docstring.

    ``learn_chrome`` first relearns each outlet's repeated lines from the text dumps in
    ``paths`` and rewrites the project's chrome file (kept in memory only in a dry run).
    ``only_matching`` (default: the config's) keeps only pages for this digest
    (:mod:`digest.ingest.relevance`). ``executor`` runs the per-page work (default: local
    processes, one for tiny inputs). ``source`` names the outlet every page was saved from
    (``--source``; see :mod:`digest.ingest.pages` for the other ways to name it).
    """
    paths = list(paths)
    store = Store(config)
    report = IngestReport(dry_run=dry_run)
    if topic is not None and not _is_slug(topic):
        raise DigestError(f"--topic {topic!r} is not a topic slug (lowercase a-z, 0-9 and '-')")
    only = config.only_matching if only_matching is None else only_matching
    if only and not relevance.has_keywords(config):
        raise DigestError("--only-matching keeps pages that match a topic's keywords, and no "
                          "topic in the config has any: add keywords to the topics")
    executor = executor or ProcessExecutor()
    with store.lock():
        if not dry_run:
            for leftover in store.clean_temporaries():
                reporter.debug(f"removed {store.relative(leftover)} left by an interrupted run")
        run = _start(config, store, reporter, dry_run, topic, force)
        run.source = _source_option(source, config, reporter)
        if learn_chrome:
            run.chrome = relearn_chrome(paths, config, reporter, save=not dry_run)
        files = _passing_over_own_output(config, walk(paths))  # an archive's records: as needed
        _warm(files)
        total = None if any(is_archive(item.path) for item in files) else len(files)
        shared = Shared(config, run.chrome, only)
        try:
            with reporter.progress(total, "ingesting pages") as bar:
                for job, analysed in executor.map(analyse, _jobs(run, files), _payload, shared):
                    result = _settle(run, job, analysed, report)
                    if result is not None:
                        report.results.append(result)
                        if job.tell:
                            _tell(reporter, result)
                    bar.advance()
            del files  # a path per page, not needed past here: the end-of-run pass reuses it
            _settle_stories(run, report)
        finally:
            run.stories.close()
            run.ledger.close()
    return report


def _passing_over_own_output(config: Config, files: Iterable[Input]) -> list[Input]:
    """The input files, those in the project's store or site (a run given the project's own
    folder) marked as no pages: they are what ingest and build wrote."""
    root = Path(config.root)
    own = {(root / folder).resolve(): folder for folder in (config.content_dir,
                                                            config.output_dir)}
    out = []
    for item in files:
        resolved = item.path.resolve()
        folder = next((name for path, name in own.items() if resolved.is_relative_to(path)),
                      None)
        if item.reason is None and folder is not None:
            item = item._replace(reason=f"in {folder}/, digest's own output: not a page")
        out.append(item)
    return out


def _is_slug(value: str) -> bool:
    return bool(SLUG_RE.match(value))


def _warm(files: list[Input]) -> None:
    """Import the HTML extractor (trafilatura, ~1 s) once here, before workers are forked,
    rather than once in every worker."""
    if any(kind_of(p) in ("html", "clipping") or is_archive(p)
           for p, reason, _ in files if not reason):
        import digest.ingest.html  # noqa: F401


def _start(config: Config, store: Store, reporter: Reporter, dry_run: bool, topic: str | None,
           force: bool) -> _Run:
    ledger = Ledger.for_run(store.root, dry_run)
    try:
        return _read_store(config, store, reporter, dry_run, topic, force, ledger)
    except BaseException:
        ledger.close()
        raise


def _read_store(config: Config, store: Store, reporter: Reporter, dry_run: bool,
                topic: str | None, force: bool, ledger: Ledger) -> _Run:
    """What the run knows of the store's articles, in the ledger."""
    index = DedupeIndex(ledger)
    by_raw = StoredByRaw(ledger)
    stories = IngestStories(store.root, config.language, dry_run, config.tz, ledger=ledger)
    for article in known.stored(store, config, write=not dry_run):
        label = store.relative(article.path)
        if article.features is not None:
            stories.add_stored(article.meta, "", label, features=article.features)
        raw_sha = article.meta.get("raw_sha256")
        raw_sha = raw_sha if isinstance(raw_sha, str) else None
        if raw_sha:
            by_raw.add(raw_sha, _replaceable(article.path, article.meta))
        raw = article.meta.get("raw")
        index.add(label, article.fingerprint, raw_sha,
                  f"from {raw}" if isinstance(raw, str) else None)
    chrome_path = Path(config.root) / chrome_mod.CHROME_FILE
    try:
        learned = chrome_mod.load(chrome_path)
    except Exception as exc:  # noqa: BLE001 - a broken learned file must not stop ingest
        reporter.warning(f"ignoring the learned chrome file: {exc}", file=chrome_path)
        learned = chrome_mod.ChromeModel()
    return _Run(config, store, reporter, dry_run, topic, force, index, by_raw, learned, stories,
                ledger, Claimed(ledger))


_KEPT_ON_FORCE = ("topic", "tags", "story")  # what re-ingesting a page keeps of its article


def _replaceable(path: Path, meta: dict[str, Any]) -> StoredArticle:
    """What a run keeps of a stored article for ``--force`` to replace it: its path and the
    editor's fields a re-ingest keeps, not its body (a run holds one per stored article)."""
    return StoredArticle(path, {k: meta[k] for k in _KEPT_ON_FORCE if k in meta}, "")


# --- inputs, in order --------------------------------------------------------------------


def _jobs(run: _Run, files: list[Input]) -> Iterator[_Job]:
    """Every input as a job, lazily: an archive's records are read one at a time."""
    for path, reason, folders in files:
        shown = _shown(path, run.store)
        if reason:
            yield _Job(shown, result=FileResult(shown, "skipped", reason), tell=False)
        elif is_archive(path):
            yield from _archive_jobs(run, path, shown)
        else:
            made = partial(file_page, path, shown, source=run.source,
                           folder=_folder_outlet(run, folders))
            yield _page_job(run, made, shown)


def _source_option(source: str | None, config: Config, reporter: Reporter) -> str | None:
    """``--source``: a known outlet's registry name (by name, alias or domain), else the
    name as typed, with a note that digest.yaml ``sources`` can describe it."""
    if source is None:
        return None
    name = outlet_name(source)
    if name is None:
        raise DigestError(f"--source {source!r}: give the outlet's name or domain (one line, "
                          f"at most {MAX_OUTLET_CHARS} characters)")
    found = outlets.registry(config.sources).named(name)
    if found is None:
        reporter.warning(f"--source {name!r} is no outlet the registry or digest.yaml sources "
                         "know: written as typed (add it under sources: to give it aliases, "
                         "domains and a timezone)")
        return name
    return found.name


def _folder_outlet(run: _Run, folders: tuple[str, ...]) -> str | None:
    """The known outlet the nearest of a page's folders is named after (its name, an alias or
    a domain: ``raw/pravda.com.ua/``, ``raw/Kyiv Post/``), if any; once per folder."""
    if folders not in run.folder_outlets:
        reg = outlets.registry(run.config.sources)
        found = next((s for s in map(reg.named, folders) if s is not None), None)
        run.folder_outlets[folders] = found.name if found else None
    return run.folder_outlets[folders]


def _archive_jobs(run: _Run, path: Path, shown: str) -> Iterator[_Job]:
    try:
        for record in warc.records(path, shown):
            if isinstance(record, warc.PassedOver):
                yield _Job(shown, passed_over=record.reason)
            elif isinstance(record, warc.Broken):
                yield _Job(record.name, result=FileResult(record.name, "failed", record.reason))
            else:
                if run.source:
                    record = replace(record, provenance=replace(record.provenance,
                                                                outlet=run.source))
                yield _page_job(run, partial(_given, record), record.name)
    except (OSError, ImportError) as exc:
        yield _Job(shown, result=FileResult(shown, "failed", f"cannot read the archive: {exc}"))


def _given(page: RawPage) -> RawPage:
    return page


def _page_job(run: _Run, page: Callable[[], RawPage], name: str) -> _Job:
    """Read and hash one page; ``page`` makes it (a provenance file that cannot be read is
    then this page's failure, reported under its name)."""
    try:
        made = page()
        data = made.read()
        raw_sha = sha256(data)  # of the file as saved, whatever is read out of it
        existing = run.by_raw.get(raw_sha)
        if existing is not None and not run.force:
            reason = f"already ingested as {run.store.relative(existing.path)}"
            return _Job(name, result=FileResult(name, "skipped", reason))
        made = opened(made, data)
    except (OSError, ValueError) as exc:
        return _Job(name, result=FileResult(name, "failed", str(exc) or type(exc).__name__))
    return _Job(name, made, raw_sha, existing)


def _payload(job: _Job) -> RawPage | None:
    return job.page


# --- the per-page work: pure, runs on any worker -------------------------------------------


def analyse(page: RawPage, shared: Shared) -> Analysed:
    """Everything about one page that needs no other page: never raises."""
    out = Analysed()
    try:
        _analyse(page, shared, out)
    except _Skip as skip:
        out.skip = str(skip)
    except (OSError, NotTextError, DigestError, ValueError) as exc:
        out.failure = str(exc) or type(exc).__name__
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
        out.failure = f"unexpected error: {exc!r}"
    return out


def _analyse(page: RawPage, shared: Shared, out: Analysed) -> None:
    config = shared.config
    decoded = decode(page.read(), page.provenance.charset)
    if decoded.repaired:
        out.warnings.append("repaired mojibake (UTF-8 that had been read in a wrong encoding)")
    ex = _extract(shared, page, decoded.text)
    out.warnings.extend(ex.warnings)
    if not ex.body.strip():
        raise _Skip("no article found")
    _fill_date(config, page, decoded.text, ex, out.warnings)
    _refuse_future(config, ex)
    _fill_title(ex)
    if not ex.outlet:
        out.warnings.append(NO_OUTLET)
    title = ex.title or ""
    out.topic = score_topics(config.topics, title, ex.body)
    if shared.only_matching:
        out.dropped = relevance.unwanted(config, out.topic, ex.body, ex.lang)
        if out.dropped:
            return
    out.tags = derive_tags(config.topics, title, ex.body, ex.tags, ex.lang)
    out.extraction = ex
    out.fingerprint = fingerprint(ex.body)
    out.story_keys = story_keys(title, ex.body, ex.lang)


# --- the single writer: in input order, in this process ------------------------------------


def _settle(run: _Run, job: _Job, analysed: Analysed | None,
            report: IngestReport) -> FileResult | None:
    """The page's result (None for what is only counted); writes its article."""
    if job.result is not None:
        return job.result
    if job.passed_over is not None:
        report.passed_over[job.passed_over] += 1
        return None
    assert analysed is not None
    if analysed.dropped:
        report.filtered[analysed.dropped] += 1
        run.reporter.debug(f"dropped {job.name}: {analysed.dropped}")
        return None
    # a worker's warnings arrive as new strings; most are the same few lines
    result = FileResult(job.name, "failed", warnings=[sys.intern(w) for w in analysed.warnings])
    if analysed.failure or analysed.skip:
        result.status = "failed" if analysed.failure else "skipped"
        result.reason = analysed.failure or analysed.skip
        return result
    try:
        _keep(run, job, analysed, result)
    except _Skip as skip:
        result.status, result.reason = "skipped", str(skip)
    except (OSError, UnsafePathError, DigestError, ValueError) as exc:
        result.status, result.reason = "failed", str(exc) or type(exc).__name__
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
        result.status, result.reason = "failed", f"unexpected error: {exc!r}"
    return result


def _keep(run: _Run, job: _Job, analysed: Analysed, result: FileResult) -> None:
    ex, printed = analysed.extraction, analysed.fingerprint
    assert ex is not None and printed is not None
    existing = job.existing
    ignore = frozenset({run.store.relative(existing.path)}) if existing else frozenset()
    duplicate = run.index.check(printed, job.raw_sha, ignore)
    if duplicate is not None:
        raise _Skip(duplicate.reason())
    _write(run, analysed, job.raw_sha, result, existing)
    run.index.add(result.file, printed, job.raw_sha, f"article {result.article}")


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
    files = [path for path, reason, _ in walk(paths)
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


def _extract(shared: Shared, page: RawPage, text: str) -> Extraction:
    url = page.url or _url_hint(text)
    if page.kind == "clipping":  # read as the HTML page it stands for
        from digest.ingest.clipping import to_page

        text, url = to_page(text)
        url = page.url or url
    if page.kind in ("html", "clipping"):
        from digest.ingest.html import extract_html  # trafilatura loads slowly; only when needed

        return extract_html(text, url=url, config=shared.config, outlet=page.provenance.outlet)
    from digest.ingest.textdump import extract_text

    # Only the page and what its fetcher recorded: never the file's modification time (a
    # copy made today is not news).
    return extract_text(text, url=url, config=shared.config, chrome=shared.chrome,
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


def _fill_date(config: Config, page: RawPage, text: str, ex: Extraction,
               warnings: list[str]) -> None:
    """Dates the extractor left unset: the hint line, the URL path, the server's HTTP
    Last-Modified or the archive's WARC-Date; else none at all (a fetch time is when the
    page was saved, not when it was published: it only bounds a year-less date).

    A day without a time is stored as that day (``day_only``: midnight in the digest's
    timezone, so its week is the day's own week). With no date evidence the article gets
    a ``review`` reason, so it goes to review instead of the site. Pure (the page and
    the config only), so it runs with the per-page work on any worker."""
    if ex.date is not None and ex.day_only:
        ex.date = dt.datetime.combine(ex.date.date(), dt.time(0, 0), tzinfo=config.tz)
        return
    if ex.date is not None and ex.date.tzinfo is None:
        ex.date = ex.date.replace(tzinfo=metadata.outlet_zone(ex.source_url, ex.outlet, config))
    if ex.date is not None:
        return
    hint, _ = metadata.split_date_hint(text.split("\n", 1)[:1])
    day, source = hint, "hint"
    if day is None:
        day, source = dates.date_from_url(ex.source_url), "url"
    if day is not None:
        ex.date = dt.datetime.combine(day, dt.time(0, 0), tzinfo=config.tz)
        ex.date_source, ex.day_only = source, True
    elif page.provenance.date is not None and page.provenance.date_kind in _DATING:
        tz = metadata.outlet_zone(ex.source_url, ex.outlet, config)
        ex.date = page.provenance.date.astimezone(tz).replace(microsecond=0)
        ex.date_source = source = page.provenance.date_kind
    else:
        if not ex.review:  # the extractor may have said why already (a year-less date)
            ex.review.append(_no_date(page))
        return
    warnings.append(f"no dateline on the page; used the {_DATE_FALLBACKS[source]}")


def _no_date(page: RawPage) -> str:
    fetched = page.provenance.date
    seen = (f"; it was fetched on {fetched.date().isoformat()}, which is not when it was "
            "published") if fetched is not None else ""
    return ("no date on the page (no dateline, no date in the URL or the text)" + seen
            + "; add 'date: YYYY-MM-DD' (or with a time and offset, 2023-08-16T09:27:00+03:00)")


def _refuse_future(config: Config, ex: Extraction) -> None:
    """A date after the day of the ingest cannot be when the page was published (a typo, or
    a year read from a notice): the article goes to review rather than to the top of the
    site. The clock only rejects a date here; it never supplies one."""
    now = dt.datetime.now(config.tz)
    if ex.date is None or ex.date <= now + dt.timedelta(days=1):
        return
    shown = ex.date.date().isoformat() if ex.day_only else ex.date.isoformat()
    ex.review.append(f"the page's date {shown} (from the {ex.date_source or 'page'}) is after "
                     "the day it was ingested; check it and write the right 'date:'")
    ex.date, ex.day_only, ex.date_source = None, False, None


_DATE_FALLBACKS = {
    "hint": "date hint at the top of the raw file",
    "url": "date in the page's URL",
    "http": "Last-Modified date its server sent",
    "warc": "date of its WARC record (when it was archived)",
}
# Transport dates that may date a page: a server's Last-Modified, an archive's WARC-Date
# (the weakest evidence there is, used only when the page, its URL and a hint say nothing).
_DATING = ("http", "warc")
REVIEW_HINT = "then run 'digest review --publish' to move it into the site"


def _fill_title(ex: Extraction) -> None:
    """A page with no headline is kept for review, never titled by its lead sentence (a
    caption or a lead is not a headline; an editor writes one)."""
    if ex.title and ex.title.strip():
        return
    ex.title = None
    ex.review.append(NO_TITLE)


def _provisional_name(ex: Extraction) -> str:
    """The file name of an article with no headline: the first words of its lead. Only a
    name for the file under review: ``digest review --publish`` renames it after the title."""
    first = next((ln for ln in ex.body.splitlines() if ln.strip()), "")
    return " ".join(first.lstrip("#>-\\ ").split()[:12])


def _write(run: _Run, analysed: Analysed, raw_sha: str, result: FileResult,
           existing: StoredArticle | None) -> None:
    ex = analysed.extraction
    assert ex is not None
    old_topic = existing.meta.get("topic") if existing else None
    topic, why = decide_topic(
        run.config, analysed.topic, forced=run.topic,
        existing=old_topic if isinstance(old_topic, str) and _is_slug(old_topic) else None,
    )
    if why == "default":
        result.warnings.append(sys.intern(f"no topic keyword matched; filed under {topic!r}"))
    ex.tags = _tags(analysed, existing)
    meta = _front_matter(run, ex, topic, raw_sha, result.file)
    kept = bool(ex.review) or ex.date is None
    folder = run.store.review_folder() if kept else run.store.folder_for(topic, ex.date)
    if existing is not None and existing.path.parent == folder:
        target = existing.path  # --force replaces in place
    else:
        taken = run.claimed.taken(folder)
        name = slugify(ex.title or _provisional_name(ex), ex.lang)
        target = folder / f"{unique_slug(folder, name, taken)}.md"
        run.store.check_inside(target)
    run.claimed.add(folder, target.stem)
    result.status, result.article = "written", run.store.relative(target)
    if kept:
        result.status, result.reason = "review", _review_line(ex)
    meta["story"] = result.story = run.stories.assign(
        meta, ex.body, result.article, existing.meta if existing else None,
        features=analysed.story_keys)
    if run.dry_run:
        return
    backup = run.store.write(target, meta, ex.body, force=existing is not None)
    if existing is not None and existing.path != target:
        backup = run.store.remove(existing.path)
    if backup is not None:
        result.backup = run.store.relative(backup)


def _settle_stories(run: _Run, report: IngestReport) -> None:
    """Group the run's articles again in date order; rewrite the ``story:`` line of each
    whose id changed (atomically, nothing else in the file) and record the new id.

    A file that cannot be rewritten keeps the id it was written with, which the record
    already holds, so it is never mistaken for one set by hand.
    """
    run.ledger.shrink(PASS_CACHE_KB)  # the write phase's pages are not read again
    moved = run.stories.settle_run()
    if not moved:
        run.stories.finish()
        return
    failed = set() if run.dry_run else _rewrite_stories(run, moved)
    done = 0
    for move in moved:
        if move.relative in failed:
            continue
        done += 1
        run.stories.recorded(move.key, move.new)
        report.results.set_story(move.relative, move.new)
        run.reporter.debug(f"story of {move.relative}: {move.old} -> {move.new}")
    run.stories.finish()
    verb = "would regroup" if run.dry_run else "regrouped"
    run.reporter.info(f"stories: {verb} {count(done, 'article')} of this run in date order")


def _rewrite_stories(run: _Run, moved: Moves) -> set[str]:
    """Set the ``story:`` line of each moved article (atomically, the folders fsynced once
    for all, before any new id is recorded); the articles whose line could not be set,
    each with an error naming it. Files are read one at a time as the batch writes them,
    and nothing is kept per file but a failure (a run can move every one of its articles)."""
    failed: set[str] = set()

    def texts() -> Iterator[tuple[Path, bytes]]:
        for move in moved:
            path = run.store.root / move.relative
            try:
                run.store.check_inside(path)
                text = set_story_line(path.read_text(encoding="utf-8"), move.new)
            except (OSError, UnicodeDecodeError, ValueError, UnsafePathError) as exc:
                _story_not_set(run, move, exc)
                failed.add(move.relative)
                continue
            yield path, text.encode("utf-8")

    unwritten = atomic.write_many(texts())
    if unwritten:
        for move in moved:
            exc = unwritten.get(run.store.root / move.relative)
            if exc is not None:
                _story_not_set(run, move, exc)
                failed.add(move.relative)
    return failed


def _story_not_set(run: _Run, move: Moved, exc: Exception) -> None:
    run.reporter.error(f"could not set its story to {move.new} ({exc}); it keeps the one it "
                       "was written with; run 'digest stories' to regroup", file=move.relative)


def _review_line(ex: Extraction) -> str | None:
    """Every reason the article waits for an editor, in one line (None when it is published)."""
    if ex.date is None and not ex.review:
        return "no date on the page; add 'date: YYYY-MM-DD'"
    return "; and ".join(ex.review) or None


def _tags(analysed: Analysed, existing: StoredArticle | None) -> list[str]:
    """The editor's tags on re-ingest (like the topic), else tags derived from the page."""
    kept = existing.meta.get("tags") if existing else None
    if isinstance(kept, list) and kept and all(isinstance(t, str) for t in kept):
        return kept
    return list(analysed.tags)


def _front_matter(run: _Run, ex: Extraction, topic: str, raw_sha: str, raw: str) -> dict:
    return {
        "title": ex.title,
        "date": ex.date.date() if ex.date and ex.day_only else ex.date,
        "review": _review_line(ex),
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
