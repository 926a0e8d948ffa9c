"""Script in every field of an article must come out of ``digest build`` as inert text.

Articles carry the payloads in the title, summary, tags, author, outlet,
attribution, source_url, unknown front matter keys and the Markdown body; the
config carries them in the digest's title, description and topic titles. The
build must succeed, every page must parse without a foreign element, event
handler or script URL, and every feed must parse (bozo == 0) with its HTML
fields just as clean once decoded.
"""

from __future__ import annotations

import datetime as dt
import json

import feedparser
import pytest

from digest import frontmatter

from . import payloads as p
from .conftest import CONFIG
from .scan import scan_html, scan_site

KYIV = dt.timezone(dt.timedelta(hours=3))


def _article(sandbox, slug: str, title: str, day: int = 16, **meta) -> None:
    data = {"title": title, "date": dt.datetime(2023, 8, day, 9, 27, tzinfo=KYIV),
            "topic": "war", "id": f"urn:digest:{slug}", **meta}
    sandbox.write(f"content/war/2023-W33/{slug}.md", frontmatter.dump(data, p.markdown_body()))


def _plant(sandbox) -> None:
    config = CONFIG.replace("title: Hostile Digest", f"title: {json.dumps(p.ALL_IN_ONE)}")
    config = config.replace("title: War", f"title: {json.dumps(p.SCRIPT_TAG)}")
    config = config.replace("description: Inputs that try to break things.",
                            f"description: {json.dumps(p.QUOTE_BREAK)}")
    sandbox.write("digest.yaml", config)
    for i, payload in enumerate(p.MARKUP):
        _article(sandbox, f"markup-{i}", payload, summary=payload, tags=[payload, "ok"],
                 author=payload, source=payload, attribution=payload,
                 source_url=f"https://news.example/a?q={payload}&x=\"'>",
                 extra_key=payload, lang="en\"><x")
    _article(sandbox, "everything", p.ALL_IN_ONE, day=17, summary=p.ALL_IN_ONE,
             tags=list(p.MARKUP), attribution=p.ALL_IN_ONE + p.XML_INVALID)
    _article(sandbox, "controls", "Title " + p.XML_INVALID + p.ZERO_WIDTH + p.BIDI, day=18,
             summary="Summary " + p.XML_INVALID, tags=["t" + p.XML_INVALID],
             author="A" + p.XML_INVALID, source="S" + p.BIDI)
    # Hand-written YAML, as an editor would type it: '---' and ': ' inside quoted titles.
    sandbox.write("content/war/2023-W33/hand-written.md",
                  "---\ntitle: \"--- Talks: no result --- <b>bold</b>\"\n"
                  "date: 2023-08-19T10:00:00+03:00\ntopic: war\n"
                  f"summary: '{p.IMG_ONERROR}'\n"
                  "slug: ../../../outside/escaped\n"
                  "---\n---\n\nA body after a thematic break.\n")


def test_payloads_build_into_inert_text(sandbox, theme_baseline):
    _plant(sandbox)
    sandbox.mark()
    result = sandbox.build()
    assert result.exit_code == 0, result.output
    findings, files = scan_site(sandbox.site, theme_baseline)
    assert files > 10
    assert findings == []
    assert sandbox.changes_outside("proj/site", "proj/.site.spare", "proj/.digest.lock",
                                    "proj/.digest-cache") == []
    # the payload is still there, as text the reader can see
    page = (sandbox.site / "war/2023-W33/markup-0/index.html").read_text(encoding="utf-8")
    assert "&lt;scr" + "ipt&gt;" in page


def test_feeds_parse_and_keep_titles_readable(sandbox):
    _plant(sandbox)
    assert sandbox.build().exit_code == 0
    for name in ("feed.xml", "atom.xml", "topics/war/feed.xml", "weeks/feed.xml"):
        parsed = feedparser.parse((sandbox.site / name).read_bytes())
        assert parsed.bozo == 0, (name, parsed.get("bozo_exception"))
        assert parsed.entries
    parsed = feedparser.parse((sandbox.site / "feed.xml").read_bytes())
    titles = [e.title for e in parsed.entries]
    assert any(t.startswith("Title ") for t in titles)  # control characters dropped, not the item
    assert any("Talks: no result" in t for t in titles)


@pytest.mark.parametrize("payload", p.MARKUP)
def test_scanner_sees_each_payload_when_unescaped(payload):
    """The check above is only worth something if the scanner catches live payloads."""
    contexts = (f"<p>{payload}</p>", f"<a title='{payload}'>x</a>", f'<a title="{payload}">x</a>')
    assert any(scan_html(page, "probe") for page in contexts)
