"""The outlet's labels become Markdown, and scraped text never turns into markup."""

from __future__ import annotations

from digest.ingest.structure import plain, to_markdown


def test_quote_paragraph_becomes_a_blockquote_keeping_its_label():
    md = to_markdown(['Quote: "We will liberate it," he said.'])
    assert md == '> Quote: "We will liberate it," he said.\n'


def test_a_quote_over_two_paragraphs_stays_quoted_until_it_closes():
    md = to_markdown(['Quote: "First part.', 'Second part."', "After the quote."])
    assert md.split("\n\n") == ['> Quote: "First part.', '> Second part."', "After the quote.\n"]


def test_background_heading_with_bullets_as_a_list():
    md = to_markdown(["Background:", "• One thing happened.", "• Another thing happened."])
    assert md == "## Background\n\n- One thing happened.\n- Another thing happened.\n"


def test_details_stays_a_paragraph():
    assert to_markdown(["Details: Patel said so."]) == "Details: Patel said so.\n"


def test_markdown_syntax_at_line_start_is_escaped():
    md = to_markdown(["# 1 in the charts", "1. Not a list", "<div>not html</div>", "> no quote",
                      "---"])
    assert md.split("\n\n") == ["\\# 1 in the charts", "1\\. Not a list",
                                "\\<div>not html</div>", "\\> no quote", "\\---\n"]


def test_plain_gives_back_the_input_line():
    lines = ["# hash", "1. one", "Quote: text", "Background", "- dash item", "ordinary"]
    out = to_markdown(lines).strip().replace("\n\n", "\n").split("\n")
    assert [plain(x) for x in out] == ["# hash", "1. one", "Quote: text", "Background",
                                       "dash item", "ordinary"]
