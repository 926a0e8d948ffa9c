"""Galleries of stories set into a page, which the article's region runs across.

A news site's "in pictures" of other stories prints slides numbered one after another out
of one total, each under a headline of its own ("1/50 Headline", caption, credit; "2/50
Headline" ...). :func:`_mark_galleries` (a step of :func:`digest.ingest.linemarks.classify`)
makes them chrome that weighs nothing; :func:`_gallery_is_article` gives them back when they
are all the page has (a slideshow with a line of lead). One feature with its own shapes and
thresholds, marked while lines are classified and undone once the region is known, so it
lives apart from both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from digest.ingest import headline
from digest.ingest.dumplines import BAD, BARRIER, GOOD, SHORT, Line, _prose
from digest.ingest.lang import words

# A slide's counter, at the start of its line: "1/50", "2 of 12", "Bild 3 von 17", "3 / 5";
# never a date (10/18/2020, 17.11.), a fraction with more figures, a percentage or a time.
_SLIDE = re.compile(r"^(?:(?:photo|image|picture|slide|bild|foto|imagen|immagine|zdjęcie|фото)\s*)?"
                    r"([1-9]\d{0,2})\s*(?:/|of|von|de|di|sur|z|из|van|av|af)\s*([1-9]\d{0,2})"
                    r"(?![\d/.,%]|:\d)(?:\s*[:|–-]?\s+(.*)|:)?$", re.I)
# A slideshow's caption glued to its counter ("1of4Grass Valley's …", "2of4A shopper …"): a
# widget's text run together by the browser; the article's prose never reads so.
_GLUED_SLIDE = re.compile(r"^([1-9]\d{0,2})of([1-9]\d{0,2})(?=[A-Z\"“‘'(])")
SLIDES = 3  # numbered slides of one total that make a gallery
_SLIDE_TITLE = 15  # words of a slide's headline at most
_GALLERY_HEAD = 3  # lines of a gallery's heading above its first slide at most
GALLERY_ARTICLE = 50  # prose words the page has besides its galleries, at least, to drop them
Slide = tuple[int, int, int, bool]  # (where, number, total, titled)


def slide(text: str) -> tuple[int, int, bool] | None:
    """A slide's counter: its number, the gallery's total, and whether the slide's own
    headline follows it on the line (a few words, no full stop, not its picture's credit)."""
    m = _SLIDE.match(text)
    if not m or int(m.group(1)) > int(m.group(2)):
        return None
    rest = (m.group(3) or "").strip()
    size = len(words(rest))
    titled = (2 <= size <= _SLIDE_TITLE and not rest.endswith(".") and "©" not in rest
              and not headline.is_credit(rest))
    return int(m.group(1)), int(m.group(2)), titled


def _mark_galleries(lines: list[Line]) -> None:
    """A gallery of stories set into the page is chrome: slides numbered one after another
    out of one total ("1/50 Headline", caption, credit; "2/50 Headline" ...), each under a
    headline of its own (a news site's "in pictures" of other stories).

    Its lines weigh nothing (the article's region runs across it as if it were not there)
    and are left out of the body. Slides with only a counter and a caption are the
    article's own pictures (or a recipe's steps) and stay, unless the counter is glued to
    the caption ("1of4A shopper …"): a slideshow widget's run-together text. Every slide
    has a line or more of its own below its counter; the last one its caption and credits."""
    found: list[Slide] = []
    for i, ln in enumerate(lines):
        counter = slide(ln.text) if ln.tokens <= _SLIDE_TITLE + 4 else None
        if counter:
            found.append((i, *counter))
    for run in slide_runs(found, apart=2):
        _drop_gallery(lines, run)
    glued = [(i, int(m.group(1)), int(m.group(2)), False) for i, ln in enumerate(lines)
             if (m := _GLUED_SLIDE.match(ln.text))]
    for run in slide_runs(glued, apart=1):
        set_aside(lines[run[0][0]:run[-1][0] + 1])



def slide_runs(found: list[Slide], apart: int) -> list[list[Slide]]:
    """The galleries among slides found in page order: :data:`SLIDES` or more numbered one
    after another out of one total, from slide 1 or 2, each at least ``apart`` places after
    the one before (a text dump prints a line or more under each counter). The text dump
    cleaner and the HTML reader both find galleries with it."""
    runs: list[list[Slide]] = []
    run: list[Slide] = []
    for item in [*found, (-1, 0, 0, False)]:
        at, number, total, _ = item
        if run and total == run[-1][2] and number == run[-1][1] + 1 and at - run[-1][0] >= apart:
            run.append(item)
            continue
        if len(run) >= SLIDES:
            runs.append(run)
        run = [item] if 1 <= number <= 2 else []
    return runs


def _drop_gallery(lines: list[Line], run: list[tuple[int, int, int, bool]]) -> None:
    if sum(titled for *_, titled in run) < 0.8 * len(run):
        return
    first, last = run[0][0], run[-1][0]
    stride = max(b[0] - a[0] for a, b in zip(run, run[1:], strict=False))
    end = last + 1
    if end < len(lines) and lines[end].kind in (GOOD, SHORT):
        end += 1  # the last slide's caption
        while (end < len(lines) and end - last < stride and lines[end].kind != BARRIER
               and (lines[end].inline or headline.is_credit(lines[end].text)
                    or (lines[end].tokens <= 3 and not lines[end].punct))):
            end += 1  # and its credits
    while (first > 0 and run[0][0] - first < _GALLERY_HEAD and lines[first - 1].kind != GOOD
           and not lines[first - 1].punct and lines[first - 1].tokens <= _SLIDE_TITLE):
        first -= 1  # its heading ("... in pictures", "show all")
    set_aside(lines[first:end])


def set_aside(lines: Iterable[Line]) -> None:
    """Lines of something set into the page (a gallery of stories, a story's card): chrome
    that weighs nothing, so that the article's region runs across them; given back by
    :func:`_gallery_is_article` when they are all the page has."""
    for ln in lines:
        ln.slide, ln.kind = ln.kind, BAD


def _gallery_is_article(lines: list[Line], start: int, end: int) -> bool:
    """Whether the page's galleries are its article (a slideshow with a line of lead): the
    region found across them holds next to no prose. Then they are given back."""
    if not any(ln.slide for ln in lines):
        return False
    if _prose([ln for ln in lines[start:end] if not ln.slide]) >= GALLERY_ARTICLE:
        return False
    for ln in lines:
        if ln.slide:
            ln.kind, ln.slide = ln.slide, ""
    return True
