"""HTML pages: trafilatura finds the article, then the same metadata and structure steps as dumps.

trafilatura is a well-kept extractor with a public benchmark record; on this project's dev
set its precision mode scores best (see benchmarks/html_speed.py), so it runs with
``favor_precision``, tables kept and comments dropped. What it does not give is turned into
the project's conventions here:

- the date with its time and offset, read from the page's own machine-readable stamps
  (``article:published_time``, JSON-LD ``datePublished``, ``<time datetime>``); a stamp
  without an offset, or trafilatura's bare date, is placed in the outlet's timezone; else
  a date in the URL; else the dateline printed near the headline, found among the page's
  visible lines by the rule that dates text dumps (:func:`printed_dateline`);
- the outlet: a known outlet (digest.yaml ``sources`` or the shipped registry) by the page's
  URL, canonical link, site name, JSON-LD publisher, title tail or copyright notice (see
  :mod:`digest.ingest.outlets`), else the declared site name;
- the ``Source:`` / ``Джерело:`` / ``Источник:`` line moves to ``attribution``;
- the outlet's labels (``Quote:``, ``Background``, ``•``) become Markdown via
  :mod:`digest.ingest.structure`, exactly as for text dumps.

The body is trafilatura's text read back block by block (a heading or a list item is a
paragraph of its own, underline and raised text lose their HTML tags), then checked against
the page's own tree (:mod:`digest.ingest.layout`: the rest of an article the page cuts into
chunks, link cards and hidden text), and cleared of picture credits and of the page's
notices and pitches to the reader, with the phrases the text dump cleaner knows.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Callable
from html import unescape as _unescape
from typing import Any

import lxml.etree
import lxml.html
import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from digest.config import Config
from digest.ingest import dates, galleries, headline, layout, metadata, outlets, region, structure
from digest.ingest.chrome import is_chrome_phrase
from digest.ingest.dumplines import is_barrier, to_lines
from digest.ingest.lang import detect
from digest.ingest.layout import article_paragraphs
from digest.ingest.linemarks import classify
from digest.ingest.model import Extraction
from digest.ingest.title import ATTRIBUTION_RE

_STAMP_META = re.compile(
    r"""<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*["']"""
    r"""(?:article:published_time|og:article:published_time|datePublished|pubdate|publishdate"""
    r"""|publish[-_]date|date|dc\.date(?:\.issued)?|dcterms\.created|sailthru\.date)["'][^>]*>""",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"""\bcontent\s*=\s*["']([^"']{8,40})["']""", re.IGNORECASE)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_TIME_TAG = re.compile(r"""<time\b[^>]*?\bdatetime\s*=\s*["']([^"']{8,40})["']""", re.IGNORECASE)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_MARKDOWN_MARK = re.compile(r"^(?:#{1,6}\s+|[-*+]\s+|>\s?)")
_HEADING_MARK = re.compile(r"^#{1,6}\s+")


def extract_html(html: str, *, url: str | None = None, config: Config | None = None,
                 outlet: str | None = None) -> Extraction:
    """Extract one article from an HTML page; never raises on any input. ``outlet``: the
    one the page's saver named (see :mod:`digest.ingest.pages`)."""
    config = config or Config()
    try:
        return _extract(html, url, config, outlet)
    except Exception as exc:  # noqa: BLE001 - a hostile page must not stop an ingest run
        return Extraction(body="", source_url=url, warnings=[f"HTML extraction failed: {exc!r}"])


