"""Which line of a page is its headline, and which lines only look like one.

Above an article a page stacks, in some order: section labels and breadcrumbs, the
headline, a standfirst (a sentence under the headline), a photo and its caption and
credit, the byline, the date, share buttons, promos ("Get breaking news alerts",
"This item is part of our running news digest"). Only the headline is the title. The
signals here are the shapes of those lines, not any site's wording:

* a *sentence* (ends with a full stop, or runs to two sentences, or is a long clause
  full of function words) is a standfirst or the lead, never the headline;
* a *caption* describes a picture ("… is seen in the sky over …", "pictured",
  "(L)") or credits it ("Photo: …", "REUTERS/Name", "/ Getty Images", "Фото: …");
* a *byline* starts with "By" or ends with a newsroom role ("Staff Writer",
  "Associated Press"), or carries a social handle;
* a *promo* speaks about the page or to the reader ("This item is part of …",
  "Sign up for …", "Sharing is caring!");
* a *kicker* is a short line in capitals ("TECH  PERSONAL TECHNOLOGY: REVIEW");
* a *breadcrumb* chains section names ("BLOG > Nutrition > Meal Plans").
"""

from __future__ import annotations

import re

from digest.ingest import dates
from digest.ingest.chrome import is_chrome_phrase, is_interface
from digest.ingest.lang import ALL_STOPWORDS, stopword_ratio, words

# A picture credit: an agency or photographer after a slash, a "Photo:" label, a
# "(Photo by …)" note. Strong enough to drop the line from a body as well.
_CREDIT = re.compile(
    r"""(?:\b(?:REUTERS|Reuters|AFP|AP\ Photo|AP|EPA(?:-EFE)?|Getty\ Images|Getty|Anadolu
    |Sputnik|TASS|Ukrinform|Shutterstock|Pool|Handout|Bloomberg|NurPhoto|SOPA\ Images
    |ZUMA\ Press|Alamy)\s*/\s*[\w(]
    |/\s*(?:Getty\ Images|AFP|AP|Reuters|REUTERS|EPA|Shutterstock|Anadolu|Alamy)\b
    |(?:^|[\s(])(?:photo|photograph|image|picture|illustration|фото|світлина|ілюстрація
    |иллюстрация)\s*(?:by|credit|courtesy|:)\s*\S
    |\b(?:photo|image)\ credit\b|\bcourtesy\ of\ (?:the\ )?[A-Z]|\bGetty\ Images\b
    |\bShutterstock\b|\b(?:AP|AFP|Reuters|EPA)\ (?:Photo|Images)\b
    |/\s*(?:Associated\ Press|Bloomberg|Anadolu\ Agency|Sputnik|TASS)\)?\s*$
    |\bcredit\s*:
    |(?-i:\((?:AFP|AP|Reuters|REUTERS|EPA|Getty|Getty\ Images|Shutterstock|iStock
    |(?:The\ )?Associated\ Press)\))\s*$
    |(?-i:\b[A-Z][a-z]+/[A-Z]{3,}\s*$|[a-z.](?:Reuters|REUTERS|AFP|Getty\ Images)\s*$)
    # a picture agency alone ("GETTY", "Getty Images/iStock"); a photographer and the agency
    # ("Michael Conroy, AP"); a picture passed on by one ("… Registry via AP")
    |^(?:getty(?:\ images)?|shutterstock|istock|alamy)(?:\s*/\s*[a-z\ ]+)?\s*$
    |(?-i:^[A-Z][\w'’.-]+(?:\ [A-Z][\w'’.-]+){1,3},\ (?:AP|AFP|Reuters|REUTERS|EPA
    |Getty\ Images)\s*$|\ via\ (?:AP|AFP|Reuters|REUTERS|EPA|Getty\ Images)\s*$))""",
    re.X | re.I,
)
# Every credit _CREDIT matches holds "/", "(", "©" or one of these words (a cheap test
# that spares the regex).
_CREDIT_WORD = re.compile("photo|image|picture|illustration|credit|courtesy|getty|shutterstock"
                          "|istock|alamy|reuters|afp|, ap|via ap|, epa|via epa|фото|світлина"
                          "|ілюстрац|иллюстрац")
