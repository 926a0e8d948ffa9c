"""URLs as fetch compares and names them: normalised so one page is fetched once.

Tracking parameters (``utm_*``, ``fbclid``, ``gclid`` ...) and fragments are dropped, the
scheme and host are lowercased, default ports and empty paths made explicit, and the
remaining query parameters kept in their order (they can select the page). The file a page
is saved under is derived from this normalised URL only, never from anything the server
sends, so a page always lands in the same file.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

from anyascii import anyascii

SCHEMES = ("http", "https")
_TRACKING = re.compile(
    r"^(utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|ysclid|mc_cid|mc_eid|_ga|_gl|"
    r"igshid|ref_src|cmpid|ocid|__twitter_impression|at_medium|at_campaign|guccounter)$",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"


class BadURL(ValueError):
    """A URL fetch will not request: not http(s), no host, or malformed."""


def normalise(url: str, base: str | None = None) -> str:
    """The canonical form of an http(s) URL (resolved against ``base`` when relative).

    Raises :class:`BadURL` for anything fetch must not request (``file:``, ``ftp:``,
    ``javascript:``, no host)."""
    url = url.strip()
    if base is not None:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BadURL(f"malformed URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise BadURL(f"not an http(s) URL ({scheme or 'no'} scheme)")
    host = (parts.hostname or "").rstrip(".")
    if not host or parts.username or parts.password:
        raise BadURL("no host name" if not host else "a URL with a user name or password")
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise BadURL("malformed host name") from None
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = quote(unquote(parts.path), safe=_SAFE_PATH) or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING.match(k)]
    return urlunsplit((scheme, netloc, path, urlencode(query, quote_via=quote), ""))


def host_key(url: str) -> str:
    """The host a politeness delay applies to: ``host[:port]`` of a normalised URL."""
    return urlsplit(url).netloc


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def file_stem(url: str) -> tuple[str, str]:
    """(folder, stem) for a normalised URL: ``127.0.0.1_8080``, ``world-story-1a2b3c4d5e``.

    The folder is the host, the stem the URL's last path words (ASCII) and a hash of the
    whole URL: readable in a listing, unique, and made of ``[a-z0-9._-]`` only."""
    parts = urlsplit(url)
    folder = re.sub(r"[^a-z0-9.-]+", "_", parts.netloc.lower()).strip("._") or "host"
    words = re.sub(r"[^a-z0-9]+", "-", anyascii(unquote(parts.path)).lower()).strip("-")
    words = words[-60:].strip("-") or "index"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
    return folder, f"{words}-{digest}"
