"""Language hints for the text-dump cleaner: small stopword lists and a script-based guess.

Why stopwords: an article sentence is full of function words ("the", "і", "что"),
a menu or a list of headlines is not. jusText showed that the share of stopwords in
a line is one of the best single signals for boilerplate; here the lists are small
and built in (no data files), and the cleaner uses the union of all of them so that
it does not need to know the page's language first.
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"\w+", re.UNICODE)

_LISTS: dict[str, str] = {
    "en": """a about after all also an and any are as at be been but by can could did do does
        for from had has have he her his how i if in into is it its more most my no not of on
        one or other our out over she should so some such than that the their them then there
        these they this those to up was we were what when where which while who will with would
        you your""",
    "uk": """а або але би був була були бути в вже від він вона вони все всі де для до же з за
        знову і із їх й як який яка які коли крім ми на над не неї нього ні но о об однак він
        під після по про раніше саме своє свої своїм своїх та так також там те тим то тому у
        це цей ця ці через що щоб щодо його її є""",
    "ru": """а без бы был была были было быть в вам вас весь во вот все всех вы где да для до
        его ее если есть еще же за и из или им их к как ко когда который которые ли либо мы на
        над не нет ни но ну о об однако он она они оно от по под после при про с со так также
        такой там то того тоже только том у уже что чтобы это этого этой эти я""",
    "de": """aber als am an auch auf aus bei bis das dass dem den der des die durch ein eine
        einem einen einer es für hat im in ist mit nach nicht noch oder sich sie sind so um und
        von vor war wie wird zu zum zur""",
    "fr": """au aux avec ce ces dans de des du elle en est et il ils la le les leur mais ne
        nous on ou par pas plus pour qu que qui sa se ses son sur un une""",
    "es": """al como con de del el en es esta este la las lo los más no para pero por que se
        su sus un una y""",
    "pt": """ao aos as com como da das de do dos e em foi mais mas na nas no nos o os para pela
        pelo por que se sem seu sua um uma""",
    "it": """al alla anche che come con da del della di e gli il in la le non per più si sono
        su un una""",
    "fi": """ei ja jo joka kuin kun mutta myös niin on ovat se oli että ole olla tai""",
    "id": """adalah akan dan dari dengan di ini itu juga ke tidak untuk yang dalam pada""",
}
STOPWORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _LISTS.items()}
ALL_STOPWORDS: frozenset[str] = frozenset().union(*STOPWORDS.values())

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")


def words(text: str) -> list[str]:
    """Lowercased word tokens (the same notion of a word as the benchmark's scorer)."""
    return WORD_RE.findall(text.lower())


def stopword_ratio(tokens: list[str]) -> float:
    """Share of tokens that are stopwords in any supported language."""
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t in ALL_STOPWORDS) / len(tokens)


def detect(text: str) -> str | None:
    """Guess the language of ``text``: script first, then stopword counts.

    Ukrainian and Russian share a script; letters that only one of them uses
    (і, ї, є, ґ against ы, э, ъ, ё) decide, backed by stopword counts.
    """
    sample = text[:4000]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    if cyr == 0 and lat == 0:
        return None
    tokens = words(sample)
    if cyr > lat:
        uk = len(_UK_ONLY.findall(sample)) + _count(tokens, "uk")
        ru = len(_RU_ONLY.findall(sample)) + _count(tokens, "ru")
        return "uk" if uk > ru else "ru"
    latin = {k: _count(tokens, k) for k in ("en", "de", "fr", "es", "pt", "it", "fi", "id")}
    best = max(latin, key=lambda k: latin[k])
    return best if latin[best] > 0 else "en"


def _count(tokens: list[str], lang: str) -> int:
    stop = STOPWORDS[lang]
    return sum(1 for t in tokens if t in stop)
