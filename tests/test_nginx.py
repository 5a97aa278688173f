"""The static server's configuration (deploy/nginx/ and the build's _nginx/), in a real nginx."""

import gzip
import http.client
from concurrent.futures import ThreadPoolExecutor
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

import brotli
import pytest
import site_content
from browser import PageWatch, block_other_hosts, launch, page_file, site_pages
from conftest import at_moment, build_real_site, copy_real_site, module_folder
from nginx_server import nginx
from old_urls_2017 import UNCHANGED
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.nginx

HEADERS = {
    "Strict-Transport-Security": "max-age=63072000",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), geolocation=(), microphone=(), payment=(), usb=()",
}
IMMUTABLE = "public, max-age=31536000, immutable"


@pytest.fixture(scope="module")
def published_site(request):
    """`make publish` with SITEURL="": links stay on whatever host serves the site."""
    with module_folder(request, "published-for-nginx") as folder:
        site = copy_real_site(folder)
        env = {**at_moment("open"), "SITEURL": ""}
        result = build_real_site(site, conf="publishconf.py", env=env)
        assert result.returncode == 0, result.log
        yield result


@pytest.fixture(scope="module")
def server(published_site, request):
    with module_folder(request, "nginx") as folder, nginx(published_site.output, folder) as url:
        yield url


def get(server, path, **headers):
    """One request, redirects not followed: (status, headers, body)."""
    parts = urlsplit(server)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def _stylesheet(published_site):
    return published_site.html("index.html").select_one('link[rel="stylesheet"]')["href"]


def _page_csp(published_site):
    meta = published_site.html("index.html").select_one(
        'meta[http-equiv="Content-Security-Policy"]'
    )
    return meta["content"]


# -- headers -----------------------------------------------------------------------


MOVED = site_content.published_redirects()  # from the content and publishconf.py
# A challenge that keeps an old address (redirect_from), else any challenge.
MOVED_CHALLENGE = next(
    (c for c in site_content.challenges() if c.redirects), site_content.challenges()[0]
)


@pytest.mark.parametrize("path", ["/", MOVED_CHALLENGE.url, "/no-such-page/", "/cgu.html"])
def test_every_response_carries_the_security_headers(server, published_site, path):
    _, headers, _ = get(server, path)
    for name, value in HEADERS.items():
        assert headers[name] == value, name
    # The pages' own policy, plus what only a header can say.
    assert headers["Content-Security-Policy"] == _page_csp(published_site) + (
        "; frame-ancestors 'none'"
    )


def test_frames_come_only_from_the_forms_host(server):
    _, headers, _ = get(server, "/candidater/")
    directives = dict(d.split(" ", 1) for d in headers["Content-Security-Policy"].split("; "))
    assert directives["frame-src"] == site_content.frame_source()
    assert directives["frame-ancestors"] == "'none'"


def test_the_back_office_gets_its_own_policy_and_pages_keep_theirs(server, published_site):
    meta = published_site.html("admin/index.html").select_one(
        'meta[http-equiv="Content-Security-Policy"]'
    )
    for path in ("/admin/", "/admin/config.yml"):
        _, headers, _ = get(server, path)
        assert headers["Content-Security-Policy"] == meta["content"] + "; frame-ancestors 'none'"
        assert headers["X-Content-Type-Options"] == "nosniff"  # the other headers stay
    # Only under /admin/: a page whose path merely starts alike keeps the strict one.
    _, headers, _ = get(server, "/administration/")
    assert headers["Content-Security-Policy"] == _page_csp(published_site) + (
        "; frame-ancestors 'none'"
    )
    assert "unsafe" not in headers["Content-Security-Policy"]


def test_back_office_scripts_are_sent_gzipped(server):
    status, headers, body = get(server, "/static/decap/decap-cms.js", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert len(gzip.decompress(body)) > 1_000_000


def test_fingerprinted_assets_have_headers_too(server, published_site):
    # A location with add_header of its own would have dropped the server's headers.
    _, headers, _ = get(server, _stylesheet(published_site))
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"]


# -- caching -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/faq/", "/404.html", "/static/dsfr/favicon/favicon.svg"])
def test_pages_and_unfingerprinted_files_are_revalidated(server, path):
    status, headers, _ = get(server, path)
    assert status == 200
    assert headers["Cache-Control"] == "no-cache"


def test_fingerprinted_stylesheet_and_font_are_kept_a_year(server, published_site):
    css = _stylesheet(published_site)
    font = next((published_site.output / "static" / "dsfr" / "fonts").glob("*.woff2"))
    for path in (css, "/" + font.relative_to(published_site.output).as_posix()):
        status, headers, _ = get(server, path)
        assert status == 200, path
        assert headers["Cache-Control"] == IMMUTABLE, path


# -- precompressed files -----------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "suffix", "decompress"),
    [("gzip", ".gz", gzip.decompress), ("br", ".br", brotli.decompress)],
)
def test_precompressed_file_is_sent_as_it_is(server, published_site, encoding, suffix, decompress):
    css = _stylesheet(published_site)
    status, headers, body = get(server, css, **{"Accept-Encoding": encoding})
    assert status == 200
    assert headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in headers["Vary"]
    file = published_site.output / css.lstrip("/")
    assert body == file.with_name(file.name + suffix).read_bytes()
    assert decompress(body) == file.read_bytes()


