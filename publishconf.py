"""Settings of the published site: pelicanconf, with the public address."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://entrepreneur-interet-general.etalab.gouv.fr")
RELATIVE_URLS = False

# A .gz and a .br beside every text file, for servers that send them as they are
# (nginx's gzip_static and brotli_static): no compression work per request. zlib
# writes no time in its gzip header, so the same sources give the same bytes.
PLUGINS = [*PLUGINS, "precompress"]  # noqa: F405
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_ZOPFLI = False
PRECOMPRESS_ZSTANDARD = False
# output/ is not emptied between builds: a .gz left from an older build is replaced.
PRECOMPRESS_OVERWRITE = True
PRECOMPRESS_TEXT_EXTENSIONS = {
    ".css",
    ".html",
    ".ics",
    ".js",
    ".svg",
    ".txt",
    ".webmanifest",
    ".xml",
}
