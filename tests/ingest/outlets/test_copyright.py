"""A copyright notice names the outlet that holds it; a picture's credit, a label, a parent
company or a longer name does not.
"""

from __future__ import annotations

import pytest

from digest.ingest.html import extract_html
from tests.ingest.outlets.sample import EN, html_page, outlet_of, page


@pytest.mark.parametrize("bottom, name", [
    ("© 2023 Kyiv Post. All rights reserved.", "Kyiv Post"),
    ("© 2000-2023 Українська правда. Усі права захищені.", "Ukrainska Pravda"),
    ("© 2023 Фонтанка.ру. Все права защищены.", "Fontanka"),
    ("© ООО Фонтанка.ру, 2023", "Fontanka"),  # a company's form before the name
])
def test_a_copyright_notice_names_the_outlet(bottom, name):
    assert outlet_of(page(EN, bottom=bottom)) == (name, "copyright")


def test_a_photo_credit_is_not_a_copyright_notice():
    text = page(EN, top="Soldiers near Bakhmut. Photo: © Reuters / Viacheslav Ratynskyi")
    assert outlet_of(text)[0] != "Reuters"


def test_a_bare_notice_naming_a_web_address_is_the_site_only_below_the_article():
    caption = "The new air defence battery near the capital.\n\n© www.pressefotos-nord.de"
    above = page([EN[0], caption, EN[1]])
    assert outlet_of(above)[0] is None  # a picture's credit
    below = page(EN, bottom="© riverside-courier.de")
    assert outlet_of(below) == ("riverside-courier.de", "copyright")


def test_an_html_footer_notice_naming_another_web_address_is_a_credit():
    head = '<link rel="canonical" href="https://www.riverside-courier.de/a/">'
    credit = extract_html(html_page(head, "<p>© 2023 stockbilder.com</p>"))
    assert credit.outlet == "riverside-courier.de"  # the page's own host, not the credit
    own = extract_html(html_page(head, "<p>© 2023 riverside-courier.de</p>"))
    assert (own.outlet, own.outlet_source) == ("riverside-courier.de", "copyright")


def test_a_company_notice_gives_way_to_the_page_masthead():
    """Vox Media publishes The Verge too: the page's own name wins over the company's."""
    text = page(EN, top="The Verge", bottom="© 2023 Vox Media, LLC. All Rights Reserved")
    assert outlet_of(text) == ("The Verge", "masthead")
    alone = page(EN, bottom="© 2023 The New York Times Company")
    assert outlet_of(alone) == ("The New York Times", "copyright")
    group = page(EN, bottom="© 2023 Vox Media, LLC. All Rights Reserved")  # SB Nation, Eater...
    assert outlet_of(group)[0] is None


@pytest.mark.parametrize("bottom", [
    "© Bild: Jane Roe / Stadtarchiv",  # a picture's label ("Bild" is German for picture)
    "© 2012 APA/AP",  # a chain of picture credits
    "Copyright © 2023 ABC, Inc., KXYZ-TV Springfield. All Rights Reserved.",  # a station's parent
    "© 2023 Riverside Metro Times",  # another name that ends like a registry one
])
def test_a_label_a_credit_a_parent_or_a_longer_name_in_a_notice_is_no_registry_outlet(bottom):
    assert outlet_of(page(EN, bottom=bottom))[0] is None


@pytest.mark.parametrize("bottom, name", [
    ("Subscribe to Metro Times newsletters.\n© 2023 Riverside Metro Times",
     "Riverside Metro Times"),
    ("Follow Guardian Business on Twitter\n"
     "© Copyright 2022, The Lakeside Guardian. All Rights Reserved", "The Lakeside Guardian"),
])
def test_a_registry_name_the_notice_holds_in_a_longer_name_is_that_name(bottom, name):
    assert outlet_of(page(EN, bottom=bottom)) == (name, "copyright")


@pytest.mark.parametrize("foot", [
    "<p>© 2023 Hyperlocal News and Information for Metro Atlanta.</p>",  # "metro area"
    "<p>© 2019 www.recht-am-bild.example | Recht am Bild GbR</p>",  # "picture"
])
def test_a_common_word_that_begins_or_ends_a_longer_name_is_no_outlet(foot):
    ex = extract_html(html_page("<title>Air defence systems deployed</title>", foot))
    assert ex.outlet not in ("Metro", "Bild")
