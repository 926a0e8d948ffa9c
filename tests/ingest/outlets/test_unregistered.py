"""An outlet the registry does not know: the name its chrome agrees on, and a printed
name taken only when it has an outlet's shape.
"""

from __future__ import annotations

import pytest

from digest.ingest.html import extract_html
from tests.ingest.outlets.sample import EN, html_page, outlet_of, page


@pytest.mark.parametrize("lead, name", [
    ("MIAMI (WKZX) - ", "WKZX"),  # a station's call sign, known to no registry
    ("Hamburg (Presse Nord) - ", "Presse Nord"),
    ("(Leipzig) - ", None),  # the dateline's place, not an agency
    ("BRÜSSEL (Europa) - ", None),
])
def test_an_unregistered_dateline_credit_is_the_outlet_only_when_shaped_like_one(lead, name):
    body = [lead + EN[0], *EN[1:]]
    assert outlet_of(page(body))[0] == name


@pytest.mark.parametrize("dateline, name", [
    ("Riverside Press Online 16 August 2023", "Riverside Press Online"),
    ("Post date August 16, 2023", None),  # the date's label
    ("JANE ROE16.08.2023", None),  # a person, in capitals
    ("Blog Home Markets & Trade • August 16, 2023", None),  # a menu
    ("Foto aus dem Archiv der Stadt 16.08.2023", None),  # a picture's credit
    ("Jane Roe Politics and Climate Desk Weekly 16 August 2023", None),  # a name and a section
])
def test_a_name_before_the_dateline_is_the_outlet_only_when_shaped_like_one(dateline, name):
    assert outlet_of(page(EN, dateline=dateline))[0] == name


@pytest.mark.parametrize("top, bottom, name", [
    ("Search Gadgetwire", "© 2005-2019 Gadgetwire, All Rights Reserved.", "Gadgetwire"),
    ("Back to Film Ledger", "Advertise with Film Ledger\nPopular on Film Ledger", "Film Ledger"),
    ("Support Factline\nShop Factline", "", "Factline"),
    ("About Lumen", "Get Lumen Magazine delivered to your inbox", "Lumen Magazine"),
    ("Subscribe to The Riverside Courier via Email",
     "Copyright © 2019 The Riverside Courier. All Rights Reserved.", "The Riverside Courier"),
    ("Підтримайте Громадський Вісник", "Підписуйтесь на Громадський Вісник в Telegram",
     "Громадський Вісник"),
    # the masthead's web address and a menu's "X Home" spell one name
    ("Gadgetwire.com\nGadget Wire Home", "", "Gadget Wire"),
    ("", "© 2000 - 2019 Al Qalam (www.alqalam.com)", "Al Qalam"),  # a notice and its address
    ("Gadgetwire may receive a commission", "Gadgetwire newsletter!", "Gadgetwire"),
    ("Über Talbote", "Talbote abonnieren", "Talbote"),
    ("Sklep Kurier Północy", "O Kurierze", None),  # a different word form: no agreement
    ("Sklep Tygodnik Wiejski", "O Tygodnik Wiejski", "Tygodnik Wiejski"),
    ("Talbote-Shop", "Talbote-Newsletter", "Talbote"),
    ("Dawgs By Nature homepage\nMore From Dawgs By Nature", "Follow Dawgs By Nature online:",
     "Dawgs By Nature"),
    # the masthead's or the footer's name alone on a line, and the notice's holder
    ("Riverside Globe", "© 2020 Riverside Globe", "Riverside Globe"),
    ("", "Riverside Globe\nCopyright © 2022 Riverside Globe. All rights reserved.",
     "Riverside Globe"),
    ("Riverside Globe", "Riverside Globe Copyright © 2022 Developed by Luova Labs",
     "Riverside Globe"),  # the holder before the mark, the web designer after it
])
def test_a_site_the_registry_lacks_is_named_when_two_kinds_of_its_own_lines_agree(
        top, bottom, name):
    assert outlet_of(page(EN, top=top, bottom=bottom)) == ((name, "chrome") if name
                                                           else (None, None))


