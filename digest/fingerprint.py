"""Short stable hashes that say "these inputs are the same as last time".

Page keys (:mod:`digest.render`), feed keys (:mod:`digest.feeds`) and the build
cache (:mod:`digest.cache`) compare them; the same parts give the same hash
in every process, so parts must have a stable ``repr`` (no sets).
"""

from __future__ import annotations

import hashlib


def fingerprint(*parts: object) -> str:
    """A short, stable hash of the given parts (their repr)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()
