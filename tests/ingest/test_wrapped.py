"""Dumps a text browser wrapped at a fixed width (``lynx -dump``, ``w3m -dump``) give the same
article as a browser's one-line-a-block dump: the paragraphs, headline and date, not a column
of 80-character pieces taken for a menu."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from digest import frontmatter
from digest.config import Config, Topic
from digest.ingest.pipeline import ingest
from digest.ingest.textdump import extract_text
from digest.ingest.wrapped import dump_lines
from digest.report import Reporter

HEADLINE = "Harbour bridge to close for repairs over the summer"
PARAGRAPHS = [
    "The city's main harbour bridge will close to traffic from June until the end of August, "
    "the transport department said on Tuesday, while engineers replace its deck and the "
    "railings that have rusted through in several places since the last repairs.",
    "Buses will be rerouted over the upper crossing, and the ferry service will run every ten "
    "minutes at rush hour, the department added in a statement that also asked drivers to "
    "leave their cars at home whenever they can during the works.",
    "Shop owners near the bridge said they feared losing customers during the busiest months "
    "of the year, and asked the council for help with their rents; the council said it would "
    "discuss a fund for them at its next meeting in the town hall.",
    "The bridge, which opened in 1932, carries about forty thousand cars a day, and it was "
    "last closed for a month in 1998, when its towers were painted and its lights replaced "
    "by the ones that light the harbour at night today.",
]
MENU = ["Home", "Local news", "Politics", "Business", "Sport", "Weather"]
STAMP = ["By Jane Roe", "November 19, 2019 6:00 AM"]


def one_line_a_block() -> str:
    """The page as a browser's innerText gives it."""
    return "\n".join([*MENU, "", HEADLINE, "", *STAMP, "", "\n\n".join(PARAGRAPHS), "",
                      "Contact us", "Privacy"]) + "\n"


def wrapped(width: int = 80, indent: str = "") -> str:
    """The same page as a text browser writes it: every block wrapped at ``width``."""
    body = "\n\n".join(textwrap.fill(p, width, initial_indent=indent, subsequent_indent=indent)
                       for p in PARAGRAPHS)
    head = [indent + line for line in [*MENU, "", HEADLINE, "", *STAMP]]
    return "\n".join([*head, "", body, "", indent + "Contact us", indent + "Privacy"]) + "\n"


@pytest.mark.parametrize(("width", "indent"), [(80, ""), (79, "   "), (72, "")])
def test_a_dump_wrapped_at_a_fixed_width_gives_the_same_article(width, indent):
    plain, lines = extract_text(one_line_a_block()), extract_text(wrapped(width, indent))
    assert lines.title == plain.title == HEADLINE
    assert lines.body == plain.body and plain.body.strip() == "\n\n".join(PARAGRAPHS)
    assert lines.date == plain.date and plain.date is not None


def test_lynx_link_numbers_go_when_the_dump_lists_them_and_list_items_stay_apart():
    # lynx marks each link with its number and lists the links at the end; a list item's
    # lines go on under its text, not under its bullet
    text = PARAGRAPHS[0].replace("transport department", "[3]transport department")
    item = ("a fund for the shop owners near the bridge, which the council will discuss at its "
            "next meeting in the town hall")
    page = "\n".join([
        *(f"     * [{n}]{entry}" for n, entry in enumerate(MENU, 1)), "", HEADLINE, "",
        "   " + STAMP[0], "   " + STAMP[1], "",
        textwrap.fill(text, 79, initial_indent="   ", subsequent_indent="   "), "",
        textwrap.fill(PARAGRAPHS[1], 79, initial_indent="   ", subsequent_indent="   "), "",
        textwrap.fill(item, 79, initial_indent="     * ", subsequent_indent="       "),
        "     * buses over the upper crossing", "",
        textwrap.fill(PARAGRAPHS[2], 79, initial_indent="   ", subsequent_indent="   "), "",
        "References", "", *(f"   {n}. https://example.org/{n}" for n in range(1, 8))])
    blocks = [line.strip() for line in dump_lines(page) if line.strip()]
    assert PARAGRAPHS[0] in blocks and not any("[" in block for block in blocks)
    assert f"* {item}" in blocks and "* buses over the upper crossing" in blocks
    assert "* Home" in blocks  # a menu's items are not run together
    assert extract_text(page).body.startswith(PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1])


