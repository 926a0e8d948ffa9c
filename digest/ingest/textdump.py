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
front; nothing is invented. The function never raises on any text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from digest.config import Config
from digest.ingest import dates, headline, metadata, structure
from digest.ingest.chrome import RIGHTS_RESERVED, ChromeModel, is_chrome_phrase, normalize
from digest.ingest.lang import stopword_ratio, words
from digest.ingest.model import Extraction
from digest.ingest.pages import Provenance

GOOD, SHORT, BAD, BARRIER, TABLE = "good", "short", "bad", "barrier", "table"
_END_PUNCT = re.compile(r"[.!?…:;\"”»’。！？」](?:[\"”»’)\]\s]*)$")
_TICKER = re.compile(r"^(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d+\s*(?:min|mins|minutes|hours?|h)"
                     r"(?:\s+ago)?|\d+[\d\s.,kKmM]*)$", re.I)
_URLISH = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$")
# Comment threads: "name says:", "2 days ago at 07:52 am", "Rating: 36 Votes".
_COMMENT = re.compile(r"^.{1,50}\s(?:says|said|wrote|пише|пишет|sagt|schreibt|meint|dit|a\s+écrit"
                      r"|dice|dijo|escribió|disse|diz|zegt|schreef|napisał[a]?|pisze)\s?:$"
                      r"|^rating:\s*\d+|^\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?)"
                      r"\s+ago\b|^(?:vor|il\s+y\s+a|hace|há)\s+\d+\s+(?:sekunden|minuten|stunden|tagen"
                      r"|wochen|monaten|jahren|tag|monat|jahr|secondes?|minutes?|heures?|jours?"
                      r"|semaines?|mois|ans?|segundos?|minutos?|horas?|días?|dias?|semanas?|mes(?:es)?"
                      r"|meses|años?|anos?)$", re.I)
# A comment section's heading in the languages of the pages the English list does not read.
_COMMENT_WORDS = "".join(line.strip() for line in r"""
(?:\d+\s+)?kommentare|kommentare\s*\(?\d+\)?|kommentar (?:schreiben|verfassen|hinzufügen|abgeben)
|(?:schreibe|hinterlasse|verfasse) (?:einen kommentar|eine antwort)|antwort hinterlassen
|(?:schreiben|hinterlassen) sie einen kommentar|(?:noch )?keine kommentare.*|leserkommentare
|es gibt noch keine kommentare.*|\d+ (?:antworten|reaktionen)|\d+ gedanken zu\b.*
|(?:\d+\s+)?commentaires|laisser (?:un commentaire|une réponse)|laissez un commentaire
|(?:ajouter|écrire|poster) un commentaire|\d+ réactions?
|(?:\d+\s+)?comentarios|deja (?:un comentario|una respuesta|tu comentario)|dejar un comentario
|escribe un comentario|(?:\d+\s+)?commenti|lascia (?:un commento|una risposta)
|(?:\d+\s+)?comentários|deixe (?:um comentário|uma resposta|seu comentário)
|(?:\d+\s+)?reacties|laat een reactie achter|geef een reactie|plaats een reactie
|(?:\d+\s+)?komentarze.*|dodaj komentarz|skomentuj|zostaw komentarz|napisz komentarz
|was (?:denkst|meinst) du|was meinen sie|(?:ihre|deine) meinung(?: zu diesem thema)?
|qu'en pensez-vous|¿?qué opinas|tu opinión|la tua opinione|o que você acha
""".splitlines())
# What follows an article and is never inside one: the author's box, a prompt to rate the
# article, its list of sources (in the languages the English list does not read).
_END_WORDS = "".join(line.strip() for line in r"""
about the (?:author|authors)|über (?:den autor|die autorin|die autoren)|à propos de l'auteur
|sobre (?:el|la|o|a) autora?|o autorze|over de auteur|sull'autore
|was this (?:article|post|page|story) (?:helpful|useful)
|did you (?:like|enjoy) this (?:article|post)
|(?:war|ist) (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)
|fandest du (?:den|diesen) (?:artikel|beitrag) hilfreich
|(?:hat )?(?:dir|ihnen) (?:hat )?(?:der|dieser) (?:artikel|beitrag) gefallen
|cet article vous a-t-il été utile|¿?(?:te|le) (?:ha )?(?:sido|resultado|resultó) útil
|quellen|quellenangaben|literaturverzeichnis|einzelnachweise|références|bibliographie|fuentes
|referencias|bibliografía|fonti|bibliografia|fontes|referências|bronnen|źródła|przypisy
""".splitlines())
# Where an article's page stops being the article: comment sections and "more stories".
_BARRIER = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s+to\b.*)?$|^leave a (?:reply|comment)"
    r"|^related:?$|^(?:sources|references|footnotes|bibliography|джерела|источники)\s*:?$|^(?:related|more|recommended|popular|trending|latest)\s+(?:stories|articles|news|posts|"
    r"reads|videos|headlines)\b|^you (?:may|might) also like|^more from\b|^read next\b"
    r"|^(?:коментарі|комментарии|читайте також|читайте также|інші новини|другие новости)\b"
    r"|^(?:all\s+(?:of\s+)?(?:the\s+)?latest\s+news|more\s+news|other\s+news"
    r"|most\s+(?:read|popular|viewed)|top\s+stories|editor'?s\s+picks|don'?t\s+miss"
    r"|what\s+to\s+read\s+next|more\s+on\s+this\s+(?:story|topic)|найпопулярніше"
    r"|самое\s+популярное|останні\s+новини|последние\s+новости)\s*:?$"
    # the same headings as other languages' sites print them
    r"|^(?:" + "".join(p.strip() for p in r"""
    ähnliche (?:beiträge|artikel|themen|nachrichten)|verwandte (?:beiträge|artikel|themen)
    |weitere (?:beiträge|artikel|news|nachrichten|meldungen|themen)
    |mehr (?:zum thema|zu diesem thema|artikel|beiträge|nachrichten|news)|mehr aus (?:der|dem)\b
    |(?:das|dies) (?:könnte|dürfte) (?:sie|dich|euch) (?:auch |ebenfalls )?interessieren
    |(?:auch|ebenfalls) interessant|lesen sie (?:auch|weiter)|lies auch
    |(?:die )?meist(?:gelesene[n]?|gelesen|geklickte[n]?|kommentierte[n]?)\b
    |(?:beliebte|beliebteste[n]?|neueste[n]?|empfohlene) (?:beiträge|artikel|news)
    |articles? (?:similaires|liés|connexes|recommandés)|(?:à|a) lire (?:aussi|également)
    |lire aussi|sur le même (?:sujet|thème)|dans la même rubrique|(?:les )?plus lus
    |vous (?:aimerez|pourriez) (?:aussi|également)|(?:à|a) voir aussi|voir aussi
    |(?:artículos|noticias|notas) (?:relacionad[ao]s|recomendad[ao]s)|(?:te|le) puede interesar
    |(?:también )?(?:te|le) (?:puede|podría) interesar|te recomendamos|lo más (?:leído|visto)
    |(?:las |los )?más (?:leídas|leídos|vistas|vistos)|más noticias|otras noticias
    |mirá también|lee también|leer también|ver también|puedes ver
    |articoli correlati|(?:ti )?potrebbe(?:ro)? interessarti|leggi anche|(?:i |gli )?più letti
    |altre notizie|artigos relacionados|notícias relacionadas|leia também|veja também
    |(?:as |os )?mais (?:lidas|lidos)|você (?:também )?pode gostar
    |gerelateerde (?:artikelen|berichten)|lees ook|meest gelezen|meer nieuws
    |czytaj (?:także|też)|zobacz (?:także|też)|najczęściej czytane|najpopularniejsze
    |am beliebtesten|more about\b|read further\b
    |(?:podobne|powiązane) (?:artykuły|wpisy)|więcej (?:artykułów|wiadomości)
    """.splitlines()) + r")"
    r"|^(?:" + _COMMENT_WORDS + r")\s*[:?!]?$|^explore further$"
    r"|^(?:" + _END_WORDS + r")\s*[:?!.…]*$",
    re.I)
