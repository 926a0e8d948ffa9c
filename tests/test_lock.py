"""The per-command locks under ``.digest/``: one run at a time, never through a planted link."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.fetch.state import lock as fetch_lock
from digest.report import DigestError


def test_a_second_fetch_is_refused_while_the_first_holds_the_lock(tmp_path: Path):
    with fetch_lock(tmp_path), pytest.raises(DigestError, match="another 'digest fetch'"), \
            fetch_lock(tmp_path):
        pass
    with fetch_lock(tmp_path):  # released again
        pass


def test_a_lock_file_that_is_a_symbolic_link_is_refused_and_its_target_untouched(tmp_path):
    outside = tmp_path / "outside" / "victim"
    (tmp_path / "proj" / ".digest").mkdir(parents=True)
    (tmp_path / "proj" / ".digest" / "fetch.lock").symlink_to(outside)
    outside.parent.mkdir()
    with pytest.raises(DigestError, match="fetch.lock"), fetch_lock(tmp_path / "proj"):
        pass
    assert not outside.exists()


def test_a_state_folder_that_is_a_symbolic_link_is_refused(tmp_path: Path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / ".digest").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(DigestError, match="symbolic link"), fetch_lock(tmp_path / "proj"):
        pass
    assert list((tmp_path / "elsewhere").iterdir()) == []
