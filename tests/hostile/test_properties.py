"""Property tests: what ingest writes, build reads back the same; the cleaner never crashes.

Decision on control characters (see SECURITY.md): the front matter codec
*preserves* every character of a title, summary, tag or attribution, control
characters included (YAML writes them as escapes such as ``"\\x01"``); it is the
outputs that drop what their format forbids (feeds drop XML-invalid characters,
``digest.feeds.xml_text``). So an editor sees in the file exactly what the page had.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest import frontmatter

KYIV = dt.timezone(dt.timedelta(hours=3))
# Any text, including control characters, YAML syntax, fences and line breaks of every kind.
TRICKY = st.sampled_from(["---", ": ", "\n---\n", "#", "&a", "*a", "!!python/object", "'", '"',
                          "\r\n", "\r", "\x85", "\u2028", "\ufeff", "\x00", "\t", "- ", "? ",
                          "|", ">", "%", "@", "`", "{", "[", "yes", "null", "~", "1e3",
                          "2023-02-30", "\u202e", "\u200b"])
TEXT = st.lists(st.one_of(st.text(max_size=20), TRICKY), max_size=8).map("".join)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _written_and_read(tmp_path: Path, meta: dict, body: str) -> frontmatter.Document:
    """Through a real file, as ingest writes it and build reads it (universal newlines)."""
    from digest.ingest.store import atomic_write

    path = tmp_path / "a.md"
    atomic_write(path, frontmatter.dump(meta, body))
    return frontmatter.parse(path.read_text(encoding="utf-8"))


@SETTINGS
@given(title=TEXT, summary=TEXT, tags=st.lists(TEXT, max_size=4), attribution=TEXT)
def test_front_matter_round_trip_keeps_every_field(tmp_path, title, summary, tags, attribution):
    meta = {"title": title, "date": dt.datetime(2023, 8, 16, 9, 27, tzinfo=KYIV),
            "topic": "war", "summary": summary, "tags": tags, "attribution": attribution}
    doc = _written_and_read(tmp_path, meta, "Body.")
    assert doc.meta == meta
    assert doc.body.rstrip("\n") == "Body."


@SETTINGS
@given(body=TEXT)
def test_body_round_trip_keeps_the_text_between_its_outer_blank_lines(tmp_path, body):
    meta = {"title": "T", "date": dt.datetime(2023, 8, 16, 9, 27, tzinfo=KYIV), "topic": "war"}
    doc = _written_and_read(tmp_path, meta, body)
    normalised = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    assert doc.meta == meta
    assert doc.body.strip("\n") == normalised


LINE = st.one_of(
    st.text(max_size=80),
    st.sampled_from([
        "Quote: \"We will not stop,\" he said.", "Background:", "• first point", "- second",
        "# 1 in the ranking", "1. numbered", "> quoted", "<div onclick=x>", "---", "* star",
        "Menu", "Subscribe", "Support Us", "12:30", "5 min ago", "https://news.example/a",
        "Київ, 16 серпня 2023, 09:27", "16 August 2023, 09:27", "date 2023-08-16",
        "The minister said the talks would continue next week in the capital.",
        "Міністр заявив, що переговори продовжаться наступного тижня у столиці.",
        "Министр заявил, что переговоры продолжатся на следующей неделе.",
        "\u202e\u200b", "\x00\x01\x0b", "```", "| a | b |", "[link](javascript:x)",
    ]),
)
DUMP = st.lists(LINE, max_size=40).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(text=DUMP)
def test_cleaner_never_fails_and_invents_no_line(text):
    from digest.ingest.structure import plain
    from digest.ingest.textdump import extract_text

    result = extract_text(text, url="https://news.example/2023/08/16/a")
    assert not any("cleaner failed" in w for w in result.warnings), result.warnings
    inputs = {line.strip() for line in text.splitlines()}
    for line in result.body.split("\n"):
        if line.strip():
            # markers the cleaner turns into Markdown ("• x" -> "- x", "Background:" ->
            # "## Background") go; the text that is left must come from one input line
            text_of = plain(line)
            assert text_of in inputs or any(text_of in i for i in inputs), (line, text_of)


YAML_BITS = st.sampled_from(["a", "b: ", "&x ", "*x", "&x", "*x ", "- ", "? ", ": ", "[", "]",
                             "{", "}", ", ", ",", "\n", "\n  ", "\t", " ", "!!str ", "!t ",
                             "'", '"', "#", "|\n  ", "word *emph* "])


@settings(max_examples=3000, deadline=None)
@given(st.lists(YAML_BITS, max_size=14).map("".join))
def test_every_yaml_anchor_or_alias_is_refused(yaml_text: str) -> None:
    """The cheap prefilter never lets an anchor or alias past: front matter with one is refused."""
    import yaml

    try:
        events = list(yaml.parse(yaml_text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return  # not YAML: the parse reports the syntax error
    if any(getattr(e, "anchor", None) is not None or isinstance(e, yaml.AliasEvent)
           for e in events):
        try:
            frontmatter.load_mapping(yaml_text)
        except frontmatter.FrontMatterError:
            pass  # refused: as aliases, or as invalid YAML for the C loader
        else:
            raise AssertionError(f"anchor or alias accepted in {yaml_text!r}")
