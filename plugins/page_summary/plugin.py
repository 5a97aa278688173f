"""Signal wiring of the page_summary plugin: the `page_summary` filter of templates."""

import logging

from eig_common import boundaries
from pelican import signals

from . import settings
from .headings import Summary, summarise
from .reserved_ids import theme_ids

logger = logging.getLogger(__name__)
FILTER = "page_summary"
# The front-matter key by which a page asks for a summary (true) or refuses one (false).
KEY = "sommaire"


def summary_filter(options, reserved):
    """The filter: a page -> its Summary (no entries when it gets none)."""
    level, threshold = options["level"], options["min_headings"]

    def page_summary(page):
        html = page.content or ""
        wanted = page.metadata.get(KEY)
        if wanted is False:
            return Summary((), html)
        summary = summarise(html, level, reserved)
        if wanted is True or (threshold is not None and len(summary.entries) >= threshold):
            return summary
        # No summary: the body still gets its ids off the template's.
        return Summary((), summary.html)

    return page_summary


def install(pelican):
    """Give templates the filter, with the ids the theme's templates write."""
    config = pelican.settings
    reserved = theme_ids(config["THEME"])
    page_summary = summary_filter(settings.load(config), reserved)
    config["JINJA_FILTERS"] = {**(config.get("JINJA_FILTERS") or {}), FILTER: page_summary}
    logger.debug("page_summary: %d ids kept for the templates", len(reserved))


def register():
    boundaries.declare("page_summary", spec=settings.SPEC)
    # initialized: settings are final, and templates are not loaded yet.
    signals.initialized.connect(install)
