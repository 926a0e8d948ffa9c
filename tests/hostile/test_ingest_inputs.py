"""``digest ingest`` on broken, huge and malicious raw pages, then ``digest build`` on the result.

One run gets every hostile page beside a normal one: it must not crash, must go
on past each bad page (naming it), exit non-zero when a page failed, write
nothing outside content/ (and its own state folder), leave only parseable
articles, and the site built from them must hold no live markup.
"""

from __future__ import annotations

import datetime as dt
import os
import plistlib
import quopri

import pytest

from digest import frontmatter

from . import payloads as p
from .conftest import GOOD
from .scan import scan_site

ARTICLE = [
    "The foreign minister said on Wednesday that the talks would continue next week in the "
    "capital, and that both delegations had agreed on a schedule for the next round.",
    "Officials from the ministry told reporters that the agreement covered energy supplies, "
    "grain exports and the exchange of prisoners, and that details would follow.",
    "The spokesperson added that the government expected the first results within a month, "
    "while critics in parliament warned that the timetable was far too optimistic.",
]
CYRILLIC = [
    "Міністр закордонних справ заявив у середу, що переговори продовжаться наступного тижня "
    "у столиці, і що обидві делегації погодили графік наступного раунду.",
    "Представники міністерства повідомили журналістам, що угода охоплює постачання енергії, "
    "експорт зерна та обмін полоненими, а подробиці будуть згодом.",
]


def dump(title: str, paragraphs: list[str], date: str = "16 August 2023, 09:27") -> str:
    """A text dump shaped like the raw pages: chrome, title, dateline, paragraphs."""
    lines = ["Menu", "Subscribe", "Support Us", "", title, "", f"News Wire {date}", ""]
    for para in paragraphs:
        lines += [para, ""]
    return "\n".join(lines + ["Follow us on social media", "All rights reserved"])


def html_page(title: str, body: str, head: str = "") -> str:
    return (f"<!doctype html><html><head><title>{title}</title>{head}</head><body>"
            f"<nav>Menu Subscribe</nav><article><h1>{title}</h1>{body}</article></body></html>")


