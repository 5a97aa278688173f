"""One load of a built page in Chromium and what it showed (tests/test_conformance.py):
the tabs and contexts it happens in, kept on 127.0.0.1, and the phone-sized reading."""

import contextlib
import re
from dataclasses import dataclass
from urllib.parse import quote

import keyboard
from browser import axe_violations, block_other_hosts
from checked_pages import FORM_PAGES

MOBILE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# What the embedded form's frame receives instead of the real form: no network here.
FORM_STAND_IN = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Formulaire</title>'
    "</head><body><p>Formulaire (substitut de test)</p></body></html>"
)


def new_context(browser, **options):
    """A context with `options` (viewport, JavaScript, proxy) and short waits: a page that
    lacks what a step waits for fails in seconds, not Playwright's 30."""
    context = browser.new_context(**options)
    context.set_default_timeout(5000)
    return context


def _context(browser, form_host=None, **options):
    """A context (its viewport, JavaScript or not) kept on 127.0.0.1."""
    context = new_context(browser, **options)
    # The form's frame gets a local stand-in document.
    block_other_hosts(context, {form_host: FORM_STAND_IN} if form_host else None)
    return context


@contextlib.contextmanager
def page_in(browser, form_host=None, **options):
    """A page in a fresh context (its own viewport, JavaScript or not), kept on 127.0.0.1."""
    context = _context(browser, form_host, **options)
    try:
        yield context.new_page()
    finally:
        context.close()


@contextlib.contextmanager
def form_stand_in(page, path, form_host):
    """While `page` shows `path`: the form's frame, on the pages that embed it, gets a local
    stand-in document (a route, on those pages only: it turns the tab's cache off)."""
    if not form_host or path not in FORM_PAGES:
        yield
        return

    # Matched by Playwright itself: the page's other requests stay out of this process.
    is_form = re.compile(rf"^https?://{re.escape(form_host)}(?::\d+)?(?:[/?#]|$)")

    def stand_in(route):
        route.fulfill(status=200, content_type="text/html", body=FORM_STAND_IN)

    page.route(is_form, stand_in)
    try:
        yield
    finally:
        page.unroute(is_form, stand_in)


@contextlib.contextmanager
def reused_tab(browser, proxy, **options):
    """A context kept on 127.0.0.1 by `proxy` (its viewport, JavaScript or not) and its one
    tab, which the per-page tests load page after page into.

    A load starts a new document (the site keeps no state) and costs the browser less than
    a new tab does; a route, which would pass every request through Playwright and turn the
    cache off, is left to the form's stand-in, on its pages only.
    """
    context = new_context(browser, proxy=proxy, **options)
    try:
        yield context, context.new_page()
    finally:
        context.close()


@dataclass
class Visit:
    """What one load of a page at desktop size showed."""

    violations: list  # axe
    iframe_srcs: list
    icons: list  # the addresses of its icons (<link rel=icon>)
    requests: list  # (url, whether it is the navigation of an embedded frame)
    console_errors: list
    failed_requests: list  # (url, reason, frame navigation)
    bad_responses: list  # (url, status)
    csp_violations: list
    tab_walk: keyboard.TabWalk | None  # None where the template-only tests do not look
    skip_link: tuple | None  # (href, id of the focused element, its tag)
    phone_overflow: int  # how far the page scrolls sideways at 360 px
    phone_unreachable: list  # header links out of reach at 360 px, the menu opened


# The addresses of the page's frames and of its icons, resolved.
_FRAMES_AND_ICONS = """() => [
  [...document.querySelectorAll("iframe[src]")].map((e) => e.src),
  [...document.querySelectorAll("link[rel~=icon i][href]")].map((e) => e.href),
]"""


def load_and_check(page, watch, base_url, path, keyboard_too):
    """The Visit of the page at `path`, loaded in `page` at desktop size."""
    response = page.goto(base_url + quote(path), wait_until="load")
    status = response.status if response else None
    assert status == 200, f"{path}: HTTP status {status}"
    srcs, icons = page.evaluate(_FRAMES_AND_ICONS)
    # Before the keyboard walk: a frame whose document arrives while Tab passes it drops
    # focus to the body for a press or more, which reads as focus leaving the page. And
    # before axe runs its own code in the page.
    watch.load_lazy_frames()
    # The keyboard, on the pages the template-only tests check. In the reused tab, a new
    # document's Tab walk starts from its top as in a new tab (the same walks, every page).
    walk = skip = None
    if keyboard_too:
        walk = keyboard.tab_through(page, frames=bool(srcs))
        skip = keyboard.follow_first_skip_link(page)
    violations = axe_violations(page)
    csp = watch.csp_violations()
    console = list(watch.console_errors)
    overflow, unreachable = on_a_phone(page)
    return Visit(
        violations,
        srcs,
        icons,
        watch.requests,
        console,
        watch.failed_requests,
        watch.bad_responses,
        csp,
        walk,
        skip,
        overflow,
        unreachable,
    )


