"""pelican-sitemap dates undated pages by the build's moment, not by the wall clock.

pelican-sitemap gives a page the `lastmod` of its `modified` or `date` (a
challenge's date), else the moment its own module was imported: every build of
one commit then wrote a different sitemap.xml. Undated pages (the site's pages,
the skill pages) show the call's state at build time, so their last change is the
moment the site is built for: SOURCE_DATE_EPOCH when set (application_call).
"""

from jekyll_compat import unique_urls
from pelican import signals
from pelican.plugins.sitemap import sitemap


def claim_sitemap(pelican):
    """No page nor redirect may take the sitemap's address (pelican-sitemap writes it)."""
    config = pelican.settings.get("SITEMAP") or {}
    name = "sitemap.txt" if config.get("format") == "txt" else "sitemap.xml"
    unique_urls.declare(pelican.settings, name, f"{name} (SITEMAP)")


def date_undated_pages(generators):
    settings = generators[0].settings
    sitemap.generator.now = settings["CALL"].settings.now


def register():
    # all_generators_finalized: the call's moment is known (application_call sets
    # it on `initialized`), and pelican-sitemap writes later, on `finalized`;
    # initialized: before any file is read, so that the duplicate check knows the sitemap.
    signals.all_generators_finalized.connect(date_undated_pages)
    signals.initialized.connect(claim_sitemap)
