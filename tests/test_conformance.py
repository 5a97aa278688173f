"""Every built page, in a real browser: accessible, valid, self-contained, usable by keyboard,
on a phone and without JavaScript.

The pages are found in the build's output, so a new page is checked without touching this
file. Tests named test_page_* run once per page; EIG_CONFORMANCE_SITE=<folder> runs them on
an already built folder instead of the real site (tests/test_conformance_guard.py does, on a
deliberately broken page, to prove that they catch what they claim to).
"""

import contextlib
import json
import os
import re
import runpy
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import english_content
import keyboard
import pytest
import site_content
import site_links
from browser import (
    FRAMES_IN_THEIR_PAGES_PROCESS,
    PageWatch,
    add_axe,
    axe_violations,
    block_other_hosts,
    describe_violations,
    is_local,
    launch,
    other_hosts_refused,
    page_file,
    serve,
    site_pages,
)
from conftest import ROOT, Build
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser

# The Nu HTML checker, from npm (package.json; `make test` installs it).
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The application form is embedded on this page only; its host is allowed there.
FORM_PAGE = "/candidater/"
# The English version's application page embeds it too (tests/english_content.py).
FORM_PAGES = (FORM_PAGE, english_content.english_url(FORM_PAGE))
MOBILE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# What the embedded form's frame receives instead of the real form: no network here.
FORM_STAND_IN = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Formulaire</title>'
    "</head><body><p>Formulaire (substitut de test)</p></body></html>"
)
# A document with a known error: if the Nu checker does not report it, its silence
# about the pages proves nothing (it skips missing files without a word, for one).
NU_CANARY = (
    '<!DOCTYPE html><html lang="fr"><head><title>Témoin</title></head>'
    "<body><span><div></div></span></body></html>"
)
# Screenshots for reviewers: `make test` names the folder (EIG_CAPTURES) at the end.
CAPTURES = Path(os.environ.get("EIG_CAPTURES") or ROOT / "test-results" / "captures")
CHALLENGE_URL = site_content.challenges()[0].url  # any challenge
CAPTURED_PAGES = {"accueil": "/", "defi": CHALLENGE_URL}

# Every page is checked while the call is open (the richest state: header button,
# embedded form); the pages that change with the call's state, in the other two too.
GIVEN_SITE = os.environ.get("EIG_CONFORMANCE_SITE")
STATES = ("open",) if GIVEN_SITE else ("open", "upcoming", "closed")
STATE_PAGES = ("/", "/candidater/", CHALLENGE_URL)
STATE_PAGES += tuple(english_content.english_url(p) for p in STATE_PAGES)
# The real site's builds in each call state: conftest.py's session fixtures, shared with
# the other test modules.
STATE_BUILDS = {"open": "real_site", "upcoming": "upcoming_site", "closed": "closed_site"}


def _page_paths():
    """The pages to check, known without building: from the given folder, or the content.

    test_the_checked_pages_are_the_built_pages proves the content's list is the build's.
    """
    if GIVEN_SITE:
        return site_pages(Path(GIVEN_SITE))
    return site_content.page_urls() + english_content.english_urls()


def _checked_pages():
    """(state, URL path) of every page to check."""
    paths = _page_paths()
    pages = [("open", path) for path in paths or ["/"]]
    for state in STATES[1:]:
        pages += [(state, path) for path in paths if path in STATE_PAGES]
    return pages


def _same_template_pages():
    """Pages that differ from others of their template only by lists and names, by template.

    A skill, administration or place page is its template over cards of challenges; an
    English address of a page only in French is its template and the French page's title.
    """
    return [
        [group.url for group in site_content.skills()],
        [group.url for group in site_content.administrations()],
        [group.url for group in site_content.places()],
        [fallback.url for fallback in english_content.fallbacks()],
    ]


def _template_checked_pages():
    """(state, URL path) of the pages the template-only tests (TEMPLATE_TESTS) check.

    Every page, but one page for each template of _same_template_pages(): the others differ
    from it only by text and by which cards they list. The keyboard walk and the no-JS
    reading depend on the template's markup and style sheets, not on that text; what does
    depend on the text stays checked on every page (axe, the Nu checker, links, images,
    requests, console, CSP; and the phone screen, where a long word could overflow), and
    every card is a challenge's card, also on the challenges' index, checked in full.
    """
    if GIVEN_SITE:
        return _checked_pages()
    others = {path for group in _same_template_pages() for path in group[1:]}
    return [(state, path) for state, path in _checked_pages() if path not in others]


