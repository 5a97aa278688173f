"""Shared helpers for tests that look at built pages in a browser: serve, launch, axe."""

import contextlib
import functools
import os
import re
import socket
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Error as PlaywrightError

HOST = "127.0.0.1"
# Debian's package, never Playwright's download: CI reaches package registries only.
# CHROMIUM_PATH points elsewhere where a runner has its own (GitHub's has Chrome).
CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus Deque's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "resultTypes": ["violations"],
    # Frames would wait for an axe that is never injected there (third-party forms
    # are blocked anyway); the site's own pages are each checked as top documents.
    "iframes": False,
}


# -- the built site ----------------------------------------------------------------


def is_redirect(html_file):
    """Whether the file is a redirect stub (<meta http-equiv="refresh">)."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    return any(
        (meta.get("http-equiv") or "").strip().lower() == "refresh"
        for meta in soup.find_all("meta")
    )


def is_back_office(html_file):
    """Whether the file is the editors' back office: a page that loads Decap CMS (its
    config link), with a policy of its own, tested by tests/test_admin.py."""
    return 'rel="cms-config-url"' in Path(html_file).read_text(encoding="utf-8")


def site_pages(output, redirects=False):
    """URL paths of every built public HTML page, e.g. "/" or "/cgu/": redirect stubs
    (<meta http-equiv="refresh">) only, with `redirects`, or all others."""
    paths = []
    for html_file in Path(output).rglob("*.html"):
        if is_redirect(html_file) != redirects or is_back_office(html_file):
            continue
        rel = html_file.relative_to(output).as_posix()
        # Served as a folder URL, the way pages link to each other.
        paths.append("/" + rel.removesuffix("index.html"))
    return sorted(paths)


def page_file(output, path):
    """The file a URL path of site_pages() was built into."""
    rel = path.lstrip("/")
    return Path(output) / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


# -- serving ---------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        # The pytest output is for failures, not for an access log.
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A page closed mid-download drops its connection: not the site's fault.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory):
    """Serve `directory` on 127.0.0.1 from a thread; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    # Port 0: the system picks a free port, with no window for another process to take it.
    server = _Server((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# -- browser -----------------------------------------------------------------------


def in_own_thread(session):
    """Run a browser session in a thread of its own: Playwright's sync API refuses to
    start in a thread where another test module's session browser already runs."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(session).result()


# Frames from other sites in their page's process, not in one of their own (Chromium's
# site isolation): focus then moves in and out of a frame as Tab is pressed, not a message
# between processes later, which a Tab walk read too soon on a busy machine (it saw focus
# leave the page after the embedded form, 2 full runs in 12). The tab order is the page's
# either way; what a frame may load is still its own origin's and the policy's.
FRAMES_IN_THEIR_PAGES_PROCESS = "--disable-site-isolation-trials"


def launch(playwright, *args):
    """Debian's Chromium, headless, with no traffic of its own; `args` added to its own."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    return playwright.chromium.launch(
        headless=True, executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *args]
    )


def is_local(url):
    """Whether a request stays on the test server's host (data: and the like have none)."""
    host = urlsplit(url).hostname
    return host is None or host == HOST


# Every URL whose host may not be 127.0.0.1 (more than those, never fewer: is_local()
# decides): Playwright matches it itself, so requests to the test server never make the
# round trip to this process.
MAYBE_ELSEWHERE = re.compile(rf"^(?![a-z][a-z0-9+.-]*://{re.escape(HOST)}(?::\d+)?(?:[/?#]|$))")


def block_other_hosts(context, stand_ins=None):
    """Abort every request of the context that would leave 127.0.0.1, but those to a host of
    `stand_ins` ({host: HTML}), which get that document instead; return the list the
    aborted URLs are added to, as they happen."""
    blocked = []
    stand_ins = stand_ins or {}

    def handle(route):
        url = route.request.url
        if is_local(url):
            route.continue_()
        elif urlsplit(url).hostname in stand_ins:
            body = stand_ins[urlsplit(url).hostname]
            route.fulfill(status=200, content_type="text/html", body=body)
        else:
            blocked.append(url)
            route.abort("blockedbyclient")

    context.route(MAYBE_ELSEWHERE, handle)
    return blocked


@contextlib.contextmanager
def other_hosts_refused():
    """Proxy settings (a context's `proxy`) that keep it on 127.0.0.1 without a route: every
    other host goes to a proxy port that refuses connections, and fails as it starts.

    A route would pass each request through Playwright, and turns the browser's cache off.
    """
    # Bound but not listening: the port is ours and refuses every connection.
    with socket.socket() as refusing:
        refusing.bind((HOST, 0))
        yield {"server": f"http://{HOST}:{refusing.getsockname()[1]}", "bypass": HOST}


def uncached_tab(context):
    """A new tab of `context` with the browser's cache off (DevTools' "Disable cache"):
    each page it loads downloads everything, as on a first visit."""
    page = context.new_page()
    # Chromium's own protocol, through Playwright's public CDP session: no option of
    # new_context() turns the cache off without a route on every request.
    context.new_cdp_session(page).send("Network.setCacheDisabled", {"cacheDisabled": True})
    return page


