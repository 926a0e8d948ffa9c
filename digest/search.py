"""Full-text search: a Pagefind index in parts, built from the staged pages, and the search page.

Pagefind (the ``pagefind[bin]`` package, a dependency: its wheel ships the binary) reads the
finished HTML and writes a static index that its own JavaScript queries in
the browser; nothing runs on a server. Build calls :func:`available` before
rendering, so the pages know whether to show a search form, and
:func:`indexing` once the article and story pages are staged: the parts are
indexed while the build makes its other files, and staged before the swap.

The index is made of parts (:mod:`digest.search_parts`): each a Pagefind
index of at most a few hundred article (or story) pages, in ``pagefind/<part>/``, built
by its own Pagefind process over a scratch folder holding only that part's pages, cut
down to what Pagefind reads and each naming its address (:func:`searched_part`). Parts
are indexed one per core at a time (each Pagefind on a core of its own), so memory is
bounded by the part size, not the site's; a
part whose key (its articles' paths and source hashes, the build key and Pagefind's
version) is unchanged keeps its old files, untouched. The search page merges every part
(Pagefind's ``mergeIndex``): the first part is the primary index, so it also
holds the WebAssembly and worker files Pagefind loads from there; the UI and
the rest of Pagefind's runtime are in ``pagefind/`` itself.

Search is optional, never a reason to fail a build:
- pagefind is not installed: the build says "search skipped" and the pages
  have no search form (``site.search`` is false), so no box leads nowhere;
- pagefind fails: a warning, and the search page says search is unavailable (the pages
  keep their search form, so none is rendered again; the next build indexes again).

Only article and story bodies are indexed (``data-pagefind-body``), all
in one language (``--force-language``): otherwise Pagefind splits the index
per ``<html lang>`` and an English search page would never find a Ukrainian
article. No ``data-pagefind-filter``: Pagefind 1.5 writes filter files in a
different order on each run, and the build must be byte-identical (each part
is: the same pages give the same bytes). Index files are written outside the
staging folder and then staged file by file, so unchanged files keep their
inode like every other file.
"""

from __future__ import annotations

import bisect
import contextlib
import importlib
import itertools
import os
import re
import shutil
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from digest import urls
from digest.config import Config
from digest.content import Article
from digest.fingerprint import fingerprint
from digest.output import SiteWriter
from digest.parallel import default_workers
from digest.plan import Executor
from digest.render import Renderer
from digest.report import Reporter, count
from digest.search_parts import Part, plan, story_parts

TIMEOUT = 600  # seconds for one part; a part of 500 pages indexes in about a second
INSTALL_HINT = "pip install 'pagefind[bin]>=1.1,<2' (a dependency of digest) to add search"
PRIMARY_RUNTIME = ("pagefind-worker.js", "wasm.")  # what Pagefind loads from the primary index


def executable() -> Path | None:
    """The pagefind binary: ``PAGEFIND_BINARY_PATH``, the binary package's, or one on PATH.

    The order of ``pagefind.service.get_executable``, without importing that module: it
    brings asyncio and certifi, ~20 ms of every build's start for a path.
    """
    env = os.environ.get("PAGEFIND_BINARY_PATH")
    found = Path(env) if env is not None else _packaged()
    if found is None:
        which = shutil.which("pagefind_extended") or shutil.which("pagefind")
        found = Path(which) if which else None
    return found if found is not None and found.is_file() else None


def _packaged() -> Path | None:
    """The binary the ``pagefind[bin]`` (or ``[extended]``) wheel installed, if any."""
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            module = importlib.import_module(package)
            return Path(module.get_executable())
        except (ImportError, OSError, AttributeError):
            continue
    return None


def available(reporter: Reporter) -> bool:
    """Whether to build search; says so when it is skipped."""
    if executable() is None:
        reporter.info(f"search skipped: pagefind is not installed ({INSTALL_HINT})")
        return False
    return True


def language(config: Config) -> str:
    """The ISO 639-1 code Pagefind expects: ``en`` from ``en-GB``."""
    return config.language.split("-")[0].lower() or "en"