# A card's headline glued to its teaser ("... Student-AthleteA 24-year-old woman ...").
# The headline's last word is a whole word (a capital and four or more small letters,
# or closing punctuation), so that camel-case names (MacBook, iPhone, LeBron, McPherson,
# SoftBank) are not read as a seam.
_GLUED = re.compile(r"^((?:\S+\s+){2,14}?(?:\S*[A-Z][a-z]{4,}|\S*[a-z][?!)]))([A-Z][a-z]*\s)")
# A caption's last words: "... the hibernation module. Credit: ESA".
_CREDIT_TAIL = re.compile(r"(?:^|[.!?)\]\s])(?:photo\s+|image\s+)?credits?\s*:\s*[^.!?:]{1,60}$"
                          # "... am Hafen. (Foto: Agentur)", "... Foto: Name | flickr"
                          r"|(?:^|[.!?)\]\s(])(?:foto|fotos|bild|bilder|photo|imagen|zdjęcie)"
                          r"\s*:\s*[^.!?:]{1,60}$", re.I)
# A line that asks the reader to sign up: a newsletter's box, a subscription offer (the
# imperatives of the languages the English promo list does not read).
_SIGN_UP = re.compile(r"newsletter|\b(?:abonniere|abonnieren sie|jetzt abonnieren|abonnez-vous"
                      r"|inscrivez-vous|suscr[ií]bete|suscribite|suscr[ií]base|iscriviti|assine"
                      r"|inscreva-se|schrijf je in|abonneer|zapisz się|zasubskrybuj)\b", re.I)
_BULLET = re.compile(r"^(?:[•·▪◦●\-–—*]|\d{1,2}[.)])\s")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LIST_MAX = 12  # the longest run kept as the article's own list
_RUN = 3  # this many unpunctuated short lines in a row look like a menu or link list


