"""Write only the page types our theme has a template for.

Pelican writes tag, category, author, archive and index pages by default, and
would fail or fall back on its own theme for those we never designed. A page
type whose template is missing from THEME/templates is switched off instead.
"""

import logging
import os

from pelican import signals

logger = logging.getLogger(__name__)

# Template name -> the settings that make Pelican write pages with it.
SAVE_AS_BY_TEMPLATE = {
    "tag": ("TAG_SAVE_AS",),
    "category": ("CATEGORY_SAVE_AS",),
    "author": ("AUTHOR_SAVE_AS",),
    "period_archives": ("YEAR_ARCHIVE_SAVE_AS", "MONTH_ARCHIVE_SAVE_AS", "DAY_ARCHIVE_SAVE_AS"),
}


def _has_template(settings, name):
    folders = [
        os.path.join(settings["THEME"], "templates"),
        *settings.get("THEME_TEMPLATES_OVERRIDES", []),
    ]
    return any(os.path.isfile(os.path.join(f, name + ".html")) for f in folders)


def switch_off_untemplated(pelican):
    settings = pelican.settings
    for template, keys in SAVE_AS_BY_TEMPLATE.items():
        if not _has_template(settings, template):
            for key in keys:
                settings[key] = ""
            logger.debug("templated_only: no %s.html, so no %s page", template, template)
    kept = [n for n in settings["DIRECT_TEMPLATES"] if _has_template(settings, n)]
    dropped = sorted(set(settings["DIRECT_TEMPLATES"]) - set(kept))
    if dropped:
        logger.debug("templated_only: no template for %s, not written", ", ".join(dropped))
    settings["DIRECT_TEMPLATES"] = kept


def register():
    # initialized: the settings are final and no generator has read them yet.
    signals.initialized.connect(switch_off_untemplated)
