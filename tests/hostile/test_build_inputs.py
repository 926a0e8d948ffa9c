"""``digest build`` on broken, malicious and misplaced content: clear errors, nothing written.

All bad files go into one project with good ones beside them: one run must name
every bad file (the run goes on past the first), exit non-zero, leave no site
behind, and write nothing outside the output folder.
"""

from __future__ import annotations

import os

import pytest

from . import payloads as p
from .conftest import GOOD

W = "content/war/2023-W33/"
HEAD = "---\ntitle: T\ndate: 2023-08-16T09:27:00+03:00\ntopic: war\n"


def _fm(extra: str, body: str = "Body.\n") -> str:
    return f"{HEAD}{extra}---\n{body}"


def _alias_bomb() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return _fm("\n".join(lines) + "\n")


# (file below the project, its bytes or text, a fragment the error must contain)
BAD: list[tuple[str, str | bytes, str]] = [
    (W + "empty.md", b"", "does not start with a '---'"),
    (W + "binary.md", bytes(range(256)) * 4, "not valid UTF-8"),
    (W + "nul-in-yaml.md", _fm("summary: a\x00b\n"), "invalid YAML"),
    (W + "invalid-utf8.md", _fm("summary: caf\xe9\n").encode("latin-1"), "not valid UTF-8"),
    (W + "cp1251.md", _fm("summary: Київ і Харків\n").encode("cp1251"), "not valid UTF-8"),
    (W + "koi8r.md", _fm("summary: Москва и Киев\n").encode("koi8_r"), "not valid UTF-8"),
    (W + "utf16.md", GOOD.encode("utf-16-le"), "does not start with a '---'"),
    (W + "python-tag.md", _fm("x: !!python/object/apply:os.system ['true']\n"),
     "could not determine a constructor"),
    (W + "python-name.md", _fm("x: !!python/name:os.system ''\n"),
     "could not determine a constructor"),
    (W + "alias-bomb.md", _alias_bomb(), "anchors and aliases are not allowed"),
    (W + "deep-nesting.md", _fm("x: " + "[" * 100_000 + "]" * 100_000 + "\n"), "nested more"),
    (W + "huge-int.md", _fm("x: " + "9" * 5000 + "\n"), "not a valid value"),
    (W + "colon-title.md", "---\ntitle: Talks: no result\ndate: 2023-08-16T09:27:00+03:00\n"
     "topic: war\n---\nx\n", "invalid YAML"),
    (W + "fence-title.md", "---\ntitle: one\n---\ndate: 2023-08-16T09:27:00+03:00\n"
     "topic: war\n---\nx\n", "'date' is required"),
    (W + "no-closing-fence.md", "---\ntitle: T\n", "no closing '---'"),
    (W + "topic-dotdot.md", HEAD.replace("topic: war", "topic: ../../outside") + "---\nx\n",
     "does not match the folder"),
    (W + "topic-absolute.md", HEAD.replace("topic: war", "topic: /etc") + "---\nx\n",
     "does not match the folder"),
    (W + "no-such-day.md", HEAD.replace("2023-08-16T09", "2023-02-30T09") + "---\nx\n",
     "day is out of range"),
    (W + "hour-25.md", HEAD.replace("T09:27", "T25:27") + "---\nx\n", "not a valid"),
    (W + "no-offset.md", HEAD.replace("+03:00", "") + "---\nx\n", "no UTC offset"),
    (W + "day-wrong-week.md", HEAD.replace("2023-08-16T09:27:00+03:00", "2023-08-28")
     + "---\nx\n", "is in week 2023-W35"),  # a day alone is valid, in its own week
    (W + "date-words.md", HEAD.replace("2023-08-16T09:27:00+03:00", "yesterday") + "---\nx\n",
     "not a valid date"),
    ("content/war/2023-W01/wrong-week.md", HEAD + "---\nx\n", "is in week 2023-W33"),
    ("content/diplomacy/2023-W33/wrong-topic.md", HEAD + "---\nx\n", "does not match the folder"),
    ("content/stray.md", HEAD + "---\nx\n", "not in a <topic>/<YYYY>-W<WW>/ folder"),
    ("content/war/2023-W33/x/deeper.md", HEAD + "---\nx\n", "not in a <topic>"),
    ("content/War/2023-W33/caps.md", HEAD + "---\nx\n", "is not a slug"),
    ("content/war/2023-33/bad-week.md", HEAD + "---\nx\n", "is not an ISO week"),
    (W + "Bad Name.md", HEAD + "---\nx\n", "is not a slug"),
    (W + "js-source-url.md", _fm(f"source_url: \"{p.SCRIPT_URLS[0]}\"\n"), "http(s) URL"),
    (W + "js-source-url-caps.md", _fm(f"source_url: \"{p.SCRIPT_URLS[1]}\"\n"), "http(s) URL"),
    (W + "title-list.md", "---\ntitle: [a, b]\ndate: 2023-08-16T09:27:00+03:00\ntopic: war\n"
     "---\nx\n", "'title' is required and must be text"),
    (W + "tags-map.md", _fm("tags: {a: 1}\n"), "'tags' must be a list"),
    (W + "draft-text.md", _fm("draft: maybe\n"), "'draft' must be true or false"),
    (W + "not-a-mapping.md", "---\n- a\n- b\n---\nx\n", "must be a mapping"),
    (W + "dup-one.md", _fm("id: urn:digest:dup\n"), ""),
    (W + "dup-two.md", _fm("id: urn:digest:dup\n"), "is already used by"),
]


