"""What the page's own structure says about the paragraphs trafilatura gave.

trafilatura returns text; the page's tree still knows where each paragraph stood. Each
paragraph is looked up among the page's text blocks (paragraphs, headings, list items,
cells, captions) by its words, and three things are read, by structure alone (no site's
class names):

**Link cards.** A heading or paragraph that sits inside a link (``<a><h3>…</h3></a>``) is a
card pointing to another page: a related story, a guide, a promoted post.

**Hidden text.** A block under an element the page hides (a ``hidden`` attribute, a
``display: none`` style, a utility class such as ``hide`` or ``d-none``) is not shown to a
reader: a dialog's messages, a print-only citation, a screen reader's note.

A paragraph found only as one of these (and nowhere else on the page, shown and outside a
link) is dropped; hidden text that would take more than half the article stays, since a
page may hide its article until a script shows it.

**Captions.** A paragraph in italics or small print as a whole, right after a picture with
no text between (a caption set without ``<figcaption>``), is dropped.

**Whole lines.** A paragraph found as no block may be a piece of one: trafilatura drops
loose text that follows a block inside a container, and breaks a line before an inline
element. When the page has exactly one line (a run of text and inline elements between
line breaks and blocks, at most :data:`_MAX_LINE` words) that holds the paragraph's words
and more, the paragraph is that whole line: a reader's paragraph is kept whole or not at
all. The other pieces of the same line go with it.

**The rest of a split article.** Some sites cut an article's text into chunks: one
container per stretch of text between ads, pull quotes or a sticky side rail, each a copy
of the same element with the same class. trafilatura takes the first container its rules
match and stops there, so the article ends at its first break. The other chunks:

* the *holder* is the element that holds most of the paragraphs trafilatura gave;
* its *twins* are built the same way: elements with the same tag and class, that meet it
  at most :data:`_NEAR` levels up through ancestors of the same tags and classes as its
  own (the chunks of one article come from one template and sit side by side; a box that
  merely shares a generic class name, deeper in a summary or a footer, does not);
* a twin's own blocks (its child paragraphs, headings, lists and quotations) that the
  extraction lacks and that are not mostly link text join the article in page order, when
  they read as prose: together at least :data:`_MIN_PROSE` words of sentences, so a
  byline or a link card in a container of the same name adds nothing.

Nothing is taken from the page that is not an element's own text. The tree is changed
(scripts and styles removed, a line break made a space): it is read after trafilatura,
which works on its own copy.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import lxml.etree
from lxml.html import HtmlElement

from digest.ingest import headline

_NEAR = 3  # levels above the holder within which its twins must meet it
_MIN_PROSE = 40  # words of sentences a twin must add
_LINKED = 0.5  # share of a block's text in links above which it is not the article's
# Blocks a paragraph of trafilatura's may be; a <div> only when no block is inside it.
_TEXT_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt",
                "figcaption", "blockquote", "div")
_CONTAINERS = frozenset({"div", "p", "ul", "ol", "table", "section", "article", "aside",
                         "header", "footer", "nav", "figure", "form", "blockquote"})
# A twin's children that join the article.
_CHUNK_BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote"})
_UNSEEN = ("script", "style", "noscript", "template")
_CAPTION_MARKS = ("em", "i", "small")
_CAPTION_WORDS = 40  # a caption is short
_CAPTION_STEPS = 4  # line breaks and parents to step over back to the picture
_PICTURES = ("img", "picture", "figure", "video")
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del",
                     "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr",
                     "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
                     "time", "tt", "u", "var", "wbr"})
_STATED = 1.5  # the stated article text runs this many times the words given, at least
_STATED_WORDS = 5  # a block the stated text holds, at least this many words
_STATED_BLOCKS = frozenset({"p", "li", "blockquote"})
_MIN_PIECE = 3  # words: a shorter piece is looked for only next to its line
_MAX_LINE = 200  # words: a longer run of inline text is a page without structure
_MAX_PIECES = 200  # words looked for on one page (a bound for a hostile page)
_WORD = re.compile(r"[^\W_]+")
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hide|hidden|d-none|is-hidden|visually-hidden|sr-only"
                           r"|screen-reader-text|invisible)(?:\s|$)")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def key(text: str) -> str:
    """The words of a paragraph, for matching trafilatura's text (Markdown escapes and
    emphasis marks included) with an element's."""
    return " ".join(_WORD.findall(text.casefold()))


@dataclass(frozen=True)
class Block:
    """A text block of the page that holds one of the paragraphs' words."""

    element: HtmlElement
    at: int  # position in the page, among the text blocks
    shown: bool  # outside any link and any hidden element


