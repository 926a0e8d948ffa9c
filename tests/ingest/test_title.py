"""The title is the page's headline: never a caption, a promo, a byline or the lead.

Which line of a page is its headline is :mod:`digest.ingest.title`'s choice; what a single line
is (:func:`digest.ingest.headline.not_a_headline`) is tested in test_headline.py.
"""

from __future__ import annotations

import pytest

from digest.config import Config, Source
from digest.ingest.textdump import extract_text
from digest.ingest.title import is_headline
from tests.ingest.test_metadata import BODY as PERMITS
from tests.ingest.test_metadata import CONFIG

BODY = ("Ukrainian air defence shot down all the drones Russia launched overnight, the Air "
        "Force said on Sunday morning in its regular update.\n\n"
        "The drones were launched from Kursk Oblast and from the occupied Crimea, the statement "
        "added, and most of them were destroyed over the south of the country.\n")


def test_a_caption_under_the_headline_is_not_the_title():
    page = ("Menu\nSearch\n\nUkraine downs all 11 Russian drones launched overnight\n\n"
            "An explosion of a drone is seen in the sky over Kyiv during a Russian attack\n\n"
            + BODY)
    assert extract_text(page).title == "Ukraine downs all 11 Russian drones launched overnight"


def test_a_promo_and_a_byline_above_the_article_are_not_the_title():
    page = ("Ukraine downs all 11 Russian drones launched overnight\n\n"
            "by Dmytro Basmat\n\nThis item is part of our running news digest\n\n" + BODY)
    assert extract_text(page).title == "Ukraine downs all 11 Russian drones launched overnight"


def test_a_standfirst_is_not_the_title():
    page = ("Ukraine downs all 11 Russian drones launched overnight\n\n"
            "The attack was the first in a week, officials said.\n\n"
            "August 19, 2024 7:19 AM\n\n" + BODY)
    assert extract_text(page).title == "Ukraine downs all 11 Russian drones launched overnight"


def test_a_page_without_a_headline_gets_no_title_from_its_lead():
    page = "Ukraine's Air Force said on Sunday that the attack was repelled.\n\n" + BODY
    assert extract_text(page).title is None


def test_the_first_showing_of_a_repeated_headline_wins():
    page = ("Greece Offers F-16 Training To Ukrainian Pilots: Zelensky\n\n"
            "Fahad Shabbir Published August 22, 2023 | 12:00 AM\n\n"
            "Greece offers F-16 training to Ukrainian pilots: Zelensky\n\n" + BODY)
    assert extract_text(page).title == "Greece Offers F-16 Training To Ukrainian Pilots: Zelensky"


def test_a_share_label_glued_to_the_headline_is_cut_off():
    dump = ("Share All sharing options for: "
            "The law that's helping fuel Delhi's deadly air pollution\n"
            "By Umair Irfan  Nov 22, 2019, 8:00am EST\n\n"
            + "Air pollution in Delhi reached record levels this month, and farmers burning their "
              "fields are part of the reason, officials in the region say again and again.\n" * 4)
    assert extract_text(dump).title == "The law that's helping fuel Delhi's deadly air pollution"


@pytest.mark.parametrize("credit", ["Charlie Wood, Business Insider",
                                    "Kevin Johnson and Kevin McCoy USA TODAY"])
def test_people_and_their_outlet_are_a_byline_not_the_title(credit):
    dump = (f"Prison guards charged over falsified records\n{credit}\n"
            "Published 9:03 a.m. ET Nov. 19, 2019\n\n"
            + "Two federal prison officers were charged on Tuesday with falsifying records on the "
              "night a prisoner died in their care, prosecutors in New York said.\n" * 4)
    assert extract_text(dump).title == "Prison guards charged over falsified records"


HEADLINE = "Harbour bridge to close for repairs over the summer"


LEAD = ("The city's main harbour bridge will close to traffic from June until the end of "
        "August, the transport department said on Tuesday, while engineers replace its deck.\n\n"
        "Buses will be rerouted over the upper crossing, and the ferry service will run every "
        "ten minutes at rush hour, the department added in a statement.\n\n"
        "Shop owners near the bridge said they feared losing customers during the busiest "
        "months of the year, and asked the council for help with their rents.\n")


def test_lines_between_the_dateline_and_the_article_are_not_the_title():
    # a photo's caption and tags come after the headline, its byline and its date
    page = (f"Menu\nSearch\n{HEADLINE}\nBy Jane Doe\nNovember 19, 2019 6:00 AM\n"
            "Local Transport\nCity Hall\nFerry passengers queue at the harbour pier\n\n" + LEAD)
    assert extract_text(page).title == HEADLINE