def _plant(sandbox) -> None:
    sandbox.write(W + "good.md", GOOD)
    for rel, data, _ in BAD:
        sandbox.write(rel, data)
    # a symlinked file and a symlinked folder pointing outside the project
    os.symlink(sandbox.outside_dir / "secret.md", sandbox.root / W / "linked.md")
    os.symlink(sandbox.outside_dir, sandbox.content / "linked-folder")


def test_every_bad_file_is_named_and_nothing_is_written(sandbox):
    _plant(sandbox)
    sandbox.mark()
    result = sandbox.build()
    assert result.exit_code == 1, result.output
    for rel, _, fragment in BAD:
        lines = [line for line in result.stderr.splitlines() if rel in line]
        assert lines, f"{rel} is not named in the report:\n{result.stderr}"
        assert any(fragment in line for line in lines), (rel, fragment, lines)
    assert any("linked.md" in line and "symlink" in line for line in result.stderr.splitlines())
    assert "good.md" not in result.stderr
    assert not sandbox.site.exists(), "a failed build must not write a site"
    assert sandbox.changes_outside("proj/.digest.lock") == []


def test_error_lines_point_at_the_key(sandbox):
    sandbox.write(W + "a.md", "---\ntitle: T\ntopic: war\nsummary: s\n"
                  "date: 2023-02-30T09:00:00+03:00\n---\nx\n")
    sandbox.write(W + "b.md", "---\ntitle: T\ndate: 2023-08-16T09:27:00+03:00\ntopic: war\n"
                  f"source_url: \"{p.SCRIPT_URLS[0]}\"\n---\nx\n")
    result = sandbox.build()
    assert result.exit_code == 1
    assert f"{W}a.md:5:" in result.stderr
    assert f"{W}b.md:5:" in result.stderr


