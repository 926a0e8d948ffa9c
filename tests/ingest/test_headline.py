"""What one line of a page is: a headline, or a caption, a promo, a byline, a kicker, a menu.

These are :mod:`digest.ingest.headline`'s answers; which of a page's lines becomes its title is
tested in test_title.py.
"""

from __future__ import annotations

import pytest

from digest.ingest.headline import is_credit, not_a_headline
from digest.ingest.textdump import extract_text

HEADLINES = [
    "Python 3.12 adds a new asyncio_mode option to the test runner",  # one name in code
    "Russia seeks to increase military cooperation with North Korea",
    "New York man pleads guilty to threatening to kill Rep. Ilhan Omar",
    "Cannabis Use Disorder is Rising in U.S. States Where Weed is Legal",
    "'We Got Her!': Video Shows Dramatic Rescue of Kidnapped Fort Worth Girl",
    "Does Marie Yovanovitch Have a Net Worth of $17 Million?",
    "Ukraine will liberate Crimea by military means if Russia does withdraw from it – "
    "Security Council Secretary",
    "\"Эти обращения не о политике\" – Зеленский о выступлениях перед парламентами ЕС",
    "Укренерго: графіки діють у 12 регіонах, після атак РФ знеструмлення у двох областях",
    "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay",
    "10 things in tech you need to know today",
    "商品の改造が商標法違反に！？",
    "Home prices rise for the sixth month in a row",
    "By 2030 half of Europe's cars could be electric",
    "Blinken arrives in Kyiv - Suspilne reports on the visit",
]


@pytest.mark.parametrize("text", HEADLINES)
def test_headlines_pass(text):
    assert not_a_headline(text) is None


@pytest.mark.parametrize(("text", "why"), [
    ("An explosion of a drone is seen in the sky over the city during a Russian drone strike",
     "caption"),
    ("Volodymyr Zelenskyy. Photo: Office of the President", "caption"),
    ("NSDC Secretary Oleksii Danilov/ Source: Getty Images", "caption"),
    ("Sanjeev Verma/Hindustan Times/Getty Images", "caption"),
    ("US Secretary of State Antony Blinken arrives in Kyiv — Suspilne - Photo", "caption"),
    ("WikiLeaks founder Julian Assange (AFP)", "caption"),
    ("Lula (ao centro) recebe de Tite uma réplica da taça da Libertadores", "caption"),
    ("Olaf Scholz (links) und Emmanuel Macron vor dem Kanzleramt in Berlin", "caption"),
    ("This item is part of our running news digest", "promo"),
    ("Get breaking news alerts and special reports", "promo"),
    ("Sharing is caring!", "promo"),
    ("Підписуйтесь на наш канал у Telegram", "promo"),
    ("Russia launched 17 drones overnight, Ukraine's Air Force said on Saturday.", "sentence"),
    ("Air pollution is surging in Delhi. It is part of a larger problem in India", "sentence"),
    ("“We have to make some job eliminations,” the chairman said in an email to employees",
     "sentence"),
    ("By Troy L. Smith, Cleveland.com", "byline"),
    ("bySerge Havrylets", "byline"),
    ("Catherine Shu @catherineshu / 2 days", "byline"),
    ("By Meg James Staff Writer", "byline"),
    ("TECH  PERSONAL TECHNOLOGY: REVIEW", "kicker"),
    ("Share Close extra sharing options", "interface"),
    ("oleksii danilov ukriane secretary national security defense council", "keywords"),
    ("BLOG > Nutrition > Meal Plans", "navigation"),
    ("Monday 5:30PM", "navigation"),
    ("Back to Gallery", "navigation"),
    ("Overview\u00a0\u00a0\u00a0 News\u00a0\u00a0\u00a0 Articles\u00a0\u00a0\u00a0 Interviews",
     "navigation"),
    ("Pos\tPlayer\tPlays\t%\tStats", "navigation"),
    ("Home Music Music News", "navigation"),
    ("Blog - Latest News", "navigation"),
    ("by ライトハウス国際特許事務所 ／ 2016.12.01", "byline"),
    ("Jane DoeView More Articles", "byline"),
    ("Maria Teresa Castillo All posts", "byline"),
    ("[harbour-bridge-repairs-2019.jpg]", "picture"),  # a text browser's picture, no alt text
    ("Harbour bridge repairs 2019 final.JPG", "picture"),
])
def test_lines_that_only_look_like_headlines(text, why):
    assert not_a_headline(text) == why


