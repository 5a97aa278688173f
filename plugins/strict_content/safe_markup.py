"""The one way for a template to print rendered HTML unescaped: only HTML the allow-list accepts."""

from jekyll_compat.errors import BuildFailed
from markupsafe import Markup

from . import verdicts


class RefusedHTML(BuildFailed):
    """HTML that a template would print unescaped, and that the allow-list refuses."""


def accepted(html):
    """Whether the allow-list accepts `html` as a page's text (elements, attributes,
    addresses, and nothing left open at its end)."""
    return not verdicts.verdict(html).refused


def markup(html, passed=frozenset()):
    """`html` as Markup, which an autoescaping template prints as it is; `passed` holds the
    HTML already checked this run (with its source lines), else it is checked here."""
    html = html or ""
    if html in passed or accepted(html):
        return Markup(html)
    raise RefusedHTML(
        "site non construit : un gabarit imprime du HTML que la liste d'autorisation refuse "
        f"(« {html[:80]} ») ; il doit venir d'un texte vérifié (page.content) ou être échappé"
    )
