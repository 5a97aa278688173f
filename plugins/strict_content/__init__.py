"""A build that warns is a failed build: HTML that the allow-list refuses (in page texts,
static HTML and SVG files, includes), broken internal links and images, images without
alt text, and any warning Pelican logs.

Each problem is told as `path:line: what — what to do`, with jekyll_compat's
other errors, before anything is written.
"""

import sys
from pathlib import Path

# eig_common, and the plugins this one needs, sit beside it: Pelican only searches
# PLUGIN_PATHS for the plugin itself, and never puts that folder on the import path.
PLUGINS_FOLDER = str(Path(__file__).resolve().parent.parent)
if PLUGINS_FOLDER not in sys.path:
    sys.path.append(PLUGINS_FOLDER)

from .plugin import markup, passed, register  # noqa: E402

__all__ = ["markup", "passed", "register"]
