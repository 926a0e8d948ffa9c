"""Pages a browser saved as one file: MHTML (``.mhtml``, ``.mht``).

Chrome's and Edge's "Webpage, Single File" (and Chromium's ``Page.captureSnapshot``) write
the page as a MIME message: the page's HTML as the first ``text/html`` part, its pictures
and frames as further parts, and the address it was saved from in the
``Snapshot-Content-Location`` header (and the HTML part's ``Content-Location``). Ingest reads
the HTML part as an ``.html`` page and the address as the page's URL, which names its outlet
when the registry knows the host. The message's ``Date`` is when it was saved, not when the
article was published: it dates nothing.

The standard library's ``email`` parser reads the message; nothing here is written by hand
but the choice of part.
"""

from __future__ import annotations

from email import policy
from email.parser import BytesParser
from typing import NamedTuple

SUFFIXES = (".mhtml", ".mht")


class Unpacked(NamedTuple):
    """The saved page's HTML, the http(s) address it was saved from, and the HTML's charset."""

    html: bytes
    url: str | None
    charset: str | None


def unpack(data: bytes) -> Unpacked:
    """The page inside an MHTML file; ValueError, saying what to do, when there is none or
    the file cannot be read as a MIME message (never anything else: a hostile file fails
    its page, not the run)."""
    try:
        return _unpack(data)
    except ValueError:
        raise
    except Exception as exc:  # noqa: BLE001 - parts nested thousands deep, broken headers ...
        raise ValueError(f"cannot read the MHTML file ({type(exc).__name__}): save the page "
                         "again as 'Webpage, Single File', or as .html") from None


def _unpack(data: bytes) -> Unpacked:
    message = BytesParser(policy=policy.compat32).parsebytes(data)
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if part is None or not message.is_multipart():
        raise ValueError("not an MHTML page (no HTML part in a MIME message): save the page "
                         "again as 'Webpage, Single File', or as .html")
    html = part.get_payload(decode=True)
    if not isinstance(html, bytes) or not html.strip():
        raise ValueError("the MHTML file's HTML part is empty: save the page again")
    url = next((u for u in (message.get("Snapshot-Content-Location"),
                            part.get("Content-Location")) if is_web_address(u)), None)
    return Unpacked(html, url, part.get_content_charset())


def is_web_address(value: object) -> bool:
    """An http(s) address of a sane length: the only kind a saved page's URL may be."""
    return (isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))
            and len(value) < 4096)
