"""The request handler of ``digest serve``: the built site under its base path, plus live reload.

Files are read from disk on every request (the builder swaps whole sites in
atomically, so a request sees one site or the other). HTML responses get the
live-reload script, and the build error overlay when the last build failed;
the files themselves are never changed. Caching is off: a preview must show
the latest build on a plain reload.
"""

from __future__ import annotations

import html
import json
import os
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:  # pragma: no cover
    from digest.serve import LiveState, Server

ENDPOINT = "/__digest__/"
KEEPALIVE_SECONDS = 15
OVERLAY_ID = "digest-serve-error"
OVERLAY_STYLE = (
    "position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:60vh;overflow:auto;"
    "margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#ffe9e9;border-top:4px solid #e5484d;"
    "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap"
)
SCRIPT = """<script>/* digest serve: live reload (never in built files) */
(() => {
  const seen = %(version)s, id = %(id)s, style = %(style)s;
  const show = (text) => {
    let box = document.getElementById(id);
    if (!text) { if (box) box.remove(); return; }
    if (!box) { box = document.createElement("pre"); box.id = id; document.body.append(box); }
    box.setAttribute("style", style);
    box.textContent = "digest build failed; showing the last good site\\n\\n" + text;
  };
  const events = new EventSource(%(events)s);
  events.onmessage = (event) => {
    const state = JSON.parse(event.data);
    if (state.version !== seen) { events.close(); location.reload(); return; }
    show(state.error);
  };
})();
</script>
"""


class Handler(SimpleHTTPRequestHandler):
    server: Server

    @property
    def state(self) -> LiveState:
        return self.server.state

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        self.server.reporter.debug("serve: " + format % args)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        body = self.respond()
        if body is not None:
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.respond()

    # Routing ------------------------------------------------------------------------

    def respond(self) -> bytes | None:
        """Send status and headers; return the body for GET (None when already streamed)."""
        path = unquote(urlsplit(self.path).path)
        base = self.state.base_path
        if path.startswith(ENDPOINT) or path.startswith(base + ENDPOINT[1:]):
            return self.endpoint(path.rsplit("/", 1)[-1])
        if not (path + "/").startswith(base):
            if path in ("/", "/index.html"):
                return self.redirect(base)
            return self.not_found()
        return self.site_file(path, path[len(base):])

    def site_file(self, path: str, rel: str) -> bytes | None:
        site = self.state.site
        file = Path(self.translate_path_in(site, rel))
        if file.is_dir():
            if not path.endswith("/"):
                return self.redirect(path + "/")
            file = file / "index.html"
        if not file.is_file():
            return self.not_found()
        if file.suffix == ".html":
            return self.html(file.read_bytes(), HTTPStatus.OK)
        return self.static(file)

    def translate_path_in(self, site: Path, rel: str) -> str:
        """The file for ``rel`` inside ``site``; '..' and absolute parts cannot leave it."""
        parts = [p for p in rel.split("/") if p not in ("", ".", "..")]
        return os.path.join(site, *parts)

    # Responses ----------------------------------------------------------------------

    def static(self, file: Path) -> bytes | None:
        try:
            data = file.read_bytes()
        except OSError:
            return self.not_found()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return data

    def html(self, data: bytes, status: HTTPStatus) -> bytes:
        data = inject(data, self.state.snapshot())
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return data

    def redirect(self, location: str) -> bytes:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return b""

    def not_found(self) -> bytes:
        page = self.state.site / "404.html"
        if page.is_file():
            return self.html(page.read_bytes(), HTTPStatus.NOT_FOUND)
        text = (f"<!doctype html><title>Not found</title><body><p>Not found. The digest is "
                f"served at <a href=\"{html.escape(self.state.base_path)}\">"
                f"{html.escape(self.state.base_path)}</a>.</p></body>")
        return self.html(text.encode(), HTTPStatus.NOT_FOUND)

    def endpoint(self, name: str) -> bytes | None:
        if name == "events":
            self.events()
            return None
        if name == "version":
            data = json.dumps(self.state.snapshot()).encode()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            return data
        return self.not_found()

    def events(self) -> None:
        """Server-Sent Events: the state now, then again each time it changes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "keep-alive")
        self.end_headers()
        self.close_connection = True
        state = self.state
        sent = None
        try:
            while True:
                with state.cond:
                    if state.stopping:
                        return
                    now = {"version": state.version, "error": state.error}
                    if now == sent:
                        state.cond.wait(KEEPALIVE_SECONDS)
                        now = {"version": state.version, "error": state.error}
                        if state.stopping:
                            return
                message = (f"data: {json.dumps(now)}\n\n" if now != sent else ": keepalive\n\n")
                self.wfile.write(message.encode())
                self.wfile.flush()
                sent = now
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return


def inject(page: bytes, state: dict[str, object]) -> bytes:
    """The page with the reload script (and the error overlay) before ``</body>``."""
    script = SCRIPT % {
        "version": json.dumps(state["version"]),
        "id": json.dumps(OVERLAY_ID),
        "style": json.dumps(OVERLAY_STYLE),
        "events": json.dumps(ENDPOINT + "events"),
    }
    extra = script
    if state["error"]:
        text = "digest build failed; showing the last good site\n\n" + str(state["error"])
        extra = (f'<pre id="{OVERLAY_ID}" style="{OVERLAY_STYLE}">{html.escape(text)}</pre>\n'
                 + script)
    data = extra.encode()
    at = page.lower().rfind(b"</body>")
    return page + data if at < 0 else page[:at] + data + page[at:]