# Words that describe a picture rather than report news.
_CAPTION_WORDS = re.compile(
    r"""\b(?:is|are)\ (?:seen|pictured|shown|displayed)\b(?!\ (?:as|to|by)\b)
    |\bpictured\b|^media\ caption
    |\bposes?\ for\b|\blooks?\ on\b|\((?:L|R|C|left|right|centre|center|top|bottom)\)
    # where a person stands in the picture, in the languages of Europe: "(ao centro)",
    # "(a la izquierda)", "(links)", "(au centre)", "(a destra)", "(зліва)"
    |\((?:(?:ao|no|al|en\ el|au|im)\ centr[oe]|(?:à|a)\ (?:esquerda|direita|gauche|droite
    |sinistra|destra)|a\ la\ (?:izquierda|derecha)|links|rechts|mitte|зліва|справа|в\ центрі
    |слева|в\ центре)\)
    |\bleft\ to\ right\b|\bin\ this\ (?:photo|picture|image|handout|file|screen\ ?grab)
    |\bfile\ photo\b|\bphoto\ illustration\b|\bscreenshot\b|\bscreen\ ?grab\b
    |\bзображен|\bна\ фото\b
    |\b(?:symbolbild|symbolfoto|archivbild|archivfoto|archivaufnahme|fotomontage)\b
    |\b(?:bild|foto|photo|image)\ via\b|\b(?:imagen|foto)\ de\ archivo\b|\bphoto\ d'archives\b
    |\s[-–—|]\s*(?:photo|photos|video|фото|відео|видео)\s*$""",
    re.X | re.I,
)
_BYLINE = re.compile(
    r"""^(?:(?:analysis|opinion|commentary|story|words|text|posted|written|reported|report)
    \s+)?(?:by|від|автор|автори|author|authors)\b\s*:?\s*(?-i:[A-ZА-ЯІЇЄҐ@])|^by(?=[A-Z])|^by\s+(?![a-z\d])\S
    |@\w{2,}
    |\b(?:staff\ writer|staff\ reporter|staff|writer|correspondent|reporter|columnist
    |contributor|editor(?:-at-large)?|wire\ services?|news\ desk|news\ service
    |associated\ press|press\ association|news\ agency)\s*$
    # the author's line printed twice round its "By" ("Jane Roe, Metro Desk By Jane Roe,
    # Metro Desk": a name link and the byline in one copy of the page)
    |^(.{3,80}?)\s+by\s+\1$""",
    re.X | re.I,
)
# The word for "by" before an author's name, in the languages of the pages ("di", "de", "da"
# are also other words: each use says when they count).
BY_WORDS = "by|von|por|par|pour|durch|door|av|af|przez|od|від|от|автор|автора|author"
# A byline in the languages of Europe: the word for "by" and one to four people's names
# ("Von Lisa Petrich", "por Sarah Moreno", "de Jane Doe", "Por Ana Ruiz / Luis Gil"), maybe
# after a few words that say what is signed ("Eine Analyse von …", "Artikel von …",
# "Fact checked by …"). A name is capitalised words, with the particles of family names
# between them ("Alexa von Heyden"); the first has two words at least, so that a German
# headline of capitalised nouns ("Von Menschen und Mäusen") is no byline.
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯІЇЄҐ][\w'’.-]*|[A-Z]\.)"
_PARTICLE = r"(?:von|van|vom|zu|de|del|della|der|den|di|du|da|das|dos|do|la|le|ter|ten|bin|al|y)"
_ONE_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,3}}"
_FULL_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,3}}"
FULL_NAME = _FULL_NAME  # a person's name: two to four capitalised words (read by region)
_AND = r"(?:\s*[,/&]\s*|\s+(?:und|and|y|e|et|i|og|och|en|a|и|і|та)\s+)"
_SIGNED_WHAT = r"""(?:ein|eine|einer|a|an|un|una|une|uno|el|la|le|il|een|article|artikel|articolo
    |artículo|artigo|beitrag|blog|blogbeitrag|gastbeitrag|post|analyse|analysis|análisis|analisi
    |kolumne|column|columna|chronique|kommentar|gastkommentar|commentary|comment|comentario
    |glosse|essay|ensayo|interview|entrevista|intervista|text|texto|texte|testo|story|report
    |reportage|bericht|reportaje|reportagem|recherche|crónica|cronaca|written|posted|published
    |reviewed|verified|edited|fact|checked|fact-checked|medically|escrito|escrita|publicado
    |publicada|écrit|écrite|publié|publiée|scritto|scritta|pubblicato|geschrieben|verfasst
    |veröffentlicht|geschreven|gepubliceerd|napisał|napisała|opublikowano)"""
_BY_NAMES = re.compile(
    rf"""^(?:(?i:{_SIGNED_WHAT})\s+){{0,3}}
    (?:(?i:{BY_WORDS})|de|di|da|do)
    \s*:?\s+{_FULL_NAME}(?:{_AND}{_ONE_NAME}){{0,3}}\s*\.?$""",
    re.X,
)
# A role and a name ("Interview: Jane Doe", "Übersetzer: Max Muster"): who made the page, not
# what it says. Roles of the newsroom in the languages of Europe.
_ROLE_NAME = re.compile(
    rf"""^(?i:interview|interviews|text|texte|texto|testo|autor|autorin|autoren|author|auteur
    |autore|autora|übersetzer|übersetzerin|übersetzung|translation|translated\ by|traducción
    |traduction|traduzione|redaktion|redakteur|redakteurin|redacción|rédaction|redazione|editor
    |editora|moderation|recherche|reporter|reporterin|kamera|schnitt|produktion|gespräch|fragen)
    \s*:\s*{_FULL_NAME}(?:{_AND}{_ONE_NAME}){{0,3}}\s*\.?$""",
    re.X,
)
# A picture's source after its label, in the languages of Europe ("Foto: Jane Doe",
# "Bild: Agentur/Name", "(crédito: …)", "Quelle: …"), or a copyright mark: a credit.
_CREDIT_LABEL = re.compile(
    r"""(?:^|[(\[]|\s[-–—|]\s)(?:fotos?|bild|bilder|bildquelle|fotoquelle|quelle|crédito|créditos
    |credito|crediti|imagen|imágenes|fotografía|fotografia|fotografie|immagine|afbeelding|zdjęcie
    |source|fuente|fonte|photos?|images?|pictures?|illustration|grafik|gráfico|copyright)
    \s*:\s*\S|©""",
    re.X | re.I,
)
# A picture's credit in parentheses that names a person and their outlet or agency
# ("(Jane Doe / Harbour Gazette)"), alone or closing the caption ("Senator Roe, shown
# questioning the justice (Ed Murray/The Star-Ledger)"), or left empty by the page ("Family
# History Conference ( )").
_PAREN_CREDIT = re.compile(rf"(?:^|\s)\((?:{_FULL_NAME}\s*/\s*[^()/]{{2,60}}|\s*)\)$")


