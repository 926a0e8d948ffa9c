"""Extraction benchmark: the text-dump cleaner (and the HTML extractor) on the shared corpus.

Runs over ``../shared/corpus/news/`` (dumps with title/date/outlet/attribution labels)
and ``../shared/corpus/extraction/dev/`` (dumps and HTML with gold bodies), writes
predictions to a temporary folder, scores bodies with the corpus's own ``score.py``
(mean per-page token F1) and metadata here, times the cleaner, runs trafilatura on
the same input for reference, and prints a Markdown table like issue 3's targets.

    python benchmarks/extraction.py [--shared PATH] [--json]

The corpus folder is ``$DIGEST_SHARED`` or ``<repo>/../shared``. Per-outlet chrome is
learned leave-one-out (from the *other* pages of the same outlet), as a later ingest
would use what earlier ones learned.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from digest.config import Config, Source
from digest.ingest import chrome as chrome_mod
from digest.ingest.metadata import outlet_from_url
from digest.ingest.model import Extraction
from digest.ingest.structure import plain
from digest.ingest.textdump import extract_text

REPO = Path(__file__).resolve().parents[1]

# The sources a digest about Ukraine would list in its digest.yaml.
SOURCES = (
    Source("European Pravda", ("Європейська правда", "Европейская правда"), "Europe/Kyiv"),
    Source("Ukrainska Pravda", ("Українська правда", "Украинская правда", "UP"), "Europe/Kyiv",
           ("pravda.com.ua",)),
    Source("Kyiv Independent", ("The Kyiv Independent",), None, ("kyivindependent.com",)),
    Source("Kyiv Post", (), None, ("kyivpost.com",)),
    Source("Interfax-Ukraine", ("ІНТЕРФАКС-УКРАЇНА", "Інтерфакс-Україна", "ИНТЕРФАКС-УКРАИНА"),
           None, ("interfax.com.ua",)),
    Source("Reuters", (), None, ("reuters.com",)),
    Source("Xinhua", ("Xinhua News Agency",), None, ("xinhuanet.com",)),
    Source("BBC News", ("BBC",), None, ("bbc.com", "bbc.co.uk")),
    Source("Ukrinform", (), None, ("ukrinform.net", "ukrinform.ua")),
    Source("LIGA.net", ("LIGA", "ЛІГА.net"), None, ("liga.net",)),
    Source("Novinite", (), None, ("novinite.com",)),
    Source("UrduPoint", (), None, ("urdupoint.com",)),
    Source("Euromaidan Press", (), None, ("euromaidanpress.com",)),
    Source("Radio Free Europe/Radio Liberty", ("RFE/RL",), None, ("rferl.org",)),
    Source("5-tv.ru (Channel Five)", ("Пятый канал",), None, ("5-tv.ru",)),
    Source("NSN (Национальная служба новостей)", ("НСН",), None, ("nsn.fm",)),
    Source("Censor.NET", ("Цензор.НЕТ",), None, ("censor.net",)),
    Source("TASS", ("ТАСС",), None, ("tass.com", "tass.ru")),
)
CONFIG = Config(timezone="Europe/Kyiv", sources=SOURCES)


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("DIGEST_SHARED") or REPO / ".." / "shared").resolve()


def load_score(corpus: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", corpus / "extraction" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages(folder: Path, ext: str = ".txt") -> list[tuple[str, str, dict[str, Any]]]:
    """(name, page text, gold) for every page with a gold file."""
    out = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        page = folder / (name + ext)
        if page.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            out.append((name, page.read_text(encoding="utf-8", errors="replace"), gold))
    return out


def plain_body(markdown: str) -> str:
    return "\n\n".join(plain(p) for p in markdown.split("\n\n") if p.strip())


Items = list[tuple[str, str, dict[str, Any]]]


def chrome_models(items: Items) -> dict[str, chrome_mod.ChromeModel]:
    """Leave-one-out chrome models: for each page, learned from the outlet's other pages."""
    keyed = [(name, outlet_from_url(gold.get("url"), CONFIG) or "", text)
             for name, text, gold in items]
    return {
        name: chrome_mod.learn((o, t) for n, o, t in keyed if n != name and o == outlet)
        for name, outlet, _ in keyed
    }


