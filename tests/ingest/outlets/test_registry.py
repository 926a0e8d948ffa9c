"""The shipped registry, names and domains looked up in it, and digest.yaml's ``sources``
winning over it.
"""

from __future__ import annotations

import json
import zoneinfo
from importlib import resources

import pytest

from digest.config import Config, Source
from digest.ingest import outlets
from digest.ingest.textdump import extract_text
from tests.ingest.outlets.sample import EN, UK, outlet_of, page


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


@pytest.mark.parametrize("top, name", [
    ("EL PAÍS", "El País"),  # the logo, in the outlet's own capitals
    ("El País", "El País"),
    ("El país", None),  # "the country": a section of any Spanish paper
    ("El mundo", None),  # "the world"
])
def test_a_name_that_is_a_common_phrase_matches_only_in_its_own_case(top, name):
    assert outlet_of(page(EN, top="\n" + top + "\n"))[0] == name


def test_a_short_capitals_name_matches_only_in_capitals():
    reg = outlets.registry()
    assert reg.find("Sign up for our newsletter") == []
    assert [s.name for s, _, _ in reg.find("Support UP or become our patron")] == [
        "Ukrainska Pravda"]
    assert reg.find("the hill behind the village") == []  # "The Hill" only as written


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


@pytest.mark.parametrize(("text", "name"), [
    ("Kyiv Post", "Kyiv Post"), ("Київ Пост", "Kyiv Post"), ("kyivpost.com", "Kyiv Post"),
    ("www.kyivpost.com", "Kyiv Post"), ("misc", None), ("news", None), ("raw", None),
])
def test_an_outlet_is_named_by_its_name_an_alias_or_a_domain(text, name):
    found = outlets.registry().named(text)
    assert (found.name if found else None) == name