# A person's name and their post ("Jane Doe, Staff Attorney, Harbour Rights Project", "M. Jean
# Exemple, Ministre de la Culture"), maybe continuing a list of them ("& Jane Roe, …"): an
# author's or a recipient's line, not a headline. Posts in the languages of Europe.
_NAME_AND_POST = re.compile(
    rf"""^(?:&\s*|(?i:and|und|y|et)\s+)?(?:M\.|Mme|Dr\.|Prof\.)?\s*{_FULL_NAME},\s+
    (?i:(?:senior|chief|staff|deputy|executive|managing|associate|assistant|stellvertretende?r?)\s+)?
    (?i:director|directora|directeur|directrice|direktor|direktorin|attorney|lawyer|anwalt
    |anwältin|rechtsanwalt|rechtsanwältin|abogad[oa]|avocat|editor|editora|redakteur|redakteurin
    |rédacteur|rédactrice|professor|professorin|profesora?|professeur|reporter|reporterin
    |correspondent|korrespondent|korrespondentin|corresponsal|ceo|cfo|president|präsident
    |präsidentin|presidente|présidente?|minister|ministerin|ministre|ministro|ministra|chair
    |chairman|chairwoman|head|leiter|leiterin|sprecher|sprecherin|spokesperson|spokesman
    |spokeswoman|analyst|analystin|researcher|fellow|founder|gründer|gründerin|fundador[a]?
    |fondateur|fondatrice|author|autor|autorin|auteur|journalist|journalistin|periodista
    |journaliste|columnist|kolumnist|kolumnistin|secretary|sekretär|secretari[oa]|secrétaire
    |manager|managerin|gerente|geschäftsführer|geschäftsführerin)\b""",
    re.X,
)
# A firm's name: a few words that end with its legal form ("Harbour Pharma GmbH", "Muster &
# Co. KG", "Verbraucherverein Beispiel e.V.", "Example Holdings Ltd."): a maker or a publisher
# a page names in a list or a box, not a headline.
_FIRM = re.compile(r"(?:\bGmbH|\bAG|\bKG|\bKGaA|\be\.\s?V\.|\bInc\.?|\bLtd\.?|\bLLC|\bplc"
                   r"|\bS\.A\.|\bS\.L\.|\bS\.r\.l\.|\bB\.V\.|\bN\.V\.|\bOy|\bAB|\bSE"
                   r"|\bsp\.\s?z\s?o\.\s?o\.|\bGesmbH|\bmbH)\s*$")
_FIRM_WORDS = 8  # words of a firm's name at most ("Labor Erika Muster GmbH & Co. KG")


# Two to four people's names and nothing else ("Isabel Caro, Rocío Latorre y José Miguel
# Wilson"): the authors' line of a byline printed without its "by".
_NAMES = re.compile(
    rf"^{_FULL_NAME}(?:(?:\s*[,&]\s*|\s+(?:und|and|y|e|et|i|и|і|та)\s+){_FULL_NAME}){{1,3}}$")


def is_names(text: str) -> bool:
    """People's names and nothing else: a byline (:func:`is_byline`), never a headline."""
    return len(text) < 120 and _NAMES.match(text) is not None


def is_firm(text: str) -> bool:
    return len(text.split()) <= _FIRM_WORDS and _FIRM.search(text) is not None


def is_signed_name(text: str) -> bool:
    """A byline in any of the languages of Europe, or a role and a name (see _BY_NAMES)."""
    return (len(text) < 160 and len(text.split()) <= 16
            and (_BY_NAMES.match(text) is not None or _ROLE_NAME.match(text) is not None
                 or _NAME_AND_POST.match(text) is not None))


# The link to an author's other stories after their name, glued to it or not.
_AUTHOR_LINK = re.compile(r"(?:(?<=[a-z])|\s+)(?:(?:view|see|read)\s+)?(?:more|all)\s+"
                          r"(?:articles|posts|stories)\s*$", re.I)
