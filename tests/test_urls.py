from digest import urls


def test_links_are_page_relative_so_the_site_works_under_any_subpath():
    site = urls.Site("https://user.github.io/repo/")
    assert site.relative("weeks/", "") == "weeks/"
    assert site.relative("", "weeks/2023-W33/") == "../../"
    assert site.relative("static/style.css", "war/2023-W33/slug/") == "../../../static/style.css"
    assert site.relative("", "") == "./"


def test_404_links_are_absolute_from_the_base_path_because_it_is_served_at_any_depth():
    site = urls.Site("https://user.github.io/repo/")
    assert site.relative("static/style.css", urls.NOT_FOUND) == "/repo/static/style.css"
    assert urls.Site("https://example.org/").relative("", urls.NOT_FOUND) == "/"


def test_absolute_urls_keep_the_subpath():
    site = urls.Site("https://user.github.io/repo/")
    assert site.absolute("feed.xml") == "https://user.github.io/repo/feed.xml"
    assert site.base_path == "/repo/"


def test_site_paths():
    assert urls.article("war", "2023-W33", "a-b") == "war/2023-W33/a-b/"
    assert urls.topic("war", 2) == "topics/war/page/2/"
    assert urls.output_file("weeks/") == "weeks/index.html"
    assert urls.output_file("") == "index.html"
    assert urls.output_file("feed.xml") == "feed.xml"
