"""The site a headline's tail names after a bar.
"""

from __future__ import annotations

import pytest

from tests.ingest.outlets.sample import EN, RU, UK, outlet_of, page


@pytest.mark.parametrize("body, headline, name", [
    (EN, "Air defence systems deployed near the capital | Meduza", "Meduza"),
    (UK, "Системи ППО розгорнули біля столиці | Українська правда", "Ukrainska Pravda"),
    (RU, "Системы ПВО развернули у столицы | Новая газета", "Novaya Gazeta"),
])
def test_a_title_tail_after_a_bar_names_the_site(body, headline, name):
    assert outlet_of(page(body, headline=headline)) == (name, "title")
