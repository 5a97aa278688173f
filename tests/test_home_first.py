"""The home page opens with what a candidate needs first, in each state of the call.

Before the welcome text (pages/accueil.md, as the editors wrote it): the call's state
and dates, the apply button while it is open (or when it opens, or that it is closed),
a link to the challenges, and, while the form is shut, the mailing list if set.
"""

import contextlib

import english_content
import pytest
import site_content
from conftest import at_moment, build_real_site_with, module_folder
from parsed_pages import attribute_text

FORM = site_content.form_url()
OPENS, CLOSES = site_content.call_dates()
SETTINGS = site_content.settings()
APPLY_PAGE = "/" + SETTINGS["APPLICATION_CALL"]["page_url"]
CHALLENGES_PAGE = "/" + SETTINGS["CHALLENGES_PAGE"][1]
MAILING = {"url": "https://listes.example.gouv.fr/eig/inscription", "operator": "la DINUM"}
MAILING_LINE = f"MAILING_LIST = {MAILING!r}\n"
STATES = ["upcoming", "open", "closed"]
# Pages that show the call's state in a callout, besides the home page.
CHALLENGE_PAGES = [c.save_as for c in site_content.challenges()]
STATE_PAGES = [f"{APPLY_PAGE.lstrip('/')}index.html", *CHALLENGE_PAGES]
# Their English versions, and the English home page, use the same call to action.
STATE_PAGES += [
    english_content.english_url("/" + save_as).lstrip("/")
    for save_as in ["index.html", *STATE_PAGES]
]


def site_in(request, state):
    return request.getfixturevalue("real_site" if state == "open" else f"{state}_site")


def first_block(result):
    return result.html("index.html").select_one("main .eig-home-first")


def welcome_heading(result):
    """The welcome text's first heading, as the editors wrote it."""
    return result.html("index.html").select_one("main article").find(["h1", "h2"])


def mailing_links(result, save_as):
    """The page's links to the list, as Lexbor reads them (a browser's HTML5 parsing)."""
    return result.tree(save_as).css(f'main a[href="{MAILING["url"]}"]')


def ancestor(node, class_name):
    """The nearest element around `node` of that class, or None."""
    node = node.parent
    while node is not None and class_name not in attribute_text(node, "class").split():
        node = node.parent
    return node


@pytest.mark.parametrize("state", STATES)
def test_first_block_comes_before_the_welcome_text(request, state):
    site = site_in(request, state)
    block, heading = first_block(site), welcome_heading(site)
    assert block is not None
    # Document order: the welcome text's heading comes after the block.
    assert heading in block.find_all_next(heading.name)


def test_open_block_says_until_when_and_leads_to_the_form(real_site):
    block = first_block(real_site)
    title = block.select_one(".fr-callout__title").get_text()
    assert title == f"Candidatures ouvertes jusqu'au {site_content.french_moment(CLOSES)}"
    assert site_content.french_day(OPENS) in block.select_one(".fr-callout__text").get_text()
    buttons = block.select("a.fr-btn")
    assert [(b.get_text(), b["href"]) for b in buttons] == [("Candidater", FORM)]


def test_upcoming_block_says_when_it_opens_and_closes(upcoming_site):
    block = first_block(upcoming_site)
    title = block.select_one(".fr-callout__title").get_text()
    assert title == f"L'appel à candidatures ouvrira le {site_content.french_day(OPENS)}"
    text = block.select_one(".fr-callout__text").get_text()
    assert site_content.french_moment(CLOSES) in text
    assert [b["href"] for b in block.select("a.fr-btn")] == [APPLY_PAGE]


def test_closed_block_says_since_when_and_offers_no_button(closed_site):
    block = first_block(closed_site)
    assert block.select_one(".fr-callout__title").get_text() == "L'appel à candidatures est clos"
    text = block.select_one(".fr-callout__text").get_text()
    assert f"clos depuis le {site_content.french_moment(CLOSES)}" in text
    assert site_content.french_day(OPENS) in text
    assert block.select("a.fr-btn") == []


@pytest.mark.parametrize("state", STATES)
def test_block_links_to_the_challenges(request, state):
    links = [a["href"] for a in first_block(site_in(request, state)).select("a.fr-link")]
    # And, where the real site sets a mailing list, to it while the form is shut (tested
    # below, on a build with one).
    mailing = SETTINGS.get("MAILING_LIST")
    assert links == [CHALLENGES_PAGE, *([mailing["url"]] if mailing and state != "open" else [])]