def article_paragraphs(tree: HtmlElement, paragraphs: Sequence[str],
                       stated: str = "") -> list[str]:
    """``paragraphs`` without link cards and hidden text, fragments made whole lines, and
    with the blocks of the holder's twins added in page order, and the page's blocks that
    its own statement of the article's text (``stated``: JSON-LD ``articleBody``) holds."""
    _prepare(tree)
    keys = [key(p) for p in paragraphs]
    found = _found(tree, set(keys) - {""})
    drop = _set_apart(keys, found) | _captions(tree, set(keys))
    kept = [(text, k) for text, k in zip(paragraphs, keys, strict=True) if k not in drop]
    kept = _whole_lines(tree, kept, found)
    own = {k: next(b for b in blocks if b.shown) for k, blocks in found.items()
           if any(b.shown for b in blocks)}
    holder = _holder([b.element for b in own.values() if b.element.tag == "p"])
    known = set(keys) | {k for _, k in kept}
    added = _continuation(tree, holder, known) if holder is not None else []
    if stated:
        added += _stated(tree, stated, known, _words(k for _, k in kept))
    texts = [text for text, _ in kept]
    if not added:
        return texts
    return _merge(texts, [own[k].at if k in own else None for _, k in kept], added)


def _prepare(tree: HtmlElement) -> None:
    """Text as a reader sees it: no scripts or styles, a line break between two words."""
    lxml.etree.strip_elements(tree, *_UNSEEN, with_tail=False)
    for br in tree.iter("br"):
        br.tail = " " + (br.tail or "")


def _found(tree: HtmlElement, keys: set[str]) -> dict[str, list[Block]]:
    """The page's text blocks holding exactly the words of one of ``keys``, in page order.

    A block's first word is checked before all of its words are: most blocks (menus, cells)
    hold none of the paragraphs."""
    firsts = {k.split(" ", 1)[0] for k in keys}
    shown: dict[HtmlElement, bool] = {}
    found: dict[str, list[Block]] = {}
    for at, element in enumerate(tree.iter(*_TEXT_BLOCKS)):
        if element.tag == "div" and any(child.tag in _CONTAINERS for child in element):
            continue
        text = element.text_content()
        first = _WORD.search(text)
        if first is None or first.group().casefold() not in firsts:
            continue
        k = key(text)
        if k in keys:
            found.setdefault(k, []).append(Block(element, at, _shown(element, shown)))
    return found


def _shown(element: HtmlElement, known: dict[HtmlElement, bool]) -> bool:
    """Outside links and hidden elements; ``known`` remembers the answer for every element
    on the way up, as the blocks of one page share most of their ancestors."""
    path: list[HtmlElement] = []
    node: HtmlElement | None = element
    answer = True
    while node is not None:
        if node in known:
            answer = known[node]
            break
        path.append(node)
        if node.tag == "a" or _hidden(node):
            answer = False
            break
        node = node.getparent()
    for el in path:
        known[el] = answer
    return answer


def _hidden(element: HtmlElement) -> bool:
    """Not shown to a reader: a ``hidden`` attribute, a style or a utility class that hides
    it."""
    if element.tag in ("html", "body"):
        return False
    return (element.get("hidden") is not None
            or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
            or bool(_HIDDEN_CLASS.search(element.get("class") or "")))


def _set_apart(keys: list[str], found: dict[str, list[Block]]) -> set[str]:
    """The paragraphs (by their words) found only as link cards or hidden text."""
    apart = {k for k, blocks in found.items() if not any(b.shown for b in blocks)}
    cards = {k for k in apart if any(_in_link(b.element) for b in found[k])}
    hidden = apart - cards
    if _words(k for k in keys if k in hidden) * 2 > _words(keys):
        return cards  # the page hides its article until a script shows it
    return apart


def _captions(tree: HtmlElement, keys: set[str]) -> set[str]:
    """The paragraphs (by their words) that are a picture's caption: in italics or small
    print as a whole, right after the picture, with no text between."""
    out: set[str] = set()
    for element in tree.iter(*_CAPTION_MARKS):
        k = key(element.text_content())
        if k in keys and len(k.split()) <= _CAPTION_WORDS and k not in out:
            node: HtmlElement | None = element  # the mark, or a parent holding only it
            while node is not None and key(node.text_content()) == k:
                if _after_picture(node):
                    out.add(k)
                    break
                node = node.getparent()
    return out


def _after_picture(element: HtmlElement) -> bool:
    """Whether a picture comes right before the element (line breaks and the start of a
    parent aside), with no text between."""
    node = element
    for _ in range(_CAPTION_STEPS):
        before = node.getprevious()
        while before is not None and not isinstance(before.tag, str):  # a comment
            before = before.getprevious()
        if before is None:
            node = node.getparent()
            if node is None or (node.text or "").strip():
                return False
            continue
        if (before.tail or "").strip():
            return False
        if before.tag != "br":
            return before.tag in _PICTURES or (
                any(True for _ in before.iter(*_PICTURES)) and not before.text_content().strip())
        node = before
    return False


