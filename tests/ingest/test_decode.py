"""Raw bytes in any encoding a scraper saves come out as the same clean text."""

from __future__ import annotations

import codecs

import pytest

from digest.ingest.decode import NotTextError, decode, repair_mojibake

RU = "Россия и Украина. Щедрый вечер, съешь же ещё этих мягких французских булок, да выпей чаю."
UK = "Київ — столиця України. Їжак, щастя, Європа і ґанок: усе це українською мовою."
EN = "The US Department of State has reported that Russia seeks closer cooperation."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RU, "cp1251"),
        (UK, "cp1251"),
        (RU, "koi8_r"),
        (RU, "utf-16-le"),
        (RU, "utf-16-be"),
        (EN, "utf-16-le"),
        (EN, "utf-16-be"),
        (UK, "utf-32-le"),
        (RU, "utf-8"),
    ],
)
def test_undeclared_encodings_are_detected(tmp_path, text, encoding):
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(encoding))
    assert decode(path.read_bytes()).text == text


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_are_honoured_and_dropped(bom, encoding):
    assert decode(bom + UK.encode(encoding)).text == UK


def test_short_cyrillic_lines_are_not_mistaken_for_other_scripts():
    assert decode("Привет мир".encode("cp1251")).text == "Привет мир"
    assert decode("Привет мир".encode("koi8_r")).text == "Привет мир"


def test_declared_html_charset_is_used():
    html = '<html><head><meta charset="windows-1251"></head><body><p>' + RU + "</p>"
    assert RU in decode(html.encode("cp1251")).text


def test_a_wrong_declaration_falls_back_to_detection():
    html = '<meta charset="utf-8"><p>' + RU + "</p>"
    assert RU in decode(html.encode("cp1251")).text


def test_western_single_byte_text_keeps_its_accents():
    text = "Ärger über Straße, schöne Grüße aus München"
    assert decode(text.encode("cp1252")).text == text


def test_utf8_read_as_cp1251_is_repaired():
    broken = RU.encode("utf-8").decode("cp1251")
    assert broken.startswith("Р\xa0РѕСЃСЃРёСЏ")
    decoded = decode(broken.encode("utf-8"))
    assert decoded.text == RU
    assert decoded.repaired
    assert repair_mojibake(broken.replace("\xa0", " ")) == (RU, True)  # NBSP lost on the way


def test_utf8_read_as_latin1_is_repaired():
    broken = UK.encode("utf-8").decode("latin-1")
    assert broken.startswith("Ð\x9a")
    assert decode(broken.encode("utf-8")).text == UK
    assert repair_mojibake("CafÃ© dÃ©jÃ  vu â€” naÃ¯ve") == ("Café déjà vu — naïve", True)


def test_mojibake_in_one_line_is_repaired_without_touching_good_lines():
    broken = "Хорошая строка.\n" + UK.encode("utf-8").decode("cp1251") + "\nЕщё одна."
    assert repair_mojibake(broken) == ("Хорошая строка.\n" + UK + "\nЕщё одна.", True)


def test_correct_cyrillic_is_left_alone():
    assert repair_mojibake(RU) == (RU, False)
    assert repair_mojibake("Сергей Шойгу, Россия — Рим") == ("Сергей Шойгу, Россия — Рим", False)


def test_nuls_controls_and_newlines_are_cleaned():
    raw = ("line one\r\nline\x00 two\rline\x0b three\x1f\n" + EN * 3).encode("utf-8")
    text = decode(raw).text
    assert text.startswith("line one\nline two\nline three\n")
    assert not any(ch in text for ch in "\x00\x0b\x1f\r")


def test_bidi_overrides_and_zero_width_spaces_are_removed():
    coder = "\U0001f468\u200d\U0001f4bb"  # ZWJ sequence: kept
    text = decode(f"Safe\u202etxt.exe and zero\u200bwidth, {coder}".encode()).text
    assert text == f"Safetxt.exe and zerowidth, {coder}"


def test_text_is_nfc():
    assert decode("Cafe\u0301".encode()).text == "Caf\u00e9"


def test_empty_file_is_empty_text():
    assert decode(b"").text == ""


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"%PDF-1.7\n" + bytes(range(256)) * 4,
        bytes(range(256)) * 40,
        b"\x00\x01\x02\x03" * 1000,
    ],
)
def test_binary_files_are_refused_clearly(data):
    with pytest.raises(NotTextError, match="not text"):
        decode(data)