def _extract(html: str, url: str | None, config: Config, given: str | None) -> Extraction:
    head = read_head(html)
    url = url or _web_url(head.get("url"))
    # trafilatura's own metadata pass (htmldate, author heuristics) costs more than the
    # extraction itself; the page's meta tags give the same fields at a fraction of it.
    # One parse serves trafilatura (it works on a copy) and the reading of the page's layout
    # afterwards (:mod:`digest.ingest.layout`).
    tree = load_html(html)
    doc = _article(tree, url, precise=True)
    if _word_count(doc) < _SHORT:
        # Precision mode now and then drops the article itself (kept in an unusual container)
        # and leaves a notice or two; the balanced mode finding several times more text means
        # the article was there.
        wider = _article(tree, url, precise=False)
        if _word_count(wider) >= _WIDER * max(1, _word_count(doc)):
            doc = wider
    if doc is None or not (doc.text or "").strip():
        return Extraction(body="", source_url=url, warnings=["no article text found"])
    ex = Extraction(body="", title=_clean(head.get("title")), source_url=url)
    ex.author = _clean(head.get("author"))
    paragraphs = _paragraphs(doc.text, ex.title)
    paragraphs = _without_galleries(article_paragraphs(tree, paragraphs, stated_body(html)))
    paragraphs = _without_chrome(_without_pictures(paragraphs))
    paragraphs = _without_boxes(_without_stamp_lead(paragraphs))
    paragraphs = _without_author_box(paragraphs, ex.author)
    _outlet(ex, html, head, paragraphs, config, given)
    paragraphs = _take_attribution(paragraphs, ex)
    ex.body = structure.to_markdown(paragraphs)
    ex.summary = metadata.summary(paragraphs) or _clean(head.get("description"))
    ex.lang = _language(head.get("lang"), doc.text)
    ex.tags = _tags(head.get("tags", "").split("\n"))
    _set_date(ex, html, url, config, lambda: printed_dateline(tree, html, ex.title, paragraphs))
    return ex


_SHORT = 100  # words: below this, precision mode may have lost the article
_WIDER = 3  # ... and the balanced mode's text must be this many times longer to be taken


def _article(tree: HtmlElement | None, url: str | None, *, precise: bool) -> Any:
    if tree is None:
        return None
    return trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        favor_precision=precise,
    )


def _word_count(doc: Any) -> int:
    return len((doc.text or "").split()) if doc is not None else 0


_HEAD_KEYS = {
    "og:title": "title", "twitter:title": "title", "og:site_name": "site",
    "application-name": "app", "author": "author", "article:author": "author",
    "description": "description", "og:description": "description", "og:url": "url",
}


def _web_url(value: str | None) -> str | None:
    """An http(s) URL from the page's own meta tags, or None: a scraped page may claim
    ``javascript:...`` as its og:url, and source_url is written into links on the site."""
    if value and value.startswith(("http://", "https://")) and " " not in value:
        return value
    return None


def read_head(html: str) -> dict[str, str]:
    """Title, site name, author, description, URL, language and tags from the page's meta tags.

    ``og:title`` is preferred (sites put the bare headline there); else the first ``<h1>``,
    else ``<title>`` without its " | Site" tail. Only the ``<head>`` is parsed here: trafilatura
    parses the whole page once more anyway, and a second full parse would cost 5-10 %.
    """
    end = html.find("</head>")
    if end < 0:
        end = html.find("</HEAD>")
    try:
        tree = lxml.html.document_fromstring(html[: end + 7 if end >= 0 else 200_000])
    except (ValueError, lxml.etree.ParserError):
        return {}
    found: dict[str, str] = {}
    tags: list[str] = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        value = " ".join((meta.get("content") or "").split())
        if not value:
            continue
        if key in ("article:tag", "news_keywords", "keywords"):
            tags.extend(t.strip() for t in value.split(",") if key != "article:tag" or t)
        elif key in _HEAD_KEYS:
            found.setdefault(_HEAD_KEYS[key], value)
    app = found.pop("app", None)
    if app and "site" not in found:  # second to og:site_name: some pages put their title there
        found["site"] = app
    found["title"] = page_headline(found.get("title"), _h1(html), _first_text(tree, "title"),
                                   found.get("site"), found.get("url"))
    found["tags"] = "\n".join(tags)
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        found["lang"] = lang
    return {k: v for k, v in found.items() if v}


def _h1(html: str) -> str:
    m = _H1.search(html)
    if not m:
        return ""
    return " ".join(_unescape(re.sub(r"<[^>]*>", " ", m.group(1))).split())


def _first_text(tree: HtmlElement, tag: str) -> str:
    for element in tree.iter(tag):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return ""


