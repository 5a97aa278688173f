"""Settings that are addresses are parsed and checked as addresses, at start.

`checked_url()` is what every plugin uses for its own address settings
(APPLICATION_FORM_URL, DECAP_CMS's backend); this plugin checks the theme's
(SITEURL, LICENCE, STATE_SITES). A template prints them in attributes: each must
be an absolute https:// address with a host, and hold no quote, bracket, space or
control character.
"""

from .check import SettingsError, checked_url
from .plugin import register

__all__ = ["SettingsError", "checked_url", "register"]
