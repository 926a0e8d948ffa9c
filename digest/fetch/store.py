"""Fetched pages on disk: ``raw/fetched/<host>/<words>-<hash>.html`` + ``.provenance.json``.

The name comes from the normalised URL only (:func:`digest.fetch.urls.file_stem`), never
from a header or anything else the server chose, and the resolved folder must lie inside
the project, so a symbolic link planted in raw/ cannot send a write elsewhere. A file
already there is never overwritten: the copy an article was ingested from stays its
provenance (the report says when the server's copy has changed since).
"""

from __future__ import annotations

import json
from pathlib import Path

from digest.atomic import write_bytes
from digest.config import Config
from digest.fetch.client import Response, validators_of
from digest.fetch.urls import file_stem
from digest.ingest.pages import provenance_path
from digest.report import DigestError


class RawFolder:
    def __init__(self, config: Config):
        self.root = Path(config.root).resolve()
        self.base = self.root / config.raw_dir / config.fetch.folder

    def target(self, url: str) -> Path:
        folder, stem = file_stem(url)
        return self.base / folder / f"{stem}.html"

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def write(self, path: Path, body: bytes, response: Response, charset: str | None) -> None:
        """Write the page and its provenance (the page last, so a page file always has one)."""
        real = path.parent.resolve()  # before mkdir: it would follow a planted link
        if not real.is_relative_to(self.root):
            raise DigestError(f"{self.relative(path)}: its folder resolves outside the project "
                              f"({real}); remove the symbolic link")
        path.parent.mkdir(parents=True, exist_ok=True)
        provenance = {"url": response.url, "final_url": response.final_url,
                      "fetched": response.fetched.isoformat(), "status": response.status,
                      **validators_of(response.headers),
                      "content_type": response.content_type[:200] or None}
        if charset:
            provenance["charset"] = charset  # served in it; saved as UTF-8 with a BOM
        side = provenance_path(path)
        text = json.dumps(provenance, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        write_bytes(side, text.encode("utf-8"))
        write_bytes(path, body)
