"""Which outlet published a page: the shipped registry, each signal, and digest.yaml winning."""

from __future__ import annotations

import json
import zoneinfo
from importlib import resources
from pathlib import Path

import pytest
import yaml

from digest.config import Config, Source
from digest.ingest import outlets
from digest.ingest.html import extract_html
from digest.ingest.pipeline import ingest
from digest.ingest.textdump import extract_text
from digest.report import Reporter

EN = [
    "Ukrainian officials said on Wednesday that the new air defence systems delivered by "
    "partners have already been deployed near the capital, according to the ministry.",
    "The minister told reporters that the systems would protect critical infrastructure during "
    "the coming winter, when attacks are expected to intensify across the country.",
]
UK = [
    "Міністр оборони заявив у середу, що нові системи протиповітряної оборони вже розгорнуті "
    "поблизу столиці, і їхні екіпажі вже чергують.",
    "За його словами, до кінця року прибудуть ще кілька батарей, а екіпажі завершили "
    "підготовку за кордоном разом із партнерами.",
]
RU = [
    "Министр обороны заявил в среду, что новые системы противовоздушной обороны уже "
    "развернуты вблизи столицы, и их экипажи уже дежурят.",
    "По его словам, до конца года прибудут еще несколько батарей, а экипажи завершили "
    "подготовку за границей вместе с партнерами.",
]


def page(body: list[str], top: str = "", bottom: str = "",
         headline: str = "Air defence systems deployed near the capital",
         dateline: str = "Wednesday, 16 August 2023, 09:27") -> str:
    """A text dump shaped like a scraped page: menu, headline, dateline, body, footer."""
    return (f"Home News Politics\n{top}\n\n{headline}\n\n{dateline}\n\n" + "\n\n".join(body)
            + f"\n\nAll News\nAdvertisement:\n{bottom}\n")


def outlet_of(text: str, config: Config | None = None,
              url: str | None = None) -> tuple[str | None, str | None]:
    ex = extract_text(text, url=url, config=config or Config())
    return ex.outlet, ex.outlet_source


# --- the registry file -----------------------------------------------------------------------

def _entries() -> list[dict]:
    text = resources.files("digest.ingest").joinpath("data/outlets.json").read_text("utf-8")
    data = json.loads(text)
    assert "compiled by hand" in data["about"].lower()
    return data["outlets"]


def test_registry_entries_are_complete_and_claim_each_domain_once():
    entries = _entries()
    assert len(entries) >= 300
    claimed: dict[str, str] = {}
    names: set[str] = set()
    for e in entries:
        assert isinstance(e["name"], str) and e["name"].strip(), e
        assert e["name"] not in names, f"{e['name']} listed twice"
        names.add(e["name"])
        assert isinstance(e["aliases"], list) and all(isinstance(a, str) for a in e["aliases"])
        assert isinstance(e["domains"], list) and e["domains"], f"{e['name']} has no domain"
        zoneinfo.ZoneInfo(e["timezone"])  # raises on a name that is not IANA's
        assert len(e["country"]) == 2 and e["country"].isupper(), e["name"]
        assert e["languages"] and all(2 <= len(x) <= 3 for x in e["languages"]), e["name"]
        for domain in e["domains"]:
            assert domain == domain.lower() and "/" not in domain and "." in domain, domain
            assert domain not in claimed, f"{domain}: {claimed.get(domain)} and {e['name']}"
            claimed[domain] = e["name"]


def test_registry_covers_ukrainian_russian_and_world_outlets():
    reg = outlets.registry()
    for name in ("Українська правда", "Украинская правда", "Суспільне", "Укрінформ", "ТАСС",
                 "РИА Новости", "Медуза", "Новая газета", "Reuters", "Associated Press", "AFP",
                 "Xinhua", "BBC News", "The Kyiv Independent", "Kyiv Post", "The Verge",
                 "Hindustan Times", "The Sydney Morning Herald", "The Globe and Mail"):
        assert reg.exactly(name) is not None, name


# --- by URL ------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, name", [
    ("https://www.pravda.com.ua/eng/news/2023/08/16/7415762/", "Ukrainska Pravda"),
    ("https://life.pravda.com.ua/society/2023/08/16/1/", "Ukrainska Pravda Zhyttia"),
    ("https://edition.cnn.com/2023/08/16/europe/x/index.html", "CNN"),
    ("https://m.5-tv.ru/news/446574/", "Channel Five"),
    ("https://economictimes.indiatimes.com/news/x.cms", "The Economic Times"),
    ("https://timesofindia.indiatimes.com/world/x.cms", "The Times of India"),
    ("https://news.sky.com/story/x", "Sky News"),
])
def test_a_url_gives_its_outlet_by_the_longest_domain_it_ends_with(url, name):
    assert outlets.registry().for_url(url).name == name


