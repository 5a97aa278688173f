"""What the feature fixture site (tests/fixtures/features) builds: one fact a test."""

import datetime

import pytest

# -- front matter ----------------------------------------------------------------


def test_every_jekyll_key_is_kept_hyphenated_ones_too(features):
    assert features.meta("keys/index.html", "modal-id") == "Une clé avec un tiret"
    assert features.meta("keys/index.html", "project-date") == "Janvier 2018"
    assert features.meta("keys/index.html", "img") == "/img/portfolio/exemple.png"
    assert features.meta("keys/index.html", "misc") == "data science, développement"


def test_body_is_rendered_from_markdown(features):
    main = features.html("simple/index.html").select_one("main")
    assert main.select_one("strong").get_text() == "gras"


# -- layouts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("save_as", "template"),
    [
        ("simple/index.html", "page"),
        ("legacy-cgu/index.html", "page"),  # 2017 layout `cgu`
        ("2017/09/26/two-digit-year/index.html", "article"),  # 2017 layout `post`
    ],
)
def test_layout_chooses_the_template(features, save_as, template):
    assert features.html(save_as).body["data-template"] == template


# -- titles ----------------------------------------------------------------------


def test_title_comes_from_title(features):
    assert features.html("simple/index.html").h1.get_text() == "Une page simple"


def test_title_falls_back_on_modal_id(features):
    assert features.html("fallback-title/index.html").h1.get_text() == "Titre tiré de modal-id"


# -- Markdown fields -------------------------------------------------------------


def test_markdown_field_is_rendered_to_html(features):
    html = features.meta("description-and-body/index.html", "description")
    assert html == "<p>Un <em>résumé</em>.</p>"


def test_markdown_field_serves_as_empty_body(features):
    main = features.html("description-body/index.html").select_one("main")
    assert main.select_one("strong").get_text() == "Important"
    assert main.select_one("h2").get_text() == "La problématique"


def test_body_wins_over_markdown_field(features):
    main = features.html("description-and-body/index.html").select_one("main")
    assert main.get_text(strip=True) == "Le corps de la page."


# -- permalinks ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("save_as", "title"),
    [
        ("simple/index.html", "Une page simple"),  # pages/x.md -> /x/
        ("sub/nested/index.html", "Page rangée dans un dossier"),  # :path
        ("a/b/index.html", "Permalien en dossier"),  # /a/b/
        ("a.html", "Permalien en .html"),  # /a.html
        ("b.html", "Permalien sans barre initiale"),  # b.html
        ("c.html", "Permalien sans extension"),  # /c
        ("nouvelles/2017/09/26/four-digit-year/index.html", "Année sur quatre chiffres"),
        ("data/science/2018/03/04/Mon_Billet/mon-billet.html", "Paramètres du permalien"),
        ("2018/03/05/date-style.html", "Style date"),
    ],
)
def test_each_file_is_written_where_jekyll_would(features, save_as, title):
    assert features.html(save_as).h1.get_text() == title


def test_page_url_metadata_matches_its_file(features):
    assert features.meta("a/b/index.html", "url") == "a/b/"


# -- dates -----------------------------------------------------------------------


def _date(build, save_as):
    return datetime.date.fromisoformat(build.meta(save_as, "date")[:10])


def test_date_from_four_digit_file_name(features):
    save_as = "nouvelles/2017/09/26/four-digit-year/index.html"
    assert _date(features, save_as) == datetime.date(2017, 9, 26)


def test_two_digit_year_in_file_name_is_this_century(features):
    assert _date(features, "2017/09/26/two-digit-year/index.html") == datetime.date(2017, 9, 26)


def test_front_matter_date_wins_over_file_name(features):
    assert _date(features, "2018/02/01/front-date/index.html") == datetime.date(2018, 2, 1)


# -- drafts ----------------------------------------------------------------------


@pytest.mark.parametrize("word", ["Brouillon souligné", "Brouillon dans _drafts", "Non publiée"])
def test_drafts_are_not_built(features, word):
    for save_as in features.files():
        assert word not in (features.output / save_as).read_text(encoding="utf-8")


