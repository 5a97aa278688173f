"""What matters first is seen without scrolling: the home page's first block, in Chromium.

In each state of the call, with the mailing list set (the tallest block), on a phone
(360×740) and a desktop (1280×800) screen, with and without JavaScript: the state, the
dates, the button and every link of the block lie within the first screen.
"""

from itertools import product

import pytest
from browser import block_other_hosts, in_own_thread, launch, serve
from conftest import at_moment, build_real_site_with
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser

STATES = ["upcoming", "open", "closed"]
VIEWPORTS = [(360, 740), (1280, 800)]
MAILING_LINE = (
    'MAILING_LIST = {"url": "https://listes.example.gouv.fr/eig", "operator": "la DINUM"}\n'
)
# The block's parts that a candidate must see: title (state), text (dates), button, links.
PARTS = ".eig-home-first :is(.fr-callout__title, .fr-callout__text, a.fr-btn, a.fr-link)"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    builds = {}
    for state in STATES:
        folder = tmp_path_factory.mktemp(f"first-{state}")
        result = build_real_site_with(folder, MAILING_LINE, env=at_moment(state))
        assert result.returncode == 0, result.log
        builds[state] = result.output
    return builds


def boxes(output):
    """{javascript: {(state, viewport): [(part's HTML, its box)]}} of the home page's first
    block, from one browser."""

    def session():
        found = {True: {}, False: {}}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                for state, folder in output.items():
                    with serve(folder) as base:
                        for (width, height), javascript in product(VIEWPORTS, found):
                            context = browser.new_context(
                                viewport={"width": width, "height": height},
                                java_script_enabled=javascript,
                            )
                            block_other_hosts(context)
                            page = context.new_page()
                            page.goto(base + "/")
                            page.wait_for_load_state("load")
                            parts = page.locator(PARTS)
                            found[javascript][(state, (width, height))] = [
                                (
                                    parts.nth(i).evaluate("e => e.outerHTML"),
                                    parts.nth(i).bounding_box(),
                                )
                                for i in range(parts.count())
                            ]
                            context.close()
            finally:
                browser.close()
        return found

    return in_own_thread(session)


@pytest.fixture(scope="module")
def measured(outputs):
    return boxes(outputs)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
@pytest.mark.parametrize("state", STATES)
def test_first_block_is_within_the_first_screen(measured, state, viewport, javascript):
    parts = measured[javascript][(state, viewport)]
    width, height = viewport
    # Title, text and the challenges' link always; the button while upcoming or open;
    # the mailing list while the form is shut.
    expected = {"upcoming": 5, "open": 4, "closed": 4}[state]
    assert len(parts) == expected, parts
    for html, box in parts:
        assert box is not None and box["width"] > 0 and box["height"] > 0, html
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (html, box)
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, (html, box)
