"""Time to first search results in a browser, on a built site, with this search.js or another.

Serves SITE (a digest built with ``--base-url http://127.0.0.1:PORT/digest/``) under
``/digest/`` on PORT, with LATENCY ms added to every request (a network round trip:
on 127.0.0.1 it is ~0 and loading one part after another costs almost nothing), and
opens ``search/?q=QUERY`` in Debian's chromium (Playwright) ROUNDS times, each in a
fresh context (nothing cached). For each round: the time from navigation to the first
result link, and Pagefind's message ("N results for ..."), the same for both scripts
when the merged results are the same. ``--js REF`` serves the theme's search.js as git
REF has it instead of the site's (the search page is the site's), round by round
alternating with the site's own, for a before/after.

    python benchmarks/search_load.py SITE --port 8717 --query harbour \\
        [--latency 40] [--rounds 5] [--js main]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import subprocess
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEARCH_JS = "digest/themes/default/static/search.js"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".json": "application/json", ".js": "text/javascript"}
    latency = 0.0
    scripts: dict[str, bytes] = {}  # "/<label>/digest/static/search.js" -> bytes

    def translate_path(self, path: str) -> str:
        label, _, rest = path.lstrip("/").partition("/")
        return super().translate_path("/" + rest.removeprefix("digest/"))

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        time.sleep(self.latency)
        path = self.path.split("?")[0]
        label = path.lstrip("/").partition("/")[0]
        if path.endswith("/static/search.js") and label in self.scripts:
            body = self.scripts[label]
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's name
        pass


def first_results(browser, url: str) -> tuple[float, str]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=60_000)
    elapsed = page.evaluate("performance.now()")
    message = page.text_content(".pagefind-ui__message") or ""
    context.close()
    return elapsed, message.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, required=True, help="the port of its base URL")
    parser.add_argument("--query", required=True)
    parser.add_argument("--latency", type=float, default=0.0, help="ms added to each request")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--js", help="a git ref whose search.js to compare with the site's")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    Handler.latency = args.latency / 1000
    labels = ["site"]
    if args.js:
        Handler.scripts = {args.js: subprocess.run(
            ["git", "show", f"{args.js}:{SEARCH_JS}"], cwd=REPO, check=True,
            capture_output=True).stdout}
        labels.append(args.js)
    handler = functools.partial(Handler, directory=str(args.site.resolve()))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    # The site's pages use /digest/...; the label is the first path segment, so every
    # script is served from /<label>/digest/ (paths in the page are relative).
    times: dict[str, list[float]] = {label: [] for label in labels}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--no-sandbox", "--disable-gpu"])
            for n in range(args.rounds):
                for label in labels if n % 2 == 0 else labels[::-1]:
                    url = (f"http://127.0.0.1:{args.port}/{label}/digest/search/"
                           f"?q={args.query}")
                    elapsed, message = first_results(browser, url)
                    times[label].append(elapsed)
                    print(f"round {n + 1} {label:>8}: {elapsed:7.0f} ms  {message}",
                          flush=True)
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    for label, values in times.items():
        print(f"{label:>8}: median {statistics.median(values):.0f} ms to the first results "
              f"({args.rounds} rounds, {args.latency:g} ms a request)")


if __name__ == "__main__":
    main()
