"""Signal wiring of the setting_urls plugin: the theme's address settings, at start."""

from pelican import signals

from .check import SettingsError, checked_url

PREFIX = "setting_urls: "


def _pairs(settings, name):
    """(label, url) pairs of a setting such as STATE_SITES, or SettingsError."""
    value = settings.get(name) or ()
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(pair, (list, tuple)) and len(pair) == 2 for pair in value
    ):
        raise SettingsError(f"{PREFIX}{name} doit être une liste de paires (texte, adresse)")
    return value


def _addresses(settings):
    """(value, setting, options) of every address the theme prints as it is."""
    if settings.get("SITEURL"):
        yield settings["SITEURL"], "SITEURL", {"bare": True, "loopback_http": True}
    licence = settings.get("LICENCE")
    if licence is not None:
        if not isinstance(licence, (list, tuple)) or len(licence) != 2:
            raise SettingsError(f"{PREFIX}LICENCE doit être une paire (texte, adresse)")
        yield licence[1], "LICENCE", {}
    for index, (_, url) in enumerate(_pairs(settings, "STATE_SITES")):
        yield url, f"STATE_SITES[{index}]", {}


def check_settings(pelican):
    """Every address the theme prints, checked before anything is read."""
    for value, setting, options in _addresses(pelican.settings):
        try:
            checked_url(value, setting, **options)
        except SettingsError as err:
            raise SettingsError(PREFIX + str(err)) from None


def register():
    # initialized: settings are final, and nothing is read yet.
    signals.initialized.connect(check_settings)