def test_credit_is_not_a_sentence_that_names_an_agency():
    assert is_credit("A man walks past a damaged building in Kyiv. REUTERS/Gleb Garanich")
    assert not is_credit("The minister told Reuters on Monday that talks would resume.")
    assert not is_credit("The move is seen as a signal to Moscow, officials said.")


PARA = ("Officials in the city handed out more than five million masks to schoolchildren this "
        "week, as the air quality index stayed above the hazardous mark for a third day.")
LATER = ("Doctors say the smoke from burning crop stubble outside the city is the main source, "
         "and that the season will last until the first rains of the winter arrive.")


def test_credits_stamps_and_promos_are_not_article_text():
    page = ("Delhi hands out masks as smog returns\n\n"
            "A child is seen wearing a mask on the way to school in New Delhi\n\n"
            "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019\n\n"
            f"{PARA}\n\nSanjeev Verma/Hindustan Times/Getty Images\n\n"
            "Sign up for our newsletter: the day's news in your inbox every morning.\n\n"
            '"Join us in the fight for clean air," the minister told reporters on Monday.\n\n'
            f"{LATER}\n")
    body = extract_text(page).body
    assert PARA in body and LATER in body
    assert "Join us in the fight" in body  # a quote that speaks to the reader is reporting
    for chrome in ("is seen wearing", "PUBLISHED", "Getty Images", "Sign up"):
        assert chrome not in body


@pytest.mark.parametrize(("text", "why"), [
    ("03-5829-8082", "number"),
    ("* Calendar announced by the league in January", "list"),
    ("https://www.example.com/sports/article/Harbour-bridge-to-close-for-repairs-123.php",
     "navigation"),
])
def test_numbers_footnotes_and_addresses_are_not_headlines(text, why):
    assert not_a_headline(text) == why


@pytest.mark.parametrize("text", [
    "Watchdog. At least 40 workers hurt in factory blaze",
    "City Council Approves New Budget. Here's What Changes for Renters.",
])
def test_a_label_and_a_headline_in_title_case_are_not_sentences(text):
    assert not_a_headline(text) is None


@pytest.mark.parametrize("line", [
    "Von Erika Mustermann",
    "von Max Muster und Erika Beispiel",
    "por Ana Ejemplo / Luis Modelo",
    "de Jeanne Exemple",
    "Eine Reportage von Max Muster",
    "Artikel von Erika von Beispiel",
    "Fact checked by Jane Roe",
    "Interview: Erika Mustermann",
    "Jane Roe, Metro Desk By Jane Roe, Metro Desk",  # a name link, then the byline
    "Isabel Ejemplo, Rocío Modelo y José Miguel Muestra",  # the authors without "por"
])
def test_bylines_in_the_languages_of_europe_are_not_headlines(line):
    assert not_a_headline(line) == "byline"


@pytest.mark.parametrize("line", [
    "Von Menschen und Mäusen",
    "Von der Leyen reist nach Kiew",
    "Der Tod von Hannelore Beispiel",
    "Man Shot by Police Officer",
    "Interview: Warum die Brücke wieder schließt",
])
def test_headlines_that_hold_the_word_for_by_are_headlines(line):
    assert not_a_headline(line) is None


@pytest.mark.parametrize("line", [
    "Foto: Erika Mustermann",
    "Bild: Agentur/Fotograf",
    "Quelle: Max Muster / Bildarchiv",
    "Die neue Brücke am Abend (Foto: Stadtwerke)",
    "DIE NEUE BRÜCKE AM ABEND © MAX MUSTER",
    "(Jane Roe / Harbour Gazette)",
    "(crédito: Ana Ejemplo/Agencia)",
    "Engineers inspect the old deck from a barge (Jane Roe/The Harbour Gazette)",
    "The bridge was built in 1932. (The Associated Press)",
    "The bridge from the ferry ( )",  # the page left the credit empty
])
def test_picture_sources_labelled_in_any_language_are_captions(line):
    assert not_a_headline(line) == "caption"


