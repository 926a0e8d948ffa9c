"""The text-dump cleaner: the seed page exactly, chrome out, and no surprises on odd input."""

from __future__ import annotations

import pytest
from conftest import SHARED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.config import Config, Source
from digest.ingest import chrome
from digest.ingest.structure import plain
from digest.ingest.textdump import extract_text

SEED = SHARED / "corpus" / "news" / "000_124f943da4d3affc.txt"
SEED_URL = "https://www.pravda.com.ua/eng/news/2023/08/16/7415762/"
CONFIG = Config(timezone="Europe/Kyiv", sources=(
    Source("European Pravda", (), "Europe/Kyiv"),
    Source("Ukrainska Pravda", (), "Europe/Kyiv", ("pravda.com.ua",)),
))


def body_texts(body: str) -> list[str]:
    return [plain(x) for x in body.splitlines() if x.strip()]


@pytest.fixture
def seed() -> str:
    if not SEED.exists():
        pytest.skip(f"../shared/corpus not present: {SEED}")
    return SEED.read_text(encoding="utf-8")


def test_seed_page_metadata(seed):
    ex = extract_text(seed, url=SEED_URL, config=CONFIG)
    assert ex.title == "Russia seeks to increase military cooperation with North Korea"
    assert ex.date.isoformat() == "2023-08-16T09:27:00+03:00"
    assert ex.outlet == "European Pravda"
    assert ex.attribution.startswith("Source: Vedant Patel, Principal Deputy Spokesperson")
    assert ex.lang == "en"
    assert ex.summary.startswith("The US Department of State has reported")


def test_seed_page_body_has_structure_and_no_chrome(seed):
    ex = extract_text(seed, url=SEED_URL, config=CONFIG)
    body = ex.body
    assert body.startswith("The US Department of State has reported")
    assert '> Quote: "I will also note' in body
    assert "## Background" in body
    assert body.count("\n- ") == 3
    for chrome_text in ("Support Us", "Advertisement", "Укр Рус Eng", "All News", "RECENT NEWS",
                        "Follow us on Twitter", "hybrid tribunal", "20:55", "Source:",
                        "Only the latest news"):
        assert chrome_text not in body, chrome_text


def test_seed_page_without_config_still_finds_outlet_and_title(seed):
    ex = extract_text(seed)
    assert ex.title == "Russia seeks to increase military cooperation with North Korea"
    assert ex.outlet == "European Pravda"
    # no config: the shipped registry knows European Pravda dates its pages in Kyiv time
    assert ex.date.isoformat() == "2023-08-16T09:27:00+03:00"


ARTICLE = [
    "The city council approved the new budget on Monday after a long debate in the chamber.",
    "Officials said that the money would be spent on schools, roads and the water supply.",
    "The mayor told reporters that the vote was a victory for every resident of the city.",
]


def page(*middle: str) -> str:
    menu = "\n".join(["Home", "World", "Politics", "Business", "Sport", "Subscribe", "Sign In"])
    related = "\n\n".join(["Mayor opens new bridge", "Storm hits the coast overnight",
                           "Local team wins the cup"])
    return f"{menu}\n\nCouncil approves budget\n\n" + "\n\n".join(middle) + f"\n\n{related}\n"


def test_menus_ads_and_related_lists_are_dropped():
    ex = extract_text(page(ARTICLE[0], "Advertisement", ARTICLE[1], "Реклама", ARTICLE[2]))
    assert body_texts(ex.body) == ARTICLE
    assert ex.title == "Council approves budget"


def test_learned_outlet_chrome_is_dropped(tmp_path):
    promo = "Our newsletter brings you the best stories from the city every single morning."
    others = [f"Story {n}: the committee met again today and said that nothing changed at all."
              for n in range(3)]
    pages = [("City News", page(other, promo)) for other in others]
    model = chrome.learn(pages)
    path = tmp_path / chrome.CHROME_FILE
    chrome.save(model, path)
    loaded = chrome.load(path)
    assert chrome.normalize(promo) in loaded.lines_for("City News")
    config = Config(sources=(Source("City News", (), None, ("city.example",)),))
    ex = extract_text(page(ARTICLE[0], promo, ARTICLE[1]), url="https://city.example/a/1",
                      config=config, chrome=loaded)
    assert promo not in ex.body
    assert body_texts(ex.body) == ARTICLE[:2]


def test_learning_is_deterministic(tmp_path):
    pages = [("A", page(ARTICLE[0])), ("A", page(ARTICLE[1])), ("B", page(ARTICLE[2]))]
    first, second = tmp_path / "1.yaml", tmp_path / "2.yaml"
    chrome.save(chrome.learn(pages), first)
    chrome.save(chrome.learn(reversed(pages)), second)
    assert first.read_bytes() == second.read_bytes()
    assert chrome.load(tmp_path / "missing.yaml").outlets == {}


@pytest.mark.parametrize("text", ["", "\n\n\n", " ", "\x00\x01\x02", "a" * 10000,
                                  "1.\n#\n>\n<\n" * 50, "Source:\n" * 3, "• \n" * 10,
                                  "\ufeffTitle\r\nLine one.\rLine two.\u2028"])
def test_never_crashes_and_body_lines_come_from_the_input(text):
    ex = extract_text(text)
    inputs = {line.strip() for line in text.replace("\r", "\n").split("\n")}
    for line in body_texts(ex.body):
        assert any(line in x for x in inputs), line


# Pieces a hostile or broken page is made of: prose, chrome, Markdown syntax, dates,
# labels the structure step rewrites, and every kind of line break and odd character.
_PIECES = st.sampled_from([
    *ARTICLE, "Home", "Advertisement", "Source: Reuters", "Quote: \"It will end", "Background",
    "• item", "- item", "1. first", "# heading", "> quoted", "<div>", "---", "\\", "1\\2",
    "Thursday, August 24", "23 августа", "Wednesday, 16 August 2023, 09:27", "20:55",
    "date 2023-08-09 Facts", " date 2023-13-45 x", "12 comments", "Sources:", "a\tb\tc",
    "\u2028", "\x0b", "\x0c", "\x1c", "\x85", "\r", "\r\n", "\ufeff", "\x00", "©",
])
_LINES = st.lists(st.one_of(_PIECES, st.text(max_size=80)), max_size=40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES, st.sampled_from(["\n", "\n\n", "\r\n", ""]))
def test_property_body_lines_are_input_lines(pieces, sep):
    text = sep.join(pieces)
    ex = extract_text(text, url="https://example.com/2023/08/24/x", config=CONFIG)
    assert not any(w.startswith("cleaner failed") for w in ex.warnings), ex.warnings
    inputs = text.splitlines()
    for line in body_texts(ex.body):
        assert any(line in x for x in inputs), (line, inputs)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=2000))
