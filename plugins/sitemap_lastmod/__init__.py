"""pelican-sitemap dates undated pages by the build's moment, not by the wall clock.

pelican-sitemap gives a page the `lastmod` of its `modified` or `date` (a
challenge's date), else the moment its own module was imported: every build of
one commit then wrote a different sitemap.xml. Undated pages (the site's pages,
the skill pages) show the call's state at build time, so their last change is the
moment the site is built for: SOURCE_DATE_EPOCH when set (application_call).
"""

import sys
from pathlib import Path

from pelican import signals

# eig_common sits beside this plugin: Pelican only searches PLUGIN_PATHS for the plugin
# itself, and never puts that folder on the import path.
PLUGINS_FOLDER = str(Path(__file__).resolve().parent.parent)
if PLUGINS_FOLDER not in sys.path:
    sys.path.append(PLUGINS_FOLDER)

from eig_common import boundaries, upstream  # noqa: E402
from eig_common.shared import shared  # noqa: E402


def claim_sitemap(pelican):
    """No page nor redirect may take the sitemap's address (pelican-sitemap writes it)."""
    config = pelican.settings.get("SITEMAP") or {}
    name = "sitemap.txt" if config.get("format") == "txt" else "sitemap.xml"
    shared(pelican.settings).declare(name, f"{name} (SITEMAP)")


def start_build(pelican):
    """A new build: pelican-sitemap forgets a build that failed before it wrote."""
    upstream.forget_sitemap_run()
    claim_sitemap(pelican)


def date_undated_pages(generators):
    upstream.set_sitemap_undated_lastmod(generators[0].settings["CALL"].settings.now)


def register():
    # The call's moment is application_call's; the sitemap, pelican-sitemap's.
    boundaries.declare("sitemap_lastmod", needs=["application_call", "sitemap"])
    # all_generators_finalized: the call's moment is known (application_call sets
    # it on `initialized`), and pelican-sitemap writes later, on `finalized`;
    # initialized: before any file is read, so that the duplicate check knows the sitemap.
    signals.all_generators_finalized.connect(date_undated_pages)
    signals.initialized.connect(start_build)
