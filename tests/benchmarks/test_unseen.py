"""The held-out benchmark's scorer: what it counts as the page's own title and how it scores
a body against a gold text decide the figures the README reports."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))  # unseen.py imports its sibling benchmarks
try:
    _spec = importlib.util.spec_from_file_location("bench_unseen", REPO / "benchmarks/unseen.py")
    unseen = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(unseen)
finally:
    sys.path.remove(str(REPO / "benchmarks"))


@pytest.mark.parametrize(("ours", "silver"), [
    ("Strompreisbremse – Erlösabschöpfung: Bundesregierung drosselt Bioenergie",
     "strompreisbremse - erlösabschöpfung : bundesregierung drosselt bioenergie"),
    ("HARBOUR FERRY DONATES SUPPLIES TO THE SHELTER",
     "harbour ferry donates supplies to the shelter - nassau, bahamas - harbour local news"),
])
def test_a_title_spelled_as_the_page_states_it_agrees(ours, silver):
    assert unseen.title_agrees(ours, {silver})


def test_the_site_name_segment_of_a_title_is_not_the_page_s_title():
    silver = "harbour ferry donates supplies to the shelter - nassau, bahamas - harbour local news"
    assert not unseen.title_agrees("Harbour Local News", {silver})


def test_a_page_is_read_in_the_charset_it_declares(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes('<html><head><meta charset="iso-8859-2"><title>Zażółć gęślą jaźń'
                     '</title></head><body></body></html>'.encode("iso-8859-2"))
    assert "zażółć gęślą jaźń" in unseen.silver_titles(unseen.read_page(page))


@pytest.mark.parametrize(("body", "gold", "scores"), [
    ("", "the harbour bridge closes", (None, 0.0, 0.0)),
    ("The harbour bridge closes.", "the harbour bridge closes", (1.0, 1.0, 1.0)),
    ("the harbour bridge closes menu login", "the harbour bridge closes", (4 / 6, 1.0, 0.8)),
])
def test_a_body_is_scored_as_bags_of_words_against_the_gold_text(body, gold, scores):
    assert unseen.token_scores(body, gold) == pytest.approx(scores)


def test_the_listing_of_bodies_puts_the_lowest_scores_first():
    rows = [{"name": "a", "gold": (1.0, 1.0, 1.0), "passages": {}},
            {"name": "b", "gold": (0.5, 0.2, 0.286), "passages": {}},
            {"name": "c", "gold": None, "passages": {"fp": 3, "fn": 1}}]
    listed = unseen._body_rows({"kind": "text dumps", "rows": rows})
    # the page that let in 3 chrome passages and missed 1 first, then by F1 against gold
    assert [line.split(":")[0] for line in listed] == ["text dumps c", "text dumps b",
                                                         "text dumps a"]