def test_property_any_text_is_cleaned_without_failing(text):
    ex = extract_text(text)
    assert not any(w.startswith("cleaner failed") for w in ex.warnings), ex.warnings
    for line in body_texts(ex.body):
        assert any(line in x for x in text.splitlines()), line


BODY = ("The minister said on Wednesday that the new air defence systems had been deployed "
        "near the capital and would protect critical infrastructure during the winter.\n\n"
        "According to him, several more batteries are due to arrive before the end of the year.\n")


@pytest.mark.parametrize(("page", "url", "key"), [
    ("Headline of the story here\n\nEuropean PravdaWednesday, 16 August 2023, 09:27\n\n" + BODY,
     "https://www.pravda.com.ua/eng/news/1", "Ukrainska Pravda"),  # the URL's outlet first
    ("Headline of the story here\n\nEuropean PravdaWednesday, 16 August 2023, 09:27\n\n" + BODY,
     None, "European Pravda"),  # the byline
    ("Headline of the story here\n\nWednesday, 16 August 2023, 09:27\n\n" + BODY
     + "\nFollow Ukrainska Pravda on Twitter!\n© Ukrainska Pravda, 2000-2023\n",
     None, "Ukrainska Pravda"),  # the source the chrome names most
    ("Headline of the story here\n\nWednesday, 16 August 2023, 09:27\n\n" + BODY, None, None),
    ("Headline of the story here\n\nWednesday, 16 August 2023, 09:27\n\nKYIV (AP) — " + BODY,
     None, None),  # an agency's stories run on many sites, each with its own chrome
])
def test_chrome_key_is_the_outlet_from_the_url_the_byline_or_the_chrome(page, url, key):
    from digest.ingest.textdump import chrome_key

    assert chrome_key(page, url, CONFIG) == key


def test_learned_lines_apply_to_a_dump_without_a_url_through_its_byline():
    page = ("Headline of the story here\n\nEuropean PravdaWednesday, 16 August 2023, 09:27\n\n"
            + BODY + "\nOur journalists work around the clock so that you know the truth.\n")
    model = chrome.ChromeModel({"European Pravda": frozenset(
        {"our journalists work around the clock so that you know the truth."})})
    assert "around the clock" in extract_text(page, config=CONFIG).body
    assert "around the clock" not in extract_text(page, config=CONFIG, chrome=model).body


@pytest.mark.parametrize("heading", ["All Of The Latest News", "More news", "Most read",
                                     "Останні новини", "Editor's picks:"])
def test_a_latest_news_heading_ends_the_article(heading):
    story = ("Former Lawmaker Found Dead In Occupied Region\n"
             "Former lawmaker Oleksiy Kovalyov, who joined the Russia-imposed regional "
             "government, has been found dead, an adviser to the regional administration said.\n"
             "Several officials appointed by Moscow have died in recent weeks after being "
             "attacked, and the reports said the police opened a murder case on Monday.\n")
    other = ("Military Launches Southern Offensive\n"
             "The armed forces have started offensive action on several fronts in the south "
             "of the country, the military announced on Monday, in a much-anticipated move.\n")
    ex = extract_text(f"{story}{heading}\n{other}")
    assert "Kovalyov" in ex.body and "offensive action" not in ex.body


# A story whose last paragraph announces a list, and the page chrome around it.
LEAD = ("The band will return to the road next summer for its first tour in a decade, and "
        "tickets go on sale on Friday morning through the usual outlets.\n\n"
        "The singer said the shows would cover every album, old and new alike. Here are "
        "the dates:\n")
FOOTER_MENU = "\n\nFacebook\nTwitter\nEmail\n\nNews\nSport\nCulture\nWeather\n"
DATES = ["June 9 – Miami, FL @ Bayfront Park Amphitheater",
         "June 12 – Atlanta, GA @ Lakewood Amphitheatre",
         "June 15 – Nashville, TN @ Bridgestone Arena",
         "June 18 – Chicago, IL @ Huntington Bank Pavilion"]


def test_a_list_the_last_paragraph_announces_is_kept():
    ex = extract_text("Band announces tour\n\n" + LEAD + "\n".join(DATES) + FOOTER_MENU)
    assert body_texts(ex.body)[-len(DATES):] == DATES
    assert "Facebook" not in ex.body and "Weather" not in ex.body


def test_a_schedule_under_its_own_heading_below_the_article_is_kept():
    story = LEAD.replace(" Here are the dates:", "")
    ex = extract_text("Band announces tour\n\n" + story + "\nTour dates\n" + "\n".join(DATES)
                      + FOOTER_MENU)
    assert body_texts(ex.body)[-len(DATES) - 1:] == ["Tour dates", *DATES]
    assert "Facebook" not in ex.body


def test_a_menu_below_the_article_is_not_taken_for_its_list():
    story = LEAD.replace(" Here are the dates:", "")
    ex = extract_text("Band announces tour\n\n" + story + "\nMore\nHome\nMusic news\nReviews"
                      "\nConcert listings\nPodcasts\n")
    assert body_texts(ex.body)[-1].startswith("The singer said")


def test_numbered_items_apart_by_their_links_are_one_list():
    items = [f"{n}) A boxed set of the band's {what}\n\nhttps://shop.example/{n}"
             for n, what in enumerate(["first albums", "live records", "singles"], 1)]
    ex = extract_text("Band announces tour\n\n" + LEAD.replace("the dates", "the boxed sets")
                      + "\n" + "\n\n".join(items) + "\n\nLeave your comment\nName\nEmail\n")
    body = body_texts(ex.body)
    assert body[-6:] == ["1) A boxed set of the band's first albums", "https://shop.example/1",
                         "2) A boxed set of the band's live records", "https://shop.example/2",
                         "3) A boxed set of the band's singles", "https://shop.example/3"]


