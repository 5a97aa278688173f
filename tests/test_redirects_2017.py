"""Every 2017 address has a redirect page in the built site, for hosts without server rules."""

import pytest
from browser import is_redirect
from jekyll_compat.permalinks import output_path
from old_urls_2017 import MOVED as MOVED_2017
from old_urls_2017 import MOVED_PAGES, UNCHANGED
from site_content import page_urls

# The 2017 addresses whose page the content still has (a challenge removed for a later
# call takes its old address with it).
MOVED = {old: new for old, new in MOVED_2017.items() if new in page_urls()}


@pytest.mark.parametrize(("old", "new"), MOVED.items())
def test_old_url_has_a_redirect_page_to_its_new_page(published_site, old, new):
    save_as = output_path(old)[1]
    page = published_site.html(save_as)
    target = "https://entrepreneur-interet-general.etalab.gouv.fr" + new
    assert page.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={target}"
    assert page.select_one('link[rel="canonical"]')["href"] == target


@pytest.mark.parametrize("old", MOVED)
def test_old_url_leads_to_a_real_page(published_site, old):
    target = published_site.output / output_path(MOVED[old])[1]
    assert target.is_file()
    assert not is_redirect(target)


@pytest.mark.parametrize("url", UNCHANGED)
def test_unchanged_old_url_is_still_a_page(published_site, url):
    page = published_site.output / output_path(url)[1]
    assert page.is_file()
    assert not is_redirect(page)


@pytest.mark.parametrize("old", MOVED_PAGES)
def test_preview_build_leaves_old_page_addresses_out(real_site, old):
    # Pelican's preview server would serve cgu.html for /cgu/: a redirect in place of the page.
    assert not (real_site.output / output_path(old)[1]).exists()
