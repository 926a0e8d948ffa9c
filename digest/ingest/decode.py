"""Raw bytes to clean text: the first step of ingest, before any extractor sees the page.

Scraped pages arrive in whatever encoding the scraper saved: UTF-8 with or without a BOM,
UTF-16 without a BOM, undeclared cp1251 or koi8-r, or UTF-8 that was once read as cp1251 or
latin-1 and saved again (mojibake such as ``РџСЂРё`` or ``Ð Ð¾Ñ``). :func:`decode` picks the
encoding, repairs mojibake, removes characters that would break XML feeds, normalises newlines
and applies NFC, so that every later step can assume clean Unicode text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_MAGIC = (
    b"\x89PNG", b"%PDF", b"\x1f\x8b", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF",
    b"BZh", b"\xfd7zXZ", b"RIFF", b"OggS", b"ID3", b"\x00\x00\x01\x00",
)
_DECLARED = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?\s*|<\?xml[^>]{0,100}?encoding\s*=\s*["'])"""
    rb"""([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
# Characters XML 1.0 forbids (feeds break on them) plus C1 controls, which in decoded text
# are always debris of a wrong decoding.
_INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# Invisible characters that only hide or reorder text: bidi overrides/isolates (they can make
# a title read differently from what it says), zero-width space, word joiner, stray BOMs.
# ZWJ/ZWNJ stay: some scripts and emoji need them.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")
_CYRILLIC_SINGLE_BYTE = ("cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "iso8859_5")
# What a UTF-8 continuation byte (0x80-0xBF) becomes when read as cp1251 / cp1252 (the
# cp1252 gaps come through latin-1 as C1 controls).
_CONT_1251 = re.escape(bytes(range(0x80, 0xC0)).decode("cp1251", errors="ignore") + "\x98")
_CONT_1252 = re.escape(
    "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0))
)
# UTF-8 Cyrillic read as cp1251: "Р" (0xD0) or "С" (0xD1) then a continuation character.
_MOJIBAKE_1251 = re.compile(f"[РС][{_CONT_1251}]")
# UTF-8 read as latin-1/cp1252: a lead byte (Â Ã Ð Ñ â) then a continuation character.
_MOJIBAKE_LATIN = re.compile(f"[ÂÃÐÑâ][{_CONT_1252} ]")


# Bytes below 0xC0 that are letters or common punctuation in cp1251 / koi8-r / koi8-u
# (Ё ё Є є Ї ї І і Ґ ґ, dashes, guillemets, №).
_CYRILLIC_EXTRA = frozenset(
    b"\xa8\xb8\xaa\xba\xaf\xbf\xb2\xb3\xa5\xb4\xa3\xa4\xa6\xa7\xad\xb6\xb7\xbd\x96\x97\xab\xbb\xb9"
)


# A lead byte followed by 0xA0 shows as "X " once someone turned the NBSP into a space.
_NBSP_LOST = re.compile("([ÂÃÐРа]) ")


class NotTextError(ValueError):
    """The bytes are not a text page (an image, an archive, an executable...)."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was obtained, for the ingest report."""

    text: str
    encoding: str
    repaired: bool = False  # mojibake was repaired


def decode(data: bytes, charset: str | None = None) -> Decoded:
    """Decode a raw page; raise :class:`NotTextError` for binary content.

    ``charset`` is what the transport declared (HTTP ``Content-Type``): as in browsers it
    comes after a BOM and before the page's own ``<meta charset>``; bytes it cannot decode
    fall through to the page's declaration, UTF-8, then detection."""
    text, encoding = _to_str(data, transport_codec(charset))
    text, repaired = repair_mojibake(text)
    return Decoded(clean(text), encoding, repaired)


def clean(text: str) -> str:
    """Normalise newlines, drop NULs, XML-invalid and hiding characters, apply NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVALID_CHARS.sub("", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def _to_str(data: bytes, transport: str | None = None) -> tuple[str, str]:
    if not data:
        return "", "utf-8"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), encoding
    wide = _sniff_wide(data)
    if wide:
        return data.decode(wide, errors="replace"), wide
    if data.startswith(_BINARY_MAGIC) or _looks_binary(data):
        raise NotTextError("not text: the file looks binary (control bytes or a file signature)")
    declared = _declared(data)
    for encoding in (transport, declared, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding), encoding
            except (UnicodeDecodeError, LookupError):
                continue
    return _detect(data)


def _sniff_wide(data: bytes) -> str | None:
    """UTF-16/32 without a BOM: one byte value (NUL, or 0x04 for Cyrillic) in every other slot."""
    sample = data[:8192]
    if len(sample) < 8:
        return None
    quarter = [Counter(sample[i::4]) for i in range(4)]
    n4 = len(sample) // 4
    if quarter[2][0] + quarter[3][0] > 1.8 * n4 and quarter[0][0] < n4 * 0.3:
        return _valid(data, "utf-32-le")
    if quarter[0][0] + quarter[1][0] > 1.8 * n4 and quarter[3][0] < n4 * 0.3:
        return _valid(data, "utf-32-be")
    even, odd = Counter(sample[0::2]), Counter(sample[1::2])
    half = len(sample) // 2
    top_even, n_even = even.most_common(1)[0]
    top_odd, n_odd = odd.most_common(1)[0]
    if top_odd < 0x30 and n_odd > 0.6 * half and n_even < 0.4 * half:
        return _valid(data, "utf-16-le")
    if top_even < 0x30 and n_even > 0.6 * half and n_odd < 0.4 * half:
        return _valid(data, "utf-16-be")
    return None


def _valid(data: bytes, encoding: str) -> str | None:
    size = 4 if "32" in encoding else 2
    usable = len(data) - len(data) % size
    try:
        text = data[:usable].decode(encoding)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text[:4096] if ch < " " and ch not in "\t\n\r\f")
    return encoding if controls < 0.05 * min(len(text), 4096) + 1 else None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\r\f\x1b" or b == 0x7F)
    return controls > 0.05 * len(sample) + 2


def _declared(data: bytes) -> str | None:
    match = _DECLARED.search(data[:16384])
    if not match:
        return None
    return codec_name(match.group(1).decode("ascii"))


# Labels browsers read as windows-1252 (the WHATWG Encoding Standard): a server saying
# latin-1 nearly always sends cp1252 (curly quotes in 0x80-0x9F).
_AS_CP1252 = frozenset({"iso8859-1", "ascii"})


def codec_name(name: str) -> str | None:
    """Python's name for a charset label (``Windows-1251`` -> ``cp1251``); None if unknown."""
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def transport_codec(name: str | None) -> str | None:
    """The codec for a charset a server declared; None when Python knows no such codec."""
    codec = codec_name(name) if name else None
    return "cp1252" if codec in _AS_CP1252 else codec


