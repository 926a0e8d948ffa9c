"""Find pages already seen: the same file, the same text, or a syndicated near-copy.

Three tests, cheapest first: the raw file's sha256; a hash of the body's normalised words
(the same article saved twice with different chrome or whitespace); and resemblance of the
bodies' 5-word shingles (an agency story republished by a second outlet with a changed
sentence or two). Resemblance is estimated from a bottom-k sketch of each body's shingle
hashes (Broder's estimator), so remembering a 10,000-article store costs a few hundred
integers per article; candidates are found through an inverted index of sketch hashes, so a
check does not compare against every article.

Text is only compared for bodies of at least :data:`MIN_WORDS` words. A shorter "body" is
too little to tell two stories apart: when the cleaner keeps only a site's sidebar or a
cookie notice from two different pages, their bodies are identical, and calling the second
page a duplicate would silently lose it. Such pages are written (and are easy to spot and
delete), which costs less than a story that never arrives.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

SHINGLE = 5
SKETCH = 128
THRESHOLD = 0.8
MIN_WORDS = 50  # shorter bodies are never compared by text: too little to tell stories apart

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Duplicate:
    """Why a page is not new, and which file holds the original."""

    kind: str  # "same file", "same text", "near-duplicate"
    original: str
    similarity: float = 1.0
    note: str | None = None  # the original's other file ("article content/...", "from raw/...")

    def reason(self) -> str:
        """One line naming the original (both its files when known) and why it matches."""
        if self.kind == "same file":
            why, head = "same file contents", "duplicate"
        elif self.kind == "same text":
            why, head = "same article text", "duplicate"
        else:
            why, head = f"similarity {self.similarity:.2f}", "near-duplicate"
        note = f"; {self.note}" if self.note else ""
        return f"{head} of {self.original} ({why}{note})"


@dataclass(frozen=True)
class Fingerprint:
    """What dedupe compares of a body, computed once (on any worker) from the text alone:
    the hash of its normal words and its shingle sketch; both empty under MIN_WORDS."""

    text_hash: str | None
    sketch: frozenset[int]


def fingerprint(body: str) -> Fingerprint:
    words = normal_words(body)
    if len(words) < MIN_WORDS:
        return Fingerprint(None, frozenset())
    return Fingerprint(_text_hash(words), _sketch(words))


@dataclass
class _Entry:
    label: str
    sketch: tuple[int, ...]  # a tuple is half a frozenset's memory; compared rarely


@dataclass
class DedupeIndex:
    """What has been seen so far: the store's articles and this run's pages."""

    threshold: float = THRESHOLD
    _raw: dict[str, str] = field(default_factory=dict)
    _text: dict[str, str] = field(default_factory=dict)
    _entries: list[_Entry] = field(default_factory=list)
    # sketch hash -> entry index, or a list of them: most hashes belong to one article,
    # and a list per hash would double the index's memory
    _postings: dict[int, int | list[int]] = field(default_factory=dict)
    _notes: dict[str, str] = field(default_factory=dict)

    def add(self, label: str, body: str | Fingerprint, raw_sha256: str | None = None,
            note: str | None = None) -> None:
        """Remember an article under ``label`` (a content path or a raw file path).

        ``body`` is its text or that text's :class:`Fingerprint`. ``note`` names the
        original's other file in reports (its raw page, or the article a raw page became),
        so that a skipped page's reason names both."""
        printed = body if isinstance(body, Fingerprint) else fingerprint(body)
        if note:
            self._notes.setdefault(label, note)
        if raw_sha256:
            self._raw.setdefault(raw_sha256, label)
        if printed.text_hash is not None:
            self._text.setdefault(printed.text_hash, label)
            index = len(self._entries)
            self._entries.append(_Entry(label, tuple(printed.sketch)))
            for h in printed.sketch:
                have = self._postings.get(h)
                if have is None:
                    self._postings[h] = index
                elif isinstance(have, int):
                    self._postings[h] = [have, index]
                else:
                    have.append(index)

    def check(
        self, body: str | Fingerprint, raw_sha256: str | None = None,
        ignore: frozenset[str] = frozenset(),
    ) -> Duplicate | None:
        """The first reason this page is not new, or None; ``ignore`` skips those labels."""
        if raw_sha256 and self._raw.get(raw_sha256) not in (None, *ignore):
            return self._found("same file", self._raw[raw_sha256])
        printed = body if isinstance(body, Fingerprint) else fingerprint(body)
        if printed.text_hash is None:
            return None
        original = self._text.get(printed.text_hash)
        if original is not None and original not in ignore:
            return self._found("same text", original)
        return self._near(printed.sketch, ignore)

    def _found(self, kind: str, original: str, similarity: float = 1.0) -> Duplicate:
        return Duplicate(kind, original, similarity, self._notes.get(original))

    def _near(self, sketch: frozenset[int], ignore: frozenset[str]) -> Duplicate | None:
        shared: dict[int, int] = defaultdict(int)
        for h in sketch:
            have = self._postings.get(h)
            for index in (have,) if isinstance(have, int) else have or ():
                shared[index] += 1
        need = self.threshold * min(SKETCH, len(sketch)) * 0.5
        best: tuple[float, str] | None = None
        for index, count in shared.items():
            if count < need:
                continue
            entry = self._entries[index]
            if entry.label in ignore:
                continue
            similarity = resemblance(sketch, frozenset(entry.sketch))
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, entry.label)
        return self._found("near-duplicate", best[1], best[0]) if best else None


def normal_words(text: str) -> list[str]:
    """Lowercased words without punctuation or Markdown markers: what "same text" compares."""
    return _WORD.findall(text.casefold())


def _text_hash(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def shingles(words: list[str]) -> set[int]:
    """32-bit hashes of the overlapping 5-word shingles (one shingle for shorter texts)."""
    if len(words) <= SHINGLE:
        return {zlib.crc32(" ".join(words).encode("utf-8"))}
    return {
        zlib.crc32(" ".join(words[i : i + SHINGLE]).encode("utf-8"))
        for i in range(len(words) - SHINGLE + 1)
    }


def _sketch(words: list[str]) -> frozenset[int]:
    return frozenset(sorted(shingles(words))[:SKETCH])


def resemblance(a: frozenset[int], b: frozenset[int]) -> float:
    """Broder's bottom-k estimate of the Jaccard similarity of the two full shingle sets."""
    k = min(SKETCH, len(a | b))
    if k == 0:
        return 0.0
    union_bottom = sorted(a | b)[:k]
    both = a & b
    return sum(1 for h in union_bottom if h in both) / k
