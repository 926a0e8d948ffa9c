"""Errors people can act on: one short message naming file, line or key, and what to do.

Each case is a mistake an editor really makes. The message must name where it
is and hint at the fix, and no traceback is shown unless ``--verbose``.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest import __version__
from digest.cli import main

ARTICLE = "---\ntitle: One\ndate: 2023-08-16T09:27:00+03:00\ntopic: war\nid: urn:digest:1\n---\nB\n"
ARTICLE_PATH = "content/war/2023-W33/one.md"


@pytest.fixture
def root(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "digest.yaml").write_text("title: T\ntimezone: Europe/Kyiv\n")
    article = tmp_path / ARTICLE_PATH
    article.parent.mkdir(parents=True)
    article.write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def override(root: Path, name: str, text: str) -> None:
    templates = root / "themes/default/templates"
    templates.mkdir(parents=True, exist_ok=True)
    (templates / name).write_text(text)


def build(*args: str):
    return CliRunner().invoke(main, ["build", *args])


def assert_one_actionable_error(output: str, where: str, *words: str) -> None:
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, output
    assert errors[0].startswith(f"error: {where}"), output
    assert "(" in errors[0], "a hint in parentheses: " + errors[0]
    for word in words:
        assert word in errors[0], output
    assert "Traceback" not in output
    assert "digest: failed with 1 error" in output


def test_bad_config_value(root: Path) -> None:
    (root / "digest.yaml").write_text("title: T\nper_page: many\n")
    assert_one_actionable_error(build().output, "digest.yaml:2:", "'per_page'", "whole number")


def test_invalid_yaml_in_config(root: Path) -> None:
    (root / "digest.yaml").write_text("title: T\ntopics: [war\n")
    result = build()
    assert result.exit_code == 1
    assert "error: digest.yaml:" in result.output and "invalid YAML" in result.output
    assert "Traceback" not in result.output


def test_bad_front_matter(root: Path) -> None:
    (root / ARTICLE_PATH).write_text(ARTICLE.replace("title: One", 'title: "One'))
    result = build()
    assert result.exit_code == 1
    assert_one_actionable_error(result.output, f"{ARTICLE_PATH}:", "invalid YAML")


def test_missing_theme(root: Path) -> None:
    (root / "digest.yaml").write_text("title: T\ntimezone: Europe/Kyiv\ntheme: fancy\n")
    assert_one_actionable_error(build().output, "digest.yaml", "theme 'fancy' not found",
                                "themes/fancy/")


def test_missing_template_included_by_an_override(root: Path) -> None:
    override(root, "article.html",
             "{% extends 'base.html' %}\n{% block main %}\n{% include '_box.html' %}\n"
             "{% endblock %}\n")
    assert_one_actionable_error(build().output, "themes/default/templates/article.html:3:",
                                "'_box.html' not found")


def test_template_syntax_error_in_an_override(root: Path) -> None:
    override(root, "article.html", "{% extends 'base.html' %}\n{% block main %}\n{{ x }\n")
    assert_one_actionable_error(build().output, "themes/default/templates/article.html:3:",
                                "syntax error")


def test_template_runtime_error_in_an_override(root: Path) -> None:
    override(root, "article.html",
             "{% extends 'base.html' %}\n{% block main %}\n\n{{ article.no_such_field }}\n"
             "{% endblock %}\n")
    assert_one_actionable_error(build().output, "themes/default/templates/article.html:4:",
                                "no_such_field")


def test_verbose_shows_the_traceback(root: Path) -> None:
    (root / "digest.yaml").write_text("title: T\nper_page: many\n")
    result = build("--verbose")
    assert result.exit_code == 1
    assert "Traceback" in result.output


def test_port_in_use(root: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "--port" in result.output
    assert "Traceback" not in result.output


def test_version_and_quiet_verbose_everywhere() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
    for command in ("build", "check", "serve", "init", "new"):
        help_text = CliRunner().invoke(main, [command, "--help"]).output
        assert "--quiet" in help_text and "--verbose" in help_text, command
