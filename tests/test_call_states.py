"""The call's three states, as a candidate meets them on the built site.

Each state is built at a moment computed from CALL_OPENS and CALL_CLOSES, at its edge
(conftest.CALL_MOMENTS); the form's address is the setting's.
"""

import pytest
import site_content
from browser import is_back_office
from conftest import at_moment, build_real_site, build_real_site_with, copy_real_site
from parsed_pages import attribute_text

FORM = site_content.form_url()
OPENS, CLOSES = site_content.call_dates()
CHALLENGES = site_content.challenges()
# The pages whose call to action changes with the state: the home page, every
# challenge, the application page.
APPLY_PAGE = site_content.settings()["APPLICATION_CALL"]["page_url"]
STATE_PAGES = ["index.html", f"{APPLY_PAGE}index.html", *(c.save_as for c in CHALLENGES)]


def form_links(result, save_as):
    hrefs = [attribute_text(a, "href") for a in result.tree(save_as).css("a[href]")]
    return [href for href in hrefs if href.startswith(FORM)]


def callout(result, save_as):
    return result.html(save_as).select_one("main .fr-callout")


def link_starting(tag, text):
    return next(a for a in tag.select("a") if a.get_text().startswith(text))


def every_page(result):
    """Every public page (the back office, for editors, has no call to action)."""
    return sorted(
        f for f in result.files() if f.endswith(".html") and not is_back_office(result.output / f)
    )


def seed_link(result):
    return result.html("index.html").find("a", string="DEVENEZ ENTREPRENEUR D’INTERET GENERAL")


# -- open ----------------------------------------------------------------------------


def test_open_header_call_to_action_leads_to_the_form(real_site):
    for save_as in every_page(real_site):
        page = real_site.tree(save_as)
        if page.css_first('meta[http-equiv="refresh"]'):
            continue
        button = page.css_first("header .fr-header__tools a.fr-btn")
        assert button is not None, save_as
        assert button.attributes["href"] == FORM, save_as


def test_open_welcome_page_links_to_the_form_and_says_the_closing_moment(real_site):
    box = callout(real_site, "index.html")
    assert box.select_one(".fr-callout__title").get_text() == (
        f"Candidatures ouvertes jusqu'au {site_content.french_moment(CLOSES)}"
    )
    assert box.select_one("a.fr-btn")["href"] == FORM
    assert seed_link(real_site)["href"] == FORM


@pytest.mark.parametrize("challenge", CHALLENGES, ids=lambda c: c.slug)
def test_open_challenge_page_offers_to_apply(real_site, challenge):
    button = callout(real_site, challenge.save_as).select_one("a.fr-btn")
    assert button.get_text() == "Candidater à ce défi"
    assert button["href"] == site_content.challenge_form_url(challenge.slug)


def test_open_application_page_embeds_the_form_and_links_to_it(real_site):
    provider = site_content.settings()["FORM_PROVIDER"]
    main = real_site.html(f"{APPLY_PAGE}index.html").select_one("main")
    frame = main.select_one("iframe")
    if not site_content.form_embedded():  # FORM_EMBED = False: the link alone
        assert frame is None
    else:
        assert frame["src"] == FORM
        assert frame["title"] == f"Formulaire de candidature – {provider}"
        assert frame["loading"] == "lazy"
        sandbox = set(frame["sandbox"])
        # The form posts as plain HTML; scripts with same-origin could lift the sandbox.
        assert "allow-forms" in sandbox and "allow-scripts" not in sandbox
    link = link_starting(main, "Ouvrir le formulaire dans un nouvel onglet")
    assert link["href"] == FORM
    assert link["target"] == "_blank"
    assert "noopener" in link["rel"]
    assert "site externe" in link.select_one(".fr-sr-only").get_text()


def test_the_call_is_open_from_its_very_first_second(tmp_path):
    env = {**at_moment("open"), "SOURCE_DATE_EPOCH": str(int(OPENS.timestamp()))}
    result = build_real_site(copy_real_site(tmp_path, plugins=False), env=env)
    assert result.returncode == 0, result.log
    assert callout(result, "index.html").select_one("a.fr-btn")["href"] == FORM


def test_open_application_page_without_embedding_keeps_the_link(tmp_path):
    result = build_real_site_with(tmp_path, "FORM_EMBED = False\n", env=at_moment("open"))
    assert result.returncode == 0, result.log
    main = result.html(f"{APPLY_PAGE}index.html").select_one("main")
    assert main.select_one("iframe") is None
    assert link_starting(main, "Ouvrir le formulaire")["href"] == FORM


def test_challenge_parameter_names_the_challenge_in_the_form_address(tmp_path):
    result = build_real_site_with(
        tmp_path,
        'APPLICATION_CALL = {**APPLICATION_CALL, "challenge_parameter": "defi"}\n',
        env=at_moment("open"),
    )
    assert result.returncode == 0, result.log
    for challenge in CHALLENGES:
        button = callout(result, challenge.save_as).select_one("a.fr-btn")
        separator = "&" if "?" in FORM else "?"
        assert button["href"] == f"{FORM}{separator}defi={challenge.slug}", challenge.source
    # The general calls to action still lead to the bare form.
    assert callout(result, "index.html").select_one("a.fr-btn")["href"] == FORM


# -- upcoming ------------------------------------------------------------------------


@pytest.mark.parametrize("save_as", STATE_PAGES)
def test_upcoming_pages_say_when_the_call_opens(upcoming_site, save_as):
    box = callout(upcoming_site, save_as)
    assert box.select_one(".fr-callout__title").get_text() == (
        f"L'appel à candidatures ouvrira le {site_content.french_day(OPENS)}"
    )


def test_upcoming_calls_to_action_lead_to_the_application_page(upcoming_site):
    assert seed_link(upcoming_site)["href"] == f"/{APPLY_PAGE}"
    assert callout(upcoming_site, "index.html").select_one("a.fr-btn")["href"] == f"/{APPLY_PAGE}"


# -- closed --------------------------------------------------------------------------


@pytest.mark.parametrize("save_as", STATE_PAGES)
def test_closed_pages_say_the_call_is_closed_since_its_closing_moment(closed_site, save_as):
    box = callout(closed_site, save_as)
    assert box.select_one(".fr-callout__title").get_text() == "L'appel à candidatures est clos"
    assert f"clos depuis le {site_content.french_moment(CLOSES)}" in box.get_text()
    assert box.select_one("a.fr-btn") is None


@pytest.mark.parametrize("state", ["upcoming", "closed"])
def test_site_never_offers_the_form_unless_the_call_is_open(request, state):
    site = request.getfixturevalue(f"{state}_site")
    for save_as in every_page(site):
        page = site.tree(save_as)
        assert form_links(site, save_as) == [], save_as
        assert page.css("iframe") == [], save_as
        # The header's tools keep the language selector, never a call to action.
        header_buttons = page.css("header .fr-header__tools .fr-btns-group a")
        assert header_buttons == [], save_as


def test_closed_rules_page_still_tells_the_calendar(closed_site):
    text = closed_site.html("reglement/index.html").select_one("main").get_text()
    assert site_content.french_day(OPENS) in text
    assert site_content.french_day(CLOSES) in text
