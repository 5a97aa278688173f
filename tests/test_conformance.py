"""Every built page, in a real browser: accessible, valid, self-contained, usable by keyboard,
on a phone and without JavaScript.

The pages are found in the build's output, so a new page is checked without touching this
file. Tests named test_page_* run once per page; EIG_CONFORMANCE_SITE=<folder> runs them on
an already built folder instead of the real site (tests/test_conformance_guard.py does, on a
deliberately broken page, to prove that they catch what they claim to).

Which pages, in which states: tests/checked_pages.py; what one load of a page shows:
tests/page_visit.py; the Nu checker: tests/nu_checker.py.
"""

import contextlib
import os
import runpy
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import site_content
import site_links
from browser import (
    FRAMES_IN_THEIR_PAGES_PROCESS,
    PageWatch,
    add_axe,
    describe_violations,
    is_local,
    launch,
    other_hosts_refused,
    page_file,
    serve,
    site_pages,
)
from checked_pages import (
    CHALLENGE_URL,
    FORM_PAGE,
    FORM_PAGES,
    GIVEN_SITE,
    STATE_BUILDS,
    STATES,
    TEMPLATE_TESTS,
    checked_pages,
    page_paths,
    redirect_pages,
    template_checked_pages,
)
from conftest import ROOT, Build
from nu_checker import NU_CANARY, describe_nu, is_data_block_csp_warning, run_nu
from page_visit import (
    DESKTOP,
    MOBILE,
    SHOWN,
    form_stand_in,
    load_and_check,
    page_in,
    reused_tab,
    unreachable_header_links,
)
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser

# Screenshots for reviewers: `make test` names the folder (EIG_CAPTURES) at the end.
CAPTURES = Path(os.environ.get("EIG_CAPTURES") or ROOT / "test-results" / "captures")
CAPTURED_PAGES = {"accueil": "/", "defi": CHALLENGE_URL}


def pytest_generate_tests(metafunc):
    # One test per page, named by its URL path (and state), so that a failure names it.
    # A page's browser tests run in one worker (tests/xdist_groups.py): one load of it.
    if "page_path" in metafunc.fixturenames:
        template_only = metafunc.function.__name__ in TEMPLATE_TESTS
        pages = template_checked_pages() if template_only else checked_pages()
        ids = [path if state == "open" else f"{path}[{state}]" for state, path in pages]
        metafunc.parametrize(("state", "page_path"), pages, ids=ids)
    if "redirect_path" in metafunc.fixturenames:
        stubs = redirect_pages()
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
    assert sorted(site_pages(site.output)) == sorted(page_paths())
    assert sorted(site_pages(site.output, redirects=True)) == sorted(redirect_pages())


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


@pytest.fixture(scope="session")
def kept_local():
    """Proxy settings for the per-page tests' contexts: no host but 127.0.0.1 is reached."""
    with other_hosts_refused() as proxy:
        yield proxy


@pytest.fixture(scope="session")
def phone_without_javascript(browser, kept_local):
    """The phone-sized tab of the per-page tests, JavaScript off."""
    with reused_tab(browser, kept_local, java_script_enabled=False, viewport=MOBILE) as (_, tab):
        yield tab


@pytest.fixture(scope="session")
def visit(browser, base_urls, form_host, kept_local):
    """Load each page once, all in one tab; the per-page tests read the result."""
    template_checked = set(template_checked_pages())
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
                with form_stand_in(page, path, form_host):
                    visits[state, path] = load_and_check(page, watch, base_urls[state], path, keys)
            return visits[state, path]

        yield _visit


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
        urls = [canary] + [base_urls[state] + quote(path) for state, path in checked_pages()]
        urls += [base_urls["open"] + quote(path) for path in redirect_pages()]
        report = pool.submit(run_nu, urls)
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


def _listing(items):
    return "\n".join(f"  {item}" for item in items)


# -- every page ----------------------------------------------------------------------------


def test_page_has_no_accessibility_violation(state, page_path, visit):
    violations = visit(state, page_path).violations
    assert not violations, f"axe violations on {page_path}:\n{describe_violations(violations)}"


def test_page_is_valid_html(state, page_path, base_urls, nu_messages):
    messages = nu_messages.get(base_urls[state] + quote(page_path), [])
    # Errors and warnings (type "info" with subType "warning") both fail; plain
    # information messages do not.
    failing = [
        m
        for m in messages
        if (m["type"] != "info" or m.get("subType") == "warning")
        and not is_data_block_csp_warning(m)
    ]
    assert not failing, f"Nu checker errors and warnings on {page_path}:\n{describe_nu(failing)}"


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
    + SHOWN
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
    with form_stand_in(page, page_path, form_host):
        page.goto(base_urls[state] + quote(page_path))
    seen = page.evaluate(_WITHOUT_JAVASCRIPT, [form_url])
    assert seen["heading_shown"], f"no visible <h1> on {page_path}: {seen}"
    assert seen["text"] > 40, f"{page_path}: empty <main>"
    unreachable = unreachable_header_links(page, MOBILE["width"])
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
    assert not failing, f"Nu checker on {redirect_path}:\n{describe_nu(failing)}"
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
    assert not seen.csp_violations
    if not site_content.form_embedded():  # FORM_EMBED = False: a link, no frame
        assert seen.iframe_srcs == []
        return
    assert seen.iframe_srcs == [form_url]
    assert (form_url, True) in seen.requests, seen.requests


def test_the_forms_frame_runs_in_its_pages_process(browser, base_url, form_host):
    """What the Tab walks rely on (browser.FRAMES_IN_THEIR_PAGES_PROCESS): the embedded
    form's frame, from another site, is not given a process of its own."""
    with page_in(browser, form_host) as page:
        watch = PageWatch(page)
        page.goto(base_url + FORM_PAGE)
        watch.load_lazy_frames()
        frames = 2 if site_content.form_embedded() else 1  # the page's, and the form's
        assert len(page.frames) == frames, [frame.url for frame in page.frames]
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
