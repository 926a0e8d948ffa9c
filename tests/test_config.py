import pytest

from digest import config
from digest.report import DigestError


def test_missing_file_gives_documented_defaults(tmp_path):
    cfg = config.load(tmp_path / "digest.yaml")
    assert cfg.feed_limit == 50
    assert cfg.timezone == "UTC"
    assert cfg.base_url.endswith("/")


def test_every_problem_is_reported_at_once_with_file_line_and_what_is_allowed(tmp_path):
    path = tmp_path / "digest.yaml"
    path.write_text("title: 3\nbogus: 1\nbase_url: ftp://x\ntimezone: Mars/Base\nfeed_limit: 0\n")
    with pytest.raises(DigestError) as err:
        config.load(path)
    problems = err.value.problems
    assert [p.line for p in problems] == [1, 2, 3, 4, 5]
    assert all(p.file == str(path) for p in problems)
    text = str(err.value)
    assert "unknown key 'bogus'" in text and "allowed keys: title" in text
    assert "IANA timezone" in text and "absolute http(s) URL" in text


def test_base_url_subpath_gets_a_trailing_slash_and_overrides_win(tmp_path):
    path = tmp_path / "digest.yaml"
    path.write_text("base_url: https://user.github.io/repo\n")
    assert config.load(path).base_url == "https://user.github.io/repo/"
    cfg = config.load(path, {"base_url": "https://other.example/x/"})
    assert cfg.base_url == "https://other.example/x/"


def test_bad_override_is_an_error_too(tmp_path):
    with pytest.raises(DigestError, match="base_url"):
        config.load(tmp_path / "digest.yaml", {"base_url": "not a url"})


def test_topics_and_sources_are_validated(tmp_path):
    path = tmp_path / "digest.yaml"
    path.write_text(
        "topics:\n  - slug: War Zone\n  - slug: ok\n    keywords: [a, b]\n"
        "sources:\n  - name: X\n    timezone: Nowhere/Town\n"
    )
    with pytest.raises(DigestError) as err:
        config.load(path)
    text = str(err.value)
    assert "topics[0]" in text and "sources[0]" in text


def test_archive_filter_keys(tmp_path):
    path = tmp_path / "digest.yaml"
    path.write_text("language: en\nlanguages: [en, uk]\nonly_matching: true\n")
    cfg = config.load(path)
    assert cfg.languages == ("en", "uk") and cfg.only_matching is True
    path.write_text("languages: [en, 3]\nonly_matching: yes please\n")
    with pytest.raises(DigestError) as err:
        config.load(path)
    assert [p.line for p in err.value.problems] == [1, 2]
    assert "list of language tags" in err.value.problems[0].message
