"""The month and weekday names shipped with the package are CLDR's, as Babel gives them."""

import babel
import pytest

from digest.ingest import cldr, dates

READ = cldr.LANGUAGES + cldr.WORLD_LANGUAGES


def test_the_shipped_names_are_the_installed_babels():
    shipped = cldr.load()
    if shipped["babel"] != babel.__version__:
        pytest.skip(f"names extracted from Babel {shipped['babel']}, Babel "
                    f"{babel.__version__} installed: run 'python3 -m digest.ingest.cldr'")
    assert shipped == cldr.extract(READ)


def test_every_language_read_is_shipped():
    shipped = cldr.load()
    assert set(READ) <= set(shipped)
    assert dates.MONTHS["outubro"] == 10 and dates.MONTHS["серпня"] == 8
    assert dates.MONTHS["oktober"] == 10 and dates.MONTHS["نوفمبر"] == 11


def test_no_month_name_of_one_language_is_another_month_in_another():
    # a name two languages gave different months would be dropped from both: adding a
    # language must never cost a name the others already read
    months: dict[str, set[int]] = {}
    for language in READ:
        for width in cldr.WIDTHS:
            for context in cldr.CONTEXTS:
                for month, name in cldr.load()[language]["months"][width][context].items():
                    months.setdefault(name.lower().rstrip("."), set()).add(int(month))
    assert {name: found for name, found in months.items() if len(found) > 1} == {}