def version(binary: Path) -> str:
    """``pagefind 1.5.2``: part of every part's key, so an upgrade re-indexes."""
    result = subprocess.run([str(binary), "--version"], capture_output=True, text=True,
                            timeout=60, check=False)
    return result.stdout.strip() or f"exit code {result.returncode}"


def run_pagefind(site: Path, output: Path, config: Config) -> subprocess.CompletedProcess[str]:
    binary = executable()
    if binary is None:
        raise FileNotFoundError("pagefind")
    command = [str(binary), "--site", str(site), "--output-path", str(output),
               "--force-language", language(config), "--silent"]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


@dataclass
class Index:
    """The index as staged: its parts (the first is the primary) and each file's key."""

    parts: list[str]
    keys: dict[str, str] = field(default_factory=dict)  # folder -> key, for the build cache
    indexed: list[str] = field(default_factory=list)  # parts made by this build
    staged: list[str] = field(default_factory=list)  # every index file kept or made


@contextlib.contextmanager
def indexing(executor: Executor, config: Config, articles: list[Article],
             stories: list[tuple[str, object]], build_key: str,
             workers: int | None = None) -> Iterator[Callable[[], Index | None]]:
    """Start indexing the staged pages of ``articles`` and ``stories``; yields a function
    that waits for the index and stages it under ``pagefind/`` (None: search skipped).

    Start it as soon as those pages are staged: the parts are indexed by Pagefind
    processes (:class:`_Parts`) while the build makes its other files. Each part's folder
    ``pagefind/<part>/`` (and ``pagefind/`` itself, the runtime) has a key; the
    executor keeps the old files of a part whose key is unchanged
    (:meth:`Executor.keep_files`: Pagefind names the files, so they are known only
    from the last build's). Leaving the block ends whatever is still running.
    """
    writer, reporter = executor.writer, executor.reporter
    parts = plan(articles) + story_parts(stories)
    binary = executable()
    if not parts or binary is None:
        yield lambda: _skipped(reporter, bool(parts))
        return
    try:
        base = fingerprint(build_key, version(binary), language(config))
    except (OSError, subprocess.SubprocessError) as exc:
        why = str(exc)
        yield lambda: _failed(reporter, why)
        return
    old = _old_files(executor.cache.files or [])
    keys = {f"{urls.SEARCH_BUNDLE}{p.name}/": p.key(base) for p in parts}
    keys[urls.SEARCH_BUNDLE] = fingerprint(base, "runtime")
    result = Index([p.name for p in parts], keys)
    kept = set()
    for folder, key in keys.items():
        result.staged += old.get(folder, [])  # none may stay in a site without search
        if executor.keep_files(folder, key, old.get(folder, [])):
            kept.add(folder)
    todo = [p for p in parts if f"{urls.SEARCH_BUNDLE}{p.name}/" not in kept]
    has_runtime = urls.SEARCH_BUNDLE in kept
    if not has_runtime and not todo:  # the runtime files come with any part's index
        todo = [min(parts, key=lambda p: len(p.pages))]
    # Beside the staging folder, named like it, so the next build removes what a killed
    # run leaves behind (see SiteWriter._recover) instead of it piling up in /tmp.
    with tempfile.TemporaryDirectory(prefix=f".{writer.final.name}.pagefind-",
                                     dir=writer.stage.parent) as tmp:
        running = _Parts(writer.stage, Path(tmp), todo, config, workers)
        try:
            yield lambda: _stage_index(executor, result, running.problems(), has_runtime,
                                       Path(tmp))
        finally:
            running.close()


def _skipped(reporter: Reporter, has_parts: bool) -> None:
    reporter.info(f"search skipped: pagefind is not installed ({INSTALL_HINT})" if has_parts
                  else "search skipped: no article to index")
    return None