@pytest.mark.parametrize("config, fragment", [
    ("title: [1, 2]\n", "'title' must be text"),
    ("per_page: '20'\n", "'per_page' must be a whole number"),
    ("per_page: -1\n", "positive"),
    ("bogus_key: 1\n", "unknown key 'bogus_key'"),
    ("timezone: Mars/Phobos\n", "IANA timezone"),
    ("timezone: ../../etc/passwd\n", "IANA timezone"),
    (f"base_url: \"{p.SCRIPT_URLS[0]}\"\n", "absolute http(s) URL"),
    ("output_dir: ../elsewhere\n", "inside the project"),
    ("content_dir: /etc\n", "inside the project"),
    ("raw_dir: ../../\n", "inside the project"),
    ("theme: ../../outside\n", "must be a slug"),
    ("topics: [{slug: ../x}]\n", "must be a slug"),
    ("topics: [{slug: a, extra: 1}]\n", "unknown keys"),
    ("sources: [{name: X, timezone: Nowhere/Land}]\n", "timezone"),
    ("title: 2023-02-30\n", "not a valid value"),
    ("title: !!python/object/apply:os.system ['true']\n", "could not determine a constructor"),
    ("a: &a [1]\nb: *a\n", "aliases"),
    ("- just\n- a list\n", "mapping"),
    (b"\xff\xfe\x00\x01", "not valid UTF-8"),
    ("title: [" + "[" * 100_000 + "\n", "nested more"),
])
def test_bad_config_is_named_and_nothing_is_written(sandbox, config, fragment):
    sandbox.write(W + "good.md", GOOD)
    sandbox.write("digest.yaml", config)
    sandbox.mark()
    result = sandbox.build()
    assert result.exit_code == 1, result.output
    assert "digest.yaml" in result.stderr and fragment in result.stderr, result.stderr
    assert sandbox.changes_outside() == []


def test_output_folder_that_would_replace_the_project_is_refused(sandbox):
    sandbox.write(W + "good.md", GOOD)
    sandbox.mark()
    for out in (sandbox.root, sandbox.content, sandbox.tmp):
        result = sandbox.build("--out", str(out))
        assert result.exit_code == 1
        assert "would replace" in result.stderr
    (sandbox.outside_dir / "mine").mkdir()
    (sandbox.outside_dir / "mine" / "keep.txt").write_text("x")
    sandbox.mark()
    result = sandbox.build("--out", str(sandbox.outside_dir / "mine"))
    assert result.exit_code == 1 and "does not look like a digest site" in result.stderr
    assert sandbox.changes_outside() == []


def test_symlinked_output_folder_is_refused_and_its_target_kept(sandbox):
    sandbox.write(W + "good.md", GOOD)
    target = sandbox.outside_dir / "site"
    target.mkdir()
    (target / "index.html").write_text("<html>someone else's</html>")
    os.symlink(target, sandbox.site)
    sandbox.mark()
    result = sandbox.build()
    assert result.exit_code == 1
    assert "is a symbolic link" in result.stderr
    assert sandbox.changes_outside("proj/.digest.lock") == []


def test_fifo_in_content_is_named_instead_of_blocking_the_build(sandbox):
    sandbox.write(W + "good.md", GOOD)
    os.mkfifo(sandbox.root / W / "pipe.md")
    sandbox.mark()
    result = sandbox.build()
    assert result.exit_code == 1
    assert f"{W}pipe.md: not a regular file" in result.stderr
    assert sandbox.changes_outside("proj/.digest.lock") == []


def test_planted_lock_symlink_does_not_truncate_its_target(sandbox):
    """A cloned project could carry '.digest.lock' -> a file of the user's."""
    sandbox.write(W + "good.md", GOOD)
    os.symlink(sandbox.outside_dir / "notes.txt", sandbox.root / ".digest.lock")
    sandbox.mark()
    result = sandbox.build()
    assert result.exit_code == 1
    assert ".digest.lock" in result.stderr
    assert sandbox.changes_outside() == []


def test_planted_cache_symlink_does_not_redirect_build_writes(sandbox):
    """A cloned project could carry '.digest-cache' -> a folder of the user's (a repo, ~)."""
    sandbox.write(W + "good.md", GOOD)
    os.symlink(sandbox.outside_dir, sandbox.root / ".digest-cache")
    sandbox.mark()
    sandbox.build()
    assert sandbox.changes_outside("proj/site", "proj/.site.spare", "proj/.digest.lock",
                                    "proj/.digest-cache") == []