_SEPARATOR = re.compile(r"(\s+(?:[|–—»·-]|::)\s+)")


def page_headline(og_title: str | None, h1: str, title_tag: str, site: str | None,
                  url: str | None) -> str:
    """The headline the page shows: its ``<h1>`` when ``og:title`` or ``<title>`` agree
    with it, else ``og:title`` (then ``<title>``) without the site's name.

    Sites append or prepend their name ("… | WIRED", "Opinion | …"); the ``<h1>`` is
    what a reader sees, but some pages put their logo or a section in the first ``<h1>``,
    so it counts only when the page's own title tags confirm it."""
    h1 = h1 if len(h1.split()) >= 2 and len(h1) <= 250 and not _is_site(h1, site, url) else ""
    og = _strip_site(og_title, site, url) if og_title else ""
    bare = [t for t in (og, _strip_site(title_tag, site, url) if title_tag else "") if t]
    if h1 and any(_contains(t, h1) for t in bare):
        return h1
    return og or h1 or next(iter(bare), "")


def _strip_site(title: str, site: str | None, url: str | None) -> str:
    """The title without leading or trailing segments that name the site."""
    pieces = _SEPARATOR.split(title)  # text, separator, text, ...
    parts, seps = pieces[0::2], pieces[1::2]
    while len(parts) > 1 and _is_site(parts[-1], site, url):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and _is_site(parts[0], site, url):
        parts.pop(0)
        seps.pop(0)
    return parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:], strict=True))


def _squash(text: str) -> str:
    return "".join(re.findall(r"\w", text.casefold())).removeprefix("the")


def _is_site(part: str, site: str | None, url: str | None) -> bool:
    """A title segment naming the site: its og:site_name, or its web host's name."""
    name = _squash(part)
    if len(name) < 2:
        return False
    if site and name == _squash(site):
        return True
    label = outlets.host(url).removeprefix("www.").split(".")[0] if url else ""
    label = _squash(label)
    return len(label) >= 4 and (name.startswith(label) or label.startswith(name))


