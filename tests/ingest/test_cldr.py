"""The month and weekday names shipped with the package are CLDR's, as Babel gives them."""

import babel
import pytest

from digest.ingest import cldr, dates


def test_the_shipped_names_are_the_installed_babels():
    shipped = cldr.load()
    if shipped["babel"] != babel.__version__:
        pytest.skip(f"names extracted from Babel {shipped['babel']}, Babel "
                    f"{babel.__version__} installed: run 'python3 -m digest.ingest.cldr'")
    assert shipped == cldr.extract(cldr.LANGUAGES)


def test_every_language_read_is_shipped():
    shipped = cldr.load()
    assert set(cldr.LANGUAGES) <= set(shipped)
    assert dates.MONTHS["outubro"] == 10 and dates.MONTHS["серпня"] == 8
