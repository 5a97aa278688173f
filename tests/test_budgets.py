"""Page-weight budgets: what a candidate on a phone downloads, page by page.

Bytes are deterministic, so these are plain assertions. Every resource is found from
the pages themselves (links, scripts, images, the url()s of their CSS) or, for what a
visit really downloads, by loading the page in Chromium: no file name is hard-coded,
so fingerprinted names change nothing. Text is counted gzipped (level 9), as a server
sends it; fonts and images as they are. Headers are not counted. 1 KB = 1,024 bytes.
"""

import gzip
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import dsfr_css
import pytest
from browser import (
    block_other_hosts,
    in_own_thread,
    is_back_office,
    launch,
    other_hosts_refused,
    page_file,
    serve,
    site_pages,
    uncached_tab,
)
from parsed_pages import attribute_text
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

KB = 1024
HTML_BUDGET = 14 * KB  # a page's HTML fits in the first round trips (TCP's initial window)
FIRST_VISIT_BUDGET = 160 * KB  # the home page, nothing cached
NEXT_PAGE_BUDGET = 14 * KB  # any other page once the home page's assets are cached
CSS_BUDGET = 20 * KB  # all the style sheets of a page
JS_BUDGET = 25 * KB  # all the scripts of a page, each deferred

BUILDS = ("upcoming_site", "real_site", "closed_site", "published_site")
TEXT_TYPES = re.compile(r"^(text/|image/svg\+xml|application/(.+\+)?(json|javascript|xml))")
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def gzipped(data):
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def kb(size):
    return f"{size / KB:.1f} KB"


@pytest.fixture(params=BUILDS)
def build(request):
    """The real site in each state of the call, and its public build."""
    return request.getfixturevalue(request.param)


def pages(build):
    """(path in the output folder, parsed HTML) of every public HTML file the build wrote
    (the back office, for editors only, loads Decap CMS: tests/test_admin.py), as a
    browser parses it (Lexbor: Build.tree). The parsed pages are the session's: read
    them, never change them."""
    for path in sorted(p for p in build.output.rglob("*.html") if not is_back_office(p)):
        rel = path.relative_to(build.output).as_posix()
        yield rel, build.tree(rel)


def visible_text(html):
    """The text of a page without that of its scripts and style sheets (comments are
    nodes of their own, not text)."""
    return "".join(
        node.text_content or ""
        for node in html.root.traverse(include_text=True)
        if node.tag == "-text" and node.parent.tag not in ("script", "style")
    )


def local_file(build, url):
    """The built file an URL of the site leads to (absolute URLs of the public build too)."""
    path = urlsplit(url).path
    target = build.output / path.lstrip("/")
    assert target.is_file(), f"{url} does not lead to a built file"
    return target


def stylesheets(build, html):
    """(URL, file) of every style sheet a page links."""
    hrefs = [attribute_text(link, "href") for link in html.css('link[rel~="stylesheet"][href]')]
    return [(href, local_file(build, href)) for href in hrefs]


def font_faces(css_url, css_text):
    """The @font-face rules of a style sheet: their declarations, and src URLs made absolute."""
    faces = []
    for block in dsfr_css.FONT_FACE_RE.findall(css_text):
        declarations = dict(dsfr_css.declarations(block))
        sources = [urljoin(css_url, target) for target in dsfr_css.css_urls(block)]
        faces.append((declarations, sources))
    return faces


# --- what the files say (every page, every build) --------------------------------------


def test_every_page_html_is_within_budget(build):
    over = []
    for path in sorted(p for p in build.output.rglob("*.html") if not is_back_office(p)):
        rel = path.relative_to(build.output).as_posix()
        size = gzipped((build.output / rel).read_bytes())
        if size > HTML_BUDGET:
            over.append(f"{rel}: HTML is {kb(size)} gzipped, budget {kb(HTML_BUDGET)}")
    assert not over, "\n".join(over)


def test_every_page_css_is_within_budget(build):
    over = []
    for rel, html in pages(build):
        sheets = stylesheets(build, html)
        total = sum(gzipped(path.read_bytes()) for _, path in sheets)
        if total > CSS_BUDGET:
            names = ", ".join(f"{url} ({kb(gzipped(p.read_bytes()))})" for url, p in sheets)
            over.append(f"{rel}: CSS is {kb(total)} gzipped ({names}), budget {kb(CSS_BUDGET)}")
    assert not over, "\n".join(over)


def test_every_page_javascript_is_deferred_and_within_budget(build):
    problems = []
    for rel, html in pages(build):
        total = 0
        for script in html.css("script"):
            kind, src = attribute_text(script, "type"), attribute_text(script, "src")
            if kind == "application/ld+json" and not src:
                continue  # a data block (structured data): no script, nothing runs
            if not src:
                problems.append(f"{rel}: an inline <script> (only deferred files are allowed)")
                continue
            deferred = "defer" in script.attributes or kind == "module"
            if not deferred:
                problems.append(f"{rel}: {src} is neither defer nor a module")
            total += gzipped(local_file(build, src).read_bytes())
        if total > JS_BUDGET:
            problems.append(f"{rel}: JavaScript is {kb(total)} gzipped, budget {kb(JS_BUDGET)}")
    assert not problems, "\n".join(problems)


