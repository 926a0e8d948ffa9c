"""Story grouping: quality on the dev pages, and what it costs at ingest.

Quality: the real ``digest ingest`` (``python3 -m digest ingest``) runs on
``../shared/corpus/news/*.txt`` and ``../shared/corpus/extraction/dev/*.html`` into one
temporary project with the checkout's ``digest.yaml``; each article's ``story:`` is read from
its front matter and mapped back to its page through ``raw:``. Pages that wrote no article
(duplicates, no article found) count as singletons. The story ids are scored with
``../shared/corpus/stories/score_stories.py``.

    python3 benchmarks/stories.py                  # dev figures
    python3 benchmarks/stories.py --regroup        # ... after `digest stories` regrouped them
    python3 benchmarks/stories.py --sweep          # F1 over a range of thresholds (in-process)
    python3 benchmarks/stories.py --cost 1000      # ingest of N generated pages, with/without
    python3 benchmarks/stories.py --cost 1000 --in-order  # ... the pages in date order
    python3 benchmarks/stories.py --step 10000     # the story step alone on N articles
    python3 benchmarks/stories.py --ids 4000       # checksum of the ids it gives them

``--sweep`` calls the same ingest function in-process with the thresholds patched, so the
figures show whether the chosen ones sit on a knife edge. ``--cost`` writes N generated
articles (benchmarks/generate.py) as HTML pages and times ingest with the story step and
with it replaced by a no-op, each run in a fresh process, and reports CPU (the writer's,
and all of it with the workers), wall time and peak memory (timings on a shared machine are
noisy; CPU is the steadier figure).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import html
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus"
SCORER = "stories/score_stories.py"
GOLD = "stories/dev.json"


def pages(corpus: Path) -> list[Path]:
    """The dev pages in the order ingest is given them."""
    return sorted((corpus / "news").glob("*.txt")) + sorted(
        (corpus / "extraction" / "dev").glob("*.html"))


def page_key(path: Path) -> str:
    return f"{'news' if path.suffix == '.txt' else 'extraction'}/{path.stem}"


def ingest_cli(project: Path, inputs: list[Path]) -> None:
    """``python3 -m digest ingest`` in the project, with this checkout's code."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "digest", "ingest", "-q", *map(str, inputs)],
                   cwd=project, env=env, check=False, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)  # per-page notes; the figures are the point


def ingest_in_process(project: Path, inputs: list[Path]) -> None:
    """The same ingest function the command calls, in this process."""
    sys.path.insert(0, str(REPO))
    from digest.config import load
    from digest.ingest.pipeline import ingest
    from digest.report import Reporter

    config = load(project / "digest.yaml")
    ingest(inputs, config, Reporter(quiet=True))


def predictions(project: Path, inputs: list[Path]) -> tuple[dict[str, str], int]:
    """Page key -> story id from the articles' front matter; and how many pages wrote none."""
    sys.path.insert(0, str(REPO))
    from digest import frontmatter

    by_name = {p.name: page_key(p) for p in inputs}
    pred: dict[str, str] = {}
    for path in sorted((project / "content").rglob("*.md")):
        meta = frontmatter.parse(path.read_text(encoding="utf-8")).meta
        raw, story = meta.get("raw"), meta.get("story")
        if isinstance(raw, str) and Path(raw).name in by_name and story is not None:
            pred[by_name[Path(raw).name]] = str(story)
    return pred, len(inputs) - len(pred)


def score(corpus: Path, pred: dict[str, str], workdir: Path) -> dict:
    out = workdir / "PRED.json"
    out.write_text(json.dumps(pred, indent=1, sort_keys=True), encoding="utf-8")
    done = subprocess.run([sys.executable, str(corpus / SCORER), str(corpus / GOLD),
                           "--pred", str(out), "--json"], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


@contextlib.contextmanager
def project(config: Path) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="digest-stories-") as tmp:
        root = Path(tmp) / "site"
        root.mkdir()
        shutil.copy(config, root / "digest.yaml")
        yield root


