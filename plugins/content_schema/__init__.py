"""Check every content file's front matter against the declared schema of its kind.

The declaration (plugins/content_schema/schema.py) is plain data; this plugin
reports each departure from it as `path:line: what — what to do`.
"""

import sys
from pathlib import Path

# eig_common, and the plugins this one needs, sit beside it: Pelican only searches
# PLUGIN_PATHS for the plugin itself, and never puts that folder on the import path.
PLUGINS_FOLDER = str(Path(__file__).resolve().parent.parent)
if PLUGINS_FOLDER not in sys.path:
    sys.path.append(PLUGINS_FOLDER)


def register():
    # Imported here so that `content_schema.schema` loads without Pelican
    # (scaffolding and documentation scripts read it).
    from .plugin import register as connect_signals

    connect_signals()