_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.-]*){1,3}")
_PROMO = re.compile(
    r"""^(?:this|the)\ (?:item|article|story|post|piece|report|page|newsletter|live\ blog
    |digest|content|video)\ (?:is|was|has|will|contains|includes|may)\b
    |\b(?:sign\ up|subscribe|newsletter|download\ (?:our|the)\ app|get\ (?:breaking\ )?news
    |alerts?\ (?:and|delivered)|delivered\ (?:to|weekday|daily|every)|join\ (?:us|our)
    |follow\ us|click\ here|read\ more|not\ a\ member|browse\ all|sharing\ is\ caring
    |in\ your\ inbox|on\ your\ device|your\ browser|in\ a\ new\ window|sharing\ buttons
    |share\ it\ with|breaking\ news\ (?:emails?|alerts?)|media\ playback
    |підписуйтес[ья]|підпишіться|подписывайтесь|подпишитесь|приєднуйтес[ья]|присоединяйтесь)\b
    # following the site on a network, in the languages of Europe ("Suivre le Monde sur
    # Twitter", "Folgen Sie uns auf Instagram")
    |^(?:follow|suivre|suivez|folgen|folge|siga|sigue|seguir|segui|seguici|volg|obserwuj
    |стежте|следите)\b.{0,40}\b(?:twitter|facebook|instagram|linkedin|youtube|telegram
    |tiktok|mastodon|bluesky|threads|whatsapp)\b
    # a sign-up's call ("Get Business Alerts", "Receive our updates")
    |^(?:get|receive|recevez|recibe|erhalten\ sie)\b[^.!?]{0,40}\b(?:alerts?|updates
    |notifications?|newsletters?)$""",
    re.X | re.I,
)
# A sponsor's or a partner's label, its name a logo beside it ("US & Canada is sponsored
# by", "Supported by", "Präsentiert von", "En partenariat avec"): a headline does not end on
# the word that introduces a name.
_LABEL_END = re.compile(
    r"\b(?:by|von|par|por|with|mit|avec|con|przez|від|от)\s*:?$", re.I)
# A tag list's or a "more" box's label, alone or after a section's name ("TAG: Health",
# "Tech More: Google Larry Page"); the labels in other languages are chrome phrases.
_TAGS_LABEL = re.compile(r"^(?:\S+\s+)?(?:more|tags?|topics?)\s*:", re.I)
# The link a wiki prints after each section's heading ("History[edit]").
_WIKI_EDIT = re.compile(
    r"\[\s*(?:edit|bearbeiten|modifier|modifier le code|editar|modifica|edytuj|bewerken"
    r"|править|редагувати)\s*\]$", re.I)


def _row(separators: str) -> str:
    """Three items or more parted by one of ``separators``, spaced: "A » B » C"."""
    return rf"\S\s+(?:{separators})\s+\S.*\s(?:{separators})\s+\S"


# A breadcrumb trail ("Home » News » World", "News > Local"), and links in a row parted by
# double slashes, bullets or bars ("Geek Gifts // Ebola Outbreak // …", a menu or a list of
# trending topics): never a headline.
_BREADCRUMB = re.compile(_row(r">|»|›|/|\\") + r"|^\S.{0,40}\s(?:>|»|›)\s")
_LINK_ROW = re.compile(_row(r"//|•|\|"))
_TIMESTAMP = re.compile(
    r"^(?:updated|posted|published|last\ updated|опубліковано|оновлено|опубликовано|обновлено"
    r"|veröffentlicht|aktualisiert|zuletzt\ aktualisiert|publié|mis\ à\ jour|mise\ en\ ligne"
    r"|publicado|actualizado|publicada|actualizada|pubblicato|aggiornato|gepubliceerd"
    r"|bijgewerkt|opublikowano|zaktualizowano|publikováno|aktualizováno)\b"
    r"|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*$"
    r"|^\d+\s+(?:min|mins|minutes|hours?|days?)\s+ago$"
    # the same in the languages of Europe: "Hace 13 horas", "vor 3 Stunden", "il y a 2
    # heures", "há 5 horas", "3 ore fa", "3 години тому", "2 часа назад", "3 godziny temu"
    r"|^(?:hace|vor|il\ y\ a|há|ha)\s+\d+\s+(?:minutos?|horas?|días?|dias?|minuten?|stunden?"
    r"|tagen?|minutes?|heures?|jours?)$"
    r"|^\d+\s+(?:minuti|ore|giorni|хвилин[иу]?|годин[иу]?|дн(?:і|ів)|минут[ыу]?|час(?:а|ов)?"
    r"|дн(?:я|ей)|minut[y]?|godzin[y]?|dni|minuten|uur|dagen)\s+(?:fa|тому|назад|temu|geleden)$",
    re.X | re.I,
)
# Links that lead away from the page ("Back to Gallery", "Return to top").
_LEAVE = re.compile(
    r"^(?:back|return|go|skip)\ to\b|^(?:about|more\ about)\ this\ (?:rating|page|site)$", re.I)
