"""The Markdown fast path gives markdown-it's HTML, byte for byte, and takes ordinary news bodies.

The reference is markdown-it-py configured as DESIGN.md says, without digest's link
shortcut: any difference in the fast path (or in a new markdown-it release) fails here.
"""

from __future__ import annotations

import json

import pytest
from conftest import benchmark_generator
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from digest import markdown, markdown_fast
from digest.frontmatter import parse

REFERENCE = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def _no_fallback(text: str) -> str:
    raise AssertionError(f"handed to markdown-it: {text[:200]!r}")


def _same(doc: str) -> None:
    assert markdown.render(doc) == REFERENCE.render(doc)


# Documents from news-like blocks whose inline text mixes plain words with the tokens
# where the fast path must decide: emphasis runs at word edges, links of every kind,
# escapes, entities, brackets, pipes, block markers inside text.
_PLAIN = st.sampled_from(["news", "Kyiv,", "said.", "(the)", "ünï", "2023", "«a»", "—", "*em*",
                          "**strong**", "[link](https://news.example/a?b=1&c=2)", '"q"'])
_TRICKY = st.sampled_from([
    "*", "**", "***", "x*y", "*a", "b*", "**a*", "*a**", "*a**b*", "**a**b", "(*p*)", "*p*.",
    "«*a*»", "*a*—", "„**b**“", "*a*\u00a0", "\u00a0*a*", "*ä*", "**😀**", "*a [l](/x) b*",
    "[*l*](/x)", "_a_", "x_y", "__", "`c`", "~", "~~a~~", "a~", "\\*", "\\_", "\\", "\\a",
    "&", "&amp;", "&x", "&#1;", "<", "<x", "<https://x.example>", "<a@b.example>", ">", "!",
    "![i](/i.png)", "! [", "[", "]", "[t]", "[x](/p)", "[x]( /p)", "[x](/p )", "[x](//evil)",
    "[x](javascript:alert(1))", "[x]()", "[x](#a)", "[x](?q)", '[x](/p "t")',
    "[x](https://a.example/x_(1))", "[x](https://a.example/%20)", "[x](https://ä.example/)",
    "[x](https://a.example/&amp;)", "[x](<https://a.example/>)", "|", "\\|", "#", "##x",
    "1.", "1)", "-", "+", "\u2028", "\x1c", "\x0b", "\t", "  ", "S&P", "&amp", "&#x41;", "<u>",
    "<u>a:b</u>", "a|b", ":-|-", ":", "@a_b", "snake_case", "__init__", "_a", "a_", "(_a_)",
    "*_a_*", "_*a*_",
])
_INLINE = st.lists(st.one_of(_PLAIN, _PLAIN, _TRICKY), min_size=1, max_size=8).map(" ".join)
_LINES = st.lists(_INLINE, min_size=1, max_size=3)
_PREFIX = st.sampled_from(["", "", "", "- ", "> ", "* ", "1. ", "## ", "# ", "####### ", " ",
                           "    ", "[a]: /u ", "```", "~~~", "|", "---", "==="])


@st.composite
def _table(draw) -> str:
    columns = draw(st.integers(1, 3))
    header = "| " + " | ".join(draw(_INLINE) for _ in range(columns)) + " |"
    marks = st.sampled_from([" --- ", ":--", "--:", " :-: ", "-", " - "])
    delimiter = "|" + "|".join(draw(marks) for _ in range(columns)) + "|"
    rows = [header, delimiter]
    for _ in range(draw(st.integers(0, 3))):
        cells = draw(st.sampled_from([columns, columns, columns - 1, columns + 1]))
        rows.append("| " + " | ".join(draw(_INLINE) for _ in range(cells)) + " |")
    return "\n".join(rows)


_BLOCK = st.one_of(
    _LINES.map("\n".join),
    st.tuples(_PREFIX, _LINES).map(lambda p: "\n".join(p[0] + line for line in p[1])),
    st.tuples(_PREFIX, _LINES).map(lambda p: p[0] + "\n".join(p[1])),
    _table(),
)
_DOCUMENT = st.tuples(
    st.lists(_BLOCK, min_size=1, max_size=6), st.sampled_from(["\n\n", "\n", "\n\n\n"]),
    st.sampled_from(["", "\n"]),
).map(lambda d: d[1].join(d[0]) + d[2])


@settings(max_examples=300, deadline=None)
@given(_DOCUMENT)
def test_same_html_as_markdown_it_on_generated_documents(doc: str) -> None:
    _same(doc)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *_`~[]()!<>&\\|#-+1.:\"\n\t\r\u00a0é")),
               max_size=80))
def test_same_html_as_markdown_it_on_any_text(doc: str) -> None:
    _same(doc)


@pytest.mark.parametrize("doc", [
    "- a\n\n- b\n",  # a list continued over a blank line is loose
    "1. a\n\n2. b\n",
    "Intro\n- a\n\n- b\n",
    "- a\n\nText after the list.\n",
    "* ~~~x\n\n\n# after\n",  # a fence inside a list item keeps the blank lines
    "```\ncode\n\nmore\n```\n",
    "    indented code\n\nText\n",
    "[a]\n\n[a]: https://x.example/\n",  # a reference acts across blocks
    "Text with *emphasis* and a [link](https://x.example/a?b=1&c=2).\nSecond line.\n",
    "**Lead in bold** then text.\n",
    "## Heading with *em* ##\n\n## Heading #\n\n#Hashtag\n",
    "> A quote\n> on two lines\n\n> another quote\n",
    "| a | b |\n| :- | -: |\n| 1 | 2 |\n| 3 |\n\n| x |\n|---|\n",
    "| a \\| b |\n| - |\n",
    "a*b*c **a*b** *a **b***\n",
    "A & B < C > D \"E\" 'F' ~G ~~H~~ !I ]J\n",
    "Line ending in two spaces  \nnext\n",
    "Tab\there\r\nCRLF\n",
    "",
    "\n\n\n",
])
def test_same_html_as_markdown_it_on_edge_cases(doc: str) -> None:
    _same(doc)


def test_news_bodies_are_rendered_by_the_fast_path_alone(tmp_path):
    """Paragraphs, emphasis, links, a heading, a quote, a list and a table: no markdown-it call."""
    benchmark_generator().generate(tmp_path, 60)
    bodies = [parse(p.read_text(encoding="utf-8")).body
              for p in sorted((tmp_path / "content").rglob("*.md"))]
    assert len(bodies) == 60 and any("| ---" in b for b in bodies)
    for body in bodies:
        assert markdown_fast.render(body, _no_fallback) == REFERENCE.render(body)


def test_scraped_pages_and_gold_bodies_give_the_same_html(shared_corpus):
    """Real text, menus and all, read as Markdown: the same HTML either way."""
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in sorted(shared_corpus.glob("news/*.txt"))]
    texts += [json.loads(p.read_text(encoding="utf-8")).get("body", "")
              for p in sorted(shared_corpus.glob("news/*.gold.json"))]
    texts += [p.read_text(encoding="utf-8", errors="replace")
              for p in sorted(shared_corpus.glob("extraction/dev/*.txt"))[:60]]
    assert len(texts) > 100
    taken = 0
    for text in texts:
        _same(text)
        taken += markdown_fast.render(text, REFERENCE.render) is not None
    assert taken > len(texts) // 4  # the fast path is not bypassed on real text
