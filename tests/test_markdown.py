"""Article bodies to HTML: scraped text stays text, links stay safe, plain URLs stay as written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from digest import markdown


def test_raw_html_is_escaped_not_passed_through():
    html = markdown.render("Hi <script>alert(1)</script>\n\n<div onclick=x>block</div>\n")
    assert "<script>" not in html and "<div" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_dangerous_link_schemes_are_not_links():
    html = markdown.render("[a](javascript:alert(1)) [b](vbscript:x) [c](file:///etc/passwd)")
    assert "href" not in html


def test_tables_and_strikethrough_are_rendered():
    html = markdown.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~\n")
    assert "<td>1</td>" in html and "<s>gone</s>" in html


def test_urls_that_need_encoding_are_still_normalised():
    html = markdown.render("[a](<https://bücher.example/straße?q=a b>)")
    assert 'href="https://xn--bcher-kva.example/stra%C3%9Fe?q=a%20b"' in html


_REFERENCE = MarkdownIt("commonmark")


@settings(max_examples=300, deadline=None)
@given(st.from_regex(markdown.PLAIN_URL, fullmatch=True).filter(lambda u: len(u) < 256))
def test_plain_urls_are_ones_markdown_it_leaves_unchanged(url: str) -> None:
    """The shortcut past markdown-it's normaliser gives what the normaliser would."""
    assert _REFERENCE.normalizeLink(url) == url


def test_same_html_as_plain_markdown_it_for_links():
    reference = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    body = ("See [the report](https://news.example/2023/08/report.html?id=7#top), "
            "[home](/), [Ünïcode](https://ünï.example/ä), <https://auto.example/x> and "
            "![chart](https://img.example/c.png \"Chart\"), [enc](https://x.example/%7e), "
            "[user](https://user@x.example/), [long](https://x.example/" + "a" * 300 + ").\n")
    assert markdown.render(body) == reference.render(body)