# A menu or a table row copied as one line: cells parted by tabs or wide gaps.
_CELLS = re.compile(r"\t|\S\s{3,}\S.*\S\s{3,}\S")
# A line of code: names written with underscores ("… status_code … previous_alert"); one
# alone may be a tech headline's ("Python adds an asyncio_mode option").
_SNAKE_CASE = re.compile(r"(?<![\w@#])[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9](?!\w)")
# A link's address, alone on its line (its slug may spell a headline) or inside it (an
# embedded post "… https://t.co/… pic.twitter.com/…", a card's source): a headline names a
# site, never a path on it.
_ADDRESS = re.compile(
    r"https?://\S|\bwww\.\S|\b[\w-]+\.(?:com|org|net|co|io|de|fr|es|it|uk)/\S", re.I)
_BULLET = re.compile(r"^[*•▪◦●·]\s")
_SEGMENTS = re.compile(r"\s+[-|–—]\s+")
# The first crumb of a breadcrumb trail ("Home Music Music News").
_HOME = re.compile(r"^(?:home|головна|главная)\s+(?-i:[A-ZА-ЯІЇЄҐ])", re.I)
# A share control's label glued in front of the headline ("Share All sharing options for: …").
_SHARE_LABEL = re.compile(r"^(?:share|sharing)\b[^:]{0,40}\bfor:\s+(?=\S)", re.I)
# A reading time ("5 Min. Lesezeit", "weiterlesen 5 Minuten", "3 min read") or a count of
# comments ("1 Kommentar", "12 comments"): a line of the article's furniture.
_MINUTES = re.compile(r"\b\d+\s*(?:min|mins|minute|minutes|minuten|minutos|minuti|minut|minuty)\b",
                      re.I)
_READ_WORD = re.compile(r"\b(?:read|reading|lesezeit|lesen|weiterlesen|lectura|lecture|lettura"
                        r"|czytania)\b", re.I)
_COMMENTS = re.compile(r"\b\d+\s+(?:kommentare?|comments?|comentarios?|commentaires?|commenti"
                       r"|komentarzy?|reactions?|replies|antworten|respuestas)\b", re.I)
_FURNITURE_WORDS = 6  # words of such a line at most
# A hashtag alone ("#Plug-in-Hybrid", "#heiseshow"): a topic's link.
_HASHTAG = re.compile(r"^#[^\s#]+(?:\s+#[^\s#]+)*$")
# A section's or a site's name: a few words that start or end with the word for news ("Local
# News", "St. Lucia Times News", "Nachrichten und Pressemeldungen").
_NEWS_WORD = (r"(?:news|nachrichten|meldungen|noticias|notícias|actualités|actualites|notizie"
              r"|nieuws|nyheter|nyheder|uutiset|wiadomości|zprávy|správy|vijesti|новости|новини"
              r"|haberler|headlines|schlagzeilen|titulares)")
_SECTION_NAME = re.compile(rf"^{_NEWS_WORD}\b|\b{_NEWS_WORD}$", re.I)
_SECTION_WORDS = 5  # words of a section's name at most
# A contact's label: a telephone number or an address is no headline.
_CONTACT = re.compile(r"^(?:tel|telefon|telephone|phone|fax|e-mail|email|mobil|handy|teléfono"
                      r"|téléphone|telefono|telefone|tlf|тел|телефон)\.?\s*:", re.I)
# A price ("12,99 €", "$4.99", "10 EUR"): on a short line, an offer or a shop's item.
_PRICE = re.compile(r"[$£€¥]\s?\d|\d(?:[.,]\d+)?\s{0,2}(?:[$£€¥]|(?:eur|euro|chf|usd)\b)",
                    re.I)
_PRICE_WORDS = 3  # words of four letters or more a price's line has at most
# A Chinese or Japanese byline: the reporter's or editor's title before or after the name
# ("新华社记者 张三", "責任編集：山田").
_CJK_BYLINE = re.compile(r"记者|記者|通讯员|通訊員|责任编辑|責任編輯|責任編集"
                         r"|编辑[:：]|編集[:：]|撰文|作者[:：]")
_CJK_BYLINE_CHARS = 24  # characters of such a line at most (a headline may quote a reporter)
# A line in cells: parts parted by two or more spaces (a row of buttons or links copied as one
# line: "Read aloud  Print view  Comments  128 posts"), three parts at least.
_GAPS = re.compile(r"\S(?: {2,}|\u00a0{2,})\S.*\S(?: {2,}|\u00a0{2,})\S")
# Words glued where a page's links or labels meet ("TopicsSupreme CourtHuman rights"): a small
# letter then a capital inside a word, twice in a line.
# Whole words on both sides (four small letters before the capital, two after it), so that
# a name in camel case ("McDonald", "AirPods", "PlayStation", "OutInChurch") is no join.
_GLUED = re.compile(r"[a-zß-ÿ]{4}[A-ZÀ-Þ][a-zß-ÿ]{2}")
_REPORTED = re.compile(r"\b(?:said|told\ (?:reporters|journalists))\b|сказав|заявив|сказал|заявил",
                       re.I)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_READER = re.compile(r"\b(?:you|your|our|us|наш\w*|нас|вас|ваш\w*)\b", re.I)