@dataclass
class Line:
    """One non-blank input line and what the cleaner thinks of it."""

    index: int  # position among the input's lines
    text: str  # stripped
    tokens: int  # words, or characters / 6 for scripts written without spaces
    stop: float
    punct: bool
    gap_before: bool  # a blank line separates it from the previous line
    kind: str = SHORT
    learned: bool = False  # one of the outlet's learned chrome lines
    inline: bool = False  # a credit or a stamp: chrome that sits inside articles too
    listed: bool = False  # short line that only its neighbours (a packed run) made chrome
    boxed: bool = False  # a heading of links the article's prose resumes right below
    slide: str = ""  # a line of a gallery of stories: the kind it had before (see _mark_galleries)


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
    outside = [ln for ln in text.splitlines() if ln.strip() and ln.strip() not in first.body]
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
    # line ever spans two of the input's lines however a reader splits them.
    raw_lines = text.splitlines()
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
    result.body = structure.to_markdown([ln.text for ln in body_lines])
    result.summary = metadata.summary(body_lines_text(body_lines))
    result.source_url = url
    if not body_lines:
        result.warnings.append("no article text found")
    return result


def body_lines_text(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines]


def to_lines(raw_lines: list[str]) -> list[Line]:
    """Non-blank lines with their features; blank lines only mark paragraph gaps."""
    out: list[Line] = []
    gap = True
    for i, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if not stripped:
            gap = True
            continue
        toks = words(stripped)
        size = max(len(toks), len(stripped) // 6)
        out.append(Line(i, stripped, size, stopword_ratio(toks),
                        bool(_END_PUNCT.search(stripped)), gap))
        gap = False
    return out


def classify(lines: list[Line], learned: frozenset[str] = frozenset()) -> None:
    """Set each line's kind from its own features, then from its neighbours' shape."""
    nostop = _no_stopwords(lines)
    for ln in lines:
        ln.kind = _kind(ln, learned, nostop)
    _mark_link_runs(lines)
    _mark_tables(lines)
    _mark_comment_zone(lines)
    _mark_echoes(lines)
    _mark_credited_captions(lines)
    _mark_boxes(lines)
    _mark_galleries(lines)


@lru_cache(maxsize=4096)
def is_barrier(text: str) -> bool:
    """A heading where a page stops being the article: comments, "related stories",
    "you may also like", "don't miss" (the HTML cleaner uses it too). Kept per text: the
    cleaner's passes ask it of the same lines, and its headings in many languages cost."""
    return len(text) < 60 and bool(_BARRIER.match(text))


def _kind(ln: Line, learned: frozenset[str], nostop: bool) -> str:
    text = ln.text
    if is_barrier(text):
        return BARRIER
    if ln.tokens == 0 or _TICKER.match(text):
        return BAD
    if _URLISH.match(text):
        return SHORT  # a link the article prints (its sources, a shop's item); chrome by place only
    if learned and normalize(text) in learned:
        ln.learned = True
        return BAD
    if is_chrome_phrase(text):
        return BAD
    if ln.tokens <= 30:  # credits, stamps and promos are short
        if headline.is_credit(text) or headline.is_stamp_line(text):
            ln.inline = True  # a picture's credit, an "Updated ..." stamp: inside articles too
            return BAD
        if headline.is_promo(text) or _SIGN_UP.search(text):
            return BAD
    if ":" in text and _CREDIT_TAIL.search(text):
        ln.inline = True  # a caption, however long, that ends with its picture's credit
        return BAD
    if _COMMENT.match(text) or _is_glued_card(text) or _date_only(text):
        return BAD
    if ln.tokens >= 8 and text.endswith(("…", "...")) and not ln.gap_before:
        return BAD  # a teaser cut short for a card
    stop = 1.0 if nostop else ln.stop
    if ln.punct and ((ln.tokens >= 8 and stop >= 0.12) or (ln.tokens >= 15 and stop >= 0.06)):
        return GOOD
    if (ln.tokens >= 20 and stop >= 0.12) or (ln.tokens >= 30 and stop >= 0.06):
        return GOOD
    return SHORT


# End matter: once the article has run, a comment section or a list of sources ends it.
_COMMENT_HEAD = re.compile(r"^(?:\d+\s+)?(?:comments?|responses?|replies)\b"
                           # a blog theme's count: "There are 13 comments", "There is 1 reply"
                           r"|^there (?:are|is) (?:\d+|no) (?:comments?|responses?|repl(?:y|ies))\b"
                           r"|^leave a (?:reply|comment)|^(?:коментарі|комментарии)\b"
                           # a count of comments on the quoted headline: 12 thoughts on “...”
                           # (never a sentence that quotes: 3 officials said "...")
                           r"|^\d+\s+(?:\w+\s+){0,2}(?:on|to)\s+[“\"«„].+[”\"»“]$"
                           r"|^(?:" + _COMMENT_WORDS + r")\s*[:?!]?$", re.I)
# What else only follows an article: its sources, the author's box, a prompt to rate it.
_END_HEAD = re.compile(r"^(?:sources|references|footnotes|bibliography|джерела|источники)\s*:?$"
                       r"|^(?:" + _END_WORDS + r")\s*[:?!.…]*$", re.I)


def _comment_head(ln: Line) -> bool:
    return _end_head(ln) or (len(ln.text) < 150
                             and bool(_COMMENT_HEAD.match(ln.text.strip("[]() "))))


def _end_head(ln: Line) -> bool:
    return len(ln.text) < 150 and bool(_END_HEAD.match(ln.text.strip("[]() ")))


_RUN_ON = 3  # paragraphs in a row right below a "Comments" link: the article going on


def _mark_comment_zone(lines: list[Line]) -> None:
    """Everything after a comment-section heading that follows the article is comments.

    Not a "Comments" link among the article's share buttons: the article's paragraphs
    go on right below it, one after another, where comments put a name, a date or a
    "Reply" between theirs."""
    prose = 0
    for i, ln in enumerate(lines):
        if prose >= 60 and (_end_head(ln) or (_comment_head(ln) and not _runs_on(lines, i + 1))):
            for rest in lines[i:]:
                rest.kind = BAD
            return
        if ln.kind == GOOD:
            prose += ln.tokens


def _runs_on(lines: list[Line], at: int) -> bool:
    below = lines[at:at + _RUN_ON]
    return len(below) == _RUN_ON and all(ln.kind == GOOD and ln.tokens >= _PARAGRAPH
                                         for ln in below)


def _mark_echoes(lines: list[Line]) -> None:
    """A line repeating one of the two lines before it is a caption or alt text echoed."""
    for i in range(1, len(lines)):
        text = lines[i].text
        if text == lines[i - 1].text or (i > 1 and text == lines[i - 2].text):
            lines[i].kind = BAD


def _mark_boxes(lines: list[Line]) -> None:
    """A "related" heading that a paragraph of its own follows within a few lines heads a
    box of links set inside the article: it costs the article less to run across it.

    The paragraph stands under no headline of its own (a "most read" list may set a teaser
    under each entry)."""
    gapped = _gapped(lines)
    for i, ln in enumerate(lines):
        after = _resumed_at(lines, i, gapped) if ln.kind == BARRIER else None
        ln.boxed = after is not None and not _teaser(lines, after)


def _mark_credited_captions(lines: list[Line]) -> None:
    """A line that its picture's credit follows directly, closing the block, is the caption.

    A browser writes a figure's caption and credit one under the other with no gap, and a
    paragraph after them; article paragraphs are not credited."""
    for i in range(len(lines) - 1):
        ln, credit = lines[i], lines[i + 1]
        closes = i + 2 == len(lines) or lines[i + 2].gap_before
        if (ln.kind in (GOOD, SHORT) and credit.inline and credit.kind == BAD
                and not credit.gap_before and closes):
            ln.kind, ln.inline = BAD, True


# A slide's counter, at the start of its line: "1/50", "2 of 12", "Bild 3 von 17", "3 / 5";
# never a date (10/18/2020, 17.11.), a fraction with more figures, a percentage or a time.
_SLIDE = re.compile(r"^(?:(?:photo|image|picture|slide|bild|foto|imagen|immagine|zdjęcie|фото)\s*)?"
                    r"([1-9]\d{0,2})\s*(?:/|of|von|de|di|sur|z|из|van|av|af)\s*([1-9]\d{0,2})"
                    r"(?![\d/.,%]|:\d)(?:\s*[:|–-]?\s+(.*)|:)?$", re.I)
_SLIDES = 3  # numbered slides of one total that make a gallery
_SLIDE_TITLE = 15  # words of a slide's headline at most
_GALLERY_HEAD = 3  # lines of a gallery's heading above its first slide at most
_GALLERY_ARTICLE = 50  # prose words the page has besides its galleries, at least, to drop them


def _slide(text: str) -> tuple[int, int, bool] | None:
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
    article's own pictures (or a recipe's steps) and stay. Every slide has a line or more
    of its own below its counter; the last one its caption and credits."""
    found: list[tuple[int, int, int, bool]] = []  # (line, number, total, titled)
    for i, ln in enumerate(lines):
        slide = _slide(ln.text) if ln.tokens <= _SLIDE_TITLE + 4 else None
        if slide:
            found.append((i, *slide))
    run: list[tuple[int, int, int, bool]] = []
    for item in [*found, (len(lines), 0, 0, False)]:
        at, number, total, _ = item
        if run and total == run[-1][2] and number == run[-1][1] + 1 and at - run[-1][0] >= 2:
            run.append(item)
            continue
        if run:
            _drop_gallery(lines, run)
        run = [item] if 1 <= number <= 2 else []


def _drop_gallery(lines: list[Line], run: list[tuple[int, int, int, bool]]) -> None:
    if len(run) < _SLIDES or sum(titled for *_, titled in run) < 0.8 * len(run):
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
    for ln in lines[first:end]:
        ln.slide = ln.kind
        ln.kind = BAD


def _gallery_is_article(lines: list[Line], start: int, end: int) -> bool:
    """Whether the page's galleries are its article (a slideshow with a line of lead): the
    region found across them holds next to no prose. Then they are given back."""
    if not any(ln.slide for ln in lines):
        return False
    if _prose([ln for ln in lines[start:end] if not ln.slide]) >= _GALLERY_ARTICLE:
        return False
    for ln in lines:
        if ln.slide:
            ln.kind, ln.slide = ln.slide, ""
    return True


def _is_glued_card(text: str) -> bool:
    m = _GLUED.match(text)
    if not m:
        return False
    head = m.group(1).split()
    capitalised = sum(1 for w in head if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= 0.7 * len(head)


def _date_only(text: str) -> bool:
    """A line that is a date (and time) with little else: a byline or comment stamp."""
    if len(text) > 60 or not _YEAR.search(text):
        return False
    found = dates.find_date(text)
    return found is not None and (found.end - found.start) >= 0.6 * len(text)


def _no_stopwords(lines: list[Line]) -> bool:
    """True for pages in a language without a stopword list (Korean, Marathi ...)."""
    long_lines = [ln for ln in lines if ln.tokens >= 8]
    if not long_lines:
        return False
    return sum(ln.stop for ln in long_lines) / len(long_lines) < 0.05


def _mark_link_runs(lines: list[Line]) -> None:
    """Short unpunctuated lines packed together without gaps are menus and link lists,
    unless a sentence of the page announces them ("Think about it:")."""
    i = 0
    while i < len(lines):
        j = i
        while (j < len(lines) and lines[j].kind != GOOD and not lines[j].punct
               and not _BULLET.match(lines[j].text)
               and (j == i or not lines[j].gap_before)):
            j += 1
        if j - i >= _RUN and not (i and _announces(lines[i - 1])):
            for ln in lines[i:j]:
                if ln.kind != BARRIER:
                    ln.listed = ln.kind == SHORT
                    ln.kind = BAD
        i = max(j, i + 1)


def _announces(ln: Line) -> bool:
    """A sentence of the page's own that ends in a colon: what follows is its list."""
    return ln.kind in (GOOD, SHORT) and ln.text.endswith(":") and ln.tokens >= 2


