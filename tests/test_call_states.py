"""The call's three states, as a candidate meets them on the built site."""

import pytest
from browser import is_back_office
from conftest import at_moment, build_real_site_with

FORM = "https://framaforms.org/candidature-entrepreneurs-dinteret-general-promotion-2-1501592391"
CHALLENGE = "defis/predisauvetage/index.html"


def form_links(result, save_as):
    return [a for a in result.html(save_as).select("a[href]") if a["href"].startswith(FORM)]


def callout(result, save_as):
    return result.html(save_as).select_one("main .fr-callout")


def link_starting(tag, text):
    return next(a for a in tag.select("a") if a.get_text().startswith(text))


def every_page(result):
    """Every public page (the back office, for editors, has no call to action)."""
    return sorted(
        f for f in result.files() if f.endswith(".html") and not is_back_office(result.output / f)
    )


# -- open ----------------------------------------------------------------------------


def test_open_header_call_to_action_leads_to_the_form(real_site):
    for save_as in every_page(real_site):
        button = real_site.html(save_as).select_one("header .fr-header__tools a.fr-btn")
        if real_site.html(save_as).select_one('meta[http-equiv="refresh"]'):
            continue
        assert button is not None, save_as
        assert button["href"] == FORM, save_as


def test_open_welcome_page_links_to_the_form_and_says_the_closing_date(real_site):
    box = callout(real_site, "index.html")
    assert box.select_one(".fr-callout__title").get_text() == (
        "Candidatures ouvertes jusqu'au 27 octobre 2017 à 23 h 59"
    )
    assert box.select_one("a.fr-btn")["href"] == FORM
    seed_link = real_site.html("index.html").find(
        "a", string="DEVENEZ ENTREPRENEUR D’INTERET GENERAL"
    )
    assert seed_link["href"] == FORM


def test_open_challenge_page_offers_to_apply(real_site):
    button = callout(real_site, CHALLENGE).select_one("a.fr-btn")
    assert button.get_text() == "Candidater à ce défi"
    assert button["href"] == FORM


def test_open_application_page_embeds_the_form_and_links_to_it(real_site):
    main = real_site.html("candidater/index.html").select_one("main")
    frame = main.select_one("iframe")
    assert frame["src"] == FORM
    assert frame["title"] == "Formulaire de candidature – Framaforms (association Framasoft)"
    assert frame["loading"] == "lazy"
    sandbox = set(frame["sandbox"])
    # The form posts as plain HTML; scripts with same-origin could lift the sandbox.
    assert "allow-forms" in sandbox and "allow-scripts" not in sandbox
    link = link_starting(main, "Ouvrir le formulaire dans un nouvel onglet")
    assert link["href"] == FORM
    assert link["target"] == "_blank"
    assert "noopener" in link["rel"]
    assert "site externe" in link.select_one(".fr-sr-only").get_text()


def test_open_application_page_without_embedding_keeps_the_link(tmp_path):
    result = build_real_site_with(tmp_path, "FORM_EMBED = False\n", env=at_moment("open"))
    assert result.returncode == 0, result.log
    main = result.html("candidater/index.html").select_one("main")
    assert main.select_one("iframe") is None
    assert link_starting(main, "Ouvrir le formulaire")["href"] == FORM


def test_challenge_parameter_names_the_challenge_in_the_form_address(tmp_path):
    result = build_real_site_with(
        tmp_path,
        'APPLICATION_CALL = {**APPLICATION_CALL, "challenge_parameter": "defi"}\n',
        env=at_moment("open"),
    )
    assert result.returncode == 0, result.log
    button = callout(result, CHALLENGE).select_one("a.fr-btn")
    assert button["href"] == FORM + "?defi=predisauvetage"
    # The general calls to action still lead to the bare form.
    assert callout(result, "index.html").select_one("a.fr-btn")["href"] == FORM


# -- upcoming ------------------------------------------------------------------------


@pytest.mark.parametrize("save_as", ["index.html", CHALLENGE, "candidater/index.html"])
def test_upcoming_pages_say_when_the_call_opens(upcoming_site, save_as):
    box = callout(upcoming_site, save_as)
    assert box.select_one(".fr-callout__title").get_text() == (
        "L'appel à candidatures ouvrira le 27 septembre 2017"
    )


def test_upcoming_calls_to_action_lead_to_the_application_page(upcoming_site):
    seed_link = upcoming_site.html("index.html").find(
        "a", string="DEVENEZ ENTREPRENEUR D’INTERET GENERAL"
    )
    assert seed_link["href"] == "/candidater/"
    assert callout(upcoming_site, "index.html").select_one("a.fr-btn")["href"] == "/candidater/"


# -- closed --------------------------------------------------------------------------


@pytest.mark.parametrize("save_as", ["index.html", CHALLENGE, "candidater/index.html"])
def test_closed_pages_say_the_call_is_closed_since_its_closing_date(closed_site, save_as):
    box = callout(closed_site, save_as)
    assert box.select_one(".fr-callout__title").get_text() == "L'appel à candidatures est clos"
    assert "clos depuis le 27 octobre 2017 à 23 h 59" in box.get_text()
    assert box.select_one("a.fr-btn") is None


@pytest.mark.parametrize("state", ["upcoming", "closed"])
def test_site_never_offers_the_form_unless_the_call_is_open(request, state):
    site = request.getfixturevalue(f"{state}_site")
    for save_as in every_page(site):
        assert form_links(site, save_as) == [], save_as
        assert site.html(save_as).select("iframe") == [], save_as
        assert site.html(save_as).select_one("header .fr-header__tools") is None, save_as


def test_closed_rules_page_still_tells_the_calendar(closed_site):
    text = closed_site.html("reglement/index.html").select_one("main").get_text()
    assert "27 septembre 2017" in text
    assert "27 octobre 2017" in text
