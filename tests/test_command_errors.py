"""``digest ingest`` and ``digest fetch`` end a bad run the same way: one message, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main


@pytest.mark.parametrize("command", ["ingest", "fetch"])
def test_a_bad_config_is_named_and_the_command_says_it_failed(tmp_path: Path, command: str):
    config = tmp_path / "digest.yaml"
    config.write_text("title: T\nper_page: many\n")
    result = CliRunner().invoke(main, [command, "-c", str(config)])
    assert result.exit_code == 1
    assert "digest.yaml:2" in result.stderr and "per_page" in result.stderr
    assert f"digest: {command} failed with 1 error" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["ingest", "fetch"])
def test_with_json_stdout_stays_json(tmp_path: Path, command: str):
    config = tmp_path / "digest.yaml"
    config.write_text("title: T\nper_page: many\n")
    result = CliRunner().invoke(main, [command, "--json", "-c", str(config)])
    assert result.exit_code == 1
    errors = json.loads(result.stdout)["error"]
    assert len(errors) == 1 and "per_page" in json.dumps(errors)