def regroup_cli(project: Path) -> None:
    """``python3 -m digest stories`` in the project."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "digest", "stories", "-q"], cwd=project, env=env,
                   check=True, stdout=subprocess.DEVNULL)


def quality(corpus: Path, config: Path, *, in_process: bool = False,
            regroup: bool = False, keep_pred: Path | None = None) -> dict:
    """Ingest the dev pages into a fresh project (then regroup) and score the story ids."""
    inputs = pages(corpus)
    with project(config) as root:
        (ingest_in_process if in_process else ingest_cli)(root, inputs)
        if regroup:
            regroup_cli(root)
        pred, unwritten = predictions(root, inputs)
        result = score(corpus, pred, root)
        titles = _titles(root, inputs)
        if keep_pred is not None:
            shutil.copy(root / "PRED.json", keep_pred)
    result["pages_without_article"] = unwritten
    result["titles"] = {k: titles.get(k, "") for pair in result["false_merges"] +
                        result["misses"] for k in pair}
    return result


def _titles(root: Path, inputs: list[Path]) -> dict[str, str]:
    from digest import frontmatter

    by_name = {p.name: page_key(p) for p in inputs}
    out = {}
    for path in (root / "content").rglob("*.md"):
        meta = frontmatter.parse(path.read_text(encoding="utf-8")).meta
        raw = meta.get("raw")
        if isinstance(raw, str) and Path(raw).name in by_name:
            out[by_name[Path(raw).name]] = str(meta.get("title", ""))
    return out


def show(result: dict) -> str:
    def f(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    lines = [
        f"pages without an article (singletons): {result['pages_without_article']}",
        f"pairs: gold {result['gold_pairs']}, predicted {result['pred_pairs']}, "
        f"correct {result['correct_pairs']}",
        f"pairwise  P {f(result['pair_precision'])}  R {f(result['pair_recall'])}  "
        f"F1 {f(result['pair_f1'])}",
        f"B-cubed   P {f(result['bcubed_precision'])}  R {f(result['bcubed_recall'])}  "
        f"F1 {f(result['bcubed_f1'])}",
        f"cross-language recall {f(result['cross_lang_recall'])} "
        f"(over {result['cross_lang_gold_pairs']} gold pairs)",
        f"false merges ({len(result['false_merges'])}):",
    ]
    titles = result["titles"]
    for kind in ("false_merges", "misses"):
        if kind == "misses":
            lines.append(f"misses ({len(result['misses'])}):")
        for a, b in result[kind]:
            lines.append(f"  {a} {titles[a][:60]!r}\n    + {b} {titles[b][:60]!r}")
    return "\n".join(lines)


SAME_VALUES = (0.14, 0.16, 0.18, 0.20, 0.22, 0.24, 0.26, 0.28)
CROSS_VALUES = (0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20)


def sweep(corpus: Path, config: Path, name: str,
          values: tuple[float, ...]) -> list[tuple[float, dict]]:
    """Figures with one threshold (``THRESHOLD`` or ``CROSS_THRESHOLD``) set to each value,
    the other left as shipped (in-process ingest)."""
    sys.path.insert(0, str(REPO))
    from digest.grouping import assign

    saved = getattr(assign, name)
    rows = []
    try:
        for value in values:
            setattr(assign, name, value)
            rows.append((value, quality(corpus, config, in_process=True)))
    finally:
        setattr(assign, name, saved)
    return rows


def cost(n: int, config: Path, rounds: int = 2,
         in_order: bool = False) -> dict[str, dict[str, float]]:
    """Ingest of ``n`` generated HTML pages with the story step and with it a no-op.

    The pages come in random date order (the worst case: they wait for the end-of-run
    pass), or with ``in_order`` named in date order (each is grouped as it is written).

    Each round of each configuration is a fresh process (``--cost-child``), so neither
    configuration warms the other's caches or heap; rounds alternate (without, with,
    without, ...) so drift on a shared machine hits both. Returned per configuration: the
    medians of wall time, of the writer's CPU time (the ingest process: the single writer
    and the story step), of all CPU (with the worker processes that analyse the pages), and
    of peak memory (``ru_maxrss``) of the writer and of the largest worker. CPU time is the
    steadier figure when other work shares the cores.
    """
    sys.path.insert(0, str(HERE))
    import generate  # noqa: PLC0415 - a sibling script

    runs: dict[str, list[dict[str, float]]] = {"without stories": [], "with stories": []}
    with tempfile.TemporaryDirectory(prefix="digest-stories-cost-") as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        pages = [(a.date, _html(a)) for a in generate.articles(n)]
        if in_order:  # ingest's order: date, then the article id it gives (from the bytes)
            pages.sort(key=lambda p: (p[0], hashlib.sha256(p[1].encode()).hexdigest()))
        for i, (_, page) in enumerate(pages):
            (raw / f"{i:06d}.html").write_text(page, encoding="utf-8")
        for _ in range(rounds):
            for label in runs:
                flag = "--off" if label == "without stories" else "--on"
                done = subprocess.run(
                    [sys.executable, str(Path(__file__).resolve()), "--cost-child", str(raw),
                     flag, "--config", str(config)],
                    capture_output=True, text=True, check=True,
                    env={**os.environ, "PYTHONPATH": str(REPO)})
                runs[label].append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {label: {k: statistics.median(r[k] for r in values) for k in values[0]}
            for label, values in runs.items()}


def _stories_off() -> None:
    """Replace the story step with a no-op: no features, no lookups, no record, no pass."""
    from digest.grouping.ingest import IngestStories
    from digest.ingest import pipeline

    IngestStories.assign = lambda *a, **k: None
    IngestStories.add_stored = lambda *a, **k: None
    IngestStories.settle_run = lambda *a, **k: []
    IngestStories.finish = lambda *a, **k: None
    pipeline.story_keys = lambda *a: None


def cost_child(raw: Path, config: Path, stories: bool) -> dict[str, float]:
    """One timed ingest of ``raw`` into a fresh project, in this (fresh) process.

    The modules ingest loads (trafilatura among them) are imported before the clock
    starts, as the warm-up the old in-process runs did, so only the ingest is timed."""
    import resource

    sys.path.insert(0, str(REPO))
    import digest.ingest.html  # noqa: F401 - the slow import, untimed
    from digest.config import load
    from digest.ingest.pipeline import ingest
    from digest.report import Reporter

    if not stories:
        _stories_off()
    with project(config) as root:
        cfg = load(root / "digest.yaml")
        wall, cpu = time.perf_counter(), time.process_time()
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        ingest([raw], cfg, Reporter(quiet=True))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        written = sum(1 for _ in (root / "content").rglob("*.md"))
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids_cpu = (after.ru_utime + after.ru_stime) - (kids.ru_utime + kids.ru_stime)
    return {"wall": wall, "cpu": cpu, "all_cpu": cpu + kids_cpu,
            "rss_mb": me.ru_maxrss / 1024, "worker_rss_mb": after.ru_maxrss / 1024,
            "articles": written}


def story_step(n: int) -> tuple[float, float, float]:
    """CPU seconds the story step alone takes for ``n`` generated articles, in order, with
    the end-of-run pass that groups them again in date order; and the process's peak memory
    (``ru_maxrss``, MB) before the step (the generated articles held) and after it."""
    import resource

    sys.path.insert(0, str(HERE))
    import generate  # noqa: PLC0415 - a sibling script

    from digest.grouping.ingest import IngestStories

    made = list(generate.articles(n))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory(prefix="digest-stories-step-") as tmp:
        step = IngestStories(Path(tmp), "en", dry_run=True)
        start = time.process_time()
        for a in made:
            meta = {"title": a.title, "date": a.date, "lang": "en", "id": a.id}
            step.assign(meta, a.body, a.relpath)
        step.settle_run()  # the run's date-order pass, as ingest ends
        seconds = time.process_time() - start
    return seconds, before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def story_ids(n: int) -> tuple[str, int, int]:
    """The story step on ``n`` generated articles (as :func:`story_step`): a checksum of
    every id it writes, every move of the end-of-run pass and every final id; and the
    numbers of moves and of stories. A change that should not change grouping keeps it."""
    sys.path.insert(0, str(HERE))
    import generate  # noqa: PLC0415 - a sibling script

    from digest.grouping.ingest import IngestStories

    digest = hashlib.sha256()
    with tempfile.TemporaryDirectory(prefix="digest-stories-ids-") as tmp:
        step = IngestStories(Path(tmp), "en", dry_run=True)
        for a in generate.articles(n):
            meta = {"title": a.title, "date": a.date, "lang": "en", "id": a.id}
            digest.update(f"{a.id}\t{step.assign(meta, a.body, a.relpath)}\n".encode())
        moved = step.settle_run()
        for m in moved:
            digest.update(f"M\t{m.key}\t{m.relative}\t{m.old}\t{m.new}\n".encode())
        final = dict(step.index.stories())
    for key in sorted(final):
        digest.update(f"F\t{key}\t{final[key]}\n".encode())
    return digest.hexdigest()[:16], len(moved), len(set(final.values()))


def _html(article) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article.body.split("\n\n")
                         if p.strip() and not p.lstrip().startswith(("|", "-", ">")))
    return (f"<!doctype html><html><head><title>{html.escape(article.title)}</title>"
            f'<meta property="article:published_time" content="{article.date.isoformat()}">'
            f"</head><body><article><h1>{html.escape(article.title)}</h1>{paragraphs}"
            f"</article></body></html>")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--config", type=Path, default=REPO / "digest.yaml")
    ap.add_argument("--sweep", action="store_true", help="F1 over a range of thresholds")
    ap.add_argument("--cost", type=int, metavar="N", help="time ingest of N generated pages")
    ap.add_argument("--rounds", type=int, default=2, help="rounds of --cost (default 2)")
    ap.add_argument("--in-order", action="store_true",
                    help="--cost with the pages in date order (default: random order)")
    ap.add_argument("--pred", type=Path, help="also keep the scored PRED.json here")
    ap.add_argument("--regroup", action="store_true",
                    help="run 'digest stories' after the ingest, then score")
    ap.add_argument("--step", type=int, metavar="N",
                    help="time the story step alone on N generated articles")
    ap.add_argument("--ids", type=int, metavar="N",
                    help="checksum of every story id the step gives N generated articles")
    ap.add_argument("--json", action="store_true", help="print the scorer's figures as JSON")
    ap.add_argument("--cost-child", type=Path, metavar="RAW", help=argparse.SUPPRESS)
    ap.add_argument("--off", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--on", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.step or args.ids:
        sys.path.insert(0, str(REPO))
    if args.step:
        seconds, before, peak = story_step(args.step)
        print(f"story step alone, {args.step} generated articles: {seconds:.1f} CPU s "
              f"({1000 * seconds / args.step:.2f} ms per article); peak memory {peak:.0f} MB, "
              f"{peak - before:.0f} MB over the {before:.0f} MB before the step")
        return 0
    if args.ids:
        checksum, moves, count = story_ids(args.ids)
        print(f"story ids of {args.ids} generated articles: checksum {checksum} "
              f"({moves} moved at the end of the run, {count} stories)")
        return 0
    if args.cost_child:
        result = cost_child(args.cost_child, args.config, stories=not args.off)
        print(json.dumps(result))
        return 0
    if args.cost:
        times = cost(args.cost, args.config, args.rounds, args.in_order)
        off, on = times["without stories"], times["with stories"]
        rounds = f"median of {args.rounds}" if args.rounds > 1 else "1 round"
        print(f"ingest of {args.cost} generated pages ({off['articles']:.0f} / "
              f"{on['articles']:.0f} articles written), each run a fresh process, {rounds}:")
        for kind, what in (("cpu", "writer CPU"), ("all_cpu", "all CPU (with workers)"),
                           ("wall", "wall")):
            print(f"  {what}: without stories {off[kind]:.1f} s, with {on[kind]:.1f} s "
                  f"({on[kind] / off[kind]:.2f}x)")
        for kind, what in (("rss_mb", "writer peak memory"),
                           ("worker_rss_mb", "largest worker's peak memory")):
            print(f"  {what}: without stories {off[kind]:.1f} MB, with {on[kind]:.1f} MB "
                  f"({on[kind] / off[kind]:.2f}x)")
        return 0
    if args.sweep:
        for name, values in (("THRESHOLD", SAME_VALUES), ("CROSS_THRESHOLD", CROSS_VALUES)):
            print(f"{name:>15}  predicted/correct pairs  P      R      F1     cross-language")
            for value, r in sweep(args.corpus, args.config, name, values):
                print(f"{value:15.2f}  {r['pred_pairs']:9d}/{r['correct_pairs']:<13d}"
                      f"{r['pair_precision'] or 0:.3f}  {r['pair_recall']:.3f}  "
                      f"{r['pair_f1']:.3f}  {r['cross_lang_recall']:.3f}")
        return 0
    result = quality(args.corpus, args.config, regroup=args.regroup, keep_pred=args.pred)
    print(json.dumps(result, indent=1) if args.json else show(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