def test_a_list_after_a_short_lead_in_inside_the_article_is_kept():
    items = ["Your website goes live in its own corner of the internet",
             "Search engines find it on the day it is published",
             "People begin to discover it and come back to it"]
    page = ("Why patience pays\n\n" + ARTICLE[0] + "\n\nThink about it:\n\n" + "\n".join(items)
            + "\n\n" + ARTICLE[1] + "\n\n" + ARTICLE[2] + "\n")
    assert body_texts(extract_text(page).body) == [ARTICLE[0], "Think about it:", *items,
                                                   *ARTICLE[1:]]


STORY = [*ARTICLE,
         "Opposition members said the plan left too little for the hospitals and that they "
         "would bring the question back to the chamber before the end of the year."]


def test_a_copyright_notice_ends_the_article_and_the_teasers_after_it():
    teasers = ("Why farmers paint their cows\n\nSome thought the striped cattle in the "
               "pasture were a joke, but the science behind the idea is sound and simple.\n\n"
               "Storm closes the coast road\n\nThe road along the coast was closed on Tuesday "
               "after the storm brought down trees and power lines in several places.\n")
    page = ("Council approves budget\n\n" + "\n\n".join(STORY)
            + "\n\n© 2019 Example Media Inc. All Rights Reserved.\n\n" + teasers)
    assert body_texts(extract_text(page).body) == STORY


def test_a_count_of_thoughts_on_the_headline_starts_the_comments():
    comment = ("Thanks so much for this article, it was a pleasure to read and I will share "
               "it with every one of my friends and colleagues at work this week.")
    page = ("Council approves budget\n\n" + "\n\n".join(STORY)
            + "\n\n3 thoughts on “Council approves budget”\n\nGaye\n\n" + comment + "\n")
    assert body_texts(extract_text(page).body) == STORY


def test_a_short_line_that_quotes_someone_does_not_start_the_comments():
    quote = '3 officials said "We are ready to talk."'
    page = ("Council approves budget\n\n" + "\n\n".join(STORY) + f"\n\n{quote}\n\n"
            + "\n\n".join(ARTICLE) + "\n")
    assert body_texts(extract_text(page).body) == [*STORY, quote, *ARTICLE]


@pytest.mark.parametrize("lead", [
    "Video footage shows the police using water cannon and tear gas to clear the square "
    "on Saturday evening.",
    "Photos which were released online on Sunday show the actress at the premiere in a "
    "dress of the national colours.",
])
def test_a_sentence_that_opens_with_a_mediums_name_is_article_text(lead):
    page = f"Council approves budget\n\n{lead}\n\n" + "\n\n".join(ARTICLE) + "\n"
    assert body_texts(extract_text(page).body) == [lead, *ARTICLE]


@pytest.mark.parametrize("label", ["Photo by Jane Doe/Example Agency",
                                   "Video: the council's vote in two minutes",
                                   "Image caption The mayor speaks to reporters after the vote"])
def test_a_mediums_label_or_credit_is_still_chrome(label):
    page = ("Council approves budget\n\n" + "\n\n".join(STORY[:2]) + f"\n\n{label}\n\n"
            + "\n\n".join(STORY[2:]))
    assert body_texts(extract_text(page).body) == STORY


def test_a_pictures_caption_with_its_credit_below_it_is_not_article_text():
    caption = "Council members vote on the budget in the chamber on Monday afternoon."
    page = ("Council approves budget\n\n" + "\n\n".join(STORY[:2]) + f"\n\n{caption}\n"
            "Jane Doe/Example Agency/Getty Images\n\n" + "\n\n".join(STORY[2:]) + "\n")
    assert body_texts(extract_text(page).body) == STORY


DISCLAIMER = ("The information provided on this website is for general purposes only and "
              "is not a substitute for the advice of your own doctor or other professional.")


FINE_PRINT = [DISCLAIMER,
              "Results vary with your starting point, your goals and the effort you put in, and "
              "exercise and a proper diet are necessary to achieve and keep any results at all.",
              "These statements have not been evaluated by any food or drug authority, and the "
              "products are not intended to diagnose, treat, cure or prevent any disease.",
              "Consult your physician and follow all the safety instructions before you begin "
              "any exercise programme or use any supplement or meal replacement product."]


def test_a_related_heading_ends_the_article_when_no_paragraph_follows_soon():
    story = [" ".join(STORY[:2]), " ".join(STORY[2:]), " ".join(ARTICLE), " ".join(STORY[1:]),
             " ".join(STORY[::-1])]
    page = ("Council approves budget\n\n" + "\n\n".join(story) + "\n\nRelated Articles\n"
            "Politics\nMayor opens new bridge\nPolitics\nStorm hits the coast\nFacebook\n"
            "Instagram\nJoin our newsletter\n\n" + "\n\n".join(FINE_PRINT + FINE_PRINT[::-1])
            + "\n")
    assert body_texts(extract_text(page).body) == story


def test_a_related_box_inside_the_article_does_not_end_it():
    paragraphs = [" ".join(STORY[:2]), " ".join(STORY[2:]), " ".join(ARTICLE), DISCLAIMER]
    page = ("Council approves budget\n\n" + "\n\n".join(paragraphs[:2])
            + "\n\nRelated Articles\nMayor opens new bridge\nStorm hits the coast\n\n"
            + "\n\n".join(paragraphs[2:]) + "\n")
    assert body_texts(extract_text(page).body) == paragraphs


def test_story_cards_below_a_related_heading_are_not_article_text():
    cards = "\n".join(f"{title}\n{teaser}" for title, teaser in [
        ("Mayor opens the new bridge over the river",
         "The bridge, two years in the making, carries four lanes of traffic and a cycle path."),
        ("Storm closes the coast road for a day",
         "Fallen trees and power lines kept the road shut until the crews could clear it."),
        ("Local team wins the cup after extra time",
         "A late goal in the second half of extra time settled a final the fans will remember."),
    ])
    page = "Council approves budget\n\n" + "\n\n".join(STORY) + "\n\nTop stories\n" + cards
    assert body_texts(extract_text(page).body) == STORY


def test_a_long_caption_that_ends_with_its_credit_is_not_article_text():
    caption = ("A cross-section through the new council chamber, showing the public gallery, the "
               "members' benches, the press seats and the clerks' table below the speaker's "
               "chair, with the new lifts and stairs on either side of it. Credit: City Council")
    page = ("Council approves budget\n\n" + "\n\n".join(STORY[:2]) + f"\n\n{caption}\n\n"
            + "\n\n".join(STORY[2:]) + "\n")
    assert body_texts(extract_text(page).body) == STORY


