"""Find pages already seen: the same file, the same text, or a syndicated near-copy.

Three tests, cheapest first: the raw file's sha256; a hash of the body's normalised words
(the same article saved twice with different chrome or whitespace); and resemblance of the
bodies' 5-word shingles (an agency story republished by a second outlet with a changed
sentence or two). Resemblance is estimated from a bottom-k sketch of each body's shingle
hashes (Broder's estimator), so remembering a 10,000-article store costs a few hundred
integers per article; candidates are found through an inverted index of sketch hashes, so a
check does not compare against every article.
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
MIN_WORDS = 25  # shorter bodies are compared by exact text only: too little to judge resemblance

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Duplicate:
    """Why a page is not new, and which file holds the original."""

    kind: str  # "same file", "same text", "near-duplicate"
    original: str
    similarity: float = 1.0

    def reason(self) -> str:
        if self.kind == "same file":
            return f"duplicate of {self.original} (same file contents)"
        if self.kind == "same text":
            return f"duplicate of {self.original} (same article text)"
        return f"near-duplicate of {self.original} (similarity {self.similarity:.2f})"


@dataclass
class _Entry:
    label: str
    sketch: frozenset[int]


@dataclass
class DedupeIndex:
    """What has been seen so far: the store's articles and this run's pages."""

    threshold: float = THRESHOLD
    _raw: dict[str, str] = field(default_factory=dict)
    _text: dict[str, str] = field(default_factory=dict)
    _entries: list[_Entry] = field(default_factory=list)
    _postings: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, label: str, body: str, raw_sha256: str | None = None) -> None:
        """Remember an article under ``label`` (a content path or a raw file path)."""
        if raw_sha256:
            self._raw.setdefault(raw_sha256, label)
        words = normal_words(body)
        if words:
            self._text.setdefault(_text_hash(words), label)
        if len(words) >= MIN_WORDS:
            index = len(self._entries)
            sketch = _sketch(words)
            self._entries.append(_Entry(label, sketch))
            for h in sketch:
                self._postings[h].append(index)

    def check(
        self, body: str, raw_sha256: str | None = None, ignore: frozenset[str] = frozenset()
    ) -> Duplicate | None:
        """The first reason this page is not new, or None; ``ignore`` skips those labels."""
        if raw_sha256 and self._raw.get(raw_sha256) not in (None, *ignore):
            return Duplicate("same file", self._raw[raw_sha256])
        words = normal_words(body)
        if not words:
            return None
        original = self._text.get(_text_hash(words))
        if original is not None and original not in ignore:
            return Duplicate("same text", original)
        if len(words) < MIN_WORDS:
            return None
        return self._near(words, ignore)

    def _near(self, words: list[str], ignore: frozenset[str]) -> Duplicate | None:
        sketch = _sketch(words)
        shared: dict[int, int] = defaultdict(int)
        for h in sketch:
            for index in self._postings.get(h, ()):
                shared[index] += 1
        need = self.threshold * min(SKETCH, len(sketch)) * 0.5
        best: tuple[float, str] | None = None
        for index, count in shared.items():
            if count < need:
                continue
            entry = self._entries[index]
            if entry.label in ignore:
                continue
            similarity = resemblance(sketch, entry.sketch)
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, entry.label)
        return Duplicate("near-duplicate", best[1], best[0]) if best else None


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
