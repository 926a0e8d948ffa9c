"""Hostile strings, assembled at run time so the repository holds no literal payload.

Each one is something a scraped page or a careless edit could carry into a
title, summary, tag, attribution or body; none of them may reach the built
site as live markup.
"""

from __future__ import annotations

_S = "scr" + "ipt"
_JS = "java" + "script"
_ALERT = "alert(1)"

SCRIPT_TAG = f"<{_S}>{_ALERT}</{_S}>"
IMG_ONERROR = f"<img src=x on{'error'}={_ALERT}>"
SVG_ONLOAD = f"<svg on{'load'}={_ALERT}>"
JS_LINK_HTML = f"<a href=\"{_JS}:{_ALERT}\">x</a>"
CLOSE_SCRIPT = f"</{_S}><{_S}>{_ALERT}</{_S}>"  # breaks out of a JSON-LD block if unescaped
QUOTE_BREAK = f"\"><{_S}>{_ALERT}</{_S}>"  # breaks out of an attribute value
ATTR_BREAK = f"' on{'mouseover'}='{_ALERT}"  # breaks out of a single-quoted attribute
IFRAME = f"<iframe src=\"{_JS}:{_ALERT}\"></iframe>"
STYLE_TAG = f"<style>body{{background:url({_JS}:{_ALERT})}}</style>"
META_REFRESH = f"<meta http-equiv=refresh content=\"0;url={_JS}:{_ALERT}\">"
CDATA_BREAK = f"]]><{_S}>{_ALERT}</{_S}>"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u202e\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d"
XML_INVALID = "".join(chr(c) for c in (*range(1, 9), 0x0B, 0x0C, *range(0x0E, 0x20))) + "\ufffe"

# Markup payloads: each must come out as visible text, never as an element.
MARKUP = (SCRIPT_TAG, IMG_ONERROR, SVG_ONLOAD, JS_LINK_HTML, CLOSE_SCRIPT, QUOTE_BREAK,
          ATTR_BREAK, IFRAME, STYLE_TAG, META_REFRESH, CDATA_BREAK)
# Everything mixed into one line, as a title or summary would carry it.
ALL_IN_ONE = " ".join(MARKUP) + ZERO_WIDTH + BIDI + " & &amp; &lt;b&gt; <!-- c --> "

# URLs a link in a body might carry; Markdown must drop or neutralise them.
SCRIPT_URLS = (
    f"{_JS}:{_ALERT}", f"{_JS.upper()}:{_ALERT}", f"  {_JS}:{_ALERT}",
    f"{_JS[:4]}\t{_JS[4:]}:{_ALERT}", f"{_JS[:4]}&#x09;{_JS[4:]}:{_ALERT}",
    f"{_JS}&colon;{_ALERT}", f"vb{_S}:msgbox(1)", f"data:text/html,<{_S}>{_ALERT}</{_S}>",
    f"%6a%61%76%61{_S}:{_ALERT}",
)


def markdown_body() -> str:
    """A Markdown body that tries every way in: raw HTML, links, images, autolinks, entities."""
    lines = ["Intro paragraph with " + SCRIPT_TAG + " inline.", "", IMG_ONERROR, "", SVG_ONLOAD, ""]
    for i, url in enumerate(SCRIPT_URLS):
        lines += [f"[link {i}]({url}) ![img {i}]({url}) <{url}>", ""]
        lines += [f"[ref {i}][r{i}]", "", f"[r{i}]: {url}", ""]
    lines += [f"<div on{'click'}=\"{_ALERT}\">block html</div>", "", IFRAME, "", STYLE_TAG, ""]
    lines += ["```html", SCRIPT_TAG, "```", "", "> " + QUOTE_BREAK, "", "- " + ATTR_BREAK, ""]
    lines += ["| a | b |", "| - | - |", f"| {SCRIPT_TAG} | {IMG_ONERROR} |", ""]
    lines += ["Zero-width" + ZERO_WIDTH + " and bidi " + BIDI + " text.", ""]
    lines += ["Control characters " + XML_INVALID + " in a paragraph.", ""]
    lines += ["<" * 200 + ">" * 200, "", "[" * 500 + "]" * 500, "", ">" * 300 + " deep", ""]
    lines += ["*" * 1000, "", "`" * 1000, ""]
    return "\n".join(lines)
