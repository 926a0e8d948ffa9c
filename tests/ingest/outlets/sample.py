"""A sample article in English, Ukrainian and Russian, laid out as a scraped page (a text
dump or HTML), for the outlet tests: the page carries what each test puts in its chrome.
"""

from __future__ import annotations

from digest.config import Config
from digest.ingest.textdump import extract_text

EN = [
    "Ukrainian officials said on Wednesday that the new air defence systems delivered by "
    "partners have already been deployed near the capital, according to the ministry.",
    "The minister told reporters that the systems would protect critical infrastructure during "
    "the coming winter, when attacks are expected to intensify across the country.",
]
UK = [
    "Міністр оборони заявив у середу, що нові системи протиповітряної оборони вже розгорнуті "
    "поблизу столиці, і їхні екіпажі вже чергують.",
    "За його словами, до кінця року прибудуть ще кілька батарей, а екіпажі завершили "
    "підготовку за кордоном разом із партнерами.",
]
RU = [
    "Министр обороны заявил в среду, что новые системы противовоздушной обороны уже "
    "развернуты вблизи столицы, и их экипажи уже дежурят.",
    "По его словам, до конца года прибудут еще несколько батарей, а экипажи завершили "
    "подготовку за границей вместе с партнерами.",
]


def page(body: list[str], top: str = "", bottom: str = "",
         headline: str = "Air defence systems deployed near the capital",
         dateline: str = "Wednesday, 16 August 2023, 09:27") -> str:
    """A text dump shaped like a scraped page: menu, headline, dateline, body, footer."""
    return (f"Home News Politics\n{top}\n\n{headline}\n\n{dateline}\n\n" + "\n\n".join(body)
            + f"\n\nAll News\nAdvertisement:\n{bottom}\n")


def outlet_of(text: str, config: Config | None = None,
              url: str | None = None) -> tuple[str | None, str | None]:
    ex = extract_text(text, url=url, config=config or Config())
    return ex.outlet, ex.outlet_source


def html_page(head: str, foot: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in EN * 3)
    return (f"<html><head>{head}</head><body><article><h1>Air defence systems deployed</h1>"
            f"{body}</article><footer>{foot}</footer></body></html>")
