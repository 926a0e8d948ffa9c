from digest.fetch.blocked import interstitial
from tests.fetch.newssite import ARTICLES, CONSENT_HTML, article_html

URL = "https://news.example/news/story"


def test_a_consent_wall_is_named():
    assert "consent" in interstitial(CONSENT_HTML, URL)


def test_a_consent_host_is_named_whatever_it_says():
    assert interstitial("<html><body>Hi</body></html>", "https://consent.example.com/?x=1")


def test_a_paywall_teaser_is_named():
    teaser = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
              '"isAccessibleForFree": false}</script></head><body><h1>Budget talks</h1>'
              "<p>The lead paragraph of the story is shown to everyone, and it runs long "
              "enough to look like the start of a real article about the budget.</p>"
              "<p>Subscribe to continue reading.</p></body></html>")
    assert "paywall" in interstitial(teaser, URL)


def test_an_article_with_a_cookie_banner_is_not_blocked():
    title, date, author, paragraphs = ARTICLES["/news/2023/08/17/grain-deal"]
    html = article_html("https://news.example", "/news/story", title, date, author, paragraphs)
    banner = ('<div class="cookie">We use cookies. <button>Accept all</button> '
              '<a href="/p">Cookie settings</a></div></body>')
    assert interstitial(html.replace("</body>", banner), URL) is None