@pytest.mark.parametrize("top, bottom", [
    ("Search Gadgetwire", ""),  # one line alone
    ("Advertise with Gadgetwire", "Advertise with Gadgetwire"),  # the same kind twice
    ("Back to Flipboard\nPopular on Flipboard", ""),  # a platform
    ("Subscribe to Apple News", "Follow Apple News on Twitter"),
    ("Advertise with Gadget Media", "© 2019 Gadget Media, LLC. All rights reserved."),  # a parent
    ("About Gizmo Network", "© 2019 Gizmo Network. All rights reserved."),
    ("Search Gadgetwire", "© 2019 Gizmo Network Inc. All rights reserved."),  # no agreement
    ("About Us\nSupport Us", "Back to Top"),  # generic words
    ("Support Ukraine", "About Ukraine"),  # a cause and a topic: no kind but the weak ones
    ("Підтримайте ЗСУ", "Про ЗСУ"),
    ("More from Politics", "About Politics"),  # a section: weak kinds alone
    ("Über uns\nSklep uns", ""),  # "about us" in German and Polish
    ("", "© 2019 Gadgetwire. Hosted by hostco.com"),  # a notice and another site's address
    ("Riverside Globe", "Subscribe to Riverside Globe"),  # a name alone agrees with a notice only
    ("Football", "About Football"),  # a menu's item and a topic
    ("Gizmo Network", "© 2019 Gizmo Network. All rights reserved."),  # a parent, whatever agrees
])
def test_a_platform_a_parent_company_or_a_lone_mention_is_no_site_name(top, bottom):
    assert outlet_of(page(EN, top=top, bottom=bottom)) == (None, None)


def test_a_name_the_headline_or_the_byline_speaks_of_is_no_site_name():
    about = page(EN, top="About Tesla", bottom="Follow Tesla on Twitter",
                 headline="Tesla recalls its new trucks over a braking fault")
    assert outlet_of(about) == (None, None)
    author = page(EN, top="By Jane Roe", bottom="About Jane Roe\nFollow Jane Roe on Twitter")
    assert outlet_of(author)[0] != "Jane Roe"
    box = page(EN, bottom="About Jane Roe\nFollow Jane Roe on Twitter")  # no byline read
    assert outlet_of(box) == (None, None)


def test_a_newsletters_own_promos_are_no_site_name():
    promos = page(EN, top="Subscribe to Morning Brief", bottom="Morning Brief Newsletter")
    assert outlet_of(promos) == (None, None)
    site = page(EN, top="Subscribe to Morning Brief", bottom="Search Morning Brief")
    assert outlet_of(site) == ("Morning Brief", "chrome")


def test_a_registry_outlet_still_wins_over_the_name_the_chrome_agrees_on():
    text = page(EN, top="Search Gadgetwire\nAdvertise with Gadgetwire",
                bottom="© 2023 Kyiv Post. All rights reserved.")
    assert outlet_of(text) == ("Kyiv Post", "copyright")
    known = page(EN, top="About the BBC", bottom="Search BBC")
    assert outlet_of(known) == ("BBC News", "chrome")  # under its registry name


def test_an_html_page_without_a_site_name_is_named_by_its_chrome():
    chrome = "<nav><a>Search Gadgetwire</a></nav>"
    foot = "<p>© 2019 Gadgetwire. All rights reserved.</p>"
    ex = extract_html(html_page(chrome, foot))
    assert (ex.outlet, ex.outlet_source) == ("Gadgetwire", "chrome")
    site = '<meta property="og:site_name" content="Gadgetwire Daily">' + chrome
    ex = extract_html(html_page(site, foot))
    assert (ex.outlet, ex.outlet_source) == ("Gadgetwire Daily", "site")
