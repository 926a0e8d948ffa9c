"""Dates, titles, outlets and source lines as news pages print them."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.config import Config, Source
from digest.ingest.dates import (
    copyright_year,
    date_from_url,
    find_date,
    find_partial,
    to_datetime,
    zone,
)
from digest.ingest.lang import detect
from digest.ingest.textdump import extract_text

KYIV = zone("Europe/Kyiv")
CONFIG = Config(
    timezone="UTC",
    sources=(Source("Ukrainska Pravda", ("Українська правда",), "Europe/Kyiv",
                    ("pravda.com.ua",)),
             Source("European Pravda", (), "Europe/Kyiv")),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("European PravdaWednesday, 16 August 2023, 09:27", "2023-08-16T09:27:00+03:00"),
        ("Tuesday, 12 December 2023, 00:38", "2023-12-12T00:38:00+02:00"),  # winter offset
        ("Суббота, 9 июля 2022, 00:45", "2022-07-09T00:45:00+03:00"),
        ("22 декабря 202315:51", "2023-12-22T15:51:00+02:00"),  # time glued to the year
        ("3 серпня 2023 о 14:20", "2023-08-03T14:20:00+03:00"),
        ("Сер 3, 2023", "2023-08-03T00:00:00+03:00"),
        ("by Dmytro Basmat August 19, 2024 7:19 AM 1 min read", "2024-08-19T07:19:00+03:00"),
        ("November 8, 2023 7:28 PM", "2023-11-08T19:28:00+02:00"),
        ("11:26 23.10.2025 |", "2025-10-23T11:26:00+03:00"),
        ("August 19, 2023 — 01:31 am EDT", "2023-08-19T01:31:00-04:00"),  # printed zone wins
    ],
)
def test_datelines_in_three_languages(text, expected):
    found = find_date(text)
    assert found is not None
    assert to_datetime(found, KYIV).isoformat() == expected


def test_no_date_in_plain_prose():
    assert find_date("The minister arrived on a working visit.") is None


def test_url_path_dates():
    assert date_from_url("https://www.pravda.com.ua/eng/news/2023/08/16/7415762/") == dt.date(
        2023, 8, 16)
    assert date_from_url("http://en.people.cn/n3/2022/0329/c90000-10077039.html") == dt.date(
        2022, 3, 29)
    assert date_from_url("https://example.com/about/") is None


def test_language_detection():
    assert detect("The minister said that the talks were over.") == "en"
    assert detect("Президент України провів нараду щодо саміту, яка відбулася в четвер.") == "uk"
    assert detect("Президент заявил, что это было уже 24 обращение к парламентам.") == "ru"


PAGE = """ date 2023-08-22 All Sections
Ukraine confiscates property of Belarusian Defence Ministry

Yevhen KizilovTuesday, 22 August 2023, 16:11
Ukraine confiscates property of Belarusian Defence Ministry
The High Anti-Corruption Court of Ukraine has recovered the property belonging to the Ministry of Defence of Belarus, in favour of the state.

Source: website of the High Anti-Corruption Court of Ukraine

Details: On Monday 21 August, the court granted the claim of the Ministry of Justice of Ukraine against the Republic of Belarus.

