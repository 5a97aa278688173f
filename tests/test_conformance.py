"""Every built page: accessible (axe), valid HTML (Nu checker), and with no outside requests."""

import contextlib
import json
import runpy
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from browser import (
    axe_violations,
    block_other_hosts,
    describe_violations,
    is_frame_navigation,
    is_local,
    launch,
    page_file,
    serve,
    site_pages,
)
from conftest import ROOT, at_moment, build_real_site, copy_real_site
from playwright.sync_api import sync_playwright

# The Nu HTML checker, from npm (package.json; `make test` installs it).
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The application form is embedded on this page only; its host is allowed there.
FORM_PAGE = "/candidater/"
MOBILE = {"width": 360, "height": 740}
# A document with a known error: if the Nu checker does not report it, its silence
# about the pages proves nothing (it skips missing files without a word, for one).
NU_CANARY = (
    '<!DOCTYPE html><html lang="fr"><head><title>Témoin</title></head>'
    "<body><span><div></div></span></body></html>"
)

# Every page is checked while the call is open (the richest state: header button,
# embedded form); the pages that change with the call's state, in the other two too.
STATES = ("open", "upcoming", "closed")
STATE_PAGES = ("/", "/candidater/", "/defis/predisauvetage/")

_BUILDS = pytest.StashKey()


def _real_site(config, state="open"):
    """The real site in one call state, built once per session, before collection."""
    builds = config.stash.setdefault(_BUILDS, {})
    if state not in builds:
        site = Path(tempfile.mkdtemp(prefix=f"conformance-{state}-"))
        config.add_cleanup(lambda: shutil.rmtree(site, ignore_errors=True))
        builds[state] = build_real_site(copy_real_site(site), env=at_moment(state))
    return builds[state]


def _checked_pages(config):
    """(state, URL path) of every page to check."""
    pages = []
    for state in STATES:
        build = _real_site(config, state)
        paths = site_pages(build.output) if build.returncode == 0 else []
        if state != "open":
            paths = [p for p in paths if p in STATE_PAGES]
        # With no page found, the home page is still tested, so the run fails loudly.
        pages += [(state, path) for path in paths or ["/"]]
    return pages


def pytest_generate_tests(metafunc):
    # One test per page, named by its URL path (and state), so that a failure names it.
    if "page_path" in metafunc.fixturenames:
        pages = _checked_pages(metafunc.config)
        ids = [path if state == "open" else f"{path}[{state}]" for state, path in pages]
        metafunc.parametrize(("state", "page_path"), pages, ids=ids)


# -- fixtures ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sites(request):
    """The builds the tests were generated from, by call state."""
    builds = {state: _real_site(request.config, state) for state in STATES}
    for build in builds.values():
        assert build.returncode == 0, build.log
    return builds


@pytest.fixture(scope="session")
def site(sites):
    return sites["open"]


@pytest.fixture(scope="session")
def base_urls(sites):
    """Each state's build served on its own port."""
    with contextlib.ExitStack() as stack:
        yield {state: stack.enter_context(serve(b.output)) for state, b in sites.items()}


@pytest.fixture(scope="session")
def base_url(base_urls):
    return base_urls["open"]


@pytest.fixture(scope="session")
def form_host(site):
    """The host of APPLICATION_FORM_URL in the settings the site was built with."""
    settings = runpy.run_path(str(site.output.parent / "pelicanconf.py"))
    return urlsplit(settings.get("APPLICATION_FORM_URL") or "").hostname


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@dataclass
class Visit:
    """What one load of a page showed: its axe violations and the requests it made."""

    violations: list
    iframe_srcs: list
    # (url, whether it is the navigation of an embedded frame)
    requests: list


@pytest.fixture(scope="session")
def visit(browser, base_urls):
    """Load each page once in a shared context; the axe and request tests read the result."""
    context = browser.new_context()
    block_other_hosts(context)
    visits = {}

    def _visit(state, path):
        base_url = base_urls[state]
        if (state, path) not in visits:
            page = context.new_page()
            requests = []
            page.on("request", lambda r: requests.append((r.url, is_frame_navigation(r))))
            page.on("websocket", lambda ws: requests.append((ws.url, False)))
            try:
                response = page.goto(base_url + quote(path), wait_until="load")
                status = response.status if response else None
                assert status == 200, f"{path}: HTTP status {status}"
                srcs = page.eval_on_selector_all("iframe[src]", "els => els.map(e => e.src)")
                visits[state, path] = Visit(axe_violations(page), srcs, requests)
            finally:
                page.close()
        return visits[state, path]

    yield _visit
    context.close()


def _run_nu(files):
    """The Nu checker's JSON report on `files`, from one Java run."""
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `make test` (it runs `npm ci`)"
    command = ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]
    stderr = subprocess.run(
        [*command, *map(str, files)], capture_output=True, text=True, timeout=600, check=False
    ).stderr
    # The report goes to stderr, possibly after a JVM notice such as _JAVA_OPTIONS.
    start = stderr.find('{"')
    assert start >= 0, f"the Nu checker gave no JSON report:\n{stderr}"
    return json.JSONDecoder().raw_decode(stderr, start)[0]


@pytest.fixture(scope="session", autouse=True)
def _nu_report(request, sites, tmp_path_factory):
    """Start the Nu checker at once, in a thread: Java starts up while the browser works."""
    canary = tmp_path_factory.mktemp("nu") / "canary.html"
    canary.write_text(NU_CANARY, encoding="utf-8")
    files = [canary] + [
        page_file(sites[state].output, path) for state, path in _checked_pages(request.config)
    ]
    with ThreadPoolExecutor(max_workers=1) as pool:
        yield canary, pool.submit(_run_nu, files)


