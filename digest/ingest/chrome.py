"""Page chrome: phrases every site uses, and lines a given outlet repeats on every page.

Two sources of knowledge, both deterministic:

* :func:`is_chrome_phrase` knows the boilerplate of news sites in several languages
  ("Support Us", "Advertisement:", "Реклама", "Follow us", "All News", cookie notices,
  share counters, read-time notes ...). It is matched against whole short lines, or
  against the start of a line for labels such as ``Photo:`` and ``Фото:``.
* :class:`ChromeModel` holds the lines learned per outlet: a line that appears on at
  least two pages *and* on at least a third of an outlet's pages is that outlet's
  chrome (its menu, its promo, its ticker heading), not article text.

The learned model lives in the project as ``ingest-chrome.yaml`` (next to
``digest.yaml``): a plain, sorted YAML mapping ``outlet -> {pages: N, lines: [...]}``
that an editor can read, correct in review and commit. The outlet is the one a page
is looked up by (:func:`digest.ingest.textdump.chrome_key`): a ``digest.yaml`` source
name, else the outlet named in the byline, else the web host of the dump's URL line.
``digest ingest`` reads it when present; relearning (``learn`` over the raw pages,
then ``save``) rewrites it from scratch, so the same raw pages always give the same file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from digest.ingest.lang import ALL_STOPWORDS, words
from digest.ingest.store import atomic_write
from digest.ingest.wrapped import dump_lines

CHROME_FILE = "ingest-chrome.yaml"
MIN_PAGES = 2
MIN_SHARE = 0.34

# Whole-line boilerplate (matched after normalising case and trailing punctuation).
_EXACT = r"""
advertisement|advertising|ad|ads|sponsored|sponsored content|реклама|реклама:|partner content
|support us|support|donate|become a patron|subscribe|subscribe now|sign in|sign up|log in|login
|register|my account|newsletter|newsletters|all newsletters|follow us|follow|share|share this
|tweet|email|print|comments|comment|no comments yet|leave a comment|reply|read more|see more
|more|load more|show more|read also|related|related articles|related news|related stories
|related topics|recent stories|recent posts|latest|the latest|latest news|all news|recent news
|news feed|most popular|most read|popular|trending|top stories|all sections|sections|menu
|open menu|close|close menu|search|home|skip to content|skip to main content|back to top
|back|back to overview|zurück|zurück zur übersicht
|next|previous|prev|photo|video|audio|gallery|listen|watch|tags|topics|cookie policy
|privacy policy|terms of use|terms of service|contact us|about us|jobs|rss|facebook|twitter|x
|instagram|youtube|telegram|linkedin|whatsapp|viber|tiktok|reddit|pinterest|google news|edit post
|all|укр|рус|eng|en|ua|ru|uk|english|українська|русский|новини|новости|усі новини|всі новини
|все новости|читайте також|читайте также|популярне|популярное|поділитися|поделиться
|підписатися|подписаться|коментарі|комментарии|головна|главная|пошук|поиск|меню
|підтримати|підтримайте нас|теги|теги:|мітки|перейти в дзен|есть новость\?|присылайте »
|присылайте|новость|новина|logo|orange background|total|shares|views
|werbung|anzeige|teilen|artikel teilen|beitrag teilen|jetzt teilen|teilen mit|teilen sie dies mit
|sharen mit|drucken|artikel drucken|gefällt mir|liken|antworten|nach oben|startseite|suche|suchen
|impressum|datenschutz|datenschutzerklärung|kontakt|weiterlesen|mehr lesen|mehr erfahren
|mehr anzeigen|alle anzeigen|schlagworte|schlagwörter|stichworte|kategorien|beitragsnavigation
|vorheriger beitrag|nächster beitrag|vorheriger artikel|nächster artikel|anmelden|registrieren
|abonnieren|jetzt abonnieren|newsletter abonnieren|zum newsletter anmelden|abbrechen
|publicité|partager|partager cet article|imprimer|répondre|accueil|rechercher|mentions légales
|lire la suite|en savoir plus|voir plus|s'abonner|abonnez-vous|se connecter|article précédent
|article suivant|mots-clés|publicidad|compartir|responder|inicio|buscar|aviso legal|leer más
|seguir leyendo|ver más|suscríbete|iniciar sesión|artículo anterior|artículo siguiente|etiquetas
|pubblicità|condividi|rispondi|cerca|leggi tutto|continua a leggere|iscriviti
|articolo precedente|articolo successivo|publicidade|compartilhar|partilhar|leia mais
|continue lendo|assine|advertentie|delen|beantwoorden|zoeken|lees meer|lees verder|reklama
|udostępnij|odpowiedz|szukaj|czytaj więcej|czytaj dalej|więcej|zaloguj się
|table of contents|contents|inhaltsverzeichnis|inhalt|sommaire|índice|indice|spis treści
|pdf|pdf version|print recipe|rezept drucken|imprimer la recette|imprimir receta|bild anzeigen
|mehr themen|weitere themen|more topics|autres sujets|más temas
|today's paper|today’s paper|print edition|e-paper|epaper|digital edition|zeitung digital
|edición impresa|édition du jour|l'édition du jour|l’édition du jour
|about this blog|über diesen blog|über mich|über uns|à propos|qui sommes-nous|acerca de
|sobre nosotros|sobre mí|quiénes somos|chi siamo|sobre nós|quem somos|over ons|o nas
|caption|credit|credits|copied|copy link|link copied|advert|thanks for watching!|no thanks
|subscribe no thanks|order reprints|reprints|print article|tell us what you think
|what do you think
|ouvir o texto|diminuir fonte|aumentar fonte|tamanho da fonte|increase font size
|decrease font size|text size|font size|schriftgröße|schrift vergrößern|schrift verkleinern
|taille du texte|agrandir le texte|réduire le texte|tamaño de letra|aumentar letra
|disminuir letra|listen to this article|listen to article|artikel anhören|écouter l'article
|escuchar artículo|escuchar nota|escucha esta noticia|escuchar esta noticia|escucha la noticia
|listen to this story|listen to the story|ouvir notícia|ascolta l'articolo
|enviá tu comentario|envía tu comentario|envie seu comentário|envoyer un commentaire
|související|sdílet|sdílet článek|komentáře|diskuse|doporučujeme|súvisiace|zdieľať|komentáre
|diskusia|odporúčame|kapcsolódó|megosztás|megosztom|hirdetés|hozzászólások|distribuie
|publicitate|comentarii|dela|dela artikeln|relaterat|annons|kommentarer|del|del artiklen
|annonse|annonce|jaa|jaa artikkeli|mainos|kommentit|paylaş|reklam|yorumlar|κοινοποίηση
|διαφήμιση|σχόλια|分享|分享到|广告|关注我们|责任编辑|シェア|広告|공유|광고
"""
_EXACT_RE = re.compile(
    r"^(?:" + "|".join(p.strip() for p in _EXACT.split("|") if p.strip()) + r")$"
)

# The words of a page's controls: a line made mostly of them is a button or a menu.
_INTERFACE = frozenset(re.findall(r"\S+", """
share sharing shares options option close open print email emails e-mail article more show
hide panel newsletter newsletters privacy policy gallery facebook twitter linkedin reddit
pinterest whatsapp telegram flipboard pocket comments comment save copy link url copied
subscribe menu search extra page view post posts author authors follow get
via feed rss website web youtube instagram tiktok xing mastodon threads bluesky viber tumblr
vk vkontakte odnoklassniki messenger sms
teilen drucken druckansicht vorlesen pinnen kommentare kommentar kommentieren lesen beiträge
speichern schließen suche suchen merken teile mail
compartir cerrar imprimir comentarios comentar guardar buscar
partager fermer imprimer commentaires commenter enregistrer rechercher
condividi chiudi stampa commenti commenta salva cerca
partilhar fechar comentários
udostępnij zamknij drukuj komentarze
menü warenkorb leer leerer cart basket empty carrito vacío panier vide carrello vuoto koszyk
login anmelden abmelden registrieren konto account
"""))

_FIRST_WORD = re.compile(r"[,|·•/]*([^\s,|·•/]*)")  # "View/Post Comments": "view"

# Labels that start a chrome line whatever follows (captions, credits, promos).
_PREFIX_RE = re.compile(
    r"""^(?:photo|photos|image|illustrative\ image|illustration|picture|video|source\ of\ photo
    |фото|світлина|ілюстрація|ілюстративне\ фото|иллюстрация|видео|відео
    |tags|subjects|topics|теги|теґи|мітки|темы|тэги|keywords|filed\ under|posted\ in
    |author|authors|автор|автори|авторы
    |written\ by|edited\ by|editor|web\ editor|\(web\ editor|reporting\ by|read\ also|read\ more
    |see\ also|also\ read|related|читайте\ також|читайте\ также|читайте\ нас|дивіться\ також
    |смотрите\ также|по\ теме|на\ тему|більше\ новин|больше\ новостей
    |copyright|©|\(c\)(?=\s*(?:\d|copyright))
    |all\ rights\ reserved|усі\ права|все\ права|follow\ us|follow\ [\w.]+\ on|join\ us
    |follow\ (?:[\w.&'’-]+\ ){1,6}on\ (?:facebook|twitter|instagram|linkedin|telegram|youtube)
    |follow\ our\ (?:live\ )?(?:coverage|updates|reporting)\b
    # who reported and edited the copy, under the article ("(Reporting by …; Editing by …)")
    |\(?reporting\ by\ .{0,300}editing\ by|first\ published\ on
    |this\ site\ is\ protected\ by\ recaptcha
    |subscribe\ to|sign\ up\ for|support\ up|support\ independent|support\ our|read\ in\ google
    |this\ audio\ is|listen\ to\ this|you\ can\ also\ highlight
    |if\ you\ (?:notice|find|see)\ an?\ (?:error|mistake|typo)
    |якщо\ ви\ помітили|если\ вы\ заметили|ctrl\s*\+\s*enter
    |pokud\ jste\ v\ článku\ (?:zaznamenali|našli)\ chybu|ak\ ste\ v\ článku\ našli\ chybu
    |share\ this|share\ on
    |click\ here|click\ to\ (?:share|email|print|tweet)|download\ (?:the|our)\ app
    # another story on the outlet's site ("Also on rt.com …", "On HoustonChronicle.com: …")
    |also\ on\ [\w-]+\.[a-z.]{2,6}\ |on\ [\w-]+\.[a-z.]{2,6}:
    |we\ use\ cookies|this\ (?:web)?site\ uses\ cookies
    |by\ continuing|accept\ (?:all\ )?cookies|cookie|privacy\ and\ cookie|write\ to\ us
    |we\ need\ your\ support|only\ the\ latest\ news|introducing\ official|getty\ images
    |shutterstock|reuters/|ap\ photo|afp\ photo|epa|screenshot|скриншот|©\ риа|риа\ новости/
    |teile\ diesen|teilen\ sie|jetzt\ teilen|(?:diesen\ )?(?:artikel|beitrag)\ teilen
    |partager\ (?:sur|cet)|partagez|compartir\ en|comparte\ (?:este|esta)|condividi\ (?:su|questo)
    |compartilhe|deel\ dit|udostępnij
    |(?:möchten\ sie|willst\ du)\ (?:den|diesen)\ (?:artikel|beitrag)
    |lesen\ sie\ (?:auch|mehr)|lies\ auch|siehe\ auch|mehr\ zum\ thema|(?:à\ )?lire\ aussi
    |voir\ aussi|lee\ también|leer\ también|ver\ también|mirá\ también|puedes\ ver
    |(?:te|le)\ puede\ interesar|informate\ más|leggi\ anche|leia\ também|veja\ também
    # "you may also like" over a list of other stories, in the languages of Europe
    |(?:esto\ |también\ )(?:te|le)\ puede\ interesar|te\ recomendamos|también(?=\s*:)
    |you\ (?:might|may)\ also\ (?:like|enjoy)|das\ könnte\ (?:sie|dich)\ (?:auch\ )?interessieren
    |vous\ (?:aimerez|pourriez\ aimer)\ aussi|ti\ potrebbe\ (?:anche\ )?interessare
    |(?:você\ )?(?:também\ )?pode\ (?:gostar|(?:te\ |se\ )?interessar)
    |learn\ (?:more\ )?about\ (?:us|our(?:\ \S+){1,4})\s*$
    |lees\ ook|czytaj\ (?:także|też)|zobacz\ (?:także|też)|dowiedz\ się\ więcej
    |getaggt\ mit|verschlagwortet\ mit|schlagw(?:ö|o)rter|schlagworte|stichw(?:ö|o)rter|étiquettes
    |etiquetas|tagi|mots[-\ ]cl[ée]s|tag\ correlati|trefwoorden
    |(?:filed\ to|themen|sujets|temas|argomenti|теми)(?=\s*:)
    |(?:abbildung|abb\.|figure|fig\.|abbildungen)(?=\s*\d*\s*:)
    # a picture from someone's own collection, credited ("личный архив Анны …")
    |личный\ архив|из\ личного\ архива|особистий\ архів|з\ особистого\ архіву
    |privatarchiv|archivio\ privato|archivo\ personal|archives\ personnelles
    |(?:foto|fotos|bild|bilder|titelbild|beitragsbild|symbolbild|headerbild|bildquelle|bildnachweis
    |bildcredit|imagen|fotografía|zdjęcie)(?=\s*:)
    # a reader's feedback asked of the article ("Was this article helpful?")
    |(?:was|is)\ this\ (?:article|page|post)\ (?:helpful|useful)
    |(?:war|ist)\ (?:dieser|der)\ (?:artikel|beitrag)\ hilfreich
    |wie\ (?:hat|gefällt)\ (?:ihnen|dir)\ (?:der|dieser)\ (?:artikel|beitrag)
    |cet\ article\ vous\ a-t-il|¿?(?:te|le)\ (?:ha\ sido|resultó)\ útil
    |como\ você\ se\ sentiu|este\ artigo\ foi\ útil|questo\ articolo\ (?:ti|le)\ è\ stato
    # a server's error printed into the page ("Warning: … in /www/… on line 341")
    |(?:warning|notice|deprecated|strict\ standards|fatal\ error|parse\ error):
    \ .{0,300}\ in\ \S*/\S+\ on\ line\ \d+
    # a word ends on a word's boundary; "©" or a label's ":" may run straight on
    )(?:(?<=\w)(?!\w)|(?<!\w))""",
    re.X | re.I,
)
# "All rights reserved" in the languages of the pages (a footer's notice): one list for the
# chrome lines, the dump's footer and the outlet's copyright notice.
RIGHTS_RESERVED = ("all rights reserved|усі права захищені|всі права захищені|все права защищены"
                   "|права захищені|права защищены|alle rechte vorbehalten|tous droits réservés"
                   "|todos los derechos reservados|tutti i diritti riservati"
                   "|todos os direitos reservados|alle rechten voorbehouden"
                   "|wszelkie prawa zastrzeżone")
# Phrases that make any line chrome wherever they appear. Written in lower case and searched
# in the case-folded line: without re.I the engine skips to the letters a phrase can start
# with instead of trying every phrase at every letter of a paragraph (3.5x faster).
_ANYWHERE_RE = re.compile(
    r"""(?:we\ use\ cookies|uses\ cookies|cookie\ (?:policy|settings|consent)
    |ctrl\s*\+\s*enter|is\ the\ place\ where\ you\ will\ find|become\ our\ patron
    |support\ us,\ or\ become|min\ read$|minute\ read$|хв\ читання|мин\ чтения
    |^(?:reading\ time|tempo\ de\ leitura|tiempo\ de\ lectura|temps\ de\ lecture|lesezeit
    |время\ чтения|час\ читання)\b
    |help\ us\ produce|join\ our\ community
    |javascript\ (?:is\ )?disabled|enable\ javascript|your\ browser
    |(?:verwendet|nutzt|benutzt|verwenden|nutzen)\ cookies|utilise\ des\ cookies|utiliza\ cookies
    |usa\ cookies|utilizza\ (?:i\ )?cookie|gebruikt\ cookies
    |(?:używa|wykorzystuje)\ (?:plików|pliki)\ cookie
    |""" + RIGHTS_RESERVED.replace(" ", "\\ ") + ")",
    re.X,
)
# Notes about the page that may stand inside a longer line (a comment policy, a prompt to
# share, a disclosure, a control to keep the page), each group with the words its lines
# hold. One search over all of them runs only on a line that holds one of those words: each
# phrase added to one big search costs every line of every page.
_NOTES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("comment", "komment", "comentá", "comentar", "komentarz"), r"""
    comments\ (?:are|will\ be|may\ be)\ (?:moderated|reviewed|republished|published)
    # a comment policy in the languages of Europe ("Comentários … não serão aprovados pelo
    # moderador", "Les commentaires sont modérés")
    |\b(?:comentários|comentarios|commentaires|commenti|kommentare|komentarze|comments)\b
    [^.]{0,120}\b(?:moderador|moderação|moderación|modérateur|modération|moderatore
    |moderazione|moderator|moderation|moderiert|moderowan|(?:modéré|moderad|moderat)\w*
    \ (?:avant|antes|prima|before|par|por|dal|by)\b)
    # a comment section's terms and log-in ("Los comentarios publicados son de exclusiva
    # responsabilidad de sus autores", "You must be logged in to post a comment")
    |(?:los\ )?comentarios\ publicados\ son
    |para\ (?:poder\ )?comentar\ (?:tenés|tienes|debes|hay)
    |must\ be\ logged\ in\ to\ (?:post\ a\ )?comment
    |(?:log|sign)\ in\ to\ (?:post\ a\ )?comment
    |(?:um\ (?:zu\ )?kommentieren|pour\ commenter|per\ commentare|para\ comentar),?
    \ (?:müssen|melden|musst|devez|connectez|identifiez|devi|accedi|debes|inici|ingres)
    |kommentare\ (?:werden|sind)\ (?:moderiert|geprüft|freigeschaltet)
    """),
    # JavaScript off, in the languages of Europe
    (("javascript",), r"""
    javascript\ (?:für\ ihren\ browser\ )?deaktiviert|aktivieren\ sie\ javascript
    |javascript\ (?:est\ )?désactivé|activez\ javascript|javascript\ (?:está\ )?desactivado
    |(?:habilita|activa)\ javascript|javascript\ (?:è\ )?disabilitato|attiva(?:re)?\ javascript
    """),
    # a reprint notice ("This copy is for your personal, non-commercial use only. …"), a
    # reporter's contact line ("Write to Jane Roe at jane.roe@example.com"), a blog engine's
    # shortcode printed as text ("[button link=…]Send us your review[/button]")
    (("this copy", "write to", "[/"), r"""
    this\ copy\ is\ for\ your\ personal,?\ non-commercial\ use
    |^write\ to\ [^@]{2,120}\ at\ [\w.+-]+@[\w-]+\.|\[/[a-z_]{2,20}\]
    """),
    # a picture's "click to enlarge" ("Zum Vergrößern auf das Bild klicken."; casefolded)
    (("enlarge", "vergr", "agrandir", "ampliar"), r"""
    click\ (?:to|here\ to)\ enlarge|zum\ vergrössern\ (?:auf\ das\ bild\ )?klicken
    |(?:cliquez|cliquer)\ pour\ agrandir|(?:haga\ )?clic\ para\ ampliar
    """),
    # a newsletter form's own messages ("You have successfully subscribed. Thank you!")
    (("subscribe", "activation", "stay up to date"), r"""
    you\ have\ succe?ss?fully\ subscribed|an\ email\ with\ an\ activation\ link
    |^stay\ up\ to\ date\ with\ [^.]{1,40}\.?$|fill\ (?:in\ |out\ )?the\ form\ to\ subscribe
    """),
    # an embedded post's prompt ("View this post on Instagram", "Ein Beitrag geteilt von …")
    (("instagram", "geteilt von"), r"""
    view\ this\ (?:post|photo|video)\ on\ instagram|sieh\ dir\ diesen\ beitrag\ auf\ instagram
    |voir\ cette\ publication\ sur\ instagram|ver\ esta\ publicación\ en\ instagram
    |visualizza\ questo\ post\ su\ instagram|zobacz\ ten\ post\ na\ instagramie
    |bekijk\ dit\ bericht\ op\ instagram|^ein\ beitrag\ geteilt\ von\s
    """),
    # a colleague's credit under the article ("Jane Roe contributed reporting from Kyiv.")
    (("contributed ",), r"""
    ^(?:\S+\ ){1,6}contributed\ (?:reporting(?:\ from\ [^.]{1,40})?
    |to\ this\ (?:report|story|article))\.?$
    """),
    # a reader's feedback asked of the article ("Artikel gefallen?")
    (("?",), r"""
    (?:artikel|beitrag|post|article)\ gefallen\?
    |(?:enjoy|like)(?:ed)?\ this\ (?:article|post|story)\?
    """),
    # a disclosure, a call for support
    (("affiliate", "advertising", "compensation", "commission", "journalism", "become a "), r"""
    affiliate[-\ ]links?|advertising\ disclosure|advertising\ disclaimer
    |we\ (?:may\ )?(?:receive|earn)\ (?:a\ )?(?:small\ )?(?:compensation|commission)
    |support\ (?:our|independent)\ journalism
    |become\ a\ (?:member|supporter|subscriber|patron)
    """),
    # the site asking about itself ("Tell us what you think about our new look by taking
    # this survey.")
    (("survey", "tell us what"), r"""
    tell\ us\ what\ you\ think\ (?:about|of)\ (?:our|the)\ new
    |(?:take|taking)\ our\ (?:short\ )?(?:reader\ )?survey
    """),
    # a control to keep the page ("Link zur Diskussion Zu Favoriten hinzufügen")
    (("favorit", "favori", "preferiti"), r"""
    zu\ favoriten\ hinzufügen|add\ to\ favou?rites|ajouter\ aux\ favoris
    |añadir\ a\ favoritos|aggiungi\ ai\ preferiti|adicionar\ aos\ favoritos
    """),
)
_NOTES_WORDS = tuple(dict.fromkeys(word for words_, _ in _NOTES for word in words_))
_NOTES_RE = re.compile("|".join(f"(?:{pattern})" for _, pattern in _NOTES), re.X)
# The sentence a blog engine prints under a post with its categories, tags, date and author
# ("This entry was posted in News on 3 March 2021 by Jane.", "Dieser Eintrag wurde
# veröffentlicht in Politik am 11. Dezember 2012 von Jana.", "Dieser Beitrag wurde am
# 04/02/2020 von kj in Recht veröffentlicht."), in the languages of Europe: the post's
# publication, however many words its lists of categories and tags make of it (never a
# sentence that says when the post was updated: the date reader checks). One pattern for the
# cleaner (a line of chrome, not the article's) and the date reader (the post's stamp).
ENTRY_META = re.compile(
    r"(?:this\s+(?:entry|post|article)\s+was\s+(?:first\s+)?(?:posted|published|written)"
    r"|diese[rs]?\s+(?:eintrag|beitrag|artikel|text)\s+wurde\b(?=.*\b(?:veröffentlicht|publiziert"
    r"|gepostet|geschrieben)\b)"
    r"|cette\s+entrée\s+a\s+été\s+publiée|ce\s+(?:contenu|billet|article)\s+a\s+été\s+publié"
    r"|esta\s+entrada\s+(?:fue|ha\s+sido|se)\s+publica"
    r"|questa\s+voce\s+è\s+stata\s+pubblicata|(?:esta|este)\s+(?:entrada|post|artigo)\s+foi"
    r"\s+publicad[ao]|dit\s+(?:bericht|item|artikel)\s+(?:werd|is|was)\s+geplaatst"
    r"|(?:ten\s+)?wpis\s+został\s+opublikowany|det\s+här\s+inlägget\s+(?:postades|publicerades)"
    r"|dette\s+indlæg\s+blev\s+(?:udgivet|offentliggjort))\b", re.I)
_TRAILING = re.compile(r"[\s:.!»>|→•·\-–—]+$")
# A medium's label that may also open a sentence ("Video footage shows ...", "Photos which
# were released ..."): then a lowercase word follows it, and not the rest of a credit.
# a list item's bullet, as a page's list of links prints it ("- Print Article")
_BULLETS = "-–•*·"
_BULLET = re.compile("^[" + re.escape(_BULLETS) + r"]\s+")
# a label set in brackets: "[Related: …]", "(Leggi anche su: …)"
_BRACKETED = re.compile(r"^[(\[](.*)[)\]]$")
# The words for a picture or a video that label captions and credits ("Photo: …", "Video
# Jane Roe/Reuters") and may also be what a sentence or a headline speaks of.
_MEDIUM = r"(?:photos?|images?|pictures?|videos?|illustrations?|footage)"
_MEDIUM_WORD = re.compile(rf"^(?i:{_MEDIUM})\s+(?!(?:caption|credit|by|courtesy|source|from"
                          r"|via)\b)[a-z]")
# ... the subject of a headline about it: "Video shows the ferry crashing …", "Images show …"
_MEDIUM_TELLS = re.compile(rf"^{_MEDIUM}\s+(?:of|shows?|showing|captures?|reveals?|appears?)"
                           r"(?:\s+\S+){2}\s+\S", re.I)


def normalize(line: str) -> str:
    """The form in which lines are compared: collapsed spaces, case-folded, without soft
    hyphens (invisible where the line does not break: "Mes\xadsen\xadger" is "Messenger")."""
    if "\xad" in line:
        line = line.replace("\xad", "")
    return " ".join(line.split()).casefold()


@lru_cache(maxsize=8192)
def is_chrome_phrase(line: str) -> bool:
    """True when the line is known boilerplate in one of the supported languages.

    Kept per line: the cleaner's passes and the headline's tests ask it of the same lines
    about three times a page, and a site's chrome lines come again page after page."""
    text = normalize(line)
    if not text:
        return False
    bare = _TRAILING.sub("", _BULLET.sub("", text) if text[0] in _BULLETS else text)
    if len(bare) < 40 and _EXACT_RE.match(bare):
        return True
    if len(bare) < 120 and _FIRST_WORD.match(bare)[1] in _INTERFACE and is_interface(bare):
        return True  # a row of buttons: "Facebook Twitter", "Share Close extra sharing options"
    if (_PREFIX_RE.match(_BRACKETED.sub(r"\1", text) if text[0] in "([" else text)
            and (len(text) < 300 or text.startswith(("©", "copyright")))
            and not _opens_sentence(line)):
        return True
    if len(text) < 300 and ENTRY_META.match(text):
        return True
    if len(text) >= 600:
        return False
    return bool(_ANYWHERE_RE.search(text)) or (
        any(word in text for word in _NOTES_WORDS) and bool(_NOTES_RE.search(text)))


def _opens_sentence(line: str) -> bool:
    """A label word that is what a whole sentence of the article speaks of, or a headline
    about the picture or video ("Video of the couple hours before …"), not a caption's or a
    credit's label."""
    text = " ".join(line.split())
    return (_MEDIUM_TELLS.match(text) is not None
            or (len(text.split()) >= 12 and text[-1:] in ".!?" and bool(_MEDIUM_WORD.match(text))))


@dataclass
class ChromeModel:
    """Learned chrome: per outlet, the normalised lines its pages repeat."""

    outlets: dict[str, frozenset[str]] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)

    def lines_for(self, outlet: str | None) -> frozenset[str]:
        if not outlet:
            return frozenset()
        return self.outlets.get(outlet, frozenset())

    def is_chrome(self, outlet: str | None, line: str) -> bool:
        return normalize(line) in self.lines_for(outlet)


def learn(pages: Iterable[tuple[str, str]], keep: Iterable[str] = ()) -> ChromeModel:
    """Learn chrome from ``(outlet, page text)`` pairs.

    A line counts once per page. Long lines are kept too: a promo paragraph that an
    outlet appends to every article is exactly what this is for. Blank and one-character
    lines carry no information and are skipped, and so are the lines in ``keep``: the
    headlines of the pages themselves, which another page of the same outlet may list
    among its related stories (two pages are enough to learn a line).
    """
    kept = {normalize(line) for line in keep}
    seen: dict[str, Counter[str]] = {}
    counts: Counter[str] = Counter()
    for outlet, text in pages:
        counts[outlet] += 1
        lines = {normalize(raw) for raw in dump_lines(text)}
        seen.setdefault(outlet, Counter()).update(x for x in lines - kept if len(x) > 1)
    outlets: dict[str, frozenset[str]] = {}
    for outlet, counter in seen.items():
        need = max(MIN_PAGES, MIN_SHARE * counts[outlet])
        lines = frozenset(line for line, n in counter.items() if n >= need)
        if lines:
            outlets[outlet] = lines
    return ChromeModel(outlets, {k: counts[k] for k in outlets})


def save(model: ChromeModel, path: Path) -> None:
    """Write the model as sorted YAML so that relearning gives a reviewable diff."""
    data = {
        outlet: {"pages": model.pages.get(outlet, 0), "lines": sorted(model.outlets[outlet])}
        for outlet in sorted(model.outlets)
    }
    header = ("# Lines each outlet repeats on its pages; digest ingest drops them from articles.\n"
              "# Written by 'digest ingest --learn-chrome' (which rewrites it from scratch);\n"
              "# delete a line here to keep it in articles. Keys: a digest.yaml source name,\n"
              "# the outlet a byline names, or the web host of the dump's 'url' line.\n")
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=1000)
    # atomic: a killed run keeps the old file; and a symlink at ``path`` is replaced, not
    # followed, so a link planted in a cloned project cannot aim this write elsewhere
    atomic_write(path, header + body)


def load(path: Path) -> ChromeModel:
    """Read a model written by :func:`save`; a missing file is an empty model."""
    if not path.exists():
        return ChromeModel()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return from_mapping(data)


def from_mapping(data: Mapping[str, object]) -> ChromeModel:
    outlets: dict[str, frozenset[str]] = {}
    pages: dict[str, int] = {}
    for outlet, entry in data.items():
        if not isinstance(entry, Mapping):
            continue
        lines = entry.get("lines") or []
        outlets[str(outlet)] = frozenset(normalize(str(x)) for x in lines)
        pages[str(outlet)] = int(entry.get("pages") or 0)
    return ChromeModel(outlets, pages)


def is_interface(text: str) -> bool:
    """Mostly the words of controls: "Share Close extra sharing options", "Close share panel",
    "Feed Twitter Facebook Youtube", "Cerrar Compartir en Linkedin" (a count may stand among
    them: "Kommentare lesen 128 Beiträge")."""
    toks = words(text)
    ui = sum(t in _INTERFACE for t in toks)
    own = [t for t in toks if t not in _INTERFACE and t not in ALL_STOPWORDS and not t.isdigit()]
    return ui >= 2 and not own