def test_a_host_that_only_ends_like_a_domain_is_not_that_outlet():
    reg = outlets.registry()
    assert reg.for_url("https://notcnn.com/x") is None
    assert reg.for_url("https://cnn.com.evil.example/x") is None


def test_a_dump_with_a_url_line_takes_the_outlet_of_its_host():
    assert outlet_of(page(EN), url="https://kyivindependent.com/some-story/") == (
        "Kyiv Independent", "url")


# --- by the page's own text --------------------------------------------------------------------

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


@pytest.mark.parametrize("body, line, name", [
    (EN, "Follow Ukrainska Pravda on Twitter!", "Ukrainska Pravda"),
    (EN, "Kyiv Independent news desk", "Kyiv Independent"),
    (UK, "Підписуйтесь на Суспільне в Telegram", "Suspilne"),
    (RU, "Подписывайтесь на ТАСС в Telegram", "TASS"),
    (EN, "Support UP or become our patron!", "Ukrainska Pravda"),
    (EN, "Download the BBC News app", "BBC News"),
    (EN, "Sign up for Vox's newsletter", "Vox"),
    (UK, "Читайте УП в Telegram", "Ukrainska Pravda"),
])
def test_an_outlets_own_promo_or_desk_line_names_it(body, line, name):
    assert outlet_of(page(body, bottom=line)) == (name, "promo")


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
    parent = page(EN, top="\nForeign Policy\n", bottom="Copyright © 2023 Riverside Medien")
    assert outlet_of(parent) == ("Foreign Policy", "masthead")  # a company ("Medien": media)


@pytest.mark.parametrize("top, name", [
    ("EL PAÍS", "El País"),  # the logo, in the outlet's own capitals
    ("El País", "El País"),
    ("El país", None),  # "the country": a section of any Spanish paper
    ("El mundo", None),  # "the world"
])
def test_a_name_that_is_a_common_phrase_matches_only_in_its_own_case(top, name):
    assert outlet_of(page(EN, top="\n" + top + "\n"))[0] == name


def test_a_pictures_label_is_no_masthead():
    assert outlet_of(page(EN, top="(Bild: )"))[0] is None  # German "Bild": a picture


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


def test_an_authors_bio_names_the_outlet():
    text = page(EN, bottom="Phil Helsel is a reporter for NBC News.")
    assert outlet_of(text) == ("NBC News", "staff")


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


@pytest.mark.parametrize("body, headline, name", [
    (EN, "Air defence systems deployed near the capital | Meduza", "Meduza"),
    (UK, "Системи ППО розгорнули біля столиці | Українська правда", "Ukrainska Pravda"),
    (RU, "Системы ПВО развернули у столицы | Новая газета", "Novaya Gazeta"),
])
def test_a_title_tail_after_a_bar_names_the_site(body, headline, name):
    assert outlet_of(page(body, headline=headline)) == (name, "title")


# --- cited outlets are not publishers ----------------------------------------------------------

def test_outlets_the_article_cites_are_not_its_publisher():
    body = [
        "Russia launched 17 drones overnight, according to Reuters, and The Hill reported that "
        "Washington was preparing a new package of air defence systems for the country.",
        "The New York Times, citing American officials, wrote that the counteroffensive was "
        "moving slowly, as reported by CNN on the same day.",
    ]
    text = page(body, headline="Ukrainians disperse forces, change of tactic needed – NYT",
                top="Source: The New York Times")
    assert outlet_of(text)[0] is None
    assert outlet_of(page(body, bottom="© 2023 Kyiv Post"))[0] == "Kyiv Post"


# --- an outlet speaking of itself ------------------------------------------------------------

@pytest.mark.parametrize("body, line, name", [
    (EN, "Ukrainska Pravda is the place where you will find the most up-to-date information "
         "about the war. Follow us on Twitter, support us, or become our patron!",
     "Ukrainska Pravda"),
    (UK, "Суспільне — це новини без цензури. Підписуйтесь на нас у Telegram.", "Suspilne"),
    (RU, "Новая газета Европа — независимое издание. Поддержите нас!", "Novaya Gazeta Europe"),
])
def test_a_promo_in_which_the_outlet_speaks_of_itself_names_it(body, line, name):
    assert outlet_of(page(body, bottom=line)) == (name, "self")


