"""The project's own cleaner for text dumps of whole news pages.

A dump (``document.body.innerText`` of a page, or a stored text copy) holds the
article among menus, language switchers, promos, ad markers, related headlines
and tickers. The cleaner works on lines, the blocks a browser writes one per line:

1. *classify* each line by what it says about itself: length, sentence
   punctuation, stopword density (any supported language), list and ticker
   shapes, known chrome phrases, and the outlet's learned chrome lines
   (:mod:`digest.ingest.chrome`): ``good`` (article-like prose), ``short``
   (could be either: headings, bullets, captions) or ``bad`` (chrome);
2. find the main article region as the contiguous run of lines with the largest
   total weight (good lines weigh their word count, the others cost a little),
   the densest-block idea of boilerpipe and jusText;
3. drop the chrome lines inside it, take the page's metadata out of it
   (:mod:`digest.ingest.metadata`) and turn the outlet's labels into Markdown
   (:mod:`digest.ingest.structure`).

Every body line is an input line (stripped), possibly with a Markdown marker in
front, or the lines of one paragraph that a text browser wrapped at a fixed width, joined
again (:mod:`.wrapped`); nothing is invented. The function never raises on any text.

The stages are modules of their own, each importing only from those above it:

* :mod:`.dumplines` — :class:`Line`, the kinds, and what a line says about itself;
* :mod:`.galleries` — galleries of stories set into the page (chrome that weighs nothing);
* :mod:`.linemarks` — :func:`classify`: what a line's neighbours say about it;
* :mod:`.region` — where the article is: the densest run and its edges;
* :mod:`.articlelists` — the article's own lists, given back to it.

This module runs them in order (:func:`_clean`) and files the outlet's learned chrome under
its key (:func:`chrome_key`).
"""

from __future__ import annotations

from digest.config import Config
from digest.ingest import metadata, structure
from digest.ingest.articlelists import attach_list, restore_lists
from digest.ingest.chrome import ChromeModel
from digest.ingest.dumplines import BAD, BARRIER, GOOD, SHORT, TABLE, Line, is_barrier, to_lines
from digest.ingest.galleries import _gallery_is_article
from digest.ingest.linemarks import classify
from digest.ingest.model import Extraction
from digest.ingest.pages import Provenance
from digest.ingest.region import (
    drop_author_box,
    drop_head_captions,
    drop_standfirst,
    drop_trailing_headlines,
    drop_trailing_island,
    drop_trailing_labels,
    main_region,
    reach_lead,
    split_at_end_matter,
    weight,
)
from digest.ingest.wrapped import dump_lines

__all__ = [
    "BAD",
    "BARRIER",
    "GOOD",
    "SHORT",
    "TABLE",
    "Line",
    "attach_list",
    "body_lines_text",
    "chrome_key",
    "classify",
    "drop_head_captions",
    "drop_standfirst",
    "drop_trailing_headlines",
    "drop_trailing_island",
    "extract_text",
    "is_barrier",
    "main_region",
    "page_key",
    "reach_lead",
    "restore_lists",
    "split_at_end_matter",
    "to_lines",
    "weight",
]


def extract_text(
    text: str,
    *,
    url: str | None = None,
    config: Config | None = None,
    chrome: ChromeModel | None = None,
    provenance: Provenance | None = None,
) -> Extraction:
    """Clean one text dump into an :class:`Extraction` (body Markdown plus metadata).

    Everything comes from the text (and ``url``): a date printed without its year takes
    the year from the page's own evidence, and last from the date its fetcher recorded in
    ``provenance``; never from when or where the file was saved."""
    config = config or Config()
    try:
        return _extract(text, url, config, chrome, provenance)
    except Exception as exc:  # noqa: BLE001 - a hostile page must not stop an ingest run
        return Extraction(body="", source_url=url, warnings=[f"cleaner failed: {exc!r}"])