def _contains(outer: str, inner: str) -> bool:
    """``inner``'s words appear in ``outer`` in order, as one run."""
    a, b = _words(outer), _words(inner)
    return bool(b) and any(a[i:i + len(b)] == b for i in range(len(a) - len(b) + 1))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _paragraphs(text: str, title: str | None) -> list[str]:
    """trafilatura's blocks, one per paragraph, without its Markdown (structure re-adds it),
    and without the headline (see :func:`_without_headline`)."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", _without_inline_html(text)):
        out.extend(_block_paragraphs(block))
    return _without_headline(out, title)


_HEAD = 3  # paragraphs at the top where the headline may be repeated
_KICKER_WORDS = 8  # a label above the headline is short


def _without_headline(paragraphs: list[str], title: str | None) -> list[str]:
    """The paragraphs without the headline where one of the first :data:`_HEAD` repeats it
    (the title is in front matter; the page's ``<h1>`` and a copy lower down alike), nor the
    short labels above it that are no sentence (a section's name, a kicker, a promoted
    link); a lead sentence above it stays."""
    repeats = [i for i, text in enumerate(paragraphs[:_HEAD]) if title and _same(text, title)]
    if not repeats:
        return paragraphs
    above = [text for i, text in enumerate(paragraphs[:repeats[-1]]) if i not in repeats
             and (len(text.split()) > _KICKER_WORDS or headline.is_sentence(text))]
    return above + paragraphs[repeats[-1] + 1:]


def _block_paragraphs(block: str) -> list[str]:
    """One block of trafilatura's text as paragraphs.

    A heading, a list item or a quotation line opens a paragraph of its own, and the line
    after a heading opens the next: trafilatura sometimes sets a heading one line break
    under the paragraph before it, and joined they would put a "##" in the middle of a
    sentence. Other lines (a ``<br>``) continue the paragraph they follow."""
    paragraphs: list[list[str]] = []
    after_heading = False
    for line in (ln.strip() for ln in block.splitlines()):
        if not line:
            continue
        if not paragraphs or after_heading or _MARKDOWN_MARK.match(line):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
        after_heading = bool(_HEADING_MARK.match(line))
    return [" ".join([_text(_unmark(lines[0])), *map(_text, lines[1:])])
            for lines in paragraphs]


_INLINE_HTML = re.compile(r"(?<!\\)<(/?)(u|sub|sup)>")
_POWER = re.compile(r"(?<=\w)(?<!\\)<sup>([-+−]?\d{1,4})</sup>")


def _without_inline_html(text: str) -> str:
    """trafilatura writes underline, subscript and superscript as HTML tags, which a body
    shows as text (bodies are rendered with raw HTML escaped): a number raised after a word
    or number becomes ``^2``, every other tag goes and its text stays."""
    return _INLINE_HTML.sub("", _POWER.sub(r"^\1", text))


def _without_pictures(paragraphs: list[str]) -> list[str]:
    """Drop picture credits anywhere, and captions before the article's first paragraph
    (the same rules as for text dumps: :mod:`digest.ingest.headline`)."""
    out: list[str] = []
    for text in paragraphs:
        size = len(text.split())
        if size <= 30 and headline.is_credit(text):
            continue
        if not out and size <= 60 and headline.is_caption(text):
            continue
        out.append(text)
    return out


_SLIDE_HEAD = re.compile(r"^(?:•\s+)?(#{1,6}\s+)?")


def _without_galleries(paragraphs: list[str]) -> list[str]:
    """Drop a gallery of stories set into the article: slides numbered one after another
    out of one total, each opening with its counter in a heading or with a headline of its
    own after it ("## 1/50 Markets slide …", "## 2/50 …"), as the text dump cleaner does
    (:mod:`digest.ingest.galleries`). Slides of a counter and a caption alone are the
    article's own pictures (or a recipe's steps) and stay; so does a gallery with next to
    no prose besides it (a slideshow is the article)."""
    found: list[galleries.Slide] = []
    for i, text in enumerate(paragraphs):
        mark = _SLIDE_HEAD.match(text)  # a bullet or a heading's marks, if any: always matches
        counter = galleries.slide(text[mark.end():])
        if counter and (mark.group(1) or counter[2]):
            found.append((i, *counter))
    drop = {i for run in galleries.slide_runs(found, apart=1) for i, *_ in run}
    if not drop:
        return paragraphs
    rest = [text for i, text in enumerate(paragraphs) if i not in drop]
    prose = sum(len(text.split()) for text in rest if headline.is_sentence(text))
    return rest if prose >= galleries.GALLERY_ARTICLE else paragraphs


_CHROME_WORDS = 12  # a longer paragraph that opens with a label is the article's own


def _without_chrome(paragraphs: list[str]) -> list[str]:
    """Drop what the page says about itself rather than the story, wherever trafilatura left
    it: a short label or notice ("Comments", "Related: …", "Read more: …", "Copyright …",
    reading time) and a pitch to the reader ("Sign up for our newsletter …"). The same
    phrases the text dump cleaner knows (:func:`digest.ingest.chrome.is_chrome_phrase`,
    :func:`digest.ingest.headline.is_promo`)."""
    return [text for text in paragraphs
            if not (len(text.split()) <= _CHROME_WORDS and is_chrome_phrase(text))
            and not headline.is_promo(text)]


_BOXED_WORDS = 25  # a headline in a box of links is shorter


def _without_boxes(paragraphs: list[str]) -> list[str]:
    """Drop a box of other stories inside the article: a heading such as "You may also
    like" or "Don't miss" (:func:`digest.ingest.dumplines.is_barrier`) and the headlines
    under it, up to the first sentence, where the article resumes."""
    out: list[str] = []
    boxed = False
    for text in paragraphs:
        if is_barrier(text):
            boxed = True
        elif not (boxed and len(text.split()) <= _BOXED_WORDS and not headline.is_sentence(text)):
            boxed = False
            out.append(text)
    return out


def _without_author_box(paragraphs: list[str], author: str | None) -> list[str]:
    """Drop the box about the author under the article, as from a text dump
    (:func:`digest.ingest.region.drop_author_box`)."""
    lines = to_lines(paragraphs)
    classify(lines, frozenset())
    kept = region.drop_author_box(lines, author)
    if len(kept) == len(lines):
        return paragraphs
    return paragraphs[:kept[-1].index + 1] if kept else []


_STAMP_WORDS = 15  # a stamp line is short: a date, a time, a byline


def _without_stamp_lead(paragraphs: list[str]) -> list[str]:
    """Drop a date stamp among the first two paragraphs ("November 20, 2019 - 11:28 AMT",
    "5:45 AM PST 11/19/2019 by Jane Doe"): the page's metadata, which the date fields
    already carry, not the article's first sentence."""
    lead = [i for i, text in enumerate(paragraphs[:2]) if _is_stamp(text)]
    return [text for i, text in enumerate(paragraphs) if i not in lead]