def test_fonts_are_woff2_and_swap(build):
    problems = []
    for rel, html in pages(build):
        for url, path in stylesheets(build, html):
            for declarations, sources in font_faces(url, path.read_text(encoding="utf-8")):
                family = declarations.get("font-family")
                if declarations.get("font-display") != "swap":
                    problems.append(f"{rel}: {url}: @font-face {family} lacks font-display:swap")
                problems += [
                    f"{rel}: {url}: @font-face {family} loads {src}, not a woff2 file"
                    for src in sources
                    if not urlsplit(src).path.endswith(".woff2")
                ]
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


def test_every_page_preloads_the_regular_font_it_uses(build):
    problems = []
    for rel, html in pages(build):
        if html.css_first('meta[http-equiv="refresh"]'):
            continue  # a redirect stub shows no text
        regular = {
            urlsplit(src).path
            for url, path in stylesheets(build, html)
            for declarations, sources in font_faces(url, path.read_text(encoding="utf-8"))
            if declarations.get("font-weight") == "400"
            and declarations.get("font-style", "normal") == "normal"
            for src in sources
        }
        preloads = [
            link
            for link in html.css('link[rel~="preload"][as="font"]')
            if urlsplit(attribute_text(link, "href")).path in regular
        ]
        if not regular:
            problems.append(f"{rel}: no regular (400, normal) @font-face in its CSS")
        elif not preloads:
            problems.append(
                f"{rel}: the regular font ({', '.join(sorted(regular))}) is not preloaded"
            )
        for link in preloads:
            if attribute_text(link, "type") != "font/woff2" or "crossorigin" not in link.attributes:
                problems.append(f"{rel}: the font preload needs type=font/woff2 and crossorigin")
    assert not problems, "\n".join(problems)


def test_the_fonts_cover_every_character_of_the_pages(build):
    """Fonts are subset (unicode-range); a character outside would come from arial."""
    problems = []
    for rel, html in pages(build):
        ranges = [
            span
            for url, path in stylesheets(build, html)
            for declarations, _ in font_faces(url, path.read_text(encoding="utf-8"))
            for span in dsfr_css.unicode_ranges(declarations.get("unicode-range", "U+0-10FFFF"))
        ]
        if not ranges and html.css_first('meta[http-equiv="refresh"]'):
            continue  # a redirect page, in the system's fonts for the blink it is shown
        text = visible_text(html)
        outside = sorted({c for c in text if not any(a <= ord(c) <= b for a, b in ranges)})
        if outside:
            listed = " ".join(f"{c!r} (U+{ord(c):04X})" for c in outside)
            problems.append(
                f"{rel}: characters outside the fonts' unicode-range: {listed}; add them to "
                "FONT_UNICODE_RANGE in scripts/vendor_dsfr.py and rerun it"
            )
    assert not problems, "\n".join(problems)


def test_every_image_has_width_and_height(build):
    missing = [
        f"{rel}: <img src={attribute_text(img, 'src')!r}> lacks width or height"
        for rel, html in pages(build)
        for img in html.css("img")
        if not (attribute_text(img, "width") and attribute_text(img, "height"))
    ]
    assert not missing, "\n".join(missing)


# --- what a visit downloads (Chromium) ---------------------------------------------------


@dataclass
class Visit:
    """The resources one page load fetched: {URL: (resource type, counted bytes)}."""

    path: str
    resources: dict = field(default_factory=dict)

    def total(self, skip=()):
        return sum(size for url, (_, size) in self.resources.items() if url not in skip)

    def describe(self, skip=()):
        rows = sorted(
            ((size, url, kind) for url, (kind, size) in self.resources.items() if url not in skip),
            reverse=True,
        )
        return "\n".join(f"    {kb(size):>9}  {kind:<10} {url}" for size, url, kind in rows)


# Pages loaded at once: each waits half a second of network silence, so one at a time
# the visits would mostly wait.
AT_ONCE = 16


class Responses:
    """Loads pages and counts what each one's responses weigh, as Visits."""

    def __init__(self, base):
        self.base = base
        # A static server sends one URL's bytes alike to every page (the style sheets,
        # fonts and scripts they share): each body is read from the browser and counted once.
        self.counted = {}

    def start(self, page, path):
        """Start loading `path` in `page`; finish() waits for it."""
        responses, pending = [], {}
        listeners = {
            "response": lambda response: responses.append(response),
            # The requests under way: what a failure names when the network never goes quiet.
            "request": lambda request: pending.setdefault(request, request.url),
            "requestfinished": lambda request: pending.pop(request, None),
            "requestfailed": lambda request: pending.pop(request, None),
        }
        for event, listener in listeners.items():
            page.on(event, listener)
        page.goto(self.base + path, wait_until="commit")
        return path, page, responses, (listeners, pending)

    def finish(self, load):
        """The Visit of a load start() began, once its network has been silent."""
        path, page, responses, (listeners, pending) = load
        page.wait_for_load_state("load")
        try:
            page.wait_for_load_state("networkidle")
        except PlaywrightTimeoutError:
            raise AssertionError(
                f"{path}: its network was never quiet for 0.5 s; still under way: "
                f"{sorted(pending.values())}"
            ) from None
        for event, listener in listeners.items():
            page.remove_listener(event, listener)
        result = Visit(path)
        for response in responses:
            kind = response.headers.get("content-type", "").split(";")[0]
            key = (response.url, response.status, kind)
            if key not in self.counted:
                body = response.body() if response.status < 300 else b""
                self.counted[key] = gzipped(body) if TEXT_TYPES.match(kind) else len(body)
            result.resources[response.url.removeprefix(self.base)] = (kind, self.counted[key])
        return result


