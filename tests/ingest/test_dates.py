"""A date printed without its year takes the year from the page itself, or stays unknown."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.config import Config
from digest.ingest.dates import Evidence, find_partial, resolve_year, year_evidence
from digest.ingest.pages import Provenance
from digest.ingest.textdump import extract_text

CONFIG = Config(timezone="Europe/Kyiv")
HEAD = "Von Trier defends his post\n\nBy staff\n\n"
LEAD = ("Danish filmmaker Lars von Trier defended himself on Thursday, August 24, after a "
        "controversial post caused a stir in the press and among politicians.\n\n"
        "The director said that he had only stated the obvious about the war and its cost, "
        "and that he would not delete the post.\n\n")


def page(*tail: str) -> str:
    return HEAD + LEAD + "\n\n".join(tail) + "\n"


def test_a_year_in_the_url():
    ex = extract_text(page(), url="https://example.com/2023/culture/von-trier", config=CONFIG)
    assert (ex.date.date(), ex.date_source, ex.day_only) == (dt.date(2023, 8, 24), "text+url",
                                                             True)


def test_other_full_dates_on_the_page_ticker_and_comments():
    ex = extract_text(page("Latest news", "Zelensky meets Frederiksen in Odense · 21.08.2023",
                           "Comments", "Anna, 25 August 2023 14:02: He should apologise."),
                      config=CONFIG)
    assert (ex.date.date(), ex.date_source) == (dt.date(2023, 8, 24), "text+page")


def test_page_dates_across_new_year_pick_the_nearest_year():
    text = HEAD + ("The minister said on December 28 that talks would resume after the "
                   "holidays, and that both sides had agreed on an agenda.\n\n"
                   "Officials gave no further details about the talks or the agenda.\n\n"
                   "Updated: 2 January 2024\n")
    ex = extract_text(text, config=CONFIG)
    assert (ex.date.date(), ex.date_source) == (dt.date(2023, 12, 28), "text+page")


def test_the_copyright_year_bounds_the_date_and_the_weekday_picks_the_year():
    ex = extract_text(page("© 2023 Example Media"), config=CONFIG)
    assert (ex.date.date(), ex.date_source) == (dt.date(2023, 8, 24), "text+copyright")
    # "© 2025": a Thursday, August 24 in 2022-2025 is only 2023 (2028 is after the notice)
    ex = extract_text(page("Copyright © 2010-2025 Example Media"), config=CONFIG)
    assert (ex.date.date(), ex.date_source) == (dt.date(2023, 8, 24), "text+copyright")


def test_a_weekday_that_fits_no_year_near_weak_evidence_is_not_trusted():
    ex = extract_text(page("© 2040 Example Media"), config=CONFIG)  # Thursdays: 2034, 2045
    assert ex.date is None and "without a year" in ex.review[0]


def test_strong_evidence_wins_over_a_weekday_slip_with_a_warning():
    ex = extract_text(page(), url="https://example.com/2024/von-trier", config=CONFIG)
    assert ex.date.date() == dt.date(2024, 8, 24)  # a Saturday: the URL's year is the publisher's
    assert any("is a Saturday; check the date" in w for w in ex.warnings)


def test_the_date_hint_and_the_url_come_before_other_dates_on_the_page():
    partial = find_partial("Thursday, August 24")
    evidence = year_evidence(None, dt.date(2023, 8, 25), [dt.date(2017, 8, 25)], 2030)
    assert [e.kind for e in evidence] == ["hint", "page", "copyright"]
    assert resolve_year(partial, evidence) == (dt.date(2023, 8, 24), "hint")
    evidence = year_evidence(2017, dt.date(2023, 8, 25), [], None)
    assert resolve_year(partial, evidence) == (dt.date(2017, 8, 24), "url")


@pytest.mark.parametrize(
    ("text", "evidence", "expected"),
    [
        ("Самолет, упавший вечером 23 августа в Тверской области",
         [Evidence("hint", dt.date(2023, 8, 25), dt.date(2023, 8, 25), True)],
         dt.date(2023, 8, 23)),
        ("MOSCOW, December 11 (TASS) -",
         [Evidence("page", dt.date(2024, 1, 5), dt.date(2024, 1, 5))], dt.date(2023, 12, 11)),
        ("Київ, 3 серпня. Інтерфакс-Україна",
         [Evidence("copyright", dt.date(2023, 1, 1), dt.date(2023, 12, 31), bound=True)],
         dt.date(2023, 8, 3)),
        ("Sat, 19 Aug", [Evidence("page", dt.date(2024, 1, 1), dt.date(2024, 1, 1))],
         dt.date(2023, 8, 19)),
    ],
)
def test_each_evidence_gives_the_nearest_fitting_date(text, evidence, expected):
    partial = find_partial(text)
    assert partial is not None
    assert resolve_year(partial, evidence)[0] == expected


def test_no_evidence_no_year_whatever_today_is():
    assert resolve_year(find_partial("Thursday, August 24"), []) is None
    assert extract_text(page(), config=CONFIG).date is None


def test_a_year_less_date_in_the_lead_beats_a_full_date_quoted_further_down():
    ex = extract_text(page("The director recalled that since February 24, 2022, the war has "
                           "cost many lives, and he said he stands by every word of it."),
                      config=CONFIG)
    assert (ex.date.date(), ex.date_source) == (dt.date(2023, 8, 24), "text+page")
    # a year-less date no year near the page fits (Monday, May 7: 2018, 2029) leaves the
    # full date standing
    ex = extract_text(HEAD + "Fighting went on, the army said on Monday, May 7, as talks "
                      "resumed in Geneva.\n\nThe talks began on March 3, 2022, officials "
                      "recalled in a statement on the talks.\n", config=CONFIG)
    assert (ex.date.date(), ex.date_source) == (dt.date(2022, 3, 3), "text")


def test_the_fetchers_recorded_date_bounds_the_year_last():
    fetched = Provenance(date=dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC), date_kind="fetched")
    ex = extract_text(page(), config=CONFIG, provenance=fetched)
    # a Thursday, August 24 on or before the fetch, within three years of it
    assert (ex.date.date(), ex.date_source) == (dt.date(2023, 8, 24), "text+fetched")
    ex = extract_text(page("© 2017 Example Media"), config=CONFIG, provenance=fetched)
    assert ex.date_source == "text+copyright"  # the page's own evidence comes first