def _cells(ln: Line) -> int:
    return sum(1 for cell in ln.text.split("\t") if cell.strip()) if "\t" in ln.text else 0


def _mark_tables(lines: list[Line]) -> None:
    """Rows of a data table (a browser writes cells apart by tabs) are content.

    Standings, results and schedules carry no sentences; a run of rows with three or
    more filled cells each is a table the article shows, not a menu."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _cells(lines[j]) >= 3 and (j == i or not lines[j].gap_before):
            j += 1
        if j - i >= _RUN:
            for ln in lines[i:j]:
                ln.kind = TABLE
        i = max(j, i + 1)


# A page's footer: "© 2019 Example Media. All rights reserved." (a picture's "© Agency" is not).
_FOOTER = re.compile(r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:copyright\s*)?\d{4}|" + RIGHTS_RESERVED,
                     re.I)


def split_at_end_matter(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """The region without the page's end matter that it ran across.

    A copyright notice is the page's footer, and whatever teasers come after it; a
    "related"/"more" heading is end matter when the article does not resume right below
    it (a box of two or three links inside an article is followed by its next
    paragraph). Such a line splits the region, and the side with more prose is the
    article: dumps put a page's footer, or a gallery's captions, above it too. A "related"
    or comments heading right below a run of prose that has a good share of what follows
    (as :func:`_before_end_matter` weighs it) ends the article there: teasers and comments
    may well outweigh a short article, and they follow it."""
    prose, last = 0, start
    for i in range(start, end):
        ln = lines[i]
        if _ends_matter(lines, start, i):
            after = _story_prose(lines, i + 1, end)
            if prose >= after or (not _is_footer(ln) and i - last <= _EARLY_NEAR
                                  and prose >= max(_EARLY_MIN, _EARLY_SHARE * after)):
                return start, i
            start, prose = _best_start(lines, i + 1, end), 0
        elif ln.kind == GOOD:
            prose, last = prose + ln.tokens, i + 1
    return start, end


_CHROME_RUN = 3  # chrome lines in a row that part the article from what follows
_ISLAND_SHARE = 0.25  # of the article's prose, at most, in what follows such a run


def drop_trailing_island(lines: list[Line], start: int, end: int) -> int:
    """The region's new end: without the bit of prose below the last run of chrome lines.

    The article's end is often followed by share buttons, tags or a "related" list, and
    then a promo, an author's note or a teaser that the region ran on to: a small block
    (at most :data:`_ISLAND_SHARE` of the prose above) past :data:`_CHROME_RUN` chrome
    lines in a row. Credits and stamps (chrome inside articles too) do not part it."""
    cut, run = None, 0
    for i in range(start, end):
        ln = lines[i]
        if ln.kind in (BAD, BARRIER) and not ln.inline and not ln.learned:
            run += 1
            if run >= _CHROME_RUN:
                cut = i + 1
        else:
            run = 0
    if cut is None:
        return end
    after = _prose(lines[cut:end])
    if 0 < after <= _ISLAND_SHARE * _prose(lines[start:cut]):
        return cut
    return end


_LEAD_GAP = 8  # chrome lines at most between the lead and the article's next paragraph
_LEAD_MIN = 15  # words of a lead paragraph


def reach_lead(lines: list[Line], start: int, end: int) -> int:
    """The region's new start: with the lead paragraph that share buttons, a stamp or a
    picture's credit part from the rest of the article (they cost more than it weighs)."""
    if not start < end or lines[start].kind != GOOD:
        return start
    i = start - 1
    while i >= 0 and start - i <= _LEAD_GAP and lines[i].kind == BAD and lines[i].tokens <= 12:
        i -= 1
    if 0 <= i < start - 1 and lines[i].kind == GOOD and lines[i].tokens >= _LEAD_MIN:
        return i
    return start