def _in_link(element: HtmlElement) -> bool:
    return any(el.tag == "a" for el in element.iterancestors())


def _words(keys: Iterable[str]) -> int:
    return sum(len(k.split()) for k in keys)


def _whole_lines(tree: HtmlElement, kept: list[tuple[str, str]],
                 found: dict[str, list[Block]]) -> list[tuple[str, str]]:
    """Each paragraph that is a piece of one line of the page, as that whole line; the
    other pieces of a line already given go, and so does a piece of fewer than
    :data:`_MIN_PIECE` words right after its line (too short to be looked for alone)."""
    pieces = {k: word for text, k in kept if k not in found and len(k.split()) >= _MIN_PIECE
              and (word := _rarest(text))}
    lines = _lines_around(tree, pieces) if pieces else {}
    out: list[tuple[str, str]] = []
    given: set[str] = set()
    last = ""  # the line the paragraph before was made
    for text, k in kept:
        line = lines.get(k)
        if line is not None:
            if (lk := key(line)) not in given:
                given.add(lk)
                out.append((line, lk))
            last = lk
        elif not (len(k.split()) < _MIN_PIECE and last and f" {k} " in f" {last} "):
            out.append((text, k))
            last = ""
    return out


def _rarest(text: str) -> str | None:
    """The paragraph's longest word, to look for it by: the rarest on the page, likely."""
    return max(re.findall(r"[^\W\d_]{4,}", text), key=len, default=None)


def _lines_around(tree: HtmlElement, pieces: dict[str, str]) -> dict[str, str]:
    """For each piece (its words, and a word to look for it by), the one line of the page
    (a run of text between line breaks and blocks) that holds its words and more. One pass
    over the page's text finds the blocks holding any of the words."""
    words = sorted(set(pieces.values()))[:_MAX_PIECES]
    query = " or ".join(f"contains(., $w{i})" for i in range(len(words)))
    nodes = tree.xpath(f"//body//text()[{query}]", **{f"w{i}": w for i, w in enumerate(words)})
    holders: dict[str, list[HtmlElement]] = {}
    for node in nodes:
        container = _container(node)
        for word in words:
            if container is not None and word in node:
                holders.setdefault(word, []).append(container)
    read: dict[HtmlElement, list[tuple[str, str]]] = {}  # a container's lines, with their words
    out: dict[str, str] = {}
    for k, word in pieces.items():
        found: set[str] = set()
        for container in dict.fromkeys(holders.get(word, [])):
            if container not in read:
                read[container] = [(line, f" {key(line)} ") for line in _lines(container)]
            found |= {line for line, within in read[container] if f" {k} " in within}
        if len(found) == 1 and key(line := found.pop()) != k and len(line.split()) <= _MAX_LINE:
            out[k] = line
    return out


def _container(node: str) -> HtmlElement | None:
    """The shown block whose own text run a text node (of an XPath answer) is part of."""
    owner = node.getparent()  # type: ignore[attr-defined]
    if node.is_tail:  # type: ignore[attr-defined]
        owner = owner.getparent()
    while owner is not None and owner.tag in _INLINE:
        owner = owner.getparent()
    return owner if owner is not None and _shown(owner, {}) else None


def visible_lines(tree: HtmlElement) -> list[str]:
    """The page's text as a reader sees it, one line per block or line break, as a text dump
    holds it (a browser's innerText): scripts, styles and hidden elements left out. The tree
    is prepared as for :func:`article_paragraphs` (its scripts and styles removed)."""
    _prepare(tree)
    body = tree.find("body")
    return _lines(body if body is not None else tree)


def _lines(element: HtmlElement) -> list[str]:
    """The element's text as a reader sees its lines: runs of text and inline elements,
    broken by ``<br>`` and by blocks (whose own lines follow in place)."""
    lines: list[str] = []
    rest = _runs(element, [], lines)
    lines.append("".join(rest))
    return [" ".join(line.split()) for line in lines if line.strip()]


def _runs(element: HtmlElement, run: list[str], lines: list[str]) -> list[str]:
    """Add ``element``'s text to the open ``run``, closing it into ``lines`` at each line
    break and block; the run still open at its end is returned. Hidden elements add
    nothing but their tail."""
    run.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str) and child.tag != "br" and _hidden(child):
            pass
        elif child.tag == "br" or (isinstance(child.tag, str) and child.tag not in _INLINE):
            lines.append("".join(run))
            run = []
            if child.tag != "br":
                lines.append("".join(_runs(child, [], lines)))
        elif isinstance(child.tag, str):
            run = _runs(child, run, lines)
        run.append(child.tail or "")
    return run


