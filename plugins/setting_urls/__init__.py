"""Settings that are addresses are parsed and checked as addresses, at start.

Each plugin declares its own address settings as `eig_common.options.URL`
(APPLICATION_FORM_URL, DECAP_CMS's backend); this plugin declares the theme's
(SITEURL, LICENCE, STATE_SITES). A template prints them in attributes: each must
be an absolute https:// address with a host, and hold no quote, bracket, space or
control character.
"""

import sys
from pathlib import Path

# eig_common sits beside this plugin: Pelican only searches PLUGIN_PATHS for the
# plugin itself, and never puts that folder on the import path.
PLUGINS_FOLDER = str(Path(__file__).resolve().parent.parent)
if PLUGINS_FOLDER not in sys.path:
    sys.path.append(PLUGINS_FOLDER)

from .plugin import SPEC, register  # noqa: E402

__all__ = ["SPEC", "register"]
