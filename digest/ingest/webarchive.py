"""Pages Safari saved as a web archive (``.webarchive``, Safari's default "Save As" format).

A web archive is a property list: the page's HTML as ``WebMainResource`` →
``WebResourceData`` (bytes), with the address it was loaded from (``WebResourceURL``) and its
text encoding (``WebResourceTextEncodingName``); pictures and frames are further resources.
Ingest reads it as it reads an ``.mhtml`` file (:mod:`digest.ingest.mhtml`): the HTML as the
page, the address as its URL when it is http(s). The standard library's ``plistlib`` reads
the property list (binary or XML); nothing here is written by hand but the choice of keys.
"""

from __future__ import annotations

import plistlib

from digest.ingest.mhtml import Unpacked, is_web_address

SUFFIXES = (".webarchive",)


def unpack(data: bytes) -> Unpacked:
    """The page inside a web archive; ValueError, saying what to do, when there is none or
    the file is no property list (never anything else: a hostile file fails its page)."""
    try:
        archive = plistlib.loads(data)
    except Exception as exc:  # noqa: BLE001 - any bytes: plistlib raises many kinds
        raise ValueError(f"cannot read the web archive ({type(exc).__name__}): save the page "
                         "again from Safari, or as .html") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    html = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(html, bytes) or not html.strip():
        raise ValueError("a web archive without its page (no WebMainResource data): save "
                         "the page again from Safari, or as .html")
    url = main.get("WebResourceURL")
    charset = main.get("WebResourceTextEncodingName")
    return Unpacked(html, url.strip() if is_web_address(url) else None,
                    charset if isinstance(charset, str) and 0 < len(charset) < 40 else None)
