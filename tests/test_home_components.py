"""The link, summary and callout components, and the home page's first block, rendered alone."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from jinja2 import Environment, FileSystemLoader, StrictUndefined

# The options Pelican renders our templates with (JINJA_ENVIRONMENT's, as pelicanconf sets).
ENV = Environment(
    loader=FileSystemLoader(ROOT / "templates"),
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=StrictUndefined,
    autoescape=True,
)


def module(name):
    return ENV.get_template(f"{name}.html").module


def parsed(markup):
    return BeautifulSoup(str(markup), "html.parser")


def test_link_is_a_plain_dsfr_link():
    html = parsed(module("components/link").link("Les défis", "/defis/"))
    link = html.select_one("a.fr-link")
    assert (link.get_text(), link["href"]) == ("Les défis", "/defis/")
    assert "target" not in link.attrs
    assert link.select(".fr-sr-only") == []


def test_external_link_tells_screen_readers_where_it_leads():
    html = parsed(module("components/link").link("Liste", "https://l.example/", "site externe"))
    assert html.select_one("a.fr-link .fr-sr-only").get_text() == "(site externe)"


def test_summary_links_each_entry_to_its_anchor_in_order():
    entries = [("a", "Première"), ("b-1", "Seconde <b>")]
    nav = parsed(module("components/summary").summary(entries)).select_one("nav.fr-summary")
    title = nav.select_one(".fr-summary__title")
    assert nav["aria-labelledby"] == title["id"] == "sommaire"
    links = nav.select("ol.fr-summary__list > li > a.fr-summary__link")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("#a", "Première"),
        ("#b-1", "Seconde <b>"),
    ]


@pytest.mark.parametrize(("level", "tag"), [(2, "h2"), (3, "h3"), (None, "p")])
def test_callout_title_is_a_heading_of_its_level_or_a_paragraph(level, tag):
    html = parsed(module("components/callout").callout("Titre", "Texte", level))
    assert html.select_one(".fr-callout > .fr-callout__title").name == tag


# -- the home page's first block, with texts of another language --------------------------

TEXTS_EN = {
    "open": {"title": "Open until {closes_moment}", "text": "Since {opens}.", "button": "Apply"},
    "upcoming": {
        "title": "Opens on {opens}",
        "text": "From {opens} to {closes_moment}.",
        "button": "Get ready",
        "mailing_list": "Hear when it opens",
    },
    "closed": {"title": "Closed", "text": "Closed since {closes_moment}.", "mailing_list": "Next"},
    "challenges": "See the challenges",
    "external": "other site: {operator}",
}
DATES_EN = {"opens": "1 March", "closes": "1 April", "closes_moment": "1 April, 6 pm"}


def call(state, mailing_list=None):
    return SimpleNamespace(
        state=state,
        is_open=state == "open",
        opens_label="1er mars",
        closes_label="1er avril",
        closes_moment_label="1er avril à 18 h 00",
        mailing_list=mailing_list,
        action_url=lambda: "https://form.example/" if state == "open" else "/candidater/",
    )


def home_first(state, texts=TEXTS_EN, dates=DATES_EN, mailing_list=None):
    macro = module("partials/home_first").home_first
    return parsed(macro(call(state, mailing_list), texts, "/en/challenges/", dates))


def test_home_first_takes_its_texts_and_dates_as_parameters():
    block = home_first("open").select_one(".eig-home-first .fr-callout")
    assert block.select_one(".fr-callout__title").get_text() == "Open until 1 April, 6 pm"
    assert block.select_one(".fr-callout__text").get_text() == "Since 1 March."
    assert [(a.get_text(), a["href"]) for a in block.select("a.fr-btn")] == [
        ("Apply", "https://form.example/")
    ]
    assert [(a.get_text(), a["href"]) for a in block.select("a.fr-link")] == [
        ("See the challenges", "/en/challenges/")
    ]


def test_home_first_in_french_by_default_dates():
    texts = module("partials/home_first").TEXTS_FR
    block = home_first("upcoming", texts, None)
    assert block.select_one(".fr-callout__title").get_text() == (
        "L'appel à candidatures ouvrira le 1er mars"
    )
    assert "1er avril à 18 h 00" in block.select_one(".fr-callout__text").get_text()
    assert block.select_one("a.fr-btn.fr-btn--secondary")["href"] == "/candidater/"


def test_home_first_offers_the_mailing_list_only_while_the_form_is_shut():
    mailing = SimpleNamespace(url="https://l.example/", operator="Op")
    for state, label in [("upcoming", "Hear when it opens"), ("closed", "Next")]:
        links = home_first(state, mailing_list=mailing).select('a[href="https://l.example/"]')
        assert [a.contents[0].strip() for a in links] == [label], state
        assert links[0].select_one(".fr-sr-only").get_text() == "(other site: Op)"
    assert home_first("open", mailing_list=mailing).select('a[href="https://l.example/"]') == []
    assert home_first("closed").select("a.fr-btn") == []
