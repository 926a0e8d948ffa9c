"""Metadata on pages no rule was written for: what ``digest ingest`` makes of saved pages from
outside the corpus, scored against what each page's own HTML states.

The shared corpus is where the rules were written, so its figures are dev figures. This
benchmark takes any folder of saved HTML pages (for example the ~1,000 test pages of
trafilatura, news sites and blogs in many languages, mostly German: ``git clone
https://github.com/adbar/trafilatura`` and give it ``tests/eval`` and ``tests/cache``), makes
each a text dump the way the corpus's dumps were made (Chromium's ``document.body.innerText``,
JavaScript off, no network; the corpus dumps are byte-identical to that for 110 of 121 pages),
and ingests the dumps and the HTML through the code ``digest ingest`` runs, in a new project
holding only the example ``digest.yaml`` (no URL, no outlet list: only the raw file).

Each article is then compared with the page's own statements (silver, not gold):

* title: ``og:title``, ``<title>`` (whole, or without a leading or trailing segment) or an
  ``<h1>``, the page read in the charset it declares; a title counts when it equals one of
  them or the longest of its segments, or one holds the other and the shorter is at least
  60 % of the longer and 12 characters long (spaces before punctuation do not count). Only
  published titles are scored; the table also says how many pages were kept for review;
* date: ``article:published_time``, else JSON-LD ``datePublished``: the article's date is on
  that day (±1 for time zones), on another day (wrong), or absent (kept for review);
* outlet: ``og:site_name``, else the JSON-LD publisher's name: the same outlet (name, spelling
  or domain, as :mod:`outlets` compares; a site's name and its web address, "AUTO ZEITUNG"
  and "autozeitung.de", are one), another name (differs: wrong, or a variant such as
  "SPIEGEL ONLINE" for "Der Spiegel" or a slogan for a site name), or none;
* body, with ``--snippets`` (trafilatura's ``tests/evaldata.json``: for each page, passages
  its article holds and passages of chrome it does not): a held passage found in the body
  counts as found, a chrome passage found counts as let in; precision, recall and F1 over
  all pages, the way trafilatura scores itself on these pages (which it was tuned on).

Pages are split in two by the SHA-1 of their name (``<folder>__<stem>``): **tune** (first hex
digit 0-7), whose pages may be read to find a general cause, and **test**, whose pages are
never read; only its figures are reported as the unseen figure.

    python3 benchmarks/unseen.py DIR [DIR ...] [--dumps CACHE] [--split tune|test|all]
        [--snippets tests/evaldata.json [--reference]] [--gold-bodies DIR] [--json]
        [--list differ|outlets|titles|dates|bodies]

``--reference`` adds trafilatura's own body figures on the same HTML pages (default options).
``--gold-bodies DIR`` scores bodies against gold article texts (``DIR/<folder>__<stem>.txt``,
for example the ``expected.html`` of each of Mozilla Readability's ``test/test-pages``, as
text) with the corpus's bag-of-tokens metric: mean precision over pages with a body, mean
recall and F1 over all (a page not written scores 0). The Readability pages as one folder
and their gold texts, from a clone of github.com/mozilla/readability::

    for d in test/test-pages/*/; do cp "$d/source.html" pages/readability/$(basename "$d").html
    done
    python3 -c 'import lxml.html, pathlib
    for d in pathlib.Path("test/test-pages").iterdir():
        html = (d / "expected.html").read_bytes().decode("utf-8")  # it declares no charset
        text = lxml.html.document_fromstring(html).text_content()
        pathlib.Path(f"gold/readability__{d.name}.txt").write_text(text)'

(``lxml.html.parse`` on the file reads it as Latin-1: 83 of the 130 gold texts then come out
as mojibake, and every page with a curly quote or an accent scores low.)

The pages of the public article-extraction benchmark the corpus's ``extraction/dev`` pages
come from that the corpus does not hold (60 of its 181; github.com/scrapinghub/
article-extraction-benchmark), as one folder with their gold texts (its
``ground-truth.json`` ``articleBody``), from a clone::

    python3 -c 'import gzip, json, pathlib
    dev = {p.name[4:20] for p in pathlib.Path("../shared/corpus/extraction/dev").glob("*.html")}
    for key, gold in json.load(open("ground-truth.json")).items():
        if key[:16] not in dev:
            html = gzip.open(f"html/{key}.html.gz").read()
            pathlib.Path(f"pages/aeb/aeb_{key[:16]}.html").write_bytes(html)
            pathlib.Path(f"gold/aeb__aeb_{key[:16]}.txt").write_text(gold["articleBody"])'

These are the closest to the pages issue 16 is checked on; all 60 are scored (``--split
all``) and none is read.

News sites' article pages (US regional and national papers, wires, magazines, a few in
other languages and scripts): the test pages of the newspaper library (github.com/codelucas/
newspaper ``tests/data/html``, 157 pages, and the 16 more of its successor github.com/
AndyTheFactory/newspaper4k), leaving out its home pages, redirects and feed; their texts
(``tests/data/text``, ``tests/data/txt``) are that library's own extraction, silver rather than
gold::

    for f in tests/data/html/*.html; do n=$(basename "$f" .html)
      case $n in *main_site|*meta_refresh|sample_rss) continue;; esac
      cp "$f" pages/np/; cp "tests/data/text/$n.txt" gold/np__$n.txt 2>/dev/null; done

``--list`` (tune split only) lists the pages that disagree: outlets of another name
(``differ``) or none where the page names its site (``outlets``), titles, dates, and the
pages whose bodies score lowest (``bodies``).

``--browser lynx`` (or ``w3m``, ``links``, ``html2text``) makes the dumps the way that text
browser saves a page, wrapped at 80 columns, instead of Chromium's ``innerText``: give it a
``--dumps`` folder of its own. Rendering needs Playwright and ``/usr/bin/chromium`` (the test
extra), or the text browser's Debian package; ``--dumps`` keeps the
dumps between runs (about ten minutes for 1,000 pages).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from html import unescape
from pathlib import Path
from typing import Any

import extraction as ex
import outlets as out

from digest.ingest.decode import decode

CHROMIUM = "/usr/bin/chromium"


def page_name(path: Path) -> str:
    return f"{path.parent.name}__{path.stem}"


def split_of(name: str) -> str:
    return "tune" if int(hashlib.sha1(name.encode()).hexdigest()[0], 16) < 8 else "test"


def collect(folders: list[Path], dest: Path, split: str) -> list[Path]:
    """Copy each folder's ``*.html`` of the split into ``dest`` under its page name."""
    dest.mkdir(parents=True, exist_ok=True)
    found = []
    for folder in folders:
        for path in sorted(folder.glob("*.html")):
            name = page_name(path)
            if split in ("all", split_of(name)):
                target = dest / f"{name}.html"
                if not target.exists():
                    shutil.copyfile(path, target)
                found.append(target)
    return found