def chrome_key(text: str, url: str | None, config: Config | None = None) -> str | None:
    """The outlet a dump's learned chrome is filed under in ``ingest-chrome.yaml``.

    With a URL, the outlet serving it (a ``digest.yaml`` source, else the bare host).
    Without one (most dumps), the outlet the page names in its byline, copyright notice,
    masthead or promos, as the cleaner finds it without any learned chrome; else the known
    outlet the page's chrome names most ("Follow Ukrainska Pravda on Twitter!"). An agency
    credited in the lead ("(AP) -") is not a key: its stories run on many sites, each with
    its own chrome. Learning and ingesting both use this, so a page is cleaned with the lines
    learned for its key.
    """
    config = config or Config()
    key = metadata.outlet_from_url(url, config)
    return key or page_key(text, _clean(text, url, config), config)


# The page's own signs of its outlet; an agency credited in the lead is not one (its copy runs
# on many sites), nor weak evidence that merely agrees.
_PAGE_KEY_SIGNALS = ("byline", "copyright", "promo", "self", "staff", "masthead", "tag", "title")


def page_key(text: str, first: Extraction, config: Config) -> str | None:
    """:func:`chrome_key` of a URL-less dump from its chrome-free extraction ``first``."""
    if first.outlet and first.outlet_source in _PAGE_KEY_SIGNALS:
        return first.outlet
    outside = [ln for ln in dump_lines(text) if ln.strip() and ln.strip() not in first.body]
    source = metadata.source_mentioned(outside, config)
    return source.name if source else None


def _extract(text: str, url: str | None, config: Config, chrome: ChromeModel | None,
             provenance: Provenance | None = None) -> Extraction:
    if chrome is None or not chrome.outlets:
        return _clean(text, url, config, frozenset(), provenance)
    key = metadata.outlet_from_url(url, config)
    if key is None:  # the page names its outlet: read it with a first, chrome-free pass
        first = _clean(text, url, config, frozenset(), provenance)
        key = page_key(text, first, config)
        if not chrome.lines_for(key):
            return first
    return _clean(text, url, config, chrome.lines_for(key), provenance)


def _clean(text: str, url: str | None, config: Config, learned: frozenset[str] = frozenset(),
           provenance: Provenance | None = None) -> Extraction:
    # The same line breaks as str.splitlines() (\r, \x0b, \x1c, \u2028 ...), so that no body
    # line ever spans two of the input's lines however a reader splits them (but for the
    # lines of one block a text browser wrapped: see digest.ingest.wrapped).
    raw_lines = dump_lines(text)
    hint_line, raw_lines = metadata.split_date_hint(raw_lines)
    lines = to_lines(raw_lines)
    classify(lines, learned)
    start, end = main_region(lines)
    if _gallery_is_article(lines, start, end):
        start, end = main_region(lines)
    found_end = end
    start, end = split_at_end_matter(lines, start, end)
    start = reach_lead(lines, start, end)
    end = drop_trailing_island(lines, start, end)
    end = drop_trailing_headlines(lines, start, end)
    end = drop_trailing_labels(lines, start, end)
    end = attach_list(lines, start, end)
    restore_lists(lines, start, end)
    drop_head_captions(lines, start, end)
    drop_standfirst(lines, start, end)
    # the page's stamp may stand in the end matter the region was cut from ("Veröffentlicht
    # am …" under a "related" heading): its metadata is read over the whole densest run
    head = metadata.read_header(lines, start, max(end, found_end), hint_line, url, config,
                                provenance)
    body_lines = [ln for ln in lines[start:end]
                  if ln.kind not in (BAD, BARRIER) and ln.index not in head.used]
    result = head.extraction
    body_lines = drop_author_box(body_lines, result.author)
    result.body = structure.to_markdown([ln.text for ln in body_lines])
    result.summary = metadata.summary(body_lines_text(body_lines))
    result.source_url = url
    if not body_lines:
        result.warnings.append("no article text found")
    return result


def body_lines_text(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines]
