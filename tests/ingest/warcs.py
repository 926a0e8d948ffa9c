"""Small WARC archives written with warcio's own WARCWriter, for the archive and Dask tests."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

_TEXT = (
    "officials said the new systems were deployed near the capital on wednesday after weeks "
    "of talks with partners who promised more support before winter while crews completed "
    "training abroad and engineers repaired damaged power lines across several regions"
)
WORDS = _TEXT.split()


def article_html(title: str, seed: int, *, date: str | None = "2023-08-16T09:27:00+03:00",
                 lang: str = "en", paragraphs: list[str] | None = None, charset: str = "utf-8",
                 meta_charset: bool = True) -> bytes:
    """A news page whose body differs from every other seed's (so dedupe keeps it)."""
    if paragraphs is None:
        paragraphs = [_paragraph(seed, i) for i in range(5)]
    stamp = f'<meta property="article:published_time" content="{date}">' if date else ""
    meta = f'<meta charset="{charset}">' if meta_charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f'<!doctype html><html lang="{lang}"><head>{meta}<title>{title}</title>'
            f'<meta property="og:title" content="{title}">{stamp}</head><body>'
            f'<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f'<article><h1>{title}</h1>{body}</article>'
            f'<footer>Copyright Example News</footer></body></html>')
    return html.encode(charset)


def _paragraph(seed: int, index: int) -> str:
    words = [WORDS[(seed * 7 + index * 13 + k * (seed % 5 + 1)) % len(WORDS)] for k in range(40)]
    words[0] = words[0].capitalize()
    return f"Report {seed}-{index}: " + " ".join(words) + f" (item {seed * 100 + index})."


@dataclass
class Archive:
    """Records to write, in order; ``truncate`` cuts the last record short."""

    gzip: bool = True
    records: list[tuple[str, dict]] = field(default_factory=list)

    def response(self, url: str, payload: bytes, *, status: str = "200 OK",
                 content_type: str = "text/html; charset=utf-8",
                 date: str = "2023-08-17T10:00:00Z") -> str:
        rid = _rid(url, len(self.records))
        self.records.append(("response", dict(url=url, payload=payload, status=status,
                                              content_type=content_type, date=date, rid=rid)))
        return rid

    def request(self, url: str) -> None:
        self.records.append(("request", dict(url=url, rid=_rid(url, len(self.records)))))

    def revisit(self, url: str) -> None:
        self.records.append(("revisit", dict(url=url, rid=_rid(url, len(self.records)))))

    def write(self, path: Path, *, truncate: int = 0) -> Path:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=self.gzip)
        for kind, fields in self.records:
            writer.write_record(_record(writer, kind, fields))
        data = buffer.getvalue()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data[: len(data) - truncate] if truncate else data)
        return path


def _rid(url: str, index: int) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{index}:{url}')}"


def _record(writer: WARCWriter, kind: str, fields: dict):
    headers = {"WARC-Record-ID": f"<{fields['rid']}>",
               "WARC-Date": fields.get("date", "2023-08-17T10:00:00Z")}
    url = fields["url"]
    if kind == "response":
        http = StatusAndHeaders(fields["status"], [("Content-Type", fields["content_type"])],
                                protocol="HTTP/1.1")
        return writer.create_warc_record(url, "response", payload=io.BytesIO(fields["payload"]),
                                         http_headers=http, warc_headers_dict=headers)
    if kind == "request":
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")],
                                is_http_request=True)
        return writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                         http_headers=http, warc_headers_dict=headers)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_revisit_record(url, "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", url,
                                          "2023-08-10T10:00:00Z", http_headers=http)
    for key, value in headers.items():
        record.rec_headers.replace_header(key, value)
    return record


def mixed_archive(pages: int = 3) -> tuple[Archive, list[tuple[str, str]]]:
    """``pages`` HTML 200 responses (their URLs and record ids), each after its request, then
    a 404, an image and a revisit; the caller may truncate the last record."""
    archive = Archive()
    made = []
    for i in range(pages):
        url = f"https://news.example.org/world/story-{i}"
        archive.request(url)
        rid = archive.response(url, article_html(f"Story number {i} about air defence", i))
        made.append((url, rid))
    archive.response("https://news.example.org/missing", b"<html>Not found</html>",
                     status="404 Not Found")
    archive.response("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
                     content_type="image/png")
    archive.revisit(made[0][0])
    return archive, made
