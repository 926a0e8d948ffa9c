import pytest

from digest import config
from digest.fetch.settings import FetchSettings
from digest.report import DigestError


def test_defaults_fit_a_daily_run(tmp_path):
    settings = config.load(tmp_path / "digest.yaml").fetch
    assert settings == FetchSettings()
    assert settings.per_host_delay == 1.0 and settings.max_bytes == 5_000_000
    assert settings.allow_private_addresses is False


def test_every_bad_key_is_named_with_its_line(tmp_path):
    path = tmp_path / "digest.yaml"
    path.write_text("title: x\nfetch:\n  sources: [https://a.example/feed.xml, ftp://x/y]\n"
                    "  per_host_delay: -1\n  # a comment\n  bogus: 3\n"
                    "  allow_private_addresses: 'yes'\n  max_bytes: 1.5\nper_page: 3\n")
    with pytest.raises(DigestError) as err:
        config.load(path)
    problems = {p.line: p.message for p in err.value.problems}
    assert set(problems) == {3, 4, 6, 7, 8}
    assert "fetch.sources" in problems[3] and "ftp://x/y" in problems[3]
    assert "fetch.per_host_delay" in problems[4]
    assert "unknown key 'fetch.bogus'" in problems[6]
    assert "true or false" in problems[7]
    assert "fetch.max_bytes" in problems[8]
    assert all(p.file == str(path) for p in err.value.problems)


def test_fetch_must_be_a_mapping(tmp_path):
    path = tmp_path / "digest.yaml"
    path.write_text("fetch: [https://a.example/]\n")
    with pytest.raises(DigestError, match="'fetch' must be a mapping"):
        config.load(path)


def test_values_are_read(tmp_path):
    path = tmp_path / "digest.yaml"
    path.write_text("fetch:\n  sources:\n    - https://a.example/rss\n  per_host_delay: 2\n"
                    "  allow_private_addresses: true\n  user_agent: MyBot/1.0\n")
    settings = config.load(path).fetch
    assert settings.sources == ("https://a.example/rss",)
    assert settings.per_host_delay == 2 and settings.allow_private_addresses
    assert settings.user_agent == "MyBot/1.0"