# Tests of what a page's template makes of it (markup, style sheets, scripts), not of
# its text: run on _template_checked_pages().
TEMPLATE_TESTS = {
    "test_page_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content",
    "test_page_every_interactive_element_is_reached_by_tab_and_shows_its_focus",
    "test_page_works_without_javascript",
}


def _redirect_pages():
    """URL paths of the redirect stubs (old addresses) of the open state's build."""
    if GIVEN_SITE:
        return site_pages(Path(GIVEN_SITE), redirects=True)
    return site_content.redirect_urls()


def pytest_generate_tests(metafunc):
    # One test per page, named by its URL path (and state), so that a failure names it.
    # A page's browser tests run in one worker (tests/xdist_groups.py): one load of it.
    if "page_path" in metafunc.fixturenames:
        template_only = metafunc.function.__name__ in TEMPLATE_TESTS
        pages = _template_checked_pages() if template_only else _checked_pages()
        ids = [path if state == "open" else f"{path}[{state}]" for state, path in pages]
        metafunc.parametrize(("state", "page_path"), pages, ids=ids)
    if "redirect_path" in metafunc.fixturenames:
        stubs = _redirect_pages()
        metafunc.parametrize("redirect_path", stubs, ids=stubs)


# -- fixtures ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sites(request):
    """The builds the tests were generated from, by call state."""
    if GIVEN_SITE:
        return {"open": Build(0, "", Path(GIVEN_SITE).resolve())}
    builds = {state: request.getfixturevalue(STATE_BUILDS[state]) for state in STATES}
    for build in builds.values():
        assert build.returncode == 0, build.log
    return builds


@pytest.fixture(scope="session")
def site(sites):
    return sites["open"]


def test_the_checked_pages_are_the_built_pages(site):
    assert sorted(site_pages(site.output)) == sorted(_page_paths())
    assert sorted(site_pages(site.output, redirects=True)) == sorted(_redirect_pages())


@pytest.fixture(scope="session")
def base_urls(sites):
    """Each state's build served on its own port."""
    with contextlib.ExitStack() as stack:
        yield {state: stack.enter_context(serve(b.output)) for state, b in sites.items()}


@pytest.fixture(scope="session")
def base_url(base_urls):
    return base_urls["open"]


@pytest.fixture(scope="session")
def form_url():
    """APPLICATION_FORM_URL of the real site's settings (None for a given folder)."""
    if GIVEN_SITE:
        return None
    return runpy.run_path(str(ROOT / "pelicanconf.py")).get("APPLICATION_FORM_URL")


@pytest.fixture(scope="session")
def form_host(form_url):
    return urlsplit(form_url).hostname if form_url else None


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch(playwright, FRAMES_IN_THEIR_PAGES_PROCESS)
        yield browser
        browser.close()


def _new_context(browser, **options):
    """A context with `options` (viewport, JavaScript, proxy) and short waits: a page that
    lacks what a step waits for fails in seconds, not Playwright's 30."""
    context = browser.new_context(**options)
    context.set_default_timeout(5000)
    return context


def _context(browser, form_host=None, **options):
    """A context (its viewport, JavaScript or not) kept on 127.0.0.1."""
    context = _new_context(browser, **options)
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


@pytest.fixture(scope="session")
def kept_local():
    """Proxy settings for the per-page tests' contexts: no host but 127.0.0.1 is reached."""
    with other_hosts_refused() as proxy:
        yield proxy


@contextlib.contextmanager
def _form_stand_in(page, path, form_host):
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
    context = _new_context(browser, proxy=proxy, **options)
    try:
        yield context, context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def phone_without_javascript(browser, kept_local):
    """The phone-sized tab of the per-page tests, JavaScript off."""
    with reused_tab(browser, kept_local, java_script_enabled=False, viewport=MOBILE) as (_, tab):
        yield tab


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


@pytest.fixture(scope="session")
def visit(browser, base_urls, form_host, kept_local):
    """Load each page once, all in one tab; the per-page tests read the result."""
    template_checked = set(_template_checked_pages())
    visits = {}
    with reused_tab(browser, kept_local, viewport=DESKTOP) as (context, page):
        add_axe(context)
        watch = PageWatch(page)

        def _visit(state, path):
            if (state, path) not in visits:
                # The last visit ended on a phone's screen; what its page fetches once
                # wider is its own (restart() comes after).
                page.set_viewport_size(DESKTOP)
                watch.restart()
                keys = (state, path) in template_checked
                with _form_stand_in(page, path, form_host):
                    visits[state, path] = _load_and_check(page, watch, base_urls[state], path, keys)
            return visits[state, path]

        yield _visit