def _is_stamp(text: str) -> bool:
    """A date with at most two other words, or with a byline."""
    if len(text.split()) > _STAMP_WORDS:
        return False
    found = dates.find_date(text)
    if found is None:
        return False
    rest = (text[: found.start] + " " + text[found.end :]).strip(" -|,·–—")
    return len(rest.split()) <= 2 or headline.is_byline(rest)


def _unmark(line: str) -> str:
    """Turn trafilatura's Markdown line marks into the shapes structure.py understands."""
    if re.match(r"^[-*+]\s+", line):
        return "• " + re.sub(r"^[-*+]\s+", "", line)
    return re.sub(r"^(?:#{1,6}|>)\s*", "", line)


# trafilatura's inline Markdown: a backslash run before a character it escapes (it doubles
# the page's own backslashes there and adds one), its emphasis and code marks.
_INLINE_MARKUP = re.compile(r"(\\+)([*_`~\[\]<|])|\*+|`+")
_ESCAPED_START = re.compile(r"^(\d{0,9})\\([#>+\-.)])")
# trafilatura at times breaks a paragraph before an emphasised word and loses the space
# after it: "across the entire" / "*AppleInsider*staff, exactly ...".
_GLUED_START = re.compile(r"^(\*{1,3})([^*\s](?:[^*]*[^*\s])?)\1(?=[^\W_])")


def _text(line: str) -> str:
    """A line of trafilatura's Markdown as the text it stands for: bodies are text, with
    the outlet's labels as the only Markdown (:mod:`digest.ingest.structure`), as for text
    dumps; and the summary and the outlet's lookup read the same paragraphs."""
    line = _GLUED_START.sub(r"\1\2\1 ", _ESCAPED_START.sub(r"\1\2", line))
    return _INLINE_MARKUP.sub(_unescape_markup, line)


