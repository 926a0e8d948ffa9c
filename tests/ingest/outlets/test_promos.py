"""An outlet's own promos, its first-person promos and its authors' bios name it; a link
out to another outlet or a promo that only quotes one does not.
"""

from __future__ import annotations

import pytest

from tests.ingest.outlets.sample import EN, RU, UK, outlet_of, page


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


def test_an_authors_bio_names_the_outlet():
    text = page(EN, bottom="Phil Helsel is a reporter for NBC News.")
    assert outlet_of(text) == ("NBC News", "staff")


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