@pytest.mark.parametrize("line", [
    "Reuters reported the strike first. Follow us on Twitter for more.",
    "According to Reuters, the strike hit a depot. Support us on Patreon!",
    "Follow us on Twitter. Reuters is a wire service.",
])
def test_a_first_person_promo_names_only_its_subject(line):
    assert outlet_of(page(EN, bottom=line))[0] is None


def test_an_acronym_the_page_spells_out_as_another_name_is_not_the_registrys():
    """"TOI" is The Times of India in the registry, and The Times of Inverness's own too."""
    assert outlet_of(page(EN, bottom="By TOI staff"))[0] == "The Times of India"
    spelled = page(EN, top="Get The Times of Inverness daily edition by email",
                   bottom="By TOI staff")
    assert outlet_of(spelled)[0] != "The Times of India"


def test_a_promo_with_a_dash_before_the_network_names_the_outlet():
    assert outlet_of(page(UK, bottom="Суспільне — у Telegram")) == ("Suspilne", "promo")


def test_a_link_out_to_another_outlet_is_no_promo():
    """An aggregator's "Read more on Reuters" points at the outlet it copied, not at itself."""
    assert outlet_of(page(EN, bottom="Read more on Reuters"))[0] is None


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


def test_a_short_capitals_name_matches_only_in_capitals():
    reg = outlets.registry()
    assert reg.find("Sign up for our newsletter") == []
    assert [s.name for s, _, _ in reg.find("Support UP or become our patron")] == [
        "Ukrainska Pravda"]
    assert reg.find("the hill behind the village") == []  # "The Hill" only as written


# --- digest.yaml sources win -------------------------------------------------------------------

def test_a_users_source_with_a_registry_domain_replaces_the_registry_entry():
    mine = Source("UP", (), "Europe/Kyiv", ("pravda.com.ua",))
    reg = outlets.registry((mine,))
    assert reg.for_url("https://www.pravda.com.ua/news/1/").name == "UP"
    assert reg.exactly("Українська правда").name == "UP"  # the registry's spellings are kept
    text = page(UK, bottom="© 2000-2023 Українська правда. Усі права захищені.")
    assert outlet_of(text, Config(sources=(mine,)))[0] == "UP"


def test_a_users_source_with_a_registry_name_takes_its_place():
    mine = Source("Kyiv Post", ("KP",), "Europe/Kyiv", ("kyivpost.example",))
    reg = outlets.registry((mine,))
    assert reg.for_url("https://kyivpost.example/a").name == "Kyiv Post"
    assert reg.for_url("https://www.kyivpost.com/post/1").name == "Kyiv Post"  # kept
    assert [s for s in reg.sources if s.name == "Kyiv Post"] == [reg.exactly("KP")]


def test_a_users_timezone_wins_over_the_registrys():
    mine = Source("Reuters", (), "Europe/Kyiv", ())
    ex = extract_text(page(["KYIV, Aug 16 (Reuters) - " + EN[0], EN[1]]),
                      config=Config(sources=(mine,)))
    assert ex.outlet == "Reuters"
    assert ex.date.isoformat() == "2023-08-16T09:27:00+03:00"


def test_a_users_new_source_is_found_like_a_registry_one():
    mine = Source("Odesa Daily Bulletin", ("ODB",), "Europe/Kyiv", ("odb.example",))
    config = Config(sources=(mine,))
    assert outlet_of(page(EN, bottom="© 2023 Odesa Daily Bulletin"), config) == (
        "Odesa Daily Bulletin", "copyright")
    assert outlet_of(page(EN), config, url="https://news.odb.example/a") == (
        "Odesa Daily Bulletin", "url")


# --- HTML --------------------------------------------------------------------------------------

def html_page(head: str, foot: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in EN * 3)
    return (f"<html><head>{head}</head><body><article><h1>Air defence systems deployed</h1>"
            f"{body}</article><footer>{foot}</footer></body></html>")


@pytest.mark.parametrize("head, foot, name, signal", [
    ('<link rel="canonical" href="https://kyivindependent.com/air-defence/">', "",
     "Kyiv Independent", "url"),
    ('<meta property="og:site_name" content="Meduza">', "", "Meduza", "site"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
     '{"@type": "Organization", "name": "Kyiv Post"}}</script>', "", "Kyiv Post", "publisher"),
    ("<title>Air defence systems deployed | Suspilne</title>", "", "Suspilne", "title"),
    ("<title>Air defence systems deployed</title>", "<p>© 2023 Hromadske</p>", "Hromadske",
     "copyright"),
])
def test_an_html_page_names_its_outlet(head, foot, name, signal):
    ex = extract_html(html_page(head, foot))
    assert (ex.outlet, ex.outlet_source) == (name, signal)