# The addresses of the page's frames and of its icons, resolved.
_FRAMES_AND_ICONS = """() => [
  [...document.querySelectorAll("iframe[src]")].map((e) => e.src),
  [...document.querySelectorAll("link[rel~=icon i][href]")].map((e) => e.href),
]"""


def _load_and_check(page, watch, base_url, path, keyboard_too):
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
    overflow, unreachable = _on_a_phone(page)
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


def _run_nu(urls):
    """The Nu checker's JSON report on `urls`, from one Java run."""
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `make test` (it runs `npm ci`)"
    # The checker refuses local hosts unless told: the pages are served on 127.0.0.1.
    allow_local = "-Dnu.validator.servlet.allow-forbidden-hosts=true"
    # One short run: HotSpot's quick compiler alone spends less than half the CPU of both
    # (same report); it needs a larger stack for the checker's schema (its own advice).
    quick = ["-XX:TieredStopAtLevel=1", "-Xss16m"]
    command = ["java", *quick, allow_local, "-jar", str(VNU_JAR), "--format", "json"]
    command.append("--exit-zero-always")
    stderr = subprocess.run(
        [*command, *urls], capture_output=True, text=True, timeout=600, check=False
    ).stderr
    # The report goes to stderr, possibly after a JVM notice such as _JAVA_OPTIONS.
    start = stderr.find('{"')
    assert start >= 0, f"the Nu checker gave no JSON report:\n{stderr}"
    return json.JSONDecoder().raw_decode(stderr, start)[0]


@pytest.fixture(scope="session")
def _nu_report(request, base_urls, tmp_path_factory):
    """Run the Nu checker in a thread, over every page; the canary's URL and the report.

    Pages are checked over HTTP, as browsers get them: the checker also applies their
    Content-Security-Policy, whose 'self' means nothing to a file: URL.
    """
    canary_dir = tmp_path_factory.mktemp("nu")
    (canary_dir / "canary.html").write_text(NU_CANARY, encoding="utf-8")
    with serve(canary_dir) as canary_base, ThreadPoolExecutor(max_workers=1) as pool:
        # The canary is served too: a silent run then proves the pages were fetched.
        canary = canary_base + "/canary.html"
        urls = [canary] + [base_urls[state] + quote(path) for state, path in _checked_pages()]
        urls += [base_urls["open"] + quote(path) for path in _redirect_pages()]
        report = pool.submit(_run_nu, urls)
        yield canary, report
        report.result()  # the server must outlive the run


@pytest.fixture(scope="session")
def nu_messages(_nu_report):
    """The Nu checker's messages by URL, from one run over every page."""
    canary, report = _nu_report
    by_url = {}
    for message in report.result()["messages"]:
        url = message.get("url")
        assert url, f"the Nu checker failed: {message}"
        by_url.setdefault(url, []).append(message)
    assert any(m["type"] == "error" for m in by_url.get(canary, [])), (
        f"the Nu checker did not report the canary's error, so its silence proves nothing:\n"
        f"{report.result()}"
    )
    return by_url


# -- helpers ---------------------------------------------------------------------------


def _is_embedded_form(path, url, frame_navigation, visit, form_host):
    """The application form's frame on its page: expected, and given a stand-in."""
    host = urlsplit(url).hostname
    return (
        path in FORM_PAGES
        and form_host is not None
        and frame_navigation
        and host == form_host
        and form_host in {urlsplit(src).hostname for src in visit.iframe_srcs}
    )


def _describe_nu(messages):
    return "\n".join(
        f"  line {m.get('lastLine', '?')}:{m.get('lastColumn', '?')} "
        f"{m.get('subType', m['type'])}: {m['message']}"
        + (f"\n      {m['extract']!r}" if m.get("extract") else "")
        for m in messages
    )


