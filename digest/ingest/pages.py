"""Raw pages: what ingest reads, whatever brought it in.

A page comes from a saved file, from ``digest fetch`` (a file in raw/ with its provenance
beside it) or from an archive record. A saved file is a ``.txt`` dump, ``.html``, a page
saved as one file (``.mhtml``, :mod:`digest.ingest.mhtml`; Safari's ``.webarchive``,
:mod:`digest.ingest.webarchive`: read as the page's HTML and the address it was saved from)
or an article clipped as Markdown (``.md``, :mod:`digest.ingest.clipping`). Ingest sees each
as a :class:`RawPage`: its bytes, its kind, the name it is reported and recorded under (the
front matter's ``raw:``), and what its provenance says — the URL it was served from and a
date from the transport (HTTP ``Last-Modified``, ``WARC-Date``), which is the weakest date
evidence there is.

A page's provenance sits beside its file as ``<file>.provenance.json``::

    {"url": "https://...", "final_url": "https://...", "fetched": "2023-08-16T09:30:00+00:00",
     "status": 200, "etag": "...", "last_modified": "Wed, 16 Aug 2023 06:27:00 GMT",
     "content_type": "text/html; charset=utf-8"}

Every key is optional. It is read with ``json`` and checked key by key: a provenance file
is written by a fetcher from what a server said, so nothing in it is trusted beyond an
http(s) URL, a date and a short ``"outlet"`` name (which a person may add by hand).

**The outlet a page was saved from.** Many saved pages print no outlet at all (a dump of an
article's text, its menus gone). The person who saved them knows it, and says so in one of
three ways, strongest first: ``digest ingest --source NAME`` (every page of the run), an
``"outlet"`` key in the page's provenance file, or the folder the page sits in, named after
a known outlet's domain or name (``raw/pravda.com.ua/...``, ``raw/Kyiv Post/...``). Such a
hint is :attr:`Provenance.outlet`; the extractors prefer it to anything read from the text,
and only a URL that names a known outlet beats it (see :mod:`digest.ingest.metadata`).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from digest.ingest import clipping, mhtml, webarchive

HTML_SUFFIXES = (".html", ".htm")
MHTML_SUFFIXES = mhtml.SUFFIXES  # one HTML page and its pictures in a MIME message
WEBARCHIVE_SUFFIXES = webarchive.SUFFIXES  # the same as Safari saves it, a property list
CLIPPING_SUFFIXES = clipping.SUFFIXES  # an article clipped as Markdown with front matter
TEXT_SUFFIXES = (".txt",)
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")  # read record by record (digest.ingest.warc)
PROVENANCE_SUFFIX = ".provenance.json"
MAX_BYTES = 20_000_000  # bigger than any news page; a 50 MB "page" is refused, not parsed
MAX_PROVENANCE_BYTES = 64_000
MAX_OUTLET_CHARS = 120


@dataclass(frozen=True)
class Provenance:
    """What the transport said about a page: where it came from and when."""

    url: str | None = None  # the final URL the page was served from
    date: dt.datetime | None = None  # Last-Modified, else the fetch time (aware)
    date_kind: str | None = None  # "http" (Last-Modified), "fetched" or "warc" (WARC-Date)
    charset: str | None = None  # the charset its HTTP Content-Type declared
    outlet: str | None = None  # the outlet the person who saved it names (see above)


@dataclass(frozen=True)
class RawPage:
    """One page to ingest. ``data`` is given for in-memory pages (archive records);
    a file page is read by :meth:`read` when its turn comes."""

    name: str  # shown in reports and written as the article's ``raw:``
    kind: str  # "html", "text" or "clipping" (see kind_of)
    path: Path | None = None
    data: bytes | None = None
    provenance: Provenance = Provenance()

    @property
    def url(self) -> str | None:
        return self.provenance.url

    def read(self) -> bytes:
        """The page's bytes; a file over :data:`MAX_BYTES` is refused, not read."""
        if self.data is not None:
            return self.data
        assert self.path is not None
        size = self.path.stat().st_size
        if size > MAX_BYTES:
            raise ValueError(f"file is {size / 1e6:.0f} MB, over the "
                             f"{MAX_BYTES // 1_000_000} MB limit")
        return self.path.read_bytes()


def kind_of(path: Path) -> str | None:
    """``html``, ``text`` or ``clipping`` by the file's suffix; None for anything else."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or suffix in MHTML_SUFFIXES or suffix in WEBARCHIVE_SUFFIXES:
        return "html"
    if suffix in CLIPPING_SUFFIXES:
        return "clipping"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def is_archive(path: Path) -> bool:
    """A WARC file (``.warc`` or ``.warc.gz``): many pages, read one record at a time."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


class Input(NamedTuple):
    """One input file, with a reason when it is not a page to ingest, and the folders it
    sits in, nearest first, up to the folder it was given under (which may name its outlet)."""

    path: Path
    reason: str | None
    folders: tuple[str, ...] = ()


