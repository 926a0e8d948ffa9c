"""HTML ingest against trafilatura alone: body token F1 and time on extraction/dev.

Issue 3's targets: body F1 on the HTML of ``../shared/corpus/extraction/dev`` >= 0.965 and
"never worse than trafilatura alone"; time within 1.2x of trafilatura alone on the same pages.
The reference is trafilatura's own ``extract`` with comments off (the corpus README's figure).
Bodies are scored with the corpus's ``score.py`` token measure (mean per-page F1), with the
Markdown marks our body carries removed first (:func:`digest.ingest.structure.plain`).
Time is CPU time of this process (best of ``--repeat`` interleaved runs), which other load on
the machine disturbs less than wall-clock time.

    python benchmarks/html_speed.py [--shared PATH] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType

import trafilatura

from digest.ingest.html import extract_html
from digest.ingest.structure import plain

REPO = Path(__file__).resolve().parents[1]


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("DIGEST_SHARED") or REPO / ".." / "shared").resolve()


def load_score(extraction: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", extraction / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def body_text(markdown: str) -> str:
    return "\n".join(plain(line) for line in markdown.splitlines())


def reference(html: str, url: str | None) -> str:
    return trafilatura.extract(html, url=url, include_comments=False) or ""


def ours(html: str, url: str | None) -> str:
    return body_text(extract_html(html, url=url).body)


def run(shared: Path, repeat: int) -> dict[str, dict[str, float]]:
    dev = shared / "corpus" / "extraction" / "dev"
    score = load_score(dev.parent)
    pages = []
    for html_path in sorted(dev.glob("*.html")):
        gold = json.loads(html_path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        pages.append((html_path.read_text(encoding="utf-8"), gold.get("url"), gold["body"]))
    results: dict[str, dict[str, float]] = {}
    for warm in (reference, ours):
        warm(pages[0][0], pages[0][1])  # imports, caches
    runners = (("trafilatura alone", reference), ("digest extract_html", ours))
    best = {name: float("inf") for name, _ in runners}
    outputs: dict[str, list[str]] = {}
    for _ in range(repeat):  # interleaved, so a busy machine slows both alike
        for name, fn in runners:
            start = time.process_time()
            outputs[name] = [fn(html, url) for html, url, _gold in pages]
            best[name] = min(best[name], time.process_time() - start)
    for name, _ in runners:
        f1s = [
            score.prf(Counter(score.tokenize(gold)), Counter(score.tokenize(predicted)))["f1"]
            for (_html, _url, gold), predicted in zip(pages, outputs[name], strict=True)
        ]
        results[name] = {"pages": len(pages), "f1": sum(f1s) / len(f1s), "seconds": best[name]}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared folder (default: $DIGEST_SHARED or ../shared)")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs; the best is kept")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    if not (shared / "corpus" / "extraction" / "dev").is_dir():
        print(f"no corpus at {shared}/corpus/extraction/dev", file=sys.stderr)
        return 2
    results = run(shared, args.repeat)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    base = results["trafilatura alone"]["seconds"]
    print("| extractor | pages | body token F1 | seconds | time vs trafilatura |")
    print("| --- | --- | --- | --- | --- |")
    for name, r in results.items():
        print(f"| {name} | {r['pages']:.0f} | {r['f1']:.4f} | {r['seconds']:.2f} "
              f"| {r['seconds'] / base:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
