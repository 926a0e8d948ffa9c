"""The article's opening: the agency its dateline credits, a newsroom's tag on its lead, an
outlet's reference to its own earlier report; never a citation of another outlet.
"""

from __future__ import annotations

import pytest

from digest.config import Config
from digest.ingest import outlets
from digest.ingest.html import extract_html
from digest.ingest.textdump import extract_text
from tests.ingest.outlets.sample import EN, RU, UK, outlet_of, page


@pytest.mark.parametrize("lead, name", [
    ("KYIV, Aug 16 (Reuters) - ", "Reuters"),
    ("LJUBLJANA, March 28 (Xinhua) -- ", "Xinhua"),
    ("Київ. 3 серпня. ІНТЕРФАКС-УКРАЇНА – ", "Interfax-Ukraine"),
    ("МОСКВА, 23 августа. /ТАСС/. ", "TASS"),
    ("МОСКВА, 23 авг — РИА Новости. ", "RIA Novosti"),
])
def test_the_agency_a_dateline_credits_is_the_outlet(lead, name):
    body = [lead + (RU if lead[0] in "МК" else EN)[0], *EN[1:]]
    assert outlet_of(page(body)) == (name, "wire")


def test_the_site_a_page_names_is_its_outlet_and_the_wire_credit_stays_in_the_lead():
    """An agency's copy on a site that names itself is the site's article; the lead keeps
    its "(Reuters) -" as printed, so the reader still sees whose copy it is."""
    text = page(["KYIV, Aug 16 (Reuters) - " + EN[0], EN[1]],
                bottom="© 2023 Kyiv Post. All rights reserved.")
    ex = extract_text(text, config=Config())
    assert (ex.outlet, ex.outlet_source) == ("Kyiv Post", "copyright")
    assert "(Reuters)" in ex.body
    assert ex.attribution is None


def test_a_wire_outlets_timezone_places_its_dateline():
    """Reuters dates in London time: 09:27 in August is +01:00, not the digest's zone."""
    ex = extract_text(page(["KYIV, Aug 16 (Reuters) - " + EN[0], EN[1]]),
                      config=Config(timezone="Europe/Kyiv"))
    assert ex.outlet == "Reuters"
    assert ex.date.isoformat() == "2023-08-16T09:27:00+01:00"


@pytest.mark.parametrize("tag, body, name", [
    ("Про це повідомило Міністерство оборони Румунії, інформує Цензор.НЕТ.", UK, "Censor.NET"),
    ("Про це заявив міністр оборони, — передає кореспондент Укрінформу.", UK, "Ukrinform"),
    ("Об этом заявил министр обороны, сообщает корреспондент ТАСС.", RU, "TASS"),
    ("Об этом заявил министр обороны, информирует Интерфакс-Украина.", RU, "Interfax-Ukraine"),
    ("The minister said so at a briefing in Kyiv, an Ukrinform correspondent reports.", EN,
     "Ukrinform"),
])
def test_a_newsrooms_tag_on_its_lead_names_it(tag, body, name):
    assert outlet_of(page([body[0] + " " + tag, *body[1:]])) == (name, "tag")


def test_a_newsrooms_tag_names_it_in_any_grammatical_case():
    lead = UK[0] + " Про це заявив міністр, — передає кореспондент Інтерфакс-України."
    assert outlet_of(page([lead, UK[1]])) == ("Interfax-Ukraine", "tag")


def test_an_html_lead_with_a_newsrooms_tag_names_it():
    lead = UK[0] + " Про це заявив міністр оборони, інформує Цензор.НЕТ."
    html = ("<html><head><title>Системи ППО</title></head><body><article><h1>Системи ППО</h1>"
            + "".join(f"<p>{p}</p>" for p in [lead, UK[1], *UK]) + "</article></body></html>")
    ex = extract_html(html, config=Config())
    assert (ex.outlet, ex.outlet_source) == ("Censor.NET", "tag")


def test_a_correspondent_of_an_outlet_reporting_tags_its_lead():
    lead = "The minister said so in Kyiv, reports a correspondent of Ukrinform. " + EN[1]
    found = outlets.newsroom_tag([lead], outlets.registry())
    assert found is not None and (found.name, found.signal) == ("Ukrinform", "tag")


@pytest.mark.parametrize("tag, body", [
    ("Про це заявив міністр оборони, повідомляє Reuters.", UK),  # a citation
    ("Об этом заявил министр обороны, сообщает ТАСС.", RU),
    ("The minister said so at a briefing, according to Reuters.", EN),
    ("The minister said so at a briefing, reports Reuters.", EN),
    ("The minister said so, a Reuters correspondent reported from Kyiv.", EN),
    ("The minister told a Ukrinform correspondent so at a briefing in Kyiv.", EN),
    ("Цензор.НЕТ інформує, що міністр оборони заявив про це на брифінгу.", UK),
])
def test_a_citation_of_another_newsroom_is_no_tag(tag, body):
    assert outlet_of(page([body[0] + " " + tag, *body[1:]]))[0] is None


def test_an_outlets_back_reference_to_its_own_report_names_it():
    body = [*EN, "As Kyiv Post reported earlier, the systems arrived in the spring and were "
                 "tested near the border before the deployment began."]
    assert outlet_of(page(body)) == ("Kyiv Post", "earlier")
    uk = [*UK, "Як раніше повідомляла Українська правда, перші системи прибули навесні й "
               "пройшли випробування біля кордону."]
    assert outlet_of(page(uk)) == ("Ukrainska Pravda", "earlier")


@pytest.mark.parametrize("closing", [
    # another outlet is named too: the back-reference may be a citation
    "As Reuters reported earlier, the systems arrived in the spring, and CNN said the crews "
    "had trained abroad.",
    # a name introduced by its kind is cited
    "Як раніше повідомляло видання Reuters, перші системи прибули навесні й пройшли "
    "випробування біля кордону.",
    # no "earlier": how an article cites an outlet's report
    "As reported by Reuters, the systems arrived in the spring and were tested near the border.",
])
def test_a_back_reference_that_may_be_a_citation_is_not_taken(closing):
    body = UK if closing.startswith("Як") else EN
    assert outlet_of(page([*body, closing]))[0] is None