def walk(paths: Iterable[str | Path]) -> Iterator[Input]:
    """Input files in a stable order (see :class:`Input`).

    Hidden files and folders are passed over, and so are provenance files: each belongs to
    the page beside it. The files a browser saves with a page ("Webpage, Complete": the
    page's ``X_files/`` folder beside ``X.html``, with its pictures, scripts and the HTML of
    its ads and embeds) are listed as no pages of their own."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            top = path.resolve().name
            owners: dict[Path, str | None] = {}
            for child in sorted(p for p in path.rglob("*") if not p.is_dir()):
                inner = child.relative_to(path).parts
                if any(part.startswith(".") for part in inner):
                    continue
                if child.name.endswith(PROVENANCE_SUFFIX):
                    continue
                folders = (*reversed(inner[:-1]), top)
                owner = _saved_with(child, path, owners)
                reason = (f"saved with {owner} (its pictures, scripts and embeds): not a page"
                          if owner else unsupported(child))
                yield Input(child, reason, folders)
        elif path.is_file():
            yield Input(path, unsupported(path), (path.resolve().parent.name,))
        else:
            yield Input(path, "no such file or folder")


_RESOURCES = "_files"  # the folder Chrome, Firefox and Edge save a page's files in


def _saved_with(child: Path, top: Path, owners: dict[Path, str | None]) -> str | None:
    """The page whose resources folder ``child`` sits in (under ``top``), if any: a folder
    ``X_files`` with ``X.html`` (or ``.htm``) beside it."""
    for folder in child.relative_to(top).parents:
        if folder == Path("."):
            return None
        here = top / folder
        if here not in owners:
            stem = here.name.removesuffix(_RESOURCES)
            owners[here] = next((f"{stem}{ext}" for ext in HTML_SUFFIXES
                                 if here.name.endswith(_RESOURCES) and stem
                                 and (here.parent / f"{stem}{ext}").is_file()), None)
        if owners[here]:
            return owners[here]
    return None


def unsupported(path: Path) -> str | None:
    if not path.is_file():  # a FIFO or device named *.txt would block the read forever
        return "not a regular file"
    if kind_of(path) is not None or is_archive(path):
        return None
    suffixes = ", ".join(TEXT_SUFFIXES + HTML_SUFFIXES + MHTML_SUFFIXES + WEBARCHIVE_SUFFIXES
                         + CLIPPING_SUFFIXES + ARCHIVE_SUFFIXES)
    return f"not a page: only {suffixes} files are ingested"


def file_page(path: Path, name: str, *, source: str | None = None,
              folder: str | None = None) -> RawPage:
    """The page saved in ``path`` (its kind known to be supported), with its provenance and
    the outlet named for it: ``source`` (the command's) before its provenance file's, and
    that before ``folder`` (the outlet its folder is named after)."""
    kind = kind_of(path)
    assert kind is not None
    provenance = read_provenance(path)
    outlet = source or provenance.outlet or folder
    if outlet != provenance.outlet:
        provenance = replace(provenance, outlet=outlet)
    return RawPage(name, kind, path=path, provenance=provenance)


def opened(page: RawPage, data: bytes) -> RawPage:
    """The page with its bytes ``data`` (as :meth:`RawPage.read` gave them) to analyse: an
    MHTML file's HTML part or a web archive's main resource, with the address it was saved
    from as its URL unless its provenance file gives one (:mod:`digest.ingest.mhtml`,
    :mod:`digest.ingest.webarchive`); any other page as it is."""
    unpack = None if page.path is None else _UNPACKERS.get(page.path.suffix.lower())
    if unpack is None:
        return replace(page, data=data)
    saved = unpack(data)
    provenance = replace(page.provenance, url=page.provenance.url or saved.url,
                         charset=page.provenance.charset or saved.charset)
    return replace(page, data=saved.html, provenance=provenance)


# The files that hold one page among other things, by suffix, and what takes it out of them
_UNPACKERS = {**dict.fromkeys(MHTML_SUFFIXES, mhtml.unpack),
              **dict.fromkeys(WEBARCHIVE_SUFFIXES, webarchive.unpack)}


def provenance_path(path: Path) -> Path:
    return path.with_name(path.name + PROVENANCE_SUFFIX)


def read_provenance(path: Path) -> Provenance:
    """The provenance beside ``path``; an empty one when there is none.

    A provenance file that cannot be read raises ValueError naming it, so the page is
    reported rather than ingested without what its fetcher knew."""
    side = provenance_path(path)
    if not side.is_file():
        return Provenance()
    try:
        if side.stat().st_size > MAX_PROVENANCE_BYTES:
            raise ValueError("too large")
        data = json.loads(side.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        raise ValueError(f"{side.name}: cannot read the page's provenance ({exc}); fix or "
                         "delete it") from exc
    url = next((u for u in (data.get("final_url"), data.get("url")) if is_http(u)), None)
    charset = charset_of(data.get("content_type"))
    outlet = outlet_name(data.get("outlet"))
    modified = http_date(data.get("last_modified"))
    if modified is not None:
        return Provenance(url, modified, "http", charset, outlet)
    return Provenance(url, iso_date(data.get("fetched")), "fetched", charset, outlet)


def outlet_name(value: object) -> str | None:
    """A short one-line name, else None (the key is optional; anything else is ignored)."""
    if not isinstance(value, str):
        return None
    name = " ".join(value.split())
    return name if 0 < len(name) <= MAX_OUTLET_CHARS else None


def charset_of(content_type: object) -> str | None:
    """The ``charset`` parameter of an HTTP Content-Type (``text/html; charset=UTF-8``)."""
    if not isinstance(content_type, str):
        return None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            value = value.strip().strip("\"'").strip()
            return value[:40] or None
    return None


def is_http(value: object) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://")) \
        and len(value) < 4096


def http_date(value: object) -> dt.datetime | None:
    """An HTTP date (``Wed, 16 Aug 2023 06:27:00 GMT``) as an aware datetime."""
    if not isinstance(value, str):
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def iso_date(value: object) -> dt.datetime | None:
    """An ISO 8601 date-time with an offset (``WARC-Date``, a fetch time)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None
