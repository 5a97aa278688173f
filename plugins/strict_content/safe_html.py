"""The one place where rendered HTML becomes Markup: templates escape everything else.

Templates run with Jinja's autoescape on (JINJA_ENVIRONMENT in pelicanconf.py), so a
front-matter value is text wherever it is printed. A page's body (and a Markdown
field) is HTML made by Markdown; it is printed as HTML only through the
`checked_html` filter, whose input has passed the allow-list of strict_content
(checks.py runs on every body and Markdown field before anything is written).
"""

from markupsafe import Markup

FILTER = "checked_html"


def mark_checked(html):
    """A body that passed the allow-list of strict_content, as Markup (never escaped)."""
    return Markup("" if html is None else str(html))


def install(settings):
    """Give templates the `checked_html` filter (JINJA_FILTERS, Pelican's public setting)."""
    settings["JINJA_FILTERS"] = {**(settings.get("JINJA_FILTERS") or {}), FILTER: mark_checked}
