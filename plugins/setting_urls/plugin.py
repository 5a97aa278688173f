"""The theme's address settings, declared on the shared settings layer."""

from eig_common import boundaries
from eig_common.options import URL, Check, ListOf, Option, Optional, Spec

SITE_URL = URL(bare=True, loopback_http=True)
ADDRESS = URL()


def _site_url(value, where):
    # "" is the development build's: pages are linked from the site's root.
    return value if value == "" else SITE_URL.validate(value, where)


def _labelled_address(value, where):
    """A (text, address) pair, as LICENCE and STATE_SITES give them."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        Option.fail(f"{where} doit être une paire (texte, adresse)")
    ADDRESS.validate(value[1], where)
    return value


SPEC = Spec(
    "setting_urls",
    {
        "SITEURL": Check(_site_url, default=""),
        "LICENCE": Optional(Check(_labelled_address, default=None)),
        "STATE_SITES": ListOf(
            Check(_labelled_address, default=None),
            default=(),
        ),
    },
)


def register():
    # The check runs with every plugin's at start (eig_common.boundaries).
    boundaries.declare("setting_urls", spec=SPEC)