def test_a_client_without_compression_gets_the_plain_file(server, published_site):
    _, headers, body = get(server, "/")
    assert "Content-Encoding" not in headers
    assert body == (published_site.output / "index.html").read_bytes()


# -- errors and redirects ------------------------------------------------------------


def test_unknown_address_gets_the_sites_404_page(server, published_site):
    status, headers, body = get(server, "/no-such-page/")
    assert status == 404
    assert headers["Content-Type"].startswith("text/html")
    assert body == (published_site.output / "404.html").read_bytes()


@pytest.mark.parametrize("path", ["/_nginx/server.conf", "/_headers", "/_redirects"])
def test_the_servers_own_rules_are_not_served(server, path):
    assert get(server, path)[0] == 404


@pytest.mark.parametrize(("old", "new"), MOVED.items())
def test_old_url_is_moved_permanently(server, old, new):
    status, headers, _ = get(server, old)
    assert status == 301
    assert headers["Location"] == new


@pytest.mark.parametrize("path", [*UNCHANGED, *MOVED.values()])
def test_new_and_unchanged_urls_are_pages(server, path):
    assert get(server, path)[0] == 200


# -- in the browser ------------------------------------------------------------------


def _load(context, url):
    """What went wrong while one page loaded in a fresh tab; {} when nothing did."""
    page = context.new_page()
    try:
        watch = PageWatch(page)
        response = page.goto(url, wait_until="load")
        found = {
            "status": response.status,
            "CSP violations": watch.csp_violations(),
            "console errors": watch.console_errors,
            # The form's frame is aborted by the test (no request leaves 127.0.0.1).
            "failed requests": [u for u, _, frame in watch.failed_requests if not frame],
            "error responses": watch.bad_responses,
        }
        return page.url, {key: value for key, value in found.items() if value and value != 200}
    finally:
        page.close()


def _browse(server, paths):
    """Load each page, then an old address; what went wrong, and where the old one led."""
    problems = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            context = browser.new_context()
            block_other_hosts(context)
            for path in paths:
                _, found = _load(context, server + path)
                if found:
                    problems[path] = found
            final_url, found = _load(
                context, server + (MOVED_CHALLENGE.redirects or [MOVED_CHALLENGE.url])[0]
            )
        finally:
            browser.close()
    return problems, final_url, found


def _what_nginx_decides(published_site, path):
    """What nginx's rules decide for a page and what it loads: by kind of address (folder
    or file, and its first segment), the hosts of its frames (frame-src) and, for each
    file the page refers to, its folder and its type (suffix)."""
    html = published_site.html(
        page_file(published_site.output, path).relative_to(published_site.output).as_posix()
    )
    found = {("page", path.endswith("/"), path.split("/")[1])}
    for tag in html.select("[src], link[href]"):
        url = urljoin(path, tag.get("src") or tag.get("href"))
        if urlsplit(url).netloc:
            found.add((tag.name, urlsplit(url).netloc))  # allowed or not by the policy
            continue
        target = PurePosixPath(urlsplit(url).path)
        found.add((str(target.parent), target.suffix))
    return found


def _pages_for_nginx(published_site):
    """A page for each thing nginx decides differently: the first page that brings a new
    kind of address, or a referred file in a new folder or of a new type.

    The headers nginx adds are the same for every page (test_every_response_carries_the_
    security_headers: the page's own policy plus frame-ancestors), and the rest follows
    from the path of each file (its location rule, type, cache rule, compressed copies);
    what a page's text could break under its policy, tests/test_conformance.py sees on
    every page with that same policy.
    """
    chosen, seen = [], set()
    for path in site_pages(published_site.output):
        decided = _what_nginx_decides(published_site, path)
        if not decided <= seen:
            chosen.append(path)
            seen |= decided
    return chosen


def test_pages_load_through_nginx_without_csp_violation_or_error(server, published_site):
    paths = _pages_for_nginx(published_site)
    assert len(paths) > 3
    # Its own thread: the sync API refuses to run where another test's Playwright runs.
    with ThreadPoolExecutor(max_workers=1) as pool:
        problems, final_url, found = pool.submit(_browse, server, paths).result()
    assert problems == {}
    assert found == {}  # the old address, followed by the browser to its new page
    assert final_url == server + MOVED_CHALLENGE.url
