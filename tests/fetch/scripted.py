"""A tiny HTTP server on 127.0.0.1 answering each path with a scripted response."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = tuple[int, dict[str, str], bytes]


class Scripted:
    def __init__(self, routes: dict[str, Answer | Callable[[dict[str, str]], Answer]]):
        self.routes = routes
        self.hits: list[tuple[float, str, dict[str, str]]] = []
        scripted = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                headers = {k.lower(): v for k, v in self.headers.items()}
                scripted.hits.append((time.monotonic(), self.path, headers))
                route = scripted.routes.get(self.path, (404, {}, b"not found"))
                status, extra, body = route(headers) if callable(route) else route
                self.send_response(status)
                for key, value in {"Content-Length": str(len(body)), **extra}.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def paths(self) -> list[str]:
        return [p for _, p, _ in self.hits]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
