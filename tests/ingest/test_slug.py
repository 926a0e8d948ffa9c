"""Slugs are ASCII, read as Ukrainians and Russians spell their names, and unique."""

from __future__ import annotations

import pytest

from digest.ingest.slug import MAX_LENGTH, slugify, unique_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Щастя", "shchastia"),
        ("Гнат і Ґанок", "hnat-i-ganok"),
        ("Єнакієве, Київ, Європа", "yenakiieve-kyiv-yevropa"),
        ("Їжакевич, Україна", "yizhakevych-ukraina"),
        ("Йосипівка, Андрій", "yosypivka-andrii"),
        ("Юрій, Костюк", "yurii-kostiuk"),
        ("Яготин, Біла Церква", "yahotyn-bila-tserkva"),
        ("Зеленський зустрівся з Байденом", "zelenskyi-zustrivsia-z-baidenom"),
        ("Згорани", "zghorany"),
        ("м'ясо та пам’ять", "miaso-ta-pamiat"),
    ],
)
def test_ukrainian_uses_the_national_system(title, slug):
    assert slugify(title, "uk") == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Щука", "shchuka"),
        ("Хабаровск", "khabarovsk"),
        ("Рыба и эхо", "ryba-i-ekho"),
        ("Ёлка", "elka"),
        ("Жук, царь, чай, шар", "zhuk-tsar-chay-shar"),
        ("Юла и яма", "yula-i-yama"),
        ("Объявление о подъезде", "obyavlenie-o-podezde"),
        ("Генштаб", "genshtab"),
    ],
)
def test_russian_uses_its_own_system(title, slug):
    assert slugify(title, "ru") == slug


def test_language_is_guessed_from_letters_when_unknown():
    assert slugify("Генштаб ЗСУ: ситуація на фронті") == "henshtab-zsu-sytuatsiia-na-fronti"
    assert slugify("Генштаб объявил") == "genshtab-obyavil"


def test_other_scripts_go_through_anyascii():
    assert slugify("Ελληνικά νέα") == "ellinika-nea"
    assert slugify("北京") == "beijing"


def test_english_titles_keep_their_words():
    title = "Russia seeks to increase military cooperation with North Korea"
    assert slugify(title, "en") == "russia-seeks-to-increase-military-cooperation-with-north-korea"
    assert slugify("Don't stop — it’s 2023!") == "dont-stop-its-2023"


@pytest.mark.parametrize("title", ["../../etc/passwd", "/absolute/path", "a\x00b", "CON", "..."])
def test_slugs_hold_only_safe_characters(title):
    slug = slugify(title)
    assert slug and all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in slug)
    assert not slug.startswith("-") and ".." not in slug


def test_empty_or_symbol_titles_get_a_fallback():
    assert slugify("") == "article"
    assert slugify("!!! ???") == "article"


def test_long_titles_are_cut_at_a_word_boundary():
    slug = slugify("word " * 40)
    assert len(slug) <= MAX_LENGTH
    assert slug.endswith("word")


def test_unique_slug_counts_up_in_the_folder(tmp_path):
    assert unique_slug(tmp_path, "news") == "news"
    (tmp_path / "news.md").write_text("x")
    assert unique_slug(tmp_path, "news") == "news-2"
    (tmp_path / "news-2.md").write_text("x")
    assert unique_slug(tmp_path, "news") == "news-3"
    assert unique_slug(tmp_path, "news", taken={"news-3"}) == "news-4"
