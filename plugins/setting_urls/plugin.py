"""Signal wiring of the setting_urls plugin: the theme's address settings, at start."""

from pelican import signals

from .check import SettingsError, checked_url


def _pairs(settings, name):
    """(label, url) pairs of a setting such as STATE_SITES, or SettingsError."""
    value = settings.get(name) or ()
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(pair, (list, tuple)) and len(pair) == 2 for pair in value
    ):
        raise SettingsError(f"réglage {name} : doit être une liste de paires (texte, adresse)")
    return value


def check_settings(pelican):
    """Every address the theme prints as it is, checked before anything is read."""
    settings = pelican.settings
    if settings.get("SITEURL"):
        checked_url(settings["SITEURL"], "SITEURL", bare=True, loopback_http=True)
    licence = settings.get("LICENCE")
    if licence is not None:
        if not isinstance(licence, (list, tuple)) or len(licence) != 2:
            raise SettingsError("réglage LICENCE : doit être une paire (texte, adresse)")
        checked_url(licence[1], "LICENCE")
    for index, (_, url) in enumerate(_pairs(settings, "STATE_SITES")):
        checked_url(url, f"STATE_SITES[{index}]")


def register():
    # initialized: settings are final, and nothing is read yet.
    signals.initialized.connect(check_settings)