_TAIL_TITLES = 3  # headlines below the article's last paragraph that make a list of stories


def drop_trailing_headlines(lines: list[Line], start: int, end: int) -> int:
    """The region's new end: without the headlines of other stories (and their teasers) that
    follow the article's last paragraph, under no heading the cleaner knows."""
    last = None
    for i in range(end - 1, start - 1, -1):
        if lines[i].kind == GOOD and lines[i].tokens >= _PARAGRAPH and not _card_teaser(lines, i):
            last = i
            break
    if last is None:
        return end
    tail = [i for i in range(last + 1, end)
            if lines[i].kind not in (BAD, BARRIER) and lines[i].tokens > 2]
    titles = sum(1 for i in tail if _card_title(lines[i]))
    cards = sum(1 for i in tail if _card_title(lines[i]) or _card_teaser(lines, i))
    tail = [lines[i] for i in tail]
    if (titles >= _TAIL_TITLES and 2 * cards >= len(tail)
            and not any(ln.text.endswith(":") for ln in tail)
            and _story_prose(lines, last + 1, end) < _prose(lines[start:last + 1]) * 0.5):
        return last + 1
    return end


def _best_start(lines: list[Line], lo: int, end: int) -> int:
    """Where in ``[lo, end)`` the densest run that ends at ``end`` starts."""
    best, total, at = float("-inf"), 0.0, lo
    for i in range(end - 1, lo - 1, -1):
        total += weight(lines[i])
        if total >= best:
            best, at = total, i
    return at