def _holder(matched: list[HtmlElement]) -> HtmlElement | None:
    """The parent of most matched paragraphs, when it carries a class to look for."""
    parents = Counter(parent for el in matched if (parent := el.getparent()) is not None)
    if not parents:
        return None
    holder, count = parents.most_common(1)[0]
    if count < 2 or not (holder.get("class") or "").strip():
        return None
    return holder


def _continuation(tree: HtmlElement, holder: HtmlElement,
                  known: set[str]) -> list[tuple[int, str]]:
    """The twins' blocks the extraction lacks, as (page position, paragraph)."""
    twins = [t for t in _twins(holder) if not any(_hidden(el) for el in (t, *t.iterancestors()))]
    if not twins:
        return []
    order = {el: at for at, el in enumerate(tree.iter(*_TEXT_BLOCKS))}
    added: list[tuple[int, str]] = []
    for twin in twins:
        blocks = [(at, text) for at, text in _blocks(twin, order) if key(text) not in known]
        if _prose_words([text for _, text in blocks]) >= _MIN_PROSE:
            added += blocks
            known |= {key(text) for _, text in blocks}
    return added


def _stated(tree: HtmlElement, stated: str, known: set[str],
            given: int) -> list[tuple[int, str]]:
    """The page's blocks that the article's text as the page states it (JSON-LD
    ``articleBody``) holds and the extraction lacks, as (page position, paragraph), when
    the stated text runs to more than :data:`_STATED` times the words given: the article
    was cut short (split into chunks the extraction stopped at). Blocks of at least
    :data:`_STATED_WORDS` words, shown and not mostly link text."""
    whole = f" {key(stated)} "
    if len(whole.split()) <= _STATED * given:
        return []
    out: list[tuple[int, str]] = []
    for at, element in enumerate(tree.iter(*_TEXT_BLOCKS)):
        if element.tag not in _STATED_BLOCKS:
            continue
        text = _text(element)
        k = key(text)
        if (len(k.split()) >= _STATED_WORDS and k not in known and f" {k} " in whole
                and not _linked(element, text) and _shown(element, {})):
            out.append((at, "• " + text if element.tag == "li" else text))
            known.add(k)
    return out


def _twins(holder: HtmlElement) -> list[HtmlElement]:
    """Elements built like ``holder``: the same tag and class, reached from a common ancestor
    at most :data:`_NEAR` levels up through ancestors of the same tags and classes as its."""
    chain = [holder, *list(holder.iterancestors())[:_NEAR]]  # chain[k]: k levels up
    out: list[HtmlElement] = []
    for n in range(1, len(chain)):
        for el in _alike(chain[n], chain[n - 1::-1]):
            if el is not holder and el not in out:
                out.append(el)
    return out


def _alike(top: HtmlElement, path: list[HtmlElement]) -> list[HtmlElement]:
    """Descendants of ``top`` reached through children shaped like ``path``'s elements."""
    level = [top]
    for model in path:
        level = [child for el in level for child in el if _shape(child) == _shape(model)]
    return level


def _shape(el: HtmlElement) -> tuple[str, str]:
    return str(el.tag), " ".join((el.get("class") or "").split())


def _blocks(twin: HtmlElement, order: dict[HtmlElement, int]) -> list[tuple[int, str]]:
    """A twin's child blocks as (page position, paragraph); a list gives one per item."""
    out: list[tuple[int, str]] = []
    for child in twin:
        if child.tag not in _CHUNK_BLOCKS or _hidden(child):
            continue
        items = list(child.iter("li")) if child.tag in ("ul", "ol") else [child]
        if len(items) > 1 and all(item.find(".//a") is not None for item in items):
            continue  # every item a link: a list of other stories
        for item in items:
            text = _text(item)
            if text and not _linked(item, text):
                out.append((order.get(item, order.get(child, 0)),
                            "• " + text if item.tag == "li" else text))
    return out


def _linked(element: HtmlElement, text: str) -> bool:
    """Mostly link text: a card, a "more stories" list, a button; not the article's prose."""
    linked = sum(len(_text(a)) for a in element.iter("a"))
    return linked >= _LINKED * len(text)


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _prose_words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts if headline.is_sentence(t))


def _merge(paragraphs: Sequence[str], places: list[int | None],
           added: list[tuple[int, str]]) -> list[str]:
    """Each added block goes before the first paragraph that stands later in the page; a
    paragraph found nowhere stands where the one before it does."""
    out: list[str] = []
    pending = sorted(added)
    last = -1
    for text, place in zip(paragraphs, places, strict=True):
        last = place if place is not None else last
        while pending and pending[0][0] < last:
            out.append(pending.pop(0)[1])
        out.append(text)
    return out + [text for _, text in pending]
