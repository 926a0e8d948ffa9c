"""``digest serve``: build, serve under the base path, rebuild on change, reload open tabs.

Three threads share one :class:`LiveState`:

- the main thread runs the HTTP server (``ThreadingHTTPServer``, one thread
  per request) and stops everything on Ctrl-C;
- a watcher thread (:mod:`watchfiles`) queues changes to content/, raw/,
  themes/ and the config file;
- a builder thread coalesces queued changes and runs the ordinary
  :func:`digest.build.build` into the output folder. The build swaps the
  finished site in atomically, so the server always reads either the old
  site or the new one, and a failed build leaves the last good site served.

Pages are served as built; only in the HTTP response is a small script
injected that listens on ``/__digest__/events`` (Server-Sent Events) and
reloads the tab when a build succeeds, or shows the build error as an overlay.
Nothing of it is ever written to disk. The site is built with base_url
``http://host:port/<path>/`` (the configured URL's path kept), so feeds and
canonical links point at the local server and every link exercises the same
subpath that GitHub Pages will serve.
"""

from __future__ import annotations

import queue
import signal
import socket
import threading
import time
import traceback
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import watchfiles

from digest import config as config_mod
from digest.build import build
from digest.report import DigestError, Problem, Reporter
from digest.serve_http import Handler

POLL_SECONDS = 0.5  # how often the builder checks for watched folders appearing or vanishing


@dataclass
class LiveState:
    """What the server shows: the site folder, the build's version and its error, if any."""

    site: Path
    base_path: str
    version: str = ""
    error: str | None = None
    stopping: bool = False
    builds: int = 0
    cond: threading.Condition = field(default_factory=threading.Condition)

    def snapshot(self) -> dict[str, object]:
        with self.cond:
            return {"version": self.version, "error": self.error}

    def publish(self, *, error: str | None, site: Path | None = None,
                base_path: str | None = None) -> None:
        """A build finished: a new version on success, the error (old site kept) on failure."""
        with self.cond:
            if error is None:
                self.builds += 1
                self.version = f"{int(time.time())}-{self.builds}"
                self.site = site or self.site
                self.base_path = base_path or self.base_path
            self.error = error
            self.cond.notify_all()

    def stop(self) -> None:
        with self.cond:
            self.stopping = True
            self.cond.notify_all()


