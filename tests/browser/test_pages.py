"""Home, an issue, a topic and an article, in Debian's chromium at a phone and a desktop size.

Each page must load with no console error, no failed request, nothing from
another host, no broken same-site link, no horizontal scrolling at 390 px, and
zero serious or critical axe-core violations, in light and dark. Screenshots
and axe's full findings go to test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import pytest

from .pages import VIEWPORTS, check_page, sample_pages, save_axe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("mode", sorted(VIEWPORTS))
@pytest.mark.parametrize("which", ["example_site", "generated_site"])
def test_pages_read_well(request, browser, axe_source, screenshots, which, mode):
    site = request.getfixturevalue(which)
    viewport, scheme = VIEWPORTS[mode]
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    reports = []
    try:
        for name, path in sample_pages(site.root).items():
            shot = screenshots / f"{site.name}-{name}-{mode}.png"
            reports.append(check_page(context, site, name, path, axe_source, shot))
    finally:
        context.close()
    save_axe(screenshots, f"{site.name}-{mode}", reports)
    problems = [p for r in reports for p in r.problems()]
    assert problems == []