def test_the_headline_above_a_long_run_of_share_buttons_is_found():
    shares = "".join(f"Share this with {name}\n" for name in
                     ["Facebook", "Messenger", "Twitter", "Email", "WhatsApp", "LinkedIn"] * 5)
    page = f"News\nLocal\n{HEADLINE}\n19 November 2019\n{shares}\n" + LEAD
    assert extract_text(page).title == HEADLINE


@pytest.mark.parametrize("head", [
    pytest.param(f"Up next:\n{HEADLINE}\n{HEADLINE}\n"
                 "Commuters will need another way across the river for three months\n"
                 "by Jane Doe\nNov 18, 2019 at 9:24 pm ET\n",
                 id="a standfirst without a full stop under a repeated headline"),
    pytest.param(f"Sections\n{HEADLINE}\nCommuters crowd onto the last ferry of the evening\n"
                 "(Jane Roe / Associated Press)\nBy John Doe\nNov. 19, 2019\n",
                 id="a caption with its credit under the headline"),
    pytest.param(f"Politics\nBusiness\n{HEADLINE}\nBy Jane Doe | Example News\nFacebook\n"
                 "Twitter\nPrint\nEmail\nVideo\nThe week's best ferry rides in two minutes",
                 id="a video title above the article, the byline higher"),
    pytest.param(f"Home Music Music News\nNovember 19, 2019 12:04AM ET\n{HEADLINE}\n"
                 "Engineers will replace the deck and the rails of the old crossing over three "
                 "months\nBy\nJane Doe\nJane Doe's Most Recent Stories\n"
                 "Ferry timetable changes for the summer season\n"
                 "Council approves new rules for harbour parking\n"
                 "Shop owners near the bridge ask for help with rents\nView All\n",
                 id="a list below the headline, its dateline and byline"),
    pytest.param(f"Local News\nSubmit Photos and Videos\nNov. 20, 2019 6:02 AM EST\n{HEADLINE}\n"
                 "By Jane Doe and John Roe\n", id="a menu item on top of the dateline"),
    # a regional newspaper's head: the picture's file name, caption and credit, the author
    # printed twice round "By", buttons, the date
    pytest.param(f"Comments\n{HEADLINE}\nbridge_repairs.JPG\nHarbour bridge repairs\n"
                 "Engineers inspect the old deck from a barge on Monday (Jane Roe/The Harbour "
                 "Gazette)\nPrint\nJohn Doe | Harbour Gazette By John Doe | Harbour Gazette\n"
                 "Email the author | Follow on Twitter\n"
                 "on November 19, 2019 at 6:00 AM, updated November 19, 2019 at 8:00 AM\n"
                 "View/Post Comments\n",
                 id="a caption's own title over the caption, a byline printed twice, buttons"),
    pytest.param(f"Comments\n{HEADLINE}\nbridge.jpg\nThe bridge from the ferry ( )\nPrint\n"
                 "Jane Roe By Jane Roe\non November 19, 2019 at 6:00 AM\nView/Post Comments\n",
                 id="a caption whose credit the page left empty"),
    pytest.param(f"Transport\nLocal\n{HEADLINE}\nJane Roe, The Ferry Log\n"
                 "Nov. 19, 2019, 5:04 PM\n5,263\nfacebook\ntwitter\nemail\n",
                 id="an author and the outlet she writes for, right above the date"),
    pytest.param(f"Live TV\n{HEADLINE}\nAnalysis by Jane Roe, Harbour Correspondent\n"
                 "11 minute read\nUpdated 9:22 PM EST, Tue November 19, 2019\n"
                 "The harbour bridge and the upper crossing\nHarbour Gazette\n—\n",
                 id="a reading time in the stack, a picture's caption under the date"),
    pytest.param(f"Política\nGobierno\n{HEADLINE}\nIsabel Ejemplo, Rocío Modelo y José Muestra\n"
                 "Hace 13 horas\nTiempo de lectura: 8 minutos\n"
                 "The harbour bridge and the upper crossing\n",
                 id="the authors without 'by', a time ago and a reading time, then a caption"),
    pytest.param("STRANGE NEWS\nANIMALS\nTRENDING: Ferry Times // Bridge Closures // Summer "
                 f"Events // Best Harbour Walks\n{HEADLINE}\n"
                 "by Jane Roe, Staff Writer | November 19, 2019 07:15am ET\n",
                 id="a row of trending topics right above the headline"),
    pytest.param(f"JUSTICIA\n/ Noticias\n{HEADLINE}\nThe transport department says engineers "
                 "will replace the deck of the old crossing while buses take the upper one.\n"
                 "Council approves new rules for parking in the old town\n"
                 "Mayor's office opens a consultation on the ferry timetable\n"
                 "Shop owners near the bridge said they feared losing customers. (Photo: Jane "
                 "Roe)\nJane Doe\nNov. 19, 2019 8:06 AM\n",
                 id="teasers of other stories between the deck and the caption"),
])
def test_the_lines_stacked_around_a_headline_are_not_the_title(head):
    """Standfirsts, captions, video titles, lists, menu items, bylines, buttons and rows of
    links sit around a headline."""
    assert extract_text(head + "\n" + LEAD).title == HEADLINE


