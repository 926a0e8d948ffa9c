"""sitemap.xml and robots.txt.

robots.txt is only read at a host's root; on a GitHub Pages project site
(``/repo/``) it is informational, but it is cheap and right on a custom domain.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from digest import urls


def sitemap(entries: list[tuple[str, dt.datetime | None]], site: urls.Site) -> bytes:
    """``entries``: (site path, last modification or None), written in the given order."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    # escape() replaces character by character, so the base is escaped once; a site path
    # is made of slugs, and one with nothing to escape is written as it is.
    base = escape(site.absolute(""), quote=False)
    for path, modified in entries:
        if "&" in path or "<" in path or ">" in path:
            path = escape(path, quote=False)
        if modified:
            lines.append(f"  <url><loc>{base}{path}</loc><lastmod>{modified.isoformat()}"
                         "</lastmod></url>")
        else:
            lines.append(f"  <url><loc>{base}{path}</loc></url>")
    lines += ["</urlset>", ""]
    return "\n".join(lines).encode()


def robots(site: urls.Site) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site.absolute(urls.SITEMAP)}\n".encode()