@pytest.mark.parametrize(("line", "why"), [
    ("Feed Twitter Facebook Youtube", "interface"),
    ("Cerrar Compartir en Linkedin Compartir en Pinterest", "interface"),
    ("vorlesen Druckansicht Kommentare lesen 128 Beiträge", "interface"),
    ("Zum Rezept  Drucken  Pinnen", "navigation"),
    ("Kolumne, Allgemein, Stadtleben, Feminismus", "navigation"),
    ("Corona & die Folgen, Debatte, Deutschland, Politik", "navigation"),  # "&" is no word
    ("LAG(alert) OVER (PARTITION BY status_code ORDER BY period) AS previous_alert",
     "navigation"),  # a line of code
    ("very high · 16th", "keywords"),  # an infobox's values, no capital
    ("ThemenOberstes GerichtMenschenrechte", "navigation"),
    ("Email the author | Follow on Twitter", "interface"),
    ("Get author RSS feed", "interface"),
    ("View/Post Comments", "interface"),
    ("Ferry Times // Bridge Closures // Summer Events", "navigation"),
    ("Harbour • Ferries • Bridges • Parking", "navigation"),
])
def test_rows_of_buttons_tags_and_glued_links_are_not_headlines(line, why):
    assert not_a_headline(line) == why


@pytest.mark.parametrize("line", [
    "McDonald joins the band for the AirPods and PlayStation launch",
    "Brot, Butter, Milch: Was im Supermarkt teurer wird",
    "Initiative #OutInChurch: Kirche ohne Angst",
])
def test_camel_case_names_and_lists_that_say_something_are_headlines(line):
    assert not_a_headline(line) is None


@pytest.mark.parametrize("line", [
    "Follow the money: who pays for the new bridge",
    "Get ready for a summer without the harbour bridge",
    "Post office to close as the bridge shuts",
    "Stand By Me By the River",
    "Harbour walks | A summer guide",
    "The harbour bridge at night (photos)",
])
def test_headlines_with_a_controls_word_a_bar_or_parentheses_are_headlines(line):
    assert not_a_headline(line) is None


@pytest.mark.parametrize(("line", "why"), [
    ("新华社记者 张小明", "byline"),
    ("Telefon: 0123 456 789 00", "contact"),
    ("Preis: 12,99 € (D) Kaufen", "price"),
    ("ab 5,95€", "price"),
    ("Menü Leerer Warenkorb", "interface"),
])
def test_reporters_contacts_prices_and_a_shops_controls_are_not_headlines(line, why):
    assert not_a_headline(line) == why


@pytest.mark.parametrize("line", [
    "Spanish Foundation Provides Scholarships Worth $4.5 Million to Local Students",
    "Tesla-Aktie fällt unter 100 $ nach schwachen Zahlen",
    "新华社记者在武汉采访抗疫一线的医护人员和志愿者的故事与感人瞬间",
])
def test_headlines_with_a_price_or_about_a_reporter_are_headlines(line):
    assert not_a_headline(line) is None


def test_a_list_of_tags_with_a_trailing_comma_is_not_a_headline():
    assert not_a_headline("Testberichte, Neuigkeiten, Zur Markenseite,") == "navigation"


@pytest.mark.parametrize(("line", "why"), [
    ("weiterlesen 5 Minuten", "navigation"),
    ("4 Min. Lesezeit", "navigation"),
    ("ANZEIGE, UNTERWEGS | 1 Kommentar", "navigation"),
    ("#Plug-in-Hybrid", "navigation"),
    ("Parade in der Innenstadt (Symbolbild)", "caption"),
    ("Paris Haute Couture, Erika Muster, Bild via", "caption"),
])
def test_reading_times_comment_counts_hashtags_and_caption_marks_are_not_headlines(line, why):
    assert not_a_headline(line) == why


@pytest.mark.parametrize("line", ["In 10 Minuten zum perfekten Steak",
                                  "Hamburg: 30 Minuten Stau auf der A7"])
def test_headlines_that_count_minutes_are_headlines(line):
    assert not_a_headline(line) is None


@pytest.mark.parametrize(("line", "why"), [
    ("Jane Roe, Staff Attorney, Harbour Rights Project", "byline"),
    ("& Erika Muster, Director of Education, Harbour Foundation", "byline"),
    ("M. Jean Exemple, Ministre de la Culture", "byline"),
    ("Labor Erika Muster GmbH & Co. KG", "firm"),
    ("Pressemitteilung | Verbraucherverein Beispiel e.V.", "firm"),
])
def test_a_name_with_its_post_and_a_firms_name_are_not_headlines(line, why):
    assert not_a_headline(line) == why


@pytest.mark.parametrize("line", ["Beispiel AG streicht 5000 Stellen in der Stadt",
                                  "Jane Roe, John Doe Launch Harbour Campaign"])
def test_headlines_about_firms_and_people_are_headlines(line):
    assert not_a_headline(line) is None