def test_a_headline_in_title_case_with_full_stops_is_the_title():
    title = "Bridge Repairs Will Close the Harbour Crossing. Here's What Changes for Commuters."
    page = f"Menu\n{title}\nBy Jane Doe Updated Nov. 19, 2019 8:21 am ET\nPrint\n\n" + LEAD
    assert extract_text(page).title == title


def test_a_headline_the_article_region_opens_with_beats_a_menu_item_above_it():
    # (the headline names what its article reports: a word of it comes again in the text)
    title = "Bridge reviews are in: visitors tell us what they loved about the show!"
    menu = "".join(f"{item}\n" for item in [
        "Ticket Reservation Method", "Theatre Performance News", "Local Culture News",
        "Contact", "Search"])
    page = f"{menu}{title}\nOctober 12, 2018 / 0 Comments / by admin\n" + LEAD
    assert extract_text(page).title == title


def test_the_sites_name_above_its_date_is_not_the_title():
    config = Config(sources=(Source("The Harbour Evening Gazette", (), None),))
    page = ("Subscribe\nThe Harbour Evening Gazette\nNovember 20, 2019\nHome\nWorld\nBusiness\n"
            f"TRANSPORT\n{HEADLINE}\nEngineers will replace the deck of the old crossing.\n"
            "By Jane Doe\n\n" + LEAD)
    assert extract_text(page, config=config).title == HEADLINE


JA_PAGE = ("MENU\nお客様の毎日を応援します。暮らしの情報なら港町タイムズ［神奈川・横浜市］\n"
           "HOME\nニュース\nHOME >\nニュース >\n港の大橋が夏の三か月間通行止めに\n"
           "by 港町タイムズ編集部 ／ 2019.11.19\n"
           "市の交通局は火曜日、港にかかる大橋を六月から八月末まで通行止めにすると発表しました。"
           "橋の床板を全面的に交換する工事のためです。\n"
           "工事の期間中、路線バスは上流の橋を経由して運行し、フェリーは朝夕のラッシュ時に十分おきに"
           "運航するということです。\n"
           "橋の近くの商店主からは、一年で最も忙しい時期に客が減るのではないかと心配する声が上がって"
           "おり、市に家賃の支援を求めています。\n")


ZH_PAGE = ("首页\n新闻中心\n欢迎访问海港日报。我们每天为您提供最新的本地新闻和深度报道\n"
           "首页 > 本地新闻\n"
           "海港大桥将于今夏封闭三个月进行维修\n记者 王明 2019-11-19 08:30\n"
           "市交通局周二宣布，海港大桥将从六月起封闭至八月底，以便工程人员更换桥面。\n"
           "封闭期间，公交车将改经上游大桥行驶，渡轮在早晚高峰时段每十分钟一班。\n"
           "大桥附近的商户担心在一年中最繁忙的几个月里失去顾客，并向市政府申请租金补贴。\n")


@pytest.mark.parametrize(("page", "title"), [
    pytest.param(JA_PAGE, "港の大橋が夏の三か月間通行止めに", id="Japanese"),
    pytest.param(ZH_PAGE, "海港大桥将于今夏封闭三个月进行维修", id="Chinese"),
])
def test_a_chinese_or_japanese_headline_is_the_title_not_the_sites_slogan(page, title):
    # written without spaces: a headline is one "word" to a word count, a slogan of two
    # sentences ("…します。…") is prose all the same
    assert extract_text(page).title == title


@pytest.mark.parametrize("name", ["Maria Teresa Castillo", "Jane Doe Harbour Gazette"])
def test_the_name_signed_under_the_headline_is_not_the_title(name):
    # a bare name right above the date or time stamp signs the article: the headline is above
    page = f"Menu\nSearch\n{HEADLINE}\n{name}\nPublished 2:16 AM EST Nov 20, 2019\n\n" + LEAD
    assert extract_text(page).title == HEADLINE
    page = f"Menu\nSearch\n{HEADLINE}\n{name}\nMonday 5:30PM\n\n" + LEAD
    assert extract_text(page).title == HEADLINE


def test_a_short_headline_in_title_case_above_the_date_is_not_taken_for_a_name():
    page = "Search\nContinue reading the main story\nHarbour Bridge Closes Again\nNov. 19, 2019\n\n"
    assert extract_text(page + LEAD).title == "Harbour Bridge Closes Again"


FERRY_MENU = "".join(f"{item}\n" for item in [
    "Weekend Ferry Timetables", "Harbour Walking Tours", "Gallery", "Contact", "Register",
    "Log In", "About Me",
    "Column", "English", "Español", "Blog", "Home » Column »", "13 Aug", "Column",
    "About ferries"])