_QUOTES = re.compile(r"[\"“”«»„]")
_SENTENCE_END = re.compile(r"[.。]['\"”’»)]*$")
_TWO_SENTENCES = re.compile(r"(\w+)([.!?])['\"”’»]?\s+[A-ZА-ЯІЇЄҐ\"“«]")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]|\b(?:St|Dr|Mr|Mrs|Ms|Jr|Sr|Inc|Co|Ltd|U\.S|U\.K))\.$")
# Chinese and Japanese (Han and kana) are written without spaces between words.
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KATAKANA = re.compile(r"[\u30a0-\u30ff]")
# A full stop "。" with more text after it: two sentences.
_CJK_TWO_SENTENCES = re.compile(r"。[\"“”「」『』（）()]*[\w\u3040-\u30ff\u3400-\u9fff]")


def spaceless(text: str) -> int:
    """How many characters of the line are Chinese or Japanese (words without spaces)."""
    return len(_SPACELESS.findall(text))


def word_count(text: str, toks: list[str] | None = None) -> int:
    """Words in a line, counting Chinese and Japanese by characters: a word of Han characters
    or kana averages about two, a katakana loanword about three ("プライバシーポリシー" is two),
    so that length rules mean the same in every script. ``toks``: the line's
    :func:`words`, when the caller has them."""
    toks = words(text) if toks is None else toks
    cjk = spaceless(text)
    if not cjk:
        return len(toks)
    katakana = len(_KATAKANA.findall(text))
    return sum(not _SPACELESS.search(t) for t in toks) + (cjk - katakana) // 2 + katakana // 3


def is_caption(text: str) -> bool:
    """A photo caption or credit line ("… is seen …", "REUTERS/Name", "Photo: …")."""
    return is_credit(text) or bool(_CAPTION_WORDS.search(text)) or is_picture_source(text)


def is_picture_source(text: str) -> bool:
    """A picture's source, labelled in a language of Europe ("Foto: Jane Doe", "… (Bild:
    Agentur)", "(crédito: …)"), a copyright mark ("… © Jane Doe") or a name and an outlet in
    parentheses ("(Jane Doe / Harbour Gazette)")."""
    return len(text) < 300 and (_CREDIT_LABEL.search(text) is not None
                                or has_paren_credit(text))


_PICTURE_FILE = re.compile(r"^\[?[^/\\\s\[][^/\\\[\]]{0,80}\.(?:jpe?g|png|gif|webp|svg)\]?$", re.I)


def is_picture_file(text: str) -> bool:
    """A picture's file name printed in its place ("bridge_repairs.JPG", "logo 2.jpg"; a text
    browser prints it in brackets, "[bridge.jpg]"): the lines under it, to the byline, are
    its caption."""
    return _PICTURE_FILE.match(text) is not None


def has_paren_credit(text: str) -> bool:
    """The line ends with a picture's credit in parentheses: "(Jane Doe / Harbour Gazette)",
    or "( )" where the page left it empty."""
    return _PAREN_CREDIT.search(text) is not None


def is_credit(text: str) -> bool:
    """A picture credit: this line is about a photo, whatever else it says."""
    if not ("/" in text or "(" in text or "©" in text or _CREDIT_WORD.search(text.casefold())):
        return False
    return bool(_CREDIT.search(text))


def is_sentence(text: str) -> bool:
    """A sentence of prose (a standfirst, a lead, a caption), as opposed to a headline.

    Headlines drop the full stop and are compressed; a line that ends with one, holds
    two sentences, or runs long with many function words is prose. Chinese and Japanese
    lines are measured by :func:`word_count` and split at "。"."""
    toks = words(text)
    size = word_count(text, toks)
    if size > len(toks) and _CJK_TWO_SENTENCES.search(text):
        return True
    if not _title_case(text):  # every word capitalised is a headline's style, full stops or not
        if len(toks) >= 8 and any(_ends_sentence(m) for m in _TWO_SENTENCES.finditer(text)
                                  if not _asks_then_tells(text, m)):
            return True
        if _SENTENCE_END.search(text) and not text.endswith("...") and size >= 5:
            return not _ABBREVIATION_END.search(text)
    if len(toks) >= 8 and _REPORTED.search(text):
        return True  # "…," the chairman said in an email: headlines say "says", stories "said"
    return size >= 28 or (len(toks) >= 20 and stopword_ratio(toks) >= 0.35)


_ASKED_HEAD = 20  # words of a headline that asks, then tells, at most


def two_sentences(text: str) -> bool:
    """Two sentences or more: a full stop, question or exclamation mark (not an
    abbreviation's dot) followed by a capital."""
    return any(_ends_sentence(m) for m in _TWO_SENTENCES.finditer(text))


