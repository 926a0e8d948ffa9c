"""WARC archives: response records in, pages out, one record at a time.

Read with warcio (Webrecorder's WARC library: streams plain and per-record gzipped WARC,
decodes chunked and compressed HTTP bodies, verifies block digests, and its ``WARCWriter``
writes the archives the tests read). fastwarc is faster, but an archive is read at hundreds
of MB/s either way, thousands of times faster than pages are extracted, so speed does not
decide; one library for reading and writing does.

A record becomes a :class:`~digest.ingest.pages.RawPage` only when it is an HTTP 200
response whose Content-Type is HTML. Every other record (request, revisit, metadata,
warcinfo, a 404, an image) is :class:`PassedOver` with a short reason the report counts.
A record that cannot be read (a corrupt gzip member, a bad header, a block digest that does
not match, a record cut short) is :class:`Broken`: reported, and reading goes on at the
next record the file's bytes show (the next gzip member, or the next ``WARC/1.x`` line).

Records are yielded as they are read: nothing but the current record is held in memory.
A page's name is ``<archive>#<WARC-Record-ID>`` (else ``#offset-<n>``): stable, so the
same archive gives the same names, and the front matter's ``raw:`` says where it came from.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.ingest.pages import MAX_BYTES, Provenance, RawPage, charset_of, is_http, iso_date

HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN = 1 << 20


@dataclass(frozen=True)
class PassedOver:
    """A record that is not a page (counted by reason, not listed)."""

    reason: str


@dataclass(frozen=True)
class Broken:
    """A record that could not be read; the archive goes on after it."""

    name: str
    reason: str


Record = RawPage | PassedOver | Broken


class MissingLibrary(ImportError):
    """warcio is not installed (it comes with the ``archive`` extra)."""


def records(path: Path, shown: str) -> Iterator[Record]:
    """Every record of the archive at ``path`` as a page, a pass-over or a breakage.

    ``shown`` is the archive as reports name it; pages are named ``<shown>#<record id>``.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:
        raise MissingLibrary("reading WARC archives needs warcio: "
                             "pip install 'digest[archive]'") from exc
    size = path.stat().st_size
    with path.open("rb") as handle:
        gzipped = handle.read(2) == _GZIP_MAGIC[:2]
        start = 0
        while start < size:
            handle.seek(start)
            reader = ArchiveIterator(handle, check_digests=True)
            end = start
            try:
                for record in reader:
                    yield _record(record, reader, shown)
                    end = reader.get_record_offset() + reader.get_record_length()
            except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError) as exc:
                yield Broken(f"{shown}@{end}", f"corrupt record at byte {end} ({_short(exc)}); "
                             "reading goes on at the next record")
                start = _next_start(handle, end + 1, gzipped)
                continue
            if _has_more(handle, end, size):
                yield Broken(f"{shown}@{end}", f"truncated archive: {size - end} bytes after "
                             f"byte {end} are not a whole record")
            return


def _record(record: Any, reader: Any, shown: str) -> Record:
    """One record as what ingest makes of it; reads it to its end (lengths, digests)."""
    name = _name(record, reader, shown)
    why_not = _not_a_page(record)
    data = b"" if why_not else record.content_stream().read(MAX_BYTES + 1)
    reader.read_to_end()
    problem = _problem(record, reader, data)
    if problem:
        return Broken(name, problem)
    if why_not:
        return PassedOver(why_not)
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    content_type = record.http_headers.get_header("Content-Type") or ""
    provenance = Provenance(url if is_http(url) else None,
                            iso_date(headers.get_header("WARC-Date")), "warc",
                            charset_of(content_type))
    return RawPage(name, "html", data=data, provenance=provenance)


def _not_a_page(record: Any) -> str | None:
    """Why a record is not an HTML page served with 200, or None when it is one."""
    if record.rec_type != "response":
        return f"{record.rec_type} record"
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    if status != "200":
        return f"HTTP {status}" if status else "not an HTTP response"
    mime = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if mime not in HTML_TYPES:
        return f"not HTML ({mime or 'no Content-Type'})"
    return None


def _name(record: Any, reader: Any, shown: str) -> str:
    rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip().strip("<>")
    if rid and len(rid) < 200 and rid.isprintable():
        return f"{shown}#{rid}"
    return f"{shown}#offset-{reader.offset}"


def _problem(record: Any, reader: Any, data: bytes) -> str | None:
    if len(data) > MAX_BYTES:
        return f"record is over the {MAX_BYTES // 1_000_000} MB page limit"
    if getattr(record.raw_stream, "limit", 0) > 0:
        return f"truncated record: {record.raw_stream.limit} bytes of its block are missing"
    member = getattr(reader.reader, "decompressor", None)
    if member is not None and not getattr(member, "eof", True):
        return "truncated record: its gzip member ends before its end marker"
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.passed is False:
        return f"corrupt record: {'; '.join(checker.problems) or 'digest mismatch'}"
    return None


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()).split(", first line")[0]  # not the record's bytes
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__


def _next_start(handle: Any, position: int, gzipped: bool) -> int:
    """Where the next record may start at or after ``position``; the file's end if nowhere."""
    magic = _GZIP_MAGIC if gzipped else _WARC_MAGIC
    handle.seek(position)
    carry = b""
    base = position
    while True:
        chunk = handle.read(_SCAN)
        if not chunk:
            return base + len(carry)
        window = carry + chunk
        found = window.find(magic)
        if found >= 0:
            return base + found
        keep = len(magic) - 1
        base += len(window) - keep
        carry = window[-keep:]


def _has_more(handle: Any, end: int, size: int) -> bool:
    """Bytes after the last whole record other than blank lines: a record cut short."""
    if size - end <= 0:
        return False
    handle.seek(end)
    return bool(handle.read(min(size - end, 64)).strip())
