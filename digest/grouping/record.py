"""What ingest assigned, so that a story id an editor set or changed is recognised and kept.

``.digest/stories.tsv`` holds one ``<article key>\\t<story id>`` line per id digest wrote
(appended as ingest writes each article; rewritten whole by ``digest stories``). Ingest
marks the ids it writes as it goes ``\\tprovisional`` and appends a ``#settled`` line once
it has grouped the run's waiting articles in date order (:mod:`digest.grouping.ingest`):
articles whose last line is still provisional come from a run that stopped before that,
and the next run settles them with its own. An article's ``story:`` value that differs
from its recorded one, or that no line records, was written by a person: digest never
changes it and never moves that article.

The line edit (:func:`set_story_line`) changes only the ``story:`` line of a file, so
everything else an editor wrote there stays byte for byte.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any, TextIO

import yaml

from digest.ingest.store import STATE_DIR, atomic_write

RECORD_FILE = "stories.tsv"
PROVISIONAL = "provisional"
SETTLED = "#settled"
_STORY_LINE = re.compile(r"^story:[^\n]*\n", re.MULTILINE)
_CLOSING_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
_ID_LINE = re.compile(r"^id:[^\n]*\n", re.MULTILINE)
_PLAIN_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


def record_path(root: Path) -> Path:
    return Path(root) / STATE_DIR / RECORD_FILE


def load(root: Path) -> dict[str, str]:
    """Article key -> the story id digest last wrote for it (later lines win)."""
    return load_state(root)[0]


def load_state(root: Path) -> tuple[dict[str, str], set[str]]:
    """:func:`load`, and the keys whose id an unfinished ingest run wrote (not settled)."""
    path = record_path(root)
    out: dict[str, str] = {}
    pending: set[str] = set()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return out, pending
    for line in text.splitlines():
        if line == SETTLED:
            pending.clear()
            continue
        key, sep, rest = line.partition("\t")
        story, _, flag = rest.partition("\t")
        if sep and key and story:
            out[key] = story
            (pending.add if flag == PROVISIONAL else pending.discard)(key)
    return out, pending


class Appender:
    """Appends to the record through one handle, opened at the first line and kept open
    (an ingest run appends a line per article). Each line is handed to the operating system
    as it is written (line buffering), so a killed run leaves every line it wrote, before
    the article that line is about."""

    def __init__(self, root: Path):
        self.path = record_path(root)
        self._handle: TextIO | None = None

    def append(self, key: str, story: str, provisional: bool = False) -> None:
        """Record one id digest wrote."""
        self._write(f"{_clean(key)}\t{_clean(story)}" + (f"\t{PROVISIONAL}" if provisional
                                                        else ""))

    def mark_settled(self) -> None:
        """Every provisional id recorded so far is final (the run that wrote them settled)."""
        self._write(SETTLED)

    def _write(self, line: str) -> None:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = open(self.path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
        self._handle.write(line + "\n")

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def append(root: Path, key: str, story: str, provisional: bool = False) -> None:
    """Record one id digest wrote (an append: O(1) per article, survives a killed run)."""
    with contextlib.closing(Appender(root)) as out:
        out.append(key, story, provisional)


def mark_settled(root: Path) -> None:
    """Every provisional id recorded so far is final (the run that wrote them settled)."""
    with contextlib.closing(Appender(root)) as out:
        out.mark_settled()


def rewrite(root: Path, assigned: dict[str, str]) -> None:
    """Replace the record with exactly these ids (sorted, so the file is deterministic)."""
    path = record_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, "".join(f"{_clean(k)}\t{_clean(v)}\n" for k, v in sorted(assigned.items())))


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")


def article_key(meta: dict[str, Any], relative_path: str) -> str:
    """An article's identity for the record: its ``id``, else its path in the project."""
    value = meta.get("id")
    return value if isinstance(value, str) and value else f"path:{relative_path}"


def hand_set(meta: dict[str, Any], key: str, record: dict[str, str]) -> str | None:
    """The article's story when a person set it (not what digest recorded), else None."""
    story = meta.get("story")
    if story is None or story == "":
        return None
    story = str(story)
    return None if record.get(key) == story else story


def set_story_line(text: str, story: str) -> str:
    """The file's text with its front matter's ``story:`` line set; nothing else changes."""
    start = 4 if text.startswith("---\n") else 5 if text.startswith("---\r\n") else -1
    if start < 0:
        raise ValueError("no front matter fence at the top of the file")
    fence = _CLOSING_FENCE.search(text, start)
    if fence is None:
        raise ValueError("the front matter has no closing '---' line")
    head, rest = text[start:fence.start()], text[fence.start():]
    newline = "\r\n" if text.startswith("---\r\n") else "\n"
    line = f"story: {story if _plain(story) else _quoted(story)}{newline}"
    if _STORY_LINE.search(head):
        head = _STORY_LINE.sub(lambda _: line, head, count=1)
    else:
        m = _ID_LINE.search(head)
        at = m.end() if m else len(head)
        head = head[:at] + line + head[at:]
    return text[:start] + head + rest


def _plain(value: str) -> bool:
    """A slug YAML reads back as the same text (``2023-08-20-a`` yes, ``2023-08-20`` no)."""
    return bool(_PLAIN_ID.match(value)) and yaml.safe_load(value) == value


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