def _stage_index(executor: Executor, result: Index, made: dict[Part, str | None],
                 has_runtime: bool, scratch: Path) -> Index | None:
    """Stage the parts just indexed (``made``: each with its problem, None when it was
    indexed); None, and no index file staged, when any part failed."""
    writer, reporter = executor.writer, executor.reporter
    failed = sorted((part.name, problem) for part, problem in made.items() if problem)
    if failed:  # the site is built without search: none of the index stays in it
        writer.produced.difference_update(result.staged)
        name, problem = failed[0]
        return _failed(reporter, f"{problem} (index part {name})")
    for part in sorted(made, key=lambda p: p.name):
        output = scratch / part.name / "out"
        made_files = _bundle_files(output)
        folder = f"{urls.SEARCH_BUNDLE}{part.name}/"
        data = [f for f, runtime_file in made_files if not runtime_file]
        result.staged += _move_in(writer, output, data, folder)
        if not has_runtime:
            runtime = [f for f, runtime_file in made_files if runtime_file]
            result.staged += _move_in(writer, output, runtime, urls.SEARCH_BUNDLE)
            has_runtime = True
        result.indexed.append(part.name)
    _stage_primary_runtime(writer, result.parts[0])
    names = sorted(result.indexed)
    shown = ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")
    reporter.debug(f"search: {count(len(result.parts), 'index part')}, {len(names)} indexed"
                   + (f" ({shown})" if names else ""))
    return result


def _old_files(files: list[str]) -> dict[str, list[str]]:
    """The last build's index files (``files``: the site's, sorted) by folder:
    ``pagefind/<part>/``, or ``pagefind/``.

    The worker and WebAssembly in the primary part's folder are not the part's:
    they are staged again for whichever part is the primary now.
    """
    found: dict[str, list[str]] = defaultdict(list)
    start = len(urls.SEARCH_BUNDLE)
    # The cache lists the files sorted: the index's are one run of them, found by bisection
    # (not one look at each of the 105,000 pages of a 100,000-article site).
    for path in itertools.islice(files, bisect.bisect_left(files, urls.SEARCH_BUNDLE), None):
        if not path.startswith(urls.SEARCH_BUNDLE):
            break
        folder, _, rest = path[start:].partition("/")
        if not rest:
            found[urls.SEARCH_BUNDLE].append(path)
        elif "/" in rest or not rest.startswith(PRIMARY_RUNTIME):
            found[f"{urls.SEARCH_BUNDLE}{folder}/"].append(path)
    return found


class _Parts:
    """Index parts a few at a time (largest first), in threads that wait for Pagefind.

    One thread cuts the parts' pages down (:func:`_prepare`, Python: one at a time
    anyway) ahead of the Pagefind processes, which run ``workers`` at a time: a
    Pagefind slot never waits while its thread cuts the next part's pages (at
    10,000 articles, one of two slots did for ~1.5 s of a ~13 s index). They start
    at once; the build makes its other files in this process meanwhile (it forks no
    workers while these threads run).
    """

    def __init__(self, stage: Path, scratch: Path, parts: list[Part], config: Config,
                 workers: int | None):
        threads = max(1, min(len(parts), workers or default_workers()))
        order = sorted(parts, key=lambda p: (-len(p.pages), p.name))
        base = urls.Site(config.base_url).base_path
        self._cutter = ThreadPoolExecutor(1, thread_name_prefix="digest-cut")
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="digest-pagefind",
                                        initializer=_own_core() if threads > 1 else None)
        # The first parts are cut here, now: a thread cutting them while this one goes on
        # with the build would get the GIL a fraction of the time (192 pages took ~0.19 s
        # instead of ~0.03 s), and an edit's one part would start that much later.
        cut: list[Future[Path]] = []
        for part in order[:threads]:
            cut.append(Future())
            cut[-1].set_result(_prepare(stage, scratch / part.name, part, base))
        cut += [self._cutter.submit(_prepare, stage, scratch / part.name, part, base)
                for part in order[threads:]]
        self._futures = {part: self._pool.submit(_index_part, ready, scratch / part.name,
                                                 config)
                         for part, ready in zip(order, cut, strict=True)}

    def problems(self) -> dict[Part, str | None]:
        """Wait for every part: its problem, None when it was indexed."""
        return {part: future.result() for part, future in self._futures.items()}

    def close(self) -> None:
        """Drop the parts not started; wait for the running ones (a build that failed)."""
        for pool in (self._cutter, self._pool):
            pool.shutdown(wait=True, cancel_futures=True)