def test_the_summary_above_the_byline_is_the_standfirst_not_the_article():
    page = ("Council approves budget\n\nThe vote ends a month of wrangling over the city's "
            "spending, and leaves the hospitals wanting more.\n\nBy Jane Doe\n\n"
            + "\n\n".join(STORY) + "\n")
    ex = extract_text(page)
    assert body_texts(ex.body) == STORY
    assert ex.summary.startswith("The city council approved")


def test_an_embedded_posts_signature_below_the_lead_keeps_the_lead():
    post = "The council has just approved the budget, 31 votes to 12. pic.example/abc"
    page = (f"Council approves budget\n\n{STORY[0]}\n{post}\n"
            "— Jane Doe (@janedoe) August 23, 2023\n" + "\n".join(STORY[1:]) + "\n")
    assert body_texts(extract_text(page).body)[0] == STORY[0]


def test_the_article_goes_on_below_a_box_of_links_set_inside_it():
    before = [" ".join(STORY[:2]), " ".join(STORY[2:]), " ".join(ARTICLE)]
    box = ("Don't miss\nMayor opens the new bridge over the river [VIDEO]\n"
           "Storm closes the coast road for a whole day [PICTURES]\n"
           "Local team wins the cup after extra time [REPORT]")
    page = ("Council approves budget\n\n" + "\n\n".join(before) + f"\n\n{box}\n\n"
            + "\n\n".join(STORY) + "\n\nMost read\nMayor opens new bridge\nStorm hits the coast\n")
    assert body_texts(extract_text(page).body) == before + STORY


def test_a_most_read_list_of_entries_with_their_teasers_is_not_the_article_going_on():
    entries = "\n".join([
        "Mayor opens the new bridge over the river The bridge carries four lanes of traffic "
        "and a cycle path, two years after work on it began.",
        "Storm closes the coast road for a day Fallen trees and power lines kept the road shut "
        "until the crews could clear it on Tuesday.",
        "Local team wins the cup after extra time A late goal in the second half of extra time "
        "settled a final that the fans will long remember.",
    ])
    story = [" ".join(STORY[:2]), " ".join(STORY[2:]), " ".join(ARTICLE)]
    page = ("Council approves budget\n\n" + "\n\n".join(story) + "\n\nMost read\n" + entries
            + "\n")
    assert body_texts(extract_text(page).body) == story


def test_a_related_heading_between_a_gallery_above_and_the_article_starts_the_article():
    gallery = "\n\n".join(
        f"{n}of3A shopper looks at the extension cords on the shelves of the hardware store in the "
        f"town centre on Tuesday, a day before the power was due to be cut across the county"
        for n in range(1, 4))
    story = [" ".join(STORY[:2]), " ".join(STORY[2:]), " ".join(ARTICLE), " ".join(STORY[1:]),
             " ".join(STORY[::-1])]
    popular = "\n\n".join(["Fire damages the old club", "Best pizza in the region",
                             "The mall through the years", "A walk along the old canal",
                             "Ten new cafés to try", "The week in pictures", "Quiz of the week"])
    page = (f"Council approves budget\n\n{gallery}\n\nMost Popular\n\n{popular}\n\n"
            + "\n\n".join(story) + "\n")
    assert body_texts(extract_text(page).body) == story


ARTIKEL = [
    "Der Stadtrat hat am Montag nach einer langen Debatte den neuen Haushalt für das Jahr "
    "beschlossen, wie die Verwaltung mitteilte.",
    "Das Geld soll nach Angaben der Stadt vor allem in die Schulen, die Straßen und die "
    "Wasserversorgung fließen, die seit Jahren warten.",
    "Die Bürgermeisterin sagte, die Abstimmung sei ein Erfolg für alle Menschen, die in der "
    "Stadt leben und arbeiten.",
]
TEASERS = [
    "Brücke über den Fluss wird im Sommer gesperrt",
    "Die Arbeiten an der alten Brücke dauern nach Angaben der Stadt länger als geplant, "
    "weil der Stahl an mehreren Stellen ersetzt werden muss und die Firma fehlt.",
    "Neues Hallenbad öffnet im Herbst seine Türen",
    "Nach drei Jahren Bauzeit können die Schwimmer der Stadt bald wieder im eigenen Bad "
    "trainieren, das mehr gekostet hat als zuerst von allen gedacht wurde.",
]


def seite(*tail: str) -> str:
    menu = "\n".join(["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur"])
    return f"{menu}\n\nStadtrat beschließt Haushalt\n\n" + "\n\n".join([*ARTIKEL, *tail]) + "\n"


@pytest.mark.parametrize("heading", ["Das könnte Sie auch interessieren", "Ähnliche Beiträge",
                                     "Weitere Artikel", "Articles similaires", "Te puede interesar",
                                     "Leggi anche", "Czytaj także"])
def test_related_headings_in_other_languages_end_the_article(heading):
    ex = extract_text(seite(heading, "\n".join(TEASERS[:2]), "\n".join(TEASERS[2:])))
    assert body_texts(ex.body) == ARTIKEL


def test_comment_sections_in_other_languages_end_the_article():
    comments = ["3 Kommentare", "Anna Berger sagt:", "12. Mai 2021 um 10:15 Uhr",
                "Endlich passiert etwas mit der alten Brücke, ich fahre jeden Tag mit dem Rad "
                "darüber und habe schon lange auf diese Nachricht gewartet.", "Antworten",
                "Schreibe einen Kommentar",
                "Deine E-Mail-Adresse wird nicht veröffentlicht, und die Felder sind wie immer "
                "mit einem Stern markiert, damit du sie findest."]
    ex = extract_text(seite(*comments))
    assert body_texts(ex.body) == ARTIKEL


@pytest.mark.parametrize("chrome_line", [
    "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis auf unserer Seite zu bieten, "
    "und Sie stimmen dem zu.",
    "Este sitio web utiliza cookies para que usted tenga la mejor experiencia de usuario en todas "
    "las páginas.",
    "Teilen", "Weiterlesen", "Publicité", "Reklama", "Antworten",
])
def test_interface_lines_in_other_languages_are_dropped(chrome_line):
    ex = extract_text(seite().replace(ARTIKEL[1], f"{ARTIKEL[1]}\n\n{chrome_line}"))
    assert body_texts(ex.body) == ARTIKEL


