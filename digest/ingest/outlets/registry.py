"""The registry of news outlets: who they are, by name and by web domain.

The shipped file (``data/outlets.json``, compiled by hand; see its ``about``) knows several
hundred outlets by name, other spellings (English, Ukrainian, Russian, short names) and web
domains, with the timezone of their datelines. ``sources:`` in digest.yaml extends it: a
user's entry with the same name or a shared domain replaces the registry's (its name,
timezone and domains win; the registry's spellings are kept).

Names are found by token n-grams (a dict lookup per word, longest name first), so a page is
read once whatever the registry's size. A short all-capitals name ("UP", "AP", "ТАСС") only
matches in capitals as a whole word; names that are common words ("The Hill", "Metro", "El
País": "the country") only in a case written in the registry ("El País" or "EL PAÍS", never
"El país").

Everything else in the package reads pages; this module reads only names and hosts, and
:class:`Found` is what every signal answers with.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from digest.config import Source
from digest.ingest.outlets.words import _CAPS_MAX, _COMMON, _WORD

_HOST_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile)\.")


Mentions = list[tuple[str, list[tuple[Source, int, int]]]]  # lines and the outlets they name


@dataclass(frozen=True)
class Found:
    """An outlet and the signal that named it (``Extraction.outlet_source``)."""

    name: str
    signal: str
    source: Source | None = None


@dataclass(frozen=True)
class _Key:
    source: Source
    exact: frozenset[str] | None  # the spellings a match must have, or None for any case


class Registry:
    """Outlets by domain and by name; built once per set of digest.yaml ``sources``."""

    def __init__(self, entries: Iterable[tuple[Source, bool]]) -> None:
        self.sources: list[Source] = []
        self._domains: dict[str, Source] = {}
        self._names: dict[tuple[str, ...], _Key] = {}
        self._squashed: dict[str, Source] = {}
        self._first: set[str] = set()
        # one telling word of each name -> the words of the names it stands for
        self._anchors: dict[str, list[frozenset[str]]] = {}
        self._anchors_exact: dict[str, list[frozenset[str]]] = {}  # names of one case only
        self._exact_folded: dict[str, set[str]] = {}  # their anchors by casefolded word
        self._common: set[tuple[str, ...]] = set()  # one-word names that are common words
        self._longest = 1
        for source, exact_case in entries:
            self._add(source, exact_case)

    def _add(self, source: Source, exact_case: bool) -> None:
        self.sources.append(source)
        for domain in source.domains:
            self._domains.setdefault(_bare(domain), source)
        for name in (source.name, *source.aliases, *(_bare(d) for d in source.domains)):
            tokens = tuple(_WORD.findall(name))
            if not tokens:
                continue
            key = tuple(t.casefold() for t in tokens)
            caps = name.isupper() and len("".join(tokens)) <= _CAPS_MAX
            exact = " ".join(tokens) if caps or exact_case else None
            if exact_case and not caps and len(key) == 1:
                self._common.add(key)
            known = self._names.get(key)
            if known is None:
                self._names[key] = _Key(source, None if exact is None else frozenset((exact,)))
            elif known.source is source and known.exact is not None and exact is not None:
                self._names[key] = _Key(source, known.exact | {exact})  # "El País", "EL PAÍS"
            self._first.add(key[0])
            anchor = max(range(len(key)), key=lambda j: (key[j] not in _COMMON, len(key[j])))
            if exact is None:
                self._anchors.setdefault(key[anchor], []).append(frozenset(key))
            else:
                self._anchors_exact.setdefault(tokens[anchor], []).append(frozenset(key))
                self._exact_folded.setdefault(key[anchor], set()).add(tokens[anchor])
            self._longest = max(self._longest, len(key))
            if exact is None and "." not in name:
                self._squashed.setdefault("".join(key), source)

    # --- by URL ---------------------------------------------------------------------------
    def for_host(self, host: str) -> Source | None:
        """The outlet serving ``host``: the longest registered domain it equals or ends with."""
        labels = _bare(host).split(".")
        for i in range(len(labels) - 1):
            found = self._domains.get(".".join(labels[i:]))
            if found:
                return found
        return None

    def for_url(self, url: str | None) -> Source | None:
        return self.for_host(host(url)) if url else None

    # --- by name --------------------------------------------------------------------------
    def find(self, text: str) -> list[tuple[Source, int, int]]:
        """Every outlet named in ``text``, left to right, longest name first at each word."""
        words = list(_WORD.finditer(text))
        folded = [w.group().casefold() for w in words]
        out: list[tuple[Source, int, int]] = []
        i = 0
        while i < len(words):
            hit = self._match_at(words, folded, i) if folded[i] in self._first else None
            if hit is None:
                i += 1
                continue
            source, n = hit
            out.append((source, words[i].start(), words[i + n - 1].end()))
            i += n
        return out

    def mentions(self, lines: Sequence[str]) -> Mentions:
        """Each line that names an outlet, with its names (see :meth:`find`).

        One pass over the whole page finds which telling words of names occur in it at all
        (a set intersection); only the lines holding one are then read word by word, so the
        cost hardly depends on the registry's size."""
        text = "\n".join(lines)
        folded = text.casefold()
        words = set(_WORD.findall(folded))
        present = _present(self._anchors, words)
        exact = [a for f in self._exact_folded.keys() & words for a in self._exact_folded[f]
                 if a in text and any(name <= words for name in self._anchors_exact[a])]
        if not present and not exact:
            return []
        out = []
        for line, low in zip(lines, folded.split("\n"), strict=False):
            if any(a in low for a in present) or any(a in line for a in exact):
                hits = self.find(line)
                if hits:
                    out.append((line, hits))
        return out

    def _match_at(self, words: list[re.Match[str]], folded: list[str],
                  i: int) -> tuple[Source, int] | None:
        for n in range(min(self._longest, len(words) - i), 0, -1):
            key = self._names.get(tuple(folded[i:i + n]))
            if key is None:
                continue
            if key.exact is None or " ".join(w.group() for w in words[i:i + n]) in key.exact:
                return key.source, n
        return None

    def common(self, name: str) -> bool:
        """Whether ``name`` is a one-word registry name that is also a common word ("Metro",
        "Bild", "Fortune"), which a longer name may begin with ("Metro Atlanta")."""
        return tuple(w.casefold() for w in _WORD.findall(name)) in self._common

    def first(self, text: str) -> Source | None:
        hits = self.find(text)
        return hits[0][0] if hits else None

    def exactly(self, text: str) -> Source | None:
        """The outlet ``text`` is the name of, and nothing more ("Kyiv Post", "BBC News")."""
        tokens = _WORD.findall(text)
        if not tokens or len(tokens) > self._longest:
            return None
        key = self._names.get(tuple(t.casefold() for t in tokens))
        if key is None or (key.exact is not None and " ".join(tokens) not in key.exact):
            return None
        return key.source

    def named(self, text: str) -> Source | None:
        """The outlet ``text`` is: its name, an alias or one of its domains ("Kyiv Post",
        "kyivpost.com", "www.rferl.org"), as a person names the outlet a page came from."""
        return self.exactly(text) or (self.for_host(text) if "." in text else None)

    def squashed(self, text: str) -> Source | None:
        """The outlet a one-word site name spells without its spaces ("usatoday", "KyivPost")."""
        word = text.strip()
        return self._squashed.get(word.casefold()) if _WORD.fullmatch(word) else None

    def handle(self, handle: str) -> Source | None:
        """The outlet a social-media handle is made of ("@KyivPost", "@Kyivpost_official")."""
        head = handle.lstrip("@").split("_")[0].casefold()
        return self._squashed.get(head)


