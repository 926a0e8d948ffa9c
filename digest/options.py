"""How a digest.yaml key is declared and checked: one :class:`Option` per key, one check.

The top level of the file (:mod:`digest.config`) and its ``fetch:`` section
(:mod:`digest.fetch.settings`) both declare their keys as options — key, accepted types,
what it means, an optional check — and both check a value the same way, so a wrong type
or value reads alike wherever it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Check = Callable[[Any], str | None]

_NAMES = {str: "text", int: "a whole number", float: "a number", list: "a list",
          type(None): "empty", bool: "true or false", dict: "a mapping"}


@dataclass(frozen=True)
class Option:
    key: str
    kind: type | tuple[type, ...]
    meaning: str
    check: Check | None = None

    @property
    def kinds(self) -> tuple[type, ...]:
        return self.kind if isinstance(self.kind, tuple) else (self.kind,)


def type_name(option: Option) -> str:
    """The accepted types in words ("a whole number or a number" reads as "a number")."""
    kinds = option.kinds
    if int in kinds and float in kinds:
        kinds = tuple(k for k in kinds if k is not int)
    return " or ".join(dict.fromkeys(_NAMES.get(k, k.__name__) for k in kinds))


def problem(option: Option, value: Any, label: str) -> str | None:
    """Why ``value`` does not fit ``option`` (``label`` names the key as the user wrote it),
    or None. A bool is no number here, though Python counts it as one."""
    kinds = option.kinds
    if isinstance(value, bool) != (bool in kinds) or not isinstance(value, kinds):
        return f"{label!r} must be {type_name(option)}, not {type(value).__name__}"
    reason = option.check(value) if option.check and value is not None else None
    return f"{label!r} {reason} (got {value!r})" if reason else None
