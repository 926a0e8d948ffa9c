"""Read and write the content format: YAML front matter between ``---`` fences, then Markdown.

Only ``yaml.safe_load`` semantics are used (:mod:`digest.flatyaml` for flat
front matter, else PyYAML's C loader when present, for speed at 10,000 files),
and YAML aliases are refused: scraped text ends up in
front matter and an alias bomb must not expand into gigabytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from digest import flatyaml

try:  # The C loader is ~10x faster; fall back to the pure one where libyaml is absent.
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader

# libyaml composes nested collections recursively in C: ~100,000 levels of ``[`` overflow the
# stack and kill the process (a segfault, not an exception), so nesting is bounded before
# parsing. No real front matter or config comes near this depth.
MAX_DEPTH = 64
_DEEP_INDENT = re.compile(rf"^[ \t]{{{MAX_DEPTH},}}", re.MULTILINE)
_OPENERS = (yaml.BlockSequenceStartToken, yaml.BlockMappingStartToken,
            yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_CLOSERS = (yaml.BlockEndToken, yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """Safe loader whose scalar constructors raise YAML errors (with a line), never ValueError.

    PyYAML's own constructors let ``ValueError`` escape for a date that does not exist
    (``2023-02-30``) or an integer longer than Python's 4,300-digit limit; one such
    hand-edited file would otherwise crash the whole build instead of being reported.
    """


_MAX_INT_BITS = 4096  # str() of a larger int would hit Python's digit limit downstream
_MAX_NUMBER_CHARS = 1000  # no real value is this long; parsing one costs quadratic time


def _checked(tag: str):
    base = yaml.SafeLoader.yaml_constructors[tag]

    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            if len(node.value) > _MAX_NUMBER_CHARS and tag != "tag:yaml.org,2002:timestamp":
                raise ValueError("number too long")  # before Python's own digit-limit advice
            value = base(loader, node)
            if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
                raise ValueError("number too long")
            return value
        except (ValueError, OverflowError) as exc:
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "..."
            raise yaml.constructor.ConstructorError(
                None, None, f"{shown!r} is not a valid value: {exc}", node.start_mark
            ) from None

    return construct


for _tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int",
             "tag:yaml.org,2002:float"):
    _Loader.add_constructor(_tag, _checked(_tag))

_CLOSING_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
# Where a YAML node (so an anchor or alias) can start: a line's first text, after ':', '-',
# '?', '[', '{' or ',' (and spaces), or after a tag. Emphasis inside a summary ("a *word*")
# is not one of these, so such files skip the slower event scan.
_MAYBE_ALIAS = re.compile(r"(?:^[ \t]*|[:\-?,\[{][ \t]*|![^\s]*[ \t]+)[&*][^\s]",
                          re.MULTILINE)


class FrontMatterError(ValueError):
    """Front matter that cannot be read; ``line`` is 1-based in the whole file."""

    def __init__(self, message: str, line: int | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


@dataclass(frozen=True)
class Document:
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line where the Markdown body starts
    key_lines: Mapping[str, int]  # 1-based line of each top-level key, for error messages


def split(text: str) -> tuple[str, str, int]:
    """Return (yaml_text, body, body_line). Raises FrontMatterError without fences."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        raise FrontMatterError(
            "the file does not start with a '---' front matter fence",
            line=1,
            hint="put YAML front matter between two '---' lines at the top of the file",
        )
    start = text.index("\n") + 1
    match = _CLOSING_FENCE.search(text, start)
    if match is None:
        raise FrontMatterError(
            "the front matter has no closing '---' line",
            line=1,
            hint="end the front matter with a line that holds only '---'",
        )
    yaml_text = text[start : match.start()]
    body = text[match.end() :].lstrip("\r\n")
    body_line = text.count("\n", 0, match.end()) + 1 + _leading_newlines(text[match.end() :])
    return yaml_text, body, body_line


def _leading_newlines(rest: str) -> int:
    stripped = rest.lstrip("\r\n")
    return rest.count("\n", 0, len(rest) - len(stripped))


def _refuse_aliases(yaml_text: str, first_line: int) -> None:
    """Refuse anchors and aliases; a cheap regex first, then libyaml's events to be sure."""
    if not _MAYBE_ALIAS.search(yaml_text):
        return
    try:
        for event in yaml.parse(yaml_text, Loader=_Loader):
            anchor = getattr(event, "anchor", None)
            if anchor is not None or isinstance(event, yaml.AliasEvent):
                raise FrontMatterError(
                    "YAML anchors and aliases are not allowed in front matter",
                    line=event.start_mark.line + first_line,
                    hint="write the value out in full",
                )
    except yaml.YAMLError:
        return  # the real parse below reports the syntax error with its line


