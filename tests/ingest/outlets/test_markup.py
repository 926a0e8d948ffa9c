"""An HTML page's visible text and head, read safely from hostile markup.
"""

from __future__ import annotations

import pytest

from digest.ingest import outlets


def test_the_footer_text_leaves_out_scripts_and_styles():
    html = ("<p>a</p><script>var x = '<p>© 2023 Reuters</p>'</script><style>p {}</style >"
            "<p>© 2023 Kyiv Post</p>")
    assert outlets.footer_lines(html) == ["a", "© 2023 Kyiv Post"]


@pytest.mark.parametrize("html", ["<html><head>" + "<link " * 60_000, "<title>" * 50_000,
                                  "<script>" * 30_000, "<" * 300_000,
                                  '"publisher": {' * 20_000])
def test_a_hostile_page_gives_no_outlet_and_does_not_hang(html):
    assert outlets.from_html(outlets.HtmlPage(html), outlets.registry()) is None
