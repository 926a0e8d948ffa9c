"""Which outlet published a page: a registry of news outlets and one small function per signal.

Signals, strongest first (:func:`from_text` for text dumps, :func:`from_html` for HTML): the
byline's name; the page's own URL (and an HTML page's canonical link, site name, JSON-LD
publisher); the page's chrome — a copyright notice, "Follow <Outlet> on ...", a promo in
which the outlet speaks of itself ("<Outlet> is …; follow us"), a "<Outlet> news desk" line,
an author's bio, a masthead line; the newsroom's tag on its lead ("…, інформує Цензор.НЕТ.",
"передає кореспондент Укрінформу"); the agency the lead's dateline credits; the site in a
title's tail ("… | Outlet"); an outlet's reference to its own earlier report. An outlet the
article only *cites* ("according to Reuters", "повідомляє Reuters", a headline ending "–
NYT") is not its publisher: mentions count only when the chrome and a citation agree.

The modules, each importing only from those above it:

* :mod:`.words` — the words names are made of and the words that are never one;
* :mod:`.registry` — the outlets by name and domain (the shipped ``data/outlets.json`` and
  digest.yaml's ``sources``), and :class:`Found`, what every signal answers;
* :mod:`.notices` — which lines are copyright notices, and how strong each is;
* the signals that find a registry outlet in a page: :mod:`.copyright`, :mod:`.masthead`
  (and the menus that make a name a section), :mod:`.promos` (promos, first-person promos,
  an author's bio), :mod:`.lead` (a newsroom's tag, the dateline's agency, an earlier
  report), :mod:`.titles` (a title's tail), :mod:`.agreed` (chrome and citation agree);
* :mod:`.unregistered` — the name of an outlet the registry does not know: what the chrome
  agrees to call the site, and whether a printed name has an outlet's shape;
* :mod:`.markup` — what an HTML page's markup states (canonical link, title, publisher,
  visible lines);
* :mod:`.order` — the order the signals are tried in, for text dumps and for HTML.

This module names what the rest of digest uses.
"""

from digest.ingest.outlets.lead import LEAD_CREDIT, newsroom_tag
from digest.ingest.outlets.markup import canonical, footer_lines
from digest.ingest.outlets.order import HtmlPage, TextPage, from_html, from_text
from digest.ingest.outlets.registry import Found, Registry, host, registry
from digest.ingest.outlets.unregistered import name_shaped

__all__ = [
    "LEAD_CREDIT",
    "Found",
    "HtmlPage",
    "Registry",
    "TextPage",
    "canonical",
    "footer_lines",
    "from_html",
    "from_text",
    "host",
    "name_shaped",
    "newsroom_tag",
    "registry",
]