# Why each header link is not where a person can reach it: hidden, or not within the
# screen's width. "Hidden" as Playwright's is_visible() says (checkVisibility, visibility,
# an empty box), the box as its bounding_box() gives it: one call for every link.
_HEADER_LINKS_OUT_OF_REACH = """(width) => [...document.querySelectorAll("header a")].flatMap(
  (a) => {
  const r = a.getBoundingClientRect();
  const shown = a.checkVisibility() && getComputedStyle(a).visibility === "visible"
    && r.width > 0 && r.height > 0;
  const box = { x: r.x, y: r.y, width: r.width, height: r.height };
  const why = !shown ? "hidden"
    : r.x < 0 || r.x + r.width > width ? `outside the ${width} px screen: ${JSON.stringify(box)}`
    : null;
  return why ? [[a.getAttribute("href"), a.textContent, why]] : [];
})"""

# Which of the elements a selector finds are shown, as Playwright's is_visible() says.
SHOWN = """(els) => els.map((e) => {
  const r = e.getBoundingClientRect();
  return e.checkVisibility() && getComputedStyle(e).visibility === "visible"
    && r.width > 0 && r.height > 0;
})"""


# The element at `index` of those `selector` finds, scrolled into view as Playwright's
# click() would: [how many there are, the centre of its first box, or null if not shown].
_TO_CLICK = (
    """([selector, index]) => {
  const els = document.querySelectorAll(selector);
  const e = els[index];
  if (!e || !("""
    + SHOWN
    + """)([e])[0]) return [els.length, null];
  e.scrollIntoView({ block: "nearest", inline: "nearest" });
  const r = e.getClientRects()[0];
  const found = [els.length, [r.x + r.width / 2, r.y + r.height / 2]];
  // With a frame in the page run by a process of its own (site isolation, which the
  // browser fixture turns off), Chromium sends a click to the process drawn under it in
  // the last frame shown: wait for one drawn since (when the page runs scripts:
  // otherwise no animation frame callback ever runs).
  const scripted = matchMedia("(scripting: enabled)").matches;
  if (!document.querySelector("iframe") || !scripted) return found;
  return new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(found))));
}"""
)


def _click_each_shown(page, selector):
    """Click each shown element `selector` finds with the mouse, at its centre, one after
    the other (a click may move the next); how many were clicked.

    The mouse, not Playwright's click(), which first waits for frames to check that the
    element holds still and would get the click: an element covered by another gives the
    click to that one, and what it should open stays closed, which the caller checks.
    """
    index, count, clicked = 0, 1, 0
    while index < count:
        count, centre = page.evaluate(_TO_CLICK, [selector, index])
        if centre:
            page.mouse.click(*centre)
            clicked += 1
        index += 1
    return clicked


def _open_menu(page):
    """Open the header's menu with its button, when a small screen shows one."""
    if _click_each_shown(page, ".fr-header__navbar .fr-btn--menu"):
        page.locator("#menu").wait_for(state="visible")


def _open_disclosures(page):
    """Open the header's <details> (the language selector) by their summary, as a person does."""
    _click_each_shown(page, "header details > summary")


def on_a_phone(page):
    """(sideways scroll in px, header links out of reach) of the page on a 360 px screen.

    The loaded page's window is narrowed instead of the page loaded again at that width:
    its layout comes from its style sheets' media queries, which apply to the new width
    as to a load at it (the site's pages load no script that could lay them out once at
    load; the budget tests see every script they load). Both ways gave the same results
    on every page of the site.
    """
    page.set_viewport_size(MOBILE)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return overflow, unreachable_header_links(page, MOBILE["width"])


def unreachable_header_links(page, width):
    _open_disclosures(page)
    _open_menu(page)
    return [
        f"{href!r} {text!r}: {why}"
        for href, text, why in page.evaluate(_HEADER_LINKS_OUT_OF_REACH, width)
    ]
