"""Make Pelican read the Jekyll-format Markdown that Etalab's editors write.

YAML front matter, layouts, permalinks, dates in file names, drafts, Liquid
(`site`, `page`, `include`, `link`, `raw`) and `redirect_from`, with errors
that name the file, the line and what to change.
"""

import sys
from pathlib import Path

# eig_common, and the plugins this one needs, sit beside it: Pelican only searches
# PLUGIN_PATHS for the plugin itself, and never puts that folder on the import path.
PLUGINS_FOLDER = str(Path(__file__).resolve().parent.parent)
if PLUGINS_FOLDER not in sys.path:
    sys.path.append(PLUGINS_FOLDER)

from pelican_jekyll.reader import messages  # noqa: E402

from .plugin import register  # noqa: E402

# The site's editors read French: the port's messages too, from the moment the site
# plugin is imported (plugins/content_schema reads front matter through it).
messages.use("fr")

__all__ = ["register"]
