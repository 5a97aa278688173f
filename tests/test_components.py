"""Each DSFR component macro of templates/components, rendered alone."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from jinja2 import Environment, FileSystemLoader, StrictUndefined

# The options Pelican renders our templates with (JINJA_ENVIRONMENT's defaults).
ENV = Environment(
    loader=FileSystemLoader(ROOT / "templates"),
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=StrictUndefined,
)


def render(component, macro, *args, **kwargs):
    """The macro's HTML, parsed."""
    module = ENV.get_template(f"components/{component}.html").module
    return BeautifulSoup(str(getattr(module, macro)(*args, **kwargs)), "html.parser")


def test_skiplinks_list_each_anchor_in_order():
    html = render("skiplinks", "skiplinks", [("Contenu", "#contenu"), ("Menu", "#navigation")])
    nav = html.select_one("div.fr-skiplinks > nav")
    assert nav["aria-label"] == "Accès rapide"
    assert [(a.get_text(), a["href"]) for a in nav.select("ul.fr-skiplinks__list a.fr-link")] == [
        ("Contenu", "#contenu"),
        ("Menu", "#navigation"),
    ]


ITEMS = [("Accueil", ""), ("Défis", "defis/"), ("FAQ", "faq/")]


@pytest.mark.parametrize(
    ("current", "marked"),
    [("", ["Accueil"]), ("defis/", ["Défis"]), ("defis/x/", ["Défis"]), ("cgu/", [])],
)
def test_navigation_marks_only_the_current_section(current, marked):
    html = render("navigation", "navigation", ITEMS, current, "https://eig.example")
    nav = html.select_one("nav#navigation.fr-nav")
    assert nav["aria-label"] == "Menu principal"
    links = nav.select("ul.fr-nav__list > li.fr-nav__item > a.fr-nav__link")
    assert [a["href"] for a in links] == [
        "https://eig.example/",
        "https://eig.example/defis/",
        "https://eig.example/faq/",
    ]
    assert [a.get_text() for a in links if a.get("aria-current") == "page"] == marked


def test_header_has_the_republic_block_the_name_and_a_popover_menu():
    html = render("header", "header", "Nom", "Devise", ITEMS, "", "", action=None)
    header = html.select_one("header.fr-header")
    assert header.select_one(".fr-header__logo p.fr-logo").get_text("|") == "République|Française"
    assert header.select_one(".fr-header__service a")["href"] == "/"
    assert header.select_one(".fr-header__service-title").get_text() == "Nom"
    assert header.select_one(".fr-header__service-tagline").get_text() == "Devise"
    menu = header.select_one(".fr-header__menu")
    # Not DSFR's modal, which needs its script: an HTML popover, opened and closed by
    # buttons that name it, with no script at all.
    assert "fr-modal" not in menu["class"]
    assert menu.has_attr("popover") and menu["id"] == "menu"
    opener = header.select_one(".fr-header__navbar button.fr-btn--menu")
    assert (opener["popovertarget"], opener.get_text()) == ("menu", "Menu")
    assert not opener.has_attr("popovertargetaction")  # toggle
    closer = menu.select_one("button.fr-btn--close")
    assert (closer["popovertarget"], closer["popovertargetaction"]) == ("menu", "hide")
    assert [b["type"] for b in header.select("button")] == ["button", "button"]
    assert header.select("script, [onclick]") == []
    assert menu.select_one("nav#navigation") is not None
    assert header.select_one(".fr-header__tools") is None


def test_header_call_to_action_is_a_button_link():
    html = render(
        "header", "header", "Nom", "", ITEMS, "", "", action={"label": "Go", "url": "https://f/"}
    )
    button = html.select_one(".fr-header__tools-links a.fr-btn")
    assert (button.get_text(), button["href"]) == ("Go", "https://f/")
    assert html.select_one(".fr-header__service-tagline") is None


def test_footer_has_the_mandatory_blocks():
    html = render(
        "footer",
        "footer",
        "Nom",
        "Description",
        [("info.gouv.fr", "https://www.info.gouv.fr")],
        [("Plan du site", "plan/"), ("Accessibilité : non conforme", "a11y/")],
        ("licence etalab-2.0", "https://licence.example"),
        "https://eig.example",
    )
    footer = html.select_one("footer.fr-footer#pied-de-page")
    assert footer.select_one(".fr-footer__brand .fr-logo") is not None
    assert footer.select_one(".fr-footer__content-desc").get_text() == "Description"
    sites = footer.select(".fr-footer__content-list a.fr-footer__content-link")
    assert [(a.get_text(), a["href"]) for a in sites] == [
        ("info.gouv.fr", "https://www.info.gouv.fr")
    ]
    bottom = footer.select(".fr-footer__bottom-list a.fr-footer__bottom-link")
    assert [(a.get_text(), a["href"]) for a in bottom] == [
        ("Plan du site", "https://eig.example/plan/"),
        ("Accessibilité : non conforme", "https://eig.example/a11y/"),
    ]
    licence = footer.select_one(".fr-footer__bottom-copy a")
    assert (licence.get_text(), licence["href"]) == (
        "licence etalab-2.0",
        "https://licence.example",
    )