def _refuse_deep_nesting(yaml_text: str, first_line: int) -> None:
    """Raise FrontMatterError when collections nest deeper than :data:`MAX_DEPTH`."""
    brackets = yaml_text.count("[") + yaml_text.count("{") + yaml_text.count("-")
    if brackets < MAX_DEPTH and not _DEEP_INDENT.search(yaml_text):
        return  # too few openers to reach the limit: skip the (pure Python) scan
    depth = 0
    try:
        for token in yaml.scan(yaml_text, Loader=yaml.SafeLoader):
            if isinstance(token, _OPENERS):
                depth += 1
                if depth > MAX_DEPTH:
                    raise FrontMatterError(
                        f"YAML nested more than {MAX_DEPTH} levels deep",
                        line=token.start_mark.line + first_line,
                        hint="front matter holds flat keys, and lists of text",
                    )
            elif isinstance(token, _CLOSERS):
                depth -= 1
    except yaml.YAMLError:
        return  # the real parse reports the syntax error with its line


def parse(text: str) -> Document:
    """Parse a whole content file into a :class:`Document`."""
    yaml_text, body, body_line = split(text)
    meta, key_lines = load_mapping(
        yaml_text, first_line=2,
        hint="check quoting: a value containing ': ' or starting with a quote needs quotes",
    )
    return Document(meta, body, body_line, key_lines)


def load_mapping(yaml_text: str, *, first_line: int = 1,
                 hint: str | None = None) -> tuple[dict[str, Any], Mapping[str, int]]:
    """YAML text that must be a mapping: (values, line of each top-level key).

    The one way digest reads YAML (front matter and digest.yaml alike): safe
    constructors, no aliases, bounded nesting. ``first_line`` is the file line
    of the text's first line, so every error names the line in the file.
    """
    flat = flatyaml.load(yaml_text)  # one key per line, plain values: the usual case
    if flat is not None:
        return flat, KeyLines(yaml_text, first_line)
    _refuse_aliases(yaml_text, first_line)
    _refuse_deep_nesting(yaml_text, first_line)
    try:
        meta = yaml.load(yaml_text, Loader=_Loader)  # noqa: S506 - a Safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"invalid YAML: {problem}", line=line, hint=hint) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("must be a mapping of keys to values", line=first_line,
                               hint="write 'key: value'")
    return meta, KeyLines(yaml_text, first_line)


_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)


class KeyLines(Mapping[str, int]):
    """The file line of each top-level key, found only when a message asks for one.

    Only a bad value needs its line; a build of 10,000 valid files never looks.
    """

    def __init__(self, yaml_text: str, first_line: int):
        self._text, self._first = yaml_text, first_line
        self._lines: dict[str, int] | None = None

    def _found(self) -> dict[str, int]:
        if self._lines is None:
            text, lines = self._text, {}
            for m in _KEY_LINE.finditer(text):
                lines.setdefault(m.group(1), text.count("\n", 0, m.start()) + self._first)
            self._lines = lines
        return self._lines

    def __getitem__(self, key: str) -> int:
        return self._found()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())


class _Dumper(yaml.SafeDumper):
    """Safe dumper that writes datetimes as ISO 8601 with a 'T' and its offset."""


def _represent_datetime(dumper: yaml.SafeDumper, value: dt.datetime) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    """Lists inline (``tags: [a, b]``), everything else in block style, whatever the mix."""
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(dt.datetime, _represent_datetime)
_Dumper.add_representer(list, _represent_list)

# YAML reads NEL, LS and PS as line breaks and folds them into spaces, yet PyYAML writes them
# raw in plain and single-quoted scalars. Double quotes make it write them as escapes.
_YAML_BREAKS = re.compile("[\x85\u2028\u2029]")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if _YAML_BREAKS.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump(meta: dict[str, Any], body: str) -> str:
    """Serialise front matter and body; ``parse(dump(m, b))`` gives back ``m`` and ``b``."""
    yaml_text = yaml.dump(
        meta,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=10_000,
    )
    body = body.strip("\n")
    return f"---\n{yaml_text}---\n\n{body}\n" if body else f"---\n{yaml_text}---\n"
