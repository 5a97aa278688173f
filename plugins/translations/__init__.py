"""An English version of the site, the Pelican way: pages paired by a key, `lang`, fallbacks."""

import sys
from pathlib import Path

# eig_common, and the plugins this one needs, sit beside it: Pelican only searches
# PLUGIN_PATHS for the plugin itself, and never puts that folder on the import path.
PLUGINS_FOLDER = str(Path(__file__).resolve().parent.parent)
if PLUGINS_FOLDER not in sys.path:
    sys.path.append(PLUGINS_FOLDER)

from .plugin import register  # noqa: E402

__all__ = ["register"]