def _listing(items):
    return "\n".join(f"  {item}" for item in items)


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
_SHOWN = """(els) => els.map((e) => {
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
    + _SHOWN
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


def _on_a_phone(page):
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
    return overflow, _unreachable_header_links(page, MOBILE["width"])


def _unreachable_header_links(page, width):
    _open_disclosures(page)
    _open_menu(page)
    return [
        f"{href!r} {text!r}: {why}"
        for href, text, why in page.evaluate(_HEADER_LINKS_OUT_OF_REACH, width)
    ]


# -- every page ----------------------------------------------------------------------------


def test_page_has_no_accessibility_violation(state, page_path, visit):
    violations = visit(state, page_path).violations
    assert not violations, f"axe violations on {page_path}:\n{describe_violations(violations)}"


def _is_data_block_csp_warning(message):
    """Nu's warning that a JSON-LD data block breaks the CSP, which cannot apply to it."""
    # Browsers never run a data block (HTML, "prepare the script element"), so CSP never
    # checks it; test_page_violates_no_content_security_policy reads Chromium's own reports.
    return message["message"].startswith(
        "Inline script violates Content Security Policy"
    ) and '<script type="application/ld+json">' in message.get("extract", "")


def test_page_is_valid_html(state, page_path, base_urls, nu_messages):
    messages = nu_messages.get(base_urls[state] + quote(page_path), [])
    # Errors and warnings (type "info" with subType "warning") both fail; plain
    # information messages do not.
    failing = [
        m
        for m in messages
        if (m["type"] != "info" or m.get("subType") == "warning")
        and not _is_data_block_csp_warning(m)
    ]
    assert not failing, f"Nu checker errors and warnings on {page_path}:\n{_describe_nu(failing)}"


def test_page_requests_nothing_from_other_hosts(state, page_path, visit, form_host):
    seen = visit(state, page_path)
    # A tab fetches an icon once per address, not again for each page that shows it: the
    # page's icon links say where it would.
    requested = seen.requests + [(icon, False) for icon in seen.icons]
    outside = [
        url
        for url, frame_navigation in requested
        if not is_local(url)
        and not _is_embedded_form(page_path, url, frame_navigation, seen, form_host)
    ]
    assert not outside, f"{page_path} requests other hosts:\n" + _listing(outside)


def test_page_has_no_console_error_nor_failed_request(state, page_path, visit):
    seen = visit(state, page_path)
    problems = [f"console: {text}" for text in seen.console_errors]
    problems += [f"failed: {url} ({reason})" for url, reason, _ in seen.failed_requests]
    problems += [f"HTTP {status}: {url}" for url, status in seen.bad_responses]
    assert not problems, f"{page_path} in the browser:\n" + _listing(problems)


def test_page_violates_no_content_security_policy(state, page_path, visit):
    violations = visit(state, page_path).csp_violations
    assert not violations, f"CSP violations on {page_path}:\n" + _listing(violations)


def test_page_links_and_anchors_resolve(state, page_path, sites):
    dead = site_links.dead_links(sites[state].output, page_path)
    assert not dead, f"dead links on {page_path}:\n" + _listing(dead)


def test_page_images_have_a_text_alternative(state, page_path, sites):
    missing = site_links.images_without_alt(page_file(sites[state].output, page_path))
    assert not missing, f"images without alt on {page_path}:\n" + _listing(missing)


def test_page_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(
    state, page_path, visit
):
    seen = visit(state, page_path)
    first = seen.tab_walk.first()
    assert first and 'class="fr-link"' in first and 'href="#' in first, (
        f"on {page_path}, the first Tab reaches {first}, not the skip link"
    )
    href, focused_id, tag = seen.skip_link
    assert href, f"{page_path} has no skip link (.fr-skiplinks a)"
    assert (focused_id, tag) == (href.lstrip("#"), "MAIN"), (
        f"on {page_path}, the skip link {href} left focus on <{tag.lower()} id={focused_id!r}>"
    )


def test_page_every_interactive_element_is_reached_by_tab_and_shows_its_focus(
    state, page_path, visit
):
    walk = visit(state, page_path).tab_walk
    problems = [f"never reached by Tab: {html}" for html in walk.unreached]
    problems += [f"no visible focus indicator: {html}" for html in walk.without_ring()]
    problems += [f"ring shown without focus: {html}" for html in walk.ring_without_focus]
    assert walk.stops, f"Tab reaches nothing on {page_path}"
    assert not problems, (
        f"keyboard use of {page_path}:\n{_listing(problems)}\nthe presses of Tab left focus on:\n"
        + _listing(walk.describe_presses())
    )


def test_page_fits_a_phone_screen(state, page_path, visit):
    """360 px wide: no sideways scrolling, and every header link reachable (menu opened)."""
    seen = visit(state, page_path)
    overflow = seen.phone_overflow
    assert overflow <= 0, f"{page_path} scrolls sideways by {overflow} px at 360 px"
    unreachable = seen.phone_unreachable
    assert not unreachable, f"header links out of reach on {page_path}:\n" + _listing(unreachable)