# Text browsers' dumps of a saved page, 80 columns wide, as a user would save them
TEXT_BROWSERS = {
    "lynx": ["lynx", "-dump", "-width=80", "-display_charset=utf-8", "-assume_charset=utf-8",
             "-force_html"],
    "w3m": ["w3m", "-dump", "-cols", "80", "-O", "UTF-8", "-T", "text/html"],
    "links": ["links", "-dump", "-width", "80", "-codepage", "utf-8"],
    "html2text": ["html2text", "-utf8", "-width", "79"],
}


def render(pages: list[Path], dumps: Path, browser: str = "chromium") -> None:
    """Each page's ``innerText`` as Chromium shows it, JavaScript off, every request refused;
    or, with ``browser`` one of :data:`TEXT_BROWSERS`, its dump as that text browser writes
    it (Debian's packages: ``apt-get install lynx w3m links html2text``)."""
    todo = [p for p in pages if not (dumps / f"{p.stem}.txt").exists()]
    if not todo:
        return
    dumps.mkdir(parents=True, exist_ok=True)
    if browser != "chromium":
        for path in todo:
            try:
                done = subprocess.run([*TEXT_BROWSERS[browser], str(path)], capture_output=True,
                                      timeout=60, check=True)
            except (OSError, subprocess.SubprocessError) as exc:
                print(f"not rendered: {path.name}: {str(exc)[:80]}", file=sys.stderr)
                continue
            (dumps / f"{path.stem}.txt").write_bytes(done.stdout)
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM)
        context = browser.new_context(java_script_enabled=False)
        context.route("http*://**", lambda route: route.abort())
        tab = context.new_page()
        for path in todo:
            try:
                tab.goto(path.resolve().as_uri(), timeout=20_000, wait_until="domcontentloaded")
                text = tab.evaluate("document.body ? document.body.innerText : ''")
            except Exception as exc:  # noqa: BLE001 - a page that will not render is left out
                print(f"not rendered: {path.name}: {str(exc)[:80]}", file=sys.stderr)
                continue
            (dumps / f"{path.stem}.txt").write_text(text, encoding="utf-8")
        browser.close()


