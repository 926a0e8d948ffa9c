import datetime as dt

import pytest

from digest import frontmatter


def test_round_trip_keeps_values_and_writes_iso_dates():
    meta = {
        "title": "Title: with --- and 'quotes'",
        "date": dt.datetime(2023, 8, 16, 9, 27, tzinfo=dt.timezone(dt.timedelta(hours=3))),
        "tags": ["a", "b"],
    }
    text = frontmatter.dump(meta, "Body\n\n---\n\nmore")
    assert "date: 2023-08-16T09:27:00+03:00\n" in text
    doc = frontmatter.parse(text)
    assert doc.meta == meta
    assert doc.body.strip() == "Body\n\n---\n\nmore"


def test_yaml_error_names_the_line_in_the_file():
    with pytest.raises(frontmatter.FrontMatterError) as err:
        frontmatter.parse("---\ntitle: ok\nsummary: a: b\n---\nbody\n")
    assert err.value.line == 3


def test_missing_fences_are_explained():
    with pytest.raises(frontmatter.FrontMatterError, match="does not start"):
        frontmatter.parse("title: x\n")
    with pytest.raises(frontmatter.FrontMatterError, match="closing"):
        frontmatter.parse("---\ntitle: x\n")


def test_python_tags_and_aliases_are_refused():
    with pytest.raises(frontmatter.FrontMatterError):
        frontmatter.parse("---\ntitle: !!python/object/apply:os.system ['true']\n---\n")
    with pytest.raises(frontmatter.FrontMatterError, match="aliases"):
        frontmatter.parse("---\na: &x [1, 2]\nb: [*x, *x]\n---\n")


def test_key_lines_point_at_each_key():
    doc = frontmatter.parse("---\ntitle: a\n\ndate: 2023-01-01T00:00:00+00:00\n---\n")
    assert doc.key_lines == {"title": 2, "date": 4}
