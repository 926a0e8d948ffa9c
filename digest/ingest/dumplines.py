"""A dump's lines, and what each one says about itself.

The text-dump cleaner (:mod:`digest.ingest.textdump`) reads a page's text as lines, the
blocks a browser writes one per line. This module holds :class:`Line` (a line's features and
the cleaner's judgement of it), the kinds a line can be (``good``: article-like prose;
``short``: could be either, headings, bullets, captions; ``bad``: chrome; ``barrier``: a
heading where the page stops being the article; ``table``: a data table's row),
:func:`to_lines`, and the judgement of a line on its own (:func:`_kind`): length, sentence
punctuation, stopword density, ticker and comment shapes, known chrome phrases and the
outlet's learned chrome lines. What a line's neighbours say about it is
:mod:`digest.ingest.linemarks`. Every later stage reads these lines, so this module imports
none of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from digest.ingest import dates, headline
from digest.ingest.chrome import is_chrome_phrase, normalize
from digest.ingest.lang import stopword_ratio, words

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
    |(?:artículos|noticias|notas|temas|contenidos?) (?:relacionad[ao]s|recomendad[ao]s)
    |(?:te|le) puede interesar
    |(?:también )?(?:te|le) (?:puede|podría) interesar|te recomendamos|lo más (?:leído|visto)
    |(?:las |los )?más (?:leídas|leídos|vistas|vistos)|más noticias|otras noticias
    |mirá también|lee también|leer también|ver también|puedes ver
    |articoli correlati|(?:ti )?potrebbe(?:ro)? interessarti|leggi anche|(?:i |gli )?più letti
    |altre notizie|artigos relacionados|notícias relacionadas|leia também|veja também
    |(?:as |os )?mais (?:lidas|lidos)|você (?:também )?pode gostar
    |gerelateerde (?:artikelen|berichten)|lees ook|meest gelezen|meer nieuws
    |czytaj (?:także|też)|zobacz (?:także|też)|najczęściej czytane|najpopularniejsze
    |související (?:články|zprávy)|(?:čtěte|přečtěte si) (?:také|též)|nejčtenější
    |súvisiace (?:články|správy)|(?:čítajte|prečítajte si) (?:aj|tiež)|najčítanejšie
    |kapcsolódó (?:cikkek|hírek)|legolvasottabb|articole (?:similare|asemănătoare|recomandate)
    |cite(?:ș|s)te (?:și|si)|cele mai citite|relaterade (?:artiklar|nyheter)|läs (?:också|även)
    |mest lästa|relaterede (?:artikler|nyheder)|relaterte (?:artikler|saker)|l(?:æ|e)s også
    |mest (?:læste|lest|leste)|lue myös|luetuimmat|(?:[iİ]lgili|benzer) haberler
    |en çok okunanlar|σχετικά άρθρα|διαβάστε (?:επίσης|ακόμα)|相关(?:新闻|文章|阅读)|推荐阅读
    |関連記事|おすすめ記事|관련\s?기사|많이 본 뉴스
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
                          r"\s*:\s*[^.!?:]{1,60}$"
                          # "... sinkt der Brustkorb ein. © Pferderevue"
                          r"|[.!?)]\s*©\s*[^.!?:©]{1,60}$", re.I)
# A line that asks the reader to sign up: a newsletter's box, a subscription offer (the
# imperatives of the languages the English promo list does not read).
_SIGN_UP = re.compile(r"newsletter|\b(?:abonniere|abonnieren sie|jetzt abonnieren|abonnez-vous"
                      r"|inscrivez-vous|suscr[ií]bete|suscribite|suscr[ií]base|iscriviti|assine"
                      r"|inscreva-se|schrijf je in|abonneer|zapisz się|zasubskrybuj)\b", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
# A page's markup printed as text (an ad's or a tracker's <noscript> fallback):
# "<div><a href="https://ad.example.net/…"><img src=…></a></div>".
_MARKUP = re.compile(r"^<(?:div|a|img|iframe|script|span|p|noscript|ins|link|meta|style|table)"
                     r"\b[^>]*>", re.I)
# A picture's credit on a line right under its caption, in the shapes the headline's credit
# test leaves to the body ("Black Friday/Cyber Monday" is a headline, "AFP" alone a byline):
# "Jason Cipriani/ZDNet", "Doug Mills/The New York Times", "AP".
_UNDER_CAPTION = re.compile(
    r"""^(?:AP|AFP|Reuters|REUTERS|EPA)$
    |^[A-Z][\w'’.-]+(?:\ [A-Z][\w'’.-]+){1,3}\ ?/\ ?(?:The\ )?[A-Z][\w'’.&-]*
    (?:\ [A-Z][\w'’.&-]*){0,4}$""", re.X)


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


@lru_cache(maxsize=4096)
def is_barrier(text: str) -> bool:
    """A heading where a page stops being the article: comments, "related stories",
    "you may also like", "don't miss" (the HTML cleaner uses it too). Kept per text: the
    cleaner's passes ask it of the same lines, and its headings in many languages cost."""
    return len(text) < 60 and bool(_BARRIER.match(text))


# Headings of the boxes of other stories a page sets under an article's head, in the
# languages of Europe ("Lesen Sie auch", "À lire aussi", "Te puede interesar" ...); the
# English, Ukrainian and Russian ones are the cleaner's barriers (:func:`is_barrier`).
_RELATED = re.compile(
    r"^(?:das\s+)?(?:lesen\s+sie\s+auch|lies\s+auch|auch\s+interessant|mehr\s+zum\s+thema"
    r"|weitere\s+(?:artikel|beiträge|nachrichten)|ähnliche\s+(?:artikel|beiträge)"
    r"|verwandte\s+(?:artikel|beiträge)|könnte\s+(?:dich|sie|ihnen|dir)\s+auch\s+interessieren"
    r"|(?:à\s+)?lire\s+aussi|sur\s+le\s+même\s+sujet|articles?\s+(?:similaires|liés)"
    r"|lee\s+también|te\s+puede\s+interesar|noticias\s+relacionadas|más\s+noticias"
    r"|leggi\s+anche|potrebbe\s+interessarti|articoli\s+correlati|leia\s+também|veja\s+também"
    r"|notícias\s+relacionadas|lees\s+ook|meer\s+nieuws|czytaj\s+(?:też|także|również)"
    r"|zobacz\s+(?:też|także|również)|(?:recent|latest)\s+(?:stories\s+)?from\b.*"
    r"|related\s+(?:video|coverage|content|links)|more\s+(?:on|about)\b.*"
    # and their comment sections: "3 Kommentare", "Schreibe einen Kommentar", a shop's
    # "Kundenbewertungen für ..." (customer reviews)
    r"|(?:customer\s+reviews|(?:kunden)?bewertungen|rezensionen)(?:\s+(?:for|für)\b.*)?"
    r"|(?:\d+\s+)?(?:kommentare?|commentaires?|comentarios?|commenti|comentários|reacties"
    r"|komentarze?)|(?:schreibe|hinterlasse)\s+einen\s+kommentar|kommentar\s+(?:verfassen|schreiben)"
    r"|laisser\s+un\s+commentaire|deja\s+un\s+comentario|lascia\s+un\s+commento"
    r"|deixe\s+um\s+comentário|laat\s+een\s+reactie\s+achter)[\s:.…!]*$", re.I)


def is_related_heading(text: str) -> bool:
    """A "related stories" or comments heading: the cleaner's barrier, or one of
    :data:`_RELATED` ("Lesen Sie auch", "More on: …")."""
    return len(text) < 60 and (is_barrier(text) or bool(_RELATED.match(text)))


def related_boxes(lines: Sequence[Line], dated: Callable[[int], bool], stop: int,
                  gap: int) -> list[tuple[int, int]]:
    """The boxes of other stories above line ``stop``, as (heading, last item): a related
    heading (:func:`is_related_heading`) with two dated lines or more after it, each within
    ``gap`` lines of the one before (of the heading, for the first) and before the next
    heading ("Related Video", then each video's title over its date; "Recent from Jane
    Roe" over her other stories). Neither their dates nor their titles are the article's:
    the dateline and the headline pass over them."""
    boxes = []
    heads = [i for i in range(min(stop, len(lines))) if is_related_heading(lines[i].text)]
    for n, heading in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else min(stop, len(lines))
        items, last = 0, heading
        for i in range(heading + 1, end):
            if i - last > gap:
                break
            if dated(i):
                items, last = items + 1, i
        if items >= 2:
            boxes.append((heading, last))
    return boxes


def _kind(ln: Line, learned: frozenset[str], nostop: bool) -> str:
    text = ln.text
    if is_barrier(text):
        return BARRIER
    if ln.tokens == 0 or _TICKER.match(text) or _MARKUP.match(text):
        return BAD
    if _URLISH.match(text):
        return SHORT  # a link the article prints (its sources, a shop's item); chrome by place only
    if learned and normalize(text) in learned:
        ln.learned = True
        return BAD
    if is_chrome_phrase(text):
        return BAD
    if ln.tokens <= 30:  # credits, stamps and promos are short
        if (headline.is_credit(text) or headline.is_stamp_line(text)
                or (ln.tokens <= 8 and not ln.punct and not ln.gap_before
                    and _UNDER_CAPTION.match(text))):
            ln.inline = True  # a picture's credit, an "Updated ..." stamp: inside articles too
            return BAD
        if headline.is_promo(text) or _SIGN_UP.search(text):
            return BAD
    if (":" in text or "©" in text) and _CREDIT_TAIL.search(text):
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


def _announces(ln: Line) -> bool:
    """A sentence of the page's own that ends in a colon: what follows is its list."""
    return ln.kind in (GOOD, SHORT) and ln.text.endswith(":") and ln.tokens >= 2


def _prose(lines: list[Line]) -> int:
    return sum(ln.tokens for ln in lines if ln.kind == GOOD)