def test_footer_in_other_languages_ends_the_article():
    footer = ["Stadtanzeiger © 2011-2021. Alle Rechte vorbehalten.",
              "Der Stadtanzeiger ist die Zeitung für alle Menschen in der Stadt, die wissen "
              "wollen, was in ihren Vierteln, Vereinen und Schulen passiert ist."]
    ex = extract_text(seite(*footer))
    assert body_texts(ex.body) == ARTIKEL


@pytest.mark.parametrize("heading", ["Über den Autor", "About the author",
                                     "War der Artikel hilfreich?", "Quellenangaben:"])
def test_author_box_feedback_prompt_and_sources_end_the_article(heading):
    after = ["Ich schreibe seit vielen Jahren über die Stadt und ihre Menschen, über Politik, "
             "Vereine und alles, was die Leute hier bewegt und beschäftigt.",
             "Wer mehr lesen möchte, findet alle meine Texte im Archiv dieser Seite, sortiert "
             "nach Jahren und Themen, damit man sich schnell zurechtfindet."]
    ex = extract_text(seite(heading, *after))
    assert body_texts(ex.body) == ARTIKEL


@pytest.mark.parametrize("line", ["Das alte Rathaus am Markt. (Foto: Stadtarchiv)",
                                  "Bild: Stadtarchiv",
                                  "Teile diesen Beitrag mit deinen Freunden",
                                  "Möchten Sie den Artikel teilen?",
                                  "Getaggt mit: Stadtrat, Haushalt"])
def test_captions_share_prompts_and_tag_lines_in_other_languages_are_dropped(line):
    ex = extract_text(seite().replace(ARTIKEL[1], f"{line}\n\n{ARTIKEL[1]}"))
    assert body_texts(ex.body) == ARTIKEL


def test_a_newsletter_box_in_another_language_is_dropped():
    box = ("Einmal in der Woche das Wichtigste aus der Stadt in Ihrem Postfach: Jetzt "
           "kostenlos zum Newsletter anmelden.")
    ex = extract_text(seite().replace(ARTIKEL[2], f"{box}\n\n{ARTIKEL[2]}"))
    assert body_texts(ex.body) == ARTIKEL


def test_the_article_above_end_matter_wins_over_longer_teasers_below_it():
    cards = [TEASERS[0], TEASERS[1], TEASERS[2], TEASERS[3],
             "Markt am Samstag fällt wegen des Stadtfests aus",
             "Die Händler ziehen für einen Tag auf den Parkplatz hinter dem Rathaus, wo es nach "
             "Angaben der Stadt genug Platz für alle Stände und die Besucher gibt."]
    text = seite("Ähnliche Beiträge", "\n".join(cards[:2]), "\n".join(cards[2:4]),
                 "\n".join(cards[4:]))
    assert body_texts(extract_text(text).body) == ARTIKEL
    shorter = text.replace(f"{ARTIKEL[1]}\n\n", "")  # the heading costs more than it weighs
    assert body_texts(extract_text(shorter).body) == [ARTIKEL[0], ARTIKEL[2]]


def test_a_comments_link_among_share_buttons_does_not_end_the_article():
    more = ["Die Opposition kritisierte den Haushalt in der Sitzung scharf und sprach von einem "
            "Plan ohne Mut, der die großen Aufgaben der Stadt nur verschiebe.",
            "Die Verwaltung will in den kommenden Wochen erklären, welche Projekte zuerst "
            "begonnen werden und wann die Bürger mit den ersten Baustellen rechnen müssen.",
            "Im Herbst soll der Stadtrat dann über den Plan für die nächsten zwei Jahre beraten, "
            "sagte ein Sprecher der Stadt am Dienstag auf Nachfrage."]
    ex = extract_text(seite("Teilen\nKommentare", *more))
    assert body_texts(ex.body) == [*ARTIKEL, *more]


@pytest.mark.parametrize("heading", ["Was denkst du?", "Am beliebtesten", "More about the council"])
def test_more_end_matter_headings_end_the_article(heading):
    ex = extract_text(seite(heading, "\n".join(TEASERS[:2]), "\n".join(TEASERS[2:])))
    assert body_texts(ex.body) == ARTIKEL


@pytest.mark.parametrize("link", ["Lesen Sie auch: Die Stadt plant eine neue Brücke über den Fluss",
                                  "PUEDES VER: El alcalde presentó el presupuesto del próximo año",
                                  "Dowiedz się więcej: Rada miasta przyjęła nowy budżet na rok"])
def test_read_also_links_inside_the_article_are_dropped(link):
    ex = extract_text(seite().replace(ARTIKEL[2], f"{link}\n\n{ARTIKEL[2]}"))
    assert body_texts(ex.body) == ARTIKEL


def test_a_small_block_of_prose_below_the_share_buttons_is_not_the_article():
    more = [f"Im Ausschuss Nummer {n} wurde der Plan nach Angaben der Stadt ebenfalls lange "
            "beraten, bevor die Mitglieder ihm mit großer Mehrheit zustimmten." for n in range(6)]
    promo = ("Die Redaktion des Stadtanzeigers berichtet jeden Tag über alles, was in den "
             "Vierteln, Vereinen und Schulen der Stadt passiert, und freut sich über Hinweise "
             "und Fotos von Leserinnen und Lesern, die uns jederzeit schreiben können, am "
             "besten mit einer kurzen Nachricht und einem Namen.")
    ex = extract_text(seite(*more, "Teilen\nFacebook\nTwitter", promo))
    assert body_texts(ex.body) == [*ARTIKEL, *more]


def test_a_stamp_below_the_end_of_the_article_still_dates_it():
    ex = extract_text(seite("Ähnliche Beiträge", "Veröffentlicht am 20. März 2014 von Anna Berger",
                            "\n".join(TEASERS[:2]), "\n".join(TEASERS[2:])))
    assert body_texts(ex.body) == ARTIKEL
    assert ex.date is not None and ex.date.date().isoformat() == "2014-03-20"


CARDS = [
    ("Verkehr", "Neue Ampel an der Schulstraße geht in Betrieb",
     "Die Stadt hat an der Kreuzung vor der Grundschule eine Ampel aufgestellt, die ab "
     "Montag den Verkehr am Morgen regeln soll."),
    ("Kultur", "Museum zeigt Bilder aus hundert Jahren Stadtgeschichte",
     "In der neuen Ausstellung sind Fotos von Straßen, Festen und Fabriken zu sehen, die "
     "Bürgerinnen und Bürger dem Museum geliehen haben."),
    ("Sport", "Handballerinnen gewinnen das Derby gegen den Nachbarn",
     "Vor voller Halle setzte sich die Mannschaft am Samstagabend nach einer spannenden "
     "zweiten Hälfte mit drei Toren Vorsprung durch."),
    ("Wetter", "Sturm bringt Regen und kühle Luft in die Region",
     "Für die Nacht zum Donnerstag erwartet der Wetterdienst kräftige Böen, die Feuerwehr "
     "rät, lose Gegenstände im Garten zu sichern."),
]


