"""The words outlet names are made of, and the words that are never one.

The registry, the signals that find a registry outlet and the names of unregistered outlets
all ask the same questions of a name's words: which are too common to pick a name out by,
which small words join a name's capitalised ones, which end a company's name rather than an
outlet's, which belong to a site's menus and promos. The answers live here, below all of
them, so a name is read the same way wherever it is looked at.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
_CAPS_MAX = 5  # "UP", "AP", "TASS", "ТАСС", "SCMP": capitals only
# Words too common to tell a name's line apart ("BBC News" is looked for by "bbc").
_COMMON = frozenset(_WORD.findall(
    "the news daily times post press radio tv media agency channel online info com net org ru ua"
    " by uk co kz md ge lt lv ee pl de fr it es in of and new world international journal review"
    " today herald la le el di"))

# A company's form after a holder's name ("Vox Media", "Spacenews, Inc.").
_COMPANY = re.compile(r"^[\s,.]*(?:media|company|llc|inc|interactive|group|holdings?|networks?"
                      r"|communications|publishing|digital|corporation|corp|brands|enterprises"
                      r"|studios)\b",
                      re.I)

# Small words inside a name, between its capitalised ones ("Trinidad and Tobago Newsday",
# "Recht am Bild", "The Times of Israel").
_NAME_JOINERS = frozenset(_WORD.findall(
    "of and the for on in am an de del la le el du da di y et und van von"))
_TOKEN = re.compile(r"[^\s]+")


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and token[-1:].isalnum()


# The words a company's name ends with or holds ("… Media", "… GmbH", "Grupo …"): a
# parent, not an outlet.
_PARENT = frozenset(_WORD.findall(
    "media llc inc ltd limited network networks company companies group corporation corp"
    " holdings publishing publications communications enterprises gmbh plc co pvt partners brands"
    " studios interactive foundation trust ag sa srl bv oy ab pty"
    " medien verlag gruppe kg se grupo ediciones editora éditions edizioni"
    " тов прат пат ат ооо оао зао пао ао"))

# Words of a site's menus, promos and pages that are no name ("About Us", "Back to Top").
_GENERIC = frozenset(_WORD.findall(
    "the us me our ours your you it this that here top home homepage page pages menu site website"
    " web search results result author authors newsletter newsletters email e mail all more news"
    " article articles story stories comments comment help faq contact terms privacy policy"
    " cookies cookie ads advertising jobs careers events event magazine print subscription"
    " subscribe subscribers account login log sign in up store shop today now latest previous"
    " next post posts blog video videos photos photo podcasts section category tag tags archive"
    " archives edition editions daily weekly morning evening free full digital alerts alert app"
    " apps rss feed feeds team staff editor editors editorial newsroom local national world"
    " a an this journalism reporting our mission info information see uns nas nous nosotros"
    " нас нам сайт сайту проект проекту редакцію редакции автора автор розсилку рассылку"))

# A web address ("bin.ua", "HoustonChronicle.com").
_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,6}", re.I)
