"""Find pages already seen: the same file, the same text, or a syndicated near-copy.

Three tests, cheapest first: the raw file's sha256; a hash of the body's normalised words
(the same article saved twice with different chrome or whitespace); and resemblance of the
bodies' 5-word shingles (an agency story republished by a second outlet with a changed
sentence or two). Resemblance is estimated from a bottom-k sketch of each body's shingle
hashes (Broder's estimator), so remembering a 10,000-article store costs a few hundred
integers per article; candidates are found through an inverted index of sketch hashes, so a
check does not compare against every article. The index lives in the run's ledger on disk
(:mod:`digest.ingest.ledger`), so a run's memory does not grow with the articles it meets.

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
from array import array
from dataclasses import dataclass

from digest.ingest.ledger import Ledger

SHINGLE = 5
SKETCH = 128
THRESHOLD = 0.8
MIN_WORDS = 50  # shorter bodies are never compared by text: too little to tell stories apart

_RAW, _TEXT = 0, 1  # the kinds of digest: a raw file's sha256, a text's hash
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
    """A hex digest as its 32 bytes (half the space of the string); anything else as is."""
    return bytes.fromhex(digest) if _HEX_DIGEST.fullmatch(digest) else digest


_SCHEMA = """
CREATE TABLE dedupe_digest (kind INTEGER, digest, label TEXT, PRIMARY KEY (kind, digest))
    WITHOUT ROWID;
CREATE TABLE dedupe_note (label TEXT PRIMARY KEY, note TEXT) WITHOUT ROWID;
CREATE TABLE dedupe_entry (entry INTEGER PRIMARY KEY, label TEXT, sketch BLOB);
CREATE TABLE dedupe_posting (hash INTEGER, entry INTEGER, PRIMARY KEY (hash, entry))
    WITHOUT ROWID;
"""


class DedupeIndex:
    """What has been seen so far: the store's articles and this run's pages.

    It lives for a whole ingest run, which may write millions of articles, so it keeps
    them in the run's ledger (:mod:`digest.ingest.ledger`: sqlite on disk), not in memory:
    digests as bytes, each sketch as one blob of 32-bit hashes, and the inverted index of
    its :attr:`lowest` hashes as (hash, entry) rows. A check reads the rows of its few
    dozen hashes and the sketches they lead to. A digest keeps the first label added with
    it, and entry numbers grow as articles are added and break ties between equally near
    ones (so the order sqlite returns rows in does not matter): the answers are those of
    the in-memory dicts and arrays this replaced.
    """

    def __init__(self, ledger: Ledger | None = None, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._ledger = ledger or Ledger()
        self._own = ledger is None
        self.db = self._ledger.db
        self.db.executescript(_SCHEMA)
        self._entries = 0

    def close(self) -> None:
        """Close its ledger when it made its own."""
        if self._own:
            self._ledger.close()

    def add(self, label: str, body: str | Fingerprint, raw_sha256: str | None = None,
            note: str | None = None) -> None:
        """Remember an article under ``label`` (a content path or a raw file path).

        ``body`` is its text or that text's :class:`Fingerprint`. ``note`` names the
        original's other file in reports (its raw page, or the article a raw page became),
        so that a skipped page's reason names both."""
        printed = body if isinstance(body, Fingerprint) else fingerprint(body)
        db = self.db
        if note:
            db.execute("INSERT OR IGNORE INTO dedupe_note VALUES (?, ?)", (label, note))
        digests = [(kind, _key(digest), label) for kind, digest
                   in ((_RAW, raw_sha256), (_TEXT, printed.text_hash)) if digest]
        db.executemany("INSERT OR IGNORE INTO dedupe_digest VALUES (?, ?, ?)", digests)
        if printed.text_hash is not None:
            entry = self._entries
            self._entries += 1
            hashes = sorted(printed.sketch)
            db.execute("INSERT INTO dedupe_entry VALUES (?, ?, ?)",
                       (entry, label, array("I", hashes).tobytes()))
            db.executemany("INSERT INTO dedupe_posting VALUES (?, ?)",
                           [(h, entry) for h in hashes[:self.lowest]])

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
        printed = body if isinstance(body, Fingerprint) else fingerprint(body)
        found = dict(self.db.execute(
            "SELECT kind, label FROM dedupe_digest WHERE (kind = ? AND digest = ?) "
            "OR (kind = ? AND digest = ?)",
            (_RAW, _key(raw_sha256 or ""), _TEXT, _key(printed.text_hash or ""))))
        raw = found.get(_RAW) if raw_sha256 else None
        if raw is not None and raw not in ignore:
            return self._found("same file", raw)
        if printed.text_hash is None:
            return None
        original = found.get(_TEXT)
        if original is not None and original not in ignore:
            return self._found("same text", original)
        return self._near(printed.sketch, ignore)

    def _found(self, kind: str, original: str, similarity: float = 1.0) -> Duplicate:
        row = self.db.execute("SELECT note FROM dedupe_note WHERE label = ?",
                              (original,)).fetchone()
        return Duplicate(kind, original, similarity, row[0] if row else None)

    def _near(self, sketch: frozenset[int], ignore: frozenset[str]) -> Duplicate | None:
        """The most similar article at or above the threshold; of equals, the one whose
        hashes the query's own order of hashes meets first (then the one added first)."""
        lowest = sorted(sketch)[:self.lowest]
        if not lowest:
            return None
        rows = self.db.execute(
            "SELECT entry, label, sketch FROM dedupe_entry WHERE entry IN (SELECT entry FROM "
            f"dedupe_posting WHERE hash IN ({','.join('?' * len(lowest))}))",  # noqa: S608
            lowest).fetchall()
        order = {h: i for i, h in enumerate(sketch)}
        best: tuple[float, int, int, str] | None = None
        for index, label, blob in rows:
            if label in ignore:
                continue
            hashes = array("I")
            hashes.frombytes(blob)
            other = frozenset(hashes)
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
