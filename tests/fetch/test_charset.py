from digest.fetch.charset import UTF8_BOM, as_saved, header_charset
from digest.ingest.decode import decode

TEXT = ("<html><body><p>Кабінет міністрів ухвалив рішення спрямувати додаткові кошти на "
        "відновлення енергетики перед зимою.</p></body></html>")


def test_the_header_charset_is_parsed_and_checked():
    assert header_charset("text/html; charset=Windows-1251") == "cp1251"
    assert header_charset('text/html; charset="utf-8"') == "utf-8"
    assert header_charset("text/html; charset=nonsense") is None
    assert header_charset("text/html") is None


def test_bytes_ingest_reads_right_on_their_own_are_kept_as_served():
    for data, content_type in ((TEXT.encode("cp1251"), "text/html"),
                               (TEXT.encode("cp1251"), "text/html; charset=windows-1251"),
                               (TEXT.encode("utf-8"), "text/html; charset=utf-8")):
        assert as_saved(data, content_type) == (data, None)


def test_a_header_charset_ingest_would_not_guess_wins_through_a_bom():
    # The page's own (wrong) meta says latin-1, which decodes any bytes: only the header is right.
    served = TEXT.replace("<body>", '<head><meta charset="iso-8859-1"></head><body>')
    served = served.encode("cp1251")
    saved, charset = as_saved(served, "text/html; charset=windows-1251")
    assert charset == "cp1251" and saved.startswith(UTF8_BOM)
    assert "Кабінет міністрів" in decode(saved).text
    assert "Кабінет міністрів" not in decode(served).text


def test_a_page_served_as_latin_1_keeps_its_windows_1252_quotes():
    # Servers that say latin-1 send windows-1252; ingest reads it so, and so must fetch.
    served = ("<html><body><p>" + "He said \u201chello\u201d to the caf\u00e9 owner. " * 20
              + "</p></body></html>").encode("cp1252")
    saved, _ = as_saved(served, "text/html; charset=ISO-8859-1")
    assert "\u201chello\u201d" in decode(saved).text