def test_a_menu_item_far_above_the_date_is_not_the_title():
    # the headline this page prints is too short to tell from the menu: no title, the page
    # waits for review, rather than one of the menu's items published as its headline
    page = f"{FERRY_MENU}November 19, 2019\nPosted by admin\n\n" + LEAD
    assert extract_text(page).title is None


def test_a_headline_above_its_byline_and_share_buttons_is_the_title():
    shares = "".join(f"{name}\n" for name in ["Facebook", "Twitter", "Email", "WhatsApp",
                                              "LinkedIn", "Print", "Comments"])
    page = f"Menu\nSearch\n{HEADLINE}\nBy Jane Doe\n{shares}November 19, 2019\n\n" + LEAD
    assert extract_text(page).title == HEADLINE


@pytest.mark.parametrize("byline", ["By Jane Doe", "Jane DoeView More Articles"])
def test_a_line_under_the_headlines_byline_is_not_the_title(byline):
    # headline, its byline, then a photo's caption without a full stop, then the date
    page = (f"Menu\nSearch\n{HEADLINE}\n{byline}\n"
            "The old crossing looks quiet with its deck taken off\nNovember 20, 2019 12:32\n\n")
    assert extract_text(page + LEAD).title == HEADLINE


def test_the_headline_opens_under_the_breadcrumb_trail_and_its_standfirst_follows():
    # neither line is a sentence nor printed twice: the trail leads to the headline
    page = (f"Menu\nSearch\nHome » Transport\n{HEADLINE}\n\n"
            "Commuters will need another way across the river for three months\n\n" + LEAD)
    assert extract_text(page).title == HEADLINE


@pytest.mark.parametrize("title", [HEADLINE, "Harbour Bridge Closes for Repairs"])
def test_a_headline_printed_in_capitals_takes_the_case_the_breadcrumb_prints_it_in(title):
    # a page styles its headline in capitals; its trail ends with the words as written
    page = (f"Menu\nSearch\nHome Transport {title}\nTransportCity\n{title.upper()}\n"
            "written by Jane Doe\n\n" + LEAD)
    assert extract_text(page).title == title


def test_a_short_label_in_capitals_is_still_not_the_title():
    page = f"Menu\nHome Transport Local News\nLOCAL NEWS\n{HEADLINE}\nBy Jane Doe\n\n" + LEAD
    assert extract_text(page).title == HEADLINE


def test_names_stacked_above_the_date_leave_the_page_without_a_title():
    # a slideshow's captions are names, the last one right above the time stamp as a byline
    # would be: none of them can be told for the headline, and none is published as one
    page = ("Menu\nSearch\nHarbour Regatta Results\n\nJane Roe Junior Sculls\n\n"
            "John Doe Harbour Club\nPosted: Fri 6:45 PM, Feb 16, 2018\n\n" + LEAD)
    assert extract_text(page).title is None


@pytest.mark.parametrize(("head", "under"), [
    pytest.param("Home World News and Politics\nWORLD NEWS AND POLITICS\n", "By Jane Doe\n",
                 id="a section's name in capitals that the trail ends with"),
    pytest.param("Home » Transport\nLocal Transport News\n",
                 "\nCommuters will need another way across the river for three months.\n",
                 id="a section's name under the trail"),
    pytest.param("Home » Transport\nFerry and bridge closures across the city\n",
                 "By Jane Doe\n", id="a line under the trail, the headline signed below it"),
])
def test_a_sections_name_under_the_trail_is_not_the_title(head, under):
    page = f"Menu\n{head}{HEADLINE}\n{under}\n" + LEAD
    assert extract_text(page).title == HEADLINE


def test_a_list_of_signed_stories_above_the_headline_keeps_its_bylines():
    # each story of the list has its byline under it: the headline below the last is the title
    page = ("Menu\nMost Read\nFerry timetable changes for the summer season\nBy Jane Roe\n"
            "Council approves new rules for harbour parking\nBy John Roe\n"
            f"{HEADLINE}\nNovember 20, 2019 12:32\n\n" + LEAD)
    assert extract_text(page).title == HEADLINE


@pytest.mark.parametrize("signed", ["Von Erika Mustermann", "Eine Analyse von Max Muster",
                                    "Foto: Erika Mustermann"])
def test_a_german_byline_or_credit_under_the_headline_is_not_the_title(signed):
    head = "Stadtrat beschließt neue Regeln für das Parken am Hafen"
    lead = ("Der Stadtrat hat am Dienstag neue Regeln für das Parken am Hafen beschlossen, "
            "nachdem Anwohner seit Monaten über fehlende Plätze geklagt hatten.\n\n"
            "Die Regeln gelten ab dem ersten März und sollen nach einem Jahr überprüft werden, "
            "wie die Verwaltung in einer Mitteilung schreibt.\n")
    page = f"Startseite\nSuche\n{head}\n{signed}\n18. Oktober 2023\n\n" + lead
    assert extract_text(page).title == head