_SITE = re.compile(r"""\bproperty\s*=\s*["']og:site_name["']""", re.I)
_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]{0,2000}?"name"\s*:\s*"([^"]{2,80})"')
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)


def site_name(html: str) -> str | None:
    """The name the page gives its site: ``og:site_name``, else the JSON-LD publisher's."""
    head = html[:300_000]
    for meta in ex._META.finditer(head):
        content = ex._CONTENT.search(meta.group(0)) if _SITE.search(meta.group(0)) else None
        if content:
            name = " ".join(unescape(content.group(1) or content.group(2) or "").split())
            if name:
                return name
    found = _PUBLISHER.search(head)
    return found.group(1) if found else None


def silver_titles(html: str) -> set[str]:
    """The extraction benchmark's headlines of the page, and its first three ``<h1>``."""
    h1 = {ex.fold(unescape(re.sub(r"<[^>]*>", " ", m))) for m in _H1.findall(html[:500_000])[:3]}
    return (ex.silver_titles(html) | h1) - {""}


def read_page(path: Path) -> str:
    """The saved page as its own charset declares it: a Polish or Chinese page read as UTF-8
    would state a garbled headline, and no title could agree with it."""
    return decode(path.read_bytes()).text


_SPACED = re.compile(r"\s+(?=[:;,!?])")


def title_agrees(title: Any, silver: set[str]) -> bool:
    """Our title is the page's own: equal to a silver title (or its longest segment, the
    part a ``<title>`` keeps beside section and site names), or one holds the other and the
    shorter is long and most of the longer. Spaces before punctuation do not count."""
    ours = _SPACED.sub("", ex.fold(title))
    if not ours:
        return False
    for theirs in {_SPACED.sub("", t) for t in silver}:
        if ours == max(ex._SEPARATOR.split(theirs), key=len):
            return True
        short, long_ = sorted((ours, theirs), key=len)
        if ours == theirs or (len(short) >= 12 and short in long_
                              and len(short) >= 0.6 * len(long_)):
            return True
    return False


def load_snippets(path: Path | None) -> dict[str, dict[str, list[str]]]:
    """Passages by page file name (``evaldata.json`` is keyed by URL, each with its file)."""
    if path is None:
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in data.values()}


def passages(body: str, wanted: dict[str, list[str]] | None) -> dict[str, int]:
    """How many of the page's article passages the body holds, and how many chrome ones."""
    if not wanted:
        return {}
    text = " ".join(ex.plain_body(body).split())
    held = [" ".join(t.split()) in text for t in wanted.get("with", [])]
    chrome = [" ".join(t.split()) in text for t in wanted.get("without", [])]
    return {"tp": sum(held), "fn": len(held) - sum(held),
            "fp": sum(chrome), "tn": len(chrome) - sum(chrome)}


