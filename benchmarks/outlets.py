"""Outlet accuracy as a user meets it: the real ``digest ingest`` on raw pages, then front matter.

For each set of pages (``news/*.txt``; ``extraction/dev/*.txt``; ``extraction/dev/*.html``) a
fresh project is made in a temporary folder with the checkout's example ``digest.yaml``, the
raw files are copied into its ``raw/`` (with their modification times), and
``python3 -m digest ingest --json raw/`` runs in it as a subprocess. Nothing but the raw file
reaches ingest: no gold URL, no outlet list. Each written article's ``source:`` (also of the
articles kept undated in ``content/_review/``) is then compared with the expected outlet:

* ``news/``: the gold ``outlet``;
* ``extraction/dev/``: its gold has only the page ``url``, so the expected outlet is the
  registry outlet serving that URL's host (for scoring only; ingest never sees the URL). Pages
  whose host the registry does not know are counted apart: for them the table says how many
  were given a registry outlet anyway (an agency's copy, a parent company, a wrong guess).

For the text dumps of hosts the registry does not know there is no gold outlet, so a silver
figure stands in: the outlet ingest finds on the same page's HTML (its ``og:site_name``,
JSON-LD publisher, ``<title>`` tail or footer, else its host). Each such dump's outlet
*agrees* with it, *differs* from it (a wrong name, worse than none) or is *none*; pages whose
HTML names nothing are counted apart. The HTML's name is itself a guess (a Hearst paper's
page of AP copy says "AP"), hence silver.

Two names are the same outlet when they are equal (case and punctuation aside) or resolve to
the same registry outlet (by name, spelling or domain; "5-tv.ru (Channel Five)" resolves
through "5-tv.ru"). A page ingest skipped or failed counts as wrong.

    python3 benchmarks/outlets.py [--shared PATH] [--code PATH] [--json] [--per-page]

``--code`` runs another checkout's ``digest`` (e.g. ``/work/main``) on the same pages, to
compare before and after; scoring always uses this checkout's registry.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from digest.ingest import outlets  # noqa: E402

REG = outlets.registry()


def norm(name: str | None) -> str:
    text = unicodedata.normalize("NFKC", name or "").casefold()
    return " ".join(re.findall(r"\w+", text))


def resolve(name: str | None) -> str | None:
    """The registry outlet a printed name stands for, or None."""
    if not name:
        return None
    for text in (name, re.sub(r"\s*\(.*\)\s*$", "", name), *re.findall(r"\(([^)]+)\)", name)):
        found = REG.exactly(text) or REG.for_host(text.strip())
        if found:
            return found.name
    return None


def same_outlet(pred: str | None, gold: str | None) -> bool:
    if not pred or not gold:
        return False
    if norm(pred) == norm(gold):
        return True
    a, b = resolve(pred), resolve(gold)
    return a is not None and a == b


def ingest(files: list[Path], code: Path, work: Path) -> dict[str, dict[str, Any]]:
    """Run the real CLI on copies of ``files``; front matter per raw file name."""
    shutil.copy2(REPO / "digest.yaml", work / "digest.yaml")
    raw = work / "raw"
    raw.mkdir()
    for f in files:
        shutil.copy2(f, raw / f.name)
    env = {**os.environ, "PYTHONPATH": str(code)}
    run = subprocess.run([sys.executable, "-m", "digest", "ingest", "--json", "raw/"], cwd=work,
                         env=env, capture_output=True, text=True, check=False)
    report = json.loads(run.stdout)
    out: dict[str, dict[str, Any]] = {}
    for item in report["files"]:
        name = Path(item["file"]).name
        if item.get("status") in ("written", "review") and item.get("article"):
            text = (work / item["article"]).read_text(encoding="utf-8")
            out[name] = yaml.safe_load(text.split("---", 2)[1]) or {}
            out[name]["_status"] = item["status"]
        else:
            out[name] = {"_status": item.get("status"), "_reason": item.get("reason")}
    return out


def expected(gold: dict[str, Any]) -> str | None:
    if gold.get("outlet"):
        return gold["outlet"]
    found = REG.for_url(gold.get("url"))
    return found.name if found else None


def score(folder: Path, ext: str, code: Path) -> dict[str, Any]:
    pages = sorted(p for p in folder.glob(f"*{ext}") if p.with_name(
        p.name.removesuffix(ext) + ".gold.json").exists())
    with tempfile.TemporaryDirectory() as tmp:
        meta = ingest(pages, code, Path(tmp))
    rows = []
    for page in pages:
        gold = json.loads(page.with_name(page.name.removesuffix(ext) + ".gold.json")
                          .read_text(encoding="utf-8"))
        want = expected(gold)
        got = meta.get(page.name, {})
        rows.append({"page": page.name, "expected": want, "got": got.get("source"),
                     "status": got.get("_status", "written"),
                     "ok": same_outlet(got.get("source"), want)})
    known = [r for r in rows if r["expected"]]
    unknown = [r for r in rows if not r["expected"]]
    return {"pages": len(rows), "scored": len(known), "not_in_registry": len(unknown),
            "unregistered_given_known": sum(resolve(r["got"]) is not None for r in unknown),
            "correct": sum(r["ok"] for r in known),
            "accuracy": round(sum(r["ok"] for r in known) / max(1, len(known)), 3), "rows": rows}


_ENDINGS = frozenset(("com", "net", "org", "co", "uk", "ru", "ua", "br", "de", "at", "ch", "fr",
                      "it", "es", "pl", "ar", "info", "news"))


def silver_key(name: str | None) -> str:
    """A name as the silver figures compare it: case, punctuation, spaces, a leading "The"
    and a web address's "www." and endings aside ("The Detroit News" = "detroitnews",
    "Snopes.com" = "Snopes", "autozeitung.de" = "AUTO ZEITUNG")."""
    words = norm(name).split()
    if words and words[0] == "the":
        words = words[1:]
    dotted = "." in (name or "")
    if dotted and len(words) > 1 and words[0] == "www":
        words = words[1:]
    while dotted and len(words) > 1 and words[-1] in _ENDINGS:
        words = words[:-1]
    return "".join(words)


def same_name(pred: str | None, gold: str | None) -> bool:
    """Whether two printed names are one outlet's: :func:`same_outlet`, or the same
    :func:`silver_key` (a site's name and its web address)."""
    return bool(pred and gold) and (same_outlet(pred, gold)
                                     or silver_key(pred) == silver_key(gold))


def silver(dumps: dict[str, Any], pages: dict[str, Any]) -> dict[str, Any]:
    """The dumps of unknown hosts against the outlet found on the same page's HTML."""
    html = {r["page"].removesuffix(".html"): r["got"] for r in pages["rows"]}
    out: dict[str, Any] = {"agree": 0, "differ": 0, "none": 0, "html_names_nothing": 0,
                           "rows": []}
    for r in dumps["rows"]:
        if r["expected"]:
            continue
        ref = html.get(r["page"].removesuffix(".txt"))
        if not ref:
            verdict = "html_names_nothing"
        elif not r["got"]:
            verdict = "none"
        elif same_name(r["got"], ref):
            verdict = "agree"
        else:
            verdict = "differ"
        out[verdict] += 1
        out["rows"].append({"page": r["page"], "got": r["got"], "html": ref,
                            "verdict": verdict})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.environ.get("DIGEST_SHARED") or REPO / ".." / "shared")
    ap.add_argument("--code", default=str(REPO), help="checkout whose digest runs ingest")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--per-page", action="store_true")
    args = ap.parse_args()
    corpus = Path(args.shared).resolve() / "corpus"
    code = Path(args.code).resolve()
    sets = {"news dumps (news/*.txt)": (corpus / "news", ".txt"),
            "extraction text dumps (dev/*.txt)": (corpus / "extraction" / "dev", ".txt"),
            "extraction HTML (dev/*.html)": (corpus / "extraction" / "dev", ".html")}
    results: dict[str, Any] = {label: score(folder, ext, code)
                               for label, (folder, ext) in sets.items()}
    dumps, pages = (results[k] for k in list(sets)[1:])
    results["silver"] = silver(dumps, pages)
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        return
    lines = ["| pages | outlet right | host not in the registry | of those, given a registry "
             "outlet |", "| --- | --- | --- | --- |"]
    for label, r in list(results.items())[:3]:
        lines.append(f"| {label} | {r['correct']} of {r['scored']} ({r['accuracy']:.0%}) "
                     f"| {r['not_in_registry']} | {r['unregistered_given_known']} |")
    s = results["silver"]
    lines.append(f"\nsilver, text dumps of unknown hosts vs the same page's HTML: agree "
                 f"{s['agree']}, differ {s['differ']}, none {s['none']} "
                 f"(HTML names nothing: {s['html_names_nothing']})")
    if args.per_page:
        lines.append("")
        lines += [f"  {x['verdict']:<6.6} {x['page']}: dump {x['got']!r}, HTML {x['html']!r}"
                  for x in s["rows"]]
        for label, r in list(results.items())[:3]:
            lines.append(f"\n{label}")
            lines += [f"  {'ok ' if x['ok'] else 'BAD' if x['expected'] else '-- '} {x['page']}: "
                      f"expected {x['expected']!r}, got {x['got']!r} ({x['status']})"
                      for x in r["rows"]]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