MENU = "Startseite\nSuche\nKontakt\n"


STORY = ("Der Stadtrat hat am Dienstag neue Regeln für das Parken am Hafen beschlossen, nachdem "
         "Anwohner seit Monaten über fehlende Plätze geklagt hatten.\n\n"
         "Die Regeln gelten ab dem ersten März und sollen nach einem Jahr überprüft werden, wie "
         "die Verwaltung in einer Mitteilung schreibt.\n\n"
         "Wer ohne Ausweis am Hafen parkt, zahlt künftig ein Bußgeld von dreißig Euro.\n")


@pytest.mark.parametrize("line", ["Suche ein- oder ausblenden", "Erika Beispiel-Muster",
                                  "Kultur und Freizeit im Überblick"])
def test_a_line_above_the_date_that_shares_no_word_with_the_article_is_not_the_title(line):
    # a button, an author's bare name, a menu's item: what a headline reports, its
    # article reports too; the headline right above the article takes the place
    head = "Neue Parkregeln für den Hafen beschlossen"
    page = f"{MENU}{line}\n18. Oktober 2023\n{head}\n\n" + STORY
    assert extract_text(page).title == head


def test_a_page_whose_only_candidate_shares_no_word_with_the_article_has_no_title():
    page = f"{MENU}Suche ein- oder ausblenden\n\n" + STORY
    assert extract_text(page).title is None


def test_a_line_right_above_the_dateline_stays_when_no_line_is_the_storys():
    # headed as a headline is (its date right below), nothing else to put in its place
    page = f"{MENU}Wochenbericht aus dem Rathaus\n18. Oktober 2023\n\n" + STORY
    assert extract_text(page).title == "Wochenbericht aus dem Rathaus"


def test_a_headline_that_names_the_month_the_article_abbreviates_is_its_own():
    title = "Four Things to Do in October"
    lead = ("Our top picks for the weekend: the county show runs Oct. 11-21 in the old park, "
            "with rides, stalls and a parade on the last evening.\n\n"
            "Tickets go on sale next week at the gate and at the town hall, where the "
            "organisers will also hand out the programme.\n")
    page = f"Menu\n{title}\nOctober 4, 2018\n\n" + lead
    assert extract_text(page).title == title


def test_a_headline_the_page_prints_twice_is_kept_whatever_the_article_says():
    title = "Harbour Regatta Calendar 2018"
    page = f"Menu\n{title}\nJanuary 22, 2018\nThe Harbour Regatta Calendar 2018\n\n" + LEAD
    assert extract_text(page).title == title


def test_a_deck_over_a_by_printed_alone_gives_way_to_the_headline_above_it():
    # headline, its deck without a full stop, then "by" on its own line above the name
    deck = "Commuters will need another way across the river for three whole months"
    page = f"Menu\n#Local\n{HEADLINE}\n{deck}\nby\nJane Doe\nNovember 19, 2019\n\n" + LEAD
    assert extract_text(page).title == HEADLINE


def test_an_authors_name_the_article_quotes_once_is_not_the_title():
    # the author's box (a name, a role) under the headline; the article names her surname once
    head = "Neue Parkregeln für den Hafen beschlossen"
    story = STORY + "\nDas schreibt Beispiel, die den Rat seit Jahren begleitet, im Kommentar.\n"
    page = f"{MENU}18. Oktober 2023\n{head}\nErika Maria Beispiel\nLokalredaktion\n\n" + story
    assert extract_text(page).title == head


def test_a_line_that_shares_one_word_with_the_end_of_the_article_only_is_not_the_title():
    # a menu's item above the date; one of its words comes again, by chance, far below
    head = "Neue Parkregeln für den Hafen beschlossen"
    story = STORY + "\nAlle Daten zum Hafen stehen auf den Seiten der Stadt im Internet.\n"
    page = f"{MENU}Daten und Statistik\n18. Oktober 2023\n{head}\n\n" + story
    assert extract_text(page).title == head


@pytest.mark.parametrize("deck", [
    "Engineers replace its deck while buses and ferries carry commuters across the river daily",
    "Engineers replace its deck while buses carry commuters across the river",  # just longer
])
def test_a_deck_longer_than_the_headline_under_it_gives_way_to_it(deck):
    # no byline between them: the lengths tell the headline from the deck
    page = f"Menu\nTransport\n{HEADLINE}\n{deck}\nNovember 19, 2019\n\n" + LEAD
    assert extract_text(page).title == HEADLINE
    undated = f"Menu\nTransport\n{HEADLINE}\n{deck}\n\n" + LEAD  # the lead follows the deck
    assert extract_text(undated).title == HEADLINE