# What a reader without JavaScript sees of a page now: its <h1>s, the text of <main>, the
# header's navigation links, and the links to `form` (as is_visible() and inner_text()).
_WITHOUT_JAVASCRIPT = (
    """([form]) => {
  const shown = (e) => ("""
    + _SHOWN
    + """)([e])[0];
  const headings = [...document.querySelectorAll("main h1")];
  const main = document.querySelector("main");
  const nav = [...document.querySelectorAll("header nav a")];
  const toForm = form ? [...document.querySelectorAll("a[href]")].filter(
    (a) => a.getAttribute("href") === form) : [];
  return {
    headings: headings.length, heading_shown: headings.length === 1 && shown(headings[0]),
    text: main ? main.innerText.trim().length : 0,
    nav: nav.length, nav_shown: nav.every(shown),
    to_form_shown: toForm.filter(shown).length,
  };
}"""
)


def test_page_works_without_javascript(
    state, page_path, phone_without_javascript, base_urls, form_url, form_host
):
    """Content, navigation and, while the call is open, the form's link: all without script."""
    page = phone_without_javascript
    with _form_stand_in(page, page_path, form_host):
        page.goto(base_urls[state] + quote(page_path))
    seen = page.evaluate(_WITHOUT_JAVASCRIPT, [form_url])
    assert seen["heading_shown"], f"no visible <h1> on {page_path}: {seen}"
    assert seen["text"] > 40, f"{page_path}: empty <main>"
    unreachable = _unreachable_header_links(page, MOBILE["width"])
    assert not unreachable, (
        f"header links out of reach without JavaScript on {page_path}:\n" + _listing(unreachable)
    )
    seen = page.evaluate(_WITHOUT_JAVASCRIPT, [form_url])  # the menu opened
    assert seen["nav"] > 0 and seen["nav_shown"], f"{page_path}: {seen}"
    if state == "open" and form_url:
        assert seen["to_form_shown"], f"no visible link to the application form on {page_path}"


def test_redirect_stub_is_valid_html_and_leads_to_a_built_page(
    redirect_path, site, base_url, nu_messages
):
    """An old address's page: valid, and its refresh and its link lead to a built page."""
    messages = nu_messages.get(base_url + quote(redirect_path), [])
    failing = [m for m in messages if m["type"] != "info" or m.get("subType") == "warning"]
    assert not failing, f"Nu checker on {redirect_path}:\n{_describe_nu(failing)}"
    dead = site_links.dead_links(site.output, redirect_path)
    assert not dead, f"dead links on {redirect_path}:\n" + _listing(dead)
    html = site_links.parse(page_file(site.output, redirect_path))
    refresh = html.find("meta", attrs={"http-equiv": "refresh"})["content"]
    target = refresh.split("url=", 1)[1]
    assert site_links.target_file(site.output, urlsplit(target).path), (redirect_path, target)
    assert html.find("a", href=target) is not None  # for browsers that do not refresh


# -- the site as a whole ---------------------------------------------------------------------


def test_the_embedded_form_loads_in_its_frame_under_the_policy(visit, form_url):
    """frame-src lets the form's host in: its frame is requested (and given a stand-in)."""
    seen = visit("open", FORM_PAGE)
    assert seen.iframe_srcs == [form_url]
    assert (form_url, True) in seen.requests, seen.requests
    assert not seen.csp_violations


def test_the_forms_frame_runs_in_its_pages_process(browser, base_url, form_host):
    """What the Tab walks rely on (browser.FRAMES_IN_THEIR_PAGES_PROCESS): the embedded
    form's frame, from another site, is not given a process of its own."""
    with page_in(browser, form_host) as page:
        watch = PageWatch(page)
        page.goto(base_url + FORM_PAGE)
        watch.load_lazy_frames()
        assert len(page.frames) == 2, [frame.url for frame in page.frames]
        cdp = browser.new_browser_cdp_session()
        targets = cdp.send("Target.getTargets")["targetInfos"]
        cdp.detach()
    own_process = [target["url"] for target in targets if target["type"] == "iframe"]
    assert not own_process, f"frames in a process of their own: {own_process}"


