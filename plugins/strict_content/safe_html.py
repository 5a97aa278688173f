"""The one place where rendered HTML becomes Markup: templates escape everything else.

Templates run with Jinja's autoescape on (JINJA_ENVIRONMENT in pelicanconf.py), so a
front-matter value is text wherever it is printed. A page's body (and a Markdown
field) is HTML made by Markdown; it is printed as HTML only through the
`checked_html` filter, which is strict_content's `markup`: HTML that passed the
allow-list this run (checks.py runs on every body and Markdown field before anything
is written), or that passes it there; anything else stops the build.
"""

import re

from markupsafe import Markup, escape

FILTER = "checked_html"
# Every attribute of our templates is double-quoted (tests/test_escaping.py checks it),
# so an apostrophe needs no escaping: "d'intérêt" stays as editors wrote it.
APOSTROPHE = "&#39;"
SPECIAL = re.compile('[&<>"]')


def as_text(value):
    """What `{{ value }}` prints: Markup as it is, anything else escaped (&, <, >, ")."""
    # Most values are plain text with nothing to escape: the fast path of every page.
    if type(value) is str and not SPECIAL.search(value):
        # Jinja escapes what this returns: plain text without "'" goes through its C escaper
        # unchanged, which is cheaper than making Markup here and again there.
        return value if "'" not in value else Markup(value)
    if hasattr(value, "__html__"):
        return value
    return Markup(str(escape(value)).replace(APOSTROPHE, "'"))


def install(settings, mark):
    """Give templates `checked_html` (`mark`: rendered HTML -> Markup once checked), and
    `{{ … }}` its escaping (Pelican's public settings)."""
    settings["JINJA_FILTERS"] = {**(settings.get("JINJA_FILTERS") or {}), FILTER: mark}
    environment = dict(settings.get("JINJA_ENVIRONMENT") or {})
    if environment.get("autoescape"):
        environment.setdefault("finalize", as_text)
    settings["JINJA_ENVIRONMENT"] = environment