def _asks_then_tells(text: str, m: re.Match[str]) -> bool:
    """A headline that asks or exclaims, then answers or goes on without a full stop ("Wie
    kann ich schnell abnehmen? Die 8 besten Tipps", "Happy holidays! The feast the council
    forgot"): a question or exclamation mark once, no full stop at the end. (A headline in
    title case needs no such leave: :func:`_title_case`.)"""
    mark = m.group(2)
    return (mark in "?!" and text.count(mark) == 1 and not _SENTENCE_END.search(text)
            and len(words(text)) <= _ASKED_HEAD)


def _title_case(text: str) -> bool:
    """Every word of four or more letters starts with a capital, five such words at least
    ("Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn't Worry."):
    the style of a headline; prose and captions capitalise only names."""
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    return len(long) >= 5 and all(w[0].isupper() for w in long)


def _ends_sentence(m: re.Match[str]) -> bool:
    """Not an abbreviation's dot ("Rep. Ilhan Omar", "U.S. States", "J. Smith"), nor a
    label's: a line's first word set off by a full stop ("Amnesty. More than 100 ...")."""
    word, mark = m.group(1), m.group(2)
    if m.start() == 0:
        return False
    if mark != ".":
        return True
    return not (word[:1].isupper() and len(word) <= 4) and not word.isdigit()


def is_byline(text: str) -> bool:
    return len(text) < 120 and (bool(_BYLINE.search(text)) or is_author_link(text)
                                or is_signed_name(text) or is_names(text)
                                or (len(text) <= _CJK_BYLINE_CHARS
                                    and _CJK_BYLINE.search(text) is not None))


def is_price(text: str) -> bool:
    """A short line that gives a price ("Preis: 12,99 € (D) Kaufen", "ab 5,95€")."""
    return (_PRICE.search(text) is not None
            and sum(len(w) >= 4 for w in _WORD.findall(text)) <= _PRICE_WORDS)


def is_author_link(text: str) -> bool:
    """An author's name with the link to their other stories, often glued to it as a copy of
    the page prints them ("Jane DoeView More Articles", "Jane Doe All posts"): a byline."""
    m = _AUTHOR_LINK.search(text)
    return m is not None and bool(_NAME.fullmatch(text[: m.start()]))


def is_timestamp(text: str) -> bool:
    """A "Published …", "Updated …" or "5:30PM"-style stamp line."""
    return len(text) < 120 and bool(_TIMESTAMP.search(text))


def is_stamp_line(text: str) -> bool:
    """A time stamp line that carries a date or a time ("Updated: Nov. 20, 2019 1:35 a.m.")."""
    return (is_timestamp(text) and len(words(text)) <= 20
            and (dates.find_date(text) is not None or bool(_CLOCK.search(text))))


def is_promo(text: str) -> bool:
    """A line that sells the site to the reader ("Sign up for our newsletter"), not a quote."""
    return (len(text) < 300 and bool(_READER.search(text)) and bool(_PROMO.search(text))
            and not _QUOTES.search(text) and len(words(text)) <= 30)


def has_promo_words(text: str) -> bool:
    """The words a promo sells with ("sign up", "subscribe", "follow us", …) anywhere in the
    line, said to the reader or not."""
    return _PROMO.search(text) is not None


def is_read_time(text: str) -> bool:
    """A note of the article's reading time ("11 minute read", "Lesezeit: 4 Minuten")."""
    return (len(text.split()) <= _FURNITURE_WORDS and _MINUTES.search(text) is not None
            and _READ_WORD.search(text) is not None)


def is_kicker(text: str) -> bool:
    """A short line in capitals: a section label, a kicker, a byline in capitals."""
    cased = [c for c in text if c.lower() != c.upper()]
    return len(words(text)) <= 6 and len(cased) >= 4 and all(c.isupper() for c in cased)


_TAG_WORDS = 3  # words of a tag or a category at most
_LONG_TAGS, _LONG_TAG_WORDS = 5, 5  # a long list of tags may hold a longer one or two


def is_tag_list(text: str) -> bool:
    """Three or more short items parted by commas and nothing else ("Kolumne, Allgemein,
    Feminismus", "Politics, Recovery Fund, Left"), or five or more of up to five words
    ("Labor, Video, Alabama Workers Immigration Law, Immigration Reform, …"): a post's
    categories or tags. A headline that lists says what of them ("Bread, butter, milk: what
    costs more")."""
    if any(c in text for c in ":?!\"“”„«»"):
        return False
    sizes = [sum(any(c.isalnum() for c in t) for t in p.split())  # "&" is no word
             for p in text.rstrip(" ,").split(",")]
    return ((len(sizes) >= 3 and all(0 < n <= _TAG_WORDS for n in sizes))
            or (len(sizes) >= _LONG_TAGS and all(0 < n <= _LONG_TAG_WORDS for n in sizes)))


def _is_glued(text: str) -> bool:
    """Links or labels glued into one line ("TopicsSupreme CourtHuman rights"): two joins of
    a word's small letters and the next word's capital."""
    return len(_GLUED.findall(text)) >= 2