def _ends_matter(lines: list[Line], start: int, at: int) -> bool:
    ln = lines[at]
    return _is_footer(ln) or (
        ln.kind == BARRIER and _resumed_at(lines, at, _gapped(lines[start:at])) is None)


def _prose(lines: list[Line]) -> int:
    return sum(ln.tokens for ln in lines if ln.kind == GOOD)


_CARD_MAX = 50  # words of a story card's teaser at most


def _story_prose(lines: list[Line], lo: int, end: int) -> int:
    """The prose of ``[lo, end)`` that is not story cards' teasers."""
    return sum(ln.tokens for i, ln in enumerate(lines[lo:end], lo)
               if ln.kind == GOOD and not _card_teaser(lines, i))


def _card_teaser(lines: list[Line], at: int) -> bool:
    """A story card's teaser: a short paragraph under its own headline (not the first
    paragraph below a list of headlines)."""
    return (lines[at].kind == GOOD and lines[at].tokens <= _CARD_MAX and at > 0
            and _card_title(lines[at - 1]) and not (at > 1 and _card_title(lines[at - 2])))


def _card_title(ln: Line) -> bool:
    """A headline: a short line of several words without a sentence's punctuation."""
    return ln.kind == SHORT and not ln.punct and ln.tokens >= 3


def _is_footer(ln: Line) -> bool:
    return len(ln.text) < 300 and bool(_FOOTER.search(ln.text))


_RESUME = 6  # lines below a heading within which an article's paragraphs go on
_PARAGRAPH = 15  # words of a paragraph that shows the article going on


def _resumed_at(lines: list[Line], at: int, gapped: bool) -> int | None:
    """The paragraph of prose that follows within a few lines of ``at`` (before another
    heading of end matter): a paragraph's length, set apart by a gap when the page's
    paragraphs are (a list's entries with their teasers are packed), and not story
    cards' teasers."""
    i = at + 1
    while i < min(len(lines), at + 1 + _RESUME):
        ln = lines[i]
        if ln.kind == GOOD and ln.tokens >= _PARAGRAPH and (ln.gap_before or not gapped):
            return None if _teaser(lines, i) and _teaser(lines, i + 2) else i
        if lines[i].kind == BARRIER:  # another box of links: count from its heading
            at = i
        i += 1
    return None


def _gapped(lines: list[Line]) -> bool:
    """Whether the page sets its paragraphs apart by blank lines (most of its prose does)."""
    prose = [ln for ln in lines if ln.kind == GOOD and ln.tokens >= _PARAGRAPH]
    return bool(prose) and sum(ln.gap_before for ln in prose) >= 0.7 * len(prose)


