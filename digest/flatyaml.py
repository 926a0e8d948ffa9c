"""A fast path for the flat YAML that front matter is written in, with PyYAML's exact values.

PyYAML's C parser is quick, but turning its nodes into Python values runs in Python:
~0.1 ms for a dozen keys, a third of the time a first build spends on each article.
Front matter as ``digest ingest`` and ``digest new`` write it (and as people write it by
hand) is one ``key: value`` per line: plain or quoted text, ``true``/``false``/``null``,
dates and date-times (built by PyYAML's own constructor), and lists of words such as
``tags: [a, b]``.
:func:`load` reads exactly that and returns None for anything else, so the caller uses
PyYAML; it never guesses what a value means. ``tests/test_flatyaml.py`` compares the two.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?\Z")
_CONSTANTS = {"true": True, "false": False, "null": None}
_RESOLVERS = Resolver.yaml_implicit_resolvers  # what PyYAML's safe loaders resolve with
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_CONSTRUCTOR = SafeConstructor()  # builds date-times as PyYAML's safe loaders do
_PLAIN_START = frozenset("(/.+$_")  # may start a plain scalar; '.' and '+' go to the resolvers
# Characters PyYAML refuses, reads as line breaks (NEL, LS, PS), or treats specially (tab).
_AWKWARD = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_PLAIN_INSIDE = re.compile(r": |:\Z| #|[\[\]{}]")  # would end a plain scalar, or be read apart
_WORD = re.compile(r"[^\s,:#\[\]{}'\"]+\Z")  # a list item that is plain text in a flow list


def load(text: str) -> dict[str, Any] | None:
    """The mapping PyYAML's safe loader gives for ``text``, or None when it is not flat."""
    if _AWKWARD.search(text):
        return None
    meta: dict[str, Any] = {}
    for line in text.split("\n"):
        if not line or line[0] == "#":
            if line and not line.startswith("# "):
                return None  # '#!' or '#x': still a comment, but keep the subset small
            continue
        m = _KEY.match(line)
        if m is None or m.group(1) in meta or not isinstance(_plain(m.group(1)), str):
            return None  # not a key, a repeated key (PyYAML keeps the last), or 'on:', 'null:'...
        raw = m.group(2)
        value = _value(raw) if raw else None
        if value is _UNSURE:
            return None
        meta[m.group(1)] = value
    return meta


_UNSURE = object()


def _value(raw: str) -> Any:
    """The value of ``raw`` (the text after ``key: ``), or _UNSURE."""
    if raw != raw.strip(" "):
        return _UNSURE
    first = raw[0]
    if first == "'":
        inner = raw[1:-1]
        if len(raw) < 2 or raw[-1] != "'" or "'" in inner.replace("''", ""):
            return _UNSURE
        return inner.replace("''", "'")
    if first == '"':
        inner = raw[1:-1]
        if len(raw) < 2 or raw[-1] != '"' or '"' in inner or "\\" in inner:
            return _UNSURE
        return inner
    if first == "[":
        return _words(raw)
    if _PLAIN_INSIDE.search(raw):
        return _UNSURE
    return _plain(raw)


def _plain(raw: str) -> Any:
    """A plain scalar as PyYAML resolves it: text unless its first character's resolvers match.

    PyYAML picks the candidate types of a plain value by its first character (digits:
    int, float, timestamp; ``y``/``n``/``t``/``f``/``o``: booleans; ``n``, ``~``: null)
    and tries their patterns; these are its own tables, so no rule is copied here.
    """
    first = raw[0]
    if not (first.isalnum() or first in _PLAIN_START):
        return _UNSURE  # an indicator ('-', '&', '*', '!', '|', ...) or an odd start
    for tag, pattern in _RESOLVERS.get(first, ()):
        if pattern.match(raw):
            if tag == _TIMESTAMP_TAG:
                return _timestamp(raw)
            return _CONSTANTS.get(raw, _UNSURE)  # true, false, null; not yes, 1.5, 0x1F
    return raw


def _words(raw: str) -> Any:
    """A flow list of plain words: ``[a, b-c]``."""
    if raw[-1] != "]":
        return _UNSURE
    inner = raw[1:-1]
    if not inner.strip(" "):
        return [] if inner == "" else _UNSURE
    items = []
    for part in inner.split(","):
        item = part.strip(" ")
        if not item or not _WORD.match(item):
            return _UNSURE
        value = _plain(item)
        if not isinstance(value, str):
            return _UNSURE
        items.append(value)
    return items


def _timestamp(raw: str) -> Any:
    """A date or date-time, built by PyYAML's own timestamp constructor."""
    try:
        return _CONSTRUCTOR.construct_yaml_timestamp(ScalarNode(_TIMESTAMP_TAG, raw))
    except (ValueError, OverflowError):  # no such date or offset: PyYAML's path reports it
        return _UNSURE
