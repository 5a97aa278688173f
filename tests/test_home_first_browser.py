"""What matters first is seen without scrolling: the home page's first block, in Chromium.

In each state of the call, with the mailing list set (the tallest block), on a phone
(360×740) and a desktop (1280×800) screen, with and without JavaScript: the state, the
dates, the button and every link of the block lie within the first screen.
"""

import contextlib
from itertools import product

import pytest
from browser import in_own_thread, launch, other_hosts_refused, serve
from conftest import at_moment, build_real_site_with, module_folder
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
def outputs(request):
    builds = {}
    with module_folder(request, "first") as folder:
        for state in STATES:
            result = build_real_site_with(folder / state, MAILING_LINE, env=at_moment(state))
            assert result.returncode == 0, result.log
            builds[state] = result.output
        yield builds


# Each part's HTML and box, in one call; null for a part with no size (Playwright's
# bounding_box() gives null for one not rendered): the test refuses both.
_PARTS_AND_BOXES = """(parts) => parts.map((e) => {
  const r = e.getBoundingClientRect();
  return [e.outerHTML, r.width || r.height ? { x: r.x, y: r.y, width: r.width, height: r.height }
    : null];
})"""


def boxes(output):
    """{javascript: {(state, viewport): [(part's HTML, its box)]}} of the home page's first
    block, from one browser: a tab per screen size and JavaScript on or off, which loads the
    home page of each state in turn (the site keeps no state between pages)."""

    def session():
        found = {True: {}, False: {}}
        with sync_playwright() as playwright, other_hosts_refused() as proxy:
            browser = launch(playwright)
            try:
                with contextlib.ExitStack() as stack:
                    bases = {state: stack.enter_context(serve(f)) for state, f in output.items()}
                    for (width, height), javascript in product(VIEWPORTS, found):
                        context = browser.new_context(
                            viewport={"width": width, "height": height},
                            java_script_enabled=javascript,
                            proxy=proxy,
                        )
                        page = context.new_page()
                        for state, base in bases.items():
                            page.goto(base + "/", wait_until="load")
                            parts = page.eval_on_selector_all(PARTS, _PARTS_AND_BOXES)
                            found[javascript][(state, (width, height))] = parts
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
