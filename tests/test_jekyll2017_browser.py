"""The 2017 files' images, in a browser: each one loads and shows (not a broken image)."""

import pytest
from browser import block_other_hosts, in_own_thread, launch, serve
from conftest import build_real_site, module_folder
from jekyll2017_helpers import posts, site_with_2017_files, title_part
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def output(request):
    with module_folder(request, "jekyll2017-browser") as folder:
        site, _ = site_with_2017_files(folder)
        result = build_real_site(site)
        assert result.returncode == 0, result.log
        yield result.output


def test_every_image_of_the_2017_pages_shows(output):
    # Each file is served at /defis/<its name after the date>/ (pelicanconf.py's permalink).
    names = [title_part(post).removesuffix(".md") for post in posts()]

    def session():
        shown = {}
        with serve(output) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            context = browser.new_context()
            outside = block_other_hosts(context)
            page = context.new_page()
            for name in names:
                response = page.goto(f"{base}/defis/{name}/", wait_until="load")
                assert response is not None and response.ok, name
                shown[name] = page.locator("main img").evaluate_all(
                    "imgs => imgs.map(i => [i.getAttribute('src'), i.complete && i.naturalWidth])"
                )
            browser.close()
        return shown, outside

    shown, outside = in_own_thread(session)
    assert all(shown.values()), [name for name, images in shown.items() if not images]
    broken = [(name, src) for name, images in shown.items() for src, ok in images if not ok]
    assert broken == []
    assert outside == []