def test_a_word_broken_at_its_hyphen_is_one_word_again():
    text = "   " + "word " * 14 + "self-\n   dealing " + "word " * 13
    lines = [*(["   " + "x " * 37 + "end"] * 6), "", text]
    assert "self-dealing" in dump_lines("\n".join(lines))[-1]


def test_a_dump_whose_lines_merely_reach_one_length_keeps_its_lines():
    # a list of other stories' headlines of about one length, over a one-line-a-block
    # article: the list's lines end where the page ends them
    teasers = [f"Council approves new rules for parking in the old town, part {n} of the series"
               for n in range(12)]
    page = one_line_a_block() + "\n".join(teasers) + "\n"
    assert dump_lines(page) == page.splitlines()


def test_items_cut_short_in_a_wrapped_dump_stay_apart():
    # a sidebar's items, each cut to one line with "...", in a dump a browser wrapped
    items = [f"Council approves new rules for parking in the old town and the harbour {n}..."
             for n in range(8)]
    page = wrapped() + "\n".join(items) + "\n"
    assert [line for line in dump_lines(page) if "Council approves" in line] == items


def _page_html() -> str:
    menu = "".join(f"<li><a href='/{n}'>{item}</a></li>" for n, item in enumerate(MENU))
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{HEADLINE}"
            f"</title></head><body><nav><ul>{menu}</ul></nav><article><h1>{HEADLINE}</h1>"
            f"<p>{STAMP[0]}</p><p>{STAMP[1]}</p>{paragraphs}</article>"
            "<footer><a href='/contact'>Contact us</a> <a href='/privacy'>Privacy</a></footer>"
            "</body></html>")


@pytest.mark.parametrize("browser", [
    ["lynx", "-dump", "-width=80", "-display_charset=utf-8", "-force_html"],
    ["w3m", "-dump", "-cols", "80", "-O", "UTF-8", "-T", "text/html"],
], ids=["lynx", "w3m"])
def test_a_page_a_text_browser_saved_is_ingested_as_its_article(browser, tmp_path):
    if shutil.which(browser[0]) is None:
        pytest.skip(f"{browser[0]} is not installed (apt-get install lynx w3m)")
    page = tmp_path / "page.html"
    page.write_text(_page_html(), encoding="utf-8")
    dump = subprocess.run([*browser, str(page)], capture_output=True, text=True, check=True)
    assert max(len(line) for line in dump.stdout.splitlines()) <= 80  # it did wrap
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "bridge.txt").write_text(dump.stdout, encoding="utf-8")
    config = Config(root=tmp_path, timezone="Europe/London",
                    topics=(Topic("city", "City", ("bridge",)),))
    report = ingest([tmp_path / "raw"], config, Reporter(quiet=True))
    assert [r.status for r in report.results] == ["written"]
    [path] = sorted((tmp_path / "content").rglob("*.md"))
    article = frontmatter.parse(path.read_text(encoding="utf-8"))
    assert article.meta["title"] == HEADLINE
    assert str(article.meta["date"]).startswith("2019-11-19")
    assert [p.strip() for p in article.body.split("\n\n") if p.strip()] == PARAGRAPHS


def test_the_learned_chrome_of_wrapped_dumps_is_read_by_their_blocks(tmp_path: Path):
    from digest.ingest.chrome import learn

    promo = ("Subscribe to the Harbour Gazette for every story of the city, its council, its "
             "courts and its harbour, delivered to your door each morning at six.")
    pages = [wrapped().replace("Contact us", textwrap.fill(promo, 80)) for _ in range(3)]
    model = learn(("Harbour Gazette", page) for page in pages)
    assert model.is_chrome("Harbour Gazette", promo)


def test_a_browser_that_wraps_a_little_short_of_its_width_is_still_read():
    # lynx ends most lines a column or two short of the longest it prints
    body = [textwrap.fill(p, 76 if n else 78) for n, p in enumerate(PARAGRAPHS)]
    page = "\n".join([*MENU, "", HEADLINE, "", *STAMP, "", "\n\n".join(body), ""])
    assert extract_text(page).body.strip() == "\n\n".join(PARAGRAPHS)


def test_a_line_that_goes_on_with_the_word_o_is_not_a_list_item():
    # "o" is a bullet in some text browsers and a word in Portuguese and Spanish
    first = "A prefeitura anunciou nesta terça-feira que a ponte do porto vai fechar para"
    then = "o tráfego entre junho e agosto, enquanto os engenheiros trocam o tabuleiro."
    blocks = dump_lines(wrapped(79) + "\n" + first + "\n" + then + "\n")
    assert blocks[-1] == f"{first} {then}"