def test_a_quote_over_the_headline_and_its_deck_is_not_the_title():
    # kicker, headline, deck in one block: the headline is the middle line
    quote = "'The bridge must stay open for the buses'"
    deck = ("The mayor says the closure is needed, but she asked engineers to keep one lane "
            "open for buses and for the ferry's passengers")
    page = f"Menu\nTransport\n{quote}\n{HEADLINE}\n{deck}\nBy Jane Doe\n\n" + LEAD
    assert extract_text(page).title == HEADLINE


@pytest.mark.parametrize("upper", [
    "Harbour News",  # a section's name over the headline: too short for a headline
    "Best harbour bridge closures this summer | 2019",  # a page's title, parted by a bar
])
def test_a_short_label_or_a_barred_title_over_a_long_headline_is_not_the_title(upper):
    long_head = ("Harbour bridge to close for repairs over the summer as engineers replace "
                 "its deck")
    page = f"Menu\n{upper}\n{long_head}\nNovember 19, 2019\nBy Jane Doe\n\n" + LEAD
    assert extract_text(page).title == long_head


def test_a_headline_in_capitals_that_is_the_storys_beyond_doubt_is_the_title():
    # no headline-shaped line but the byline and a caption: the one in capitals whose words
    # the article repeats is the headline, styled in capitals (a section's name is not)
    head = "NEUE PARKREGELN FÜR DEN HAFEN BESCHLOSSEN"
    page = f"{MENU}POLITIK\n18. Oktober 2023\n{head}\nVon Erika Mustermann\n\n" + STORY
    assert extract_text(page).title == head


def test_a_tagline_in_capitals_with_full_stops_is_not_the_title():
    page = f"{MENU}18. Oktober 2023\nPARKEN. REGELN. HAFEN. STADTRAT.\n\n" + STORY
    assert extract_text(page).title is None


def test_a_short_exclaimed_headline_that_is_the_storys_beyond_doubt_is_the_title():
    # shaped as a promo's call ("Jetzt testen!"), but the article repeats its words
    head = "Neue Parkregeln am Hafen!"
    page = f"{MENU}18. Oktober 2023\n{head}\n\n" + STORY
    assert extract_text(page).title == head


# --- a state's permits story (test_metadata.py's page) ---------------------------------------

@pytest.mark.parametrize("deck", [
    "Permits Take Two Years, but Several Towns Start Today",  # shorter than the headline
    "Builders, Towns and Unions Agree on How Long a Permit May Take and Who Pays for the "
    "Inspections That Go With It",  # longer
])
def test_the_headline_over_its_deck_and_byline_is_the_title(deck):
    page = ("News\n\nOpinion\n\nMarkets\n\nState Sets New Rules for Building Permits in Every "
            "Town\n\n" + deck + "\n\nBy Jane Roe, Staff Writer\n\nNov 18, 2019 8:11 pm\n\n"
            + PERMITS)
    ex = extract_text(page, config=CONFIG)
    assert ex.title == "State Sets New Rules for Building Permits in Every Town"


def test_the_last_item_of_a_menu_over_a_signed_headline_is_not_the_title():
    page = ("Local Elections Results Across the State Tonight\n\n"
            "Weather Forecast for the Coming Weekend Here\n\n"
            "State Sets New Rules for Building Permits\n\nBy Jane Roe, Staff Writer\n\n"
            "Nov 18, 2019 8:11 pm\n\n" + PERMITS)
    ex = extract_text(page, config=CONFIG)
    assert ex.title == "State Sets New Rules for Building Permits"


def test_a_sponsor_label_over_the_headline_is_not_the_title():
    # a section's sponsor stands (twice, for two screen sizes) on top of the stack that
    # ends at the date: the stack's first headline-shaped line is not the headline
    head = ("Harbour Weather is sponsored by\nHarbour Weather is sponsored by\n"
            "Harbour bridge to close for repairs all summer\n24 July 2015\n"
            "From the section Harbour Weather\n\n")
    assert extract_text(head + LEAD).title == "Harbour bridge to close for repairs all summer"


MENU_FR = "".join(f"{item}\n" for item in [
    "Facebook", "Twitter", "Suivre le Courrier du Port sur Twitter", "@courrier Suivre @courrier",
    "Newsletters", "S'inscrire Connexion", "Accueil", "International", "Politique", "Société",
    "Éco", "Culture", "Idées", "Planète", "Sport", "Sciences", "Techno", "Campus", "Le Mag",
    "Édition Abonnés", "Vie en ligne", "Jeux vidéo", "Banc d'essai"])


