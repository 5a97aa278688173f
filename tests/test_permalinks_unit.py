"""Jekyll's permalink rules, on the pure functions that apply them."""

import datetime

import pytest
from jekyll_compat.permalinks import PermalinkError, expand, normalize, output_path, slugify

VALUES = {
    "date": datetime.date(2017, 9, 6),
    "title": "Mon-Billet",
    "slug": "mon-billet",
    "categories": ["Data", "Science"],
    "path": "sub",
    "basename": "page",
}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/a/b/", ("a/b/", "a/b/index.html")),
        ("/a.html", ("a.html", "a.html")),
        ("a.html", ("a.html", "a.html")),
        ("/a", ("a", "a.html")),
        ("/", ("", "index.html")),
        ("/défi à venir/", ("d%C3%A9fi%20%C3%A0%20venir/", "défi à venir/index.html")),
    ],
)
def test_output_path_follows_jekyll(url, expected):
    assert output_path(normalize(url)) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("/:year/:month/:day/:title/", "/2017/09/06/Mon-Billet/"),
        ("/:i_month/:i_day/:short_year/:y_day", "/9/6/17/249"),
        ("/:categories/:slug:output_ext", "/data/science/mon-billet.html"),
        ("/:path/:basename/", "/sub/page/"),
        ("pretty", "/data/science/2017/09/06/Mon-Billet/"),
        ("date", "/data/science/2017/09/06/Mon-Billet.html"),
        ("ordinal", "/data/science/2017/249/Mon-Billet.html"),
        ("none", "/data/science/Mon-Billet.html"),
    ],
)
def test_placeholders_and_styles(pattern, expected):
    assert expand(pattern, **VALUES) == expected


def test_empty_categories_leave_no_double_slash():
    assert expand("pretty", **{**VALUES, "categories": []}) == "/2017/09/06/Mon-Billet/"


def test_date_placeholder_without_date_is_refused():
    with pytest.raises(PermalinkError, match="n'a pas de date"):
        expand("/:year/:title/", **{**VALUES, "date": None})


def test_unknown_placeholder_is_refused():
    with pytest.raises(PermalinkError, match="« :nom »"):
        expand("/:nom/", **VALUES)


@pytest.mark.parametrize("url", ["/../etc/", "https://ailleurs.example/", "/a\tb/", "/a?b", ""])
def test_urls_that_leave_the_site_are_refused(url):
    with pytest.raises(PermalinkError):
        normalize(url)


def test_slugify_is_jekylls_default():
    assert slugify("Mon_Billet : Données, santé!") == "mon-billet-données-santé"