def _mhtml(html: str, location: str) -> str:
    """A page as a browser saves it as one file (one HTML part, quoted-printable)."""
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return (f"MIME-Version: 1.0\r\nSnapshot-Content-Location: {location}\r\n"
            'Content-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n--b\r\n'
            "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            f"{body}\r\n--b--\r\n")


def _hostile_pages() -> dict[str, bytes]:
    paras = "".join(f"<p>{t}</p>" for t in ARTICLE)
    s = "scr" + "ipt"
    js = "java" + "script:"
    pages: dict[str, str | bytes] = {
        "empty.txt": b"",
        "blank.html": b"   \n\n  ",
        "binary.txt": bytes(range(256)) * 64,
        "nul-bytes.txt": dump("Talks continue\x00 in the capital", ARTICLE)
        .replace(" ", "\x00 ", 5),
        "invalid-utf8.txt": dump("Talks continue", ARTICLE).encode() + b"\xff\xfe\xc3\x28" * 10,
        "cp1251.txt": dump("Переговори продовжаться", CYRILLIC).encode("cp1251"),
        "koi8r.txt": dump("Переговоры продолжатся", CYRILLIC).encode("koi8_r", "replace"),
        "utf16.txt": dump("Talks continue in UTF-16", ARTICLE).encode("utf-16-le"),
        "utf16be.html": html_page("Talks in UTF-16 BE", paras).encode("utf-16-be"),
        "zero-width.txt": dump("Talks" + p.ZERO_WIDTH + " continue" + p.BIDI,
                               [a + p.ZERO_WIDTH + p.BIDI for a in ARTICLE]),
        "controls.txt": dump("Talks " + p.XML_INVALID + " continue",
                             [a + p.XML_INVALID for a in ARTICLE]),
        "payload.txt": dump(p.SCRIPT_TAG + " --- Talks: a title: with --- fences",
                            [p.IMG_ONERROR + " " + ARTICLE[0], p.JS_LINK_HTML + ARTICLE[1],
                             "Quote: \"" + p.CLOSE_SCRIPT + "\" he said.", ARTICLE[2],
                             "Source: " + p.SVG_ONLOAD + " officials"]),
        "payload.html": html_page(
            p.SCRIPT_TAG + " Talks: continue --- again",
            f"<p>{ARTICLE[0]}<{s}>{p.SCRIPT_TAG}</{s}></p>"
            f"<p><a href=\"{js}alert(1)\">{ARTICLE[1]}</a></p>"
            f"<p onclick=\"alert(1)\">{ARTICLE[2]}<img src=x onerror=alert(1)></p>"
            f"<p>{'&lt;' + s + '&gt;alert(1)&lt;/' + s + '&gt;'} {ARTICLE[0]}</p>",
            head=(f"<meta name=\"description\" content=\"{p.IMG_ONERROR.replace(chr(34), '')}\">"
                  f"<meta property=\"og:url\" content=\"{js}alert(1)\">"
                  f"<meta name=\"keywords\" content=\"{p.SCRIPT_TAG}\">"
                  f"<meta name=\"author\" content=\"&lt;svg onload=alert(1)&gt;\">"
                  f"<link rel=\"canonical\" href=\"{js}alert(1)\">")),
        "deep.html": html_page("Deeply nested", "<div>" * 100_000 + paras + "</div>" * 100_000),
        "unclosed.html": html_page("Unclosed", "<div><p><b><i>" * 5000 + paras),
        "no-date.txt": "\n".join(["An undated article about the talks", "", *ARTICLE]),
        "impossible-date.txt": dump("Talks on a day that never was", ARTICLE,
                                    date="30 February 2023, 25:61"),
        "normal.txt": dump("Ordinary talks continue in the capital", ARTICLE),
        "duplicate-of-normal.txt": dump("Ordinary talks continue in the capital", ARTICLE)
        + "\n",
        "image.png": b"\x89PNG\r\n\x1a\n" + bytes(100),
        # a page saved as one file: its HTML hostile, its address a script, and one whose
        # parts nest thousands deep
        "payload.mhtml": _mhtml(html_page(p.SCRIPT_TAG + " Talks saved whole",
                                          paras + f"<p>{p.IMG_ONERROR}</p>"), f"{js}alert(1)"),
        "deep.mhtml": "MIME-Version: 1.0\r\n" + "".join(
            f'Content-Type: multipart/related; boundary="b{n}"\r\n\r\n--b{n}\r\n'
            for n in range(3000)) + "Content-Type: text/html\r\n\r\n<p>x</p>\r\n",
        # Safari's web archive of the same hostile page, and one that is no property list
        "payload.webarchive": plistlib.dumps({"WebMainResource": {
            "WebResourceData": html_page(p.SCRIPT_TAG + " Talks archived", paras).encode(),
            "WebResourceURL": f"{js}alert(1)", "WebResourceTextEncodingName": "x" * 500}},
            fmt=plistlib.FMT_BINARY),
        "broken.webarchive": b"bplist00" + bytes(range(256)),
        # articles clipped as Markdown: markup and a script link in the fields and the text,
        # and front matter that is an alias bomb
        "payload.md": (f"---\ntitle: '{p.SCRIPT_TAG} Talks clipped'\nsource: '{js}alert(1)'\n"
                       f"author: '{p.SVG_ONLOAD}'\npublished: 2023-08-16\n---\n"
                       f"{ARTICLE[0]} {p.IMG_ONERROR}\n\n[{ARTICLE[1]}]({js}alert(1))\n\n"
                       f"<{s}>alert(1)</{s}>\n\n{ARTICLE[2]}\n"),
        "alias-bomb.md": "---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n" + ARTICLE[0],
    }
    return {k: v.encode() if isinstance(v, str) else v for k, v in pages.items()}


@pytest.fixture
def ingested(sandbox):
    for name, data in _hostile_pages().items():
        sandbox.write(f"raw/{name}", data)
    os.symlink(sandbox.outside_dir / "notes.txt", sandbox.root / "raw" / "linked.txt")
    sandbox.mark()
    result = sandbox.run("ingest", "-c", str(sandbox.root / "digest.yaml"),
                         str(sandbox.root / "raw"))
    return sandbox, result


def test_ingest_survives_every_page_and_writes_only_content(ingested):
    sandbox, result = ingested
    assert result.exit_code in (0, 1), result.output
    assert sandbox.changes_outside("proj/content", "proj/.digest", "proj/.digest.lock",
                                   "proj/ingest-chrome.yaml") == []
    articles = sorted(sandbox.content.rglob("*.md"))
    assert articles, result.output
    for path in articles:  # no partial or unreadable file
        doc = frontmatter.parse(path.read_text(encoding="utf-8"))
        date = doc.meta["date"]
        if path.parent.name == "_review":  # kept undated or untitled, with the reasons
            reason = doc.meta["review"]
            assert reason and (date is not None or "date:" in reason)
            assert doc.meta["title"] or "no headline found" in reason
        else:  # a day alone, or a time with its offset
            assert doc.meta["title"] and (type(date) is dt.date or date.tzinfo is not None)
        url = doc.meta.get("source_url")
        assert url is None or url.startswith(("http://", "https://")), url
    assert not list(sandbox.content.rglob("*.digest-tmp"))
    bodies = " ".join(p.read_text(encoding="utf-8") for p in articles)
    assert "Ordinary talks" in bodies  # the normal page made it through the hostile ones


def test_site_built_from_hostile_pages_holds_no_live_markup(ingested, theme_baseline):
    sandbox, _ = ingested
    result = sandbox.build()
    assert result.exit_code == 0, result.output
    findings, files = scan_site(sandbox.site, theme_baseline)
    assert files > 5
    assert findings == []


def test_fifo_in_raw_is_skipped_not_waited_on(sandbox):
    sandbox.write("raw/normal.txt", dump("Ordinary talks continue in the capital", ARTICLE))
    os.mkfifo(sandbox.root / "raw" / "pipe.txt")
    (sandbox.content / "war" / "2023-W33").mkdir(parents=True)
    os.mkfifo(sandbox.content / "war" / "2023-W33" / "pipe.md")
    result = sandbox.run("ingest", "--json", "-c", str(sandbox.root / "digest.yaml"),
                         str(sandbox.root / "raw"))
    assert "pipe.txt" in result.stdout and "not a regular file" in result.stdout
    assert list(sandbox.content.rglob("*.md"))


def _limited_ingest(root, *paths: str):
    """``digest ingest`` in a child process capped at 1.5 GB of address space."""
    import resource
    import subprocess
    import sys

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    return subprocess.run(
        [sys.executable, "-c", "from digest.cli import main; main()", "ingest",
         "-c", str(root / "digest.yaml"), *paths],
        capture_output=True, text=True, timeout=300, preexec_fn=cap, check=False,
    )


def test_50_mb_page_is_refused_with_a_clear_message_and_the_run_goes_on(sandbox):
    para = "".join(f"<p>{t}</p>" for t in ARTICLE)
    with open(sandbox.root / "huge.html", "w", encoding="utf-8") as handle:
        handle.write(html_page("A huge page", ""))
        for _ in range(50_000_000 // len(para) + 1):
            handle.write(para)
    sandbox.write("small.txt", dump("Ordinary talks continue in the capital", ARTICLE))
    result = _limited_ingest(sandbox.root, str(sandbox.root / "huge.html"),
                             str(sandbox.root / "small.txt"))
    assert result.returncode == 1
    assert "huge.html" in result.stderr and "MB limit" in result.stderr
    assert len(list(sandbox.content.rglob("*.md"))) == 1


def test_5_mb_page_is_ingested_within_bounds(sandbox):
    paras = [f"{ARTICLE[i % 3]} Paragraph {i}." for i in range(25_000)]
    sandbox.write("raw/long.txt", dump("A very long article about the talks", paras))
    assert (sandbox.root / "raw/long.txt").stat().st_size > 4_000_000
    result = _limited_ingest(sandbox.root, str(sandbox.root / "raw"))
    assert result.returncode == 0, result.stderr
    assert len(list(sandbox.content.rglob("*.md"))) == 1


def test_planted_symlinks_in_the_project_do_not_redirect_ingest_writes(sandbox):
    """A cloned project could carry its state folder or chrome file as links to elsewhere."""
    for i in range(3):
        sandbox.write(f"raw/a{i}.txt", dump(f"Talks {i} continue in the capital",
                                            [a + f" ({i})" for a in ARTICLE]))
    os.symlink(sandbox.outside_dir / "notes.txt", sandbox.root / "ingest-chrome.yaml")
    os.symlink(sandbox.outside_dir, sandbox.root / ".digest")
    sandbox.mark()
    args = ("ingest", "--learn-chrome", "-c", str(sandbox.root / "digest.yaml"))
    result = sandbox.run(*args, str(sandbox.root / "raw"))
    assert result.exit_code == 1 and ".digest is a symbolic link" in result.output
    assert sandbox.changes_outside() == []
    os.unlink(sandbox.root / ".digest")
    result = sandbox.run(*args, str(sandbox.root / "raw"))
    assert result.exit_code == 0, result.output
    assert sandbox.changes_outside("proj/content", "proj/.digest", "proj/ingest-chrome.yaml") \
        == []
    assert not (sandbox.root / "ingest-chrome.yaml").is_symlink()


# Report wording: what a hostile value makes the report say must still be advice a person
# can follow, never the hostile value turned into a path, nor Python's internals.

W = "content/war/2023-W33/"


def _lines_naming(result, name: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if name in line]


def test_a_topic_that_is_not_a_slug_is_not_echoed_into_a_path_hint(sandbox):
    sandbox.write(W + "dotdot.md", GOOD.replace("topic: war", "topic: ../../outside"))
    [line] = _lines_naming(sandbox.build(), "dotdot.md")
    assert "does not match the folder 'war'" in line
    assert "content/../" not in line and "move the file" not in line
    assert "a topic is a slug" in line and "set 'topic: war'" in line


def test_a_slug_topic_in_the_wrong_folder_still_says_where_to_move_it(sandbox):
    sandbox.write(W + "moved.md", GOOD.replace("topic: war", "topic: diplomacy"))
    [line] = _lines_naming(sandbox.build(), "moved.md")
    assert "move the file to content/diplomacy/ or set 'topic: war'" in line


def test_a_huge_number_is_too_long_not_a_python_limit(sandbox):
    huge = GOOD.replace("topic: war\n", "topic: war\nx: " + "9" * 5000 + "\n")
    sandbox.write(W + "huge.md", huge)
    [line] = _lines_naming(sandbox.build(), "huge.md")
    assert f"{W}huge.md:5:" in line and "number too long" in line
    assert "int_max_str_digits" not in line and "4300" not in line


def test_a_symlinked_folder_in_content_is_named_not_skipped_silently(sandbox):
    sandbox.write(W + "good.md", GOOD)
    (sandbox.outside_dir / "2023-W33").mkdir(parents=True, exist_ok=True)
    os.symlink(sandbox.outside_dir, sandbox.content / "elsewhere")
    result = sandbox.build()
    [line] = _lines_naming(result, "content/elsewhere")
    assert line.startswith("warning: content/elsewhere:") and "symlinked folder" in line
    assert "skipped" in line