def cards() -> list[str]:
    return [part for kicker, title, teaser in CARDS for part in (kicker, title, teaser)]


def test_story_cards_below_the_last_paragraph_are_not_the_article():
    # other stories' kickers, headlines and teasers follow the article under no heading
    ex = extract_text(seite(*cards()))
    assert body_texts(ex.body) == ARTIKEL


def test_a_paywalled_articles_lead_wins_over_the_story_cards_under_its_end_matter():
    # the page shows only the lead, then the paywall's offer and its login form, a long way
    # above "Weitere Artikel": the cards outweigh the lead, yet are other stories
    paywall = ["Bereits Abonnent/in? Anmelden", "Jetzt diesen Artikel lesen!",
               *[f"Vorteil Nummer {n}" for n in range(12)], "3 € / Monat", "Registrieren",
               "Passwort vergessen?", "Anmelden"]
    page = seite(*paywall, "Weitere Artikel", *cards()).replace(
        f"{ARTIKEL[1]}\n\n{ARTIKEL[2]}\n\n", "")
    assert body_texts(extract_text(page).body) == [ARTIKEL[0]]


def test_story_cards_below_a_more_heading_do_not_outweigh_a_short_article():
    # the cards hold more prose than the article, but their teasers are not an article's
    more = [f"Im Ausschuss Nummer {n} wurde der Plan nach Angaben der Stadt ebenfalls lange "
            "beraten, bevor die Mitglieder ihm mit großer Mehrheit zustimmten." for n in range(2)]
    many = CARDS * 4
    ex = extract_text(seite(*more, "Weitere Artikel",
                            *[part for _, t, teaser in many for part in (t, teaser)]))
    assert body_texts(ex.body) == [*ARTIKEL, *more]


def test_the_lead_above_the_share_buttons_is_the_article_s():
    lead = ("Nach monatelangem Streit hat der Stadtrat den Haushalt für das kommende Jahr "
            "beschlossen und damit den Weg für neue Schulen frei gemacht.")
    text = seite().replace(ARTIKEL[0], "\n".join(
        [lead, "Teilen", "Facebook", "Twitter", "E-Mail", "Drucken", "Kommentieren",
         ARTIKEL[0]]))
    assert body_texts(extract_text(text).body) == [lead, *ARTIKEL]


@pytest.mark.parametrize("line", [
    "Bitte beachten Sie: Kommentare werden moderiert und erscheinen erst nach einer Prüfung.",
    "Please note that comments are moderated and may take a day to appear on the site.",
    "Dir hat der Artikel gefallen? Dann teile ihn mit deinen Freunden!",
    "Bei den Links in diesem Text handelt es sich um Affiliate-Links, für die wir eine "
    "Provision erhalten können.",
    "Advertising disclosure: we may receive compensation for some of the links on this page.",
    "Abbildung 2: Der neue Haushalt nach Bereichen, wie ihn die Verwaltung vorgelegt hat.",
    "Dieser Beitrag wurde am 3. Mai von der Redaktion veröffentlicht.",
    "This entry was posted in Stadt and tagged Haushalt, Rat.",
    "Cette entrée a été publiée dans Ville le 3 mars 2021 par Jeanne.",
    "Themen: Stadtrat, Haushalt, Schulen",
    "Inhaltsverzeichnis",
    "Rezept drucken",
    # "you may also like" boxes, feedback prompts, controls, a server's error
    "Esto te puede interesar",
    "También: ( Presupuesto municipal aprobado )",
    "Como você se sentiu com essa matéria?",
    "Link zur Diskussion Zu Favoriten hinzufügen",
    "Über diesen Blog",
    "Learn about our editorial policies",
    "Warning: Undefined variable $post in /var/www/html/wp-content/themes/site/single.php on "
    "line 41",
])
def test_notes_about_the_page_inside_the_article_are_dropped(line):
    ex = extract_text(seite().replace(ARTIKEL[2], f"{line}\n\n{ARTIKEL[2]}"))
    assert body_texts(ex.body) == ARTIKEL


def test_a_sentence_that_quotes_a_notice_on_a_line_of_a_letter_is_kept():
    line = ("Notice: the council warned residents on line 5 of its letter that the road "
            "will close in June, and the notice was posted in every shop on the street.")
    ex = extract_text(seite().replace(ARTIKEL[2], f"{line}\n\n{ARTIKEL[2]}"))
    assert line in body_texts(ex.body)


# A gallery of other stories as a news site sets it into an article: each slide under its own
# headline, with a caption and its picture's credit.
SLIDES = [
    ("Neue Ampel an der Schulstraße", "Die Stadt hat an der Kreuzung vor der Grundschule eine "
     "Ampel aufgestellt, die ab Montag den Verkehr am Morgen regeln soll, wie es heißt."),
    ("Museum zeigt alte Bilder", "In der neuen Ausstellung sind Fotos von Straßen, Festen und "
     "Fabriken zu sehen, die Bürgerinnen und Bürger dem Museum geliehen haben."),
    ("Handballerinnen gewinnen Derby", "Vor voller Halle setzte sich die Mannschaft am "
     "Samstagabend nach einer spannenden zweiten Hälfte mit drei Toren Vorsprung durch."),
    ("Sturm bringt kühle Luft", "Für die Nacht zum Donnerstag erwartet der Wetterdienst "
     "kräftige Böen, die Feuerwehr rät, lose Gegenstände im Garten zu sichern."),
]


def gallery(counter: str, titled: bool = True) -> str:
    total = len(SLIDES)
    return "\n\n".join(
        f"{counter.format(n=n, total=total)} {title}\n\n{caption}\n\nFoto: Agentur" if titled
        else f"{counter.format(n=n, total=total)}\n{caption}"
        for n, (title, caption) in enumerate(SLIDES, 1))


@pytest.mark.parametrize("counter", ["{n}/{total}", "{n} of {total}", "Bild {n} von {total}:",
                                     "{n} / {total}"])