Subjects: Anticorruption court
"""  # noqa: E501


def test_byline_with_a_person_gives_author_and_the_sites_outlet():
    ex = extract_text(PAGE, url="https://www.pravda.com.ua/eng/news/2023/08/22/7416614/",
                      config=CONFIG)
    assert ex.title == "Ukraine confiscates property of Belarusian Defence Ministry"
    assert ex.author == "Yevhen Kizilov"
    assert ex.outlet == "Ukrainska Pravda"
    assert ex.date.isoformat() == "2023-08-22T16:11:00+03:00"
    assert ex.date_source == "dateline"
    assert ex.attribution == "Source: website of the High Anti-Corruption Court of Ukraine"
    assert "Source:" not in ex.body
    assert "Subjects" not in ex.body
    assert ex.body.count("Ukraine confiscates property") == 0  # the repeated headline is gone
    assert ex.lang == "en"


LEAD_EN = ("The council voted on Tuesday to close the old river bridge to trucks after "
           "inspectors found cracks in two of its supports.\n\n"
           "Repairs are expected to take most of next year, the council said in a statement.\n")


@pytest.mark.parametrize(
    ("dateline", "author", "outlet"),
    [
        ("By Jane Roe , John Doe on Monday, November 18th, 2019 at 11:08 a.m.",
         "Jane Roe, John Doe", None),  # two people, and "on" is no name
        ("By Jane Roe on Monday, November 18th, 2019", "Jane Roe", None),
        ("Updated 4:00 am CST, Monday, November 18, 2019", None, None),  # a time, no name
        ("0339 GMT (1139 HKT) November 18, 2019", None, None),
    ],
)
def test_the_names_before_a_dateline_are_people_never_the_words_and_times_around_them(
        dateline, author, outlet):
    page = ("Council closes the river bridge to trucks\n\n" + dateline + "\n\n" + LEAD_EN)
    ex = extract_text(page, config=CONFIG)
    assert ex.date.date() == dt.date(2019, 11, 18)
    assert (ex.author, ex.outlet) == (author, outlet)


LEAD_DE = ("Die Digitalisierung zieht sich bereits heute durch fast alle Branchen, sei es im "
           "Finanzbereich, in der Industrie oder im Gesundheitswesen.\n\n"
           "Im Krankenhaus ist dieser Aspekt besonders wichtig, denn die Fallpauschalen "
           "setzen die Häuser unter hohen Kostendruck.\n")


@pytest.mark.parametrize(
    ("dateline", "author"),
    [
        ("Von Moritz Bachmann publiziert am 25. September 2018", "Moritz Bachmann"),
        ("By Moritz Bachmann published on 25 September 2018", "Moritz Bachmann"),
        ("Publié le 25/09/2018 à 10h15", None),  # the label is not a name
        ("Dienstag, 25. September 2018, 10:15 Uhr", None),  # nor the weekday
    ],
)
def test_a_name_before_a_dateline_in_another_language_is_the_author(dateline, author):
    page = ("Zurück zur Übersicht\n\n" + dateline + "\n\nDie elektronische Patientenakte – "
            "der lange Marsch ins digitale Gesundheitswesen\n\n" + LEAD_DE)
    ex = extract_text(page, config=CONFIG)
    assert ex.date.date() == dt.date(2018, 9, 25)
    assert ex.author == author
    # the link back to the list above the dateline is not the headline below it
    assert ex.title == "Die elektronische Patientenakte – der lange Marsch ins digitale " \
                       "Gesundheitswesen"

def test_russian_page_source_line_and_ad_marker():
    page = (
        '"Эти обращения не о политике" – Зеленский о выступлениях перед парламентами ЕС\n'
        "Суббота, 9 июля 2022, 00:45\n"
        "Президент Украины Владимир Зеленский надеется, что все 27 парламентов Евросоюза "
        "услышат борьбу за свободу.\n"
        "Источник: видеообращение Зеленского\n"
        'Прямая речь: "Обратился к парламенту Словении, это было уже 24 обращения.\n'
        "Реклама:\n"
        'И первое – которое сделано вблизи передовой, а значит, мы придем к этому".\n'
    )
    ex = extract_text(page, url="https://pravda.com.ua/rus/news/2022/07/9/7357140",
                      config=CONFIG)
    assert ex.title.startswith('"Эти обращения не о политике"')
    assert ex.date.isoformat() == "2022-07-09T00:45:00+03:00"
    assert ex.attribution == "Источник: видеообращение Зеленского"
    assert "Реклама" not in ex.body
    assert "> Прямая речь:" in ex.body
    assert ex.lang == "ru"


def test_date_falls_back_to_the_leading_hint_line():
    page = (" date 2023-08-09 Facts\n\nTarnavsky: enemy losses per day are 244 people\n\n"
            "Some 18 units of enemy military equipment have been destroyed in a day, the "
            "commander of the task force has said.\n")
    ex = extract_text(page, config=Config(timezone="Europe/Kyiv"))
    assert ex.date.date() == dt.date(2023, 8, 9)
    assert ex.date_source == "meta"
    assert ex.title == "Tarnavsky: enemy losses per day are 244 people"


LEAD = ("Danish filmmaker Lars von Trier defended himself on Thursday, August 24, after a "
        "controversial post caused a stir in the press and among politicians.\n\n"
        "The director said that he had only stated the obvious about the war and its cost.\n")


def test_yearless_date_takes_the_year_from_the_url_or_the_copyright_line():
    ex = extract_text(LEAD, url="https://example.com/news/2023/von-trier", config=CONFIG)
    assert ex.date.date() == dt.date(2023, 8, 24)
    assert ex.date_source == "text+url" and ex.day_only
    ex = extract_text(LEAD + "\n© 2023 Example Media. All rights reserved.\n", config=CONFIG)
    assert ex.date.date() == dt.date(2023, 8, 24)
    assert ex.date_source == "text+copyright"


def test_yearless_date_without_any_evidence_stays_unknown_and_says_what_to_add():
    ex = extract_text(LEAD, config=CONFIG)
    assert ex.date is None
    assert ex.review[0].startswith('the page prints "Thursday, August 24" without a year')


@pytest.mark.parametrize("text", ["on August 24, 2023 he said", "at 12:30", "in 2011 he",
                                  "24 серпня 2023 року", "version 10.5 May"])
def test_full_dates_and_numbers_are_not_yearless_dates(text):
    assert find_partial(text) is None


def test_copyright_year_is_the_last_year_of_the_notice():
    assert copyright_year("Copyright © 2010-2023 Example Media") == 2023
    assert copyright_year("No notice here, 2023") is None


BODY = ("The state said on Monday that the new rules would take effect next spring, after "
        "a year of talks with the industry and the unions.\n\n"
        "Officials expect the first permits to be issued within weeks of the change.\n")


@pytest.mark.parametrize("above", [
    # a dated ticker headline and the site's "today" over its menu
    "Wednesday November 20, 2019 Voters in swing states see the race tightening\n\n"
    "Wednesday, November 20, 2019\n\nNews\n\nOpinion\n\nThe Daily Brief\n\n",
    # a dated quote right above a fact check: two dated headlines close together are a
    # quote and the article, not a list
    "Fact checks\n\nAll Rulings\n\nBuilding permits take two years in this state\n\n"
    "— A senator on Sunday, October 13th, 2019 in a speech\n\n",
])
def test_the_dateline_under_the_headline_wins_over_a_dated_line_above_it(above):
    page = (above + "State sets new rules for building permits\n\n"
            "By Jane Roe on Monday, November 18th, 2019 at 11:08 a.m.\n\n" + BODY)
    ex = extract_text(page, config=CONFIG)
    assert ex.date.date() == dt.date(2019, 11, 18)
    assert ex.title == "State sets new rules for building permits"


def test_a_list_of_dated_stories_above_the_article_does_not_date_it():
    # The guard of the rule above: the last dated headline wins only when it stands alone.
    stories = "".join(f"Another story about the region number {n}\n\n{day} 2018\n\n"
                      for n, day in ((1, "May 15,"), (2, "January 22,"), (3, "June 18,")))
    page = ("State sets new rules for building permits\n\n"
            "Jane Roe November 20, 2019 12:32\n\nMORE STORIES LIKE THIS ONE\n\n"
            + stories + BODY)
    ex = extract_text(page, config=CONFIG)
    assert ex.date.date() == dt.date(2019, 11, 20)


def test_a_date_inside_a_caption_or_prose_does_not_date_the_article():
    page = ("State sets new rules for building permits\n\n" + BODY +
            "\nIn this Dec. 12, 2006, file photo, made available by the state, officials "
            "inspect a building site near the capital.\n")
    ex = extract_text(page, config=CONFIG)
    assert ex.date is None  # kept for review, never dated 2006 from a photo caption


def test_a_wire_dateline_opening_the_lead_dates_the_article():
    page = ("State sets new rules for building permits\n\n"
            "KYIV, Aug 23, 2023 (Reuters) - The state said on Wednesday that the new rules "
            "would take effect next spring, after a year of talks with the industry.\n\n"
            "Officials expect the first permits to be issued within weeks of the change.\n")
    ex = extract_text(page, config=CONFIG)
    assert ex.date.date() == dt.date(2023, 8, 23)


MENU = "Sign in\n\nSubscribe\n\nNews\n\nWorld\n\nBusiness\n\nHEALTH\n\n"


def test_the_sites_today_line_over_its_menu_is_no_date_of_the_article():
    # A masthead prints the day the page is viewed on every page: the page has no date of
    # its own, so it waits for review instead of being dated the day it was saved.
    page = "Wed, Nov 20, 2019\n\n" + MENU + "State sets new rules for building permits\n\n" + BODY
    ex = extract_text(page, config=CONFIG)
    assert ex.title == "State sets new rules for building permits"
    assert ex.date is None


def test_a_date_printed_right_over_the_headline_dates_the_article():
    page = (MENU + "Nov. 20, 2019 6:02 AM EST\n\nState sets new rules for building permits\n\n"
            + BODY)
    ex = extract_text(page, config=CONFIG)
    assert ex.date.isoformat() == "2019-11-20T06:02:00-05:00"


@pytest.mark.parametrize(("stamp", "iso", "source"), [
    # only the update is printed: the article is dated by it, and says so (it was published
    # that day or before)
    ("By Jane Roe Updated Nov 13, 2019, 10:28am EST", "2019-11-13T10:28:00-05:00", "updated"),
    ("Updated 1:33 am CST, Wednesday, November 20, 2019", "2019-11-20T00:00:00+00:00",
     "updated"),
    # the publication is printed too, after the update on its line or on the next line
    ("By Jane Roe Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET",
     "2019-11-19T08:02:00+00:00", "dateline"),
    ("Updated: 18 Nov 2019 9:38 pm\n\nPosted: 18 Nov 2019 8:11 pm", "2019-11-18T20:11:00+00:00",
     "dateline"),
    # printed first, the publication is the dateline already
    ("Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019",
     "2019-11-18T16:07:00+00:00", "dateline"),
])
def test_a_printed_update_gives_way_to_the_printed_publication(stamp, iso, source):
    page = "State sets new rules for building permits\n\n" + stamp + "\n\n" + BODY
    ex = extract_text(page, config=CONFIG)
    assert (ex.date.isoformat(), ex.date_source) == (iso, source)


def test_a_fact_check_opening_on_its_quoted_claim_is_dated_by_its_own_byline():
    # The article's text begins with the claim checked, dated by when it was made; the
    # fact check's headline and dated byline come under it, before the first paragraph.
    page = ("Menu\n\nFact checks\n\n"
            '"Building permits take two years in this state, and nobody is doing anything."\n\n'
            "— A senator on Sunday, October 13th, 2019 in a speech\n\n"
            "How long do building permits take in this state?\n\n"
            "By Jane Roe on Monday, November 18th, 2019 at 11:08 a.m.\n\n" + BODY)
    ex = extract_text(page, config=CONFIG)
    assert ex.date.isoformat() == "2019-11-18T11:08:00+00:00"
    assert ex.title == "How long do building permits take in this state?"


@pytest.mark.parametrize(("tail", "expected"), [
    # the article signed under its last paragraph, with the day
    ("Written by Jane Roe, MS on November 14, 2019\n\nRelated stories\n\n", dt.date(2019, 11, 14)),
    ("Posted on 27 October 2015 by Admin\n\n", dt.date(2015, 10, 27)),
    # an embedded post's signature, or a date past the "related" heading, is not the article's
    ("— Jane Roe (@janeroe) November 4, 2019\n\n", None),
    ("Related stories\n\nBy John Roe on November 4, 2019\n\n", None),
])
def test_an_article_signed_with_its_date_under_its_text_is_dated_by_it(tail, expected):
    page = "State sets new rules for building permits\n\n" + BODY + "\n" + tail
    ex = extract_text(page, config=CONFIG)
    assert (ex.date.date() if ex.date else None) == expected


# --- dates away from the head -------------------------------------------------------------

HEAD = "State sets new rules for building permits\n\n"


def test_a_byline_opening_a_line_of_prose_dates_the_article():
    page = (HEAD + "By Jane Roe on 31. October, 2023 | 18 Comments. This post may contain "
            "affiliate links, and we earn from qualifying purchases.\n\n" + BODY)
    assert extract_text(page, config=CONFIG).date.date() == dt.date(2023, 10, 31)


def test_an_embedded_posts_date_gives_way_to_the_pages_stamp():
    embed = "A post shared by Jane Roe (@janeroe) on Apr 21, 2019 at 4:47pm PDT\n\n"
    page = HEAD + BODY + "\n" + embed + BODY + "\nShare\n\n18.10.2019 16:06 Uhr\n\nTop\n"
    assert extract_text(page, config=CONFIG).date.date() == dt.date(2019, 10, 18)
    # with no other date on the page, the post's day: the article quotes it that day or later
    page = HEAD + BODY + "\n" + embed + BODY
    assert extract_text(page, config=CONFIG).date.date() == dt.date(2019, 4, 21)


def test_a_headlines_year_less_date_is_what_it_announces_not_the_pages_day():
    page = ("State court will resume the permits trial on 18 May\n\n"
            "Prosecutors asked for a ruling before the summer recess.\n\n"
            "Jane Roe\n\n17/05/2022 20H06 - UPDATED 17/05/2022 20H17\n\n" + BODY)
    assert extract_text(page, config=CONFIG).date.date() == dt.date(2022, 5, 17)


def test_a_read_also_box_under_the_dateline_lists_other_stories():
    page = (HEAD + "jr 15. Oktober 2023\n\nTeilen\n\nDrucken\n\nLesen Sie auch\n\n"
            "Council approves the new bridge over the river\n\n1. November 2023\n\n"
            "Local team wins the regional cup after a long season\n\n30. Oktober 2023\n\n"
            + BODY)
    assert extract_text(page, config=CONFIG).date.date() == dt.date(2023, 10, 15)


@pytest.mark.parametrize(("tail", "expected"), [
    # the page's one stamp, however far below the article
    ("Share\n\nPrint\n\nE-Mail\n\n8. November 2021\n\nOur programme\n\n", dt.date(2021, 11, 8)),
    ("Tags\n\nJane Roe | 29.07.2006 um 14:26\n\n1 Kommentar\n\nAnna\n\nToll!\n\n"
     "29.07.2006 um 16:43 | Antworten\n\n", dt.date(2006, 7, 29)),
    # stamps of different days: a list of stories; the one labelled as the publication wins
    ("Ähnliche Beiträge\n\nAm 3. Mai 2012\n\nAm 9. Juni 2012\n\n"
     "Veröffentlicht: 22. August 2012\n\nKommentar verfassen\n\n", dt.date(2012, 8, 22)),
    ("Older posts\n\n3 May 2012\n\nNewer posts\n\n9 June 2012\n\n", None),
    # a comment's stamp under the comments heading is the comment's, not the article's
    ("Share\n\n1 comment\n\nAnna September 17, 2014 - 1:01 pm\n\nNice one!\n\nReply\n\n", None),
    ("3 Kommentare\n\nAnna 17. September 2014\n\nSchön!\n\n", None),
    ("Kundenbewertungen für\n\nBeispielwein 2012\n\nVon: Anna R. Am: 29.12.2014\n\n", None),
])
def test_the_pages_one_stamp_dates_it_when_its_head_does_not(tail, expected):
    ex = extract_text(HEAD + BODY + "\n" + tail, config=CONFIG)
    assert (ex.date.date() if ex.date else None) == expected


def test_a_byline_with_the_authors_handle_still_dates_the_article():
    page = HEAD + "Jane Roe (@janeroe) Published August 22, 2023 | 12:00 AM\n\n" + BODY
    assert extract_text(page, config=CONFIG).date.date() == dt.date(2023, 8, 22)


def test_a_year_less_date_inside_a_sentence_gives_way_to_the_pages_stamp():
    lead = ("To save power, the laboratory starts its winter break early: the accelerator "
            "will stop on 28 November, two weeks before the usual date.\n\n")
    page = HEAD + lead + BODY + "\nJane Roe\n\nDate 6. Dezember 2022\n\nShare\n"
    assert extract_text(page, config=CONFIG).date.date() == dt.date(2022, 12, 6)
    # with no stamp on the page, the year-less date still waits for its year from the page
    page = HEAD + lead + BODY + "\n© 2022 Example Media\n"
    assert extract_text(page, config=CONFIG).date.date() == dt.date(2022, 11, 28)


def test_the_stories_a_box_lists_above_the_article_do_not_date_it():
    box = ("Recent from Jane Roe\n\nCity opens a new library downtown\n\n"
           "Jane Roe 11/13/19 11:00AM\n\nCouncil votes on the budget plan again\n\n"
           "Jane Roe 11/14/19 9:00AM\n\n")
    ex = extract_text(box + HEAD + "Jane Roe\n\nMonday 5:30PM\n\n" + BODY, config=CONFIG)
    assert ex.date is None and ex.title == "State sets new rules for building permits"


def test_a_stamp_of_date_and_time_alone_dates_the_page_among_other_dates():
    tail = ("Share\n\n20:34 17.04.2020\n\nCinema\n\nAb dem 8. Oktober 2020 im Kino\n\n"
            "Ab dem 1. Oktober 2020 im Kino\n\n")
    ex = extract_text(HEAD + BODY + "\n" + tail, config=CONFIG)
    assert ex.date.date() == dt.date(2020, 4, 17)


LATEST = [("26. Februar 2020", "Setting up a new storage volume on the file server, and adding it "
           "to the cluster in three steps"),
          ("20. Februar 2020", "What the wholesale business model offers the small shops of the "
           "region, and what it costs them"),
          ("19. Februar 2020", "Virtual machines in a few quick steps on the desktop computer"),
          ("14. Februar 2020", "Five trades in focus as the offices go digital")]


def test_a_list_printed_a_story_to_a_line_never_dates_the_article():
    latest = "".join(f"[ {day} ] {title}\n\n" for day, title in LATEST)
    # the list above the head: the stamp under the headline dates the article, not the list
    page = ("Home\n\nNews\n\nServers\n\nLatest articles\n\n" + latest + "Search for:\n\n"
            + HEAD + "16. Mai 2019 Jane Roe Politics, State 2\n\n" + BODY)
    assert extract_text(page, config=CONFIG).date.date() == dt.date(2019, 5, 16)
    # the list inside the article's text, and no stamp: kept for review
    page = HEAD + BODY + "\n" + latest + "The rules will be explained at a meeting next week.\n"
    assert extract_text(page, config=CONFIG).date is None


@pytest.mark.parametrize(("tail", "expected"), [
    ("Related posts\n\nThis entry was posted in News, Politics and tagged building, permits on "
     "3 March 2021 by Jane Roe. Bookmark the permalink.\n\n3 comments\n\n"
     "Anna 5 March 2021 at 10:00\n\nGreat!\n", dt.date(2021, 3, 3)),
    ("Ähnliche Beiträge\n\nDieser Beitrag wurde am 14/02/2020 von kj in Recht, Verwaltung, "
     "Bauen veröffentlicht. Schlagworte: Bau, Recht.\n\nSchreibe einen Kommentar\n",
     dt.date(2020, 2, 14)),
    ("Ähnliche Beiträge\n\nDieser Eintrag wurde veröffentlicht in Inland, Politik und getaggt "
     "mit Bau, Recht am 11. Dezember 2012 von Jana.\n\nAnna 12. Dezember 2012 um 11:07\n\n"
     "Toll!\n", dt.date(2012, 12, 11)),
    # the day the post was changed is not when it was published
    ("Ähnliche Beiträge\n\nDieser Beitrag wurde am 04/02/2020 aktualisiert und in Recht "
     "veröffentlicht.\n", None),
])
def test_a_blogs_line_under_the_post_with_its_categories_dates_it(tail, expected):
    ex = extract_text(HEAD + BODY + "\nShare\n\n" + tail, config=CONFIG)
    assert (ex.date.date() if ex.date else None) == expected


@pytest.mark.parametrize(("stamp", "more", "expected"), [
    # day and month could be either way round, and nothing on the page says which
    ("11/01/2021", "", None),
    # the page's other dates show the order: month first, or day first
    ("11/01/2021", "Anna 11/14/2021 at 10:00", dt.date(2021, 11, 1)),
    ("11/01/2021", "Anna 14/11/2021 at 10:00", dt.date(2021, 1, 11)),
])
def test_a_date_that_reads_both_ways_is_read_as_the_pages_other_dates_show(stamp, more,
                                                                          expected):
    page = f"{HEAD}Jane Roe\n\nUpdated: {stamp}, 05:00\n\n{BODY}\n{more}\n"
    page = page.replace("Updated: ", "Stand: ")
    ex = extract_text(page, config=CONFIG)
    assert (ex.date.date() if ex.date else None) == expected


def test_a_date_that_reads_both_ways_on_a_french_page_is_day_first():
    page = ("Le conseil adopte le budget\n\nJeanne Roe\n\n07/05/2022 20H06\n\n"
            "Le conseil municipal a adopté lundi le nouveau budget après un long débat dans la "
            "salle, et les écoles en recevront la plus grande part.\n\n"
            "Les élus de l'opposition ont dit que le plan laissait trop peu aux hôpitaux de la "
            "ville et qu'ils reviendraient sur la question avant la fin de l'année.\n")
    assert extract_text(page, config=CONFIG).date.date() == dt.date(2022, 5, 7)


def test_a_page_whose_own_date_reads_both_ways_is_not_dated_from_a_caption_further_down():
    page = (f"{HEAD}Jane Roe\n\n06/11/2023 0 Comments\n\n{BODY}\n"
            "01.11.2023: The ministry will honour the actor with two stamps. Photo: dpa\n")
    assert extract_text(page, config=CONFIG).date is None
