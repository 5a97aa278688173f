"""Settings of the published site: pelicanconf, with the public address."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://entrepreneur-interet-general.etalab.gouv.fr")
RELATIVE_URLS = False