def test_a_gallery_of_stories_inside_the_article_is_dropped_and_the_article_kept(counter):
    text = seite().replace(ARTIKEL[2], f"Die Stadt in Bildern\n\n{gallery(counter)}\n\n"
                                       f"{ARTIKEL[2]}")
    assert body_texts(extract_text(text).body) == ARTIKEL


def test_a_gallery_of_stories_below_the_article_is_dropped():
    assert body_texts(extract_text(seite(gallery("{n}/{total}"))).body) == ARTIKEL


def test_the_article_s_own_pictures_or_steps_under_bare_counters_stay():
    # "2 of 4" and a caption: the article's pictures, or a recipe's steps, not other stories
    text = seite().replace(ARTIKEL[2], f"{gallery('{n} of {total}', titled=False)}\n\n"
                                       f"{ARTIKEL[2]}")
    body = body_texts(extract_text(text).body)
    assert all(caption in body for _, caption in SLIDES) and ARTIKEL[2] in body


def test_a_slideshow_that_is_the_article_stays():
    text = ("Startseite\nPolitik\nSport\n\nDie Stadt in Bildern\n\n"
            "Ein Rückblick auf die Woche.\n\n" + gallery("{n}/{total}") + "\n")
    body = body_texts(extract_text(text).body)
    assert all(caption in body for _, caption in SLIDES)


@pytest.mark.parametrize("lines", [
    ["1/2 Tasse Mehl und eine Prise Salz", "2/3 Tasse Zucker", "3/4 Tasse Milch"],
    ["1/12 Konzert im Park", "2/12 Lesung in der Bibliothek", "3/12 Markt am Rathaus"],
])
def test_fractions_and_dates_are_no_slide_counters(lines):
    # a recipe's amounts, a list of dates (packed, one to a line): the article's own lists
    text = seite().replace(ARTIKEL[2], "Für den Kuchen braucht man Folgendes:\n"
                           + "\n".join(lines) + f"\n\n{ARTIKEL[2]}")
    body = body_texts(extract_text(text).body)
    assert all(line in body for line in lines)


@pytest.mark.parametrize("heading", ["There are 3 comments", "There is 1 reply"])
def test_a_blog_theme_s_comment_count_starts_the_comments(heading):
    comments = "\n\n".join(
        f"Leser{n} · 3. Mai 2021 at 9:1{n} AM\n\nIch finde, der Rat hätte das Geld lieber in "
        f"die Busse und in die Radwege stecken sollen, die in der Stadt seit Jahren fehlen.\n"
        f"Report\n\nReply" for n in range(3))
    assert body_texts(extract_text(seite(heading, comments)).body) == ARTIKEL


# an article long enough that a box under it is a small part of the page
COLUMN = [*STORY, " ".join(ARTICLE), " ".join(STORY[1:])]
BIO = ("Jane Roe has reported on local government for the Harbour Gazette since 2015 and "
       "writes its weekly column on the city's budget.")


@pytest.mark.parametrize("box", [
    f"About Jane Roe\n\n{BIO}",
    f"Jane Roe\n\n{BIO}",
    "Jane Roe\n\nJane joined the paper in 2015 and covers the council, the courts and the "
    "schools of the city and its county.",
    "Jane Roe\n\nI am a reporter, a former teacher and a keen cyclist, and I write about the "
    "council, the courts and the schools.",
    "Über Jane Roe\n\nJane Roe ist Redakteurin im Ressort Stadt und schreibt über den Rat, die "
    "Gerichte und die Schulen.",
])
def test_the_box_about_the_author_under_the_article_is_not_article_text(box):
    page = ("Council approves budget\n\nBy Jane Roe\n\n" + "\n\n".join(COLUMN)
            + f"\n\n{box}\n")
    assert body_texts(extract_text(page).body) == COLUMN


def test_a_closing_paragraph_that_starts_with_the_bylines_name_is_her_biography():
    bio = "Jane Roe (jane@example.com) is the editor of the Harbour Gazette's city pages."
    page = "Council approves budget\n\nBy Jane Roe\n\n" + "\n\n".join(COLUMN) + f"\n\n{bio}\n"
    assert body_texts(extract_text(page).body) == COLUMN


def test_a_section_on_a_person_that_the_article_goes_on_after_stays():
    # a name over a paragraph on that person, and more of the article below: no box
    end = ["John Smith", "John Smith is the council's treasurer and will present the budget "
           "to the city's residents at a public meeting next week."]
    page = ("Council approves budget\n\nBy Jane Roe\n\n" + "\n\n".join(STORY[:3]) + "\n\n"
            + "\n\n".join(end) + "\n\n" + STORY[3] + "\n")
    assert body_texts(extract_text(page).body) == [*STORY[:3], *end, STORY[3]]


@pytest.mark.parametrize("credit", ["Doug Mills/The Example Times", "Michael Roe, AP", "GETTY",
                                    "New York State Registry via AP"])
def test_a_credit_right_under_a_caption_goes_with_the_caption(credit):
    caption = "Council members vote on the budget in the chamber on Monday afternoon."
    page = ("Council approves budget\n\n" + "\n\n".join(STORY[:2]) + f"\n\n{caption}\n{credit}"
            "\n\n" + "\n\n".join(STORY[2:]) + "\n")
    assert body_texts(extract_text(page).body) == STORY


def test_a_heading_of_names_over_a_paragraph_is_no_credit():
    # "Name Name/Name" with a blank line above is a heading of the article's own
    heading = "Black Friday/Cyber Monday Deals"
    page = ("Council approves budget\n\n" + "\n\n".join(STORY[:2]) + f"\n\n{heading}\n"
            + "\n\n".join(STORY[2:]) + "\n")
    assert heading in body_texts(extract_text(page).body)


@pytest.mark.parametrize("credit", [
    "Jane Roe contributed reporting from Kyiv.",
    "Example News' John Smith contributed to this report.",
    "(Reporting by Jane Roe; Editing by John Smith)",
    "Follow The Example Times Opinion section on Facebook, Twitter and Instagram.",
])
def test_credits_and_follow_prompts_under_the_article_are_not_article_text(credit):
    page = "Council approves budget\n\n" + "\n\n".join(STORY) + f"\n\n{credit}\n"
    assert body_texts(extract_text(page).body) == STORY


