"""Which pages tests/test_conformance.py checks, in which states of the call, and which
of its tests look at one page per template only.

Known without building: from the content (site_content, english_content), or from an
already built folder named by EIG_CONFORMANCE_SITE (tests/test_conformance_guard.py).
"""

import os
from pathlib import Path

import english_content
import site_content
from browser import site_pages

# The application form is embedded on this page only; its host is allowed there.
FORM_PAGE = "/candidater/"
# The English version's application page embeds it too (tests/english_content.py).
FORM_PAGES = (FORM_PAGE, english_content.english_url(FORM_PAGE))
CHALLENGE_URL = site_content.challenges()[0].url  # any challenge

# Every page is checked while the call is open (the richest state: header button,
# embedded form); the pages that change with the call's state, in the other two too.
GIVEN_SITE = os.environ.get("EIG_CONFORMANCE_SITE")
STATES = ("open",) if GIVEN_SITE else ("open", "upcoming", "closed")
STATE_PAGES = ("/", "/candidater/", CHALLENGE_URL)
STATE_PAGES += tuple(english_content.english_url(p) for p in STATE_PAGES)
# The real site's builds in each call state: conftest.py's session fixtures, shared with
# the other test modules.
STATE_BUILDS = {"open": "real_site", "upcoming": "upcoming_site", "closed": "closed_site"}


def page_paths():
    """The pages to check, known without building: from the given folder, or the content.

    test_the_checked_pages_are_the_built_pages proves the content's list is the build's.
    """
    if GIVEN_SITE:
        return site_pages(Path(GIVEN_SITE))
    return site_content.page_urls() + english_content.english_urls()


def checked_pages():
    """(state, URL path) of every page to check."""
    paths = page_paths()
    pages = [("open", path) for path in paths or ["/"]]
    for state in STATES[1:]:
        pages += [(state, path) for path in paths if path in STATE_PAGES]
    return pages


def same_template_pages():
    """Pages that differ from others of their template only by lists and names, by template.

    A skill, administration or place page is its template over cards of challenges; an
    English address of a page only in French is its template and the French page's title;
    a challenge's English page is its template over the file's front matter, escaped text
    (no Markdown body), whose only links are the French page's and the call to action.
    The first of each group is the one checked: the English page of CHALLENGE_URL, which
    is also checked in the call's other states.
    """
    return [
        [group.url for group in site_content.skills()],
        [group.url for group in site_content.administrations()],
        [group.url for group in site_content.places()],
        [fallback.url for fallback in english_content.fallbacks()],
        [challenge.url for challenge in english_content.english_challenges()],
    ]


def template_checked_pages():
    """(state, URL path) of the pages the template-only tests (TEMPLATE_TESTS) check.

    Every page, but one page for each template of same_template_pages(): the others differ
    from it only by text and by which cards they list. The keyboard walk and the no-JS
    reading depend on the template's markup and style sheets, not on that text; what does
    depend on the text stays checked on every page (axe, the Nu checker, links, images,
    requests, console, CSP; and the phone screen, where a long word could overflow), and
    every card is a challenge's card, also on the challenges' index, checked in full.
    """
    if GIVEN_SITE:
        return checked_pages()
    others = {path for group in same_template_pages() for path in group[1:]}
    return [(state, path) for state, path in checked_pages() if path not in others]


# Tests of what a page's template makes of it (markup, style sheets, scripts), not of
# its text: run on template_checked_pages().
TEMPLATE_TESTS = {
    "test_page_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content",
    "test_page_every_interactive_element_is_reached_by_tab_and_shows_its_focus",
    "test_page_works_without_javascript",
}


def redirect_pages():
    """URL paths of the redirect stubs (old addresses) of the open state's build."""
    if GIVEN_SITE:
        return site_pages(Path(GIVEN_SITE), redirects=True)
    return site_content.redirect_urls()