def first_visit(browser, responses, path, viewport):
    """The Visit of `path` in a new context: nothing cached, and a route that every request
    passes, the browser's own too (the tab's icon, which no page event reports)."""
    context = browser.new_context(viewport=viewport)
    block_other_hosts(context)
    try:
        return responses.finish(responses.start(context.new_page(), path))
    finally:
        context.close()


def visit_all(browser, responses, paths, viewport, proxy):
    """The Visit of each page, loaded with the browser's cache off.

    The tabs of one context, kept on 127.0.0.1 by `proxy` (other_hosts_refused), take the
    pages in turn: with the cache off, each load downloads what a first visit does (but
    the tab's icon, fetched by the browser itself and unseen without a route), for 40 % of
    the processor time a new context per page and its route took (16 s against 42 s).
    """
    results = {}
    context = browser.new_context(viewport=viewport, proxy=proxy)
    tabs = [uncached_tab(context) for _ in range(min(AT_ONCE, len(paths)))]
    for start in range(0, len(paths), AT_ONCE):
        batch = paths[start : start + AT_ONCE]
        loads = [responses.start(tab, path) for tab, path in zip(tabs, batch, strict=False)]
        for load in loads:
            results[load[0]] = responses.finish(load)
    context.close()
    return results


@pytest.fixture(scope="module")
def visits(real_site):
    """Every page of the site (the call open), on a phone; the home page on a desktop too.

    The home page's first visits are whole (its icon too); the other pages count what
    they download once the home page's resources are cached, the icon among them.
    """

    def session():
        with (
            sync_playwright() as playwright,
            serve(real_site.output) as base,
            other_hosts_refused() as proxy,
        ):
            browser = launch(playwright)
            responses = Responses(base)
            others = [path for path in site_pages(real_site.output) if path != "/"]
            phone = {"/": first_visit(browser, responses, "/", PHONE)}
            phone |= visit_all(browser, responses, others, PHONE, proxy)
            desktop_home = first_visit(browser, responses, "/", DESKTOP)
            browser.close()
        return phone, desktop_home

    # Its own thread: another module's browser may be running in this one.
    return in_own_thread(session)


def test_home_page_first_visit_is_within_budget(visits):
    phone, desktop_home = visits
    for name, home in (("phone", phone["/"]), ("desktop", desktop_home)):
        assert home.total() <= FIRST_VISIT_BUDGET, (
            f"/ (first visit, {name}): {kb(home.total())} downloaded, budget "
            f"{kb(FIRST_VISIT_BUDGET)}:\n{home.describe()}"
        )


def test_every_other_page_after_the_home_page_is_within_budget(visits):
    phone, _ = visits
    cached = set(phone["/"].resources)
    over = [
        f"{path}: {kb(v.total(skip=cached))} after the home page, budget "
        f"{kb(NEXT_PAGE_BUDGET)}:\n{v.describe(skip=cached)}"
        for path, v in phone.items()
        if v.total(skip=cached) > NEXT_PAGE_BUDGET
    ]
    assert not over, "\n".join(over)


def test_scripts_downloaded_are_within_budget(visits):
    phone, _ = visits
    for path, v in phone.items():
        scripts = sum(size for kind, size in v.resources.values() if "javascript" in kind)
        assert scripts <= JS_BUDGET, f"{path}: {kb(scripts)} of JavaScript, budget {kb(JS_BUDGET)}"


def test_only_the_font_weights_the_pages_use_are_shipped(visits, real_site):
    """Every @font-face of the CSS is downloaded by some page, and only woff2 is."""
    phone, desktop_home = visits
    loaded = {
        urlsplit(url).path
        for v in [*phone.values(), desktop_home]
        for url, (kind, _) in v.resources.items()
        if kind.startswith("font/") or urlsplit(url).path.endswith((".woff", ".woff2", ".ttf"))
    }
    assert all(path.endswith(".woff2") for path in loaded), loaded
    html = real_site.tree(page_file(real_site.output, "/").relative_to(real_site.output).as_posix())
    declared = {
        urlsplit(src).path
        for url, path in stylesheets(real_site, html)
        for _, sources in font_faces(url, path.read_text(encoding="utf-8"))
        for src in sources
    }
    unused = sorted(declared - loaded)
    assert not unused, (
        f"fonts declared by the CSS that no page downloads: {unused}; the purge of "
        "scripts/vendor_dsfr.py should have dropped them"
    )