@pytest.mark.parametrize("line", ["Harbour Times News", "Nachrichten und Pressemeldungen",
                                  "Noticias de la Costa"])
def test_a_sections_name_around_the_word_for_news_is_not_a_headline(line):
    assert not_a_headline(line) == "navigation"


@pytest.mark.parametrize("line", ["Good News for Savers", "Breaking: Fake News spreads"])
def test_headlines_that_say_news_are_headlines(line):
    assert not_a_headline(line) is None


@pytest.mark.parametrize("line", ["Mise en ligne", "Veröffentlicht am 3. Mai",
                                  "Publicado el 3 de mayo", "Hace 13 horas", "vor 3 Stunden",
                                  "Il y a 2 heures", "3 години тому", "2 часа назад"])
def test_posted_and_updated_labels_in_the_languages_of_europe_are_not_headlines(line):
    assert not_a_headline(line) == "navigation"


@pytest.mark.parametrize("line", ["Wie kann ich schnell abnehmen? Die acht besten Tipps der Ärzte",
                                  "¿Quiere abrir un negocio? La ciudad le abre sus puertas",
                                  "Happy holidays! The feast the harbour council forgot to plan",
                                  "Die Saison beginnt! So finden Sie die besten Märkte der Stadt"])
def test_a_headline_that_asks_or_exclaims_then_tells_without_a_full_stop_is_a_headline(line):
    assert not_a_headline(line) is None


@pytest.mark.parametrize("line", [
    "Wie kann man schnell abnehmen? Die Ärzte raten zu mehr Bewegung und weniger Zucker.",
    "Was tun? Was lassen? Die Ärzte raten zu mehr Bewegung und weniger Zucker im Alltag",
    "Wow! The ferry was full again and we had to wait for the next one.",
    "Stop! Stop! The bridge is closed to every car and every bus this summer",
])
def test_a_question_and_a_sentence_with_its_full_stop_or_questions_are_prose(line):
    assert not_a_headline(line) == "sentence"


@pytest.mark.parametrize(("line", "why"), [
    ("Harbour Weather is sponsored by", "promo"),
    ("Präsentiert von", "promo"),
    ("Ocean Special is supported by", "promo"),
    ("Suivre le Courrier du Port sur Twitter", "promo"),
    ("Folgen Sie der Hafenzeitung auf Instagram", "promo"),
    ("Get Harbour Business Alerts", "promo"),
    ("Today’s Paper", "navigation"),
    ("Print Edition", "navigation"),
    ("Travel More: Ferries Harbour Longread", "navigation"),
    ("Filed to:ferries", "navigation"),
    ("Mots-clés : port, ferries", "navigation"),
    ("History of the harbour[edit]", "navigation"),
    ("Ferries , Video , Harbour News , Port Authority , Harbour Workers Union Contract ,"
     " Tides", "navigation"),
])
def test_sponsor_labels_follow_calls_edition_links_tag_labels_and_wiki_links_are_not_headlines(
        line, why):
    # each line stands on news pages' heads, above or beside the headline
    assert not_a_headline(line) == why


@pytest.mark.parametrize("line", [
    "Get ready for the storm: what the forecast says for the harbour",
    "Follow the money: how the port paid for its new ferries",
    "Harbour Board: More ferries from June",
])
def test_headlines_that_begin_like_a_call_or_hold_a_label_are_headlines(line):
    assert not_a_headline(line) is None


@pytest.mark.parametrize("line", [
    "Unser neuer Trainer ist da! @hafenfc https://t.co/AbCdEf pic.twitter.com/XyZ",
    "hafenzeitung twitter.com/hafenzeitung/status… Fähre fällt aus",
    "Mehr dazu auf www.hafen-beispiel.de/faehren",
])
def test_lines_holding_a_link_s_address_are_not_headlines(line):
    # an embedded post, a card's source: a headline names a site, never a path on it
    assert not_a_headline(line) is not None


def test_a_headline_naming_a_site_is_a_headline():
    assert not_a_headline("Harbour.com buys its rival for $2 billion") is None


@pytest.mark.parametrize("line", ["GETTY", "Getty Images/iStock", "Michael Roe, AP",
                                  "New York State Registry via AP"])
def test_a_picture_agency_alone_or_after_its_photographer_is_a_credit(line):
    assert is_credit(line)


@pytest.mark.parametrize("line", ["Black Friday/Cyber Monday", "AFP", "Trump, Biden and AP"])
def test_a_pair_of_names_or_an_agency_byline_is_no_credit(line):
    assert not is_credit(line)