@pytest.mark.parametrize("state", STATES)
def test_home_page_has_one_call_state_block(request, state):
    # The block replaced the call to action that came after the cards.
    assert len(site_in(request, state).html("index.html").select("main .fr-callout")) == 1


# -- the mailing list (MAILING_LIST) ----------------------------------------------------


@contextlib.contextmanager
def built_in_each_state(request, name, settings_line):
    """{state: build} of copies of the real site with `settings_line` added, one a state."""
    with module_folder(request, name) as folder:
        builds = {}
        for state in STATES:
            site = folder / state
            builds[state] = build_real_site_with(site, settings_line, env=at_moment(state))
            assert builds[state].returncode == 0, builds[state].log
        yield builds


@pytest.fixture(scope="module")
def without_mailing_list(request):
    """The real site with MAILING_LIST = None, in each state: its own builds where its
    settings set none, else copies built with `MAILING_LIST = None` added."""
    if SETTINGS.get("MAILING_LIST") is None:
        yield {state: site_in(request, state) for state in STATES}
        return
    with built_in_each_state(request, "no-mailing", "MAILING_LIST = None\n") as builds:
        yield builds


@pytest.mark.parametrize("state", STATES)
def test_without_mailing_list_nothing_is_offered(without_mailing_list, state):
    site = without_mailing_list[state]
    for save_as in ["index.html", *STATE_PAGES]:
        assert site.tree(save_as).css("main .eig-callout-links a[href^=http]") == [], save_as
    text = site.tree("donnees-personnelles/index.html").css_first("main").text()
    assert "liste de diffusion" not in text.lower()


@pytest.fixture(scope="module")
def with_mailing_list(request):
    """The real site with MAILING_LIST set, built in each state."""
    with built_in_each_state(request, "mailing", MAILING_LINE) as builds:
        yield builds


@pytest.mark.parametrize("state", ["upcoming", "closed"])
def test_mailing_list_is_offered_while_the_form_is_shut(with_mailing_list, state):
    site = with_mailing_list[state]
    for save_as in ["index.html", *STATE_PAGES]:
        links = mailing_links(site, save_as)
        assert len(links) == 1, save_as
        link = links[0]
        # A plain link, in the callout; the operator named for screen readers.
        assert ancestor(link, "fr-callout") is not None, save_as
        assert "target" not in link.attributes
        assert MAILING["operator"] in link.css_first(".fr-sr-only").text()
    assert ancestor(mailing_links(site, "index.html")[0], "eig-home-first") is not None


def test_mailing_list_is_not_offered_while_the_call_is_open(with_mailing_list):
    site = with_mailing_list["open"]
    for save_as in ["index.html", *STATE_PAGES]:
        assert mailing_links(site, save_as) == [], save_as


@pytest.mark.parametrize("state", STATES)
def test_mailing_list_needs_no_form_and_no_request_of_ours(with_mailing_list, state):
    # No form on our pages, nothing fetched from the list's host.
    host = MAILING["url"].split("/")[2]
    for save_as in ["index.html", *STATE_PAGES, "donnees-personnelles/index.html"]:
        page = with_mailing_list[state].tree(save_as)
        assert page.css("form") == [], save_as
        fetched = [attribute_text(t, "src") for t in page.css("[src]")]
        fetched += [attribute_text(t, "href") for t in page.css("link[href]")]
        assert not any(host in url for url in fetched), save_as


@pytest.mark.parametrize("state", STATES)
def test_personal_data_page_names_who_runs_the_list(with_mailing_list, state):
    main = with_mailing_list[state].tree("donnees-personnelles/index.html").css_first("main")
    assert MAILING["operator"] in main.text()
    assert main.css(f'a[href="{MAILING["url"]}"]')


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            {"url": "http://listes.example.gouv.fr/", "operator": "la DINUM"},
            'MAILING_LIST["url"] ',
        ),
        ({"url": "https://listes.example.gouv.fr/"}, 'MAILING_LIST["operator"] est obligatoire'),
        (
            {"url": "https://listes.example.gouv.fr/", "operator": " "},
            'MAILING_LIST["operator"] doit être le nom de qui gère la liste, comme « la DINUM »',
        ),
        ("https://listes.example.gouv.fr/", "MAILING_LIST doit être un dictionnaire"),
    ],
)
def test_a_wrong_mailing_list_setting_stops_the_build_in_french(tmp_path, value, message):
    result = build_real_site_with(tmp_path, f"MAILING_LIST = {value!r}\n", env=at_moment("closed"))
    assert result.returncode != 0
    assert "Traceback" not in result.log
    line = next(line for line in result.log.splitlines() if message in line)
    assert f"application_call: {message}" in line, result.log
    assert result.files() == set()