class Server(ThreadingHTTPServer):
    daemon_threads = True  # open event streams must not keep the process alive on Ctrl-C
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], state: LiveState, reporter: Reporter):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.state = state
        self.reporter = reporter
        super().__init__(address, Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser closing a connection mid-response is normal; anything else is logged."""
        self.reporter.debug(f"request from {client_address} failed:\n{traceback.format_exc()}")


def url_host(host: str) -> str:
    if host in ("", "0.0.0.0", "::"):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


class Session:
    """One ``digest serve`` run: the config location, the server's URL and the live state."""

    def __init__(self, config_path: Path, reporter: Reporter, *, drafts: bool, search: bool):
        self.config_path = config_path
        self.reporter = reporter
        self.drafts = drafts
        self.search = search
        self.origin = ""
        self.state = LiveState(Path("site"), "/")
        self.changes: queue.Queue[set[tuple[watchfiles.Change, str]]] = queue.Queue()
        self.stop_event = threading.Event()
        self.round_event = threading.Event()
        self.root = config_path.parent

    # Building ---------------------------------------------------------------------

    def rebuild(self) -> bool:
        """Build once; publish the result. Returns whether the build succeeded."""
        started = time.monotonic()
        reporter = Reporter(quiet=self.reporter.quiet, verbose=self.reporter.verbose,
                            stream=self.reporter.stream)
        try:
            base_path = _base_path(self.config_path, strict=True)
            overrides: dict[str, object] = {"base_url": self.origin + base_path}
            if not self.search:
                overrides["search"] = False  # a cold first index costs seconds
            config = config_mod.load(self.config_path, overrides)
            result = build(config, reporter, drafts=self.drafts)
        except DigestError as exc:
            shown = set(map(id, reporter.problems))
            for p in exc.problems:
                if id(p) not in shown:
                    reporter.add(p)
            errors = reporter.errors or exc.problems
            self.reporter.info(f"build failed; still serving the last good site ({self.url})")
            self.state.publish(error="\n".join(str(p) for p in errors))
            return False
        except Exception as exc:  # a bug must not take the preview down with it
            message = f"internal error while building: {type(exc).__name__}: {exc}"
            reporter.add(Problem("error", message, hint="please report it; run with --verbose"))
            if self.reporter.verbose:
                traceback.print_exc()
            self.state.publish(error=message)
            return False
        self.state.publish(error=None, site=result.out, base_path=config.base_url[
            len(self.origin):] or "/")
        reporter.debug(f"build took {time.monotonic() - started:.2f} s")
        return True

    @property
    def url(self) -> str:
        return self.origin + self.state.base_path

    # Watching ---------------------------------------------------------------------

    def watched(self) -> list[Path]:
        """The inputs of a build that exist right now."""
        try:
            config = config_mod.load(self.config_path)
            folders = [config.content_dir, config.raw_dir, "themes"]
        except DigestError:
            folders = ["content", "raw", "themes"]
        paths = [self.root / f for f in folders] + [self.config_path]
        return [p for p in paths if p.exists()]

    def signature(self) -> tuple[object, ...]:
        """Changes the watcher may miss: folders appearing, the config file being replaced."""
        try:
            stat = self.config_path.stat()
            config = (stat.st_ino, stat.st_mtime_ns)
        except OSError:
            config = None
        return (tuple(self.watched()), config)

    def watch(self) -> None:
        """Watcher thread: queue every batch of changes until stopped."""
        while not self.stop_event.is_set():
            self.round_event.clear()
            paths = self.watched()
            if not paths:
                self.round_event.wait(POLL_SECONDS)
                continue
            for changes in watchfiles.watch(*paths, stop_event=self.round_event, step=50,
                                            raise_interrupt=False, rust_timeout=1000,
                                            ignore_permission_denied=True):
                self.changes.put(changes)

    def build_loop(self) -> None:
        """Builder thread: one build per burst of changes."""
        seen = self.signature()
        while not self.stop_event.is_set():
            try:
                changes = self.changes.get(timeout=POLL_SECONDS)
            except queue.Empty:
                now = self.signature()
                if now == seen:
                    continue
                seen, changes = now, set()
                self.round_event.set()  # let the watcher pick up the new set of paths
            while not self.changes.empty():
                changes |= self.changes.get_nowait()
            if self.stop_event.is_set():
                return
            self.reporter.info(f"changed: {self._describe(changes)}; rebuilding")
            self.rebuild()
            seen = self.signature()

    def _describe(self, changes: set[tuple[watchfiles.Change, str]]) -> str:
        names = sorted({_relative(Path(p), self.root) for _, p in changes})
        if not names:
            return "the project's folders"
        return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")

    def stop(self) -> None:
        self.stop_event.set()
        self.round_event.set()
        self.state.stop()


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _base_path(config_path: Path, *, strict: bool = False) -> str:
    """The configured base URL's path (``/repo/``); ``/`` while the config cannot load."""
    try:
        return urlsplit(config_mod.load(config_path).base_url).path or "/"
    except DigestError:
        if strict:
            raise
        return "/"


def _sigterm(signum: int, frame: object) -> None:
    """SIGINT and SIGTERM both end ``serve_forever`` the way Ctrl-C does."""
    raise KeyboardInterrupt


def serve(config_path: Path, reporter: Reporter, *, host: str = "127.0.0.1", port: int = 8000,
          drafts: bool = False, search: bool = False) -> None:
    """Serve until Ctrl-C (or SIGTERM); returns normally after a clean stop.

    The search index is left out unless ``search``: the first build indexes every part of
    the archive (tens of seconds at 10,000 articles); after that a save re-indexes only the
    part of the archive it touched.
    """
    session = Session(config_path, reporter, drafts=drafts, search=search)
    try:
        server = Server((host, port), session.state, reporter)
    except OSError as exc:
        raise DigestError([Problem(
            "error", f"cannot listen on {host}:{port}: {exc.strerror}",
            hint="another server may use this port; try --port 8001 (or --port 0 for any)",
        )]) from None
    session.origin = f"http://{url_host(host)}:{server.server_address[1]}"
    session.state.base_path = _base_path(config_path)
    # Both stop the server, even where the shell started it with SIGINT ignored (`&`).
    previous = {sig: signal.signal(sig, _sigterm) for sig in (signal.SIGINT, signal.SIGTERM)}
    threads = [threading.Thread(target=session.watch, name="digest-watch", daemon=True),
               threading.Thread(target=session.build_loop, name="digest-build", daemon=True)]
    try:
        session.rebuild()
        for t in threads:
            t.start()
        reporter.info(f"serving {session.url} (Ctrl-C to stop); watching content/, raw/, "
                      f"themes/ and {config_path.name}")
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        pass
    finally:
        session.stop()
        server.server_close()
        for t in threads:
            if t.is_alive():
                t.join(timeout=10)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    reporter.info("stopped")
