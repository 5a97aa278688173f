"""`make serve` reloads the open page after each good build, under the site's CSP."""

import pytest
from browser import block_other_hosts, in_own_thread, launch
from playwright.sync_api import expect, sync_playwright
from serving import WAIT_SECONDS, get, make_serve, wait_for, wait_until

pytestmark = pytest.mark.browser

CSP = "Content-Security-Policy"
CSP_META = f'<meta http-equiv="{CSP}" content="default-src \'self\'">'
SCRIPT_TAG = 'src="/__livereload.js"'


def with_strict_csp(site):
    """The site's pages forbid inline code and other hosts (added if the theme does not yet)."""
    base = site / "templates" / "base.html"
    html = base.read_text(encoding="utf-8")
    if CSP not in html:
        base.write_text(html.replace("<head>", "<head>\n  " + CSP_META, 1), encoding="utf-8")


@pytest.fixture
def served(tmp_path):
    with make_serve(tmp_path, prepare=with_strict_csp) as served:
        assert wait_for(served.url + "/cgu/", "Conditions générales"), served.output()
        yield served


class OpenPage:
    """The served /cgu/ page in Chromium, and what CSP blocked of scripts and connections."""

    def __init__(self, playwright, url):
        context = launch(playwright).new_context()
        block_other_hosts(context)
        self.page = context.new_page()
        self.csp_errors = []
        self.page.on("console", self._console)
        self.page.goto(url + "/cgu/")
        expect(self.page.locator("h1")).to_contain_text("Conditions générales d'utilisation")
        expect(self.page.locator(f'meta[http-equiv="{CSP}"]')).to_have_count(1)

    def _console(self, message):
        # Only what concerns live reload: its script, and its events connection.
        text = message.text
        if "Content Security Policy" in text and ("script" in text or "Connecting" in text):
            self.csp_errors.append(text)

    def mark(self):
        """Leave a mark in the page's window, which only a reload removes."""
        self.page.evaluate("window.notReloaded = true")

    def is_marked(self):
        return self.page.evaluate("window.notReloaded === true")

    def wait_for_text(self, text):
        expect(self.page.get_by_text(text)).to_be_visible(timeout=WAIT_SECONDS * 1000)


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_saved_change_reloads_the_open_page(served):
    def session():
        with sync_playwright() as playwright:
            browser = OpenPage(playwright, served.url)
            browser.mark()
            append(served.site / "pages" / "cgu.md", "\nUne phrase ajoutée à l'instant.\n")
            # Shown with the curled apostrophe of Jekyll's typography.
            browser.wait_for_text("Une phrase ajoutée à l’instant.")
            assert not browser.is_marked()
            assert browser.csp_errors == []

    in_own_thread(session)


def test_a_bad_save_keeps_the_page_and_prints_the_error(served):
    page_file = served.site / "pages" / "cgu.md"
    good = page_file.read_text(encoding="utf-8")

    def session():
        with sync_playwright() as playwright:
            browser = OpenPage(playwright, served.url)
            browser.mark()
            page_file.write_text(good.replace("layout: page", "layout: inconnue"), "utf-8")
            assert wait_until(lambda: "Erreur : le site servi reste" in served.output())
            assert "pages/cgu.md:2: la mise en page « inconnue » est inconnue" in served.output()
            assert browser.is_marked()
            expect(browser.page.locator("h1")).to_contain_text("Conditions générales")

            page_file.write_text(good + "\nRéparée.\n", encoding="utf-8")
            browser.wait_for_text("Réparée.")
            assert not browser.is_marked()

    in_own_thread(session)


def test_only_served_pages_carry_the_live_reload_script(served):
    assert SCRIPT_TAG in get(served.url + "/cgu/")[1]
    status, script = get(served.url + "/__livereload.js")
    assert status == 200
    assert "EventSource" in script
    built = [p for p in (served.site / "output").rglob("*") if p.is_file()]
    assert built
    assert [p for p in built if b"livereload" in p.read_bytes()] == []