def test_a_follow_call_above_the_menu_is_not_the_title():
    # no dateline above the article: the headline stands under a long menu, and a call to
    # follow the paper on a network above the menu was taken for it
    head = MENU_FR + "Le pont du port fermé tout l'été pour travaux\n"
    story = ("Le Courrier du Port | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | "
             "Par Jean Exemple\n"
             "Le pont principal du port sera fermé à la circulation de juin à la fin "
             "de l'été, a annoncé mardi la mairie, le temps de remplacer son tablier usé.\n"
             "Les ferries supplémentaires partiront toutes les vingt minutes du quai nord, "
             "et les bus de nuit suivront un nouvel itinéraire par la rocade.\n"
             "Les commerçants du port craignent une baisse de fréquentation pendant les "
             "travaux, mais la mairie promet une signalisation claire.\n")
    assert extract_text(head + story).title == "Le pont du port fermé tout l'été pour travaux"


@pytest.mark.parametrize("again, title", [
    (f"Most read\n{HEADLINE}\nCouncil approves new rules for market stalls\n", HEADLINE),
    ("", None),  # printed once, deep in the article's first lines: a subheading, maybe
])
def test_a_headline_the_article_took_along_is_the_title_when_the_page_shows_it_twice(
        again, title):
    # the article's region starts at a long caption and takes the head along: credit,
    # section, date, then the headline; only a page that prints that line again (in a list
    # of the most read below the article) shows it is the headline
    caption = ("The mayor wants the old harbour bridge closed for the summer as soon as "
               "possible, and the drivers who cross it every day will have to pay for it")
    page = (f"Skip to content\nYour city, your news, every day\n\n{caption}\n\n"
            "Photo: Jane Roe / City Archive, CC BY 2.0\n\nTransport\n\n"
            "Tuesday 19 November 2019 - updated 09:18 local time\n\n"
            f"{HEADLINE}\n\n{LEAD}\n\nCity engineers\n\n" + LEAD.replace("city", "town")
            + f"\n\n{again}")
    assert extract_text(page).title == title


@pytest.mark.parametrize("kicker", ["", "She says: 'The bridge has carried enough cars'\n"])
def test_a_headline_with_two_decks_under_the_dateline_is_the_title(kicker):
    # three title-shaped lines between the dateline and the article are the head's stack
    # (past a quote printed as its kicker), not a list of other stories
    decks = ("Engineers will replace the deck while buses and ferries carry the commuters\n"
             "Repairs to start in June\n")
    page = (f"Menu\nTransport\nLocal April 21, 2022 | 4:39 pm\n{kicker}{HEADLINE}\n{decks}"
            + LEAD)
    assert extract_text(page).title == HEADLINE


def test_a_link_to_the_previous_post_is_not_the_title():
    # a blog prints the previous post's title as a link, "« …", between its head and text;
    # a French headline that opens with a quote closes it ("« … », annonce …")
    page = (f"Menu\nBlog\n\n{HEADLINE}\n\n19 November 2019\n\n"
            "« Ferry timetable changes for the summer season\n\n" + LEAD)
    assert extract_text(page).title == HEADLINE
    quoted = "« Le pont restera fermé tout l'été », annonce la maire de la ville"
    assert is_headline(quoted) and not is_headline("« Ferry timetable changes for the summer")
    assert not is_headline("Ferry timetable changes for the summer season »")  # the next post


def test_a_deck_the_page_repeats_under_its_picture_still_gives_way_to_the_headline():
    # headline, deck, the picture's caption, the deck again (as the picture's alt text)
    deck = "Mayor: the drivers who cross it every day will have to find another way"
    caption = "The old harbour bridge seen from the ferry. Photo: Jane Roe/City Archive"
    page = (f"Menu\nTransport\n19.11.2021\n{HEADLINE}\n{deck}\n{caption}\n{deck}\n\n"
            + LEAD)
    assert extract_text(page).title == HEADLINE


def test_the_dated_items_of_a_related_video_box_are_not_the_articles_date_nor_title():
    # the box sits between the head and the article: each item a title over its date
    page = (f"Pictures\nVideo\n{HEADLINE}\nBy Jane Roe\nHARBOURTOWN Tue Nov 19, 2019 9:21am EST\n"
            "Tweet\nShare this\nEmail\nPrint\nRelated Video\n"
            "Ferry passengers queue in the rain for the last crossing\nMon, Nov 18 2019\n"
            "Council approves new rules for harbour parking spaces\nSun, Nov 17 2019\n"
            "Related Topics\nTop News »\n\n" + LEAD)
    article = extract_text(page)
    assert article.title == HEADLINE
    assert str(article.date)[:10] == "2019-11-19"