def test_a_card_for_another_story_set_inside_the_article_is_not_article_text():
    # a headline printed twice in one block (the picture's link and the title), its teaser
    card = ("Business\nMayor opens the new bridge over the river\nBusiness\n"
            "Mayor opens the new bridge over the river\nThe bridge, two years in the making, "
            "carries four lanes of traffic.")
    page = ("Council approves budget\n\n" + "\n\n".join(STORY[:3]) + f"\n\n{card}\n\n"
            + STORY[3] + "\n")
    assert body_texts(extract_text(page).body) == STORY


def test_a_headline_printed_twice_over_the_lead_keeps_the_lead():
    # at the top of the page, the title and the headline over the article's lead: no card
    page = ("Council approves budget\nCouncil approves budget\n" + STORY[0] + "\n\n"
            + "\n\n".join(STORY[1:]) + "\n")
    assert body_texts(extract_text(page).body)[0] == STORY[0]


def test_a_caption_above_its_bracketed_credit_is_not_article_text():
    caption = "An artist's illustration of the new bridge over the river at night."
    page = ("Council approves budget\n\n" + "\n\n".join(STORY[:2]) + f"\n\n{caption}\n"
            "(Image: © City Council/Jane Doe)\n\n" + "\n\n".join(STORY[2:]) + "\n")
    assert body_texts(extract_text(page).body) == STORY


@pytest.mark.parametrize("heading", ["Související články", "Läs också", "Lue myös",
                                     "Temas relacionados", "İlgili Haberler", "Citește și",
                                     "相关新闻", "関連記事"])
def test_a_related_heading_in_more_languages_ends_the_article(heading):
    cards = "\n\n".join(["Mayor opens the new bridge over the river",
                         "Storm closes the coast road for a day",
                         "Local team wins the cup after extra time"])
    page = "Council approves budget\n\n" + "\n\n".join(STORY) + f"\n\n{heading}\n\n{cards}\n"
    assert body_texts(extract_text(page).body) == STORY


def test_a_slideshow_whose_counters_are_glued_to_its_captions_is_not_article_text():
    slides = "\n\n".join(
        f"{n}of3A shopper looks at the extension cords on the shelves of the hardware store in "
        f"the town centre on Tuesday, a day before the power was due to be cut." for n in (1, 2, 3))
    page = f"Council approves budget\n\n{slides}\n\n" + "\n\n".join(STORY) + "\n"
    assert body_texts(extract_text(page).body) == STORY


def test_short_lines_under_the_last_paragraph_are_not_article_text():
    # the reporter's name in capitals, a section label, another story's headline
    page = ("Council approves budget\n\n" + "\n\n".join(STORY)
            + "\n\nJANE ROE\n\nNews\n\nForecast: a break in the rain, but for how long?\n")
    assert body_texts(extract_text(page).body) == STORY


def test_a_list_the_last_paragraph_announces_stays_with_the_article():
    page = ("Council approves budget\n\n" + "\n\n".join(STORY[:3])
            + "\n\nThe budget pays for three new things:\nA bridge\nA school\nA clinic\n")
    assert body_texts(extract_text(page).body)[-3:] == ["A bridge", "A school", "A clinic"]


def test_a_caption_that_ends_with_its_copyright_credit_is_not_article_text():
    caption = "Council members vote on the budget in the chamber on Monday. © Example Gazette"
    page = ("Council approves budget\n\n" + "\n\n".join(STORY[:2]) + f"\n\n{caption}\n\n"
            + "\n\n".join(STORY[2:]) + "\n")
    assert body_texts(extract_text(page).body) == STORY


def test_a_list_of_entries_of_one_form_under_a_heading_below_the_article_is_kept():
    entries = ["England (Group A): 10th appearance", "Ukraine (Group B): Third appearance",
               "Spain (Group F): 11th appearance", "Wales (Group E): Second appearance"]
    page = ("Council approves budget\n\n" + "\n\n".join(STORY) + "\n\nQualified teams\n"
            + "\n".join(entries) + "\nJane Roe\nSports Writer\nfollow\n")
    body = body_texts(extract_text(page).body)
    assert body[-4:] == entries and "Sports Writer" not in body


def test_a_menu_of_sections_with_counts_below_the_article_is_not_kept():
    menu = ["Politik (23)", "Sport (5)", "Kultur (12)", "Reisen (7)"]
    page = ("Council approves budget\n\n" + "\n\n".join(STORY) + "\n\nKategorien\n"
            + "\n".join(menu) + "\n")
    assert body_texts(extract_text(page).body) == STORY


def test_share_buttons_below_the_article_are_no_list_of_entries():
    buttons = ["Click to share on Facebook (Opens in new window)",
               "Click to share on Twitter (Opens in new window)",
               "Click to email this to a friend (Opens in new window)"]
    page = ("Council approves budget\n\n" + "\n\n".join(STORY) + "\n\nShare this:\n"
            + "\n".join(buttons) + "\n")
    assert body_texts(extract_text(page).body) == STORY


def test_markup_printed_as_text_is_not_article_text():
    ad = ('<div><a href="https://ad.example.net/jump/site;sz=728x90"><img '
          'src="https://ad.example.net/ad/site;sz=728x90" border="0"></a></div>')
    page = ("Council approves budget\n\n" + "\n\n".join(STORY[:2]) + f"\n\n{ad}\n\n"
            + "\n\n".join(STORY[2:]) + "\n")
    assert body_texts(extract_text(page).body) == STORY


def test_a_recipe_card_under_the_article_is_kept_without_its_chrome():
    card = ("Spiced Pear Jam\nPrint\nIngredients\n8-9 ripe pears, cored and peeled\n"
            "1 lemon, or about 1/4 cup lemon juice\n6 tbsp fruit pectin powder\n"
            "1 tsp cinnamon\nInstructions\nCore, peel and cube the pears and put them in a pot.\n"
            "© Jane Roe\nYou may also like:\n")
    page = "Council approves budget\n\n" + "\n\n".join(STORY) + f"\n{card}"
    body = body_texts(extract_text(page).body)
    assert body[:len(STORY)] == STORY
    assert "1 tsp cinnamon" in body
    assert "Core, peel and cube the pears and put them in a pot." in body
    assert "Print" not in body and "© Jane Roe" not in body


def test_a_menu_under_the_article_is_no_recipe_card():
    menu = "More\nSections\nNews\nSport\nCulture\nTravel\n"
    page = "Council approves budget\n\n" + "\n\n".join(STORY) + f"\n{menu}"
    assert body_texts(extract_text(page).body) == STORY
