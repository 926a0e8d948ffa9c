import pytest

from digest.fetch.urls import BadURL, file_stem, normalise


@pytest.mark.parametrize("given, expected", [
    ("HTTP://Example.COM:80/a/b?utm_source=x&id=3&fbclid=1#frag", "http://example.com/a/b?id=3"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com:8443/x?gclid=9&utm_medium=feed", "https://example.com:8443/x"),
    ("https://пример.рф/новости", "https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"),
    ("https://example.com/a%20b?q=%D0%B0", "https://example.com/a%20b?q=%D0%B0"),
])
def test_tracking_parameters_fragments_and_spelling_are_normalised(given, expected):
    assert normalise(given) == expected


def test_relative_links_resolve_against_the_page():
    assert normalise("../b?x=1", base="https://e.com/a/c") == "https://e.com/b?x=1"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://e.com/a", "javascript:alert(1)",
                                 "mailto:a@e.com", "http:///nohost", "https://u:p@e.com/",
                                 "http://e.com:99999/"])
def test_anything_but_http_with_a_host_is_refused(url):
    with pytest.raises(BadURL):
        normalise(url)


def test_file_names_come_from_the_url_only_and_stay_safe():
    folder, stem = file_stem(normalise("http://127.0.0.1:8080/../../etc/passwd?a=1"))
    assert folder == "127.0.0.1_8080"
    assert "/" not in stem and ".." not in stem
    a = file_stem(normalise("https://e.com/news/story?page=1"))
    b = file_stem(normalise("https://e.com/news/story?page=2"))
    assert a != b and a[1].startswith("news-story-")