def _detect(data: bytes) -> tuple[str, str]:
    """Undeclared, not UTF-8: Cyrillic code pages by letter shape, else charset-normalizer."""
    sample = data[:200_000]
    high = sum(1 for b in sample if b >= 0x80)
    ascii_letters = sum(1 for b in sample if 0x41 <= (b | 0x20) <= 0x5A + 0x20 and b | 0x20 >= 0x61)
    if high < 0.3 * (high + ascii_letters):
        return data.decode("cp1252", errors="replace"), "cp1252"  # mostly Latin, a few accents
    cyrillic_shaped = sum(1 for b in sample if b >= 0xC0 or b in _CYRILLIC_EXTRA)
    if cyrillic_shaped > 0.7 * high:
        encoding = _best_cyrillic(sample)
        return data.decode(encoding, errors="replace"), encoding
    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"
    encoding = best.encoding
    if encoding in _CYRILLIC_SINGLE_BYTE or _mostly_cyrillic(str(best)):
        encoding = _best_cyrillic(sample)
    return data.decode(encoding, errors="replace"), encoding


def _mostly_cyrillic(text: str) -> bool:
    letters = [ch for ch in text[:4000] if ch.isalpha()]
    cyr = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return bool(letters) and cyr > 0.3 * len(letters)


def _best_cyrillic(data: bytes) -> str:
    """Choose among Cyrillic code pages: real text is mostly lowercase Cyrillic letters.

    Read in the wrong code page, koi8-r turns lowercase into uppercase and cp1251 the
    reverse, so the share of lowercase Cyrillic letters separates them reliably; koi8-u
    wins over koi8-r only when its Ukrainian letters make more of the bytes Cyrillic.
    """
    sample = data[:20000]
    best, best_score = "cp1251", -1.0
    for encoding in ("cp1251", "koi8_r", "koi8_u"):
        text = sample.decode(encoding, errors="replace")
        cyr = [ch for ch in text if "\u0400" <= ch <= "\u04ff"]
        if not cyr:
            continue
        lower = sum(1 for ch in cyr if ch.islower()) / len(cyr)
        score = lower * len(cyr) / max(1, sum(1 for ch in text if ord(ch) > 127))
        if score > best_score + 1e-9:
            best, best_score = encoding, score
    return best


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8 that was decoded as cp1251 or latin-1/cp1252; whole text, else per line."""
    if not (_MOJIBAKE_1251.search(text) or _MOJIBAKE_LATIN.search(text)):
        return text, False
    fixed = _repair(text)
    if fixed is not None:
        return fixed, True
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if _MOJIBAKE_1251.search(line) or _MOJIBAKE_LATIN.search(line):
            repaired = _repair(line)
            if repaired is not None:
                lines[i], changed = repaired, True
    return ("\n".join(lines), True) if changed else (text, False)


def _repair(text: str) -> str | None:
    hits_1251 = len(_MOJIBAKE_1251.findall(text))
    hits_latin = len(_MOJIBAKE_LATIN.findall(text))
    attempts = ("cp1251", "cp1252") if hits_1251 >= hits_latin else ("cp1252", "cp1251")
    for encoding in attempts:
        for candidate in (text, _NBSP_LOST.sub("\\1\u00a0", text)):
            raw = _encode(candidate, encoding)
            if raw is None:
                continue
            try:
                fixed = raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if fixed != text and _fewer_suspects(fixed, text):
                return fixed
    return None


def _encode(text: str, encoding: str) -> bytes | None:
    """Encode back to bytes; cp1252 gaps (0x81, 0x8D...) came through latin-1 as C1 controls."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode(encoding)
        except UnicodeEncodeError:
            if ord(ch) < 256:
                out.append(ord(ch))
            else:
                return None
    return bytes(out)


def _fewer_suspects(fixed: str, original: str) -> bool:
    def suspects(s: str) -> int:
        return len(_MOJIBAKE_1251.findall(s)) + len(_MOJIBAKE_LATIN.findall(s))

    return suspects(fixed) < suspects(original)