def _own_core() -> Callable[[], None] | None:
    """A thread initializer that gives each Pagefind thread a core of its own, which the
    Pagefind processes it starts inherit.

    Pagefind spreads its threads over every core; two of them side by side then spend
    ~15 % of their time in the kernel, flushing each other's memory mappings from every
    core (``munmap`` in a process running on several cores). Each on one core, the index of
    10,000 articles took ~1.5 s less CPU and ~1 s less wall on two cores, on a busy
    machine as well as on a quiet one. None where cores cannot be chosen. One Pagefind
    alone (an edit's part) is left free to move: it has no other Pagefind to flush with.
    """
    try:
        cores = sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return None
    if len(cores) < 2:
        return None
    slots = itertools.count()

    def pin() -> None:
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {cores[next(slots) % len(cores)]})  # this thread only

    return pin


def _prepare(stage: Path, folder: Path, part: Part, base: str) -> Path:
    """A folder of the part's staged pages, cut down, for Pagefind to read; returns it.

    A cut page is written flat, ``_<part>/<n>.html``, and names its real address in a
    ``url`` meta the search page links to (Pagefind's UI prefers it to the file's path):
    laid out like the site, every page needed a folder of its own, made and removed
    again for each part: on a disk mounted with online discard, removing a part's 200
    folders took 0.4-0.7 s while other work was writing (7 ms when it was not). A page
    indexed whole (a theme Pagefind must read as it is) keeps its place in the site's
    layout, hard-linked.
    """
    site = folder / "site"
    flat = site / f"_{part.name}"
    flat.mkdir(parents=True)
    for number, (path, _) in enumerate(part.pages):
        page = urls.output_file(path)
        html = (stage / page).read_bytes()
        indexed = searched_part(html, base + path)
        if indexed is None:
            (site / page).parent.mkdir(parents=True, exist_ok=True)
            os.link(stage / page, site / page)
        else:
            (flat / f"{number:04d}.html").write_bytes(indexed)
    return site


def _index_part(ready: Future[Path], folder: Path, config: Config) -> str | None:
    """Run Pagefind over the part's cut-down pages once they are ready; None when done."""
    site = ready.result()
    output = folder / "out"
    try:
        result = run_pagefind(site, output, config)
    except (OSError, subprocess.SubprocessError) as exc:
        return str(exc)
    if result.returncode != 0 or not (output / "pagefind-entry.json").is_file():
        lines = (result.stderr or result.stdout).strip().splitlines()
        return lines[-1] if lines else f"exit code {result.returncode}"
    shutil.rmtree(site, ignore_errors=True)
    return None


_BODY = re.compile(rb"<(\w+)\b[^>]*\sdata-pagefind-body[\s>=/]")
_BODY_ATTRIBUTE = b"data-pagefind-body"
_TITLE = re.compile(rb"<title>.*?</title>", re.S)


def searched_part(html: bytes, url: str) -> bytes | None:
    """What Pagefind reads of a page: its ``<title>``, its ``data-pagefind-body`` element
    and its address (``url``, from the host root) as the result's ``url`` meta.

    Pagefind indexes only that element, so a page cut down to it gives the same words,
    and Pagefind parses ~40 % less HTML. None (index the page as it is) when the
    page has no such element, more than one, a nested one of the same tag, or any other
    ``data-pagefind-`` attribute outside it (a theme's meta or filter in the head).
    """
    found = _body_element(html)
    if found is None:
        return None
    tag = found.group(1)
    start = found.start()
    end = html.find(b"</" + tag + b">", found.end())
    if end < 0:
        return None
    end += len(tag) + 3
    if html.find(b"<" + tag, start + 1, end) >= 0 and \
            re.compile(rb"<" + tag + rb"[\s>]").search(html, start + 1, end):
        return None  # a nested element of the same tag: the first end tag is not its own
    if html.find(b"data-pagefind-", 0, start) >= 0 or html.find(b"data-pagefind-", end) >= 0:
        return None
    title = _TITLE.search(html, 0, start)
    head = title.group(0) if title else b""
    # Percent-encoded, so no comma or colon can split Pagefind's "key:value, ..." list.
    meta = quote(url, safe="/").encode()
    return (b'<!doctype html>\n<html>\n<head>\n' + head + b'\n</head>\n<body>\n'
            + b'<span data-pagefind-meta="url:' + meta + b'"></span>\n'
            + html[start:end] + b'\n</body>\n</html>\n')