def _all_lowercase(text: str) -> bool:
    cased = [w for w in re.findall(r"\w+", text) if w[:1].lower() != w[:1].upper()]
    return text[:1].islower() and len(cased) >= 2 and all(w[:1].islower() for w in cased)


def _is_trail(text: str) -> bool:
    """A breadcrumb trail printed without separators: "Home" then a few Title Case section
    names ("Home Music Music News"); a headline that starts with "Home" goes on in lower
    case or with function words ("Home prices rise …")."""
    if not _HOME.match(text):
        return False
    toks = text.split()[1:]
    return len(toks) <= 5 and all(t[:1].isupper() or t == "&" for t in toks)


def is_breadcrumb(text: str) -> bool:
    """A trail of section names ("Home » News » World", "Home Music Music News")."""
    return bool(_BREADCRUMB.search(text)) or _is_trail(text)


def _is_chrome_segments(text: str) -> bool:
    """Section names joined by dashes or bars, one of them site chrome ("Blog - Latest News")."""
    parts = _SEGMENTS.split(text)
    return (len(parts) >= 2 and any(is_chrome_phrase(p) for p in parts)
            and all(is_chrome_phrase(p) or len(p.split()) == 1 for p in parts))


# The kind of story a headline announces, in front of it ("VIDEO: Voting on the estate's
# future", "WATCH: …", "LIVE: …"); the rest is the headline, the whole line its title.
_MEDIA_LABEL = re.compile(r"^(?:videos?|photos?|pictures|watch|listen|live|audio|podcast"
                          r"|gallery|vídeo|fotos?|видео|відео|фото)\s*:\s+(?=\w)", re.I)


def unlabelled(text: str) -> str:
    """The headline without the kind of story labelled in front of it ("VIDEO: …")."""
    return _MEDIA_LABEL.sub("", text, count=1)


def strip_label(text: str) -> str:
    """The headline without a control's label glued in front of it (a copy of the page's text
    puts a share menu's "Share All sharing options for:" on the headline's line)."""
    return _SHARE_LABEL.sub("", text)


_STEM = 5  # letters of a word compared: inflected forms share them ("Wohnung", "Wohnungen")
_WORD = re.compile(r"[^\W\d_]+")


def stems(text: str) -> set[str]:
    """The words a headline shares with its story: words of three letters or more that are no
    function word, cut to their first letters, a month's name in any form standing for its
    number; Chinese and Japanese, every two characters in a row (a word of Han characters or
    kana averages two)."""
    out = set()
    for w in _WORD.findall(text.casefold()):
        if _SPACELESS.search(w):
            out.update(w[i:i + 2] for i in range(len(w) - 1))
        elif len(w) >= 3 and w not in ALL_STOPWORDS:
            month = dates.MONTHS.get(w)
            out.add(w[:_STEM] if month is None else f"#{month}")  # "October" is "Oct."
    return out


def not_a_headline(text: str) -> str | None:
    """Why a headline-shaped line is something else, or None when it may be the headline."""
    if not any(c.isalpha() for c in text):
        return "number"  # a phone number, a score, a date in figures
    if is_picture_file(text):
        return "picture"
    if _CONTACT.match(text):
        return "contact"
    if _HASHTAG.match(text) or (len(text.split()) <= _FURNITURE_WORDS and (
            _COMMENTS.search(text) or is_read_time(text))):
        return "navigation"
    if is_price(text):
        return "price"
    if is_firm(text):
        return "firm"
    if (len(text.split()) <= _SECTION_WORDS and _SECTION_NAME.search(text.rstrip(" .!"))
            and ":" not in text):
        return "navigation"  # a section's name
    if _BULLET.match(text):
        return "list"  # an item or a footnote ("* Calendar subject to change")
    if is_byline(text):
        return "byline"
    if is_caption(text):
        return "caption"
    if _PROMO.search(text) or _LABEL_END.search(text):
        return "promo"
    if is_sentence(text):
        return "sentence"
    if is_kicker(text):
        return "kicker"
    if is_interface(text):
        return "interface"
    if _all_lowercase(text):
        return "keywords"  # alt text or a keyword list: a headline has capitals
    if (_ADDRESS.search(text) or _BREADCRUMB.search(text)
            or _TIMESTAMP.search(text)
            or _LEAVE.search(text) or _TAGS_LABEL.match(text) or is_chrome_phrase(text)
            or _WIKI_EDIT.search(text) or _LINK_ROW.search(text)
            or _CELLS.search(text) or _GAPS.search(text) or _is_trail(text)
            or len(_SNAKE_CASE.findall(text)) >= 2
            or _is_chrome_segments(text) or is_tag_list(text) or _is_glued(text)):
        return "navigation"
    if text.endswith("!") and len(words(text)) <= 4:
        return "promo"
    if text.endswith(("…", "...")) and len(words(text)) >= 8:
        return "teaser"  # cut short: a card's teaser or a caption, not the page's headline
    if dates.find_date(text) is not None:
        return "date"
    return None
