"""A chrome line that is only an outlet's name is its masthead; a name inside a menu is a
section, a topic or a sister brand.
"""

from __future__ import annotations

import pytest

from tests.ingest.outlets.sample import EN, RU, UK, outlet_of, page


@pytest.mark.parametrize("body, top, name", [
    (EN, "The Kyiv Independent", "Kyiv Independent"),
    (UK, "Суспільне Новини", "Suspilne"),
    (RU, "Новая газета Европа", "Novaya Gazeta Europe"),
    (EN, "The Kyiv IndependentDaria Shulzhenko", "Kyiv Independent"),  # a card glued to its author
])
def test_a_masthead_line_names_the_outlet(body, top, name):
    assert outlet_of(page(body, top=top)) == (name, "masthead")


def test_sister_brands_listed_once_each_are_no_masthead():
    assert outlet_of(page(EN, top="MarketWatch\nBarron's\nFinancial News"))[0] is None


def test_a_name_inside_one_menu_is_a_section_not_the_masthead():
    menu = "Economy\nForeign Policy\nHealth\nScience"  # a topic that is also an outlet's name
    assert outlet_of(page(EN, top=menu))[0] is None
    twice = page(EN, top=menu, bottom="About\nForeign Policy\nContact")  # a menu of its own
    assert outlet_of(twice) == ("Foreign Policy", "masthead")
    logo = page(EN, top="\nForeign Policy\nEconomy\nHealth")  # the logo opens the menu
    assert outlet_of(logo) == ("Foreign Policy", "masthead")
    editions = "Al Jazeera Arabic\nAl Jazeera English\nAl Jazeera Mubasher"
    assert outlet_of(page(EN, top=editions)) == ("Al Jazeera", "masthead")


def test_a_web_address_in_a_menu_is_the_sites_own_unless_one_of_a_list_of_sites():
    own = page(EN, bottom="Subscribe\niPad app\nKyivPost.com\nArchives\nJobs")
    assert outlet_of(own) == ("Kyiv Post", "masthead")
    sisters = page(EN, top="\nKyivPost.com\nkyiv-jobs.com.ua\nkyiv-cars.com.ua\nAll sites")
    assert outlet_of(sisters)[0] is None  # a publisher's list of its sites


def test_a_masthead_line_gives_way_to_the_other_name_the_pages_notice_holds():
    """"El País" over a Dominican paper's byline is its section ("the country")."""
    held = page(EN, top="\nForeign Policy\n",
                bottom="© 2023, Riverside Courier | All rights reserved")
    assert outlet_of(held)[0] is None
    dotted = page(EN, top="\nForeign Policy\n",
                  bottom="© Copyright 2010 - 2023. The Riverside Courier · Version 3.01.")
    assert outlet_of(dotted)[0] is None  # the holder ends at the separator "·"
    parent = page(EN, top="\nForeign Policy\n", bottom="Copyright © 2023 Riverside Medien")
    assert outlet_of(parent) == ("Foreign Policy", "masthead")  # a company ("Medien": media)


def test_a_pictures_label_is_no_masthead():
    assert outlet_of(page(EN, top="(Bild: )"))[0] is None  # German "Bild": a picture