def run_dumps(items: list[tuple[str, str, dict[str, Any]]], out: Path,
              learn: bool = True) -> dict[str, Extraction]:
    models = chrome_models(items) if learn else {}
    results = {}
    out.mkdir(parents=True, exist_ok=True)
    for name, text, gold in items:
        ex = extract_text(text, url=gold.get("url"), config=CONFIG, chrome=models.get(name))
        results[name] = ex
        write_prediction(out, name, plain_body(ex.body), ex.title,
                         ex.date.isoformat() if ex.date else None)
    return results


def write_prediction(out: Path, name: str, body: str, title: str | None,
                     date: str | None) -> None:
    (out / f"{name}.txt").write_text(body, encoding="utf-8")
    meta = {"title": title, "date": date}
    (out / f"{name}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def run_external(items: list[tuple[str, str, dict[str, Any]]], out: Path,
                 fn: Callable[[str, str | None], str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text, gold in items:
        write_prediction(out, name, fn(text, gold.get("url")), None, None)


def trafilatura_html(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


def dump_as_html(text: str) -> str:
    from html import escape

    paras = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<html><body>{paras}</body></html>"


def trafilatura_text(text: str, url: str | None) -> str:
    return trafilatura_html(dump_as_html(text), url)


def html_extractor() -> Callable[[str, str | None], str] | None:
    try:
        from digest.ingest.html import extract_html  # type: ignore[attr-defined]
    except ImportError:
        return None
    return lambda html, url: plain_body(extract_html(html, url=url, config=CONFIG).body)


def norm(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").casefold().split())


def date_ok(pred: Extraction, gold: str) -> bool:
    """Gold with an offset must match to the minute with that offset; gold without an
    offset is compared as shown on the page (wall-clock time); a date-only gold by day."""
    if pred.date is None:
        return False
    if len(gold) <= 10:
        return pred.date.date().isoformat() == gold
    shown = pred.date.isoformat()
    if gold[19:]:  # carries an offset
        return shown[:16] == gold[:16] and shown[19:] == gold[19:]
    return shown[:16] == gold[:16]


def metadata_scores(items: list[tuple[str, str, dict[str, Any]]],
                    results: dict[str, Extraction]) -> dict[str, float]:
    n = len(items)
    title = sum(norm(results[k].title) == norm(g.get("title")) for k, _, g in items) / n
    timed = [(k, g) for k, _, g in items if g.get("date") and len(g["date"]) > 10]
    dated = [(k, g) for k, _, g in items if g.get("date")]
    date_time = sum(date_ok(results[k], g["date"]) for k, g in timed) / max(1, len(timed))
    date_any = sum(date_ok(results[k], g["date"]) for k, g in dated) / max(1, len(dated))
    outlet = sum(norm(results[k].outlet) == norm(g.get("outlet")) for k, _, g in items) / n
    attrib = sum(norm(results[k].attribution) == norm(g.get("attribution"))
                 for k, _, g in items) / n
    return {"title": title, "date_time": date_time, "date": date_any, "outlet": outlet,
            "attribution": attrib, "timed_pages": len(timed), "dated_pages": len(dated)}


def speed(items: list[tuple[str, str, dict[str, Any]]], fn: Callable[[str, str | None], object],
          min_seconds: float = 1.0) -> float:
    """Pages per CPU second on one core (repeats the set until ``min_seconds`` have passed).

    CPU time rather than wall time, so that other work on the machine does not count."""
    done, start = 0, time.process_time()
    while True:
        for _, text, gold in items:
            fn(text, gold.get("url"))
        done += len(items)
        elapsed = time.process_time() - start
        if elapsed >= min_seconds:
            return done / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared folder (default: ../shared)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--per-page", action="store_true", help="also list per-page F1")
    parser.add_argument("--no-reference", action="store_true", help="skip trafilatura runs")
    args = parser.parse_args(argv)
    corpus = shared_dir(args.shared) / "corpus"
    if not corpus.exists():
        print(f"corpus not found at {corpus}", file=sys.stderr)
        return 2
    figures = measure(corpus, args.per_page, not args.no_reference)
    print(json.dumps(figures, indent=2) if args.json else table(figures))
    return 0


def measure(corpus: Path, per_page: bool = False, reference: bool = True) -> dict[str, Any]:
    score = load_score(corpus)
    news_dir, dev_dir = corpus / "news", corpus / "extraction" / "dev"
    news, dev = pages(news_dir), pages(dev_dir)
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        results = run_dumps(news, root / "news")
        figures["news"] = score.score_dirs(news_dir, root / "news")["mean"]["tokens"]
        figures["news_meta"] = metadata_scores(news, results)
        run_dumps(dev, root / "dev", learn=False)
        dev_scores = score.score_dirs(dev_dir, root / "dev")
        figures["dev"] = dev_scores["mean"]["tokens"]
        if per_page:
            figures["dev_pages"] = {k: round(v["tokens"]["f1"], 3)
                                    for k, v in dev_scores["per_page"].items()}
            news_pages = score.score_dirs(news_dir, root / "news")["per_page"]
            figures["news_pages"] = {k: round(v["tokens"]["f1"], 3)
                                     for k, v in news_pages.items()}
        html_items = pages(dev_dir, ".html")
        own_html = html_extractor()
        if own_html:
            run_external(html_items, root / "own_html", own_html)
            figures["dev_html"] = score.score_dirs(dev_dir, root / "own_html")["mean"]["tokens"]
        if reference:
            run_external(dev, root / "traf_txt", trafilatura_text)
            figures["traf_dev_txt"] = score.score_dirs(dev_dir, root / "traf_txt")["mean"]["tokens"]
            run_external(news, root / "traf_news", trafilatura_text)
            figures["traf_news"] = score.score_dirs(news_dir, root / "traf_news")["mean"]["tokens"]
            run_external(html_items, root / "traf_html", trafilatura_html)
            figures["traf_dev_html"] = score.score_dirs(dev_dir,
                                                        root / "traf_html")["mean"]["tokens"]
            figures["traf_html_pps"] = speed(html_items[:30], trafilatura_html)
            if own_html:
                figures["own_html_pps"] = speed(html_items[:30], own_html)
    figures["dump_pps"] = speed(dev + news, lambda t, u: extract_text(t, url=u, config=CONFIG))
    return figures


def table(f: dict[str, Any]) -> str:
    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{100 * x:.0f} %"

    def f1(key: str) -> str:
        return f"{f[key]['f1']:.3f}" if key in f else "n/a"

    meta = f["news_meta"]
    rows = [
        ("body F1, text dumps, extraction/dev", ">= 0.90", f1("dev"), f1("traf_dev_txt")),
        ("body F1, HTML, extraction/dev", ">= 0.965", f1("dev_html"), f1("traf_dev_html")),
        ("body F1, news/", ">= 0.95", f1("news"), f1("traf_news")),
        ("title exact (news/)", ">= 95 %", pct(meta["title"]), ""),
        (f"date+time+offset (news/, {meta['timed_pages']} pages with a time)", ">= 90 %",
         pct(meta["date_time"]), ""),
        (f"date, any precision (news/, {meta['dated_pages']} dated pages)", "", pct(meta["date"]),
         ""),
        ("outlet (news/)", ">= 90 %", pct(meta["outlet"]), ""),
        ("attribution (news/)", ">= 90 %", pct(meta["attribution"]), ""),
        ("speed, text dumps (pages/s, one core)", ">= 200", f"{f['dump_pps']:.0f}", ""),
    ]
    if "traf_html_pps" in f:
        own = f"{f['own_html_pps']:.0f}" if "own_html_pps" in f else "n/a"
        rows.append(("speed, HTML (pages/s)", "within 1.2x of trafilatura", own,
                     f"{f['traf_html_pps']:.0f}"))
    lines = ["| what | target | digest | trafilatura |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    for key in ("dev_pages", "news_pages"):
        if key in f:
            worst = sorted(f[key].items(), key=lambda kv: kv[1])[:15]
            lines.append(f"\nworst {key}: " + ", ".join(f"{k} {v}" for k, v in worst))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