@pytest.fixture(scope="session")
def nu_messages(_nu_report):
    """The Nu checker's messages by file, from one run over every page."""
    canary, report = _nu_report
    by_file = {}
    for message in report.result()["messages"]:
        url = message.get("url")
        assert url, f"the Nu checker failed: {message}"
        by_file.setdefault(Path(unquote(urlsplit(url).path)).resolve(), []).append(message)
    assert any(m["type"] == "error" for m in by_file.get(canary.resolve(), [])), (
        f"the Nu checker did not report the canary's error, so its silence proves nothing:\n"
        f"{report.result()}"
    )
    return by_file


# -- helpers ---------------------------------------------------------------------------


def _host(url):
    return urlsplit(url).hostname


def _is_embedded_form(path, request, visit, form_host):
    """The application form's iframe on its page: blocked, but expected."""
    url, frame_navigation = request
    return (
        path == FORM_PAGE
        and form_host is not None
        and frame_navigation
        and _host(url) == form_host
        and form_host in {_host(src) for src in visit.iframe_srcs}
    )


def _describe_nu(messages):
    return "\n".join(
        f"  line {m.get('lastLine', '?')}:{m.get('lastColumn', '?')} {m['type']}: "
        f"{m['message']}" + (f"\n      {m['extract']!r}" if m.get("extract") else "")
        for m in messages
    )


@contextlib.contextmanager
def page_in(browser, **options):
    """A page in a fresh context (its own viewport, JavaScript or not), cut off from other hosts."""
    context = browser.new_context(**options)
    block_other_hosts(context)
    try:
        yield context.new_page()
    finally:
        context.close()


# -- tests -------------------------------------------------------------------------------


def test_page_has_no_accessibility_violation(state, page_path, visit):
    violations = visit(state, page_path).violations
    assert not violations, f"axe violations on {page_path}:\n{describe_violations(violations)}"


def test_page_requests_nothing_from_other_hosts(state, page_path, visit, form_host):
    seen = visit(state, page_path)
    outside = [
        url
        for url, frame_navigation in seen.requests
        if not is_local(url)
        and not _is_embedded_form(page_path, (url, frame_navigation), seen, form_host)
    ]
    assert not outside, f"{page_path} requests other hosts:\n" + "\n".join(outside)


def test_page_is_valid_html(state, page_path, sites, nu_messages):
    messages = nu_messages.get(page_file(sites[state].output, page_path).resolve(), [])
    errors = [m for m in messages if m["type"] != "info"]
    warnings = [m for m in messages if m["type"] == "info"]
    if warnings:
        # Warnings are advice, not failures; shown with `pytest -rP` or `-s`.
        print(f"Nu checker warnings on {page_path}:\n{_describe_nu(warnings)}")
    assert not errors, f"Nu checker errors on {page_path}:\n{_describe_nu(errors)}"


def test_main_navigation_is_visible_on_mobile_without_javascript(browser, base_url):
    """The header's links must not hide behind a menu button that only JavaScript opens."""
    with page_in(browser, java_script_enabled=False, viewport=MOBILE) as page:
        page.goto(base_url + "/")
        links = page.locator("header nav a")
        assert links.count() > 0, "no link in the home page's `header nav`"
        hidden = []
        for link in links.all():
            box = link.bounding_box()
            inside = (
                box is not None and box["x"] >= 0 and box["x"] + box["width"] <= MOBILE["width"]
            )
            if not (inside and link.is_visible()):
                hidden.append(f"  {link.get_attribute('href')!r} {link.text_content()!r}: {box}")
        assert not hidden, "header links not visible at 360 px without JavaScript:\n" + "\n".join(
            hidden
        )


def test_challenge_page_prints_its_content_without_the_sites_chrome(browser, base_url):
    """On paper: the challenge, its facts and its text; no menu, footer or button."""
    with page_in(browser) as page:
        page.goto(base_url + "/defis/predisauvetage/")
        page.emulate_media(media="print")
        for selector in ("header nav", ".fr-skiplinks", ".fr-breadcrumb", "footer"):
            assert page.locator(selector).first.is_hidden(), selector
        buttons = page.locator("a.fr-btn")
        assert buttons.count() >= 2  # the header's and the call to action's
        assert all(button.is_hidden() for button in buttons.all())
        for selector in ("main h1", "main .eig-facts", "main h2 >> text=Le problème"):
            assert page.locator(selector).first.is_visible(), selector
        assert page.locator(".fr-header__service-title").is_visible()  # whose page it is
        page.emulate_media(media="screen")
        assert page.locator("footer").is_visible()
        assert page.locator("main a.fr-btn").is_visible()


def test_printed_links_to_other_sites_show_their_address(browser, base_url):
    with page_in(browser) as page:
        page.goto(base_url + "/mentions-legales/")
        page.emulate_media(media="print")
        link = page.locator('main a[href^="https://www.etalab.gouv.fr"]')
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert after == '" (https://www.etalab.gouv.fr/licence-ouverte-open-licence)"'


def test_call_to_action_in_the_header_is_visible_on_mobile_without_javascript(browser, base_url):
    """DSFR moves the header's buttons into a menu that only JavaScript opens; ours stay."""
    with page_in(browser, java_script_enabled=False, viewport=MOBILE) as page:
        page.goto(base_url + "/")
        button = page.locator(".fr-header__tools a.fr-btn")
        assert button.is_visible()
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= MOBILE["width"]