def test_breadcrumb_is_unfolded_and_ends_on_the_current_page():
    html = render("breadcrumb", "breadcrumb", [("Accueil", ""), ("Défis", "defis/")], "Gobelins")
    nav = html.select_one("nav.fr-breadcrumb")
    assert nav["aria-label"] == "Vous êtes ici :"
    assert nav.select("button") == [] and nav.select(".fr-collapse") == []
    items = nav.select("ol.fr-breadcrumb__list > li > .fr-breadcrumb__link")
    assert [(a.name, a.get_text(), a.get("href")) for a in items] == [
        ("a", "Accueil", "/"),
        ("a", "Défis", "/defis/"),
        ("span", "Gobelins", None),  # the current page: no link to itself
    ]
    assert items[-1]["aria-current"] == "page"


def test_tag_is_a_link_when_it_has_an_address():
    link = render("tag", "tag", "design", "/defis/competence/design/").select_one("a.fr-tag")
    assert (link.get_text(), link["href"]) == ("design", "/defis/competence/design/")


def test_tag_is_a_label_without_an_address():
    html = render("tag", "tag", "design")
    assert html.select_one("p.fr-tag").get_text() == "design"
    assert html.select("a") == []


def test_button_is_a_primary_link_by_default():
    button = render("button", "button", "Candidater", "https://f/").select_one("a")
    assert button["class"] == ["fr-btn"]
    assert not button.has_attr("target")


def test_button_secondary_and_external():
    html = render("button", "button", "Voir", "https://f/", kind="secondary", external="externe")
    button = html.select_one("a")
    assert button["class"] == ["fr-btn", "fr-btn--secondary"]
    assert button["target"] == "_blank" and button["rel"] == ["noopener"]
    assert button.select_one(".fr-sr-only").get_text() == "(externe)"


def test_callout_has_title_at_the_given_level_and_text():
    html = render("callout", "callout", "Titre", "Texte", level=3, id="x")
    box = html.select_one("div.fr-callout#x")
    assert box.select_one("h3.fr-callout__title").get_text() == "Titre"
    assert box.select_one("p.fr-callout__text").get_text() == "Texte"
    assert box.select("a") == []


def challenge(**facts):
    base = dict(
        title="Gobelins",
        url="defis/gobelins/",
        resume="Résumé",
        administration="Ministère de la Culture",
        profils=["a", "b"],
        lieu=None,
        skills=[SimpleNamespace(name="design", url="defis/competence/design/")],
        administration_group=SimpleNamespace(url="defis/administration/culture/"),
        place_group=None,  # a hidden challenge's, or a theme without challenge_index
    )
    return SimpleNamespace(**{**base, **facts})


def test_card_shows_name_summary_administration_skills_and_team():
    card = render("card", "challenge_card", challenge(), "https://e").select_one("div.fr-card")
    title = card.select_one("h3.fr-card__title a")
    assert (title.get_text(), title["href"]) == ("Gobelins", "https://e/defis/gobelins/")
    assert card.select_one(".fr-card__desc").get_text() == "Résumé"
    assert [p.get_text() for p in card.select(".fr-card__detail")] == [
        "Ministère de la Culture",
        "Équipe : 2 entrepreneurs",
    ]
    administration = card.select_one(".fr-card__start .fr-card__detail a")
    assert administration["href"] == "https://e/defis/administration/culture/"
    tag = card.select_one("ul.fr-tags-group a.fr-tag")
    assert tag["href"] == "https://e/defis/competence/design/"
    # Its tags are links: the card must not be one big link around them.
    assert "fr-enlarge-link" not in card["class"]


def test_card_of_a_challenge_with_few_facts():
    card = render(
        "card", "challenge_card", challenge(profils=None, skills=[], lieu="Brest (29)"), level=2
    )
    assert card.select_one("h2.fr-card__title") is not None
    assert [p.get_text() for p in card.select(".fr-card__detail")] == [
        "Ministère de la Culture",
        "Lieu : Brest (29)",
    ]
    assert card.select(".fr-tags-group") == []


def test_card_links_the_place_page_or_the_unknown_place_page():
    known = challenge(lieu="Brest (29)", place_group=SimpleNamespace(url="defis/lieu/brest/"))
    link = render("card", "challenge_card", known).select(".fr-card__detail a")[-1]
    assert (link.get_text(), link["href"]) == ("Brest (29)", "/defis/lieu/brest/")
    unknown = SimpleNamespace(url="defis/lieu/a-preciser/", name="lieu à préciser")
    card = render("card", "challenge_card", challenge(place_group=unknown))
    link = card.select(".fr-card__detail a")[-1]
    assert (link.get_text(), link["href"]) == ("lieu à préciser", "/defis/lieu/a-preciser/")


def test_form_embed_frames_the_form_and_always_links_to_it():
    html = render("form_embed", "form_embed", "https://f/", "Formulaire", True, "Framaforms")
    frame = html.select_one("iframe")
    assert (frame["src"], frame["title"], frame["loading"]) == ("https://f/", "Formulaire", "lazy")
    assert "allow-forms" in frame["sandbox"]
    link = html.select_one("a.fr-link")
    assert link["href"] == "https://f/" and link["target"] == "_blank"
    assert link.select_one(".fr-sr-only").get_text() == "(site externe : Framaforms, nouvel onglet)"


def test_form_embed_off_keeps_only_the_link():
    html = render("form_embed", "form_embed", "https://f/", "Formulaire", False)
    assert html.select("iframe") == []
    assert html.select_one("a")["href"] == "https://f/"