def test_no_output_for_draft_names(features):
    assert not [f for f in features.files() if "brouillon" in f or "unpublished" in f]


# -- Liquid ----------------------------------------------------------------------


def _liquid_text(features):
    return features.html("liquid/index.html").select_one("main").get_text()


@pytest.mark.parametrize(
    "expected",
    [
        "Site : Site de test.",  # site.title is SITENAME
        "Devise : Servir l'intérêt général.",  # a JEKYLL_SITE key
        "Filtres : /img/a.png et https://eig.example/img/a.png.",  # Jekyll's URL filters
        "Administration : Ministère de l'Exemple ; titre : Liquid ; adresse : /liquid/.",
        "Ceci reste {{ tel quel }} et {% ceci %} aussi.",  # raw
    ],
)
def test_liquid_variables_and_raw(features, expected):
    assert expected in _liquid_text(features)


def test_site_setting_is_read_from_settings(features):
    link = features.html("liquid/index.html").find("a", string="candidater")
    assert link["href"] == "https://form.example/apply"


def test_site_url_is_siteurl(features):
    assert "Adresse : https://eig.example/." in _liquid_text(features)


def test_link_tag_gives_the_other_pages_url(features):
    link = features.html("liquid/index.html").find("a", string="une page simple")
    assert link["href"] == "https://eig.example/simple/"


def test_link_tag_reaches_a_challenge_file(features):
    link = features.html("liquid/index.html").find("a", string="le défi de 2017")
    assert link["href"] == "https://eig.example/defi/2017/09/26/exemple/"


def test_markdown_include_is_rendered_with_its_parameters(features):
    quotes = features.html("liquid/index.html").select("main blockquote")
    assert [q.select_one("strong").get_text() for q in quotes] == ["Note :", "Note :"]
    assert "Une note incluse" in quotes[0].get_text()


def test_include_parameter_can_be_a_variable(features):
    quotes = features.html("liquid/index.html").select("main blockquote")
    assert "Ministère de l'Exemple" in quotes[1].get_text()


# -- redirect_from ---------------------------------------------------------------


@pytest.mark.parametrize("old", ["ancienne-adresse/index.html", "plus-ancienne.html"])
def test_each_old_url_redirects_to_the_page(features, old):
    page = features.html(old)
    new = "https://eig.example/moved/"
    assert page.select_one('link[rel="canonical"]')["href"] == new
    assert page.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={new}"
    assert page.find("a", string="Nouvelle adresse")["href"] == new


# -- the 2017 format -------------------------------------------------------------


def test_2017_challenge_file_builds_with_its_keys(features):
    save_as = "defi/2017/09/26/exemple/index.html"
    page = features.html(save_as)
    assert page.h1.get_text() == "Exemple : un défi au format du site de 2017"
    assert features.meta(save_as, "owner") == "Ministère de l'Exemple, Direction des essais"
    assert page.select_one("main h2").get_text() == "La problématique"


# -- nothing else is written -----------------------------------------------------


def test_only_our_pages_are_written(features):
    """No tag, category, author, archive or index page, no feed, no theme file."""
    assert features.files() == {
        "2017/09/26/two-digit-year/index.html",
        "2018/02/01/front-date/index.html",
        "2018/03/05/date-style.html",
        "a.html",
        "a/b/index.html",
        "ancienne-adresse/index.html",
        "b.html",
        "c.html",
        "data/science/2018/03/04/Mon_Billet/mon-billet.html",
        "defi/2017/09/26/exemple/index.html",
        "description-and-body/index.html",
        "description-body/index.html",
        "fallback-title/index.html",
        "keys/index.html",
        "legacy-cgu/index.html",
        "liquid/index.html",
        "moved/index.html",
        "nouvelles/2017/09/26/four-digit-year/index.html",
        "plus-ancienne.html",
        "simple/index.html",
        "sub/nested/index.html",
    }