def _teaser(lines: list[Line], at: int) -> bool:
    """A story card's teaser: a short paragraph right under an unpunctuated headline."""
    if not 0 < at < len(lines) or lines[at].kind != GOOD or lines[at].tokens > 40:
        return False
    title = lines[at - 1]
    return title.kind == SHORT and not title.punct and title.tokens >= 3


def restore_lists(lines: list[Line], start: int, end: int) -> None:
    """A packed run of short lines inside the article, between its sentences, is its list.

    Runs count as chrome while the region is sought (menus look the same); once the
    region is known, a run that sits between sentences of the article is the article's
    own list (items, schedules, specifications) and stays. The sentence before it may be
    a short one ("Because once you understand it …")."""
    i = start + 1
    while i < end - 1:
        if not lines[i].listed:
            i += 1
            continue
        j = i
        while j < end and lines[j].listed:
            j += 1
        if j < end and _sentence(lines[i - 1]) and _sentence(lines[j]) and j - i <= _LIST_MAX:
            for ln in lines[i:j]:
                ln.kind = SHORT
        i = j


def _sentence(ln: Line) -> bool:
    """Article prose, or a short sentence of it (punctuated, not chrome)."""
    return ln.kind == GOOD or (ln.kind == SHORT and ln.punct)


_LIST_LONGEST = 60  # the longest list attached below the article's last line
# A numbered item: "1) ...", "2. ...", "3a etapa: ...", the number then the item's words.
_NUMBERED = re.compile(r"^(\d{1,3})(?:[.)]|[a-zºª°]?)\s+\w")


def attach_list(lines: list[Line], start: int, end: int) -> int:
    """The region's new end: the list the article's last line announces is the article's.

    The densest run stops where the article's list starts, as the list's short lines
    cost more than they weigh. A lead-in ending in a colon ("... tour dates:") says they
    belong to it; so does a list of parallel items (dates, numbered entries: a schedule,
    results) right below the article or below a heading of its own. The list is the
    packed run, or items numbered 1, 2, 3 ... apart by gaps (each with a line or two of
    its own: a link, a price)."""
    last = end - 1
    if not start <= last < len(lines) - 1 or lines[last].kind not in (GOOD, SHORT):
        return end
    if _announces(lines[last]):
        stop = _list_end(lines, last + 1)
        return _keep_list(lines, last + 1, stop) if stop - last > 2 else end
    first = last + 1
    if _heading(lines[first]) and first + 1 < len(lines):
        first += 1
    stop = _list_end(lines, first)
    if stop - first >= _RUN and _parallel(lines[first:stop]):
        return _keep_list(lines, last + 1, stop)
    return end


def _keep_list(lines: list[Line], first: int, stop: int) -> int:
    for ln in lines[first:stop]:
        ln.kind = SHORT
    return stop


def _heading(ln: Line) -> bool:
    """A short title line of the page's own (not chrome, not a sentence)."""
    return ln.kind == SHORT and not ln.punct and ln.gap_before and ln.tokens <= 12


_DIGIT = re.compile(r"\d")


def _parallel(items: list[Line]) -> bool:
    """Entries of one shape: nearly all of several words with a number in the first two
    (a date, a rank, a stage), as schedules and results are printed; menus are not."""
    shaped = sum(1 for ln in items
                 if ln.tokens >= 4 and _DIGIT.search(" ".join(ln.text.split()[:2])))
    return shaped >= 0.8 * len(items)


def _list_end(lines: list[Line], first: int) -> int:
    """Where the list that starts at ``first`` ends (exclusive): the packed run, or numbered
    items on across gaps."""
    number = _item_number(lines[first].text)
    i = first + 1
    while i < len(lines) and i - first < _LIST_LONGEST and _item_like(lines[i]):
        if lines[i].gap_before and not _list_goes_on(lines, i, number):
            break
        if number is not None and _item_number(lines[i].text) == number + 1:
            number += 1
        i += 1
    return i


def _list_goes_on(lines: list[Line], at: int, number: int | None) -> bool:
    """Whether the line after a gap still belongs to the numbered list: item ``number + 1``
    starts there or within two lines, or it is a line of item ``number`` (its link, its
    price)."""
    if number is None:
        return False
    if _item_number(lines[at - 1].text) == number:
        return True
    return any(_item_number(ln.text) == number + 1 for ln in lines[at:at + 3])


def _item_number(text: str) -> int | None:
    m = _NUMBERED.match(text)
    return int(m.group(1)) if m else None


def _item_like(ln: Line) -> bool:
    """A line that can be a list item: text of the page's own, not a chrome phrase."""
    return ln.kind in (SHORT, GOOD, TABLE) or (ln.kind == BAD and ln.listed)


