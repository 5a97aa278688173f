"""Settings of the published site: pelicanconf, with the public address."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://entrepreneur-interet-general.etalab.gouv.fr")
RELATIVE_URLS = False
# Nothing left to fill in by `make defi` reaches the public site (scripts/placeholders.py).
REFUSE_PLACEHOLDERS = True

# A .gz and a .br beside every text file, for servers that send them as they are
# (nginx's gzip_static and brotli_static): no compression work per request. zlib
# writes no time in its gzip header, so the same sources give the same bytes.
PLUGINS = [*PLUGINS, "precompress"]  # noqa: F405
# The public back office only talks to GitHub (no local decap-server), and each change
# is a pull request that CI builds and tests before it can be published.
DECAP_CMS = {**DECAP_CMS, "local_backend": None, "publish_mode": "editorial_workflow"}  # noqa: F405
# The challenges' Atom feed, at the 2017 site's address (plugins/challenge_feed), when
# the site has an address: a feed's links and ids are absolute.
FEED_ATOM = "feed.xml" if SITEURL else None
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_ZOPFLI = False
PRECOMPRESS_ZSTANDARD = False
# Each build starts from an empty folder (scripts/build.py); overwriting is only a safeguard.
PRECOMPRESS_OVERWRITE = True
# No .js: public pages have none, and the back office's Decap CMS comes with its .gz
# (scripts/vendor_decap.py), 5 MB that would take 10 s to compress at each build. Its
# files are hard links to static/decap/: compressing them here would rewrite those.
PRECOMPRESS_TEXT_EXTENSIONS = {
    ".css",
    ".html",
    ".ics",
    ".svg",
    ".txt",
    ".webmanifest",
    ".xml",
}

# The 2017 site's page addresses, redirected (redirect_from:, then a 301 in the server
# rules of plugins/deploy_rules). Set here rather than in the pages' front matter:
# /cgu.html beside /cgu/ would make Pelican's preview server (make serve), which tries
# "cgu.html" first for /cgu/, show the redirect page in place of the page.
OLD_PAGE_URLS = {
    "pages/cgu.md": "/cgu.html",
    "pages/faq.md": "/faq.html",
    "pages/accueil.md": "/a-propos.html",  # the programme's presentation, now the home page
}
JEKYLL_COMPAT = {
    **JEKYLL_COMPAT,  # noqa: F405
    "defaults": [
        *JEKYLL_COMPAT["defaults"],  # noqa: F405
        *(
            {"scope": {"path": path}, "values": {"redirect_from": [old]}}
            for path, old in OLD_PAGE_URLS.items()
        ),
    ],
}