def _unescape_markup(m: re.Match[str]) -> str:
    if m.group(1) is None:
        return ""  # an emphasis or code mark
    return "\\" * ((len(m.group(1)) - 1) // 2) + m.group(2)


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(re.findall(r"\w+", s.casefold()))

    return norm(a) == norm(b)


def _take_attribution(paragraphs: list[str], ex: Extraction) -> list[str]:
    for i, text in enumerate(paragraphs[:8]):
        if len(text) < 400 and ATTRIBUTION_RE.match(text):
            ex.attribution = text
            return paragraphs[:i] + paragraphs[i + 1 :]
    return paragraphs


def _outlet(ex: Extraction, html: str, head: dict[str, str], paragraphs: list[str],
            config: Config, given: str | None) -> None:
    """The outlet the page's saver named (``given``) unless a known outlet serves one of its
    URLs; else a known outlet by :func:`digest.ingest.outlets.from_html`; else the declared
    site name, else the URL's host."""
    reg = outlets.registry(config.sources)
    og_url = _web_url(head.get("url"))
    if given:  # the page's URLs are looked up here only then: from_html reads them too
        urls = [ex.source_url, outlets.canonical(html[:300_000]), og_url]
        named = metadata.given_outlet(given, urls, reg)
        if named:
            ex.outlet, ex.outlet_source = named.name, named.signal
            return
    page = outlets.HtmlPage(html, url=ex.source_url, site=head.get("site"),
                            og_url=og_url, lead=paragraphs[:3])
    found = outlets.from_html(page, reg)
    if found:
        ex.outlet, ex.outlet_source = found.name, found.signal
    elif head.get("site"):
        ex.outlet, ex.outlet_source = _clean(head.get("site")), "site"
    else:
        ex.outlet = metadata.outlet_from_url(ex.source_url or outlets.canonical(html), config)
        ex.outlet_source = "url" if ex.outlet else None


def _language(declared: str | None, text: str) -> str | None:
    if declared and re.match(r"^[A-Za-z]{2,3}(?:[-_]|$)", declared):
        return declared.split("-")[0].split("_")[0].lower() or None
    return detect(text[:3000])


def _tags(tags: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and len(tag) <= 60:
            seen.setdefault(tag, None)
    return list(seen)[:20]


def _set_date(ex: Extraction, html: str, url: str | None, config: Config,
              printed: Callable[[], dates.Found | None]) -> None:
    """The page's date from the first of its sources that gives one, strongest first: the
    page's machine-readable stamp (``meta``), a date in its URL (``url``), the stored
    copy's leading date hint (``hint``), the dateline the page prints around its headline
    (``dateline``; ``printed`` reads it, only when needed), and last the day a stamp states
    without a time (``meta``, day only: "2024-08-19"). With none, the pipeline tries the
    transport's dates."""
    tz = metadata.outlet_zone(url, ex.outlet, config)
    values = _stamp_values(html)  # the page's head read once for both kinds of stamp
    stamp = next(filter(None, map(_parse_stamp, values)), None)
    if stamp is not None:
        ex.date = stamp if stamp.tzinfo else stamp.replace(tzinfo=tz)
        ex.date_source = "meta"
        return
    for day, source in ((dates.date_from_url(url), "url"),
                        (metadata.split_date_hint(html[:200].split("\n", 1)[:1])[0], "hint")):
        if day is not None:
            ex.date = dt.datetime.combine(day, dt.time(0, 0), tzinfo=tz)
            ex.date_source, ex.day_only = source, True
            return
    found = printed()
    if found is not None:
        ex.date = dates.to_datetime(found, tz)
        ex.date_source = "updated" if found.updated else "dateline"
        ex.day_only = found.time is None
        return
    day = next(filter(None, map(_parse_day, values)), None)
    if day is not None:
        ex.date = dt.datetime.combine(day, dt.time(0, 0), tzinfo=tz)
        ex.date_source, ex.day_only = "meta", True


def printed_dateline(tree: HtmlElement | None, html: str, title: str | None,
                     paragraphs: list[str]) -> dates.Found | None:
    """The dateline the page prints near its headline, read as a text dump's is
    (:func:`digest.ingest.metadata.dateline_near`) from the page's visible lines: the lines
    between the headline (the page's title or its ``<h1>``, as one of its lines) and the
    line of the article's first paragraph. None when either is not found among the lines:
    a date elsewhere on the page (menus, lists of stories, the article's prose, the footer)
    does not date it."""
    heads = {k for k in (layout.key(title or ""), layout.key(_h1(html))) if k}
    lead = next((k for k in map(layout.key, paragraphs[:_HEAD]) if k and k not in heads), "")
    if tree is None or not heads or not lead:
        return None
    try:
        shown = layout.visible_lines(tree)
    except RecursionError:  # a page nested deeper than Python recurses
        return None
    start = next((i for i, text in enumerate(shown) if _opens(layout.key(text), lead)), None)
    if start is None:
        return None
    title_at = next((i for i in range(start - 1, -1, -1) if layout.key(shown[i]) in heads), None)
    if title_at is None:
        return None
    # Only the lines around the headline are read (as a dump's lines are), the rest of the
    # page is not classified.
    lo = max(0, title_at - metadata.ABOVE_HEAD)
    lines = to_lines(shown[lo:start + metadata.HEAD_SPAN])
    classify(lines)
    found = metadata.dateline_near(lines, title_at - lo, start - lo)
    if found is None or not found.ambiguous:
        return found
    return dates.settled(found, lambda: metadata.slash_order(shown, lambda: " ".join(paragraphs)))


_OPENING = 60  # characters of the first paragraph's words that find its line
_MIN_LINE = 15  # characters: a shorter line is not told for the paragraph's beginning


def _opens(line: str, paragraph: str) -> bool:
    """``line`` (its words) is the beginning of ``paragraph``, or the paragraph's beginning
    is the beginning of ``line`` (a paragraph broken by line breaks, or trafilatura's
    paragraph of a longer line)."""
    opening = paragraph[:_OPENING]
    return len(line) >= _MIN_LINE and (line.startswith(opening) or opening.startswith(line))


_ARTICLE_BODY = re.compile(r'"articleBody"\s*:\s*"((?:[^"\\]|\\.)*)"')


def stated_body(html: str) -> str:
    """The article's text as the page states it in its JSON-LD (``articleBody``), or ""."""
    at = html.find('"articleBody"')
    m = _ARTICLE_BODY.match(html, at) if at >= 0 else None
    if m is None:
        return ""
    try:
        text = json.loads(f'"{m.group(1)}"')
    except json.JSONDecodeError:
        return ""
    return text if isinstance(text, str) else ""


def published_stamp(html: str) -> dt.datetime | None:
    """The first publication time the page states in machine-readable form, with its time
    (what :func:`_set_date` reads first)."""
    return next(filter(None, map(_parse_stamp, _stamp_values(html))), None)


def _stamp_values(html: str) -> list[str]:
    head = html[:400_000]
    candidates: list[str] = []
    for m in _STAMP_META.finditer(head):
        content = _CONTENT.search(m.group(0))
        if content:
            candidates.append(content.group(1))
    candidates += _JSONLD_DATE.findall(head)
    candidates += _TIME_TAG.findall(head)
    return candidates


def _parse_day(value: str) -> dt.date | None:
    """A day without a time, year first ("2024-08-19", "2023-1-26", "2022/05/10"): the
    article is dated that day, without a made-up time."""
    m = _LOOSE.match(value.strip())
    if m is None or m.group(5) is not None:
        return None
    try:
        day = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None
    return day if 1990 <= day.year <= 2100 else None


def _parse_stamp(value: str) -> dt.datetime | None:
    """A stamp with its time: ISO 8601, the same with figures left unpadded or parted by
    slashes as some content systems write it ("2022-5-5 22:17:36", "2022/05/10 17:36:11"),
    or an e-mail's date ("Wed, 02 Feb 2022 09:12:22 +0100"). A day alone is :func:`_parse_day`'s;
    day and month in figures in either order ("10/05/2022") say neither for sure."""
    value = value.strip()
    stamp = _iso_stamp(value.replace(" ", "T", 1)) or _loose_stamp(value) or _mail_stamp(value)
    return stamp if stamp is not None and 1990 <= stamp.year <= 2100 else None


def _iso_stamp(value: str) -> dt.datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return dt.datetime.fromisoformat(json.loads(f'"{value}"')[:19])
        except (ValueError, json.JSONDecodeError):
            return None


_LOOSE = re.compile(r"^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?"
                    r"(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$")
_MAIL_DATE = re.compile(r"^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{1,2}:\d{2}")


def _loose_stamp(value: str) -> dt.datetime | None:
    """:data:`_LOOSE` with a time, padded into ISO 8601 for the standard library to read."""
    m = _LOOSE.match(value)
    if m is None or m.group(5) is None:
        return None
    year, _, month, day, hour, minute, second, offset = m.groups()
    try:
        return dt.datetime.fromisoformat(f"{year}-{int(month):02}-{int(day):02}T{int(hour):02}:"
                                         f"{minute}:{second or '00'}{offset or ''}")
    except ValueError:
        return None


def _mail_stamp(value: str) -> dt.datetime | None:
    if not _MAIL_DATE.match(value):
        return None
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
