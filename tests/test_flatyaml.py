"""The flat front matter fast path gives PyYAML's values exactly, or declines.

The reference is the loader digest uses otherwise (PyYAML's safe loader with digest's
checked constructors). A value the fast path reads differently, or a text it accepts
that PyYAML refuses, fails here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from conftest import benchmark_generator
from hypothesis import given, settings
from hypothesis import strategies as st

from digest import flatyaml, frontmatter


def _typed(value: Any) -> Any:
    """A value with its types spelled out: True is not 1, a date-time's offset counts."""
    if isinstance(value, dict):
        return {_typed(k): _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return type(value).__name__, repr(value)


def _agrees(text: str) -> bool:
    """True when the fast path declined or gave PyYAML's mapping; False on any difference."""
    fast = flatyaml.load(text)
    if fast is None:
        return True
    try:
        reference = yaml.load(text, Loader=frontmatter._Loader)  # noqa: S506 - a Safe loader
    except yaml.YAMLError:
        return False  # PyYAML refuses what the fast path accepted
    return _typed(fast) == _typed(reference or {})


_KEYS = st.sampled_from(["title", "date", "tags", "a-b", "_x", "on", "Yes", "null", "y", "n",
                         "1a", "ключ", "a b", "a:b", "-a", "? a", "title"])
_SEPARATORS = st.sampled_from([": ", ": ", ":", ":  ", " : ", ":\t", ": "])
_VALUES = st.one_of(
    st.sampled_from([
        "Plain text", "Kyiv's plan", "a: b", "a:b", "ends with:", "a #comment", "a#b", "C#",
        "true", "false", "null", "True", "yes", "No", "on", "OFF", "~", "", " lead", "trail ",
        "'quoted'", "'it''s'", "'open", "'a'b'", '"double"', '"es\\"c"', '"a\\nb"', "[]",
        "[a, b-c]", "[a,b]", "[a b]", "[a, 1]", "[a, yes]", "[a, ]", "[ ]", "[a, [b]]",
        "[a, 'b']", "[a]x", "2023-08-16T09:27:00+03:00", "2023-08-16T09:27:00Z",
        "2023-08-16T09:27:00.5-02:30", "2023-08-16T09:27:00", "2023-08-16", "2023-02-30T10:00:00Z",
        "2023-08-16T09:27:00+25:00", "2023-08-16 09:27", "2023", "1.5", "0x1F", "1_000", ".inf",
        "-a", "- a", "&anchor a", "*alias", "!tag a", "|", ">", "%a", "@a", "`a", "{a: b}",
        "a [b]", "a {b}", "urn:digest:1b79", "https://x.example/a?b=c#d", "Ünïcode", "日本語",
        "a\u00a0b", "a\u2028b", "a\x85b", "a\ufeffb", "a\tb", "😀 emoji", "4b8ed05e", "15 Tips",
        "9to5Mac", "1:30", "0o17", "017", "+1", "+a", ".5", ".hidden", "(a)", "/path", "$x",
        "_y", "1e3", "1.0e+3", "0b101", "2023-08-16 09:27:00", "12:30:00", "[4-things, 2023]",
        "[9to5, a]", "[.5]", "[_a, +b]", "²", "[²]", "=", "<<",
    ]),
    st.text(alphabet=st.sampled_from(list("ab :#'\"-[],{}&*!|>%@`?~\\\u00a0é1.0+_(/$=<")),
            max_size=12),
)
_LINE = st.one_of(
    st.tuples(_KEYS, _SEPARATORS, _VALUES).map("".join),
    st.sampled_from(["# a comment", "#x", "", " indented: x", "  - item", "---", "..."]),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINE, max_size=8), st.sampled_from(["", "\n"]))
def test_same_values_as_pyyaml_on_generated_lines(lines: list[str], end: str) -> None:
    assert _agrees("\n".join(lines) + end)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(
    st.sampled_from(["title", "summary", "source", "author", "topic", "lang", "id"]),
    st.one_of(_TEXT, st.booleans(), st.none(), st.lists(_TEXT, max_size=3),
              st.datetimes(timezones=st.just(dt.timezone(dt.timedelta(hours=3))))),
))
def test_same_values_as_pyyaml_on_what_digest_writes(meta: dict[str, Any]) -> None:
    """Front matter as ``frontmatter.dump`` writes it (ingest, new), whatever the text."""
    text = frontmatter.dump(meta, "")
    assert _agrees(frontmatter.split(text)[0])


def test_declines_what_it_cannot_be_sure_of():
    for text in ["a: [b, {c: d}]\n", "a: &x b\nc: *x\n", "a: 1\n", "a:\n  - b\n",
                 "a: b\na: c\n", "yes: b\n", "a: 2023-02-30T10:00:00Z\n", "a: b # c\n"]:
        assert flatyaml.load(text) is None, text


def test_generated_front_matter_takes_the_fast_path(tmp_path):
    """What the benchmark corpus (and ingest) writes is read without PyYAML."""
    benchmark_generator().generate(tmp_path, 40)
    files = sorted((tmp_path / "content").rglob("*.md"))
    assert len(files) == 40
    for path in files:
        yaml_text = frontmatter.split(path.read_text(encoding="utf-8"))[0]
        fast = flatyaml.load(yaml_text)
        assert fast is not None, yaml_text
        assert _typed(fast) == _typed(yaml.load(yaml_text, Loader=frontmatter._Loader))  # noqa: S506
        assert isinstance(fast["date"], dt.datetime) and fast["date"].utcoffset() is not None
