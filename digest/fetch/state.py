"""What fetch remembers between runs: ``.digest/fetch-state.json``.

Per URL, the validators its server sent (ETag, Last-Modified), so the next run asks
conditionally and an unchanged page costs a 304; per source, what it was (feed, sitemap,
page) and the pages it listed, so a source that answers 304 still has its pages asked
again; per host, the robots.txt last read. The file is fetch's own cache: losing it only
means a run downloads again (pages already in raw/ are recognised and not written twice).
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from digest import atomic
from digest.lock import held

STATE_DIR = ".digest"
STATE_FILE = "fetch-state.json"
VERSION = 1


@dataclass
class State:
    pages: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)
    robots: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> State:
        """The saved state; a missing or unreadable file counts as none (a run then only
        downloads more) and is replaced when the run saves."""
        path = root / STATE_DIR / STATE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # FileNotFoundError among them
            return cls()
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return cls()
        parts = [data.get(k) for k in ("pages", "sources", "robots")]
        return cls(*[{u: e for u, e in p.items() if isinstance(e, dict)}
                     if isinstance(p, dict) else {} for p in parts])

    def save(self, root: Path) -> None:
        folder = root / STATE_DIR
        folder.mkdir(exist_ok=True)
        data = {"version": VERSION, "pages": self.pages, "sources": self.sources,
                "robots": self.robots}
        atomic.write_bytes(folder / STATE_FILE,
                     (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
                      + "\n").encode("utf-8"))


def lock(root: Path) -> contextlib.AbstractContextManager[None]:
    """One ``digest fetch`` per project at a time: two would write the same files."""
    return held(root / STATE_DIR, "fetch.lock",
                "another 'digest fetch' is running in this project; wait for it to finish",
                what="fetch keeps its state")