def test_a_site_name_that_only_contains_an_outlets_name_is_kept_as_printed():
    """NBC's Dallas station is not NBC News."""
    ex = extract_html(html_page('<meta property="og:site_name" content="NBC 5 Dallas-Fort Worth">'))
    assert (ex.outlet, ex.outlet_source) == ("NBC 5 Dallas-Fort Worth", "site")


def test_the_declared_site_name_wins_over_an_application_name_holding_the_title():
    head = ('<meta name="application-name" content="Anglers gather in Rostock - ANGLER WEEKLY">'
            '<meta property="og:site_name" content="ANGLER WEEKLY">')
    assert extract_html(html_page(head)).outlet == "ANGLER WEEKLY"
    alone = '<meta name="application-name" content="Angler Weekly">'
    assert extract_html(html_page(alone)).outlet == "Angler Weekly"


@pytest.mark.parametrize("foot", [
    "<p>© 2023 Hyperlocal News and Information for Metro Atlanta.</p>",  # "metro area"
    "<p>© 2019 www.recht-am-bild.example | Recht am Bild GbR</p>",  # "picture"
])
def test_a_common_word_that_begins_or_ends_a_longer_name_is_no_outlet(foot):
    ex = extract_html(html_page("<title>Air defence systems deployed</title>", foot))
    assert ex.outlet not in ("Metro", "Bild")


# --- an outlet the registry does not know: the name its chrome agrees on ---------------------

@pytest.mark.parametrize("top, bottom, name", [
    ("Search Gadgetwire", "© 2005-2019 Gadgetwire, All Rights Reserved.", "Gadgetwire"),
    ("Back to Film Ledger", "Advertise with Film Ledger\nPopular on Film Ledger", "Film Ledger"),
    ("Support Factline\nShop Factline", "", "Factline"),
    ("About Lumen", "Get Lumen Magazine delivered to your inbox", "Lumen Magazine"),
    ("Subscribe to The Riverside Courier via Email",
     "Copyright © 2019 The Riverside Courier. All Rights Reserved.", "The Riverside Courier"),
    ("Підтримайте Громадський Вісник", "Підписуйтесь на Громадський Вісник в Telegram",
     "Громадський Вісник"),
])
def test_a_site_the_registry_lacks_is_named_when_two_kinds_of_its_own_lines_agree(
        top, bottom, name):
    assert outlet_of(page(EN, top=top, bottom=bottom)) == (name, "chrome")


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


# --- through digest ingest ---------------------------------------------------------------------

def test_ingest_writes_the_outlet_found_in_the_page_footer(tmp_path: Path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text(
        page(EN, bottom="© 2023 Kyiv Post. All rights reserved."), encoding="utf-8")
    config = Config(root=tmp_path, timezone="Europe/Kyiv")
    report = ingest([tmp_path / "raw"], config, Reporter(quiet=True))
    [written] = report.written
    front = (tmp_path / written.article).read_text(encoding="utf-8").split("---")[1]
    assert yaml.safe_load(front)["source"] == "Kyiv Post"


def test_the_footer_text_leaves_out_scripts_and_styles():
    html = ("<p>a</p><script>var x = '<p>© 2023 Reuters</p>'</script><style>p {}</style >"
            "<p>© 2023 Kyiv Post</p>")
    assert outlets.footer_lines(html) == ["a", "© 2023 Kyiv Post"]


@pytest.mark.parametrize("html", ["<html><head>" + "<link " * 60_000, "<title>" * 50_000,
                                  "<script>" * 30_000, "<" * 300_000,
                                  '"publisher": {' * 20_000])
def test_a_hostile_page_gives_no_outlet_and_does_not_hang(html):
    assert outlets.from_html(outlets.HtmlPage(html), outlets.registry()) is None


@pytest.mark.parametrize(("text", "name"), [
    ("Kyiv Post", "Kyiv Post"), ("Київ Пост", "Kyiv Post"), ("kyivpost.com", "Kyiv Post"),
    ("www.kyivpost.com", "Kyiv Post"), ("misc", None), ("news", None), ("raw", None),
])
def test_an_outlet_is_named_by_its_name_an_alias_or_a_domain(text, name):
    found = outlets.registry().named(text)
    assert (found.name if found else None) == name