# -- what a page reports while it loads --------------------------------------------

# Runs before the page's own code: a CSP violation fires this event on the document.
_RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}` +
    (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : "")
  );
});
"""


# Marks each frame once loaded: its element gets a load event even when the frame's
# document is blocked (the browser then shows an error page in it).
_MARK_LOADED_FRAMES = """
document.addEventListener("load", (event) => {
  if (event.target.tagName === "IFRAME") event.target.dataset.loaded = "1";
}, true);
"""


# Scrolls the window to each element in turn; how many there were.
_SCROLL_TO_EACH = """(els) => els.map((e) => {
  const box = e.getBoundingClientRect();
  scrollTo(scrollX + box.left, scrollY + box.top);
}).length"""


# How long PageWatch.restart() waits at most for requests in flight: 100 x 20 ms.
_SETTLE_CHECKS = 100
_SETTLE_PAUSE_MS = 20


class PageWatch:
    """Requests, console errors, failed requests and CSP violations of one page, as they
    happen; restart() begins a new record for the next document loaded in the same tab."""

    def __init__(self, page):
        self.page = page
        self._clear()
        self._since = None  # the requests started since restart(); None: all count
        self._in_flight = set()
        page.add_init_script(_RECORD_CSP_VIOLATIONS)
        page.add_init_script(_MARK_LOADED_FRAMES)
        page.on("request", self._request)
        page.on("websocket", lambda ws: self.requests.append((ws.url, False)))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        page.on("requestfailed", self._failed)
        page.on("requestfinished", lambda request: self._in_flight.discard(request))
        page.on("response", self._response)

    def restart(self):
        """Forget what was seen: call before loading the next page in this tab.

        Waits first, a while at most, for the page's requests in flight: a load would
        cancel them. One that still fails or answers later is left out, being the last
        page's.
        """
        self.page.evaluate("0")  # the page's events so far have now been handled
        for _ in range(_SETTLE_CHECKS):
            if not self._in_flight:
                break
            self.page.wait_for_timeout(_SETTLE_PAUSE_MS)
        self._in_flight.clear()
        self._clear()
        self._since = set()

    def _clear(self):
        self.requests = []  # (url, is the navigation of a frame), as they start
        self.console_errors = []
        self.failed_requests = []  # (url, reason, is the navigation of a frame)
        self.bad_responses = []  # (url, HTTP status)

    def _ours(self, request):
        return self._since is None or request in self._since

    def _request(self, request):
        self._in_flight.add(request)
        if self._since is not None:
            self._since.add(request)
        self.requests.append((request.url, is_frame_navigation(request)))

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _failed(self, request):
        self._in_flight.discard(request)
        if self._ours(request):
            self.failed_requests.append(
                (request.url, request.failure, is_frame_navigation(request))
            )

    def _response(self, response):
        if response.status >= 400 and self._ours(response.request):
            self.bad_responses.append((response.url, response.status))

    def load_lazy_frames(self):
        """Scroll to each frame, wait until it has loaded (or been blocked), scroll back up:
        a lazy frame far down the page would otherwise never be requested, and the page's
        load event does not wait for one requested after it."""
        # The window scrolls, not the frame: Chromium's scrollIntoView() would also move
        # where the next Tab starts from (the sequential focus navigation starting point).
        if not self.page.eval_on_selector_all("iframe", _SCROLL_TO_EACH):
            return  # no frame (most pages): one round trip
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('iframe')].every(f => f.dataset.loaded)"
        )
        self.page.evaluate("() => scrollTo(0, 0)")

    def csp_violations(self):
        """The violations the page's document saw so far (call after it has loaded)."""
        return self.page.evaluate("window.__cspViolations || []")


def is_frame_navigation(request):
    """Whether a request loads an embedded frame's document."""
    try:
        return request.is_navigation_request() and request.frame.parent_frame is not None
    except PlaywrightError:  # service-worker requests have no frame
        return False


# -- axe -------------------------------------------------------------------------------

_AXE = Axe()
_HAS_AXE = "() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"


def add_axe(context):
    """Put axe-core into every top document the context (or page) loads from now on, before
    the page's own scripts: sent to the browser once, instead of once per page checked.
    Not into frames (axe runs with iframes off): the embedded form's loads as it would."""
    context.add_init_script(f"if (window.top === window) {{\n{_AXE.axe_script}\n}}")


def axe_violations(page):
    """axe-core's violations on the loaded page, for the WCAG A/AA and best-practice rules."""
    if not page.evaluate(_HAS_AXE):
        page.evaluate(_AXE.axe_script)
    return page.evaluate("(options) => axe.run(options)", AXE_OPTIONS)["violations"]


def _target(node):
    # A target is a list of selectors, nested when it crosses frames or shadow roots.
    return " >> ".join(s if isinstance(s, str) else " ".join(s) for s in node["target"])


def describe_violations(violations):
    """One paragraph per rule: id, impact, help and the failing elements."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {_target(node)}" for node in violation["nodes"])
    return "\n".join(lines)
