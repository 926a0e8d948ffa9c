"""Outlets an article cites are not its publisher.
"""

from __future__ import annotations

from tests.ingest.outlets.sample import outlet_of, page


def test_outlets_the_article_cites_are_not_its_publisher():
    body = [
        "Russia launched 17 drones overnight, according to Reuters, and The Hill reported that "
        "Washington was preparing a new package of air defence systems for the country.",
        "The New York Times, citing American officials, wrote that the counteroffensive was "
        "moving slowly, as reported by CNN on the same day.",
    ]
    text = page(body, headline="Ukrainians disperse forces, change of tactic needed – NYT",
                top="Source: The New York Times")
    assert outlet_of(text)[0] is None
    assert outlet_of(page(body, bottom="© 2023 Kyiv Post"))[0] == "Kyiv Post"