def drop_head_captions(lines: list[Line], start: int, end: int) -> None:
    """A photo's caption, a byline or a time stamp between the headline and the lead is
    not the article's first line.

    Only at the head of the article: further down, "is seen" or "pictured" is as likely
    to be the reporter's own sentence."""
    for ln in lines[start:end]:
        if ln.kind in (BAD, BARRIER):
            continue
        text = ln.text
        if ln.tokens > 60 or not (headline.is_caption(text) or headline.is_byline(text)
                                  or headline.is_timestamp(text)):
            return
        ln.kind = BAD


_HEAD_LINES = 8  # lines at the region's top where a standfirst and its byline may stand
_STANDFIRST = 60  # prose words a standfirst (with a caption) runs to at most


def drop_standfirst(lines: list[Line], start: int, end: int) -> None:
    """The summary above the byline or the date is the standfirst, not the article.

    Pages print the headline, a sentence or two that sums the story up (a picture's
    caption), then the byline or the date; the article starts below them. A byline
    further down, or after more prose than a standfirst has, is not this."""
    prose, below = 0, None
    for i in range(start, min(end, start + _HEAD_LINES)):
        if _signs_the_head(lines[i].text):
            below = i
        elif lines[i].kind == GOOD:
            prose += lines[i].tokens
            if prose > _STANDFIRST:
                break
    if below is None:
        return
    for ln in lines[start:below + 1]:
        if ln.kind not in (BAD, BARRIER):
            ln.kind = BAD


def _signs_the_head(text: str) -> bool:
    """A byline, a time stamp or a date on its own: what stands between the standfirst and
    the article. Not an embedded post's signature ("— Name (@name) August 23, 2023")."""
    if text.startswith(("—", "–", "-")):
        return False
    return headline.is_byline(text) or headline.is_stamp_line(text) or _date_only(text)


def weight(ln: Line) -> float:
    """A line's contribution to its region: prose adds, everything else costs."""
    if ln.slide:
        return 0.0  # a gallery set into the page: as if it were not there
    if ln.kind == GOOD:
        return float(ln.tokens)
    if ln.kind == BARRIER:
        return -15.0 if ln.boxed else -40.0
    if ln.kind == TABLE:
        return ln.tokens * 0.5
    if ln.learned or ln.inline:
        return -2.0  # inserts (promos, credits) sit inside articles; dropped anyway
    if ln.kind == BAD:
        return -12.0 - min(ln.tokens, 10) * 0.5
    if ln.punct and ln.gap_before and ln.tokens >= 4:
        return ln.tokens * 0.1  # a short paragraph of its own: a sentence or two of the article
    return -0.5 - min(ln.tokens, 12) * 0.1


_MIN_REGION = 8.0  # less prose than one sentence: the page has no article by the usual signs


def main_region(lines: list[Line]) -> tuple[int, int]:
    """The ``[start, end)`` run of lines with the largest total weight.

    A page whose text has no sentence-like prose at all (a score table, a recipe, a
    page in a language without a stopword list) would give no region; then the
    short lines count for their words too, so that its densest text block is kept
    rather than nothing.
    """
    best, span = _densest(lines, weight)
    if best < _MIN_REGION:
        relaxed, relaxed_span = _densest(lines, _relaxed_weight)
        if relaxed > best:
            return relaxed_span
    return _before_end_matter(lines, best, span)


_EARLY_SHARE = 0.4  # of the densest run's weight, that an article above end matter has
_EARLY_MIN = 30.0  # weight of prose (words) an article above end matter has at least
_EARLY_NEAR = 10  # lines at most between that article's end and the end matter's heading


def _before_end_matter(lines: list[Line], best: float, span: tuple[int, int]) -> tuple[int, int]:
    """The article above the page's end matter, when the densest run lies below it.

    Comments, a reader's forum, "more stories" with their teasers or a long footer can hold
    more prose than a short article; but they follow it. When a heading of end matter (a
    comment section's, a "related" heading the article does not resume under, a copyright
    footer) stands above the densest run, and right above that heading (within
    :data:`_EARLY_NEAR` lines) ends a run of real weight (a paragraph or two, and a good
    share of the densest run's), that run is the article."""
    gapped = _gapped(lines)
    need = max(_EARLY_MIN, _EARLY_SHARE * best)
    # Kadane's run over the lines above each heading, in one pass (as in _densest)
    above, above_span, total, start = 0.0, (0, 0), 0.0, 0
    for at in range(span[0]):
        ln = lines[at]
        if (above >= need and at - above_span[1] <= _EARLY_NEAR
                and (_is_footer(ln) or _comment_head(ln) or (
                    ln.kind == BARRIER and _resumed_at(lines, at, gapped) is None))):
            return above_span
        if total <= 0:
            total, start = 0.0, at
        total += weight(ln)
        if total > above:
            above, above_span = total, (start, at + 1)
    return span


def _relaxed_weight(ln: Line) -> float:
    if ln.kind == SHORT:
        return ln.tokens * 0.5 - 1.0
    return weight(ln)


def _densest(lines: list[Line], weigh: Callable[[Line], float]) -> tuple[float, tuple[int, int]]:
    """Kadane's maximum-sum run over the lines' weights."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, ln in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += weigh(ln)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best, best_span
