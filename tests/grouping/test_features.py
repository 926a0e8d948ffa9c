"""Story features: the same names and numbers give the same keys in English, Ukrainian, Russian."""

from __future__ import annotations

from digest.grouping.features import extract, script_of, skeleton


def names(title: str, body: str = "") -> frozenset[str]:
    return extract(title, body).names


def test_a_name_gives_one_key_in_latin_and_cyrillic_spellings_and_case_forms():
    assert skeleton("Zelensky") == skeleton("Зеленський") == skeleton("Зеленский") \
        == skeleton("Зеленского") == skeleton("Zelenskyy")
    assert skeleton("Prigozhin") == skeleton("Пригожин") == skeleton("Пригожина")
    assert skeleton("Sullivan") == skeleton("Салліван")
    assert skeleton("Crimea") == skeleton("Крим") == skeleton("Крым") == skeleton("Криму")
    assert skeleton("Wagner") == skeleton("Вагнер")
    assert skeleton("Yevgeny") == skeleton("Евгений")
    assert skeleton("Kharkiv") == skeleton("Харків") == skeleton("Харьков")
    # Ukrainian г is h, Russian г is g; Є reads "Ie"; German and Cyrillic z sounds
    assert skeleton("Shmyhal") == skeleton("Шмигаль") == skeleton("Шмыгаль")
    assert skeleton("Yermak") == skeleton("Єрмак") == skeleton("Ермак")
    assert skeleton("Scholz") == skeleton("Шольц") == skeleton("Шольца")
    assert skeleton("Israel") == skeleton("Ізраїль") == skeleton("Израиль")
    # adjective-like surnames decline: "Залужного", "Навальному"
    assert skeleton("Zaluzhnyi") == skeleton("Залужний") == skeleton("Залужного")
    assert skeleton("Navalny") == skeleton("Навальний") == skeleton("Навальному")


def test_words_no_transliteration_turns_into_english_meet_the_english_form():
    assert names("Польща і Угорщина проти, заявили в США") \
        == names("Poland and Hungary object, the US said")
    shared = names("Саміт НАТО: Білий дім відповів") & names("NATO summit: White House replies")
    assert shared >= {"n:nato", "n:" + skeleton("White")}
    assert names("Франциск") != names("France")  # a case ending, not any continuation


def test_different_names_keep_different_keys():
    keys = {skeleton(w) for w in ("Zelensky", "Prigozhin", "Sullivan", "Crimea", "Danilov",
                                  "Assange", "Europa")}
    assert len(keys) == 7


def test_the_same_report_in_three_languages_shares_its_names_and_numbers():
    en = extract("Netherlands to send 18 F-16 jets, Zelensky says",
                 "President Volodymyr Zelensky said on Sunday in Eindhoven that Ukraine will "
                 "get 18 F-16 fighter jets from the Netherlands.")
    uk = extract("Нідерланди передадуть 18 літаків F-16, — Зеленський",
                 "Президент Володимир Зеленський заявив у неділю в Ейндговені, що Україна "
                 "отримає від Нідерландів 18 винищувачів F-16.")
    ru = extract("Нидерланды передадут 18 самолетов F-16, — Зеленский",
                 "Президент Владимир Зеленский заявил в воскресенье в Эйндховене, что Украина "
                 "получит от Нидерландов 18 истребителей F-16.")
    shared = en.keyset(True) & uk.keyset(True) & ru.keyset(True)
    assert {"d:18", "d:f16", "n:" + skeleton("Zelensky"), "n:" + skeleton("Ukraine"),
            "n:" + skeleton("Volodymyr")} <= shared
    assert en.script == "latin" and uk.script == ru.script == "cyrillic"


def test_a_capitalised_word_the_text_also_writes_in_lower_case_is_not_a_name():
    found = names("The talks", "The minister said the talks went well. Talks resume in Geneva.")
    assert "n:" + skeleton("Geneva") in found
    assert "n:" + skeleton("The") not in found and "n:" + skeleton("Talks") not in found


def test_abbreviations_without_a_common_transliteration_come_from_the_lexicon():
    assert "n:us" in names("США", "Посол США заявив.")
    assert "n:us" in names("US", "The US ambassador said.")
    assert "n:nato" in names("НАТО", "Саміт НАТО.") & names("NATO", "The NATO summit.")


def test_one_digit_numbers_say_nothing_and_digits_keep_their_letters():
    found = extract("Title", "On 5 May 2023 the F-16 and 880 million arrived.").numbers
    assert found == {"d:2023", "d:f16", "d:880"}


def test_features_are_a_pure_function_of_the_text():
    args = ("Sweden drops Assange rape investigation",
            "Swedish prosecutors dropped the investigation on Tuesday.", "en")
    assert extract(*args) == extract(*args)


def test_script_is_the_alphabet_of_most_letters():
    assert script_of("Війна в Україні, says CNN") == "cyrillic"
    assert script_of("The war in the east, Україна") == "latin"
