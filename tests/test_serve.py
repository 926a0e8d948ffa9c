"""``digest serve`` driven for real: a subprocess on a free port, HTTP requests, file edits."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from digest.report import Reporter
from digest.scaffold import scaffold

ARTICLE = """\
---
title: {title}
date: 2023-08-16T09:27:00+00:00
topic: general
id: urn:digest:0000000000000001
---
The body of the article.
"""
WAIT = 30.0  # generous: a slow CI machine must not fail these tests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def wait_for(what: str, check: Callable[[], bool], log: Path) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}; serve log:\n{log.read_text()}")


class Served:
    def __init__(self, root: Path, port: int, log: Path, process: subprocess.Popen):
        self.root, self.port, self.log, self.process = root, port, log, process
        self.base = f"http://127.0.0.1:{port}/mydigest/"
        self.article = root / "content/general/2023-W33/hello.md"
        self.page = self.base + "general/2023-W33/hello/"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    root = tmp_path / "mydigest"
    scaffold(root, Reporter(quiet=True), example=False)
    article = root / "content/general/2023-W33/hello.md"
    article.parent.mkdir(parents=True)
    article.write_text(ARTICLE.format(title="First title"), encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", "from digest.cli import main; main()", "serve",
             "--port", str(port)],
            cwd=root, stdout=out, stderr=subprocess.STDOUT,
        )
    s = Served(root, port, log, process)
    try:
        wait_for("the first page", lambda: get(s.page)[0] == 200, log)
        yield s
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


class EventStream:
    """Reads Server-Sent Events in a thread and keeps every data payload."""

    def __init__(self, port: int):
        self.events: list[dict] = []
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
        self.conn.request("GET", "/__digest__/events")
        self.response = self.conn.getresponse()
        assert self.response.getheader("Content-Type") == "text/event-stream"
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            for line in self.response:
                if line.startswith(b"data: "):
                    self.events.append(json.loads(line[6:]))
        except (OSError, ValueError):
            return


def test_serves_under_the_base_path_and_redirects_the_root(served: Served) -> None:
    status, home = get(served.base)
    assert status == 200
    assert "EventSource" in home  # the live-reload script, injected in serve mode
    assert f'href="http://127.0.0.1:{served.port}/mydigest/' in home  # canonical, feeds: local
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=5)
    conn.request("GET", "/")
    assert conn.getresponse().getheader("Location") == "/mydigest/"
    status, _ = get(served.base + "no/such/page/")
    assert status == 404
    status, css = get(served.base + "static/style.css")
    assert status == 200 and "EventSource" not in css


def test_edit_reloads_and_a_broken_file_keeps_the_last_good_site(served: Served) -> None:
    stream = EventStream(served.port)
    wait_for("the first event", lambda: len(stream.events) >= 1, served.log)
    first = stream.events[0]["version"]

    served.article.write_text(ARTICLE.format(title="Second title"), encoding="utf-8")
    wait_for("the new title", lambda: "Second title" in get(served.page)[1], served.log)
    wait_for("a reload event", lambda: stream.events[-1]["version"] != first, served.log)
    assert stream.events[-1]["error"] is None

    served.article.write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")

    def has_error() -> bool:
        return json.loads(get(served.base + "__digest__/version")[1])["error"] is not None

    wait_for("the build error", has_error, served.log)
    wait_for("the error event", lambda: stream.events[-1]["error"] is not None, served.log)
    assert "hello.md" in stream.events[-1]["error"]
    status, page = get(served.page)
    assert status == 200 and "Second title" in page  # the last good site is still served
    assert 'id="digest-serve-error"' in page and "hello.md" in page
    assert "hello.md" in served.log.read_text()  # and the terminal shows it too

    built = (served.root / "site/general/2023-W33/hello/index.html").read_text()
    assert "__digest__" not in built and "EventSource" not in built  # files stay clean


def test_ctrl_c_stops_cleanly(served: Served) -> None:
    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(timeout=WAIT) == 0
    log = served.log.read_text()
    assert "stopped" in log and "Traceback" not in log