def _present(anchors: dict[str, list[frozenset[str]]], words: set[str]) -> list[str]:
    """The anchors of the names all of whose words occur among ``words``."""
    return [a for a in anchors.keys() & words if any(name <= words for name in anchors[a])]


def host(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _bare(domain: str) -> str:
    return _HOST_PREFIX.sub("", domain.strip().lower().rstrip("."))


@lru_cache(maxsize=1)
def _shipped() -> tuple[tuple[Source, bool], ...]:
    """The registry file: (source, exact_case) per outlet (country and languages are data for
    editors and other tools; ingest reads the language from the page itself)."""
    text = resources.files("digest.ingest").joinpath("data/outlets.json").read_text("utf-8")
    out = []
    for item in json.loads(text)["outlets"]:
        source = Source(item["name"], tuple(item.get("aliases", ())), item.get("timezone"),
                        tuple(item.get("domains", ())))
        out.append((source, bool(item.get("exact_case"))))
    return tuple(out)


@lru_cache(maxsize=8)
def registry(sources: tuple[Source, ...] = ()) -> Registry:
    """The shipped registry with the user's ``sources`` merged in (theirs win)."""
    return Registry(merge(sources, _shipped()))


def merge(user: Sequence[Source], shipped: Sequence[tuple[Source, bool]]
          ) -> list[tuple[Source, bool]]:
    """The user's sources first; a shipped outlet with the same name or a shared domain is
    folded into the user's entry (the user's name, timezone and domains; both spellings)."""
    taken: dict[int, Source] = {}
    for i, (entry, _) in enumerate(shipped):
        for mine in user:
            if _same(mine, entry):
                taken[i] = mine
                break
    merged: list[tuple[Source, bool]] = []
    for mine in user:
        extra = [entry for i, (entry, _) in enumerate(shipped) if taken.get(i) is mine]
        aliases = list(dict.fromkeys(
            [*mine.aliases, *(n for e in extra for n in (e.name, *e.aliases))]))
        domains = list(dict.fromkeys([*mine.domains, *(d for e in extra for d in e.domains)]))
        timezone = mine.timezone or next((e.timezone for e in extra if e.timezone), None)
        aliases = [a for a in aliases if a != mine.name]
        merged.append((Source(mine.name, tuple(aliases), timezone, tuple(domains)), False))
    merged += [pair for i, pair in enumerate(shipped) if i not in taken]
    return merged


def _same(mine: Source, entry: Source) -> bool:
    if mine.name.casefold() == entry.name.casefold():
        return True
    return bool({_bare(d) for d in mine.domains} & {_bare(d) for d in entry.domains})