@pytest.mark.parametrize("label", ["MORE ON:", "Related:", "Mehr zum Thema:"])
def test_a_link_under_a_more_on_label_is_not_the_title(label):
    # the headline, its byline and an author's box, the date, then links to more stories
    page = (f"News\nShare\n{HEADLINE}\nBy Jane Roe\nView author archive\nName(required)\n"
            "Email(required)\nComment(required)\nNovember 19, 2019 | 10:32am\n"
            f"{label}\nharbour bridges\nFerry timetable changes for the summer season\n\n"
            + LEAD)
    assert extract_text(page).title == HEADLINE


_STAMPS = ("by: Jane Roe\nPosted: Nov 19, 2019 / 04:43 PM CST\n"
           "Updated: Nov 19, 2019 / 05:10 PM CST\n")


@pytest.mark.parametrize(("page", "title"), [
    pytest.param(f"Primary Menu\nWatch\nSearch\nHarbour cranes at dawn\nLOCAL\n{HEADLINE}\n"
                 f"{_STAMPS}Harbour cranes at dawn\n{_STAMPS}SHARE\n\n", HEADLINE,
                 id="a head printed twice: its sticky copy's caption is not the title"),
    pytest.param(f"Search\nSupport\nBrooklyn\nVIDEO: {HEADLINE}\nBy Jane Roe.\n"
                 "Published November 19, 2019\n", f"VIDEO: {HEADLINE}",
                 id="a headline labelled with its kind of story, kept whole"),
    pytest.param("Video schließen\nNachrichten\nDER HAFEN\nDie Brückensperre\nPDF drucken\n"
                 "22.12.2018\nDie Brückensperre\n", "Die Brückensperre",
                 id="two short words printed on both sides of the dateline"),
    pytest.param("Nachrichten\nDER HAFEN\nDie Brückensperre\nPDF drucken\n22.12.2018\n", None,
                 id="two short words printed once by the dateline: no title"),
    pytest.param("Menu\nOpinion\nBridge closed\nJane Roe\nApril 28, 2021\n", "Bridge closed",
                 id="a short headline over its byline and date, named by the lead"),
    pytest.param("Menu\nOpinion\nSummer plans\nJane Roe\nApril 28, 2021\n", None,
                 id="a short line over a byline and date that the lead never names: no title"),
    pytest.param("Home\n2019\nHarbour bridge stays closed\nHar\xadbour bridge stays clo\xadsed\n"
                 "Engineers need the whole summer to replace the deck of the old crossing\n"
                 "Date: 19 November 2019\n", "Harbour bridge stays closed",
                 id="a short headline printed again with soft hyphens, over its deck"),
    pytest.param("News\nHarbour bridge closed all summer\nShare:\n19.11.2019 11:38\n"
                 "Category: News\nBuses rerouted over the upper crossing\n",
                 "Harbour bridge closed all summer",
                 id="a share menu's label between the headline and its date"),
    pytest.param(f"Menu\n{HEADLINE}\nDetails\nPublished: Tuesday, 19 November 2019 04:45\n"
                 "Written by Jane Roe\nBuses rerouted over the upper crossing\n", HEADLINE,
                 id="the label over a content system's article info under the headline"),
    pytest.param("Events\n19.11.2019 Transport\nHarbour bridge stays closed\nEngineers need the "
                 "whole summer to replace the deck\n", "Harbour bridge stays closed",
                 id="a short headline right under its dateline, over a longer deck"),
    pytest.param(f"Print\n{HEADLINE}\nFacebook\nTwitter\n{HEADLINE}\nListen to this story\n"
                 "TAGS:\nHarbour Works\nThe upper crossing\nBridges\n"
                 "By: Newsroom - Tuesday 19 November 2019 07:15 PM\n", HEADLINE,
                 id="tags under their label, between the headline and the byline"),
    pytest.param("Zeitung\nArchiv Online\n«Die Brücke hat genug Autos getragen»\n"
                 "07.11.2023 Hafenstadt\n\n", "«Die Brücke hat genug Autos getragen»",
                 id="a headline quoted whole in guillemets"),
])
def test_headlines_of_other_shapes_and_heads_printed_twice(page, title):
    assert extract_text(page + LEAD).title == title


@pytest.mark.parametrize(("head", "title"), [
    ("The harbour bridge carried the city for a century. Now engineers will replace its deck.",
     "The harbour bridge carried the city for a century. Now engineers will replace its deck."),
    ("The city's main harbour bridge will close to traffic from June, officials said.", None),
])
def test_a_headline_written_as_sentences_over_its_deck_is_the_title(head, title):
    # under a section's kicker, over a longer deck and the dateline; one sentence there is a
    # standfirst (the page's headline may be a word the kicker's place holds)
    deck = ("Engineers will replace the deck of the old crossing over three months, while "
            "buses take the upper crossing and the ferries run every ten minutes. Why now?")
    page = f"Menu\nTRANSPORT\n{head}\n{deck}\nMonday, 6 January 2020\nBy Jane Roe\n\n{LEAD}"
    assert extract_text(page).title == title