def test_mobile_menu_opens_closes_with_escape_and_returns_focus(browser, base_url):
    with page_in(browser, viewport=MOBILE) as page:
        page.goto(base_url + "/defis/")
        menu, button = page.locator("#menu"), page.locator(".fr-btn--menu")
        assert menu.is_hidden() and button.is_visible()
        button.focus()
        page.keyboard.press("Enter")
        assert menu.is_visible()
        # The next Tab goes into the menu, right after its button.
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.closest('#menu') !== null")
        page.keyboard.press("Escape")
        assert menu.is_hidden()
        assert page.evaluate("() => document.activeElement.classList.contains('fr-btn--menu')")
        # And its own button closes it too.
        button.click()
        page.locator("#menu .fr-btn--close").click()
        assert menu.is_hidden()


@pytest.mark.parametrize("viewport", [MOBILE, DESKTOP], ids=["360", "1280"])
def test_every_skip_link_shown_leads_to_a_visible_target(browser, base_url, viewport):
    with page_in(browser, viewport=viewport) as page:
        page.goto(base_url + "/")
        shown = []
        for link in page.locator(".fr-skiplinks a").all():
            link.focus()  # skip links appear on focus
            if link.is_visible():
                href = link.get_attribute("href")
                shown.append(href)
                assert page.locator(href).is_visible(), f"{href} is hidden at {viewport}"
        assert shown and shown[0] == "#contenu"


def test_desktop_shows_the_menu_without_its_buttons(browser, base_url):
    with page_in(browser, viewport=DESKTOP) as page:
        page.goto(base_url + "/")
        assert page.locator("#menu nav").is_visible()
        assert page.locator(".fr-btn--menu").is_hidden()
        assert page.locator("#menu .fr-btn--close").is_hidden()


def test_screenshots_of_home_and_a_challenge_for_review(browser, base_url):
    CAPTURES.mkdir(parents=True, exist_ok=True)
    for name, path in CAPTURED_PAGES.items():
        for viewport in (MOBILE, DESKTOP):
            target = CAPTURES / f"{name}-{viewport['width']}.png"
            target.unlink(missing_ok=True)
            with page_in(browser, viewport=viewport) as page:
                page.goto(base_url + path)
                page.screenshot(path=target, full_page=True)
            png = target.read_bytes()
            assert png.startswith(b"\x89PNG\r\n\x1a\n"), target
            # The IHDR width: a full-page capture is as wide as the screen, no wider.
            assert int.from_bytes(png[16:20], "big") == viewport["width"], target


# A challenge's own text: what its file's body (or Markdown field) makes, after its tags.
CHALLENGE_TEXT = "main article.eig-challenge > .fr-tags-group ~ *"
# A link to another site in a page's main content.
EXTERNAL_LINK = 'main a[href^="https://"]'


def _first_page_with(site, paths, selector):
    """(URL path, element) of the first of `paths` whose built page has `selector`."""
    for path in paths:
        element = site.tree(page_file("", path)).css_first(selector)
        if element is not None:
            return path, element
    raise AssertionError(f"no page of {len(paths)} has {selector}")


def test_challenge_page_prints_its_content_without_the_sites_chrome(browser, base_url, site):
    """On paper: the challenge, its facts and its text; no menu, footer or button."""
    with page_in(browser) as page:
        # The first challenge, in the lists' order, whose page shows a text of its own.
        challenges = [challenge.url for challenge in site_content.challenges()]
        page.goto(base_url + _first_page_with(site, challenges, CHALLENGE_TEXT)[0])
        page.emulate_media(media="print")
        for selector in ("header nav", ".fr-skiplinks", ".fr-breadcrumb", "footer"):
            assert page.locator(selector).first.is_hidden(), selector
        buttons = page.locator("a.fr-btn, button.fr-btn")
        assert buttons.count() >= 2  # the header's and the call to action's
        assert all(button.is_hidden() for button in buttons.all())
        for selector in ("main h1", "main .eig-facts", CHALLENGE_TEXT):
            assert page.locator(selector).first.is_visible(), selector
        assert page.locator(".fr-header__service-title").is_visible()  # whose page it is
        page.emulate_media(media="screen")
        assert page.locator("footer").is_visible()
        assert page.locator("main a.fr-btn").is_visible()


def test_printed_links_to_other_sites_show_their_address(browser, base_url, site):
    path, link = _first_page_with(site, site_pages(site.output), EXTERNAL_LINK)
    href = link.attributes["href"]
    with page_in(browser) as page:
        page.goto(base_url + quote(path))
        page.emulate_media(media="print")
        after = page.locator(EXTERNAL_LINK).first.evaluate(
            "a => getComputedStyle(a, '::after').content"
        )
        assert after == f'" ({href})"'