def _body_element(html: bytes) -> re.Match[bytes] | None:
    """``_BODY.search(html)``, tried only where it can match: at the ``<`` of a tag that
    holds the attribute's name. The search alone tried every tag of the page's head
    (~35 us a page, most of the cut's time).

    A match's tag has no ``>`` between its ``<`` and the attribute; for each place the
    name occurs, the tags that may hold it start after the ``>`` before it, and the first
    of them that matches, for the first such place, is where the search's match starts.
    """
    at = html.find(_BODY_ATTRIBUTE)
    while at >= 0:
        start = html.find(b"<", html.rfind(b">", 0, at) + 1, at)
        while start >= 0:
            found = _BODY.match(html, start)
            if found is not None:
                return found
            start = html.find(b"<", start + 1, at)
        at = html.find(_BODY_ATTRIBUTE, at + 1)
    return None


def _bundle_files(output: Path) -> list[tuple[str, bool]]:
    """(path in the bundle, whether it is runtime) for every file Pagefind wrote.

    The index proper is ``pagefind-entry.json``, the ``.pf_meta`` file and the
    ``index/``, ``fragment/`` (and ``filter/``) folders; the rest is Pagefind's
    JavaScript, CSS and WebAssembly, the same for every part.
    """
    files = []
    for path in sorted(p for p in output.rglob("*") if p.is_file()):
        rel = path.relative_to(output).as_posix()
        data = "/" in rel or rel == "pagefind-entry.json" or rel.endswith(".pf_meta")
        files.append((rel, not data))
    return files


def _move_in(writer: SiteWriter, output: Path, files: list[str], folder: str) -> list[str]:
    """Stage Pagefind's ``files`` under ``folder`` by renaming them out of the scratch folder.

    A folder the old site does not have (a first build, a new part) is moved in
    whole, a few renames for thousands of fragments; otherwise file by file,
    where, as in :meth:`SiteWriter.write`, a file with the old bytes is the old
    file, hard-linked, mtime and all. Returns the staged site paths.
    """
    target = writer.stage / folder
    paths = [folder + f for f in files]
    if folder != urls.SEARCH_BUNDLE and not (writer.final / folder).exists() \
            and not target.exists():
        target.mkdir(parents=True)
        for top in sorted({f.split("/", 1)[0] for f in files}):
            os.rename(output / top, target / top)
        for path in paths:
            writer.record(path, True)
        return paths
    for name, path in zip(files, paths, strict=True):
        writer.record(path, _move_file(writer, output / name, path))
    return paths


def _move_file(writer: SiteWriter, source: Path, path: str) -> bool:
    """Stage ``source`` at ``path``; True when it differs from the old site's file."""
    dest, old = writer.stage / path, writer.final / path
    try:
        same = old.stat().st_size == source.stat().st_size and \
            old.read_bytes() == source.read_bytes()
    except OSError:
        same = False
    dest.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        if same and os.path.samefile(old, dest):
            return False
        dest.unlink()  # maybe a hard link to the live site's file: never written into
    if same:
        os.link(old, dest)
    else:
        os.rename(source, dest)
    return not same


def _stage_primary_runtime(writer: SiteWriter, primary: str) -> None:
    """Pagefind loads its worker and WebAssembly from the primary index's folder."""
    root = writer.stage / urls.SEARCH_BUNDLE
    for path in sorted(root.iterdir()):
        if path.is_file() and path.name.startswith(PRIMARY_RUNTIME):
            writer.copy(f"{urls.SEARCH_BUNDLE}{primary}/{path.name}", path)


def _failed(reporter: Reporter, why: str) -> None:
    reporter.warning(f"search skipped: pagefind failed: {why}",
                     hint="the site is built without search; run with --verbose for details")
    return None


def page(renderer: Renderer, parts: list[str]) -> tuple[str, str]:
    """The search page: Pagefind's UI over every part, results linked under the base path;
    without parts (the index failed), a page that says search is unavailable."""
    site = urls.Site(renderer.config.base_url)
    page = renderer.page("search", urls.SEARCH, "Search",
                         f"Search every article of {renderer.config.title}.")
    return renderer.render("search.html", page, base_path=site.base_path,
                           bundle=urls.SEARCH_BUNDLE, parts=parts)
