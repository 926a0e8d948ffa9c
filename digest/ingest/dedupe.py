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
import heapq
import re
import zlib
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

SHINGLE = 5
SKETCH = 128
THRESHOLD = 0.8
MIN_WORDS = 50  # shorter bodies are never compared by text: too little to tell stories apart

_WORD = re.compile(r"\w+")
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")


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


def _key(digest: str) -> str | bytes:
    """A hex digest as its 32 bytes (half the memory of the string); anything else as is."""
    return bytes.fromhex(digest) if _HEX_DIGEST.fullmatch(digest) else digest


class _Postings:
    """Sketch hash -> the numbers of the entries holding it, ascending, in a few KB per
    thousand articles instead of a dict's hundred bytes per hash.

    New postings go to a small dict; when it fills, it becomes a sorted run of two flat
    arrays (hash, entry), and runs of similar size are merged (a binary counter), so there
    are O(log n) runs to bisect. Entry numbers only grow, so a later run's entries all come
    after an earlier run's, and reading the runs oldest first gives them in ascending order:
    the order the dict of lists this replaces gave.
    """

    TAIL = 1 << 15

    def __init__(self) -> None:
        self._runs: list[tuple[array, array]] = []
        self._tail: dict[int, list[int]] = {}
        self._tail_size = 0

    def add(self, h: int, entry: int) -> None:
        self._tail.setdefault(h, []).append(entry)
        self._tail_size += 1
        if self._tail_size >= self.TAIL:
            self._flush()

    def get(self, h: int) -> list[int]:
        out: list[int] = []
        for keys, entries in self._runs:
            lo = bisect_left(keys, h)
            if lo < len(keys) and keys[lo] == h:
                out.extend(entries[lo:bisect_right(keys, h, lo)])
        out.extend(self._tail.get(h, ()))
        return out

    def _flush(self) -> None:
        keys, entries = array("I"), array("i")
        for h in sorted(self._tail):
            for entry in self._tail[h]:
                keys.append(h)
                entries.append(entry)
        self._tail, self._tail_size = {}, 0
        self._runs.append((keys, entries))
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= 2 * len(self._runs[-1][0]):
            newer = self._runs.pop()
            older = self._runs.pop()
            self._runs.append(_merge(older, newer))


def _merge(older: tuple[array, array], newer: tuple[array, array]) -> tuple[array, array]:
    """One sorted run of two; an equal hash keeps the older run's entries first."""
    keys, entries = array("I"), array("i")
    for h, entry in heapq.merge(zip(*older, strict=True), zip(*newer, strict=True)):
        keys.append(h)
        entries.append(entry)
    return keys, entries


@dataclass
class DedupeIndex:
    """What has been seen so far: the store's articles and this run's pages.

    It lives for a whole ingest run, so it keeps every article compactly: digests as bytes,
    each sketch in one flat array of 32-bit hashes, the inverted index of sketch hashes as
    sorted runs of flat arrays (:class:`_Postings`); about 2 KB per article.
    """

    threshold: float = THRESHOLD
    _raw: dict[str | bytes, str] = field(default_factory=dict)
    _text: dict[str | bytes, str] = field(default_factory=dict)
    _labels: list[str] = field(default_factory=list)  # entry number -> label
    _sketches: array = field(default_factory=lambda: array("I"))  # every entry's, end to end
    _ends: array = field(default_factory=lambda: array("i"))  # where each entry's sketch ends
    _postings: _Postings = field(default_factory=_Postings)
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
            self._raw.setdefault(_key(raw_sha256), label)
        if printed.text_hash is not None:
            self._text.setdefault(_key(printed.text_hash), label)
            index = len(self._labels)
            self._labels.append(label)
            self._sketches.extend(printed.sketch)
            self._ends.append(len(self._sketches))
            for h in sorted(printed.sketch)[:self.lowest]:
                self._postings.add(h, index)

    @property
    def lowest(self) -> int:
        """How many of a sketch's lowest hashes are indexed, and looked up: enough that any
        pair at or above the threshold shares one of them. Of the ``k`` lowest hashes of two
        sketches' union, a pair resembling at ``t`` has at most ``(1 - t) k`` that only one
        of them holds, so one of the first ``(1 - t) k + 1`` is in both; and a hash in
        both, below all but ``r - 1`` of the union, is among each sketch's ``r`` lowest. So
        27 of 128 hashes (``t`` = 0.8) find every near-duplicate that all 128 would."""
        return int((1 - self.threshold) * SKETCH) + 2

    def check(
        self, body: str | Fingerprint, raw_sha256: str | None = None,
        ignore: frozenset[str] = frozenset(),
    ) -> Duplicate | None:
        """The first reason this page is not new, or None; ``ignore`` skips those labels."""
        raw = self._raw.get(_key(raw_sha256)) if raw_sha256 else None
        if raw is not None and raw not in ignore:
            return self._found("same file", raw)
        printed = body if isinstance(body, Fingerprint) else fingerprint(body)
        if printed.text_hash is None:
            return None
        original = self._text.get(_key(printed.text_hash))
        if original is not None and original not in ignore:
            return self._found("same text", original)
        return self._near(printed.sketch, ignore)

    def _found(self, kind: str, original: str, similarity: float = 1.0) -> Duplicate:
        return Duplicate(kind, original, similarity, self._notes.get(original))

    def _near(self, sketch: frozenset[int], ignore: frozenset[str]) -> Duplicate | None:
        """The most similar article at or above the threshold; of equals, the one whose
        hashes the query's own order of hashes meets first (then the one added first)."""
        found: set[int] = set()
        for h in sorted(sketch)[:self.lowest]:
            found.update(self._postings.get(h))
        order = {h: i for i, h in enumerate(sketch)}
        best: tuple[float, int, int, str] | None = None
        for index in found:
            label = self._labels[index]
            if label in ignore:
                continue
            start = self._ends[index - 1] if index else 0
            other = frozenset(self._sketches[start:self._ends[index]])
            similarity = resemblance(sketch, other)
            if similarity < self.threshold:
                continue
            match = (-similarity, min(order[h] for h in sketch & other), index, label)
            best = match if best is None or match < best else best
        return self._found("near-duplicate", best[3], -best[0]) if best else None


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
