"""The charset a page is read in: the HTTP header's, else the page's own, else detection.

Ingest decodes a raw file from its bytes alone (a BOM, then ``<meta charset>``, then
UTF-8, then detection for cp1251/koi8-r: :mod:`digest.ingest.decode`). A charset the server
sent in ``Content-Type`` lives outside the bytes, so when it differs from what ingest would
pick, the page is saved as UTF-8 with a BOM (which wins in ingest, as in a browser) and the
provenance records the charset it was served in. Otherwise the bytes are saved as served.
"""

from __future__ import annotations

import codecs

from digest.ingest.decode import NotTextError, decode, transport_codec
from digest.ingest.pages import charset_of

UTF8_BOM = codecs.BOM_UTF8


def header_charset(content_type: str) -> str | None:
    """The ``charset`` parameter of a Content-Type header, when it names a known codec; read
    as ingest reads it from the provenance (:func:`digest.ingest.pages.charset_of`,
    :func:`digest.ingest.decode.transport_codec`: latin-1 is read as windows-1252)."""
    return transport_codec(charset_of(content_type))


def as_saved(body: bytes, content_type: str) -> tuple[bytes, str | None]:
    """The bytes to write for a page served as ``content_type``, and the charset they were
    transcoded from (None when the bytes are kept as served)."""
    charset = header_charset(content_type)
    if charset is None or body.startswith((UTF8_BOM, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body, None  # no header charset, or a BOM, which wins over the header
    try:
        chosen = codecs.lookup(decode(body).encoding).name
    except (NotTextError, LookupError):
        return body, None
    if chosen == charset:
        return body, None
    text = body.decode(charset, errors="replace")
    return UTF8_BOM + text.encode("utf-8"), charset
