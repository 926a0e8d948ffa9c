"""What the browser tests do on one page: load it, watch the network and console, measure."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from .conftest import Served

VIEWPORTS = {
    "320-light": ({"width": 320, "height": 640}, "light"),
    "390-light": ({"width": 390, "height": 844}, "light"),
    "1280-light": ({"width": 1280, "height": 800}, "light"),
    "1280-dark": ({"width": 1280, "height": 800}, "dark"),
}
BLOCKING = ("serious", "critical")


def sample_pages(site: Path) -> dict[str, str]:
    """Site paths of the pages every run loads: home, the latest issue, a topic, an article."""
    issues = sorted(p.parent.name for p in (site / "weeks").glob("*-W*/index.html"))
    topics = sorted(p.parent.name for p in (site / "topics").glob("*/index.html"))
    articles = sorted(
        p.parent.relative_to(site).as_posix() for p in site.glob("*/*-W*/*/index.html")
        if p.parts[-4] not in ("weeks", "topics")
    )
    return {"home": "", "issue": f"weeks/{issues[-1]}/", "topic": f"topics/{topics[0]}/",
            "article": articles[len(articles) // 2] + "/"}


@dataclass
class PageReport:
    name: str
    url: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)
    overflow: tuple[int, int] | None = None  # (scrollWidth, innerWidth) when it overflows
    violations: list[dict] = field(default_factory=list)  # axe, every impact

    @property
    def blocking(self) -> list[str]:
        return [f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}"
                for v in self.violations if v["impact"] in BLOCKING]

    def problems(self) -> list[str]:
        out = [f"console: {m}" for m in self.console_errors]
        out += [f"failed request: {r}" for r in self.failed_requests]
        out += [f"request to another host: {r}" for r in self.foreign_requests]
        out += [f"broken link: {r}" for r in self.broken_links]
        out += [f"axe: {v}" for v in self.blocking]
        if self.overflow:
            out.append(f"horizontal overflow: scrollWidth {self.overflow[0]} > {self.overflow[1]}")
        return [f"{self.name} {self.url}: {p}" for p in out]


def local_file(site: Served, href: str) -> Path | None:
    """The file a same-site link points at, or None for a link to another site."""
    url, _ = urldefrag(href)
    url = url.split("?", 1)[0]
    if not url.startswith(site.url):
        return None
    rel = url[len(site.url):]
    return site.root / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


def check_page(context, site: Served, name: str, path: str, axe_source: str,
               shot: Path | None) -> PageReport:
    """Load one page in a fresh tab and report everything a reader would trip on."""
    page = context.new_page()
    report = PageReport(name, site.page_url(path))
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.url))
    page.on("console", lambda m: report.console_errors.append(m.text) if m.type == "error"
            else None)
    page.on("pageerror", lambda e: report.console_errors.append(str(e)))
    page.on("requestfailed", lambda r: report.failed_requests.append(f"{r.url} {r.failure}"))
    page.on("response", lambda r: report.failed_requests.append(f"{r.url} HTTP {r.status}")
            if r.status >= 400 else None)
    page.on("request", lambda r: report.foreign_requests.append(r.url)
            if not r.url.startswith((origin, "data:")) else None)
    page.goto(report.url, wait_until="load")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width[0] > width[1]:
        report.overflow = (width[0], width[1])
    for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
        target = local_file(site, href)
        if target is not None and not target.is_file():
            report.broken_links.append(href)
    if shot is not None:
        page.screenshot(path=str(shot), full_page=True)
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    report.violations = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]
    page.close()
    return report


def save_axe(folder: Path, label: str, reports: list[PageReport]) -> None:
    """Every axe finding (all impacts) as JSON beside the screenshots, for a person to read."""
    data = {r.url: r.violations for r in reports}
    (folder / f"axe-{label}.json").write_text(json.dumps(data, indent=1, sort_keys=True))
