"""The site's Liquid: `site.*` from its settings, and its editors' advice for a typo.

The Liquid of pelican_jekyll (include, link, bounds) knows no site; this module adds
what a page of this site may print as {{ site.x }}, and where such a value comes from.
"""

from collections.abc import Mapping
from urllib.parse import urlsplit

from eig_common import upstream
from liquid.exceptions import LiquidTypeError
from pelican.settings import DEFAULT_CONFIG
from pelican_jekyll.reader.liquid_tags import JekyllLiquid

# Settings a page may print as {{ site.x }}, besides title, url, baseurl and JEKYLL_SITE
# (without it: every text setting of the site's own, none of Pelican's): public text
# only, never a path of the build machine nor a Python object.
SITE_SETTINGS = "JEKYLL_SITE_SETTINGS"
PUBLIC_TYPES = (str, int, float, bool)


def _public(value):
    """Whether a value is plain text or a number (or a list of them)."""
    if isinstance(value, (list, tuple)):
        return all(isinstance(v, PUBLIC_TYPES) for v in value)
    return isinstance(value, PUBLIC_TYPES)


class SiteDrop(Mapping):
    """`site.*`: title and url as Jekyll names them, then JEKYLL_SITE, then the settings
    named in JEKYLL_SITE_SETTINGS; nothing else (no path, no object) reaches a page.

    JEKYLL_SITE comes before the settings so that a plugin can give a page a
    value other than the raw setting (the call's state picks the form's link).
    """

    def __init__(self, settings):
        siteurl = settings.get("SITEURL", "")
        own = {
            "title": settings.get("SITENAME", ""),
            "url": siteurl,
            "baseurl": urlsplit(siteurl).path.rstrip("/"),
        }
        names = settings.get(SITE_SETTINGS)
        if names is None:  # the site's own settings; Pelican's (PATH, OUTPUT_PATH…) never
            names = [name for name in settings if name not in DEFAULT_CONFIG]
        public = {
            name.lower(): settings[name]
            for name in names
            if isinstance(name, str) and name in settings and _public(settings[name])
        }
        extra = {
            key: value
            for key, value in (settings.get("JEKYLL_SITE") or {}).items()
            if isinstance(key, str) and _public(value)
        }
        self._values = {**public, **extra, **own}
        self.recording = None  # a read_memo.Dependencies while a file is read

    def __getitem__(self, key):
        value = self._values[key]
        if self.recording is not None:
            self.recording.site[key] = value
        return value

    def __iter__(self):
        if self.recording is not None:
            # A page that lists `site` depends on all of it.
            self.recording.site.update(self._values)
        return iter(sorted(self._values))

    def __len__(self):
        return len(self._values)

    def __str__(self):
        # Jekyll would print its whole site hash; ours is told to name one value.
        raise LiquidTypeError(
            "« {{ site }} » ne s'affiche pas en entier — écrivez la valeur voulue, par "
            "exemple {{ site.title }} ou {{ site.contact_email }}",
            token=None,
        )

    __repr__ = __str__


class SiteLiquid(JekyllLiquid):
    """pelican_jekyll's strict Liquid, whose advice for a typo names this site's settings."""

    undefined_fix = (
        "corrigez son nom : site.x lit le réglage X de pelicanconf.py listé dans "
        "JEKYLL_SITE_SETTINGS (ou la clé x de JEKYLL_SITE), page.x la clé x de "
        "l'en-tête de la page"
    )


def forget_environments():
    """Liquid keeps a parser for each of the last 128 environments, and each of ours holds
    its reader and every file that reader loaded: a process that builds again lets go."""
    upstream.forget_liquid_parsers()
