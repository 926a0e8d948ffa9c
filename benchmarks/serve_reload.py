"""How long from saving an article to ``digest serve`` serving the changed page.

Starts ``digest serve`` on a free port in PROJECT (any digest, e.g. one made by
``benchmarks/generate.py``), then edits one article's title ROUNDS times and
polls its page every 20 ms until the new title is served. Prints each round's
latency and the median. The file is restored afterwards.

    python benchmarks/serve_reload.py PROJECT [--rounds 5]
"""

from __future__ import annotations

import argparse
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest import config as config_mod  # noqa: E402
from digest import content  # noqa: E402


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read().decode()
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, text: str, timeout: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if text in fetch(url):
            return time.monotonic() - start
        time.sleep(0.02)
    raise SystemExit(f"timed out after {timeout} s waiting for {text!r} at {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    root = args.project.resolve()
    config = config_mod.load(root / "digest.yaml")
    file = Path(content.find_files(root / config.content_dir)[0])
    original = file.read_text(encoding="utf-8")
    title_line = next(line for line in original.splitlines() if line.startswith("title:"))
    rel = file.relative_to(root / config.content_dir).with_suffix("")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = urllib.parse.urlsplit(config.base_url).path
    page = f"http://127.0.0.1:{port}{base}{rel.as_posix()}/"
    proc = subprocess.Popen([sys.executable, "-c", "from digest.cli import main; main()",
                             "serve", "--port", str(port), "-q"], cwd=root)
    latencies = []
    try:
        startup = wait_for(page, "<html", 600)
        print(f"first build and serve: {startup:.2f} s ({page})")
        for i in range(args.rounds):
            marker = f"Reload probe {i} {time.time_ns()}"
            file.write_text(original.replace(title_line, f"title: {marker}", 1), encoding="utf-8")
            latencies.append(wait_for(page, marker, 120))
            print(f"round {i + 1}: {latencies[-1]:.3f} s")
    finally:
        file.write_text(original, encoding="utf-8")
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    print(f"median edit-to-served latency: {statistics.median(latencies):.3f} s "
          f"over {len(latencies)} rounds")


if __name__ == "__main__":
    main()