def score(kind: str, pages: list[ex.Page], html_dir: Path,
          snippets: dict[str, dict[str, list[str]]],
          gold: dict[str, str] | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as work:
        articles = ex.ingest_pages(pages, Path(work))
    rows = []
    for page in pages:
        html = read_page(html_dir / f"{page.name}.html")
        art = articles.get(page.name)
        meta = art.meta if art else {}
        silver = silver_titles(html)
        rows.append({
            "name": page.name, "written": art is not None, "review": bool(art and art.review),
            "title": meta.get("title"), "silver_titles": sorted(silver),
            "title_ok": bool(art) and title_agrees(meta.get("title"), silver),
            "date": ex.shown_date(art) if art else None, "stamp": ex.silver_date(html),
            "source": meta.get("source"), "site": site_name(html),
            "passages": passages(art.body if art else "",
                                 snippets.get(page.name.split("__", 1)[-1] + ".html")),
            "gold": (token_scores(art.body if art else "", gold[page.name])
                     if gold and page.name in gold else None),
        })
    return {"kind": kind, "pages": len(pages), "figures": figures(rows), "rows": rows}


def load_gold(folder: Path | None) -> dict[str, str]:
    """Gold article texts by page name (``<folder>__<stem>.txt``), for ``--gold-bodies``."""
    if folder is None:
        return {}
    return {path.stem: path.read_text(encoding="utf-8") for path in folder.glob("*.txt")}


_TOKEN = re.compile(r"\w+")


def token_scores(body: str, gold: str) -> tuple[float | None, float, float]:
    """Precision, recall and F1 of the body's words against the gold text's, as bags of
    lowercased ``\\w+`` tokens (the corpus's ``score.py`` "tokens" metric): precision is
    None for an empty body, whose recall and F1 are 0."""
    ours, theirs = (Counter(_TOKEN.findall(t.lower())) for t in (body, gold))
    if not ours or not theirs:
        return (None, 0.0, 0.0) if theirs else (None, 1.0, 1.0)
    hits = sum((ours & theirs).values())
    precision, recall = hits / sum(ours.values()), hits / sum(theirs.values())
    return precision, recall, 2 * precision * recall / ((precision + recall) or 1)


def gold_line(res: dict[str, Any]) -> str | None:
    """Mean P (pages with a body), R and F1 (all pages with a gold text) against gold texts."""
    scored = [r["gold"] for r in res["rows"] if r["gold"] is not None]
    if not scored:
        return None
    with_body = [p for p, _, _ in scored if p is not None]
    mean_p = sum(with_body) / (len(with_body) or 1)
    mean_r = sum(r for _, r, _ in scored) / len(scored)
    mean_f = sum(f for _, _, f in scored) / len(scored)
    written = [r["gold"][2] for r in res["rows"] if r["gold"] is not None and r["written"]]
    return (f"{res['kind']}: body against the gold texts (tokens) P / R / F1 "
            f"{mean_p:.3f} / {mean_r:.3f} / {mean_f:.3f} ({len(scored)} pages; "
            f"{len(scored) - len(written)} with no article written score 0; F1 over the "
            f"{len(written)} written: {sum(written) / (len(written) or 1):.3f})")


def passage_scores(rows: list[dict[str, Any]]) -> tuple[float, float, float]:
    """Precision, recall and F1 over every page's passages, pooled as trafilatura pools them."""
    counts = {k: sum(r["passages"].get(k, 0) for r in rows) for k in ("tp", "fn", "fp")}
    precision = counts["tp"] / ((counts["tp"] + counts["fp"]) or 1)
    recall = counts["tp"] / ((counts["tp"] + counts["fn"]) or 1)
    return precision, recall, 2 * precision * recall / ((precision + recall) or 1)


def figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    written = [r for r in rows if r["written"]]
    published = [r for r in written if not r["review"]]
    titled = [r for r in published if r["silver_titles"]]
    stamped = [r for r in written if r["stamp"]]
    dated = [r for r in stamped if r["date"]]
    day_ok = sum(ex.same_day(r["date"], r["stamp"]) for r in dated)
    named = [r for r in written if r["site"]]
    agree = sum(out.same_name(r["source"], r["site"]) for r in named)
    none = sum(not r["source"] for r in named)
    precision, recall, f1 = passage_scores(rows)
    return {
        "body_precision": precision, "body_recall": recall, "body_f1": f1,
        "body_pages": sum(bool(r["passages"]) for r in rows),
        "written": len(written), "review": len(written) - len(published),
        "title_ok": sum(r["title_ok"] for r in titled), "titled": len(titled),
        "date_ok": day_ok, "date_wrong": len(dated) - day_ok,
        "date_review": len(stamped) - len(dated), "stamped": len(stamped),
        "outlet_agree": agree, "outlet_differ": len(named) - agree - none,
        "outlet_none": none, "named": len(named),
    }


def table(results: list[dict[str, Any]], split: str) -> str:
    lines = [f"`python3 benchmarks/unseen.py` ({split} split)", "",
             "| pages | written (kept for review) | published title = the page's own "
             "| date on the HTML stamp's day; wrong; review | outlet = og:site_name; "
             "differs; none | body P / R / F1 (pages) |", "| --- | --- | --- | --- | --- | --- |"]
    for res in results:
        f = res["figures"]
        lines.append(
            f"| {res['kind']} ({res['pages']}) | {f['written']} ({f['review']}) "
            f"| {f['title_ok']} of {f['titled']} "
            f"| {f['date_ok']} of {f['stamped']}; {f['date_wrong']}; {f['date_review']} "
            f"| {f['outlet_agree']} of {f['named']}; {f['outlet_differ']}; "
            f"{f['outlet_none']} | {passages_cell(f)} |")
    return "\n".join(lines)


def passages_cell(f: dict[str, Any]) -> str:
    if not f["body_pages"]:
        return "n/a (no --snippets)"
    return (f"{f['body_precision']:.3f} / {f['body_recall']:.3f} / {f['body_f1']:.3f} "
            f"({f['body_pages']})")


def listing(results: list[dict[str, Any]], what: str) -> str:
    rows = []
    for res in results:
        for r in res["rows"]:
            if not r["written"]:
                continue
            if what == "differ" and r["site"] and r["source"] and not out.same_name(
                    r["source"], r["site"]):
                rows.append(f"{res['kind']} {r['name']}: {r['source']!r} / site {r['site']!r}")
            elif what == "outlets" and r["site"] and not r["source"]:
                rows.append(f"{res['kind']} {r['name']}: none / site {r['site']!r}")
            elif what == "titles" and not r["review"] and r["silver_titles"] \
                    and not r["title_ok"]:
                rows.append(f"{res['kind']} {r['name']}: {r['title']!r} / "
                            f"{sorted(r['silver_titles'])[:2]}")
            elif what == "dates" and r["stamp"] and r["date"] \
                    and not ex.same_day(r["date"], r["stamp"]):
                rows.append(f"{res['kind']} {r['name']}: {r['date']} / stamp {r['stamp']}")
        if what == "bodies":
            rows.extend(_body_rows(res))
    return "\n".join(rows)


def _body_rows(res: dict[str, Any]) -> list[str]:
    """The pages whose body scores lowest: against gold texts (P, R, F1), else the chrome
    passages let in and the article's passages missed."""
    scored = []
    for r in res["rows"]:
        if r["gold"] is not None:
            p, rec, f1 = r["gold"]
            scored.append((f1, f"P {p if p is None else round(p, 3)} R {rec:.3f} F1 {f1:.3f}",
                           r["name"]))
        elif r["passages"]:
            fp, fn = r["passages"].get("fp", 0), r["passages"].get("fn", 0)
            scored.append((-(fp + fn), f"chrome in {fp}, missed {fn}", r["name"]))
    return [f"{res['kind']} {name}: {text}" for _, text, name in sorted(scored)[:40]]


def reference(pages: list[Path], snippets: dict[str, dict[str, list[str]]]) -> str:
    """trafilatura's body figures on the same HTML pages, its passages counted the same way."""
    import trafilatura

    rows = []
    for path in pages:
        text = trafilatura.extract(read_page(path)) or ""
        wanted = snippets.get(path.stem.split("__", 1)[-1] + ".html")
        rows.append({"passages": passages(_as_markdown(text), wanted)})
    precision, recall, f1 = passage_scores(rows)
    return f"trafilatura on the HTML: body P / R / F1 {precision:.3f} / {recall:.3f} / {f1:.3f}"


def _as_markdown(text: str) -> str:
    """trafilatura's text with its lines as paragraphs, as :func:`passages` reads a body."""
    return "\n\n".join(line for line in text.splitlines() if line.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of saved *.html pages")
    parser.add_argument("--dumps", type=Path, help="keep the pages and dumps here")
    parser.add_argument("--browser", choices=("chromium", *TEXT_BROWSERS), default="chromium",
                        help="make the dumps with Chromium's innerText (default) or a text "
                             "browser's dump, wrapped at 80 columns (keep them apart: --dumps)")
    parser.add_argument("--split", choices=("tune", "test", "all"), default="test")
    parser.add_argument("--snippets", type=Path, help="trafilatura's tests/evaldata.json")
    parser.add_argument("--gold-bodies", type=Path,
                        help="a folder of gold article texts, <folder>__<stem>.txt")
    parser.add_argument("--reference", action="store_true",
                        help="with --snippets: trafilatura's body figures on the same HTML")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--list", choices=("differ", "outlets", "titles", "dates", "bodies"),
                        help="list the tune split's pages that disagree (never the test's)")
    args = parser.parse_args(argv)
    if args.list and args.split != "tune":
        parser.error("--list reads pages: only with --split tune")
    keep = args.dumps or Path(tempfile.mkdtemp(prefix="digest-unseen-"))
    html_dir, dump_dir = keep / "html", keep / "txt"
    pages = collect(args.folders, html_dir, args.split)
    render(pages, dump_dir, args.browser)
    snippets = load_snippets(args.snippets)
    gold = load_gold(args.gold_bodies)
    results = []
    for kind, folder, suffix in (("text dumps", dump_dir, ".txt"), ("HTML", html_dir, ".html")):
        items = [ex.Page(p.stem, folder / f"{p.stem}{suffix}", {}) for p in pages
                 if (folder / f"{p.stem}{suffix}").exists()]
        results.append(score(kind, items, html_dir, snippets, gold))
    if args.json:
        print(json.dumps([{k: v for k, v in r.items() if k != "rows"} for r in results]))
    else:
        print(table(results, args.split))
        for line in filter(None, map(gold_line, results)):
            print(line)
    if args.reference and snippets:
        print(reference(pages, snippets))
    if args.list:
        print(listing(results, args.list))
    if not args.dumps:
        shutil.rmtree(keep, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
